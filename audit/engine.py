"""Scoring a period from stored facts, and keeping the results: the middle of the one-way flow
crawler → storage → audit → templates. Reads no network; re-scoring the same facts gives the same results."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import delete, select

from audit.facts import PortalFacts
from audit.results import build_results
from audit.scoring import load_config, score_portal
from storage.db import sessions
from storage.facts import latest_run_for, load_portal_facts
from storage.models import CriterionResult, Finding, PeriodScore, PortalCrawl


def score_period(engine, portals, rubrics, period, run_id: int | None = None, generated_at: datetime | None = None,
                 registry=None):
    """Score `portals` for `period`; `registry` (default: `portals`) is the whole registry, which link criteria need
    even when only some portals are audited."""
    config = load_config()
    results, extras = [], {}
    Session = sessions(engine)
    with Session() as s:
        for portal in portals:
            rid = run_id if run_id is not None else latest_run_for(s, portal.id)
            if rid is None:
                facts = PortalFacts(portal.id, portal.kind, portal.rubric, portal.url, "not_crawled", None)
            else:
                facts = load_portal_facts(s, portal, rid)
            result = score_portal(facts, rubrics[portal.rubric], period, registry or portals, config)
            results.append(result)
            extras[portal.id] = _crawl_extra(s, portal.id, rid, facts)
    doc = build_results(period, generated_at or datetime.now(timezone.utc).astimezone(), results, portals)
    for entry in doc["portals"]:
        entry["crawl"] = extras.get(entry["id"])
        entry["host_confidence"] = next(p.host_confidence for p in portals if p.id == entry["id"])
    _store(Session, doc, period, {p.id: extras[p.id].get("run_id") for p in portals})
    return doc


def _crawl_extra(s, portal_id, run_id, facts) -> dict:
    pc = s.scalar(select(PortalCrawl).where(PortalCrawl.run_id == run_id, PortalCrawl.portal_id == portal_id)) \
        if run_id is not None else None
    errors = [{"url": sec.url, "status": sec.status} for sec in facts.sections.values() if sec.status != "ok"]
    return {"run_id": run_id, "status": facts.crawl_status, "detail": pc.detail if pc else "",
            "pages": pc.pages if pc else 0, "errors": errors,
            "started_at": pc.started_at.isoformat(timespec="seconds") if pc and pc.started_at else None,
            "finished_at": pc.finished_at.isoformat(timespec="seconds") if pc and pc.finished_at else None}


def _store(Session, doc, period, run_ids) -> None:
    """Replace this period's stored scores in one transaction: all or nothing."""
    now = datetime.now()
    with Session.begin() as s:
        for entry in doc["portals"]:
            s.execute(delete(PeriodScore).where(PeriodScore.portal_id == entry["id"],
                                                PeriodScore.period_from == period.start,
                                                PeriodScore.period_to == period.end))
            ps = PeriodScore(portal_id=entry["id"], period_from=period.start, period_to=period.end,
                             run_id=run_ids.get(entry["id"]), rubric=entry["rubric"], status=entry["status"],
                             score=entry["score"], max_score=entry["max_score"], scored_at=now)
            for i, c in enumerate(entry["criteria"]):
                cr = CriterionResult(position=i, code=c["code"], title=c["title"], points=c["points"],
                                     max_points=c["max_points"], state=c["state"], summary=c["summary"])
                cr.findings = [Finding(position=j, url=e.get("url"), title=e.get("title"),
                                       published_at=e.get("published_at"), note=e.get("note"))
                               for j, e in enumerate(c["evidence"])]
                ps.criteria.append(cr)
            s.add(ps)
