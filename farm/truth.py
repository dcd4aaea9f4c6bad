"""Ground truth: the score each farm portal must get, computed from the content model per docs/scoring-rules.md.

An independent implementation on purpose: nothing from audit/, crawler/, storage/ or rules/ is imported or read.
Working days are computed here (Mon–Fri minus holidays.VN, plus the make-up working Saturdays the package lists),
not taken from the model, which only used its own calendar to place answers. Everything counted here is reachable from the portal's home page.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

import holidays

from farm.declarations import declared
from farm.faults import failed_sections, fault_of, shows_content, unreadable_sections
from farm.model import Farm, PortalModel, monday_of
from farm.portals import FarmPortal, load_portals

DVC_HOSTS = {"dichvucong.bacninh.gov.vn", "dvc.bacninh.gov.vn", "dichvucong.gov.vn"}
CENTRAL_GOV_HOSTS = {"chinhphu.vn", "www.chinhphu.vn", "vanban.chinhphu.vn", "baochinhphu.vn"}
PAKN_DEADLINE_WORKING_DAYS = 5
# QĐ 96 Điều 13 khoản 1 điểm c: 7 working days when the answer says the question needed inter-agency coordination,
# at most 10 in a special case with a set reply date (the longer one when an answer says both). The truth's own
# reading of the docs' phrases, on the lower-cased NFC answer text the portal shows.
PAKN_CLASS_DAYS = ((10, ("hẹn trả lời", "trường hợp đặc biệt", "gia hạn thời gian trả lời")),
                   (7, ("phối hợp liên ngành", "xin ý kiến các sở, ngành")))
PASS_SCORE = 80
# What a crawler must find wrong with each TLS profile the farm serves (farm/tls.py): the legacy one has a 1024-bit
# key, finite-field DHE only and a self-signed certificate for its own address; the other a modern handshake with a
# self-signed, expired certificate issued for another name.
TLS_ISSUES = {"legacy": {"weak-key", "no-ecdhe", "self-signed"},
              "bad-certificate": {"expired", "self-signed", "host-mismatch"}}
NO_PAKN_NOTE = "Không có PAKN trong kỳ"


# ---- working days (own implementation) -----------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _days_off(year: int) -> frozenset[date]:
    return frozenset(holidays.VN(years=year))


@lru_cache(maxsize=16)
def _make_up_days(year: int) -> frozenset[date]:
    # Official swaps move a working day onto a Saturday (e.g. 22/8/2026 for the 2/9 bridge): it counts.
    return frozenset(d for d in getattr(holidays.VN(years=year), "weekend_workdays", ()) if d.year == year)


def _working(d: date) -> bool:
    if d in _make_up_days(d.year):
        return True
    return d.weekday() < 5 and d not in _days_off(d.year)


def pakn_days(shown_answer: str) -> int:
    text = unicodedata.normalize("NFC", shown_answer).lower()
    return next((days for days, phrases in PAKN_CLASS_DAYS if any(p in text for p in phrases)),
                PAKN_DEADLINE_WORKING_DAYS)


def pakn_deadline(asked: date, n: int = PAKN_DEADLINE_WORKING_DAYS) -> date:
    """The n-th working day after the question date (the question date itself does not count)."""
    d = asked
    while n:
        d += timedelta(days=1)
        if _working(d):
            n -= 1
    return d


# ---- link classification ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RegistryEntry:
    id: str
    kind: str
    netloc: str
    path: str


def farm_registry(port: int) -> list[RegistryEntry]:
    out = []
    for p in load_portals():
        u = urlsplit(p.base_url(port))
        out.append(RegistryEntry(p.id, p.kind, u.netloc.lower(), u.path or "/"))
    return out


def link_portal(url: str, registry: list[RegistryEntry]) -> RegistryEntry | None:
    """The portal a link goes to; on the shared host the deepest site path wins (`/web/so-noi-vu` over `/`)."""
    u = urlsplit(url)
    path = u.path or "/"
    hits = [r for r in registry if u.netloc.lower() == r.netloc and
            (r.path == "/" or path == r.path or path.startswith(r.path.rstrip("/") + "/"))]
    return max(hits, key=lambda r: len(r.path), default=None)


def is_dvc(url: str) -> bool:
    return (urlsplit(url).hostname or "").lower() in DVC_HOSTS


def is_dvc_procedures(url: str, label: str) -> bool:
    path = urlsplit(url).path.lower()
    return is_dvc(url) and ("thu-tuc" in path or "tthc" in path or "thủ tục" in label.lower())


def outbound_links(m: PortalModel, port: int) -> list[tuple[str, str]]:
    """(url, label) of every link leaving the portal, as the home page shows them."""
    links = [(link.url(port), link.label) for link in m.links]
    links += [(s.href, s.label) for s in m.sections.values() if not s.href.startswith("/")]
    return links


# ---- criterion helpers -----------------------------------------------------------------------------------------
def _c(code: str, points: int, max_points: int, items: list[str], state: str | None = None) -> dict:
    if state is None:
        state = "met" if points == max_points else ("missing" if points == 0 else "partial")
    return {"code": code, "points": points, "max_points": max_points, "state": state, "items": items}


# How the truth words a section whose landing page a fault makes unreadable (farm/faults.py).
FAILED_NOTE = {"http_4xx": "trang chuyên mục trả về 404", "redirect_loop": "trang chuyên mục chuyển hướng vòng lặp",
               "robots_blocked": "bị robots.txt chặn", "too_large": "trang chuyên mục quá lớn",
               "timeout": "trang chuyên mục không trả lời hết trong thời gian chờ",
               "http_5xx": "trang chuyên mục trả về lỗi máy chủ 500", "too_deep": "thẻ HTML lồng nhau quá sâu",
               "not_html": "trang chuyên mục không phải HTML"}
# How the truth words a section page whose content a fault shows in markup no reader knows (farm/unreadable.py).
UNREAD_NOTE = {"items": "trang chuyên mục có tin, bài nhưng không đọc được",
               "questions": "trang chuyên mục có câu hỏi, trả lời nhưng không đọc được",
               "schedule": "trang chuyên mục có lịch công tác nhưng không đọc được"}


class _Ctx:
    def __init__(self, m: PortalModel, start: date, end: date, port: int, registry: list[RegistryEntry],
                 failed: dict[str, str] | None = None, unread: dict[str, str] | None = None):
        self.m, self.start, self.end, self.port, self.registry = m, start, end, port, registry
        self.origin = f"http://{m.portal.address}:{port}"
        self.audit_date = m.now.date()
        self.failed = failed or {}  # section key -> status of its landing page, for sections a fault breaks
        # Section key -> what its page shows unreadably, for sections whose page a fault renders so and that show
        # something (an empty one says it is empty, and is judged as usual).
        self.unread = {k: what for k, what in (unread or {}).items()
                       if k in m.sections and shows_content(m, k)}

    def blocked(self, code: str, key: str, max_points: int) -> dict | None:
        """not_evaluable (0 points) when the section exists but its landing page cannot be read (scoring rules,
        States); None otherwise."""
        sec = self.m.sections.get(key)
        status = self.failed.get(key)
        if sec is None or status is None or not sec.href.startswith("/"):
            return None
        return _c(code, 0, max_points, [self.url(sec.href), f"{FAILED_NOTE.get(status, status)} ({status})"],
                  "not_evaluable")

    def unreadable(self, code: str, key: str, max_points: int) -> dict | None:
        """needs_review (0 points) when the section's page shows its content in markup no reader knows (scoring
        rules, "Could not be read"): a person can see it, nothing can be read from it. None otherwise."""
        if key not in self.unread:
            return None
        return _c(code, 0, max_points, [self.url(self.m.sections[key].href), UNREAD_NOTE[self.unread[key]]],
                  "needs_review")

    def has_articles(self) -> bool:
        """An article the crawl can reach through a listing it can read: the search probe and the print sample come
        from there (an unreadable listing's articles are on the portal, but nobody can be sent to them)."""
        return any(it.section not in self.unread for it in self.m.articles.values())

    def url(self, path: str) -> str:
        return path if not path.startswith("/") else self.origin + path

    def listed(self, key: str):
        sec = self.m.sections.get(key)
        return self.m.items.get(key, []) if sec is not None and sec.page == "listing" else []

    def in_period(self, key: str):
        return [it for it in self.listed(key) if self.start <= it.published.date() <= self.end]

    def count_items(self, key: str, noun: str = "mục") -> tuple[int, list[str]]:
        hits = self.in_period(key)
        sec = self.m.sections.get(key)
        notes = [f"{len(hits)} {noun} trong kỳ"] + ([self.url(sec.href)] if sec else ["không có chuyên mục"])
        return len(hits), notes + [self.url(it.path) for it in hits]

    def section_items(self, code: str, key: str, max_points: int) -> dict:
        if (ne := self.blocked(code, key, max_points)):
            return ne
        if (nr := self.unreadable(code, key, max_points)):
            return nr
        sec = self.m.sections.get(key)
        items = self.listed(key)
        if sec is None:
            return _c(code, 0, max_points, ["không có chuyên mục"])
        notes = [self.url(sec.href), f"{len(items)} mục"] + [self.url(it.path) for it in items[:5]]
        return _c(code, max_points if items else 0, max_points, notes)

    # elements, contact, directory, documents
    def intro_elements(self, code: str, keys: tuple[str, ...], max_points: int = 3) -> dict:
        if (ne := self.blocked(code, "gioi-thieu", max_points)):
            return ne
        found = [k for k in keys if k in self.m.intro_elements]
        pts = 3 if len(found) == len(keys) else (2 if found else 0)
        sec = self.m.sections.get("gioi-thieu")
        notes = ([self.url(sec.href)] if sec else ["không có chuyên mục giới thiệu"])
        notes += [f"{k}: {self.m.intro_elements[k]}" for k in found]
        notes += [f"thiếu {k}" for k in keys if k not in found]
        return _c(code, pts, max_points, notes)

    def contact(self, code: str, fields: tuple[str, ...], max_points: int = 2) -> dict:
        found = [f for f in fields if f in self.m.contact]
        pts = 2 if len(found) == len(fields) else (1 if found else 0)
        return _c(code, pts, max_points, [f"{f}: {self.m.contact[f]}" for f in found]
                  + [f"thiếu {f}" for f in fields if f not in found])

    def directory_entries(self) -> tuple[int, int]:
        """(entries, complete entries)."""
        cols = set(self.m.directory_columns)
        complete = 0
        for e in self.m.directory:
            if all(c in cols and e.get(c) for c in ("Họ và tên", "Chức vụ", "Điện thoại", "Email")):
                complete += 1
        return len(self.m.directory), complete

    def directory(self, code: str, max_points: int = 2) -> dict:
        if (ne := self.blocked(code, "danh-ba", max_points)):
            return ne
        sec = self.m.sections.get("danh-ba")
        if sec is None:
            return _c(code, 0, max_points, ["không có danh bạ"])
        n, ok = self.directory_entries()
        pts = 0 if n == 0 else (2 if ok == n else 1)
        return _c(code, pts, max_points, [self.url(sec.href), f"{n} cán bộ, {ok} đủ thông tin"])

    def documents(self, code: str, max_points: int) -> dict:
        if (ne := self.blocked(code, "van-ban", max_points)):
            return ne
        if (nr := self.unreadable(code, "van-ban", max_points)):
            return nr
        sec = self.m.sections.get("van-ban")
        if sec is None:
            return _c(code, 0, max_points, ["không có chuyên mục văn bản"])
        rows = self.m.documents
        cols = set(self.m.doc_columns)
        need = {"Số/Ký hiệu", "Trích yếu", "Ngày ban hành", "Ngày hiệu lực", "Cơ quan ban hành", "Loại văn bản"}
        missing_cols = sorted(need - cols)
        no_file = sum(1 for d in rows if not d.file_path or "Tải về" not in cols)
        notes = [self.url(sec.href), f"{len(rows)} văn bản"]
        notes += [f"thiếu cột {c}" for c in missing_cols]
        if no_file:
            notes.append(f"{no_file} văn bản không có tệp")
        notes.append("có tìm kiếm văn bản" if self.m.doc_search else "không có tìm kiếm văn bản")
        if not rows:
            return _c(code, 0, max_points, notes)
        full = not missing_cols and not no_file and self.m.doc_search
        return _c(code, max_points if full else max_points // 2, max_points, notes)

    # services, links
    def tthc(self, code: str) -> dict:
        sec = self.m.sections.get("thu-tuc-hanh-chinh")
        notes = [self.url(sec.href)] if sec and "thu-tuc-hanh-chinh" not in self.failed else []
        notes += [u for u, label in outbound_links(self.m, self.port) if is_dvc_procedures(u, label) and u not in notes]
        if not notes and (ne := self.blocked(code, "thu-tuc-hanh-chinh", 5)):
            return ne  # a DVC procedure-list link still proves it; without one, a broken section can't be judged
        return _c(code, 5 if notes else 0, 5, notes)

    def dvc(self, code: str, max_points: int = 5) -> dict:
        hits = sorted({u for u, _ in outbound_links(self.m, self.port) if is_dvc(u)})
        return _c(code, max_points if hits else 0, max_points, hits)

    def gov_links(self) -> tuple[list[str], list[str], list[str], list[str]]:
        """Links to the province, to departments, to communes/wards, to central government sites."""
        prov, depts, comms, central = [], [], [], []
        for u, _ in outbound_links(self.m, self.port):
            r = link_portal(u, self.registry)
            if r is not None and r.id != self.m.portal.id:
                {"province": prov, "department": depts}.get(r.kind, comms).append(u)
            elif (urlsplit(u).hostname or "").lower() in CENTRAL_GOV_HOSTS:
                central.append(u)
        return prov, depts, comms, central

    # pakn, schedule, search, print, access
    def pakn(self, code: str) -> dict:
        if (ne := self.blocked(code, "hoi-dap", 15)):
            return ne
        if (nr := self.unreadable(code, "hoi-dap", 15)):
            return nr  # never "Không có PAKN trong kỳ": questions are on the page
        sec = self.m.sections.get("hoi-dap")
        if sec is None:
            return _c(code, 0, 15, ["không có chuyên mục hỏi đáp"])
        on_time = late = late_open = pending = 0
        notes = []
        for q in sorted(self.m.questions, key=lambda q: (q.asked, q.id)):
            if not self.start <= q.asked <= self.end:
                continue
            answered = q.answered if q.answered is not None and q.answered <= self.audit_date else None
            # The class comes from the answer's text, so only from an answer the portal shows already.
            deadline = pakn_deadline(q.asked, pakn_days(q.answer if answered is not None else ""))
            if answered is not None:
                verdict = "đúng hạn" if answered <= deadline else "trễ hạn"
                if answered <= deadline:
                    on_time += 1
                else:
                    late += 1
            elif deadline < self.audit_date:
                verdict, late, late_open = "chưa trả lời, quá hạn", late + 1, late_open + 1
            else:
                verdict, pending = "chưa đến hạn", pending + 1
            notes.append(f"#{q.id} hỏi {q.asked.isoformat()} hạn {deadline.isoformat()} "
                         f"trả lời {answered.isoformat() if answered else '-'}: {verdict}")
        head = [self.url(sec.href), f"đúng hạn {on_time}, trễ hạn {late} (chưa trả lời {late_open}), "
                                    f"chưa đến hạn {pending}"]
        total = on_time + late
        if total == 0:
            return _c(code, 15, 15, head + [NO_PAKN_NOTE] + notes)
        if on_time == 0 and late_open == late:
            pts = 0
        else:
            ratio = on_time / total
            pts = 15 if on_time == total else 12 if ratio >= 0.8 else 7 if ratio >= 0.5 else 5
        return _c(code, pts, 15, head + notes)

    def schedule_dates(self) -> list[date]:
        if "lich-cong-tac" not in self.m.sections:
            return []
        out, monday = [], monday_of(self.start)
        while monday <= self.end:
            out += [d for _, d, _, _ in self.m.schedule_entries(monday) if self.start <= d <= self.end]
            monday += timedelta(days=7)
        return sorted(set(out))

    def schedule(self, code: str, max_points: int) -> dict:
        if (ne := self.blocked(code, "lich-cong-tac", max_points)):
            return ne
        if (nr := self.unreadable(code, "lich-cong-tac", max_points)):
            return nr
        sec = self.m.sections.get("lich-cong-tac")
        if sec is None:
            return _c(code, 0, max_points, ["không có lịch công tác"])
        days = self.schedule_dates()
        notes = [self.url(sec.href), f"{len(days)} ngày có lịch trong kỳ"] + [d.isoformat() for d in days[:10]]
        return _c(code, max_points if days else 0, max_points, notes)

    def search(self, code: str, max_points: int = 2) -> dict:
        works = self.m.search == "working" and self.has_articles()
        return _c(code, max_points if works else 0, max_points, [f"tìm kiếm: {self.m.search}"]
                  + ([self.url(f"{self.m.base}/tim-kiem")] if self.m.search != "absent" else []))

    def printing(self, code: str, max_points: int) -> dict:
        ok = self.m.has_print and self.has_articles()
        return _c(code, max_points if ok else 0, max_points,
                  ["có chức năng in trên mọi bài viết" if self.m.has_print else "không có chức năng in"])

    def access(self, code: str) -> dict:
        if (ne := self.blocked(code, "tiep-can-thong-tin", 3)):
            return ne
        sec = self.m.sections.get("tiep-can-thong-tin")
        if sec is None:
            return _c(code, 0, 3, ["không có chuyên mục tiếp cận thông tin"])
        found = list(self.m.access_elements)
        pts = 3 if len(found) == 3 else (2 if found else 0)
        return _c(code, pts, 3, [self.url(sec.href)] + [f"{k}: {v}" for k, v in self.m.access_elements.items()])


def _news_points(n: int, bands: list[tuple[int, int]]) -> int:
    for threshold, pts in bands:
        if n >= threshold:
            return pts
    return 0


def _counted(code: str, ctx: _Ctx, key: str, bands: list[tuple[int, int]], max_points: int) -> dict:
    if (ne := ctx.blocked(code, key, max_points)):
        return ne
    if (nr := ctx.unreadable(code, key, max_points)):
        return nr
    n, notes = ctx.count_items(key)
    return _c(code, _news_points(n, bands), max_points, notes)


# ---- rubrics ---------------------------------------------------------------------------------------------------
def phu_luc_1(ctx: _Ctx) -> list[dict]:
    m = ctx.m
    hist = m.sections.get("lich-su")
    has_hist = hist is not None and hist.page == "history"
    prov, depts, comms, central = ctx.gov_links()
    others = depts + comms + central
    return [
        ctx.intro_elements("1.1", ("co-cau-to-chuc", "chuc-nang-nhiem-vu", "don-vi-truc-thuoc")),
        _c("1.2", 3 if has_hist else 0, 3, [ctx.url(hist.href), m.history_label] if has_hist else
           ["không có quá trình hình thành và phát triển"]),
        ctx.contact("1.3", ("address", "phone", "fax", "email")),
        ctx.directory("1.4"),
        _counted("2", ctx, "tin-tuc", [(10, 10), (5, 5), (1, 3)], 10),
        ctx.documents("3", 10),
        ctx.tthc("4.1"),
        ctx.dvc("4.2"),
        _counted("5", ctx, "pho-bien-phap-luat", [(5, 5), (2, 3), (1, 2)], 5),
        ctx.section_items("6.1", "chien-luoc-quy-hoach", 5),
        ctx.section_items("6.2", "du-an-dau-tu", 5),
        ctx.section_items("7.1", "tai-chinh-ngan-sach", 5),
        ctx.section_items("7.2", "thong-ke", 5),
        ctx.pakn("8"),
        ctx.section_items("9", "lay-y-kien", 4),
        ctx.schedule("10", 5),
        ctx.section_items("11", "khen-thuong-xu-phat", 3),
        ctx.search("12.1"),
        _c("12.2", 2 if prov and others else 0, 2, prov + others or ["không có liên kết"]),
        ctx.printing("12.3", 1),
        ctx.access("13"),
    ]


def phu_luc_2(ctx: _Ctx) -> list[dict]:
    m = ctx.m
    hist = m.sections.get("lich-su")
    hist_ok = hist is not None and (hist.page == "history" or bool(ctx.listed("lich-su")))
    history = (None if hist_ok else ctx.unreadable("1.4", "lich-su", 3)) or _c(
        "1.4", 3 if hist_ok else 0, 3, [ctx.url(hist.href), hist.label] if hist_ok else ["không có lịch sử"])
    # Either section with an item is enough; only when neither has one does a broken section make it unjudgeable.
    plans = [ctx.section_items("8", key, 5) for key in ("chien-luoc-quy-hoach", "du-an-dau-tu")]
    plan = next((p for p in plans if p["points"]), None) or next(
        (p for p in plans if p["state"] == "not_evaluable"), None) or next(
        (p for p in plans if p["state"] == "needs_review"), plans[-1])
    prov, depts, comms, _central = ctx.gov_links()
    return [
        ctx.intro_elements("1.1", ("to-chuc-bo-may", "ban-do-dia-gioi", "tieu-su-lanh-dao")),
        ctx.contact("1.2", ("address", "phone", "email")),
        ctx.directory("1.3"),
        history,
        _counted("2", ctx, "tin-tuc", [(5, 10), (2, 6), (1, 4)], 10),
        _counted("3", ctx, "tin-phat-thanh", [(1, 5)], 5),
        ctx.documents("4", 10),
        ctx.tthc("5.1"),
        ctx.dvc("5.2"),
        _counted("6", ctx, "pho-bien-phap-luat", [(3, 10), (1, 5)], 10),
        ctx.section_items("7.1", "tai-chinh-ngan-sach", 5),
        ctx.section_items("7.2", "thong-ke", 5),
        plan,
        ctx.pakn("9"),
        ctx.schedule("10", 5),
        ctx.search("11.1"),
        _c("11.2", 2 if prov and depts and comms else 0, 2, prov + depts + comms or ["không có liên kết"]),
        ctx.printing("12", 3),
        ctx.access("13"),
    ]


# The province's intro contents (QĐ 96 Điều 8 khoản 1 điểm a, UBND tỉnh) and how many points the share of component
# portals it links to gives (Điều 9 khoản 1; tiers set by the project: 100% → 8, 80% → 6, 50% → 4, any → 2).
PROVINCE_INTRO = ("to-chuc-bo-may", "ban-do-dia-gioi", "tieu-su-lanh-dao")
COMPONENT_LINK_TIERS = ((100, 8), (80, 6), (50, 4), (1, 2))


def _province_intro(ctx: _Ctx) -> dict:
    found = [k for k in PROVINCE_INTRO if k in ctx.m.intro_elements]
    pts = 6 if len(found) == len(PROVINCE_INTRO) else (3 if found else 0)
    return _c("8.1a", pts, 6, [f"{k}: {ctx.m.intro_elements[k]}" for k in found]
              + [f"thiếu {k}" for k in PROVINCE_INTRO if k not in found])


def _english(ctx: _Ctx) -> dict:
    """The header's "English" switch, read where the crawl reads headings and links for the intro: its pages."""
    seen = bool(ctx.m.english_href) and "gioi-thieu" in ctx.m.sections
    return _c("8.2d", 4 if seen else 0, 4, [ctx.url(ctx.m.english_href)] if seen else ["không có phiên bản tiếng Anh"])


def _component_links(ctx: _Ctx) -> dict:
    """Every department, commune and ward of the farm is a component portal the province must link to; a portal
    counts once whatever page of it is linked."""
    wanted = {r.id for r in ctx.registry if r.kind in ("department", "commune", "ward") and r.id != ctx.m.portal.id}
    linked = set()
    for u, _ in outbound_links(ctx.m, ctx.port):
        r = link_portal(u, ctx.registry)
        if r is not None and r.id in wanted:
            linked.add(r.id)
    share = len(linked) * 100 / len(wanted)
    pts = next((p for lo, p in COMPONENT_LINK_TIERS if share >= lo), 0)
    return _c("9.1", pts, 8, [f"{len(linked)}/{len(wanted)} cổng thành phần"]
              + [f"thiếu {pid}" for pid in sorted(wanted - linked)][:10])


def _province_pakn(ctx: _Ctx) -> dict:
    """The Phụ lục PAKN judgement on 5 points: the same verdicts, tiers 15/12/7/5/0 read as 5/4/3/2/0."""
    c = ctx.pakn("13")
    scaled = {15: 5, 12: 4, 7: 3, 5: 2, 0: 0}[c["points"]]
    return _c("13", scaled, 5, c["items"], c["state"] if c["state"] in ("not_evaluable", "needs_review") else None)


def province(ctx: _Ctx) -> list[dict]:
    m = ctx.m

    def found(code: str, key: str, pts: int) -> dict:
        if (ne := ctx.blocked(code, key, pts)):
            return ne
        sec = m.sections.get(key)
        return _c(code, pts if sec else 0, pts, [ctx.url(sec.href)] if sec else ["không có chuyên mục"])

    def any_in_period(code: str, key: str, pts: int) -> dict:
        if (nr := ctx.unreadable(code, key, pts)):
            return nr
        n, notes = ctx.count_items(key)
        return _c(code, pts if n else 0, pts, notes)

    d = ctx.directory("8.1k", 4)
    n_entries, _ = ctx.directory_entries()
    docs = ctx.documents("8.1e", 6)
    contact_all = all(f in m.contact for f in ("address", "phone", "fax", "email"))
    return [
        _province_intro(ctx),
        any_in_period("8.1b", "tin-tuc", 6),
        ctx.section_items("8.1c", "chi-dao-dieu-hanh", 5),
        ctx.section_items("8.1c-khen", "khen-thuong-xu-phat", 4),
        ctx.schedule("8.1c-lich", 5),
        any_in_period("8.1d", "pho-bien-phap-luat", 5),
        ctx.section_items("8.1đ", "chien-luoc-quy-hoach", 5),
        docs if docs["state"] == "not_evaluable" else
        _c("8.1e", 6 if m.documents and "van-ban" in m.sections else 0, 6, docs["items"]),
        ctx.section_items("8.1g", "du-an-dau-tu", 5),
        ctx.section_items("8.1h", "lay-y-kien", 4),
        ctx.section_items("8.1i", "tai-chinh-ngan-sach", 4),
        _c("8.1k", 4 if n_entries and "danh-ba" in m.sections else 0, 4, d["items"]),
        _c("8.1l", 4 if contact_all else 0, 4, [f"{k}: {v}" for k, v in m.contact.items()]),
        found("8.1m", "tiep-can-thong-tin", 4),
        ctx.dvc("8.1n", 4),
        ctx.section_items("8.2bc", "thong-ke", 4),
        ctx.section_items("8.2a", "cong-bao", 5),
        _english(ctx),
        found("8.2đ", "khao-sat", 3),
        _component_links(ctx),
        _province_pakn(ctx),
    ]


RUBRICS = {"province": province, "department": phu_luc_1, "commune": phu_luc_2, "ward": phu_luc_2}


def portal_truth(m: PortalModel, start: date, end: date, port: int, registry: list[RegistryEntry],
                 faults: bool = True) -> dict:
    ctx = _Ctx(m, start, end, port, registry, failed_sections(m.portal.id, faults),
               unreadable_sections(m.portal.id, faults))
    criteria = RUBRICS[m.portal.kind](ctx)
    fault = fault_of(m.portal.id, faults)
    extra = {}
    if fault is not None:
        # What the crawl itself must record, so a test can check the fault was survived the right way.
        extra["fault"] = {"kind": fault.kind, "section": fault.section, "crawl_status": fault.crawl_status,
                          "section_status": fault.section_status, "unread": fault.unread,
                          "tls_issues": sorted(TLS_ISSUES[fault.tls]) if fault.tls else None}
    if fault is not None and fault.kind == "down":
        # Points 0 like every not_evaluable criterion of the product's results; the portal score is null.
        criteria = [_c(c["code"], 0, c["max_points"], ["cổng không truy cập được"], "not_evaluable")
                    for c in criteria]
        return {"id": m.portal.id, "status": "unreachable", "score": None,
                "max_score": sum(c["max_points"] for c in criteria), "criteria": criteria, **extra}
    # A standing "không áp dụng" declaration (farm/declarations.py): full points, state not_applicable, whatever the
    # content shows; never on an unreachable portal (handled above).
    waived = declared(m.portal.id, start, end)
    criteria = [_c(c["code"], c["max_points"], c["max_points"], [f"không áp dụng: {waived[c['code']]}"],
                   "not_applicable") if c["code"] in waived else c for c in criteria]
    score = sum(c["points"] for c in criteria)
    return {"id": m.portal.id, "status": "pass" if score >= PASS_SCORE else "fail", "score": score,
            "max_score": sum(c["max_points"] for c in criteria), "criteria": criteria, **extra}


def expected(seed: int, now: datetime, period_start: date, period_end: date, port: int, faults: bool = True) -> dict:
    now = now.replace(second=0, microsecond=0)
    farm = Farm(seed, now)
    registry = farm_registry(port)
    return {
        "schema": 1, "seed": seed, "now": now.isoformat(timespec="minutes"),
        "period": {"from": period_start.isoformat(), "to": period_end.isoformat()},
        "faults": faults,
        "portals": [portal_truth(farm.model(p.id), period_start, period_end, port, registry, faults)
                    for p in load_portals()],
    }


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


__all__ = ["expected", "dumps", "pakn_deadline", "FarmPortal"]
