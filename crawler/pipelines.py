"""Storing what the spider gathered: portal statuses, pages (first/last seen across runs) and facts of this run.

Writes are batched per flush and committed in small transactions, so a crash loses at most the last batch and the
run stays marked `running` (never used for scoring) until the runner marks it done.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select

from storage.db import open_db, sessions
from storage.models import Fact, Page, PortalCrawl

BATCH = 500


class StoragePipeline:
    def __init__(self, db_url: str, run_id: int):
        self.db_url, self.run_id = db_url, run_id
        self.buffer: list[dict] = []
        self.counts: dict[str, dict] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("PORTAL_AUDIT_DB"), crawler.settings.getint("PORTAL_AUDIT_RUN_ID"))

    def open_spider(self, spider=None):
        self.engine = open_db(self.db_url, migrate=False)
        self.Session = sessions(self.engine)

    def process_item(self, item, spider=None):
        c = self.counts.setdefault(item["portal"], {"pages": 0, "errors": 0})
        if item["type"] == "page":
            c["pages"] += 1
            if item["fetch_status"] != "ok":
                c["errors"] += 1
        elif item["type"] == "fact" and item["kind"] == "error":
            c["errors"] += 1
        self.buffer.append(item)
        if len(self.buffer) >= BATCH or item["type"] == "portal":
            self.flush()
        return item

    def close_spider(self, spider=None):
        self.flush()
        now = datetime.now()
        with self.Session.begin() as s:
            # Only the portals this process crawled: in a distributed crawl the other workers count theirs.
            for pc in s.scalars(select(PortalCrawl).where(PortalCrawl.run_id == self.run_id,
                                                          PortalCrawl.portal_id.in_(list(self.counts)))):
                c = self.counts.get(pc.portal_id, {})
                pc.pages, pc.errors, pc.finished_at = c.get("pages", 0), c.get("errors", 0), now
        self.engine.dispose()

    def flush(self):
        if not self.buffer:
            return
        items, self.buffer = self.buffer, []
        now = datetime.now()
        with self.Session.begin() as s:
            pages = self._known_pages(s, items)
            # Facts are write-only here: one executemany instead of the ORM's per-object bookkeeping (most of a
            # night's rows are facts).
            facts = [{"run_id": self.run_id, "portal_id": it["portal"], "kind": it["kind"],
                      "page_url": it["page_url"], "data": it["data"]} for it in items if it["type"] == "fact"]
            if facts:
                s.execute(insert(Fact), facts)
            for it in items:
                if it["type"] == "portal":
                    self._portal(s, it, now)
                elif it["type"] == "fact":
                    if it["kind"] == "item":
                        self._page(s, pages, it["portal"], it["data"]["url"], now, kind="item", section=it["data"]["section"],
                                   title=it["data"]["title"], published_at=it["data"]["published_at"],
                                   date_method=it["data"]["date_method"])
                elif it["type"] == "page":
                    self._page(s, pages, it["portal"], it["url"], now, fetched=True, **{
                        k: it[k] for k in ("kind", "section", "section_evidence", "http_status", "fetch_status",
                                           "content_hash", "title", "published_at", "date_method")})

    def _portal(self, s, it, now):
        pc = s.scalar(select(PortalCrawl).where(PortalCrawl.run_id == self.run_id,
                                                PortalCrawl.portal_id == it["portal"]))
        if pc is None:
            pc = PortalCrawl(run_id=self.run_id, portal_id=it["portal"], started_at=now)
            s.add(pc)
        pc.status, pc.detail = it["status"], it["detail"]
        pc.complete = it["status"] != "budget_exhausted"

    @staticmethod
    def _known_pages(s, items) -> dict[tuple[str, str], Page]:
        """The stored pages a batch touches, one query per portal instead of one per item."""
        wanted: dict[str, set[str]] = {}
        for it in items:
            if it["type"] == "page":
                wanted.setdefault(it["portal"], set()).add(it["url"])
            elif it["type"] == "fact" and it["kind"] == "item":
                wanted.setdefault(it["portal"], set()).add(it["data"]["url"])
        known = {}
        for portal, urls in wanted.items():
            for page in s.scalars(select(Page).where(Page.portal_id == portal, Page.url.in_(urls))):
                known[(portal, page.url)] = page
        return known

    def _page(self, s, pages, portal, url, now, fetched=False, **fields):
        page = pages.get((portal, url))
        if isinstance(fields.get("published_at"), str):
            fields["published_at"] = datetime.fromisoformat(fields["published_at"])
        if page is None:
            page = Page(portal_id=portal, url=url, first_seen=now, last_seen=now, kind=fields.get("kind") or "item")
            s.add(page)
            pages[(portal, url)] = page
        page.last_seen, page.last_run_id = now, self.run_id
        if fetched:
            page.fetched_at = now
        for k, v in fields.items():
            if v is not None and (k != "kind" or fetched or page.kind == "item"):
                setattr(page, k, v)
