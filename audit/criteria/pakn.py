"""PAKN / Hỏi đáp (P1 8, P2 9): share of questions of the period answered within the deadline (QĐ 96 Điều 13)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from audit.criteria.base import Context, Known, Outcome, allowed, ev, section_param
from audit.criteria.config import STANDARD, DeadlineClass, PaknConfig, pakn_thresholds
from audit.errors import ConfigError
from audit.facts import Question

ON_TIME, LATE, NOT_DUE = "đúng hạn", "quá hạn", "chưa đến hạn"


@dataclass(frozen=True)
class Verdict:
    question: Question
    deadline: date
    verdict: str  # ON_TIME | LATE | NOT_DUE
    delay_working_days: int | None  # answered: working days from question to answer; None when unanswered
    deadline_class: DeadlineClass
    class_source: str  # default | answer (a phrase in the answer's text) | decision (an auditor's)


def audit_date(facts, period) -> date:
    """The crawl date: an unanswered question is late only once its deadline has passed by then."""
    return facts.crawled_at.date() if facts.crawled_at else period.end


def deadline_class_of(q: Question, cfg: PaknConfig, decisions: dict | None = None) -> tuple[DeadlineClass, str]:
    """The deadline class of a question (QĐ 96 Điều 13 khoản 1 điểm c) and where it came from: an auditor's decision,
    else the first class (longest deadline first) one of whose phrases its answer's text contains, else standard."""
    decision = (decisions or {}).get(q.url)
    if decision is not None and decision.deadline_class:
        return cfg.deadline_class(decision.deadline_class), "decision"
    text = unicodedata.normalize("NFC", q.answer_excerpt or "").lower()
    for c in cfg.classes:
        if text and any(phrase in text for phrase in c.phrases):
            return c, "answer"
    return cfg.deadline_class(STANDARD), "default"


def in_period(questions, period) -> list[Question]:
    return sorted((q for q in questions if period.contains(q.asked_on)), key=lambda q: (q.asked_on, q.url))


def excluded_questions(questions, period, decisions: dict | None) -> list[tuple[Question, object]]:
    """Questions of the period an auditor excluded as "không đủ điều kiện tiếp nhận" (Điều 13 khoản 1 điểm b), with
    the decision (its reason): not counted anywhere."""
    decisions = decisions or {}
    return [(q, decisions[q.url]) for q in in_period(questions, period)
            if q.url in decisions and decisions[q.url].excluded]


def judge_questions(questions, period, calendar, cfg: PaknConfig, audit_day: date,
                    decisions: dict | None = None) -> list[Verdict]:
    """The questions asked in the period and not excluded, oldest first, each with its deadline class, deadline and
    verdict (QĐ 96 Điều 13)."""
    decisions = decisions or {}
    out = []
    for q in in_period(questions, period):
        if q.url in decisions and decisions[q.url].excluded:
            continue
        cls, source = deadline_class_of(q, cfg, decisions)
        deadline = calendar.add_working_days(q.asked_on, cls.working_days)
        if q.answered_on is not None:
            verdict = ON_TIME if q.answered_on <= deadline else LATE
            delay = calendar.working_days_between(q.asked_on, q.answered_on)
        else:
            verdict, delay = (LATE if deadline < audit_day else NOT_DUE), None
        out.append(Verdict(q, deadline, verdict, delay, cls, source))
    return out


_SOURCE_NOTES = {"answer": " — theo nội dung trả lời", "decision": " — theo quyết định của người đánh giá"}


def deadline_note(v: Verdict) -> str:
    """"7 ngày làm việc, phối hợp liên ngành — theo nội dung trả lời": the deadline used and why."""
    c = v.deadline_class
    if c.key == STANDARD and v.class_source == "default":
        return f"{c.working_days} ngày làm việc"
    return f"{c.working_days} ngày làm việc, {c.label}{_SOURCE_NOTES.get(v.class_source, '')}"


def rule_note(cfg: PaknConfig) -> str:
    longer = ", ".join(f"{c.working_days} ngày khi {c.label}" for c in sorted(cfg.classes, key=lambda c: c.working_days))
    return f"hạn {cfg.deadline_working_days} ngày làm việc" + (f" ({longer})" if longer else "")


def pakn(ctx: Context, crit) -> Outcome:
    key = crit.params["section"]
    cfg = ctx.config.pakn
    thresholds = cfg.thresholds
    if "thresholds" in crit.params:
        thresholds = pakn_thresholds(crit.params["thresholds"], f"tiêu chí {crit.code}")
    if (blocked := ctx.blocked(key)):
        return blocked
    questions = {q.url: q for q in sorted(ctx.facts.questions, key=lambda q: (q.url, q.title))}
    # No question read from a page that shows questions is never "Không có PAKN trong kỳ" (full points).
    if not questions and (unread := ctx.could_not_read([key], "câu hỏi và trả lời (PAKN)")):
        return unread
    if ctx.section(key) is None and not questions:
        return Outcome(0, f"Không tìm thấy {ctx.where(key)}")
    audit_day = audit_date(ctx.facts, ctx.period)
    decisions = ctx.facts.question_decisions
    counts = {ON_TIME: 0, LATE: 0, NOT_DUE: 0}
    late_unanswered = 0
    evidence = []
    for v in judge_questions(questions.values(), ctx.period, ctx.config.calendar, cfg, audit_day, decisions):
        q, deadline, verdict = v.question, v.deadline, v.verdict
        late_unanswered += verdict == LATE and q.answered_on is None
        counts[verdict] += 1
        answered = f"trả lời {q.answered_on.strftime('%d/%m/%Y')}" if q.answered_on else "chưa trả lời"
        note = (f"hỏi {q.asked_on.strftime('%d/%m/%Y')}; hạn {deadline.strftime('%d/%m/%Y')} ({deadline_note(v)}); "
                f"{answered}: {verdict}")
        evidence.append(ev(q.url, q.title, q.asked_on, note))
    excluded = excluded_questions(questions.values(), ctx.period, decisions)
    for q, d in excluded:
        evidence.append(ev(q.url, q.title, q.asked_on, f"hỏi {q.asked_on.strftime('%d/%m/%Y')}; không tính: không đủ "
                                                        f"điều kiện tiếp nhận ({d.reason} — {d.author})"))
    judged = counts[ON_TIME] + counts[LATE]
    rule = f"{rule_note(cfg)}, tính đến {audit_day.strftime('%d/%m/%Y')}"
    not_due = f"; {counts[NOT_DUE]} câu hỏi chưa đến hạn trả lời" if counts[NOT_DUE] else ""
    if excluded:
        not_due += f"; {len(excluded)} câu hỏi không đủ điều kiện tiếp nhận, không tính"
    if judged == 0:
        # Never above the criterion's own maximum (the province's Hỏi – Đáp is worth less than the plan's 15).
        return Outcome(min(cfg.no_question_points, crit.max_points), f"Không có PAKN trong kỳ tại {ctx.where(key)}{not_due}", evidence)
    ratio = Fraction(counts[ON_TIME] * 100, judged)
    if late_unanswered == judged:  # "100 % PAKN quá hạn chưa được trả lời"
        points = cfg.all_late_unanswered_points
    else:
        points = next(p for lo, p in thresholds if ratio >= lo)
    pct = f"{int(ratio * 10) / 10:g}".replace(".", ",")  # floor to 0.1 so 79,9% never shows as 80%
    late_answered = counts[LATE] - late_unanswered
    text = (f"{counts[ON_TIME]}/{judged} PAKN trong kỳ được trả lời đúng hạn ({pct}%) tại {ctx.where(key)}; "
            f"{late_answered} trả lời quá hạn, {late_unanswered} quá hạn chưa trả lời{not_due} ({rule})")
    return Outcome(points, text, evidence)


def check_pakn(params, max_points, known: Known) -> set[int]:
    allowed(params, "section", "thresholds")
    section_param(params, "section", known)
    if "thresholds" in params:
        try:
            rows = pakn_thresholds(params["thresholds"], "rule.thresholds")
        except ConfigError as exc:
            raise ValueError(str(exc)) from None
        return {0, max_points, *(p for _, p in rows)}
    return {0, max_points}
