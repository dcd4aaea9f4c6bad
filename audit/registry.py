"""The portal registry: which portals to audit, read from a CSV or YAML file edited by hand.

A bad row stops the run with one line naming file, line and field (ConfigError), before anything is written.
"""
from __future__ import annotations

import csv
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from audit.errors import BIDI_CONTROL, ConfigError, masked_url
from audit.rules_yaml import _LocatingLoader, parse_yaml

KINDS = ("province", "department", "commune", "ward")
DEFAULT_RUBRIC = {"province": "province", "department": "phu-luc-1", "commune": "phu-luc-2", "ward": "phu-luc-2"}
BUNDLED = Path(__file__).resolve().parent.parent / "rules" / "registry" / "bac-ninh.csv"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_COLUMNS = ("id", "name", "kind", "url", "rubric", "host_confidence", "notes", "spider", "abbreviation")


MAX_FIELD = 500  # a name or note longer than this is a pasting accident, and it would fill every report line
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")


# Controls, surrogates, unassigned and private-use code points, line and paragraph separators: none belongs in a
# name or an address, and each breaks a report line, an XML file or a spreadsheet cell somewhere.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Cn", "Co", "Zl", "Zp"})


def _unprintable(c: str) -> bool:
    return unicodedata.category(c) in _REFUSED_CATEGORIES or BIDI_CONTROL.match(c) is not None


def url_problem(url: str) -> str | None:
    """Why `url` is not a portal's base URL, or None. The message never repeats a password the URL holds."""
    problem = _url_problem(url)
    return problem and problem.replace(url, masked_url(url))


def _url_problem(url: str) -> str | None:
    if any(_unprintable(c) or c.isspace() for c in url):
        return "có khoảng trắng hoặc ký tự điều khiển"
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed '[' of an IPv6 address
        return f"'{url}' không phải URL hợp lệ (địa chỉ IPv6 thiếu dấu đóng ']')"
    try:
        port = parts.port
    except ValueError:
        return f"'{url}': cổng phải là số từ 1 đến 65535"
    if parts.username is not None or parts.password is not None:
        # The crawl would fail anyway, and the URL travels into every output and the WARC files: refuse it whole.
        return "không được chứa tên đăng nhập hay mật khẩu (dạng người-dùng:mật-khẩu@máy-chủ)"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"'{url}' không phải URL http(s) đầy đủ"
    if port == 0:
        return f"'{url}': cổng phải là số từ 1 đến 65535"
    host = parts.hostname
    if ":" in host:
        try:
            ipaddress.IPv6Address(host.split("%")[0])
        except ValueError:
            return f"'{url}': địa chỉ IPv6 không hợp lệ"
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"'{url}': tên máy chủ '{host}' không hợp lệ"
    if not all(_LABEL.match(label) for label in ascii_host.rstrip(".").split(".")):
        return f"'{url}': tên máy chủ '{host}' không hợp lệ"
    return None


@dataclass(frozen=True)
class Portal:
    id: str
    name: str
    kind: str
    url: str  # base URL; may carry a path (a Liferay site under a shared host)
    rubric: str
    host_confidence: str = "confirmed"  # confirmed | inferred: inferred hosts stay marked as such
    notes: str = ""
    spider: str = ""  # empty: detected; "liferay" or "generic" to override detection
    # Base URLs of other portals inside this one's (a department's /web/<site> under the province's host root):
    # never this portal's pages. Set from the directory (audit/directory.py), not a registry column.
    nested: tuple[str, ...] = ()
    # Optional: the code the unit's document numbers end with ("SYT" in "123/QĐ-SYT"); empty: derived from the name
    # (audit/criteria/flags.py abbreviation).
    abbreviation: str = ""


def load_registry(path: str | Path, rubric_ids: set[str] | None = None) -> list[Portal]:
    """Read a registry; `rubric_ids` (known rubric files) lets a typo in `rubric` fail early."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{p}: không tìm thấy tệp danh sách cổng (registry)")
    if p.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(p)
    else:
        try:
            # utf-8-sig: Excel's "CSV UTF-8" starts with a byte order mark, which would otherwise be part of "id".
            text = p.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{p}: không đọc được tệp registry ({exc.__class__.__name__}: cần UTF-8)") from None
        rows = _yaml_rows(p, text) if p.suffix.lower() in (".yaml", ".yml") else _csv_rows(p, text)
    portals: list[Portal] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        portal = _portal(p, line, row, rubric_ids)
        if portal.id in seen:
            raise ConfigError(f"{p}:{line}: trường id: '{portal.id}' trùng với dòng {seen[portal.id]}")
        seen[portal.id] = line
        portals.append(portal)
    if not portals:
        raise ConfigError(f"{p}: registry không có cổng nào")
    return portals


def _csv_rows(p: Path, text: str):
    if "\x00" in text:  # csv stops at a NUL with its own exception; name the line instead
        raise ConfigError(f"{p}:{text[:text.index(chr(0))].count(chr(10)) + 1}: tệp chứa ký tự NUL")
    lines = text.splitlines()
    # Excel under Vietnamese regional settings separates with ';' (the decimal separator is ','): take whichever
    # separator the header row uses.
    header = next((line for line in lines if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=header.count) if header else ","
    reader = csv.DictReader(lines, delimiter=delimiter)
    missing = [c for c in ("id", "name", "kind", "url") if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"{p}:1: thiếu cột {', '.join(missing)} (cần id,name,kind,url[,rubric,host_confidence,notes])")
    rows = []
    try:
        for row in reader:
            if None in row:
                raise ConfigError(f"{p}:{reader.line_num}: dòng có nhiều cột hơn tiêu đề")
            if not any((v or "").strip() for v in row.values()):
                continue
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ConfigError(f"{p}:{reader.line_num}: CSV không hợp lệ ({exc})") from None
    return rows


def _xlsx_rows(p: Path):
    """The first sheet of a workbook: a header row (id, name, kind, url, …) then one portal per row."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    try:
        book = load_workbook(p, read_only=True, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError) as exc:
        raise ConfigError(f"{p}: không đọc được tệp Excel ({exc.__class__.__name__})") from None
    try:
        sheet = book.worksheets[0]
        header, rows = None, []
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = ["" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)).strip() for v in values]
            if not any(cells):
                continue
            if header is None:
                header = cells
                missing = [c for c in ("id", "name", "kind", "url") if c not in header]
                if missing:
                    raise ConfigError(f"{p}:{number}: thiếu cột {', '.join(missing)} ở dòng tiêu đề của trang "
                                      f"'{sheet.title}'")
                continue
            if any(cells[len(header):]):
                raise ConfigError(f"{p}:{number}: dòng có nhiều cột hơn tiêu đề")
            rows.append((number, {name: value for name, value in zip(header, cells) if name}))
        if header is None:
            raise ConfigError(f"{p}: trang '{sheet.title}' trống")
        return rows
    finally:
        book.close()


def _yaml_rows(p: Path, text: str):
    doc = parse_yaml(text, p, _LocatingLoader)
    items = doc.get("portals") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ConfigError(f"{p}: cần một danh sách cổng (khóa 'portals:' hoặc danh sách ở gốc)")
    rows = []
    for i, item in enumerate(items):
        line = getattr(item, "line", 0) or i + 1
        if not isinstance(item, dict):
            raise ConfigError(f"{p}:{line}: mỗi cổng phải là một ánh xạ (id, name, kind, url)")
        row = {}
        for key, value in item.items():
            if isinstance(value, (dict, list)):
                raise ConfigError(f"{p}:{item.line_of(key)}: trường {key}: cần một giá trị đơn, không phải danh sách "
                                  f"hay ánh xạ")
            row[str(key)] = "" if value is None else str(value)
        rows.append((line, row))
    return rows


def _portal(p: Path, line: int, row: dict, rubric_ids: set[str] | None) -> Portal:
    def field(name: str) -> str:
        value = unicodedata.normalize("NFC", (row.get(name) or "").strip())
        bad = next((c for c in value if _unprintable(c)), None)
        if bad is not None:
            raise ConfigError(f"{p}:{line}: trường {name}: có ký tự điều khiển U+{ord(bad):04X}")
        if len(value) > MAX_FIELD:
            raise ConfigError(f"{p}:{line}: trường {name}: dài {len(value)} ký tự (tối đa {MAX_FIELD})")
        return value

    unknown = [k for k in row if k and k not in _COLUMNS]
    if unknown:
        raise ConfigError(f"{p}:{line}: trường lạ '{unknown[0]}' (các cột: {', '.join(_COLUMNS)})")
    pid, name, kind, url = field("id"), field("name"), field("kind"), field("url")
    if not _ID.match(pid):
        raise ConfigError(f"{p}:{line}: trường id: '{pid}' không hợp lệ (chữ thường không dấu, số, gạch ngang)")
    if not name:
        raise ConfigError(f"{p}:{line}: trường name: trống")
    if kind not in KINDS:
        raise ConfigError(f"{p}:{line}: trường kind: '{kind}' không hợp lệ (một trong {'|'.join(KINDS)})")
    problem = url_problem(url)
    if problem:
        raise ConfigError(f"{p}:{line}: trường url: {problem}")
    rubric = field("rubric") or DEFAULT_RUBRIC[kind]
    if rubric_ids is not None and rubric not in rubric_ids:
        raise ConfigError(f"{p}:{line}: trường rubric: '{rubric}' không có (có: {', '.join(sorted(rubric_ids))})")
    confidence = field("host_confidence") or "confirmed"
    if confidence not in ("confirmed", "inferred"):
        raise ConfigError(f"{p}:{line}: trường host_confidence: '{confidence}' (confirmed|inferred)")
    spider = field("spider")
    if spider not in ("", "liferay", "generic"):
        raise ConfigError(f"{p}:{line}: trường spider: '{spider}' (để trống, liferay hoặc generic)")
    abbr = field("abbreviation")
    if abbr and not re.fullmatch(r"[^\W_]+", abbr):
        raise ConfigError(f"{p}:{line}: trường abbreviation: '{abbr}' chỉ gồm chữ và số, ví dụ SYT")
    return Portal(pid, name, kind, url, rubric, confidence, field("notes"), spider, abbreviation=abbr)
