"""Auditors' decisions on single PAKN questions (QĐ 96 Điều 13): the deadline class a question has when its answer
does not say so in words the rules know, or its exclusion as "không đủ điều kiện tiếp nhận" (khoản 1 điểm b: no clear
content or sender, or a complaint/denunciation), with the reason kept.

They are the `questions:` list of a review file (audit/overrides.py; `portal-audit override --file FILE`, or
`--overrides FILE` on run/score):

    author: Nguyễn Thị Lan
    questions:
      - portal: so-y-te
        question: https://soyte.bacninh.gov.vn/hoi-dap#q1234   # the question's URL, as in the evidence
        class: coordination                                   # standard (5) | coordination (7) | special (10)
        reason: Trả lời có xin ý kiến Sở Tài nguyên và Môi trường
      - portal: so-y-te
        question: https://soyte.bacninh.gov.vn/hoi-dap#q1240
        exclude: true
        reason: Nội dung là đơn tố cáo, không thuộc phạm vi Hỏi - Đáp

A decision belongs to the question, not to a period. Storage keeps every decision (storage/pakn_decisions.py); a new
one for the same question supersedes the previous. A mistake is one line naming file:line and the field.
"""
from __future__ import annotations

from pathlib import Path

from audit.criteria.config import DEADLINE_CLASSES
from audit.facts import QuestionDecision
from audit.review_file import entries, once, portal_field, text_field
from audit.rules_yaml import Located, read_yaml_located

_KEYS = ("portal", "question", "class", "exclude", "reason", "author")


def load_questions(path: str | Path, registry: list) -> list[tuple[str, QuestionDecision]]:
    """(portal id, decision) for every entry of the review file's `questions:` list, validated: all or nothing."""
    p = Path(path)
    doc = read_yaml_located(p)
    if not isinstance(doc, Located) or "questions" not in doc:
        return []
    portals = {x.id: x for x in registry}
    out: list[tuple[str, QuestionDecision]] = []
    seen: dict[tuple[str, str], int] = {}
    for row, fail in entries(p, doc, "questions", _KEYS, "cần danh sách các quyết định về câu hỏi",
                             "portal, question, class hoặc exclude, reason"):
        pid = portal_field(row, portals, fail).id
        url = row.get("question")
        if not isinstance(url, str) or not url.strip().startswith(("http://", "https://")):
            fail("question", "cần địa chỉ (URL) của câu hỏi như trong bằng chứng, ví dụ https://…/hoi-dap#q123")
        url = url.strip()
        cls, exclude = row.get("class"), row.get("exclude")
        if exclude is not None and not isinstance(exclude, bool):
            fail("exclude", f"'{exclude}' không hợp lệ: cần true")
        if exclude and cls is not None:
            fail("class", "không dùng cùng exclude: true (câu hỏi bị loại không có hạn trả lời)")
        if not exclude:
            if cls is None:
                fail("class", f"cần class ({', '.join(DEADLINE_CLASSES)}) hoặc exclude: true")
            if cls not in DEADLINE_CLASSES:
                fail("class", f"'{cls}' không hợp lệ (có: {', '.join(DEADLINE_CLASSES)})")
        decision = QuestionDecision(url, None if exclude else cls, bool(exclude), text_field(row.get("reason"),
                                    "reason", fail), text_field(row.get("author", doc.get("author")), "author", fail))
        once(seen, (pid, url), row, fail, "question", "cùng cổng, cùng câu hỏi")
        out.append((pid, decision))
    return out
