"""A crawl on several cores: the run's portals split by host into shards, one Scrapy process per shard, all writing
facts under the same run.

Scrapy runs on one core, and a night over the farm spends its time understanding pages and storing facts, not
waiting for servers (a profiled full-farm crawl used 27 s of CPU in 28 s): a second process nearly doubles what one
machine crawls. Hosts are never split, so the per-host politeness limit and each portal's state stay in one process, as in
the Redis-coordinated crawl (crawler/distributed.py), which this needs no server for. Shards are balanced by the
pages each portal had in its previous run (longest first onto the least loaded shard).

A shard process dies with the command that started it (PR_SET_PDEATHSIG, checked again against the parent's pid):
a killed run leaves nothing writing, and the next `run` resumes it like a single-process one.

The shards' job files hold the database URL, password included: they are written 0600 in a 0700 folder named after
the command's pid (`portal-audit-shards-<pid>-…`), and a folder left behind by a command killed with SIGKILL is
removed by the next sharded run of the same user once that pid is gone.

PORTAL_AUDIT_WORKERS: processes per crawl (default: the machine's cores, at most 4; 1 crawls in this process).
"""
from __future__ import annotations

import ctypes
import json
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audit.errors import ConfigError

MAX_DEFAULT_WORKERS = 4
PR_SET_PDEATHSIG = 1
PREFIX = "portal-audit-shards-"
_FOLDER = re.compile(re.escape(PREFIX) + r"(\d+)-")


def write_private(path, data: bytes) -> None:
    """Write a file only its owner can read, whatever the umask (created 0600, never widened)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def remove_stale(root: str | None = None) -> list[Path]:
    """Remove this user's shard folders whose command is gone (killed before it could clean up); returns them.
    A folder whose pid is alive, another user's, or not named by a pid is left alone."""
    removed = []
    base = Path(root or tempfile.gettempdir())
    try:
        candidates = list(base.glob(PREFIX + "*"))
    except OSError:
        return removed
    for folder in candidates:
        m = _FOLDER.match(folder.name)
        try:
            info = folder.lstat()
        except OSError:
            continue
        if not m or not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid():
            continue
        pid = int(m.group(1))
        if pid == os.getpid() or _alive(pid):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def workers() -> int:
    raw = os.environ.get("PORTAL_AUDIT_WORKERS", "").strip()
    if not raw:
        return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"PORTAL_AUDIT_WORKERS={raw!r}: cần số tiến trình thu thập nguyên, ít nhất 1")
    return int(raw)


def split(portals, n: int, weights: dict[str, float]) -> list[list]:
    """At most `n` shards of whole hosts, balanced by weight (a portal without history weighs the median)."""
    from crawler.distributed import host_groups
    by_id = {p.id: p for p in portals}
    known = sorted(weights.values())
    default = known[len(known) // 2] if known else 1.0
    groups = sorted(host_groups(portals), key=lambda g: (-sum(weights.get(pid, default) for pid in g), g[0]))
    shards: list[tuple[float, int, list]] = [(0.0, i, []) for i in range(min(n, len(groups)))]
    for g in groups:
        load, i, members = min(shards)
        members.extend(by_id[pid] for pid in g)
        shards[i] = (load + sum(weights.get(pid, default) for pid in g), i, members)
    return [members for _, _, members in shards if members]


def run(job: dict, shards: list[list], progress: bool) -> dict[str, int]:
    """Crawl each shard in its own process; returns the summed crawl stats. A failed shard raises (the run stays
    `running` and the next `run` resumes it)."""
    remove_stale()
    with tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-") as tmp:
        procs, show = [], None
        try:  # whatever stops the command (Ctrl+C included) stops the shards started so far before their files go
            # Ctrl+C is for the command, which stops its shards itself: the terminal sends SIGINT to the whole
            # process group, and a shard still starting would print a traceback. Blocked while the shards are
            # spawned, so none is missed by the list and each inherits the blocked signal for its life (Python and
            # Scrapy never unblock it); the command receives a pending one when the loop is done.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            for i, portals in enumerate(shards):
                payload = Path(tmp) / f"shard-{i}.pickle"
                known = {p.id: job["known"][p.id] for p in portals if p.id in job["known"]}
                write_private(payload, pickle.dumps({**job, "portals": portals, "known": known,
                                                     "parent": os.getpid(),
                                                     "result": str(Path(tmp) / f"shard-{i}.json"),
                                                     "index_out": str(Path(tmp) / f"shard-{i}.index")}))
                procs.append(subprocess.Popen([sys.executable, "-m", "crawler.shards", str(payload)]))
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            show = _Progress(job, sum(len(s) for s in shards)) if progress or sys.stderr.isatty() else None
            while any(p.poll() is None for p in procs):
                time.sleep(0.5)
                if show:
                    show.tick()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            for p in procs:
                if p.poll() is None:
                    p.kill()
                    p.wait()
            if show:
                show.tick(final=True)
        failed = [(i, p.returncode) for i, p in enumerate(procs) if p.returncode != 0]
        if failed:
            raise RuntimeError(f"tiến trình thu thập {failed[0][0] + 1}/{len(procs)} kết thúc với mã {failed[0][1]}; "
                               f"lượt {job['run_id']} sẽ được tiếp tục ở lần chạy sau")
        totals: dict[str, int] = {}
        entries = []
        for i in range(len(procs)):
            for k, v in json.loads((Path(tmp) / f"shard-{i}.json").read_text()).items():
                totals[k] = totals.get(k, 0) + v
            entries += pickle.loads((Path(tmp) / f"shard-{i}.index").read_bytes())
        from storage.archive import store_index
        store_index(job["db"], job["run_id"], entries)
        return totals


class _Progress:
    """The live line of crawler/progress.py, read from the database the shards write to."""

    def __init__(self, job: dict, total: int):
        from storage.db import open_db
        self.engine, self.run_id, self.total = open_db(job["db"], migrate=False), job["run_id"], total
        self.started = self.last = time.monotonic()

    def tick(self, final: bool = False):
        if not final and time.monotonic() - self.last < 2.0:
            return
        self.last = time.monotonic()
        from sqlalchemy import func, select

        from storage.models import Page, PortalCrawl
        with self.engine.connect() as conn:
            statuses = [s for (s,) in conn.execute(select(PortalCrawl.status)
                                                   .where(PortalCrawl.run_id == self.run_id))]
            pages = conn.scalar(select(func.count()).select_from(Page).where(Page.last_run_id == self.run_id,
                                                                            Page.fetched_at.is_not(None)))
        done = sum(s != "not_crawled" for s in statuses)
        errors = sum(s not in ("ok", "not_crawled") for s in statuses)
        from crawler.progress import show_line
        show_line(done, self.total, pages, errors, self.started, final)
        if final:
            self.engine.dispose()


def _die_with_parent(parent: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the check below still catches a parent that is already gone
        pass
    if os.getppid() != parent:
        os._exit(1)


def main(path: str) -> int:
    job = pickle.loads(Path(path).read_bytes())
    _die_with_parent(job["parent"])
    from crawler.runner import crawl_here
    stats = crawl_here(job, job["portals"], progress=False, shard=True)
    write_private(job["result"], json.dumps(stats).encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
