"""Opening the database: URL resolution, connectivity check, migrations to head, sessions."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from audit.errors import ConfigError

ENV_VAR = "PORTAL_AUDIT_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_url() -> str:
    """`--db` wins, then $PORTAL_AUDIT_DB, then a SQLite file in the user's data directory."""
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "portal-audit"
    return f"sqlite:///{base / 'portal-audit.db'}"


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


BUSY_SECONDS = 60  # how long a statement waits for another process's write (workers, shards, a report) to end


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # crawler writes while reports read
    cur.close()


def open_db(url: str | None = None, migrate: bool = True, existing: bool = False) -> Engine:
    """Connect, fail with one line if the database cannot be reached or a SQLite file is damaged, and migrate to
    head. `existing`: a command that only reads what a crawl stored refuses a SQLite file that is not there
    rather than creating an empty one."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"--db '{url}': không phải URL SQLAlchemy hợp lệ (ví dụ sqlite:///audit.db)") from None
    sqlite_file = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
    if sqlite_file and existing and not Path(parsed.database).expanduser().is_file():
        raise ConfigError(f"--db {_safe(url)}: chưa có cơ sở dữ liệu này (chưa có lượt thu thập nào được lưu)")
    if sqlite_file:
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"--db {_safe(url)}: không tạo được thư mục {folder} ({exc.strerror})") from None
    try:
        # The busy timeout is given to sqlite3.connect, not set by a PRAGMA after it: the journal_mode PRAGMA is the
        # first statement and needs the file's lock, which another worker's write may hold for longer than the
        # driver's default of 5 s (a distributed crawl failed on it with "database is locked").
        engine = create_engine(url, pool_pre_ping=True,
                               connect_args={"timeout": BUSY_SECONDS} if parsed.get_backend_name() == "sqlite" else {})
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise ConfigError(f"--db {_safe(url)}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
            if sqlite_file and migrate:
                # A damaged page would otherwise surface as a traceback in the middle of a crawl or a report.
                # quick_check reads every page once (about a second per GB) and stops at the first problem.
                verdict = conn.execute(text("PRAGMA quick_check(1)")).scalar()
                if verdict != "ok":
                    raise ConfigError(f"--db {_safe(url)}: tệp SQLite bị hỏng ({verdict}); hãy khôi phục từ bản "
                                      f"sao lưu (dữ liệu chưa bị ghi thêm)")
    except (OperationalError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(getattr(exc, "orig", exc)).strip() else exc.__class__.__name__
        if "malformed" in reason or "not a database" in reason:
            reason = f"tệp SQLite bị hỏng ({reason})"
        raise ConfigError(f"không kết nối được cơ sở dữ liệu {_safe(url)}: {reason}") from None
    if migrate:
        upgrade(engine)
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


MIGRATE_KEY = 0x6D696772  # "migr": PostgreSQL advisory lock held while migrating


@contextmanager
def _migrating(engine: Engine):
    """Processes opening one database at once (the workers of a distributed crawl) migrate it one after the other:
    a transaction-scoped advisory lock on PostgreSQL, an flock beside the file on SQLite (its DDL is not rolled
    back with the transaction, so a second process would create tables that already exist)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
        yield
        return
    import fcntl
    path = Path(database).expanduser().resolve().with_name(Path(database).name + ".migrate.lock")
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine)
    with _migrating(engine), engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("select pg_advisory_xact_lock(:k)"), {"k": MIGRATE_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
