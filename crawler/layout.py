"""Where a page's own content is, told apart from what every page of the portal repeats around it (its chrome).

A person sees the page's columns and boxes; the DOM shows neither, and every theme names them differently. The cues
used here hold across themes:
- **columns** are siblings carrying a grid or column class (rules/layout.yaml `column_classes`), or the cells of a
  layout table; the page's own column is the one holding its anchor (the title, or the breadcrumb), else the widest
  by grid number, else the one with the most text;
- **boxes** are a heading and what follows it; a box headed "Tin mới", "Xem nhiều", "Liên kết website"… is furniture
  wherever it stands (`widget_headings`), unless the page itself is that category (the link that led here says so);
- the **breadcrumb** is an element named so, or a short block starting with a link home ("Trang chủ", "Home");
- tags and class words that name chrome (`footer`, `nav`, `sidebar`, `related`…, rules/dates.yaml).
A portal's own furniture is also learned across its pages (crawler/template.py); this module reads one page.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

import yaml

from crawler import vocab
from crawler.dates.regions import is_chrome_element

SKIP_TAGS = {"script", "style", "noscript", "select", "option", "template", "iframe", "svg", "head", "title"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_HEADING_CLASS = re.compile(r"(?:^|[\s_-])(?:title|heading|header|topper|caption|tieu-?de|tieude)(?:$|[\s_-])", re.I)
_GRID_NUMBER = re.compile(r"(?:^|-)(\d{1,2})$")
# "Other News", "Other legislation", "Văn bản khác", "Các tin khác": a box of other items than the page's own.
_OTHER_BOX = re.compile(r"^(?:other|more|related|see also)\b|^(?:cac )?[a-z ]{0,20}\bkhac$|\blien quan$")


@lru_cache(maxsize=1)
def rules() -> dict:
    return yaml.safe_load((vocab.RULES / "layout.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _column_token() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in rules()["column_classes"]))


@lru_cache(maxsize=1)
def _utility_token() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in rules()["not_column_classes"]))


def _is_column_token(token: str) -> bool:
    return bool(_column_token().search(token)) and not _utility_token().search(token)


@lru_cache(maxsize=1)
def widget_headings() -> frozenset[str]:
    return frozenset(vocab.fold(h) for h in rules()["widget_headings"])


@lru_cache(maxsize=1)
def _home_labels() -> frozenset[str]:
    return frozenset(vocab.fold(h) for h in rules()["home_labels"])


@lru_cache(maxsize=1)
def _crumb_words() -> re.Pattern:
    words = "|".join(re.escape(w) for w in rules()["breadcrumb_words"])
    return re.compile(rf"(?:^|[\s_\-])(?:{words})(?:$|[\s_\-\d])", re.I)


@lru_cache(maxsize=1)
def empty_phrases() -> tuple[str, ...]:
    return tuple(vocab.fold(p) for p in rules()["empty_phrases"])


def text_of(el) -> str:
    return " ".join(el.text_content().split())


def _grid_width(el) -> int | None:
    """The grid span a column class gives (span9, col-md-8, large-9, grid_9): wider is the page's own column."""
    for token in (el.get("class") or "").lower().split():
        if _is_column_token(token) and token.startswith(("span", "col-", "grid_", "small-", "medium-", "large-")):
            m = _GRID_NUMBER.search(token)
            if m:
                return int(m.group(1))
    return None


def _column_like(el) -> bool:
    if el.tag == "aside":
        return True
    if el.tag == "td":
        # A layout table's cell holds blocks of its own; a data table's cell holds a value.
        return any(isinstance(c.tag, str) and c.tag in ("div", "table", "ul", "p", "h1", "h2", "h3", "h4", "form")
                   for c in el)
    return any(_is_column_token(t) for t in (el.get("class") or "").lower().split())


class Layout:
    """One parsed page's columns, boxes and breadcrumb. `anchor`: an element known to be the page's own (its title);
    `own_label`: the label of the link that led here (a category named "Tin mới" is not furniture on its own page)."""

    def __init__(self, doc, anchor=None, own_label: str | None = None):
        self.doc = doc
        self.body = doc.body if doc.body is not None else doc
        self._weight: dict = {}
        self._weigh(self.body)
        self._chrome: dict = {}
        self.breadcrumb_el = find_breadcrumb(self.body)
        # The page's own names (the link that led here, its breadcrumb, its <title>'s parts): a box headed by one
        # of them is the page's own list, even when the name is furniture's elsewhere ("Tin nổi bật", "Hot News").
        head = " ".join((doc.findtext(".//title") or "").split())
        crumb = breadcrumb_labels(self.breadcrumb_el)[-1:] if self.breadcrumb_el is not None else []
        names = [own_label or "", *crumb, *re.split(r"\s+[-|–]\s+", head)]
        self._own = {vocab.fold(x) for x in names if vocab.fold(x)}
        self.anchor = anchor if anchor is not None else self.breadcrumb_el
        self.side: set = set()
        self.main = self._find_main()

    # -- weights: text a person reads as content (link text counts half: menus and link boxes are mostly links) --
    def _weigh(self, el) -> tuple[int, int]:
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            self._weight[el] = 0.0
            return 0, 0
        own = len((el.text or "").strip())
        links = 0
        for child in el:
            t, lk = self._weigh(child)
            own += t
            links += lk
            if child.tail:
                own += len(child.tail.strip())
        if el.tag == "a":
            links, own = links + own, 0
        self._weight[el] = own + 0.5 * links
        return own, links

    def weight(self, el) -> float:
        return self._weight.get(el, 0.0)

    def _find_main(self):
        anchor_path = set(self.anchor.iterancestors()) | {self.anchor} if self.anchor is not None else set()
        node, main = self.body, self.body
        while True:
            kids = [c for c in node if isinstance(c.tag, str) and c.tag not in SKIP_TAGS and self.weight(c) > 0
                    and not is_chrome_element(c)]
            if not kids:
                break
            if node.tag == "tr" or any(k.tag == "tr" for k in kids):
                kids = [k for k in kids if k.tag != "tr"] or kids
            columns = [c for c in kids if _column_like(c)]
            if len(columns) >= 2:
                chosen = self._choose_column(columns, anchor_path)
                self.side.update(c for c in columns if c is not chosen)
                node = main = chosen
                continue
            on_path = [c for c in kids if c in anchor_path]
            heavy = on_path[0] if on_path else max(kids, key=self.weight)
            if not on_path and self.weight(heavy) < 0.5 * self.weight(node):
                break
            node = heavy
        return main

    def _choose_column(self, columns, anchor_path):
        for c in columns:
            if c in anchor_path:
                return c
        widths = [_grid_width(c) for c in columns]
        if all(w is not None for w in widths) and len(set(widths)) > 1:
            return columns[widths.index(max(widths))]
        return max(columns, key=self.weight)

    # -- chrome --------------------------------------------------------------------------------------------------
    def is_chrome(self, el) -> bool:
        """`el` or an ancestor is furniture: a chrome tag or class word, a side column, or a widget box."""
        chain = []
        node = el
        while node is not None:
            if node in self._chrome:
                verdict = self._chrome[node]
                break
            chain.append(node)
            if node in self.side or (isinstance(node.tag, str) and (is_chrome_element(node) or self._widget_box(node))):
                verdict = True
                break
            node = node.getparent()
        else:
            verdict = False
        for n in chain:
            self._chrome[n] = verdict
        return verdict

    def _widget_box(self, el) -> bool:
        """A box whose heading is furniture's ("Tin mới", "Liên kết website"): the heading is its first element
        child (or that child's first), short, and the box holds more than the heading."""
        head = box_heading(el)
        if head is None:
            return False
        folded = vocab.fold(text_of(head))
        return folded not in self._own and (folded in widget_headings() or bool(_OTHER_BOX.search(folded)))

    def in_main(self, el) -> bool:
        return self.main is self.body or any(a is self.main for a in el.iterancestors()) or el is self.main

    @cached_property
    def hidden(self) -> set:
        """What the page's own styles hide from a person (crawler/hidden.py)."""
        from crawler import hidden

        return hidden.hidden(self.doc)

    def own(self, el) -> bool:
        """Part of the page's own content: in its main column, shown, and not furniture."""
        from crawler.hidden import is_hidden

        return self.in_main(el) and not self.is_chrome(el) and not is_hidden(el, self.hidden)

    def breadcrumb(self) -> list[str]:
        """The breadcrumb's labels without the home link, outermost first ([] when the page shows none)."""
        if self.breadcrumb_el is None:
            return []
        return breadcrumb_labels(self.breadcrumb_el)

    def headings(self):
        """Headings of the page's own column, in document order (h1-h6 and title-classed short elements)."""
        for el in self.main.iter():
            if isinstance(el.tag, str) and is_heading(el) and not self.is_chrome(el):
                yield el


def is_heading(el) -> bool:
    if el.tag in HEADING_TAGS:
        return True
    if el.tag in ("div", "span", "p", "strong", "b", "header") and _HEADING_CLASS.search(
            f"{el.get('class', '')} {el.get('id', '')}"):
        text = text_of(el)
        return 0 < len(text) <= 120
    return False


def box_heading(el):
    """The heading that opens box `el`: its first element child when that is a heading (or holds one first), and
    only when the box holds more than its heading."""
    first = next((c for c in el if isinstance(c.tag, str) and c.tag not in SKIP_TAGS), None)
    if first is None:
        return None
    head = first if is_heading(first) else next((c for c in first if isinstance(c.tag, str) and is_heading(c)), None)
    if head is None and first.tag in ("div", "span", "p", "strong", "b", "label", "caption") and \
            first.find(".//a") is None and sum(1 for _ in el.iter("a")) >= 2:
        head = first  # an unmarked title line over a list of links ("Other legislation" above its rows)
    if head is None or len(first) and head is not first and head.getprevious() is not None:
        return None
    text = text_of(head)
    if not text or len(text) > 60 or len(text_of(el)) <= len(text) + 2:
        return None
    return head


def find_breadcrumb(root):
    """The breadcrumb element: named so by class or id, else a short block whose first link goes home."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')}".strip()
        if marker and _crumb_words().search(marker) and _crumb_like(el, named=True):
            return el
    for a in root.iter("a"):
        if vocab.fold(text_of(a) or a.get("title") or "") not in _home_labels():
            continue
        block = a
        for _ in range(3):
            parent = block.getparent()
            if parent is None:
                break
            block = parent
            if _crumb_like(block, named=False):
                if any(is_chrome_element(x) and x.tag != "header" for x in [block, *block.iterancestors()]):
                    break
                return block
    return None


def _crumb_like(el, named: bool) -> bool:
    text = text_of(el)
    if not text or len(text) > rules()["breadcrumb_max_chars"]:
        return False
    if el.tag in ("body", "html") or not named and any(
            isinstance(d.tag, str) and (d.tag in HEADING_TAGS or d.tag == "nav" or d.tag == "p" and len(text_of(d)) > 120)
            for d in el.iterdescendants()):
        return False  # a block holding headings or paragraphs is content that starts with a home link
    labels = breadcrumb_labels(el)
    links = sum(1 for _ in el.iter("a"))
    return 1 <= len(labels) <= (6 if named else 4) and links <= 7


_SEPARATORS = re.compile(r"\s*(?:[>»›/|→]|&gt;)\s*")


def breadcrumb_labels(el) -> list[str]:
    """The parts of a breadcrumb, home left out: each link's text and each piece of text between, split at
    separators (">", "»", "/", "|")."""
    chunks: list[str] = []

    def walk(node):
        if node.tag == "a":
            chunks.append(node.text_content())
            return
        if node.text:
            chunks.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
                walk(child)
            if child.tail:
                chunks.append(child.tail)

    walk(el)
    labels: list[str] = []
    for chunk in chunks:
        for part in _SEPARATORS.split(" ".join(chunk.split())):
            part = part.strip(" -–:")
            if part and vocab.fold(part) and vocab.fold(part) not in _home_labels() and part not in labels:
                labels.append(part)
    return labels
