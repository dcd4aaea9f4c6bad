"""Pass/fail gates, like Lighthouse CI assertions: rules/gates.yaml (or `--gates FILE`) → per-portal assertions →
which of them a scored portal fails, and at which level.

Format (every key optional; README "Ngưỡng đạt / Gates"):

    min_total: 80            # minimum total score
    level: error             # level of the total assertion: error (portal fails) | warn (reported, portal passes)
    criteria:                # per-criterion minimums, keyed by criterion code
      "8": {min_points: 7, level: warn}
      "3": {min_state: partial}          # partial: more than 0 points; met: full points
    rubrics:                 # per rubric id, the same keys (kept from the first format)
      phu-luc-2: {min_total: 75}
    matrix:                  # applied in order after the above; a later match wins key by key
      - match: {kind: ward}              # kind, id and/or rubric: a value or a list; all given keys must match
        assertions: {min_total: 70, criteria: {"9": {min_points: 12}}}

A portal's status comes from here: unreachable when it has no score; fail when an error-level assertion fails; else
pass (warn-level failures are reported only). A criterion that could not be evaluated never fails an assertion: it is
reported as not evaluated. The module reads results duck-typed (score, criteria with code/points/max_points/state) so
the scoring module can use it without an import cycle.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from audit.errors import ConfigError
from audit.rules_yaml import RULES_DIR, Located, read_yaml_located

LEVELS = ("error", "warn")
MIN_STATES = ("partial", "met")  # ordered: met asks for more than partial
MATCH_KEYS = ("kind", "id", "rubric")
_ASSERTION_KEYS = ("min_total", "level", "criteria")
_CRITERION_KEYS = ("min_points", "min_state", "level")
_STATE_LABELS = {"met": "Đạt đủ", "partial": "Đạt một phần", "missing": "Thiếu", "not_evaluable": "Không đánh giá được",
                 "needs_review": "Cần xem xét", "not_applicable": "Không áp dụng"}
GATES_FILE = RULES_DIR / "gates.yaml"


@dataclass(frozen=True)
class Assertions:
    """What one portal is held to."""
    min_total: int
    level: str
    criteria: dict  # code → {"min_points"?: int, "min_state"?: str, "level": str}


@dataclass(frozen=True)
class Gates:
    min_total: int = 80
    level: str = "error"
    criteria: dict = field(default_factory=dict)
    rubrics: dict = field(default_factory=dict)  # rubric id → {min_total?, level?, criteria?}
    matrix: tuple = ()  # ({"match": {key: frozenset}, "assertions": {min_total?, level?, criteria?}}, ...)
    path: str = ""

    def min_total_for(self, rubric_id: str) -> int:
        return int(self.rubrics.get(rubric_id, {}).get("min_total", self.min_total))

    def for_portal(self, portal_id: str, kind: str, rubric_id: str) -> Assertions:
        layers = [{"min_total": self.min_total, "level": self.level, "criteria": self.criteria},
                  self.rubrics.get(rubric_id, {})]
        facts = {"id": portal_id, "kind": kind, "rubric": rubric_id}
        layers += [m["assertions"] for m in self.matrix
                   if all(facts[k] in allowed for k, allowed in m["match"].items())]
        min_total, level, criteria = 0, "error", {}
        for layer in layers:
            min_total = layer.get("min_total", min_total)
            level = layer.get("level", level)
            for code, a in (layer.get("criteria") or {}).items():
                criteria[str(code)] = {"level": "error", **a}
        return Assertions(int(min_total), level, criteria)


@dataclass(frozen=True)
class Verdict:
    """One assertion judged on one portal. `passed` is None when it could not be judged (not evaluable)."""
    assertion: str  # "min_total" | "min_points" | "min_state"
    code: str | None  # criterion code, None for the total
    level: str
    passed: bool | None
    expected: int | str
    actual: int | str | None
    message: str  # Vietnamese

    def as_json(self) -> dict:
        return {"assertion": self.assertion, "code": self.code, "level": self.level, "expected": self.expected,
                "actual": self.actual, "message": self.message}


def evaluate(assertions: Assertions, result) -> tuple[Verdict, ...]:
    """Every assertion of `assertions` judged on a portal result; criteria the rubric does not have are skipped."""
    out: list[Verdict] = []
    if result.score is None:
        out.append(Verdict("min_total", None, assertions.level, None, assertions.min_total, None,
                           "Không có tổng điểm: cổng không truy cập được"))
    else:
        ok = result.score >= assertions.min_total
        rel = "đạt" if ok else "thấp hơn"
        out.append(Verdict("min_total", None, assertions.level, ok, assertions.min_total, result.score,
                           f"Tổng điểm {result.score}/{result.max_score} {rel} mức tối thiểu {assertions.min_total}"))
    by_code = {c.code: c for c in result.criteria}
    for code, a in assertions.criteria.items():
        c = by_code.get(code)
        if c is None:
            continue
        for kind in ("min_points", "min_state"):
            if kind in a:
                out.append(_criterion(kind, a[kind], a["level"], c))
    return tuple(out)


def _criterion(kind: str, expected, level: str, c) -> Verdict:
    if c.state == "not_evaluable":
        return Verdict(kind, c.code, level, None, expected, None, f"Tiêu chí {c.code}: không đánh giá được")
    if c.state == "not_applicable":
        # Declared not applicable (seed 003: "được tính điểm tối đa"): full points, so it meets any minimum the
        # criterion can have; never a failure for the 0 points the automatic reading may have found.
        return Verdict(kind, c.code, level, True, expected, c.points if kind == "min_points" else c.state,
                       f"Tiêu chí {c.code}: không áp dụng, tính điểm tối đa {c.max_points}/{c.max_points}")
    # A needs_review criterion is held to what it scored, whatever made it doubtful (a section recognised with low
    # confidence, or a page no reader could read: 0 points until a person decides, by an override). Its points
    # already count in the total, so the criterion's own assertions judge them the same way; the message says that
    # a person has to look, so the failure is not mistaken for a missing publication.
    if kind == "min_points":
        review = " (trạng thái “Cần xem xét”: cần kiểm tra trực tiếp)" if c.state == "needs_review" else ""
        ok = c.points >= expected
        rel = "đạt" if ok else "thấp hơn"
        return Verdict(kind, c.code, level, ok, expected, c.points,
                       f"Tiêu chí {c.code}: {c.points}/{c.max_points} điểm, {rel} mức tối thiểu {expected}{review}")
    # A state minimum is judged on points (met = full points, partial = more than 0), as above.
    ok = c.points >= c.max_points if expected == "met" else c.points > 0
    return Verdict(kind, c.code, level, ok, expected, c.state,
                   f"Tiêu chí {c.code}: trạng thái “{_STATE_LABELS.get(c.state, c.state)}”, "
                   f"{'đạt' if ok else 'chưa đạt'} mức tối thiểu “{_STATE_LABELS[expected]}”")


def status_from(result, outcomes) -> str:
    if result.score is None:
        return "unreachable"
    return "fail" if any(o.level == "error" and o.passed is False for o in outcomes) else "pass"


def failed(outcomes) -> list[Verdict]:
    return [o for o in outcomes if o.passed is False]


# --- loading and validating a gates file ----------------------------------------------------------------------------

def load_gates(path: str | Path | None = None) -> Gates:
    """Read and validate a gates file; a mistake is one ConfigError naming file:line and field."""
    p = Path(path) if path else GATES_FILE
    doc = read_yaml_located(p)
    if doc is None:
        return Gates(path=str(p))
    err = _Err(p)
    top = err.mapping(doc, None, "tệp ngưỡng")
    err.only(top, ("min_total", "level", "criteria", "rubrics", "matrix"))
    base = _assertions(top, err, "")
    rubrics = {}
    for rid, over in err.mapping(top.get("rubrics") or {}, top, "rubrics").items():
        rubrics[str(rid)] = _assertions(err.mapping(over, top.get("rubrics"), f"rubrics.{rid}", key=rid), err,
                                        f"rubrics.{rid}.", check_keys=True)
    matrix = []
    rows = top.get("matrix") or []
    if not isinstance(rows, list):
        err.fail(top, "matrix", "matrix", "cần danh sách {match, assertions}")
    for i, row in enumerate(rows):
        where = f"matrix[{i}]"
        row = err.mapping(row, None, where)
        err.only(row, ("match", "assertions"), where + ".")
        match = err.mapping(row.get("match"), row, f"{where}.match", key="match")
        err.only(match, MATCH_KEYS, f"{where}.match.")
        if not match:
            err.fail(row, "match", f"{where}.match", f"cần ít nhất một trong {', '.join(MATCH_KEYS)}")
        norm = {}
        for k, v in match.items():
            values = v if isinstance(v, list) else [v]
            if not values or not all(isinstance(x, str) and x for x in values):
                err.fail(match, k, f"{where}.match.{k}", "cần một chuỗi hoặc danh sách chuỗi")
            norm[k] = frozenset(values)
        assertions = err.mapping(row.get("assertions"), row, f"{where}.assertions", key="assertions")
        matrix.append({"match": norm, "assertions": _assertions(assertions, err, f"{where}.assertions.",
                                                                check_keys=True)})
    return Gates(min_total=base.get("min_total", 80), level=base.get("level", "error"),
                 criteria=base.get("criteria", {}), rubrics=rubrics, matrix=tuple(matrix), path=str(p))


def check_codes(gates: Gates, rubrics: dict) -> None:
    """A criterion code that no rubric (or not the rubric it is scoped to) has is a typo: fail before running."""
    every = {c.code for r in rubrics.values() for c in r.criteria}
    scoped = [(gates.criteria, every, "criteria")]
    for rid, a in gates.rubrics.items():
        if rid not in rubrics:
            raise ConfigError(f"{gates.path}: rubrics.{rid}: không có bảng tiêu chí '{rid}' "
                              f"(có: {', '.join(sorted(rubrics))})")
        scoped.append((a.get("criteria") or {}, {c.code for c in rubrics[rid].criteria}, f"rubrics.{rid}.criteria"))
    for i, m in enumerate(gates.matrix):
        rids = m["match"].get("rubric")
        unknown = sorted((rids or set()) - set(rubrics))
        if unknown:
            raise ConfigError(f"{gates.path}: matrix[{i}].match.rubric: không có bảng tiêu chí '{unknown[0]}'")
        codes = {c.code for rid in rids for c in rubrics[rid].criteria} if rids else every
        scoped.append((m["assertions"].get("criteria") or {}, codes, f"matrix[{i}].assertions.criteria"))
    for criteria, codes, where in scoped:
        for code in criteria:
            if code not in codes:
                line = criteria.line_of(code) if isinstance(criteria, Located) else None
                at = f"{gates.path}:{line}" if line else gates.path
                raise ConfigError(f"{at}: {where}.{code}: không có tiêu chí mã '{code}' trong bảng tiêu chí áp dụng")


class _Err:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, container, key, field_: str, msg: str):
        line = container.line_of(key) if isinstance(container, Located) else None
        where = f"{self.path}:{line}" if line else str(self.path)
        raise ConfigError(f"{where}: trường {field_}: {msg}")

    def mapping(self, value, parent, field_: str, key=None) -> dict:
        if not isinstance(value, dict):
            if parent is None:
                raise ConfigError(f"{self.path}: trường {field_}: cần một ánh xạ (key: value)")
            self.fail(parent, key if key is not None else field_.rsplit(".", 1)[-1], field_,
                      "cần một ánh xạ (key: value)")
        return value

    def only(self, doc: dict, keys: tuple[str, ...], prefix: str = "") -> None:
        for k in doc:
            if k not in keys:
                self.fail(doc, k, f"{prefix}{k}", f"khóa lạ (có: {', '.join(keys)})")


def _assertions(doc: dict, err: _Err, prefix: str, check_keys: bool = False) -> dict:
    if check_keys:
        err.only(doc, _ASSERTION_KEYS, prefix)
    out: dict = {}
    if "min_total" in doc:
        v = doc["min_total"]
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            err.fail(doc, "min_total", f"{prefix}min_total", "cần số nguyên ≥ 0")
        out["min_total"] = v
    if "level" in doc:
        if doc["level"] not in LEVELS:
            err.fail(doc, "level", f"{prefix}level", f"'{doc['level']}' không hợp lệ (error|warn)")
        out["level"] = doc["level"]
    crits = doc.get("criteria")
    if crits is not None:
        crits = err.mapping(crits, doc, f"{prefix}criteria", key="criteria")
        norm = Located()
        norm.line, norm.key_lines = getattr(crits, "line", 0), {}
        for code, a in crits.items():
            where = f"{prefix}criteria.{code}"
            # Unquoted codes arrive as numbers (8, 1.1): accept them as the code they spell.
            key = str(code)
            a = err.mapping(a, crits, where, key=code)
            err.only(a, _CRITERION_KEYS, where + ".")
            if "min_points" not in a and "min_state" not in a:
                err.fail(crits, code, where, "cần min_points hoặc min_state")
            item = {"level": a.get("level", "error")}
            if item["level"] not in LEVELS:
                err.fail(a, "level", f"{where}.level", f"'{a['level']}' không hợp lệ (error|warn)")
            if "min_points" in a:
                v = a["min_points"]
                if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                    err.fail(a, "min_points", f"{where}.min_points", "cần số nguyên ≥ 0")
                item["min_points"] = v
            if "min_state" in a:
                if a["min_state"] not in MIN_STATES:
                    err.fail(a, "min_state", f"{where}.min_state",
                             f"'{a['min_state']}' không hợp lệ ({'|'.join(MIN_STATES)})")
                item["min_state"] = a["min_state"]
            norm[key] = item
            norm.key_lines[key] = crits.line_of(code) if isinstance(crits, Located) else 0
        out["criteria"] = norm
    return out
