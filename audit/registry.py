"""The portal registry: which portals to audit, read from a CSV or YAML file edited by hand.

A bad row stops the run with one line naming file, line and field (ConfigError), before anything is written.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from audit.errors import ConfigError

KINDS = ("province", "department", "commune", "ward")
DEFAULT_RUBRIC = {"province": "province", "department": "phu-luc-1", "commune": "phu-luc-2", "ward": "phu-luc-2"}
BUNDLED = Path(__file__).resolve().parent.parent / "rules" / "registry" / "bac-ninh.csv"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_COLUMNS = ("id", "name", "kind", "url", "rubric", "host_confidence", "notes", "spider")


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


def load_registry(path: str | Path, rubric_ids: set[str] | None = None) -> list[Portal]:
    """Read a registry; `rubric_ids` (known rubric files) lets a typo in `rubric` fail early."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{p}: không tìm thấy tệp danh sách cổng (registry)")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: không đọc được tệp registry ({exc.__class__.__name__}: cần UTF-8)") from None
    if p.suffix.lower() in (".yaml", ".yml"):
        rows = _yaml_rows(p, text)
    else:
        rows = _csv_rows(p, text)
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
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in ("id", "name", "kind", "url") if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"{p}:1: thiếu cột {', '.join(missing)} (cần id,name,kind,url[,rubric,host_confidence,notes])")
    rows = []
    for row in reader:
        if None in row:
            raise ConfigError(f"{p}:{reader.line_num}: dòng có nhiều cột hơn tiêu đề")
        if not any((v or "").strip() for v in row.values()):
            continue
        rows.append((reader.line_num, row))
    return rows


def _yaml_rows(p: Path, text: str):
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark else str(p)
        raise ConfigError(f"{where}: YAML không hợp lệ ({getattr(exc, 'problem', exc)})") from None
    items = doc.get("portals") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ConfigError(f"{p}: cần một danh sách cổng (khóa 'portals:' hoặc danh sách ở gốc)")
    # Line numbers from a second pass with a node-preserving loader, so errors point at the row.
    lines = []
    try:
        node = yaml.compose(text)
        seq = node
        if node is not None and node.id == "mapping":
            seq = next(v for k, v in node.value if k.value == "portals")
        lines = [n.start_mark.line + 1 for n in seq.value]
    except Exception:  # line numbers are a nicety; the data itself was already parsed above
        lines = []
    rows = []
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else i + 1
        if not isinstance(item, dict):
            raise ConfigError(f"{p}:{line}: mỗi cổng phải là một ánh xạ (id, name, kind, url)")
        rows.append((line, {k: ("" if v is None else str(v)) for k, v in item.items()}))
    return rows


def _portal(p: Path, line: int, row: dict, rubric_ids: set[str] | None) -> Portal:
    def field(name: str) -> str:
        return unicodedata.normalize("NFC", (row.get(name) or "").strip())

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
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{p}:{line}: trường url: '{url}' không phải URL http(s) đầy đủ")
    rubric = field("rubric") or DEFAULT_RUBRIC[kind]
    if rubric_ids is not None and rubric not in rubric_ids:
        raise ConfigError(f"{p}:{line}: trường rubric: '{rubric}' không có (có: {', '.join(sorted(rubric_ids))})")
    confidence = field("host_confidence") or "confirmed"
    if confidence not in ("confirmed", "inferred"):
        raise ConfigError(f"{p}:{line}: trường host_confidence: '{confidence}' (confirmed|inferred)")
    spider = field("spider")
    if spider not in ("", "liferay", "generic"):
        raise ConfigError(f"{p}:{line}: trường spider: '{spider}' (để trống, liferay hoặc generic)")
    return Portal(pid, name, kind, url, rubric, confidence, field("notes"), spider)
