"""The official report form of QĐ 96 (Phụ lục "Mẫu báo cáo kết quả cung cấp thông tin trên Cổng TTĐT"), pre-filled
per portal for a period from the crawled facts. Which row reads which fact is data (rules/report_form.yaml).

Content rows get a count ("Số lượng"); their "Đúng hạn / Quá hạn" columns stay blank because a crawl cannot see when
the event happened, except row 3.2 (replies to PAKN), which takes part 2's verdicts, and row 6 (documents): a
document list shows the issue date, and its posting date when it has that column (audit/document_timeliness.py).
The PAKN table (part 2) is complete: it uses the same deadline rule as the score (audit/criteria/pakn.py); a Q&A page
that could not be read makes it "không đọc được" (`pakn_unread`), never 0 received.

The form's rows are content rows, not criteria. Which criteria of each rubric a row's content corresponds to is data
too (`criteria` in rules/report_form.yaml); once the portal is scored, annotate_form gives such a row the criteria's
legal basis (`legal_ref`) and, when one of them is declared not applicable (audit/not_applicable.py), the note
"Không áp dụng: <reason>". The PAKN part says the same when the portal's PAKN criterion is not applicable.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from audit.criteria.base import NOT_APPLICABLE, Context
from audit.criteria.flags import issued_by
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
TIMELINESS = {"pakn_answered"}  # a row whose "Đúng hạn / Quá hạn" are part 2's answered on time / late


@dataclass(frozen=True)
class FormRow:
    stt: str
    content: str
    heading: bool
    applies_to: tuple[str, ...]
    source: dict
    criteria: dict  # rubric id → codes of the criteria the row's content corresponds to
    timeliness: str = ""


@lru_cache(maxsize=4)
def load_form(path: str = str(FORM_FILE)) -> tuple[str, str, tuple[FormRow, ...]]:
    doc = mapping(read_yaml(path), path)
    phrases = mapping(doc.get("title_phrases") or {}, f"{path}: title_phrases")
    rows = []
    for i, raw in enumerate(doc.get("rows") or [], 1):
        raw = mapping(raw, f"{path}: dòng {i} của rows")
        source = raw.get("source") or {"type": "none"}
        if not raw.get("heading") and source.get("type") not in SOURCES:
            raise ConfigError(f"{path}: rows[{i}] ({raw.get('stt')}): source.type '{source.get('type')}' không hợp lệ")
        for key in ("titled", "not_titled"):
            if key in source:
                if source[key] not in phrases:
                    raise ConfigError(f"{path}: rows[{i}] ({raw.get('stt')}): source.{key} '{source[key]}' không có "
                                      f"trong title_phrases")
                source = {**source, key: tuple(_fold(p) for p in phrases[source[key]])}
        timeliness = str(raw.get("timeliness") or "")
        if timeliness and timeliness not in TIMELINESS:
            raise ConfigError(f"{path}: rows[{i}] ({raw.get('stt')}): timeliness '{timeliness}' không hợp lệ")
        criteria = raw.get("criteria") or {}
        if not isinstance(criteria, dict) or not all(isinstance(v, list) and all(isinstance(c, str) for c in v)
                                                     for v in criteria.values()):
            raise ConfigError(f"{path}: rows[{i}] ({raw.get('stt')}): criteria: cần ánh xạ bảng tiêu chí → danh sách "
                              f"mã tiêu chí dạng chuỗi")
        rows.append(FormRow(str(raw.get("stt", "")), str(raw["content"]), bool(raw.get("heading")),
                            tuple(raw.get("applies_to") or ()), source,
                            {str(k): tuple(v) for k, v in criteria.items()}, timeliness))
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
               "on_time": None, "late": None, "note": note,
               "codes": list(row.criteria.get(portal.rubric, ())), "legal_ref": None}
        if reachable and not row.heading and row.source.get("type") == "documents" and facts.documents is not None:
            out.update(_documents_timeliness(facts, portal, period, config, documents_limit(rubric), note))
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
    pakn_unread = _pakn_unread(ctx) if reachable else None
    _fill_timeliness(out_rows, rows, pakn, pakn_unread)
    return {"title": title, "source": source, "unit": portal.name, "portal_id": portal.id, "url": portal.url,
            "kind": portal.kind, "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
            "as_of": audit_date(facts, period).isoformat(), "rows": out_rows, "pakn": pakn,
            "pakn_unread": pakn_unread, "pakn_note": "", "pakn_legal_ref": None}


def _pakn_unread(ctx: Context) -> str | None:
    """Why part 2 cannot be filled although the portal answered: its Q&A page failed, or showed questions no reader
    could read (the PAKN criterion's not_evaluable / needs_review). Counting 0 received there would be a false
    report."""
    key = _SOURCE_SECTIONS["answered_in_period"][0]
    if (blocked := ctx.blocked(key)):
        return blocked.summary
    if not ctx.facts.questions and (unread := ctx.could_not_read([key], "câu hỏi và trả lời (PAKN)")):
        return unread.summary
    return None


def _fill_timeliness(out_rows: list[dict], rows, pakn: dict | None, pakn_unread: str | None) -> None:
    """Row 3.2's "Đúng hạn / Quá hạn": the PAKN of the period answered on time / late (part 2's verdicts)."""
    marked = {r.content for r in rows if r.timeliness == "pakn_answered"}
    for out in out_rows:
        if out["content"] not in marked or pakn is None or pakn_unread or out["count"] is None:
            continue
        out["on_time"], out["late"] = pakn["answered_on_time"], pakn["answered_late"]
        judged = out["on_time"] + out["late"]
        if judged != out["count"]:
            out["note"] = (f"{out['note']}; đúng hạn/quá hạn tính trên {judged} PAKN hỏi trong kỳ đã trả lời "
                           f"(như phần 2)")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _title_fits(title: str | None, source: dict) -> bool:
    folded = _fold(title or "")
    if "titled" in source and not any(p in folded for p in source["titled"]):
        return False
    return not ("not_titled" in source and any(p in folded for p in source["not_titled"]))



def annotate_form(form: dict, result, rubric) -> dict:
    """The form with what the portal's scored criteria add to its rows: their legal basis, and "Không áp dụng:
    <reason>" in the note of a row (or the PAKN part) whose criterion is declared not applicable."""
    by_code = {c.code: c for c in result.criteria}
    for row in form["rows"]:
        crits = [by_code[code] for code in row["codes"] if code in by_code]
        row["legal_ref"] = "; ".join(dict.fromkeys(c.legal_ref for c in crits if c.legal_ref)) or None
        row["note"] = _with_not_applicable(row["note"], crits)
    pakn = [by_code[c.code] for c in rubric.criteria if c.rule_type == "pakn" and c.code in by_code]
    form["pakn_legal_ref"] = "; ".join(dict.fromkeys(c.legal_ref for c in pakn if c.legal_ref)) or None
    form["pakn_note"] = _with_not_applicable("", pakn)
    return form


def _with_not_applicable(note: str, crits) -> str:
    reasons = [_reason(c) for c in crits if c.state == NOT_APPLICABLE]
    if not reasons:
        return note
    text = "; ".join(f"Không áp dụng: {r}" for r in dict.fromkeys(reasons))
    return f"{text}; {note}" if note else text


def _reason(c) -> str:
    # A standing declaration, or an auditor's override that set not_applicable for this period only.
    record = c.not_applicable or c.override or {}
    return record.get("reason") or "không có nhiệm vụ tương ứng"


def _documents_timeliness(facts, portal, period, config, limits: tuple[int | None, int | None], note: str) -> dict:
    """Row 6's "Đúng hạn / Quá hạn": documents issued in the period whose posting is known (audit/document_timeliness.py),
    and in the note how many stay blank and why."""
    days, others_days = limits
    if days is None:
        return {}
    rows = facts.documents.rows
    judged = judge_documents(rows, period, config.calendar, days, others_days, lambda r: issued_by(r, portal))
    on_time = sum(t.verdict == ON_TIME_DOC for t in judged)
    late = sum(t.verdict == LATE_DOC for t in judged)
    unknown = len(judged) - on_time - late
    no_issue = sum(r.issued_on is None for r in rows)
    parts = [note] if note else []
    others = f" ({others_days} ngày với văn bản của cơ quan khác)" if others_days is not None else ""
    parts.append(f"{len(judged)} văn bản ban hành trong kỳ, hạn đăng {days} ngày làm việc kể từ ngày ban hành{others}")
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
                 if (kind == "items_total" or ctx.period.contains(i.published_at)) and _title_fits(i.title, source)}
        found = [key for key in source["sections"] if ctx.section(key)]
        return len(items), (source.get("note", "") if found else "không có chuyên mục")
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


@lru_cache(maxsize=4)
def load_frame(path: str = str(FORM_FILE)) -> dict:
    """The form's fixed text around the rows (header, date line, "Nơi nhận", signer): `frame` of the form file."""
    frame = mapping(mapping(read_yaml(path), path).get("frame") or {}, f"{path}: frame")
    missing = [k for k in ("national_name", "motto", "number", "date_line", "heading", "subtitle", "period", "part1",
                           "part2", "part3", "recipients_title", "recipients", "signer") if k not in frame]
    if missing:
        raise ConfigError(f"{path}: frame thiếu {', '.join(missing)}")
    return frame
