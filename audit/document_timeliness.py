"""Whether each legal document was posted in time: Kế hoạch 65 criterion 3 ("Thời gian cập nhật không quá 02 ngày
làm việc kể từ khi văn bản chính thức được ban hành"; the rubric's `deadline_working_days`), counted with the PAKN
working-day calendar (audit/workdays.py). Reported only (the form's "Đúng hạn / Quá hạn" of row 6, the documents
evidence); it changes no points.

The limit is the issuing body's. QĐ 96 Điều 8 khoản 1 điểm e (and Phụ lục 1 criterion 3) give the bodies a document
concerns more time: "không quá 08 (tám) ngày làm việc kể từ ngày văn bản được ban hành với các cơ quan thuộc phạm vi
điều chỉnh của văn bản". Where the rubric sets that second limit (rule parameter `others_deadline_working_days`), a
document known to be another body's (by its issuing body or number, audit/criteria/flags.py issued_by) gets it; one
that cannot be told gets the issuing body's, the stricter.

A document is judged when its issue date is known and it was issued in the period:
- the list shows its posting date ("Ngày đăng"): on time when posted by the deadline, else late;
- otherwise a crawl that already saw it on the list by the deadline proves it on time;
- otherwise it stays unjudged: first seen after the deadline says nothing about when it was posted (it may have been
  there long before the first crawl), so it is never called late without a posting date.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

ON_TIME, LATE = "đúng hạn", "quá hạn"


@dataclass(frozen=True)
class DocumentTimeliness:
    row: object  # audit.facts.DocumentRow
    deadline: date
    verdict: str | None  # ON_TIME | LATE | None (posting date unknown)
    note: str  # Vietnamese: the dates and the verdict, or why there is none


def documents_limit(rubric) -> tuple[int | None, int | None]:
    """The update limits (working days) of the rubric's documents criterion: the issuing body's (None when it sets
    none) and the other bodies' (None: the same)."""
    crit = next((c for c in getattr(rubric, "criteria", ()) if c.rule_type == "documents"), None)
    if crit is None:
        return None, None
    return crit.deadline_working_days, crit.params.get("others_deadline_working_days")


def _vn(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def judge_documents(rows, period, calendar, days: int, others_days: int | None = None,
                    own: Callable[[object], bool | None] | None = None) -> list[DocumentTimeliness]:
    """The documents issued in `period` (issue date known), each with its deadline and verdict. `own(row)` says
    whether the unit issued the row (None: cannot tell); rows of another body get `others_days` when given."""
    out = []
    for r in rows:
        if r.issued_on is None or not period.contains(r.issued_on):
            continue
        other = others_days is not None and own is not None and own(r) is False
        limit = others_days if other else days
        deadline = calendar.add_working_days(r.issued_on, limit)
        whose = ", văn bản của cơ quan khác" if other else ""
        head = f"ban hành {_vn(r.issued_on)}; hạn đăng {_vn(deadline)} ({limit} ngày làm việc{whose})"
        if r.posted_on is not None:
            verdict = ON_TIME if r.posted_on <= deadline else LATE
            out.append(DocumentTimeliness(r, deadline, verdict, f"{head}; đăng {_vn(r.posted_on)}: {verdict}"))
        elif r.first_seen is not None and r.first_seen <= deadline:
            out.append(DocumentTimeliness(r, deadline, ON_TIME, f"{head}; đã có trên cổng khi thu thập ngày "
                                                                f"{_vn(r.first_seen)}: {ON_TIME}"))
        else:
            seen = f"; lần thu thập đầu tiên thấy văn bản ngày {_vn(r.first_seen)}, sau hạn" if r.first_seen else ""
            out.append(DocumentTimeliness(r, deadline, None, f"{head}; không rõ ngày đăng (danh sách không ghi ngày "
                                                             f"đăng{seen}): không xác định đúng hạn hay quá hạn"))
    return out
