"""Rebuilding a portal's `audit.facts.PortalFacts` from the facts one crawl run stored.

The fact kinds and their `data` shapes are written by crawler/spiders/portal.py:
section {key,url,label,status,confidence?}; item {section,url,title,published_at,date_method,flags?}; element {key,url,label};
contact {address?,phone?,fax?,email?}; directory {url,entries[]}; documents {url,section,rows[{title,url,fields,has_file,issued_on?,posted_on?,co_quan?,so_ky_hieu?}],has_search};
question {id,title,url,asked_on,answered_on,answer_excerpt?}; schedule {url,dates[]}; search {present,works,url,probe?};
article {url,has_print}; link {url,label}; error {status}; unread {section,url,what,summary}.
"""
from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select

from audit.facts import (ArticleSample, ContactFact, DirectoryEntry, DirectoryFact, DocumentRow, DocumentsFact,
                         ElementFact, Item, Link, PortalFacts, Question, ScheduleFact, SearchFact, SectionFact,
                         UnreadFact)
from storage.models import CrawlRun, Fact, PortalCrawl


def latest_run_for(session, portal_id: str) -> int | None:
    """The newest finished run that crawled this portal (an unfinished run is never scored)."""
    return session.scalar(
        select(PortalCrawl.run_id).join(CrawlRun, CrawlRun.id == PortalCrawl.run_id)
        .where(PortalCrawl.portal_id == portal_id, CrawlRun.status == "done")
        .order_by(CrawlRun.id.desc()).limit(1))


def crawl_statuses(session, run_ids: set[int]) -> dict[str, str]:
    """The crawl status of every portal crawled in these runs (a portal in two of them: the newer run's)."""
    rows = session.execute(select(PortalCrawl.portal_id, PortalCrawl.status, PortalCrawl.run_id)
                           .where(PortalCrawl.run_id.in_(sorted(run_ids))).order_by(PortalCrawl.run_id)).all()
    return {pid: status for pid, status, _ in rows if status != "not_crawled"}


def load_portal_facts(session, portal, run_id: int) -> PortalFacts:
    pc = session.scalar(select(PortalCrawl).where(PortalCrawl.run_id == run_id, PortalCrawl.portal_id == portal.id))
    run = session.get(CrawlRun, run_id)
    # Page by page, not in arrival order: responses arrive in whatever order servers (and crawl processes) answer,
    # and the evidence must be the same every night for the same pages. Within a page, in the order it was read.
    rows = session.scalars(select(Fact).where(Fact.run_id == run_id, Fact.portal_id == portal.id)
                           .order_by(Fact.page_url, Fact.id)).all()
    by: dict[str, list[dict]] = {}
    item_rows = []
    for r in rows:
        by.setdefault(r.kind, []).append(r.data)
        if r.kind == "item":
            item_rows.append((r.page_url, r.data))
    return PortalFacts(
        portal_id=portal.id, kind=portal.kind, rubric=portal.rubric, base_url=portal.url,
        crawl_status=pc.status if pc else "not_crawled",
        crawled_at=run.started_at if run else None,
        complete=pc.complete if pc else False,
        sections=_sections(by.get("section", [])),
        items=_items(item_rows),
        elements=tuple(dict.fromkeys(ElementFact(d["key"], d["url"], d["label"]) for d in by.get("element", []))),
        contact=_contact(by.get("contact", []), [r.page_url for r in rows if r.kind == "contact"]),
        directory=_directory(by.get("directory", [])),
        documents=_documents(by.get("documents", []), _documents_first_seen(session, portal.id, run_id)),
        questions=_questions(by.get("question", [])),
        schedule=_schedule(by.get("schedule", [])),
        search=_search(by.get("search", [])),
        articles=tuple({d["url"]: ArticleSample(d["url"], bool(d["has_print"])) for d in by.get("article", [])}.values()),
        links=tuple(dict.fromkeys(Link(d["url"], d.get("label") or "", "") for d in by.get("link", []))),
        unread=_unread(by.get("unread", [])),
    )


def _sections(data):
    out: dict[str, SectionFact] = {}
    for d in data:
        fact = SectionFact(d["key"], d["url"], d.get("label") or "", d.get("status") or "ok",
                           float(d.get("confidence", 1.0)))
        # The first page that proved the section wins; a failed page is replaced by a later successful one.
        if d["key"] not in out or (out[d["key"]].status != "ok" and fact.status == "ok"):
            out[d["key"]] = fact
    return out


# An item shown under the same list (crawler/listing.py `block_of`) on this many pages of a portal or more is the
# portal's furniture (a "Tin nổi bật" box every page repeats), never a section's item. A section's own list shows
# an item on one page of its listing, two when new items push it to the next page while it is read.
FURNITURE_PAGES = 3


def _items(rows):
    """Items per (section, URL), furniture left out. `rows`: (page_url, data) in page order."""
    # An item's page is its own URL, so the rows of one URL come from every listing that showed it, in the order
    # those listings arrived: ordered by content instead, so which entry names the item (title, date, flags) is a
    # function of what the listings showed.
    rows = sorted(rows, key=lambda r: (r[0], json.dumps(r[1], sort_keys=True, ensure_ascii=False)))
    pages: dict[tuple[str, str], set[str]] = {}
    for _, d in rows:
        if d.get("block"):
            pages.setdefault((d["block"], d["url"]), set()).add(d.get("listed_on") or "")
    furniture = {key for key, urls in pages.items() if len(urls) >= FURNITURE_PAGES}
    data = [d for _, d in rows if not d.get("block") or (d["block"], d["url"]) not in furniture]
    # One article listed under two category paths (Liferay shows an asset under every category that holds it:
    # /tin-tuc/-/view_content/1-x and /cong-nghe-thong-tin/-/view_content/1-x) is one item of its section: the same
    # title and publish time in one section are the same publication.
    same: dict[tuple[str, str, str], str] = {}
    deduped = []
    for d in data:
        if d.get("title") and d.get("published_at"):
            key = (d["section"], " ".join(d["title"].lower().split()), d["published_at"])
            if same.setdefault(key, d["url"]) != d["url"]:
                continue
        deduped.append(d)
    data = deduped
    seen: dict[tuple[str, str], Item] = {}
    for d in data:
        key = (d["section"], d["url"])
        when = datetime.fromisoformat(d["published_at"]) if d.get("published_at") else None
        if key not in seen or (seen[key].published_at is None and when is not None):
            seen[key] = Item(d["section"], d["url"], d.get("title") or "", when, d.get("date_method"),
                             tuple(d.get("flags") or ()))
    return tuple(seen.values())


def _contact(data, urls):
    if not data:
        return None
    merged: dict[str, str] = {}
    for d in data:
        for k in ("address", "phone", "fax", "email"):
            if d.get(k) and k not in merged:
                merged[k] = d[k]
    return ContactFact(merged.get("address"), merged.get("phone"), merged.get("fax"), merged.get("email"),
                       tuple(dict.fromkeys(u for u in urls if u)))


def _directory(data):
    if not data:
        return None
    best = max(data, key=lambda d: len(d["entries"]))
    return DirectoryFact(best["url"], tuple(DirectoryEntry(**{k: e.get(k) for k in
                         ("name", "position", "unit", "phone", "fax", "email")}) for e in best["entries"]))


def _row_key(r: dict) -> tuple:
    return (r.get("url"), r.get("title"))


def _documents_first_seen(session, portal_id: str, run_id: int) -> dict[tuple, date]:
    """(url, title) of a document row → the day of the first run (up to `run_id`) whose document list showed it."""
    rows = session.execute(select(CrawlRun.started_at, Fact.data).join(CrawlRun, CrawlRun.id == Fact.run_id)
                           .where(Fact.portal_id == portal_id, Fact.kind == "documents", Fact.run_id <= run_id,
                                  CrawlRun.status == "done")).all()
    out: dict[tuple, date] = {}
    for started, d in rows:
        if d.get("section", "van-ban") != "van-ban":
            continue
        for r in d.get("rows") or ():
            key = _row_key(r)
            if key not in out or started.date() < out[key]:
                out[key] = started.date()
    return out


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _documents(data, first_seen: dict | None = None):
    first_seen = first_seen or {}
    data = [d for d in data if d.get("section", "van-ban") == "van-ban"]
    if not data:
        return None
    # Page order: shorter URL first, so the landing page leads and "?p=2" comes before "?p=10".
    data = sorted(data, key=lambda d: (len(d["url"]), d["url"]))
    rows, seen = [], set()
    for d in data:
        for r in d["rows"]:
            key = _row_key(r)
            if key in seen:
                continue
            seen.add(key)
            rows.append(DocumentRow(r.get("title") or "", r.get("url"), frozenset(r.get("fields") or ()),
                                    bool(r.get("has_file")), issued_on=_day(r.get("issued_on")),
                                    posted_on=_day(r.get("posted_on")), first_seen=first_seen.get(key),
                                    issuer=r.get("co_quan"), number=r.get("so_ky_hieu")))
    return DocumentsFact(data[0]["url"], tuple(rows), any(d.get("has_search") for d in data))


def _questions(data):
    out: dict[str, Question] = {}
    # A question on two pages of a listing (pushed down while it was read): the pages arrive in any order, so the
    # reading that wins is chosen by content, the answered one last.
    for d in sorted(data, key=lambda d: (d.get("answered_on") is not None, json.dumps(d, sort_keys=True))):
        key = d.get("id") or d["url"]
        out[key] = Question(d.get("title") or "", d["url"],
                            date.fromisoformat(d["asked_on"]) if d.get("asked_on") else None,
                            date.fromisoformat(d["answered_on"]) if d.get("answered_on") else None,
                            d.get("answer_excerpt") or "")
    return tuple(out.values())


def _schedule(data):
    if not data:
        return None
    dates = sorted({date.fromisoformat(x) for d in data for x in d["dates"]})
    return ScheduleFact(data[0]["url"], tuple(dates))


def _unread(data):
    # One per section page: a page read twice (a listing page reached again) says the same thing.
    out: dict[tuple[str, str], UnreadFact] = {}
    for d in data:
        out.setdefault((d["section"], d["url"]), UnreadFact(d["section"], d["url"], d["what"], d.get("summary") or ""))
    return tuple(out.values())


def _search(data):
    if not data:
        return None
    probed = [d for d in data if d.get("works") is not None]
    d = probed[-1] if probed else data[-1]
    return SearchFact(bool(d["present"]), d.get("works"), d.get("url"), d.get("probe"))
