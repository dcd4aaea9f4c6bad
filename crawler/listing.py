"""The entries of a page's own list, read from its HTML whatever the CMS: the articles, notices or documents a section
page lists, each with its title, link and the date the entry shows.

A list is what repeats: entries are the blocks around a title link, each holding one target (its image, title and
"Xem tiếp" links all go there) and nothing else, and the page's list is made of such entries standing side by side
in its own column (crawler/layout.py). Boxes of the portal's furniture ("Tin mới", "Liên kết website"), menus,
breadcrumbs, pagers and files are not entries. A date is one printed on its own in the entry (a date line, a
`<time datetime>`), never one inside the title or the summary text.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from crawler import vocab
from crawler.dates import parse_text
from crawler.layout import SKIP_TAGS, Layout, text_of

ENTRY_DEPTH = 8  # ancestors climbed from a title link to the block that is its entry
SHORT_TEXT = 80  # a date line: "Thứ hai, 15/09/2025 - 08:30", "Publish date 11/07/2022 | 07:48 PM | View count: 395"
MIN_TITLE = 12  # characters of a link text that can be a title ("Xem tiếp", "Chi tiết", page numbers cannot)
FILE_LINK = re.compile(r"(/documents/|\.pdf\b|\.docx?\b|\.xlsx?\b|\.zip\b|\.rar\b|/download|tai-ve|/file)", re.I)
_PAGE_PARAM = re.compile(r"[?&][\w.-]*?(?:page|cur|pagenum|pageindex|pg|start|limitstart|offset|p)=(\d+)|"
                         r"/(?:page|trang)[-/](\d+)/?(?:\.html?)?$", re.I)
_MORE = {"xem tiep", "chi tiet", "xem them", "doc tiep", "xem chi tiet", "read more", "more", "tiep", "xem"}


@dataclass
class Entry:
    url: str
    title: str
    published_at: datetime | None
    date_method: str | None
    element: object  # the entry block
    block: str = ""  # the list's signature: its box heading and where it sits (crawler/listing.py block_of)

    def as_dict(self) -> dict:
        return {"url": self.url, "title": self.title, "published_at": self.published_at,
                "date_method": self.date_method, "block": self.block}


def is_page_link(url: str) -> bool:
    return bool(_PAGE_PARAM.search(url))


def page_number(url: str) -> str | None:
    m = _PAGE_PARAM.search(url)
    return (m.group(1) or m.group(2)) if m else None


def _candidate(a, layout: Layout, same_site) -> str | None:
    href = (a.get("href") or "").split("#")[0].strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:")) or not same_site(href):
        return None
    if FILE_LINK.search(href) or is_page_link(href) or not layout.own(a):
        return None
    if layout.breadcrumb_el is not None and (a is layout.breadcrumb_el or
                                             any(x is layout.breadcrumb_el for x in a.iterancestors())):
        return None
    return href


def _entry(a, href, targets_in) -> object:
    """The block that is this link's entry: the highest ancestor (at most ENTRY_DEPTH up) whose links all go to
    `href`; climbing stops below the first ancestor that also holds another entry's link."""
    entry = a
    for depth, anc in enumerate(a.iterancestors()):
        if depth >= ENTRY_DEPTH or anc.tag in ("body", "html", "table", "tbody", "ul", "ol"):
            break
        if targets_in(anc) - {href}:
            break
        if any(h.find(".//a") is None and not any(x.tag == "a" for x in h.iterancestors())
               for h in anc.iter("h1", "h2")):
            break  # a headline without a link is the page's own, not a list entry's
        entry = anc
    return entry


_TRAILING = re.compile(r"\s*[(\[]\s*(?P<date>\d{1,2}[./-]\d{1,2}[./-]\d{4}(?:\s+\d{1,2}[:h]\d{2}(?::\d{2})?)?"
                       r"(?:\s*[AaPp][Mm])?)\s*[)\]]\s*$")


def _trailing_date(label: str) -> tuple[str, datetime | None, str | None]:
    """A date the link text ends with, in brackets ("Tin công khai ngân sách (17.05.2019 09:21)"): the entry's date,
    and not part of its title."""
    m = _TRAILING.search(label)
    if not m:
        return label, None, None
    found = parse_text(m.group("date"))
    if not found:
        return label, None, None
    return label[: m.start()].strip(), found.value, f"listing-html:title-suffix:{found.method}"


def _entry_date(entry, title_link) -> tuple[datetime | None, str | None]:
    for t in entry.iter("time"):
        raw = (t.get("datetime") or "").strip()
        try:
            # The portal's wall time is the publish date; an offset would move late-evening posts a day.
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).replace(tzinfo=None), "listing-html:time-datetime"
        except ValueError:
            found = parse_text(text_of(t))
            if found:
                return found.value, f"listing-html:{found.method}"
    lines = []
    for el in entry.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or el is title_link \
                or any(x is title_link for x in el.iterancestors()):
            continue
        text = text_of(el)
        if 0 < len(text) <= SHORT_TEXT:
            lines.append(text)
    # A date line first (short, or the date labelled), then any short block: a summary that opens with
    # "Ngày 11/7/2022, …" is longer than a date line and read only when nothing else carries a date.
    for text in sorted(lines, key=len):
        found = parse_text(text)
        if found and (len(text) <= 40 or re.search(r"[a-zA-Z]{3,}[^0-9]{0,20}\d", text[:30])):
            return found.value, f"listing-html:{found.method}"
    for text in lines:
        found = parse_text(text)
        if found:
            return found.value, f"listing-html:{found.method}"
    return None, None


def entries(doc, layout: Layout, same_site) -> list[Entry]:
    """The page's own list: entries in its main column, one per target, in page order. A lone link is an entry
    only when it shows a date (a dated entry is a listing's even when the list has one item); undated entries
    count when at least two stand side by side under one parent."""
    links: list[tuple[object, str]] = []
    for a in layout.main.iter("a"):
        href = _candidate(a, layout, same_site)
        if href is not None:
            links.append((a, href))
    if not links:
        return []
    # Which targets each ancestor of a link holds, found in one walk up from every link (not one per question).
    holds: dict = {}
    for a, href in links:
        holds.setdefault(a, set()).add(href)
        for anc in a.iterancestors():
            holds.setdefault(anc, set()).add(href)

    def targets_in(el) -> set[str]:
        return holds.get(el, set())

    by_target: dict[str, dict] = {}
    for a, href in links:
        label = text_of(a) or " ".join((a.get("title") or "").split())
        slot = by_target.setdefault(href, {"links": [], "entry": None})
        slot["links"].append((a, label))
    out: list[Entry] = []
    for href, slot in by_target.items():
        titled = [(a, lbl) for a, lbl in slot["links"] if len(lbl) >= MIN_TITLE and vocab.fold(lbl) not in _MORE]
        if not titled:
            continue
        a, label = max(titled, key=lambda p: len(p[1]))
        entry = _entry(a, href, targets_in)
        label, when, method = _trailing_date(label)
        if when is None:
            when, method = _entry_date(entry, a)
        out.append(Entry(href, label, when, method, entry, block_of(entry)))
    return _as_list(out)


_DIGITS = re.compile(r"\d+")


def block_of(entry) -> str:
    """Where a list sits and what heads it, the same on every page that shows it: the heading of the nearest box
    above the entry and the tags and classes of its first ancestors (digits dropped: instance numbers vary). A box
    the portal repeats on every page has one signature everywhere; a section's own list has its own."""
    from crawler.layout import box_heading

    path, heading, node = [], "", entry.getparent()
    for _ in range(6):
        if node is None or node.tag in ("body", "html"):
            break
        if len(path) < 4:
            path.append(f"{node.tag}.{_DIGITS.sub('', '.'.join(sorted((node.get('class') or '').split())))}")
        head = box_heading(node)
        if head is not None and not heading:
            heading = vocab.fold(text_of(head))
        node = node.getparent()
    digest = hashlib.sha1(("/".join(path) + "|" + heading).encode()).hexdigest()[:12]
    return digest


def _as_list(found: list[Entry]) -> list[Entry]:
    """Keep dated entries, and undated ones that repeat beside a sibling entry of the same shape (a link inside a
    paragraph of text is a reference, not a list entry) in a list that shows no dates or in a dated list's block."""
    shapes: dict[tuple, int] = {}
    for e in found:
        shapes[_shape(e.element)] = shapes.get(_shape(e.element), 0) + 1
    kept = [e for e in found if e.published_at is not None or shapes[_shape(e.element)] >= 2]
    # Where the page's list shows dates, a run of undated links in another block is navigation the layout did not
    # set apart (a menu of categories in a page without columns), not entries of the list.
    dated_blocks = {e.block for e in kept if e.published_at is not None}
    if dated_blocks:
        kept = [e for e in kept if e.published_at is not None or e.block in dated_blocks]
    return kept


def _shape(el) -> tuple:
    classes = (el.get("class") or "").split()
    return (el.getparent(), el.tag, classes[0] if classes else "")


def next_pages(doc, current: str, layout: Layout | None = None) -> list[str]:
    """Pagination links of the page's own list (`?page=N`, `_101_cur=N`, `/page/N`, "Trang sau", "»", "Next"). A
    link naming the page already shown is a sort or filter variant of it, not pagination: following those gives
    endless distinct URLs of the same listing."""
    here = page_number(current) or "1"
    out: list[str] = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").split("#")[0]
        if not href or href.startswith("javascript:"):
            continue
        label = vocab.fold(a.text_content())
        number = page_number(href)
        if number is None and label not in ("trang sau", "sau", "tiep", "next", "tiep theo"):
            continue
        if layout is not None and layout.side and not layout.in_main(a):
            continue
        if number == here or href == current or href in out:
            continue
        out.append(href)
    return out


def same_site_of(url: str):
    """A same-host test for links of the page at `url` (inspect and the gold sets read pages without a registry)."""
    host = (urlsplit(url).hostname or "").lower()
    return lambda href: (urlsplit(href).hostname or "").lower() == host if urlsplit(href).scheme else True
