"""The fault matrix (issue 9): every farm fault (farm/faults.py) → the crawl status and audit state it must end in,
checked by crawling the fault portals of a real farm with the real CLI, and compared with the farm's truth.

A short download timeout (PORTAL_AUDIT_TIMEOUT) keeps the timeout fault quick; it stays above the slow portal's
longest delay (8 s), so that one must still be read."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from audit.demo import FarmProcess, previous_month
from farm.faults import FAULTS

TIMEOUT = "12"
LEGACY, BAD_CERT = "xa-son-hai", "xa-tan-son"

# fault kind -> (portal crawl status, broken section status or None, audit state of the criteria reading it)
MATRIX = {
    "down": ("connection_refused", None, "unreachable"),
    "slow": ("ok", None, "as usual"),
    "flaky-5xx": ("ok", None, "as usual"),
    "404-section": ("ok", "http_4xx", "not_evaluable"),
    "redirect-loop": ("ok", "redirect_loop", "not_evaluable"),
    "robots": ("ok", "robots_blocked", "not_evaluable"),
    "huge-page": ("ok", "too_large", "not_evaluable"),
    "endless-calendar": ("ok", None, "as usual"),
    "query-explosion": ("ok", None, "as usual"),
    "malformed-html": ("ok", None, "as usual"),
    "wrong-charset": ("ok", None, "as usual"),
    "legacy-charset": ("ok", None, "as usual"),
    "legacy-tls": ("ok", None, "as usual"),
    "bad-certificate": ("ok", None, "as usual"),
    "timeout": ("ok", "timeout", "not_evaluable"),
    "directory-5xx": ("ok", "http_5xx", "not_evaluable"),
    "gzip-bomb": ("ok", "too_large", "not_evaluable"),
    "streamed-50mb": ("ok", "too_large", "not_evaluable"),
    "deep-nesting": ("ok", "too_deep", "not_evaluable"),
    "binary-html": ("ok", "not_html", "not_evaluable"),
    "invalid-utf8": ("ok", None, "as usual"),
    # Content shown in markup no reader knows: the crawl ends well, the criteria reading the section go to a person.
    "unreadable-qa": ("ok", None, "needs_review"),
    "unreadable-schedule": ("ok", None, "needs_review"),
    "unreadable-news": ("ok", None, "needs_review"),
}


def test_matrix_covers_every_fault_and_agrees_with_the_table():
    assert {f.kind for f in FAULTS.values()} == set(MATRIX)
    for f in FAULTS.values():
        assert (f.crawl_status, f.section_status) == MATRIX[f.kind][:2], f.kind


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    work = tmp_path_factory.mktemp("farm")
    now = datetime.now().replace(second=0, microsecond=0).isoformat()
    with FarmProcess(work, extra=["--now", now]) as registry:
        yield registry, now


def crawl(registry, now, out: Path, portals, **env) -> tuple[subprocess.CompletedProcess, dict]:
    period = previous_month(datetime.fromisoformat(now).date())
    exe = Path(sys.executable).with_name("portal-audit")
    args = [str(exe), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}",
            "--db", f"sqlite:///{out}/audit.db", "--out", str(out / "report")]
    for pid in portals:
        args += ["--portal", pid]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "XDG_DATA_HOME": str(out / "xdg"), "PORTAL_AUDIT_TIMEOUT": TIMEOUT, **env})
    results = json.loads((out / "report" / "results.json").read_text(encoding="utf-8"))
    truth_file = out / "truth.json"
    subprocess.run([sys.executable, "-m", "farm", "truth", "--from", period.start.isoformat(), "--to",
                    period.end.isoformat(), "--now", now, "--registry", str(registry), "--out", str(truth_file)],
                   check=True, capture_output=True)
    return proc, {"results": results, "truth": json.loads(truth_file.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def matrix_run(farm, tmp_path_factory):
    registry, now = farm
    out = tmp_path_factory.mktemp("matrix")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc, docs = crawl(registry, now, out, FAULTS)
    return proc, docs, out, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def test_every_fault_is_survived_as_the_matrix_says(matrix_run):
    proc, docs, out, peak_kb = matrix_run
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    got = {p["id"]: p for p in docs["results"]["portals"]}
    truth = {p["id"]: p for p in docs["truth"]["portals"]}
    assert set(got) == set(FAULTS)
    problems = []
    for pid, fault in FAULTS.items():
        crawl_status, section_status, state = MATRIX[fault.kind]
        p, want = got[pid], truth[pid]
        if p["crawl"]["status"] != crawl_status:
            problems.append(f"{pid} ({fault.kind}): crawl {p['crawl']['status']} ≠ {crawl_status}")
        failed = sorted({e["status"] for e in p["crawl"]["errors"]})
        if crawl_status == "ok" and failed != ([section_status] if section_status else []):
            problems.append(f"{pid} ({fault.kind}): failed sections {failed} ≠ {section_status}")
        states = {c["code"]: (c["points"], c["state"]) for c in p["criteria"]}
        wanted = {c["code"]: (c["points"], c["state"]) for c in want["criteria"]}
        if (p["status"], p["score"], states) != (want["status"], want["score"], wanted):
            diff = sorted(code for code in wanted if states.get(code) != wanted[code])
            problems.append(f"{pid} ({fault.kind}): score {p['score']} vs truth {want['score']}, criteria {diff}")
        blocked = [c for c in p["criteria"] if c["state"] == "not_evaluable"]
        review = [c for c in p["criteria"] if c["state"] == "needs_review"]
        if state == "not_evaluable" and not blocked:
            problems.append(f"{pid} ({fault.kind}): no criterion not_evaluable")
        if state in ("as usual", "needs_review") and blocked:
            problems.append(f"{pid} ({fault.kind}): {[c['code'] for c in blocked]} not_evaluable")
        if state == "needs_review" and not (review and all(
                c["points"] == 0 and c["summary"].startswith("Không đọc được ") and c["evidence"] for c in review)):
            problems.append(f"{pid} ({fault.kind}): no criterion needs_review at 0 points saying what was unread")
        if state != "needs_review" and review:
            problems.append(f"{pid} ({fault.kind}): {[c['code'] for c in review]} needs_review")
        if state == "unreachable" and p["status"] != "unreachable":
            problems.append(f"{pid} ({fault.kind}): {p['status']}, not unreachable")
    survived = len(FAULTS) - len({line.split(" ")[0] for line in problems})
    print(f"\nfaults injected {len(FAULTS)}, survived {survived}; crawl peak memory {peak_kb / 1024:.0f} MB")
    for line in problems:
        print("  FAULT", line)
    assert not problems
    # The gzip bomb inflates past 1 GB and the streamed page is 50 MB: the crawl never held either.
    assert peak_kb < 800 * 1024


def test_tls_weakness_is_a_non_scoring_finding(matrix_run):
    proc, docs, out, _ = matrix_run
    got = {p["id"]: p for p in docs["results"]["portals"]}
    truth = {p["id"]: p for p in docs["truth"]["portals"]}
    for pid in (LEGACY, BAD_CERT):
        tls = got[pid]["crawl"]["tls"]
        assert sorted(tls["issues"]) == truth[pid]["fault"]["tls_issues"], pid
        assert tls["finding"].startswith("Cổng dùng cấu hình TLS cũ/yếu: ")
        page = (out / "report" / "portals" / f"{pid}.html").read_text(encoding="utf-8")
        assert tls["finding"] in page
    legacy = got[LEGACY]["crawl"]["tls"]
    assert (legacy["protocol"], legacy["key_type"], legacy["key_bits"]) == ("TLSv1.2", "RSA", 1024)
    assert legacy["cipher"].startswith("DHE-") and "1024 bit" in legacy["finding"]
    assert "hết hạn" in got[BAD_CERT]["crawl"]["tls"]["finding"]
    assert got["xa-sa-ly"]["crawl"]["tls"] is None  # plain HTTP: nothing to say


def test_legacy_tls_off_makes_the_legacy_portal_a_tls_error(farm, tmp_path):
    registry, now = farm
    proc, docs = crawl(registry, now, tmp_path, [LEGACY, BAD_CERT], PORTAL_AUDIT_LEGACY_TLS="0")
    got = {p["id"]: p for p in docs["results"]["portals"]}
    assert got[LEGACY]["crawl"]["status"] == "tls_error" and got[LEGACY]["status"] == "unreachable"
    assert got[BAD_CERT]["crawl"]["status"] == "ok"  # a modern handshake needs no legacy setting
    assert proc.returncode == (1 if got[BAD_CERT]["status"] == "fail" else 3)


def test_bad_crawler_settings_are_one_line_errors(cli, tmp_path, farm):
    registry, _ = farm
    for env, name in (({"PORTAL_AUDIT_TIMEOUT": "soon"}, "PORTAL_AUDIT_TIMEOUT"),
                      ({"PORTAL_AUDIT_LEGACY_TLS": "maybe"}, "PORTAL_AUDIT_LEGACY_TLS")):
        code, out, err = cli("run", "--registry", registry, "--period", "2025-10", "--portal", LEGACY,
                             "--db", f"sqlite:///{tmp_path}/x.db", "--out", tmp_path / "x", env=env)
        assert code == 2 and len(err.strip().splitlines()) == 1 and name in err, err
        assert not (tmp_path / "x").exists()


def test_hostile_bodies_and_the_parse_limits():
    """Without sockets: what the hostile sections serve, and which of them crawler/limits.py refuses."""
    import gzip
    import io

    from farm import faults
    from farm.site import FarmSite
    from farm.portals import portal_by_id
    from crawler import extract, limits

    bomb = faults.gzip_bomb()
    inflated, stream = 0, gzip.GzipFile(fileobj=io.BytesIO(bomb))
    while chunk := stream.read1(1 << 20):
        inflated += len(chunk)
    assert len(bomb) < 2 << 20 and inflated > 1 << 30
    refused = {}
    for name, body in (("deep", faults.deep_nesting()), ("binary", faults.binary_body("phuong-nhan-hoa"))):
        with pytest.raises(limits.PageRefused) as info:
            extract.parse(extract.decode(body, "text/html; charset=utf-8"), "http://h/")
        refused[name] = info.value.status
    assert refused == {"deep": "too_deep", "binary": "not_html"}
    site = FarmSite(65, datetime(2025, 11, 22, 10, 30), 8765)
    page = site.handle_address(portal_by_id("phuong-dao-vien").address, "GET", "/", {}).body
    assert faults.INVALID_UTF8 in page
    doc = extract.parse(extract.decode(page, "text/html; charset=utf-8"), "http://h/")  # still a page
    assert site.farm.model("phuong-dao-vien").portal.name in doc.text_content()


def test_cancelled_and_tls_failures_have_their_names():
    from scrapy.exceptions import DownloadCancelledError, DownloadFailedError
    from twisted.python.failure import Failure

    from crawler import status

    assert status.from_failure(Failure(DownloadCancelledError(""))) == "too_large"
    assert status.from_failure(Failure(DownloadFailedError(
        "[<twisted.python.failure.Failure OpenSSL.SSL.Error: [('SSL routines', '', 'dh key too small')]>]"))) \
        == "tls_error"


def test_legacy_tls_is_allowed_only_where_it_should_be():
    from crawler.tls import legacy_allowed

    listed = frozenset({"127.0.0.32"})
    assert legacy_allowed("www.bacninh.gov.vn", listed) and legacy_allowed("127.0.0.32", listed)
    assert not legacy_allowed("example.com", listed) and not legacy_allowed("evilgov.vn", listed)
    assert not legacy_allowed("www.bacninh.gov.vn", listed, enabled=False)
