"""History across periods (audit/history.py): previous score, diff, the 12-period trend, stability under re-scoring,
and how the report shows them."""
from audit.engine import score_period
from audit.history import Past, diff
from audit.period import Period
from audit.report import render_report
from audit.results import dump_results, validate_results
from audit.rubric import load_rubrics
from conftest import store_crawl
from portal_facts import PORTALS, department_facts
from storage.db import open_db

RUBRICS = load_rubrics()
SEP, OCT = Period.month("2026-09"), Period.month("2026-10")
SO_A, SO_B, XA_C = PORTALS


def _october_facts():
    """so-a in October: 4 news (2 → 3 points, was 10), no work schedule (10 → missing), a working search (12.1)."""
    facts = [f for f in department_facts(SO_A.url, month="2026-10", news=4) if f[0] != "schedule"]
    facts.append(("search", {"present": True, "works": True, "url": SO_A.url + "/tim-kiem?q=Tin", "probe": "Tin 1"}))
    return facts


def _world(db_url):
    engine = open_db(db_url)
    sep_run = store_crawl(engine, {SO_A: ("ok", department_facts(SO_A.url, month="2026-09")),
                                   XA_C: ("dns_error", [])})
    oct_run = store_crawl(engine, {SO_A: ("ok", _october_facts()), XA_C: ("dns_error", [])})
    portals = [SO_A, XA_C]
    return engine, portals, sep_run, oct_run


def test_previous_score_history_and_diff(db_url):
    engine, portals, sep_run, oct_run = _world(db_url)
    sep = score_period(engine, portals, RUBRICS, SEP, run_id=sep_run, generated_at="x")
    a = sep["portals"][0]
    assert (a["score"], a["previous_score"], a["history"], a["diff"]) == (80, None, [], None)
    oct_ = score_period(engine, portals, RUBRICS, OCT, run_id=oct_run, generated_at="x")
    assert validate_results(oct_) == []
    a, xa = oct_["portals"]
    assert a["score"] == 70 and a["previous_score"] == 80
    assert a["history"] == [{"from": "2026-09-01", "to": "2026-09-30", "score": 80, "status": "pass"}]
    assert a["diff"] == {"score_change": -10, "gained": ["12.1"], "lost": ["2", "10"], "new_missing": ["10"]}
    # An unreachable portal has history (its status) but nothing to compare criterion by criterion.
    assert xa["previous_score"] is None and xa["diff"] is None
    assert xa["history"] == [{"from": "2026-09-01", "to": "2026-09-30", "score": None, "status": "unreachable"}]
    # Re-scoring either period gives the same document: a period is never in its own history, and a later period
    # is never in an earlier one's.
    assert dump_results(score_period(engine, portals, RUBRICS, OCT, run_id=oct_run, generated_at="x")) == \
        dump_results(oct_)
    again_sep = score_period(engine, portals, RUBRICS, SEP, run_id=sep_run, generated_at="x")
    assert dump_results(again_sep) == dump_results(sep)


def test_trend_keeps_the_last_twelve_periods_oldest_first(db_url):
    engine = open_db(db_url)
    run = store_crawl(engine, {SO_A: ("ok", department_facts(SO_A.url, month="2026-10"))})
    months = [f"{y}-{m:02d}" for y, m in [(2025, m) for m in range(8, 13)] + [(2026, m) for m in range(1, 11)]]
    for label in months:
        doc = score_period(engine, [SO_A], RUBRICS, Period.month(label), run_id=run, generated_at="x")
    history = doc["portals"][0]["history"]
    assert [h["from"] for h in history] == [f"{m}-01" for m in months[-13:-1]]
    # Everything dated is in October 2026: earlier months have no news (2), no PBPL (5) and no schedule day (10).
    assert {h["score"] for h in history} == {60} and doc["portals"][0]["score"] == 80
    assert doc["portals"][0]["diff"] == {"score_change": 20, "gained": ["2", "5", "10"], "lost": [],
                                         "new_missing": []}


def test_diff_counts_state_changes_at_equal_points():
    prev = Past("2026-09-01", "2026-09-30", 10, "fail", {"1": (0, "not_evaluable"), "2": (5, "met"),
                                                         "3": (0, "partial"), "4": (2, "partial")})
    entry = {"score": 12, "criteria": [{"code": "1", "points": 0, "state": "missing"},
                                       {"code": "2", "points": 5, "state": "needs_review"},
                                       {"code": "3", "points": 0, "state": "met"},
                                       {"code": "4", "points": 2, "state": "partial"},
                                       {"code": "5", "points": 9, "state": "met"}]}
    assert diff(entry, prev) == {"score_change": 2, "gained": ["3"], "lost": ["2"], "new_missing": ["1"]}
    assert diff({**entry, "score": None}, prev) is None
    assert diff(entry, Past("a", "b", None, "unreachable", {})) is None


def test_report_shows_trend_and_diff(tmp_path, db_url):
    engine, portals, sep_run, oct_run = _world(db_url)
    score_period(engine, portals, RUBRICS, SEP, run_id=sep_run, generated_at="x")
    doc = score_period(engine, portals, RUBRICS, OCT, run_id=oct_run, generated_at="2026-11-05T02:00:00+07:00")
    render_report(doc, tmp_path / "r")
    page = (tmp_path / "r" / "portals" / "so-a.html").read_text(encoding="utf-8")
    section = page.split('id="so-voi-ky-truoc"')[1].split("</section>")[0]
    assert "So với kỳ trước" in section and "−10" in section and "(kỳ trước: 80)" in section
    lost = section.split('class="diff diff-lost"')[1].split("</ul>")[0]
    assert '<span class="code">2</span>' in lost and '<span class="code">10</span>' in lost
    assert '<span class="code">10</span>' in section.split('class="diff diff-new_missing"')[1].split("</ul>")[0]
    assert '<span class="code">12.1</span>' in section.split('class="diff diff-gained"')[1].split("</ul>")[0]
    assert section.count("<circle") == 2 and "<polyline" in section
    assert "<th scope=\"col\">09/2026</th><th scope=\"col\">kỳ này</th>" in section
    unreachable = (tmp_path / "r" / "portals" / "xa-c.html").read_text(encoding="utf-8")
    trend = unreachable.split('id="so-voi-ky-truoc"')[1].split("</section>")[0]
    assert "<circle" not in trend and "Không truy cập được" in trend  # no score, no point; the table says why
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "So với kỳ trước" in index  # the change column appears once results carry previous_score
