"""`portal-audit not-applicable`: record, list and withdraw standing "không áp dụng" declarations
(audit/not_applicable.py).

    not-applicable --file declarations.yaml
    not-applicable --list [--portal ID] [--all]
    not-applicable --withdraw --portal ID --code C --period YYYY-MM --reason TEXT --author NAME

A declaration takes effect at the next `run`, `score` or `check` of every period it covers; it is never re-entered
each month. `--period` of a withdrawal is the first month no longer covered; earlier months keep the declaration.
"""
from __future__ import annotations

from audit.errors import ConfigError
from audit.not_applicable import load_file, month, month_vn
from audit.review_file import text_field
from audit.registry import BUNDLED, load_registry
from audit.rubric import load_rubrics
from storage import not_applicable as stored
from storage.db import open_db, sessions


def _cli_fail(field_: str, msg: str):
    raise ConfigError(f"--{field_}: {msg}")


def run_not_applicable(args) -> int:
    modes = [m for m in ("file", "list", "withdraw") if getattr(args, m)]
    if len(modes) > 1:
        raise ConfigError(f"--{modes[0]} và --{modes[1]} không dùng cùng nhau")
    if args.all and not args.list:
        raise ConfigError("--all chỉ dùng với --list")
    if not modes:
        raise ConfigError("cần một trong --file, --list, --withdraw")
    if args.list:
        stray = [f"--{k}" for k in ("code", "period", "reason", "author") if getattr(args, k) is not None]
        if stray:
            raise ConfigError(f"{stray[0]}: không dùng cùng --list")
        return _list(args)
    if args.file:
        stray = [f"--{k}" for k in ("portal", "code", "period", "reason", "author") if getattr(args, k) is not None]
        if stray:
            raise ConfigError(f"{stray[0]}: không dùng cùng --file (mọi trường nằm trong tệp)")
        rubrics = load_rubrics()
        registry = load_registry(args.registry or BUNDLED, set(rubrics))
        declarations = load_file(args.file, registry, rubrics)
        portals = {p.id: p for p in registry}
        counts = {"added": 0, "replaced": 0, "unchanged": 0}
        with sessions(open_db(args.db)).begin() as s:
            for d in declarations:
                counts[stored.record(s, d, portals[d.portal_id])] += 1
        print(f"Tuyên bố không áp dụng: {counts['added']} mới, {counts['replaced']} thay thế tuyên bố trước, "
              f"{counts['unchanged']} không đổi. Áp dụng cho mọi kỳ thuộc thời gian đã khai, từ lần chấm tiếp theo "
              f"(run, score, check).")
        return 0
    return _withdraw(args)


def _withdraw(args) -> int:
    if not args.portal:
        raise ConfigError("--portal: cần mã cổng")
    code = text_field(args.code, "code", _cli_fail)
    if args.period is None:
        raise ConfigError("--period: cần tháng đầu tiên không còn áp dụng (YYYY-MM)")
    first = month(args.period, _cli_fail, "period").start
    reason, author = text_field(args.reason, "reason", _cli_fail), text_field(args.author, "author", _cli_fail)
    with sessions(open_db(args.db)).begin() as s:
        row = stored.withdraw(s, args.portal, code, first, reason, author)
        if row is None:
            raise ConfigError(f"không có tuyên bố không áp dụng nào còn hiệu lực từ kỳ {month_vn(first)} cho cổng "
                              f"{args.portal}, tiêu chí {code}")
        start = row.valid_from
    kept = (f"các kỳ từ {month_vn(start)} đến trước {month_vn(first)} vẫn áp dụng" if start < first
            else "không còn kỳ nào áp dụng")
    print(f"Đã rút lại tuyên bố không áp dụng: cổng {args.portal}, tiêu chí {code}, từ kỳ {month_vn(first)} ({kept}). "
          f"Chấm lại các kỳ liên quan (portal-audit score) để cập nhật báo cáo.")
    return 0


def _list(args) -> int:
    with sessions(open_db(args.db))() as s:
        rows = stored.listing(s, args.portal, with_history=args.all)
        if not rows:
            print("Không có tuyên bố không áp dụng nào" + (" (kể cả lịch sử)." if args.all else " đang có hiệu lực."))
            return 0
        for r in rows:
            print(stored.describe(r))
    return 0
