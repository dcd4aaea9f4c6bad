"""What could not be read is never full points and never a silent 0 (docs/scoring-rules.md "Could not be read").

Each rule that reads a section's items, questions, schedule or documents is scored from a Context built on PortalFacts
fixtures: an `unread` fact and nothing read from the section → needs_review with 0 points and a summary that says
what the page showed; an `unread` fact beside something that was read → exactly the result without it.
"""
import dataclasses
from datetime import date, datetime

import pytest

from audit.criteria.base import Context
from audit.facts import (DOCUMENT_FIELDS, DocumentRow, DocumentsFact, ElementFact, Item, PortalFacts, Question,
                         ScheduleFact, SectionFact, UnreadFact)
from audit.gates import Gates, evaluate
from audit.official_form import build_form
from audit.period import Period
from audit.registry import Portal
from audit.results import build_results, validate_results
from audit.rubric import load_rubrics
from audit.scoring import load_scoring_config, score_criterion, score_portal

BASE = "http://127.0.0.1:8002/so-a"
FEB = Period.month("2026-02")
REGISTRY = [Portal("so-a", "Sở A", "department", BASE, "phu-luc-1"),
            Portal("xa-b", "Xã B", "commune", "http://127.0.0.1:8003/xa-b", "phu-luc-2")]
SUMMARY = "tiêu đề “Tin tức – Sự kiện”, 14 liên kết, 3200 ký tự"


@pytest.fixture(scope="module")
def rubrics():
    return load_rubrics()


@pytest.fixture(scope="module")
def config():
    return load_scoring_config()


def facts(rubric="phu-luc-1", **kw) -> PortalFacts:
    kind = {"phu-luc-1": "department", "phu-luc-2": "commune", "province": "province"}[rubric]
    return PortalFacts("so-a", kind, rubric, BASE, "ok", datetime(2026, 3, 10, 9, 0), **kw)


def sec(key, confidence=1.0):
    return SectionFact(key, f"{BASE}/{key}", key, "ok", confidence)


def unread(key, what="items", url=None, summary=SUMMARY):
    return UnreadFact(key, url or f"{BASE}/{key}", what, summary)


def judge(rubrics, config, f: PortalFacts, code: str):
    """One criterion of the portal's rubric, judged by the engine from a Context over the facts."""
    crit = next(c for c in rubrics[f.rubric].criteria if c.code == code)
    return score_criterion(Context(f, FEB, REGISTRY, config), crit)


def without_unread(rubrics, config, f, code):
    return judge(rubrics, config, dataclasses.replace(f, unread=()), code)


def assert_review(c, words):
    assert (c.points, c.state) == (0, "needs_review"), c.summary
    assert words in c.summary and c.summary.endswith("— cần kiểm tra trực tiếp"), c.summary


# --- count_in_period ------------------------------------------------------------------------------------------------

def test_count_in_period_nothing_read_is_needs_review(rubrics, config):
    f = facts(sections={"tin-tuc": sec("tin-tuc")}, unread=(unread("tin-tuc"),))
    c = judge(rubrics, config, f, "2")
    assert c.summary == (f"Không đọc được tin, bài tại chuyên mục Tin tức – sự kiện ({BASE}/tin-tuc): trang có "
                         f"{SUMMARY} — cần kiểm tra trực tiếp")
    assert_review(c, "Không đọc được tin, bài")
    assert [e["url"] for e in c.evidence] == [f"{BASE}/tin-tuc"] and SUMMARY in c.evidence[0]["note"]
    # Without the unread fact the same facts are a plain 0: that is what the fact prevents.
    assert without_unread(rubrics, config, f, "2").state == "missing"


def test_count_in_period_something_read_is_unchanged(rubrics, config):
    for when in (datetime(2026, 2, 3, 8, 0), datetime(2025, 12, 1, 8, 0)):  # in the period, or only older items
        f = facts(sections={"tin-tuc": sec("tin-tuc")}, items=(Item("tin-tuc", f"{BASE}/t/1", "Tin 1", when),),
                  unread=(unread("tin-tuc", url=f"{BASE}/tin-tuc?page=2"),))
        assert judge(rubrics, config, f, "2") == without_unread(rubrics, config, f, "2")


def test_count_in_period_unread_page_other_than_the_landing_page_is_named(rubrics, config):
    pages = (unread("tin-tuc", url=f"{BASE}/tin-tuc?page=2"), unread("tin-tuc", url=f"{BASE}/tin-tuc?page=3"))
    c = judge(rubrics, config, facts(sections={"tin-tuc": sec("tin-tuc")}, unread=pages), "2")
    assert_review(c, f"trang {BASE}/tin-tuc?page=2 có {SUMMARY} (và 1 trang khác của chuyên mục)")
    assert [e["url"] for e in c.evidence] == [p.url for p in pages]


def test_count_in_period_unread_elsewhere_changes_nothing(rubrics, config):
    f = facts(sections={"tin-tuc": sec("tin-tuc")}, unread=(unread("thong-ke"),))
    assert judge(rubrics, config, f, "2").state == "missing"


def test_failed_landing_page_stays_not_evaluable(rubrics, config):
    f = facts(sections={"tin-tuc": SectionFact("tin-tuc", f"{BASE}/tin-tuc", "Tin", "http_503")},
              unread=(unread("tin-tuc", url=f"{BASE}/tin-tuc?page=2"),))
    assert judge(rubrics, config, f, "2").state == "not_evaluable"


def test_province_presence_check_of_news(rubrics, config):
    f = facts("province", sections={"tin-tuc": sec("tin-tuc")}, unread=(unread("tin-tuc"),))
    assert_review(judge(rubrics, config, f, "8.1b"), "Không đọc được tin, bài")


# --- section_has_items ----------------------------------------------------------------------------------------------

def test_section_has_items_nothing_read_is_needs_review(rubrics, config):
    f = facts(sections={"thong-ke": sec("thong-ke")}, unread=(unread("thong-ke"),))
    assert_review(judge(rubrics, config, f, "7.2"), "Không đọc được tin, bài tại chuyên mục")
    assert without_unread(rubrics, config, f, "7.2").state == "missing"


def test_section_has_items_any_of_its_sections(rubrics, config):
    both = {"chien-luoc-quy-hoach": sec("chien-luoc-quy-hoach"), "du-an-dau-tu": sec("du-an-dau-tu")}
    f = facts("phu-luc-2", sections=both, unread=(unread("du-an-dau-tu"),))
    c = judge(rubrics, config, f, "8")
    assert_review(c, "không có tin, bài nào; không đọc được tin, bài tại chuyên mục")
    assert c.summary.startswith("Chuyên mục ") and f"{BASE}/chien-luoc-quy-hoach" in [e["url"] for e in c.evidence]
    read = dataclasses.replace(f, items=(Item("chien-luoc-quy-hoach", f"{BASE}/q/1", "Quy hoạch", None),))
    assert judge(rubrics, config, read, "8") == without_unread(rubrics, config, read, "8")
    assert judge(rubrics, config, read, "8").state == "met"


# --- elements: or_section_with_items --------------------------------------------------------------------------------

def test_elements_fallback_section_unread_is_needs_review(rubrics, config):
    f = facts("phu-luc-2", sections={"lich-su": sec("lich-su")}, unread=(unread("lich-su"),))
    c = judge(rubrics, config, f, "1.4")
    assert_review(c, "Không tìm thấy lịch sử")
    assert "không đọc được tin, bài tại chuyên mục Lịch sử" in c.summary
    assert without_unread(rubrics, config, f, "1.4").state == "missing"


def test_elements_fallback_not_needed_or_read_is_unchanged(rubrics, config):
    element = facts("phu-luc-2", sections={"lich-su": sec("lich-su")}, unread=(unread("lich-su"),),
                    elements=(ElementFact("lich-su-van-hoa", f"{BASE}/lich-su", "Lịch sử văn hóa"),))
    listed = facts("phu-luc-2", sections={"lich-su": sec("lich-su")}, unread=(unread("lich-su"),),
                   items=(Item("lich-su", f"{BASE}/ls/1", "Di tích đình làng", None),))
    for f in (element, listed):
        assert judge(rubrics, config, f, "1.4") == without_unread(rubrics, config, f, "1.4")
        assert judge(rubrics, config, f, "1.4").state == "met"


# --- pakn -----------------------------------------------------------------------------------------------------------

def test_pakn_no_question_read_is_needs_review_never_full_points(rubrics, config):
    f = facts(sections={"hoi-dap": sec("hoi-dap")}, unread=(unread("hoi-dap", "questions"),))
    c = judge(rubrics, config, f, "8")
    assert_review(c, "Không đọc được câu hỏi và trả lời (PAKN) tại chuyên mục")
    assert "Không có PAKN trong kỳ" not in c.summary
    plain = without_unread(rubrics, config, f, "8")
    assert (plain.points, plain.state) == (15, "met") and "Không có PAKN trong kỳ" in plain.summary


@pytest.mark.parametrize("asked, answered", [(date(2026, 1, 5), date(2026, 1, 6)),    # read, none in the period
                                             (date(2026, 2, 2), date(2026, 2, 20))])  # read, late
def test_pakn_questions_read_are_unchanged(rubrics, config, asked, answered):
    f = facts(sections={"hoi-dap": sec("hoi-dap")}, unread=(unread("hoi-dap", "questions"),),
              questions=(Question("Hỏi về đất đai", f"{BASE}/hoi-dap#q1", asked, answered),))
    assert judge(rubrics, config, f, "8") == without_unread(rubrics, config, f, "8")
    assert judge(rubrics, config, f, "8").state != "needs_review"


# --- schedule_in_period ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("schedule", [None, ScheduleFact(f"{BASE}/lich-cong-tac", ())])
def test_schedule_no_day_read_is_needs_review(rubrics, config, schedule):
    f = facts(sections={"lich-cong-tac": sec("lich-cong-tac")}, schedule=schedule,
              unread=(unread("lich-cong-tac", "schedule"),))
    assert_review(judge(rubrics, config, f, "10"), "Không đọc được lịch công tác tại chuyên mục")
    assert without_unread(rubrics, config, f, "10").state == "missing"


@pytest.mark.parametrize("day, state", [(date(2026, 2, 9), "met"), (date(2026, 1, 12), "missing")])
def test_schedule_days_read_are_unchanged(rubrics, config, day, state):
    f = facts(sections={"lich-cong-tac": sec("lich-cong-tac")}, unread=(unread("lich-cong-tac", "schedule"),),
              schedule=ScheduleFact(f"{BASE}/lich-cong-tac", (day,)))
    assert judge(rubrics, config, f, "10") == without_unread(rubrics, config, f, "10")
    assert judge(rubrics, config, f, "10").state == state


# --- documents ------------------------------------------------------------------------------------------------------

def test_documents_no_table_read_is_needs_review(rubrics, config):
    f = facts(sections={"van-ban": sec("van-ban")}, unread=(unread("van-ban"),))
    assert_review(judge(rubrics, config, f, "3"), "Không đọc được văn bản tại chuyên mục")
    assert without_unread(rubrics, config, f, "3").state == "missing"


def test_documents_table_read_is_unchanged(rubrics, config):
    rows = (DocumentRow("Quyết định 1", f"{BASE}/vb/1", frozenset(DOCUMENT_FIELDS), True),)
    for table in (DocumentsFact(f"{BASE}/van-ban", rows, True), DocumentsFact(f"{BASE}/van-ban", (), False)):
        f = facts(sections={"van-ban": sec("van-ban")}, documents=table, unread=(unread("van-ban"),))
        assert judge(rubrics, config, f, "3") == without_unread(rubrics, config, f, "3")
        assert judge(rubrics, config, f, "3").state != "needs_review"


# --- the engine: low confidence on top, totals, gates, results.json, the official form ------------------------------

def test_low_confidence_is_still_said(rubrics, config):
    f = facts(sections={"tin-tuc": sec("tin-tuc", confidence=0.3)}, unread=(unread("tin-tuc"),))
    c = judge(rubrics, config, f, "2")
    assert c.state == "needs_review" and c.points == 0
    assert "Không đọc được tin, bài" in c.summary and "độ tin cậy 30%" in c.summary


def test_gates_hold_it_to_its_zero_points_and_say_why(rubrics, config):
    f = facts(sections={"hoi-dap": sec("hoi-dap")}, unread=(unread("hoi-dap", "questions"),))
    result = score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, config)
    pakn = next(c for c in result.criteria if c.code == "8")
    assert (pakn.points, pakn.state) == (0, "needs_review")
    assert result.score == sum(c.points for c in result.criteria)
    gates = Gates(min_total=0, criteria={"8": {"min_points": 7, "level": "error"},
                                         "2": {"min_state": "partial", "level": "warn"}})
    verdicts = {v.code: v for v in evaluate(gates.for_portal("so-a", "department", "phu-luc-1"), result)}
    # Judged like every needs_review criterion (on its points), never skipped as if it were not_evaluable.
    assert verdicts["8"].passed is False
    assert verdicts["8"].message == ("Tiêu chí 8: 0/15 điểm, thấp hơn mức tối thiểu 7 (trạng thái “Cần xem xét”: "
                                     "cần kiểm tra trực tiếp)")


def test_results_document_carries_the_state_and_the_page(rubrics, config):
    f = facts(sections={"tin-tuc": sec("tin-tuc")}, unread=(unread("tin-tuc"),))
    doc = build_results(FEB, "2026-03-10T10:00:00+07:00",
                        [score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, config)], REGISTRY[:1])
    assert validate_results(doc) == []
    news = next(c for c in doc["portals"][0]["criteria"] if c["code"] == "2")
    assert (news["points"], news["state"]) == (0, "needs_review")
    assert news["evidence"][0]["url"] == f"{BASE}/tin-tuc"


def test_official_form_leaves_the_count_blank(rubrics, config):
    f = facts(sections={"tin-tuc": sec("tin-tuc"), "lich-cong-tac": sec("lich-cong-tac")},
              unread=(unread("tin-tuc"), unread("lich-cong-tac", "schedule")),
              schedule=ScheduleFact(f"{BASE}/lich-cong-tac", ()))
    form = build_form(f, REGISTRY[0], FEB, config)
    rows = {r["stt"]: r for r in form["rows"]}
    assert rows["2"]["count"] is None and f"{BASE}/tin-tuc" in rows["2"]["note"]
    assert rows["3.4"]["count"] is None and "cần kiểm tra trực tiếp" in rows["3.4"]["note"]
    read = dataclasses.replace(f, items=(Item("tin-tuc", f"{BASE}/t/1", "Tin", datetime(2025, 12, 1)),))
    assert {r["stt"]: r for r in build_form(read, REGISTRY[0], FEB, config)["rows"]}["2"]["count"] == 0


def test_stored_unread_facts_are_scored(db_url):
    """Stored facts → PortalFacts → results: no news read and the news page unread, 10 points short of the gate."""
    from audit.engine import score_period
    from conftest import store_crawl
    from portal_facts import PORTALS, department_facts
    from storage.db import open_db, sessions
    from storage.facts import load_portal_facts

    so = PORTALS[0]
    news = {"section": "tin-tuc", "url": f"{so.url}/tin-tuc", "what": "items", "summary": SUMMARY}
    engine = open_db(db_url)
    # The same page read twice (a listing page reached again) is one unread page.
    run = store_crawl(engine, {so: ("ok", department_facts(so.url, news=0) + [("unread", news), ("unread", news)])})
    with sessions(engine)() as s:
        assert load_portal_facts(s, so, run).unread == (UnreadFact("tin-tuc", f"{so.url}/tin-tuc", "items", SUMMARY),)
    doc = score_period(engine, [so], load_rubrics(), Period.month("2026-10"), generated_at="x")
    engine.dispose()
    portal = doc["portals"][0]
    c = next(c for c in portal["criteria"] if c["code"] == "2")
    assert (c["points"], c["state"]) == (0, "needs_review") and SUMMARY in c["summary"]
    assert (portal["score"], portal["status"]) == (70, "fail")  # 0 in the total, as the gates see it


# --- the crawler's side: which pages are reported unread (crawler/platforms/reading.py) -----------------------------

FILLER = "<p>" + "Nội dung giới thiệu chung của chuyên mục, cập nhật thường xuyên. " * 10 + "</p>"


def reading(body: str, url="http://127.0.0.1:8002/so-a/thong-ke"):
    from crawler import extract
    from crawler.platforms import read

    text = f'<html><body><div id="column-1"><h2>Thống kê</h2>{body}</div></body></html>'
    return read(extract.parse(text, url), text, url, "generic")


def test_an_empty_phrase_right_after_a_heading_is_not_unread():
    # No whitespace between the heading and the paragraph: the phrase must still be found as whole words.
    page = reading(f'<div class="news-list"><p class="empty">Chưa có tin bài trong chuyên mục này.</p></div>{FILLER}')
    assert page.says_empty and page.unread("thong-ke") is None
    assert reading(FILLER).unread("thong-ke") == "items"


def test_an_empty_documents_table_was_read():
    table = ("<table><thead><tr><th>Số/Ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Cơ quan ban hành</th>"
             "<th>Loại văn bản</th></tr></thead><tbody></tbody></table>")
    page = reading(FILLER + table, "http://127.0.0.1:8002/so-a/chi-dao-dieu-hanh")
    assert page.documents == [] and page.unread("chi-dao-dieu-hanh") is None
    assert reading(FILLER, "http://127.0.0.1:8002/so-a/chi-dao-dieu-hanh").unread("chi-dao-dieu-hanh") == "items"
