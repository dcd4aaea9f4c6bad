"""Reading portals of other CMSs (SharePoint, NukeViet, WordPress, unknown) from their HTML alone.

Their lists are read as every portal's are (crawler/listing.py, through crawler/platforms/reading.py). What is
theirs: Q&A as server-rendered tables named by their headers (rules/columns.yaml `questions`), followed through
their pagination while inside the look-back; and `sitemap.xml`, which adds section pages the home page did not link.
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from lxml import etree
from scrapy.http import Request

from crawler import extract, listing, sections
from crawler.dates import parse_text

NOT_LISTINGS = {"hoi-dap", "lich-cong-tac", "danh-ba"}  # sections whose dated rows are not publications


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


def emit_questions(spider, st, section, qa, page, response):
    """The Q&A rows of one page as facts, and the next Q&A pages while their questions are inside the look-back."""
    url = response.url
    oldest = None
    for q in qa:
        yield spider._fact(st, "question", url, q)
        if q["asked_on"]:
            oldest = min(oldest or q["asked_on"], q["asked_on"])
    if qa and (oldest is None or oldest >= spider.lookback_from.isoformat()):
        meta = {k: v for k, v in response.meta.items() if k in ("portal", "section", "label", "evidence", "confidence")}
        for nxt in spider._pages_to_follow(st, section, page, url):
            yield Request(nxt, callback=spider.parse_section, errback=spider.listing_failed,
                          meta=spider._paging_meta(meta, False))


def sitemap_request(spider, st, home_url: str):
    parts = urlsplit(home_url)
    return Request(urlunsplit(parts._replace(path="/sitemap.xml", query="", fragment="")),
                   callback=spider.parse_sitemap, dont_filter=True,  # a spider method: Redis queues serialize it
                   meta={"portal": st.portal.id, "handle_httpstatus_list": [404, 410, 403]})


def parse_sitemap(spider, st, response):
    """Section pages listed in sitemap.xml that the home page did not link, named by their URL."""
    import re

    if response.status != 200:
        return
    body = response.text if hasattr(response, "text") else response.body.decode("utf-8", "replace")
    for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", body):
        url = etree.fromstring(f"<x>{loc}</x>").text if "&" in loc else loc
        if not st.scope.contains(url) or url in st.requested or listing.is_page_link(url):
            continue
        match = sections.from_url(url, st.scope.base_path)
        if match is None or match.key in ("khac", "tim-kiem") or urlsplit(url).query:
            continue
        st.requested.add(url)
        yield Request(url, callback=spider.parse_section, errback=spider.section_failed, dont_filter=True,
                      meta={"portal": st.portal.id, "section": match.key, "label": match.evidence,
                            "evidence": f"{match.evidence} (sitemap)", "confidence": match.confidence,
                            "handle_httpstatus_list": list(range(400, 600))})
