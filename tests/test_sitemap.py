"""Sitemaps as portals serve them (crawler/platforms/generic.py): query strings with raw `&`, namespaces, sloppy
markup. One bad entry must never cost the entries after it."""
from scrapy.http import XmlResponse

from audit.registry import Portal
from crawler.platforms import generic
from crawler.spiders.portal import PortalSpider

BASE = "http://127.0.0.9:8080"

SITEMAP = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{BASE}/gioi-thieu</loc></url>
  <url><loc>{BASE}/tim-kiem?q=a&page=2</loc></url>
  <url><loc>{BASE}/tin-tuc&amp;su-kien</loc></url>
  <url><loc>
      {BASE}/van-ban
  </loc></url>
  <url><loc>{BASE}/hoi-dap</loc></url>
</urlset>""".encode()


def test_raw_ampersand_is_read_as_the_url_it_is_and_later_entries_are_kept():
    assert generic.sitemap_urls(SITEMAP) == [f"{BASE}/gioi-thieu", f"{BASE}/tim-kiem?q=a&page=2",
                                             f"{BASE}/tin-tuc&su-kien", f"{BASE}/van-ban", f"{BASE}/hoi-dap"]


def test_loc_in_any_namespace_unknown_entities_unexpanded_truncated_body():
    body = (b'<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<sm:urlset xmlns:sm="urn:other"><sm:url><sm:loc>http://a/1?x=&x;&#38;y</sm:loc></sm:url>'
            b'<url><loc>http://a/2</loc></url><url><loc>http://a/3')
    assert generic.sitemap_urls(body) == ["http://a/1?x=&x;&y", "http://a/2", "http://a/3"]
    assert generic.sitemap_urls(b"") == [] and generic.sitemap_urls(b"<html><body>404</body></html>") == []


def test_the_spider_requests_the_sections_listed_after_a_raw_ampersand():
    portal = Portal("xa-thu", "Xã thử", "commune", f"{BASE}/", "phu-luc-2")
    spider = PortalSpider(portals=[portal])
    st = spider.states[portal.id]
    response = XmlResponse(f"{BASE}/sitemap.xml", body=SITEMAP, status=200)
    requested = {r.url: r.meta["section"] for r in generic.parse_sitemap(spider, st, response)}
    assert f"{BASE}/van-ban" in requested and f"{BASE}/hoi-dap" in requested, requested
    assert requested[f"{BASE}/hoi-dap"] == "hoi-dap"
    assert not any("tim-kiem" in u for u in requested)  # search pages and queried URLs stay out
