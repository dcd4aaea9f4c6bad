"""Scoring: a pure function from one portal's facts (+ rubric, period, registry, config) to a result with evidence.

No network, no clock, no randomness: re-scoring stored facts gives the same result. Rule types live in
audit/criteria/ (one small function each; a rule itself returns needs_review when a section page could not be read);
this module runs them, marks criteria read from uncertain sections as needs_review, caps evidence and judges the
portal against its gates (audit/gates.py).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from audit.criteria import RULES
from audit.criteria.base import (MET, MISSING, NEEDS_REVIEW, NOT_EVALUABLE, PARTIAL, STATES, Context, Outcome, ev,
                                 status_text)
from audit.criteria.config import ScoringConfig, load_scoring_config
from audit.facts import PORTAL_OK, PortalFacts
from audit.gates import Gates, evaluate, status_from
from audit.period import Period
from audit.registry import Portal
from audit.rubric import Criterion, Rubric

__all__ = ["CriterionResult", "PortalResult", "ScoringConfig", "judge", "load_config", "load_scoring_config",
           "score_portal", "score_criterion"]

load_config = load_scoring_config  # the name audit.engine uses

PASS, FAIL, UNREACHABLE = "pass", "fail", "unreachable"


@dataclass(frozen=True)
class CriterionResult:
    code: str
    title: str
    points: int
    max_points: int
    state: str  # met | partial | missing | not_evaluable | needs_review | not_applicable
    summary: str  # Vietnamese, NFC: what was found, what is missing, on which page
    evidence: tuple[dict, ...] = ()  # {"url", "title", "published_at", "note"}
    # Set when an auditor's decision replaced the automatic result (audit.overrides):
    # {"points_auto", "state_auto", "points", "state", "reason", "author", "at"}
    override: dict | None = None
    # The rubric's legal basis of the criterion (Criterion.legal_ref), carried to every output; None: none given.
    legal_ref: str | None = None
    # Set when a standing "không áp dụng" declaration replaced the automatic result (audit.not_applicable):
    # {"reason", "author", "valid_from", "valid_to", "at", "points_auto", "state_auto"}
    not_applicable: dict | None = None
    # Flags of the rule (audit/criteria/flags.py): {"kind", "message", ...}; empty for most criteria.
    flags: tuple[dict, ...] = ()


@dataclass(frozen=True)
class PortalResult:
    portal_id: str
    rubric: str
    status: str  # pass | fail | unreachable
    score: int | None  # None when unreachable
    max_score: int
    criteria: tuple[CriterionResult, ...]
    gates: tuple = ()  # audit.gates.Verdict of every assertion the portal is held to


def score_portal(facts: PortalFacts, rubric: Rubric, period: Period, registry: list[Portal],
                 config: ScoringConfig) -> PortalResult:
    if facts.crawl_status != PORTAL_OK:
        why = f"Không đánh giá được: không truy cập được cổng {facts.base_url} ({status_text(facts.crawl_status)})"
        results = tuple(CriterionResult(c.code, c.title, 0, c.max_points, NOT_EVALUABLE, why,
                                        (ev(facts.base_url, None, note=f"trạng thái: {facts.crawl_status}"),),
                                        legal_ref=c.legal_ref)
                        for c in rubric.criteria)
        unreachable = PortalResult(facts.portal_id, rubric.id, UNREACHABLE, None, rubric.max_score, results)
        return judge(unreachable, config.gates, facts.kind)
    ctx = Context(facts, period, registry, config)
    results = tuple(score_criterion(ctx, c) for c in rubric.criteria)
    score = sum(r.points for r in results)
    return judge(PortalResult(facts.portal_id, rubric.id, FAIL, score, rubric.max_score, results), config.gates,
                 facts.kind)


def judge(result: PortalResult, gates: Gates, kind: str) -> PortalResult:
    """The result with its status and gate outcomes recomputed from `gates` (after overrides changed points, too)."""
    outcomes = evaluate(gates.for_portal(result.portal_id, kind, result.rubric), result)
    return replace(result, status=status_from(result, outcomes), gates=outcomes)


def score_criterion(ctx: Context, crit: Criterion) -> CriterionResult:
    out: Outcome = RULES[crit.rule_type].run(ctx, crit)
    points = max(0, min(out.points, crit.max_points))
    state = out.state or (MET if points == crit.max_points else MISSING if points == 0 else PARTIAL)
    if state not in STATES:
        raise ValueError(f"rule {crit.rule_type} returned unknown state {state!r}")
    if state == NOT_EVALUABLE:
        points = 0
    summary = out.summary
    if state != NOT_EVALUABLE and (doubtful := _doubtful_sections(ctx, crit)):
        # Points stay as computed: the reading may well be right, but a person has to confirm it.
        state = NEEDS_REVIEW
        summary += "; cần xem xét: " + ", ".join(
            f"{ctx.where(s.key)} được nhận diện với độ tin cậy {_pct(s.confidence)} (dưới ngưỡng "
            f"{_pct(ctx.config.needs_review_below)})" for s in doubtful)
    return CriterionResult(crit.code, crit.title, points, crit.max_points, state,
                           unicodedata.normalize("NFC", summary), _cap(out.evidence, ctx.config.evidence_cap),
                           legal_ref=crit.legal_ref, flags=tuple(_nfc_entry(f) for f in out.flags))


def _doubtful_sections(ctx: Context, crit: Criterion) -> list:
    """Sections the criterion's rule names, found on the portal, whose reading is less certain than the threshold."""
    keys = [crit.params.get("section"), crit.params.get("or_section_with_items"), *(crit.params.get("sections") or ())]
    found = [ctx.section(k) for k in dict.fromkeys(k for k in keys if k)]
    return [s for s in found if s is not None and s.confidence < ctx.config.needs_review_below]


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def _cap(evidence: list[dict], cap: int) -> tuple[dict, ...]:
    """At most `cap` entries; one more entry says how many were left out."""
    if len(evidence) <= cap:
        return tuple(_nfc_entry(e) for e in evidence)
    kept = [_nfc_entry(e) for e in evidence[:cap]]
    kept.append(ev(None, None, note=f"còn {len(evidence) - cap} mục khác không liệt kê"))
    return tuple(kept)


def _nfc_entry(e: dict) -> dict:
    return {k: unicodedata.normalize("NFC", v) if isinstance(v, str) and k != "url" else v for k, v in e.items()}
