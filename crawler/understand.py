"""How one page is understood, outside a crawl: the same reading the spider stores (crawler/platforms/reading.py),
for `portal-audit inspect` and the gold evaluation."""
from __future__ import annotations

import ssl
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from audit.errors import ConfigError
from crawler import extract, platforms
from crawler.platforms.reading import Cue
from crawler.settings import USER_AGENT


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


def reading(body: bytes, url: str, via: str | None = None, now: datetime | None = None, title: str | None = None,
            spider: str | None = None):
    """The page's reading. `via`: the menu label it was reached from; `title`: the listing entry's title that
    led to it; `spider`: the portal's reader (default: detected from this page, as the crawl does on a home page)."""
    text = extract.decode(body)
    doc = extract.parse(text, url)
    spider = spider or platforms.detect(text).spider
    return platforms.read(doc, text, url, spider, now=now or datetime.now(), cue=Cue(label=via, title=title))


def understand(body: bytes, url: str, section_hint: str | None = None, now: datetime | None = None,
               title_hint: str | None = None) -> dict:
    return reading(body, url, section_hint, now, title_hint).as_dict()
