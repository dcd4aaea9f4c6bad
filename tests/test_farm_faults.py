"""The farm's injected faults (farm/faults.py): what each fault portal serves, that faults can be turned off, that
the truth says what the crawl must record, and that the crawler's generic readers survive them."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime
from urllib.parse import parse_qsl, urlsplit

import pytest
from lxml import html as lxml_html

from farm import faults, vocab
from farm.faults import FAULTS, HUGE_BYTES, fault_of
from farm.portals import portal_by_id
from farm.site import FarmSite
from farm.truth import dumps, expected

NOW = datetime(2025, 11, 22, 10, 30)
MONTH = (date(2025, 10, 1), date(2025, 10, 31))
PORT = 8765


@pytest.fixture(scope="module")
def site():
    return FarmSite(65, NOW, PORT)


def get(site, pid, path, args=None, method="GET"):
    return site.handle_address(portal_by_id(pid).address, method, path, args or {})


def section_href(site, pid):
    return site.farm.model(pid).sections[FAULTS[pid].section].href


def by_kind(kind):
    return next(pid for pid, f in FAULTS.items() if f.kind == kind)


def test_every_fault_kind_is_on_one_portal_and_its_section_exists(site):
    kinds = [f.kind for f in FAULTS.values()]
    assert len(kinds) == len(set(kinds)) >= 11
    for pid, f in FAULTS.items():
        portal_by_id(pid)  # a real farm portal
        if f.section:
            assert f.section in site.farm.model(pid).sections, pid


def test_404_section(site):
    pid = by_kind("404-section")
    assert get(site, pid, section_href(site, pid)).status == 404
    assert get(site, pid, site.farm.model(pid).base).status == 200


def test_redirect_loop_never_ends(site):
    pid = by_kind("redirect-loop")
    path, seen = section_href(site, pid), []
    for _ in range(12):
        r = get(site, pid, path)
        assert r.status == 302 and r.location
        seen.append(path)
        path = r.location
    assert set(seen) == {section_href(site, pid), section_href(site, pid) + "/"}


def test_robots_disallows_the_section(site):
    pid = by_kind("robots")
    r = get(site, pid, "/robots.txt")
    assert r.status == 200 and f"Disallow: {section_href(site, pid)}\n".encode() in r.body
    assert get(site, pid, section_href(site, pid)).status == 200  # served to whoever ignores robots.txt
    other = get(site, "so-noi-vu", "/robots.txt").body
    assert other == b"User-agent: *\nDisallow:\n"


def test_huge_page_is_over_the_crawler_limit_but_valid_html(site):
    pid = by_kind("huge-page")
    r = get(site, pid, section_href(site, pid))
    assert r.status == 200 and len(r.body) > HUGE_BYTES > 16 * 1024 * 1024
    assert r.body.rstrip().endswith(b"</html>") and b"van-ban" in r.body[:200000]


def test_flaky_listing_fails_once_then_answers():
    site = FarmSite(65, NOW, PORT)
    pid = by_kind("flaky-5xx")
    m = site.farm.model(pid)
    listing = next(s for s in m.sections.values() if s.page == "listing")
    codes = [get(site, pid, listing.href).status for _ in range(6)]
    assert codes == [503, 200, 200, 503, 200, 200]
    assert get(site, pid, m.base or "/").status == 200  # only listings are flaky


def test_slow_pages_have_delays_within_bounds(site):
    pid = by_kind("slow")
    m = site.farm.model(pid)
    assert get(site, pid, m.base).delay == 3.0
    delays = [get(site, pid, s.href).delay for s in m.sections.values() if s.href.startswith("/")]
    assert any(delays) and all(d == 0 or 3 <= d <= 8 for d in delays)
    assert not any(get(site, "so-noi-vu", s.href).delay
                   for s in site.farm.model("so-noi-vu").sections.values() if s.href.startswith("/"))


def test_endless_calendar_links_both_ways(site):
    pid = by_kind("endless-calendar")
    href = section_href(site, pid)
    for week in ("2020-01-06", "2031-06-02"):  # years before the history, years after now
        doc = lxml_html.fromstring(get(site, pid, href, {"week": week}).body)
        assert doc.xpath("//a[@class='prev-week']") and doc.xpath("//a[@class='next-week']")


def test_query_explosion_gives_new_urls_forever_and_keeps_the_page(site):
    pid = by_kind("query-explosion")
    href = section_href(site, pid)
    args, seen = {}, set()
    for _ in range(8):
        doc = lxml_html.fromstring(get(site, pid, href, args).body)
        links = [a.get("href") for a in doc.xpath("//div[@class='list-tools']//a")]
        assert links and not seen & set(links)
        seen |= set(links)
        args = dict(parse_qsl(urlsplit(links[0]).query))
        assert args.get("page", args.get("cur")) == "1"
    assert len(args) >= 8


def test_malformed_html_still_reads(site):
    from crawler import extract

    pid = by_kind("malformed-html")
    body = get(site, pid, "/").body.decode()
    assert "</li>" not in body and "</p>" not in body and body.count("</html>") == 2
    doc = extract.parse(body, "http://127.0.0.1/")
    regions = {link.region for link in extract.links(doc)}
    assert {"menu", "footer", "sidebar", "content"} <= regions
    assert extract.contact(doc)


@pytest.mark.parametrize("kind, declared", [("wrong-charset", "windows-1252"), ("legacy-charset", "windows-1258")])
def test_charset_faults_decode_to_the_same_text(site, kind, declared):
    from crawler import extract

    pid = by_kind(kind)
    r = get(site, pid, "/")
    assert r.content_type == f"text/html; charset={declared}"
    clean = site.handle(portal_by_id(pid), "GET", "/", {}).body.decode("utf-8")
    text = extract.decode(r.body, r.content_type)
    assert unicodedata.is_normalized("NFC", text)
    assert site.farm.model(pid).portal.name in text
    title = lxml_html.fromstring(clean).findtext(".//title")
    assert title in text


SHOWN = {"unreadable-qa": lambda m: [q.title for q in faults.shown_questions(m)],
         "unreadable-schedule": lambda m: [task for _, _, task, _ in faults.shown_schedule(m)],
         "unreadable-news": lambda m: [it.title for it in faults.shown_news(m)]}


@pytest.mark.parametrize("kind", faults.UNREADABLE)
def test_unreadable_page_shows_its_content_to_a_person_and_to_no_reader(site, kind):
    from crawler import extract
    from crawler.platforms import read

    pid = by_kind(kind)
    m, f = site.farm.model(pid), FAULTS[pid]
    url = f"http://{m.portal.address}:{PORT}{section_href(site, pid)}"
    r = get(site, pid, section_href(site, pid))
    assert r.status == 200
    text = r.body.decode("utf-8")
    own = lxml_html.fromstring(text).xpath("//div[@id='column-1']")[0]
    words = own.text_content()
    shown = SHOWN[kind](m)
    assert shown and all(t in words for t in shown)  # what a person reads on the page
    assert not own.xpath(".//table|.//dl") and "p_p_lifecycle=2" not in text and "var data" not in text
    if kind == "unreadable-news":  # titles and dates, and no link to any article: clickable divs
        cards = own.xpath(".//div[@data-href][@onclick]")
        assert [c.get("data-href") for c in cards] == [it.path for it in faults.shown_news(m)]
        assert not own.xpath(".//a[@href]")
        assert all(f"{it.published:%d/%m/%Y %H:%M}" in words for it in faults.shown_news(m))
    if kind == "unreadable-schedule":  # "08:00 — task" under date boxes, no weekday, no week range
        assert "từ ngày" not in words.lower() and not [d for d in vocab.WEEKDAYS if d.lower() in words.lower()]
        assert all(f"{hh} — {task}" in words for _, hh, task, _ in faults.shown_schedule(m))
    if kind == "unreadable-qa":  # each answer beside its question
        answered = [q for q in faults.shown_questions(m) if q.answered and q.answered <= m.now.date()]
        assert answered and all(q.answer in words for q in answered)
    # The crawler's reading: content of its own, none of it read. The clean page (faults off) is read as usual.
    assert read(extract.parse(text, url), text, url, "liferay").unread(f.section) == f.unread
    clean = site.handle(portal_by_id(pid), "GET", section_href(site, pid), {}).body.decode("utf-8")
    assert read(extract.parse(clean, url), clean, url, "liferay").unread(f.section) is None


@pytest.mark.parametrize("kind", faults.UNREADABLE)
def test_unreadable_page_with_nothing_to_show_says_so(site, kind):
    import dataclasses

    from farm import unreadable

    pid = by_kind(kind)
    m = site.farm.model(pid)
    empty = dataclasses.replace(m, items={}, questions=[], schedule_until=None)
    assert not faults.shows_content(empty, FAULTS[pid].section)
    assert "<p>Chưa có " in unreadable.RENDERERS[kind](empty, m.sections[FAULTS[pid].section], PORT)


def test_no_faults_serves_every_portal_normally():
    site = FarmSite(65, NOW, PORT, faults=False)
    for pid, f in FAULTS.items():
        if f.section:
            r = get(site, pid, site.farm.model(pid).sections[f.section].href)
            assert r.status == 200 and not r.delay, pid
        assert get(site, pid, "/robots.txt").body == b"User-agent: *\nDisallow:\n"
    assert fault_of("so-y-te", enabled=False) is None


def test_truth_states_the_expected_crawl_outcome():
    doc = expected(65, NOW, *MONTH, PORT)
    faulty = {p["id"]: p for p in doc["portals"] if "fault" in p}
    assert set(faulty) == set(FAULTS)
    for pid, p in faulty.items():
        f = FAULTS[pid]
        assert p["fault"]["crawl_status"] == f.crawl_status
        ne = [c for c in p["criteria"] if c["state"] == "not_evaluable"]
        if f.kind == "down":
            assert p["status"] == "unreachable" and len(ne) == len(p["criteria"])
        elif f.section_status:
            assert ne and all(c["points"] == 0 and f.section_status in " ".join(c["items"]) for c in ne), pid
        else:
            assert not ne, pid
        review = [c for c in p["criteria"] if c["state"] == "needs_review"]
        assert p["fault"]["unread"] == f.unread
        if f.kind in faults.UNREADABLE:  # the criteria reading the section, at 0 points, for a person to decide
            assert review and all(c["points"] == 0 and "không đọc được" in " ".join(c["items"]) for c in review), pid
        else:
            assert not review, pid
    calm = expected(65, NOW, *MONTH, PORT, faults=False)
    assert not [p for p in calm["portals"] if "fault" in p or p["status"] == "unreachable"]
    assert dumps(doc) == dumps(expected(65, NOW, *MONTH, PORT))  # deterministic with the faults on


def test_fault_pages_are_byte_identical_across_sites():
    pages = []
    for _ in range(2):
        s = FarmSite(65, NOW, PORT)
        out = []
        for pid, f in FAULTS.items():
            if f.kind in ("down", "huge-page"):
                continue
            m = s.farm.model(pid)
            for path in [m.base or "/"] + [x.href for x in m.sections.values() if x.href.startswith("/")][:6]:
                r = get(s, pid, path)
                out.append((r.status, r.content_type, r.location, r.delay, r.body))
        pages.append(out)
    assert pages[0] == pages[1]


def test_crawler_statuses_and_pagination_are_generic():
    from scrapy.exceptions import DownloadCancelledError, DownloadConnectionRefusedError, IgnoreRequest
    from twisted.python.failure import Failure

    from crawler import extract, listing, status

    assert status.from_failure(Failure(IgnoreRequest("max redirections reached"))) == "redirect_loop"
    assert status.from_failure(Failure(DownloadCancelledError(
        "Expected to receive 20972544 bytes which is larger than download max size (16777216)"))) == "too_large"
    assert status.from_failure(Failure(IgnoreRequest("Forbidden by robots.txt"))) == "robots_blocked"
    assert status.from_failure(Failure(DownloadConnectionRefusedError("refused"))) == "connection_refused"
    page = ('<ul class="pagination"><a href="?page=1">1</a><a href="?page=3">3</a></ul>'
            '<div><a href="?sort=a&amp;page=2">Mới nhất</a><a href="?sort=b&amp;page=2">Cũ nhất</a></div>')
    doc = extract.parse(page, "http://x/tin-tuc?page=2")
    assert listing.next_pages(doc, "http://x/tin-tuc?page=2") == ["http://x/tin-tuc?page=1", "http://x/tin-tuc?page=3"]


def test_url_evidence_ignores_the_portal_own_path():
    """Found through the 404 fault: a department at /web/so-tai-chinh has 'tai-chinh' in every URL."""
    from crawler import sections

    video = sections.from_url("http://h/web/so-tai-chinh/thu-vien-video", "/web/so-tai-chinh")
    assert video is None or video.key == "khac"  # a video library, never the finance section of the portal's path
    assert sections.from_url("http://h/web/so-tai-chinh/cong-khai-ngan-sach", "/web/so-tai-chinh").key \
        == "tai-chinh-ngan-sach"
