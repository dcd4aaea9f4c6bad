"""Publish-date reading for Vietnamese government pages, as ordered strategies (htmldate's design).

Order (first answer wins; each records how it found the date):
  0. listing JSON `createdDate` / `dateDisplay` — read where listings are read (extract.listing_items, text.py)
  1. platform_selectors — the date elements of the platform and known CMSs (rules/dates.yaml `selectors`)
  2. structured        — <meta> published keys, JSON-LD datePublished, microdata, <time datetime>
  3. labelled          — "Ngày đăng …", "Cập nhật …", "Thứ Hai, …" in the short blocks around the title
  4. words             — "ngày D tháng M năm Y" around the title
  5. numeric           — day-first numerics around the title
  6. field             — a record page's published-date field ("Published time | 18/04/2013" in a table)
  7. fallback          — URL date path, then dateparser (Vietnamese, day-first) on labelled lines
Everywhere: never month-first; published over updated; nothing from sidebars, related lists, footers or the
article body (document metadata, quoted decisions); nothing after the crawl time; never a bare year.
"""
from __future__ import annotations

from datetime import datetime

from crawler.dates import strategies
from crawler.dates.text import FoundDate, parse_listing_date, parse_text

__all__ = ["FoundDate", "STRATEGIES", "from_page", "parse_listing_date", "parse_text"]

STRATEGIES = (strategies.platform_selectors, strategies.structured, strategies.labelled, strategies.words,
              strategies.numeric, strategies.field, strategies.fallback)


def from_page(doc, now: datetime | None = None, url: str | None = None, title=None) -> FoundDate | None:
    """The page's own publish date, or None (a listing or a static page has none). `title`: the page's title
    element as crawler/titles.py located it; the dates near it are read (default: the selectors' title)."""
    if title is not None:
        from crawler.dates import regions

        regions.page(doc).use_title(title)
    for strategy in STRATEGIES:
        found = strategy(doc, url or doc.base_url or "", now)
        if found is not None:
            return found
    return None
