"""Distributed crawling (crawler/distributed.py) against real services: a redis-server on loopback, the farm, and two
`portal-audit run --redis` worker processes sharing one database, compared with a single-process run of the same
portals.

The portals are a subset of the farm (wall time): departments and communes, plus the fault portals that exercise the
crawl statuses without the slow ones (down, flaky 503, robots.txt, a redirect loop, malformed HTML). The full farm in
single-process mode is covered by test_e2e_farm.py; benchmarks/scaling.py runs workers over larger farms.
"""
import csv
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from audit.demo import FarmProcess, previous_month
from farm.server import max_in_flight

pytestmark = pytest.mark.redis

EXE = Path(sys.executable).with_name("portal-audit")


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    work = tmp_path_factory.mktemp("farm")
    now = datetime.now().replace(second=0, microsecond=0).isoformat()
    log = work / "requests.log"
    with FarmProcess(work, extra=["--now", now, "--request-log", str(log)]) as registry:  # faults included
        yield registry, previous_month(datetime.fromisoformat(now).date()), log


def _run(registry, period, db, out, env, redis=None):
    args = [str(EXE), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}", "--db", db,
            "--out", str(out)]
    return subprocess.Popen(args + (["--redis", redis] if redis else []), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _scores(out: Path):
    doc = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {p["id"]: (p["status"], p["score"], [(c["code"], c["points"], c["state"]) for c in p["criteria"]])
            for p in doc["portals"]}


def _stored(db):
    from storage.db import open_db, sessions
    from storage.models import CrawlRun, Fact, Page, PortalCrawl
    engine = open_db(db, migrate=False)
    with sessions(engine)() as s:
        runs = s.scalars(select(CrawlRun)).all()
        crawls = s.execute(select(PortalCrawl.portal_id, PortalCrawl.status, PortalCrawl.pages)).all()
        facts = Counter({(p, k): n for p, k, n in s.execute(
            select(Fact.portal_id, Fact.kind, func.count()).group_by(Fact.portal_id, Fact.kind))})
        pages = Counter({p: n for p, n in s.execute(select(Page.portal_id, func.count()).group_by(Page.portal_id))})
    engine.dispose()
    return runs, crawls, facts, pages


def test_two_workers_share_one_crawl_and_score_like_one_process(farm, redis_url, db_url, new_db_url, tmp_path):
    import redis
    registry, period, log = farm
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    env.pop("PORTAL_AUDIT_REDIS_URL", None)

    start = len(log.read_text(encoding="utf-8").splitlines())
    workers = [_run(registry, period, db_url, tmp_path / f"out-{i}", env, redis=redis_url) for i in (1, 2)]
    results = [p.communicate(timeout=1200) + (p.returncode,) for p in workers]
    # What the farm saw of the two workers: one politeness budget for the province's shared host, across both.
    shared = urlsplit(next(csv.DictReader(registry.open(encoding="utf-8", newline="")))["url"]).hostname
    assert 1 <= max_in_flight(log.read_text(encoding="utf-8").splitlines()[start:]).get(shared, 0) <= 2
    single_db = new_db_url(tmp_path / "single")
    single = _run(registry, period, single_db, tmp_path / "out-single", env)
    results.append(single.communicate(timeout=1200) + (single.returncode,))
    for out, err, code in results:
        assert code in (0, 1, 3), f"exit {code}\n{out}\n{err}"
    closers = [i for i in (1, 2) if (tmp_path / f"out-{i}" / "results.json").exists()]
    assert len(closers) == 1, [r[0] for r in results[:2]]  # exactly one worker (the last) scores and reports

    with registry.open(encoding="utf-8", newline="") as fh:
        every = [r["id"] for r in csv.DictReader(fh)]
    runs, crawls, facts, pages = _stored(db_url)
    assert len(runs) == 1 and runs[0].status == "done"
    ids = [pid for pid, _, _ in crawls]
    assert sorted(ids) == sorted(every)  # one portal_crawl row per portal, none twice
    assert all(status != "not_crawled" for _, status, _ in crawls), crawls
    owners = runs[0].summary["workers"]
    assert len(owners) == 2 and all(owners.values()), owners  # both workers took part
    claimed = [pid for ids_ in owners.values() for pid in ids_]
    assert sorted(claimed) == sorted(every)  # every portal crawled by exactly one worker

    s_runs, s_crawls, s_facts, s_pages = _stored(single_db)
    assert {(p, st) for p, st, _ in crawls} == {(p, st) for p, st, _ in s_crawls}
    assert pages == s_pages  # no page fetched twice or missed
    assert facts == s_facts  # per portal and kind: nothing stored twice by two workers, nothing lost
    assert _scores(tmp_path / f"out-{closers[0]}") == _scores(tmp_path / "out-single")

    # The closing worker leaves only the run's done marker in Redis (so late workers do not crawl again).
    r = redis.Redis.from_url(redis_url, decode_responses=True)
    left = [k for k in r.scan_iter("portal-audit:*") if k.endswith(":run")]
    other = [k for k in r.scan_iter("portal-audit:*") if not k.endswith(":run")]
    assert left and not other, other

    # A worker started after the run closed finds it done: nothing crawled again, no second run.
    late = _run(registry, period, db_url, tmp_path / "out-late", env, redis=redis_url)
    out, err = late.communicate(timeout=300)
    assert late.returncode == 0, err
    assert "đã hoàn tất" in out
    assert len(_stored(db_url)[0]) == 1


def test_hosts_are_handed_out_whole():
    """Departments sharing www.bacninh.gov.vn go to one worker together: the per-host politeness limit holds across
    workers."""
    from audit.registry import BUNDLED, load_registry
    from audit.rubric import load_rubrics
    from crawler.distributed import host_groups
    portals = load_registry(BUNDLED, set(load_rubrics()))
    groups = host_groups(portals)
    shared = [g for g in groups if len(g) > 1]
    assert sorted(pid for g in groups for pid in g) == sorted(p.id for p in portals)
    by_id = {p.id: p for p in portals}
    for g in groups:
        assert len({by_id[pid].url.split("/")[2] for pid in g}) == 1
    assert shared, "the bundled registry has departments on one shared host"


def test_unreachable_redis_is_one_line_exit_2(cli, tmp_path):
    from services import free_port
    code, out, err = cli("run", "--period", "2026-01", "--db", f"sqlite:///{tmp_path}/a.db",
                         "--redis", f"redis://127.0.0.1:{free_port()}/0", "--portal", "so-noi-vu")
    assert code == 2, err
    assert err.startswith("portal-audit: lỗi: --redis redis://127.0.0.1:") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_workers_share_the_run_lock_and_exclude_a_single_process_run(db_url):
    from storage.db import open_db
    from storage.lock import LockedError, RunLock
    engine = open_db(db_url)
    with RunLock(engine, shared=True), RunLock(engine, shared=True):  # two workers of one crawl
        with pytest.raises(LockedError):
            RunLock(engine).__enter__()
    with RunLock(engine):
        with pytest.raises(LockedError):
            RunLock(engine, shared=True).__enter__()
    with RunLock(engine):  # every holder released it
        pass
    engine.dispose()
