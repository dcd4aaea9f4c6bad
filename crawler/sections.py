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
_ARTICLE_SLUG = re.compile(r"^(?:[a-z0-9]+-){4,}[a-z0-9]*\d+(?:\.html?|\.aspx)?$")


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


def _conf(name: str) -> float:
    return float(_rules()["confidence"][name])


def from_label(label: str | None, where: str = "menu") -> Decision | None:
    """A link label (menu, sidebar, footer): exact label 1.0, label contained in a longer text 0.8."""
    if not label:
        return None
    m = vocab.sections().by_label(label)
    if m is None:
        return None
    exact = m.confidence >= 1.0
    return Decision(m.key, f"{where}:{m.evidence}", _conf(f"{where}_exact" if exact else f"{where}_partial"))


def from_url(url: str, base_path: str | None = None) -> Decision | None:
    """Path segments from the last section-like one backwards; within a segment the longest pattern wins, so
    `/van-ban/chi-dao-dieu-hanh` is chi-dao-dieu-hanh. Article slugs and everything after Liferay's `/-/` are
    skipped: they name the article. `base_path` (the portal's own prefix, e.g. `/web/so-tai-chinh`) names the
    portal, not a section: `/web/so-tai-chinh/thu-vien-video` is not the finance section."""
    path = unquote(urlsplit(url).path).lower().split("/-/")[0]
    base = unquote(base_path or "").lower().rstrip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):]
    segments = [s for s in path.split("/") if s and s not in ("web", "pages", "vi", "portal")]
    voc = vocab.sections()
    for seg in reversed(segments):
        seg = re.sub(r"\.(aspx|html?|php)$", "", seg)
        if _ARTICLE_SLUG.match(seg):
            continue
        best = None
        for pattern, key, original in voc.url_patterns():
            if pattern.search(seg) and (best is None or len(original) > len(best[1])):
                best = (key, original)
        if best:
            return Decision(best[0], f"url:{best[1]}", _conf("url"))
    return None


def from_breadcrumb(doc) -> Decision | None:
    crumbs = css(".breadcrumb a, .breadcrumbs a, ul.breadcrumb li, .breadcrumb span, nav[aria-label=breadcrumb] a, "
                 ".ms-sitemapdirectional a, .navbreadcrumb a, .breadcrumb-item, .duong-dan a")(doc)
    texts = []
    for el in crumbs:
        text = " ".join(el.text_content().split())
        if text and text not in texts:
            texts.append(text)
    for exact_only in (True, False):
        for text in reversed(texts):
            m = vocab.sections().by_label(text, exact=exact_only)
            if m and (exact_only or len(text) <= 60):
                return Decision(m.key, f"breadcrumb:{m.evidence}",
                                _conf("breadcrumb_exact" if m.confidence >= 1.0 else "breadcrumb_partial"))
    return None


def from_heading(doc) -> Decision | None:
    for el in doc.xpath("//h1|//h2|//*[contains(@class,'portlet-title')]"):
        if in_chrome(el) or "hide" in (el.get("class") or ""):
            continue
        m = vocab.sections().by_label(" ".join(el.text_content().split()), exact=True)
        if m:
            return Decision(m.key, f"heading:{m.evidence}", _conf("heading_exact"))
    return None


def from_content(doc) -> Decision | None:
    header_rows = []
    for table in doc.iter("table"):
        rows = table.xpath("./thead/tr|./tbody/tr|./tr")
        if rows:
            header_rows.append(" | ".join(vocab.fold(c.text_content()) for c in rows[0].xpath("./th|./td")))
    for key, signatures in (_rules().get("content") or {}).items():
        for sig in signatures:
            if "css" in sig and any(not in_chrome(el) for el in css(sig["css"])(doc)):
                return Decision(key, f"content:css:{sig['css']}", _conf("content"))
            if "headers" in sig:
                want = [vocab.fold(h) for h in sig["headers"]]
                if any(all(f" {w} " in f" {row} " for w in want) for row in header_rows):
                    return Decision(key, f"content:headers:{'+'.join(sig['headers'])}", _conf("content"))
    return None


def from_title_words(doc) -> Decision | None:
    """Last resort: the page's own title contains a section label ("Bản tin truyền thanh số 45"). Weak: an article
    title uses ordinary words, so this only speaks when nothing else did."""
    el = title(doc)
    if el is None:
        return None
    m = vocab.sections().by_label(" ".join(el.text_content().split()))
    return Decision(m.key, f"title:{m.evidence}", _conf("title_words")) if m else None


def classify(doc, url: str, via: str | None = None) -> Decision:
    """The section of a page: `via` is the menu/sidebar/footer label it was reached from, if any."""
    for found in (from_label(via), from_breadcrumb(doc), from_url(url), from_heading(doc), from_content(doc),
                  from_title_words(doc)):
        if found is not None:
            return found
    return Decision(OTHER, "none", 0.0)


@dataclass(frozen=True)
class Confirmation:
    """A section page checked at page time against what it says of itself. `conflict` is the key the page
    names when it is not the one of the link that reached it."""
    key: str
    evidence: str | None
    confidence: float
    conflict: str | None = None


def confirm(key: str, evidence: str | None, confidence: float, doc) -> Confirmation:
    """The link that reached a section page said `key` (with `evidence`, `confidence`); the page's breadcrumb,
    else its heading (the next steps of `classify`), says what the page is. Agreement: the stronger of the two
    confidences, both pieces of evidence. Disagreement: the key stays — the portal put the link there, and a page is
    never moved silently — but the confidence drops to rules/sections.yaml `confidence.disagreement` (under the
    review threshold: a person decides) and the evidence names both sides. Silence (or no page: `doc` None, a
    failed fetch) leaves the reading as it was."""
    page = (from_breadcrumb(doc) or from_heading(doc)) if doc is not None else None
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
