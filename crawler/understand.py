"""How one page is understood, outside a crawl: the same reading the spider stores (crawler/platforms/reading.py),
for `portal-audit inspect` and the gold evaluation."""
from __future__ import annotations

import ssl
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from audit.errors import ConfigError
from crawler import extract, guard, platforms, settings
from crawler.platforms.reading import Cue
from crawler.settings import USER_AGENT

MAX_REDIRECTS = 5


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Every redirect comes back as an HTTPError: load() judges each hop before following it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def load(target: str) -> tuple[bytes, str]:
    """Bytes and URL of a page given as a URL or a local file.

    A URL is fetched under the crawl's rules (crawler/guard.py, crawler/settings.py): http(s) only, no private,
    loopback or link-local address unless the target names it by IP literal (a hostname resolving to one is
    refused), every redirect hop checked the same way before it is followed, at most MAX_REDIRECTS of them, and
    the body and the whole download bounded by DOWNLOAD_MAXSIZE and DOWNLOAD_TIMEOUT."""
    if urlsplit(target).scheme in ("http", "https"):
        return _fetch(target)
    path = Path(target)
    if not path.is_file():
        raise ConfigError(f"{target}: không phải URL http(s) và không có tệp này")
    return path.read_bytes(), path.resolve().as_uri()


def _fetch(target: str) -> tuple[bytes, str]:
    allowed = guard.literal_classes([target])
    url = target
    for _hop in range(MAX_REDIRECTS + 1):
        reason = guard.refusal(url, allowed)
        if reason:
            raise ConfigError(f"{target}: không tải trang không an toàn ({guard.BLOCKED}): {reason}")
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Cookie": "GUEST_LANGUAGE_ID=vi_VN"})
        opener = urllib.request.build_opener(_NoRedirects, urllib.request.HTTPSHandler(context=_tls_context(url)))
        try:
            with opener.open(req, timeout=settings.DOWNLOAD_TIMEOUT) as resp:
                return _read_capped(target, resp), resp.geturl()
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.code in guard.REDIRECTS else None
            exc.close()
            if not location:
                raise ConfigError(f"{target}: không tải được trang (HTTP {exc.code} tại {url})") from None
            url = urljoin(url, location.strip())
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ConfigError(f"{target}: không tải được trang ({getattr(exc, 'reason', exc)})") from None
    raise ConfigError(f"{target}: quá {MAX_REDIRECTS} lần chuyển hướng (redirect_loop), dừng tại {url}")


def _tls_context(url: str):
    ctx = ssl.create_default_context()
    if (urlsplit(url).hostname or "").endswith(".gov.vn"):
        # The real portals need legacy TLS (platform.md); inspection must work where the crawler does.
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
        ctx.set_ciphers("DEFAULT:@SECLEVEL=1")
    return ctx


def _read_capped(target: str, resp) -> bytes:
    """The body, refused past DOWNLOAD_MAXSIZE or DOWNLOAD_TIMEOUT for the whole download (a socket timeout alone
    lets a server trickle one byte at a time forever)."""
    deadline = time.monotonic() + settings.DOWNLOAD_TIMEOUT
    chunks, size = [], 0
    while True:
        chunk = resp.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > settings.DOWNLOAD_MAXSIZE:
            raise ConfigError(f"{target}: trang quá lớn (too_large), vượt {settings.DOWNLOAD_MAXSIZE} byte")
        if time.monotonic() > deadline:
            raise ConfigError(f"{target}: quá thời gian chờ (timeout) {settings.DOWNLOAD_TIMEOUT} giây")
        chunks.append(chunk)


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
