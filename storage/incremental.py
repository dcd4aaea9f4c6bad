"""What an incremental night needs from the previous runs, and the page flags it leaves for the auditor.

- previous copies: per portal, the archive of the last finished run that crawled it (crawler/incremental.py answers
  from it);
- known listing entries: the item facts (url, title, publish date) and question facts (url, title, asked, answered)
  of that run (the spider pages listings only as far as they changed);
- flags, after the crawl: `possibly_backdated` (first seen on a later crawl, publish date much older than that day)
  and `removed` (listed by the previous run, absent from the same listing tonight), stored as `flag` facts of the
  run: {flag, url, title, section, published_at, first_seen}.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import yaml
from sqlalchemy import select

from storage.models import CrawlRun, Fact, Page, PortalCrawl

RULES = Path(__file__).resolve().parent.parent / "rules" / "incremental.yaml"


def settings() -> dict:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))


def previous_runs(session, portal_ids, before: int | None = None) -> dict[str, int]:
    """portal -> the newest finished run that crawled it (older than run `before`, when given)."""
    q = (select(PortalCrawl.portal_id, PortalCrawl.run_id).join(CrawlRun, CrawlRun.id == PortalCrawl.run_id)
         .where(CrawlRun.status == "done", PortalCrawl.portal_id.in_(list(portal_ids))))
    if before is not None:
        q = q.where(CrawlRun.id < before)
    out: dict[str, int] = {}
    for pid, rid in session.execute(q):
        out[pid] = max(out.get(pid, 0), rid)
    return out


def previous_copies(session, runs: dict[str, int]) -> list[dict]:
    """Archive sources for crawler.incremental: [{root, files, portals}] per previous run whose files still exist."""
    from storage.archive import run_files
    by_run: dict[int, list[str]] = {}
    for pid, rid in runs.items():
        by_run.setdefault(rid, []).append(pid)
    out = []
    for rid, pids in sorted(by_run.items()):
        run = session.get(CrawlRun, rid)
        if not run.archive_dir:
            continue
        root = Path(run.archive_dir)
        files = [f for f in run_files(session, rid) if (root / f).is_file()]
        if files:
            out.append({"root": str(root), "files": files, "portals": sorted(pids)})
    return out


def known_items(session, runs: dict[str, int]) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    for pid, rid in runs.items():
        entries = out.setdefault(pid, set())
        for kind, data in session.execute(select(Fact.kind, Fact.data).where(
                Fact.run_id == rid, Fact.portal_id == pid, Fact.kind.in_(("item", "question")))):
            entries.add((data["url"], data.get("title"), data.get("published_at")) if kind == "item" else
                        (data["url"], data.get("title"), data.get("asked_on"), data.get("answered_on")))
    return out


def flag_pages(session, run_id: int, runs: dict[str, int], backdated_after_days: float) -> int:
    """Store the run's `flag` facts for every portal with a previous run; returns how many."""
    run = session.get(CrawlRun, run_id)
    limit = timedelta(days=backdated_after_days)
    n = 0
    for pid, prev in sorted(runs.items()):
        pc = session.scalar(select(PortalCrawl).where(PortalCrawl.run_id == run_id, PortalCrawl.portal_id == pid))
        if pc is None or pc.status != "ok":
            continue
        now_items = _items(session, run_id, pid)
        before = _items(session, prev, pid)
        read = {section for section, _ in now_items}
        new_urls = {url for _, url in now_items} - {url for _, url in before}
        first_seen = {url: seen for url, seen in session.execute(select(Page.url, Page.first_seen).where(
            Page.portal_id == pid, Page.url.in_(sorted(new_urls))))} if new_urls else {}
        lookback = datetime.combine(run.lookback_from, datetime.min.time())
        for (section, url), data in sorted(now_items.items()):
            seen = first_seen.get(url)
            when = datetime.fromisoformat(data["published_at"]) if data.get("published_at") else None
            # Only dates inside the look-back: an older item may surface on the last listing page read when newer
            # ones push it up, without being new to the portal.
            if seen is not None and seen >= run.started_at and when is not None and when >= lookback \
                    and seen - when > limit:
                n += _flag(session, run_id, pid, "possibly_backdated", data, seen)
        for (section, url), data in sorted(before.items()):
            when = datetime.fromisoformat(data["published_at"]) if data.get("published_at") else None
            # Only where tonight read the same listing as far back: an item older than tonight's look-back was
            # not looked for, so its absence says nothing.
            if (section, url) not in now_items and section in read and (when is None or when >= lookback):
                n += _flag(session, run_id, pid, "removed", data, None)
    return n


def _items(session, run_id: int, pid: str) -> dict[tuple[str, str], dict]:
    out = {}
    for data in session.scalars(select(Fact.data).where(Fact.run_id == run_id, Fact.portal_id == pid,
                                                        Fact.kind == "item").order_by(Fact.id)):
        out.setdefault((data["section"], data["url"]), data)
    return out


def _flag(session, run_id, pid, flag, data, first_seen) -> int:
    session.add(Fact(run_id=run_id, portal_id=pid, kind="flag", page_url=data["url"], data={
        "flag": flag, "url": data["url"], "title": data.get("title"), "section": data["section"],
        "published_at": data.get("published_at"), "first_seen": first_seen.isoformat() if first_seen else None}))
    return 1
