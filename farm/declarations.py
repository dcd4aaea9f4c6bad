"""The farm's standing "không áp dụng" declarations (seed 003: a unit "do điều kiện đặc thù không có nhiệm vụ tương
ứng với tiêu chí quy định thì tiêu chí đó sẽ được tính điểm tối đa", once it "báo cáo làm rõ").

A unit of the farm that has no corresponding duty says so once, in the reviewed file the farm writes beside its
registry (the format `portal-audit not-applicable --file` reads); whoever audits the farm records it, and the truth
(farm/truth.py) gives that criterion its full points in state not_applicable for every period the declaration
covers. Written here from the farm's own data: nothing is read from audit/, storage/ or rules/.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

FILE_NAME = "farm-declarations.yaml"
AUTHOR = "Phòng Văn hóa – Xã hội"

# (portal id, criterion code, reason, first month covered YYYY-MM, last month YYYY-MM or None). Xã Tam Tiến has no
# đài truyền thanh of its own, so Phụ lục 2 criterion 3 (news exchanged with the commune radio station) is not its
# duty; with the default seed its portal indeed has no "Tin phát thanh" section (farm/build.py), so the automatic
# reading alone would give 0 points. The declaration holds whatever the seed: it is the unit's word, not the content.
DECLARATIONS = (
    ("xa-tam-tien", "3", "Xã chưa có đài truyền thanh cấp xã; tin phát thanh do đài truyền thanh liên xã đảm nhận",
     "2020-01", None),
)


def _month(text: str) -> date:
    year, month = text.split("-")
    return date(int(year), int(month), 1)


def _month_after(text: str) -> date:
    first = _month(text)
    return date(first.year + (first.month == 12), first.month % 12 + 1, 1)


def declared(portal_id: str, start: date, end: date) -> dict[str, str]:
    """criterion code → reason, for the declarations that cover the whole period [start, end]."""
    out = {}
    for pid, code, reason, valid_from, valid_to in DECLARATIONS:
        if pid != portal_id or start < _month(valid_from):
            continue
        if valid_to is not None and end >= _month_after(valid_to):
            continue
        out[code] = reason
    return out


def write_declarations(path: str | Path) -> Path:
    """The declarations as a reviewed YAML file (quoted strings: no YAML library needed to write them)."""
    p = Path(path)
    lines = [f'author: "{AUTHOR}"', "declarations:"]
    for pid, code, reason, valid_from, valid_to in DECLARATIONS:
        lines += [f"  - portal: {pid}", f'    code: "{code}"', f'    reason: "{reason}"',
                  f'    valid_from: "{valid_from}"']
        if valid_to is not None:
            lines.append(f'    valid_to: "{valid_to}"')
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p
