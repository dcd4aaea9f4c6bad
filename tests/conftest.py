import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# --- the database under test: one switch for the whole suite ---
# PORTAL_AUDIT_TEST_DB unset or "sqlite": a SQLite file per test. "postgresql": a throwaway PostgreSQL cluster on
# loopback (tests/services.py), one fresh database per test. A URL "postgresql+psycopg://user@host:port/db": that
# server (the user must be allowed to create databases), still one fresh database per test. `./dev test` runs the
# whole suite on SQLite, then every test that uses these fixtures (marker `db`) again on PostgreSQL.
TEST_DB_ENV = "PORTAL_AUDIT_TEST_DB"
DB_FIXTURES = {"db_url", "new_db_url"}

# Crawls in the suite read listings from the period start, unless a test asks for a look-back (tests/
# test_incremental_farm.py reads 12 months, test_lookback.py checks the 13-month default): the product default
# (rules/incremental.yaml) would make every farm crawl of the suite about 2.5 times longer.
os.environ.setdefault("PORTAL_AUDIT_LOOKBACK_MONTHS", "0")


def pytest_configure(config):
    config.addinivalue_line("markers", "db: touches the database; `./dev test` runs it on SQLite and PostgreSQL")
    config.addinivalue_line("markers", "redis: needs a real redis-server (tests/services.py starts one)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


def pytest_report_header(config):
    return f"database under test: {test_backend()} ({TEST_DB_ENV}={os.environ.get(TEST_DB_ENV, '')!r})"


def test_backend() -> str:
    value = os.environ.get(TEST_DB_ENV, "").strip() or "sqlite"
    return "sqlite" if value == "sqlite" else "postgresql"


test_backend.__test__ = False  # not a test, despite its name


class _Databases:
    """Hands out isolated databases: SQLite files, or fresh PostgreSQL databases on one server."""

    def __init__(self):
        self.backend = test_backend()
        self.cluster = None
        self.admin_url = None
        self.count = 0
        if self.backend == "postgresql":
            value = os.environ[TEST_DB_ENV].strip()
            if value == "postgresql":
                from services import PostgresCluster
                self.cluster = PostgresCluster().start()
                self.admin_url = self.cluster.admin_url
            else:
                self.admin_url = value

    def _admin(self):
        import psycopg
        from sqlalchemy.engine import make_url
        u = make_url(self.admin_url)
        return psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, password=u.password,
                               dbname=u.database or "postgres", autocommit=True)

    def new(self, folder: Path, name: str = "audit") -> str:
        if self.backend == "sqlite":
            return f"sqlite:///{folder}/{name}.db"
        from sqlalchemy.engine import make_url
        self.count += 1
        dbname = f"pa_{os.getpid()}_{self.count}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{dbname}" TEMPLATE template0 ENCODING \'UTF8\'')
        return make_url(self.admin_url).set(database=dbname).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        if self.backend == "sqlite":
            return
        from sqlalchemy.engine import make_url
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def close(self):
        if self.cluster:
            self.cluster.stop()


@pytest.fixture(scope="session")
def databases():
    dbs = _Databases()
    yield dbs
    dbs.close()


@pytest.fixture(scope="session")
def new_db_url(databases):
    """A factory for module- or session-scoped fixtures: new_db_url(folder) → the URL of a fresh, empty database."""
    made = []

    def make(folder, name="audit"):
        url = databases.new(Path(folder), name)
        made.append(url)
        return url
    yield make
    for url in made:
        databases.drop(url)


@pytest.fixture
def db_url(databases, tmp_path):
    """The URL of a fresh, empty database for this test (SQLite file or PostgreSQL database)."""
    url = databases.new(tmp_path)
    yield url
    databases.drop(url)


@pytest.fixture(scope="session")
def redis_url():
    """A real redis-server on loopback for the session."""
    from services import RedisServer, ServiceUnavailable
    try:
        server = RedisServer().start()
    except ServiceUnavailable as exc:
        if os.environ.get("PORTAL_AUDIT_TEST_SERVICES") == "required":  # ./dev test installs it: a miss is a bug
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    yield server.url
    server.stop()


@pytest.fixture
def cli(tmp_path):
    """Run the real console script in a subprocess; returns (code, stdout, stderr)."""
    import subprocess

    def run(*args, cwd=None, env=None):
        exe = Path(sys.executable).with_name("portal-audit")
        proc = subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, cwd=cwd or tmp_path,
                              env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), **(env or {})},
                              timeout=1800)
        return proc.returncode, proc.stdout, proc.stderr
    return run


def running_farm(tmp_path_factory, *extra):
    """The offline farm for a module's tests (`yield from` it in a module-scoped fixture): yields the FarmProcess
    (a test may stop and restart it), the registry CSV it serves and its clock (ISO, to the minute)."""
    from datetime import datetime

    from audit.demo import FarmProcess
    work = tmp_path_factory.mktemp("farm")
    now = datetime.now().replace(second=0, microsecond=0).isoformat()
    proc = FarmProcess(work, extra=["--now", now, *extra])
    registry = proc.__enter__()
    try:
        yield proc, registry, now
    finally:
        proc.__exit__(None, None, None)


def comparable_results(path) -> dict:
    """results.json without what legitimately differs between two runs of the same content: when it was generated,
    the run id and the crawl's wall-clock times."""
    import json
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    doc.pop("generated_at")
    for p in doc["portals"]:
        for key in ("run_id", "started_at", "finished_at"):
            p["crawl"].pop(key)
    return doc


# --- a small real database of stored facts, for the engine, override, check and history tests (no network) ---

def write_registry(path, portals) -> Path:
    """A registry CSV for `portals` (audit.registry.Portal)."""
    import csv
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "kind", "url", "rubric"])
        for p in portals:
            w.writerow([p.id, p.name, p.kind, p.url, p.rubric])
    return Path(path)


def store_crawl(engine, portals_facts, started=None) -> int:
    """Store one finished crawl run: `portals_facts` maps a Portal to (status, [(fact kind, data), ...]), the shapes
    storage/facts.py reads. Returns the run id."""
    from datetime import date, datetime

    from storage.db import sessions
    from storage.models import CrawlRun, Fact, PortalCrawl, PortalRow

    started = started or datetime(2026, 11, 5, 2, 0)
    with sessions(engine).begin() as s:
        run = CrawlRun(started_at=started, finished_at=started, status="done", lookback_from=date(2026, 1, 1),
                       summary={})
        s.add(run)
        s.flush()
        for portal, (status, facts) in portals_facts.items():
            if s.get(PortalRow, portal.id) is None:
                s.add(PortalRow(id=portal.id, name=portal.name, kind=portal.kind, url=portal.url,
                                rubric=portal.rubric, updated_at=started))
                s.flush()
            s.add(PortalCrawl(run_id=run.id, portal_id=portal.id, status=status, started_at=started,
                              finished_at=started, pages=len(facts)))
            for kind, data in facts:
                s.add(Fact(run_id=run.id, portal_id=portal.id, kind=kind, page_url=data.get("url"), data=data))
        return run.id
