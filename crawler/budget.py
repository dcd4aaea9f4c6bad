"""Per-portal crawl budget: at most PORTAL_AUDIT_PORTAL_PAGES requests and PORTAL_AUDIT_PORTAL_SECONDS seconds per
portal (rules/incremental.yaml, environment overrides in crawler/runner.py). A spider middleware, so every request a
callback yields passes one gate: once a portal is over budget nothing more is scheduled for it and it gets the named
status `budget_exhausted` (its criteria are not_evaluable: a half-read portal is never scored as missing content)."""
from __future__ import annotations

import time

from scrapy import Request


class BudgetMiddleware:
    def __init__(self, pages: int, seconds: float):
        self.pages, self.seconds = pages, seconds
        self.sent: dict[str, int] = {}
        self.started: dict[str, float] = {}
        self.exhausted: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(s.getint("PORTAL_AUDIT_PORTAL_PAGES", 5000), s.getfloat("PORTAL_AUDIT_PORTAL_SECONDS", 1200))

    def process_spider_output(self, response, result, spider=None):
        for out in result:
            if isinstance(out, Request) and out.meta.get("portal"):
                note = self._over(out.meta["portal"])
                if note:
                    if out.meta["portal"] not in self.exhausted:
                        self.exhausted.add(out.meta["portal"])
                        yield {"type": "portal", "portal": out.meta["portal"], "status": "budget_exhausted",
                               "detail": f"{out.url}: {note}"}
                    continue
            yield out

    async def process_spider_output_async(self, response, result, spider=None):
        async for out in result:
            for kept in self.process_spider_output(response, [out], spider):
                yield kept

    def _over(self, portal: str) -> str | None:
        if portal in self.exhausted:
            return "over budget"
        started = self.started.setdefault(portal, time.monotonic())
        if time.monotonic() - started > self.seconds:
            return f"đã dùng hết thời gian cho phép {self.seconds:g} giây"
        n = self.sent[portal] = self.sent.get(portal, 0) + 1
        if n > self.pages:
            return f"đã dùng hết giới hạn {self.pages} yêu cầu"
        return None
