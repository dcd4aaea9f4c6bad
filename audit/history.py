"""A portal's results across periods: the previous period's result, what changed since, and a trend.

Reads the stored period scores (one per portal × period). Only periods that end before the audited period starts
count, so a period is never in its own history and re-scoring it gives the same history as long as earlier periods'
stored results are unchanged.

    compare(session, portal_id, period, entry) -> {"previous_score", "history", "diff"}  (results.json additions)
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from audit.period import Period
from storage.models import PeriodScore

TREND_LENGTH = 12
_FULL = ("met", "not_applicable")


@dataclass(frozen=True)
class Past:
    """A stored result of an earlier period, as far as history needs it."""
    start: str
    end: str
    score: int | float | None
    status: str
    criteria: dict  # code → (points, state)


def earlier(session, portal_id: str, period: Period, limit: int = TREND_LENGTH) -> list[Past]:
    """Up to `limit` stored results of periods ending before `period` starts, oldest first."""
    rows = session.scalars(select(PeriodScore).where(PeriodScore.portal_id == portal_id,
                                                     PeriodScore.period_to < period.start)
                           .order_by(PeriodScore.period_to.desc(), PeriodScore.period_from.desc()).limit(limit)).all()
    return [Past(r.period_from.isoformat(), r.period_to.isoformat(), _number(r.score), r.status,
                 {c.code: (_number(c.points), c.state) for c in r.criteria}) for r in reversed(rows)]


def diff(entry: dict, previous: Past) -> dict | None:
    """What changed since `previous` for a results.json portal entry; None when either side has no score (an
    unreachable portal's criteria say nothing about the portal's content)."""
    if entry.get("score") is None or previous.score is None:
        return None
    gained, lost, new_missing = [], [], []
    for c in entry["criteria"]:
        before = previous.criteria.get(c["code"])
        if before is None:  # the rubric changed: nothing to compare with
            continue
        points, state = before
        # Full points either way: met, or not_applicable (a declaration, seed 003). Moving between the two is no
        # gain and no loss.
        full_now, full_before = c["state"] in _FULL, state in _FULL
        if c["points"] > points or (c["points"] == points and full_now and not full_before):
            gained.append(c["code"])
        elif c["points"] < points or (c["points"] == points and full_before and not full_now):
            lost.append(c["code"])
        if c["state"] == "missing" and state != "missing":
            new_missing.append(c["code"])
    return {"score_change": _number(entry["score"] - previous.score), "gained": gained, "lost": lost,
            "new_missing": new_missing}


def compare(session, portal_id: str, period: Period, entry: dict) -> dict:
    past = earlier(session, portal_id, period)
    previous = past[-1] if past else None
    return {
        "previous_score": previous.score if previous else None,
        "history": [{"from": p.start, "to": p.end, "score": p.score, "status": p.status} for p in past],
        "diff": diff(entry, previous) if previous else None,
    }


def _number(v):
    """Stored scores are floats; whole numbers go back to int so results.json shows 86, not 86.0."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(float(v), 2)
