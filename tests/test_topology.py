"""The real topology (issue 15): the province at the root of one host, departments at /web/<site> of the same host,
links classified by a portal directory that does not depend on the run's registry, and one politeness budget for
the shared host. The farm serves the bundled registry's topology (farm/portals.py), so every test here crawls it."""
import csv
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from audit.demo import FarmProcess, previous_month
from audit.directory import Directory, base_key
from audit.registry import Portal
from farm.server import max_in_flight

EXE = Path(sys.executable).with_name("portal-audit")
PROVINCE = "tinh-bac-ninh"
OTHERS = ("so-y-te", "xa-dai-son")  # a department on its own host, a commune


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    work = tmp_path_factory.mktemp("topology")
    now = datetime.now().replace(second=0, microsecond=0).isoformat()
    log = work / "requests.log"
    with FarmProcess(work, extra=["--now", now, "--request-log", str(log)]) as registry:
        with registry.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        period = previous_month(datetime.fromisoformat(now).date())
        subprocess.run([sys.executable, "-m", "farm", "truth", "--from", period.start.isoformat(), "--to",
                        period.end.isoformat(), "--now", now, "--registry", str(registry),
                        "--out", str(work / "truth.json")], check=True, capture_output=True)
        truth = {p["id"]: p for p in json.loads((work / "truth.json").read_text(encoding="utf-8"))["portals"]}
        yield {"work": work, "registry": registry, "rows": rows, "now": now, "log": log, "period": period,
               "truth": truth}


LINK_CODES = {"phu-luc-1": "12.2", "phu-luc-2": "11.2"}


def _linking_the_province_on_its_host(farm) -> str:
    """A department on the province's host whose pages link the province (same host, another portal)."""
    province = next(r for r in farm["rows"] if r["id"] == PROVINCE)["url"]
    for r in farm["rows"]:
        if r["kind"] == "department" and urlsplit(r["url"]).netloc == urlsplit(province).netloc:
            crit = next(c for c in farm["truth"][r["id"]]["criteria"] if c["code"] == "12.2")
            if crit["points"] and province in crit["items"]:
                return r["id"]
    raise AssertionError("no department on the shared host links the province in this farm")


def _run(farm, out: Path, db: str, *args):
    period = farm["period"]
    proc = subprocess.run([str(EXE), "run", "--period", f"{period.start:%Y-%m}", "--db", db, "--out", str(out),
                           "--lookback-months", "0", *map(str, args)], capture_output=True, text=True, timeout=1500,
                          env={**__import__("os").environ, "XDG_DATA_HOME": str(out / "xdg")})
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return json.loads((out / "results.json").read_text(encoding="utf-8"))


def _url(farm, pid: str) -> str:
    return next(r["url"] for r in farm["rows"] if r["id"] == pid)


def test_the_farm_serves_the_province_and_its_departments_on_one_host(farm):
    province, noi_vu = _url(farm, PROVINCE), _url(farm, "so-noi-vu")
    assert urlsplit(province).netloc == urlsplit(noi_vu).netloc and urlsplit(noi_vu).path == "/web/so-noi-vu"
    assert urlsplit(_url(farm, "so-y-te")).netloc != urlsplit(province).netloc  # its own host, as registered


@pytest.fixture(scope="module")
def province_alone(farm, tmp_path_factory, new_db_url):
    """The province crawled on its own: the departments nested in its host are in the registry, not in the run."""
    out = tmp_path_factory.mktemp("province")
    db = new_db_url(out)
    start = len(farm["log"].read_text(encoding="utf-8").splitlines())
    doc = _run(farm, out / "report", db, "--registry", farm["registry"], "--portal", PROVINCE)
    lines = farm["log"].read_text(encoding="utf-8").splitlines()[start:]
    return doc, db, lines


def test_the_province_crawl_requests_and_counts_nothing_of_a_nested_portal(farm, province_alone):
    from storage.db import open_db, sessions
    from storage.models import Fact, Page

    _, db, lines = province_alone
    host = urlsplit(_url(farm, PROVINCE)).hostname
    asked = [ln.split(" ", 3)[3] for ln in lines if ln.split(" ", 3)[1:3] == ["+", host]]
    assert asked, "the province was crawled"
    nested = [p for p in asked if p.startswith(("/web/", "/widget/web/"))]
    assert not nested, nested[:5]

    engine = open_db(db, migrate=False)
    with sessions(engine)() as s:
        pages = list(s.scalars(select(Page.url).where(Page.portal_id == PROVINCE)))
        facts = s.execute(select(Fact.kind, Fact.data).where(Fact.portal_id == PROVINCE)).all()
    engine.dispose()
    assert pages and not [u for u in pages if urlsplit(u).path.startswith("/web/")]
    items = [d for k, d in facts if k == "item"]
    assert items and not [d for d in items if "/web/" in (d.get("url") or "")]


def test_the_shared_host_never_has_more_than_two_requests_in_flight(farm, province_alone):
    _, _, lines = province_alone
    host = urlsplit(_url(farm, PROVINCE)).hostname
    assert 1 <= max_in_flight(lines).get(host, 0) <= 2


def test_a_run_over_three_portals_scores_links_as_the_full_farm_truth(farm, tmp_path, db_url):
    """Three portals in the registry file, the full farm as the directory: the link criteria score as the truth
    (which the full run matches on every criterion, tests/test_e2e_farm.py), the province's link included although
    the province is not in the run and, for the department on its host, is on the same host."""
    shared = _linking_the_province_on_its_host(farm)
    three = tmp_path / "three.csv"
    with three.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(farm["rows"][0]))
        w.writeheader()
        w.writerows(r for r in farm["rows"] if r["id"] in (shared, *OTHERS))
    doc = _run(farm, tmp_path / "out", db_url, "--registry", three, "--directory", farm["registry"])
    assert sorted(p["id"] for p in doc["portals"]) == sorted((shared, *OTHERS))
    for portal in doc["portals"]:
        code = LINK_CODES[portal["rubric"]]
        got = next(c for c in portal["criteria"] if c["code"] == code)
        want = next(c for c in farm["truth"][portal["id"]]["criteria"] if c["code"] == code)
        assert (got["points"], got["state"]) == (want["points"], want["state"]), (portal["id"], got["summary"])
        if portal["id"] == shared:
            province = next(e for e in got["evidence"] if e["url"] == _url(farm, PROVINCE))
            assert "chưa kiểm chứng" in province["note"], province  # the province was not crawled in this run

    # Without the directory the run knows only its three portals: the province link is not recognised.
    alone = _run(farm, tmp_path / "alone", db_url, "--registry", three, "--portal", shared)
    crit = next(c for c in alone["portals"][0]["criteria"] if c["code"] == "12.2")
    assert crit["points"] == 0 and "Cổng TTĐT tỉnh" in crit["summary"]


def _portal(pid, kind, url):
    return Portal(pid, pid, kind, url, "phu-luc-1")


def test_the_longest_base_url_names_the_portal():
    d = Directory((_portal("tinh", "province", "https://www.bacninh.gov.vn/"),
                   _portal("so-noi-vu", "department", "https://www.bacninh.gov.vn/web/so-noi-vu"),
                   _portal("so-y-te", "department", "https://syt.bacninh.gov.vn/")))
    assert d.match("http://bacninh.gov.vn/web/so-noi-vu/tin-tuc").id == "so-noi-vu"  # scheme and www. ignored
    assert d.match("https://www.bacninh.gov.vn/web/so-noi-vu-cu/").id == "tinh"  # whole segments only
    assert d.match("https://www.bacninh.gov.vn").id == "tinh"
    assert d.match("https://www.bacninh.gov.vn:443/web/guest/home").id == "tinh"
    assert d.match("https://syt.bacninh.gov.vn/web/x").id == "so-y-te"
    assert d.match("https://example.vn/") is None and d.match("javascript:void(0)") is None
    assert d.nested_in(d.portals[0]) == ("https://www.bacninh.gov.vn/web/so-noi-vu",)
    assert d.nested_in(d.portals[1]) == ()
    assert base_key("HTTPS://WWW.Bacninh.gov.vn:443/a/") == ("bacninh.gov.vn", None, ("a",))


def test_a_link_to_a_portal_that_did_not_answer_is_sent_to_a_person():
    from datetime import date

    from audit.criteria.base import Context
    from audit.facts import Link, PortalFacts
    from audit.period import Period
    from audit.rubric import load_rubrics
    from audit.scoring import load_config, score_criterion

    rubric = load_rubrics()["phu-luc-2"]
    crit = next(c for c in rubric.criteria if c.code == "11.2")
    d = Directory((Portal("tinh", "Tỉnh", "province", "https://www.bacninh.gov.vn/", "province"),
                   Portal("so-a", "Sở A", "department", "https://www.bacninh.gov.vn/web/so-a", "phu-luc-1"),
                   Portal("xa-b", "Xã B", "commune", "https://xab.bacninh.gov.vn/", "phu-luc-2"),
                   Portal("xa-c", "Xã C", "commune", "https://xac.bacninh.gov.vn/", "phu-luc-2")))
    links = [Link("https://www.bacninh.gov.vn/", "Cổng tỉnh", "https://xab.bacninh.gov.vn/"),
             Link("https://www.bacninh.gov.vn/web/so-a", "Sở A", "https://xab.bacninh.gov.vn/"),
             Link("https://xac.bacninh.gov.vn/", "Xã C", "https://xab.bacninh.gov.vn/"),
             Link("https://xab.bacninh.gov.vn/gioi-thieu", "Giới thiệu", "https://xab.bacninh.gov.vn/")]
    facts = PortalFacts("xa-b", "commune", "phu-luc-2", "https://xab.bacninh.gov.vn/", "ok", None, links=tuple(links))
    period = Period.parse("2026-10", None, None)

    def judged(status):
        return score_criterion(Context(facts, period, d.with_status(status), load_config()), crit)

    assert (judged({}).points, judged({}).state) == (2, "met")  # nobody crawled: counted, marked not verified
    ok = judged({"tinh": "ok", "so-a": "ok", "xa-c": "ok"})
    assert ok.state == "met" and "đã kiểm chứng" in " ".join(e["note"] for e in ok.evidence)
    down = judged({"tinh": "connection_refused", "so-a": "ok", "xa-c": "ok"})
    assert (down.points, down.state) == (0, "needs_review") and "không truy cập được" in down.summary
    own_only = Context(PortalFacts("xa-b", "commune", "phu-luc-2", "https://xab.bacninh.gov.vn/", "ok", None,
                                   links=tuple(links[3:])), period, d, load_config())
    assert score_criterion(own_only, crit).points == 0  # a link to the portal itself is no link to another
