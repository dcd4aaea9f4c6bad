"""Reading facts out of one HTML page: links, contact block, tables, elements, print function, search form,
listing sources and schedule grids. Pure functions of (document, URL); the spider decides what to fetch next.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urljoin

import yaml
from lxml import etree, html as lxml_html
from w3lib.encoding import html_to_unicode

from crawler import absolute_links, hidden, limits, vocab
from crawler.dates import parse_listing_date, parse_text

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
STRAY_END = re.compile(r"</(?:body|html)\s*>", re.I)
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
    group: str = ""  # the menu entry above it, or the heading of the box that lists it ("Tin tức sự kiện")


# Single-byte code pages a server may claim by default (Apache/IIS settings, old templates) while the bytes are UTF-8.
_LEGACY_SINGLE_BYTE = {"cp1252", "windows-1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii",
                       "us-ascii", "cp1258", "windows-1258"}


def decode(body: bytes, content_type: str | bytes | None = None) -> str:
    """Bytes to NFC text: BOM, HTTP header, <meta charset>, then sniffing (w3lib, as browsers do), with one
    correction: a page declared in a single-byte code page whose bytes are valid UTF-8 with multi-byte sequences is
    UTF-8 (mis-declared; real windows-125x Vietnamese text is practically never valid UTF-8). NFC because legacy
    windows-1258 pages write tones as combining marks after the letter ("e" + U+0302 + U+0301 for "ế")."""
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    encoding, text = html_to_unicode(content_type, body)
    if encoding.lower().replace("_", "-") in _LEGACY_SINGLE_BYTE and not body.isascii():
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return unicodedata.normalize("NFC", text)


# libxml2 reads UTF-8 natively; a Python str reaches it as UCS-4 to convert first (~20% of the parse).
_UTF8_PARSER = lxml_html.HTMLParser(encoding="utf-8")


def tree(body: bytes | str, url: str) -> lxml_html.HtmlElement:
    """The page as lxml reads it, links as written: what date reading needs (crawler.dates works on this)."""
    text = decode(body) if isinstance(body, bytes) else body
    limits.check(text)  # raises limits.PageRefused: not text
    text = XML_DECLARATION.sub("", text, count=1).strip()  # lxml refuses str input that declares an encoding
    # A stray </body> or </html> mid-page (templates glued together) makes libxml2 drop the rest of the page;
    # browsers keep reading into the body (HTML5 "after body" mode). Closing tags of body/html are implied at the
    # end anyway, so dropping them all reads the page as a browser shows it.
    text = STRAY_END.sub("", text)
    try:
        doc = lxml_html.document_fromstring((text or "<html></html>").encode("utf-8"), parser=_UTF8_PARSER,
                                           base_url=url)
    except (ValueError, etree.ParserError):
        doc = lxml_html.document_fromstring("<html></html>")
    else:
        limits.check_parsed(_UTF8_PARSER.error_log)  # nested past what libxml2 reads: PageRefused
    return doc


def parse(body: bytes | str, url: str) -> lxml_html.HtmlElement:
    """tree() with every link made absolute: what the link, listing, form and table readers need."""
    doc = tree(body, url)
    absolute_links.make_absolute(doc, url)
    return doc


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def answer_excerpt(text: str | None) -> str:
    """The start of an answer's text as stored with its question: NFC, whitespace collapsed, at most
    `answer_excerpt_chars` (rules/columns.yaml) characters."""
    return unicodedata.normalize("NFC", clean(text))[:int(_columns()["answer_excerpt_chars"])]


def links(doc) -> list[PageLink]:
    out, navigates = [], {}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        label = clean(a.text_content()) or clean(a.get("title")) or clean(" ".join(
            i.get("alt") or "" for i in a.iter("img")))
        out.append(PageLink(href.split("#")[0], label, _region(a), _group(a, navigates)))
    # A "Liên kết website" drop-down: each option's value is a link a person follows by choosing it.
    for option in doc.iter("option"):
        value = (option.get("value") or "").strip()
        if value.lower().startswith(("http://", "https://")):
            select = next((s for s in option.iterancestors("select")), None)
            region = _region(select) if select is not None else "content"
            out.append(PageLink(value.split("#")[0], clean(option.text_content()), region if region != "content"
                                else "sidebar", _group(select, navigates) if select is not None else ""))
    return out


GROUP_DEPTH = 6  # ancestors climbed from a link to its menu entry or box heading


def _group(a, navigates: dict) -> str:
    """The label a link is filed under: the parent entry of its sub-menu, or the heading of the box listing it."""
    from crawler.layout import box_heading

    node, seen_li = a.getparent(), False
    for _ in range(GROUP_DEPTH):
        if node is None or node.tag in ("body", "html"):
            return ""
        if node.tag == "li":
            if seen_li:
                own = next((x for x in node.iterchildren("a", "span", "strong") if clean(x.text_content())), None)
                if own is not None:
                    return clean(own.text_content())[:80]
            seen_li = True
        head = box_heading(node)
        if head is not None and not any(x is a for x in head.iter("a")):
            # Only a box that navigates (short labels, no dates) files its links under its heading: a box of news
            # headed "Tin tức" lists articles, not sub-categories.
            if node not in navigates:  # one answer per box, not per link: boxes hold hundreds of links
                navigates[node] = _navigates(node)
            return clean(head.text_content())[:80] if navigates[node] else ""
        node = node.getparent()
    return ""


_NAV_LABEL_MAX = 40
_ANY_DATE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}")


def _navigates(box) -> bool:
    labels = [clean(x.text_content()) for x in box.iter("a")]
    return bool(labels) and all(len(lbl) <= _NAV_LABEL_MAX for lbl in labels) and not _ANY_DATE.search(
        box.text_content())


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

    # A newline in the source is a space on screen: lines break only at blocks and <br>.
    def walk(node):
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript"):
            if node.tail:
                parts.append(node.tail.replace("\n", " "))
            return
        block = node.tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text.replace("\n", " "))
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail.replace("\n", " "))

    walk(el)
    return [clean(line) for line in "".join(parts).split("\n") if clean(line)]


@lru_cache(maxsize=None)
def _columns():
    data = yaml.safe_load((vocab.RULES / "columns.yaml").read_text(encoding="utf-8"))
    return {k: vocab.Vocabulary(v) if isinstance(v, dict) else v for k, v in data.items()}


_LABEL_VALUE = re.compile(r"^\s*([^:：]{1,40})[:：]\s*(.*)$")


def _label_value_pairs(root):
    """(label, value) pairs as CMSs print them: "Label: value" lines (also "<strong>Label:</strong> value" and
    "A: x | B: y"), definition lists <dt>Label</dt><dd>value</dd>, and two-cell rows <th>Label</th><td>value</td>."""
    for line in text_lines(root):
        # "Địa chỉ: … - Điện thoại: …; Fax: …": a dash, a bar or a semicolon before the next "Label:" ends a value.
        for chunk in re.split(r"\s+[|–-]\s+(?=[^\d\s])|;\s*(?=[^\d\s;:][^;:]{0,40}[:：])", line):
            m = _LABEL_VALUE.match(chunk)
            if m:
                yield m.group(1), m.group(2)
    for dt in root.iter("dt"):
        dd = dt.getnext()
        if dd is not None and dd.tag == "dd":
            yield clean(dt.text_content()).rstrip(":："), clean(dd.text_content())
    for tr in root.iter("tr"):
        cells = tr.xpath("./th|./td")
        if len(cells) == 2:
            yield clean(cells[0].text_content()).rstrip(":："), clean(cells[1].text_content())


def contact(doc) -> dict[str, str]:
    """Contact fields (address, phone, fax, email) as labelled values. The page's own content (a contact page's
    block) wins over the chrome (the footer every page repeats); within one, the first value of a field wins."""
    own = _contact_fields(_main(doc))
    return own or _contact_fields(doc.body if doc.body is not None else doc)


def _contact_fields(root) -> dict[str, str]:
    labels = _columns()["contact"]
    found: dict[str, str] = {}
    for label, value in _label_value_pairs(root):
        match = labels.by_label(label, exact=True)
        value = clean(value).rstrip(" ;,.|–-")
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
    """Column index -> field for the table's header row: the first of its first three rows that names at least two
    fields (tables without <thead>, or with a title row "DANH BẠ ĐIỆN THOẠI" spanning all columns above it)."""
    rows = table.xpath("./thead/tr|./tbody/tr|./tr")
    best: tuple[dict[int, str], list] = ({}, rows[1:])
    for pos, header in enumerate(rows[:3]):
        mapping = {}
        for i, cell in enumerate(header.xpath("./th|./td")):
            m = vocabulary.by_label(clean(cell.text_content()))
            if m and m.key not in mapping.values():
                mapping[i] = m.key
        if len(mapping) >= 2:
            return mapping, rows[pos + 1:]
        if pos == 0:
            best = (mapping, rows[1:])
    return best


def documents_table(doc) -> list[dict] | None:
    """Rows of a legal-document list: which fields each row shows and whether it has a file."""
    cols = _columns()
    for table in doc.iter("table"):
        mapping, rows = _header_map(table, cols["documents"])
        if len([k for k in mapping.values() if k != "file"]) < cols["documents_min_fields"] or "trich_yeu" not in mapping.values():
            continue
        posted_col = _posted_column(table, cols["documents_posted"])
        out = []
        for row in rows:
            cells = row.xpath("./td|./th")
            if not cells:
                continue
            fields, title, url, has_file = set(), "", None, False
            dates: dict[str, str] = {}
            values: dict[str, str] = {}  # issuing body and number: which documents are the unit's own
            for i, cell in enumerate(cells):
                key = mapping.get(i)
                text = clean(cell.text_content())
                if key and key != "file" and text:
                    fields.add(key)
                # The dates a document's timeliness is judged from (Kế hoạch 65: posted within N working days of
                # its issue): the issue date, and the posting date when the list shows one (never taken for the
                # other, even where a loose "ngày" header matched both).
                found = parse_text(text) if text and (i == posted_col or key == "ngay_ban_hanh") else None
                if found:
                    dates["posted_on" if i == posted_col else "issued_on"] = found.value.date().isoformat()
                if key in ("co_quan", "so_ky_hieu") and text:
                    values[key] = text[:200]
                if key == "trich_yeu":
                    title = text
                    a = cell.find(".//a")
                    url = a.get("href") if a is not None else None
                if key == "file" and cell.find(".//a[@href]") is not None:
                    # A link under the "Tải về" header is the file, whatever its URL looks like (NukeViet serves
                    # them as /laws/down/N/, an icon without a file extension).
                    has_file = True
            for a in row.iter("a"):
                if FILE_LINK.search(a.get("href") or ""):
                    has_file = True
            if not fields and not title and not has_file:
                continue  # a spacer or an empty pager row, not a document
            out.append({"title": title, "url": url, "fields": sorted(fields), "has_file": has_file, **dates, **values})
        return out
    return None


def _posted_column(table, vocabulary) -> int | None:
    """The column of a document list's header that is its posting date ("Ngày đăng"), if any."""
    for header in table.xpath("./thead/tr|./tbody/tr|./tr")[:3]:
        for i, cell in enumerate(header.xpath("./th|./td")):
            if vocabulary.by_label(clean(cell.text_content()), exact=True):
                return i
    return None


DIRECTORY_FIELDS = ("name", "position", "unit", "phone", "fax", "email")


def directory_table(doc) -> list[dict] | None:
    """Officials directory entries: a table with a name column, else cards of labelled lines
    ("Họ và tên: …", "Chức vụ: …" in <p>, <li> or <dl>), a new entry starting at each name."""
    cols = _columns()
    for table in doc.iter("table"):
        mapping, rows = _header_map(table, cols["directory"])
        if "name" not in mapping.values() or len(mapping) < 2:
            continue
        entries = []
        for row in rows:
            cells = row.xpath("./td|./th")
            entry = {k: None for k in DIRECTORY_FIELDS}
            for i, cell in enumerate(cells):
                if i in mapping:
                    entry[mapping[i]] = clean(cell.text_content()) or None
            if any(entry.values()):
                entries.append(entry)
        return entries
    return _directory_cards(doc, cols["directory"])


def _directory_cards(doc, vocabulary) -> list[dict] | None:
    main = _main(doc)
    entries: list[dict] = []
    current: dict | None = None
    for label, value in _label_value_pairs(main):
        m = vocabulary.by_label(label, exact=True)
        if m is None:
            continue
        if m.key == "name":
            current = {k: None for k in DIRECTORY_FIELDS}
            entries.append(current)
        if current is not None and current.get(m.key) is None:
            current[m.key] = clean(value) or None
    entries = [e for e in entries if sum(v is not None for v in e.values()) >= 2]
    return entries or None


def _main(doc):
    """A copy of the page without its chrome (site header, menu, footer, sidebars, related lists): where a
    section's own content is."""
    from crawler.dates.regions import is_chrome_element

    copy = lxml_html.fromstring(lxml_html.tostring(doc.body if doc.body is not None else doc))
    for el in list(copy.iter()):
        parent = el.getparent()
        if isinstance(el.tag, str) and parent is not None and is_chrome_element(el):
            parent.remove(el)
    return copy


def document_search(doc) -> bool:
    """A document search of the section's own: a text field near the document table (in the same portlet or
    block, at most three levels up), not the site search of the header."""
    from crawler.dates.regions import in_chrome

    fields = [i for i in doc.iter("input") if (i.get("type") or "text").lower() in ("text", "search")
              and not in_chrome(i) and not _site_search_field(i)]
    if not fields:
        return False
    for table in doc.iter("table"):
        anc = table
        for _ in range(3):
            anc = anc.getparent()
            if anc is None:
                break
            if any(anc in f.iterancestors() for f in fields):
                return True
    return False


def _site_search_field(field) -> bool:
    marker = f"{field.get('name', '')} {field.get('id', '')} {field.get('class', '')}".lower()
    if "searchbox" in marker or "search-field" in marker:
        return True
    for anc in field.iterancestors():
        blob = f"{anc.tag} {anc.get('class', '')} {anc.get('id', '')}".lower()
        if anc.tag == "header" or re.search(r"(^|[\s_-])header($|[\s_-])", blob):
            return True
    return False


def questions(doc) -> list[dict] | None:
    """Server-rendered Q&A rows: a table whose header names the question, or <dl> pairs (question, answer)."""
    voc = _columns()["questions"]
    for table in doc.iter("table"):
        mapping, rows = _header_map(table, voc)
        if "title" not in mapping.values():
            continue
        out = []
        for row in rows:
            cells = row.xpath("./td|./th")
            got = {mapping[i]: clean(c.text_content()) for i, c in enumerate(cells) if i in mapping}
            if not got.get("title"):
                continue
            asked = parse_text(got.get("asked", ""))
            answered = parse_text(got.get("answered", ""))
            out.append({"title": got["title"], "asked_on": asked.value.date().isoformat() if asked else None,
                        "answered": bool(got.get("answer") or answered),
                        "answered_on": answered.value.date().isoformat() if answered else None})
        return out
    pairs = [(dt, dt.getnext()) for dt in doc.iter("dt")]
    faq = [{"title": clean(dt.text_content()), "asked_on": None, "answered": bool(dd is not None and dd.tag == "dd"
                                                                                 and clean(dd.text_content())),
            "answered_on": None}
           for dt, dd in pairs if "?" in dt.text_content()]
    return faq or None


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
    """The site search form: (action URL, text input name). GET forms first (the probe sends a GET); a POST form
    (SharePoint's single page form) is the fallback so its presence is still seen."""
    found = []
    hides = hidden.hidden(doc)
    for form in doc.iter("form"):
        inputs = [i for i in form.iter("input") if (i.get("type") or "text").lower() in ("text", "search")
                  and not hidden.is_hidden(i, hides)]
        if not inputs:
            continue
        hidden_fields = [f"{i.get('name', '')} {i.get('value', '')}" for i in form.iter("input")
                  if (i.get("type") or "").lower() == "hidden"]
        buttons = [f"{b.text_content()} {b.get('value', '')}" for b in form.iter("button")]
        blob = vocab.fold(" ".join([form.get("action") or "", form.get("id") or "", form.get("class") or "",
                                    form.get("role") or ""] + hidden_fields + buttons +
                                   [f"{i.get('name', '')} {i.get('placeholder', '')} {i.get('id', '')}" for i in inputs]))
        if re.search(r"\b(tim kiem|search|keyword|seek|searchbox|tu khoa)\b", blob) and form.get("action") is not None:
            method_get = (form.get("method") or "get").lower() == "get"
            # A form of several fields or drop-downs searches one section (documents by type, agency, date;
            # procedures by field): the site's search is one box, and is taken first.
            filters = len(inputs) > 1 or next(form.iter("select"), None) is not None
            found.append((filters, not method_get, form.get("action") or doc.base_url or "",
                          inputs[0].get("name") or "keyword"))
    if not found or all(f[0] for f in found):
        scripted = _scripted_search(doc, hides)
        if scripted or not found:
            return scripted
    found.sort(key=lambda f: f[:2])
    return found[0][2], found[0][3]


def search_box(doc) -> bool:
    """A site search box a person sees, submittable or not: a search form (search_form), or a visible text field
    named or labelled for searching beside a button, which only the page's script sends ("Search_onclick()")."""
    if search_form(doc) is not None and not _section_search_only(doc):
        return True
    hides = hidden.hidden(doc)
    for field in doc.iter("input"):
        if (field.get("type") or "text").lower() not in ("text", "search") or hidden.is_hidden(field, hides):
            continue
        box = field.getparent()
        blob = vocab.fold(" ".join([field.get("name") or "", field.get("id") or "", field.get("class") or "",
                                    field.get("placeholder") or "", field.get("value") or "",
                                    field.get("onfocus") or ""] +
                                   [f"{b.get('value', '')} {b.get('onclick', '')} {b.get('id', '')} {b.get('class', '')}"
                                    f" {b.text_content()}" for b in box.iter("button", "input")
                                    if b is not field] if box is not None else []))
        if _SEARCH_WORDS.search(blob) or re.search(r"timkiem|search", blob):
            return True
    return False


def _section_search_only(doc) -> bool:
    """Every search form of the page filters one section (several fields or drop-downs): no site search."""
    forms = [f for f in doc.iter("form") if any((i.get("type") or "text").lower() in ("text", "search")
                                                 for i in f.iter("input"))]
    return bool(forms) and all(sum(1 for i in f.iter("input") if (i.get("type") or "text").lower() in ("text", "search"))
                               > 1 or next(f.iter("select"), None) is not None for f in forms)


_SEARCH_WORDS = re.compile(r"\b(tim kiem|search|seek|tu khoa)\b")


def _scripted_search(doc, hides=frozenset()) -> tuple[str, str] | None:
    """A search box outside any <form> whose button carries the search URL for a script to complete (NukeViet's
    headerSearch: <input> + <button data-url="/index.php?language=vi&nv=seek&q=">): a GET site search all the same,
    its action the URL and its field the parameter left empty at the URL's end."""
    for button in doc.xpath("//button[@data-url]|//a[@data-url]"):
        if hidden.is_hidden(button, hides):
            continue
        url = button.get("data-url") or ""
        m = re.search(r"[?&]([\w.-]+)=$", url)
        if not m or not _SEARCH_WORDS.search(vocab.fold(url)):
            continue
        box = button
        for _ in range(3):
            box = box.getparent()
            if box is None:
                break
            if any((i.get("type") or "text").lower() in ("text", "search") for i in box.iter("input")):
                return urljoin(doc.base_url or "", url[: m.start()]), m.group(1)
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


class Schedule(NamedTuple):
    days: list[date]  # days with an entry
    previous: str | None  # the "Tuần trước" link, to walk back in time
    week_start: date | None  # first day of the week shown, from "từ ngày … đến ngày …"


def schedule(doc) -> Schedule:
    """Days with entries in a weekly grid (or a list of day rows), the previous-week link and the week shown."""
    text = " ".join(text_lines(doc.body if doc.body is not None else doc))
    m = WEEK_RANGE.search(text)
    days: list[date] = []
    monday = None
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
    if not days:
        days = _schedule_day_rows(doc)
    prev = None
    for a in doc.iter("a"):
        if vocab.fold(a.text_content()) in ("tuan truoc", "lich tuan truoc", "tuan truoc do"):
            prev = a.get("href")
            break
    return Schedule(sorted(days), prev, monday)


def _schedule_day_rows(doc) -> list[date]:
    """The list variant of a schedule: one row or heading per day ("Thứ Hai, 03/11/2025" / "Thứ Hai (03/11/2025)")
    followed by that day's entries; a day counts when something is scheduled on it."""
    days: list[date] = []
    for row in doc.iter("tr"):
        cells = row.xpath("./td|./th")
        if len(cells) < 2:
            continue
        found = parse_text(clean(cells[0].text_content()))
        if found and any(clean(c.text_content()) for c in cells[1:]) and found.value.date() not in days:
            days.append(found.value.date())
    for head in doc.xpath("//h3|//h4|//h5|//p/strong|//div[contains(@class,'day')]"):
        text = clean(head.text_content())
        if len(text) > 60 or not vocab.fold(text).startswith(("thu ", "chu nhat")):
            continue
        found = parse_text(text)
        nxt = head.getnext() if head.tag != "strong" else head.getparent().getnext()
        if found and nxt is not None and clean(nxt.text_content()) and found.value.date() not in days:
            days.append(found.value.date())
    return sorted(days)
