"""Crawl and audit a real portal from its mirror, and compare with a person's audit of the same month.

    .venv/bin/python benchmarks/real_mirror.py MIRROR_DIR --period 2022-07 --as-of 2022-08-27 \\
        --hand benchmarks/real_mirror/hand_audit.yaml [--out DIR] [--keep]

MIRROR_DIR is an HTTrack copy of one portal (e.g. `source/` of the public repository fontaineha1281/capstone2 at
c3a2adf7, sotttt.hanoi.gov.vn mirrored on 2022-08-27; fetched by hand, never committed). It is served on a
loopback address as the portal itself; the crawl is the product's (`portal-audit run`), then its run is dated
`--as-of` (the day the mirror was made: PAKN deadlines and "unanswered" are judged as of then) and re-scored
(`portal-audit score`). The hand audit (written by a helper who never read the crawler) is compared criterion by
criterion; criteria the person marked unsure or as a mirror gap are counted apart.

Serving rules of the mirror (what HTTrack did, not what the portal does): a URL with a query string was saved
under a name with a 4-hex suffix and the links already point there, so the query is ignored; a page HTTrack saved
only under a language prefix (`/vi/x.html`, `/en/x.html`: the same Liferay page) is served for `/x.html`.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import threading
from datetime import datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
PORTAL = {"id": "so-tttt-ha-noi", "name": "Sở Thông tin và Truyền thông Hà Nội", "kind": "department",
          "rubric": "phu-luc-1"}


class MirrorHandler(SimpleHTTPRequestHandler):
    def translate(self, path: str) -> Path | None:
        root = Path(self.directory)
        rel = unquote(urlsplit(path).path).lstrip("/") or "index.html"
        for cand in (rel, f"vi/{rel}", f"en/{rel}"):
            p = (root / cand).resolve()
            if root.resolve() in p.parents or p == root.resolve():
                if p.is_dir() and (p / "index.html").is_file():
                    return p / "index.html"
                if p.is_file():
                    return p
                if p.with_name(p.name + ".html").is_file():
                    return p.with_name(p.name + ".html")
        return None

    def do_GET(self):  # noqa: N802 - the stdlib's name
        target = self.translate(self.path)
        if target is None:
            self.send_error(404)
            return
        body = target.read_bytes()
        self.send_response(200)
        kind = "text/html; charset=utf-8" if target.suffix in (".html", ".htm", ".jsp", ".php") else \
            self.guess_type(str(target))
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(directory: Path, address: str = "127.0.0.200") -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((address, 0), partial(MirrorHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / ".venv" / "bin" / "portal-audit"), *map(str, args)], capture_output=True,
                          text=True)


def compare(results: dict, hand: dict) -> dict:
    ours = {c["code"]: c for c in results["portals"][0]["criteria"]}
    rows, agree, sure_rows = [], 0, 0
    for h in hand["criteria"]:
        code = str(h["code"])
        o = ours.get(code)
        same = o is not None and o["points"] == h["points"]
        rows.append({"code": code, "ours": o["points"] if o else None, "state": o["state"] if o else None,
                     "hand": h["points"], "max": h["max"], "sure": bool(h.get("sure")),
                     "gap": bool(h.get("mirror_gap")), "agree": same, "summary": o["summary"] if o else ""})
        if h.get("sure") and not h.get("mirror_gap"):
            sure_rows += 1
            agree += same
    return {"rows": rows, "sure": sure_rows, "sure_agree": agree,
            "ours_total": results["portals"][0]["score"], "hand_total": hand.get("total")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mirror", type=Path)
    ap.add_argument("--period", required=True)
    ap.add_argument("--as-of", required=True, help="the day the mirror was made (YYYY-MM-DD)")
    ap.add_argument("--hand", type=Path, help="a person's audit of the same period (YAML)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--lookback-months", default="13")
    args = ap.parse_args(argv)
    work = args.out or Path(tempfile.mkdtemp(prefix="real-mirror-"))
    work.mkdir(parents=True, exist_ok=True)
    server = serve(args.mirror)
    host, port = server.server_address[:2]
    registry = work / "registry.csv"
    with registry.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "name", "kind", "url", "rubric"])
        w.writeheader()
        w.writerow({**PORTAL, "url": f"http://{host}:{port}/"})
    db = f"sqlite:///{work / 'audit.db'}"
    started = datetime.now()
    run = _cli("run", "--registry", registry, "--period", args.period, "--db", db, "--out", work / "report-live",
               "--archive", work / "warc", "--lookback-months", args.lookback_months)
    crawl_seconds = (datetime.now() - started).total_seconds()
    if run.returncode not in (0, 1, 3):
        print(run.stderr, file=sys.stderr)
        return 2
    # The facts describe the portal as it was on the mirror's day: the run is dated so, then scored again.
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE crawl_run SET started_at = :d"), {"d": datetime.fromisoformat(args.as_of + "T12:00:00")})
    scored = _cli("score", "--registry", registry, "--period", args.period, "--db", db, "--out", work / "report")
    results = json.loads((work / "report" / "results.json").read_text(encoding="utf-8"))
    portal = results["portals"][0]
    print(f"crawl {crawl_seconds:.0f} s, {portal['crawl']['pages']} pages; score {portal['score']}/100 "
          f"(exit {scored.returncode}); report {work / 'report' / 'index.html'}")
    if args.hand:
        hand = yaml.safe_load(args.hand.read_text(encoding="utf-8"))
        c = compare(results, hand)
        print(f"\n{'code':<6}{'ours':>6}{'hand':>6}{'max':>5}  sure gap agree  state / our summary")
        for r in c["rows"]:
            print(f"{r['code']:<6}{str(r['ours']):>6}{r['hand']:>6}{r['max']:>5}  {'yes' if r['sure'] else 'no ':<4} "
                  f"{'yes' if r['gap'] else 'no ':<3} {'=' if r['agree'] else '≠':<5} {r['state']}: {r['summary'][:110]}")
        print(f"\ntotal: ours {c['ours_total']}, hand {c['hand_total']}; criteria the person is sure of (no mirror "
              f"gap): {c['sure_agree']}/{c['sure']} agree")
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
