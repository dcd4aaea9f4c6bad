"""The page's own title element, located by what the page and the crawl say the title is, not by counting <h1>.

Real themes print many headings (Liferay gives every box an `h1.portlet-title`), so "the one h1" is no rule. What
every portal has instead, tried in this order (each recorded as the `how`):
  1. `link`      — the text of the link that led to the page (a listing's entry names its article);
  2. `og:title`  — the page's Open Graph / Twitter title;
  3. `head`      — the <title>, whole or its first part before the site name (" - ", " | ", " :: ");
  4. `selector`  — the title elements of known CMSs (rules/dates.yaml `title_selectors`), the only <h1>, or an
                   old table layout's heading that repeats the <title> (crawler/dates/regions.py).
For 1-3 the title is the deepest element outside links, menus and breadcrumbs whose text is that text (a listing
may cut a long title with "…": a prefix of at least `PREFIX_SHARE` of it is the same title).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crawler import vocab
from crawler.dates.regions import is_chrome_element, page as date_page

MIN_CHARS = 8  # a shorter text is a site or category name ("Tin tức"), not a headline to locate
PREFIX_SHARE = 0.7
_HEAD_SEPARATORS = re.compile(r"\s+(?:-|–|—|\||::|»)\s+")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
SKIP = {"script", "style", "noscript", "select", "option", "title", "head", "a", "nav", "footer", "button", "label",
        "input", "textarea", "form"}
# A whole page may sit in one <form> (ASP.NET WebForms, SharePoint): only these ancestors exclude a title.
SKIP_ANCESTORS = SKIP - {"form"}


@dataclass(frozen=True)
class Title:
    element: object
    text: str
    how: str  # link | og:title | head | selector


def _candidates(doc, cue: str | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if cue:
        out.append((cue, "link"))
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or "").lower()
        if key in ("og:title", "twitter:title") and el.get("content"):
            out.append((el.get("content"), "og:title"))
    head = " ".join((doc.findtext(".//title") or "").split())
    if head:
        # "<headline> - <category> - <site>", and headlines have dashes of their own: the whole <title>, then one
        # trailing part less at a time.
        seps = [m for m in _HEAD_SEPARATORS.finditer(head)]
        out.append((head, "head"))
        out.extend((head[:m.start()], "head") for m in reversed(seps))
    slug = _slug_words(doc.base_url or "")
    if slug:
        out.append((slug, "url-slug"))
    return [(" ".join(t.split()), how) for t, how in out if len(vocab.fold(t)) >= MIN_CHARS]


_SLUG_PART = re.compile(r"^(?:\d+-)?(?P<words>[a-z0-9]+(?:-[a-z0-9]+){3,}?)(?:-\d{4,})?(?:\.\w{2,5})?$")


def _slug_words(url: str) -> str | None:
    """An article's address spells its title without marks ("/lich-cong-tac-tuan-thu-25-cua-chu-tich…/",
    "…/-/view_content/1712928-xu-phat-doanh-nghiep…html"): the words of its last path segment, ids left out."""
    from urllib.parse import unquote, urlsplit

    parts = [p for p in unquote(urlsplit(url).path).lower().split("/") if p]
    if not parts:
        return None
    m = _SLUG_PART.match(parts[-1])
    return m.group("words").replace("-", " ") if m else None


def _matches(text: str, want: str) -> bool:
    if text == want:
        return True
    short, full = (text, want) if len(text) < len(want) else (want, text)
    return len(short) >= PREFIX_SHARE * len(full) and full.startswith(short) and len(short) >= MIN_CHARS


def _excluded(el) -> bool:
    """Inside a link, a menu, a breadcrumb or the site's furniture: a listing entry or a menu label that repeats the
    title is not the title."""
    from crawler.layout import _crumb_words

    for anc in el.iterancestors():
        if anc.tag in SKIP_ANCESTORS or is_chrome_element(anc):
            return True
        marker = f"{anc.get('class', '')} {anc.get('id', '')}".strip()
        if marker and _crumb_words().search(marker):
            return True
    return False


def _lower(text: str) -> str:
    return " ".join(text.lower().split())


def locate(doc, cue: str | None = None) -> Title | None:
    body = doc.body if doc.body is not None else doc
    candidates = _candidates(doc, cue)
    if candidates:
        # Where each text node sits, found once: a title's text is in one node (or a few under one element), so the
        # element is looked for from the nodes that hold its start instead of folding every element's subtree.
        nodes = [(el, _lower(el.text)) for el in body.iter() if isinstance(el.tag, str) and el.text and el.text.strip()
                 and el.tag not in SKIP]
    for text, how in candidates:
        want = vocab.fold(_ELLIPSIS.sub("", text))
        if len(want) < MIN_CHARS:
            continue
        folded = how == "url-slug"  # a slug has no marks: nodes are compared folded
        probe = (want if folded else _lower(_ELLIPSIS.sub("", text)))[:MIN_CHARS]
        unseen = None  # a match printed for screen readers only: the title when no one sees it elsewhere
        for el, low in nodes:
            low = vocab.fold(low) if folded else low
            # The node holds the title's start, or is a short first piece of it ("<span>Hà Nội</span> xử phạt…").
            if probe not in low and not (len(low) < len(probe) and probe.startswith(low)):
                continue
            found = _deepest_match(el, want)
            if found is not None and _screen_reader_only(found):
                unseen = unseen if unseen is not None else found
            elif found is not None:
                return Title(found, " ".join(found.text_content().split()), how)
        if unseen is not None:
            return Title(unseen, " ".join(unseen.text_content().split()), how)
    el = date_page(doc).title
    if el is not None:
        return Title(el, " ".join(el.text_content().split()), "selector")
    return None


@lru_cache(maxsize=1)
def _screen_reader_tokens() -> frozenset[str]:
    from crawler.layout import rules

    return frozenset(rules().get("screen_reader_classes") or ())


def _screen_reader_only(el) -> bool:
    tokens = _screen_reader_tokens()
    return any(tokens.intersection((x.get("class") or "").lower().split())
               for x in [el, *el.iterancestors()] if isinstance(x.tag, str))


def _deepest_match(el, want: str):
    """`el` or the nearest ancestor (up to a few levels) whose whole text is the title's (or a cut of it)."""
    node = el
    for _ in range(4):
        if node is None or not isinstance(node.tag, str) or node.tag in ("body", "html"):
            return None
        raw = node.text_content()
        if len(raw) > len(want) / PREFIX_SHARE * 1.5 + 40:
            return None
        got = vocab.fold(_ELLIPSIS.sub("", raw))
        if got and _matches(got, want) and node.tag not in SKIP and not is_chrome_element(node) and not _excluded(node):
            return node
        node = node.getparent()
    return None
