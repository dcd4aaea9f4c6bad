"""The report in a real headless Chromium (Debian `chromium`, driven by Playwright): filters, sorting, no console
errors, hostile content shown as text. Screenshots are saved to test-artifacts/ for people to look at."""
import shutil
from pathlib import Path

import pytest

from audit.report import render_report
from tests.test_report import IMG, SCRIPT, big_doc, sample_doc

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian chromium not installed (./dev test installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    pg = ctx.new_page()
    pg.console_errors, pg.dialogs = [], []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()
    pg.on("dialog", on_dialog)
    yield pg
    ctx.close()


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("#portal-table tbody tr", "rows => rows.filter(r => !r.hidden && "
                                     "getComputedStyle(r).display !== 'none').map(r => r.dataset.id)")


def test_overview_filters_sorting_and_screenshot(tmp_path, page):
    doc = big_doc(n_portals=119, n_criteria=20, n_evidence=3)
    index = render_report(doc, tmp_path / "report")
    page.goto(index.as_uri())
    assert page.locator("html").get_attribute("lang") == "vi"
    assert len(visible_ids(page)) == 119
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=False)

    page.select_option("#f-kind", "ward")
    wards = visible_ids(page)
    assert wards and all(p["kind"] == "ward" for p in doc["portals"] if p["id"] in wards)
    assert len(wards) == sum(p["kind"] == "ward" for p in doc["portals"])
    page.select_option("#f-kind", "")

    target = doc["portals"][42]
    page.fill("#f-q", "cong so 42")  # without diacritics, as people type
    page.wait_for_function("document.querySelectorAll('#portal-table tbody tr:not([hidden])').length < 119")
    assert visible_ids(page) == [target["id"]]
    assert page.locator("#f-count").inner_text().startswith("1/119")
    page.fill("#f-q", "")
    page.wait_for_function("document.querySelectorAll('#portal-table tbody tr:not([hidden])').length == 119")

    page.click("#portal-table th[data-sort='score']")
    scores = page.eval_on_selector_all("#portal-table tbody tr", "rows => rows.filter(r => !r.hidden)"
                                       ".map(r => r.dataset.score === '' ? null : Number(r.dataset.score))")
    numeric = [s for s in scores if s is not None]
    assert numeric == sorted(numeric) or numeric == sorted(numeric, reverse=True)
    page.click("#portal-table th[data-sort='score']")
    again = page.eval_on_selector_all("#portal-table tbody tr", "rows => rows.filter(r => !r.hidden)"
                                      ".map(r => r.dataset.score === '' ? null : Number(r.dataset.score))")
    assert [s for s in again if s is not None] == list(reversed(numeric))
    assert page.console_errors == []


def test_portal_page_hostile_content_is_text(tmp_path, page):
    index = render_report(sample_doc(), tmp_path / "report")
    portal = index.parent / "portals" / "so-tu-phap.html"
    page.goto(portal.as_uri())
    page.wait_for_load_state("load")
    assert page.dialogs == []  # no script ran
    assert SCRIPT in page.locator("h1").inner_text()  # the title shows the script as text
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]
    assert page.locator("img[src='x']").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "portal-hostile.png"), full_page=True)
    page.goto((index.parent / "portals" / "so-y-te.html").as_uri())
    page.screenshot(path=str(ARTIFACTS / "portal.png"), full_page=False)
    assert page.console_errors == []


def test_hostile_names_titles_urls_and_questions_are_text_on_every_page(tmp_path, page, cli, db_url):
    """Script and HTML in a registry name, in item titles and URLs and in question titles (Q&A), through the real
    `score` command: the overview, the portal page and the QĐ 96 form show them as text; nothing runs or is made."""
    from audit.official_form_output import FORM_DIR
    from audit.registry import Portal
    from conftest import store_crawl, write_registry
    from portal_facts import department_facts
    from storage.db import open_db

    name = "Sở <script>alert('ten')</script><img src=x onerror=alert('ten')>"
    portal = Portal("so-doc", name, "department", "http://127.0.0.1:8009/so-doc", "phu-luc-1")
    facts = department_facts(portal.url)
    facts += [("item", {"section": "tin-tuc", "url": "javascript:alert('url')", "title": f"Tin {SCRIPT}{IMG}",
                        "published_at": "2026-10-20T08:00:00"}),
              ("item", {"section": "tin-tuc", "url": f"{portal.url}/tin/\"><script>alert('u')</script>",
                        "title": "Tin <b onmouseover=alert(6)>đậm</b>", "published_at": "2026-10-21T08:00:00"})]
    facts += [("question", {"id": str(i), "title": f"Hỏi <script>alert('hoi{i}')</script><img src=x onerror=alert({i})>",
                            "url": f"{portal.url}/hoi-dap#q{i}", "asked_on": f"2026-10-{i + 1:02d}",
                            "answered_on": f"2026-10-{i + 3:02d}" if i % 2 else None}) for i in range(4)]
    engine = open_db(db_url)
    run_id = store_crawl(engine, {portal: ("ok", facts)})
    engine.dispose()
    reg = write_registry(tmp_path / "reg.csv", [portal])
    out = tmp_path / "report"
    code, stdout, err = cli("score", "--registry", reg, "--period", "2026-10", "--db", db_url, "--run-id", run_id,
                            "--out", out)
    assert code in (0, 1, 3), err
    pages = {"overview": out / "index.html", "portal": out / "portals" / "so-doc.html",
             "form": out / FORM_DIR / "so-doc.html"}
    for kind, path in pages.items():
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.mouse.move(10, 10)
        assert page.dialogs == [], kind
        assert page.locator("img[src='x'], [onerror], [onmouseover], b[onmouseover]").count() == 0, kind
        scripts = page.eval_on_selector_all("script", "ss => ss.map(s => s.textContent)")
        assert not [s for s in scripts if "alert(" in s], kind
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))], kind
        text = page.locator("body").inner_text()
        assert "<script>alert('ten')</script>" in text, kind  # the name is shown as written
        if kind == "portal":
            assert "<script>alert('hoi" in text or SCRIPT in text
        assert page.console_errors == [], kind
