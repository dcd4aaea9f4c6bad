"""python -m farm serve | truth: run the offline portal farm, or write its ground truth."""
from __future__ import annotations

import argparse
import calendar
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

DEFAULT_SEED = 65


def _now(text: str | None) -> datetime:
    if not text:
        return datetime.now().replace(second=0, microsecond=0)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"--now '{text}': expected an ISO datetime such as 2025-11-22T10:30") from None
    return value.replace(tzinfo=None, second=0, microsecond=0)


def _period(args) -> tuple[date, date]:
    start = end = None
    if args.period:
        try:
            y, mo = map(int, args.period.split("-"))
            start, end = date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        except ValueError:
            raise SystemExit(f"--period '{args.period}': expected YYYY-MM") from None
    try:
        start = date.fromisoformat(args.date_from) if args.date_from else start
        end = date.fromisoformat(args.date_to) if args.date_to else end
    except ValueError as exc:
        raise SystemExit(f"--from/--to: {exc}") from None
    if start is None or end is None or end < start:
        raise SystemExit("need --period YYYY-MM or both --from and --to (from <= to)")
    return start, end


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m farm", description="Offline farm of simulated Bắc Ninh portals")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve", help="serve all portals on 127.0.0.2-127.0.0.120")
    s.add_argument("--seed", type=int, default=DEFAULT_SEED)
    s.add_argument("--now", help="ISO datetime the farm's content ends at (default: now, to the minute)")
    s.add_argument("--port", type=int, default=0, help="0 = pick a free port")
    s.add_argument("--registry-out", help="where to write the farm registry CSV")
    s.add_argument("--declarations-out", help="where to write the farm's standing 'không áp dụng' declarations "
                   "(YAML for `portal-audit not-applicable --file`; default: beside the registry)")
    s.add_argument("--no-faults", action="store_true", help="serve every portal up and well-behaved (benchmarks)")
    s.add_argument("--portals", type=int, help="serve N portals: the 119 real ones plus synthetic clones on "
                   "127.0.1.x, 127.0.2.x… (scaling benchmarks; the truth covers the 119 only)")
    s.add_argument("--request-log", metavar="FILE", help="append a line when each request starts and when it ends "
                   "(time, +/-, address, path): what a server sees of a crawler's politeness")
    t = sub.add_parser("truth", help="write the expected audit result")
    t.add_argument("--period", help="YYYY-MM")
    t.add_argument("--from", dest="date_from")
    t.add_argument("--to", dest="date_to")
    t.add_argument("--seed", type=int, default=DEFAULT_SEED)
    t.add_argument("--now")
    t.add_argument("--registry", help="farm registry written by serve (gives the port)")
    t.add_argument("--port", type=int, help="farm port, instead of --registry")
    t.add_argument("--out", required=True)
    t.add_argument("--no-faults", action="store_true", help="the truth of a farm served with --no-faults")
    args = ap.parse_args(argv)

    if args.cmd == "serve":
        from farm.portals import set_size
        from farm.server import serve

        if args.portals is not None:
            try:
                set_size(args.portals)
            except ValueError as exc:
                raise SystemExit(str(exc)) from None

        out = args.registry_out or str(Path(tempfile.gettempdir()) / "portal-audit-farm" / "registry.csv")
        serve(args.seed, _now(args.now), args.port, out, faults=not args.no_faults, request_log=args.request_log,
              declarations_out=args.declarations_out)
        return 0

    from farm.portals import port_from_registry
    from farm.truth import dumps, expected

    if args.registry:
        port = port_from_registry(args.registry)
    elif args.port:
        port = args.port
    else:
        raise SystemExit("truth needs --registry PATH or --port N (link URLs contain the port)")
    start, end = _period(args)
    doc = expected(args.seed, _now(args.now), start, end, port, faults=not args.no_faults)
    Path(args.out).write_text(dumps(doc), encoding="utf-8")
    print(f"truth: {len(doc['portals'])} portals, period {start}..{end} -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
