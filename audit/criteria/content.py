"""Rules about what the portal publishes: sections, items in the period, elements, contact, directory, documents,
work schedule."""
from __future__ import annotations

from audit.criteria import flags as fl
from audit.criteria.base import (NOT_EVALUABLE, Context, Known, Outcome, allowed, ev, join_vn, points_for_count,
                                 points_param, section_param, sections_param, thresholds_param)
from audit.document_timeliness import judge_documents
from audit.facts import DOCUMENT_FIELDS, ElementFact

CONTACT_FIELDS = {"address": "địa chỉ", "phone": "số điện thoại", "fax": "số fax", "email": "email"}
DIRECTORY_FIELDS = {"name": "họ tên", "position": "chức vụ", "unit": "đơn vị công tác", "phone": "số điện thoại",
                    "fax": "số fax", "email": "email"}
DOCUMENT_FIELD_NAMES = {"loai": "hình thức văn bản", "co_quan": "thẩm quyền ban hành", "so_ky_hieu": "số ký hiệu",
                        "ngay_ban_hanh": "ngày ban hành", "ngay_hieu_luc": "ngày hiệu lực", "trich_yeu": "trích yếu"}


# --- count_in_period: items listed in one section and dated in the period, counted against tier thresholds ---

def count_in_period(ctx: Context, crit) -> Outcome:
    key = crit.params["section"]
    thresholds = crit.params["thresholds"]
    if (blocked := ctx.blocked(key)):
        return blocked
    items = ctx.items(key)
    # Nothing read from a page that shows content is not "0 in the period". Once something was read, the count
    # stands: an unread page beside read ones (a second listing page) does not undo what was read.
    if not items and (unread := ctx.could_not_read([key], "tin, bài")):
        return unread
    if ctx.section(key) is None and not items:
        return Outcome(0, f"Không tìm thấy {ctx.where(key)}")
    inside = [i for i in items if ctx.period.contains(i.published_at)]
    undated = sum(1 for i in items if i.published_at is None)
    points = points_for_count(len(inside), thresholds)
    text = f"{len(inside)} tin, bài trong kỳ tại {ctx.where(key)}"
    if points < crit.max_points:
        text += f"; cần ít nhất {thresholds[0][0]} để đạt {crit.max_points} điểm"
    if undated:
        text += f"; {undated} tin, bài không xác định được ngày đăng"
    return Outcome(points, text, ctx.item_evidence(inside, "trong kỳ"))


def check_count_in_period(params, max_points, known: Known) -> set[int]:
    allowed(params, "section", "thresholds")
    section_param(params, "section", known)
    return {0} | {p for _, p in thresholds_param(params, "thresholds", max_points)}


# --- section_has_items: one of the sections lists at least one item, whatever its date ---

def section_has_items(ctx: Context, crit) -> Outcome:
    keys = crit.params["sections"]
    for key in keys:
        items = ctx.listed(key)
        if items:
            return _fresh_or_stale(ctx, crit, key, items)
    blocked = [b for b in (ctx.blocked(k) for k in keys) if b]
    if blocked:
        return Outcome(0, "; ".join(b.summary for b in blocked), [e for b in blocked for e in b.evidence],
                       NOT_EVALUABLE)
    parts = [f"{ctx.where(k)} không có tin, bài nào" if ctx.section(k) else f"không tìm thấy {ctx.where(k)}"
             for k in keys]
    empty = [p for k, p in zip(keys, parts) if not ctx.unread(k)]  # read, or absent: said first
    if (unread := ctx.could_not_read(keys, "tin, bài", before=empty)):
        unread.evidence[:0] = [e for k in keys if not ctx.unread(k) for e in ctx.section_evidence(k)]
        return unread
    text = join_vn(parts) if len(parts) == 1 else "; ".join(parts)
    return Outcome(0, text[0].upper() + text[1:], [e for k in keys for e in ctx.section_evidence(k)])


def _fresh_or_stale(ctx: Context, crit, key: str, items) -> Outcome:
    """Full points, the summary naming the newest item; a section not updated in the year (seed 003) is flagged, and
    gets 0 ("Không") only when rules/scoring.yaml stale_sections.costs_points says so."""
    cfg = ctx.config.flags
    clause, flag = fl.freshness(items, ctx.period.end, cfg.stale_after_months, ctx.where(key))
    text = f"{len(items)} tin, bài tại {ctx.where(key)}; {clause}"
    if flag is None:
        return Outcome(crit.max_points, text, ctx.item_evidence(items))
    points = crit.max_points
    if cfg.stale_costs_points:
        points = 0
        text += " nên không được tính điểm"
    return Outcome(points, text, ctx.item_evidence(items), flags=[flag])


def check_section_has_items(params, max_points, known: Known) -> set[int]:
    allowed(params, "sections")
    sections_param(params, "sections", known)
    return {0, max_points}


# --- section_found: the section exists and its landing page was read ---

def section_found(ctx: Context, crit) -> Outcome:
    key = crit.params["section"]
    if (blocked := ctx.blocked(key)):
        return blocked
    if ctx.section(key) is None:
        return Outcome(0, f"Không tìm thấy {ctx.where(key)}")
    return Outcome(crit.max_points, f"Có {ctx.where(key)}", ctx.section_evidence(key))


def check_section_found(params, max_points, known: Known) -> set[int]:
    allowed(params, "section")
    section_param(params, "section", known)
    return {0, max_points}


# --- elements: required content elements (rules/elements.yaml) recognised on the portal ---

def elements(ctx: Context, crit) -> Outcome:
    p = crit.params
    keys, pts = p["keys"], p["points"]
    section, alt = p.get("section"), p.get("or_section_with_items")
    if section:
        if (blocked := ctx.blocked(section)):
            return blocked
        if ctx.section(section) is None:
            return Outcome(0, f"Không tìm thấy {ctx.where(section)}")
    found: dict[str, ElementFact] = {}
    for e in sorted(ctx.facts.elements, key=lambda e: (e.key, e.url, e.label)):
        if e.key in keys:
            found.setdefault(e.key, e)
    name = ctx.config.element_titles.get
    evidence = [ev(e.url, e.label, note=name(k, k)) for k, e in found.items()]
    if len(found) == len(keys):
        return Outcome(pts["all"], f"{'Có' if len(keys) == 1 else 'Có đủ'} {join_vn([name(k, k) for k in keys])}",
                       evidence)
    if alt and (items := ctx.listed(alt)):
        return Outcome(pts["all"], f"{len(items)} tin, bài tại {ctx.where(alt)}", ctx.item_evidence(items))
    missing = [name(k, k) for k in keys if k not in found]
    if alt:
        # The section that could stand in for the elements could not be read: it might have given full points, so
        # the elements found keep their points and a person decides the rest.
        have = (f"thiếu {join_vn(missing)} (có {join_vn([name(k, k) for k in found])})" if found
                else f"không tìm thấy {join_vn(missing)}")
        if (unread := ctx.could_not_read([alt], "tin, bài", pts.get("some", 0) if found else 0, [have])):
            unread.evidence[:0] = evidence
            return unread
    if found:
        text = f"Thiếu {join_vn(missing)} (có {join_vn([name(k, k) for k in found])})"
        return Outcome(pts.get("some", 0), text, evidence)
    if alt and (blocked := ctx.blocked(alt)):
        return blocked
    text = f"Không tìm thấy {join_vn(missing)}"
    if section:
        text += f" tại {ctx.where(section)}"
    if alt:
        text += (f"; {ctx.where(alt)} không có tin, bài nào" if ctx.section(alt)
                 else f"; không tìm thấy {ctx.where(alt)}")
    return Outcome(0, text, ctx.section_evidence(section) if section else [])


def check_elements(params, max_points, known: Known) -> set[int]:
    allowed(params, "keys", "points", "section", "or_section_with_items")
    keys = params.get("keys")
    if not isinstance(keys, list) or not keys or any(k not in known.elements for k in keys):
        raise ValueError("rule.keys: cần danh sách khóa trong rules/elements.yaml")
    section_param(params, "section", known, required=False)
    section_param(params, "or_section_with_items", known, required=False)
    pts = points_param(params, ("all", "some"), max_points, required=("all",))
    return {0, *pts.values()}


# --- contact: the portal's contact block ("thông tin giao tiếp") ---

def contact(ctx: Context, crit) -> Outcome:
    fields, pts = crit.params["fields"], crit.params["points"]
    c = ctx.facts.contact
    present = [f for f in fields if c is not None and (getattr(c, f) or "").strip()]
    pages = join_vn([ctx.page_name(u) for u in c.urls]) if c and c.urls else ""
    where = f"thông tin giao tiếp ({pages})" if pages else "thông tin giao tiếp"
    values = "; ".join(f"{CONTACT_FIELDS[f]}: {getattr(c, f).strip()}" for f in present)
    # QĐ 96 Điều 8 khoản 1 điểm k: the official mailbox system of the province (rules/scoring.yaml official_email).
    cfg = ctx.config.flags
    foreign = fl.foreign_emails(c.email, cfg.official_email_domains) if "email" in present else []
    flags = [fl.foreign_email_flag(a, c.urls[0] if c.urls else None, "thông tin giao tiếp",
                                   cfg.official_email_domains) for a in foreign]
    if foreign:
        values += f"; thư điện tử không chính thức: {', '.join(foreign)}"
        if cfg.foreign_email_costs_points:
            present.remove("email")
    missing = [CONTACT_FIELDS[f] for f in fields if f not in present]
    evidence = [ev(u, "Thông tin giao tiếp", note=values) for u in (c.urls if c else ())]
    tail = (f"; thư điện tử {', '.join(foreign)} không thuộc hệ thống thư điện tử chính thức "
            f"({', '.join('@' + d for d in cfg.official_email_domains)})") if foreign else ""
    if not present:
        return Outcome(0, f"Không tìm thấy {join_vn([CONTACT_FIELDS[f] for f in fields])} trong {where}{tail}",
                       evidence, flags=flags)
    if not missing:
        return Outcome(pts["all"], f"Có đủ {join_vn([CONTACT_FIELDS[f] for f in fields])} trong {where}{tail}",
                       evidence, flags=flags)
    return Outcome(pts.get("some", 0), f"Thiếu {join_vn(missing)} trong {where}{tail}", evidence, flags=flags)


def check_contact(params, max_points, known: Known) -> set[int]:
    allowed(params, "fields", "points", "section")
    if "section" in params:
        section_param(params, "section", known)
    fields = params.get("fields")
    if not isinstance(fields, list) or not fields or any(f not in CONTACT_FIELDS for f in fields):
        raise ValueError(f"rule.fields: cần danh sách trong {', '.join(CONTACT_FIELDS)}")
    pts = points_param(params, ("all", "some"), max_points, required=("all",))
    return {0, *pts.values()}


# --- directory: officials directory; an entry is complete when every listed field is filled ---

def directory(ctx: Context, crit) -> Outcome:
    fields, pts = crit.params["fields"], crit.params["points"]
    d = ctx.facts.directory
    if d is None or not d.entries:
        # A directory page that could not be read is not an absent directory: never a silent 0.
        if (blocked := ctx.blocked(crit.params.get("section", "danh-ba"))):
            return blocked
        where = f" tại {d.url}" if d else ""
        return Outcome(0, f"Không tìm thấy thông tin liên hệ cán bộ, công chức đầu mối{where}",
                       [ev(d.url, None, note="danh bạ không có mục nào")] if d else [])
    # QĐ 96 Điều 8 khoản 1 điểm k: "...@bacninh.gov.vn" (rules/scoring.yaml official_email).
    cfg = ctx.config.flags
    foreign = {id(e): fl.foreign_emails(e.email, cfg.official_email_domains) for e in d.entries}
    flags = [fl.foreign_email_flag(a, d.url, e.name or e.position or "danh bạ", cfg.official_email_domains)
             for e in d.entries for a in foreign[id(e)]]
    unofficial = sum(1 for e in d.entries if foreign[id(e)])
    tail = (f"; {unofficial} cán bộ có thư điện tử không thuộc hệ thống thư điện tử chính thức "
            f"({', '.join('@' + x for x in cfg.official_email_domains)})") if unofficial else ""
    lacking: list[tuple[object, list[str]]] = []
    for e in d.entries:
        gaps = [DIRECTORY_FIELDS[f] for f in fields if not (getattr(e, f) or "").strip()
                or f == "email" and foreign[id(e)] and cfg.foreign_email_costs_points]
        if gaps:
            lacking.append((e, gaps))
    n, bad = len(d.entries), len(lacking)
    need = join_vn([DIRECTORY_FIELDS[f] for f in fields])

    def note(e, base):
        extra = f"thư điện tử không chính thức: {', '.join(foreign[id(e)])}" if foreign[id(e)] else None
        return "; ".join(x for x in (base, extra) if x) or None

    if not bad:
        return Outcome(pts["complete"], f"{n} cán bộ trong danh bạ ({d.url}) đều có đủ {need}{tail}",
                       [ev(d.url, e.name, note=note(e, e.position)) for e in d.entries], flags=flags)
    counts: dict[str, int] = {}
    for _, gaps in lacking:
        for g in gaps:
            counts[g] = counts.get(g, 0) + 1
    detail = ", ".join(f"{g} ({k})" for g, k in counts.items())
    evidence = [ev(d.url, e.name or e.position, note=note(e, f"thiếu {join_vn(g)}")) for e, g in lacking]
    lacking_ids = {id(e) for e, _ in lacking}
    evidence += [ev(d.url, e.name or e.position, note=note(e, None)) for e in d.entries
                 if foreign[id(e)] and id(e) not in lacking_ids]
    return Outcome(pts.get("incomplete", 0),
                   f"{bad}/{n} cán bộ trong danh bạ ({d.url}) thiếu thông tin: {detail}{tail}", evidence, flags=flags)


def check_directory(params, max_points, known: Known) -> set[int]:
    allowed(params, "fields", "points", "section")
    if "section" in params:
        section_param(params, "section", known)
    fields = params.get("fields")
    if not isinstance(fields, list) or not fields or any(f not in DIRECTORY_FIELDS for f in fields):
        raise ValueError(f"rule.fields: cần danh sách trong {', '.join(DIRECTORY_FIELDS)}")
    pts = points_param(params, ("complete", "incomplete"), max_points, required=("complete",))
    return {0, *pts.values()}


# --- documents: the legal-documents section; complete = every row shows all fields and a file, plus a search ---

def documents(ctx: Context, crit) -> Outcome:
    key, pts = crit.params["section"], crit.params["points"]
    if (blocked := ctx.blocked(key)):
        return blocked
    d = ctx.facts.documents
    if d is None:
        # No documents table was read; a page that shows something else is not an absent section.
        if (unread := ctx.could_not_read([key], "văn bản")):
            return unread
        return Outcome(0, f"Không tìm thấy {ctx.where(key)}")
    where = f"chuyên mục {ctx.section_title(key)} ({d.url})"
    if not d.rows:
        return Outcome(0, f"{where[0].upper()}{where[1:]} không có văn bản nào",
                       [ev(d.url, None, note="không có văn bản")])
    gaps: dict[str, int] = {}
    evidence = []
    # Posted in time? Shown per document, never scored (audit/document_timeliness.py).
    own_row = (lambda r: fl.issued_by(r, ctx.own_portal)) if ctx.own_portal is not None else None
    timely = {id(t.row): t.note for t in judge_documents(d.rows, ctx.period, ctx.config.calendar,
                                                          crit.deadline_working_days,
                                                          crit.params.get("others_deadline_working_days"), own_row)} \
        if crit.deadline_working_days is not None else {}
    for r in d.rows:
        lack = [DOCUMENT_FIELD_NAMES[f] for f in DOCUMENT_FIELDS if f not in r.fields]
        if not r.has_file:
            lack.append("tệp tải về")
        for g in lack:
            gaps[g] = gaps.get(g, 0) + 1
        if lack or id(r) in timely:
            note = "; ".join(x for x in (f"thiếu {join_vn(lack)}" if lack else "", timely.get(id(r), "")) if x)
            evidence.append(ev(r.url or d.url, r.title, note=note))
    problems = [f"{k}/{len(d.rows)} văn bản thiếu {g}" for g, k in gaps.items()]
    if not d.has_search:
        problems.append("không có công cụ tìm kiếm văn bản")
    own, flags = _own_documents(ctx, d)
    if flags and ctx.config.flags.no_own_documents_costs_points:
        problems.append("không có văn bản nào do đơn vị ban hành")
    if not problems:
        return Outcome(pts["complete"], f"{len(d.rows)} văn bản tại {where} đều đủ thông tin, có tệp tải về; có "
                                        f"công cụ tìm kiếm văn bản; {own}",
                       [ev(r.url or d.url, r.title, note=timely.get(id(r))) for r in d.rows], flags=flags)
    return Outcome(pts.get("incomplete", 0), f"{len(d.rows)} văn bản tại {where}: {'; '.join(problems)}; {own}",
                   evidence or [ev(d.url, None, note=problems[-1])], flags=flags)


def _own_documents(ctx: Context, d) -> tuple[str, list[dict]]:
    """How many listed documents the unit issued itself ("thuộc thẩm quyền ban hành", Kế hoạch 65), by the issuing
    body a row shows or its number's suffix ("123/QĐ-SYT"); a no_own_documents flag when none of those that could be
    told is. Rows showing neither are not counted either way."""
    portal = ctx.own_portal
    if portal is None:
        return "không xác định được văn bản nào do đơn vị ban hành (cổng không có trong danh sách)", []
    verdicts = [fl.issued_by(r, portal) for r in d.rows]
    known = [v for v in verdicts if v is not None]
    if not known:
        return "không xác định được cơ quan ban hành của văn bản nào (không có cơ quan ban hành, số ký hiệu)", []
    own = sum(known)
    unknown = len(verdicts) - len(known)
    text = f"{own}/{len(known)} văn bản do đơn vị ban hành (ký hiệu {fl.abbreviation(portal)})"
    if unknown:
        text += f", {unknown} văn bản không xác định được cơ quan ban hành"
    if own:
        return text, []
    return text, [{"kind": fl.NO_OWN_DOCUMENTS, "url": d.url, "abbreviation": fl.abbreviation(portal),
                   "documents": len(known),
                   "message": f"Không có văn bản nào do đơn vị ban hành trong {len(known)} văn bản xác định được cơ "
                              f"quan ban hành tại {d.url}"}]


def check_documents(params, max_points, known: Known) -> set[int]:
    allowed(params, "section", "points", "others_deadline_working_days")
    section_param(params, "section", known)
    others = params.get("others_deadline_working_days")
    if others is not None and (isinstance(others, bool) or not isinstance(others, int) or others < 1):
        raise ValueError(f"rule.others_deadline_working_days: '{others}' cần số nguyên dương")
    pts = points_param(params, ("complete", "incomplete"), max_points, required=("complete",))
    return {0, *pts.values()}


# --- schedule_in_period: the leaders' work schedule has at least one day in the period ---

def schedule_in_period(ctx: Context, crit) -> Outcome:
    key = crit.params["section"]
    if (blocked := ctx.blocked(key)):
        return blocked
    s = ctx.facts.schedule
    # Not one day read from a schedule page that shows content: the days are there, in a layout no reader knows.
    if (s is None or not s.dates) and (unread := ctx.could_not_read([key], "lịch công tác")):
        return unread
    if s is None:
        return Outcome(0, f"Không tìm thấy {ctx.where(key)}")
    inside = sorted({d for d in s.dates if ctx.period.contains(d)})
    if inside:
        return Outcome(crit.max_points, f"Lịch công tác ({s.url}) có {len(inside)} ngày trong kỳ",
                       [ev(s.url, "Lịch công tác", d, "ngày trong kỳ") for d in inside])
    latest = max(s.dates, default=None)
    tail = f" (ngày gần nhất: {latest.strftime('%d/%m/%Y')})" if latest else ""
    return Outcome(0, f"Lịch công tác ({s.url}) không có ngày nào trong kỳ{tail}",
                   [ev(s.url, "Lịch công tác", latest, "không có ngày trong kỳ")])


def check_schedule_in_period(params, max_points, known: Known) -> set[int]:
    allowed(params, "section")
    section_param(params, "section", known)
    return {0, max_points}
