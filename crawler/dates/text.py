"""Dates inside one short text, day-first always.

Hand-written patterns rather than dateparser because the forms are few and fixed (the platform writes dd/MM/yyyy,
`dd/MM/yyyy hh:mm` without AM/PM, yyyy/MM/dd for Q&A), dateparser cannot read "Cập nhật lúc 08:30 ngày 15/9/2025"
and fills in missing parts, and a regex pass is ~100x faster (field-notes.md). dateparser stays the last resort
(fallback.py). Never month-first: "05/09/2025" is 5 September. Bare years and two-part dates are never completed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import yaml

from crawler import vocab

def _time(separators: str, meridiems: str) -> str:
    """An optional time after a date: "08:30", "lúc 8h30", "2:48 PM", "10:30:00 SA"."""
    return (rf"(?:\s*(?:{separators})?\s*(?P<h>\d{{1,2}})[:hg](?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?"
            rf"(?:\s*(?P<ap>{meridiems})(?![\w]))?)?")


_TIME = _time(r",|-|lúc|\|", r"[AaPp]\.?[Mm]\.?|SA|CH|sáng|chiều|tối")
# The same on text whose letters are folded (named months, see _named_patterns), English "at" included.
_TIME_FOLDED = _time(r",|-|luc|at|\|", r"[ap]\.?m\.?|sa|ch|sang|chieu|toi")
DMY = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})(?![\d/])" + _TIME)
YMD = re.compile(r"(?<![\d/.\-])(?P<y>\d{4})[/\-](?P<m>\d{1,2})[/\-](?P<d>\d{1,2})(?!\d)"
                 r"(?:(?:T|\s+|[A-Z]{3})(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?")
TIME_FIRST = re.compile(r"(?P<h>\d{1,2})[:hg](?P<mi>\d{2})(?::\d{2})?\s*(?:,|-|\|)?\s*(?:ngày\s*)?"
                        r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})", re.I)
WORDS = re.compile(r"(?:ngày\s+)?(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,|/)\s*|\s+)(?P<y>\d{4})"
                   + _TIME, re.I)
# "tháng 11 6, 2024": the Vietnamese words of an English month-first format (Babel, CKAN) — the month is named.
MONTH_NAMED = re.compile(r"(?<!\d\s)tháng\s+(?P<m>\d{1,2})\s+(?P<d>\d{1,2}),\s*(?P<y>\d{4})" + _TIME, re.I)



@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    return {vocab.fold(name): int(month) for month, names in rules()["month_names"].items() for name in names}


@lru_cache(maxsize=1)
def _named_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """Dates with the month as a word (rules/dates.yaml `month_names`), day first or month first. Matched on the
    text with its letters folded and its punctuation kept (positions unchanged: see hits), so "Tháng Hai" and "thang
    hai" are one."""
    names = "|".join(re.escape(n) for n in sorted(_month_names(), key=len, reverse=True))
    day_first = re.compile(rf"(?<![\d/.])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<mn>{names})\.?,?\s+(?P<y>\d{{4}})(?!\d)"
                           + _TIME_FOLDED)
    month_first = re.compile(rf"(?<![a-z])(?P<mn>{names})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<y>\d{{4}})(?!\d)"
                             + _TIME_FOLDED)
    return ((day_first, "d-month-yyyy"), (month_first, "month-d-yyyy"))


_NAMED_HINT = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?\.?,?\s+[^\W\d_][^\d]{1,20}\d{4}(?!\d)|"
                         r"[^\W\d_]{3}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*\d{4}(?!\d)")

# Tried in this order within a text; the method names are what the evidence records. Named months after these.
PATTERNS = ((TIME_FIRST, "time-first"), (WORDS, "ngay-thang-nam"), (MONTH_NAMED, "thang-m-d-yyyy"),
            (DMY, "dd/mm/yyyy"), (YMD, "yyyy/mm/dd"))


@dataclass(frozen=True)
class FoundDate:
    value: datetime
    method: str


@dataclass(frozen=True)
class Hit:
    """One date in a text, where it starts, and the label (kind, label) written before it, if any."""
    value: datetime
    pattern: str
    start: int
    kind: str | None  # published | updated | weekday | None
    label: str | None


@lru_cache(maxsize=1)
def rules() -> dict:
    return yaml.safe_load((vocab.RULES / "dates.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    """Labels of rules/dates.yaml as one regex over folded text (no diacritics, lower case), longest first."""
    data = rules()
    pairs = [(vocab.fold(lbl), kind) for kind in ("published", "updated", "weekday")
             for lbl in data[f"{kind}_labels"]]
    pairs.sort(key=lambda p: -len(p[0]))
    # A digit may touch a label's start: text_content() glues "<span>… 22/10/2025</span><br><span>Ngày đăng: …"
    # into "22/10/2025Ngày đăng", and the label must still be seen there.
    return re.compile("|".join(rf"(?:(?<![a-z])(?P<{kind[0]}{i}>{re.escape(lbl)})(?![a-z0-9]))"
                               for i, (lbl, kind) in enumerate(pairs)))


def _build(m: re.Match) -> datetime | None:
    groups = m.re.groupindex
    try:
        mo = _month_names()[m.group("mn")] if "mn" in groups else int(m.group("m"))
        y, d = int(m.group("y")), int(m.group("d"))
        h = int(m.group("h") or 0) if "h" in groups else 0
        mi = int(m.group("mi") or 0) if "mi" in groups else 0
        s = int(m.group("s") or 0) if "s" in groups and m.group("s") else 0
        if y < rules()["min_year"] or y > 2100:
            return None
        ap = (m.group("ap") or "").lower().replace(".", "") if "ap" in groups else ""
        if ap in ("pm", "ch", "chiều", "tối", "chieu", "toi") and h < 12:
            h += 12  # "2:48 PM" is 14:48; the day does not change
        elif ap in ("am", "sa", "sáng", "sang") and h == 12:
            h = 0
        if h > 23 or mi > 59 or s > 59:
            h = mi = s = 0
        return datetime(y, mo, d, h, mi, s)
    except (ValueError, IndexError, TypeError):
        return None


def hits(text: str, now: datetime | None = None) -> list[Hit]:
    """Every full date (day, month and year) in the text, in reading order, each with its preceding label.

    A label applies to the dates after it up to the next label, so "Ngày đăng: 01/09/2025 | Cập nhật: 05/09/2025"
    gives one published and one updated hit. Dates after `now` are dropped (a page cannot be published later than
    it was read: those are announced events)."""
    if not text:
        return []
    text = " ".join(text.split())
    # Labels and month names are found on the folded text; folding keeps the length of Vietnamese text except for
    # the punctuation it collapses, so positions are mapped through a per-character fold instead.
    folded = "".join(_fold_char(c) for c in text.lower())
    spans: list[tuple[int, int, datetime, str]] = []
    tried = [(p, n, text) for p, n in PATTERNS]
    if _NAMED_HINT.search(text):  # a day, a word, a year: only then is a named month worth folding the text for
        letters = "".join(_fold_char(c) if c.isalpha() else c for c in text.lower())  # punctuation kept
        tried += [(p, n, letters) for p, n in _named_patterns()]
    for pattern, name, where in tried:
        for m in pattern.finditer(where):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _, _ in spans):
                continue
            value = _build(m)
            if value is not None:
                spans.append((m.start(), m.end(), value, name))
    spans.sort()
    labels = [(m.start(), next(k for k, v in m.groupdict().items() if v), m.group(0))
              for m in _label_pattern().finditer(folded)]
    # "từ ngày 17/11/2025 đến ngày 21/11/2025", "17/11 - 21/11/2025": a period (a schedule's week, an event), whose
    # dates are nobody's publish date.
    ranged = set()
    for (s1, e1, _, _), (s2, _e2, _, _) in zip(spans, spans[1:]):
        between = text[e1:s2].lower()
        if len(between) <= 14 and re.fullmatch(r"\s*(?:đến|tới|-|–|—|~)\s*(?:ngày\s*)?", between) and \
                (re.search(r"(?:từ|from)\s*(?:ngày\s*)?$", text[max(0, s1 - 12):s1].lower()) or between.strip() in "-–—~"):
            ranged.update((s1, s2))
    out = []
    for start, _end, value, name in spans:
        if now is not None and value > now or start in ranged:
            continue
        before = [lb for lb in labels if lb[0] < start]
        kind = label = None
        if before:
            pos, group, _ = before[-1]
            kind = {"p": "published", "u": "updated", "w": "weekday"}[group[0]]
            label = text[pos: pos + len(before[-1][2])]
        out.append(Hit(value, name, start, kind, label))
    return out


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    folded = vocab.fold(c)
    return folded[0] if folded else " "


def best(found: list[Hit]) -> Hit | None:
    """The original date among several: a published-labelled one, else the first that is not an update."""
    for kind in ("published", "weekday", None, "updated"):
        for h in found:
            if h.kind == kind:
                return h
    return None


def parse_text(text: str, now: datetime | None = None) -> FoundDate | None:
    """A date inside a short text (the first full date; published label preferred over updated)."""
    h = best(hits(text, now))
    return FoundDate(h.value, f"text:{h.pattern}") if h else None


def parse_listing_date(value: str | None) -> datetime | None:
    """A listing JSON date (`createdDate`, `dateDisplay`): dd/MM/yyyy[ hh:mm[:ss]] or yyyy/MM/dd."""
    if not value:
        return None
    found = parse_text(str(value))
    return found.value if found else None
