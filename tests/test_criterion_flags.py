"""Criterion flags (issue 16 items 5, 8, 9): a section not updated in the year (seed 003), an e-mail outside the
official domains (QĐ 96 Điều 8 khoản 1 điểm k), the unit's own documents ("thuộc thẩm quyền ban hành"); each costs
points only when rules/scoring.yaml says so."""
import dataclasses
import shutil
from datetime import date, datetime

import pytest

from audit.criteria import flags as fl
from audit.errors import ConfigError
from audit.engine import score_period
from audit.facts import (DOCUMENT_FIELDS, ContactFact, DirectoryEntry, DirectoryFact, DocumentRow, DocumentsFact,
                         Item, PortalFacts, SectionFact)
from audit.period import Period
from audit.registry import Portal, load_registry
from audit.results import build_results, validate_results
from audit.rubric import load_rubrics
from audit.rules_yaml import RULES_DIR
from audit.scoring import load_scoring_config, score_portal
from conftest import store_crawl
from crawler import extract
from portal_facts import PORTALS, department_facts
from storage.db import open_db

BASE = "http://127.0.0.1:8002/so-a"
FEB = Period.month("2026-02")  # ends 28/02/2026: 12 months before is 28/02/2025
SO_A = Portal("so-a", "Sở Y tế", "department", BASE, "phu-luc-1")
XA = Portal("xa-b", "Xã Đại Sơn", "commune", "http://127.0.0.1:8003/xa-b", "phu-luc-2")
REGISTRY = [SO_A, XA]
RUBRICS = load_rubrics()
CONFIG = load_scoring_config()


def with_flags(**kw):
    return dataclasses.replace(CONFIG, flags=dataclasses.replace(CONFIG.flags, **kw))


def facts(portal=SO_A, **kw) -> PortalFacts:
    return PortalFacts(portal.id, portal.kind, portal.rubric, portal.url, "ok", datetime(2026, 3, 10), **kw)


def crit(f, code, config=CONFIG, period=FEB):
    r = score_portal(f, RUBRICS[f.rubric], period, REGISTRY, config)
    return next(c for c in r.criteria if c.code == code)


def projects(*dates):
    """The du-an-dau-tu section (P1 6.2, "Có / Không") listing one item per date (None: undated)."""
    return facts(sections={"du-an-dau-tu": SectionFact("du-an-dau-tu", f"{BASE}/du-an", "Dự án")},
                 items=tuple(Item("du-an-dau-tu", f"{BASE}/du-an/{i}", f"Dự án {i}",
                                  datetime(d.year, d.month, d.day, 8) if d else None) for i, d in enumerate(dates)))


# --- item 5: stale sections ---

def test_a_section_whose_newest_item_is_13_months_old_is_flagged_not_updated_in_the_year():
    c = crit(projects(date(2025, 1, 28), date(2024, 6, 1)), "6.2")
    assert (c.points, c.state) == (5, "met")  # default: flag only (Kế hoạch 65 says "Có / Không")
    assert "mục mới nhất: “Dự án 0” ngày 28/01/2025 — không cập nhật trong năm" in c.summary
    [flag] = c.flags
    assert flag["kind"] == "stale_section" and flag["latest"] == "2025-01-28" and flag["cutoff"] == "2025-02-28"
    assert flag["section"] == "du-an-dau-tu" and flag["url"] == f"{BASE}/du-an/0"
    assert flag["message"].startswith("Không cập nhật trong năm: mục mới nhất của chuyên mục")


@pytest.mark.parametrize("newest", [date(2025, 3, 28), date(2025, 2, 28), date(2026, 2, 1)])
def test_a_section_updated_within_12_months_is_not_flagged(newest):
    c = crit(projects(newest, date(2023, 1, 1)), "6.2")  # 11 months, exactly 12, this month
    assert c.flags == () and c.points == 5
    assert f"mục mới nhất: “Dự án 0” ngày {newest.strftime('%d/%m/%Y')}" in c.summary
    assert "không cập nhật trong năm" not in c.summary


def test_one_day_past_12_months_is_flagged():
    assert [f["kind"] for f in crit(projects(date(2025, 2, 27)), "6.2").flags] == ["stale_section"]


def test_stale_costs_points_when_the_setting_is_on():
    on = with_flags(stale_costs_points=True)
    c = crit(projects(date(2025, 1, 28)), "6.2", on)
    assert (c.points, c.state) == (0, "missing")
    assert c.summary.endswith("không cập nhật trong năm nên không được tính điểm")
    assert [f["kind"] for f in c.flags] == ["stale_section"]
    assert crit(projects(date(2025, 3, 28)), "6.2", on).points == 5  # 11 months: still "Có"


def test_no_flag_without_a_known_date():
    c = crit(projects(None, None), "6.2", with_flags(stale_costs_points=True))
    assert c.points == 5 and c.flags == ()
    assert c.summary.endswith("không xác định được ngày của mục mới nhất")
    # An undated item might be newer than the old dated one: no conclusion either.
    c = crit(projects(date(2024, 1, 1), None), "6.2", with_flags(stale_costs_points=True))
    assert c.points == 5 and c.flags == () and "chưa kết luận được" in c.summary


def test_months_before_keeps_to_the_end_of_a_shorter_month():
    assert fl.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert fl.months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert fl.months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_stale_settings_are_read_from_the_rules_file(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    path = rules / "scoring.yaml"
    text = path.read_text(encoding="utf-8")
    assert "max_age_months: 12" in text and text.count("costs_points: false") == 3
    path.write_text(text.replace("max_age_months: 12", "max_age_months: 24").replace(
        "costs_points: false", "costs_points: true", 1), encoding="utf-8")
    config = load_scoring_config(rules)
    assert (config.flags.stale_after_months, config.flags.stale_costs_points) == (24, True)
    assert crit(projects(date(2025, 1, 28)), "6.2", config).flags == ()  # 13 months < 24
    path.write_text(text.replace("costs_points: false", "costs_points: 1", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"scoring.yaml: stale_sections.costs_points: cần true hoặc false"):
        load_scoring_config(rules)


# --- item 8: official e-mail ---

def test_a_foreign_contact_email_is_flagged_and_an_official_subdomain_is_not():
    contact = ContactFact("Số 1", "0222", "0223", "syt.bacninh@gmail.com", urls=(BASE + "/",))
    c = crit(facts(contact=contact), "1.3")
    assert (c.points, c.state) == (2, "met")  # flag only by default
    [flag] = c.flags
    assert flag["kind"] == "foreign_email" and flag["email"] == "syt.bacninh@gmail.com"
    assert "thư điện tử syt.bacninh@gmail.com không thuộc hệ thống thư điện tử chính thức (@bacninh.gov.vn)" \
        in c.summary
    assert "thư điện tử không chính thức: syt.bacninh@gmail.com" in c.evidence[0]["note"]
    for official in ("vanphong@syt.bacninh.gov.vn", "ubnd@bacninh.gov.vn", "A@SYT.BACNINH.GOV.VN"):
        c = crit(facts(contact=dataclasses.replace(contact, email=official)), "1.3")
        assert c.flags == () and "không thuộc" not in c.summary
    # A look-alike domain is not a subdomain.
    assert crit(facts(contact=dataclasses.replace(contact, email="a@fakebacninh.gov.vn")), "1.3").flags


def test_a_foreign_email_costs_the_field_when_the_setting_is_on():
    contact = ContactFact("Số 1", "0222", "0223", "syt@yahoo.com", urls=(BASE + "/",))
    c = crit(facts(contact=contact), "1.3", with_flags(foreign_email_costs_points=True))
    assert (c.points, c.state) == (1, "partial") and c.summary.startswith("Thiếu email")
    assert len(c.flags) == 1


def test_directory_emails_outside_the_official_domains_are_flagged():
    url = f"{BASE}/danh-ba"
    good = DirectoryEntry("Nguyễn Văn A", "Giám đốc", None, "0222", None, "a@syt.bacninh.gov.vn")
    foreign = DirectoryEntry("Trần Thị B", "Phó Giám đốc", None, "0223", None, "tranb@gmail.com")
    f = facts(directory=DirectoryFact(url, (good, foreign)))
    c = crit(f, "1.4")
    assert (c.points, c.state) == (2, "met")
    assert [(x["kind"], x["email"], x["who"]) for x in c.flags] == [("foreign_email", "tranb@gmail.com",
                                                                     "Trần Thị B")]
    assert "1 cán bộ có thư điện tử không thuộc hệ thống thư điện tử chính thức" in c.summary
    assert c.evidence[1]["note"] == "Phó Giám đốc; thư điện tử không chính thức: tranb@gmail.com"
    c = crit(f, "1.4", with_flags(foreign_email_costs_points=True))
    assert (c.points, c.state) == (1, "partial") and "1/2 cán bộ" in c.summary and len(c.flags) == 1
    assert crit(facts(directory=DirectoryFact(url, (good,))), "1.4").flags == ()


def test_official_domains_come_from_the_rules():
    contact = ContactFact("Số 1", "0222", "0223", "so@caobang.gov.vn", urls=(BASE + "/",))
    assert crit(facts(contact=contact), "1.3").flags
    assert crit(facts(contact=contact), "1.3", with_flags(official_email_domains=("caobang.gov.vn",))).flags == ()


# --- item 9: the unit's own documents ---

def row(i, number=None, issuer=None):
    return DocumentRow(f"Văn bản {i}", f"{BASE}/van-ban/{i}", frozenset(DOCUMENT_FIELDS), True, issuer=issuer, number=number)


def documents(*rows, portal=SO_A):
    return facts(portal, sections={"van-ban": SectionFact("van-ban", f"{BASE}/van-ban", "Văn bản")},
                 documents=DocumentsFact(f"{BASE}/van-ban", rows, True))


def test_own_documents_are_counted_from_number_suffixes():
    f = documents(row(1, "123/QĐ-SYT"), row(2, "45/KH-UBND"), row(3, "05/SYT-VP"), row(4, "01/2024/TT-BYT"),
                  row(5))
    c = crit(f, "3")
    assert (c.points, c.state) == (10, "met") and c.flags == ()
    assert c.summary.endswith("2/4 văn bản do đơn vị ban hành (ký hiệu SYT), 1 văn bản không xác định được cơ quan "
                              "ban hành")


def test_the_issuing_body_cell_wins_over_the_number():
    f = documents(row(1, "12/QĐ-UBND", issuer="Sở Y tế tỉnh Bắc Ninh"), row(2, "13/QĐ-SYT", issuer="UBND tỉnh"))
    assert "1/2 văn bản do đơn vị ban hành" in crit(f, "3").summary
    f = documents(row(1, issuer="UBND xã Đại Sơn"), row(2, "7/TB-UBND"), portal=XA)
    assert "2/2 văn bản do đơn vị ban hành (ký hiệu UBND)" in crit(f, "4").summary


def test_no_own_document_is_flagged_and_costs_points_only_when_set():
    f = documents(row(1, "12/QĐ-UBND"), row(2, "3/2024/TT-BYT"))
    c = crit(f, "3")
    assert (c.points, c.state) == (10, "met")
    assert [(x["kind"], x["abbreviation"], x["documents"]) for x in c.flags] == [("no_own_documents", "SYT", 2)]
    c = crit(f, "3", with_flags(no_own_documents_costs_points=True))
    assert (c.points, c.state) == (5, "partial") and "không có văn bản nào do đơn vị ban hành" in c.summary
    # Nothing to tell the issuer by: neither counted nor flagged.
    c = crit(documents(row(1), row(2)), "3", with_flags(no_own_documents_costs_points=True))
    assert c.points == 10 and c.flags == () and "không xác định được cơ quan ban hành của văn bản nào" in c.summary


@pytest.mark.parametrize("name, kind, abbr", [
    ("Sở Y tế", "department", "SYT"), ("Sở Giáo dục và Đào tạo", "department", "SGDĐT"),
    ("Văn phòng UBND tỉnh", "department", "VPUBND"), ("Sở Văn hóa, Thể thao và Du lịch", "department", "SVHTTDL"),
    ("Xã Đại Sơn", "commune", "UBND"), ("Phường Kinh Bắc", "ward", "UBND"),
])
def test_usual_abbreviation_from_the_name(name, kind, abbr):
    assert fl.abbreviation(Portal("x", name, kind, "https://x.bacninh.gov.vn/", "phu-luc-1")) == abbr


def test_the_registry_may_give_the_abbreviation(tmp_path):
    path = tmp_path / "registry.csv"
    path.write_text("id,name,kind,url,abbreviation\nthanh-tra,Thanh tra tỉnh,department,https://tt.bacninh.gov.vn/,"
                    "TTr\nsyt,Sở Y tế,department,https://syt.bacninh.gov.vn/,\n", encoding="utf-8")
    tt, syt = load_registry(path)
    assert (tt.abbreviation, syt.abbreviation) == ("TTr", "")
    assert fl.abbreviation(tt) == "TTr" and fl.issued_by(row(1, "9/KL-TTR"), tt)
    sgd = Portal("sgd", "Sở Giáo dục và Đào tạo", "department", "https://sgd.bacninh.gov.vn/", "phu-luc-1")
    assert fl.issued_by(row(1, "12/QĐ-SGDĐT"), sgd) and fl.issued_by(row(2, "13/KH-SGDDT"), sgd)
    path.write_text("id,name,kind,url,abbreviation\nsyt,Sở Y tế,department,https://syt.bacninh.gov.vn/,S Y T\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=r"registry.csv:2: trường abbreviation"):
        load_registry(path)


def test_the_crawler_keeps_the_issuing_body_and_number_of_each_row():
    page = """<html><body><table><tr><th>Số/Ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th>
    <th>Cơ quan ban hành</th></tr><tr><td>123/QĐ-SYT</td><td>Quyết định A</td><td>01/10/2025</td><td>Sở Y tế</td></tr>
    <tr><td></td><td>Kế hoạch B</td><td>02/10/2025</td><td></td></tr></table></body></html>"""
    rows = extract.documents_table(extract.parse(page, "https://syt.bacninh.gov.vn/"))
    assert (rows[0]["so_ky_hieu"], rows[0]["co_quan"]) == ("123/QĐ-SYT", "Sở Y tế")
    assert "so_ky_hieu" not in rows[1] and "co_quan" not in rows[1]


# --- results.json ---

def test_flags_reach_results_json_through_storage_and_validate(db_url):
    so = PORTALS[0]
    stored = department_facts(so.url)
    stored.append(("documents", {"url": f"{so.url}/van-ban", "has_search": True, "rows": [
        {"title": "A", "url": f"{so.url}/vb/1", "fields": list(DOCUMENT_FIELDS), "has_file": True,
         "so_ky_hieu": "1/QĐ-UBND", "co_quan": "UBND tỉnh"}]}))
    engine = open_db(db_url)
    store_crawl(engine, {so: ("ok", stored)})
    doc = score_period(engine, [so], load_rubrics(), Period.month("2026-10"), generated_at="x")
    assert validate_results(doc) == []
    by_code = {c["code"]: c for c in doc["portals"][0]["criteria"]}
    assert [f["kind"] for f in by_code["1.3"]["flags"]] == ["foreign_email"]  # a@b.vn
    assert [f["kind"] for f in by_code["3"]["flags"]] == ["no_own_documents"]
    assert "flags" not in by_code["2"]  # only where something was flagged
    assert doc["portals"][0]["score"] == 90  # 80 + 10 for complete documents: flag only, no point lost


def test_validation_names_a_bad_flag():
    r = score_portal(projects(date(2025, 1, 1)), RUBRICS["phu-luc-1"], FEB, REGISTRY, CONFIG)
    doc = build_results(FEB, "x", [r], REGISTRY)
    assert validate_results(doc) == []
    entry = next(c for c in doc["portals"][0]["criteria"] if c["code"] == "6.2")
    entry["flags"][0]["kind"] = "odd"
    entry["flags"].append({"kind": "stale_section"})
    errs = validate_results(doc)
    assert any("flags[0].kind: 'odd'" in e for e in errs) and any("flags[1]: needs keys kind, message" in e
                                                                   for e in errs)


# --- the report ---

def test_the_report_shows_flag_badges_and_counts_them_in_the_overview(tmp_path):
    from audit.report import render_report
    r = score_portal(projects(date(2025, 1, 1)), RUBRICS["phu-luc-1"], FEB, REGISTRY, CONFIG)
    doc = build_results(FEB, "2026-03-10T09:00:00", [r], REGISTRY)
    index = render_report(doc, tmp_path / "out")
    page = (index.parent / "portals" / "so-a.html").read_text(encoding="utf-8")
    assert '<span class="tag tag-flag flag-stale_section"' in page and ">không cập nhật trong năm</span>" in page
    assert 'id="canh-bao"' in page and "Không cập nhật trong năm: mục mới nhất của chuyên mục" in page
    overview = index.read_text(encoding="utf-8")
    assert "1 tiêu chí có cảnh báo" in overview and "<h3>Cảnh báo</h3>" in overview
    quiet = build_results(FEB, "x", [score_portal(projects(date(2026, 2, 1)), RUBRICS["phu-luc-1"], FEB, REGISTRY,
                                                   CONFIG)], REGISTRY)
    assert "<h3>Cảnh báo</h3>" not in render_report(quiet, tmp_path / "quiet").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, kind, issuer, own", [
    # On its own portal a People's Committee writes itself without its place name.
    ("Tỉnh Bắc Ninh (Cổng Thông tin điện tử tỉnh)", "province", "UBND tỉnh", True),
    ("Tỉnh Bắc Ninh (Cổng Thông tin điện tử tỉnh)", "province", "Chủ tịch UBND tỉnh", True),
    ("Tỉnh Bắc Ninh (Cổng Thông tin điện tử tỉnh)", "province", "Ủy ban nhân dân tỉnh Bắc Ninh", True),
    ("Tỉnh Bắc Ninh (Cổng Thông tin điện tử tỉnh)", "province", "UBND xã", False),
    ("Phường Kinh Bắc", "ward", "UBND phường", True),
    ("Phường Kinh Bắc", "ward", "UBND tỉnh", False),    # the province's decision a ward posts
    ("Xã Đại Sơn", "commune", "Ủy ban nhân dân xã", True),
    ("Sở Y tế", "department", "UBND tỉnh", False),
])
def test_a_committee_named_without_its_place_is_the_unit_on_its_own_portal(name, kind, issuer, own):
    portal = Portal("x", name, kind, "https://x.bacninh.gov.vn/", "province")
    row_ = DocumentRow("Quyết định 1", "https://x.bacninh.gov.vn/vb/1", frozenset(DOCUMENT_FIELDS), True,
                       issuer=issuer, number="12/QĐ-UBND")
    assert fl.issued_by(row_, portal) is own
