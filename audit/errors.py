"""Errors a user can cause. The CLI prints their message as one line and exits 2; no traceback."""
from __future__ import annotations

import re

# The user name and password of a URL (scheme://user:password@host): never repeated in a message or a log. In free
# text a space ends the URL; within one URL everything before the host is user information.
_USERINFO_IN_URL = re.compile(r"(?<=://)[^/?#]*@")
_USERINFO_IN_TEXT = re.compile(r"(?<=://)[^/?#\s]*@")
# Bidi marks, embeddings, overrides and isolates: text holding them reads differently from what it says
# (CVE-2021-42574). Registries refuse them in names; the report spells them out.
BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAK = re.compile(r"[ \t]*(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])[ \t]*")


def one_line(text: object) -> str:
    """A message that stays on one line: what it quotes from the user's files or arguments may hold line breaks
    and control characters (breaks become spaces, other control characters escapes)."""
    flat = _BREAK.sub(" ", str(text))
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in flat)


def masked_url(url: str) -> str:
    return _USERINFO_IN_URL.sub("***@", url, count=1)


def mask_credentials(text: str) -> str:
    """`text` with the user information of every URL in it replaced by ***."""
    return _USERINFO_IN_TEXT.sub("***@", text)


class ConfigError(Exception):
    """Bad registry, bad argument, unreachable database...: the message names file:line, field or URL."""

    def __init__(self, message: object = "", *args):
        super().__init__(one_line(message), *args)
