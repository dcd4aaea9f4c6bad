"""The farm's pages show exactly what its ground truth counts.

A small reader walks each portal the way a generic crawler would (home page menu/footer/sidebar labels matched
against the product's section and element vocabulary, listings through their loadPage JSON or widget pages,
schedules through "Tuần trước" links...) and compares what it sees with the content model the truth is computed
from. It reads rules/*.yaml on purpose: the farm's labels must belong to the product's vocabulary.
"""
from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
import yaml
from lxml import html as lxml_html

from farm.model import monday_of
from farm.portals import load_portals
from farm import cms
from farm.site import FarmSite
from farm.truth import expected

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2025, 11, 22, 10, 30)
START, END = date(2025, 6, 1), date(2025, 6, 30)
PORT = 8765
INTRO_KEYS = {"department": ("co-cau-to-chuc", "chuc-nang-nhiem-vu", "don-vi-truc-thuoc"),
              "province": ("to-chuc-bo-may", "ban-do-dia-gioi", "tieu-su-lanh-dao"),  # UBND tỉnh (QĐ 96 Điều 8 1a)
              "commune": ("to-chuc-bo-may", "ban-do-dia-gioi", "tieu-su-lanh-dao"),
              "ward": ("to-chuc-bo-may", "ban-do-dia-gioi", "tieu-su-lanh-dao")}
ACCESS_KEYS = ("danh-muc-cong-khai", "dau-moi-cung-cap", "dia-chi-tiep-nhan")


def norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    return " " + " ".join(t.split()) + " "


@lru_cache(maxsize=1)
def vocabulary():
    sections = yaml.safe_load((ROOT / "rules" / "sections.yaml").read_text(encoding="utf-8"))["sections"]
    elements = yaml.safe_load((ROOT / "rules" / "elements.yaml").read_text(encoding="utf-8"))["elements"]
    sec = [(norm(label), key) for key, spec in sections.items() for label in spec["labels"]]
    el = [(norm(label), key) for key, labels in elements.items() for label in labels]
    return sec, el


@lru_cache(maxsize=1)
def url_patterns():
    sections = yaml.safe_load((ROOT / "rules" / "sections.yaml").read_text(encoding="utf-8"))["sections"]
    return [(re.compile(p), key) for key, spec in sections.items() for p in spec.get("url") or []]


def section_of_url(href: str) -> str | None:
    """Section key of an unlabeled link (a banner whose label is only in its picture), from the product's URL
    patterns on the link's last path segment; one key or none."""
    segment = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
    keys = {key for pattern, key in url_patterns() if pattern.search(segment)}
    assert len(keys) <= 1, f"ambiguous section URL {href!r}: {keys}"
    return keys.pop() if keys else None


def section_of(label: str) -> str | None:
    """Section key of a link label: the longest matching label wins; a tie between keys is a farm bug."""
    text = norm(label)
    hits = [(len(lab), key) for lab, key in vocabulary()[0] if lab in text]
    if not hits:
        return None
    best = max(hits)[0]
    keys = {key for length, key in hits if length == best}
    assert len(keys) == 1, f"ambiguous section label {label!r}: {keys}"
    return keys.pop()


def elements_in(texts: list[str]) -> set[str]:
    """Element keys of the texts, one per text: the longest matching label wins; a tie between keys is a farm bug."""
    found = set()
    for t in texts:
        n = norm(t)
        hits = [(len(lab), key) for lab, key in vocabulary()[1] if lab in n]
        if hits:
            best = max(hits)[0]
            keys = {key for length, key in hits if length == best}
            assert len(keys) == 1, f"ambiguous element label {t!r}: {keys}"
            found |= keys
    return found


class Reader:
    def __init__(self, site: FarmSite, portal):
        self.site, self.p = site, portal
        self.origin = f"http://{portal.address}:{PORT}"

    def get(self, url: str, data: dict | None = None):
        u = urlsplit(urljoin(self.origin + "/", url))
        if u.netloc != urlsplit(self.origin).netloc:
            return None
        args = dict(parse_qsl(u.query))
        args.update(data or {})
        return self.site.handle(self.p, "POST" if data else "GET", u.path, args)

    def doc(self, url: str):
        r = self.get(url)
        assert r is not None and r.status == 200, (self.p.id, url, r and r.status)
        return lxml_html.fromstring(r.body.decode())

    def home_links(self):
        d = self.doc(self.p.base_path or "/")
        out = []
        # Every theme and CMS places menus, footers and sidebars differently: take every link of the home page
        # that is not an article (the home news block) and read its label (text, or title of image banners).
        articles = {it.path for it in self.site.farm.model(self.p.id).articles.values()}
        return [(a.text_content().strip() or (a.get("title") or ""), a.get("href")) for a in d.xpath("//a[@href]")
                if a.get("href") not in articles and a.get("href").rstrip("/") != self.p.base_path]

    def portal4_listing(self, href: str) -> list[tuple[str, str, date]]:
        """Asset-publisher entries page by page, through the pager's "next" button (no JSON on this theme)."""
        out, url, seen = [], href, set()
        while url and url not in seen:
            seen.add(url)
            d = lxml_html.fromstring(self.get(url).body.decode())
            for entry in d.xpath("//div[@class='asset-abstract']"):
                a = entry.xpath(".//h3[@class='asset-title']/a")[0]
                day = re.search(r"(\d{2})/(\d{2})/(\d{4})", entry.xpath(".//div[@class='publish-line']")[0].text_content())
                out.append((a.text_content(), a.get("href"), date(int(day[3]), int(day[2]), int(day[1]))))
            nxt = d.xpath("//ul[contains(@class,'lfr-pagination-buttons')]/li[not(contains(@class,'disabled'))]"
                          "/a[normalize-space(.)='next' or normalize-space(.)='Next']")
            url = urljoin(self.origin + href, nxt[0].get("href")) if nxt else None
        return out

    def listing(self, href: str) -> list[tuple[str, str, date]]:
        r = self.get(href)
        page = r.body.decode()
        if self.site.farm.model(self.p.id).theme.frame == "portal4":
            assert "loadPageURL" not in page and "var data" not in page  # HTML-only listings
            return self.portal4_listing(href)
        m = re.search(r"loadPageURL = '([^']+)'", page)
        out = []
        if m:
            n = 1
            while True:
                data = json.loads(self.get(m.group(1) + f"&pageNum={n}&recordPerPage=50").body)
                if not data["items"]:
                    break
                for it in data["items"]:
                    day = datetime.strptime(it["createdDate"][:10], "%d/%m/%Y").date()
                    out.append((it["title"], it["urlDetail"], day))
                n += 1
            return out
        m = self.site.farm.model(self.p.id)
        if m.platform != "liferay":
            paths, n = {it.path for it in m.articles.values()}, 1
            while True:
                url = href if n == 1 else cms.listing_page_href(m.platform, href, n)
                d = lxml_html.fromstring(self.get(urljoin(self.origin + href, url)).body.decode())
                rows = {}
                for a in d.xpath("//a[@href]"):
                    if a.get("href") in paths and a.text_content().strip() and len(a.text_content()) > 12:
                        entry = a.getparent().getparent()
                        day = re.search(r"(\d{2})/(\d{2})/(\d{4})", entry.text_content())
                        rows.setdefault(a.get("href"), (a.text_content(), a.get("href"),
                                                        date(int(day[3]), int(day[2]), int(day[1]))))
                if not rows:
                    return out
                out += list(rows.values())
                n += 1
        url = href
        seen = set()
        while url and url not in seen:
            seen.add(url)
            d = lxml_html.fromstring(self.get(url).body.decode())
            for row in d.xpath("//div[@class='news-item']"):
                a = row.xpath(".//a")[0]
                span = row.xpath(".//span[@class='date']")[0].text_content()
                day = re.search(r"(\d{2})/(\d{2})/(\d{4})", span)
                out.append((a.text_content(), a.get("href"), date(int(day[3]), int(day[2]), int(day[1]))))
            nxt = d.xpath("//ul[contains(@class,'pagination')]//a[starts-with(normalize-space(.), 'Sau')]")
            url = urljoin(self.origin + href, nxt[0].get("href")) if nxt else None
        return out

    def texts(self, url: str) -> list[str]:
        d = self.doc(url)
        return [e.text_content() for e in d.xpath("//h1|//h2|//h3|//h4|//h5|//h6|//a")]


@pytest.fixture(scope="module")
def site():
    return FarmSite(65, NOW, PORT)


@pytest.fixture(scope="module")
def truth():
    # The pages walked here are the clean ones (FarmSite.handle), so the truth they must match is the clean one.
    doc = expected(65, NOW, START, END, PORT, faults=False)
    return {p["id"]: {c["code"]: c for c in p["criteria"]} for p in doc["portals"]}


PORTALS = [p for p in load_portals() if not p.down]


@pytest.mark.parametrize("portal", PORTALS, ids=lambda p: p.id)
def test_portal_pages_match_the_model(site, truth, portal):
    m = site.farm.model(portal.id)
    rd = Reader(site, portal)
    links = rd.home_links()

    # Sections: what the home page's menu, footer and sidebar labels say == the model's sections.
    seen = {}
    for label, href in links:
        key = section_of(label) if label else section_of_url(href or "")
        if key and href and href != "#" and not href.startswith(("http://127.", "https://chinhphu", "https://www.")):
            seen.setdefault(key, href)
    scored = set(m.sections)
    found = {k for k in seen if k not in ("dich-vu-cong", "tim-kiem", "khac")}  # khac: no rubric section
    assert found == scored, (found ^ scored)
    for key, sec in m.sections.items():
        assert seen[key] == sec.href

    # Listings: every item, with its date, exactly as modelled; detail pages show the same date.
    for key, items in m.items.items():
        if key not in m.sections or m.sections[key].page != "listing":
            continue
        got = rd.listing(m.sections[key].href)
        assert [(t, u, d) for t, u, d in got] == [(i.title, i.path, i.published.date()) for i in items], key
        for it in items[:2] + items[-1:]:
            page = rd.get(it.path).body.decode()
            d = it.published
            assert (f"{d.day:02d}/{d.month:02d}/{d.year}" in page or f"ngày {d.day}/{d.month}/{d.year}" in page)
            assert bool(re.search(r"printDiv\('contentDetail'\)|Bản in|title=\"In (trang|ra)\"|print-button"
                                  r"|_101_printPage_", page)) == m.has_print

    # Intro, history and access elements: found on their section's pages iff the model has them.
    rubric_intro = INTRO_KEYS[portal.kind]
    intro_found: set[str] = set()
    if "gioi-thieu" in m.sections:
        intro_url = m.sections["gioi-thieu"].href
        texts = rd.texts(intro_url)
        d = rd.doc(intro_url)
        for a in d.xpath("//a[@href]"):
            if section_of(a.text_content()) in (None, "gioi-thieu") and a.get("href", "").startswith("/") \
                    and a.get("href") != "#" and a.text_content().strip() not in ("Trang chủ", "Thư viện video"):
                texts += rd.texts(a.get("href"))
        intro_found = elements_in(texts) & set(rubric_intro)
    assert intro_found == set(m.intro_elements), portal.id
    if "tiep-can-thong-tin" in m.sections:
        access_found = elements_in(rd.texts(m.sections["tiep-can-thong-tin"].href)) & set(ACCESS_KEYS)
        assert access_found == set(m.access_elements)
    if portal.kind == "department":
        pages = [s.href for k, s in m.sections.items() if k in ("gioi-thieu", "lich-su")]
        hist = any("qua-trinh-hinh-thanh" in elements_in(rd.texts(u)) for u in pages)
        assert hist == (truth[portal.id]["1.2"]["points"] == 3)

    # Contact lines in the footer.
    d = rd.doc(portal.base_path or "/")
    for br in d.iter("br"):
        br.tail = "\n" + (br.tail or "")
    area = d.xpath("//footer|//*[@id='footer']")[0]
    # One line may hold every field ("Địa chỉ: … - Điện thoại: …; Fax: …;"): split at "; " and " - " as well.
    lines = [part for el in area.xpath(".//p|.//li|.//div") for line in el.text_content().split("\n")
             for part in re.split(r";\s*|\s+-\s+(?=[^:]{1,20}:)", line)]
    lines += [f"{dt.text_content()}: x" for dt in area.xpath(".//dt")]
    fields = set()
    for line in lines:
        label = line.split(":", 1)[0].strip().lower()
        fields |= {"địa chỉ": {"address"}, "điện thoại": {"phone"}, "số điện thoại": {"phone"}, "fax": {"fax"},
                   "email": {"email"}, "e-mail": {"email"}}.get(label, set())
    assert fields == set(m.contact)

    # Search: a known title finds its article only on working portals.
    action, param = cms.search_path(m.platform, m.base)
    action = m.link_base + action[len(m.base):]  # after a portal4 portal's language prefix, if any
    form = d.xpath(f"//form[@action='{action}']")
    assert bool(form) == (m.search != "absent")
    if form and m.articles:
        probe = m.all_articles()[0]
        res = lxml_html.fromstring(rd.get(action, {param: probe.title}).body.decode())
        # The results, not a box every page repeats (portal4's right column lists the newest articles everywhere).
        for box in res.xpath("//*[@id='column-2']"):
            box.drop_tree()
        assert (probe.path in [a.get("href") for a in res.xpath("//a[@href]")]) == (m.search == "working")

    # Schedule: walk "Tuần trước" from the current week back to the period and collect entry days.
    if "lich-cong-tac" in m.sections:
        url, days = m.sections["lich-cong-tac"].href, set()
        while url:
            d = rd.doc(url)
            header = d.xpath("//h3[@class='week-title']")[0].text_content()
            first = datetime.strptime(re.search(r"từ ngày (\S+)", header)[1], "%d/%m/%Y").date()
            cols = [th.text_content() for th in d.xpath("//table//thead//th")][1:]
            for tr in d.xpath("//table//tbody/tr"):
                for i, td in enumerate(tr.xpath("./td")):
                    if td.xpath(".//div[@class='entry']"):
                        dd, mm = re.search(r"\((\d{2})/(\d{2})\)", cols[i]).groups()
                        days.add(date(first.year if int(mm) >= first.month else first.year + 1, int(mm), int(dd)))
            prev = d.xpath("//a[@class='prev-week']")
            url = urljoin(m.sections["lich-cong-tac"].href, prev[0].get("href")) if prev and first > START else None
        in_period = {x for x in days if START <= x <= END}
        assert (truth[portal.id][{"province": "8.1c-lich"}.get(portal.kind, "10")]["points"] > 0) == bool(in_period)

    # Q&A: every question with its visible answer date.
    if "hoi-dap" in m.sections and m.platform != "liferay":
        asked, answered, n, href = {}, {}, 1, m.sections["hoi-dap"].href
        while True:
            d = rd.doc(href if n == 1 else urljoin(href, cms.listing_page_href(m.platform, href, n)))
            rows = d.xpath("//tr[@id]")
            if not rows:
                break
            for tr in rows:
                cells = [td.text_content() for td in tr.xpath("./td")]
                asked[int(tr.get("id")[1:])] = cells[3]
                if cells[4]:
                    answered[int(tr.get("id")[1:])] = cells[4]
            n += 1
        assert asked == {q.id: q.asked.strftime("%d/%m/%Y") for q in m.questions}
        assert answered == {q.id: q.answered.strftime("%d/%m/%Y") for q in m.questions
                            if q.answered and q.answered <= NOW.date()}
    elif "hoi-dap" in m.sections:
        page = rd.get(m.sections["hoi-dap"].href).body.decode()
        url = re.search(r"var answeredQuestionsURL = '([^']+)'", page)[1]
        asked, answered, n = {}, {}, 1
        while True:
            doc = json.loads(rd.get(url, {"pageNum": str(n), "numPerPage": "10"}).body)
            qs = json.loads(doc["items"])
            if not qs:
                break
            asked |= {q["_question_id"]: q["dateDisplay"] for q in qs}
            answered |= {a["_question_id"]: a["formatedCreatedDate"] for a in json.loads(doc["answerList"])}
            n += 1
        assert asked == {q.id: q.asked.strftime("%Y/%m/%d") for q in m.questions}
        assert answered == {q.id: q.answered.strftime("%Y/%m/%d") for q in m.questions
                            if q.answered and q.answered <= NOW.date()}


def test_labels_and_titles_stay_in_their_lanes(site):
    """No article title or link label of any portal carries an element label (they would fake an element)."""
    el = vocabulary()[1]
    for p in PORTALS:
        m = site.farm.model(p.id)
        for it in m.articles.values():
            if it.section != "lich-su":
                hits = [k for lab, k in el if lab in norm(it.title)]
                assert not hits, (p.id, it.title, hits)
        for link in m.links:
            assert section_of(link.label) in (None, "dich-vu-cong", "thu-tuc-hanh-chinh"), link.label


def test_schedule_week_navigation_is_bounded(site):
    p = next(p for p in PORTALS if site.farm.model(p.id).features.get("schedule") == "active"
             and "lich-cong-tac" in site.farm.model(p.id).sections)
    m = site.farm.model(p.id)
    rd = Reader(site, p)
    url, hops = m.sections["lich-cong-tac"].href, 0
    while True:
        nxt = rd.doc(url).xpath("//a[@class='next-week']")
        if not nxt:
            break
        url = m.sections["lich-cong-tac"].href + nxt[0].get("href")
        hops += 1
        assert hops < 5
    d = rd.doc(url)
    assert not d.xpath("//div[@class='entry']")
    this_monday = monday_of(NOW.date())
    assert f"week={this_monday.isoformat()}" in rd.get(url).body.decode()
