"""Working days for deadlines: Mon–Fri minus Vietnamese public holidays, with announced swaps from rules/calendar.yaml.

The `holidays` package (pinned 0.109) knows Tết, the fixed holidays, substitute days and the make-up Saturdays it was
released with; days announced later go into rules/calendar.yaml (`days_off`, `make_up_workdays`).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import holidays

from audit.errors import ConfigError
from audit.rules_yaml import RULES_DIR, mapping, read_yaml

CALENDAR_FILE = RULES_DIR / "calendar.yaml"


class WorkCalendar:
    def __init__(self, days_off: dict[dt.date, str] | None = None, make_up: dict[dt.date, str] | None = None):
        self.days_off = dict(days_off or {})
        self.make_up = dict(make_up or {})
        self._vn = holidays.VN()  # lazily fills each year on first lookup

    def is_working_day(self, d: dt.date) -> bool:
        if d in self.days_off or d in self._vn:  # `in` also loads d's year, so weekend_workdays is filled below
            return False
        if d in self.make_up or d in self._vn.weekend_workdays:
            return True
        return d.weekday() < 5

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The date n working days after d; d itself is not counted (a question of Friday 13/2/2026 with n=5 is due
        Friday 27/2/2026, after Tết). n=0 gives d."""
        if n < 0:
            raise ValueError("n must be >= 0")
        while n:
            d += dt.timedelta(days=1)
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start): the delay of an answer."""
        n, d = 0, start
        while d < end:
            d += dt.timedelta(days=1)
            n += self.is_working_day(d)
        return n


def load_calendar(path: str | Path | None = None) -> WorkCalendar:
    p = Path(path) if path else CALENDAR_FILE
    doc = mapping(read_yaml(p) or {}, str(p))
    unknown = set(doc) - {"days_off", "make_up_workdays"}
    if unknown:
        raise ConfigError(f"{p}: khóa lạ '{sorted(unknown)[0]}' (có: days_off, make_up_workdays)")
    return WorkCalendar(_dates(p, doc, "days_off"), _dates(p, doc, "make_up_workdays"))


def _dates(p: Path, doc: dict, key: str) -> dict[dt.date, str]:
    out: dict[dt.date, str] = {}
    for i, entry in enumerate(doc.get(key) or [], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), dt.date) or not entry.get("reason"):
            raise ConfigError(f"{p}: {key} mục {i}: cần {{date: YYYY-MM-DD, reason: ...}}")
        out[entry["date"]] = str(entry["reason"])
    return out


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    return load_calendar()


def add_working_days(d: dt.date, n: int, calendar: WorkCalendar | None = None) -> dt.date:
    return (calendar or default_calendar()).add_working_days(d, n)


def is_working_day(d: dt.date, calendar: WorkCalendar | None = None) -> bool:
    return (calendar or default_calendar()).is_working_day(d)
