"""Scoring a period from stored facts, and keeping the results: the middle of the one-way flow
crawler → storage → audit → templates. Reads no network; re-scoring the same facts (with the same stored overrides
and earlier periods' results) gives the same results.

Per portal: automatic scoring (audit.scoring) → the standing "không áp dụng" declarations covering the period
(audit.not_applicable) → the auditors' active overrides for the period (audit.overrides; an override wins over a
declaration of the same criterion) → gates decide the status (audit.gates) → history against earlier periods
(audit.history).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone

from sqlalchemy import delete, select

from audit import history
from audit.directory import Directory
from audit.facts import PortalFacts
from audit.gates import failed
from audit.not_applicable import apply as apply_declarations
from audit.official_form import annotate_form, build_form
from audit.overrides import apply as apply_overrides
from audit.results import build_results
from audit.scoring import judge, load_config, score_portal
from audit.timeline import timeline
from audit.tls import portal_tls
from storage import not_applicable as stored_declarations
from storage import overrides as stored_overrides
from storage import pakn_decisions as stored_pakn
from storage.db import sessions
from storage.facts import crawl_statuses, latest_run_for, load_portal_facts
from storage.models import CriterionResult, Fact, Finding, PeriodScore, PortalCrawl


def score_one(session, portal, rubrics, period, run_id, registry, config, overrides: dict,
              declarations: dict | None = None):
    """One portal's final result (declarations and overrides applied, status from the gates) and the facts it was
    scored from. `declarations`: criterion code → audit.not_applicable.Declaration covering the period."""
    if run_id is None:
        facts = PortalFacts(portal.id, portal.kind, portal.rubric, portal.url, "not_crawled", None)
    else:
        facts = load_portal_facts(session, portal, run_id)
    # The auditors' decisions on single questions (deadline class, exclusion) are read with the facts they qualify.
    facts = replace(facts, question_decisions=stored_pakn.active(session, portal.id))
    result = score_portal(facts, rubrics[portal.rubric], period, registry, config)
    if overrides or declarations:
        result = apply_declarations(result, declarations or {}, overridden=set(overrides or ()))
        result = judge(apply_overrides(result, overrides), config.gates, portal.kind)
    return result, facts


@dataclass(frozen=True)
class Scored:
    """One portal's scoring, for the outputs beside results.json (JUnit, the QĐ 96 form)."""
    portal: object  # audit.registry.Portal
    result: object  # audit.scoring.PortalResult
    form: dict  # the pre-filled QĐ 96 report form (audit.official_form)


def score_period(engine, portals, rubrics, period, run_id: int | None = None, generated_at: datetime | None = None,
                 registry=None, config=None, sink: list | None = None):
    """Score `portals` for `period`; `registry` (default: `portals`) is the portal directory (audit/directory.py) or
    the whole registry, which link criteria need even when only some portals are audited. `config` defaults to rules/ (pass one to use another gates file).
    `sink`, when given, receives a `Scored` per portal."""
    config = config or load_config()
    results, extras, gates, pasts = [], {}, {}, {}
    Session = sessions(engine)
    with Session() as s:
        decisions = stored_overrides.active(s, period, [p.id for p in portals])
        declared = stored_declarations.active(s, period, [p.id for p in portals])
        runs = {p.id: run_id if run_id is not None else latest_run_for(s, p.id) for p in portals}
        # Link criteria check a linked portal against its crawl in the run(s) scored (audit/directory.py).
        directory = Directory.of(registry or portals).with_status(crawl_statuses(s, {r for r in runs.values() if r is not None}))
        for portal in portals:
            rid = runs[portal.id]
            result, facts = score_one(s, portal, rubrics, period, rid, directory, config,
                                      decisions.get(portal.id, {}), declared.get(portal.id, {}))
            results.append(result)
            extras[portal.id] = _crawl_extra(s, portal.id, rid, facts)
            extras[portal.id]["timeline"] = timeline(facts, period)
            form = annotate_form(build_form(facts, portal, period, config, rubrics[portal.rubric]), result,
                                 rubrics[portal.rubric])
            extras[portal.id]["pakn"] = form["pakn"]
            if sink is not None:
                sink.append(Scored(portal, result, form))
            gates[portal.id] = [o.as_json() for o in failed(result.gates)]
        doc = build_results(period, generated_at or datetime.now(timezone.utc).astimezone(), results, portals)
        for entry in doc["portals"]:
            pasts[entry["id"]] = history.compare(s, entry["id"], period, entry)
    for entry in doc["portals"]:
        extra = extras[entry["id"]]
        entry["timeline"], entry["pakn"] = extra.pop("timeline"), extra.pop("pakn")
        entry["crawl"] = extra
        entry["host_confidence"] = next(p.host_confidence for p in portals if p.id == entry["id"])
        entry["gate_failures"] = gates[entry["id"]]
        entry.update(pasts[entry["id"]])
    _store(Session, doc, period, {p.id: extras[p.id].get("run_id") for p in portals})
    return doc


def _crawl_extra(s, portal_id, run_id, facts) -> dict:
    pc = s.scalar(select(PortalCrawl).where(PortalCrawl.run_id == run_id, PortalCrawl.portal_id == portal_id)) \
        if run_id is not None else None
    errors = [{"url": sec.url, "status": sec.status} for sec in facts.sections.values() if sec.status != "ok"]
    if run_id is not None:
        # Paths the crawl stopped following (crawler/budget.py): the rest of the portal was read and scored, but
        # the auditor must see where reading stopped.
        errors += [{"url": t["url"], "status": t["status"]} for t in s.scalars(
            select(Fact.data).where(Fact.run_id == run_id, Fact.portal_id == portal_id, Fact.kind == "trap")
            .order_by(Fact.id))]
    return {"run_id": run_id, "status": facts.crawl_status, "detail": pc.detail if pc else "",
            "pages": pc.pages if pc else 0, "errors": errors,
            "started_at": pc.started_at.isoformat(timespec="seconds") if pc and pc.started_at else None,
            "finished_at": pc.finished_at.isoformat(timespec="seconds") if pc and pc.finished_at else None,
            "tls": portal_tls(s, portal_id, run_id),
            # Pages the incremental crawl flagged for the auditor (storage/incremental.py); never scored.
            "page_flags": [] if run_id is None else list(s.scalars(
                select(Fact.data).where(Fact.run_id == run_id, Fact.portal_id == portal_id, Fact.kind == "flag")
                .order_by(Fact.id)))}


def _store(Session, doc, period, run_ids) -> None:
    """Replace this period's stored scores in one transaction: all or nothing."""
    from storage.archive import latest_copies
    now = datetime.now()
    with Session.begin() as s:
        copies = {rid: latest_copies(s, rid) for rid in set(run_ids.values()) if rid is not None}
        for entry in doc["portals"]:
            archived = copies.get(run_ids.get(entry["id"]), {})
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
                                       published_at=e.get("published_at"), note=e.get("note"),
                                       warc_file=archived.get(e.get("url"), (None, None))[0],
                                       warc_offset=archived.get(e.get("url"), (None, None))[1])
                               for j, e in enumerate(c["evidence"])]
                ps.criteria.append(cr)
            s.add(ps)
