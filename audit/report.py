"""HTML findings report: turns a results document (schema 1) into a small static site.

    render_report(doc, out_dir) -> out_dir/index.html

Writes `index.html` (overview of every portal), `portals/<id>.html` (one page per portal) and `static/report.css`,
`static/report.js`. The renderer knows nothing of crawling or scoring: it only reads the results document. Everything
it shows is computed here (ranks, rating bands, buckets, what-to-fix lists) and handed to the templates, which only
lay it out.

Portal content is untrusted: autoescape is on for every template, and evidence URLs become links only when their
scheme is http/https (the `safe_href` filter).

The report is written atomically as a whole: everything is rendered into a temporary directory inside `out_dir`, then
swapped into place with `os.replace`; a failure leaves the previous report untouched and no temporary files behind.
"""
from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

import rules as _rules_pkg
import templates as _templates_pkg
from audit.errors import BIDI_CONTROL, ConfigError
from audit.report_activity import pakn_view, timeline_view

TEMPLATES_DIR = Path(_templates_pkg.__file__).resolve().parent
STATIC_DIR = TEMPLATES_DIR / "static"
STATIC_FILES = ("report.css", "report.js")
DOWNLOADS = (("results.json", "results.json (kết quả đầy đủ)"), ("summary.csv", "summary.csv (bảng tóm tắt)"),
             ("junit.xml", "junit.xml (JUnit cho CI)"),
             ("bao-cao-qd96.xlsx", "Báo cáo theo mẫu QĐ 96 (XLSX, mỗi cổng một trang tính)"))
FORM_DIR = "bao-cao-qd96"
BANDS_FILE = Path(_rules_pkg.__file__).resolve().parent / "bands.yaml"

VN_TZ = timezone(timedelta(hours=7), "ICT")  # Asia/Ho_Chi_Minh: UTC+7, no DST
_PORTAL_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")  # same rule as the registry; also keeps file names safe

# --- Vietnamese labels ---------------------------------------------------------------------------------------------
KIND_LABELS = {"department": "Sở, ban, ngành", "commune": "Xã", "ward": "Phường", "province": "Tỉnh"}
KIND_ORDER = ("department", "commune", "ward", "province")
STATUS_LABELS = {"pass": "Đạt", "fail": "Không đạt", "unreachable": "Không truy cập được"}
STATUS_SYMBOLS = {"pass": "✓", "fail": "✗", "unreachable": "⊘"}
STATUS_ORDER = ("pass", "fail", "unreachable")
STATE_LABELS = {
    "met": "Đạt đủ",
    "partial": "Đạt một phần",
    "missing": "Thiếu",
    "not_evaluable": "Không đánh giá được",
    "needs_review": "Cần xem xét",
    "not_applicable": "Không áp dụng",
}
STATE_SYMBOLS = {"met": "✓", "partial": "◐", "missing": "✗", "not_evaluable": "–", "needs_review": "?",
                 "not_applicable": "○"}
STATE_ORDER = ("met", "not_applicable", "partial", "missing", "not_evaluable", "needs_review")
# One-letter CSS classes of heat-map cells: the heat map of 3,000 portals has ~60,000 cells, keep them small.
HEAT_CLASS = {"met": "m", "partial": "p", "missing": "x", "not_evaluable": "n", "needs_review": "r",
              "not_applicable": "a"}
RUBRIC_LABELS = {
    # The province rubric's weights are the project's own (Kế hoạch 65 has no table for it): said where it is shown.
    "province": "Cổng tỉnh (QĐ 96 Điều 8, 9, 13; trọng số do dự án đặt, không theo Kế hoạch 65)",
    "phu-luc-1": "Phụ lục 1 — sở, ban, ngành",
    "phu-luc-2": "Phụ lục 2 — xã, phường",
}
RUBRIC_ORDER = ("province", "phu-luc-1", "phu-luc-2")
DEFAULT_RUBRIC = {"province": "province", "department": "phu-luc-1", "commune": "phu-luc-2", "ward": "phu-luc-2"}
# Page flags of incremental crawls (storage/incremental.py): shown to the auditor, never scored.
# Badges of criterion flags (results.json `flags`, audit/criteria/flags.py); an unknown kind shows its message only.
CRITERION_FLAG_LABELS = {"stale_section": "không cập nhật trong năm", "foreign_email": "thư điện tử không chính thức",
                         "no_own_documents": "không có văn bản do đơn vị ban hành"}
PAGE_FLAG_LABELS = {"possibly_backdated": "Có thể ghi lùi ngày đăng", "removed": "Đã bị gỡ khỏi danh sách"}

# Fetch statuses of the crawler (named failures: crawler/status.py), for the crawl record. Unknown ones are shown as is.
FETCH_STATUS_LABELS = {
    "ok": "Bình thường",
    "dns_error": "Lỗi phân giải tên miền DNS",
    "connection_refused": "Bị từ chối kết nối",
    "connection_error": "Lỗi kết nối",
    "timeout": "Quá thời gian chờ",
    "tls_error": "Lỗi kết nối TLS",
    "http_4xx": "Lỗi HTTP 4xx",
    "http_5xx": "Lỗi HTTP 5xx",
    "redirect_loop": "Chuyển hướng vòng lặp",
    "robots_blocked": "Bị robots.txt chặn",
    "too_large": "Trang quá lớn",
    "not_html": "Không phải trang HTML",
    "too_deep": "Thẻ HTML lồng nhau quá sâu",
    "budget_exhausted": "Hết ngân sách thu thập",
    "not_crawled": "Chưa được thu thập",
    "blocked_unsafe": "Bị chặn: ngoài cổng hoặc địa chỉ không an toàn",
    "query_trap": "Bẫy truy vấn: tham số đổi giá trị ở mỗi trang, ngừng đọc đường dẫn này",
}
UNKNOWN_LABEL = "Không rõ"
GATE_LEVEL_LABELS = {"error": "Lỗi", "warn": "Cảnh báo"}
MINUS = "\u2212"
HEAT_OPEN_LIMIT = 300  # larger heat maps start collapsed so the overview of 3,000 portals opens quickly


# --- rating bands --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Band:
    key: str
    label: str
    min: float


def load_bands(path: str | Path = BANDS_FILE) -> list[Band]:
    """Read rules/bands.yaml; bands come back highest first, the last one starting at 0."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{p}: không đọc được thang xếp loại ({exc.__class__.__name__})") from None
    items = data.get("bands") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{p}: thiếu danh sách 'bands'")
    bands: list[Band] = []
    for i, item in enumerate(items):
        where = f"{p}: bands[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: cần các trường key, label, min")
        key, label, low = item.get("key"), item.get("label"), item.get("min")
        if not isinstance(key, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", key):
            raise ConfigError(f"{where}.key: cần chữ thường, số và dấu gạch ngang")
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(f"{where}.label: không được để trống")
        if isinstance(low, bool) or not isinstance(low, (int, float)) or not 0 <= low <= 100:
            raise ConfigError(f"{where}.min: cần một số từ 0 đến 100")
        if bands and low >= bands[-1].min:
            raise ConfigError(f"{where}.min: các mức phải xếp từ cao xuống thấp")
        if any(b.key == key for b in bands):
            raise ConfigError(f"{where}.key: '{key}' bị trùng")
        bands.append(Band(key, unicodedata.normalize("NFC", label.strip()), float(low)))
    if bands[-1].min != 0:
        raise ConfigError(f"{p}: mức cuối cùng phải có min: 0 để mọi điểm số đều được xếp loại")
    return bands


def band_scale(bands: list[Band]) -> str:
    """'Xuất sắc ≥ 90, Tốt ≥ 80, …, Yếu < 50'."""
    parts = [f"{b.label} ≥ {fmt_num(b.min)}" for b in bands[:-1]]
    parts.append(f"{bands[-1].label} < {fmt_num(bands[-2].min)}" if len(bands) > 1 else bands[-1].label)
    return ", ".join(parts)


def band_for(score: float | None, bands: list[Band]) -> Band | None:
    if score is None:
        return None
    for band in bands:
        if score >= band.min:
            return band
    return bands[-1]


# --- filters and formatting ----------------------------------------------------------------------------------------
_URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL ("java\tscript:")
_URL_EDGES = "".join(chr(c) for c in range(0x21))  # ...and strip C0 controls and spaces at both ends


_PLAIN_HTTP = re.compile(r"(?i:https?)://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#]|$)")  # fast path, common case


def safe_href(value: Any) -> str | None:
    """The URL to put in an href, or None when it must be shown as plain text (any scheme but http/https)."""
    if not isinstance(value, str):
        return None
    url = _URL_NOISE.sub("", value).strip(_URL_EDGES)
    if _PLAIN_HTTP.match(url):
        return url
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return url


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def fmt_num(value: float | None, signed: bool = False) -> str:
    """Vietnamese number: decimal comma, at most 2 decimals, a real minus sign; None is an em dash."""
    if value is None:
        return "—"
    rounded = round(value, 2)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{abs(rounded):.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if rounded < 0:
        return MINUS + text
    return ("+" + text) if signed and rounded > 0 else text


def fmt_datetime(value: Any) -> str:
    """ISO date/datetime -> dd/MM/yyyy HH:mm in Vietnam time (dd/MM/yyyy for a bare date); other text unchanged."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    else:
        text = str(value).strip()
        try:
            if len(text) == 10:
                return date.fromisoformat(text).strftime("%d/%m/%Y")
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
    if moment.tzinfo is not None:
        moment = moment.astimezone(VN_TZ)
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d} {moment.hour:02d}:{moment.minute:02d}"


def fmt_date(value: Any) -> str:
    text = fmt_datetime(value)
    return text[:10] if re.match(r"^\d\d/\d\d/\d{4}", text) else text


def _text(value: Any) -> str:
    """A display string, NFC-normalised (None -> '')."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value))


def fetch_status_text(value: Any) -> str:
    """'robots_blocked' -> 'Bị robots.txt chặn (robots_blocked)'; 404 -> 'HTTP 404'; unknown text unchanged."""
    text = _text(value).strip()
    if not text:
        return "—"
    if text.isdigit():
        return f"HTTP {text}"
    label = FETCH_STATUS_LABELS.get(text.lower())
    if label:
        return label if text == "ok" else f"{label} ({text})"
    if text.startswith("http_"):
        return f"Lỗi HTTP ({text})"
    return text


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^0-9A-Za-z]+", "-", folded).strip("-").lower() or "x"


# --- view models (plain attribute access keeps the templates fast) -------------------------------------------------
@dataclass(slots=True)
class EvidenceView:
    url: str
    title: str
    published: str
    note: str


@dataclass(slots=True)
class OverrideView:
    """An auditor's decision on a criterion, next to what the automatic scoring said."""
    auto_text: str  # "7/15 — Đạt một phần"
    manual_text: str
    reason: str
    author: str
    at: str


@dataclass(slots=True)
class NotApplicableView:
    """A standing "không áp dụng" declaration applied to a criterion, next to what the automatic scoring said."""
    auto_text: str  # "0/5 — Thiếu"
    reason: str
    author: str
    valid_text: str  # "từ kỳ 09/2026 đến kỳ 12/2026" | "từ kỳ 09/2026, cho đến khi rút lại"
    at: str


@dataclass(slots=True)
class CriterionView:
    anchor: str
    code: str
    title: str
    points: float | None
    max_points: float | None
    points_text: str
    state: str
    state_label: str
    symbol: str
    summary: str
    lost: float
    lost_text: str
    evidence: list[EvidenceView]
    override: OverrideView | None = None
    legal_ref: str = ""  # "QĐ 96/QĐ-UBND Điều 8 khoản 1 điểm a"; empty when the rubric gives none
    not_applicable: NotApplicableView | None = None
    flags: list[dict] = field(default_factory=list)  # {"kind", "label", "message"}: badges beside the state


@dataclass(slots=True)
class CrawlErrorView:
    url: str
    status: str


@dataclass(slots=True)
class CrawlView:
    status: str
    status_label: str
    run_id: str
    detail: str
    pages: str
    started: str
    finished: str
    duration: str
    errors: list[CrawlErrorView]
    tls_finding: str = ""  # non-scoring: the portal's weak or legacy TLS (audit/tls.py)
    flags: list[dict] = field(default_factory=list)  # {"label", "url", "title", "published", "first_seen"}


@dataclass(slots=True)
class PortalView:
    id: str
    href: str
    name: str
    kind: str
    kind_label: str
    rubric: str
    rubric_label: str
    url: str
    status: str
    status_label: str
    status_symbol: str
    score: float | None
    percent: float | None  # score scaled to 100 (bands and buckets use it)
    score_text: str
    max_text: str
    band: Band | None
    rank: int | None = None
    has_previous: bool = False
    previous_text: str = "—"
    delta: float | None = None
    delta_text: str = "—"
    delta_dir: str = "none"  # up | down | same | none
    host_inferred: bool = False
    criteria: list[CriterionView] = field(default_factory=list)
    fixes: list[CriterionView] = field(default_factory=list)
    reviews: list[CriterionView] = field(default_factory=list)
    crawl: CrawlView | None = None
    overrides: list[CriterionView] = field(default_factory=list)  # criteria an auditor overrode
    not_applicable: list[CriterionView] = field(default_factory=list)  # criteria declared not applicable
    flagged: list[CriterionView] = field(default_factory=list)  # criteria carrying flags (stale section, e-mail…)
    gate_failures: list[dict] = field(default_factory=list)  # {"level", "level_label", "message"}
    trend: dict | None = None  # sparkline geometry and rows of the last periods (audit/history.py)
    diff: dict | None = None  # {"score_change_text", "dir", "gained", "lost", "new_missing"}: lists of CriterionView
    timeline: list[dict] = field(default_factory=list)  # publications of the period per section (report_activity)
    pakn: dict | None = None  # questions of the period with deadlines and verdicts (report_activity)


def _criterion(raw: Any, index: int, used: set[str]) -> CriterionView:
    c = raw if isinstance(raw, dict) else {}
    code = _text(c.get("code")) or str(index + 1)
    points, max_points = _num(c.get("points")), _num(c.get("max_points"))
    state = c.get("state") if c.get("state") in STATE_LABELS else "unknown"
    lost = max(0.0, (max_points or 0.0) - (points or 0.0))
    anchor = "tc-" + _slug(code)
    while anchor in used:
        anchor += "-"
    used.add(anchor)
    evidence = []
    for ev in c.get("evidence") or ():
        if not isinstance(ev, dict):
            continue
        evidence.append(EvidenceView(
            url=_text(ev.get("url")),
            title=_text(ev.get("title")),
            published=fmt_datetime(ev.get("published_at")),
            note=_text(ev.get("note")),
        ))
    override = None
    o = c.get("override")
    if isinstance(o, dict):
        override = OverrideView(
            auto_text=f"{fmt_num(_num(o.get('points_auto')))}/{fmt_num(max_points)} — "
                      f"{STATE_LABELS.get(o.get('state_auto'), UNKNOWN_LABEL)}",
            manual_text=f"{fmt_num(_num(o.get('points')))}/{fmt_num(max_points)} — "
                        f"{STATE_LABELS.get(o.get('state'), UNKNOWN_LABEL)}",
            reason=_text(o.get("reason")), author=_text(o.get("author")), at=fmt_datetime(o.get("at")))
    declared = None
    d = c.get("not_applicable")
    if isinstance(d, dict):
        declared = NotApplicableView(
            auto_text=f"{fmt_num(_num(d.get('points_auto')))}/{fmt_num(max_points)} — "
                      f"{STATE_LABELS.get(d.get('state_auto'), UNKNOWN_LABEL)}",
            reason=_text(d.get("reason")), author=_text(d.get("author")),
            valid_text=_validity(d.get("valid_from"), d.get("valid_to")), at=fmt_datetime(d.get("at")))
    flags = [{"kind": _text(f.get("kind")), "label": CRITERION_FLAG_LABELS.get(f.get("kind"), "cảnh báo"),
              "message": _text(f.get("message"))}
             for f in c.get("flags") or () if isinstance(f, dict)]
    return CriterionView(
        flags=flags,
        override=override,
        not_applicable=declared,
        legal_ref=_text(c.get("legal_ref")),
        anchor=anchor,
        code=code,
        title=_text(c.get("title")),
        points=points,
        max_points=max_points,
        points_text=f"{fmt_num(points)}/{fmt_num(max_points)}",
        state=state,
        state_label=STATE_LABELS.get(state, UNKNOWN_LABEL),
        symbol=STATE_SYMBOLS.get(state, "·"),
        summary=_text(c.get("summary")),
        lost=lost,
        lost_text=fmt_num(-lost) if lost else "0",
        evidence=evidence,
    )


def _month_vn(value: Any) -> str:
    text = _text(value)
    return f"{text[5:7]}/{text[:4]}" if re.fullmatch(r"\d{4}-\d{2}", text) else text


def _validity(valid_from: Any, valid_to: Any) -> str:
    start = f"từ kỳ {_month_vn(valid_from)}"
    return f"{start} đến kỳ {_month_vn(valid_to)}" if valid_to else f"{start}, cho đến khi rút lại"


def _crawl(raw: Any) -> CrawlView | None:
    if not isinstance(raw, dict):
        return None
    status = _text(raw.get("status"))
    pages = raw.get("pages")
    started, finished = raw.get("started_at"), raw.get("finished_at")
    duration = ""
    try:
        delta = datetime.fromisoformat(str(finished)) - datetime.fromisoformat(str(started))
        seconds = int(delta.total_seconds())
        if seconds >= 0:
            h, rest = divmod(seconds, 3600)
            m, s = divmod(rest, 60)
            duration = (f"{h} giờ " if h else "") + (f"{m} phút " if h or m else "") + f"{s} giây"
    except (TypeError, ValueError):
        pass
    errors = [
        CrawlErrorView(url=_text(e.get("url")), status=fetch_status_text(e.get("status")))
        for e in raw.get("errors") or () if isinstance(e, dict)
    ]
    return CrawlView(
        status=status,
        status_label=fetch_status_text(status) if status != "ok" else "Bình thường (đọc được trang chủ)",
        run_id=_text(raw.get("run_id")),
        detail=_text(raw.get("detail")),
        pages=fmt_num(_num(pages)) if _num(pages) is not None else "—",
        started=fmt_datetime(started) or "—",
        finished=fmt_datetime(finished) or "—",
        duration=duration,
        errors=errors,
        tls_finding=_text((raw.get("tls") or {}).get("finding")) if isinstance(raw.get("tls"), dict) else "",
        flags=[{"label": PAGE_FLAG_LABELS.get(f.get("flag"), _text(f.get("flag"))), "url": _text(f.get("url")),
                "title": _text(f.get("title")), "published": fmt_datetime(f.get("published_at")) or "—",
                "first_seen": fmt_datetime(f.get("first_seen")) or "—"}
               for f in raw.get("page_flags") or () if isinstance(f, dict)],
    )


def _portal(raw: dict, bands: list[Band], period: tuple[str, str] | None = None) -> PortalView:
    pid = raw["id"]
    kind = _text(raw.get("kind"))
    rubric = _text(raw.get("rubric")) or DEFAULT_RUBRIC.get(kind, "")
    status = _text(raw.get("status"))
    score = _num(raw.get("score"))
    max_score = _num(raw.get("max_score")) or 100.0
    percent = None if score is None else score * 100.0 / max_score
    used: set[str] = set()
    criteria = [_criterion(c, i, used) for i, c in enumerate(raw.get("criteria") or ())]
    order = {id(c): i for i, c in enumerate(criteria)}
    fixes = sorted((c for c in criteria if c.state in ("missing", "partial")), key=lambda c: (-c.lost, order[id(c)]))
    reviews = [c for c in criteria if c.state not in ("met", "missing", "partial", "not_applicable")]
    view = PortalView(
        id=pid,
        href=f"portals/{pid}.html",
        name=_text(raw.get("name")) or pid,
        kind=kind,
        kind_label=KIND_LABELS.get(kind, kind or UNKNOWN_LABEL),
        rubric=rubric,
        rubric_label=RUBRIC_LABELS.get(rubric, rubric or UNKNOWN_LABEL),
        url=_text(raw.get("url")),
        status=status,
        status_label=STATUS_LABELS.get(status, status or UNKNOWN_LABEL),
        status_symbol=STATUS_SYMBOLS.get(status, "·"),
        score=score,
        percent=percent,
        score_text=fmt_num(score),
        max_text=fmt_num(max_score),
        band=band_for(percent, bands),
        host_inferred=raw.get("host_confidence") == "inferred",
        criteria=criteria,
        fixes=fixes,
        reviews=reviews,
        crawl=_crawl(raw.get("crawl")),
        overrides=[c for c in criteria if c.override is not None],
        not_applicable=[c for c in criteria if c.not_applicable is not None],
        flagged=[c for c in criteria if c.flags],
        gate_failures=[{"level": g.get("level"), "level_label": GATE_LEVEL_LABELS.get(g.get("level"), UNKNOWN_LABEL),
                        "message": _text(g.get("message"))}
                       for g in raw.get("gate_failures") or () if isinstance(g, dict)],
        trend=_trend(raw.get("history"), raw, score, max_score),
        diff=_diff(raw.get("diff"), criteria),
        timeline=timeline_view(raw.get("timeline"), *period) if period else [],
        pakn=pakn_view(raw.get("pakn")),
    )
    if "previous_score" in raw:
        previous = _num(raw.get("previous_score"))
        view.has_previous = True
        view.previous_text = fmt_num(previous) if previous is not None else "chưa có điểm"
        if previous is not None and score is not None:
            view.delta = round(score - previous, 2)
            view.delta_text = fmt_num(view.delta, signed=True)
            view.delta_dir = "up" if view.delta > 0 else "down" if view.delta < 0 else "same"
    return view


def _trend(history: Any, raw: dict, score: float | None, max_score: float) -> dict | None:
    """A small inline-SVG sparkline of the earlier periods' scores and this one; a period without a score (portal
    unreachable) has no point but keeps its place in the table."""
    if not isinstance(history, list) or not history:
        return None
    rows = [{"label": _period_label(h.get("from"), h.get("to")), "score": _num(h.get("score")),
             "status": _text(h.get("status"))} for h in history if isinstance(h, dict)]
    rows.append({"label": "kỳ này", "score": score, "status": _text(raw.get("status"))})
    width, height, pad = 160, 36, 4
    step = (width - 2 * pad) / max(1, len(rows) - 1)
    points = []
    for i, r in enumerate(rows):
        r["score_text"] = fmt_num(r["score"])
        r["status_label"] = STATUS_LABELS.get(r["status"], r["status"] or UNKNOWN_LABEL)
        if r["score"] is None:
            continue
        x = round(pad + i * step, 1)
        y = round(pad + (height - 2 * pad) * (1 - min(max(r["score"] / (max_score or 100), 0), 1)), 1)
        points.append({"x": x, "y": y, "title": f"{r['label']}: {r['score_text']} điểm"})
    return {"rows": rows, "points": points, "width": width, "height": height,
            "polyline": " ".join(f"{p['x']},{p['y']}" for p in points)}


def _period_label(start: Any, end: Any) -> str:
    """'10/2026' for a calendar month, else 'dd/mm/yyyy – dd/mm/yyyy'."""
    try:
        s, e = date.fromisoformat(str(start)), date.fromisoformat(str(end))
    except ValueError:
        return f"{_text(start)} – {_text(end)}"
    if s.day == 1 and (e + timedelta(days=1)).day == 1 and (s.year, s.month) == (e.year, e.month):
        return f"{s.month:02d}/{s.year}"
    return f"{fmt_date(start)} – {fmt_date(end)}"


def _diff(raw: Any, criteria: list[CriterionView]) -> dict | None:
    if not isinstance(raw, dict):
        return None
    by_code = {c.code: c for c in criteria}
    change = _num(raw.get("score_change"))

    def pick(key: str) -> list[CriterionView]:
        return [by_code[str(code)] for code in raw.get(key) or () if str(code) in by_code]

    return {"score_change_text": fmt_num(change, signed=True),
            "dir": "none" if change is None else "up" if change > 0 else "down" if change < 0 else "same",
            "gained": pick("gained"), "lost": pick("lost"), "new_missing": pick("new_missing")}


# --- document-level data -------------------------------------------------------------------------------------------
def _validate(doc: Any) -> None:
    if not isinstance(doc, dict):
        raise ConfigError("kết quả đánh giá: cần một đối tượng JSON")
    if doc.get("schema") != 1:
        raise ConfigError(f"kết quả đánh giá: schema {doc.get('schema')!r} không được hỗ trợ (cần 1)")
    period = doc.get("period")
    if not isinstance(period, dict):
        raise ConfigError("kết quả đánh giá: thiếu trường period")
    for key in ("from", "to"):
        try:
            date.fromisoformat(str(period.get(key)))
        except ValueError:
            raise ConfigError(f"kết quả đánh giá: period.{key}: cần ngày dạng YYYY-MM-DD") from None
    portals = doc.get("portals")
    if not isinstance(portals, list):
        raise ConfigError("kết quả đánh giá: thiếu danh sách portals")
    seen: set[str] = set()
    for i, p in enumerate(portals):
        if not isinstance(p, dict):
            raise ConfigError(f"kết quả đánh giá: portals[{i}]: cần một đối tượng")
        pid = p.get("id")
        if not isinstance(pid, str) or not _PORTAL_ID.match(pid):
            raise ConfigError(f"kết quả đánh giá: portals[{i}].id: {pid!r} không hợp lệ (chữ thường, số, '-')")
        if pid in seen:
            raise ConfigError(f"kết quả đánh giá: portals[{i}].id: '{pid}' bị trùng")
        seen.add(pid)


def _rank(portals: list[PortalView]) -> list[PortalView]:
    """Score descending, then name; equal scores share a rank (1, 2, 2, 4); portals without a score get none."""
    ordered = sorted(portals, key=lambda p: (p.score is None, -(p.score or 0.0), p.name.casefold(), p.id))
    rank, last = 0, None
    for i, p in enumerate(ordered):
        if p.score is None:
            break
        if p.score != last:
            rank, last = i + 1, p.score
        p.rank = rank
    return ordered


def _distribution(portals: list[PortalView]) -> dict:
    """Counts per 10-point bucket (90–100 closes the scale) with the bar geometry of a small inline SVG."""
    counts = [0] * 10
    unscored = 0
    for p in portals:
        if p.percent is None:
            unscored += 1
            continue
        counts[min(9, max(0, int(p.percent // 10)))] += 1
    top = max(counts) or 1
    width, height, pad_top, pad_bottom, gap = 560, 220, 22, 40, 8
    slot = width / 10
    plot = height - pad_top - pad_bottom
    bars = []
    for i, n in enumerate(counts):
        h = round(plot * n / top, 1)
        low = i * 10
        label = f"{low}–{low + 9}" if i < 9 else "90–100"
        bars.append({
            "label": label,
            "count": n,
            "x": round(i * slot + gap / 2, 1),
            "w": round(slot - gap, 1),
            "y": round(pad_top + plot - h, 1),
            "h": h,
            "cx": round(i * slot + slot / 2, 1),
        })
    return {"bars": bars, "unscored": unscored, "width": width, "height": height,
            "base": height - pad_bottom, "label_y": height - pad_bottom + 18}


def _heatmaps(ranked: list[PortalView]) -> list[dict]:
    """One heat map per rubric: the same code means different things in Phụ lục 1 and Phụ lục 2."""
    groups: dict[str, dict] = {}
    for p in ranked:
        g = groups.setdefault(p.rubric, {"rubric": p.rubric, "label": p.rubric_label, "codes": {}, "portals": []})
        for c in p.criteria:
            g["codes"].setdefault(c.code, c.title)
        g["portals"].append(p)
    known = {r: i for i, r in enumerate(RUBRIC_ORDER)}
    result = []
    for g in sorted(groups.values(), key=lambda g: (known.get(g["rubric"], len(known)), g["rubric"])):
        codes = list(g["codes"])
        met = dict.fromkeys(codes, 0)
        seen = dict.fromkeys(codes, 0)
        skipped = dict.fromkeys(codes, 0)
        rows = []
        for p in g["portals"]:
            by_code = {c.code: c for c in p.criteria}
            cells = []
            for code in codes:
                c = by_code.get(code)
                if c is None:
                    cells.append(("u", "·", f"{code}: không có dữ liệu"))
                    continue
                # A criterion declared not applicable is no one's to meet: out of the column's share.
                seen[code] += c.state != "not_applicable"
                skipped[code] += c.state == "not_applicable"
                met[code] += c.state == "met"
                tip = f"{code}: {c.points_text}" + (" (điều chỉnh thủ công)" if c.override else "") + (
                    " (không áp dụng)" if c.not_applicable else "")
                cells.append((HEAT_CLASS.get(c.state, "u"), c.symbol, tip))
            rows.append({"portal": p, "cells": cells})
        columns = []
        for code in codes:
            share = round(100 * met[code] / seen[code]) if seen[code] else None
            columns.append({
                "code": code,
                "title": g["codes"][code],
                "met_text": "—" if share is None else f"{share}%",
                "met_title": f"{code}: {met[code]}/{seen[code]} cổng đạt đủ" + (
                    f" ({skipped[code]} cổng không áp dụng, không tính)" if skipped[code] else ""),
            })
        result.append({"rubric": g["rubric"], "label": g["label"], "columns": columns, "rows": rows,
                       "anchor": "bang-nhiet-" + _slug(g["rubric"] or "khac")})
    return result


def _counts(portals: list[PortalView], attr: str, order: tuple[str, ...], labels: dict[str, str]) -> list[dict]:
    tally: dict[str, int] = {}
    for p in portals:
        tally[getattr(p, attr)] = tally.get(getattr(p, attr), 0) + 1
    keys = list(order) + sorted(k for k in tally if k not in order)
    return [{"key": k, "label": labels.get(k, k or UNKNOWN_LABEL), "count": tally.get(k, 0)} for k in keys]


def _flag_counts(portals: list[PortalView]) -> list[dict]:
    """Portals carrying each kind of criterion flag (overview card; empty when nothing was flagged)."""
    tally: dict[str, int] = {}
    for p in portals:
        for kind in {f["kind"] for c in p.flagged for f in c.flags}:
            tally[kind] = tally.get(kind, 0) + 1
    known = list(CRITERION_FLAG_LABELS)
    return [{"kind": k, "label": CRITERION_FLAG_LABELS.get(k, k), "count": tally[k]}
            for k in sorted(tally, key=lambda k: (known.index(k) if k in known else len(known), k))]


def _present(counts: list[dict]) -> list[dict]:
    return [c for c in counts if c["count"]]


def build_context(doc: dict, bands: list[Band]) -> dict:
    """Everything the templates need, computed once (exposed for tests and other front ends)."""
    _validate(doc)
    period = doc["period"]
    period_text = f"{fmt_date(period['from'])} – {fmt_date(period['to'])}"
    portals = [_portal(p, bands, (period["from"], period["to"])) for p in doc["portals"]]
    ranked = _rank(portals)
    scored = [p.score for p in portals if p.score is not None]
    by_status = _counts(portals, "status", STATUS_ORDER, STATUS_LABELS)
    by_kind = _counts(portals, "kind", KIND_ORDER, KIND_LABELS)
    band_counts = [{"band": b, "count": sum(1 for p in portals if p.band is b)} for b in bands]
    return {
        "title": f"Kết quả đánh giá Cổng TTĐT — kỳ {period_text}",
        "period_text": period_text,
        "generated_text": fmt_datetime(doc.get("generated_at")),
        "portals": ranked,
        "total": len(portals),
        "scored": len(scored),
        "average_text": fmt_num(sum(scored) / len(scored)) if scored else "—",
        "by_status": by_status,
        "by_kind": by_kind,
        "kind_options": _present(by_kind),
        "status_options": _present(by_status),
        "bands": bands,
        "band_scale": band_scale(bands),
        "band_counts": band_counts,
        "show_delta": any(p.has_previous for p in portals),
        "distribution": _distribution(portals),
        "heatmaps": _heatmaps(ranked),
        "heat_open_limit": HEAT_OPEN_LIMIT,
        "flag_counts": _flag_counts(portals),
        "states": [{"cls": HEAT_CLASS[k], "label": STATE_LABELS[k], "symbol": STATE_SYMBOLS[k]} for k in STATE_ORDER],
    }


# --- rendering -----------------------------------------------------------------------------------------------------
# Text from registries and portals may hold bidi embeddings/overrides/isolates, which reorder what follows them on
# the page (a name can be made to read as another), and C0 controls, which browsers show as boxes or drop. Every
# value printed is shown with its bidi controls spelled out and its controls dropped, so the page shows what the
# portal holds without letting it rearrange the report.
_C0_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _shown(value):
    if isinstance(value, str) and not isinstance(value, Markup):
        value = BIDI_CONTROL.sub(lambda m: f"[U+{ord(m.group()):04X}]", _C0_CONTROL.sub("", value))
    return value


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        finalize=_shown,
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_href"] = safe_href
    env.filters["num"] = fmt_num
    env.filters["vn_datetime"] = fmt_datetime
    return env


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def render_report(doc: dict, out_dir: Path, *, bands_file: str | Path | None = None) -> Path:
    """Render the report of `doc` into `out_dir` and return the path of `out_dir/index.html`.

    Raises ConfigError (message in Vietnamese) for a document that is not a schema-1 results document, before
    anything is written.
    """
    bands = load_bands(bands_file or BANDS_FILE)
    context = build_context(doc, bands)
    out_dir = Path(out_dir)
    # Machine outputs written beside the report (by `run`/`score`) are linked from it; absent ones are not.
    context["downloads"] = [{"href": name, "label": label} for name, label in DOWNLOADS if (out_dir / name).exists()]
    context["form_dir"] = FORM_DIR if (out_dir / FORM_DIR).is_dir() else None
    env = _environment()
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp_dirs(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=".report-tmp-", dir=out_dir))
    try:
        (tmp / "portals").mkdir()
        (tmp / "static").mkdir()
        for name in STATIC_FILES:
            shutil.copyfile(STATIC_DIR / name, tmp / "static" / name)
        page = env.get_template("portal.html")
        for portal in context["portals"]:
            _write(tmp / "portals" / f"{portal.id}.html", page.render(context, portal=portal, root="../"))
        _write(tmp / "index.html", env.get_template("index.html").render(context, root=""))
        _publish(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir / "index.html"


def _remove_stale_temp_dirs(out_dir: Path, max_age: float = 3600.0) -> None:
    """Temporary trees left by a killed run (an hour old: not a render still in progress)."""
    now = time.time()
    for entry in out_dir.glob(".report-*-*"):
        try:
            if entry.is_dir() and not entry.is_symlink() and now - entry.stat().st_mtime > max_age:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            pass


def _publish(tmp: Path, out_dir: Path) -> None:
    """Swap the rendered tree into out_dir: directories first, index.html last; roll back on failure."""
    old = Path(tempfile.mkdtemp(prefix=".report-old-", dir=out_dir))
    moved: list[tuple[str, bool]] = []  # (name, had an old version)
    try:
        for name in ("static", "portals"):
            target = out_dir / name
            had_old = target.exists() or target.is_symlink()
            if had_old:
                os.replace(target, old / name)
            moved.append((name, had_old))
            os.replace(tmp / name, target)
        os.replace(tmp / "index.html", out_dir / "index.html")
    except BaseException:
        for name, had_old in reversed(moved):
            target = out_dir / name
            try:
                if target.exists() and not (tmp / name).exists():
                    os.replace(target, tmp / name)
                if had_old:
                    os.replace(old / name, target)
            except OSError:
                pass
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
