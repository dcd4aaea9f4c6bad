"""The class/id pre-filter of crawler/dates/regions.py only skips selectors that cannot match: on every gold page,
Page.select returns what the CSS selector itself returns."""
from pathlib import Path

from lxml.cssselect import CSSSelector

from crawler import extract
from crawler.dates import regions
from crawler.dates.text import rules

GOLD = Path(__file__).parent / "gold"


def test_prefiltered_select_equals_css_on_gold_pages():
    selectors = [e["css"] for e in rules()["selectors"]] + rules()["title_selectors"] + \
        [", ".join(rules()["body_selectors"]), "article", "main", "#content", ".content", "#main"]
    matched = 0
    for page in sorted(GOLD.glob("*/*.html")):
        doc = extract.parse(page.read_bytes(), "https://xa.bacninh.gov.vn/")
        pg = regions.Page(doc)
        for sel in selectors:
            want = CSSSelector(sel)(doc)
            assert pg.select(sel) == want, (page.name, sel)
            matched += bool(want)
    assert matched > 300


def test_requirements_ignore_negations():
    (_, words, tags), = regions._needs("div.a:not(.b) > span#c")
    assert words == {"a", "c"} and tags == {"div", "span"}
