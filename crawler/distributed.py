"""Distributed crawling: several worker processes, on one or many machines, share one crawl run through Redis.

Chosen by configuration alone (`--redis URL` or $PORTAL_AUDIT_REDIS_URL); without it `run` crawls in one process
(crawler/runner.py). The unit handed out is a whole *host*: every portal on one host name (the departments of a
shared Liferay host, or one commune's own site) goes to a single worker, so a portal's in-memory state (PortalState)
and the politeness limit of 2 requests in flight per host stay in one process, as in the embedded mode.

Keys, all under `portal-audit:<fingerprint>` (the fingerprint names the database, the registry's portal ids, the
look-back and the period, so workers started with the same command share a run and different crawls never mix):

    run            hash: run_id, status (running | done), closer; kept DONE_TTL after the run closed, so a worker
                   started late finds the crawl done instead of crawling everything again (RUN_TTL while running)
    creating       SET NX lock of the worker creating the crawl_run row (first worker to arrive)
    hosts          list of JSON lists of portal ids, one entry per host, in registry order; LPOP hands each out once
    owner          hash portal id -> worker id (stored in crawl_run.summary["workers"] when the run closes)
    workers        number of workers inside the run; the one that brings it to 0 with no host left closes the run
    requests:<w>   worker w's request queue (scrapy-redis Scheduler), per worker so a host's requests stay with it
    dupefilter     the shared scrapy-redis dupefilter
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import time
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from audit.errors import ConfigError
from crawler.spiders.portal import PortalSpider

REDIS_ENV = "PORTAL_AUDIT_REDIS_URL"
# Both shorter than the day between two nightly runs, which share a fingerprint within a month: a run abandoned by
# killed workers never blocks the next night. A crawl must close within RUN_TTL.
DONE_TTL = 12 * 3600
RUN_TTL = 20 * 3600
CREATING_TTL = 600
# A worker takes at most one more host this often (seconds) while it has room, so workers started together share
# the hosts instead of the first one taking a full load at once.
REFILL_INTERVAL = 0.5


def redis_url(option: str | None) -> str | None:
    """`--redis` wins, then $PORTAL_AUDIT_REDIS_URL; None: the embedded single-process mode."""
    return option or os.environ.get(REDIS_ENV) or None


def worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def fingerprint(db_url: str, portals, lookback_from: date, period) -> str:
    span = [period.start.isoformat(), period.end.isoformat()] if period is not None else None
    doc = json.dumps([db_url, sorted(p.id for p in portals), lookback_from.isoformat(), span])
    return hashlib.sha256(doc.encode()).hexdigest()[:16]


def host_groups(portals) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for p in portals:
        parts = urlsplit(p.url)
        groups.setdefault(f"{parts.hostname}:{parts.port}", []).append(p.id)
    return list(groups.values())


class Coordinator:
    def __init__(self, url: str, key: str, worker: str):
        import redis
        try:
            self.r = redis.Redis.from_url(url, decode_responses=True, socket_connect_timeout=10)
            self.r.ping()
        except ValueError as exc:
            raise ConfigError(f"--redis {url}: không phải URL Redis hợp lệ ({exc})") from None
        except redis.RedisError as exc:
            raise ConfigError(f"--redis {url}: không kết nối được Redis ({exc})") from None
        self.url, self.prefix, self.worker = url, f"portal-audit:{key}", worker

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def join(self, create, groups: list[list[str]], stored) -> tuple[int, str]:
        """(run id, "created" | "joined" | "done"): create the run if nobody has, else join the one running.
        `stored(run_id)` is the run's status in the database: a key naming a run the database does not hold, or
        holds as failed (the database was replaced, an operator gave the run up), is dropped."""
        while True:
            state = self.r.hgetall(self.key("run"))
            if state.get("run_id"):
                run_id, status = int(state["run_id"]), stored(int(state["run_id"]))
                if status not in ("running", "done"):
                    self.r.delete(self.key("run"))
                    continue
                if status == "done" or state.get("status") == "done" or state.get("closer"):
                    return run_id, "done"
                self.r.incr(self.key("workers"))
                if self.r.hget(self.key("run"), "closer"):  # the last worker began closing it meanwhile
                    self.r.decr(self.key("workers"))
                    return run_id, "done"
                return run_id, "joined"
            if self.r.set(self.key("creating"), self.worker, nx=True, ex=CREATING_TTL):
                try:
                    run_id = create()
                    with self.r.pipeline() as pipe:
                        pipe.delete(self.key("hosts"), self.key("owner"), self.key("dupefilter"))
                        pipe.rpush(self.key("hosts"), *(json.dumps(g) for g in groups))
                        pipe.set(self.key("workers"), 1)
                        pipe.hset(self.key("run"), mapping={"run_id": run_id, "status": "running"})
                        for name in ("hosts", "owner", "workers", "run"):
                            pipe.expire(self.key(name), RUN_TTL)
                        pipe.execute()
                finally:
                    self.r.delete(self.key("creating"))
                return run_id, "created"
            time.sleep(0.2)

    def claim(self) -> list[str] | None:
        raw = self.r.lpop(self.key("hosts"))
        if raw is None:
            return None
        group = json.loads(raw)
        self.r.hset(self.key("owner"), mapping={pid: self.worker for pid in group})
        return group

    def leave(self) -> bool:
        """True when this worker is the last one out of a run with no host left: it closes the run."""
        left = self.r.decr(self.key("workers"))
        return left <= 0 and self.r.llen(self.key("hosts")) == 0 \
            and bool(self.r.hsetnx(self.key("run"), "closer", self.worker))

    def owners(self) -> dict[str, list[str]]:
        by_worker: dict[str, list[str]] = {}
        for pid, worker in self.r.hgetall(self.key("owner")).items():
            by_worker.setdefault(worker, []).append(pid)
        return {w: sorted(ids) for w, ids in sorted(by_worker.items())}

    def finish(self) -> None:
        queues = list(self.r.scan_iter(match=self.key("requests:*")))
        self.r.delete(self.key("hosts"), self.key("owner"), self.key("workers"), self.key("dupefilter"), *queues)
        self.r.hset(self.key("run"), "status", "done")
        self.r.expire(self.key("run"), DONE_TTL)


class WorkerSpider(PortalSpider):
    """The portal spider fed host by host from Redis, like scrapy-redis's RedisSpider feeds itself: one host at start,
    one more every REFILL_INTERVAL while fewer hosts than it can serve are busy, and one when idle. It closes once no
    host is left."""

    def __init__(self, portals=(), coordinator: Coordinator | None = None, **kw):
        super().__init__(portals=portals, **kw)
        self.coordinator = coordinator
        self.by_id = {p.id: p for p in self.portals}
        self.exhausted = False
        self.refill_loop = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # As many hosts as the per-host limit lets the global concurrency serve at once.
        spider.hosts_at_once = max(1, crawler.settings.getint("CONCURRENT_REQUESTS")
                                   // max(1, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")))
        crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    async def start(self):
        from twisted.internet import task
        self.refill_loop = task.LoopingCall(self._refill)
        self.refill_loop.start(REFILL_INTERVAL, now=False)
        for request in self._claim(1):
            yield request

    def _claim(self, hosts: int) -> list:
        requests = []
        for _ in range(hosts):
            group = None if self.exhausted else self.coordinator.claim()
            if group is None:
                self.exhausted = True
                break
            requests += [self.home_request(self.by_id[pid]) for pid in group]
        return requests

    def _refill(self):
        engine = self.crawler.engine
        if self.exhausted or engine is None or engine.scheduler is None or engine.scheduler.has_pending_requests():
            return
        busy = sum(1 for slot in engine.downloader.slots.values() if slot.active)
        for request in self._claim(1 if busy < self.hosts_at_once else 0):
            engine.crawl(request)

    def _idle(self):
        requests = self._claim(1)
        for request in requests:
            self.crawler.engine.crawl(request)
        if requests:
            raise DontCloseSpider

    def _closed(self):
        if self.refill_loop is not None and self.refill_loop.running:
            self.refill_loop.stop()


def crawl_worker(engine, portals, lookback_from: date, url: str, *, archive: Path, period=None,
                 progress: bool = False, overrides: dict | None = None) -> tuple[int, bool]:
    """Take part in the distributed crawl of `portals`; returns (run id, whether this worker closed the run).

    Every worker must be started with the same registry, database, period and look-back (they make the run's
    fingerprint). The caller holds storage.lock.RunLock(shared=True)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.archive import run_folder
    from crawler.runner import close_run, new_run, scrapy_settings, sync_portals
    from storage.db import sessions
    from storage.models import CrawlRun, PortalCrawl

    db_url = engine.url.render_as_string(hide_password=True)
    me = worker_id()
    coord = Coordinator(url, fingerprint(db_url, portals, lookback_from, period), me)
    settings_note = {"robots": os.environ.get("PORTAL_AUDIT_IGNORE_ROBOTS") != "1", "distributed": True}

    def create() -> int:
        sync_portals(engine, portals)
        started = datetime.now()
        with sessions(engine).begin() as s:
            run = new_run(s, started, lookback_from, settings_note, archive, period)
            for p in portals:
                s.add(PortalCrawl(run_id=run.id, portal_id=p.id, status="not_crawled", started_at=started))
            return run.id

    def stored(run_id: int) -> str | None:
        with sessions(engine)() as s:
            run = s.get(CrawlRun, run_id)
            return run.status if run is not None else None

    run_id, how = coord.join(create, host_groups(portals), stored)
    if how == "done":
        print(f"Lượt thu thập phân tán {run_id} đã hoàn tất trước khi tiến trình {me} tham gia.", flush=True)
        return run_id, False
    with sessions(engine)() as s:
        run = s.get(CrawlRun, run_id)
        started, settings_note = run.started_at, dict((run.summary or {}).get("settings") or settings_note)
    print(f"Tiến trình {me}: tham gia lượt thu thập phân tán {run_id} qua Redis "
          f"({'tạo lượt mới' if how == 'created' else 'lượt đang chạy'}).", flush=True)
    settings = scrapy_settings(engine, run_id, portals, progress, "record", archive, [],
                               run_folder(run_id, started), settings_note, overrides)
    settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler")
    settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter")
    settings.set("REDIS_URL", url)
    settings.set("SCHEDULER_QUEUE_KEY", coord.key(f"requests:{me}"))
    settings.set("SCHEDULER_DUPEFILTER_KEY", coord.key("dupefilter"))
    # scrapy-redis deletes the dupefilter on close unless persisted: the other workers still need it. The closing
    # worker deletes the run's keys itself (Coordinator.finish).
    settings.set("SCHEDULER_PERSIST", True)
    process = CrawlerProcess(settings)
    process.crawl(WorkerSpider, portals=portals, lookback_from=lookback_from, now=started, coordinator=coord)
    process.start()
    if not coord.leave():
        return run_id, False
    close_run(engine, run_id, (datetime.now() - started).total_seconds(), extra={"workers": coord.owners()})
    coord.finish()
    return run_id, True
