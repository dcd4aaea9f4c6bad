"""Measure page understanding on the Vietnamese gold set (tests/gold/*/labels.yaml): publish dates, sections and
facts; htmldate (fast and extensive) on the same pages beside ours; per-page times.

    .venv/bin/python benchmarks/evaluate_understanding.py [--set DIR]... [--no-htmldate] [--sample N] [--errors]
                                                          [--json]

A set is a folder with a labels.yaml (tests/gold/farm, tests/gold/hand, a held-out tests/gold/blind...); by default
every subfolder of tests/gold that has one. Each entry names its page by `file`, relative to the set's folder or to
its parent (the gold sets write "farm/x.html").

Date scores use htmldate's evaluation definitions, one day as the unit: a right date is a true positive, a wrong
date a false positive, no date where the page has one a false negative, no date where it has none a true negative;
precision = TP/(TP+FP), recall = TP/(TP+FN). htmldate gets the crawl time as `max_date` (as ours gets `now`), so
"future" dates are judged the same way for both. Timing is informational: it is printed, never asserted. The
speed comparison (`--rounds`) runs after the accuracy pass: ours from the page's bytes (decode, parse, strategies)
against htmldate's fast mode from the decoded text, page by page in turns, warm.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
sys.path.insert(0, str(ROOT))

from urllib.parse import unquote, urljoin, urlsplit  # noqa: E402

from crawler import extract, sections, vocab  # noqa: E402
from crawler.understand import reading, understand  # noqa: E402


REQUIRED = ("file", "url", "now", "section")


class GoldError(ValueError):
    """A gold set that cannot be read: the message names the file and entry."""


def gold_sets() -> list[Path]:
    return sorted(p.parent for p in GOLD.glob("*/labels.yaml"))


def load_set(folder: Path) -> list[dict]:
    """The entries of one set, each with `set` (the folder's name) and `path` (the page file) added.

    labels.yaml is a list of entries, or a mapping `{pages: DIR, entries: [...]}` for a set whose pages may not be
    copied into the repository (third-party pages, tests/gold/real): DIR is relative to the repository's parent
    folder (`shared/realpages/pages`), and a missing DIR is an error, never a skip."""
    labels = Path(folder) / "labels.yaml"
    if not labels.is_file():
        raise GoldError(f"{labels}: không có tệp nhãn labels.yaml")
    try:
        entries = yaml.safe_load(labels.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise GoldError(f"{labels}:{mark.line + 1 if mark else '?'}: YAML không hợp lệ") from None
    roots = [labels.parent, labels.parent.parent]
    if isinstance(entries, dict):
        pages = ROOT.parent / str(entries.get("pages") or "")
        if not entries.get("pages") or not pages.is_dir():
            raise GoldError(f"{labels}: thư mục trang {pages} không có (bộ nhãn này đọc trang từ đó)")
        roots, entries = [pages], entries.get("entries")
    if not isinstance(entries, list):
        raise GoldError(f"{labels}: cần một danh sách các trang")
    out = []
    for i, e in enumerate(entries):
        missing = [k for k in REQUIRED if not isinstance(e, dict) or not e.get(k)]
        if missing:
            raise GoldError(f"{labels}: mục {i + 1} thiếu trường {', '.join(missing)}")
        path = next((p for p in (r / e["file"] for r in roots) if p.is_file()), None)
        if path is None:
            raise GoldError(f"{labels}: mục {i + 1}: không có tệp trang {e['file']}")
        try:  # YAML reads an unquoted timestamp or date as a datetime/date: both spellings are accepted
            now = e["now"] if isinstance(e["now"], datetime) else datetime.fromisoformat(str(e["now"]))
            want = e.get("date")
            want = (want.date() if isinstance(want, datetime) else date.fromisoformat(str(want))) if want else None
        except ValueError:
            raise GoldError(f"{labels}: mục {i + 1}: ngày không hợp lệ (now {e['now']!r}, date {e.get('date')!r})") \
                from None
        out.append({**e, "now": now, "date": want.isoformat() if want else None, "set": labels.parent.name,
                    "path": path, "source": e.get("source") or labels.parent.name})
    return out


def load_gold(sample: int | None = None, sets: list[Path] | None = None) -> list[dict]:
    entries = []
    for folder in sets or gold_sets():
        entries.extend(load_set(folder))
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
        elif key == "widget_items":  # the page's own HTML list (named after the farm's Liferay widget listings)
            out[key] = len(info["items"]) == label
        elif key == "inline_items":
            out[key] = facts.get("inline_listing_items", 0) == label
        elif key == "listing_resource":
            out[key] = bool(facts.get("listing_resources")) == label
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
                # Columns are a set: the label lists them in the page's order, ours are sorted.
                out[key] = all((sorted(got[k]) == sorted(v)) if k == "columns" else got[k] == v
                               for k, v in label.items())
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
        elif key == "title_text":  # as a person copies it: case, spacing and punctuation aside
            out[key] = vocab.fold(info["title"] or "") == vocab.fold(label)
        elif key == "search_form_present":  # a box a person sees, whether or not a form sends it
            out[key] = facts["search_box"] == label
        elif key == "contact_fields":  # the fields a person saw, each value compared as digits or folded text
            out[key] = all(_same_value(k, facts["contact"].get(k), v) for k, v in label.items())
        elif key == "directory_entries":
            out[key] = len(facts["directory"] or []) == label
        elif key == "document_rows":
            rows = facts["documents"]
            out[key] = rows is not None and len(rows) == label["rows"] and \
                sum(1 for r in rows if not r["has_file"]) == label.get("rows_without_file", 0)
        elif key == "question_count":
            out[key] = len(facts["questions"] or []) == label
        else:
            raise GoldError(f"{entry['file']}: nhãn dữ kiện không biết {key!r}")
    return out


def _same_value(field: str, got: str | None, want: str | None) -> bool:
    if not want:
        return not got
    if not got:
        return False
    if field in ("phone", "fax"):
        digits = lambda s: "".join(c for c in s if c.isdigit())  # noqa: E731
        return digits(got) == digits(want) or digits(want) in digits(got)
    return vocab.fold(got) == vocab.fold(want) or vocab.fold(want) in vocab.fold(got)


def _norm_url(url: str) -> str:
    parts = urlsplit(url.split("#")[0])
    return f"{parts.netloc.lower()}{unquote(parts.path).rstrip('/')}?{parts.query}"


def check_items(entry: dict, info: dict) -> dict:
    """A listing page's items against the labelled ones: matched by URL (the label's href resolved against the
    page URL), else by title (a listing may cut a long title with "…"). Returns counts for item precision/recall
    and, over matched items, date agreement (both None counts as agreement)."""
    want = entry.get("items")
    got = info["items"]
    labelled = [{"url": _norm_url(urljoin(entry["url"], w.get("href") or "")) if w.get("href") else None,
                 "title": vocab.fold(str(w.get("title") or "")).rstrip(" ."), "date": _iso(w.get("date"))}
                for w in want]
    found = [{"url": _norm_url(g["url"]), "title": vocab.fold(g["title"] or "").rstrip(" ."),
              "date": (g["published_at"] or "")[:10] or None} for g in got]
    used, matched, dates_ok, misses = set(), 0, 0, []
    for w in labelled:
        hit = next((i for i, g in enumerate(found) if i not in used and w["url"] and g["url"] == w["url"]), None)
        if hit is None:
            hit = next((i for i, g in enumerate(found) if i not in used and w["title"] and g["title"] and
                        (g["title"] == w["title"] or min(len(g["title"]), len(w["title"])) >= 20 and
                         (g["title"].startswith(w["title"]) or w["title"].startswith(g["title"])))), None)
        if hit is None:
            misses.append(f"missing «{w['title'][:60]}»")
            continue
        used.add(hit)
        matched += 1
        if found[hit]["date"] == w["date"]:
            dates_ok += 1
        else:
            misses.append(f"date «{w['title'][:40]}» got {found[hit]['date']} want {w['date']}")
    extra = [f"extra «{g['title'][:60]}»" for i, g in enumerate(found) if i not in used]
    return {"labelled": len(labelled), "got": len(found), "matched": matched, "dates_ok": dates_ok,
            "errors": misses + extra}


def _iso(value) -> str | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, (date, datetime)):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    return str(value)[:10]


def _htmldate(html: str, extensive: bool, now: datetime) -> tuple[str | None, float]:
    from htmldate import find_date

    start = time.perf_counter()
    try:
        got = find_date(html, extensive_search=extensive, outputformat="%Y-%m-%d", original_date=True,
                        max_date=now.strftime("%Y-%m-%d"))
    except Exception:  # noqa: BLE001 - a crash of the reference tool counts as "no date"
        got = None
    return got, time.perf_counter() - start


def speed(entries: list[dict], repeat: int = 5) -> dict:
    """Per-page publish-date time, ours (decode + parse + strategies, from bytes; links stay as written: making
    them absolute is the link readers' cost, extract.parse, not the date's) and htmldate's fast mode
    (find_date on the decoded text, its own parse included), page by page in turns so that load on a shared
    machine hits both alike; caches warm (one untimed round first), `repeat` timed rounds."""
    from htmldate import find_date

    pages = [(e["path"].read_bytes(), e["url"], e["now"]) for e in entries]
    texts = [body.decode("utf-8", "replace") for body, _, _ in pages]

    def ours(i):
        body, url, now = pages[i]
        reading(body, url, now=now).published_at  # the reader users call: layout, title, date

    def theirs(i):
        try:
            find_date(texts[i], extensive_search=False, outputformat="%Y-%m-%d", original_date=True,
                      max_date=pages[i][2].strftime("%Y-%m-%d"))
        except Exception:  # noqa: BLE001 - as in _htmldate
            pass

    times: dict[str, list[list[float]]] = {"ours": [[] for _ in pages], "htmldate_fast": [[] for _ in pages]}
    for rnd in range(repeat + 1):
        for i in range(len(pages)):
            for name, fn in (("ours", ours), ("htmldate_fast", theirs)) if (i + rnd) % 2 else \
                    (("htmldate_fast", theirs), ("ours", ours)):
                start = time.perf_counter()
                fn(i)
                if rnd:
                    times[name][i].append(time.perf_counter() - start)
    out: dict = {"rounds": repeat}
    for name, per_page in times.items():
        every = [t for ts in per_page for t in ts]
        best = [min(ts) for ts in per_page]  # a page's fastest round: what is left when preemption is not
        out[name] = {"median": 1000 * statistics.median(every), "mean": 1000 * statistics.mean(every),
                     "best_median": 1000 * statistics.median(best), "best_mean": 1000 * statistics.mean(best)}
    return out


def evaluate(include_htmldate: bool = True, sample: int | None = None, sets: list[Path] | None = None) -> dict:
    entries = load_gold(sample, sets)
    ours, fast, ext = [], [], []
    t_ours, t_full, t_fast, t_ext = [], [], [], []
    sec_ok, fact_ok = [], []
    per_fact: dict[str, list[bool]] = defaultdict(list)
    per_source: dict[str, list] = defaultdict(list)
    per_set: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    errors = []
    items_total = Counter()
    for e in entries:
        body = e["path"].read_bytes()
        now, want = e["now"], e["date"]
        where = f"{e['set']}/{e['path'].name}"
        start = time.perf_counter()
        info = understand(body, e["url"], e.get("via"), now, e.get("via_title"))
        t_full.append(time.perf_counter() - start)
        got = info["published_at"][:10] if info["published_at"] else None
        t_ours.append(0.0)
        ours.append((got, want))
        per_source[e["source"]].append((got, want))
        ok = info["section"]["key"] == e["section"]
        sec_ok.append(ok)
        per_set[e["set"]]["date"].append((got, want))
        per_set[e["set"]]["section"].append(ok)
        if not ok:
            errors.append(f"section {where}: got {info['section']} want {e['section']}")
        if got != want:
            errors.append(f"date {where}: got {got} ({info['date_method'] or '-'}) want {want}")
        if e.get("items") is not None:
            counts = check_items(e, info)
            for k in ("labelled", "got", "matched", "dates_ok"):
                per_set[e["set"]][f"items_{k}"].append(counts[k])
                items_total[k] += counts[k]
            errors.extend(f"items {where}: {x}" for x in counts["errors"])
        for key, verdict in check_facts(e, info).items():
            fact_ok.append(verdict)
            per_fact[key].append(verdict)
            per_set[e["set"]]["facts"].append(verdict)
            if not verdict:
                errors.append(f"fact {key} {where}")
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
        "by_set": {name: {"pages": len(v["section"]), "date_f1": _date_counts(v["date"])["f1"],
                          "date": _date_counts(v["date"]),
                          "section_accuracy": _share(v["section"]), "fact_accuracy": _share(v["facts"]),
                          "facts_checked": len(v["facts"]), **_item_scores({k: sum(v[f"items_{k}"]) for k in
                                                                           ("labelled", "got", "matched", "dates_ok")})}
                   for name, v in sorted(per_set.items())},
        "items": _item_scores(items_total),
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


def _item_scores(c) -> dict:
    """Listing items: precision and recall of the page's own entries, and the share of matched entries whose date
    agrees with the label (None when no listing of the set is labelled)."""
    if not c.get("labelled") and not c.get("got"):
        return {"item_precision": None, "item_recall": None, "item_date_accuracy": None, "items_labelled": 0}
    return {"item_precision": c["matched"] / c["got"] if c["got"] else 1.0,
            "item_recall": c["matched"] / c["labelled"] if c["labelled"] else 1.0,
            "item_date_accuracy": c["dates_ok"] / c["matched"] if c["matched"] else 0.0,
            "items_labelled": c["labelled"]}


def _share(verdicts: list[bool]) -> float:
    """Share of right verdicts; a set without any (no fact labelled) has nothing wrong."""
    return sum(verdicts) / len(verdicts) if verdicts else 1.0


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
    lines += ["", "By set:"] + [f"  {k:<10} {v['pages']:>4} pages  date F1 {v['date_f1']:.3f} (P {v['date']['precision']:.3f}"
                                f" R {v['date']['recall']:.3f})  section {v['section_accuracy']:.3f}  facts "
                                f"{v['fact_accuracy']:.3f} (n={v['facts_checked']})" + (
                                    f"  items P {v['item_precision']:.3f} R {v['item_recall']:.3f} date "
                                    f"{v['item_date_accuracy']:.3f} (n={v['items_labelled']})"
                                    if v["item_recall"] is not None else "")
                                for k, v in r["by_set"].items()]
    lines += ["", "Time per page, accuracy pass, caches cold (ms: mean / median / max):"]
    lines += [f"  {k:<20} {v['mean']:.1f} / {v['median']:.1f} / {v['max']:.1f}" for k, v in r["ms_per_page"].items()]
    if "speed" in r:
        o, h = r["speed"]["ours"], r["speed"]["htmldate_fast"]
        cols = ("median", "mean", "best_median", "best_mean")
        lines += ["", f"Publish date per page, interleaved, warm, {r['speed']['rounds']} rounds (ms; best_ = each "
                      "page's fastest round):",
                  f"  {'':<26}" + "".join(f"{c:>12}" for c in cols),
                  f"  {'ours (bytes→parse→date)':<26}" + "".join(f"{o[c]:>12.3f}" for c in cols),
                  f"  {'htmldate fast (str→date)':<26}" + "".join(f"{h[c]:>12.3f}" for c in cols),
                  f"  {'ours / htmldate':<26}" + "".join(f"{o[c] / h[c]:>12.2f}" for c in cols)]
    if show_errors and r["errors"]:
        lines += ["", "Errors:"] + [f"  {e}" for e in r["errors"]]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", type=Path, metavar="DIR",
                    help="a folder with labels.yaml (repeatable); default: every set under tests/gold")
    ap.add_argument("--no-htmldate", action="store_true", help="skip the htmldate comparison (fast)")
    ap.add_argument("--sample", type=int, help="evaluate an evenly spread sample of N pages")
    ap.add_argument("--errors", action="store_true", help="list every page that disagrees with its label")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds of the speed comparison (0: skip it)")
    args = ap.parse_args(argv)
    try:
        r = evaluate(not args.no_htmldate, args.sample, args.set)
        if not args.no_htmldate and args.rounds > 0:
            r["speed"] = speed(load_gold(args.sample, args.set), args.rounds)
    except GoldError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(r, ensure_ascii=False, indent=2) if args.json else report(r, args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
