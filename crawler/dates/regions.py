"""Where on a page its own date can be: not in chrome (sidebars, related lists, footers, menus), not inside the
article body (document metadata, quoted decisions, announced events), but in the short blocks around the title."""
from __future__ import annotations

import re
from functools import lru_cache

from lxml.cssselect import CSSSelector

from crawler.dates.text import rules


@lru_cache(maxsize=1)
def _chrome_words() -> re.Pattern:
    words = "|".join(re.escape(w) for w in rules()["chrome_words"])
    return re.compile(rf"(?:^|[\s_\-])(?:{words})(?:$|[\s_\-\d])", re.I)


def is_chrome_element(el) -> bool:
    """This element itself is chrome: a footer, menu or sidebar tag, the site header, or a class/id naming one."""
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


def bodies(doc) -> list:
    # One union selector walks the tree once; a loop over the selectors walked it once per selector.
    return css(", ".join(rules()["body_selectors"]))(doc)


def in_body(el, body_set) -> bool:
    return any(anc in body_set for anc in el.iterancestors())


def title(doc):
    """The page's own title element: a known title selector, else the only real <h1> outside chrome."""
    for sel in rules()["title_selectors"]:
        for el in css(sel)(doc):
            if not in_chrome(el):
                return el
    h1s = [el for el in doc.iter("h1") if not in_chrome(el)
           and "hide" not in (el.get("class") or "") and el.find(".//a") is None]
    return h1s[0] if len(h1s) == 1 else None


def near_title(doc, title_el) -> list:
    """Short blocks right before and after the title, stopping at the body: where CMSs print the date."""
    limit, max_chars = rules()["near_title_blocks"], rules()["near_title_max_chars"]
    body_set = set(bodies(doc))
    out = []
    prev = title_el.getprevious()
    if prev is not None and isinstance(prev.tag, str) and prev not in body_set:
        out.append(prev)
    node, count = title_el, 0
    while node is not None and count < limit:
        nxt = node.getnext()
        while nxt is None and node.getparent() is not None:
            node = node.getparent()
            if node.tag == "body":
                return _usable(out, max_chars)
            nxt = node.getnext()
        if nxt is None:
            break
        node = nxt
        if not isinstance(node.tag, str):
            continue
        if node in body_set or any(b in body_set for b in node.iter()) or in_chrome(node) \
                or node.tag in ("footer", "nav", "aside"):
            break
        count += 1
        out.append(node)
    return _usable(out, max_chars)


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
