"""Keeping the crawl on its portals: a downloader middleware that refuses unsafe requests (issue #9 item 3).

The registry is user input, and so is every page the crawler reads: a portal (or whoever controls its DNS or
redirects) must not be able to point the crawler at another host, at the auditor's own machine or cloud metadata
service (SSRF), or at a local file. Every request — redirect targets included, since RedirectMiddleware sends them
through the downloader middlewares again — must

- use http or https (a redirect to `file:`/`ftp:`/`data:`… is refused too; Scrapy would hand the 3xx back as a page),
- stay on the host (and port) of its portal (robots.txt requests, which carry no portal, on the host of some portal),
- not reach a private, loopback, link-local, multicast or reserved address, unless the portal's registry URL names an
  address of that class by an IP literal (an intranet portal registered as http://10.1.2.3/ — and the offline farm on
  127.0.0.x). A hostname that resolves to such an address is always refused, and link-local (169.254.0.0/16,
  fe80::/10: cloud metadata) is refused even by IP literal.

A refused request fails with UnsafeRequest, which crawler.status names `blocked_unsafe`: the spider's errbacks store
it as the page's or portal's status (a section becomes not_evaluable, never empty) and ArchiveMiddleware records it
in the WARC evidence and archive index with its URL, so nothing is dropped silently.

Hostnames are resolved once per crawl in a thread (never on the reactor), all addresses checked. Scrapy resolves
again when it connects; a DNS server answering differently between the two lookups is not covered here.
"""
from __future__ import annotations

import ipaddress
import logging
import socket
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future

logger = logging.getLogger(__name__)

BLOCKED = "blocked_unsafe"
SCHEMES = ("http", "https")
REDIRECTS = (301, 302, 303, 307, 308)


class UnsafeRequest(IgnoreRequest):
    """A request the guard refused; crawler.status reads `fetch_status`."""
    fetch_status = BLOCKED


def address_class(ip) -> str | None:
    """The class of a non-public address ("loopback", "link_local"…), None for a public one."""
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name in ("link_local", "loopback", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{name}"):
            return name
    return None if ip.is_global else "private"


def _ip_literal(host: str):
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _netloc(parts) -> str:
    port = parts.port
    host = (parts.hostname or "").lower()
    return host if port in (None, {"http": 80, "https": 443}.get(parts.scheme)) else f"{host}:{port}"


def literal_classes(urls) -> dict[str, str]:
    """netloc -> the non-public address class a URL names by IP literal (never link-local): what those URLs may use."""
    out = {}
    for url in urls:
        parts = urlsplit(url)
        ip = _ip_literal(parts.hostname or "")
        cls = address_class(ip) if ip is not None else None
        if cls is not None and cls != "link_local":
            out[_netloc(parts)] = cls
    return out


def _scheme_refusal(parts, url: str) -> str | None:
    if parts.scheme not in SCHEMES:
        return f"lược đồ '{parts.scheme}:' không phải http(s): {url}"
    return None


def _literal_refusal(parts, netloc: str, url: str, allowed: dict[str, str]) -> str | None:
    ip = _ip_literal(parts.hostname or "")
    if ip is not None:
        cls = address_class(ip)
        if cls is not None and allowed.get(netloc) != cls:
            return f"địa chỉ {ip} thuộc vùng {cls}: {url}"
    return None


def refusal(url: str, allowed: dict[str, str], resolver=None) -> str | None:
    """Why `url` may not be fetched by its scheme and address alone (no portal host rule), None when it may: for
    one-off fetches outside a crawl (`inspect`). `allowed` is literal_classes() of the addresses the user named;
    `resolver(host)` gives a hostname's addresses (default: resolve), every one of them must be public."""
    try:
        parts = urlsplit(url)
        netloc = _netloc(parts)
    except ValueError:
        return f"URL không hợp lệ: {url}"
    reason = _scheme_refusal(parts, url) or _literal_refusal(parts, netloc, url, allowed)
    host = parts.hostname or ""
    if reason or _ip_literal(host) is not None:
        return reason
    if not host:
        return f"URL không có máy chủ: {url}"
    try:
        addresses = (resolver or resolve)(host)
    except OSError as exc:
        return f"không phân giải được tên miền {host} ({exc})"
    bad = unsafe_addresses(addresses)
    return f"tên miền {host} trỏ tới {', '.join(bad)}: {url}" if bad else None


class Policy:
    """What the registry allows: each portal's host, and the address classes its IP literals name."""

    def __init__(self, portals):
        self.hosts: dict[str, str] = {p.id: _netloc(urlsplit(p.url)) for p in portals}  # portal id -> netloc
        self.literal_classes = literal_classes(p.url for p in portals)  # netloc -> class named by an IP literal
        self.netlocs = set(self.hosts.values())

    def static_refusal(self, url: str, portal: str | None) -> str | None:
        """Why `url` is refused without resolving anything; None when only DNS can tell."""
        try:
            parts = urlsplit(url)
            netloc = _netloc(parts)
        except ValueError:
            return f"URL không hợp lệ: {url}"
        reason = _scheme_refusal(parts, url)
        if reason:
            return reason
        allowed = {self.hosts[portal]} if portal in self.hosts else self.netlocs
        if netloc not in allowed:
            return f"máy chủ {netloc or '(trống)'} nằm ngoài cổng: {url}"
        return _literal_refusal(parts, netloc, url, self.literal_classes)


def unsafe_addresses(addresses) -> list[str]:
    return [f"{a} ({address_class(ipaddress.ip_address(a))})" for a in addresses
            if address_class(ipaddress.ip_address(a)) is not None]


def resolve(host: str) -> list[str]:
    """Every address `host` resolves to (IPv4 and IPv6); blocking: run in a thread."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({info[4][0].split("%", 1)[0] for info in infos})


class SafetyMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.policy: Policy | None = None
        self.resolve_dns = crawler.settings.get("PORTAL_AUDIT_ARCHIVE_MODE") != "replay"  # replay: no network
        self.dns_timeout = crawler.settings.getfloat("DNS_TIMEOUT", 20)
        self.resolved: dict[str, list[str] | None] = {}  # host -> addresses; None: lookup failed (left to Scrapy)
        self.pending: dict[str, object] = {}  # host -> Deferred of the lookup in flight

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _refuse(self, request, reason: str):
        self.crawler.stats.inc_value(f"portal_audit/{BLOCKED}")
        logger.warning("%s: %s", BLOCKED, reason)
        raise UnsafeRequest(f"chặn yêu cầu không an toàn ({BLOCKED}): {reason}")

    async def process_request(self, request):
        if self.policy is None:
            self.policy = Policy(getattr(self.crawler.spider, "portals", ()))
        reason = self.policy.static_refusal(request.url, request.meta.get("portal"))
        if reason:
            self._refuse(request, reason)
        host = urlsplit(request.url).hostname or ""
        if not self.resolve_dns or _ip_literal(host) is not None:
            return None
        addresses = await self._addresses(host)
        bad = unsafe_addresses(addresses or ())
        if bad:
            self._refuse(request, f"tên miền {host} trỏ tới {', '.join(bad)}: {request.url}")
        return None

    async def _addresses(self, host: str):
        if host in self.resolved:
            return self.resolved[host]
        from twisted.internet import reactor, threads
        from twisted.internet.defer import Deferred

        lookup = self.pending.get(host)
        if lookup is None:
            lookup = threads.deferToThread(resolve, host)
            lookup.addTimeout(self.dns_timeout, reactor)
            # A failed lookup is Scrapy's to report (dns_error) when it connects; only answers are judged here.
            lookup.addErrback(lambda _failure: None)
            lookup.addCallback(self._store, host)
            self.pending[host] = lookup
        waiter = Deferred()
        lookup.addCallback(lambda result: (waiter.callback(result), result)[1])
        return await maybe_deferred_to_future(waiter)

    def _store(self, addresses, host):
        self.resolved[host] = addresses
        self.pending.pop(host, None)
        return addresses

    def process_response(self, request, response):
        # RedirectMiddleware does not follow a Location outside http(s) and returns the 3xx itself, which the spider
        # would read as an empty page: refused here instead, named, with its target.
        location = response.headers.get(b"Location") if response.status in REDIRECTS else None
        if location:
            target = urljoin(request.url, location.decode("latin-1").strip())
            if urlsplit(target).scheme not in SCHEMES:
                self._refuse(request, f"chuyển hướng từ {request.url} tới {target}")
        return response
