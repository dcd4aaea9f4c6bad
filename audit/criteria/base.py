"""What every rule function shares: the per-portal context, the outcome type, evidence and Vietnamese phrasing helpers.

A rule is a pure function `(ctx: Context, crit: Criterion) -> Outcome`; the engine in audit.scoring turns the outcome
into a CriterionResult (state derived from points unless the rule set it, evidence capped).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from audit.facts import PORTAL_OK, Item, PortalFacts, SectionFact, UnreadFact
from audit.period import Period
from audit.directory import Directory
from audit.registry import Portal

if TYPE_CHECKING:
    from audit.criteria.config import ScoringConfig
    from audit.rubric import Criterion

MET, PARTIAL, MISSING, NOT_EVALUABLE, NEEDS_REVIEW = "met", "partial", "missing", "not_evaluable", "needs_review"
# A standing declaration that the unit has no corresponding duty (seed 003: "được tính điểm tối đa"): full points.
# No rule returns it; audit/not_applicable.py (or an auditor's override) sets it after the automatic result.
NOT_APPLICABLE = "not_applicable"
STATES = (MET, PARTIAL, MISSING, NOT_EVALUABLE, NEEDS_REVIEW, NOT_APPLICABLE)

# How a failed fetch is worded in summaries (statuses of crawler/status.py); unknown ones are shown as they are.
_STATUS_VN = {
    "robots_blocked": "bị robots.txt chặn",
    "timeout": "quá thời gian chờ",
    "dns_error": "lỗi phân giải tên miền (DNS)",
    "tls_error": "lỗi kết nối TLS",
    "connection_error": "lỗi kết nối",
    "connection_refused": "bị từ chối kết nối",
    "redirect_loop": "chuyển hướng vòng lặp",
    "too_large": "trang quá lớn",
    "not_html": "không phải trang HTML",
    "too_deep": "thẻ HTML lồng nhau quá sâu",
    "budget_exhausted": "hết ngân sách thu thập trước khi tải được",
    "not_crawled": "chưa được thu thập",
    "blocked_unsafe": "bị chặn vì dẫn ra ngoài cổng hoặc tới địa chỉ không an toàn",
    "query_trap": "ngừng đọc vì chuỗi truy vấn thay đổi liên tục (bẫy truy vấn)",
}


def status_text(status: str) -> str:
    if status in _STATUS_VN:
        return f"{_STATUS_VN[status]} ({status})"
    if status.startswith("http_"):
        return f"lỗi HTTP ({status})"
    return f"lỗi tải trang ({status})"


@dataclass
class Outcome:
    points: int
    summary: str
    evidence: list[dict] = field(default_factory=list)
    state: str | None = None  # None: derived from points (max → met, 0 → missing, else partial)
    # Conditions a person should see whether or not they cost points (audit/criteria/flags.py):
    # {"kind", "message", ...kind-specific keys}; results.json carries them as the criterion's `flags`.
    flags: list[dict] = field(default_factory=list)


def ev(url: str | None, title: str | None = None, published_at: date | datetime | None = None,
       note: str | None = None) -> dict:
    return {"url": url, "title": title, "published_at": published_at.isoformat() if published_at else None,
            "note": note}


def join_vn(parts: list[str]) -> str:
    """'a', 'a và b', 'a, b và c'."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


class Context:
    """Everything one portal's criteria are judged from; indexes are built once per portal."""

    def __init__(self, facts: PortalFacts, period: Period, registry: "Directory | list[Portal] | tuple[Portal, ...]",
                 config: "ScoringConfig"):
        self.facts = facts
        self.period = period
        # Link criteria classify links against the directory (audit/directory.py); a plain list of portals is a
        # directory of those portals with no crawl status.
        self.directory = Directory.of(registry)
        self.config = config

    @cached_property
    def own_portal(self) -> Portal | None:
        """The audited portal's directory entry (its name and abbreviation tell its own documents), if listed."""
        return next((p for p in self.directory.portals if p.id == self.facts.portal_id), None)

    @cached_property
    def _items(self) -> dict[str, list[Item]]:
        """Items per section, one per URL (a listing may show an item twice across pages), newest first."""
        by_key: dict[str, dict[str, Item]] = {}
        for it in self.facts.items:
            by_key.setdefault(it.section, {}).setdefault(it.url, it)
        return {k: sorted(v.values(), key=_item_order) for k, v in by_key.items()}

    def items(self, key: str) -> list[Item]:
        return self._items.get(key, [])

    def listed(self, key: str) -> list[Item]:
        """Items that may satisfy a criterion: none when the section's landing page failed (that is not_evaluable,
        never a pass)."""
        s = self.section(key)
        return self.items(key) if s is None or s.status == PORTAL_OK else []

    def section(self, key: str) -> SectionFact | None:
        return self.facts.sections.get(key)

    def section_ok(self, key: str) -> bool:
        s = self.section(key)
        return s is not None and s.status == PORTAL_OK

    def section_title(self, key: str) -> str:
        return self.config.section_titles.get(key, key)

    def where(self, key: str) -> str:
        """'chuyên mục Tin tức – sự kiện (http://…)' or without the URL when the section was not found."""
        s = self.section(key)
        name = f"chuyên mục {self.section_title(key)}"
        return f"{name} ({s.url})" if s else name

    def page_name(self, url: str) -> str:
        """'trang chủ' for the portal's home page, else the URL."""
        if url.rstrip("/") == self.facts.base_url.rstrip("/"):
            return "trang chủ"
        return url

    def on_page(self, url: str) -> str:
        """'trên trang chủ' or 'trên trang http://…'."""
        name = self.page_name(url)
        return f"trên {name}" if name == "trang chủ" else f"trên trang {name}"

    def blocked(self, key: str) -> Outcome | None:
        """not_evaluable when the section was found but its landing page could not be read."""
        s = self.section(key)
        if s is None or s.status == PORTAL_OK:
            return None
        return Outcome(0, f"Không đánh giá được: trang {self.where(key)} {status_text(s.status)}",
                       [ev(s.url, s.label, note=f"trạng thái tải trang: {s.status}")], NOT_EVALUABLE)

    def unread(self, key: str) -> list[UnreadFact]:
        """The section's pages that showed content no reader could read, landing page first."""
        return sorted((u for u in self.facts.unread if u.section == key), key=lambda u: (len(u.url), u.url))

    def could_not_read(self, keys: list[str], noun: str, points: int = 0, before: list[str] = ()) -> Outcome | None:
        """needs_review when a section page showed content that no reader could read, so that "nothing read" is
        neither a silent 0 (missing) nor a pass: `points` are what the facts that were read prove (0 when nothing
        was). Callers ask only when nothing was read from the section. `before`: what else the summary must say
        first (lower-case clauses). None when every page was read."""
        parts, evidence = [], []
        for key in keys:
            pages = self.unread(key)
            if not pages:
                continue
            first = pages[0]
            s = self.section(key)
            page = "trang" if s is not None and first.url.rstrip("/") == s.url.rstrip("/") else f"trang {first.url}"
            text = f"không đọc được {noun} tại {self.where(key)}"
            if first.summary:
                text += f": {page} có {first.summary}"
            if len(pages) > 1:
                text += f" (và {len(pages) - 1} trang khác của chuyên mục)"
            parts.append(text)
            evidence += [ev(u.url, self.section_title(key), note=f"không đọc được {noun}"
                            + (f"; trang có {u.summary}" if u.summary else "")) for u in pages]
        if not parts:
            return None
        text = "; ".join([*before, *parts])
        return Outcome(points, f"{text[0].upper()}{text[1:]} — cần kiểm tra trực tiếp", evidence, NEEDS_REVIEW)

    def item_evidence(self, items: list[Item], note: str | None = None) -> list[dict]:
        return [ev(i.url, i.title, i.published_at, _item_note(i, note)) for i in items]

    def section_evidence(self, key: str, note: str | None = None) -> list[dict]:
        s = self.section(key)
        return [ev(s.url, s.label, note=note or f"chuyên mục {self.section_title(key)}")] if s else []


WRONG_SECTION = "wrong-section"


def _item_note(it: Item, note: str | None) -> str | None:
    # The item still counts where it was listed (seed 003); the editors are told it belongs elsewhere.
    if WRONG_SECTION not in it.flags:
        return note
    return f"{note}; đăng sai chuyên mục" if note else "đăng sai chuyên mục"


def _item_order(it: Item):
    # Newest first (wall-clock time as published), undated last; the URL breaks ties so the order never depends on
    # crawl order.
    ts = it.published_at
    if ts is None:
        return (1, 0, 0, it.url)
    return (0, -ts.date().toordinal(), -(ts.hour * 3600 + ts.minute * 60 + ts.second), it.url)


Rule = Callable[[Context, "Criterion"], Outcome]


# --- checking rule parameters when a rubric is loaded (messages end up as "<file>: tiêu chí <code>: <message>") ---

@dataclass(frozen=True)
class Known:
    """Vocabulary a rubric may refer to: section keys (rules/sections.yaml), element keys (rules/elements.yaml)."""
    sections: frozenset[str]
    elements: frozenset[str]


def allowed(params: dict, *keys: str) -> None:
    extra = sorted(set(params) - {"type", *keys})
    if extra:
        raise ValueError(f"rule: tham số lạ '{extra[0]}' (có: {', '.join(keys) or 'không có'})")


def section_param(params: dict, key: str, known: Known, required: bool = True) -> str | None:
    value = params.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or value not in known.sections:
        raise ValueError(f"rule.{key}: '{value}' không phải khóa chuyên mục trong rules/sections.yaml")
    return value


def sections_param(params: dict, key: str, known: Known) -> list[str]:
    value = params.get(key)
    if not isinstance(value, list) or not value:
        raise ValueError(f"rule.{key}: cần danh sách khóa chuyên mục")
    for v in value:
        section_param({key: v}, key, known)
    return value


def points_param(params: dict, names: tuple[str, ...], max_points: int, required: tuple[str, ...] = ()) -> dict:
    pts = params.get("points", {})
    if not isinstance(pts, dict):
        raise ValueError("rule.points: cần ánh xạ tên mức → điểm")
    for k, v in pts.items():
        if k not in names:
            raise ValueError(f"rule.points: mức lạ '{k}' (có: {', '.join(names)})")
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= max_points:
            raise ValueError(f"rule.points.{k}: cần số nguyên từ 0 đến {max_points}")
    for k in required:
        if k not in pts:
            raise ValueError(f"rule.points: thiếu mức '{k}'")
    return pts


def thresholds_param(params: dict, key: str, max_points: int) -> list[tuple[int, int]]:
    """[[min count, points], ...] in strictly decreasing min order."""
    value = params.get(key)
    if not isinstance(value, list) or not value:
        raise ValueError(f"rule.{key}: cần danh sách [số tối thiểu, điểm]")
    out: list[tuple[int, int]] = []
    for pair in value:
        if (not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(x, int) and not isinstance(x, bool)
                                                                    for x in pair)):
            raise ValueError(f"rule.{key}: mục {pair!r} phải là [số tối thiểu, điểm]")
        lo, pts = pair
        if lo < 1 or not 0 <= pts <= max_points or (out and lo >= out[-1][0]):
            raise ValueError(f"rule.{key}: mục {pair!r}: số tối thiểu ≥ 1 giảm dần, điểm từ 0 đến {max_points}")
        out.append((lo, pts))
    return out


def points_for_count(n: int, thresholds) -> int:
    for lo, pts in thresholds:
        if n >= lo:
            return pts
    return 0
