"""Document timeliness (Kế hoạch 65 criterion 3: posted within 02 working days of issue): the issue date and the
posting date (the list's "Ngày đăng", else a crawl that already saw it) give "Đúng hạn / Quá hạn" on the QĐ 96 form's
row 6 and in the documents evidence, with the PAKN working-day calendar; no points change."""
from datetime import date, datetime

from audit.criteria.config import load_scoring_config
from audit.document_timeliness import judge_documents
from audit.facts import DocumentRow, DocumentsFact, PortalFacts, SectionFact
from audit.official_form import build_form
from audit.period import Period
from audit.registry import Portal
from audit.rubric import load_rubrics
from audit.scoring import score_portal
from conftest import store_crawl
from crawler import extract
from portal_facts import PORTALS
from storage.db import open_db, sessions
from storage.facts import load_portal_facts

CONFIG = load_scoring_config()
RUBRICS = load_rubrics()
AUG, FEB = Period.month("2026-08"), Period.month("2026-02")
PORTAL = Portal("so-a", "Sở A", "department", "https://a.bacninh.gov.vn/", "phu-luc-1")
FIELDS = frozenset({"loai", "co_quan", "so_ky_hieu", "ngay_ban_hanh", "ngay_hieu_luc", "trich_yeu"})


def doc(i, issued, posted=None, first_seen=None):
    return DocumentRow(f"Văn bản {i}", f"{PORTAL.url}van-ban/{i}", FIELDS, True, issued, posted, first_seen)


def verdicts(rows, period):
    return [t.verdict for t in judge_documents(rows, period, CONFIG.calendar, 2)]


def test_national_day_inside_the_interval_on_both_sides_of_the_limit():
    # Issued Fri 28/8/2026; 31/8 (swapped), 1/9 and 2/9 are days off → 2 working days end Fri 4/9.
    rows = [doc(1, date(2026, 8, 28), date(2026, 9, 4)), doc(2, date(2026, 8, 28), date(2026, 9, 7))]
    assert verdicts(rows, AUG) == ["đúng hạn", "quá hạn"]


def test_tet_inside_the_interval_on_both_sides_of_the_limit():
    # Issued Fri 13/2/2026; 16–20/2 Tết → Mon 23/2, Tue 24/2.
    rows = [doc(1, date(2026, 2, 13), date(2026, 2, 24)), doc(2, date(2026, 2, 13), date(2026, 2, 25))]
    assert verdicts(rows, FEB) == ["đúng hạn", "quá hạn"]


def test_first_seen_proves_on_time_only():
    rows = [doc(1, date(2026, 2, 13), first_seen=date(2026, 2, 23)),  # on the list by the deadline: on time
            doc(2, date(2026, 2, 13), first_seen=date(2026, 3, 5)),   # seen after: may have been there before
            doc(3, date(2026, 2, 13)),                               # never dated
            doc(4, None, date(2026, 2, 13)),                         # no issue date: not judged
            doc(5, date(2026, 1, 30), date(2026, 2, 20))]            # issued before the period: not judged
    got = judge_documents(rows, FEB, CONFIG.calendar, 2)
    assert [(t.row.title, t.verdict) for t in got] == [("Văn bản 1", "đúng hạn"), ("Văn bản 2", None),
                                                       ("Văn bản 3", None)]
    assert got[1].note == ("ban hành 13/02/2026; hạn đăng 24/02/2026 (2 ngày làm việc); không rõ ngày đăng (danh sách "
                           "không ghi ngày đăng; lần thu thập đầu tiên thấy văn bản ngày 05/03/2026, sau hạn): không "
                           "xác định đúng hạn hay quá hạn")


def _facts(rows):
    return PortalFacts("so-a", "department", "phu-luc-1", PORTAL.url, "ok", datetime(2026, 3, 10),
                       sections={"van-ban": SectionFact("van-ban", f"{PORTAL.url}van-ban", "Văn bản")},
                       documents=DocumentsFact(f"{PORTAL.url}van-ban", tuple(rows), True))


ROWS = [doc(1, date(2026, 2, 13), date(2026, 2, 24)), doc(2, date(2026, 2, 13), date(2026, 2, 25)),
        doc(3, date(2026, 2, 13)), doc(4, None)]


def test_form_row_6_counts_on_time_and_late_and_says_why_the_rest_are_blank():
    r6 = next(r for r in build_form(_facts(ROWS), PORTAL, FEB, CONFIG)["rows"] if r["stt"] == "6")
    assert (r6["count"], r6["on_time"], r6["late"]) == (4, 1, 1)
    assert "3 văn bản ban hành trong kỳ, hạn đăng 2 ngày làm việc kể từ ngày ban hành" in r6["note"]
    assert "1 không rõ ngày đăng" in r6["note"] and "1 văn bản không đọc được ngày ban hành" in r6["note"]
    # Nothing judged (no issue date read): the columns stay blank, not 0.
    blank = next(r for r in build_form(_facts([doc(4, None)]), PORTAL, FEB, CONFIG)["rows"] if r["stt"] == "6")
    assert (blank["on_time"], blank["late"]) == (None, None) and "0 văn bản ban hành trong kỳ" in blank["note"]


def test_documents_evidence_shows_the_verdicts_without_changing_points():
    result = score_portal(_facts(ROWS), RUBRICS["phu-luc-1"], FEB, [], CONFIG)
    c = next(x for x in result.criteria if x.code == "3")
    assert c.points == 10  # complete rows and a search: timeliness is reported, not scored
    notes = {e["title"]: e["note"] for e in c.evidence}
    assert notes["Văn bản 1"].endswith("đăng 24/02/2026: đúng hạn")
    assert notes["Văn bản 2"].endswith("đăng 25/02/2026: quá hạn")
    assert notes["Văn bản 4"] is None


def test_list_with_a_posting_date_column():
    html = """<html><body><table><tr><th>Số/Ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Ngày đăng</th>
    </tr><tr><td>12/QĐ-UBND</td><td>Quy định A</td><td>28/08/2026</td><td>07/09/2026</td></tr></table></body></html>"""
    (row,) = extract.documents_table(extract.parse(html, "https://a.bacninh.gov.vn/"))
    assert (row["issued_on"], row["posted_on"]) == ("2026-08-28", "2026-09-07")


def test_first_seen_is_the_first_run_that_listed_the_document(db_url):
    engine = open_db(db_url)
    so_a = PORTALS[0]
    listing = lambda *titles: [("section", {"key": "van-ban", "url": f"{so_a.url}/van-ban", "label": "Văn bản"}),  # noqa: E731
                               ("documents", {"url": f"{so_a.url}/van-ban", "has_search": True, "rows": [
                                   {"title": t, "url": f"{so_a.url}/vb/{t}", "fields": ["trich_yeu"],
                                    "has_file": True, "issued_on": "2026-02-13"} for t in titles]})]
    store_crawl(engine, {so_a: ("ok", listing("A"))}, started=datetime(2026, 2, 23, 2, 0))
    run = store_crawl(engine, {so_a: ("ok", listing("A", "B"))}, started=datetime(2026, 3, 2, 2, 0))
    with sessions(engine)() as s:
        rows = load_portal_facts(s, so_a, run).documents.rows
    assert [(r.title, r.issued_on, r.first_seen) for r in rows] == [("A", date(2026, 2, 13), date(2026, 2, 23)),
                                                                    ("B", date(2026, 2, 13), date(2026, 3, 2))]
    assert verdicts(rows, FEB) == ["đúng hạn", None]


def test_another_bodys_document_has_eight_working_days_the_units_own_two():
    # QĐ 96 Điều 8 khoản 1 điểm e: 02 days for the issuing body, 08 for the bodies a document concerns. Issued Mon
    # 3/8/2026, posted Wed 12/8 (7 working days later): late for Sở A's own decision, on time for a ministry's circular.
    def row(i, number, posted):
        return DocumentRow(f"Văn bản {i}", f"{PORTAL.url}van-ban/{i}", FIELDS, True, date(2026, 8, 3), posted,
                           number=number)
    rows = [row(1, "123/QĐ-SA", date(2026, 8, 12)), row(2, "01/2026/TT-BYT", date(2026, 8, 12)),
            row(3, None, date(2026, 8, 12)),           # cannot tell whose: the issuing body's limit, the stricter
            row(4, "02/2026/TT-BYT", date(2026, 8, 14))]  # 9 working days: late even for another body
    facts = PortalFacts(PORTAL.id, PORTAL.kind, PORTAL.rubric, PORTAL.url, "ok", datetime(2026, 9, 1),
                        sections={"van-ban": SectionFact("van-ban", f"{PORTAL.url}van-ban", "Văn bản")},
                        documents=DocumentsFact(f"{PORTAL.url}van-ban", tuple(rows), True))
    form = build_form(facts, PORTAL, AUG, CONFIG, RUBRICS["phu-luc-1"])
    r6 = next(r for r in form["rows"] if r["stt"] == "6")
    assert (r6["on_time"], r6["late"]) == (1, 3)
    assert "hạn đăng 2 ngày làm việc kể từ ngày ban hành (8 ngày với văn bản của cơ quan khác)" in r6["note"]
    result = score_portal(facts, RUBRICS["phu-luc-1"], AUG, [PORTAL], CONFIG)
    notes = {e["title"]: e["note"] for e in next(c for c in result.criteria if c.code == "3").evidence}
    assert "(8 ngày làm việc, văn bản của cơ quan khác); đăng 12/08/2026: đúng hạn" in notes["Văn bản 2"]
    assert "(2 ngày làm việc); đăng 12/08/2026: quá hạn" in notes["Văn bản 1"]
    # Phụ lục 2 sets no second limit: every document has the rubric's 3 days.
    assert judge_documents(rows, AUG, CONFIG.calendar, 3)[1].verdict == "quá hạn"
