"""Where on a page its own date can be: not in chrome (sidebars, related lists, footers, menus), not inside the
article body (document metadata, quoted decisions, announced events), but in the short blocks around the title.

Every strategy asks the same questions of one document (its body, its title, is this element chrome?), so `page()`
answers each once per document. Most selectors of rules/dates.yaml name a class or id that a given page does not
carry: one XPath collects the page's class/id/itemprop words and a selector runs only when its words are all there
(a CSS selector walks the whole tree each time, and most pages are listings or static pages with no date at all).
"""
from __future__ import annotations

import re
from functools import lru_cache

import cssselect
from lxml import etree
from lxml.cssselect import CSSSelector

from crawler import vocab
from crawler.dates.text import hits, rules

_UNSET = object()
TITLE_ROW_DEPTH = 5  # levels climbed from a title that opens its block (table layouts nest it in td/tr/table)
_MARKERS = etree.XPath("//@class|//@id|//@itemprop", smart_strings=False)


@lru_cache(maxsize=1)
def _chrome_words() -> re.Pattern:
    words = "|".join(re.escape(w) for w in rules()["chrome_words"])
    return re.compile(rf"(?:^|[\s_\-])(?:{words})(?:$|[\s_\-\d])", re.I)


def is_chrome_element(el) -> bool:
    """This element itself is chrome: a footer, menu or sidebar tag, the site header, or a class/id naming one."""
    if el.tag in ("body", "html"):
        return False  # a theme's body classes ("other controls-visible …") describe the page, not a box on it
    if el.tag in rules()["chrome_tags"]:
        return True
    if el.tag == "header" and (el.get("role") == "banner" or el.get("id") in ("banner", "masthead")):
        return True  # the site header; an article's own <header> holds its date (WordPress)
    marker = f"{el.get('class', '')} {el.get('id', '')}".strip()
    return bool(marker) and bool(_chrome_words().search(marker))


def in_chrome(el) -> bool:
    return any(is_chrome_element(anc) for anc in el.iterancestors())


@lru_cache(maxsize=256)
def css(selector: str) -> CSSSelector:
    """Compiled once: compiling a CSS selector costs more than running it."""
    return CSSSelector(selector)


@lru_cache(maxsize=256)
def _needs(selector: str) -> tuple[tuple[str, frozenset, frozenset], ...]:
    """Each comma-separated part of a selector with the class/id words and tags an element must have to match it."""
    out = []
    for part in cssselect.parse(selector):
        words, tags, stack = set(), set(), [part.parsed_tree]
        while stack:
            node = stack.pop()
            if isinstance(node, cssselect.parser.CombinedSelector):
                stack += [node.selector, node.subselector]
                continue
            if isinstance(node, cssselect.parser.Class):
                words.add(node.class_name)
            elif isinstance(node, cssselect.parser.Hash):
                words.add(node.id)
            elif isinstance(node, cssselect.parser.Element):
                if node.element not in (None, "*"):
                    tags.add(node.element.lower())
                continue
            if hasattr(node, "selector"):  # negations and pseudo-classes: only what they qualify is required
                stack.append(node.selector)
        out.append((part.canonical(), frozenset(words), frozenset(tags)))
    return tuple(out)


class Page:
    """The date-relevant regions of one parsed document, each found once."""

    def __init__(self, doc):
        self.doc = doc
        self.markers = set(" ".join(_MARKERS(doc)).split())
        self._tags: dict[str, bool] = {}
        self._chrome: dict = {}
        self._selected: dict[str, list] = {}
        self._bodies = self._zone = None
        self._title = _UNSET

    def has_tag(self, tag: str) -> bool:
        if tag not in self._tags:
            self._tags[tag] = next(self.doc.iter(tag), None) is not None
        return self._tags[tag]

    def select(self, selector: str) -> list:
        """css(selector)(doc), skipping the parts whose class/id words or tags the page does not have."""
        if selector not in self._selected:
            parts = [canonical for canonical, words, tags in _needs(selector)
                     if words <= self.markers and all(self.has_tag(t) for t in tags)]
            self._selected[selector] = css(", ".join(parts))(self.doc) if parts else []
        return self._selected[selector]

    def _is_chrome_or_under(self, el) -> bool:
        if el is None:
            return False
        if el not in self._chrome:
            self._chrome[el] = is_chrome_element(el) or self._is_chrome_or_under(el.getparent())
        return self._chrome[el]

    def in_chrome(self, el) -> bool:
        return self._is_chrome_or_under(el.getparent())

    @property
    def bodies(self) -> set:
        if self._bodies is None:
            self._bodies = set(self.select(", ".join(rules()["body_selectors"])))
        return self._bodies

    def in_body(self, el) -> bool:
        body_set = self.bodies
        return bool(body_set) and any(anc in body_set for anc in el.iterancestors())

    def use_title(self, el) -> None:
        """The title as located from the crawl's and the page's cues (crawler/titles.py): the zone follows it."""
        if el is not self._title:
            self._title, self._zone = el, None

    @property
    def title(self):
        """The page's own title element: a known title selector, else the only real <h1> outside chrome."""
        if self._title is _UNSET:  # an element's truth value is whether it has children: compare, never test
            self._title = _find_title(self.doc, self.select, self.in_chrome)
        return self._title

    @property
    def zone(self) -> list:
        """The short blocks around the title (strategies 3-5 read the same ones)."""
        if self._zone is None:
            self._zone = near_title(self.doc, self.title, self) if self.title is not None else []
        return self._zone


_last: list = [None]


def page(doc) -> Page:
    """The Page of this document: the strategies of one from_page() call share it."""
    if _last[0] is None or _last[0].doc is not doc:
        _last[0] = Page(doc)
    return _last[0]


def _find_title(doc, select, chrome):
    for sel in rules()["title_selectors"]:
        for el in select(sel):
            if not chrome(el):
                return el
    h1s = [el for el in doc.iter("h1") if not chrome(el)
           and "hide" not in (el.get("class") or "") and el.find(".//a") is None]
    if len(h1s) == 1:
        return h1s[0]
    return _heading_like_head_title(doc, chrome) if not h1s else None


_HEADINGS = etree.XPath("//h2|//h3|//h4|//p[count(*)=1 and (b or strong) and not(normalize-space(text()))]")


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", vocab.fold(text)).split())


def _heading_like_head_title(doc, chrome):
    """Old table-layout portals print the article title as an <h2>/<h3> or a bold paragraph, with no <h1>, inside
    their content container (td.noidung): the title is such a heading whose words are the <title>'s (one containing
    the other: "XÃ X: <title>", "<title> - Site name"; quotes and case aside). A portlet or section heading outside
    the content container repeats the <title> too, but is not an article title."""
    head = _words(doc.findtext(".//title") or "")
    if len(head) < rules()["head_title_min_chars"]:
        return None
    pg = page(doc)
    if not pg.bodies:
        return None
    for el in _HEADINGS(doc):
        if not pg.in_body(el):
            continue
        text = _words(el.text_content())
        if len(text) >= rules()["head_title_min_chars"] and (head in text or text in head) and not chrome(el) \
                and el.find(".//a") is None:
            return el
    return None


def title(doc):
    """The page's own title element (see Page.title)."""
    return page(doc).title


def near_title(doc, title_el, pg: Page | None = None) -> list:
    """Short blocks right before and after the title, stopping at the body: where CMSs print the date."""
    pg = pg or page(doc)
    limit, max_chars = rules()["near_title_blocks"], rules()["near_title_max_chars"]
    body_set = pg.bodies
    out = []
    # The block right before the title, or before the title's own row when the title opens it (a category and date
    # line above a headline: "Tin hoạt động của lãnh đạo huyện   18/06/2019").
    holder, prev = title_el, title_el.getprevious()
    for _ in range(TITLE_ROW_DEPTH):
        if prev is not None or holder.getparent() is None or holder.getparent().tag == "body":
            break
        holder = holder.getparent()
        prev = holder.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and prev not in body_set:
        out.append(prev)
    node, count = title_el, 0
    while node is not None and count < limit:
        nxt = node.getnext()
        while nxt is None and node.getparent() is not None:
            node = node.getparent()
            if node.tag == "body":
                break
            nxt = node.getnext()
        if nxt is None:
            break
        node = nxt
        if not isinstance(node.tag, str):
            continue
        if node in body_set or (body_set and any(b in body_set for b in node.iter())):
            opening = _opening_date_line(node)
            if opening is not None:
                out.append(opening)
            break
        if pg.in_chrome(node) or node.tag in ("footer", "nav", "aside"):
            break
        count += 1
        out.append(node)
    blocks = _usable(out, max_chars)
    if pg.in_body(title_el):
        # The title sits inside the article body (table-layout portals wrap the whole article in td.noidung): the
        # blocks after it are body paragraphs, whose dates are events and quoted documents. Only a byline counts
        # there: a labelled date ("Cập nhật lúc …") or an author credit ("Tin: <author> - Ngày dd/MM/yyyy").
        blocks = [el for el in blocks if _is_byline(el.text_content())]
    return blocks


OPENING_LINE_CHARS = 60  # "(Thứ hai, 19/04/2021 15:17)", "Thứ Hai, 15/09/2025 - 08:30"


def _opening_date_line(body):
    """The body's first line when it is a date and nothing else (weekday, time and brackets aside): themes that
    print the date as the article's first line. A first sentence that opens with a date ("Ngày 11/7/2022, …") is an
    event, not this."""
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            continue
        own = " ".join((el.text or "").split())
        if not own:
            continue
        text = " ".join(el.text_content().split())
        if len(text) > OPENING_LINE_CHARS or len(hits(text)) != 1:
            return None
        rest = vocab.fold(text)
        for day in sorted(rules()["weekday_labels"], key=len, reverse=True):
            rest = rest.replace(vocab.fold(day), " ")
        rest = re.sub(r"\b(?:sa|ch|am|pm|gio|luc|ngay)\b|[\d\W_]+", "", rest)
        return el if not rest else None
    return None


@lru_cache(maxsize=1)
def _byline_start() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(rules()["byline_labels"], key=len, reverse=True))
    return re.compile(rf"^(?:{words})\s*:")


def _is_byline(text: str) -> bool:
    # Compared before folding: the colon after the credit is what makes "Tin:" a byline and not a sentence.
    opening = " ".join(text[:40].lower().replace(",", " ").split())
    return bool(_byline_start().match(opening)) or any(h.kind in ("published", "updated") for h in hits(text))


def _usable(blocks, max_chars):
    """Blocks short enough to be a byline and not a list of other articles (a link with a long text is one)."""
    out = []
    for el in blocks:
        text = " ".join(el.text_content().split())
        if not text or len(text) > max_chars:
            continue
        if any(len(" ".join(a.text_content().split())) > 30 for a in el.iter("a")):
            continue
        out.append(el)
    return out
