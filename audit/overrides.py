"""Manual review: an auditor's decision on one criterion of one portal for one period, applied on top of the automatic
result at scoring time.

An override gives points and/or a state, a reason and an author. It is validated against the criterion (points within
0..max and one of the rubric's tiers, a state that agrees with the points) before it is stored; a mistake is one line
naming the file:line (or the CLI option) and the field. Storage keeps every decision (storage/overrides.py); scoring
reads only the active ones, so re-scoring stays deterministic and needs no network.

Review file (`portal-audit override --file FILE`, or `--overrides FILE` on run/score):

    period: 2026-10                 # default for every entry; or {from: 2026-10-01, to: 2026-10-31}
    author: Nguyễn Thị Lan          # default for every entry
    overrides:
      - portal: so-y-te
        code: "8"
        points: 12                  # and/or state: met | partial | missing | not_evaluable | needs_review |
                                    # not_applicable
        reason: Hộp thư PAKN đã chuyển sang hệ thống mới; kiểm tra trực tiếp 14 câu hỏi, 12 đúng hạn
    questions:                      # decisions on single PAKN questions (audit/pakn_decisions.py)
      - portal: so-y-te
        question: https://soyte.bacninh.gov.vn/hoi-dap#q1234
        class: coordination         # standard | coordination | special; or exclude: true
        reason: Trả lời có xin ý kiến Sở Tài nguyên và Môi trường
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from audit.criteria.base import MET, MISSING, NEEDS_REVIEW, NOT_APPLICABLE, NOT_EVALUABLE, PARTIAL, STATES
from audit.period import Period, PeriodError
from audit.rubric import Criterion, Rubric
from audit.review_file import Fail, entries, failer, once, portal_field, read_review, text_field

OVERRIDE_STATES = STATES
_ENTRY_KEYS = ("portal", "code", "points", "state", "reason", "author", "period")
_TOP_KEYS = ("period", "author", "overrides", "questions")  # questions: audit/pakn_decisions.py


@dataclass(frozen=True)
class Override:
    portal_id: str
    period: Period
    code: str
    points: int
    state: str
    reason: str
    author: str
    at: datetime | None = None  # when it was recorded (storage); None until stored

    def same_decision(self, other: "Override") -> bool:
        return (self.points, self.state, self.reason, self.author) == (other.points, other.state, other.reason,
                                                                        other.author)




def resolve(crit: Criterion, points, state, fail: Fail) -> tuple[int, str]:
    """The (points, state) an override means for `crit`, or a ConfigError through `fail(field, message)`.

    Points alone: the state follows from them (max → met, 0 → missing, else partial). State alone: met and
    not_applicable (for this period only; a standing one is a declaration, audit/not_applicable.py) → max,
    missing/not_evaluable → 0; partial and needs_review need points. Both: they must agree.
    """
    if points is None and state is None:
        fail("points", "cần points hoặc state")
    if state is not None and state not in OVERRIDE_STATES:
        fail("state", f"'{state}' không hợp lệ (có: {', '.join(OVERRIDE_STATES)})")
    if points is not None:
        if isinstance(points, bool) or not isinstance(points, int):
            fail("points", f"'{points}' không phải số nguyên")
        if not 0 <= points <= crit.max_points:
            fail("points", f"{points} nằm ngoài 0..{crit.max_points} (điểm tối đa của tiêu chí {crit.code})")
        tiers = sorted({0, *(t.points for t in crit.tiers)})
        if points not in tiers:
            fail("points", f"{points} không phải một mức điểm của tiêu chí {crit.code} "
                           f"(các mức: {', '.join(map(str, tiers))})")
    if state is None:
        return points, MET if points == crit.max_points else MISSING if points == 0 else PARTIAL
    if points is None:
        if state in (MET, NOT_APPLICABLE):
            return crit.max_points, state
        if state in (MISSING, NOT_EVALUABLE):
            return 0, state
        fail("points", f"trạng thái {state} cần kèm points")
    agrees = {MET: points == crit.max_points, NOT_APPLICABLE: points == crit.max_points, MISSING: points == 0, NOT_EVALUABLE: points == 0,
              PARTIAL: 0 < points < crit.max_points, NEEDS_REVIEW: True}[state]
    if not agrees:
        fail("state", f"{state} không khớp với {points}/{crit.max_points} điểm")
    return points, state


def make(portal, rubric: Rubric, period: Period, code, points, state, reason, author, fail: Fail) -> Override:
    """Validate one decision (any source) into an Override."""
    code = _code(code, fail)
    try:
        crit = rubric.criterion(code)
    except KeyError:
        fail("code", f"'{code}' không có trong bảng tiêu chí {rubric.id} của cổng {portal.id} "
                     f"(có: {', '.join(c.code for c in rubric.criteria)})")
    pts, st = resolve(crit, points, state, fail)
    return Override(portal.id, period, code, pts, st, text_field(reason, "reason", fail),
                    text_field(author, "author", fail))


def _code(code, fail: Fail) -> str:
    # Unquoted YAML codes arrive as numbers (8, 1.1): accept them as the code they spell.
    if isinstance(code, bool) or not isinstance(code, (str, int, float)) or str(code).strip() == "":
        fail("code", "cần mã tiêu chí, ví dụ \"8\" hoặc \"1.1\"")
    return str(code).strip()


def load_file(path: str | Path, registry: list, rubrics: dict[str, Rubric]) -> list[Override]:
    """Every override of a review file, validated against the registry and rubrics: all or nothing."""
    p, doc = read_review(path, _TOP_KEYS, "period, author, overrides")
    if "overrides" not in doc and "questions" in doc:
        return []  # a review file of question decisions only (audit/pakn_decisions.py)
    portals = {x.id: x for x in registry}
    default_period = _period(doc["period"], failer(p, doc)) if doc.get("period") is not None else None
    out: list[Override] = []
    seen: dict[tuple, int] = {}
    for row, fail in entries(p, doc, "overrides", _ENTRY_KEYS, "cần danh sách các điều chỉnh",
                             "portal, code, points, reason…"):
        period = _period(row["period"], fail) if row.get("period") is not None else default_period
        if period is None:
            fail("period", "thiếu kỳ đánh giá (đặt period ở đầu tệp hoặc trong mục)")
        portal = portal_field(row, portals, fail, rubrics)
        ov = make(portal, rubrics[portal.rubric], period, row.get("code"), row.get("points"), row.get("state"),
                  row.get("reason"), row.get("author", doc.get("author")), fail)
        once(seen, (ov.portal_id, ov.period, ov.code), row, fail, "code", "cùng cổng, kỳ, tiêu chí")
        out.append(ov)
    return out


def _period(value, fail: Fail) -> Period:
    try:
        if isinstance(value, dict):
            start, end = value.get("from"), value.get("to")
            return Period.parse(None, start.isoformat() if isinstance(start, date) else start,
                                end.isoformat() if isinstance(end, date) else end)
        return Period.month(str(value))
    except (PeriodError, AttributeError, TypeError):
        fail("period", f"'{value}' không hợp lệ: cần YYYY-MM hoặc {{from: YYYY-MM-DD, to: YYYY-MM-DD}}")


def apply(result, overrides: dict[str, Override]):
    """The PortalResult with each overridden criterion replaced by the auditor's decision; the automatic points and
    state are kept in the criterion's `override` record. An unreachable portal is left as it is: it has no score a
    decision on one criterion could complete (README)."""
    if not overrides or result.score is None:
        return result
    criteria = []
    for c in result.criteria:
        ov = overrides.get(c.code)
        if ov is None:
            criteria.append(c)
            continue
        record = {"points_auto": c.points, "state_auto": c.state, "points": ov.points, "state": ov.state,
                  "reason": ov.reason, "author": ov.author,
                  "at": ov.at.isoformat(timespec="seconds") if ov.at else None}
        criteria.append(replace(c, points=ov.points, state=ov.state, override=record))
    return replace(result, criteria=tuple(criteria), score=sum(c.points for c in criteria))
