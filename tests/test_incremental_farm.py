"""Incremental nights over the offline farm (issue 4): what a first night finds against the farm's own model, what
a second night over an unchanged farm costs and scores, what a night after the farm adds content finds, the page
budget, and the back-dated / removed flags.

The farm runs without faults here (the fault matrix is tests/test_e2e_farm.py's business): every in-window item and
every section is then reachable, so the figures measure the crawler, not the injected failures. The first night
looks back LOOKBACK_MONTHS (a new deployment reading a year of history); later nights use the same command. The
second night must cost ≤ 15% of the first: it re-reads ~12 requests a portal (robots.txt, home, each listing's first
page, schedule, documents, open questions), so the ratio is that over the first night's size."""
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audit.demo import FarmProcess, previous_month
from audit.registry import load_registry

LOOKBACK_MONTHS = 12
SEED = 65


def _months_before(d: date, n: int) -> date:
    y, m = d.year, d.month - n
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 1)


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    work = tmp_path_factory.mktemp("incremental")
    now = datetime.now().replace(second=0, microsecond=0)
    later = now + timedelta(days=2)
    period = previous_month(now.date())
    db = f"sqlite:///{work}/audit.db"
    exe = Path(sys.executable).with_name("portal-audit")
    env = {**os.environ, "XDG_DATA_HOME": str(work / "xdg")}

    def night(registry, name):
        proc = subprocess.run([str(exe), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}",
                               "--lookback-months", str(LOOKBACK_MONTHS), "--db", db, "--out", str(work / name),
                               "--archive", str(work / "warc")], capture_output=True, text=True, env=env,
                              timeout=3600)
        assert proc.returncode in (0, 1), proc.stderr
        assert "Traceback" not in proc.stderr, proc.stderr
        return json.loads((work / name / "results.json").read_text(encoding="utf-8"))

    (work / "a").mkdir()
    (work / "b").mkdir()
    with FarmProcess(work / "a", extra=["--now", now.isoformat(), "--seed", str(SEED), "--no-faults"]) as registry:
        first, second = night(registry, "n1"), night(registry, "n2")
    port = str(urlsplit(load_registry(registry)[0].url).port)  # the same portal URLs, later content
    with FarmProcess(work / "b", extra=["--now", later.isoformat(), "--seed", str(SEED), "--no-faults",
                                        "--port", port]) as registry_later:
        third = night(registry_later, "n3")
    con = sqlite3.connect(work / "audit.db")
    runs = [json.loads(s) for (s,) in con.execute("select summary from crawl_run order by id")]
    items = {rid: {(p, json.loads(d)["section"], _path(json.loads(d)["url"]))
                   for p, d in con.execute("select portal_id, data from fact where kind = 'item' and run_id = ?",
                                           (rid,))} for rid in (1, 2, 3)}
    sections = {(p, json.loads(d)["key"]) for p, d in con.execute(
        "select portal_id, data from fact where kind = 'section' and run_id = 1") if json.loads(d)["status"] == "ok"}
    flags = [json.loads(d) for (d,) in con.execute("select data from fact where kind = 'flag'")]
    con.close()
    return {"now": now, "later": later, "period": period, "results": (first, second, third), "runs": runs,
            "items": items, "sections": sections, "flags": flags, "registry": load_registry(registry)}


def _path(url: str) -> str:
    """An item's path as the farm names it: with its query, which identifies SharePoint-style items
    (`/Pages/chi-tiet.aspx?ItemID=N`)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _farm(now):
    from farm.model import Farm
    return Farm(SEED, now)


def test_first_night_finds_the_in_window_items_and_every_section(nights):
    farm = _farm(nights["now"])
    start = _months_before(nights["period"].start, LOOKBACK_MONTHS)
    want_items, want_sections = set(), set()
    for p in nights["registry"]:
        m = farm.model(p.id)
        want_sections |= {(p.id, s.key) for s in m.sections.values() if s.href.startswith("/")}
        for key, items in m.items.items():
            want_items |= {(p.id, key, it.path) for it in items if it.published.date() >= start}
    found = nights["items"][1] & want_items
    sections = nights["sections"] & want_sections
    print(f"\nfirst night: {len(found)}/{len(want_items)} in-window items = {len(found) / len(want_items):.2%}; "
          f"sections {len(sections)}/{len(want_sections)} = {len(sections) / len(want_sections):.2%}")
    assert len(found) >= 0.99 * len(want_items)
    assert sections == want_sections


def test_second_night_over_an_unchanged_farm_is_cheap_and_scores_the_same(nights):
    first, second, _ = nights["runs"]
    ratio = second["requests"]["network"] / first["requests"]["network"]
    print(f"\nrequests: first night {first['requests']['network']}, second night {second['requests']['network']} "
          f"({second['requests']['not_modified']} answered 304, {second['requests']['reused']} pages read from the "
          f"previous copy) = {ratio:.1%}")
    assert first["requests"]["reused"] == 0 and second["requests"]["reused"] > 0
    assert second["requests"]["not_modified"] > 0
    assert ratio <= 0.15
    a, b = (json.loads(json.dumps(r["portals"])) for r in nights["results"][:2])
    for p in a + b:
        for key in ("crawl", "previous_score", "history", "diff"):
            p.pop(key, None)
    assert a == b
    assert nights["items"][1] == nights["items"][2]


def test_a_night_after_the_farm_adds_content_finds_all_of_it(nights):
    before, after = _farm(nights["now"]), _farm(nights["later"])
    new = set()
    for p in nights["registry"]:
        old = {it.path for items in before.model(p.id).items.values() for it in items}
        new |= {(p.id, key, it.path) for key, items in after.model(p.id).items.items() for it in items
                if it.path not in old}
    found = nights["items"][3] & new
    print(f"\nnew content: {len(found)}/{len(new)} new items found on the third night; "
          f"requests {nights['runs'][2]['requests']}")
    assert new and found == new
    start = _months_before(nights["period"].start, LOOKBACK_MONTHS)
    in_window = {(p.id, key, it.path) for p in nights["registry"] for key, items in before.model(p.id).items.items()
                 for it in items if it.published.date() >= start}
    assert nights["items"][1] & in_window <= nights["items"][3]  # nothing of the window was lost
    assert not [f for f in nights["flags"] if f["flag"] == "removed"]


def test_flags_are_stored_and_shown_without_changing_scores(nights):
    third = nights["results"][2]
    assert all(isinstance(p["crawl"]["page_flags"], list) for p in third["portals"])
    # The farm only adds content, published when it appears: nothing is back-dated, nothing removed.
    assert nights["flags"] == []


def test_flag_pages_marks_backdated_and_removed_pages(db_url):
    """Two stored runs of one portal: a page first seen tonight with an old publish date is possibly back-dated, a
    page listed last time in a listing read again tonight but absent now is removed; an item older than tonight's
    look-back is not looked for, so it is not removed."""
    from storage.db import open_db, sessions
    from storage.incremental import flag_pages
    from storage.models import CrawlRun, Fact, Page, PortalCrawl, PortalRow

    engine = open_db(db_url)
    t1, t2 = datetime(2026, 10, 1, 2), datetime(2026, 10, 2, 2)

    def item(url, published):
        return {"section": "tin-tuc", "url": url, "title": url, "published_at": published, "date_method": "listing"}
    with sessions(engine).begin() as s:
        s.add(PortalRow(id="p", name="P", kind="department", url="http://p/", rubric="phu-luc-1", updated_at=t1))
        s.flush()
        for rid, at in ((1, t1), (2, t2)):
            s.add(CrawlRun(id=rid, started_at=at, finished_at=at, status="done", lookback_from=date(2026, 9, 1)))
            s.flush()
            s.add(PortalCrawl(run_id=rid, portal_id="p", status="ok", started_at=at))
        s.flush()
        for url, published in (("http://p/a", "2026-09-20T08:00:00"), ("http://p/gone", "2026-09-25T08:00:00"),
                               ("http://p/old", "2026-08-01T08:00:00")):
            s.add(Fact(run_id=1, portal_id="p", kind="item", page_url=url, data=item(url, published)))
        for url, published in (("http://p/a", "2026-09-20T08:00:00"), ("http://p/late", "2026-09-01T08:00:00"),
                               ("http://p/fresh", "2026-10-01T20:00:00")):
            s.add(Fact(run_id=2, portal_id="p", kind="item", page_url=url, data=item(url, published)))
        for url, seen in (("http://p/a", t1), ("http://p/late", t2), ("http://p/fresh", t2)):
            s.add(Page(portal_id="p", url=url, kind="item", first_seen=seen, last_seen=t2))
    with sessions(engine).begin() as s:
        assert flag_pages(s, 2, {"p": 1}, backdated_after_days=7) == 2
    with sessions(engine)() as s:
        from sqlalchemy import select
        flags = {(d["flag"], d["url"]) for d in s.scalars(select(Fact.data).where(Fact.kind == "flag"))}
    engine.dispose()
    assert flags == {("possibly_backdated", "http://p/late"), ("removed", "http://p/gone")}


def test_a_tiny_page_budget_stops_the_portal_as_budget_exhausted(tmp_path, cli, db_url):
    (tmp_path / "farm").mkdir()
    with FarmProcess(tmp_path / "farm", extra=["--no-faults"]) as registry:
        portal = load_registry(registry)[3]
        period = previous_month(date.today())
        code, out, err = cli("run", "--registry", registry, "--period", f"{period.start:%Y-%m}", "--portal",
                             portal.id, "--db", db_url, "--out", tmp_path / "out",
                             env={"PORTAL_AUDIT_PORTAL_PAGES": "3"})
    assert "Traceback" not in err, err
    doc = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    [p] = doc["portals"]
    assert p["crawl"]["status"] == "budget_exhausted" and "3" in p["crawl"]["detail"]
    assert p["score"] is None and {c["state"] for c in p["criteria"]} == {"not_evaluable"}
    assert "Hết ngân sách thu thập" in (tmp_path / "out" / "portals" / f"{portal.id}.html").read_text(encoding="utf-8")
