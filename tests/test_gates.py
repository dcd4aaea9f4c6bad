"""Gates (audit/gates.py): the file format and its one-line errors, matrices, warn vs error, per-criterion minimums,
and the portal status they decide."""
import dataclasses
from datetime import datetime

import pytest

from audit.errors import ConfigError
from audit.facts import Item, PortalFacts, SectionFact
from audit.gates import Gates, check_codes, evaluate, load_gates, status_from
from audit.period import Period
from audit.registry import Portal
from audit.rubric import load_rubrics
from audit.scoring import judge, load_config, score_portal

PERIOD = Period.month("2026-10")
SO = Portal("so-a", "Sở A", "department", "http://127.0.0.1:8002/so-a", "phu-luc-1")
RUBRICS = load_rubrics()


def _result(news=10, gates=None, portal=SO):
    base = portal.url
    facts = PortalFacts(portal.id, portal.kind, portal.rubric, base, "ok", datetime(2026, 11, 5),
                        sections={"tin-tuc": SectionFact("tin-tuc", base + "/tin-tuc", "Tin tức"),
                                  "hoi-dap": SectionFact("hoi-dap", base + "/hoi-dap", "Hỏi đáp")},
                        items=tuple(Item("tin-tuc", f"{base}/tin/{i}", f"Tin {i}", datetime(2026, 10, 1 + i))
                                    for i in range(news)))
    config = load_config()
    if gates is not None:
        config = dataclasses.replace(config, gates=gates)
    return score_portal(facts, RUBRICS[portal.rubric], PERIOD, [portal], config)


def _write(tmp_path, text, name="gates.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_gates_keep_the_old_rule():
    g = load_gates()
    a = g.for_portal("so-a", "department", "phu-luc-1")
    assert (a.min_total, a.level, dict(a.criteria)) == (80, "error", {})
    r = _result()  # 10 news (10) + PAKN without questions (15) = 25
    assert r.score == 25 and r.status == "fail"
    assert judge(r, Gates(min_total=25), "department").status == "pass"
    assert judge(r, Gates(min_total=26), "department").status == "fail"


def test_warn_level_total_is_reported_but_passes():
    r = judge(_result(), Gates(min_total=80, level="warn"), "department")
    assert r.status == "pass"
    [total] = [o for o in r.gates if o.assertion == "min_total"]
    assert (total.passed, total.level, total.actual, total.expected) == (False, "warn", 25, 80)
    assert total.message == "Tổng điểm 25/100 thấp hơn mức tối thiểu 80"


def test_per_criterion_minimums_points_and_state():
    gates = Gates(min_total=0, criteria={"2": {"min_points": 10}, "8": {"min_state": "met", "level": "warn"},
                                          "1.1": {"min_state": "partial", "level": "warn"}})
    full = judge(_result(news=10), gates, "department")
    assert full.status == "pass"
    by = {(o.code, o.assertion): o for o in full.gates}
    assert by[("2", "min_points")].passed is True and by[("8", "min_state")].passed is True
    assert by[("1.1", "min_state")].passed is False  # no elements: missing, but only a warning
    five = judge(_result(news=5), gates, "department")  # 5 news → 5 points < 10
    assert five.status == "fail"
    bad = [o for o in five.gates if o.passed is False and o.level == "error"]
    assert [(o.code, o.actual, o.expected) for o in bad] == [("2", 5, 10)]
    assert bad[0].message == "Tiêu chí 2: 5/10 điểm, thấp hơn mức tối thiểu 10"


def test_not_evaluable_never_fails_an_assertion():
    facts = PortalFacts("so-a", "department", "phu-luc-1", SO.url, "ok", datetime(2026, 11, 5),
                        sections={"tin-tuc": SectionFact("tin-tuc", SO.url + "/tin-tuc", "Tin tức", "http_5xx")})
    gates = Gates(min_total=0, criteria={"2": {"min_points": 10}})
    r = score_portal(facts, RUBRICS["phu-luc-1"], PERIOD, [SO], dataclasses.replace(load_config(), gates=gates))
    [o] = [o for o in r.gates if o.code == "2"]
    assert o.passed is None and r.status == "pass"


def test_unreachable_portal_status_ignores_gates():
    facts = PortalFacts("so-a", "department", "phu-luc-1", SO.url, "dns_error", None)
    r = score_portal(facts, RUBRICS["phu-luc-1"], PERIOD, [SO], dataclasses.replace(
        load_config(), gates=Gates(min_total=0)))
    assert r.status == "unreachable" and status_from(r, r.gates) == "unreachable"
    assert all(o.passed is None for o in r.gates)


def test_matrix_by_kind_and_id_later_match_wins(tmp_path):
    p = _write(tmp_path, """
min_total: 80
criteria:
  "2": {min_points: 3}
rubrics:
  phu-luc-2: {min_total: 75}
matrix:
  - match: {kind: ward}
    assertions: {min_total: 70, level: warn}
  - match: {kind: [ward, commune], id: phuong-x}
    assertions:
      min_total: 60
      criteria: {"2": {min_points: 6, level: warn}}
  - match: {rubric: phu-luc-1}
    assertions:
      criteria:
        8: {min_points: 12}
""")
    g = load_gates(p)
    assert g.for_portal("so-a", "department", "phu-luc-1").min_total == 80
    assert g.for_portal("so-a", "department", "phu-luc-1").criteria == {"2": {"level": "error", "min_points": 3},
                                                                         "8": {"level": "error", "min_points": 12}}
    assert g.for_portal("xa-a", "commune", "phu-luc-2").min_total == 75
    ward = g.for_portal("phuong-y", "ward", "phu-luc-2")
    assert (ward.min_total, ward.level) == (70, "warn")
    x = g.for_portal("phuong-x", "ward", "phu-luc-2")
    assert (x.min_total, x.level, x.criteria["2"]) == (60, "warn", {"level": "warn", "min_points": 6})
    check_codes(g, RUBRICS)  # every code exists in the rubric it is scoped to


@pytest.mark.parametrize("text, where, field", [
    ("min_total: -1\n", ":1:", "min_total"),
    ("min_total: 80\nlevel: fatal\n", ":2:", "level"),
    ("min_total: 80\nlimit: 3\n", ":2:", "limit"),
    ("criteria:\n  \"8\": {min_points: many}\n", ":2:", "criteria.8.min_points"),
    ("criteria:\n  \"8\": {level: warn}\n", ":2:", "criteria.8"),
    ("criteria:\n  \"8\":\n    min_state: good\n", ":3:", "criteria.8.min_state"),
    ("matrix:\n  - match: {}\n    assertions: {}\n", ":2:", "matrix[0].match"),
    ("matrix:\n  - match: {kind: ward}\n    assertions: {min_totl: 3}\n", ":3:", "matrix[0].assertions.min_totl"),
    ("matrix:\n  - match: {kind: ward}\n    assertions: {}\n    extra: 1\n", ":4:", "matrix[0].extra"),
    ("rubrics:\n  phu-luc-2:\n    min_total: x\n", ":3:", "rubrics.phu-luc-2.min_total"),
])
def test_bad_gates_file_is_one_line_with_file_line_and_field(tmp_path, text, where, field):
    p = _write(tmp_path, text)
    with pytest.raises(ConfigError) as exc:
        load_gates(p)
    msg = str(exc.value)
    assert "\n" not in msg and msg.startswith(f"{p}{where}") and f"trường {field}:" in msg, msg


def test_unknown_criterion_code_is_a_config_error(tmp_path):
    g = load_gates(_write(tmp_path, "matrix:\n  - match: {rubric: phu-luc-2}\n    assertions:\n      criteria:\n"
                                    "        \"12.3\": {min_points: 1}\n"))
    with pytest.raises(ConfigError, match=r"gates.yaml:5: matrix\[0\].assertions.criteria.12.3: không có tiêu chí"):
        check_codes(g, RUBRICS)  # 12.3 is a Phụ lục 1 code, not Phụ lục 2
    g = load_gates(_write(tmp_path, "rubrics:\n  phu-luc-9: {min_total: 3}\n"))
    with pytest.raises(ConfigError, match="rubrics.phu-luc-9"):
        check_codes(g, RUBRICS)


def test_evaluate_skips_codes_the_rubric_does_not_have():
    r = _result()
    a = Gates(criteria={"8.1a": {"min_points": 7}}).for_portal("so-a", "department", "phu-luc-1")
    assert [o.assertion for o in evaluate(a, r)] == ["min_total"]


def test_cli_gates_option_bad_file(cli, tmp_path):
    bad = _write(tmp_path, "min_total: 80\ncriteria:\n  \"8\": {min_points: 7, level: loud}\n")
    code, out, err = cli("score", "--period", "2026-10", "--gates", bad, "--db", f"sqlite:///{tmp_path}/x.db")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"{bad}:3: trường criteria.8.level" in err
