"""Benchmark of the whole farm pipeline: crawl (with the WARC archive) → score → report, then a bare Scrapy fetch of
the same URLs for comparison. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/pipeline.py [--db URL] [--portals N] [--work DIR]

Figures: wall time of `portal-audit run` (and of its crawl, from crawl_run.summary), pages/s, requests, peak RSS of
the run's process, database size, archive size; the same URLs fetched by a minimal Scrapy spider with the same
politeness settings, and the ratio. The scaling curve over synthetic farms of 500 and 1,000 portals is
benchmarks/scaling.py.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BARE_SPIDER = r'''
import json, sys, scrapy
from scrapy.crawler import CrawlerProcess
from crawler import settings as s
urls = json.load(open(sys.argv[1]))
class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        for u in urls:
            yield scrapy.Request(u, dont_filter=True, meta={"handle_httpstatus_all": True})
    def parse(self, response):
        pass
p = CrawlerProcess({k: getattr(s, k) for k in ("USER_AGENT", "ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN", "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_MAX_DELAY",
    "AUTOTHROTTLE_TARGET_CONCURRENCY", "DOWNLOAD_TIMEOUT", "DOWNLOAD_MAXSIZE", "RETRY_TIMES", "LOG_LEVEL")})
p.crawl(Bare)
p.start()
'''


def _child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def write_registry_subset(registry: Path, out: Path, n: int) -> Path:
    lines = registry.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:n + 1]), encoding="utf-8")
    return out


def db_size(url: str) -> int:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return sum(Path(f"{u.database}{suffix}").stat().st_size for suffix in ("", "-wal")
                   if Path(f"{u.database}{suffix}").exists())
    from storage.db import open_db
    engine = open_db(url, migrate=False)
    with engine.connect() as conn:
        size = conn.execute(text("select pg_database_size(current_database())")).scalar()
    engine.dispose()
    return int(size)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="database URL (default: a SQLite file in --work)")
    ap.add_argument("--portals", type=int, help="only the first N farm portals")
    ap.add_argument("--work", help="working directory (default: a temporary one)")
    ap.add_argument("--second-night", action="store_true", help="then crawl the unchanged farm again and print "
                    "what the incremental night costs")
    args = ap.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="portal-audit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from audit.demo import FarmProcess, previous_month
    from audit.registry import load_registry

    db = args.db or f"sqlite:///{work}/bench.db"
    period = previous_month(date.today())
    exe = Path(sys.executable).with_name("portal-audit")
    with FarmProcess(work, extra=["--no-faults"]) as registry:
        if args.portals:
            registry = write_registry_subset(registry, work / "subset.csv", args.portals)
        n = len(load_registry(registry))
        t0 = time.monotonic()
        proc = subprocess.run([str(exe), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}",
                               "--db", db, "--out", str(work / "report"), "--archive", str(work / "warc")],
                              capture_output=True, text=True, env={**os.environ, "XDG_DATA_HOME": str(work)})
        wall = time.monotonic() - t0
        rss = _child_peak_rss_mb()
        if proc.returncode not in (0, 1, 3):
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        from sqlalchemy import select
        from storage.db import open_db, sessions
        from storage.models import ArchiveRecord, CrawlRun
        engine = open_db(db, migrate=False)
        with sessions(engine)() as s:
            run = s.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
            summary = run.summary
            urls = sorted({u for u, m in s.execute(select(ArchiveRecord.url, ArchiveRecord.method)
                                                   .where(ArchiveRecord.run_id == run.id)) if m == "GET"})
        engine.dispose()
        requests = summary["archive"]["records"]
        second = None
        if args.second_night:
            again = subprocess.run([str(exe), "run", "--registry", str(registry), "--period",
                                    f"{period.start:%Y-%m}", "--db", db, "--out", str(work / "report2"), "--archive",
                                    str(work / "warc")], capture_output=True, text=True,
                                   env={**os.environ, "XDG_DATA_HOME": str(work)})
            if again.returncode not in (0, 1, 3):
                print(again.stderr, file=sys.stderr)
                return again.returncode
            engine = open_db(db, migrate=False)
            with sessions(engine)() as s:
                second = s.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first().summary
            engine.dispose()
        url_file = work / "urls.json"
        url_file.write_text(json.dumps(urls))
        t1 = time.monotonic()
        bare = subprocess.run([sys.executable, "-c", BARE_SPIDER, str(url_file)], cwd=REPO, capture_output=True,
                              text=True)
        bare_wall = time.monotonic() - t1
    crawl_s = summary["seconds"]
    print(f"portals                    {n}")
    print(f"pipeline wall time         {wall:.1f} s (crawl {crawl_s:.1f} s, score + report {wall - crawl_s:.1f} s "
          f"incl. start-up)")
    print(f"pages stored               {summary['pages']}  ({summary['pages'] / crawl_s:.1f} pages/s of crawl)")
    print(f"requests (archived)        {requests}  ({requests / crawl_s:.1f} requests/s)")
    print(f"peak RSS (largest process) {rss:.0f} MB")
    print(f"database size              {db_size(db) / 1e6:.1f} MB ({db.split(':', 1)[0]})")
    print(f"WARC archive               {summary['archive']['bytes'] / 1e6:.1f} MB in {summary['archive']['files']} file(s)")
    print(f"bare Scrapy, same {len(urls)} GET URLs: {bare_wall:.1f} s (exit {bare.returncode}); "
          f"pipeline / bare = {wall / bare_wall:.2f}×, crawl / bare = {crawl_s / bare_wall:.2f}×")
    from crawler.shards import workers
    print(f"throughput ratio           {(requests / crawl_s) / (len(urls) / bare_wall):.2f} (our crawl's requests/s, "
          f"{workers()} crawl process(es), ÷ one bare Scrapy process's; goal ≥ 0.7)")
    if second is not None:
        net1, net2 = summary["requests"]["network"], second["requests"]["network"]
        print(f"second night (unchanged)   {second['seconds']:.1f} s, {net2} requests sent = {net2 / net1:.1%} of the "
              f"first night's {net1} ({second['requests']['not_modified']} answered 304, "
              f"{second['requests']['reused']} pages read from the previous copy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
