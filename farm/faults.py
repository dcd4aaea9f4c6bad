"""Faults the farm injects, one portal each: what real portals do to a crawler, and what the audit must make of it.

The table is data (FAULTS); nothing is seeded, so docs and tests can name the portals. Each fault says what the
crawl must record (`crawl_status` of the portal, `section_status` of the section it breaks) — the truth (truth.py)
turns that into criterion states: an unreachable portal is `unreachable`, a section whose landing page failed or
was blocked makes the criteria that read it `not_evaluable`, everything else is scored as usual.

Transport faults (down, slow, 5xx, 404, redirect loop, robots.txt, huge page, broken markup, wrong charset) are
applied by `FaultLayer` around the content renderer (site.FarmSite.handle_address); the two crawler traps (endless
calendar, endless sort/filter links) change what the pages link to and are rendered by pages.py when `traps` is on.
The unreadable-content faults replace one section's landing page (farm/unreadable.py): its content is all there for
a person, in markup no reader knows, and the truth makes the criteria reading it `needs_review`.
`python -m farm serve --no-faults` turns all of them off (benchmarks); the truth then takes `faults=False` too.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from farm.model import PortalModel, monday_of
from farm.portals import DOWN_PORTAL_ID


@dataclass(frozen=True)
class Fault:
    kind: str
    section: str | None = None  # the section it breaks (section faults) or the one it traps
    crawl_status: str = "ok"  # expected portal crawl status
    section_status: str | None = None  # expected status of the section's landing page (section faults)
    pin: tuple[str, str, str] | None = None  # (design feature, state if dealt absent) so the section exists
    tls: str | None = None  # served only over HTTPS with this farm/tls.py profile
    unread: str | None = None  # content faults: what the crawl must say it could not read (items|questions|schedule)
    note: str = ""


FAULTS: dict[str, Fault] = {
    DOWN_PORTAL_ID: Fault("down", crawl_status="connection_refused", note="address never listened on"),
    "so-xay-dung": Fault("slow", note="home page 3 s, about a third of the other HTML pages 3-8 s"),
    "xa-son-dong": Fault("flaky-5xx", note="first of every three requests for a listing URL answers 503"),
    "so-tai-chinh": Fault("404-section", "tai-chinh-ngan-sach", section_status="http_4xx",
                          pin=("tai_chinh", "absent", "items"), note="menu entry to a 404 page"),
    "xa-yen-dinh": Fault("redirect-loop", "thong-ke", section_status="redirect_loop",
                         pin=("thong_ke", "absent", "items"), note="/x -> /x/ -> /x ... (302 forever)"),
    "so-y-te": Fault("robots", "hoi-dap", section_status="robots_blocked", pin=("pakn", "absent", "good"),
                     note="robots.txt disallows the Q&A section"),
    "so-tu-phap": Fault("huge-page", "van-ban", section_status="too_large", pin=("documents", "absent", "full"),
                        note="20 MB documents page (DOWNLOAD_MAXSIZE is 16 MB)"),
    "xa-an-lac": Fault("endless-calendar", "lich-cong-tac", pin=("schedule", "absent", "active"),
                       note="'Tuần trước' and 'Tuần sau' links in both directions forever"),
    "xa-duong-huu": Fault("query-explosion", "tin-tuc", pin=("news", "absent", "high"),
                        note="sort/filter links on listing pages: endless distinct URLs, keeping the page number"),
    "phuong-chu": Fault("malformed-html", note="unclosed li/p/td/tr, stray </body></html> after the header"),
    "phuong-phuong-son": Fault("wrong-charset", note="HTTP header says windows-1252, the bytes are UTF-8"),
    "xa-bien-dong": Fault("legacy-charset", note="pages in windows-1258 (decomposed tones), declared so"),
    # TLS (farm/tls.py): served only over HTTPS; the crawl reads them and records the weakness as a finding.
    "xa-son-hai": Fault("legacy-tls", tls="legacy",
                        note="HTTPS only: 1024-bit RSA key, TLS 1.2 with 1024-bit DHE only (needs SECLEVEL=1)"),
    "xa-tan-son": Fault("bad-certificate", tls="bad-certificate",
                        note="HTTPS only: self-signed, expired, issued for another host"),
    "xa-bien-son": Fault("timeout", "tai-chinh-ngan-sach", section_status="timeout", pin=("tai_chinh", "absent", "items"),
                         note="headers, then one byte every few seconds, never finishing"),
    "xa-sa-ly": Fault("directory-5xx", "danh-ba", section_status="http_5xx", pin=("directory", "absent", "complete"),
                      note="officials directory page answers 500"),
    # Hostile content (issue 9): what the crawler must bound in memory and time, each on its own section.
    "xa-nam-duong": Fault("gzip-bomb", "thong-ke", section_status="too_large", pin=("thong_ke", "absent", "items"),
                          note="Content-Encoding: gzip, ~1 MB on the wire, over 1 GB inflated"),
    "so-dan-toc-va-ton-giao": Fault("streamed-50mb", "khen-thuong-xu-phat", section_status="too_large",
                                    pin=("khen_thuong", "absent", "items"),
                                    note="50 MB page streamed without Content-Length"),
    "phuong-que-vo": Fault("deep-nesting", "pho-bien-phap-luat", section_status="too_deep",
                           pin=("pho_bien", "absent", "high"), note="200 000 nested <div> in a small page"),
    "phuong-nhan-hoa": Fault("binary-html", "lich-cong-tac", section_status="not_html",
                             pin=("schedule", "absent", "active"), note="random bytes served as text/html"),
    "phuong-dao-vien": Fault("invalid-utf8", note="every page declared UTF-8 carries invalid byte sequences"),
    # Content in markup no reader knows, shown in full to a person (farm/unreadable.py): the audit must send the
    # criteria reading the section to a person (needs_review, 0 points), never score "nothing there".
    "bv-suc-khoe-tam-than": Fault("unreadable-qa", "hoi-dap", pin=("pakn", "absent", "good"), unread="questions",
                                  note="questions and answers in plain cards: no table header, no <dl>, no JSON"),
    "xa-luc-son": Fault("unreadable-schedule", "lich-cong-tac", pin=("schedule", "absent", "active"),
                        unread="schedule", note="'08:00 — task' cards under unlabelled date boxes: no weekday "
                                                "header, no week range"),
    "xa-tay-yen-tu": Fault("unreadable-news", "tin-tuc", pin=("news", "absent", "high"), unread="items",
                           note="news entries as clickable divs (onclick, data-href), titles and dates: no <a href>"),
}

HUGE_BYTES = 20 * 1024 * 1024
SLOW_HOME_SECONDS = 3.0
TRAPS = ("endless-calendar", "query-explosion")
SECTION_FAULTS = ("404-section", "redirect-loop", "robots", "huge-page", "timeout", "directory-5xx", "gzip-bomb",
                  "streamed-50mb", "deep-nesting", "binary-html")
HOSTILE = ("gzip-bomb", "streamed-50mb", "deep-nesting", "binary-html", "invalid-utf8")
UNREADABLE = ("unreadable-qa", "unreadable-schedule", "unreadable-news")
# What an unreadable section page shows: the newest news and questions, the schedule's last weeks.
SHOWN_NEWS = 15
SHOWN_QUESTIONS = 20
SHOWN_WEEKS = 4
BOMB_INFLATED = 1100 * 1024 * 1024  # over 1 GB once inflated
STREAMED_BYTES = 50 * 1024 * 1024
NESTING = 200_000
TRICKLE_SECONDS = 2.0  # the timeout fault: one byte this often, forever


def fault_of(portal_id: str, enabled: bool = True) -> Fault | None:
    return FAULTS.get(portal_id) if enabled else None


def trap(m: PortalModel, kind: str, enabled: bool) -> bool:
    f = fault_of(m.portal.id, enabled)
    return f is not None and f.kind == kind


def failed_sections(portal_id: str, enabled: bool = True) -> dict[str, str]:
    """Section key -> expected landing-page status, for the sections a fault makes unreadable."""
    f = fault_of(portal_id, enabled)
    return {f.section: f.section_status} if f and f.kind in SECTION_FAULTS and f.section else {}


def unreadable_sections(portal_id: str, enabled: bool = True) -> dict[str, str]:
    """Section key -> what its page shows that no reader can read (items, questions, schedule)."""
    f = fault_of(portal_id, enabled)
    return {f.section: f.unread} if f and f.kind in UNREADABLE else {}


def tls_profile(portal_id: str, enabled: bool = True) -> str | None:
    """The farm/tls.py profile a portal is served with (None: plain HTTP)."""
    f = fault_of(portal_id, enabled)
    return f.tls if f else None


def pins() -> dict[str, tuple[str, str, str]]:
    """portal id -> (feature, absent state, pinned state): design.py makes sure the faulted section exists."""
    return {pid: f.pin for pid, f in FAULTS.items() if f.pin}


# ---- what an unreadable section page shows (farm/unreadable.py renders it, truth.py judges it) ------------------
def shown_news(m: PortalModel) -> list:
    return m.items.get("tin-tuc", [])[:SHOWN_NEWS]


def shown_questions(m: PortalModel) -> list:
    return m.questions[:SHOWN_QUESTIONS]


def shown_schedule(m: PortalModel) -> list[tuple[date, str, str, int]]:
    """(day, time, task, leader row) of the last SHOWN_WEEKS published weeks, newest day first: a schedule page
    that shows the latest weeks it has, as one that stopped being updated still does."""
    if m.schedule_until is None:
        return []
    last = monday_of(min(m.now.date(), m.schedule_until))
    out = []
    for back in range(SHOWN_WEEKS):
        for row, day, hh, task in m.schedule_entries(last - timedelta(days=7 * back)):
            out.append((day, hh, task, row))
    return sorted(out, key=lambda e: (-e[0].toordinal(), e[1], e[3]))


def shows_content(m: PortalModel, section: str) -> bool:
    """Whether the unreadable page of `section` shows anything (else it says it is empty, as any page would)."""
    return bool({"tin-tuc": shown_news, "hoi-dap": shown_questions, "lich-cong-tac": shown_schedule}[section](m))


# ---- transformations of served pages --------------------------------------------------------------------------
def slow_delay(seed: int, portal_id: str, path: str, args: dict[str, str], home: bool) -> float:
    """Seconds to wait before answering: the home page always, a third of other HTML pages (3-8 s)."""
    if home:
        return SLOW_HOME_SECONDS
    r = random.Random(f"{seed}:{portal_id}:slow:{path}:{sorted(args.items())}")
    return round(r.uniform(3, 8), 1) if r.random() < 1 / 3 else 0.0


_UNCLOSED = re.compile(r"</(li|p|td|tr|th)>")


def malform(html: str) -> str:
    """Markup the way old CMS templates break it, still readable by an HTML parser: end tags of li/p/td/tr/th
    dropped (implied by the next start tag), and a stray `</body></html>` after the site header."""
    html = _UNCLOSED.sub("", html)
    return html.replace("</header>", "</header>\n</body></html>\n<!-- hết phần đầu trang -->", 1)


def huge(html: str) -> str:
    """Pad a page past 20 MB with an HTML comment, as a page that embeds a whole document archive would be."""
    pad = HUGE_BYTES - len(html.encode("utf-8")) + 1024
    return html.replace("</body>", "<!-- " + "x" * max(pad, 0) + " -->\n</body>", 1)


_CP1258_DECL = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'


def to_cp1258(html: str) -> bytes:
    """The page re-encoded the way legacy Vietnamese sites were: windows-1258 with tone marks as combining
    characters after the base letter (the code page has â ê ô ơ ư ă đ but no toned letters)."""
    html = html.replace('<meta charset="utf-8">', _CP1258_DECL, 1)
    return b"".join(_cp1258_char(ch) for ch in html)


@lru_cache(maxsize=4096)
def _cp1258_char(ch: str) -> bytes:
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    # Fold into the base the one mark the code page has a letter for (â ê ô ơ ư ă: "ặ" = ă + dot below), keep the
    # others as combining characters (grave, acute, hook, tilde, dot below are in the code page).
    for i, mark in enumerate(marks):
        joined = unicodedata.normalize("NFC", base + mark)
        if len(joined) == 1:
            try:
                joined.encode("cp1258")
            except UnicodeEncodeError:
                continue
            base, marks = joined, marks[:i] + marks[i + 1:]
            break
    return (base + marks).encode("cp1258", errors="xmlcharrefreplace")


# ---- hostile bodies (issue 9) ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def gzip_bomb() -> bytes:
    """Zeros gzipped: ~1 MB on the wire, BOMB_INFLATED bytes inflated. One 16 MiB member repeated (a gzip stream
    may hold many members, and every gunzip reads them all), so it is built in milliseconds."""
    import gzip

    head = gzip.compress('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Thống kê</title></head><body><p>'
                         .encode(), 9, mtime=0)
    member = gzip.compress(b"\0" * (16 << 20), 9, mtime=0)
    return head + member * (BOMB_INFLATED // (16 << 20))


def streamed_chunk(i: int) -> bytes:
    """The i-th 64 KiB piece of the 50 MB streamed page (an HTML comment after a valid head)."""
    if i == 0:
        return '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Khen thưởng</title></head><body><!--' \
            .encode().ljust(65536, b"x")
    return b"x" * 65536


def deep_nesting() -> bytes:
    """A small valid-looking page with NESTING nested divs: ~1.2 MB, under every size limit."""
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Phổ biến pháp luật</title></head><body>'.encode()
            + b"<div>" * NESTING + "Nội dung".encode() + b"</div>" * NESTING + b"</body></html>")


def binary_body(portal_id: str) -> bytes:
    """Bytes that are not text at all (an image or archive behind a wrong Content-Type): seeded, 64 KiB."""
    r = random.Random(f"binary:{portal_id}")
    return b"\x89PNG\r\n\x1a\n" + bytes(r.getrandbits(8) for _ in range(65536))


# Byte sequences no UTF-8 decoder accepts: a lone continuation byte, a truncated 3-byte sequence, an overlong
# encoding, and the never-valid C0/FF.
INVALID_UTF8 = b"\x80 \xe1\xba \xc0\xaf \xff"


def invalid_utf8(html: bytes) -> bytes:
    """Invalid sequences where an old template's stray bytes would be: in a comment and in the footer's whitespace,
    leaving every word the audit reads intact."""
    html = html.replace(b"<head>", b"<head><!-- " + INVALID_UTF8 + b" -->", 1)
    return html.replace(b"</body>", INVALID_UTF8 + b"\n</body>", 1)
