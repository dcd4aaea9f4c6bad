"""`portal-audit check`: the gates evaluated on a stored period, for CI pipelines.

Re-scores the facts the stored period scores were computed from (same crawl run, active overrides and "không áp
dụng" declarations, no network),
judges them against the gates and writes `check.json` and `junit.xml`:

- one <testsuite> per portal, one <testcase> per criterion (classname = portal id, name = "code title") plus one
  "Tổng điểm" testcase for the total;
- <failure> for an error-level assertion that failed, <skipped> for a criterion that could not be evaluated or is
  declared not applicable (message "Không áp dụng: <reason> (…)"), <error> for the total of an unreachable portal;
  warn-level failures go to <system-out>.

The output is deterministic (no timestamps), so two checks of the same data give the same files.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from audit.directory import Directory
from audit.engine import score_one
from audit.errors import ConfigError
from audit.gates import failed
from storage import not_applicable as stored_declarations
from storage import overrides as stored_overrides
from storage.db import sessions
from storage.facts import crawl_statuses
from storage.models import PeriodScore

TOTAL_NAME = "Tổng điểm"


@dataclass(frozen=True)
class Checked:
    portal: object  # audit.registry.Portal
    result: object  # audit.scoring.PortalResult


def check_period(engine, registry, rubrics, period, config, only: list[str] | None = None,
                 directory: Directory | None = None) -> list[Checked]:
    """Re-score every portal that has a stored score for `period` (or only the `only` ones, which must have one);
    `directory` (default: the registry's portals) classifies links, as when the period was scored."""
    Session = sessions(engine)
    with Session() as s:
        stored = {ps.portal_id: ps for ps in s.scalars(select(PeriodScore).where(
            PeriodScore.period_from == period.start, PeriodScore.period_to == period.end))}
        if only:
            missing = [pid for pid in only if pid not in stored]
            if missing:
                raise ConfigError(f"--portal {missing[0]}: chưa có kết quả kỳ {_period_text(period)} trong cơ sở dữ "
                                  f"liệu (chạy run hoặc score trước)")
        portals = [p for p in registry if p.id in stored and (not only or p.id in only)]
        if not portals:
            raise ConfigError(f"chưa có kết quả kỳ {_period_text(period)} trong cơ sở dữ liệu cho các cổng của "
                              f"registry (chạy run hoặc score trước)")
        decisions = stored_overrides.active(s, period, [p.id for p in portals])
        declared = stored_declarations.active(s, period, [p.id for p in portals])
        found = Directory.of(directory if directory is not None else registry).with_status(crawl_statuses(s, {stored[p.id].run_id for p in portals} - {None}))
        out = []
        for p in portals:
            result, _ = score_one(s, p, rubrics, period, stored[p.id].run_id, found, config,
                                  decisions.get(p.id, {}), declared.get(p.id, {}))
            out.append(Checked(p, result))
    return out


def check_doc(checked: list[Checked], period, gates_path: str) -> dict:
    portals = []
    for c in checked:
        r = c.result
        portals.append({"id": c.portal.id, "name": c.portal.name, "status": r.status, "score": r.score,
                        "max_score": r.max_score, "failed": [o.as_json() for o in failed(r.gates)]})
    counts = {s: sum(p["status"] == s for p in portals) for s in ("pass", "fail", "unreachable")}
    warnings = sum(1 for p in portals for f in p["failed"] if f["level"] == "warn")
    return {"period": {"from": period.start.isoformat(), "to": period.end.isoformat()}, "gates": gates_path,
            "summary": {**counts, "warnings": warnings}, "portals": portals}


def junit(checked: list[Checked]) -> ET.Element:
    root = ET.Element("testsuites", name="portal-audit check")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for c in checked:
        suite = _suite(c)
        for k in totals:
            totals[k] += int(suite.get(k))
        root.append(suite)
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("time", "0")
    for el in root.iter():
        el.text = xml_text(el.text)
        for k, v in el.attrib.items():
            el.set(k, xml_text(v))
    return root


# XML 1.0 has no escape for these: ElementTree would write them raw and the file would not parse.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """Names and titles come from registries and portals: drop what XML cannot carry."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _suite(c: Checked) -> ET.Element:
    r, pid = c.result, c.portal.id
    suite = ET.Element("testsuite", name=pid)
    props = ET.SubElement(suite, "properties")
    for k, v in (("name", c.portal.name), ("url", c.portal.url), ("rubric", r.rubric), ("status", r.status),
                 ("score", "" if r.score is None else str(r.score)), ("max_score", str(r.max_score))):
        ET.SubElement(props, "property", name=k, value=v)
    by_code: dict[str | None, list] = {}
    for o in r.gates:
        by_code.setdefault(o.code, []).append(o)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    total = _case(pid, TOTAL_NAME, counts)
    outcomes = by_code.get(None, [])
    if r.score is None:
        ET.SubElement(total, "error", message="Không truy cập được cổng: không có tổng điểm", type="unreachable")
        counts["errors"] += 1
    else:
        _judge(total, outcomes, counts)
    suite.append(total)
    for crit in r.criteria:
        case = _case(pid, f"{crit.code} {crit.title}", counts)
        if crit.state in ("not_evaluable", "not_applicable"):
            # not_applicable: the summary is "Không áp dụng: <reason> (…)"; the criterion has its full points.
            ET.SubElement(case, "skipped", message=crit.summary)
            counts["skipped"] += 1
        else:
            _judge(case, by_code.get(crit.code, []), counts)
        suite.append(case)
    for k, v in counts.items():
        suite.set(k, str(v))
    suite.set("time", "0")
    # Ant's schema puts system-out/system-err after the test cases of a suite.
    ET.SubElement(suite, "system-out")
    ET.SubElement(suite, "system-err")
    return suite


def _case(pid: str, name: str, counts: dict) -> ET.Element:
    counts["tests"] += 1
    return ET.Element("testcase", name=name, classname=pid, time="0")


def _judge(case: ET.Element, outcomes, counts: dict) -> None:
    errors = [o for o in outcomes if o.passed is False and o.level == "error"]
    warnings = [o for o in outcomes if o.passed is False and o.level == "warn"]
    if errors:
        f = ET.SubElement(case, "failure", message="; ".join(o.message for o in errors), type=errors[0].assertion)
        f.text = "\n".join(o.message for o in errors)
        counts["failures"] += 1
    if warnings:
        ET.SubElement(case, "system-out").text = "\n".join(f"Cảnh báo: {o.message}" for o in warnings)


def write_outputs(checked: list[Checked], period, out: Path, gates_path: str) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    doc = check_doc(checked, period, gates_path)
    (out / "check.json").write_text(json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n",
                                    encoding="utf-8")
    tree = junit(checked)
    ET.indent(tree)
    (out / "junit.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode")
                                   + "\n", encoding="utf-8")
    return doc


def summary_lines(doc: dict, limit: int = 10) -> list[str]:
    s = doc["summary"]
    lines = [f"Kiểm tra ngưỡng đạt kỳ {_dates(doc['period'])}: {len(doc['portals'])} cổng — đạt {s['pass']}, "
             f"không đạt {s['fail']}, không truy cập được {s['unreachable']}; {s['warnings']} cảnh báo"]
    bad = [p for p in doc["portals"] if p["status"] != "pass"]
    for p in bad[:limit]:
        errs = [f["message"] for f in p["failed"] if f["level"] == "error"]
        why = "; ".join(errs) if errs else "không truy cập được cổng"
        mark = "✗" if p["status"] == "fail" else "⊘"
        lines.append(f"  {mark} {p['id']} ({p['name']}): {why}")
    if len(bad) > limit:
        lines.append(f"  … và {len(bad) - limit} cổng khác (xem check.json)")
    return lines


def _period_text(period) -> str:
    return f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"


def _dates(p: dict) -> str:
    from datetime import date
    return f"{date.fromisoformat(p['from']):%d/%m/%Y} – {date.fromisoformat(p['to']):%d/%m/%Y}"
