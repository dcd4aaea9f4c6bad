"""Machine outputs beside results.json: a CSV summary one row per portal, for spreadsheets and dashboards."""
from __future__ import annotations

import csv
import io
from pathlib import Path

STATES = ("met", "partial", "missing", "not_evaluable", "needs_review", "not_applicable")
COLUMNS = ("id", "name", "kind", "rubric", "url", "status", "score", "max_score", *STATES, "criteria")


def summary_csv(doc: dict) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for p in doc["portals"]:
        states = [sum(c["state"] == s for c in p["criteria"]) for s in STATES]
        criteria = ";".join(f"{c['code']}={_num(c['points'])}/{_num(c['max_points'])}" for c in p["criteria"])
        w.writerow([p["id"], _cell(p["name"]), p["kind"], p["rubric"], _cell(p["url"]), p["status"],
                    "" if p["score"] is None else _num(p["score"]), _num(p["max_score"]), *states, criteria])
    return buf.getvalue()


def write_summary_csv(doc: dict, path: Path) -> Path:
    # UTF-8 with BOM so that Excel, which most auditors open it with, shows the diacritics. Written into the staged
    # report folder (audit/publish.py), which is what makes the outputs appear at once.
    path.write_text(summary_csv(doc), encoding="utf-8-sig", newline="")
    return path


def _cell(text: str) -> str:
    """Portal content is untrusted: a cell starting like a formula would run in a spreadsheet (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _num(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)
