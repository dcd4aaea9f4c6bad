"""Standing "không áp dụng" declarations in the `not_applicable` table, with history: a changed declaration for the
same portal, criterion and first month supersedes the previous one (`superseded_at` set); a withdrawal is recorded on
the declaration (first month no longer covered, reason, author, time) and ends it from that month on, so earlier
periods re-score as before. Nothing is ever deleted.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from audit.errors import ConfigError
from audit.not_applicable import Declaration, month_vn
from audit.period import Period
from storage.models import NotApplicable
from storage.overrides import _ensure_portal


def effective_end(row: NotApplicable) -> date | None:
    """The last day the declaration covers once withdrawals are counted; None: open. May fall before valid_from
    (withdrawn from its first month: it covers nothing)."""
    if row.withdrawn_from is None:
        return row.valid_to
    last = row.withdrawn_from - timedelta(days=1)
    return last if row.valid_to is None else min(last, row.valid_to)


def to_declaration(row: NotApplicable) -> Declaration:
    return Declaration(row.portal_id, row.code, row.reason, row.author, row.valid_from, effective_end(row),
                       row.created_at)


def _in_force(session, portal_id: str | None = None, code: str | None = None):
    q = select(NotApplicable).where(NotApplicable.superseded_at.is_(None))
    if portal_id is not None:
        q = q.where(NotApplicable.portal_id == portal_id)
    if code is not None:
        q = q.where(NotApplicable.code == code)
    return list(session.scalars(q.order_by(NotApplicable.valid_from, NotApplicable.id)))


def _overlap(a_from: date, a_to: date | None, b_from: date, b_to: date | None) -> bool:
    if (a_to is not None and a_to < a_from) or (b_to is not None and b_to < b_from):
        return False  # one of them covers nothing
    return (a_to is None or b_from <= a_to) and (b_to is None or a_from <= b_to)


def record(session, d: Declaration, portal, now: datetime | None = None) -> str:
    """Store `d`; returns "added", "replaced" (the declaration from the same month superseded) or "unchanged" (the
    same declaration is already in force, so importing a file twice adds no history). A declaration overlapping
    another one of the same criterion (from another month) is refused: withdraw that one first."""
    now = now or datetime.now().replace(microsecond=0)
    _ensure_portal(session, portal, now)
    rows = _in_force(session, d.portal_id, d.code)
    cur = next((r for r in rows if r.valid_from == d.valid_from), None)
    for r in rows:
        if r is not cur and _overlap(r.valid_from, effective_end(r), d.valid_from, d.valid_to):
            end = effective_end(r)
            raise ConfigError(f"cổng {d.portal_id}, tiêu chí {d.code}: trùng thời gian với tuyên bố không áp dụng từ "
                              f"kỳ {month_vn(r.valid_from)}" + (f" đến kỳ {month_vn(end)}" if end else "")
                              + " — rút lại tuyên bố đó trước (--withdraw)")
    if cur is not None and cur.withdrawn_from is None and to_declaration(cur).same_decision(d):
        return "unchanged"
    if cur is not None:
        cur.superseded_at = now
    session.add(NotApplicable(portal_id=d.portal_id, code=d.code, valid_from=d.valid_from, valid_to=d.valid_to,
                              reason=d.reason, author=d.author, created_at=now))
    session.flush()
    return "replaced" if cur is not None and cur.withdrawn_from is None else "added"


def withdraw(session, portal_id: str, code: str, first_month: date, reason: str, author: str,
             now: datetime | None = None) -> NotApplicable | None:
    """End the declaration in force for `first_month` (or starting after it) from that month on; None when there is
    none. Periods before `first_month` keep the declaration."""
    now = now or datetime.now().replace(microsecond=0)
    open_rows = [r for r in _in_force(session, portal_id, code) if r.withdrawn_from is None
                 and (r.valid_to is None or r.valid_to >= first_month)]
    row = next((r for r in open_rows if r.valid_from <= first_month), None) or next(iter(open_rows), None)
    if row is None:
        return None
    row.withdrawn_from, row.withdrawn_reason, row.withdrawn_by, row.withdrawn_at = first_month, reason, author, now
    return row


def active(session, period: Period, portal_ids=None) -> dict[str, dict[str, Declaration]]:
    """portal id → criterion code → the declaration covering the whole of `period`."""
    q = select(NotApplicable).where(NotApplicable.superseded_at.is_(None), NotApplicable.valid_from <= period.start)
    if portal_ids is not None:
        q = q.where(NotApplicable.portal_id.in_(list(portal_ids)))
    out: dict[str, dict[str, Declaration]] = {}
    for row in session.scalars(q.order_by(NotApplicable.valid_from, NotApplicable.id)):
        d = to_declaration(row)
        if d.covers(period):
            out.setdefault(row.portal_id, {})[row.code] = d
    return out


def listing(session, portal_id: str | None = None, with_history: bool = False) -> list[NotApplicable]:
    q = select(NotApplicable)
    if portal_id:
        q = q.where(NotApplicable.portal_id == portal_id)
    if not with_history:
        q = q.where(NotApplicable.superseded_at.is_(None))
    rows = session.scalars(q.order_by(NotApplicable.portal_id, NotApplicable.code, NotApplicable.valid_from,
                                      NotApplicable.id))
    # Without history: what still covers some month (a withdrawal from a later month leaves the earlier ones).
    return [r for r in rows if with_history or effective_end(r) is None or effective_end(r) >= r.valid_from]


def describe(row: NotApplicable) -> str:
    """One Vietnamese line for --list."""
    until = f"đến kỳ {month_vn(row.valid_to)}" if row.valid_to else "cho đến khi rút lại"
    line = (f"{row.portal_id} · tiêu chí {row.code}: không áp dụng từ kỳ {month_vn(row.valid_from)} {until} — "
            f"{row.reason} — {row.author}, {row.created_at:%d/%m/%Y %H:%M}")
    if row.withdrawn_from is not None:
        line += (f" [rút lại từ kỳ {month_vn(row.withdrawn_from)}: {row.withdrawn_reason} — {row.withdrawn_by}, "
                 f"{row.withdrawn_at:%d/%m/%Y %H:%M}]")
    elif row.superseded_at is not None:
        line += f" [đã thay thế {row.superseded_at:%d/%m/%Y %H:%M}]"
    return line

