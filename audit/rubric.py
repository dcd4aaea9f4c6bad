"""Rubrics as data: rules/rubrics/<id>.yaml → Rubric. Another province's rubric is a new YAML file, not code.

A bad file stops the run with one line naming file and criterion (ConfigError).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from audit.criteria import RULES
from audit.criteria.base import Known
from audit.errors import ConfigError
from audit.registry import KINDS
from audit.rules_yaml import RULES_DIR, read_yaml

RUBRICS_DIR = RULES_DIR / "rubrics"
_TOP = {"id", "title", "source", "applies_to", "total", "groups", "criteria"}
_GROUP = {"code", "title", "points", "update"}
_CRIT = {"code", "group", "title", "max_points", "tiers", "update", "deadline_working_days", "legal_ref", "rule"}


@dataclass(frozen=True)
class Tier:
    label: str
    points: int


@dataclass(frozen=True)
class Group:
    code: str
    title: str
    points: int
    update: str | None = None


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    max_points: int
    tiers: tuple[Tier, ...]
    rule_type: str
    params: dict = field(default_factory=dict, hash=False)  # the `rule:` block without `type`
    group: str | None = None
    update: str | None = None
    deadline_working_days: int | None = None
    legal_ref: str | None = None


@dataclass(frozen=True)
class Rubric:
    id: str
    title: str
    source: str
    applies_to: tuple[str, ...]
    total: int
    groups: tuple[Group, ...]
    criteria: tuple[Criterion, ...]
    path: str = ""

    @property
    def max_score(self) -> int:
        return sum(c.max_points for c in self.criteria)

    def criterion(self, code: str) -> Criterion:
        for c in self.criteria:
            if c.code == code:
                return c
        raise KeyError(code)


def load_rubrics(dir: str | Path | None = None) -> dict[str, Rubric]:
    """Every rules/rubrics/*.yaml (or *.yaml in `dir`), keyed by rubric id."""
    d = Path(dir) if dir else RUBRICS_DIR
    if not d.is_dir():
        raise ConfigError(f"{d}: không tìm thấy thư mục rubric")
    known = vocabulary()
    out: dict[str, Rubric] = {}
    for p in sorted(d.glob("*.yaml")):
        r = load_rubric(p, known)
        out[r.id] = r
    if not out:
        raise ConfigError(f"{d}: không có tệp rubric (*.yaml)")
    return out


def vocabulary(rules_dir: Path = RULES_DIR) -> Known:
    secs = read_yaml(rules_dir / "sections.yaml") or {}
    els = read_yaml(rules_dir / "elements.yaml") or {}
    return Known(frozenset((secs.get("sections") or {}) if isinstance(secs, dict) else ()),
                 frozenset((els.get("elements") or {}) if isinstance(els, dict) else ()))


def load_rubric(path: str | Path, known: Known | None = None) -> Rubric:
    p = Path(path)
    known = known or vocabulary()
    doc = read_yaml(p)
    if not isinstance(doc, dict):
        raise ConfigError(f"{p}: cần một ánh xạ (id, title, source, applies_to, total, criteria)")

    def fail(msg: str, code: str | None = None):
        raise ConfigError(f"{p}: tiêu chí {code}: {msg}" if code is not None else f"{p}: {msg}")

    _only(doc, _TOP, fail)
    rid = doc.get("id")
    if rid != p.stem:
        fail(f"id: '{rid}' phải trùng tên tệp '{p.stem}'")
    title, source = _text(doc, "title", fail), _text(doc, "source", fail)
    applies = doc.get("applies_to")
    if not isinstance(applies, list) or not applies or any(k not in KINDS for k in applies):
        fail(f"applies_to: cần danh sách trong {'|'.join(KINDS)}")
    total = _int(doc, "total", fail)

    groups: list[Group] = []
    for g in doc.get("groups") or []:
        code = g.get("code") if isinstance(g, dict) else None
        if not isinstance(code, str) or not code:
            fail("groups: mỗi nhóm cần code dạng chuỗi (đặt trong ngoặc kép)")
        gfail = lambda msg, _c=code: fail(f"nhóm: {msg}", _c)  # noqa: E731
        _only(g, _GROUP, gfail)
        groups.append(Group(code, _text(g, "title", gfail), _int(g, "points", gfail),
                            _text(g, "update", gfail, optional=True)))
    group_codes = {g.code for g in groups}
    if len(group_codes) != len(groups):
        fail("groups: trùng mã nhóm")

    rows = doc.get("criteria")
    if not isinstance(rows, list) or not rows:
        fail("criteria: cần danh sách tiêu chí")
    criteria: list[Criterion] = []
    for row in rows:
        code = row.get("code") if isinstance(row, dict) else None
        if not isinstance(code, str) or not code:
            fail(f"criteria: code {code!r} phải là chuỗi (đặt trong ngoặc kép, ví dụ \"1.1\")")
        criteria.append(_criterion(row, code, group_codes, known, lambda msg, _c=code: fail(msg, _c)))
    codes = [c.code for c in criteria]
    dup = next((c for c in codes if codes.count(c) > 1), None)
    if dup:
        fail("mã tiêu chí bị trùng", dup)
    if sum(c.max_points for c in criteria) != total:
        fail(f"tổng max_points các tiêu chí là {sum(c.max_points for c in criteria)}, khác total {total}")
    for g in groups:
        s = sum(c.max_points for c in criteria if c.group == g.code)
        if s != g.points:
            fail(f"nhóm {g.code}: points {g.points} khác tổng các tiêu chí con {s}")
    return Rubric(rid, title, source, tuple(applies), total, tuple(groups), tuple(criteria), str(p))


def _criterion(row: dict, code: str, group_codes: set[str], known: Known, fail) -> Criterion:
    _only(row, _CRIT, fail)
    group = row.get("group")
    if group is not None and group not in group_codes:
        fail(f"group: '{group}' không có trong groups")
    max_points = _int(row, "max_points", fail)
    tiers_raw = row.get("tiers")
    if not isinstance(tiers_raw, list) or not tiers_raw:
        fail("tiers: cần danh sách {label, points}")
    tiers = []
    for t in tiers_raw:
        if not isinstance(t, dict) or set(t) != {"label", "points"}:
            fail("tiers: mỗi mức cần đúng {label, points}")
        tiers.append(Tier(_text(t, "label", fail), _int(t, "points", fail)))
    if max(t.points for t in tiers) != max_points:
        fail(f"tiers: mức cao nhất phải bằng max_points {max_points}")
    deadline = row.get("deadline_working_days")
    if deadline is not None and (not isinstance(deadline, int) or isinstance(deadline, bool) or deadline < 0):
        fail("deadline_working_days: cần số nguyên hoặc null")
    rule = row.get("rule")
    if not isinstance(rule, dict) or rule.get("type") not in RULES:
        fail(f"rule.type: '{(rule or {}).get('type') if isinstance(rule, dict) else rule}' không có "
             f"(có: {', '.join(sorted(RULES))})")
    try:
        possible = RULES[rule["type"]].check(rule, max_points, known)
    except ValueError as exc:
        fail(str(exc))
    if max(possible) != max_points:
        fail(f"rule: điểm tối đa rule cho được là {max(possible)}, khác max_points {max_points}")
    stray = sorted(possible - {t.points for t in tiers} - {0})
    if stray:
        fail(f"rule: điểm {stray[0]} không có trong tiers")
    params = {k: v for k, v in rule.items() if k != "type"}
    return Criterion(code, _text(row, "title", fail), max_points, tuple(tiers), rule["type"], params,
                     group, _text(row, "update", fail, optional=True), deadline,
                     _text(row, "legal_ref", fail, optional=True))


def _only(doc: dict, keys: set[str], fail) -> None:
    extra = sorted(set(doc) - keys)
    if extra:
        fail(f"khóa lạ '{extra[0]}' (có: {', '.join(sorted(keys))})")


def _text(doc: dict, key: str, fail, optional: bool = False) -> str | None:
    v = doc.get(key)
    if v is None and optional:
        return None
    if not isinstance(v, str) or not v.strip():
        fail(f"{key}: cần chuỗi không rỗng")
    if unicodedata.normalize("NFC", v) != v:
        fail(f"{key}: chưa chuẩn hóa Unicode NFC")
    return v


def _int(doc: dict, key: str, fail) -> int:
    v = doc.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        fail(f"{key}: cần số nguyên ≥ 0")
    return v
