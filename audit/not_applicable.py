"""Không áp dụng: a standing declaration that a unit has no duty matching a criterion, so the criterion gets full
points in state `not_applicable` for every period the declaration covers (seed 003, Cao Bằng guidance: a unit "không
có nhiệm vụ tương ứng … được tính điểm tối đa … phải báo cáo làm rõ").

A declaration names the unit (portal id), the criterion code, the reason (the "báo cáo làm rõ"), its author and the
months it holds: from `valid_from` (YYYY-MM) to `valid_to` (YYYY-MM, or open until withdrawn). It is recorded once
(storage/not_applicable.py) and applied at every scoring of a period that lies wholly inside those months; it is never
re-entered each month. Withdrawing it is a recorded act too (reason, author, first month no longer covered): earlier
periods keep it, so re-scoring them gives the same results.

Precedence: automatic result → declaration → the auditor's override for that period. An override for the same
criterion and period wins over the declaration (the auditor looked at that very period); the declaration is then not
applied to that criterion in that period. An unreachable portal stays unreachable (no score to complete), as with
overrides.

Declarations file (`portal-audit not-applicable --file FILE`), reviewed like an overrides file:

    author: Nguyễn Thị Lan            # default for every entry
    declarations:
      - portal: xa-c
        code: "8"
        reason: Xã không có dự án đầu tư công, đấu thầu, mua sắm công trên địa bàn
        valid_from: 2026-09             # YYYY-MM
        valid_to: 2026-12               # optional; absent: until withdrawn
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from audit.criteria.base import NOT_APPLICABLE
from audit.overrides import _code
from audit.period import Period, PeriodError
from audit.rubric import Rubric
from audit.review_file import Fail, entries, once, portal_field, read_review, text_field

_ENTRY_KEYS = ("portal", "code", "reason", "author", "valid_from", "valid_to")
_TOP_KEYS = ("author", "declarations")


@dataclass(frozen=True)
class Declaration:
    portal_id: str
    code: str
    reason: str
    author: str
    valid_from: date  # first day of the first month covered
    valid_to: date | None  # last day of the last month covered; None: open until withdrawn
    at: datetime | None = None  # when it was recorded (storage); None until stored

    def covers(self, period: Period) -> bool:
        """The whole period lies inside the declared months (a quarter half inside is not covered)."""
        return self.valid_from <= period.start and (self.valid_to is None or period.end <= self.valid_to)

    def same_decision(self, other: "Declaration") -> bool:
        return (self.reason, self.author, self.valid_to) == (other.reason, other.author, other.valid_to)

    def record(self, points_auto: int, state_auto: str) -> dict:
        """The criterion's `not_applicable` record in results.json."""
        return {"reason": self.reason, "author": self.author, "valid_from": month_text(self.valid_from),
                "valid_to": month_text(self.valid_to) if self.valid_to else None,
                "at": self.at.isoformat(timespec="seconds") if self.at else None,
                "points_auto": points_auto, "state_auto": state_auto}


def month(value, fail: Fail, field_: str) -> Period:
    """'2026-09' (or a YAML date's year and month) → that month, as the periods are (audit/period.py)."""
    text = f"{value.year:04d}-{value.month:02d}" if isinstance(value, date) else str(value)
    try:
        return Period.month(text)
    except PeriodError:
        fail(field_, f"'{value}' không hợp lệ: cần tháng dạng YYYY-MM, ví dụ 2026-09")


def month_text(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def month_vn(d: date) -> str:
    return f"{d.month:02d}/{d.year:04d}"


def make(portal, rubric: Rubric, code, reason, author, valid_from, valid_to, fail: Fail) -> Declaration:
    """Validate one declaration (any source) into a Declaration."""
    code = _code(code, fail)
    try:
        rubric.criterion(code)
    except KeyError:
        fail("code", f"'{code}' không có trong bảng tiêu chí {rubric.id} của cổng {portal.id} "
                     f"(có: {', '.join(c.code for c in rubric.criteria)})")
    reason, author = text_field(reason, "reason", fail), text_field(author, "author", fail)
    if valid_from is None:
        fail("valid_from", "cần tháng bắt đầu áp dụng (YYYY-MM)")
    start = month(valid_from, fail, "valid_from").start
    end = None
    if valid_to is not None:
        end = month(valid_to, fail, "valid_to").end
        if end < start:
            fail("valid_to", f"{month_text(end)} trước valid_from {month_text(start)}")
    return Declaration(portal.id, code, reason, author, start, end)


def load_file(path: str | Path, registry: list, rubrics: dict[str, Rubric]) -> list[Declaration]:
    """Every declaration of a reviewed file, validated against the registry and rubrics: all or nothing."""
    p, doc = read_review(path, _TOP_KEYS, "author, declarations")
    portals = {x.id: x for x in registry}
    out: list[Declaration] = []
    seen: dict[tuple, int] = {}
    for row, fail in entries(p, doc, "declarations", _ENTRY_KEYS, "cần danh sách các tuyên bố không áp dụng",
                             "portal, code, reason, valid_from…"):
        portal = portal_field(row, portals, fail, rubrics)
        d = make(portal, rubrics[portal.rubric], row.get("code"), row.get("reason"), row.get("author", doc.get("author")),
                 row.get("valid_from"), row.get("valid_to"), fail)
        once(seen, (d.portal_id, d.code), row, fail, "code", "cùng cổng, tiêu chí")
        out.append(d)
    return out


def summary(d: Declaration) -> str:
    until = f"đến kỳ {month_vn(d.valid_to)}" if d.valid_to else "cho đến khi rút lại"
    return f"Không áp dụng: {d.reason} (tuyên bố của {d.author}, áp dụng từ kỳ {month_vn(d.valid_from)} {until})"


def apply(result, declarations: dict[str, Declaration], overridden=()):
    """The PortalResult with each declared criterion at full points, state not_applicable; the automatic points and
    state are kept in the criterion's `not_applicable` record. Criteria in `overridden` (an auditor's override for
    this period) are left to the override. An unreachable portal is left as it is."""
    if not declarations or result.score is None:
        return result
    criteria = []
    for c in result.criteria:
        d = declarations.get(c.code)
        if d is None or c.code in overridden:
            criteria.append(c)
            continue
        criteria.append(replace(c, points=c.max_points, state=NOT_APPLICABLE, summary=summary(d),
                                not_applicable=d.record(c.points, c.state)))
    return replace(result, criteria=tuple(criteria), score=sum(c.points for c in criteria))
