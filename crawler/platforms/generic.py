"""Reading portals of other CMSs (SharePoint, NukeViet, WordPress, unknown) from their HTML alone.

Their lists are read as every portal's are (crawler/listing.py, through crawler/platforms/reading.py). What is
theirs: Q&A as server-rendered tables named by their headers (rules/columns.yaml `questions`), followed through
their pagination while inside the look-back; and `sitemap.xml`, which adds section pages the home page did not link.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from lxml import etree
from scrapy.http import Request

from crawler import extract, listing, sections, vocab
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
            row = {"id": rid, "title": got["title"], "url": f"{page_url}#q{rid}", "asked_on": asked_on,
                   "answered_on": answered.value.date().isoformat() if answered else None}
            if got.get("answer"):  # the answer's own text, when the table shows it (QĐ 96 Điều 13 deadline class)
                row["answer_excerpt"] = extract.answer_excerpt(got["answer"])
            out.append(row)
        return out
    return None


_ANSWER_MARKS = {"tra loi", "noi dung tra loi", "phan hoi", "answer", "reply", "tra loi cua co quan"}
# A signature: a name (at most 60 characters) and a date in brackets, maybe an address after it.
_SIGNED = re.compile(r"^[^()]{1,60}\((?P<date>[^()]*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}[^()]*)\)")


def threaded_questions(main, page_url: str) -> list[dict] | None:
    """Q&A printed as a thread, the way many portals list them: a question's title and text, the asker's line
    ending in its date ("Chu Thị Việt Hoa (04/08/2016 08:32)"), a "Trả lời" line, the answer, and the answerer's
    dated line. None when the page shows no such thread (at least one question with its answer mark)."""
    out, since, asked, title, answering = [], [], None, None, False
    for line in extract.text_lines(main):
        folded = vocab.fold(line).rstrip(":")
        signed = _SIGNED.match(line) if len(line) <= 200 else None
        found = parse_text(signed.group("date")) if signed else None
        if folded in _ANSWER_MARKS and asked is not None:
            answering = True
        elif found and answering:
            out.append(_thread_row(page_url, title, asked, found.value.date().isoformat()))
            since, asked, title, answering = [], None, None, False
        elif found and since:
            # An asker's signature (the question before it, if any, stays unanswered): the question's title is the
            # title-like line nearest before its text.
            if asked is not None:
                out.append(_thread_row(page_url, title, asked, None))
            title, asked, since = _title_before(since), found.value.date().isoformat(), []
        elif not answering:
            since.append(line)
    if asked is not None:
        out.append(_thread_row(page_url, title, asked, None))
    return out if any(q["answered_on"] for q in out) else None


def _title_before(lines: list[str]) -> str:
    body_seen = False
    for line in reversed(lines):
        if _looks_like_title(line) and body_seen:
            return line
        body_seen = True
    return lines[0]


def _looks_like_title(line: str) -> bool:
    return len(line) <= 150 and not line.endswith((".", ",", ";"))


def _thread_row(page_url: str, title: str, asked: str | None, answered: str | None) -> dict:
    rid = hashlib.sha1(f"{title}|{asked}".encode()).hexdigest()[:12]
    return {"id": rid, "title": title[:300], "url": f"{page_url}#q{rid}", "asked_on": asked, "answered_on": answered}


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


# An `&` that opens no XML reference: sitemaps written by string concatenation leave query strings unescaped, and
# a strict parser stops at the first one. Named entities other than XML's five are escaped too: a sitemap has no
# DTD worth trusting, so nothing it declares is ever expanded.
_RAW_AMPERSAND = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)")


def _sitemap_parser():
    # recover: a truncated or sloppy sitemap still gives every entry before the damage and most after it.
    return etree.XMLParser(recover=True, resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def sitemap_urls(body: bytes) -> list[str]:
    """The `<loc>` URLs of a sitemap body, in any namespace (or none), entities unescaped."""
    try:
        root = etree.fromstring(_RAW_AMPERSAND.sub(b"&amp;", body), _sitemap_parser())
    except etree.XMLSyntaxError:  # an empty body: recovery has nothing to return
        return []
    if root is None:
        return []
    urls = []
    for loc in root.iter("{*}loc"):
        url = "".join(loc.itertext()).strip()
        if url:
            urls.append(url)
    return urls


def parse_sitemap(spider, st, response):
    """Section pages listed in sitemap.xml that the home page did not link, named by their URL."""
    if response.status != 200:
        return
    for url in sitemap_urls(response.body):
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
