"""One crawl at a time per database: `run`, `nightly` and `replay` hold this lock from before the crawl until the
results are stored.

PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) on a connection kept open for the whole run; the server
releases it when the process dies, even under kill -9. SQLite: an exclusive `flock` on `<database>.lock` beside the
database file (released by the kernel when the process dies); the file names the holder's PID and start time.
"""
from __future__ import annotations

import fcntl
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from audit.errors import ConfigError

ADVISORY_KEY = 0x706F7274  # "port": portal-audit's crawl lock


class LockedError(ConfigError):
    """Another run holds the lock (exit code 4)."""


class RunLock:
    """`shared=True`: a worker of a distributed crawl (crawler/distributed.py). Workers share the lock with one
    another, so several crawl the same run, while an embedded run still excludes them and they exclude it."""

    def __init__(self, engine: Engine, shared: bool = False):
        self.engine = engine
        self.shared = shared
        self.conn = None
        self.fh = None

    def __enter__(self):
        if self.engine.dialect.name == "postgresql":
            self.conn = self.engine.connect()
            fn = "pg_try_advisory_lock_shared" if self.shared else "pg_try_advisory_lock"
            got = self.conn.execute(text(f"select {fn}(:k)"), {"k": ADVISORY_KEY}).scalar()
            self.conn.commit()
            if not got:
                holder = self.conn.execute(text(
                    "select a.pid, a.backend_start from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                    "where l.locktype = 'advisory' and l.objid = :k and l.granted limit 1"),
                    {"k": ADVISORY_KEY}).first()
                self.conn.close()
                self.conn = None
                since = f", từ {holder[1]:%d/%m/%Y %H:%M}" if holder and holder[1] else ""
                raise LockedError("một lượt thu thập khác đang chạy trên cơ sở dữ liệu này (khóa PostgreSQL"
                                  f"{since}); lượt này không chạy — thử lại khi lượt kia xong")
            return self
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
            return self  # in-memory SQLite: a single process by definition
        path = Path(database).expanduser().resolve().with_name(Path(database).name + ".lock")
        self.fh = open(path, "a+")
        try:
            fcntl.flock(self.fh, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            holder = self.fh.read().strip()
            self.fh.close()
            self.fh = None
            raise LockedError(f"một lượt thu thập khác đang chạy trên cơ sở dữ liệu này ({holder or 'các tiến trình thu thập phân tán'}, "
                              f"khóa {path}); lượt này không chạy — thử lại khi lượt kia xong") from None
        if self.shared:  # several holders: the file cannot name one
            return self
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"PID {os.getpid()}, bắt đầu {datetime.now():%d/%m/%Y %H:%M}")
        self.fh.flush()
        return self

    def __exit__(self, *exc):
        if self.conn is not None:
            try:
                fn = "pg_advisory_unlock_shared" if self.shared else "pg_advisory_unlock"
                self.conn.execute(text(f"select {fn}(:k)"), {"k": ADVISORY_KEY})
                self.conn.commit()
            finally:
                self.conn.close()
                self.conn = None
        if self.fh is not None:
            if not self.shared:
                self.fh.seek(0)
                self.fh.truncate()
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None
        return False
