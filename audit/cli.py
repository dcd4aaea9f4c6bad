"""`portal-audit`: the command line scripts, cron jobs and CI pipelines call. Keep it stable (README "CLI").

Exit codes of run, score, nightly and check: 0 every audited portal passes; 1 a portal fails; 2 usage or
configuration error (nothing written); 3 no portal fails but at least one could not be evaluated at all
(unreachable); 4 (run, nightly, replay) another crawl holds the database's run lock, nothing done; 70 the program
itself failed (a bug or a broken environment, never a verdict): one line names the log file holding the traceback.
`replay` exits like `run`; `override`, `not-applicable` and `archive` exit 0 or 2 (or 70).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from audit.errors import ConfigError, one_line
from audit.period import Period, PeriodError

EXIT_PASS, EXIT_FAIL, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_LOCKED = 0, 1, 2, 3, 4
EXIT_CRASH = 70  # EX_SOFTWARE of sysexits.h: far from the verdict codes, so no scheduler reads a crash as a result


_ARGPARSE_VN = (("unrecognized arguments", "tham số không nhận ra"),
                ("the following arguments are required", "thiếu tham số bắt buộc"),
                ("invalid choice", "lựa chọn không hợp lệ"), ("choose from", "chọn một trong"),
                ("expected one argument", "cần một giá trị"), ("invalid int value", "không phải số nguyên"),
                ("not allowed with argument", "không dùng cùng với"), ("argument ", "tham số "))


class _Parser(argparse.ArgumentParser):
    """argparse with its own words in Vietnamese: users read the help, scripts read the exit code."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "lệnh"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def format_usage(self):
        return super().format_usage().replace("usage:", "cách dùng:", 1)

    def format_help(self):
        return super().format_help().replace("usage:", "cách dùng:", 1)

    def error(self, message):  # one line, exit 2, like every other user mistake
        for english, vietnamese in _ARGPARSE_VN:
            message = message.replace(english, vietnamese)
        sys.stderr.write(f"portal-audit: lỗi: {one_line(message)}\n")
        sys.exit(EXIT_USAGE)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("portal-audit")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(chưa cài đặt)"


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="portal-audit", description="Kiểm tra Cổng/Trang TTĐT theo Kế hoạch 65/KH-UBND.")
    p.add_argument("--version", action="version", version=f"portal-audit {_version()}",
                   help="hiện phiên bản rồi thoát")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def common(sp, period_required: bool):
        sp.add_argument("--registry", help="tệp danh sách cổng (CSV hoặc YAML); mặc định: danh sách Bắc Ninh đi kèm")
        with_directory(sp)
        sp.add_argument("--period", required=False, help="kỳ đánh giá YYYY-MM")
        sp.add_argument("--from", dest="start", help="ngày đầu kỳ YYYY-MM-DD")
        sp.add_argument("--to", dest="end", help="ngày cuối kỳ YYYY-MM-DD")
        sp.add_argument("--db", help="URL SQLAlchemy (mặc định: $PORTAL_AUDIT_DB hoặc SQLite trong ~/.local/share)")
        sp.add_argument("--out", help="thư mục báo cáo (mặc định: ./portal-audit-report)")
        sp.add_argument("--portal", action="append", default=[], metavar="ID", help="chỉ kiểm tra cổng này (lặp lại được)")
        sp.add_argument("--gates", metavar="FILE", help="tệp ngưỡng đạt (mặc định: rules/gates.yaml)")

    def with_directory(sp):
        sp.add_argument("--directory", metavar="FILE",
                        help="danh bạ các cổng của tỉnh để nhận biết liên kết (cùng định dạng registry); "
                             "mặc định: danh sách Bắc Ninh đi kèm")

    def with_overrides(sp):
        sp.add_argument("--overrides", metavar="FILE",
                        help="tệp điều chỉnh thủ công đã duyệt: ghi vào cơ sở dữ liệu trước khi chấm")

    def with_archive(sp):
        sp.add_argument("--archive", metavar="DIR",
                        help="thư mục kho lưu trữ WARC (mặc định: $PORTAL_AUDIT_ARCHIVE, hoặc warc/ cạnh tệp SQLite, "
                             "hoặc ~/.local/share/portal-audit/warc)")

    def with_redis(sp):
        sp.add_argument("--redis", metavar="URL",
                        help="thu thập phân tán: các tiến trình dùng chung một Redis cùng chia nhau một lượt "
                             "(mặc định: $PORTAL_AUDIT_REDIS_URL; không có: một tiến trình)")

    run = sub.add_parser("run", help="thu thập, chấm điểm, viết báo cáo")
    common(run, True)
    with_overrides(run)
    with_archive(run)
    with_redis(run)
    run.add_argument("--lookback-months", type=int, default=None,
                     help="đọc danh sách tin lùi về bao nhiêu tháng trước kỳ (mặc định: $PORTAL_AUDIT_LOOKBACK_MONTHS "
                          "hoặc 13; 0 — từ đầu kỳ)")
    score = sub.add_parser("score", help="chấm lại từ dữ liệu đã thu thập (không cần mạng)")
    common(score, True)
    with_overrides(score)
    score.add_argument("--run-id", type=int, help="lượt thu thập dùng để chấm (mặc định: lượt mới nhất)")
    nightly = sub.add_parser("nightly", help="cron: danh sách đi kèm, tháng hiện tại")
    nightly.add_argument("--db")
    nightly.add_argument("--out")
    nightly.add_argument("--registry")
    with_directory(nightly)
    nightly.add_argument("--gates", metavar="FILE", help="tệp ngưỡng đạt (mặc định: rules/gates.yaml)")
    with_overrides(nightly)
    with_archive(nightly)
    with_redis(nightly)
    replay = sub.add_parser("replay", help="thu thập lại từ kho lưu trữ WARC của một lượt (không dùng mạng), chấm điểm")
    common(replay, False)
    with_overrides(replay)
    replay.add_argument("--run", dest="replay_run", type=int, required=True, metavar="ID",
                        help="lượt thu thập cần phát lại")
    archive = sub.add_parser("archive", help="kho lưu trữ WARC: xóa bản lưu cũ theo hạn lưu giữ")
    archive.add_argument("--prune", action="store_true", required=True, help="xóa tệp WARC của các lượt cũ")
    archive.add_argument("--keep-days", type=int, help="giữ các lượt trong N ngày gần nhất "
                         "(mặc định: $PORTAL_AUDIT_ARCHIVE_KEEP_DAYS hoặc 90)")
    archive.add_argument("--keep-runs", type=int, help="giữ N lượt gần nhất (mặc định: $PORTAL_AUDIT_ARCHIVE_KEEP_RUNS)")
    archive.add_argument("--db", help="URL SQLAlchemy")
    check = sub.add_parser("check", help="kiểm tra ngưỡng đạt trên kết quả đã lưu; viết check.json và junit.xml")
    common(check, True)
    override = sub.add_parser("override", help="điều chỉnh thủ công điểm một tiêu chí (ghi, liệt kê, rút lại)")
    override.add_argument("--file", metavar="FILE", help="ghi mọi điều chỉnh của một tệp YAML đã duyệt")
    override.add_argument("--list", action="store_true", help="liệt kê các điều chỉnh đang áp dụng")
    override.add_argument("--all", action="store_true", help="với --list: cả lịch sử (đã thay thế, đã rút lại)")
    override.add_argument("--withdraw", action="store_true", help="rút lại điều chỉnh đang áp dụng")
    override.add_argument("--registry", help="tệp danh sách cổng; mặc định: danh sách Bắc Ninh đi kèm")
    override.add_argument("--db", help="URL SQLAlchemy")
    override.add_argument("--period", help="kỳ đánh giá YYYY-MM")
    override.add_argument("--from", dest="start", help="ngày đầu kỳ YYYY-MM-DD")
    override.add_argument("--to", dest="end", help="ngày cuối kỳ YYYY-MM-DD")
    override.add_argument("--portal", metavar="ID", help="mã cổng")
    override.add_argument("--code", help="mã tiêu chí, ví dụ 8 hoặc 1.1")
    override.add_argument("--points", type=int, help="điểm thay cho điểm tự động")
    override.add_argument("--state", help="trạng thái: met, partial, missing, not_evaluable, needs_review, "
                                          "not_applicable")
    override.add_argument("--reason", help="lý do (bắt buộc)")
    override.add_argument("--author", help="người điều chỉnh (bắt buộc)")
    na = sub.add_parser("not-applicable", help="tuyên bố tiêu chí không áp dụng cho một đơn vị (ghi, liệt kê, rút "
                                               "lại): tính điểm tối đa mọi kỳ thuộc thời gian áp dụng")
    na.add_argument("--file", metavar="FILE", help="ghi mọi tuyên bố của một tệp YAML đã duyệt")
    na.add_argument("--list", action="store_true", help="liệt kê các tuyên bố đang có hiệu lực")
    na.add_argument("--all", action="store_true", help="với --list: cả lịch sử (đã thay thế, đã rút lại)")
    na.add_argument("--withdraw", action="store_true", help="rút lại một tuyên bố từ một tháng trở đi")
    na.add_argument("--registry", help="tệp danh sách cổng; mặc định: danh sách Bắc Ninh đi kèm")
    na.add_argument("--db", help="URL SQLAlchemy")
    na.add_argument("--portal", metavar="ID", help="mã cổng")
    na.add_argument("--code", help="mã tiêu chí, ví dụ 8 hoặc 1.1")
    na.add_argument("--period", metavar="YYYY-MM", help="với --withdraw: tháng đầu tiên không còn áp dụng")
    na.add_argument("--reason", help="với --withdraw: lý do rút lại (bắt buộc)")
    na.add_argument("--author", help="với --withdraw: người rút lại (bắt buộc)")
    inspect = sub.add_parser("inspect", help="xem cách một trang được hiểu")
    inspect.add_argument("target", metavar="URL_OR_FILE")
    inspect.add_argument("--json", action="store_true")
    inspect.add_argument("--section-hint", metavar="NHÃN",
                         help="nhãn trình đơn của liên kết dẫn tới trang chuyên mục (như lượt thu thập ghi nhận)")
    inspect.add_argument("--title-hint", metavar="TIÊU_ĐỀ",
                         help="tiêu đề của mục trong danh sách dẫn tới trang bài viết (như lượt thu thập ghi nhận)")
    inspect.add_argument("--url", dest="page_url", metavar="URL",
                         help="địa chỉ gốc của trang khi đọc một tệp đã lưu (liên kết và mục được đọc theo địa chỉ này)")
    demo = sub.add_parser("demo", help="chạy toàn bộ quy trình trên trang trại cổng ngoại tuyến")
    demo.add_argument("--out", default="portal-audit-demo", help="thư mục kết quả (mặc định: ./portal-audit-demo)")
    demo.add_argument("--portals", type=int, default=None, help="chỉ dùng N cổng đầu (để thử nhanh)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.command:
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if args.command in ("run", "score"):
            return _run(args, crawl=args.command == "run")
        if args.command == "nightly":
            today = date.today()
            args.period, args.start, args.end, args.portal = f"{today:%Y-%m}", None, None, []
            args.lookback_months = None
            return _run(args, crawl=True)
        if args.command == "replay":
            return _replay(args)
        if args.command == "archive":
            return _archive(args)
        if args.command == "check":
            return _check(args)
        if args.command == "override":
            from audit.override_cli import run_override
            return run_override(args)
        if args.command == "not-applicable":
            from audit.not_applicable_cli import run_not_applicable
            return run_not_applicable(args)
        if args.command == "inspect":
            from audit.inspect_page import inspect_target
            return inspect_target(args.target, as_json=args.json, section_hint=args.section_hint,
                                  title_hint=args.title_hint, page_url=args.page_url)
        if args.command == "demo":
            from audit.demo import run_demo
            return run_demo(Path(args.out), limit=args.portals)
    except (ConfigError, PeriodError) as exc:
        sys.stderr.write(f"portal-audit: lỗi: {exc}\n")
        from storage.lock import LockedError
        return EXIT_LOCKED if isinstance(exc, LockedError) else EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("portal-audit: đã dừng theo yêu cầu\n")
        return 130
    except Exception as exc:  # a bug or a broken environment: one line for the operator, the traceback in a file
        from audit.crash import report_crash
        sys.stderr.write(report_crash(exc, sys.argv if argv is None else ["portal-audit", *argv]) + "\n")
        return EXIT_CRASH
    return EXIT_USAGE


def _run(args, crawl: bool) -> int:
    # Validate everything (registry, rubrics, gates, review file) before touching the network or writing anything.
    period, rubrics, registry, portals, out, config, directory = _prepare(args)
    store = _reviewed(args, registry, rubrics)
    from storage.db import open_db
    retention = None
    if crawl:
        _crawl_settings(portals)
        _lookback(getattr(args, "lookback_months", None))
        if args.command == "nightly":
            from storage.archive import retention_from_env
            retention = retention_from_env()
    engine = open_db(args.db, existing=not crawl)
    archive = None
    if crawl:
        from storage.archive import archive_root
        archive = archive_root(engine, getattr(args, "archive", None))
    run_id = getattr(args, "run_id", None)
    if run_id is not None:
        _finished_run(engine, run_id)
    code = execute(engine, portals, rubrics, period, out, crawl=crawl, registry=directory,
                   lookback_months=getattr(args, "lookback_months", None), run_id=run_id,
                   config=config, archive=archive, redis=getattr(args, "redis", None) if crawl else None, store=store)
    if crawl and args.command == "nightly":
        from storage.archive import prune
        done = prune(engine, keep_days=retention[0], keep_runs=retention[1])
        if done["files"]:
            print(f"Kho lưu trữ: đã xóa {done['files']} tệp WARC ({done['bytes'] / 1e6:.1f} MB) của "
                  f"{done['runs']} lượt cũ theo hạn lưu giữ.")
    return code


def _reviewed(args, registry, rubrics):
    """The `--overrides` file, validated now; returns what stores it (called under the run lock) or None."""
    if not getattr(args, "overrides", None):
        return None
    from audit.overrides import load_file
    from audit.pakn_decisions import load_questions
    reviewed = load_file(args.overrides, registry, rubrics)
    questions = load_questions(args.overrides, registry)
    if not reviewed and not questions:
        return None

    def store(engine):
        from audit.override_cli import store_all, store_questions
        if reviewed:
            print(store_all(engine, reviewed, registry))
        if questions:
            print(store_questions(engine, questions, registry))
    return store


def _crawl_settings(portals) -> None:
    """Every environment value a crawl reads, checked before anything is created (a bad one is exit 2)."""
    from crawler import shards
    from crawler.runner import env_settings
    env_settings(portals)
    shards.workers()


def _finished_run(engine, run_id: int) -> None:
    """`score --run-id`: only a finished run is ever scored."""
    from storage.db import sessions
    from storage.models import CrawlRun
    with sessions(engine)() as s:
        run = s.get(CrawlRun, run_id)
        if run is None:
            raise ConfigError(f"--run-id {run_id}: không có lượt thu thập này")
        if run.status != "done":
            raise ConfigError(f"--run-id {run_id}: lượt chưa hoàn tất (trạng thái {run.status}), không được chấm")


def _replay(args) -> int:
    """Re-crawl a stored run from its WARC archive into a new run (no network), then score it."""
    from storage.db import open_db, sessions
    from storage.models import CrawlRun, PortalCrawl
    from sqlalchemy import select

    if not args.period and not args.start:
        engine = open_db(args.db, existing=True)
        with sessions(engine)() as s:
            run = s.get(CrawlRun, args.replay_run)
            stored = ((run.summary or {}).get("period") if run else None) or {}
        if not stored:
            raise ConfigError(f"--period: lượt {args.replay_run} không ghi kỳ đánh giá; cần --period YYYY-MM")
        args.start, args.end = stored["from"], stored["to"]
        engine.dispose()
    period, rubrics, registry, portals, out, config, directory = _prepare(args)
    store = _reviewed(args, registry, rubrics)
    _crawl_settings(portals)
    engine = open_db(args.db, existing=True)
    with sessions(engine)() as s:
        crawled = list(s.scalars(select(PortalCrawl.portal_id).where(PortalCrawl.run_id == args.replay_run)
                                 .order_by(PortalCrawl.id)))
    if not crawled:
        raise ConfigError(f"--run {args.replay_run}: không có lượt thu thập này (hoặc lượt không có cổng nào)")
    known = {p.id: p for p in registry}
    unknown = [pid for pid in crawled if pid not in known]
    if unknown:
        raise ConfigError(f"--run {args.replay_run}: cổng {unknown[0]} không có trong registry "
                          f"{args.registry or 'đi kèm'}")
    wanted = set(args.portal) if args.portal else set(crawled)
    portals = [p for p in registry if p.id in wanted and p.id in set(crawled)]
    return execute(engine, portals, rubrics, period, out, crawl=True, registry=directory, config=config,
                   replay_of=args.replay_run, store=store)


def _archive(args) -> int:
    from storage.archive import prune, retention_from_env
    from storage.db import open_db
    for name in ("keep_days", "keep_runs"):
        if getattr(args, name) is not None and getattr(args, name) < 0:
            raise ConfigError(f"--{name.replace('_', '-')}: cần một số nguyên không âm")
    days, runs = retention_from_env()
    if args.keep_days is not None or args.keep_runs is not None:
        days, runs = args.keep_days, args.keep_runs
    engine = open_db(args.db, existing=True)
    done = prune(engine, keep_days=days, keep_runs=runs)
    print(f"Kho lưu trữ: đã xóa {done['files']} tệp WARC ({done['bytes'] / 1e6:.1f} MB) của {done['runs']} lượt "
          f"(giữ {'mọi lượt' if days is None else f'{days} ngày'}"
          f"{'' if runs is None else f', tối đa {runs} lượt'}).")
    return EXIT_PASS


def _prepare(args):
    """Everything a scoring command needs, validated before any network or database access."""
    from audit.gates import check_codes, load_gates
    from audit.directory import for_run
    from audit.registry import BUNDLED, load_registry
    from audit.rubric import load_rubrics
    from audit.scoring import load_config

    period = Period.parse(args.period, args.start, args.end)
    rubrics = load_rubrics()
    config = load_config()
    if getattr(args, "gates", None):
        config = replace(config, gates=load_gates(args.gates))
    check_codes(config.gates, rubrics)
    registry, directory = for_run(load_registry(args.registry or BUNDLED, set(rubrics)),
                                  load_registry(getattr(args, "directory", None) or BUNDLED, set(rubrics)))
    portals = registry
    if args.portal:
        known = {p.id for p in portals}
        unknown = [pid for pid in args.portal if pid not in known]
        if unknown:
            raise ConfigError(f"--portal {unknown[0]}: không có trong registry {args.registry or BUNDLED}")
        portals = [p for p in portals if p.id in set(args.portal)]
    out = Path(args.out or "portal-audit-report")
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out}: đã tồn tại và không phải thư mục")
    if Path.cwd().resolve().is_relative_to(out.resolve()):
        # The whole folder is replaced when the report is published (audit/publish.py).
        raise ConfigError(f"--out {out}: là thư mục hiện hành hoặc chứa nó; hãy chọn một thư mục riêng cho báo cáo")
    _writable(out)
    return period, rubrics, registry, portals, out, config, directory


def _writable(out: Path) -> None:
    """The report is published by renaming a folder staged beside `--out` (audit/publish.py): its parent, or the
    nearest folder that exists, must take a new folder. Found now, not after a night of crawling."""
    import errno
    import tempfile

    from audit.publish import target
    out = target(out)
    folder = next(p for p in (out.parent, *out.parent.parents) if p.exists())
    if not folder.is_dir():
        raise ConfigError(f"--out {out}: {folder} không phải thư mục")
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".portal-audit-probe-", dir=folder))
    except OSError as exc:
        why = {errno.EACCES: "không có quyền ghi", errno.EPERM: "không có quyền ghi",
               errno.EROFS: "hệ thống tệp chỉ đọc", errno.ENOSPC: "hết chỗ trống"}.get(exc.errno, exc.strerror)
        raise ConfigError(f"--out {out}: không tạo được thư mục báo cáo trong {folder} ({why})") from None


def _check(args) -> int:
    from audit.check import check_period, summary_lines, write_outputs
    from storage.db import open_db

    period, rubrics, registry, portals, out, config, directory = _prepare(args)
    engine = open_db(args.db, existing=True)
    from audit.publish import staged_folder

    checked = check_period(engine, registry, rubrics, period, config, only=args.portal or None, directory=directory)
    with staged_folder(out) as stage:
        doc = write_outputs(checked, period, stage, config.gates.path)
    for line in summary_lines(doc):
        print(line)
    print(f"Kết quả: {out.resolve() / 'check.json'}, {out.resolve() / 'junit.xml'}")
    return _exit_code(doc["summary"])


def _exit_code(counts: dict) -> int:
    if counts["fail"]:
        return EXIT_FAIL
    if counts["unreachable"]:
        return EXIT_UNREACHABLE
    return EXIT_PASS


def execute(engine, portals, rubrics, period, out: Path, crawl: bool, registry=None, lookback_months=None,
            run_id=None, progress: bool | None = None, config=None, archive=None, replay_of=None,
            redis: str | None = None, store=None) -> int:
    """Crawl (unless `crawl` is false), score and write every output. A crawl holds the database's run lock from
    before the crawl until the results are stored (storage/lock.py); `store` (the reviewed overrides) writes under
    it, so a command refused by the lock has written nothing. With a Redis URL (`redis` or the environment) this
    process is one worker of a distributed crawl (crawler/distributed.py)."""
    if not crawl:
        if store:
            store(engine)
        return _score_and_write(engine, portals, rubrics, period, out, registry, run_id, config)
    from crawler.distributed import redis_url
    from crawler.runner import crawl as do_crawl, summary_line
    from storage.db import sessions
    from storage.lock import RunLock
    from storage.models import CrawlRun

    url = redis_url(redis) if replay_of is None else None  # a replay reads one local archive: never distributed
    if url:
        return _work(engine, portals, rubrics, period, out, registry, config, archive, url, lookback_months,
                     progress, store)
    with RunLock(engine):
        if store:
            store(engine)
        lookback_from = _months_before(period.start, _lookback(lookback_months))
        show = sys.stderr.isatty() if progress is None else progress
        run_id = do_crawl(engine, portals, lookback_from, progress=show, archive=archive, period=period,
                          replay_of=replay_of)
        with sessions(engine)() as s:
            summary = s.get(CrawlRun, run_id).summary
        print(summary_line(run_id, summary), flush=True)
        return _score_and_write(engine, portals, rubrics, period, out, registry, run_id, config)


def _work(engine, portals, rubrics, period, out, registry, config, archive, url, lookback_months, progress,
          store=None) -> int:
    """One worker of a distributed crawl; the worker that finishes the run last scores it and writes the outputs."""
    from crawler.distributed import crawl_worker
    from crawler.runner import summary_line
    from storage.archive import archive_root
    from storage.db import sessions
    from storage.lock import RunLock
    from storage.models import CrawlRun

    with RunLock(engine, shared=True):
        if store:
            store(engine)
        show = sys.stderr.isatty() if progress is None else progress
        run_id, closer = crawl_worker(engine, portals, _months_before(period.start, _lookback(lookback_months)), url,
                                      archive=archive or archive_root(engine), period=period, progress=show)
        if not closer:
            print(f"Tiến trình này đã xong phần việc trong lượt thu thập {run_id}; tiến trình xong cuối cùng chấm "
                  f"điểm và viết báo cáo.", flush=True)
            return EXIT_PASS
        with sessions(engine)() as s:
            summary = s.get(CrawlRun, run_id).summary
        print(summary_line(run_id, summary), flush=True)
        return _score_and_write(engine, portals, rubrics, period, out, registry, run_id, config)


def _score_and_write(engine, portals, rubrics, period, out, registry, run_id, config) -> int:
    from audit.engine import score_period
    from audit.report import render_report
    from audit.results import dump_results

    from audit.publish import staged_folder

    scored: list = []
    doc = score_period(engine, portals, rubrics, period, run_id=run_id, registry=registry, config=config, sink=scored)
    with staged_folder(out) as stage:
        (stage / "results.json").write_text(dump_results(doc), encoding="utf-8")
        write_machine_outputs(doc, scored, stage, config)
        render_report(doc, stage)
    index = out / "index.html"
    counts = {s: sum(p["status"] == s for p in doc["portals"]) for s in ("pass", "fail", "unreachable")}
    print(f"Báo cáo: {index.resolve()}")
    print(f"Kết quả: {out.resolve() / 'results.json'} — đạt {counts['pass']}, không đạt {counts['fail']}, "
          f"không truy cập được {counts['unreachable']}")
    return _exit_code(counts)


def write_machine_outputs(doc, scored, out: Path, config=None) -> None:
    """Beside results.json and the HTML: summary.csv, junit.xml and the pre-filled QĐ 96 forms (HTML + XLSX)."""
    import xml.etree.ElementTree as ET

    from audit.check import Checked, junit
    from audit.exports import write_summary_csv
    from audit.official_form_output import write_forms
    from audit.scoring import load_config

    config = config or load_config()
    write_summary_csv(doc, out / "summary.csv")
    tree = junit([Checked(s.portal, s.result) for s in scored])
    ET.indent(tree)
    (out / "junit.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode")
                                   + "\n", encoding="utf-8")
    write_forms([s.form for s in scored], out, config.pakn.deadline_working_days)


def _lookback(months: int | None) -> int:
    """Months of listings read before the period: --lookback-months, else $PORTAL_AUDIT_LOOKBACK_MONTHS, else
    rules/incremental.yaml (13: the period's month a year ago, for the yearly criteria and back-dating checks)."""
    source = "--lookback-months"
    if months is None:
        raw = os.environ.get("PORTAL_AUDIT_LOOKBACK_MONTHS", "").strip()
        if not raw:
            from storage.incremental import settings
            return int(settings()["lookback_months"])
        source = f"PORTAL_AUDIT_LOOKBACK_MONTHS={raw!r}"
        months = int(raw) if raw.isdigit() else -1
    if months < 0 or months > 120:
        raise ConfigError(f"{source}: cần số tháng nguyên từ 0 đến 120")
    return months


def _months_before(d: date, months: int) -> date:
    y, m = d.year, d.month - months
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 1) if months else d


if __name__ == "__main__":
    sys.exit(main())
