"""What the reviewed YAML files auditors write have in common (overrides and question decisions, audit/overrides.py
and audit/pakn_decisions.py; "không áp dụng" declarations, audit/not_applicable.py): read with the strict loader and
line numbers, unknown keys refused, every mistake one line `FILE:LINE: trường FIELD: message` (exit 2), all or
nothing.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from audit.errors import ConfigError
from audit.rules_yaml import Located, read_yaml_located

Fail = Callable[[str, str], None]  # (field, message) → raises ConfigError


def failer(path: Path, container) -> Fail:
    """A Fail naming the line of `field` in `container` (else the container's own line)."""
    def fail(field_: str, msg: str):
        line = container.line_of(field_) if isinstance(container, Located) else None
        raise ConfigError(f"{path}:{line or getattr(container, 'line', '') or 1}: trường {field_}: {msg}")
    return fail


def known_keys(container, allowed: tuple[str, ...], fail: Fail) -> None:
    for k in container:
        if k not in allowed:
            fail(str(k), f"khóa lạ (có: {', '.join(allowed)})")


def read_review(path: str | Path, top_keys: tuple[str, ...], shape: str) -> tuple[Path, Located]:
    """The file's top mapping, its keys checked; `shape` says what it should hold ("period, author, overrides")."""
    p = Path(path)
    doc = read_yaml_located(p)
    if not isinstance(doc, Located):
        raise ConfigError(f"{p}: cần một ánh xạ với {shape}")
    known_keys(doc, top_keys, failer(p, doc))
    return p, doc


def entries(p: Path, doc: Located, key: str, allowed: tuple[str, ...], empty: str,
            shape: str) -> Iterator[tuple[Located, Fail]]:
    """Each entry of the list under `key` with its Fail; `empty` is the message for a missing or empty list, `shape`
    lists an entry's main keys."""
    rows = doc.get(key)
    if not isinstance(rows, list) or not rows:
        failer(p, doc)(key, empty)
    for row in rows:
        if not isinstance(row, Located):
            raise ConfigError(f"{p}: {key}: mỗi mục cần dạng ánh xạ ({shape})")
        fail = failer(p, row)
        known_keys(row, allowed, fail)
        yield row, fail


def portal_field(row: Located, portals: dict, fail: Fail, rubrics: dict | None = None):
    """The registry portal the entry names; with `rubrics`, one whose rubric exists."""
    pid = row.get("portal")
    if not isinstance(pid, str) or pid not in portals:
        fail("portal", f"'{pid}' không có trong registry")
    portal = portals[pid]
    if rubrics is not None and portal.rubric not in rubrics:
        fail("portal", f"bảng tiêu chí '{portal.rubric}' không có")
    return portal


def once(seen: dict, key, row: Located, fail: Fail, field_: str, what: str) -> None:
    """Refuse a second entry for the same `key` (`what`: "cùng cổng, kỳ, tiêu chí")."""
    if key in seen:
        fail(field_, f"trùng với mục ở dòng {seen[key]} ({what})")
    seen[key] = row.line


def text_field(value, field_: str, fail: Fail) -> str:
    if not isinstance(value, str) or not value.strip():
        fail(field_, "cần chuỗi không rỗng")
    return unicodedata.normalize("NFC", value.strip())
