"""Audit periods: an inclusive date range, a calendar month by default."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from audit.errors import one_line

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class PeriodError(ValueError):
    """A period argument that cannot be understood; the message is shown to the user as is, on one line."""

    def __init__(self, message: object = ""):
        super().__init__(one_line(message))


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def month(cls, text: str) -> "Period":
        m = _MONTH.match(text.strip())
        if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
            raise PeriodError(f"--period '{text}': cần dạng YYYY-MM, ví dụ 2026-10")
        y, mo = int(m.group(1)), int(m.group(2))
        return cls(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]))

    @classmethod
    def parse(cls, period: str | None, start: str | None = None, end: str | None = None) -> "Period":
        """Build from `--period YYYY-MM` and/or `--from/--to YYYY-MM-DD` (explicit dates win)."""
        base = cls.month(period) if period else None
        try:
            s = date.fromisoformat(start) if start else (base.start if base else None)
        except ValueError:
            raise PeriodError(f"--from '{start}': cần ngày dạng YYYY-MM-DD") from None
        try:
            e = date.fromisoformat(end) if end else (base.end if base else None)
        except ValueError:
            raise PeriodError(f"--to '{end}': cần ngày dạng YYYY-MM-DD") from None
        if s is None or e is None:
            raise PeriodError("thiếu kỳ đánh giá: dùng --period YYYY-MM hoặc cả --from và --to")
        if e < s:
            raise PeriodError(f"kỳ đánh giá sai: --to {e} trước --from {s}")
        return cls(s, e)

    def contains(self, moment: date | datetime | None) -> bool:
        if moment is None:
            return False
        d = moment.date() if isinstance(moment, datetime) else moment
        return self.start <= d <= self.end

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def bounds(self) -> tuple[datetime, datetime]:
        return datetime.combine(self.start, time.min), datetime.combine(self.end, time.max)
