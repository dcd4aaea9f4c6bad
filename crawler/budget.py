"""Per-portal crawl budget: at most PORTAL_AUDIT_PORTAL_PAGES requests and PORTAL_AUDIT_PORTAL_SECONDS seconds per
portal (rules/incremental.yaml, environment overrides in crawler/runner.py). A spider middleware, so every request a
callback yields passes one gate: once a portal is over budget nothing more is scheduled for it and it gets the named
status `budget_exhausted` (its criteria are not_evaluable: a half-read portal is never scored as missing content).

The same gate stops traps of ever-changing query strings: links whose query carries a new session or time token on
every page (`?sid=…`, `?t=…`) are new URLs forever, and one listing would spend the portal's whole budget. A path
requested with more than `query_variants` (rules/incremental.yaml) values of one parameter *under one link label*
is not requested again with a new value; the trap is recorded once per path as a `trap` fact with the status
`query_trap` (shown with the crawl's errors), and the rest of the portal is read and scored as usual. The label is
what tells a trap from a script that serves everything: `index.php?option=com_content&id=<article>` (Joomla) or
`index.php?nv=news&op=<slug>` (NukeViet) give one path many values too, but each under its own title, while a trap
is the same menu or pager link carrying a new token on every page."""
from __future__ import annotations

import re
import time
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from scrapy import Request

QUERY_TRAP = "query_trap"
# How listings and calendars name their pages: a page number, a day. Their count is bounded by the spider's own
# limits per listing and schedule, and a long history legitimately has more of them than any token threshold.
_ORDINAL = re.compile(r"\d{1,6}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")


class BudgetMiddleware:
    def __init__(self, pages: int, seconds: float, query_variants: int):
        self.pages, self.seconds, self.query_variants = pages, seconds, query_variants
        self.sent: dict[str, int] = {}
        self.started: dict[str, float] = {}
        self.exhausted: set[str] = set()
        # (portal, path, parameter, link label) -> values requested
        self.variants: dict[tuple[str, str, str, str | None], set[str]] = {}
        self.trapped: set[tuple[str, str]] = set()  # (portal, path) already recorded as a trap

    @classmethod
    def from_crawler(cls, crawler):
        from storage.incremental import settings as rules
        s = crawler.settings
        return cls(s.getint("PORTAL_AUDIT_PORTAL_PAGES", 5000), s.getfloat("PORTAL_AUDIT_PORTAL_SECONDS", 1200),
                   int(rules()["query_variants"]))

    def process_spider_output(self, response, result, spider=None):
        for out in result:
            if isinstance(out, Request) and out.meta.get("portal"):
                portal = out.meta["portal"]
                trap = self._trap(portal, out.url, out.meta.get("label") or out.meta.get("listed_title"))
                if trap:
                    path, name = trap
                    if (portal, path) not in self.trapped:
                        self.trapped.add((portal, path))
                        yield {"type": "fact", "portal": portal, "kind": "trap", "page_url": path,
                               "data": {"url": path, "status": QUERY_TRAP, "parameter": name,
                                        "variants": self.query_variants, "example": out.url}}
                    continue
                note = self._over(portal)
                if note:
                    if portal not in self.exhausted:
                        self.exhausted.add(portal)
                        yield {"type": "portal", "portal": portal, "status": "budget_exhausted",
                               "detail": f"{out.url}: {note}"}
                    continue
            yield out

    async def process_spider_output_async(self, response, result, spider=None):
        async for out in result:
            for kept in self.process_spider_output(response, [out], spider):
                yield kept

    def _trap(self, portal: str, url: str, label: str | None) -> tuple[str, str] | None:
        """(path, parameter) when `url` would give its path one value too many of a parameter under the link label
        that led to it; None otherwise."""
        parts = urlsplit(url)
        if not parts.query:
            return None
        path = urlunsplit(parts._replace(query="", fragment=""))
        fresh = []
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            if _ORDINAL.fullmatch(value):
                continue
            seen = self.variants.setdefault((portal, path, name, label), set())
            if value in seen:
                continue
            if len(seen) >= self.query_variants:
                return path, name
            fresh.append((seen, value))
        for seen, value in fresh:  # only a request that is sent adds its values
            seen.add(value)
        return None

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
