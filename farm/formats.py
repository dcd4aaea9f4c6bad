"""Small encoders shared by the renderers: HTML escaping, Gson-style JSON, the platform's date formats."""
from __future__ import annotations

import json
from datetime import date, datetime
from html import escape

from farm.vocab import WEEKDAYS


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def gson(obj: object) -> str:
    """JSON the way the portlets' Gson writes it: UTF-8, compact, with = & < > ' as \\u escapes.

    Those characters only ever occur inside JSON strings, so replacing them in the dumped text is exact.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("=", "\\u003d").replace("&", "\\u0026").replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("'", "\\u0027"))


def dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def created_date(dt: datetime, fmt: str, salt: int = 0) -> str:
    """Listing `createdDate`: 'dd/MM/yyyy hh:mm' (12-hour clock, no AM/PM, as the platform does) or
    'dd/MM/yyyy HH:mm:ss' (seconds are cosmetic, derived from the item id)."""
    if fmt == "12h":
        h12 = dt.hour % 12 or 12
        return f"{dmy(dt)} {h12:02d}:{dt.minute:02d}"
    return f"{dmy(dt)} {dt.hour:02d}:{dt.minute:02d}:{salt % 60:02d}"


def detail_date_html(dt: datetime, style: int) -> str:
    """The publish date on an article page, in one of the theme styles seen on the platform's family of sites."""
    if style == 0:
        return f'<span class="date_time">{dmy(dt)} {dt.hour:02d}:{dt.minute:02d}</span>'
    if style == 1:
        return (f'<div class="time-post">{WEEKDAYS[dt.weekday()]}, {dmy(dt)}, '
                f'{dt.hour:02d}:{dt.minute:02d}</div>')
    if style == 2:
        return f'<span class="publish-date">Ngày đăng: {dmy(dt)}</span>'
    return (f'<p class="date-update">Cập nhật lúc {dt.hour:02d}:{dt.minute:02d} '
            f'ngày {dt.day}/{dt.month}/{dt.year}</p>')


def ymd_slash(d: date) -> str:
    """Q&A dates: yyyy/MM/dd."""
    return f"{d.year:04d}/{d.month:02d}/{d.day:02d}"
