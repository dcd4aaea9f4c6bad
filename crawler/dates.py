"""Publish-date reading for Vietnamese government pages, as ordered strategies (htmldate's design).

Each strategy returns the date and how it was found. Day-first always: the platform writes dd/MM/yyyy, and a
month-first reading of "05/09/2025" would move a September item into May. Times are kept when present but never
trusted for AM/PM: the platform's `dd/MM/yyyy hh:mm` has no AM/PM marker, and only the day matters for scoring.
Hand-written patterns come first because dateparser cannot read "Cập nhật lúc 08:30 ngày 15/9/2025" and guesses
missing parts; it is the last resort, restricted to Vietnamese and day-first (field-notes.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from lxml import html as lxml_html


@dataclass(frozen=True)
class FoundDate:
    value: datetime
    method: str


_TIME = r"(?:\s*(?:,|-|lúc)?\s*(?P<h>\d{1,2})[:hg](?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})(?!\d)" + _TIME)
_YMD = re.compile(r"(?<!\d)(?P<y>\d{4})[/\-](?P<m>\d{1,2})[/\-](?P<d>\d{1,2})(?!\d)" + _TIME)
_TIME_FIRST = re.compile(r"(?P<h>\d{1,2})[:h](?P<mi>\d{2})\s*(?:,|-)?\s*(?:ngày\s*)?"
                         r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})", re.I)
_WORDS = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.I)
_LABELS = re.compile(r"(ngày đăng|đăng ngày|ngày xuất bản|ngày ban hành|cập nhật|ngày cập nhật|thứ\s+(?:hai|ba|tư|năm|"
                     r"sáu|bảy)|chủ nhật)", re.I)
# Selectors of the platform and its sibling themes, in order of trust.
PAGE_SELECTORS = (
    ("span.date_time", "selector:span.date_time"),
    (".date-publish, .publish-date, .news-date, .date_detail, .time-post", "selector:date-class"),
    ("time[datetime]", "selector:time[datetime]"),
)
META_KEYS = ("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date")


def _build(m: re.Match, ymd_only: bool = False) -> datetime | None:
    try:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        h = int(m.group("h") or 0) if "h" in m.re.groupindex else 0
        mi = int(m.group("mi") or 0) if "mi" in m.re.groupindex else 0
        s = int(m.group("s") or 0) if "s" in m.re.groupindex and m.group("s") else 0
        if not 1990 <= y <= 2100:
            return None
        if h > 23 or mi > 59:
            h = mi = 0
        return datetime(y, mo, d, h, mi, s)
    except (ValueError, IndexError):
        return None


def parse_text(text: str, now: datetime | None = None) -> FoundDate | None:
    """A date inside a short text: time-first, words, day-first numerics, ISO-like year-first."""
    if not text:
        return None
    for pattern, method in ((_TIME_FIRST, "text:time-first"), (_WORDS, "text:ngay-thang-nam"),
                            (_DMY, "text:dd/mm/yyyy"), (_YMD, "text:yyyy/mm/dd")):
        for m in pattern.finditer(text):
            value = _build(m)
            if value and (now is None or value <= now):
                return FoundDate(value, method)
    return None


def parse_listing_date(value: str | None) -> datetime | None:
    """A listing JSON date (`createdDate`, `dateDisplay`): dd/MM/yyyy[ hh:mm[:ss]] or yyyy/MM/dd."""
    if not value:
        return None
    found = parse_text(str(value))
    return found.value if found else None


def from_page(doc: lxml_html.HtmlElement, now: datetime | None = None) -> FoundDate | None:
    """The page's own publish date, ignoring sidebars, related lists and footers."""
    for selector, method in PAGE_SELECTORS:
        for el in doc.cssselect(selector):
            if _in_chrome(el):
                continue
            text = el.get("datetime") or el.text_content()
            found = parse_text(text, now)
            if found:
                return FoundDate(found.value, method)
    for el in doc.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or ""
        if key in META_KEYS and el.get("content"):
            found = parse_text(el.get("content").replace("T", " "), now)
            if found:
                return FoundDate(found.value, f"meta:{key}")
    # Labelled text near the title: the first short block after the detail title carrying a date.
    title = _first(doc, "#contentDetailTitleId, h1.title, #titleDetail, article h1, .detail h1")
    if title is not None:
        for el in _following_blocks(title, limit=8):
            text = " ".join(el.text_content().split())
            if len(text) > 200:
                continue
            found = parse_text(text, now)
            if found:
                method = "label:" + _LABELS.search(text).group(1).lower() if _LABELS.search(text) else "near-title"
                return FoundDate(found.value, method)
    return fallback(doc, now)


def fallback(doc: lxml_html.HtmlElement, now: datetime | None) -> FoundDate | None:
    """dateparser on the labelled lines of the main content only, Vietnamese, day-first."""
    main = _first(doc, "#contentDetail, article, main, #content, .content")
    if main is None:
        return None
    for line in main.text_content().splitlines()[:5]:
        line = line.strip()
        if 6 <= len(line) <= 80 and _LABELS.search(line):
            value = _dateparser().get_date_data(line).date_obj
            if value and (now is None or value <= now):
                return FoundDate(value.replace(tzinfo=None), "dateparser")
    return None


@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["vi"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                                       "REQUIRE_PARTS": ["day", "month", "year"]})


_CHROME = re.compile(r"(sidebar|related|lien-quan|tin-moi|other|footer|menu|banner|header|widget-list)", re.I)


def _in_chrome(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("footer", "nav", "aside"):
            return True
        if _CHROME.search(f"{anc.get('class', '')} {anc.get('id', '')}"):
            return True
    return False


def _first(doc, selector):
    found = doc.cssselect(selector)
    return found[0] if found else None


def _following_blocks(el, limit: int):
    count = 0
    node = el
    while node is not None and count < limit:
        nxt = node.getnext()
        while nxt is None and node.getparent() is not None:
            node = node.getparent()
            nxt = node.getnext()
        if nxt is None:
            return
        node = nxt
        if isinstance(node.tag, str):
            count += 1
            yield node
