"""Alembic migrations on the database under test (SQLite or PostgreSQL, see conftest.py): upgrade to head gives
exactly the schema of storage/models.py, every revision downgrades cleanly to nothing, and upgrades again."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from storage.db import alembic_config, downgrade, open_db, upgrade
from storage.models import Base


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def _tables(engine):
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_head_matches_models_and_round_trips(db_url):
    engine = open_db(db_url)
    assert _diff(engine) == []
    assert _tables(engine) == set(Base.metadata.tables)
    downgrade(engine, "base")
    assert _tables(engine) == set()
    upgrade(engine)
    assert _diff(engine) == []
    engine.dispose()


def test_each_revision_steps_down_and_up(db_url):
    engine = open_db(db_url)
    script = ScriptDirectory.from_config(alembic_config(engine))
    revisions = [r.revision for r in script.walk_revisions()]  # newest first
    for rev in revisions:
        down = script.get_revision(rev).down_revision or "base"
        downgrade(engine, down)
        upgrade(engine, rev)
        downgrade(engine, down)
    assert _tables(engine) == set()
    upgrade(engine)
    assert _diff(engine) == []
    engine.dispose()
