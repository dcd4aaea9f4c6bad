"""The QĐ 96 report form pre-filled from facts: counts per row, the PAKN table, HTML and XLSX outputs."""
from datetime import date, datetime

from openpyxl import load_workbook

from audit.criteria.config import load_scoring_config
from audit.facts import (ContactFact, DirectoryEntry, DirectoryFact, ElementFact, Item, Link, PortalFacts, Question,
                         ScheduleFact, SectionFact)
from audit.official_form import build_form
from audit.official_form_output import write_forms
from audit.period import Period
from audit.registry import Portal

PORTAL = Portal("so-y-te", "Sở Y tế <b>", "department", "https://syt.bacninh.gov.vn/", "phu-luc-1")
OCT = Period.month("2026-10")


def facts(**kw):
    base = dict(portal_id="so-y-te", kind="department", rubric="phu-luc-1", base_url=PORTAL.url, crawl_status="ok",
                crawled_at=datetime(2026, 11, 3, 2, 0))
    base.update(kw)
    return PortalFacts(**base)


def row(form, stt):
    return next(r for r in form["rows"] if r["stt"] == stt)


def test_rows_are_counted_from_facts_in_the_period():
    f = facts(
        sections={"tin-tuc": SectionFact("tin-tuc", "https://syt.bacninh.gov.vn/tin", "Tin tức")},
        items=(Item("tin-tuc", "u1", "a", datetime(2026, 10, 1, 0, 5)), Item("tin-tuc", "u2", "b", datetime(2026, 10, 31, 23, 59)),
               Item("tin-tuc", "u3", "c", datetime(2026, 9, 30, 23, 59)), Item("tin-tuc", "u1", "a", datetime(2026, 10, 1, 0, 5))),
        elements=(ElementFact("co-cau-to-chuc", "x", "Cơ cấu tổ chức"),),
        contact=ContactFact(address="1 Lý Thái Tổ", phone="0222", email="a@b.vn"),
        directory=DirectoryFact("d", (DirectoryEntry(name="A"), DirectoryEntry(name="B"))),
        schedule=ScheduleFact("s", (date(2026, 9, 30), date(2026, 10, 5), date(2026, 10, 6))),
        links=(Link("https://dichvucong.bacninh.gov.vn/", "DVC", ""),),
    )
    form = build_form(f, PORTAL, OCT, load_scoring_config())
    assert row(form, "2")["count"] == 2  # the 30/9 item is outside, the duplicate counted once
    assert row(form, "1.3")["count"] == 2
    assert row(form, "1.4")["count"] == 3 and "fax" not in row(form, "1.4")["note"]
    assert row(form, "3.4")["count"] == 2
    assert row(form, "13")["count"] == "Có"
    assert row(form, "7")["count"] == 0 and row(form, "7")["note"] == "không có chuyên mục"
    contents = [r["content"] for r in form["rows"]]
    assert any("áp dụng với Công TTĐT các Sở, ngành" in c for c in contents)
    assert not any("Bản đồ địa giới" in c for c in contents)  # a commune/province row, not for a department
    assert not any(r["stt"] == "9" for r in form["rows"])  # province only


def test_pakn_table_uses_working_day_deadlines():
    qs = (Question("q1", "u#1", date(2026, 10, 2), date(2026, 10, 9)),   # Fri → deadline Fri 9/10: on time
          Question("q2", "u#2", date(2026, 10, 2), date(2026, 10, 12)),  # answered Mon 12/10: late
          Question("q3", "u#3", date(2026, 10, 5), None),                # deadline 12/10 < audit day: overdue
          Question("q4", "u#4", date(2026, 10, 30), None),               # deadline 6/11 ≥ 3/11: not due
          Question("q5", "u#5", date(2026, 9, 29), date(2026, 10, 1)))   # asked before the period: not counted
    form = build_form(facts(questions=qs, sections={"hoi-dap": SectionFact("hoi-dap", "h", "Hỏi đáp")}), PORTAL, OCT,
                      load_scoring_config())
    p = form["pakn"]
    assert (p["received"], p["answered_on_time"], p["answered_late"], p["unanswered_not_due"],
            p["unanswered_overdue"]) == (4, 1, 1, 1, 1)
    late = next(q for q in p["questions"] if q["title"] == "q2")
    assert late["delay_working_days"] == 6 and late["deadline"] == "2026-10-09"


def test_unreachable_portal_has_no_numbers():
    form = build_form(facts(crawl_status="connection_refused"), PORTAL, OCT, load_scoring_config())
    assert form["pakn"] is None
    assert all(r["count"] is None for r in form["rows"])


def test_html_and_xlsx_outputs(tmp_path):
    config = load_scoring_config()
    forms = [build_form(facts(), PORTAL, OCT, config),
             build_form(facts(crawl_status="dns_error", portal_id="x"),
                        Portal("phuong-a", "Phường A", "ward", "javascript:alert(1)", "phu-luc-2"), OCT, config)]
    folder, book = write_forms(forms, tmp_path, 5)
    html = (folder / "so-y-te.html").read_text(encoding="utf-8")
    assert "Sở Y tế &lt;b&gt;" in html and "từ ngày 01/10/2026 đến ngày 31/10/2026" in html
    ward = (folder / "phuong-a.html").read_text(encoding="utf-8")
    assert 'href="javascript' not in ward and "Không truy cập được cổng" in ward
    wb = load_workbook(book)
    assert wb.sheetnames == ["Tổng hợp PAKN", "so-y-te", "phuong-a"]
    summary = list(wb["Tổng hợp PAKN"].iter_rows(values_only=True))
    assert summary[1][:3] == (1, "Sở Y tế <b>", 0) and summary[2][-1] == "không truy cập được cổng"
    sheet = list(wb["so-y-te"].iter_rows(values_only=True))
    assert sheet[2][:2] == ("STT", "Nội dung thông tin")
    assert not list(tmp_path.rglob(".tmp-*"))
