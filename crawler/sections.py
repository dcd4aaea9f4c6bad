"""Which section a page or listing belongs to, with its evidence and a confidence; and which listed items look
posted in the wrong section.

Evidence is tried in the order a person would trust it: the menu/sidebar/footer label the page was reached from
(the portal names its own section), the breadcrumb, the URL path, the page heading, then what the content is (a
document table, a schedule grid...). Vocabularies, signatures and confidences are in rules/sections.yaml.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import yaml

from crawler import vocab
from crawler.dates.regions import css, in_chrome, title

OTHER = "khac"
# An article slug (many words, ending in an id) names the article, not its section: "…-tin-tuc-…-12345".
STRONG_COVERAGE = 0.6  # a label inside a longer name speaks for it when it covers this share of it
HEADINGS_READ = 4  # the first headings of the page's own column: its category heading is among them
# (An id has four digits or more: "phong-chong-dich-benh-covid-19" is a category's name.)
_ARTICLE_SLUG = re.compile(r"^(?:[a-z0-9]+-){4,}[a-z0-9]*\d{4,}(?:\.html?|\.aspx)?$")


@dataclass(frozen=True)
class Decision:
    key: str
    evidence: str
    confidence: float

    def as_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def _rules() -> dict:
    return yaml.safe_load((vocab.RULES / "sections.yaml").read_text(encoding="utf-8"))


def confidence(name: str) -> float:
    """The confidence of one kind of evidence (rules/sections.yaml `confidence`)."""
    return float(_rules()["confidence"][name])


_conf = confidence


def from_label(label: str | None, where: str = "menu") -> Decision | None:
    """A link label (menu, sidebar, footer): exact label 1.0, label contained in a longer text 0.8."""
    if not label:
        return None
    m = vocab.sections().by_label(label)
    if m is None:
        return None
    exact = m.confidence >= 1.0
    return Decision(m.key, f"{where}:{m.evidence}", _conf(f"{where}_exact" if exact else f"{where}_partial"))


def names_section(label: str) -> bool:
    """A label that is mostly a section's name ("Thủ tục hành chính cấp sở"), not a sentence that contains one."""
    m = vocab.sections().by_label(label)
    return m is not None and m.coverage >= STRONG_COVERAGE and len(label) <= 60


GROUP_LABEL_MAX = 40  # a content link this short filed under a section's box is a sub-category, not an article
# Link texts that say nothing of where they lead: only then may a content link's URL name its section.
_UNINFORMATIVE = {"", "xem them", "xem tiep", "chi tiet", "tai day", "click", "more", "read more", "xem"}


def for_link(link, base_path: str | None = None, url_grammar: bool = True, page_url: str | None = None) \
        -> Decision | None:
    """Whether a link of a page leads to a section's page, and which: its label, else the menu entry or box it is
    filed under ("Thanh tra" under "Tin tức sự kiện"), else its URL. Links to a portlet's item (Liferay's "/-/"
    paths: an article, a document) never lead to a section. `url_grammar`: the platform's URLs name sections
    (Liferay friendly URLs); elsewhere a content link's path names an article."""
    from crawler.listing import FILE_LINK, is_page_link

    parts = urlsplit(link.url)
    if "/-/" in parts.path or FILE_LINK.search(parts.path):
        return None  # a portlet's item or a file (a document listed in a box headed "Văn bản") is no section
    if parts.query and page_url and urlsplit(page_url).path == parts.path:
        return None  # the page itself with other parameters: a week, a page or a filter of it, never a new section
    label, group = link.label or "", link.group or ""
    match = from_label(label, "menu") if label else None
    if match is not None and match.confidence < 1.0 and not names_section(label):
        # A label that merely contains a section word ("…phòng chống dịch bệnh…", "Kế hoạch tài chính"): an
        # article title in the content; in a menu it counts, unless the entry it is filed under names a section.
        if link.region == "content" or (group and names_section(group)):
            match = None
    if match is None and group and not is_page_link(link.url) and names_section(group) and \
            (link.region != "content" or len(label) <= GROUP_LABEL_MAX):
        filed = from_label(group, "menu")
        match = Decision(filed.key, f"group:{filed.evidence} > {label}", confidence("menu_context"))
    if match is None:
        # A URL alone is weak evidence: never for query-string variants of a page (calendar weeks, pagination,
        # filters: the section readers' business), nor for a content link whose own text names something else.
        if parts.query or not url_grammar and (link.region == "content" or is_page_link(link.url)):
            return None
        if link.region == "content" and vocab.fold(label) not in _UNINFORMATIVE:
            return None
        match = from_url(link.url, base_path)
    if match is None or match.key in (OTHER, "tim-kiem"):
        return None
    return match


def from_url(url: str, base_path: str | None = None) -> Decision | None:
    """Path segments from the last section-like one backwards; within a segment the longest pattern wins, so
    `/van-ban/chi-dao-dieu-hanh` is chi-dao-dieu-hanh. Article slugs and everything after Liferay's `/-/` are
    skipped: they name the article. `base_path` (the portal's own prefix, e.g. `/web/so-tai-chinh`) names the
    portal, not a section: `/web/so-tai-chinh/thu-vien-video` is not the finance section."""
    raw = unquote(urlsplit(url).path).lower()
    portlet = "/-/" in raw  # before Liferay's "/-/" every segment is a page of the site, none an article
    path = raw.split("/-/")[0]
    base = unquote(base_path or "").lower().rstrip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):]
    segments = [s for s in path.split("/") if s and s not in ("web", "pages", "vi", "en", "portal")]
    voc = vocab.sections()
    for seg in reversed(segments):
        seg = re.sub(r"\.(aspx|html?|php)$", "", seg)
        if _ARTICLE_SLUG.match(seg) and not portlet:
            continue
        # A slug is its label without marks ("van-ban-du-thao" is "Văn bản dự thảo"): the whole slug as a label
        # first, then the patterns.
        words = re.sub(r"[-_]+", " ", seg)
        m = voc.by_label(words, exact=True)
        if m:
            return Decision(m.key, f"url:{seg}", _conf("url"))
        best = None
        for pattern, key, original in voc.url_patterns():
            if pattern.search(seg) and (best is None or len(original) > len(best[1])):
                best = (key, original)
        if best:
            return Decision(best[0], f"url:{best[1]}", _conf("url"))
    return None


def _layout(doc, layout):
    from crawler.layout import Layout

    return layout if layout is not None else Layout(doc)


def from_breadcrumb(doc, layout=None, weak: bool = False) -> Decision | None:
    """The page's breadcrumb, innermost label first: exact labels, then a label that covers most of a part.
    `weak`: a label inside a part that says more ("kế hoạch" in "Kế hoạch tài chính"), the last resort of
    classify() — the menu entry the category belongs to says more about it."""
    texts = _layout(doc, layout).breadcrumb()
    for exact_only in (True, False):
        for text in reversed(texts):
            m = vocab.sections().by_label(text, exact=exact_only)
            if m and (exact_only or len(text) <= 60 and (weak or m.coverage >= STRONG_COVERAGE)):
                return Decision(m.key, f"breadcrumb:{m.evidence}",
                                _conf("breadcrumb_exact" if m.confidence >= 1.0 else "breadcrumb_partial"))
    return None


def from_menu_context(doc, url: str | None = None, layout=None) -> Decision | None:
    """The menu entry the page belongs to, when its own category has a name no vocabulary knows ("Thanh tra"
    under "Tin tức sự kiện"): the parent entry of the menu item that links to this page or carries the
    breadcrumb's last label, or the heading of a sub-navigation box that lists it."""
    lay = _layout(doc, layout)
    crumbs = lay.breadcrumb()
    wanted = {vocab.fold(crumbs[-1])} if crumbs else set()
    here = _page_path(url or doc.base_url or "")
    crumb = lay.breadcrumb_el
    links = [a for a in doc.iter("a") if vocab.fold(a.text_content())
             and not (crumb is not None and any(x is crumb for x in a.iterancestors()))]
    # The entry that links this very page first; one that only carries the category's name after (a news
    # category and a procedure field may share a name: "Bưu chính viễn thông").
    exact = [a for a in links if here and "#" not in (a.get("href") or "") and _page_path(a.get("href") or "") == here]
    named = [a for a in links if vocab.fold(a.text_content()) in wanted and a not in exact]
    for a in exact + named:
        own = vocab.sections().by_label(a.text_content())
        if own and own.coverage >= STRONG_COVERAGE:  # the menu names the page's section itself: the parent groups
            return Decision(own.key, f"menu-entry:{own.evidence}", _conf("menu_context"))
        for parent_label, how in _parents(a):
            m = vocab.sections().by_label(parent_label)
            if m and m.key != "tim-kiem":  # a search box beside a menu groups nothing: search is no category
                return Decision(m.key, f"{how}:{m.evidence} > {' '.join(a.text_content().split())}",
                                _conf("menu_context"))
    return None


_SAVED_COPY = re.compile(r"\.html?$")


def _page_path(url: str) -> str:
    """A page's address for "does this link lead here": host and path, without the query (a section's page shows
    its own parameters), a trailing slash or a saved copy's ".html"."""
    parts = urlsplit(url.split("#")[0])
    path = _SAVED_COPY.sub("", parts.path).rstrip("/")
    return f"{parts.netloc.lower()}{path}"


def _parents(a):
    """Labels above a menu link: the enclosing list item's own link (a sub-menu's parent entry), else the heading
    of the box that holds it (a side navigation "Lĩnh vực thủ tục hành chính")."""
    from crawler.layout import box_heading

    node, own_li = a.getparent(), None
    while node is not None and node.tag != "body":
        if node.tag == "li" and own_li is None:
            own_li = node  # the entry of the link itself
        elif node.tag == "li":
            own = next((x for x in node.iterchildren("a", "span", "strong", "div") if x is not a), None)
            if own is not None and " ".join(own.text_content().split()):
                yield " ".join(own.text_content().split())[:80], "menu-parent"
                return
        head = box_heading(node)
        if head is not None and not any(x is a for x in head.iter("a")):
            yield " ".join(head.text_content().split()), "box"
            return
        node = node.getparent()


def from_heading(doc, layout=None) -> Decision | None:
    """A heading of the page's own column (never a side box's) that is a section label: the category heading."""
    for i, el in enumerate(_layout(doc, layout).headings()):
        if i >= HEADINGS_READ:
            break
        if "hide" in (el.get("class") or ""):
            continue
        m = vocab.sections().by_label(" ".join(el.text_content().split()), exact=True)
        if m:
            return Decision(m.key, f"heading:{m.evidence}", _conf("heading_exact"))
    return None


@lru_cache(maxsize=1)
def _search_params() -> frozenset[str]:
    return frozenset(p.lower() for p in _rules().get("search_params") or ())


def _asked_with_query(url: str | None) -> bool:
    from urllib.parse import parse_qsl

    query = urlsplit(url or "").query
    return any(k.lower().split("_")[-1] in _search_params() or k.lower() in _search_params()
               for k, v in parse_qsl(query) if v.strip())


def from_content(doc, url: str | None = None) -> Decision | None:
    header_rows = []
    for table in doc.iter("table"):
        rows = table.xpath("./thead/tr|./tbody/tr|./tr")
        if rows:
            header_rows.append(" | ".join(vocab.fold(c.text_content()) for c in rows[0].xpath("./th|./td")))
    for key, signatures in (_rules().get("content") or {}).items():
        if key == "tim-kiem" and not _asked_with_query(url or doc.base_url):
            continue  # results markup without a query is a list widget or a pager ("Hiển thị 1 - 20 of 26 kết quả")
        for sig in signatures:
            if "css" in sig and any(not in_chrome(el) for el in css(sig["css"])(doc)):
                return Decision(key, f"content:css:{sig['css']}", _conf("content"))
            if "headers" in sig:
                want = [vocab.fold(h) for h in sig["headers"]]
                if any(all(f" {w} " in f" {row} " for w in want) for row in header_rows):
                    return Decision(key, f"content:headers:{'+'.join(sig['headers'])}", _conf("content"))
    return None


def from_title_words(doc, title_el=None, strong: bool = False) -> Decision | None:
    """Last resort: the page's own title contains a section label ("Bản tin truyền thanh số 45"). Weak: an article
    title uses ordinary words, so this only speaks when nothing else did. `strong`: only a label that covers most
    of the title."""
    el = title_el if title_el is not None else title(doc)
    if el is None:
        return None
    m = vocab.sections().by_label(" ".join(el.text_content().split()))
    if m is None or strong and m.coverage < STRONG_COVERAGE:
        return None
    return Decision(m.key, f"title:{m.evidence}", _conf("title_words"))


def classify(doc, url: str, via: str | None = None, layout=None, article: bool = False, title_el=None) -> Decision:
    """The section of a page: `via` is the menu/sidebar/footer label it was reached from, if any; `article`: the
    page is one dated post or a list of them (its category, when no label names it, is the rubric's news)."""
    lay = _layout(doc, layout)
    for found in (lambda: from_label(via), lambda: from_breadcrumb(doc, lay), lambda: from_menu_context(doc, url, lay),
                  lambda: from_url(url), lambda: from_heading(doc, lay), lambda: from_content(doc, url),
                  lambda: from_breadcrumb(doc, lay, weak=True), lambda: from_title_words(doc, title_el, strong=True),
                  lambda: _article_default(article), lambda: from_title_words(doc, title_el)):
        decision = found()
        if decision is not None:
            return decision
    return Decision(OTHER, "none", 0.0)


def _article_default(article: bool) -> Decision | None:
    key = _rules().get("article_default")
    return Decision(key, "article:category-unnamed", _conf("article_default")) if article and key else None


def page_says(doc, url: str | None = None, layout=None) -> Decision | None:
    """What the page says of its own section: its breadcrumb, the menu entry it belongs to, its category heading."""
    lay = _layout(doc, layout)
    return from_breadcrumb(doc, lay) or from_menu_context(doc, url, lay) or from_heading(doc, lay)


@dataclass(frozen=True)
class Confirmation:
    """A section page checked at page time against what it says of itself. `conflict` is the key the page
    names when it is not the one of the link that reached it."""
    key: str
    evidence: str | None
    confidence: float
    conflict: str | None = None


def confirm(key: str, evidence: str | None, confidence: float, doc, layout=None, url: str | None = None) \
        -> Confirmation:
    """The link that reached a section page said `key` (with `evidence`, `confidence`); the page's breadcrumb,
    else its heading (the next steps of `classify`), says what the page is. Agreement: the stronger of the two
    confidences, both pieces of evidence. Disagreement: the key stays — the portal put the link there, and a page is
    never moved silently — but the confidence drops to rules/sections.yaml `confidence.disagreement` (under the
    review threshold: a person decides) and the evidence names both sides. Silence (or no page: `doc` None, a
    failed fetch) leaves the reading as it was."""
    page = page_says(doc, url, layout) if doc is not None else None
    if page is None:
        return Confirmation(key, evidence, confidence)
    if page.key == key:
        return Confirmation(key, "; ".join(filter(None, (evidence, page.evidence))), max(confidence, page.confidence))
    return Confirmation(key, f"{evidence or key} ≠ {page.evidence}", min(confidence, _conf("disagreement")),
                        conflict=page.key)


@lru_cache(maxsize=1)
def _misplaced() -> list[tuple[re.Pattern, str, frozenset]]:
    return [(re.compile(r["title"]), r["belongs"], frozenset(r["listed_in"])) for r in _rules().get("misplaced") or []]


def misplaced(title: str | None, listed_in: str) -> str | None:
    """The section an item listed in `listed_in` belongs to instead, when its title leaves no doubt; else None."""
    if not title:
        return None
    folded = vocab.fold(title)
    for pattern, belongs, where in _misplaced():
        if listed_in in where and belongs != listed_in and pattern.search(folded):
            return belongs
    return None
