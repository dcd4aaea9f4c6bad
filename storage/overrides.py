"""Manual overrides in the `manual_override` table, with history: a new decision for the same portal, period and
criterion supersedes the previous one (`superseded_at` set); nothing is ever deleted. Withdrawing a decision is a
decision too: a row with state `withdrawn` (with its reason and author) supersedes the active one and leaves the
automatic result in force.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from audit.overrides import Override
from audit.period import Period
from storage.models import ManualOverride, PortalRow

WITHDRAWN = "withdrawn"


def _current(session, portal_id: str, period: Period, code: str) -> ManualOverride | None:
    return session.scalar(select(ManualOverride).where(
        ManualOverride.portal_id == portal_id, ManualOverride.period_from == period.start,
        ManualOverride.period_to == period.end, ManualOverride.code == code,
        ManualOverride.superseded_at.is_(None)).order_by(ManualOverride.id.desc()).limit(1))


def to_override(row: ManualOverride) -> Override:
    return Override(row.portal_id, Period(row.period_from, row.period_to), row.code, int(row.points), row.state,
                    row.reason, row.author, row.created_at)


def record(session, ov: Override, portal, now: datetime | None = None) -> str:
    """Store `ov`; returns "added", "replaced" (an older decision superseded) or "unchanged" (the same decision is
    already active, so importing a review file twice adds no history)."""
    now = now or datetime.now().replace(microsecond=0)
    _ensure_portal(session, portal, now)
    cur = _current(session, ov.portal_id, ov.period, ov.code)
    if cur is not None and cur.state != WITHDRAWN and to_override(cur).same_decision(ov):
        return "unchanged"
    if cur is not None:
        cur.superseded_at = now
    session.add(ManualOverride(portal_id=ov.portal_id, period_from=ov.period.start, period_to=ov.period.end,
                               code=ov.code, points=ov.points, state=ov.state, reason=ov.reason, author=ov.author,
                               created_at=now))
    return "replaced" if cur is not None and cur.state != WITHDRAWN else "added"


def withdraw(session, portal_id: str, period: Period, code: str, reason: str, author: str,
             now: datetime | None = None) -> bool:
    """Withdraw the active decision; False when there is none."""
    now = now or datetime.now().replace(microsecond=0)
    cur = _current(session, portal_id, period, code)
    if cur is None or cur.state == WITHDRAWN:
        return False
    cur.superseded_at = now
    session.add(ManualOverride(portal_id=portal_id, period_from=period.start, period_to=period.end, code=code,
                               points=0, state=WITHDRAWN, reason=reason, author=author, created_at=now))
    return True


def active(session, period: Period, portal_ids=None) -> dict[str, dict[str, Override]]:
    """portal id → criterion code → the decision in force for exactly this period."""
    q = select(ManualOverride).where(ManualOverride.period_from == period.start,
                                     ManualOverride.period_to == period.end,
                                     ManualOverride.superseded_at.is_(None), ManualOverride.state != WITHDRAWN)
    if portal_ids is not None:
        q = q.where(ManualOverride.portal_id.in_(list(portal_ids)))
    out: dict[str, dict[str, Override]] = {}
    for row in session.scalars(q.order_by(ManualOverride.id)):
        out.setdefault(row.portal_id, {})[row.code] = to_override(row)
    return out


def listing(session, period: Period | None = None, portal_id: str | None = None,
            with_history: bool = False) -> list[ManualOverride]:
    q = select(ManualOverride)
    if period is not None:
        q = q.where(ManualOverride.period_from == period.start, ManualOverride.period_to == period.end)
    if portal_id:
        q = q.where(ManualOverride.portal_id == portal_id)
    if not with_history:
        q = q.where(ManualOverride.superseded_at.is_(None), ManualOverride.state != WITHDRAWN)
    return list(session.scalars(q.order_by(ManualOverride.period_from, ManualOverride.portal_id,
                                           ManualOverride.code, ManualOverride.id)))


def _ensure_portal(session, portal, now: datetime) -> None:
    # manual_override.portal_id references portal.id; a portal may be reviewed before any crawl stored its row.
    if session.get(PortalRow, portal.id) is None:
        session.add(PortalRow(id=portal.id, name=portal.name, kind=portal.kind, url=portal.url, rubric=portal.rubric,
                              host_confidence=portal.host_confidence, notes=portal.notes, updated_at=now))
        session.flush()
