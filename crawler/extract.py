"""Reading facts out of one HTML page: links, contact block, tables, elements, print function, search form,
listing sources and schedule grids. Pure functions of (document, URL); the spider decides what to fetch next.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import urljoin

import yaml
from lxml import etree, html as lxml_html
from w3lib.encoding import html_to_unicode

from crawler import vocab
from crawler.dates import parse_listing_date, parse_text

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BLOCK_TAGS = {"p", "div", "li", "tr", "td", "th", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "footer",
              "header", "table", "ul", "ol", "dd", "dt", "span_block"}
FILE_LINK = re.compile(r"(/documents/|\.pdf\b|\.docx?\b|\.xlsx?\b|\.zip\b|download|tai-ve|/file)", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\(?\+?\d[\d\s.\-()]{6,}\d")
QUOTED_RESOURCE = re.compile(r"""["']((?:https?://|/)[^"'\s]*p_p_lifecycle(?:=|\\u003d)2[^"'\s]*)["']""")
INLINE_DATA = re.compile(r"""\bdata\s*=\s*'((?:[^'\\]|\\.)*)'\s*;""", re.S)
WEEK_RANGE = re.compile(r"từ\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4}).{0,20}?đến\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4})", re.I | re.S)
WEEKDAYS = {"thu hai": 0, "thu ba": 1, "thu tu": 2, "thu nam": 3, "thu sau": 4, "thu bay": 5, "chu nhat": 6}


@dataclass(frozen=True)
class PageLink:
    url: str
    label: str
    region: str  # menu | footer | sidebar | content


def decode(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text the way browsers do: HTTP header, then <meta charset>, then BOM/UTF-8 sniffing."""
    return html_to_unicode(content_type, body)[1]


def parse(body: bytes | str, url: str) -> lxml_html.HtmlElement:
    text = decode(body) if isinstance(body, bytes) else body
    text = XML_DECLARATION.sub("", text, count=1).strip()  # lxml refuses str input that declares an encoding
    try:
        doc = lxml_html.document_fromstring(text or "<html></html>")
    except (ValueError, etree.ParserError):
        doc = lxml_html.document_fromstring("<html></html>")
    doc.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    return doc


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def links(doc) -> list[PageLink]:
    out = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        label = clean(a.text_content()) or clean(a.get("title"))
        out.append(PageLink(href.split("#")[0], label, _region(a)))
    return out


def _region(el) -> str:
    for anc in el.iterancestors():
        marker = f"{anc.tag} {anc.get('class', '')} {anc.get('id', '')}".lower()
        if anc.tag == "nav" or "menu" in marker or "navigation" in marker:
            return "menu"
        if anc.tag == "footer" or "footer" in marker:
            return "footer"
        if anc.tag == "aside" or "sidebar" in marker or "lien-ket" in marker or "links" in marker:
            return "sidebar"
    return "content"


def text_lines(el) -> list[str]:
    """Visible text split at block boundaries and <br>, so "Địa chỉ: …<br>Điện thoại: …" gives two lines."""
    parts: list[str] = []

    def walk(node):
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript"):
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(el)
    return [clean(line) for line in "".join(parts).split("\n") if clean(line)]


@lru_cache(maxsize=None)
def _columns():
    data = yaml.safe_load((vocab.RULES / "columns.yaml").read_text(encoding="utf-8"))
    return {k: vocab.Vocabulary(v) if isinstance(v, dict) else v for k, v in data.items()}


_LABEL_VALUE = re.compile(r"^\s*([^:：]{1,40})[:：]\s*(.*)$")


def contact(doc) -> dict[str, str]:
    """Contact fields found as "Label: value" lines anywhere on the page (footer, contact block)."""
    labels = _columns()["contact"]
    found: dict[str, str] = {}
    for line in text_lines(doc.body if doc.body is not None else doc):
        for chunk in re.split(r"\s+[|–-]\s+(?=[^\d\s])", line):
            m = _LABEL_VALUE.match(chunk)
            if not m:
                continue
            match = labels.by_label(m.group(1), exact=True)
            value = clean(m.group(2))
            if not match or match.key in found:
                continue
            if match.key == "email":
                em = EMAIL.search(value)
                value = em.group(0) if em else ""
            elif match.key in ("phone", "fax"):
                ph = PHONE.search(value)
                value = ph.group(0).strip() if ph else ""
            if value:
                found[match.key] = value
    return found


def _header_map(table, vocabulary) -> tuple[dict[int, str], list]:
    rows = table.xpath("./thead/tr|./tbody/tr|./tr")
    if not rows:
        return {}, []
    header = rows[0]
    cells = header.xpath("./th|./td")
    mapping = {}
    for i, cell in enumerate(cells):
        m = vocabulary.by_label(clean(cell.text_content()))
        if m and m.key not in mapping.values():
            mapping[i] = m.key
    return mapping, rows[1:]


def documents_table(doc) -> list[dict] | None:
    """Rows of a legal-document list: which fields each row shows and whether it has a file."""
    cols = _columns()
    for table in doc.iter("table"):
        mapping, rows = _header_map(table, cols["documents"])
        if len([k for k in mapping.values() if k != "file"]) < cols["documents_min_fields"] or "trich_yeu" not in mapping.values():
            continue
        out = []
        for row in rows:
            cells = row.xpath("./td|./th")
            if not cells:
                continue
            fields, title, url, has_file = set(), "", None, False
            for i, cell in enumerate(cells):
                key = mapping.get(i)
                text = clean(cell.text_content())
                if key and key != "file" and text:
                    fields.add(key)
                if key == "trich_yeu":
                    title = text
                    a = cell.find(".//a")
                    url = a.get("href") if a is not None else None
            for a in row.iter("a"):
                if FILE_LINK.search(a.get("href") or ""):
                    has_file = True
            out.append({"title": title, "url": url, "fields": sorted(fields), "has_file": has_file})
        return out
    return None


def directory_table(doc) -> list[dict] | None:
    cols = _columns()
    for table in doc.iter("table"):
        mapping, rows = _header_map(table, cols["directory"])
        if "name" not in mapping.values() or len(mapping) < 2:
            continue
        entries = []
        for row in rows:
            cells = row.xpath("./td|./th")
            entry = {k: None for k in ("name", "position", "unit", "phone", "fax", "email")}
            for i, cell in enumerate(cells):
                if i in mapping:
                    entry[mapping[i]] = clean(cell.text_content()) or None
            if any(entry.values()):
                entries.append(entry)
        return entries
    return None


def elements(doc, section: str) -> list[tuple[str, str]]:
    """Required elements proved on this page by a heading or a link text: [(element key, label)]."""
    allowed = vocab.elements_found_in().get(section, set())
    if not allowed:
        return []
    voc = vocab.elements()
    found = {}
    for el in doc.xpath("//h1|//h2|//h3|//h4|//a|//strong|//caption"):
        label = clean(el.text_content())
        if not label or len(label) > 90:
            continue
        for m in voc.all_by_label(label):
            if m.key in allowed and m.key not in found:
                found[m.key] = label
    return sorted(found.items())


def has_print(doc) -> bool:
    for a in doc.iter("a", "button"):
        blob = f"{a.get('href', '')} {a.get('onclick', '')} {a.get('class', '')} {a.get('title', '')}".lower()
        if "print" in blob or vocab.fold(a.text_content()) in ("in", "in bai", "in bai viet", "in trang", "ban in"):
            return True
    return False


def search_form(doc) -> tuple[str, str] | None:
    """The site search form: (action URL, text input name)."""
    for form in doc.iter("form"):
        inputs = [i for i in form.iter("input") if (i.get("type") or "text").lower() in ("text", "search")]
        if not inputs:
            continue
        blob = vocab.fold(" ".join([form.get("action") or "", form.get("id") or "", form.get("class") or ""] +
                                   [f"{i.get('name', '')} {i.get('placeholder', '')}" for i in inputs]))
        if "tim kiem" in blob or "search" in blob or "keyword" in blob:
            if (form.get("method") or "get").lower() == "get" and form.get("action"):
                return form.get("action"), inputs[0].get("name") or "keyword"
    return None


def forms_fingerprint(doc) -> set[str]:
    return {f"{form.get('action', '')}|{form.get('id', '')}" for form in doc.iter("form")}


def resource_urls(text: str, page_url: str) -> list[str]:
    """AJAX resource URLs (Liferay `p_p_lifecycle=2`) quoted in the page's scripts or hidden inputs."""
    out = []
    for m in QUOTED_RESOURCE.finditer(text):
        raw = m.group(1).replace("\\u003d", "=").replace("\\u0026", "&").replace("&amp;", "&").replace("\\/", "/")
        absolute = urljoin(page_url, raw)
        if absolute not in out:
            out.append(absolute)
    return out


def inline_listing(text: str) -> dict | None:
    """The inline variant: `data = '{...}';` holding the first listing page."""
    m = INLINE_DATA.search(text)
    if not m:
        return None
    raw = re.sub(r"\\(['\\/])", r"\1", m.group(1))
    try:
        return json.loads(raw)
    except ValueError:
        try:
            return json.loads(m.group(1).encode().decode("unicode_escape"))
        except ValueError:
            return None


def listing_items(data: dict, page_url: str) -> list[dict]:
    out = []
    for it in data.get("items") or []:
        if not isinstance(it, dict):
            continue
        url = it.get("urlDetail") or it.get("url") or it.get("link")
        if not url:
            continue
        when = parse_listing_date(it.get("createdDate") or it.get("publishDate") or it.get("displayDate"))
        out.append({"url": urljoin(page_url, url), "title": clean(it.get("title") or ""),
                    "published_at": when, "date_method": "listing-json:createdDate" if when else None})
    return out


def widget_items(doc) -> list[dict]:
    """Items of an HTML list: article links (platform detail grammar) with a date in the same list entry."""
    out, seen = [], set()
    for a in doc.iter("a"):
        href = a.get("href") or ""
        if "/-/details/" not in href and "/-/asset_publisher/" not in href:
            continue
        if _region(a) in ("sidebar", "footer", "menu") or href in seen:
            continue
        entry = a
        for anc in a.iterancestors():
            entry = anc
            if anc.tag in ("li", "tr", "article") or "item" in (anc.get("class") or ""):
                break
        found = parse_text(clean(entry.text_content()))
        seen.add(href)
        out.append({"url": href, "title": clean(a.text_content()) or clean(a.get("title")),
                    "published_at": found.value if found else None,
                    "date_method": f"listing-html:{found.method}" if found else None})
    return out


def next_pages(doc, current: str) -> list[str]:
    """Classic pagination links (`?page=N`, `cur=N`, `pageNum=N`, "Trang sau", "»")."""
    out = []
    for a in doc.iter("a"):
        href = a.get("href") or ""
        label = vocab.fold(a.text_content())
        if re.search(r"[?&](page|cur|pageNum|_cur|p)=\d+", href) or label in ("trang sau", "sau", "tiep"):
            if href != current and href not in out:
                out.append(href)
    return out


def schedule(doc) -> tuple[list[date], str | None]:
    """Days with entries in a weekly grid, and the "Tuần trước" link to walk back in time."""
    text = " ".join(text_lines(doc.body if doc.body is not None else doc))
    m = WEEK_RANGE.search(text)
    days: list[date] = []
    if m:
        start = parse_text(m.group(1))
        if start:
            monday = start.value.date()
            for table in doc.iter("table"):
                rows = table.xpath("./thead/tr|./tbody/tr|./tr")
                if not rows:
                    continue
                cols = {}
                for i, cell in enumerate(rows[0].xpath("./th|./td")):
                    label = vocab.fold(cell.text_content())
                    for name, offset in WEEKDAYS.items():
                        if label.startswith(name):
                            cols[i] = monday + timedelta(days=offset)
                if not cols:
                    continue
                for row in rows[1:]:
                    for i, cell in enumerate(row.xpath("./td|./th")):
                        if i in cols and clean(cell.text_content()) and cols[i] not in days:
                            days.append(cols[i])
    prev = None
    for a in doc.iter("a"):
        if vocab.fold(a.text_content()) in ("tuan truoc", "lich tuan truoc", "tuan truoc do"):
            prev = a.get("href")
            break
    return sorted(days), prev
