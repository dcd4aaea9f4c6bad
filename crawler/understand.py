"""How one page is understood, outside a crawl: section with evidence, title, publish date and how it was found,
and the facts extract.py reads. Used by `portal-audit inspect`; the spider uses the same functions piecewise."""
from __future__ import annotations

import ssl
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from audit.errors import ConfigError
from crawler import extract, sections
from crawler.dates import from_page, regions
from crawler.settings import USER_AGENT

TITLE_SELECTORS = "#contentDetailTitleId, h1.title, #titleDetail, article h1, .detail h1"


def load(target: str) -> tuple[bytes, str]:
    """Bytes and URL of a page given as a URL or a local file."""
    if urlsplit(target).scheme in ("http", "https"):
        req = urllib.request.Request(target, headers={"User-Agent": USER_AGENT, "Cookie": "GUEST_LANGUAGE_ID=vi_VN"})
        ctx = ssl.create_default_context()
        if (urlsplit(target).hostname or "").endswith(".gov.vn"):
            # The real portals need legacy TLS (platform.md); inspection must work where the crawler does.
            ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
            ctx.set_ciphers("DEFAULT:@SECLEVEL=1")
        try:
            with urllib.request.urlopen(req, timeout=30, context=ctx) as resp:
                return resp.read(16 * 1024 * 1024), resp.geturl()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ConfigError(f"{target}: không tải được trang ({getattr(exc, 'reason', exc)})") from None
    path = Path(target)
    if not path.is_file():
        raise ConfigError(f"{target}: không phải URL http(s) và không có tệp này")
    return path.read_bytes(), path.resolve().as_uri()


def section_of(doc, url: str, hint: str | None = None) -> dict:
    """Section key with evidence and confidence (crawler/sections.py): `hint` is the menu label the page was
    reached from, when known."""
    return sections.classify(doc, url, via=hint).as_dict()


def title_of(doc) -> str:
    el = regions.title(doc)
    if el is None:
        found = regions.css(TITLE_SELECTORS)(doc)
        el = found[0] if found else None
    return extract.clean(el.text_content()) if el is not None else extract.clean(doc.findtext(".//title"))


def understand(body: bytes, url: str, section_hint: str | None = None, now: datetime | None = None) -> dict:
    doc = extract.parse(body, url)
    section = section_of(doc, url, section_hint)
    found = from_page(doc, now or datetime.now(), url)
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    search = extract.search_form(doc)
    sched_days = extract.schedule(doc).days
    docs = extract.documents_table(doc)
    inline = extract.listing_items(extract.inline_listing(text) or {}, url)
    widget = [{"url": i["url"], "title": i["title"],
               "published_at": i["published_at"].isoformat() if i["published_at"] else None,
               "suspected_section": sections.misplaced(i["title"], section["key"])}
              for i in extract.widget_items(doc)]
    flagged = widget + [{"url": i["url"], "title": i["title"], "suspected_section": sections.misplaced(i["title"], section["key"])}
                        for i in inline]
    return {
        "url": url,
        "section": section,
        "title": title_of(doc),
        "published_at": found.value.isoformat() if found else None,
        "date_method": found.method if found else None,
        "facts": {
            "contact": extract.contact(doc),
            "elements": [{"key": k, "label": lbl} for k, lbl in extract.elements(doc, section["key"])],
            "directory": extract.directory_table(doc),
            "documents": docs,
            "document_search": extract.document_search(doc) if docs is not None else None,
            "questions": extract.questions(doc),
            "schedule_dates": [d.isoformat() for d in sched_days],
            "listing_resources": extract.resource_urls(text, url),
            "inline_listing_items": len(inline),
            "widget_items": widget[:50],
            "wrong_section_items": [i for i in flagged if i["suspected_section"]],
            "has_print": extract.has_print(doc),
            "search_form": {"action": search[0], "field": search[1]} if search else None,
            "outbound_links": [{"url": lk.url, "label": lk.label} for lk in extract.links(doc)
                               if urlsplit(lk.url).netloc != urlsplit(url).netloc][:50],
        },
    }
