import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


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
