"""Crash safety (issue #9 item 4): real SIGKILLs of the real CLI during a crawl, during scoring and during report
writing, then a rerun. No pause point in product code: the moments are picked by watching the files and the clock.

After each kill: the database is consistent (no run shown as done that was not, one stored score per portal and
period, each with all its criteria), the report folder is wholly the old one or wholly the new one. After the rerun:
the same facts and verdicts as an uninterrupted run, a complete report, nothing stored lost."""
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from audit.demo import FarmProcess, previous_month
from audit.exports import summary_csv
from audit.official_form_output import FORM_DIR, WORKBOOK
from audit.period import Period
from audit.registry import load_registry
from storage.db import open_db, sessions
from storage.models import CrawlRun, CriterionResult, Fact, PeriodScore
from test_operations import _facts, _subset, _verdicts

EXE = Path(sys.executable).with_name("portal-audit")
COUNTS = {"injected": 0, "recovered": 0, "lost": 0}


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    work = tmp_path_factory.mktemp("farm")
    now = datetime.now().replace(second=0, microsecond=0).isoformat()
    proc = FarmProcess(work, extra=["--now", now])
    registry = proc.__enter__()
    yield proc, registry, datetime.fromisoformat(now).date()
    proc.__exit__(None, None, None)
    print(f"\ncrashes injected {COUNTS['injected']}, recovered {COUNTS['recovered']}, data lost {COUNTS['lost']}")


@pytest.fixture(scope="module")
def reference(farm, tmp_path_factory, new_db_url):
    """An uninterrupted crawl, scored and reported: what every interrupted one must end up equal to."""
    _, registry, today = farm
    work = tmp_path_factory.mktemp("reference")
    reg = _subset(registry, work / "subset.csv", n=6)
    period = f"{previous_month(today).start:%Y-%m}"
    db = new_db_url(work, "reference")
    started = time.monotonic()
    proc = _cli(work, "run", "--registry", reg, "--period", period, "--db", db, "--archive", work / "warc",
                "--out", work / "out")
    assert proc.wait(600) in (0, 1, 3), proc.stderr.read()
    return {"registry": reg, "period": period, "db": db, "out": work / "out", "seconds": time.monotonic() - started}


def _cli(cwd, *args):
    return subprocess.Popen([str(EXE), *map(str, args)], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True,
                            env={**os.environ, "XDG_DATA_HOME": str(Path(cwd) / "xdg")})


def _kill(proc) -> bool:
    """SIGKILL the command and its children; False when it had already finished (nothing injected)."""
    if proc.poll() is not None:
        return False
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    COUNTS["injected"] += 1
    return True


def _consistent_scores(db, period: Period, portals: int) -> None:
    engine = open_db(db)
    with sessions(engine)() as s:
        rows = s.scalars(select(PeriodScore).where(PeriodScore.period_from == period.start,
                                                   PeriodScore.period_to == period.end)).all()
        runs = s.scalars(select(CrawlRun)).all()
        assert all(r.finished_at is not None for r in runs if r.status == "done")
        if rows:  # all of the period or none of it: one transaction
            assert len(rows) == len({r.portal_id for r in rows}) == portals
            assert all(len(r.criteria) > 0 for r in rows)
        orphans = s.scalar(select(func.count()).select_from(CriterionResult)
                           .where(CriterionResult.period_score_id.not_in(select(PeriodScore.id))))
        assert orphans == 0
    engine.dispose()


def _one_generation(out: Path, portals: list[str]) -> dict:
    """Every file of the report folder belongs to the same results.json (a kill never leaves old and new mixed)."""
    doc = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert sorted(p["id"] for p in doc["portals"]) == sorted(portals)
    assert (out / "summary.csv").read_text(encoding="utf-8-sig") == summary_csv(doc)
    start = datetime.fromisoformat(doc["period"]["from"]).strftime("%d/%m/%Y")
    assert start in (out / "index.html").read_text(encoding="utf-8")
    for pid in portals:
        assert (out / "portals" / f"{pid}.html").is_file()
        assert start in (out / FORM_DIR / f"{pid}.html").read_text(encoding="utf-8")
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    assert all(pid in junit for pid in portals)
    assert (out / WORKBOOK).stat().st_size > 0
    return doc


def test_kill_during_crawl_then_resume(farm, reference, tmp_path, new_db_url):
    portals = [p.id for p in load_registry(reference["registry"])]
    ref_engine = open_db(reference["db"])
    expected_facts = _facts(ref_engine, 1)
    ref_engine.dispose()
    for i, threshold in enumerate((30_000, 250_000)):
        db, archive, out = new_db_url(tmp_path, f"crawl{i}"), tmp_path / f"warc{i}", tmp_path / f"out{i}"
        args = ("run", "--registry", reference["registry"], "--period", reference["period"], "--db", db,
                "--archive", archive, "--out", out)
        victim = _cli(tmp_path, *args)
        deadline = time.monotonic() + 300
        while victim.poll() is None and time.monotonic() < deadline:
            if sum(f.stat().st_size for f in archive.rglob("*.warc.gz")) >= threshold:
                break
            time.sleep(0.02)
        assert _kill(victim), "the crawl finished before it could be killed"
        engine = open_db(db)
        with sessions(engine)() as s:
            assert [r.status for r in s.scalars(select(CrawlRun))] == ["running"]  # never shown as final
            stored = s.scalar(select(func.count()).select_from(Fact))
        assert not (out / "results.json").exists()
        rerun = _cli(tmp_path, *args)
        assert rerun.wait(600) in (0, 1, 3), rerun.stderr.read()
        with sessions(engine)() as s:
            assert [(r.id, r.status) for r in s.scalars(select(CrawlRun))] == [(1, "done")]
        facts = _facts(engine, 1)
        engine.dispose()
        lost = len(set(expected_facts) - set(facts))
        COUNTS["lost"] += lost
        assert facts == expected_facts and stored <= len(facts)
        assert _verdicts(out / "results.json") == _verdicts(reference["out"] / "results.json")
        _one_generation(out, portals)
        COUNTS["recovered"] += 1


def test_kill_during_scoring_and_report_writing(farm, reference, tmp_path):
    """`score` into a folder holding last month's report, killed at spread-out moments: before, during and after
    the scores are stored, and while the report is written (the staging folder exists)."""
    _, _, today = farm
    portals = [p.id for p in load_registry(reference["registry"])]
    db, period = reference["db"], Period.month(reference["period"])
    earlier = f"{previous_month(period.start).start:%Y-%m}"
    out = tmp_path / "report"
    base = ("--registry", reference["registry"], "--db", db, "--run-id", "1", "--out", out)
    first = _cli(tmp_path, "score", "--period", earlier, *base)
    assert first.wait(300) in (0, 1, 3), first.stderr.read()
    old_doc = _one_generation(out, portals)
    started = time.monotonic()
    timing = _cli(tmp_path, "score", "--period", reference["period"], *base[:-1], tmp_path / "timing")
    assert timing.wait(300) in (0, 1, 3), timing.stderr.read()
    seconds = time.monotonic() - started
    moments = [seconds * k / 6 for k in (2, 3, 4, 5)] + ["staging", "staging+0.05", "staging+0.2"]
    for moment in moments:
        victim = _cli(tmp_path, "score", "--period", reference["period"], *base)
        t0 = time.monotonic()
        if isinstance(moment, float):
            while victim.poll() is None and time.monotonic() - t0 < moment:
                time.sleep(0.01)
        else:
            extra = float(moment.partition("+")[2] or 0)
            while victim.poll() is None and not list(tmp_path.glob(".report.new-*")):
                time.sleep(0.002)
            time.sleep(extra)
        if not _kill(victim):
            continue
        _consistent_scores(db, period, len(portals))
        doc = _one_generation(out, portals)
        assert doc["period"] in (old_doc["period"], {"from": period.start.isoformat(), "to": period.end.isoformat()})
        rerun = _cli(tmp_path, "score", "--period", reference["period"], *base)
        assert rerun.wait(300) in (0, 1, 3), rerun.stderr.read()
        _consistent_scores(db, period, len(portals))
        _one_generation(out, portals)
        assert _verdicts(out / "results.json") == _verdicts(reference["out"] / "results.json")
        assert not list(tmp_path.glob(".report.*")), "a killed run's staging folder was left behind"
        COUNTS["recovered"] += 1
        # Back to last month's report, so that the next kill again interrupts a replacement.
        again = _cli(tmp_path, "score", "--period", earlier, *base)
        assert again.wait(300) in (0, 1, 3), again.stderr.read()
    assert COUNTS["injected"] >= 5
