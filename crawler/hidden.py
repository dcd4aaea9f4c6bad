"""What the page's own styles hide from a person: an element under `display:none` (inline, or by a rule of the
page's <style> blocks outside media queries). A search box the page hides is not offered to anyone.

Hand-written rather than a CSS engine: only the page's inline <style> rules that hide are read (no cascade, no
external sheets), because that is what themes use to switch widgets off, and a browser is not available to a crawl.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cssselect import SelectorError
from lxml.cssselect import CSSSelector

_HIDES = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _without_at_blocks(css: str) -> str:
    """Drop @media/@supports/... blocks with their nested rules (a rule for small screens hides nothing here)."""
    out, i = [], 0
    while True:
        at = css.find("@", i)
        if at < 0:
            out.append(css[i:])
            return "".join(out)
        out.append(css[i:at])
        brace = css.find("{", at)
        semi = css.find(";", at)
        if brace < 0 or 0 <= semi < brace:  # @import …; @charset …;
            i = (semi + 1) if semi >= 0 else len(css)
            continue
        depth, j = 0, brace
        while j < len(css):
            depth += css[j] == "{"
            depth -= css[j] == "}"
            j += 1
            if depth == 0:
                break
        i = j


@lru_cache(maxsize=512)
def _selector(text: str):
    try:
        return CSSSelector(text)
    except (SelectorError, ValueError, SyntaxError):
        return None


def hidden(doc) -> set:
    """Elements the page hides (the subtree under each is hidden too)."""
    out = {el for el in doc.iter() if isinstance(el.tag, str) and _HIDES.search(el.get("style") or "")}
    for style in doc.iter("style"):
        css = _without_at_blocks(_COMMENT.sub("", style.text or ""))
        for selectors, body in _RULE.findall(css):
            if not _HIDES.search(body):
                continue
            for sel in selectors.split(","):
                compiled = _selector(sel.strip())
                if compiled is not None and sel.strip():
                    out.update(compiled(doc))
    return out


def is_hidden(el, hidden_set: set) -> bool:
    return bool(hidden_set) and (el in hidden_set or any(a in hidden_set for a in el.iterancestors()))
