"""Links made absolute by crawler/absolute_links.py equal urljoin's results, fast paths included."""
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree, html

from crawler import extract
from crawler.absolute_links import LINK_ATTRS, join, make_absolute

BASES = ["https://sct.bacninh.gov.vn/web/guest/tin-tuc?p=1#x", "http://127.0.0.2:8080/", "http://h/a/b/c.html",
         "file:///tmp/page.html"]
LINKS = ["/web/guest/tin-tuc", "/a/../b", "/a/./b", "/a/..", "/a?", "/a?#", "/a#", "/a?x=1#f", "/a;jsessionid=1",
         "/a;", "//cdn.example.vn/x.js", "/\\evil", "relative/x", "../up", "?q=1", "#top", "", " /spaced ",
         "https://chinhphu.vn/", "HTTP://UPPER.vn/a", "https://h.vn/a/../b", "https://h.vn/a?", "https://h.vn",
         "http://[::1/x", "mailto:a@b.vn", "javascript:void(0)", "/tìm-kiếm?từ=khóa", "/a b", "/a\tb",
         "https://h.vn/a;p", "https://user@h.vn:8443/a?b=c#d", "/.well-known/x", "/a/.hidden", "/a/b/."]


@pytest.mark.parametrize("base", BASES)
def test_join_equals_urljoin(base):
    parts = base.split("/")
    origin = "/".join(parts[:3]) if base.startswith("http") else None
    for link in LINKS:
        try:
            want = urljoin(base, link.strip())
        except ValueError:
            want = None
        assert join(base, origin, link.strip()) == want, link


def test_page_links_match_lxml_make_links_absolute():
    gold = Path(__file__).parent / "gold"
    checked = 0
    for page in sorted(gold.glob("*/*.html"))[::7]:
        text = extract.decode(page.read_bytes())
        ours, theirs, raw = (html.document_fromstring(text) for _ in range(3))
        url = "https://so-tai-chinh.bacninh.gov.vn/web/guest/tin-tuc/chi-tiet?id=1"
        make_absolute(ours, url)
        theirs.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
        for a, b, r in zip(ours.iter(LINK_ATTRS), theirs.iter(LINK_ATTRS), raw.iter(LINK_ATTRS)):
            for attr in LINK_ATTRS[a.tag]:
                written = (r.get(attr) or "").strip()
                if written.startswith("#"):  # an in-page anchor keeps its "#" (urljoin drops an empty one)
                    assert a.get(attr) == url + written, (page.name, written)
                else:
                    assert a.get(attr) == b.get(attr), (page.name, a.tag, attr)
                checked += 1
    assert checked > 500


def test_base_href_is_applied_and_removed():
    doc = html.document_fromstring('<html><head><base href="/portal/"></head><body><a href="x">x</a>'
                                   '<a href="http://[bad/">bad</a></body></html>')
    make_absolute(doc, "https://h.vn/a/b")
    assert doc.xpath("//a/@href") == ["https://h.vn/portal/x"]
    assert not doc.xpath("//base")
    assert etree.tostring(doc).count(b"<a") == 2
