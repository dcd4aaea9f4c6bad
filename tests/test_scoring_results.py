"""results.json: schema 1, deterministic ordering and bytes, validation."""
import copy
import json
import unicodedata
from datetime import date, datetime

import pytest

from audit.facts import Item, PortalFacts, Question, SectionFact
from audit.period import Period
from audit.registry import Portal
from audit.results import build_results, dump_results, validate_results
from audit.rubric import load_rubrics
from audit.scoring import load_scoring_config, score_portal

PERIOD = Period.month("2026-02")
PORTALS = [
    Portal("tinh", "Tỉnh Bắc Ninh", "province", "http://127.0.0.1:8001/", "province"),
    Portal("so-a", "Sở A", "department", "http://127.0.0.1:8002/so-a", "phu-luc-1"),
    Portal("xa-b", "Xã B", "commune", "http://127.0.0.1:8003/", "phu-luc-2"),
]


def _facts(p: Portal, status="ok") -> PortalFacts:
    base = p.url.rstrip("/")
    sec = {"tin-tuc": SectionFact("tin-tuc", base + "/tin-tuc", "Tin tức"),
           "hoi-dap": SectionFact("hoi-dap", base + "/hoi-dap", "Hỏi đáp")}
    its = tuple(Item("tin-tuc", f"{base}/tin/{i}", f"Tin số {i}", datetime(2026, 2, 1 + i, 7, 30)) for i in range(6))
    qs = (Question("Hỏi về thủ tục", base + "/hoi-dap/1", date(2026, 2, 13), date(2026, 2, 27)),)
    return PortalFacts(p.id, p.kind, p.rubric, p.url, status, datetime(2026, 3, 5), sections=sec, items=its,
                       questions=qs)


@pytest.fixture(scope="module")
def doc():
    return _build()


def _build(generated_at="2026-03-05T10:00:00+07:00"):
    rubrics, config = load_rubrics(), load_scoring_config()
    results = [score_portal(_facts(p, "dns_error" if p.id == "xa-b" else "ok"), rubrics[p.rubric], PERIOD, PORTALS,
                            config) for p in reversed(PORTALS)]  # given out of order on purpose
    return build_results(PERIOD, generated_at, results, PORTALS)


def test_valid_and_shaped(doc):
    assert validate_results(doc) == []
    assert doc["schema"] == 1 and doc["period"] == {"from": "2026-02-01", "to": "2026-02-28"}
    assert [p["id"] for p in doc["portals"]] == ["tinh", "so-a", "xa-b"]  # registry order
    so_a = doc["portals"][1]
    assert set(so_a) == {"id", "name", "kind", "rubric", "url", "status", "score", "max_score", "criteria"}
    assert [c["code"] for c in so_a["criteria"]] == [c.code for c in load_rubrics()["phu-luc-1"].criteria]
    news = next(c for c in so_a["criteria"] if c["code"] == "2")
    assert news["evidence"][0] == {"url": "http://127.0.0.1:8002/so-a/tin/5", "title": "Tin số 5",
                                   "published_at": "2026-02-06T07:30:00", "note": "trong kỳ"}


def test_unreachable_portal_in_document(doc):
    xa = doc["portals"][2]
    assert (xa["status"], xa["score"], xa["max_score"]) == ("unreachable", None, 100)
    assert {c["state"] for c in xa["criteria"]} == {"not_evaluable"}


def test_dump_is_byte_identical_apart_from_generated_at():
    a, b = dump_results(_build("2026-03-05T10:00:00+07:00")), dump_results(_build("2026-04-01T00:00:00+07:00"))
    assert a != b
    assert a.replace("2026-03-05T10:00:00+07:00", "X") == b.replace("2026-04-01T00:00:00+07:00", "X")
    assert dump_results(_build()) == dump_results(_build())


def test_dump_keeps_vietnamese_and_nfc(doc):
    text = dump_results(doc)
    assert "Tin tức – sự kiện" in text and "\\u" not in text and text.endswith("\n")
    assert unicodedata.is_normalized("NFC", text)
    assert json.loads(text) == doc


def test_generated_at_datetime_is_iso():
    rubrics, config = load_rubrics(), load_scoring_config()
    r = score_portal(_facts(PORTALS[0]), rubrics["province"], PERIOD, PORTALS, config)
    d = build_results(PERIOD, datetime(2026, 3, 5, 10, 0), [r], PORTALS)
    assert d["generated_at"] == "2026-03-05T10:00:00" and [p["id"] for p in d["portals"]] == ["tinh"]


def test_result_for_unknown_portal_is_an_error(doc):
    rubrics, config = load_rubrics(), load_scoring_config()
    r = score_portal(_facts(PORTALS[0]), rubrics["province"], PERIOD, PORTALS, config)
    with pytest.raises(ValueError, match="tinh"):
        build_results(PERIOD, "x", {"tinh": r}, PORTALS[1:])


def _broken(doc, change):
    d = copy.deepcopy(doc)
    change(d)
    return validate_results(d)


@pytest.mark.parametrize("change, words", [
    (lambda d: d.pop("generated_at"), "document: keys"),
    (lambda d: d.update(schema=2), "schema"),
    (lambda d: d["period"].update({"from": "2026-03-01"}), "from after to"),
    (lambda d: d["portals"][1].update(score=d["portals"][1]["score"] + 1), "not the sum of criterion points"),
    (lambda d: d["portals"][1].update(status="ok"), "status"),
    (lambda d: d["portals"][2].update(score=0), "must be null"),
    (lambda d: d["portals"][1]["criteria"][0].update(state="done"), "state"),
    (lambda d: d["portals"][1]["criteria"][0].update(points=99), "outside"),
    (lambda d: d["portals"][1]["criteria"][4]["evidence"][0].pop("note"), "evidence[0]: keys"),
    (lambda d: d["portals"][1]["criteria"][4]["evidence"][0].update(published_at="06/02/2026"), "ISO"),
    (lambda d: d["portals"][1]["criteria"][0].update(summary=unicodedata.normalize("NFD", "Thiếu")), "NFC"),
    (lambda d: d["portals"].append(copy.deepcopy(d["portals"][0])), "duplicate id"),
])
def test_validate_catches(doc, change, words):
    errs = _broken(doc, change)
    assert errs and any(words in e for e in errs), errs


def test_engine_extension_keys_allowed_but_required_keys_checked(doc):
    d = copy.deepcopy(doc)
    d["portals"][0]["crawl"] = {"run_id": 1}
    d["portals"][0]["host_confidence"] = "confirmed"
    assert validate_results(d) == []
    d["portals"][0].pop("url")
    assert any("needs keys" in e for e in validate_results(d))
