"""`portal-audit override`: record, import, list and withdraw auditors' decisions (audit/overrides.py).

    override --period P --portal ID --code C (--points N | --state S) --reason TEXT --author NAME
    override --file reviews/2026-10.yaml
    override --list [--period P] [--portal ID] [--all]   (also the decisions on single PAKN questions)
    override --withdraw --period P --portal ID --code C --reason TEXT --author NAME

Changes take effect at the next `run`, `score` or `check` of the period.
"""
from __future__ import annotations

from audit.errors import ConfigError
from audit.overrides import load_file, make
from audit.review_file import text_field
from audit.pakn_decisions import load_questions
from audit.period import Period
from audit.registry import BUNDLED, load_registry
from audit.rubric import load_rubrics
from storage import overrides as stored
from storage import pakn_decisions as stored_pakn
from storage.db import open_db, sessions

_STATE_VN = {"met": "Đạt đủ", "partial": "Đạt một phần", "missing": "Thiếu", "not_evaluable": "Không đánh giá được",
             "needs_review": "Cần xem xét", "not_applicable": "Không áp dụng", stored.WITHDRAWN: "Đã rút lại"}


def _cli_fail(field_: str, msg: str):
    raise ConfigError(f"--{field_}: {msg}")


def run_override(args) -> int:
    modes = [m for m in ("file", "list", "withdraw") if getattr(args, m)]
    if len(modes) > 1:
        raise ConfigError(f"--{modes[0]} và --{modes[1]} không dùng cùng nhau")
    if args.all and not args.list:
        raise ConfigError("--all chỉ dùng với --list")
    if args.list:
        return _list(args)
    rubrics = load_rubrics()
    registry = load_registry(args.registry or BUNDLED, set(rubrics))
    if args.file:
        stray = [f"--{k}" for k in ("period", "portal", "code", "points", "state", "reason", "author")
                 if getattr(args, k) is not None]
        if stray:
            raise ConfigError(f"{stray[0]}: không dùng cùng --file (mọi trường nằm trong tệp)")
        decisions = load_file(args.file, registry, rubrics)
        questions = load_questions(args.file, registry)
        engine = open_db(args.db)
        if decisions:
            print(store_all(engine, decisions, registry))
        if questions:
            print(store_questions(engine, questions, registry))
        return 0
    period = Period.parse(args.period, args.start, args.end)
    portal = _portal(args.portal, registry, args.registry or BUNDLED)
    if args.withdraw:
        if args.points is not None or args.state is not None:
            raise ConfigError("--withdraw: không dùng cùng --points hoặc --state")
        code = text_field(args.code, "code", _cli_fail)
        reason, author = text_field(args.reason, "reason", _cli_fail), text_field(args.author, "author", _cli_fail)
        with sessions(open_db(args.db)).begin() as s:
            done = stored.withdraw(s, portal.id, period, code, reason, author)
        if not done:
            raise ConfigError(f"không có điều chỉnh đang áp dụng cho cổng {portal.id}, tiêu chí {code}, kỳ "
                              f"{_period(period)}")
        print(f"Đã rút lại điều chỉnh: cổng {portal.id}, tiêu chí {code}, kỳ {_period(period)}. "
              f"Chấm lại kỳ này (portal-audit score) để cập nhật báo cáo.")
        return 0
    ov = make(portal, rubrics[portal.rubric], period, args.code, args.points, args.state, args.reason, args.author,
              _cli_fail)
    print(store_all(open_db(args.db), [ov], registry))
    return 0


def store_all(engine, decisions, registry) -> str:
    """Store validated decisions in one transaction; returns a one-line Vietnamese summary."""
    portals = {p.id: p for p in registry}
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with sessions(engine).begin() as s:
        for ov in decisions:
            counts[stored.record(s, ov, portals[ov.portal_id])] += 1
    return (f"Điều chỉnh thủ công: {counts['added']} mới, {counts['replaced']} thay thế điều chỉnh trước, "
            f"{counts['unchanged']} không đổi. Áp dụng từ lần chấm tiếp theo (run, score, check).")


def store_questions(engine, decisions, registry) -> str:
    """Store validated question decisions (audit/pakn_decisions.py) in one transaction; a one-line summary."""
    portals = {p.id: p for p in registry}
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with sessions(engine).begin() as s:
        for pid, decision in decisions:
            counts[stored_pakn.record(s, portals[pid], decision)] += 1
    return (f"Quyết định về câu hỏi PAKN: {counts['added']} mới, {counts['replaced']} thay thế quyết định trước, "
            f"{counts['unchanged']} không đổi. Áp dụng từ lần chấm tiếp theo (run, score, check).")


def _list(args) -> int:
    period = Period.parse(args.period, args.start, args.end) if (args.period or args.start or args.end) else None
    with sessions(open_db(args.db))() as s:
        rows = stored.listing(s, period, args.portal, with_history=args.all)
        # Decisions on single PAKN questions belong to no period: listed whatever --period says.
        questions = [r for r in stored_pakn.history(s, args.portal) if args.all or r.superseded_at is None]
        if not rows and not questions:
            print("Không có điều chỉnh thủ công nào" + (" (kể cả lịch sử)." if args.all else " đang áp dụng."))
            return 0
        for r in rows:
            what = ("rút lại" if r.state == stored.WITHDRAWN
                    else f"{r.points:g} điểm ({_STATE_VN.get(r.state, r.state)})")
            flag = ""
            if args.all and r.state != stored.WITHDRAWN:
                flag = f" [đã thay thế {r.superseded_at:%d/%m/%Y %H:%M}]" if r.superseded_at else " [đang áp dụng]"
            print(f"Kỳ {r.period_from:%d/%m/%Y} – {r.period_to:%d/%m/%Y} · {r.portal_id} · tiêu chí {r.code}: {what} "
                  f"— {r.reason} — {r.author}, {r.created_at:%d/%m/%Y %H:%M}{flag}")
        for r in questions:
            what = "không đủ điều kiện tiếp nhận, không tính" if r.excluded else f"lớp hạn {_CLASS_VN[r.deadline_class]}"
            flag = ""
            if args.all:
                flag = f" [đã thay thế {r.superseded_at:%d/%m/%Y %H:%M}]" if r.superseded_at else " [đang áp dụng]"
            print(f"PAKN · {r.portal_id} · câu hỏi {r.question_url}: {what} — {r.reason} — {r.author}, "
                  f"{r.created_at:%d/%m/%Y %H:%M}{flag}")
    return 0


_CLASS_VN = {"standard": "5 ngày làm việc (thuộc thẩm quyền)", "coordination": "7 ngày làm việc (phối hợp liên ngành)",
             "special": "10 ngày làm việc (trường hợp đặc biệt)"}


def _portal(pid, registry, where):
    if not pid:
        raise ConfigError("--portal: cần mã cổng")
    for p in registry:
        if p.id == pid:
            return p
    raise ConfigError(f"--portal {pid}: không có trong registry {where}")


def _period(period: Period) -> str:
    return f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
