"""Conditions flagged on a criterion (results.json `flags`): a section not updated in the year (seed 003), an e-mail
outside the official domains (QĐ 96 Điều 8 khoản 1 điểm k), no listed document issued by the unit itself (Kế hoạch
65: "thuộc thẩm quyền ban hành"). Pure helpers; whether a flag costs points is the rules' setting (FlagConfig)."""
from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from audit.facts import DocumentRow, Item
from audit.registry import Portal

STALE_SECTION, FOREIGN_EMAIL, NO_OWN_DOCUMENTS = "stale_section", "foreign_email", "no_own_documents"


def dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


# --- stale sections ---

def months_before(d: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has fewer days: 31/3 − 1 month → 28 or 29/2)."""
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def newest(items: list[Item]) -> Item | None:
    """The newest dated item (items come newest first, undated last)."""
    return next((i for i in items if i.published_at is not None), None)


def freshness(items: list[Item], period_end: date, months: int, where: str) -> tuple[str, dict | None]:
    """The summary clause naming the newest item, and a stale_section flag when it is dated more than `months`
    before the period's end. No flag without a known date: an undated item might be the newest one."""
    latest = newest(items)
    if latest is None:
        return "không xác định được ngày của mục mới nhất", None
    day = latest.published_at.date()
    text = f"mục mới nhất: “{latest.title}” ngày {dmy(day)}"
    cutoff = months_before(period_end, months)
    if day >= cutoff:
        return text, None
    if any(i.published_at is None for i in items):
        undated = sum(1 for i in items if i.published_at is None)
        return (f"{text}; {undated} mục không xác định được ngày đăng nên chưa kết luận được chuyên mục có cập nhật "
                f"trong năm hay không"), None
    message = (f"Không cập nhật trong năm: mục mới nhất của {where} ngày {dmy(day)}, trước {dmy(cutoff)} "
               f"({months} tháng trước cuối kỳ)")
    return f"{text} — không cập nhật trong năm", {
        "kind": STALE_SECTION, "message": message, "section": latest.section, "url": latest.url,
        "title": latest.title, "latest": day.isoformat(), "cutoff": cutoff.isoformat(), "max_age_months": months}


# --- official e-mail ---

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")


def email_domains(text: str) -> list[tuple[str, str]]:
    """(address, domain) of each e-mail address in a field (a field may hold two; "[at]" spellings are not read)."""
    return [(m.group(0), m.group(1).lower().rstrip(".")) for m in _EMAIL.finditer(text or "")]


def official(domain: str, domains: tuple[str, ...]) -> bool:
    """The domain is one of the official ones or a subdomain of one (syt.bacninh.gov.vn under bacninh.gov.vn)."""
    return any(domain == d or domain.endswith("." + d) for d in domains)


def foreign_emails(text: str | None, domains: tuple[str, ...]) -> list[str]:
    """The addresses of a field outside the official domains."""
    return [a for a, d in email_domains(text or "") if not official(d, domains)]


def foreign_email_flag(address: str, url: str | None, who: str, domains: tuple[str, ...]) -> dict:
    return {"kind": FOREIGN_EMAIL, "email": address, "url": url, "who": who,
            "message": f"Thư điện tử {address} ({who}) không thuộc hệ thống thư điện tử chính thức "
                       f"({', '.join('@' + d for d in domains)})"}


# --- the unit's own documents ---

_SKIPPED_WORDS = {"và", "các", "tỉnh", "bắc", "ninh"}  # not part of the usual abbreviation (Sở Giáo dục và Đào tạo → SGDĐT)


def _plain(text: str) -> str:
    """Upper case without tone and vowel marks, Đ kept: how an abbreviation is written (SGDĐT)."""
    text = unicodedata.normalize("NFD", text.upper())
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def _fold(text: str) -> str:
    """_plain with Đ as D, for comparing: "SGDĐT" and "SGDDT" are the same unit."""
    return _plain(text).replace("Đ", "D")


def abbreviation(portal: Portal) -> str:
    """The registry's `abbreviation`, else the usual one: UBND for a province, commune or ward (their documents are
    "45/KH-UBND"); for a department the initials of its name (Sở Y tế → SYT), an all-capitals word kept whole
    (Văn phòng UBND tỉnh → VPUBND)."""
    if portal.abbreviation:
        return portal.abbreviation
    if portal.kind in ("province", "commune", "ward"):
        return "UBND"
    name = re.sub(r"\(.*?\)", " ", portal.name)
    letters = []
    for word in re.findall(r"[^\W\d_]+", name):
        if word.casefold() in _SKIPPED_WORDS:
            continue
        letters.append(word if word.isupper() and len(word) > 1 else word[0])
    return _plain("".join(letters))


def _core_name(portal: Portal) -> str:
    """The name an issuing-body cell would contain: "sở y tế", "xã đại sơn", "tỉnh bắc ninh"."""
    name = re.sub(r"\(.*?\)", " ", portal.name)
    name = re.sub(r"^\s*(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+", "", name, flags=re.I)
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def number_issuer_codes(number: str) -> list[str]:
    """The codes after the number's last "/": "123/QĐ-SYT" → [QĐ, SYT]; "05/SYT-VP" → [SYT, VP] (a letter names
    its issuer first, then the drafting division)."""
    if "/" not in (number or ""):
        return []
    return [_fold(p.strip()) for p in number.rsplit("/", 1)[1].split("-") if p.strip()]


# How a People's Committee (or its chairman) is written as an issuing body on its own portal, without its place name:
# "UBND tỉnh", "Chủ tịch UBND tỉnh", "Ủy ban nhân dân xã". On the unit's own portal that short form is the unit.
_OWN_COMMITTEE = re.compile(r"^(?:chủ tịch\s+)?(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(tỉnh|xã|phường)$")


def issued_by(row: DocumentRow, portal: Portal) -> bool | None:
    """Whether the unit issued the document: by its issuing-body cell when the row shows one, else by its number's
    suffix; None when the row shows neither."""
    abbr = _fold(abbreviation(portal))
    if row.issuer:
        cell = " ".join(unicodedata.normalize("NFC", row.issuer).casefold().split())
        core = _core_name(portal)
        committee = _OWN_COMMITTEE.match(cell)
        if committee and portal.kind in ("province", "commune", "ward"):
            return core.startswith(committee.group(1) + " ")
        return bool(core) and core in cell or _fold(row.issuer).replace(" ", "") == abbr
    codes = number_issuer_codes(row.number or "")
    if not codes:
        return None
    return abbr in codes
