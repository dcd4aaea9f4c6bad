"""PAKN deadlines as QĐ 96 Điều 13 khoản 1 điểm c sets them: 5 working days, 7 when the answer says it needed
inter-agency coordination, at most 10 in a special case with a set reply date; auditors' decisions that set a
question's class or exclude it as "không đủ điều kiện tiếp nhận" (điểm b), from a review file, stored with history."""
import json
import unicodedata
from datetime import date, datetime

import pytest

from audit.engine import score_period
from audit.errors import ConfigError
from audit.facts import PortalFacts, Question, QuestionDecision, SectionFact
from audit.official_form import build_form
from audit.pakn_decisions import load_questions
from audit.period import Period
from audit.registry import Portal
from audit.rubric import load_rubrics
from audit.scoring import load_scoring_config, score_portal
from conftest import store_crawl, write_registry
from crawler.platforms import liferay
from portal_facts import PORTALS, department_facts
from storage import pakn_decisions as stored
from storage.db import open_db, sessions
from storage.models import PaknDecision

BASE = "http://127.0.0.1:8002/so-a"
MAR = Period.month("2026-03")
RUBRICS = load_rubrics()
CONFIG = load_scoring_config()
SO_A, SO_B, XA_C = PORTALS
COORD = "Do nội dung câu hỏi cần sự phối hợp liên ngành, Sở đã xin ý kiến các sở, ngành liên quan. Trả lời: ..."
SPECIAL = "Đây là trường hợp đặc biệt; Sở đã hẹn trả lời công dân trong thời hạn 10 ngày làm việc."


def q(i, asked, answered, answer=""):
    return Question(f"Câu hỏi {i}", f"{BASE}/hoi-dap#q{i}", asked, answered, answer)


def facts(questions, decisions=None) -> PortalFacts:
    return PortalFacts("so-a", "department", "phu-luc-1", BASE, "ok", datetime(2026, 3, 31),
                       sections={"hoi-dap": SectionFact("hoi-dap", f"{BASE}/hoi-dap", "Hỏi đáp")},
                       questions=tuple(questions), question_decisions=decisions or {})


def pakn(questions, decisions=None):
    result = score_portal(facts(questions, decisions), RUBRICS["phu-luc-1"], MAR, [], CONFIG)
    return next(c for c in result.criteria if c.code == "8")


# Asked Mon 2/3/2026: 5 working days → Mon 9/3; 7 → Wed 11/3; 10 → Mon 16/3.

def test_coordination_answer_on_time_at_7_days_is_late_at_5():
    c = pakn([q(1, date(2026, 3, 2), date(2026, 3, 11), COORD)])
    assert c.points == 15
    assert c.evidence[0]["note"] == ("hỏi 02/03/2026; hạn 11/03/2026 (7 ngày làm việc, phối hợp liên ngành — theo nội "
                                     "dung trả lời); trả lời 11/03/2026: đúng hạn")
    # The same answer without the words: the 5-day deadline, so late.
    plain = pakn([q(1, date(2026, 3, 2), date(2026, 3, 11), "Sở trả lời như sau: ...")])
    assert plain.points == 5 and "hạn 09/03/2026 (5 ngày làm việc)" in plain.evidence[0]["note"]
    # and 8 working days is late even for coordination
    assert pakn([q(1, date(2026, 3, 2), date(2026, 3, 12), COORD)]).points == 5


def test_special_case_has_10_working_days():
    c = pakn([q(1, date(2026, 3, 2), date(2026, 3, 16), SPECIAL)])
    assert c.points == 15 and "hạn 16/03/2026 (10 ngày làm việc, trường hợp đặc biệt, hẹn trả lời" in \
        c.evidence[0]["note"]
    assert pakn([q(1, date(2026, 3, 2), date(2026, 3, 17), SPECIAL)]).points == 5


def test_phrases_match_nfc_lower_case_with_diacritics_kept():
    nfd_upper = unicodedata.normalize("NFD", "CẦN PHỐI HỢP LIÊN NGÀNH")
    assert pakn([q(1, date(2026, 3, 2), date(2026, 3, 11), nfd_upper)]).points == 15
    # Without diacritics it is other words: not a coordination answer.
    assert pakn([q(1, date(2026, 3, 2), date(2026, 3, 11), "can phoi hop lien nganh")]).points == 5


def test_decision_sets_the_class_and_another_excludes_a_question():
    on_time_at_7 = q(1, date(2026, 3, 2), date(2026, 3, 11))
    complaint = q(2, date(2026, 3, 3), None)  # unanswered, overdue: would count as late
    decisions = {on_time_at_7.url: QuestionDecision(on_time_at_7.url, "coordination", False, "Có xin ý kiến Sở TN&MT",
                                                    "Lan"),
                 complaint.url: QuestionDecision(complaint.url, None, True, "Nội dung là đơn tố cáo", "Lan")}
    assert pakn([on_time_at_7, complaint]).points == 5  # both late without the decisions: 0 % on time
    c = pakn([on_time_at_7, complaint], decisions)
    assert c.points == 15 and "1 câu hỏi không đủ điều kiện tiếp nhận, không tính" in c.summary
    notes = [e["note"] for e in c.evidence]
    assert "(7 ngày làm việc, phối hợp liên ngành — theo quyết định của người đánh giá)" in notes[0]
    assert notes[1] == ("hỏi 03/03/2026; không tính: không đủ điều kiện tiếp nhận (Nội dung là đơn tố cáo — Lan)")
    portal = Portal("so-a", "Sở A", "department", BASE, "phu-luc-1")
    form = build_form(facts([on_time_at_7, complaint], decisions), portal, MAR, CONFIG)["pakn"]
    assert (form["received"], form["answered_on_time"], form["unanswered_overdue"]) == (1, 1, 0)
    assert form["questions"][0]["deadline_class"] == "coordination" and form["questions"][0]["deadline"] == \
        "2026-03-11"
    assert form["excluded"] == [{"title": "Câu hỏi 2", "url": complaint.url, "asked_on": "2026-03-03",
                                 "reason": "Nội dung là đơn tố cáo", "author": "Lan"}]


def test_form_shows_the_class_found_in_the_answer():
    portal = Portal("so-a", "Sở A", "department", BASE, "phu-luc-1")
    form = build_form(facts([q(1, date(2026, 3, 2), date(2026, 3, 16), SPECIAL)]), portal, MAR, CONFIG)["pakn"]
    row = form["questions"][0]
    assert (row["deadline_class"], row["deadline_working_days"], row["class_source"], row["verdict"]) == \
        ("special", 10, "answer", "đúng hạn")
    assert "7 ngày khi phối hợp liên ngành" in form["rule"]


# --- review file ---

def _review(tmp_path, text):
    p = tmp_path / "review.yaml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = f"""\
author: Nguyễn Thị Lan
questions:
  - portal: so-a
    question: {SO_A.url}/hoi-dap#q1
    class: coordination
    reason: Có xin ý kiến Sở Tài nguyên và Môi trường
  - portal: so-a
    question: {SO_A.url}/hoi-dap#q2
    exclude: true
    reason: Nội dung là đơn tố cáo
"""


def test_load_questions(tmp_path):
    got = load_questions(_review(tmp_path, GOOD), PORTALS)
    assert got == [("so-a", QuestionDecision(f"{SO_A.url}/hoi-dap#q1", "coordination", False,
                                             "Có xin ý kiến Sở Tài nguyên và Môi trường", "Nguyễn Thị Lan")),
                   ("so-a", QuestionDecision(f"{SO_A.url}/hoi-dap#q2", None, True, "Nội dung là đơn tố cáo",
                                             "Nguyễn Thị Lan"))]


@pytest.mark.parametrize("old, new, where", [
    ("class: coordination", "class: urgent", "5: trường class: 'urgent' không hợp lệ"),
    ("class: coordination", "class: coordination\n    exclude: true", "5: trường class: không dùng cùng exclude"),
    ("exclude: true", "exclude: yes please", "9: trường exclude: 'yes please' không hợp lệ"),
    ("    reason: Nội dung là đơn tố cáo\n", "", "7: trường reason: cần chuỗi không rỗng"),
    ("portal: so-a\n    question: " + SO_A.url + "/hoi-dap#q2", "portal: so-x\n    question: x",
     "7: trường portal: 'so-x' không có trong registry"),
    (f"{SO_A.url}/hoi-dap#q2", "q2", "8: trường question: cần địa chỉ"),
    (f"{SO_A.url}/hoi-dap#q2", f"{SO_A.url}/hoi-dap#q1", "8: trường question: trùng với mục ở dòng 3"),
    ("exclude: true", "exclude: true\n    points: 3", "10: trường points: khóa lạ"),
])
def test_bad_decision_file_is_refused_with_file_line_and_field(tmp_path, old, new, where):
    assert old in GOOD
    p = _review(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ConfigError) as exc:
        load_questions(p, PORTALS)
    assert str(exc.value).startswith(f"{p}:{where}"), str(exc.value)


# --- storage and scoring ---

@pytest.fixture
def db(db_url):
    engine = open_db(db_url)
    qa = [("question", {"id": "1", "title": "Hỏi 1", "url": f"{SO_A.url}/hoi-dap#q1", "asked_on": "2026-10-05",
                        "answered_on": "2026-10-14", "answer_excerpt": "Sở trả lời như sau"}),
          ("question", {"id": "2", "title": "Hỏi 2", "url": f"{SO_A.url}/hoi-dap#q2", "asked_on": "2026-10-06",
                        "answered_on": None})]
    store_crawl(engine, {SO_A: ("ok", department_facts(SO_A.url) + qa), SO_B: ("ok", department_facts(SO_B.url)),
                         XA_C: ("dns_error", [])})
    return engine


def _pakn_points(engine):
    doc = score_period(engine, PORTALS, RUBRICS, Period.month("2026-10"), generated_at="x")
    a = doc["portals"][0]
    return next(c for c in a["criteria"] if c["code"] == "8")["points"], a["pakn"]


def test_stored_decisions_apply_and_keep_history(db, tmp_path):
    # Mon 5/10 + 5 working days = Mon 12/10: answered 14/10 is late; with 7 days (Wed 14/10) on time.
    assert _pakn_points(db)[0] == 5  # one answered late, one overdue unanswered: 0 % on time
    decisions = load_questions(_review(tmp_path, GOOD), PORTALS)
    with sessions(db).begin() as s:
        assert [stored.record(s, SO_A, d) for _, d in decisions] == ["added", "added"]
    with sessions(db).begin() as s:
        assert [stored.record(s, SO_A, d) for _, d in decisions] == ["unchanged", "unchanged"]
    points, form = _pakn_points(db)
    assert points == 15 and form["received"] == 1 and form["excluded"][0]["reason"] == "Nội dung là đơn tố cáo"
    # A new decision for question 1 supersedes the old one; both stay.
    with sessions(db).begin() as s:
        assert stored.record(s, SO_A, QuestionDecision(f"{SO_A.url}/hoi-dap#q1", "standard", False, "Nhầm", "Lan")) \
            == "replaced"
    with sessions(db)() as s:
        rows = stored.history(s, "so-a")
        assert [(r.question_url[-2:], r.deadline_class, r.superseded_at is None) for r in rows] == [
            ("q1", "coordination", False), ("q1", "standard", True), ("q2", None, True)]
    assert _pakn_points(db)[0] == 5  # question 1 late again at 5 days; question 2 still excluded


def test_cli_review_file_with_questions(cli, tmp_path, db):
    reg = write_registry(tmp_path / "reg.csv", PORTALS)
    bad = _review(tmp_path, GOOD.replace("class: coordination", "class: later"))
    code, out, err = cli("score", "--registry", reg, "--db", str(db.url), "--period", "2026-10", "--overrides", bad,
                         "--out", tmp_path / "r")
    assert code == 2 and err.strip() == f"portal-audit: lỗi: {bad}:5: trường class: 'later' không hợp lệ (có: " \
                                        f"standard, coordination, special)"
    assert not (tmp_path / "r").exists()
    good = _review(tmp_path, GOOD)
    code, out, err = cli("override", "--file", good, "--registry", reg, "--db", str(db.url))
    assert code == 0 and "Quyết định về câu hỏi PAKN: 2 mới" in out, err
    code, out, err = cli("override", "--list", "--db", str(db.url))
    assert code == 0 and f"PAKN · so-a · câu hỏi {SO_A.url}/hoi-dap#q1: lớp hạn 7 ngày làm việc (phối hợp liên " \
                         f"ngành) — Có xin ý kiến Sở Tài nguyên và Môi trường — Nguyễn Thị Lan" in out, out
    assert "hoi-dap#q2: không đủ điều kiện tiếp nhận, không tính — Nội dung là đơn tố cáo" in out
    code, out, err = cli("score", "--registry", reg, "--db", str(db.url), "--period", "2026-10", "--out",
                         tmp_path / "r")
    doc = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    crit = next(c for c in doc["portals"][0]["criteria"] if c["code"] == "8")
    assert crit["points"] == 15, err
    page = (tmp_path / "r" / "portals" / "so-a.html").read_text(encoding="utf-8")
    section = page.split('id="pakn"')[1].split("</section>")[0]
    assert "hạn 7 ngày làm việc, phối hợp liên ngành — theo quyết định của người đánh giá" in section
    assert "Nội dung là đơn tố cáo" in section


# --- crawler ---

def test_liferay_answers_keep_an_excerpt_of_their_text():
    body = json.dumps({"items": json.dumps([{"_question_id": 5, "_question_title": "X", "dateDisplay": "2026/10/01"}]),
                       "answerList": json.dumps([{"_question_id": 5, "formatedCreatedDate": "2026/10/09",
                                                  "_answer_content": "<p>Nội dung cần <b>phối hợp liên ngành</b>"
                                                                     + " dài" * 2000 + "</p>"}])})
    (row,), _ = liferay.questions_json(body, "http://x/hd")
    assert row["answer_excerpt"].startswith("Nội dung cần phối hợp liên ngành dài")
    assert len(row["answer_excerpt"]) == 1500


def test_form_page_names_the_deadlines_and_the_excluded(tmp_path):
    from audit.official_form_output import write_forms
    complaint = q(2, date(2026, 3, 3), None)
    decisions = {complaint.url: QuestionDecision(complaint.url, None, True, "Đơn tố cáo", "Lan")}
    portal = Portal("so-a", "Sở A", "department", BASE, "phu-luc-1")
    form = build_form(facts([q(1, date(2026, 3, 2), date(2026, 3, 11), COORD), complaint], decisions), portal, MAR,
                      CONFIG)
    folder, _ = write_forms([form], tmp_path, CONFIG.pakn.deadline_working_days)
    text = " ".join((folder / "so-a.html").read_text(encoding="utf-8").split())
    assert "Phần 2 tính hạn 5 ngày làm việc (7 ngày khi phối hợp liên ngành, 10 ngày khi trường hợp đặc biệt" in text
    assert "1 PAKN không đủ điều kiện tiếp nhận không tính" in text


def test_question_table_with_an_answer_column_keeps_its_text():
    from crawler import extract
    from crawler.platforms import generic
    html = """<html><body><table><tr><th>Câu hỏi</th><th>Ngày gửi</th><th>Ngày trả lời</th><th>Nội dung trả lời</th>
    </tr><tr id="q7"><td>Hỏi về đất</td><td>02/03/2026</td><td>11/03/2026</td><td>Sở đã xin ý kiến các sở, ngành.</td>
    </tr></table></body></html>"""
    (row,) = generic.questions(extract.parse(html, "https://a.vn/"), "https://a.vn/hoi-dap")
    assert (row["answered_on"], row["answer_excerpt"]) == ("2026-03-11", "Sở đã xin ý kiến các sở, ngành.")


def test_farm_answers_the_crawler_reads_get_the_class_the_truth_gives():
    """The farm's Liferay answers say coordination / special case; what the crawler reads from the answer JSON gets
    the same deadline from rules/ as the truth's own phrase list gives."""
    from farm.model import Farm
    from farm.site import qa_json
    from farm.truth import pakn_days
    from audit.criteria.pakn import deadline_class_of
    seen = {}
    for m in Farm(20261, datetime(2026, 12, 2, 14, 0)).models():
        if m.platform != "liferay" or not m.questions:
            continue
        rows, _ = liferay.questions_json(qa_json(m, {"pageNum": "1", "numPerPage": "50"}), "http://x/hd")
        by_id = {q.id: q for q in m.questions}
        for r in rows:
            if r.get("answer_excerpt"):
                days = deadline_class_of(Question("", "", None, None, r["answer_excerpt"]), CONFIG.pakn)[0].working_days
                assert days == pakn_days(by_id[int(r["id"])].answer), r
                seen[days] = seen.get(days, 0) + 1
    assert set(seen) == {5, 7, 10} and seen[7] > 50 and seen[10] > 20, seen
