"""Errors a user can cause. The CLI prints their message as one line and exits 2; no traceback."""
from __future__ import annotations

import re

_BREAK = re.compile(r"[ \t]*(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])[ \t]*")


def one_line(text: object) -> str:
    """A message that stays on one line: what it quotes from the user's files or arguments may hold line breaks
    and control characters (breaks become spaces, other control characters escapes)."""
    flat = _BREAK.sub(" ", str(text))
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in flat)


class ConfigError(Exception):
    """Bad registry, bad argument, unreachable database...: the message names file:line, field or URL."""

    def __init__(self, message: object = "", *args):
        super().__init__(one_line(message), *args)
