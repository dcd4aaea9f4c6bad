"""What the crawler refuses to parse: binary bytes before lxml sees a page, nesting from its error log (issue 9).

Scrapy already bounds the transfer: DOWNLOAD_MAXSIZE applies to the body as received and, since Scrapy 2.11.1, to
the body as decompressed (a gzip bomb is dropped while inflating), and DOWNLOAD_TIMEOUT covers the whole download,
so a response that trickles forever ends as `timeout`. What is left is what arrives within those bounds but is not
a page: bytes that are not text (an image or archive behind `Content-Type: text/html`), and markup nested deeper
than libxml2 reads (it silently stops at depth 256, so the page would be read truncated, as if it had less content).
Each gets a named fetch status (crawler/status.py) instead of a partial reading.
"""
from __future__ import annotations

import re

# libxml2's own limit without XML_PARSE_HUGE: deeper content is dropped without an error.
MAX_NESTING = 256
SNIFF_CHARS = 8192
# Share of the sniffed text that is C0 control characters or U+FFFD (undecodable bytes) above which it is not text.
# Real pages, even with a few invalid UTF-8 sequences, stay far below; random bytes decode to about a third.
MAX_BINARY_SHARE = 0.1
MIN_BINARY_CHARS = 64  # and at least this many: a short page with a few stray bytes is still a page

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


class PageRefused(ValueError):
    """A page that is not parsed; `status` is its fetch status."""

    def __init__(self, status: str, detail: str):
        super().__init__(detail)
        self.status = status


def check(text: str) -> None:
    """Raise PageRefused(`not_html`) for text that is not HTML: binary bytes decoded as text."""
    head = text[:SNIFF_CHARS]
    if head:
        odd = len(_CONTROL.findall(head))
        if odd > MIN_BINARY_CHARS and odd > MAX_BINARY_SHARE * len(head):
            raise PageRefused("not_html", f"{odd} of the first {len(head)} characters are control or undecodable bytes")


def check_parsed(error_log) -> None:
    """Raise PageRefused(`too_deep`) when libxml2 stopped reading at its nesting limit (MAX_NESTING): its error log
    says so, which costs nothing on ordinary pages, unlike counting tags before parsing."""
    for error in error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" and "depth" in error.message:
            raise PageRefused("too_deep", f"markup nested deeper than {MAX_NESTING} elements")


# A heading or link label longer than this is not a title but a page's body in a heading tag (or an attack): it
# would be stored, indexed and printed on every report line whole. Real titles stay under 300 characters.
MAX_TITLE_CHARS = 500
_CAPPED_KEYS = ("title", "label", "listed_title")


def cap(text):
    """`text` cut at MAX_TITLE_CHARS with an ellipsis (anything that is not a string as it is)."""
    if isinstance(text, str) and len(text) > MAX_TITLE_CHARS:
        return text[:MAX_TITLE_CHARS - 1].rstrip() + "…"
    return text


def cap_titles(item: dict) -> dict:
    """A stored page or fact with its titles and labels capped (in place)."""
    for holder in (item, item.get("data")):
        if isinstance(holder, dict):
            for key in _CAPPED_KEYS:
                if key in holder:
                    holder[key] = cap(holder[key])
    return item
