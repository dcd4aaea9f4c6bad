"""The page-date strategies, each a function (doc, url, now) -> FoundDate | None. Order in __init__.STRATEGIES."""
from __future__ import annotations

import json
import re
from datetime import datetime
from functools import lru_cache

from lxml import etree

from crawler import vocab
from crawler.dates import regions
from crawler.dates.text import FoundDate, best, hits, parse_text, rules

_DATE_PUBLISHED = etree.XPath("//*[@itemprop='datePublished']")
URL_DATE = re.compile(r"/(?P<y>20\d{2}|19\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/")


def platform_selectors(doc, url, now) -> FoundDate | None:
    """1. The date elements of the platform and the known CMSs (rules/dates.yaml `selectors`)."""
    pg = regions.page(doc)
    for entry in rules()["selectors"]:
        for el in pg.select(entry["css"]):
            if pg.in_chrome(el) or pg.in_body(el) or _marked_modified(el):
                continue
            text = el.get("datetime") or el.text_content()
            h = best(hits(text.replace("T", " ") if el.get("datetime") else text, now))
            if h:
                return FoundDate(h.value, entry["method"] + (f"+{h.kind}" if h.kind in ("published", "updated") else ""))
    return None


def _marked_modified(el) -> bool:
    """The element says it holds the last-modified date (WordPress `<time class="updated" itemprop="dateModified">`
    printed before the published one): a class word or itemprop of rules/dates.yaml `modified_markers`, unless it is
    also marked published (an unedited post carries "entry-date published updated")."""
    words = set(f"{el.get('class', '')} {el.get('itemprop', '')}".lower().split())
    return bool(words & set(rules()["modified_markers"])) and not words & set(rules()["published_markers"])


def structured(doc, url, now) -> FoundDate | None:
    """2. <meta> published keys, JSON-LD datePublished, then <time datetime> outside chrome and body."""
    keys = [k.lower() for k in rules()["meta_keys"]]
    metas = {}
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in keys and el.get("content") and key not in metas:
            metas[key] = el.get("content")
    for key in keys:
        if key in metas:
            found = parse_text(metas[key].replace("T", " "), now)
            if found:
                return FoundDate(found.value, f"meta:{key}")
    pg = regions.page(doc)
    for script in doc.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        for key in rules()["jsonld_keys"]:
            value = _jsonld_value(script.text or "", key)
            found = parse_text(value.replace("T", " "), now) if value else None
            if found:
                return FoundDate(found.value, f"json-ld:{key}")
    for el in _DATE_PUBLISHED(doc) if "datePublished" in pg.markers else ():
        value = el.get("content") or el.get("datetime") or el.text_content()
        found = parse_text(value.replace("T", " "), now) if value else None
        if found and not pg.in_chrome(el):
            return FoundDate(found.value, "microdata:datePublished")
    for el in doc.iter("time"):
        if pg.in_chrome(el) or pg.in_body(el) or _marked_modified(el):
            continue
        found = parse_text((el.get("datetime") or el.text_content()).replace("T", " "), now)
        if found:
            return FoundDate(found.value, "time")
    return None


def _jsonld_value(raw: str, key: str) -> str | None:
    try:
        data = json.loads(raw)
    except ValueError:
        m = re.search(rf'"{key}"\s*:\s*"([^"]+)"', raw)
        return m.group(1) if m else None
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            if isinstance(node.get(key), str):
                return node[key]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def labelled(doc, url, now) -> FoundDate | None:
    """3. A date after a label near the title ("Ngày đăng", "Cập nhật", "Thứ Hai, …"); published beats updated
    across all near-title blocks."""
    found = [h for el in regions.page(doc).zone for h in hits(el.text_content(), now) if h.kind]
    h = best(found)
    if h is None:
        return None
    return FoundDate(h.value, f"label:{h.kind}:{(h.label or '').lower()}")


def words(doc, url, now) -> FoundDate | None:
    """4. "ngày D tháng M năm Y" near the title."""
    for el in regions.page(doc).zone:
        for h in hits(el.text_content(), now):
            if h.pattern == "ngay-thang-nam":
                return FoundDate(h.value, "near-title:ngay-thang-nam")
    return None


def numeric(doc, url, now) -> FoundDate | None:
    """5. Day-first numerics near the title (optional weekday and time; 12-hour without AM/PM reads the same day)."""
    for el in regions.page(doc).zone:
        h = best(hits(el.text_content(), now))
        if h:
            return FoundDate(h.value, f"near-title:{h.pattern}")
    return None


def field(doc, url, now) -> FoundDate | None:
    """6. A published-date field of a record page (a document's "Published time | 18/04/2013", "Ngày đăng: …" in a
    table or a definition list): the label alone in its cell, a published label (rules/dates.yaml), never an issue,
    signing or effective date."""
    pg = regions.page(doc)
    wanted = _field_labels()
    for label_el, value_el in _pairs(doc):
        if pg.in_chrome(label_el):
            continue
        label = vocab.fold(label_el.text_content()).strip()
        if label in wanted:
            found = parse_text(" ".join(value_el.text_content().split()), now)
            if found:
                return FoundDate(found.value, f"field:{label}")
    return None


def _pairs(doc):
    for dt in doc.iter("dt"):
        dd = dt.getnext()
        if dd is not None and dd.tag == "dd":
            yield dt, dd
    for tr in doc.iter("tr"):
        cells = tr.xpath("./th|./td")
        for a, b in zip(cells, cells[1:]):
            if len(" ".join(a.text_content().split())) <= 30:
                yield a, b


@lru_cache(maxsize=1)
def _field_labels() -> frozenset[str]:
    return frozenset(vocab.fold(w) for w in rules()["published_labels"] + rules()["published_field_labels"])


def fallback(doc, url, now) -> FoundDate | None:
    """7. A date path in the URL (/2025/09/15/, WordPress permalinks), then dateparser on the labelled lines at the
    top of the main content: Vietnamese only, day-first, never completing a missing day or month."""
    m = URL_DATE.search(url or "")
    if m:
        try:
            value = datetime(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if (now is None or value <= now) and value.year >= rules()["min_year"]:
                return FoundDate(value, "url")
        except ValueError:
            pass
    # Only a labelled line is read, and it is part of the body's text: most pages have no label at all. (The body
    # only: <head> holds no line, but often kilobytes of inline script.)
    body = doc.find("body")
    if not _has_label((body if body is not None else doc).text_content()):
        return None
    pg = regions.page(doc)
    main = None
    for sel in ("article", "main", "#content", ".content", "#main"):
        found = [el for el in pg.select(sel) if not pg.in_chrome(el)]
        if found:
            main = found[0]
            break
    if main is None:
        return None
    lines = []
    for el in main.iter("p", "div", "span", "li"):
        if el in pg.bodies or pg.in_chrome(el) or pg.in_body(el):
            continue
        text = " ".join(el.text_content().split())
        if 6 <= len(text) <= 80 and text not in lines:
            lines.append(text)
        if len(lines) >= 12:
            break
    for line in lines:
        after = _after_label(line)
        if after is not None:
            # What follows the label, not what follows the first colon ("17/05/2017 | 2:48 PM" has one in its time).
            value = _dateparser().get_date_data(after).date_obj
            if value is not None:
                value = value.replace(tzinfo=None)
                if (now is None or value <= now) and value.year >= rules()["min_year"]:
                    return FoundDate(value, "dateparser")
    return None


@lru_cache(maxsize=1)
def _label_words() -> tuple[str, ...]:
    """The published/updated labels, less those containing another ("ngày cập nhật" has "cập nhật")."""
    words = [w for k in ("published_labels", "updated_labels") for w in rules()[k]]
    return tuple(w for w in words if not any(o != w and o in w for o in words))


def _has_label(text: str) -> bool:
    low = " ".join(text.lower().split())
    return any(w in low for w in _label_words())


def _after_label(text: str) -> str | None:
    low = " ".join(text.lower().split())
    positions = [(low.find(w), w) for w in _label_words() if w in low]
    if not positions:
        return None
    pos, word = min(positions)
    return " ".join(text.split())[pos + len(word):].lstrip(" :：-–")


@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["vi"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                                       "REQUIRE_PARTS": ["day", "month", "year"]})
