"""Building the static parts of a portal model: intro, contact, directory, documents, procedures, access, links."""
from __future__ import annotations

import random
from datetime import timedelta

from farm import vocab
from farm.model import DocumentRow, Link, PortalModel, fill, person
from farm.portals import load_portals


def build_intro(m: PortalModel, rng: random.Random, group: str) -> None:
    # The province's intro has the contents of UBND tỉnh (QĐ 96 Điều 8 khoản 1 điểm a, second dash), as communes do.
    kind = "department" if group == "dept" else "commune"
    keys = vocab.INTRO_ELEMENTS[kind]
    state = m.features["intro"]
    if state == "all":
        present = list(keys)
    elif state == "some":
        present = rng.sample(keys, rng.randint(1, 2))
    else:
        present = []
    if "gioi-thieu" not in m.sections:
        present = []
    m.intro_elements = {k: rng.choice(vocab.ELEMENT_LABELS[k]) for k in keys if k in present}
    m.intro_style = rng.choice(["headings", "subpages"])
    m.intro_filler = rng.sample(vocab.INTRO_FILLER, 2)
    if "lich-su" in m.sections and m.sections["lich-su"].page == "history":
        m.history_label = m.sections["lich-su"].label if group != "commune" else rng.choice(
            ["Lịch sử văn hóa", "Di tích lịch sử - văn hóa", "Truyền thống văn hóa"])


STREETS = ["Lý Thái Tổ", "Nguyễn Văn Cừ", "Hùng Vương", "Trần Hưng Đạo", "Lê Lợi"]


def build_contact(m: PortalModel, rng: random.Random, group: str) -> None:
    slug = m.portal.id.replace("-", "")[:14]
    values = {
        "address": f"Số {rng.randint(1, 120)} đường {rng.choice(STREETS)}, "
                   + (m.portal.name[0].lower() + m.portal.name[1:] if m.portal.is_commune else "phường Kinh Bắc")
                   + ", tỉnh Bắc Ninh",
        "phone": f"0222.38{rng.randint(10, 99)}.{rng.randint(100, 999)}",
        "fax": f"0222.38{rng.randint(10, 99)}.{rng.randint(100, 999)}",
        "email": f"{slug}@bacninh.gov.vn",
    }
    state = m.features["contact"]
    scored = ["address", "phone", "fax", "email"] if group in ("dept", "province") else ["address", "phone", "email"]
    if state == "all":
        fields = set(scored)
    elif state == "some":
        fields = set(rng.sample(scored, rng.randint(1, len(scored) - 1)))
    else:
        fields = set()
    if group == "commune" and rng.random() < 0.5:
        fields.add("fax")  # fax is shown by some communes but not scored for them
    m.contact = {k: values[k] for k in ("address", "phone", "fax", "email") if k in fields}

DIRECTORY_COLUMNS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điện thoại", "Email"]


def _positions(kind: str) -> list[str]:
    if kind in ("commune", "ward"):
        return ["Bí thư Đảng ủy", "Chủ tịch HĐND", "Chủ tịch UBND", "Phó Chủ tịch UBND", "Phó Chủ tịch UBND",
                "Chánh Văn phòng HĐND - UBND", "Trưởng phòng Kinh tế", "Trưởng phòng Văn hóa - Xã hội",
                "Công chức Tư pháp - Hộ tịch", "Công chức Địa chính"]
    return ["Giám đốc", "Phó Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Chánh Thanh tra",
            "Trưởng phòng Kế hoạch - Tài chính", "Trưởng phòng Tổ chức cán bộ", "Phó Chánh Văn phòng",
            "Trưởng phòng Quản lý chuyên ngành"]


def build_directory(m: PortalModel, rng: random.Random) -> None:
    state = m.features["directory"]
    positions = _positions(m.portal.kind)
    n = rng.randint(4, len(positions))
    m.leaders = [(person(rng), positions[i]) for i in range(min(4, n))]
    if state == "absent":
        return
    cols = list(DIRECTORY_COLUMNS)
    if state == "no-column":
        cols.remove(rng.choice(["Điện thoại", "Email"]))
    m.directory_columns = cols
    if state == "empty":
        return
    unit = "Văn phòng HĐND - UBND" if m.portal.is_commune else "Văn phòng"
    rows = []
    for i in range(n):
        name = m.leaders[i][0] if i < len(m.leaders) else person(rng)
        rows.append({"Họ và tên": name, "Chức vụ": positions[i], "Đơn vị": unit if i > 3 else "Lãnh đạo",
                     "Điện thoại": f"0222.38{rng.randint(10, 99)}.{rng.randint(100, 999)}",
                     "Email": f"{vocab.slugify(name).replace('-', '')[:12]}{i}@bacninh.gov.vn"})
    if state == "incomplete":
        for i in rng.sample(range(n), rng.randint(1, min(3, n))):
            rows[i][rng.choice(["Điện thoại", "Email"])] = ""
    m.directory = rows

DOC_COLUMNS = ["STT", "Số/Ký hiệu", "Trích yếu", "Ngày ban hành", "Ngày hiệu lực", "Cơ quan ban hành", "Loại văn bản",
               "Tải về"]


def build_documents(m: PortalModel, rng: random.Random) -> None:
    state = m.features["documents"]
    if state == "absent":
        return
    cols = list(DOC_COLUMNS)
    if state == "nocol":
        cols.remove(rng.choice(["Ngày hiệu lực", "Cơ quan ban hành", "Loại văn bản"]))
    m.doc_columns = cols
    m.doc_search = state == "full" or (state in ("nocol", "nofile") and rng.random() < 0.5)
    if state == "empty":
        return
    organ = m.org if m.portal.kind != "department" else m.portal.name
    span = (m.now.date() - m.history_start).days
    rows = []
    n = rng.randint(10, 75)
    folder = rng.randrange(100000, 999999)
    for i in range(n):
        issued = m.history_start + timedelta(days=rng.randrange(span))
        dtype = rng.choice(vocab.DOC_TYPES)
        abbr = {"Quyết định": "QĐ", "Nghị quyết": "NQ", "Chỉ thị": "CT", "Kế hoạch": "KH", "Thông báo": "TB",
                "Công văn": "CV"}[dtype]
        if dtype == "Nghị quyết":
            symbol = f"{rng.randint(1, 90)}/{issued.year}/NQ-HĐND"
        else:
            symbol = f"{rng.randint(1, 3000)}/{abbr}-UBND"
        summary = vocab.nfc(f"{dtype} " + fill(rng.choice(vocab.DOC_SUBJECTS), rng, m.org, issued.year))
        file_name = vocab.slugify(symbol) or f"van-ban-{i}"
        uuid = "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                              rng.getrandbits(16), rng.getrandbits(48))
        rows.append(DocumentRow(symbol, summary, issued, issued + timedelta(days=rng.choice([0, 10, 15, 45])),
                                organ, dtype, f"/documents/{m.group_id}/{folder}/{file_name}.pdf/{uuid}"))
    rows.sort(key=lambda d: (d.issued, d.symbol), reverse=True)
    if state == "nofile":
        # Defects sit on the first page (rows 0..24) so a crawler reading page 1 already sees them.
        for i in rng.sample(range(min(25, n)), rng.randint(1, 3)):
            rows[i].file_path = None
    m.documents = rows


def build_procedures(m: PortalModel, rng: random.Random) -> None:
    if m.features["tthc"] != "page":
        return
    organ = m.org if m.portal.kind != "department" else m.portal.name
    for name in rng.sample(vocab.PROCEDURES, rng.randint(6, len(vocab.PROCEDURES))):
        m.procedures.append((name, organ, rng.choice(vocab.FIELDS).capitalize(),
                             rng.choice(["Một phần", "Toàn trình", "Cung cấp thông tin"])))


def build_access(m: PortalModel, rng: random.Random) -> None:
    state = m.features["access"]
    keys = list(vocab.ACCESS_ELEMENTS)
    if state == "all":
        present = keys
    elif state == "some":
        present = rng.sample(keys, rng.randint(1, 2))
    else:
        present = []
    if "tiep-can-thong-tin" not in m.sections:
        present = []
    m.access_elements = {k: rng.choice(vocab.ELEMENT_LABELS[k]) for k in keys if k in present}

UNLINKED_DEPARTMENTS = {"bao-va-phat-thanh-truyen-hinh", "bv-suc-khoe-tam-than"}


def build_links(m: PortalModel, rng: random.Random, group: str) -> None:
    portals = [p for p in load_portals() if p.id != m.portal.id]
    # Link labels are portal names; two departments' names read as section labels ("phát thanh", "đơn vị sự
    # nghiệp") and are never linked, so a link label can't be mistaken for a section of the linking portal.
    depts = [p for p in portals if p.kind == "department" and p.id not in UNLINKED_DEPARTMENTS]
    communes = [p for p in portals if p.is_commune]
    state = m.features["links"]
    links: list[Link] = []
    want_province = state in ("met", "province-only", "no-commune", "no-dept") and group != "province"
    if group == "dept":
        want_depts = state in ("met", "others-only")
        want_communes = state == "others-only" and rng.random() < 0.5
        want_central = state in ("met", "others-only") and rng.random() < 0.6
    else:
        want_depts = state in ("met", "no-commune")
        want_communes = state in ("met", "no-dept")
        want_central = rng.random() < 0.5
    if want_province:
        links.append(Link("portal:tinh-bac-ninh", "Cổng TTĐT tỉnh Bắc Ninh",
                          rng.choice(["", "", "/trang-chu"])))
    if want_depts:
        for p in rng.sample(depts, rng.randint(1, 4)):
            links.append(Link(f"portal:{p.id}", p.name))
    if want_communes:
        for p in rng.sample(communes, rng.randint(1, 3)):
            links.append(Link(f"portal:{p.id}", "UBND " + p.name[0].lower() + p.name[1:]))
    if group == "dept" and state == "others-only" and not (want_depts or want_communes):
        want_central = True
    if want_central:
        links.append(Link(*rng.choice(vocab.CENTRAL_GOV)))
    if m.features["dvc"] == "yes":
        links.append(Link(*rng.choice([vocab.DVC_HOME] + vocab.DVC_OTHER)))
    for url, label in rng.sample(vocab.NOISE_LINKS, rng.randint(1, 2)):
        links.append(Link(url, label))
    rng.shuffle(links)
    m.links = links
