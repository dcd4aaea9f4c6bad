"""needs_review from low-confidence section readings, and items flagged as posted in the wrong section."""
import dataclasses
import shutil
from datetime import datetime

import pytest

from audit.engine import score_period
from audit.errors import ConfigError
from audit.facts import Item, PortalFacts, SectionFact
from audit.period import Period
from audit.rubric import load_rubrics
from audit.rules_yaml import RULES_DIR
from audit.scoring import load_config, load_scoring_config, score_portal
from conftest import store_crawl
from portal_facts import PORTALS, department_facts
from storage.db import open_db

OCT = Period.month("2026-10")
SO = PORTALS[0]
RUBRICS = load_rubrics()


def _facts(news_confidence=1.0, other=None, flags=()):
    base = SO.url
    sections = {"tin-tuc": SectionFact("tin-tuc", base + "/tin-tuc", "Tin tức", confidence=news_confidence),
                "lay-y-kien": SectionFact("lay-y-kien", base + "/gop-y", "Góp ý", confidence=other or 1.0)}
    items = tuple(Item("tin-tuc", f"{base}/tin/{i}", f"Tin {i}", datetime(2026, 10, 1 + i), flags=flags)
                  for i in range(10))
    items += (Item("lay-y-kien", f"{base}/gop-y/1", "Dự thảo", None),)
    return PortalFacts(SO.id, SO.kind, SO.rubric, base, "ok", datetime(2026, 11, 5), sections=sections, items=items)


def _score(facts, config=None):
    r = score_portal(facts, RUBRICS["phu-luc-1"], OCT, [SO], config or load_config())
    return r, {c.code: c for c in r.criteria}


def test_low_confidence_section_makes_its_criteria_needs_review():
    r, by = _score(_facts(news_confidence=0.45))
    news = by["2"]
    assert (news.state, news.points) == ("needs_review", 10)  # points as computed
    assert news.summary.endswith("; cần xem xét: chuyên mục Tin tức – sự kiện (http://127.0.0.1:8002/so-a/tin-tuc) "
                                 "được nhận diện với độ tin cậy 45% (dưới ngưỡng 50%)")
    assert by["9"].state == "met"  # relies on another, well-read section
    assert r.score == sum(c.points for c in r.criteria)


def test_threshold_is_strict_and_configurable():
    _, by = _score(_facts(news_confidence=0.5))
    assert by["2"].state == "met"
    strict = dataclasses.replace(load_config(), needs_review_below=0.95)
    _, by = _score(_facts(news_confidence=0.9, other=0.96), strict)
    assert by["2"].state == "needs_review" and by["9"].state == "met"


def test_not_evaluable_stays_not_evaluable():
    facts = _facts(news_confidence=0.1)
    facts = dataclasses.replace(facts, sections={**facts.sections, "tin-tuc": dataclasses.replace(
        facts.sections["tin-tuc"], status="http_5xx")})
    _, by = _score(facts)
    assert by["2"].state == "not_evaluable" and "cần xem xét" not in by["2"].summary


def test_threshold_from_rules_file(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    text = (rules / "scoring.yaml").read_text(encoding="utf-8")
    (rules / "scoring.yaml").write_text(text.replace("needs_review_below: 0.5", "needs_review_below: 0.8"),
                                        encoding="utf-8")
    assert load_scoring_config(rules).needs_review_below == 0.8
    (rules / "scoring.yaml").write_text(text.replace("needs_review_below: 0.5", "needs_review_below: 5"),
                                        encoding="utf-8")
    with pytest.raises(ConfigError, match="review.needs_review_below: cần số từ 0 đến 1"):
        load_scoring_config(rules)
    assert load_config().needs_review_below == 0.5  # the bundled default


def test_wrong_section_items_are_named_in_evidence_notes():
    _, by = _score(_facts(flags=("wrong-section",)))
    notes = {e["note"] for e in by["2"].evidence}
    assert notes == {"trong kỳ; đăng sai chuyên mục"} and by["2"].points == 10  # still counts where listed
    _, by = _score(_facts())
    assert {e["note"] for e in by["2"].evidence} == {"trong kỳ"}


def test_flags_and_confidence_survive_storage(db_url):
    engine = open_db(db_url)
    store_crawl(engine, {SO: ("ok", department_facts(SO.url, confidence=0.3, flags=["wrong-section"]))})
    doc = score_period(engine, [SO], RUBRICS, OCT, generated_at="x")
    news = next(c for c in doc["portals"][0]["criteria"] if c["code"] == "2")
    assert news["state"] == "needs_review" and news["points"] == 10
    assert all(e["note"].endswith("đăng sai chuyên mục") for e in news["evidence"])
    assert doc["portals"][0]["score"] == 80 and doc["portals"][0]["status"] == "pass"  # gates judge the points
