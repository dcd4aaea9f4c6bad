"""Measure page understanding on the Vietnamese gold set (tests/gold/*/labels.yaml): publish dates, sections and
facts; htmldate (fast and extensive) on the same pages beside ours; per-page times.

    .venv/bin/python benchmarks/evaluate_understanding.py [--no-htmldate] [--sample N] [--errors] [--json]

Date scores use htmldate's evaluation definitions, one day as the unit: a right date is a true positive, a wrong
date a false positive, no date where the page has one a false negative, no date where it has none a true negative;
precision = TP/(TP+FP), recall = TP/(TP+FN). htmldate gets the crawl time as `max_date` (as ours gets `now`), so
"future" dates are judged the same way for both. Timing is informational: it is printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
sys.path.insert(0, str(ROOT))

from crawler import extract, sections  # noqa: E402
from crawler.dates import from_page  # noqa: E402
from crawler.understand import understand  # noqa: E402


def load_gold(sample: int | None = None) -> list[dict]:
    entries = []
    for labels in sorted(GOLD.glob("*/labels.yaml")):
        entries.extend(yaml.safe_load(labels.read_text(encoding="utf-8")))
    if sample:
        step = max(1, len(entries) // sample)
        entries = entries[::step][:sample]
    return entries


def _date_counts(pairs) -> dict:
    c = Counter()
    for got, want in pairs:
        if got is None:
            c["tn" if want is None else "fn"] += 1
        elif got == want:
            c["tp"] += 1
        else:
            c["fp"] += 1
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = (c["tp"] + c["tn"]) / sum(c.values()) if c else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": acc, **{k: c[k] for k in ("tp", "fp", "fn", "tn")}}


def check_facts(entry: dict, info: dict) -> dict[str, bool]:
    """One verdict per labelled fact. Each compares the extractor's output with the label, field by field."""
    facts, want = info["facts"], entry.get("facts") or {}
    out: dict[str, bool] = {}
    for key, label in want.items():
        if key == "contact":
            out[key] = facts["contact"] == label
        elif key == "search_form":
            out[key] = bool(facts["search_form"]) == label
        elif key == "outbound_links":
            got = {lk["url"].rstrip("/") for lk in facts["outbound_links"]}
            out[key] = {u.rstrip("/") for u in label} <= got
        elif key == "widget_items":
            out[key] = len(facts["widget_items"]) == label
        elif key == "inline_items":
            out[key] = facts["inline_listing_items"] == label
        elif key == "listing_resource":
            out[key] = bool(facts["listing_resources"]) == label
        elif key == "directory":
            got = [{k: v for k, v in e.items() if v} for e in (facts["directory"] or [])]
            out[key] = got == label
        elif key == "documents":
            rows = facts["documents"]
            if rows is None:
                out[key] = label is None
            else:
                got = {"rows": len(rows), "columns": sorted({f for r in rows for f in r["fields"]}),
                       "without_file": sum(1 for r in rows if not r["has_file"]),
                       "has_search": bool(facts["document_search"])}
                out[key] = all(got[k] == v for k, v in label.items())
        elif key == "schedule_dates":
            out[key] = facts["schedule_dates"] == label
        elif key == "elements":
            out[key] = sorted(e["key"] for e in facts["elements"]) == sorted(label)
        elif key == "has_print":
            out[key] = facts["has_print"] == label
        elif key == "misplaced":
            out[key] = sections.misplaced(info["title"], entry["section"]) == label
        elif key == "questions":
            qs = facts["questions"] or []
            got = {"count": len(qs), "answered": sum(1 for q in qs if q["answered"])}
            out[key] = all(got[k] == v for k, v in label.items())
        elif key == "title":
            out[key] = info["title"] == label
        else:
            raise KeyError(f"{entry['file']}: unknown fact label {key!r}")
    return out


def _htmldate(html: str, extensive: bool, now: datetime) -> tuple[str | None, float]:
    from htmldate import find_date

    start = time.perf_counter()
    try:
        got = find_date(html, extensive_search=extensive, outputformat="%Y-%m-%d", original_date=True,
                        max_date=now.strftime("%Y-%m-%d"))
    except Exception:  # noqa: BLE001 - a crash of the reference tool counts as "no date"
        got = None
    return got, time.perf_counter() - start


def evaluate(include_htmldate: bool = True, sample: int | None = None) -> dict:
    entries = load_gold(sample)
    ours, fast, ext = [], [], []
    t_ours, t_full, t_fast, t_ext = [], [], [], []
    sec_ok, fact_ok = [], []
    per_fact: dict[str, list[bool]] = defaultdict(list)
    per_source: dict[str, list] = defaultdict(list)
    errors = []
    for e in entries:
        body = (GOLD / e["file"]).read_bytes()
        now = datetime.fromisoformat(e["now"])
        want = e.get("date")
        want = str(want) if want else None
        start = time.perf_counter()
        found = from_page(extract.parse(body, e["url"]), now, e["url"])
        t_ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        info = understand(body, e["url"], e.get("via"), now)
        t_full.append(time.perf_counter() - start)
        got = found.value.date().isoformat() if found else None
        ours.append((got, want))
        per_source[e["source"]].append((got, want))
        ok = info["section"]["key"] == e["section"]
        sec_ok.append(ok)
        if not ok:
            errors.append(f"section {e['file']}: got {info['section']} want {e['section']}")
        if got != want:
            errors.append(f"date {e['file']}: got {got} ({found.method if found else '-'}) want {want}")
        for key, verdict in check_facts(e, info).items():
            fact_ok.append(verdict)
            per_fact[key].append(verdict)
            if not verdict:
                errors.append(f"fact {key} {e['file']}")
        if include_htmldate:
            html = body.decode("utf-8", "replace")
            g, t = _htmldate(html, False, now)
            fast.append((g, want))
            t_fast.append(t)
            g, t = _htmldate(html, True, now)
            ext.append((g, want))
            t_ext.append(t)
    dated = [i for i, e in enumerate(entries) if e.get("date")]
    result = {
        "pages": len(entries),
        "dated_pages": len(dated),
        "date": _date_counts(ours),
        "date_by_source": {k: _date_counts(v) for k, v in sorted(per_source.items())},
        "section_accuracy": sum(sec_ok) / len(sec_ok) if sec_ok else 0.0,
        "fact_accuracy": sum(fact_ok) / len(fact_ok) if fact_ok else 0.0,
        "facts_checked": len(fact_ok),
        "fact_accuracy_by_kind": {k: {"accuracy": sum(v) / len(v), "n": len(v)} for k, v in sorted(per_fact.items())},
        "ms_per_page": {"ours_date": _ms(t_ours), "ours_understand": _ms(t_full)},
        "errors": errors,
    }
    if include_htmldate:
        result["htmldate_fast"] = _date_counts(fast)
        result["htmldate_extensive"] = _date_counts(ext)
        result["htmldate_fast_dated_only"] = _date_counts([fast[i] for i in dated])
        result["htmldate_extensive_dated_only"] = _date_counts([ext[i] for i in dated])
        result["ms_per_page"].update(htmldate_fast=_ms(t_fast), htmldate_extensive=_ms(t_ext))
    result["date_dated_only"] = _date_counts([ours[i] for i in dated])
    return result


def _ms(times: list[float]) -> dict:
    if not times:
        return {"mean": 0.0, "median": 0.0, "max": 0.0}
    s = sorted(times)
    return {"mean": 1000 * sum(s) / len(s), "median": 1000 * s[len(s) // 2], "max": 1000 * s[-1]}


def _row(name: str, d: dict) -> str:
    return (f"{name:<28} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  acc {d['accuracy']:.3f}"
            f"   (TP {d['tp']}, FP {d['fp']}, FN {d['fn']}, TN {d['tn']})")


def report(r: dict, show_errors: bool = False) -> str:
    lines = [f"Gold set: {r['pages']} pages ({r['dated_pages']} with a publish date)", "", "Publish date (all pages):",
             _row("ours", r["date"])]
    if "htmldate_fast" in r:
        lines += [_row("htmldate fast", r["htmldate_fast"]), _row("htmldate extensive", r["htmldate_extensive"])]
    lines += ["", "Publish date (dated pages only):", _row("ours", r["date_dated_only"])]
    if "htmldate_fast" in r:
        lines += [_row("htmldate fast", r["htmldate_fast_dated_only"]),
                  _row("htmldate extensive", r["htmldate_extensive_dated_only"])]
    lines += ["", "Ours by source:"] + [_row(f"  {k}", v) for k, v in r["date_by_source"].items()]
    lines += ["", f"Section accuracy: {r['section_accuracy']:.3f}",
              f"Fact accuracy: {r['fact_accuracy']:.3f} over {r['facts_checked']} facts"]
    lines += [f"  {k:<18} {v['accuracy']:.3f} (n={v['n']})" for k, v in r["fact_accuracy_by_kind"].items()]
    lines += ["", "Time per page (ms: mean / median / max):"]
    lines += [f"  {k:<20} {v['mean']:.1f} / {v['median']:.1f} / {v['max']:.1f}" for k, v in r["ms_per_page"].items()]
    if show_errors and r["errors"]:
        lines += ["", "Errors:"] + [f"  {e}" for e in r["errors"]]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-htmldate", action="store_true", help="skip the htmldate comparison (fast)")
    ap.add_argument("--sample", type=int, help="evaluate an evenly spread sample of N pages")
    ap.add_argument("--errors", action="store_true", help="list every page that disagrees with its label")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    r = evaluate(not args.no_htmldate, args.sample)
    print(json.dumps(r, ensure_ascii=False, indent=2) if args.json else report(r, args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
