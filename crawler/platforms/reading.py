"""One page's reading: every fact the rubric needs from one page, found once and the same whoever asks.

The spider, `portal-audit inspect` and the gold evaluation all read a page through `read()` here (behind the
platform reader of crawler/platforms/__init__.py); nothing else interprets a page. A reading is lazy: each fact is
computed when first asked for, so the spider pays only for what a page's role needs, while `as_dict()` (inspect,
the gold sets) computes them all the same way.

Cues from the crawl (`Cue`) are part of the reading: the text of the link that led to the page names its title,
the date its listing showed is the date to expect (a disagreement is recorded, never hidden), and the menu label
that led to a section page is the portal's own name for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from crawler import extract, listing, sections, titles, vocab
from crawler.dates import from_page
from crawler.layout import Layout, empty_phrases, text_of

# What a section page must show for its criterion to be read; none of it and content on the page: could not read.
STATIC_SECTIONS = {"gioi-thieu", "lich-su", "thong-tin-lien-he", "danh-ba", "tiep-can-thong-tin", "dich-vu-cong",
                   "thu-tuc-hanh-chinh",
                   "tim-kiem", "khac"}
QA_SECTIONS = {"hoi-dap"}
SCHEDULE_SECTIONS = {"lich-cong-tac"}
DOCUMENT_SECTIONS = {"van-ban", "chi-dao-dieu-hanh"}
CONTENT_LINKS = 3  # title-length links in the page's own column: it shows a list the readers did not read
CONTENT_CHARS = 400  # or this much text of its own


@dataclass(frozen=True)
class Cue:
    """What the crawl knows of a page before reading it."""
    label: str | None = None  # the menu, footer or sidebar label of the link that led to a section page
    title: str | None = None  # the listing entry's title of the link that led to a detail page
    listed_at: datetime | None = None  # the date the listing showed for it
    section: str | None = None  # the section the link said
    evidence: str | None = None
    confidence: float | None = None


class PageReading:
    def __init__(self, doc, text: str, url: str, now: datetime | None = None, cue: Cue | None = None,
                 same_site=None, platform: str = "generic"):
        self.doc, self.text, self.url = doc, text, url
        self.now = now
        self.cue = cue or Cue()
        self.same_site = same_site or listing.same_site_of(url)
        self.platform = platform

    # -- where the page's own content is -------------------------------------------------------------------------
    @cached_property
    def title(self) -> titles.Title | None:
        return titles.locate(self.doc, self.cue.title)

    @cached_property
    def layout(self) -> Layout:
        anchor = self.title.element if self.title is not None and self.title.how != "selector" else None
        return Layout(self.doc, anchor=anchor, own_label=self.cue.label)

    # -- section -------------------------------------------------------------------------------------------------
    @cached_property
    def section(self) -> sections.Decision:
        """What the page is part of: the link's label, else what the page says of itself, else its URL/content."""
        return sections.classify(self.doc, self.url, via=self.cue.label, layout=self.layout,
                                 article=self.is_article, title_el=self.title.element if self.title else None)

    @cached_property
    def is_article(self) -> bool:
        """One dated post (a title the page names itself with its date beside it), or a list of dated posts."""
        if self.is_listing:
            return sum(1 for e in self.entries if e.published_at is not None) >= 2
        return self.title is not None and self.title.how != "selector" and self.published_at is not None

    def confirmation(self, key: str, evidence: str | None, confidence: float) -> sections.Confirmation:
        """The link said `key`; the page's breadcrumb, menu entry or heading confirms it or disagrees."""
        return sections.confirm(key, evidence, confidence, self.doc, self.layout, self.url)

    # -- the page's own date -------------------------------------------------------------------------------------
    @cached_property
    def date(self):
        """The page's publish date (None on listings and static pages), found near its title."""
        if self.is_listing:
            return None
        title = self.title.element if self.title is not None else None
        return from_page(self.doc, self.now, self.url, title=title)

    @property
    def published_at(self) -> datetime | None:
        return self.date.value if self.date else None

    @property
    def date_method(self) -> str | None:
        if not self.date:
            return None
        how = self.title.how if self.title is not None else "none"
        return f"{self.date.method}@title:{how}"

    @cached_property
    def date_check(self) -> str | None:
        """The listing's date against the page's: None when either is unknown or they agree on the day."""
        listed, found = self.cue.listed_at, self.published_at
        if listed is None or found is None or listed.date() == found.date():
            return None
        return f"danh sách ghi {listed.date().isoformat()}, trang ghi {found.date().isoformat()}"

    # -- lists ---------------------------------------------------------------------------------------------------
    @cached_property
    def entries(self) -> list[listing.Entry]:
        """The page's own HTML list (crawler/listing.py)."""
        return listing.entries(self.doc, self.layout, self.same_site)

    @cached_property
    def is_listing(self) -> bool:
        """A list of items rather than one item. A page whose own headline (located by the link, og:title or
        <title>, and not the category's name) stands outside its list is one item with a list beside it (an article
        and its related links); otherwise two entries, or one dated entry that is not the page itself, make a list."""
        own = [e for e in self.entries if e.url.rstrip("/") != self.url.rstrip("/")]
        if self.headline is not None and not any(_inside(self.headline.element, e.element) for e in own):
            return False
        if len(own) >= 2:
            return True
        return bool(own) and own[0].published_at is not None

    @cached_property
    def headline(self) -> titles.Title | None:
        """The page's title when it is an item's headline, not the name of its category (a listing's <title>)."""
        t = self.title
        if t is None or t.how == "selector":
            return None
        crumbs = self.layout.breadcrumb()
        if crumbs and vocab.fold(crumbs[-1]) == vocab.fold(t.text):
            return None
        if self.layout.breadcrumb_el is not None and _inside(t.element, self.layout.breadcrumb_el):
            return None
        return t

    @cached_property
    def items(self) -> list[dict]:
        """The page's list as items (url, title, published_at, date_method); a page that is itself one dated
        article shown in full (a category with one item) is its own item."""
        if self.entries:
            return [e.as_dict() for e in self.entries]
        if self.title is not None and self.published_at is not None:
            return [{"url": self.url, "title": self.title.text, "published_at": self.published_at,
                     "date_method": f"page:{self.date.method}"}]
        return []

    @cached_property
    def next_pages(self) -> list[str]:
        return listing.next_pages(self.doc, self.url, self.layout)

    # -- other facts ---------------------------------------------------------------------------------------------
    @cached_property
    def documents(self) -> list[dict] | None:
        return extract.documents_table(self.doc)

    @cached_property
    def document_search(self) -> bool:
        return extract.document_search(self.doc)

    @cached_property
    def questions(self) -> list[dict] | None:
        return extract.questions(self.doc)

    @cached_property
    def question_table(self) -> list[dict] | None:
        """Q&A rows of a table naming its questions and dates (crawler/platforms/generic.py), any section."""
        from crawler.platforms import generic

        return generic.questions(self.doc, self.url)

    @cached_property
    def question_rows(self) -> list[dict] | None:
        """The Q&A a crawl stores (id, title, url, asked_on, answered_on): the question table, else a thread of
        questions, signatures and "Trả lời" (crawler/platforms/generic.py)."""
        from crawler.platforms import generic

        return self.question_table or generic.threaded_questions(self.layout.main, self.url)

    @cached_property
    def schedule(self) -> extract.Schedule:
        return extract.schedule(self.doc)

    @cached_property
    def contact(self) -> dict[str, str]:
        return extract.contact(self.doc)

    @cached_property
    def directory(self) -> list[dict] | None:
        return extract.directory_table(self.doc)

    def elements(self, section: str) -> list[tuple[str, str]]:
        return extract.elements(self.doc, section)

    @cached_property
    def has_print(self) -> bool:
        return extract.has_print(self.doc)

    @cached_property
    def search_form(self) -> tuple[str, str] | None:
        return extract.search_form(self.doc)

    @cached_property
    def search_box(self) -> bool:
        """A site search box is shown (the probe needs search_form: where the box is sent)."""
        return extract.search_box(self.doc)

    @cached_property
    def links(self) -> list[extract.PageLink]:
        return extract.links(self.doc)

    # -- what could not be read ----------------------------------------------------------------------------------
    @cached_property
    def says_empty(self) -> bool:
        """The page says its list is empty ("Chưa có dữ liệu", "No result were found")."""
        # Text nodes joined by spaces: text_content() glues a heading to the next paragraph ("Thống kêChưa có tin
        # bài"), and the phrase, matched as whole words, was never found.
        own = vocab.fold(" ".join(self.layout.main.itertext()))
        return any(f" {p} " in f" {own} " for p in empty_phrases())

    @cached_property
    def content_summary(self) -> str:
        """What the page's own column shows, for a person to check: its heading, links, tables and text."""
        main = self.layout.main
        links = [a for a in main.iter("a") if self.layout.own(a) and len(text_of(a)) >= listing.MIN_TITLE]
        tables = sum(1 for t in main.iter("table") if self.layout.own(t))
        chars = len(text_of(main))
        heading = next((text_of(h) for h in self.layout.headings()), None)
        parts = [f"tiêu đề “{heading[:80]}”" if heading else None, f"{len(links)} liên kết",
                 f"{tables} bảng" if tables else None, f"{chars} ký tự"]
        return ", ".join(p for p in parts if p)

    def _has_content(self) -> bool:
        main = self.layout.main
        links = sum(1 for a in main.iter("a") if self.layout.own(a) and len(text_of(a)) >= listing.MIN_TITLE)
        return links >= CONTENT_LINKS or len(text_of(main)) >= CONTENT_CHARS

    @property
    def read_elsewhere(self) -> bool:
        """The page's list comes from another source the platform reader follows (Liferay's listing JSON)."""
        return False

    def unread(self, section: str) -> str | None:
        """What this section page shows that no reader could read, or None: only pages that show content of their
        own and do not say they are empty, and whose list no other source of the platform's reads."""
        if section in STATIC_SECTIONS or self.read_elsewhere or self.says_empty or not self._has_content():
            return None
        if section in QA_SECTIONS:
            return None if self.questions or self.question_rows else "questions"
        if section in SCHEDULE_SECTIONS:
            return None if self.schedule.days else "schedule"
        if section in DOCUMENT_SECTIONS and self.documents is not None:  # a table read, even empty, was read
            return None
        return None if self.items else "items"

    # -- everything, as inspect and the gold sets see it ---------------------------------------------------------
    def as_dict(self) -> dict:
        section = self.section
        search = self.search_form
        return {
            "url": self.url,
            "platform": self.platform,
            "section": section.as_dict(),
            "title": self.title.text if self.title else None,
            "title_method": self.title.how if self.title else None,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "date_method": self.date_method,
            "date_check": self.date_check,
            "layout": {"breadcrumb": self.layout.breadcrumb(), "main": _describe(self.layout.main),
                       "side_columns": [_describe(s) for s in self.layout.side]},
            "items": [{**i, "published_at": i["published_at"].isoformat() if i["published_at"] else None,
                       "suspected_section": sections.misplaced(i["title"], section.key)} for i in self.items],
            "next_pages": self.next_pages,
            "unread": self.unread(section.key),
            "content": self.content_summary,
            "facts": {
                "contact": self.contact,
                "elements": [{"key": k, "label": lbl} for k, lbl in self.elements(section.key)],
                "directory": self.directory,
                "documents": self.documents,
                "document_search": self.document_search if self.documents is not None else None,
                "questions": self.questions,
                "question_rows": self.question_rows,
                "schedule_dates": [d.isoformat() for d in self.schedule.days],
                "has_print": self.has_print,
                "search_form": {"action": search[0], "field": search[1]} if search else None,
                "search_box": self.search_box,
                "outbound_links": [{"url": lk.url, "label": lk.label} for lk in self.links
                                   if not self.same_site(lk.url)][:50],
            },
        }


def _inside(el, container) -> bool:
    return el is container or any(a is container for a in el.iterancestors())


def _describe(el) -> str:
    return f"{el.tag}{'#' + el.get('id') if el.get('id') else ''}" \
           f"{'.' + '.'.join((el.get('class') or '').split()[:2]) if (el.get('class') or '').split() else ''}"
