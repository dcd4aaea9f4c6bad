"""Manual review: validation (one line naming file:line or the option, and the field), applying an override at
scoring time, history in manual_override (superseded, withdrawn, never deleted), results.json and the CLI."""
import dataclasses
import json
from datetime import datetime

import pytest
from sqlalchemy import select

from audit.engine import score_one, score_period
from audit.errors import ConfigError
from audit.overrides import apply, load_file, make, resolve
from audit.period import Period
from audit.results import dump_results, validate_results
from audit.rubric import load_rubrics
from audit.scoring import judge, load_config
from conftest import store_crawl, write_registry
from portal_facts import PORTALS, department_facts
from storage import overrides as stored
from storage.db import open_db, sessions
from storage.models import ManualOverride

RUBRICS = load_rubrics()
P1 = RUBRICS["phu-luc-1"]
OCT = Period.month("2026-10")
SO_A, SO_B, XA_C = PORTALS


def _fail(field, msg):
    raise ConfigError(f"--{field}: {msg}")


@pytest.fixture
def db(db_url):
    engine = open_db(db_url)
    store_crawl(engine, {SO_A: ("ok", department_facts(SO_A.url)), SO_B: ("ok", department_facts(SO_B.url, news=4)),
                         XA_C: ("dns_error", [])})
    return engine


# --- validation ---

@pytest.mark.parametrize("points, state, want", [
    (12, None, (12, "partial")), (15, None, (15, "met")), (0, None, (0, "missing")),
    (None, "met", (15, "met")), (None, "not_evaluable", (0, "not_evaluable")), (7, "needs_review", (7, "needs_review")),
    (12, "partial", (12, "partial")),
])
def test_resolve_points_and_state(points, state, want):
    assert resolve(P1.criterion("8"), points, state, _fail) == want


@pytest.mark.parametrize("points, state, field, text", [
    (16, None, "points", "16 nằm ngoài 0..15"),
    (-1, None, "points", "nằm ngoài"),
    (11, None, "points", "11 không phải một mức điểm của tiêu chí 8 (các mức: 0, 5, 7, 12, 15)"),
    (None, None, "points", "cần points hoặc state"),
    (None, "partial", "points", "trạng thái partial cần kèm points"),
    (12, "met", "state", "met không khớp với 12/15 điểm"),
    (0, "partial", "state", "không khớp"),
    (5, "good", "state", "'good' không hợp lệ"),
    ("12", None, "points", "không phải số nguyên"),
])
def test_resolve_rejects(points, state, field, text):
    with pytest.raises(ConfigError) as exc:
        resolve(P1.criterion("8"), points, state, _fail)
    assert str(exc.value).startswith(f"--{field}: ") and text in str(exc.value)


def _review(tmp_path, text):
    p = tmp_path / "review.yaml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """\
period: 2026-10
author: Nguyễn Thị Lan
overrides:
  - portal: so-b
    code: "2"
    points: 10
    reason: Kiểm tra trực tiếp chuyên mục, có 10 tin trong kỳ
  - portal: so-a
    code: 13
    state: met
    reason: Chuyên mục nằm ở tên miền phụ
    author: Trần Văn Minh
  - portal: xa-c
    code: 9
    points: 12
    period: {from: 2026-09-01, to: 2026-09-30}
    reason: PAKN chuyển hệ thống
"""


def test_load_review_file(tmp_path):
    got = load_file(_review(tmp_path, GOOD), PORTALS, RUBRICS)
    assert [(o.portal_id, o.code, o.points, o.state, o.author) for o in got] == [
        ("so-b", "2", 10, "met", "Nguyễn Thị Lan"), ("so-a", "13", 3, "met", "Trần Văn Minh"),
        ("xa-c", "9", 12, "partial", "Nguyễn Thị Lan")]
    assert got[0].period == OCT and got[2].period == Period.month("2026-09")


@pytest.mark.parametrize("edit, line, field", [
    (("points: 10", "points: 11"), 6, "points"),
    (("code: \"2\"", "code: \"2.9\""), 5, "code"),
    (("portal: so-b", "portal: so-z"), 4, "portal"),
    (("    reason: Kiểm tra trực tiếp chuyên mục, có 10 tin trong kỳ\n", "    reason: \"  \"\n"), 7, "reason"),
    (("state: met", "state: done"), 10, "state"),
    (("    period: {from: 2026-09-01, to: 2026-09-30}", "    period: 2026-13"), 16, "period"),
    (("    author: Trần Văn Minh\n", "    author: Trần Văn Minh\n    note: x\n"), 13, "note"),
    (("author: Nguyễn Thị Lan\n", ""), 3, "author"),  # no default author: the first entry (now line 3) has none
    (("  - portal: so-a\n    code: 13", "  - portal: so-b\n    code: 2"), 9, "code"),  # duplicate of entry 1
])
def test_review_file_errors_name_file_line_and_field(tmp_path, edit, line, field):
    p = _review(tmp_path, GOOD.replace(*edit))
    with pytest.raises(ConfigError) as exc:
        load_file(p, PORTALS, RUBRICS)
    msg = str(exc.value)
    assert "\n" not in msg and msg.startswith(f"{p}:{line}: trường {field}: "), msg


def test_review_file_shape_errors(tmp_path):
    with pytest.raises(ConfigError, match=r"review.yaml:2: trường overrides: cần danh sách"):
        load_file(_review(tmp_path, "period: 2026-10\noverrides: []\n"), PORTALS, RUBRICS)
    with pytest.raises(ConfigError, match=r"review.yaml:3: trường period: thiếu kỳ"):
        load_file(_review(tmp_path, "author: A\noverrides:\n  - portal: so-a\n    code: '8'\n    points: 12\n"
                                    "    reason: r\n"), PORTALS, RUBRICS)


# --- applying ---

def test_apply_keeps_automatic_result_and_rescores(db):
    config = load_config()
    with sessions(db)() as s:
        auto, _ = score_one(s, SO_B, RUBRICS, OCT, 1, PORTALS, config, {})
    assert (auto.score, auto.status) == (73, "fail")
    ov = dataclasses.replace(make(SO_B, P1, OCT, "2", 10, None, "Có 10 tin", "Lan", _fail),
                             at=datetime(2026, 11, 6, 9, 30))
    done = judge(apply(auto, {"2": ov}), config.gates, "department")
    assert (done.score, done.status) == (80, "pass")
    c = next(c for c in done.criteria if c.code == "2")
    assert (c.points, c.state) == (10, "met")
    assert c.override == {"points_auto": 3, "state_auto": "partial", "points": 10, "state": "met",
                          "reason": "Có 10 tin", "author": "Lan", "at": "2026-11-06T09:30:00"}
    assert next(c for c in done.criteria if c.code == "8").override is None


# --- storage history ---

def test_supersede_and_withdraw_keep_history(db):
    S = sessions(db)
    first = make(SO_A, P1, OCT, "8", 12, None, "Lần một", "Lan", _fail)
    second = make(SO_A, P1, OCT, "8", 7, None, "Lần hai", "Minh", _fail)
    with S.begin() as s:
        assert stored.record(s, first, SO_A) == "added"
    with S.begin() as s:
        assert stored.record(s, first, SO_A) == "unchanged"  # importing the same review twice adds nothing
        assert stored.record(s, second, SO_A) == "replaced"
    with S() as s:
        rows = s.scalars(select(ManualOverride).order_by(ManualOverride.id)).all()
        assert [(r.reason, r.superseded_at is not None) for r in rows] == [("Lần một", True), ("Lần hai", False)]
        assert stored.active(s, OCT)["so-a"]["8"].points == 7
        assert stored.active(s, Period.month("2026-09")) == {}
    with S.begin() as s:
        assert stored.withdraw(s, "so-a", OCT, "8", "Nhầm kỳ", "Lan") is True
        assert stored.withdraw(s, "so-a", OCT, "8", "Nhầm kỳ", "Lan") is False
    with S() as s:
        assert stored.active(s, OCT) == {}
        history = stored.listing(s, OCT, with_history=True)
        assert [(r.state, r.superseded_at is None) for r in history] == [
            ("partial", False), ("partial", False), ("withdrawn", True)]
        assert stored.listing(s, OCT) == []


def test_engine_applies_overrides_and_results_stay_valid(db):
    with sessions(db).begin() as s:
        stored.record(s, make(SO_B, P1, OCT, "2", 10, None, "Có 10 tin", "Lan", _fail), SO_B)
        stored.record(s, make(XA_C, RUBRICS["phu-luc-2"], OCT, "9", 15, None, "x", "Lan", _fail), XA_C)
    doc = score_period(db, PORTALS, RUBRICS, OCT, generated_at="2026-11-06T00:00:00+07:00")
    assert validate_results(doc) == []
    a, b, c = doc["portals"]
    assert (b["score"], b["status"]) == (80, "pass")
    crit = next(x for x in b["criteria"] if x["code"] == "2")
    assert crit["override"]["points_auto"] == 3 and crit["override"]["author"] == "Lan"
    assert not any("override" in x for x in a["criteria"])
    # An unreachable portal keeps no score: a decision on one criterion cannot complete it.
    assert c["status"] == "unreachable" and not any("override" in x for x in c["criteria"])
    again = score_period(db, PORTALS, RUBRICS, OCT, generated_at="2026-11-06T00:00:00+07:00")
    assert dump_results(again) == dump_results(doc)  # deterministic with the same stored decisions


def test_validate_results_checks_the_override_object(db):
    with sessions(db).begin() as s:
        stored.record(s, make(SO_B, P1, OCT, "2", 10, None, "Có 10 tin", "Lan", _fail), SO_B)
    doc = score_period(db, PORTALS, RUBRICS, OCT, generated_at="x")
    crit = next(x for x in doc["portals"][1]["criteria"] if x["code"] == "2")
    crit["override"]["points"] = 5
    assert any("override: points/state differ" in e for e in validate_results(doc))
    crit["override"].pop("reason")
    assert any("override: keys must be" in e for e in validate_results(doc))


# --- CLI ---

def test_cli_add_list_withdraw_and_score(cli, tmp_path, db):
    reg = write_registry(tmp_path / "reg.csv", PORTALS)
    url = str(db.url)
    base = ("override", "--registry", reg, "--db", url, "--period", "2026-10", "--portal", "so-b", "--code", "2")
    code, out, err = cli(*base, "--points", "10", "--reason", "Có 10 tin", "--author", "Nguyễn Thị Lan")
    assert code == 0 and "1 mới" in out, err
    code, out, err = cli(*base, "--points", "4", "--reason", "x", "--author", "y")
    assert code == 2 and err.strip() == ("portal-audit: lỗi: --points: 4 không phải một mức điểm của tiêu chí 2 "
                                         "(các mức: 0, 3, 5, 10)")
    code, out, err = cli(*base, "--points", "10", "--reason", "", "--author", "y")
    assert code == 2 and "--reason: cần chuỗi không rỗng" in err
    code, out, err = cli("override", "--list", "--db", url)
    assert code == 0 and "so-b · tiêu chí 2: 10 điểm (Đạt đủ) — Có 10 tin — Nguyễn Thị Lan" in out
    code, out, err = cli("score", "--registry", reg, "--db", url, "--period", "2026-10", "--out", tmp_path / "r")
    assert code == 3  # so-b now passes; xa-c is unreachable
    doc = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    assert doc["portals"][1]["status"] == "pass"
    page = (tmp_path / "r" / "portals" / "so-b.html").read_text(encoding="utf-8")
    section = page.split('id="dieu-chinh"')[1].split("</section>")[0]
    assert "Điều chỉnh thủ công" in section and "Có 10 tin" in section and "Nguyễn Thị Lan" in section
    assert "3/10 — Đạt một phần" in section and "10/10 — Đạt đủ" in section
    assert 'class="crit crit-met crit-overridden"' in page
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    row = index.split('data-id="so-b"')[1].split("</tr>")[0]
    assert "điều chỉnh thủ công" in row and "điều chỉnh thủ công" not in index.split('data-id="so-a"')[1].split("</tr>")[0]
    code, out, err = cli("override", "--withdraw", "--registry", reg, "--db", url, "--period", "2026-10", "--portal",
                         "so-b", "--code", "2", "--reason", "Nhầm", "--author", "Lan")
    assert code == 0 and "Đã rút lại" in out
    code, out, err = cli("override", "--list", "--all", "--db", url)
    assert code == 0 and len(out.strip().splitlines()) == 2 and "rút lại" in out and "[đã thay thế" in out
    code, out, err = cli("score", "--registry", reg, "--db", url, "--period", "2026-10", "--out", tmp_path / "r")
    assert code == 1  # so-b fails again without the decision


def test_cli_review_file_via_run_option_is_validated_first(cli, tmp_path, db):
    reg = write_registry(tmp_path / "reg.csv", PORTALS)
    bad = _review(tmp_path, GOOD.replace("points: 10", "points: 11"))
    code, out, err = cli("score", "--registry", reg, "--db", str(db.url), "--period", "2026-10", "--overrides", bad,
                         "--out", tmp_path / "r")
    assert code == 2 and f"{bad}:6: trường points" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r").exists()  # nothing written
    good = _review(tmp_path, GOOD)
    for _ in range(2):  # importing twice adds no history
        code, out, err = cli("score", "--registry", reg, "--db", str(db.url), "--period", "2026-10", "--overrides",
                             good, "--out", tmp_path / "r")
        assert code == 3, err
    with sessions(db)() as s:
        assert len(stored.listing(s, with_history=True)) == 3
    code, out, err = cli("override", "--file", good, "--registry", reg, "--db", str(db.url))
    assert code == 0 and "0 mới, 0 thay thế điều chỉnh trước, 3 không đổi" in out
    code, out, err = cli("override", "--file", good, "--portal", "so-a", "--registry", reg, "--db", str(db.url))
    assert code == 2 and "--portal: không dùng cùng --file" in err
