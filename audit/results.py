"""results.json (schema 1): the scored period as one document, deterministic apart from `generated_at`.

{"schema": 1, "period": {"from", "to"}, "generated_at",
 "portals": [{"id", "name", "kind", "rubric", "url", "status", "score", "max_score",
              "criteria": [{"code", "title", "points", "max_points", "state", "summary", "legal_ref",
                            "evidence": [{"url", "title", "published_at", "note"}],
                            "override"?: {"points_auto", "state_auto", "points", "state", "reason", "author", "at"},
                            "not_applicable"?: {"reason", "author", "valid_from", "valid_to", "at", "points_auto",
                                                "state_auto"},
                            "flags"?: [{"kind", "message", ...}]}]}]}
Portals are in registry order, criteria in rubric order. "legal_ref" is the rubric's legal basis of the criterion
(e.g. "QĐ 96/QĐ-UBND Điều 8 khoản 1 điểm a"), null when the rubric gives none. A criterion carries "override" only
when an auditor's decision replaced its automatic result, and "not_applicable" only when a standing declaration
(audit/not_applicable.py, seed 003: the unit has no corresponding duty) gave it full points in state not_applicable;
valid_from/valid_to are YYYY-MM (valid_to null: until withdrawn). An override for the period wins over the
declaration, so a criterion never carries both. A criterion carries "flags" only when its rule flagged something a
person should see (FLAG_KINDS: a stale section, a non-official e-mail, no document of the unit's own), whether or not
it cost points; a flag's other keys are kind-specific strings, numbers or null. A portal entry may carry extension
keys added after build_results
(audit.engine adds "crawl", "host_confidence", "gate_failures", "previous_score", "history", "diff"); the keys above
are required.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from audit.criteria.base import STATES
from audit.period import Period
from audit.registry import Portal
from audit.scoring import PortalResult

SCHEMA = 1
PORTAL_STATUSES = ("pass", "fail", "unreachable")
_DOC_KEYS = {"schema", "period", "generated_at", "portals"}
_PORTAL_KEYS = {"id", "name", "kind", "rubric", "url", "status", "score", "max_score", "criteria"}
_CRIT_KEYS = {"code", "title", "points", "max_points", "state", "summary", "legal_ref", "evidence"}
_OPTIONAL_CRIT_KEYS = {"override", "not_applicable", "flags"}
_EV_KEYS = {"url", "title", "published_at", "note"}
_OVERRIDE_KEYS = {"points_auto", "state_auto", "points", "state", "reason", "author", "at"}
_NOT_APPLICABLE_KEYS = {"reason", "author", "valid_from", "valid_to", "at", "points_auto", "state_auto"}
FLAG_KINDS = ("stale_section", "foreign_email", "no_own_documents")


def build_results(period: Period, generated_at: datetime | str, portal_results: Mapping[str, PortalResult] |
                  Iterable[PortalResult], portals: list[Portal]) -> dict:
    """Portals without a result (not audited this run) are left out; a result for a portal not in `portals` is an
    error, since the document could not say its name and URL."""
    by_id = dict(portal_results) if isinstance(portal_results, Mapping) else {r.portal_id: r for r in portal_results}
    known = {p.id for p in portals}
    stray = sorted(set(by_id) - known)
    if stray:
        raise ValueError(f"result for portal '{stray[0]}' which is not in the registry")
    return {
        "schema": SCHEMA,
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "generated_at": generated_at.isoformat() if isinstance(generated_at, (date, datetime)) else str(generated_at),
        "portals": [_portal(p, by_id[p.id]) for p in portals if p.id in by_id],
    }


def _portal(p: Portal, r: PortalResult) -> dict:
    return {
        "id": p.id, "name": p.name, "kind": p.kind, "rubric": r.rubric, "url": p.url,
        "status": r.status, "score": r.score, "max_score": r.max_score,
        "criteria": [_criterion(c) for c in r.criteria],
    }


def _criterion(c) -> dict:
    out = {"code": c.code, "title": c.title, "points": c.points, "max_points": c.max_points, "state": c.state,
           "summary": c.summary, "legal_ref": c.legal_ref,
           "evidence": [{k: e.get(k) for k in ("url", "title", "published_at", "note")} for e in c.evidence]}
    if c.override is not None:
        out["override"] = dict(c.override)
    if c.not_applicable is not None:
        out["not_applicable"] = dict(c.not_applicable)
    if getattr(c, "flags", ()):
        out["flags"] = [dict(f) for f in c.flags]
    return out


def dump_results(doc: dict) -> str:
    """Stable text: sorted keys, UTF-8 characters kept, two-space indent, trailing newline."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def validate_results(doc: object) -> list[str]:
    """Problems with a results document, one line each (empty: valid)."""
    errs: list[str] = []

    def check(cond: bool, msg: str) -> bool:
        if not cond:
            errs.append(msg)
        return cond

    if not check(isinstance(doc, dict), "document: not an object"):
        return errs
    check(set(doc) == _DOC_KEYS, f"document: keys {sorted(doc)} != {sorted(_DOC_KEYS)}")
    check(doc.get("schema") == SCHEMA, f"schema: {doc.get('schema')!r} != {SCHEMA}")
    per = doc.get("period")
    if check(isinstance(per, dict) and set(per) == {"from", "to"}, "period: needs exactly from, to"):
        try:
            check(date.fromisoformat(per["from"]) <= date.fromisoformat(per["to"]), "period: from after to")
        except (TypeError, ValueError):
            errs.append("period: from/to must be YYYY-MM-DD")
    check(isinstance(doc.get("generated_at"), str), "generated_at: not a string")
    portals = doc.get("portals")
    if not check(isinstance(portals, list), "portals: not a list"):
        return errs
    ids = [p.get("id") for p in portals if isinstance(p, dict)]
    check(len(ids) == len(set(ids)), "portals: duplicate id")
    for i, p in enumerate(portals):
        _check_portal(p, f"portals[{i}]", check)
    return errs


def _check_portal(p, where: str, check) -> None:
    if not check(isinstance(p, dict) and _PORTAL_KEYS <= set(p), f"{where}: needs keys {sorted(_PORTAL_KEYS)}"):
        return
    where = f"{where} ({p.get('id')})"
    for k in ("id", "name", "kind", "rubric", "url"):
        check(isinstance(p[k], str) and p[k], f"{where}.{k}: not a non-empty string")
    check(p["status"] in PORTAL_STATUSES, f"{where}.status: {p['status']!r}")
    check(_int(p["max_score"]), f"{where}.max_score: not an integer")
    crits = p["criteria"]
    if not check(isinstance(crits, list), f"{where}.criteria: not a list"):
        return
    if p["status"] == "unreachable":
        check(p["score"] is None, f"{where}.score: must be null when unreachable")
        check(all(isinstance(c, dict) and c.get("state") == "not_evaluable" for c in crits),
              f"{where}: every criterion of an unreachable portal must be not_evaluable")
    elif check(_int(p["score"]), f"{where}.score: not an integer"):
        check(p["score"] == sum(c.get("points", 0) for c in crits if isinstance(c, dict)),
              f"{where}.score: not the sum of criterion points")
    if all(isinstance(c, dict) for c in crits) and _int(p["max_score"]):
        check(p["max_score"] == sum(c.get("max_points", 0) for c in crits), f"{where}.max_score: not the sum")
    codes = [c.get("code") for c in crits if isinstance(c, dict)]
    check(len(codes) == len(set(codes)), f"{where}.criteria: duplicate code")
    for c in crits:
        _check_criterion(c, f"{where}.criteria[{c.get('code') if isinstance(c, dict) else '?'}]", check)


def _check_criterion(c, where: str, check) -> None:
    if not check(isinstance(c, dict) and set(c) - _OPTIONAL_CRIT_KEYS == _CRIT_KEYS,
                 f"{where}: keys must be {sorted(_CRIT_KEYS)} (and optionally override, not_applicable, flags)"):
        return
    if "override" in c:
        _check_override(c, where, check)
    if "not_applicable" in c:
        _check_not_applicable(c, where, check)
    elif c["state"] == "not_applicable":
        check("override" in c, f"{where}: not_applicable without a declaration (not_applicable) or an override")
    check(c["legal_ref"] is None or (isinstance(c["legal_ref"], str) and c["legal_ref"].strip() != ""),
          f"{where}.legal_ref: not a non-empty string or null")
    if "flags" in c:
        _check_flags(c["flags"], where, check)
    for k in ("code", "title", "summary"):
        if check(isinstance(c[k], str) and c[k], f"{where}.{k}: not a non-empty string"):
            check(unicodedata.is_normalized("NFC", c[k]), f"{where}.{k}: not NFC")
    ok = check(_int(c["points"]) and _int(c["max_points"]), f"{where}: points/max_points not integers")
    if ok:
        check(0 <= c["points"] <= c["max_points"], f"{where}.points: outside 0..max_points")
    check(c["state"] in STATES, f"{where}.state: {c['state']!r}")
    if ok and c["state"] in ("met", "not_applicable"):
        check(c["points"] == c["max_points"], f"{where}: {c['state']} but points < max_points")
    if ok and c["state"] in ("missing", "not_evaluable"):
        check(c["points"] == 0, f"{where}: {c['state']} but points > 0")
    if ok and c["state"] == "partial":
        check(0 < c["points"] < c["max_points"], f"{where}: partial but points not between 0 and max")
    evidence = c["evidence"]
    if not check(isinstance(evidence, list), f"{where}.evidence: not a list"):
        return
    for j, e in enumerate(evidence):
        w = f"{where}.evidence[{j}]"
        if not check(isinstance(e, dict) and set(e) == _EV_KEYS, f"{w}: keys must be {sorted(_EV_KEYS)}"):
            continue
        for k in ("url", "title", "note"):
            check(e[k] is None or isinstance(e[k], str), f"{w}.{k}: not a string or null")
        if e["published_at"] is not None:
            try:
                datetime.fromisoformat(e["published_at"])
            except (TypeError, ValueError):
                check(False, f"{w}.published_at: not ISO 8601")


def _check_override(c, where: str, check) -> None:
    o = c["override"]
    if not check(isinstance(o, dict) and set(o) == _OVERRIDE_KEYS, f"{where}.override: keys must be "
                                                                   f"{sorted(_OVERRIDE_KEYS)}"):
        return
    check((o["points"], o["state"]) == (c["points"], c["state"]), f"{where}.override: points/state differ from the "
                                                                  f"criterion's")
    check(o["state_auto"] in STATES and _int(o["points_auto"]), f"{where}.override: bad automatic points/state")
    for k in ("reason", "author"):
        check(isinstance(o[k], str) and o[k].strip() != "", f"{where}.override.{k}: not a non-empty string")


def _check_not_applicable(c, where: str, check) -> None:
    d = c["not_applicable"]
    if not check(isinstance(d, dict) and set(d) == _NOT_APPLICABLE_KEYS,
                 f"{where}.not_applicable: keys must be {sorted(_NOT_APPLICABLE_KEYS)}"):
        return
    check(c["state"] == "not_applicable", f"{where}.not_applicable: state is {c['state']!r}, not not_applicable")
    check("override" not in c, f"{where}: both override and not_applicable (the override wins: no declaration)")
    check(d["state_auto"] in STATES and _int(d["points_auto"]), f"{where}.not_applicable: bad automatic points/state")
    for k in ("reason", "author"):
        check(isinstance(d[k], str) and d[k].strip() != "", f"{where}.not_applicable.{k}: not a non-empty string")
    check(_month(d["valid_from"]), f"{where}.not_applicable.valid_from: not YYYY-MM")
    check(d["valid_to"] is None or (_month(d["valid_to"]) and d["valid_to"] >= d["valid_from"]),
          f"{where}.not_applicable.valid_to: not null or a YYYY-MM from valid_from on")


def _month(v) -> bool:
    try:
        return isinstance(v, str) and len(v) == 7 and date.fromisoformat(v + "-01") is not None
    except ValueError:
        return False


def _check_flags(flags, where: str, check) -> None:
    if not check(isinstance(flags, list) and flags, f"{where}.flags: not a non-empty list"):
        return
    for j, f in enumerate(flags):
        w = f"{where}.flags[{j}]"
        if not check(isinstance(f, dict) and {"kind", "message"} <= set(f), f"{w}: needs keys kind, message"):
            continue
        check(f["kind"] in FLAG_KINDS, f"{w}.kind: {f['kind']!r} not one of {', '.join(FLAG_KINDS)}")
        if check(isinstance(f["message"], str) and f["message"], f"{w}.message: not a non-empty string"):
            check(unicodedata.is_normalized("NFC", f["message"]), f"{w}.message: not NFC")
        for k, v in f.items():
            check(v is None or isinstance(v, (str, int, float)) and not isinstance(v, bool),
                  f"{w}.{k}: not a string, number or null")


def _int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)
