"""Reading portals of other CMSs (SharePoint, NukeViet, WordPress, unknown) from their HTML alone.

Listings are content-region links with a date near them (a `<time datetime>` or a date in the same list entry),
followed through the page's pagination links until past the look-back date; Q&A are server-rendered tables
named by their headers (rules/columns.yaml `questions`); `sitemap.xml` adds section pages the home page did not
link. Schedules, documents, directory, contact and elements are read by the shared readers of crawler/extract.py.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from lxml import etree
from scrapy.http import Request

from crawler import extract, sections
from crawler.dates import parse_text
from crawler.dates.regions import title as title_element

NOT_LISTINGS = {"hoi-dap", "lich-cong-tac", "danh-ba"}  # sections whose dated rows are not publications
SHORT_TEXT = 60  # characters of a date line ("Thứ hai, 15/09/2025 - 08:30", "Ngày đăng: 15/09/2025")
ENTRY_DEPTH = 6  # ancestors climbed from a link to find its date
LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def _time_value(el) -> datetime | None:
    for t in el.iter("time"):
        raw = (t.get("datetime") or "").strip()
        try:
            # The portal's local wall time is the publish date; an offset would move late-evening posts a day.
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            continue
    return None


def _entry_date(a) -> tuple[datetime | None, str | None]:
    """The date of the list entry holding link `a`: the nearest ancestor that holds a date and no other link target."""
    href = a.get("href")
    for depth, anc in enumerate(a.iterancestors()):
        if depth >= ENTRY_DEPTH or anc.tag in ("body", "html"):
            break
        if any(x.get("href") not in (None, href) for x in anc.iter("a")):
            break
        when = _time_value(anc)
        if when is not None:
            return when, "listing-html:time-datetime"
        found = _short_text_date(anc)
        if found:
            return found.value, f"listing-html:{found.method}"
    return None, None


def _short_text_date(entry):
    """A date printed on its own in the entry (a date span, a meta line), not one inside a title or summary."""
    for el in entry.iter():
        if not isinstance(el.tag, str) or el.tag == "a":
            continue
        text = extract.clean(el.text_content())
        if 0 < len(text) <= SHORT_TEXT:
            found = parse_text(text)
            if found:
                return found
    return None


def dated_links(doc, scope) -> list[dict]:
    """Items of an HTML listing: in-scope content links with a date in their entry, one per target, newest title
    text (the longest label of links to the same target: a date link and a title link often share it)."""
    found: dict[str, dict] = {}
    for a in doc.iter("a"):
        href = (a.get("href") or "").split("#")[0]
        if not href or not scope.same_host(href) or extract._region(a) != "content" \
                or extract.FILE_LINK.search(href):
            continue
        label = extract.clean(a.text_content()) or extract.clean(a.get("title"))
        if href in found:
            if len(label) > len(found[href]["title"]):
                found[href]["title"] = label
            continue
        when, method = _entry_date(a)
        if when is not None:
            found[href] = {"url": href, "title": label, "published_at": when, "date_method": method}
    return list(found.values())


def questions(doc, page_url: str) -> list[dict] | None:
    """Q&A rows of a table whose headers name the question and its dates; None when the page has no such table."""
    voc = extract._columns()["questions"]
    for table in doc.iter("table"):
        mapping, rows = extract._header_map(table, voc)
        if "title" not in mapping.values() or "asked" not in mapping.values():
            continue
        out = []
        for row in rows:
            cells = row.xpath("./td|./th")
            got = {mapping[i]: extract.clean(c.text_content()) for i, c in enumerate(cells) if i in mapping}
            if not got.get("title"):
                continue
            asked = parse_text(got.get("asked", ""))
            answered = parse_text(got.get("answered", ""))
            asked_on = asked.value.date().isoformat() if asked else None
            rid = (row.get("id") or "").lstrip("q") or hashlib.sha1(
                f"{got['title']}|{asked_on}".encode()).hexdigest()[:12]
            out.append({"id": rid, "title": got["title"], "url": f"{page_url}#q{rid}", "asked_on": asked_on,
                        "answered_on": answered.value.date().isoformat() if answered else None})
        return out
    return None


def read_page(spider, st, section, doc, response):
    """What a section page of a generic portal shows besides the shared readers: Q&A rows or listing items, and
    the next listing pages while they are still inside the look-back."""
    url = response.url
    qa = questions(doc, url)
    oldest, known = None, False
    if qa is not None:
        for q in qa:
            yield spider._fact(st, "question", url, q)
            if q["asked_on"]:
                oldest = min(oldest or q["asked_on"], q["asked_on"])
        more = bool(qa) and (oldest is None or oldest >= spider.lookback_from.isoformat())
    elif section in NOT_LISTINGS or extract.documents_table(doc) is not None:
        return
    else:
        items = dated_links(doc, st.scope)
        if not items:
            return
        when, known = yield from spider._listing_items(st, section, items, url)
        # Incremental nights, as for the platform's listings: a page of known items sends the next ones to copies.
        yield from spider._previous_copy(response, known)
        more = (when is None or when >= spider.lookback_from) and not response.meta.get("copy_of")
    if more:
        meta = {k: v for k, v in response.meta.items() if k in ("portal", "section", "label", "evidence", "confidence")}
        for nxt in spider._pages_to_follow(st, section, doc, url):
            yield Request(nxt, callback=spider.parse_section, errback=spider.listing_failed,
                          meta=spider._paging_meta(meta, qa is None and known))


def article_title(doc) -> str | None:
    el = title_element(doc)
    return extract.clean(el.text_content()) if el is not None else None


def sitemap_request(spider, st, home_url: str):
    parts = urlsplit(home_url)
    return Request(urlunsplit(parts._replace(path="/sitemap.xml", query="", fragment="")),
                   callback=spider.parse_sitemap, dont_filter=True,  # a spider method: Redis queues serialize it
                   meta={"portal": st.portal.id, "handle_httpstatus_list": [404, 410, 403]})


def parse_sitemap(spider, st, response):
    """Section pages listed in sitemap.xml that the home page did not link, named by their URL."""
    if response.status != 200:
        return
    for loc in LOC.findall(response.text if hasattr(response, "text") else response.body.decode("utf-8", "replace")):
        url = etree.fromstring(f"<x>{loc}</x>").text if "&" in loc else loc
        if not st.scope.contains(url) or url in st.requested or extract.is_page_link(url):
            continue
        match = sections.from_url(url, st.scope.base_path)
        if match is None or match.key in ("khac", "tim-kiem") or urlsplit(url).query:
            continue
        st.requested.add(url)
        yield Request(url, callback=spider.parse_section, errback=spider.section_failed, dont_filter=True,
                      meta={"portal": st.portal.id, "section": match.key, "label": match.evidence,
                            "evidence": f"{match.evidence} (sitemap)", "confidence": match.confidence,
                            "handle_httpstatus_list": list(range(400, 600))})
