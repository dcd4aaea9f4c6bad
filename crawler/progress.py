"""Live progress on a terminal (portals done/total, pages, errors, rate); silent under cron."""
from __future__ import annotations

import sys
import time

from scrapy import signals
from twisted.internet import task

from crawler.batching import unbatch


class Progress:
    def __init__(self, crawler):
        self.crawler = crawler
        self.tty = sys.stderr.isatty() or bool(crawler.settings.getbool("PORTAL_AUDIT_PROGRESS"))
        self.portals_total = crawler.settings.getint("PORTAL_AUDIT_PORTALS")
        self.portals_seen: set[str] = set()
        self.failed: set[str] = set()
        self.started = time.monotonic()
        self.loop = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signals.spider_opened)
        crawler.signals.connect(ext.closed, signals.spider_closed)
        crawler.signals.connect(ext.item, signals.item_scraped)
        return ext

    def item(self, item, response=None, spider=None):
        for it in unbatch(item):
            if it.get("type") == "portal":
                self.portals_seen.add(it["portal"])
                if it["status"] != "ok":
                    self.failed.add(it["portal"])

    def opened(self, spider=None):
        if self.tty:
            self.loop = task.LoopingCall(self.show)
            self.loop.start(2.0, now=False)

    def closed(self, spider=None, reason=None):
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.tty:
            self.show(final=True)

    def show(self, final: bool = False):
        stats = self.crawler.stats
        pages = stats.get_value("response_received_count", 0)
        errors = stats.get_value("log_count/ERROR", 0) + len(self.failed)
        show_line(len(self.portals_seen), self.portals_total, pages, errors, self.started, final)


def show_line(done: int, total: int, pages: int, errors: int, started: float, final: bool = False) -> None:
    """The live line, redrawn in place; also drawn by crawler/shards.py for all its shard processes."""
    rate = pages / max(time.monotonic() - started, 0.001)
    sys.stderr.write(f"\r  thu thập: {done}/{total} cổng, {pages} trang, {errors} lỗi, {rate:.0f} trang/s"
                     + ("\n" if final else ""))
    sys.stderr.flush()
