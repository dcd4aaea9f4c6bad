"""The official report form of QĐ 96 (Phụ lục "Mẫu báo cáo kết quả cung cấp thông tin trên Cổng TTĐT"), pre-filled
per portal for a period from the crawled facts. Which row reads which fact is data (rules/report_form.yaml).

Content rows get a count ("Số lượng"); their "Đúng hạn / Quá hạn" columns stay blank because a crawl cannot see when
the event happened, except row 6 (documents): a document list shows the issue date, and its posting date when it
has that column (audit/document_timeliness.py). The PAKN table (part 2) is complete: it uses the same deadline rule
as the score (audit/criteria/pakn.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from audit.criteria.base import Context
from audit.criteria.links import is_dvc
from audit.criteria.pakn import (LATE, NOT_DUE, ON_TIME, audit_date, deadline_note, excluded_questions,
                                 judge_questions, rule_note)
from audit.document_timeliness import LATE as LATE_DOC
from audit.document_timeliness import ON_TIME as ON_TIME_DOC
from audit.document_timeliness import documents_limit, judge_documents
from audit.errors import ConfigError
from audit.facts import PORTAL_OK, PortalFacts
from audit.period import Period
from audit.rubric import load_rubrics
from audit.rules_yaml import RULES_DIR, mapping, read_yaml

FORM_FILE = RULES_DIR / "report_form.yaml"
SOURCES = {"items_in_period", "items_total", "element", "directory", "contact", "schedule_days",
           "answered_in_period", "documents", "dvc_link", "none"}
NOT_READABLE = "không đọc được từ dữ liệu thu thập"


@dataclass(frozen=True)
class FormRow:
    stt: str
    content: str
    heading: bool
    applies_to: tuple[str, ...]
    source: dict


@lru_cache(maxsize=4)
def load_form(path: str = str(FORM_FILE)) -> tuple[str, str, tuple[FormRow, ...]]:
    doc = mapping(read_yaml(path), path)
    rows = []
    for i, raw in enumerate(doc.get("rows") or [], 1):
        raw = mapping(raw, f"{path}: dòng {i} của rows")
        source = raw.get("source") or {"type": "none"}
        if not raw.get("heading") and source.get("type") not in SOURCES:
            raise ConfigError(f"{path}: rows[{i}] ({raw.get('stt')}): source.type '{source.get('type')}' không hợp lệ")
        rows.append(FormRow(str(raw.get("stt", "")), str(raw["content"]), bool(raw.get("heading")),
                            tuple(raw.get("applies_to") or ()), source))
    return str(doc.get("title", "")), str(doc.get("source", "")), tuple(rows)


def build_form(facts: PortalFacts, portal, period: Period, config, rubric=None) -> dict:
    """The filled form of one portal: rows of part 1 and the PAKN line of part 2 (None when unreachable). `rubric`
    (default: the portal's from rules/) gives the documents' update limit for row 6's "Đúng hạn / Quá hạn"."""
    title, source, rows = load_form()
    reachable = facts.crawl_status == PORTAL_OK
    ctx = Context(facts, period, (), config)
    if rubric is None:
        rubric = load_rubrics().get(portal.rubric)
    out_rows = []
    for row in rows:
        if row.applies_to and portal.kind not in row.applies_to:
            continue
        count, note = (None, "") if row.heading else (_value(ctx, row.source, config) if reachable else
                                                        (None, "không truy cập được cổng"))
        out = {"stt": row.stt, "content": row.content, "heading": row.heading, "count": count,
               "on_time": None, "late": None, "note": note}
        if reachable and not row.heading and row.source.get("type") == "documents" and facts.documents is not None:
            out.update(_documents_timeliness(facts, period, config, documents_limit(rubric), note))
        out_rows.append(out)
    pakn = None
    if reachable:
        decisions = facts.question_decisions
        verdicts = judge_questions(facts.questions, period, config.calendar, config.pakn, audit_date(facts, period),
                                   decisions)
        answered = [v for v in verdicts if v.question.answered_on is not None]
        pakn = {"received": len(verdicts),
                "answered_on_time": sum(v.verdict == ON_TIME for v in answered),
                "answered_late": sum(v.verdict == LATE for v in answered),
                "unanswered_not_due": sum(v.verdict == NOT_DUE for v in verdicts),
                "unanswered_overdue": sum(v.verdict == LATE and v.question.answered_on is None for v in verdicts),
                "rule": rule_note(config.pakn),
                "questions": [{"title": v.question.title, "url": v.question.url,
                               "asked_on": v.question.asked_on.isoformat(), "deadline": v.deadline.isoformat(),
                               "deadline_class": v.deadline_class.key,
                               "deadline_working_days": v.deadline_class.working_days,
                               "deadline_note": deadline_note(v), "class_source": v.class_source,
                               "answered_on": v.question.answered_on.isoformat() if v.question.answered_on else None,
                               "delay_working_days": v.delay_working_days, "verdict": v.verdict}
                              for v in verdicts],
                # "Không đủ điều kiện tiếp nhận" (QĐ 96 Điều 13 khoản 1 điểm b): not received, not counted above.
                "excluded": [{"title": q.title, "url": q.url, "asked_on": q.asked_on.isoformat(),
                              "reason": d.reason, "author": d.author}
                             for q, d in excluded_questions(facts.questions, period, decisions)]}
    return {"title": title, "source": source, "unit": portal.name, "portal_id": portal.id, "url": portal.url,
            "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
            "as_of": audit_date(facts, period).isoformat(), "rows": out_rows, "pakn": pakn}


def _documents_timeliness(facts, period, config, days: int | None, note: str) -> dict:
    """Row 6's "Đúng hạn / Quá hạn": documents issued in the period whose posting is known (audit/document_timeliness.py),
    and in the note how many stay blank and why."""
    if days is None:
        return {}
    rows = facts.documents.rows
    judged = judge_documents(rows, period, config.calendar, days)
    on_time = sum(t.verdict == ON_TIME_DOC for t in judged)
    late = sum(t.verdict == LATE_DOC for t in judged)
    unknown = len(judged) - on_time - late
    no_issue = sum(r.issued_on is None for r in rows)
    parts = [note] if note else []
    parts.append(f"{len(judged)} văn bản ban hành trong kỳ, hạn đăng {days} ngày làm việc kể từ ngày ban hành")
    if unknown:
        parts.append(f"{unknown} không rõ ngày đăng (danh sách không ghi ngày đăng, lần thu thập đầu tiên thấy văn "
                     f"bản sau hạn), không tính vào đúng hạn / quá hạn")
    if no_issue:
        parts.append(f"{no_issue} văn bản không đọc được ngày ban hành")
    if not judged:
        return {"note": "; ".join(parts)}
    return {"on_time": on_time, "late": late, "note": "; ".join(parts)}


# The section each count of a source reads, when the source names none itself.
_SOURCE_SECTIONS = {"schedule_days": ("lich-cong-tac",), "answered_in_period": ("hoi-dap",), "documents": ("van-ban",)}


def _value(ctx: Context, source: dict, config) -> tuple[object, str]:
    count, note = _count(ctx, source, config)
    if count == 0 and _nothing_read(ctx, source) and (unread := _unread_page(ctx, source)):
        # A page that showed content no reader could read is not "0" on an official form: left blank, with why
        # (as the criteria do, only when nothing at all was read from the section).
        return None, f"không đọc được nội dung trang {unread.url} — cần kiểm tra trực tiếp"
    return count, note


def _nothing_read(ctx: Context, source: dict) -> bool:
    facts, kind = ctx.facts, source["type"]
    if kind in ("items_in_period", "items_total"):
        return not any(ctx.items(key) for key in source["sections"])
    if kind == "schedule_days":
        return not (facts.schedule and facts.schedule.dates)
    if kind == "answered_in_period":
        return not facts.questions
    return kind == "documents" and facts.documents is None


def _unread_page(ctx: Context, source: dict):
    keys = source.get("sections") or _SOURCE_SECTIONS.get(source["type"], ())
    return next((u for key in keys for u in ctx.unread(key)), None)


def _count(ctx: Context, source: dict, config) -> tuple[object, str]:
    kind = source["type"]
    facts = ctx.facts
    if kind in ("items_in_period", "items_total"):
        items = {i.url for key in source["sections"] for i in ctx.listed(key)
                 if kind == "items_total" or ctx.period.contains(i.published_at)}
        found = [key for key in source["sections"] if ctx.section(key)]
        return len(items), ("" if found else "không có chuyên mục")
    if kind == "element":
        keys = {e.key for e in facts.elements}
        return ("Có" if keys & set(source["keys"]) else "Không"), ""
    if kind == "directory":
        n = len(facts.directory.entries) if facts.directory else 0
        return n, "người trong danh bạ" if facts.directory else "không có danh bạ"
    if kind == "contact":
        c = facts.contact
        names = {"address": "địa chỉ", "phone": "điện thoại", "fax": "fax", "email": "email"}
        have = [names[k] for k in names if c is not None and getattr(c, k)]
        return len(have), ", ".join(have) if have else "không có thông tin giao dịch"
    if kind == "schedule_days":
        days = [d for d in (facts.schedule.dates if facts.schedule else ()) if ctx.period.contains(d)]
        return len(days), "ngày có lịch trong kỳ" if facts.schedule else "không có lịch công tác"
    if kind == "answered_in_period":
        return sum(ctx.period.contains(q.answered_on) for q in facts.questions), "câu trả lời PAKN trong kỳ"
    if kind == "documents":
        n = len(facts.documents.rows) if facts.documents else 0
        return n, "văn bản đang hiển thị" if facts.documents else "không có chuyên mục văn bản"
    if kind == "dvc_link":
        return ("Có" if any(is_dvc(link, ctx) for link in facts.links) else "Không"), ""
    return None, NOT_READABLE
