"""The farm's content model: everything a portal shows, built deterministically from (seed, now).

Generators are seeded with strings such as f"{seed}:{portal_id}:{section}:{yyyy-mm}" (never the global random, never
hash()), so a month's items do not change when `now` moves on, and pages and truth agree byte for byte across runs.
Rendering (site.py, pages.py...) and the ground truth (truth.py) both read this model and nothing else; build*.py
fill it in.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays

from farm import vocab
from farm.portals import FarmPortal, load_portals

HISTORY_MONTHS = 14


@dataclass
class Item:
    id: int
    section: str  # the section whose listing shows it
    title: str
    published: datetime
    summary: str
    path: str  # detail page path, base path included


@dataclass
class Section:
    key: str
    label: str
    href: str  # path under the portal origin, or an absolute URL for external targets
    placement: str  # menu | sub | footer | sidebar
    group: str  # parent in the menu when placement == "sub": a section key or a GROUP_LABELS key
    page: str  # listing | intro | history | directory | documents | procedures | qa | schedule | access | external
    instance: str = ""  # portlet instance id of listings


@dataclass
class Question:
    id: int
    title: str
    content: str
    citizen: str
    address: str
    asked: date
    answer_id: int | None = None
    answered: date | None = None  # may be after now: then it is not shown yet
    answer: str = ""
    organization: str = ""


@dataclass
class DocumentRow:
    symbol: str
    summary: str
    issued: date
    effective: date
    organ: str
    doc_type: str
    file_path: str | None
    blank: tuple[str, ...] = ()  # columns left empty on this row


@dataclass
class Link:
    target: str  # "portal:<id>" or an absolute URL
    label: str
    path: str = ""  # deep path appended to a portal's base URL

    def url(self, port: int) -> str:
        if not self.target.startswith("portal:"):
            return self.target
        from farm.portals import portal_by_id

        p = portal_by_id(self.target[7:])
        base = p.base_url(port)
        return base.rstrip("/") + self.path if self.path else base


@dataclass
class Theme:
    listing: str  # ajax | inline | widget
    created_fmt: str  # 12h: dd/MM/yyyy hh:mm | 24s: dd/MM/yyyy HH:mm:ss
    detail_date: int  # index into pages.DETAIL_DATE_STYLES
    detail_prefix: str  # "news", "section" or "" (province root /-/details/)
    widget_pager: str  # page | cur
    per_page: int  # default page size of listings
    absolute_resource_urls: bool
    print_style: str  # printDiv | link
    frame: str = "classic"  # page frame: a Liferay theme (cms.LIFERAY_THEMES) or the portal's other platform
    prefix: str = ""  # language prefix of every internal link ("/vi", "/en"; portal4 theme only, cms.language_prefix)


@dataclass
class PortalModel:
    portal: FarmPortal
    seed: int
    now: datetime
    features: dict[str, str]
    group_id: int
    theme: Theme
    sections: dict[str, Section] = field(default_factory=dict)
    items: dict[str, list[Item]] = field(default_factory=dict)  # per listing section, newest first
    articles: dict[int, Item] = field(default_factory=dict)
    intro_style: str = "headings"  # headings | subpages
    # The header's language switch to the English version (QĐ 96 Điều 8 khoản 2 điểm d), "" when there is none.
    english_href: str = ""
    intro_elements: dict[str, str] = field(default_factory=dict)  # element key -> label shown
    intro_filler: list[str] = field(default_factory=list)
    history_label: str = ""  # department history page heading (element qua-trinh-hinh-thanh)
    contact: dict[str, str] = field(default_factory=dict)  # address/phone/fax/email -> value
    directory_columns: list[str] = field(default_factory=list)
    directory: list[dict[str, str]] = field(default_factory=list)
    doc_columns: list[str] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)
    doc_search: bool = False
    procedures: list[tuple[str, str, str, str]] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)  # newest first
    leaders: list[tuple[str, str]] = field(default_factory=list)  # schedule rows: (name, position)
    schedule_until: date | None = None  # last day with entries (None: no entries at all)
    access_elements: dict[str, str] = field(default_factory=dict)
    search: str = "working"  # working | broken | absent
    has_print: bool = True
    links: list[Link] = field(default_factory=list)
    org: str = ""
    platform: str = "liferay"  # liferay | sharepoint | nukeviet | wordpress (farm/cms.py)

    @property
    def base(self) -> str:
        return self.portal.base_path

    @property
    def link_base(self) -> str:
        """What the portal's own links start with: the base path, after a language prefix on some portal4 portals."""
        return self.theme.prefix + self.portal.base_path

    @property
    def history_start(self) -> date:
        return history_start(self.now)

    def all_articles(self) -> list[Item]:
        return sorted(self.articles.values(), key=lambda i: (i.published, i.id), reverse=True)

    def schedule_entries(self, monday: date) -> list[tuple[int, date, str, str]]:
        """(leader row, day, time, task) of the week starting at `monday`; empty outside the published range."""
        return _schedule_week(self.seed, self.portal.id, len(self.leaders), self.history_start, self.schedule_until,
                              monday, self.org)


# ---- calendar helpers -------------------------------------------------------------------------------------------


def history_start(now: datetime) -> date:
    y, m = now.year, now.month - HISTORY_MONTHS
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 1)


def months_between(start: date, end: date) -> list[tuple[int, int]]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@lru_cache(maxsize=16)
def _vn_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.VN(years=year).keys())


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in _vn_holidays(d.year)


def add_working_days(d: date, n: int) -> date:
    """The n-th working day after d (n = 0: d itself). Used to place answers; truth.py recomputes deadlines alone."""
    cur = d
    while n > 0:
        cur += timedelta(days=1)
        if is_working_day(cur):
            n -= 1
    return cur


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


# ---- building ---------------------------------------------------------------------------------------------------


def rng_for(seed: int, *parts: object) -> random.Random:
    return random.Random(":".join([str(seed), *map(str, parts)]))


def person(rng: random.Random) -> str:
    return f"{rng.choice(vocab.SURNAMES)} {rng.choice(vocab.MIDDLE)} {rng.choice(vocab.GIVEN)}"


def fill(template: str, rng: random.Random, org: str, year: int) -> str:
    return template.format(
        org=org, topic=rng.choice(vocab.TOPICS), village=rng.choice(vocab.VILLAGES), event=rng.choice(vocab.EVENTS),
        group=rng.choice(vocab.GROUPS), occasion=rng.choice(vocab.OCCASIONS), work=rng.choice(vocab.WORKS),
        law=rng.choice(vocab.LAWS), field=rng.choice(vocab.FIELDS), achievement=rng.choice(vocab.ACHIEVEMENTS),
        period=rng.choice(vocab.PERIODS), year=year, prev_year=year - 1, person=person(rng))


def _schedule_week(seed: int, pid: str, n_leaders: int, start: date, until: date | None, monday: date,
                   org: str) -> list[tuple[int, date, str, str]]:
    if until is None or monday > until or monday + timedelta(days=4) < start:
        return []
    r = rng_for(seed, pid, "schedule", monday.isoformat())
    out = []
    for d in range(5):
        day = monday + timedelta(days=d)
        if day < start or day > until or not is_working_day(day):
            continue
        for row in range(n_leaders):
            if r.random() < 0.55:
                hh = r.choice(["07:30", "08:00", "08:30", "09:00", "14:00", "14:30", "15:00"])
                out.append((row, day, hh, vocab.nfc(fill(r.choice(vocab.SCHEDULE_TASKS), r, org, day.year))))
    if not out:
        for d in range(5):
            day = monday + timedelta(days=d)
            if start <= day <= until and is_working_day(day):
                out.append((0, day, "08:00", "Làm việc tại trụ sở"))
                break
    return out


class Farm:
    """All portal models for one (seed, now); each is built on first use and kept."""

    def __init__(self, seed: int, now: datetime):
        self.seed, self.now = seed, now.replace(second=0, microsecond=0)
        self._models: dict[str, PortalModel] = {}

    def model(self, portal_id: str) -> PortalModel:
        m = self._models.get(portal_id)
        if m is None:
            from farm.portals import portal_by_id

            from farm.build import build_portal

            m = self._models[portal_id] = build_portal(self.seed, self.now, portal_by_id(portal_id))
        return m

    def models(self) -> list[PortalModel]:
        return [self.model(p.id) for p in load_portals()]
