"""Vietnamese vocabularies from rules/: section labels and content-element labels, and how labels are matched.

Matching is NFC-normalised, case-insensitive and diacritic-insensitive on whole words, because real menus write
"TIN TỨC - SỰ KIỆN", "Tin tuc su kien" or "Tin tức – sự kiện" for the same section. The longest matching label wins
so that "Văn bản chỉ đạo điều hành" goes to chi-dao-dieu-hanh, not to van-ban.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RULES = Path(__file__).resolve().parent.parent / "rules"
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and punctuation: the form labels are compared in."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_WORD.split(text)).strip()


@dataclass(frozen=True)
class Match:
    key: str
    evidence: str  # "label:<label>" or "url:<pattern>"
    confidence: float


class Vocabulary:
    """Labels → keys, tried longest first; optional URL patterns as a weaker second signal."""

    def __init__(self, labels: dict[str, list[str]], url_patterns: dict[str, list[str]] | None = None):
        pairs = [(fold(lbl), key, lbl) for key, lbls in labels.items() for lbl in lbls if fold(lbl)]
        self._labels = sorted(pairs, key=lambda p: -len(p[0]))
        self._urls = [(re.compile(p), key, p) for key, ps in (url_patterns or {}).items() for p in ps]

    def by_label(self, text: str, exact: bool = False) -> Match | None:
        folded = fold(text)
        if not folded or len(folded) > 120:
            return None
        padded = f" {folded} "
        for lbl, key, original in self._labels:
            if folded == lbl:
                return Match(key, f"label:{original}", 1.0)
            if not exact and f" {lbl} " in padded:
                return Match(key, f"label:{original}", 0.8)
        return None

    def all_by_label(self, text: str) -> list[Match]:
        """Every key tied for the longest matching label: one heading may prove two elements
        ("Cơ cấu tổ chức" is both a department's organisation chart and a commune's administrative apparatus)."""
        first = self.by_label(text)
        if first is None:
            return []
        folded, padded = fold(text), f" {fold(text)} "
        length = len(fold(first.evidence.split(":", 1)[1]))
        out = []
        for lbl, key, original in self._labels:
            if len(lbl) == length and (folded == lbl or f" {lbl} " in padded) and key not in [m.key for m in out]:
                out.append(Match(key, f"label:{original}", 1.0 if folded == lbl else 0.8))
        return out

    def url_patterns(self) -> list[tuple[re.Pattern, str, str]]:
        """(compiled pattern, key, pattern as written) in file order."""
        return list(self._urls)

    def by_url(self, path: str) -> Match | None:
        low = path.lower()
        for pattern, key, original in self._urls:
            if pattern.search(low):
                return Match(key, f"url:{original}", 0.6)
        return None


@lru_cache(maxsize=None)
def sections() -> Vocabulary:
    data = yaml.safe_load((RULES / "sections.yaml").read_text(encoding="utf-8"))["sections"]
    return Vocabulary({k: v.get("labels") or [] for k, v in data.items()},
                      {k: v.get("url") or [] for k, v in data.items()})


@lru_cache(maxsize=None)
def section_titles() -> dict[str, str]:
    data = yaml.safe_load((RULES / "sections.yaml").read_text(encoding="utf-8"))["sections"]
    return {k: v.get("title", k) for k, v in data.items()}


@lru_cache(maxsize=None)
def elements() -> Vocabulary:
    data = yaml.safe_load((RULES / "elements.yaml").read_text(encoding="utf-8"))
    return Vocabulary(data["elements"])


@lru_cache(maxsize=None)
def elements_found_in() -> dict[str, set[str]]:
    """Which sections' pages may prove which elements (an intro heading proves nothing on a news page)."""
    data = yaml.safe_load((RULES / "elements.yaml").read_text(encoding="utf-8"))
    return {section: set(keys) for section, keys in (data.get("found_in") or {}).items()}
