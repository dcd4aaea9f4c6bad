"""Reruns agree: two crawls of the same farm from scratch, one crawl killed with SIGKILL partway and resumed, and a
replay of the first from its archive give the same results.json, criterion by criterion and evidence by evidence.

Only what is inherently a time or an id of the run is left out of the comparison (`conftest.comparable_results`): `generated_at`,
and each portal's `crawl.run_id`, `crawl.started_at`, `crawl.finished_at`. The stored facts of the crawls are compared
too, all of them (the article sample and the search probe included): a choice that differs without changing a score
today would change one on other content."""
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from audit.demo import previous_month
from audit.registry import load_registry
from conftest import comparable_results, running_farm, write_registry
from storage.db import open_db, sessions
from storage.models import CrawlRun, Fact

EXE = Path(sys.executable).with_name("portal-audit")
# The province and the departments served on its host under /web/<site> (articles listed outside a site's path,
# portals nested in another's base URL) and departments on hosts of their own, with and without a print function.
PORTALS = 8
RUN_TIMEOUT = 300


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    yield from running_farm(tmp_path_factory)


def _cli(cwd: Path, *args) -> subprocess.Popen:
    return subprocess.Popen([str(EXE), *map(str, args)], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True,
                            env={**os.environ, "XDG_DATA_HOME": str(cwd / "xdg")})


def _finish(proc: subprocess.Popen) -> None:
    try:
        code = proc.wait(RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        pytest.fail(f"portal-audit {proc.args[1]} did not finish within {RUN_TIMEOUT} s")
    assert code in (0, 1, 3), proc.stderr.read()


def _facts(db: str, run_id: int) -> list[str]:
    engine = open_db(db)
    with sessions(engine)() as s:
        rows = s.execute(select(Fact.portal_id, Fact.kind, Fact.page_url, Fact.data).where(Fact.run_id == run_id)).all()
    engine.dispose()
    return sorted(json.dumps(list(r), sort_keys=True, ensure_ascii=False) for r in rows)


def _runs(db: str) -> list[tuple[int, str]]:
    engine = open_db(db)
    with sessions(engine)() as s:
        runs = [(r.id, r.status) for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))]
    engine.dispose()
    return runs


def _differences(a: dict, b: dict, path: str = "") -> list[str]:
    """Where two documents differ, as readable paths (the first few are enough to see the cause)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b), key=str)
                for d in (_differences(a.get(k), b.get(k), f"{path}.{k}") if k in a and k in b
                          else [f"{path}.{k}: only on one side"])]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in _differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {json.dumps(a, ensure_ascii=False)[:300]} ≠ "
                                      f"{json.dumps(b, ensure_ascii=False)[:300]}"]


def test_fresh_resumed_and_replayed_runs_agree(farm, tmp_path, new_db_url):
    _, registry, now = farm
    today = datetime.fromisoformat(now).date()
    reg = write_registry(tmp_path / "subset.csv", load_registry(registry)[:PORTALS])
    period = f"{previous_month(today).start:%Y-%m}"
    runs = {}
    for name in ("fresh-a", "fresh-b"):
        db, archive = new_db_url(tmp_path, name), tmp_path / f"warc-{name}"
        _finish(_cli(tmp_path, "run", "--registry", reg, "--period", period, "--db", db, "--archive", archive,
                     "--out", tmp_path / name))
        runs[name] = (db, 1)
    full = sum(f.stat().st_size for f in (tmp_path / "warc-fresh-a").rglob("*.warc.gz"))

    # Killed once about half of what a whole crawl archives is archived: some listings read, others not, no sample
    # taken yet; then resumed on the same database and archive.
    db, archive = new_db_url(tmp_path, "resumed"), tmp_path / "warc-resumed"
    args = ("run", "--registry", reg, "--period", period, "--db", db, "--archive", archive, "--out",
            tmp_path / "resumed")
    victim = _cli(tmp_path, *args)
    deadline = time.monotonic() + RUN_TIMEOUT
    while victim.poll() is None and time.monotonic() < deadline:
        if sum(f.stat().st_size for f in archive.rglob("*.warc.gz")) >= full // 2:
            break
        time.sleep(0.02)
    assert victim.poll() is None, "the crawl finished before it could be killed"
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait()
    assert _runs(db) == [(1, "running")]
    _finish(_cli(tmp_path, *args))
    assert _runs(db) == [(1, "done")], "the rerun did not resume the killed run"
    runs["resumed"] = (db, 1)

    # The first fresh crawl again from its archive, without network, into a new run of the same database.
    _finish(_cli(tmp_path, "replay", "--run", "1", "--registry", reg, "--db", runs["fresh-a"][0], "--out",
                 tmp_path / "replayed"))
    runs["replayed"] = (runs["fresh-a"][0], 2)

    reference = comparable_results(tmp_path / "fresh-a" / "results.json")
    ref_facts = _facts(*runs["fresh-a"])
    assert len(reference["portals"]) == PORTALS and ref_facts
    # Some portal's print check sampled articles: the comparison covers the choice this test is about.
    assert any(c["code"] == "12.3" and c["evidence"] for p in reference["portals"] for c in p["criteria"])
    for name in ("fresh-b", "resumed", "replayed"):
        diffs = _differences(reference, comparable_results(tmp_path / name / "results.json"))
        assert not diffs, f"{name} ≠ fresh-a:\n" + "\n".join(diffs[:20])
        facts = _facts(*runs[name])
        only_ref, only_this = sorted(set(ref_facts) - set(facts)), sorted(set(facts) - set(ref_facts))
        assert facts == ref_facts, (f"{name}: facts differ ({len(only_ref)} only in fresh-a, {len(only_this)} only "
                                    f"here):\n" + "\n".join(x[:300] for x in only_ref[:5] + only_this[:5]))


def _sample(listings) -> list[tuple]:
    """The article sample and search probe a spider takes after reading `listings` [(section, items)] in that order."""
    from audit.registry import Portal
    from crawler.spiders.portal import PortalSpider

    portal = Portal("so-x", "Sở X", "department", "http://127.0.0.9/web/so-x", "phu-luc-1")
    spider = PortalSpider(portals=[portal])
    st = spider.states[portal.id]
    st.site_search = ("http://127.0.0.9/web/so-x/tim-kiem", "q")
    for section, items in listings:
        list(spider._listing_items(st, section, items, f"{portal.url}/{section}"))
    return [(r.url, r.meta["section"], r.meta["listed_title"], r.meta["listed_at"]) if "probe" not in r.meta
            else (r.url, r.meta["probe"]) for r in spider._samples(st)]


def test_the_sample_does_not_depend_on_the_order_listings_arrive():
    def item(n, title, day):
        return {"url": f"http://127.0.0.9/web/so-x/tin-tuc/-/view_content/{n}", "title": title,
                "published_at": datetime(2026, 10, day, 8, 0), "date_method": "listing"}
    news = [item(n, f"Tin số {n} của sở trong tháng", n) for n in range(1, 7)]
    # The newest article also shows in the documents section (a record section, sampled last) and, under a
    # shorter title, in a second news category.
    documents = [item(6, "Văn bản kèm tin số 6", 6)]
    category = [item(6, "Tin số 6", 6), item(2, "Tin số 2 (cập nhật)", 12)]
    orders = [[("tin-tuc", news), ("van-ban", documents), ("su-kien", category)],
              [("van-ban", documents), ("su-kien", category), ("tin-tuc", news)],
              [("su-kien", category), ("tin-tuc", news), ("van-ban", documents)]]
    samples = [_sample(order) for order in orders]
    assert samples[0] == samples[1] == samples[2]
    articles = [s for s in samples[0] if len(s) == 4]
    assert len(articles) == 5 and articles[0][0].endswith("/2")  # the later listing date of article 2 ranks it first
    assert any(s[0].endswith("/6") and s[1] != "van-ban" for s in articles)
