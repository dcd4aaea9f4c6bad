"""ScoringConfig: the thresholds and lists the rules read, loaded from rules/*.yaml (data, not code)."""
from __future__ import annotations

import re

import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from audit.errors import ConfigError
from audit.gates import Gates, load_gates  # noqa: F401 (Gates: re-exported)
from audit.rules_yaml import RULES_DIR, mapping, read_yaml
from audit.workdays import WorkCalendar, load_calendar


STANDARD, COORDINATION, SPECIAL = "standard", "coordination", "special"
DEADLINE_CLASSES = (STANDARD, COORDINATION, SPECIAL)


@dataclass(frozen=True)
class DeadlineClass:
    """One deadline of QĐ 96 Điều 13 khoản 1 điểm c and the phrases by which an answer says it applies."""
    key: str  # standard | coordination | special
    working_days: int
    label: str  # Vietnamese, shown after the deadline: "hạn 7 ngày làm việc (phối hợp liên ngành)"
    phrases: tuple[str, ...] = ()  # NFC, lower case


@dataclass(frozen=True)
class PaknConfig:
    deadline_working_days: int = 5
    # The longer classes (coordination 7, special 10), longest first; the standard one is `deadline_working_days`.
    classes: tuple[DeadlineClass, ...] = ()

    def deadline_class(self, key: str) -> DeadlineClass:
        return next((c for c in self.classes if c.key == key),
                    DeadlineClass(STANDARD, self.deadline_working_days, "thuộc thẩm quyền giải quyết"))
    # (minimum on-time percent, points), highest first
    thresholds: tuple[tuple[Fraction, int], ...] = ((Fraction(100), 15), (Fraction(80), 12), (Fraction(50), 7),
                                                    (Fraction(0), 5))
    all_late_unanswered_points: int = 0
    no_question_points: int = 15


@dataclass(frozen=True)
class LinkConfig:
    dvc_hosts: frozenset[str] = frozenset({"dichvucong.bacninh.gov.vn", "dvc.bacninh.gov.vn", "dichvucong.gov.vn"})
    other_gov_hosts: frozenset[str] = frozenset({"chinhphu.vn", "www.chinhphu.vn", "vanban.chinhphu.vn",
                                                 "baochinhphu.vn"})
    tthc_path_markers: tuple[str, ...] = ("thu-tuc", "tthc")
    tthc_label_markers: tuple[str, ...] = ("thủ tục",)
    dvc_host_patterns: tuple[str, ...] = ()  # regular expressions on the host: every province's DVC portal


@dataclass(frozen=True)
class FlagConfig:
    """Conditions flagged on a criterion (rules/scoring.yaml); each costs points only when its setting says so."""
    stale_after_months: int = 12
    stale_costs_points: bool = False
    official_email_domains: tuple[str, ...] = ("bacninh.gov.vn",)
    foreign_email_costs_points: bool = False
    no_own_documents_costs_points: bool = False


@dataclass(frozen=True)
class ScoringConfig:
    pakn: PaknConfig = PaknConfig()
    links: LinkConfig = LinkConfig()
    gates: Gates = Gates()
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    evidence_cap: int = 50
    # A criterion that relies on a section read with a confidence below this becomes needs_review.
    needs_review_below: float = 0.5
    section_titles: dict[str, str] = field(default_factory=dict)
    element_titles: dict[str, str] = field(default_factory=dict)
    flags: FlagConfig = FlagConfig()


def load_scoring_config(rules_dir: str | Path | None = None) -> ScoringConfig:
    d = Path(rules_dir) if rules_dir else RULES_DIR
    scoring = mapping(read_yaml(d / "scoring.yaml") or {}, str(d / "scoring.yaml"))
    return ScoringConfig(
        pakn=_pakn(d / "scoring.yaml", scoring.get("pakn") or {}),
        links=_links(d / "links.yaml"),
        gates=load_gates(d / "gates.yaml"),
        calendar=load_calendar(d / "calendar.yaml"),
        evidence_cap=_int(d / "scoring.yaml", "evidence.max_entries",
                          (scoring.get("evidence") or {}).get("max_entries", 50), 1),
        needs_review_below=_confidence(d / "scoring.yaml", scoring.get("review") or {}),
        section_titles=section_titles(d / "sections.yaml"),
        element_titles=element_titles(d / "elements.yaml"),
        flags=_flags(d / "scoring.yaml", scoring),
    )


def _flags(p: Path, scoring: dict) -> FlagConfig:
    stale = mapping(scoring.get("stale_sections") or {}, f"{p}: stale_sections")
    email = mapping(scoring.get("official_email") or {}, f"{p}: official_email")
    docs = mapping(scoring.get("own_documents") or {}, f"{p}: own_documents")
    base = FlagConfig()
    domains = email.get("domains", list(base.official_email_domains))
    return FlagConfig(
        stale_after_months=_int(p, "stale_sections.max_age_months",
                                stale.get("max_age_months", base.stale_after_months), 1),
        stale_costs_points=_bool(p, "stale_sections.costs_points", stale.get("costs_points", False)),
        official_email_domains=tuple(d.strip().lower().lstrip("@.")
                                     for d in _strings(p, "official_email.domains", domains)),
        foreign_email_costs_points=_bool(p, "official_email.costs_points", email.get("costs_points", False)),
        no_own_documents_costs_points=_bool(p, "own_documents.costs_points", docs.get("costs_points", False)),
    )


def _bool(p: Path, key: str, value) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{p}: {key}: cần true hoặc false")
    return value


def section_titles(path: Path) -> dict[str, str]:
    doc = mapping(read_yaml(path) or {}, str(path))
    secs = mapping(doc.get("sections") or {}, f"{path}: sections")
    return {k: _nfc(str((v or {}).get("title") or k)) for k, v in secs.items()}


def element_titles(path: Path) -> dict[str, str]:
    """An element is named by its first label, e.g. 'cơ cấu tổ chức'."""
    doc = mapping(read_yaml(path) or {}, str(path))
    els = mapping(doc.get("elements") or {}, f"{path}: elements")
    return {k: _nfc(str(v[0]) if isinstance(v, list) and v else k) for k, v in els.items()}


def _pakn(p: Path, doc) -> PaknConfig:
    doc = mapping(doc, f"{p}: pakn")
    base = PaknConfig()
    rows = doc.get("thresholds")
    thresholds = base.thresholds
    if rows is not None:
        thresholds = pakn_thresholds(rows, f"{p}: pakn.thresholds")
    return PaknConfig(
        deadline_working_days=_int(p, "pakn.deadline_working_days",
                                   doc.get("deadline_working_days", base.deadline_working_days), 0),
        thresholds=thresholds,
        all_late_unanswered_points=_int(p, "pakn.all_late_unanswered_points",
                                        doc.get("all_late_unanswered_points", base.all_late_unanswered_points), 0),
        no_question_points=_int(p, "pakn.no_question_points", doc.get("no_question_points", base.no_question_points), 0),
        classes=_deadline_classes(p, doc.get("deadline_classes") or {}),
    )


def _deadline_classes(p: Path, doc) -> tuple[DeadlineClass, ...]:
    doc = mapping(doc, f"{p}: pakn.deadline_classes")
    out = []
    for key, raw in doc.items():
        where = f"{p}: pakn.deadline_classes.{key}"
        if key not in (COORDINATION, SPECIAL):
            raise ConfigError(f"{where}: lớp lạ (có: {COORDINATION}, {SPECIAL})")
        raw = mapping(raw, where)
        unknown = set(raw) - {"working_days", "label", "phrases"}
        if unknown:
            raise ConfigError(f"{where}: khóa lạ '{sorted(unknown)[0]}' (có: working_days, label, phrases)")
        phrases = raw.get("phrases") or []
        if not isinstance(phrases, list) or not all(isinstance(x, str) and x.strip() for x in phrases):
            raise ConfigError(f"{where}.phrases: cần danh sách cụm từ")
        out.append(DeadlineClass(key, _int(p, f"pakn.deadline_classes.{key}.working_days", raw.get("working_days"), 1),
                                 _nfc(str(raw.get("label") or key)),
                                 tuple(_nfc(x.strip()).lower() for x in phrases)))
    return tuple(sorted(out, key=lambda c: -c.working_days))


def pakn_thresholds(rows, where: str) -> tuple[tuple[Fraction, int], ...]:
    """[{min_percent, points}, ...], highest first, the last one at 0 so every ratio gets points."""
    if not isinstance(rows, list) or not rows:
        raise ConfigError(f"{where}: cần danh sách {{min_percent, points}}")
    out: list[tuple[Fraction, int]] = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("points"), int) or \
                not isinstance(row.get("min_percent"), (int, float)) or isinstance(row.get("min_percent"), bool):
            raise ConfigError(f"{where}: mục {row!r} cần {{min_percent: số, points: số nguyên}}")
        # Fraction(str()) keeps 79.9 exact, so 79.9% vs 80% is decided without float rounding.
        pct = Fraction(str(row["min_percent"]))
        if not 0 <= pct <= 100 or (out and pct >= out[-1][0]):
            raise ConfigError(f"{where}: min_percent phải giảm dần trong khoảng 0–100")
        out.append((pct, row["points"]))
    if out[-1][0] != 0:
        raise ConfigError(f"{where}: mục cuối phải có min_percent: 0")
    return tuple(out)


def _links(p: Path) -> LinkConfig:
    doc = mapping(read_yaml(p) or {}, str(p))
    tthc = mapping(doc.get("tthc_link") or {}, f"{p}: tthc_link")
    return LinkConfig(
        dvc_hosts=frozenset(h.lower() for h in _strings(p, "dvc_hosts", doc.get("dvc_hosts"))),
        other_gov_hosts=frozenset(h.lower() for h in _strings(p, "other_gov_hosts", doc.get("other_gov_hosts"))),
        tthc_path_markers=tuple(_strings(p, "tthc_link.path_markers", tthc.get("path_markers"))),
        tthc_label_markers=tuple(_nfc(s).casefold() for s in _strings(p, "tthc_link.label_markers",
                                                                      tthc.get("label_markers"))),
        dvc_host_patterns=tuple(_patterns(p, "dvc_host_patterns", doc.get("dvc_host_patterns") or [])),
    )


def _patterns(p: Path, key: str, values) -> list[str]:
    out = []
    for value in _strings(p, key, values):
        try:
            re.compile(value)
        except re.error as exc:
            raise ConfigError(f"{p}: trường {key}: biểu thức không hợp lệ {value!r} ({exc})") from None
        out.append(value)
    return out


def _confidence(p: Path, doc) -> float:
    doc = mapping(doc, f"{p}: review")
    v = doc.get("needs_review_below", 0.5)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
        raise ConfigError(f"{p}: review.needs_review_below: cần số từ 0 đến 1")
    return float(v)


def _int(p: Path, key: str, value, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ConfigError(f"{p}: {key}: cần số nguyên ≥ {minimum}")
    return value


def _strings(p: Path, key: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{p}: {key}: cần danh sách chuỗi")
    return value


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)
