"""Auditors' decisions on PAKN questions in the `pakn_decision` table, with history: a new decision for the same
portal and question supersedes the previous one (`superseded_at` set); nothing is ever deleted."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from audit.facts import QuestionDecision
from storage.models import PaknDecision
from storage.overrides import _ensure_portal


def _current(session, portal_id: str, url: str) -> PaknDecision | None:
    return session.scalar(select(PaknDecision).where(
        PaknDecision.portal_id == portal_id, PaknDecision.question_url == url,
        PaknDecision.superseded_at.is_(None)).order_by(PaknDecision.id.desc()).limit(1))


def _decision(row: PaknDecision) -> QuestionDecision:
    return QuestionDecision(row.question_url, row.deadline_class, bool(row.excluded), row.reason, row.author)


def record(session, portal, decision: QuestionDecision, now: datetime | None = None) -> str:
    """Store `decision`; "added", "replaced" (an older one superseded) or "unchanged" (the same one is active)."""
    now = now or datetime.now().replace(microsecond=0)
    _ensure_portal(session, portal, now)
    cur = _current(session, portal.id, decision.url)
    if cur is not None and _decision(cur) == decision:
        return "unchanged"
    if cur is not None:
        cur.superseded_at = now
    session.add(PaknDecision(portal_id=portal.id, question_url=decision.url, deadline_class=decision.deadline_class,
                             excluded=decision.excluded, reason=decision.reason, author=decision.author,
                             created_at=now))
    return "replaced" if cur is not None else "added"


def active(session, portal_id: str) -> dict[str, QuestionDecision]:
    """Question URL → the decision in force for this portal."""
    rows = session.scalars(select(PaknDecision).where(PaknDecision.portal_id == portal_id,
                                                      PaknDecision.superseded_at.is_(None))
                           .order_by(PaknDecision.id))
    return {r.question_url: _decision(r) for r in rows}


def history(session, portal_id: str | None = None) -> list[PaknDecision]:
    q = select(PaknDecision)
    if portal_id:
        q = q.where(PaknDecision.portal_id == portal_id)
    return list(session.scalars(q.order_by(PaknDecision.portal_id, PaknDecision.question_url, PaknDecision.id)))
