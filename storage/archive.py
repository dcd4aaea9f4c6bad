"""The evidence archive on the database side: where the archive lives, the per-run index (`archive_record`), the
links from pages and findings to archived copies, and retention (pruning old runs' WARC files).

The WARC files themselves are written and read by crawler/archive.py. They are the source of truth; the index is
derived from them and rebuilt when a run is resumed.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine

from audit.errors import ConfigError
from storage.models import ArchiveRecord, CrawlRun, Finding, Page

ENV_DIR = "PORTAL_AUDIT_ARCHIVE"
ENV_KEEP_DAYS = "PORTAL_AUDIT_ARCHIVE_KEEP_DAYS"
ENV_KEEP_RUNS = "PORTAL_AUDIT_ARCHIVE_KEEP_RUNS"
DEFAULT_KEEP_DAYS = 90


def archive_root(engine: Engine, explicit: str | None = None) -> Path:
    """`--archive DIR`, then $PORTAL_AUDIT_ARCHIVE, then `warc/` beside a SQLite database file, then
    ~/.local/share/portal-audit/warc/."""
    value = explicit or os.environ.get(ENV_DIR)
    if value:
        root = Path(value).expanduser()
    else:
        url = engine.url
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            root = Path(url.database).expanduser().resolve().parent / "warc"
        else:
            base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "portal-audit"
            root = base / "warc"
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"--archive {root}: không tạo được thư mục kho lưu trữ ({exc.strerror})") from None
    if not os.access(root, os.W_OK):
        raise ConfigError(f"--archive {root}: không ghi được vào thư mục kho lưu trữ")
    return root.resolve()


def store_index(db_url: str, run_id: int, entries) -> None:
    """Index `entries` (crawler.archive.Entry) under the run, in one transaction, replacing what was indexed for
    the same WARC files: distributed workers each index their own files."""
    from storage.db import open_db, sessions
    engine = open_db(db_url, migrate=False)
    files = sorted({e.warc_file for e in entries})
    try:
        with sessions(engine).begin() as s:
            s.execute(delete(ArchiveRecord).where(ArchiveRecord.run_id == run_id, ArchiveRecord.warc_file.in_(files)))
            rows = [{"run_id": run_id, "portal_id": e.portal, "url": e.url, "method": e.method, "kind": e.kind,
                     "http_status": e.http_status, "fetch_status": e.fetch_status, "warc_file": e.warc_file,
                     "warc_offset": e.warc_offset, "warc_length": e.warc_length, "fetched_at": e.fetched_at}
                    for e in entries]
            for i in range(0, len(rows), 1000):
                s.execute(insert(ArchiveRecord), rows[i:i + 1000])
    finally:
        engine.dispose()


def latest_copies(session, run_id: int) -> dict[str, tuple[str, int]]:
    """url → (WARC file, offset) of the last archived response of that URL in the run."""
    rows = session.execute(select(ArchiveRecord.url, ArchiveRecord.warc_file, ArchiveRecord.warc_offset)
                           .where(ArchiveRecord.run_id == run_id, ArchiveRecord.kind == "response")
                           .order_by(ArchiveRecord.id)).all()
    return {url: (f, o) for url, f, o in rows}


def link_pages(session, run_id: int) -> int:
    """Point every page this run fetched at its archived copy."""
    copies = latest_copies(session, run_id)
    pages = session.execute(select(Page.id, Page.url).where(Page.last_run_id == run_id,
                                                            Page.fetched_at.is_not(None))).all()
    params = [{"pid": pid, "f": copies[url][0], "o": copies[url][1]} for pid, url in pages if url in copies]
    if params:
        session.connection().execute(
            update(Page).where(Page.id == _bind("pid")).values(warc_file=_bind("f"), warc_offset=_bind("o")),
            params)
    return len(params)


def _bind(name):
    from sqlalchemy import bindparam
    return bindparam(name)


def run_files(session, run_id: int) -> list[str]:
    """The WARC files a run's index points at, in first-use order."""
    rows = session.execute(select(ArchiveRecord.warc_file, func.min(ArchiveRecord.id))
                           .where(ArchiveRecord.run_id == run_id).group_by(ArchiveRecord.warc_file)).all()
    return [f for f, _ in sorted(rows, key=lambda r: r[1])]


def folder_files(root: Path, run) -> list[str]:
    """The WARC files in a run's folder (what a resumed run re-reads, whatever its index says)."""
    from crawler.archive import run_folder
    name = run_folder(run.id, run.started_at)
    folder = Path(root) / name
    return sorted(f"{name}/{p.name}" for p in folder.glob("*.warc.gz")) if folder.is_dir() else []


def prune(engine: Engine, keep_days: int | None = None, keep_runs: int | None = None,
          now: datetime | None = None) -> dict:
    """Delete the WARC files of runs older than `keep_days` and beyond the newest `keep_runs` archived runs (both
    limits apply when both are given). A file still used by a kept run (a replay points at its original's files)
    stays. The index rows of pruned runs go; pages and findings that pointed at a deleted file lose the link."""
    from storage.db import sessions
    now = now or datetime.now()
    with sessions(engine).begin() as s:
        runs = s.execute(select(CrawlRun.id, CrawlRun.started_at, CrawlRun.archive_dir, CrawlRun.status)
                         .where(CrawlRun.archive_dir.is_not(None)).order_by(CrawlRun.id.desc())).all()
        by_id = {r[0]: r for r in runs}
        pruned = []
        for i, (rid, started, root, status) in enumerate(runs):
            if status == "running":
                continue  # possibly being resumed: never pruned
            too_old = keep_days is not None and started < now - timedelta(days=keep_days)
            too_many = keep_runs is not None and i >= keep_runs
            if too_old or too_many:
                pruned.append((rid, root))
        pruned_ids = {rid for rid, _ in pruned}
        kept_files = {(root, f) for rid, _, root, _ in runs if rid not in pruned_ids for f in run_files(s, rid)}
        kept_files |= {(root, f) for rid, _, root, st in runs if st == "running"
                       for f in folder_files(Path(root), _Run(rid, by_id[rid][1]))}
        deleted, freed = [], 0
        for rid, root in pruned:
            candidates = set(run_files(s, rid)) | set(folder_files(Path(root), _Run(rid, by_id[rid][1])))
            for f in sorted(candidates):
                if (root, f) in kept_files:
                    continue
                path = Path(root) / f
                if path.exists():
                    freed += path.stat().st_size
                    path.unlink()
                deleted.append(f)
            for folder in {(Path(root) / f).parent for f in candidates}:
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
            s.execute(delete(ArchiveRecord).where(ArchiveRecord.run_id == rid))
            s.execute(update(CrawlRun).where(CrawlRun.id == rid).values(archive_dir=None))
        if deleted:
            for model in (Page, Finding):
                s.execute(update(model).where(model.warc_file.in_(deleted)).values(warc_file=None, warc_offset=None))
    return {"runs": len(pruned), "files": len(deleted), "bytes": freed}


class _Run:
    def __init__(self, id, started_at):
        self.id, self.started_at = id, started_at


def retention_from_env() -> tuple[int | None, int | None]:
    """The retention policy of `nightly`: $PORTAL_AUDIT_ARCHIVE_KEEP_DAYS (default 90) and
    $PORTAL_AUDIT_ARCHIVE_KEEP_RUNS (default: no limit)."""
    def number(name, default):
        raw = os.environ.get(name, "").strip()
        if not raw:
            return default
        if not raw.isdigit():
            raise ConfigError(f"${name}={raw!r}: cần một số nguyên không âm")
        return int(raw)
    return number(ENV_KEEP_DAYS, DEFAULT_KEEP_DAYS), number(ENV_KEEP_RUNS, None)
