"""Running one crawl: a crawl_run row, Scrapy in this process, and the run marked done only when Scrapy finished.

Scrapy's reactor cannot be restarted within a process, so a process runs at most one crawl (the CLI does exactly that).
"""
from __future__ import annotations

import os
from datetime import date, datetime

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from sqlalchemy import select

from crawler import settings as default_settings
from crawler.spiders.portal import PortalSpider
from storage.models import CrawlRun, PortalCrawl, PortalRow
from storage.db import sessions


def sync_portals(engine, portals) -> None:
    now = datetime.now()
    with sessions(engine).begin() as s:
        for p in portals:
            row = s.get(PortalRow, p.id) or PortalRow(id=p.id)
            row.name, row.kind, row.url, row.rubric = p.name, p.kind, p.url, p.rubric
            row.host_confidence, row.notes, row.updated_at = p.host_confidence, p.notes, now
            s.add(row)


def crawl(engine, portals, lookback_from: date, progress: bool = False, overrides: dict | None = None) -> int:
    """Crawl `portals`, store facts under a new run, and return the run id."""
    sync_portals(engine, portals)
    started = datetime.now()
    with sessions(engine).begin() as s:
        run = CrawlRun(started_at=started, status="running", lookback_from=lookback_from, summary={})
        s.add(run)
        s.flush()
        run_id = run.id
        for p in portals:
            s.add(PortalCrawl(run_id=run_id, portal_id=p.id, status="not_crawled", started_at=started))
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("PORTAL_AUDIT_DB", engine.url.render_as_string(hide_password=False))
    settings.set("PORTAL_AUDIT_RUN_ID", run_id)
    settings.set("PORTAL_AUDIT_PORTALS", len(portals))
    settings.set("PORTAL_AUDIT_PROGRESS", progress)
    if os.environ.get("PORTAL_AUDIT_IGNORE_ROBOTS") == "1":  # auditors with written permission only (README)
        settings.set("ROBOTSTXT_OBEY", False)
    for key, value in (overrides or {}).items():
        settings.set(key, value)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False)
    process = CrawlerProcess(settings)
    process.crawl(PortalSpider, portals=portals, lookback_from=lookback_from, now=started)
    process.start()
    finished = datetime.now()
    with sessions(engine).begin() as s:
        run = s.get(CrawlRun, run_id)
        rows = s.scalars(select(PortalCrawl).where(PortalCrawl.run_id == run_id)).all()
        run.finished_at, run.status = finished, "done"
        run.summary = {
            "portals": len(rows),
            "ok": sum(r.status == "ok" for r in rows),
            "failed": {r.portal_id: r.status for r in rows if r.status != "ok"},
            "pages": sum(r.pages for r in rows),
            "errors": sum(r.errors for r in rows),
            "seconds": round((finished - started).total_seconds(), 1),
        }
    return run_id
