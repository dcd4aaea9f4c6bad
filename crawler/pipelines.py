"""Storing what the spider gathered: portal statuses, pages (first/last seen across runs) and facts of this run.

Writes are batched per flush and committed in small transactions, so a crash loses at most the last batch and the
run stays marked `running` (never used for scoring) until the runner marks it done.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, insert, select, update

from crawler.batching import unbatch
from crawler.limits import cap_titles
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
        portal_seen = False
        for it in unbatch(item):
            c = self.counts.setdefault(it["portal"], {"pages": 0, "errors": 0})
            if it["type"] == "page":
                c["pages"] += 1
                if it["fetch_status"] != "ok":
                    c["errors"] += 1
            elif it["type"] == "fact" and it["kind"] == "error":
                c["errors"] += 1
            portal_seen = portal_seen or it["type"] == "portal"
            self.buffer.append(cap_titles(it))
        if len(self.buffer) >= BATCH or portal_seen:
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
            # Facts are write-only here: one executemany instead of the ORM's per-object bookkeeping (most of a
            # night's rows are facts).
            facts = [{"run_id": self.run_id, "portal_id": it["portal"], "kind": it["kind"],
                      "page_url": it["page_url"], "data": it["data"]} for it in items if it["type"] == "fact"]
            if facts:
                s.execute(insert(Fact), facts)
            for it in items:
                if it["type"] == "portal":
                    self._portal(s, it, now)
            self._write_pages(s, _page_updates(items), now)

    def _write_pages(self, s, updates: dict[tuple[str, str], dict], now: datetime):
        """Pages of a batch in a few executemany statements (Core, not ORM objects: a night touches about 30,000
        pages and the ORM's per-object bookkeeping was a fifth of the crawl's CPU time)."""
        ids = self._known_page_ids(s, updates)
        new, changed = [], {}
        for key, u in updates.items():
            values = {**u["values"], "last_seen": now, "last_run_id": self.run_id}
            if u["fetched"]:
                values["fetched_at"] = now
            if key in ids:
                if not u["fetched"]:
                    values.pop("kind", None)  # a stored page keeps the kind its fetch gave it
                changed.setdefault(tuple(sorted(values)), []).append({"_id": ids[key], **values})
            else:
                new.append({**dict.fromkeys(PAGE_FIELDS), "portal_id": key[0], "url": key[1], "first_seen": now,
                            "fetched_at": None, **values, "kind": values.get("kind") or "item"})
        if new:
            s.execute(insert(Page), new)
        table = Page.__table__
        for rows in changed.values():  # executemany needs one column set per statement; the SET follows the keys
            s.connection().execute(update(table).where(table.c.id == bindparam("_id")), rows)

    @staticmethod
    def _known_page_ids(s, updates) -> dict[tuple[str, str], int]:
        """The stored pages a batch touches, one query per portal instead of one per item."""
        wanted: dict[str, list[str]] = {}
        for portal, url in updates:
            wanted.setdefault(portal, []).append(url)
        known = {}
        for portal, urls in wanted.items():
            for page_id, url in s.execute(select(Page.id, Page.url).where(Page.portal_id == portal,
                                                                          Page.url.in_(urls))):
                known[(portal, url)] = page_id
        return known

    def _portal(self, s, it, now):
        pc = s.scalar(select(PortalCrawl).where(PortalCrawl.run_id == self.run_id,
                                                PortalCrawl.portal_id == it["portal"]))
        if pc is None:
            pc = PortalCrawl(run_id=self.run_id, portal_id=it["portal"], started_at=now)
            s.add(pc)
        if pc.status == "budget_exhausted":
            return  # final for this run: the home page's own "ok" can arrive after the budget stopped the portal
        pc.status, pc.detail = it["status"], it["detail"]
        pc.complete = it["status"] != "budget_exhausted"


PAGE_FIELDS = ("kind", "section", "section_evidence", "http_status", "fetch_status", "content_hash", "title",
               "published_at", "date_method")


def _page_updates(items) -> dict[tuple[str, str], dict]:
    """What a batch says about each page, merged in arrival order: a later value wins, None never overwrites, and
    only a fetch decides a stored page's kind (a listed item never turns a fetched page back into an "item")."""
    out: dict[tuple[str, str], dict] = {}
    for it in items:
        if it["type"] == "page":
            key, fetched, fields = (it["portal"], it["url"]), True, {k: it[k] for k in PAGE_FIELDS}
        elif it["type"] == "fact" and it["kind"] == "item":
            d = it["data"]
            key, fetched = (it["portal"], d["url"]), False
            fields = {"kind": "item", "section": d["section"], "title": d["title"], "published_at": d["published_at"],
                      "date_method": d["date_method"]}
        else:
            continue
        u = out.setdefault(key, {"fetched": False, "values": {}})
        if isinstance(fields.get("published_at"), str):
            fields["published_at"] = datetime.fromisoformat(fields["published_at"])
        for k, v in fields.items():
            if v is None or (k == "kind" and not fetched and (u["fetched"] or "kind" in u["values"])):
                continue
            u["values"][k] = v
        u["fetched"] = u["fetched"] or fetched
    return out
