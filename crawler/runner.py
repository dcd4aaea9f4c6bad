"""Running one crawl: a crawl_run row, Scrapy in this process, and the run marked done only when Scrapy finished.

Scrapy's reactor cannot be restarted within a process, so a process runs at most one crawl (the CLI does exactly that).
"""
from __future__ import annotations

import os
import time
import warnings
from datetime import date, datetime
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from sqlalchemy import delete, func, select

from audit.errors import ConfigError
from crawler import settings as default_settings
from crawler import shards
from crawler.spiders.portal import PortalSpider
from crawler.tls import registry_hosts
from storage import incremental
from storage.models import CrawlRun, Fact, PortalCrawl, PortalRow
from storage.db import sessions


def sync_portals(engine, portals) -> None:
    now = datetime.now()
    with sessions(engine).begin() as s:
        for p in portals:
            row = s.get(PortalRow, p.id) or PortalRow(id=p.id)
            row.name, row.kind, row.url, row.rubric = p.name, p.kind, p.url, p.rubric
            row.host_confidence, row.notes, row.updated_at = p.host_confidence, p.notes, now
            s.add(row)


def env_settings(portals) -> dict:
    """Scrapy settings a user sets through the environment (README, Configuration); a bad value is a ConfigError
    (exit 2) before anything is written.

    PORTAL_AUDIT_TIMEOUT: seconds a whole download may take, body included (default 30).
    PORTAL_AUDIT_LEGACY_TLS: 1 (default) lets hosts under .gov.vn and the registry's hosts use legacy TLS
    (crawler/tls.py); 0 refuses it everywhere, so a portal that needs it ends `tls_error`."""
    out = {"PORTAL_AUDIT_LEGACY_TLS_HOSTS": sorted(registry_hosts(portals))}
    raw = os.environ.get("PORTAL_AUDIT_TIMEOUT", "").strip()
    if raw:
        try:
            out["DOWNLOAD_TIMEOUT"] = float(raw)
        except ValueError:
            out["DOWNLOAD_TIMEOUT"] = 0
        if not out["DOWNLOAD_TIMEOUT"] > 0:
            raise ConfigError(f"PORTAL_AUDIT_TIMEOUT={raw!r}: cần một số giây lớn hơn 0")
    legacy = os.environ.get("PORTAL_AUDIT_LEGACY_TLS", "1").strip()
    if legacy not in ("0", "1"):
        raise ConfigError(f"PORTAL_AUDIT_LEGACY_TLS={legacy!r}: chỉ nhận 1 (cho phép TLS cũ) hoặc 0 (không cho phép)")
    out["PORTAL_AUDIT_LEGACY_TLS"] = legacy == "1"
    robots = os.environ.get("PORTAL_AUDIT_IGNORE_ROBOTS", "").strip()
    if robots not in ("", "0", "1"):
        raise ConfigError(f"PORTAL_AUDIT_IGNORE_ROBOTS={robots!r}: chỉ nhận 1 (bỏ qua robots.txt) hoặc 0")
    # Each portal's budget (crawler/budget.py): rules/incremental.yaml, overridden by the environment.
    rules = incremental.settings()
    out["PORTAL_AUDIT_PORTAL_PAGES"] = _positive("PORTAL_AUDIT_PORTAL_PAGES", int, rules["portal_pages"],
                                                 "số trang nguyên lớn hơn 0")
    out["PORTAL_AUDIT_PORTAL_SECONDS"] = _positive("PORTAL_AUDIT_PORTAL_SECONDS", float, rules["portal_seconds"],
                                                   "số giây lớn hơn 0")
    return out


def _positive(name: str, kind, default, wanted: str):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return kind(default)
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if not value > 0 or value != value or value == float("inf"):
        raise ConfigError(f"{name}={raw!r}: cần {wanted}")
    return value


class ReplayError(ConfigError):
    """The run to replay cannot be replayed (exit 2, nothing written)."""


def new_run(s, started: datetime, lookback_from: date, settings_note: dict, root: Path, period) -> CrawlRun:
    run = CrawlRun(started_at=started, status="running", lookback_from=lookback_from,
                   summary={"settings": settings_note}, archive_dir=str(root))
    if period is not None:
        run.summary = {**run.summary, "period": {"from": period.start.isoformat(), "to": period.end.isoformat()}}
    s.add(run)
    s.flush()
    return run


def crawl(engine, portals, lookback_from: date, progress: bool = False, overrides: dict | None = None, *,
          archive: Path | None = None, period=None, replay_of: int | None = None) -> int:
    """Crawl `portals`, store facts under a run, archive every fetch, and return the run id.

    The caller holds storage.lock.RunLock, so a run still marked `running` was interrupted (crash, kill -9, power
    loss). The newest such run is resumed when it covered the same portals and look-back: its facts are dropped and
    the spider reads everything again, answered from the run's archive for what was already fetched and from the
    network for the rest (crawler/archive.py) — nothing lost, nothing stored twice, nothing fetched twice. Other
    interrupted runs are marked `failed` (superseded). With `replay_of`, a new run re-reads that run's archive
    without any network."""
    from crawler.archive import run_folder
    from storage.archive import archive_root, folder_files, run_files

    env_settings(portals)  # a bad setting is exit 2 before anything is written
    n = shards.workers() if replay_of is None else 1  # a replay is read from the archive in one process
    sync_portals(engine, portals)
    started = datetime.now()
    mode, sources, resumed = "record", [], None
    settings_note = {"robots": os.environ.get("PORTAL_AUDIT_IGNORE_ROBOTS") != "1"}
    with sessions(engine).begin() as s:
        if replay_of is not None:
            orig = s.get(CrawlRun, replay_of)
            if orig is None:
                raise ReplayError(f"--run {replay_of}: không có lượt thu thập này")
            if orig.status != "done":
                raise ReplayError(f"--run {replay_of}: lượt chưa hoàn tất (trạng thái {orig.status})")
            if not orig.archive_dir:
                raise ReplayError(f"--run {replay_of}: lượt không có kho lưu trữ WARC (chưa lưu hoặc đã xóa theo hạn lưu giữ)")
            root = Path(orig.archive_dir)
            sources = run_files(s, orig.id)
            missing = [f for f in sources if not (root / f).is_file()]
            if not sources or missing:
                raise ReplayError(f"--run {replay_of}: thiếu tệp WARC {root / (missing[0] if missing else f'run-{orig.id}')}")
            mode, started, lookback_from = "replay", orig.started_at, orig.lookback_from
            settings_note = dict((orig.summary or {}).get("settings") or settings_note)
            run = CrawlRun(started_at=started, status="running", lookback_from=lookback_from,
                           summary={"period": (orig.summary or {}).get("period"), "settings": settings_note},
                           archive_dir=str(root), replay_of=orig.id)
            s.add(run)
            s.flush()
        else:
            root = archive if archive is not None else archive_root(engine)
            ids = {p.id for p in portals}
            # A run killed (status still `running`) or crashed (marked `failed` by crashed() below) is continued.
            interrupted = [r for r in s.scalars(select(CrawlRun).where(CrawlRun.status.in_(("running", "failed")))
                                                .order_by(CrawlRun.id.desc()))
                           if r.status == "running" or ((r.summary or {}).get("crashed")
                                                        and not (r.summary or {}).get("superseded_by"))]
            for old in interrupted:
                covered = set(s.scalars(select(PortalCrawl.portal_id).where(PortalCrawl.run_id == old.id)))
                if resumed is None and old.replay_of is None and covered == ids and \
                        old.lookback_from == lookback_from and old.archive_dir:
                    resumed = old
                    continue
                old.status = "failed"
                old.summary = {**(old.summary or {}), "interrupted": True}
            if resumed is not None:
                run = resumed
                run.status = "running"
                run.summary = {k: v for k, v in (run.summary or {}).items() if k != "crashed"}
                root, started, mode = Path(run.archive_dir), run.started_at, "resume"
                sources = folder_files(root, run)
                s.execute(delete(Fact).where(Fact.run_id == run.id))
                s.execute(delete(PortalCrawl).where(PortalCrawl.run_id == run.id))
                run.summary = {**(run.summary or {}), "resumed": int((run.summary or {}).get("resumed", 0)) + 1}
                for old in interrupted:
                    if old is not run:
                        old.summary = {**old.summary, "superseded_by": run.id}
            else:
                run = new_run(s, started, lookback_from, settings_note, root, period)
                for old in interrupted:
                    old.summary = {**old.summary, "superseded_by": run.id}
        run_id = run.id
        for p in portals:
            s.add(PortalCrawl(run_id=run_id, portal_id=p.id, status="not_crawled", started_at=started))
        # Incremental nights (crawler/incremental.py): the previous finished run of each portal.
        # A replay makes the requests its run made: the same known entries, answered by the archive alone.
        previous = incremental.previous_runs(s, [p.id for p in portals],
                                             before=run.replay_of if mode == "replay" else run_id)
        copies = incremental.previous_copies(s, previous) if mode != "replay" else []
        known = incremental.known_items(s, previous)
    rules = incremental.settings()
    if resumed is not None:
        print(f"Tiếp tục lượt thu thập {run_id} bị gián đoạn (bắt đầu {started:%d/%m/%Y %H:%M}): "
              f"{len(sources)} tệp WARC đã lưu được dùng lại.", flush=True)
    session_started = time.monotonic()
    job = {"db": engine.url.render_as_string(hide_password=False), "run_id": run_id, "mode": mode, "root": root,
           "sources": sources, "folder": run_folder(run_id, started), "settings_note": settings_note,
           "overrides": overrides, "copies": copies, "lookback_from": lookback_from, "started": started,
           "known": known, "static_fresh_days": rules["static_fresh_days"] if copies else None,
           "open_question_days": rules["open_question_days"]}
    parts = shards.split(portals, n, _weights(engine, previous)) if n > 1 else [portals]
    try:
        if len(parts) > 1:
            if mode == "resume":  # a killed run's torn WARC tails are cut here once, not by every shard at once
                from crawler.archive import scan
                for rel in sources:
                    scan(root, rel, repair=True)
            stats = shards.run(job, parts, progress)
        else:
            stats = crawl_here(job, portals, progress, engine=engine)
        with sessions(engine).begin() as s:
            flags = incremental.flag_pages(s, run_id, previous, rules["backdated_after_days"]) if previous else 0
        close_run(engine, run_id, time.monotonic() - session_started, {
            "requests": {k: stats.get(k, 0) for k in ("network", "not_modified", "reused")},
            "incremental": {"previous_runs": sorted(set(previous.values())), "flags": flags}})
    except Exception as exc:
        crashed(engine, run_id, exc)
        raise
    return run_id


def crashed(engine, run_id: int, exc: BaseException) -> None:
    """A crawl that raised is `failed`, never left `running` as if it still were; it keeps what it stored and the
    next `run` of the same portals continues it like a killed one. Best effort: the database may be what failed."""
    try:
        with sessions(engine).begin() as s:
            run = s.get(CrawlRun, run_id)
            if run is not None and run.status == "running":
                run.status, run.finished_at = "failed", datetime.now()
                run.summary = {**(run.summary or {}), "crashed": f"{exc.__class__.__name__}: {exc}"[:500]}
    except Exception:  # the original error is what the user must see
        pass


def crawl_here(job: dict, portals, progress: bool, engine=None, shard: bool = False) -> dict[str, int]:
    """Scrapy in this process over `portals` for the run `job` describes (crawler/shards.py sends the same `job`
    to each shard process); returns the run's request counts."""
    if engine is None:
        from storage.db import open_db
        engine = open_db(job["db"], migrate=False)
    settings = scrapy_settings(engine, job["run_id"], portals, progress, job["mode"], job["root"], job["sources"],
                               job["folder"], job["settings_note"], job["overrides"], job["copies"])
    if shard:  # the parent shows progress and indexes the archive for all shards
        settings.set("EXTENSIONS", {"crawler.progress.Progress": None})
        settings.set("PORTAL_AUDIT_ARCHIVE_INDEX_OUT", job["index_out"])
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(PortalSpider)
    process.crawl(crawler, portals=portals, lookback_from=job["lookback_from"], now=job["started"],
                  known=job["known"], static_fresh_days=job["static_fresh_days"],
                  open_question_days=job["open_question_days"])
    process.start()
    stats = crawler.stats.get_stats()
    # network: requests sent (304 answers included); reused: answered from the previous run's copy.
    return {k: int(stats.get(f"incremental/{k}", 0)) for k in ("network", "not_modified", "reused")}


def _weights(engine, previous: dict[str, int]) -> dict[str, float]:
    """Pages each portal had in its previous run: how shards are balanced."""
    if not previous:
        return {}
    with sessions(engine)() as s:
        rows = s.execute(select(PortalCrawl.portal_id, PortalCrawl.run_id, PortalCrawl.pages)
                         .where(PortalCrawl.portal_id.in_(list(previous)))).all()
    return {pid: float(pages or 0) for pid, rid, pages in rows if previous.get(pid) == rid}


def scrapy_settings(engine, run_id: int, portals, progress: bool, mode: str, root: Path, sources: list,
                    folder: str, settings_note: dict, overrides: dict | None, copies=()) -> Settings:
    """`copies`: the previous runs' archived responses an incremental night may answer from (crawler/incremental.py)."""
    from_env = env_settings(portals)
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("PORTAL_AUDIT_DB", engine.url.render_as_string(hide_password=False))
    settings.set("PORTAL_AUDIT_RUN_ID", run_id)
    settings.set("PORTAL_AUDIT_PORTALS", len(portals))
    settings.set("PORTAL_AUDIT_PROGRESS", progress)
    settings.set("PORTAL_AUDIT_ARCHIVE_MODE", mode)
    settings.set("PORTAL_AUDIT_ARCHIVE_DIR", str(root))
    settings.set("PORTAL_AUDIT_ARCHIVE_SOURCES", sources)
    settings.set("PORTAL_AUDIT_ARCHIVE_FOLDER", folder)
    settings.set("DOWNLOADER_MIDDLEWARES", {"crawler.guard.SafetyMiddleware": 50, "crawler.archive.ArchiveMiddleware": 950,
                                            "crawler.incremental.IncrementalMiddleware": 960})
    settings.set("PORTAL_AUDIT_PREVIOUS", list(copies))
    if not settings_note.get("robots", True):  # auditors with written permission only (README)
        settings.set("ROBOTSTXT_OBEY", False)
    if mode == "replay":  # no server to be polite to; requests wait their turn in the archive (crawler/archive.py)
        settings.set("AUTOTHROTTLE_ENABLED", False)
        settings.set("CONCURRENT_REQUESTS", 1024)
    for key, value in {**from_env, **(overrides or {})}.items():
        settings.set(key, value)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False)
    # crawler/tls.py sets the security level per host through this setting; Scrapy 2.19 deprecates it without a
    # per-host replacement.
    warnings.filterwarnings("ignore", message="The 'DOWNLOADER_CLIENTCONTEXTFACTORY' setting is deprecated")
    return settings


def close_run(engine, run_id: int, seconds: float, extra: dict | None = None) -> None:
    """Mark the run done with its summary, once every portal of it was crawled."""
    from storage.archive import link_pages, run_files
    from storage.models import ArchiveRecord
    finished = datetime.now()
    with sessions(engine).begin() as s:
        run = s.get(CrawlRun, run_id)
        rows = s.scalars(select(PortalCrawl).where(PortalCrawl.run_id == run_id)).all()
        linked = link_pages(s, run_id)
        records = s.scalar(select(func.count()).select_from(ArchiveRecord).where(ArchiveRecord.run_id == run_id))
        files = run_files(s, run_id)
        # Workers on other machines keep their WARC files on their own disk: only the files seen here are measured.
        size = sum((Path(run.archive_dir) / f).stat().st_size for f in files if (Path(run.archive_dir) / f).exists())
        run.finished_at, run.status = finished, "done"
        run.summary = {
            **{k: v for k, v in (run.summary or {}).items() if k in ("period", "settings", "resumed")},
            "portals": len(rows),
            "ok": sum(r.status == "ok" for r in rows),
            "failed": {r.portal_id: r.status for r in rows if r.status != "ok"},
            "pages": sum(r.pages for r in rows),
            "errors": sum(r.errors for r in rows),
            "seconds": round(seconds, 1),
            "archive": {"records": records, "files": len(files), "bytes": size, "pages_linked": linked},
            **(extra or {}),
        }
        if run.replay_of is not None:
            run.summary["replay_of"] = run.replay_of


def summary_line(run_id: int, summary: dict) -> str:
    """The run summary printed at the end of `run`, `nightly` and `replay` (also stored in crawl_run.summary)."""
    failed = summary.get("portals", 0) - summary.get("ok", 0)
    archive = summary.get("archive") or {}
    extra = ""
    if summary.get("replay_of"):
        extra = f", phát lại từ lượt {summary['replay_of']}"
    elif summary.get("resumed"):
        extra = ", đã tiếp tục sau gián đoạn"
    return (f"Lượt thu thập {run_id}: {summary.get('portals', 0)} cổng ({summary.get('ok', 0)} truy cập được, "
            f"{failed} không), {summary.get('pages', 0)} trang, {summary.get('errors', 0)} lỗi, "
            f"{summary.get('seconds', 0):.0f} giây; kho lưu trữ: {archive.get('records', 0)} bản ghi, "
            f"{archive.get('bytes', 0) / 1e6:.1f} MB{extra}")
