"""Scale and operations (issue 8) on the database under test: the evidence archive (WARC files, links from pages
and findings, retention), replay from the archive with the farm shut down, the run lock, and resuming a crawl
killed with SIGKILL. Real farm, real Scrapy, real CLI in subprocesses."""
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator

from audit.demo import previous_month
from audit.registry import load_registry
from conftest import comparable_results, running_farm, write_registry
from crawler.archive import read_record
from storage.db import open_db, sessions
from storage.lock import RunLock
from storage.models import ArchiveRecord, CrawlRun, Fact, Finding, Page, PortalCrawl

EXE = Path(sys.executable).with_name("portal-audit")


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    yield from running_farm(tmp_path_factory)


def _subset(registry: Path, out: Path, n: int = 4) -> Path:
    """The first `n` farm portals (so-tu-phap serves a listing over the size limit) plus the one the farm keeps down
    and the hostile one: every kind of outcome, in seconds."""
    portals = load_registry(registry)
    chosen = portals[:n] + [p for p in portals[n:] if p.id in ("xa-tan-dinh", "phuong-tu-son")]
    return write_registry(out, chosen)


def test_replay_from_archive_without_network_gives_the_same_results(farm, cli, tmp_path, db_url):
    proc, registry, now = farm
    reg = _subset(registry, tmp_path / "subset.csv")
    period = previous_month(datetime.fromisoformat(now).date())
    archive = tmp_path / "warc"
    code, out, err = cli("run", "--registry", reg, "--period", f"{period.start:%Y-%m}", "--db", db_url,
                         "--out", tmp_path / "first", "--archive", archive)
    assert code in (0, 1, 3), err
    assert "Lượt thu thập 1:" in out and "kho lưu trữ:" in out
    # The archive: request and response records with their target URI and date, every failure named.
    files = sorted(archive.rglob("*.warc.gz"))
    assert files
    kinds, uris = {}, set()
    for f in files:
        with open(f, "rb") as fh:
            for rec in ArchiveIterator(fh):
                kinds[rec.rec_type] = kinds.get(rec.rec_type, 0) + 1
                if rec.rec_type in ("request", "response"):
                    assert rec.rec_headers.get_header("WARC-Target-URI").startswith("http")
                    assert rec.rec_headers.get_header("WARC-Date")
                    uris.add(rec.rec_headers.get_header("WARC-Target-URI"))
    assert kinds["response"] == kinds["request"] > 50 and kinds.get("metadata", 0) >= 1  # the portal that is down
    engine = open_db(db_url)
    with sessions(engine)() as s:
        run = s.get(CrawlRun, 1)
        assert run.status == "done" and Path(run.archive_dir) == archive.resolve()
        assert run.summary["archive"]["records"] == kinds["response"] + kinds["metadata"]
        # Every fetched page links to its archived copy, and the copy is that page.
        pages = s.scalars(select(Page).where(Page.fetched_at.is_not(None))).all()
        assert pages and all(p.warc_file for p in pages)
        page = next(p for p in pages if p.kind == "home" and p.http_status == 200)
        headers, http, body = read_record(archive, page.warc_file, page.warc_offset)
        assert headers.get_header("WARC-Target-URI") == page.url and http.get_statuscode() == "200" and body
        linked = s.scalars(select(Finding).where(Finding.warc_file.is_not(None))).all()
        assert linked, "findings link to the archived evidence"
        assert read_record(archive, linked[0].warc_file, linked[0].warc_offset)[0].get_header(
            "WARC-Target-URI") == linked[0].url
    engine.dispose()
    # The farm goes away: the replay has no network to fall back on.
    proc.__exit__(None, None, None)
    try:
        code2, out2, err2 = cli("replay", "--run", "1", "--registry", reg, "--db", db_url, "--out", tmp_path / "again")
    finally:
        proc.__enter__()  # the module's other tests still need the farm (same registry file, new port)
    assert code2 == code, err2
    assert "Lượt thu thập 2:" in out2 and "phát lại từ lượt 1" in out2
    assert comparable_results(tmp_path / "again" / "results.json") == comparable_results(tmp_path / "first" / "results.json")
    engine = open_db(db_url)
    with sessions(engine)() as s:
        assert s.get(CrawlRun, 2).replay_of == 1
        # The replay wrote no WARC of its own: its index points at the original's records.
        assert {r.warc_file for r in s.scalars(select(ArchiveRecord).where(ArchiveRecord.run_id == 2))} <= \
            {str(f.relative_to(archive)) for f in files}
    engine.dispose()
    assert sorted(archive.rglob("*.warc.gz")) == files


def test_replay_errors_are_one_line(cli, tmp_path, db_url):
    reg = tmp_path / "reg.csv"
    reg.write_text("id,name,kind,url\nso-a,Sở A,department,http://127.0.0.1:9/web/so-a\n", encoding="utf-8")
    open_db(db_url).dispose()  # a database without that run (one that does not exist is refused as such)
    code, out, err = cli("replay", "--run", "7", "--period", "2026-10", "--registry", reg, "--db", db_url,
                         "--out", tmp_path / "r")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--run 7" in err
    assert not (tmp_path / "r").exists()
    code, out, err = cli("replay", "--run", "7", "--registry", reg, "--db", db_url)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--period" in err
    code, out, err = cli("archive", "--prune", "--keep-days", "-3", "--db", db_url)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--keep-days" in err


def test_second_run_is_refused_while_one_holds_the_lock(cli, tmp_path, db_url):
    reg = tmp_path / "reg.csv"
    reg.write_text("id,name,kind,url\nso-a,Sở A,department,http://127.0.0.1:9/web/so-a\n", encoding="utf-8")
    engine = open_db(db_url)
    with RunLock(engine):
        code, out, err = cli("run", "--registry", reg, "--period", "2026-10", "--db", db_url, "--out", tmp_path / "r")
        assert code == 4, err
        assert len(err.strip().splitlines()) == 1 and "một lượt thu thập khác đang chạy" in err
        assert not (tmp_path / "r").exists()
        with sessions(engine)() as s:
            assert s.scalar(select(func.count()).select_from(CrawlRun)) == 0  # nothing written
    # Released: the next run goes ahead (the portal is unreachable, so exit 3).
    code, out, err = cli("run", "--registry", reg, "--period", "2026-10", "--db", db_url, "--out", tmp_path / "r")
    assert code == 3, err
    assert "Lượt thu thập 1: 1 cổng (0 truy cập được, 1 không)" in out
    engine.dispose()


def _verdicts(path: Path) -> list:
    doc = comparable_results(path)
    return [(p["id"], p["status"], p["score"], p["crawl"], [(c["code"], c["points"], c["state"]) for c in p["criteria"]])
            for p in doc["portals"]]


def _facts(engine, run_id):
    """Every fact of the run, in a canonical order: the article sample and the search probe included, since the
    spider chooses them from what it read, whatever order the responses arrived in."""
    with sessions(engine)() as s:
        rows = s.execute(select(Fact.portal_id, Fact.kind, Fact.page_url, Fact.data).where(Fact.run_id == run_id)).all()
    return sorted(json.dumps([r[0], r[1], r[2], r[3]], sort_keys=True, ensure_ascii=False) for r in rows)


def test_crawl_killed_with_sigkill_is_resumed_without_loss_or_duplicates(farm, cli, tmp_path, new_db_url):
    proc, registry, now = farm
    reg = _subset(registry, tmp_path / "subset.csv", n=6)
    period = f"{previous_month(datetime.fromisoformat(now).date()).start:%Y-%m}"
    db, clean_db = new_db_url(tmp_path, "killed"), new_db_url(tmp_path, "clean")
    archive = tmp_path / "warc"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}

    def start(db_url, name):
        return subprocess.Popen([str(EXE), "run", "--registry", str(reg), "--period", period, "--db", db_url,
                                 "--archive", str(tmp_path / f"warc-{name}" if name == "clean" else archive),
                                 "--out", str(tmp_path / name)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, start_new_session=True, text=True)
    # An uninterrupted crawl of the same portals (another database), side by side with the one we kill.
    clean = start(clean_db, "clean")
    victim = start(db, "killed")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and victim.poll() is None:
        if sum(f.stat().st_size for f in archive.rglob("*.warc.gz")) > 250_000:
            break
        time.sleep(0.02)
    assert victim.poll() is None, "the crawl finished before it could be killed: give it more portals"
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait()
    engine = open_db(db)
    with sessions(engine)() as s:
        assert s.get(CrawlRun, 1).status == "running"
        stored_before = s.scalar(select(func.count()).select_from(Fact))
    # A half-finished run is never scored.
    code, out, err = cli("score", "--registry", reg, "--period", period, "--db", db, "--run-id", "1",
                         "--out", tmp_path / "no")
    assert code == 2 and "chưa hoàn tất" in err and not (tmp_path / "no").exists()
    killed_files = {str(f.relative_to(archive)) for f in archive.rglob("*.warc.gz")}
    # The next run continues the interrupted one.
    code, out, err = cli("run", "--registry", reg, "--period", period, "--db", db, "--archive", archive,
                         "--out", tmp_path / "resumed")
    assert code in (0, 1, 3), err
    assert "Tiếp tục lượt thu thập 1 bị gián đoạn" in out and "đã tiếp tục sau gián đoạn" in out
    with sessions(engine)() as s:
        runs = s.scalars(select(CrawlRun)).all()
        assert [(r.id, r.status) for r in runs] == [(1, "done")] and runs[0].summary["resumed"] == 1
        records = s.scalars(select(ArchiveRecord).where(ArchiveRecord.run_id == 1)).all()
        files = sorted({r.warc_file for r in records})
        # The killed crawl's responses were answered from its WARC files (one per crawl process), the rest fetched
        # and written anew into new files.
        old = [r for r in records if r.warc_file in killed_files]
        assert killed_files and set(files) - killed_files and len(old) > 10 and len(records) - len(old) > 10
        assert len({(r.method, r.url, r.warc_file, r.warc_offset) for r in records}) == len(records)
        assert s.scalar(select(func.count()).select_from(PortalCrawl).where(PortalCrawl.run_id == 1)) == \
            len(load_registry(reg))
    assert stored_before > 0
    assert clean.wait(300) in (0, 1, 3), clean.stderr.read()
    clean_engine = open_db(clean_db)
    # The same data as the uninterrupted crawl: no fact lost, none stored twice, the same verdicts (the evidence of
    # the sampled criteria names the pages each crawl happened to sample, see _facts).
    assert _facts(engine, 1) == _facts(clean_engine, 1)
    assert _verdicts(tmp_path / "resumed" / "results.json") == _verdicts(tmp_path / "clean" / "results.json")
    engine.dispose()
    clean_engine.dispose()


def test_prune_keeps_recent_runs_and_files_a_kept_replay_uses(cli, tmp_path, db_url):
    from storage.archive import prune
    engine = open_db(db_url)
    root = tmp_path / "warc"
    now = datetime(2026, 11, 20, 2, 0)
    made = {}
    with sessions(engine).begin() as s:
        for rid, days_ago, replay_of in ((1, 200, None), (2, 100, None), (3, 10, None), (4, 5, 2)):
            started = now - timedelta(days=days_ago)
            s.add(CrawlRun(id=rid, started_at=started, finished_at=started, status="done", lookback_from=started.date(),
                           summary={}, archive_dir=str(root), replay_of=replay_of))
            s.flush()
            source = replay_of or rid
            rel = f"run-{source}-{(now - timedelta(days={1: 200, 2: 100, 3: 10}[source])):%Y%m%dT%H%M%S}/x.warc.gz"
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(b"x" * 100)
            made[rid] = rel
            s.add(ArchiveRecord(run_id=rid, url="http://a/", method="GET", kind="response", http_status=200,
                                fetch_status="ok", warc_file=rel, warc_offset=0, warc_length=100, fetched_at=started))
    done = prune(engine, keep_days=30, now=now)
    # Runs 1 and 2 are older than 30 days, but run 4 (kept) replays run 2: run 2's file stays.
    assert done == {"runs": 2, "files": 1, "bytes": 100}
    assert not (root / made[1]).exists() and (root / made[2]).exists() and (root / made[3]).exists()
    with sessions(engine)() as s:
        assert s.get(CrawlRun, 1).archive_dir is None and s.get(CrawlRun, 4).archive_dir == str(root)
        assert s.scalar(select(func.count()).select_from(ArchiveRecord).where(ArchiveRecord.run_id.in_([1, 2]))) == 0
    code, out, err = cli("archive", "--prune", "--keep-runs", "1", "--db", db_url)
    assert code == 0 and "đã xóa" in out, err
    assert not (root / made[3]).exists() and (root / made[2]).exists()  # run 4 (newest) still uses run 2's file
    engine.dispose()
