"""View data for the portal page's activity sections: the publication timeline of the period per section and the
PAKN table with working-day delays. Prepared here so templates only print."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import rules as _rules_pkg
from audit.criteria.config import section_titles

SECTIONS_FILE = Path(_rules_pkg.__file__).resolve().parent / "sections.yaml"
VERDICT_LABELS = {"đúng hạn": ("Đúng hạn", "ok"), "quá hạn": ("Quá hạn", "late"), "chưa đến hạn": ("Chưa đến hạn", "due")}
BAR_HEIGHT = 24


@lru_cache(maxsize=1)
def _section_titles() -> dict[str, str]:
    return section_titles(SECTIONS_FILE)


def _vn(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else "—"


def timeline_view(raw, period_from: str, period_to: str) -> list[dict]:
    """Per section: total and one bar per day of the period (height by that day's count), busiest section first."""
    if not isinstance(raw, dict) or not raw:
        return []
    start, end = date.fromisoformat(period_from), date.fromisoformat(period_to)
    days = [(start + timedelta(days=i)) for i in range((end - start).days + 1)][:370]
    peak = max((n for rows in raw.values() for _, n in rows), default=1) or 1
    out = []
    for key, rows in raw.items():
        counts = {d: n for d, n in rows}
        bars = [{"x": i, "h": max(2, round(BAR_HEIGHT * counts[d.isoformat()] / peak)),
                 "tip": f"{d.strftime('%d/%m/%Y')}: {counts[d.isoformat()]} tin, bài"}
                for i, d in enumerate(days) if counts.get(d.isoformat())]
        out.append({"label": _section_titles().get(key, key), "total": sum(counts.values()), "bars": bars,
                    "width": len(days)})
    return sorted(out, key=lambda r: (-r["total"], r["label"]))


def pakn_view(raw) -> dict | None:
    if not isinstance(raw, dict):
        return None
    rows = []
    for q in raw.get("questions") or ():
        label, cls = VERDICT_LABELS.get(q.get("verdict"), (q.get("verdict") or "—", "due"))
        rows.append({"title": q.get("title") or "", "url": q.get("url"), "asked": _vn(q.get("asked_on")),
                     "deadline": _vn(q.get("deadline")), "answered": _vn(q.get("answered_on")) if q.get("answered_on")
                     else "chưa trả lời", "delay": q.get("delay_working_days"), "verdict": label, "cls": cls,
                     "deadline_note": q.get("deadline_note") or ""})
    excluded = [{"title": e.get("title") or "", "url": e.get("url"), "asked": _vn(e.get("asked_on")),
                 "reason": e.get("reason") or "", "author": e.get("author") or ""} for e in raw.get("excluded") or ()]
    return {"received": raw.get("received", 0), "on_time": raw.get("answered_on_time", 0),
            "late": raw.get("answered_late", 0), "not_due": raw.get("unanswered_not_due", 0),
            "overdue": raw.get("unanswered_overdue", 0), "rows": rows, "excluded": excluded,
            "rule": raw.get("rule") or ""}
