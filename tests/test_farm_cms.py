"""Other CMSs and Liferay themes: the farm renders them, the crawler detects them and reads them like the truth.

One portal of each CMS is crawled from a running farm and scored; every criterion must agree with the farm's
ground truth (the full farm is covered by test_e2e_farm.py).
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from audit.demo import FarmProcess, previous_month
from crawler.platforms import detect
from farm import cms
from farm.model import Farm

NOW = datetime(2025, 11, 22, 10, 30)


@pytest.mark.parametrize("html,platform,spider", [
    ('<meta name="generator" content="NukeViet v4.4">', "nukeviet", "generic"),
    ("<link href='/wp-content/themes/x/style.css'>", "wordpress", "generic"),
    ('<meta name="generator" content="WordPress 6.4.2">', "wordpress", "generic"),
    ('<script>var _spPageContextInfo = {webServerRelativeUrl: "/"};</script>', "sharepoint", "generic"),
    ('<div class="portlet-boundary" id="p_p_id_56_">', "liferay", "liferay"),
    ("<script>Liferay.Portlet.ready(function(){});</script>", "liferay", "liferay"),
    ("<html><body><p>Xin chào</p></body></html>", "unknown", "generic"),
])
def test_detection_on_snippets(html, platform, spider):
    found = detect(html)
    assert (found.platform, found.spider) == (platform, spider)


def test_registry_overrides_detection():
    found = detect('<meta name="generator" content="NukeViet v4.4">', override="liferay")
    assert (found.platform, found.spider, found.evidence) == ("nukeviet", "liferay", "registry")


def test_each_platform_and_theme_is_used():
    farm = Farm(65, NOW)
    models = farm.models()
    assert {m.platform for m in models} == {"liferay", "sharepoint", "nukeviet", "wordpress"}
    assert {m.theme.frame for m in models if m.platform == "liferay"} == set(cms.LIFERAY_THEMES)
    for pid, platform in cms.PLATFORMS.items():
        m = farm.model(pid)
        assert m.platform == platform and m.base == ""
        assert m.articles and not any("/-/details/" in it.path for it in m.articles.values())


CRAWLED = ["so-ngoai-vu", "xa-luc-ngan", "xa-cam-ly"]  # SharePoint, NukeViet, WordPress


def test_crawl_of_each_cms_agrees_with_truth(tmp_path: Path):
    exe = Path(sys.executable).with_name("portal-audit")
    now = datetime.now().replace(second=0, microsecond=0).isoformat()
    period = previous_month(datetime.fromisoformat(now).date())
    with FarmProcess(tmp_path, extra=["--now", now]) as registry:
        args = [str(exe), "run", "--registry", str(registry), "--period", f"{period.start:%Y-%m}",
                "--db", f"sqlite:///{tmp_path / 'a.db'}", "--out", str(tmp_path / "out")]
        for pid in CRAWLED:
            args += ["--portal", pid]
        run = subprocess.run(args, capture_output=True, text=True, timeout=900)
        assert run.returncode in (0, 1), run.stderr[-2000:]
        subprocess.run([sys.executable, "-m", "farm", "truth", "--from", period.start.isoformat(), "--to",
                        period.end.isoformat(), "--now", now, "--registry", str(registry),
                        "--out", str(tmp_path / "truth.json")], check=True, capture_output=True)
    results = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    truth = {p["id"]: p for p in json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))["portals"]}
    assert sorted(p["id"] for p in results["portals"]) == sorted(CRAWLED)
    for portal in results["portals"]:
        want = {c["code"]: (c["points"], c["state"]) for c in truth[portal["id"]]["criteria"]}
        got = {c["code"]: (c["points"], c["state"]) for c in portal["criteria"]}
        assert got == want, portal["id"]
        assert portal["score"] == truth[portal["id"]]["score"]
