"""Scoring: a pure function from one portal's facts (+ rubric, period, registry, config) to a result with evidence.

No network, no clock, no randomness: re-scoring stored facts gives the same result. Rule types live in
audit/criteria/ (one small function each); this module runs them, caps evidence and decides the portal status.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from audit.criteria import RULES
from audit.criteria.base import MET, MISSING, NOT_EVALUABLE, PARTIAL, STATES, Context, Outcome, ev, status_text
from audit.criteria.config import ScoringConfig, load_scoring_config
from audit.facts import PORTAL_OK, PortalFacts
from audit.period import Period
from audit.registry import Portal
from audit.rubric import Criterion, Rubric

__all__ = ["CriterionResult", "PortalResult", "ScoringConfig", "load_config", "load_scoring_config", "score_portal",
           "score_criterion"]

load_config = load_scoring_config  # the name audit.engine uses

PASS, FAIL, UNREACHABLE = "pass", "fail", "unreachable"


@dataclass(frozen=True)
class CriterionResult:
    code: str
    title: str
    points: int
    max_points: int
    state: str  # met | partial | missing | not_evaluable | needs_review
    summary: str  # Vietnamese, NFC: what was found, what is missing, on which page
    evidence: tuple[dict, ...] = ()  # {"url", "title", "published_at", "note"}


@dataclass(frozen=True)
class PortalResult:
    portal_id: str
    rubric: str
    status: str  # pass | fail | unreachable
    score: int | None  # None when unreachable
    max_score: int
    criteria: tuple[CriterionResult, ...]


def score_portal(facts: PortalFacts, rubric: Rubric, period: Period, registry: list[Portal],
                 config: ScoringConfig) -> PortalResult:
    if facts.crawl_status != PORTAL_OK:
        why = f"Không đánh giá được: không truy cập được cổng {facts.base_url} ({status_text(facts.crawl_status)})"
        results = tuple(CriterionResult(c.code, c.title, 0, c.max_points, NOT_EVALUABLE, why,
                                        (ev(facts.base_url, None, note=f"trạng thái: {facts.crawl_status}"),))
                        for c in rubric.criteria)
        return PortalResult(facts.portal_id, rubric.id, UNREACHABLE, None, rubric.max_score, results)
    ctx = Context(facts, period, registry, config)
    results = tuple(score_criterion(ctx, c) for c in rubric.criteria)
    score = sum(r.points for r in results)
    status = PASS if score >= config.gates.min_total_for(rubric.id) else FAIL
    return PortalResult(facts.portal_id, rubric.id, status, score, rubric.max_score, results)


def score_criterion(ctx: Context, crit: Criterion) -> CriterionResult:
    out: Outcome = RULES[crit.rule_type].run(ctx, crit)
    points = max(0, min(out.points, crit.max_points))
    state = out.state or (MET if points == crit.max_points else MISSING if points == 0 else PARTIAL)
    if state not in STATES:
        raise ValueError(f"rule {crit.rule_type} returned unknown state {state!r}")
    if state == NOT_EVALUABLE:
        points = 0
    return CriterionResult(crit.code, crit.title, points, crit.max_points, state,
                           unicodedata.normalize("NFC", out.summary), _cap(out.evidence, ctx.config.evidence_cap))


def _cap(evidence: list[dict], cap: int) -> tuple[dict, ...]:
    """At most `cap` entries; one more entry says how many were left out."""
    if len(evidence) <= cap:
        return tuple(_nfc_entry(e) for e in evidence)
    kept = [_nfc_entry(e) for e in evidence[:cap]]
    kept.append(ev(None, None, note=f"còn {len(evidence) - cap} mục khác không liệt kê"))
    return tuple(kept)


def _nfc_entry(e: dict) -> dict:
    return {k: unicodedata.normalize("NFC", v) if isinstance(v, str) and k != "url" else v for k, v in e.items()}
