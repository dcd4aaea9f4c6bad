"""Scaling curve of the crawl → score → report pipeline over synthetic farms of N portals (the 119 real ones plus
clones, `python -m farm serve --portals N`). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/scaling.py [--sizes 119,500,1000] [--workers K --redis URL] [--work DIR]

Per size: wall time of `portal-audit run`, its crawl time (crawl_run.summary), pages stored, requests (archive
records), peak RSS of the run process (of each worker with --workers), and the per-portal ratios that show whether
time and memory grow linearly (constant ratios) or worse. Farms are served without faults, so every portal is up.
With `--workers K --redis URL`, K worker processes share each crawl through Redis (crawler/distributed.py).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _wait(proc: subprocess.Popen) -> tuple[int, float]:
    """Exit code and peak RSS (MB) of that one process (os.wait4: not mixed with other children)."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss / 1024


def measure(n: int, work: Path, workers: int, redis: str | None) -> dict:
    from audit.demo import FarmProcess, previous_month
    from sqlalchemy import select
    from storage.db import open_db, sessions
    from storage.models import CrawlRun

    folder = work / f"n{n}"
    folder.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{folder}/bench.db"
    period = previous_month(date.today())
    exe = Path(sys.executable).with_name("portal-audit")
    env = {**os.environ, "XDG_DATA_HOME": str(folder)}
    env.pop("PORTAL_AUDIT_REDIS_URL", None)
    with FarmProcess(folder, extra=["--no-faults", "--portals", str(n)]) as registry:
        args = [str(exe), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}", "--db", db,
                "--archive", str(folder / "warc")]
        t0 = time.monotonic()
        procs = [subprocess.Popen(args + ["--out", str(folder / f"report-{i}")] + (["--redis", redis] if redis else []),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
                 for i in range(workers)]
        waited = [_wait(p) for p in procs]
        wall = time.monotonic() - t0
    for p, (code, _) in zip(procs, waited):
        if code not in (0, 1, 3):
            raise SystemExit(f"portal-audit run exited {code}: {p.stderr.read().decode(errors='replace')[-2000:]}")
    engine = open_db(db, migrate=False)
    with sessions(engine)() as s:
        summary = s.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first().summary
    engine.dispose()
    return {"portals": n, "wall": wall, "crawl": summary["seconds"], "pages": summary["pages"],
            "requests": summary["archive"]["records"], "rss": [rss for _, rss in waited], "ok": summary["ok"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="119,500,1000", help="comma-separated farm sizes (at least 119 each)")
    ap.add_argument("--workers", type=int, default=1, help="worker processes per crawl (more than 1 needs --redis)")
    ap.add_argument("--redis", help="Redis URL for --workers > 1")
    ap.add_argument("--work", help="working directory (default: a temporary one)")
    args = ap.parse_args()
    if args.workers > 1 and not args.redis:
        raise SystemExit("--workers > 1 needs --redis URL")
    work = Path(args.work or tempfile.mkdtemp(prefix="portal-audit-scaling-"))
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; workers per crawl: "
          f"{args.workers}", flush=True)
    print(f"{'portals':>8} {'wall s':>8} {'crawl s':>8} {'pages':>8} {'requests':>9} {'peak RSS MB':>12} "
          f"{'s/portal':>9} {'req/s':>7} {'MB/portal':>10}", flush=True)
    rows = []
    for n in sizes:
        r = measure(n, work, args.workers, args.redis)
        rows.append(r)
        rss = max(r["rss"])
        print(f"{n:>8} {r['wall']:>8.1f} {r['crawl']:>8.1f} {r['pages']:>8} {r['requests']:>9} "
              f"{'/'.join(f'{x:.0f}' for x in r['rss']):>12} {r['wall'] / n:>9.2f} {r['requests'] / r['crawl']:>7.1f} "
              f"{rss / n:>10.2f}   ({r['ok']} portals up; load {os.getloadavg()[0]:.2f})", flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        k = b["portals"] / a["portals"]
        print(f"from {a['portals']} to {b['portals']} portals (×{k:.1f}): wall ×{b['wall'] / a['wall']:.2f}, "
              f"requests ×{b['requests'] / a['requests']:.2f}, peak RSS ×{max(b['rss']) / max(a['rss']):.2f} "
              f"(linear growth: at most ×{k:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
