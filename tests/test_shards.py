"""A crawl on several cores (crawler/shards.py): hosts kept whole and shards balanced; a sharded run stores what a
one-process run stores, indexes every shard's WARC records, and a killed command leaves no shard running and
resumes."""
import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from audit.demo import FarmProcess, previous_month
from audit.errors import ConfigError
from audit.registry import Portal
from crawler import shards
from farm.server import max_in_flight

EXE = Path(sys.executable).with_name("portal-audit")
PORTALS = 24


def _portal(pid, url):
    return Portal(id=pid, name=pid, kind="xa", url=url, rubric="xa")


def test_split_keeps_hosts_whole_and_balances_by_previous_pages():
    portals = [_portal("so-a", "https://bacninh.gov.vn/so-a"), _portal("so-b", "https://bacninh.gov.vn/so-b"),
               _portal("big", "https://big.bacninh.gov.vn/"), _portal("x1", "https://x1.bacninh.gov.vn/"),
               _portal("x2", "https://x2.bacninh.gov.vn/"), _portal("x3", "https://x3.bacninh.gov.vn/")]
    weights = {"so-a": 10, "so-b": 10, "big": 50, "x1": 20, "x2": 20, "x3": 20}
    parts = shards.split(portals, 2, weights)
    ids = [sorted(p.id for p in part) for part in parts]
    assert sorted(sum(ids, [])) == sorted(p.id for p in portals)  # every portal once
    assert any({"so-a", "so-b"} <= set(i) for i in ids)  # the shared host stays in one shard
    loads = sorted(sum(weights[p] for p in i) for i in ids)
    assert loads == [60, 70]  # longest first onto the lighter shard: 50+20 / 20+20+20... never 100/30


def test_split_never_makes_more_shards_than_hosts():
    portals = [_portal("a", "https://bacninh.gov.vn/a"), _portal("b", "https://bacninh.gov.vn/b")]
    assert [len(p) for p in shards.split(portals, 4, {})] == [2]


@pytest.mark.parametrize("raw", ["0", "hai", "-1", "1.5"])
def test_a_bad_worker_count_is_refused(monkeypatch, raw):
    monkeypatch.setenv("PORTAL_AUDIT_WORKERS", raw)
    with pytest.raises(ConfigError, match="PORTAL_AUDIT_WORKERS"):
        shards.workers()


def test_a_bad_worker_count_is_exit_2_before_anything_is_written(tmp_path):
    registry = tmp_path / "registry.csv"
    registry.write_text("id,name,kind,url\nxa-a,Xã A,commune,http://127.0.0.1:9/\n", encoding="utf-8")
    db = tmp_path / "audit.db"
    proc = subprocess.run([str(EXE), "run", "--registry", str(registry), "--period", "2026-10", "--db",
                           f"sqlite:///{db}", "--out", str(tmp_path / "out")], capture_output=True, text=True,
                          env={**os.environ, "PORTAL_AUDIT_WORKERS": "0", "XDG_DATA_HOME": str(tmp_path)})
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "PORTAL_AUDIT_WORKERS" in proc.stderr
    assert not (tmp_path / "out").exists()
    if db.exists():
        import sqlite3
        assert sqlite3.connect(db).execute("select count(*) from crawl_run").fetchone() == (0,)


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    work = tmp_path_factory.mktemp("farm")
    now = datetime.now().replace(second=0, microsecond=0).isoformat()
    with FarmProcess(work, extra=["--now", now, "--no-faults", "--request-log", str(work / "requests.log")]) \
            as registry:
        lines = registry.read_text(encoding="utf-8").splitlines(keepends=True)
        subset = work / "subset.csv"
        subset.write_text("".join(lines[:PORTALS + 1]), encoding="utf-8")
        yield subset, previous_month(datetime.fromisoformat(now).date())


def _run(registry, period, work: Path, workers: int):
    return subprocess.Popen([str(EXE), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}",
                             "--db", f"sqlite:///{work}/audit.db", "--out", str(work / "out"), "--archive",
                             str(work / "warc")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PORTAL_AUDIT_WORKERS": str(workers),
                                 "XDG_DATA_HOME": str(work / "xdg")})


def _stored(work: Path):
    from storage.db import open_db, sessions
    from storage.models import ArchiveRecord, CrawlRun, Fact, Page
    engine = open_db(f"sqlite:///{work}/audit.db", migrate=False)
    with sessions(engine)() as s:
        run = s.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
        facts = Counter({(p, k): n for p, k, n in s.execute(
            select(Fact.portal_id, Fact.kind, func.count()).where(Fact.run_id == run.id)
            .group_by(Fact.portal_id, Fact.kind))})
        pages = Counter({p: n for p, n in s.execute(select(Page.portal_id, func.count()).group_by(Page.portal_id))})
        records = s.execute(select(ArchiveRecord.warc_file, func.count()).where(ArchiveRecord.run_id == run.id)
                            .group_by(ArchiveRecord.warc_file)).all()
        summary, archive_dir = run.summary, Path(run.archive_dir)
    engine.dispose()
    return facts, pages, dict(records), summary, archive_dir


def _scores(work: Path):
    doc = json.loads((work / "out" / "results.json").read_text(encoding="utf-8"))
    return {p["id"]: (p["status"], p["score"], [(c["code"], c["points"], c["state"]) for c in p["criteria"]])
            for p in doc["portals"]}


@pytest.fixture(scope="module")
def one_process(farm, tmp_path_factory):
    work = tmp_path_factory.mktemp("one")
    out, err = _run(*farm, work, 1).communicate(timeout=900)
    assert (work / "out" / "results.json").exists(), err
    return work


def test_two_shards_store_and_score_what_one_process_does(farm, one_process, tmp_path):
    log = farm[0].with_name("requests.log")
    start = len(log.read_text(encoding="utf-8").splitlines())
    out, err = _run(*farm, tmp_path, 2).communicate(timeout=900)
    assert (tmp_path / "out" / "results.json").exists(), err
    # The province's host holds most of the subset's portals: two shards, still one budget of 2 in flight for it.
    shared = urlsplit(next(csv.DictReader(farm[0].open(encoding="utf-8", newline="")))["url"]).hostname
    assert 1 <= max_in_flight(log.read_text(encoding="utf-8").splitlines()[start:]).get(shared, 0) <= 2
    facts1, pages1, records1, summary1, _ = _stored(one_process)
    facts2, pages2, records2, summary2, archive = _stored(tmp_path)
    print(f"\none process: {sum(records1.values())} records in {len(records1)} WARC file(s); two shards: "
          f"{sum(records2.values())} in {len(records2)}")
    assert len(records1) == 1 and len(records2) == 2  # one WARC file per shard process, each indexed
    assert sum(records2.values()) == summary2["archive"]["records"] == summary1["archive"]["records"]
    assert all((archive / f).is_file() for f in records2)
    assert facts2 == facts1 and pages2 == pages1
    assert summary2["requests"]["network"] == summary1["requests"]["network"]
    assert _scores(tmp_path) == _scores(one_process)


def _shard_pids() -> set[int]:
    out = set()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if b"crawler.shards" in (proc / "cmdline").read_bytes():
                    out.add(int(proc.name))
            except OSError:
                pass
    return out


def test_killing_the_command_stops_its_shards_and_the_next_run_resumes(farm, one_process, tmp_path):
    before = _shard_pids()
    victim = _run(*farm, tmp_path, 2)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(_shard_pids() - before) < 2:
        time.sleep(0.1)
    mine = _shard_pids() - before
    assert len(mine) == 2, "the shard processes never started"
    while time.monotonic() < deadline and sum(f.stat().st_size for f in (tmp_path / "warc").rglob("*.warc.gz")) < 500_000:
        time.sleep(0.05)  # mid-crawl: some pages archived, most not
    os.kill(victim.pid, signal.SIGKILL)  # the command only, not its process group
    victim.communicate()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and mine & _shard_pids():
        time.sleep(0.2)
    assert not mine & _shard_pids(), "a shard kept crawling after its command was killed"

    again = _run(*farm, tmp_path, 2)
    out, err = again.communicate(timeout=900)
    assert "Tiếp tục lượt thu thập" in out, out + err
    assert _scores(tmp_path) == _scores(one_process)
    facts1, pages1, *_ = _stored(one_process)
    facts2, pages2, *_ = _stored(tmp_path)
    assert facts2 == facts1 and pages2 == pages1


def test_a_terminal_sees_one_progress_line_for_all_shards(farm, tmp_path):
    import pty
    import re
    registry, period = farm
    master, slave = pty.openpty()
    proc = subprocess.Popen([str(EXE), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}",
                             "--db", f"sqlite:///{tmp_path}/audit.db", "--out", str(tmp_path / "out")],
                            stdout=subprocess.DEVNULL, stderr=slave,
                            env={**os.environ, "PORTAL_AUDIT_WORKERS": "2", "XDG_DATA_HOME": str(tmp_path)})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed with the command
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=600)
    os.close(master)
    text = b"".join(chunks).decode("utf-8", "replace")
    totals = {m.group(2) for m in re.finditer(r"thu thập: (\d+)/(\d+) cổng", text)}
    assert totals == {str(PORTALS)}, text[-2000:]  # the command's line only: no shard draws its own
    final = re.findall(r"thu thập: (\d+)/(\d+) cổng, (\d+) trang", text)[-1]
    assert final[0] == final[1] == str(PORTALS) and int(final[2]) > 0  # every portal done, pages counted
    assert text.count("\n", text.rfind("thu thập:")) >= 1  # the last line is finished, not overwritten
