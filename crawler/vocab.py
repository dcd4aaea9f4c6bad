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


@lru_cache(maxsize=1 << 16)  # a portal's pages repeat their menus and boxes: the same texts are folded again and again
def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and punctuation: the form labels are compared in."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_WORD.split(text)).strip()


# Tone marks (huyền, sắc, ngã, hỏi, nặng); the other marks (â ê ô ă ơ ư) change the letter itself.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_NON_WORD_ACCENTED = re.compile(r"[^0-9a-z\u0300-\u036fđ]+")


@lru_cache(maxsize=1 << 14)
def accented(text: str) -> str:
    """Lower case and punctuation collapsed like fold(), diacritics kept: "truyền thông" (communication) is not
    "truyền thống" (tradition). Each word's tone mark is moved to the word's end, so the old and new placements
    ("hoà"/"hòa", "thuỷ"/"thủy") are one word."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower())
    words = []
    for word in _NON_WORD_ACCENTED.split(decomposed):
        if word:
            words.append("".join(c for c in word if c not in _TONES) + "".join(c for c in word if c in _TONES))
    return " ".join(words)


def has_diacritics(text: str) -> bool:
    """Written with Vietnamese marks: then the marks are meant (a menu typed without any is compared folded)."""
    return "đ" in text.lower() or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


@dataclass(frozen=True)
class Match:
    key: str
    evidence: str  # "label:<label>" or "url:<pattern>"
    confidence: float
    coverage: float = 1.0  # share of the text the label covers ("kế hoạch" is 44% of "Kế hoạch tài chính")


class Vocabulary:
    """Labels → keys, tried longest first; optional URL patterns as a weaker second signal. A text written with
    diacritics is compared with them (accented()); one written without any, folded (fold())."""

    def __init__(self, labels: dict[str, list[str]], url_patterns: dict[str, list[str]] | None = None):
        pairs = [(fold(lbl), accented(lbl), key, lbl) for key, lbls in labels.items() for lbl in lbls if fold(lbl)]
        self._folded = sorted(((f, k, o) for f, _, k, o in pairs), key=lambda p: -len(p[0]))
        self._accented = sorted(((a, k, o) for _, a, k, o in pairs), key=lambda p: -len(p[0]))
        self._urls = [(re.compile(p), key, p) for key, ps in (url_patterns or {}).items() for p in ps]

    def _forms(self, text: str) -> tuple[str, list[tuple[str, str, str]]]:
        if has_diacritics(text):
            return accented(text), self._accented
        return fold(text), self._folded

    def by_label(self, text: str, exact: bool = False) -> Match | None:
        form, labels = self._forms(text)
        if not form or len(form) > 160:
            return None
        padded = f" {form} "
        for lbl, key, original in labels:
            if form == lbl:
                return Match(key, f"label:{original}", 1.0)
            if not exact and f" {lbl} " in padded:
                return Match(key, f"label:{original}", 0.8, len(lbl) / len(form))
        return None

    def all_by_label(self, text: str) -> list[Match]:
        """Every key tied for the longest matching label: one heading may prove two elements
        ("Cơ cấu tổ chức" is both a department's organisation chart and a commune's administrative apparatus)."""
        first = self.by_label(text)
        if first is None:
            return []
        form, labels = self._forms(text)
        padded = f" {form} "
        length = len(self._forms(first.evidence.split(":", 1)[1])[0]) if has_diacritics(text) else \
            len(fold(first.evidence.split(":", 1)[1]))
        out = []
        for lbl, key, original in labels:
            if len(lbl) == length and (form == lbl or f" {lbl} " in padded) and key not in [m.key for m in out]:
                out.append(Match(key, f"label:{original}", 1.0 if form == lbl else 0.8))
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
