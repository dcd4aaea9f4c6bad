"""Named fetch statuses (GSA Site Scanning style): every way a fetch can fail has a name, stored per page and
per portal, so an unreachable portal is never mistaken for one without content."""
from __future__ import annotations

from scrapy import exceptions as scrapy_exc
from scrapy.exceptions import IgnoreRequest
from twisted.internet.error import (ConnectionLost, ConnectionRefusedError, DNSLookupError, TCPTimedOutError,
                                    TimeoutError as TwistedTimeout)
from twisted.web._newclient import ResponseNeverReceived

OK = "ok"
# Recent Scrapy versions wrap Twisted's connection errors in their own download exceptions; older ones raise
# Twisted's (checked below).
_SCRAPY_WRAPPED = tuple((getattr(scrapy_exc, name), status) for name, status in (
    ("DownloadConnectionRefusedError", "connection_refused"), ("CannotResolveHostError", "dns_error"),
    ("DownloadTimeoutError", "timeout"),
    # The download handler cancels a download only when its body passes DOWNLOAD_MAXSIZE; a body sent without
    # Content-Length is cancelled mid-stream with an empty message.
    ("DownloadCancelledError", "too_large")) if hasattr(scrapy_exc, name))

STATUSES = ("ok", "dns_error", "connection_refused", "timeout", "tls_error", "http_4xx", "http_5xx",
            "redirect_loop", "robots_blocked", "too_large", "not_html", "too_deep", "budget_exhausted", "connection_error",
            "blocked_unsafe", "query_trap")


def from_http(code: int) -> str:
    if code >= 500:
        return "http_5xx"
    if code >= 400:
        return "http_4xx"
    return OK


def from_failure(failure) -> str:
    exc = failure.value
    if getattr(exc, "fetch_status", None):  # failures that name themselves (crawler/guard.py)
        return exc.fetch_status
    text = str(exc).lower()
    # Scrapy cancels a download past DOWNLOAD_MAXSIZE ("... larger than download max size (…)") and drops a request
    # after REDIRECT_MAX_TIMES hops ("max redirections reached"): both are answers about the page, not the network.
    if "max size" in text or "maxsize" in text:
        return "too_large"
    if failure.check(IgnoreRequest) and "redirect" in text:
        return "redirect_loop"
    for exc_type, status in _SCRAPY_WRAPPED:
        if failure.check(exc_type):
            return status
    if failure.check(DNSLookupError):
        return "dns_error"
    if failure.check(ConnectionRefusedError):
        return "connection_refused"
    if failure.check(TwistedTimeout, TCPTimedOutError):
        return "timeout"
    if "SSL" in type(exc).__name__ or "ssl" in str(exc).lower() or "tls" in str(exc).lower():
        return "tls_error"
    if failure.check(IgnoreRequest):
        if "robots" in text or "forbidden by robots" in text:
            return "robots_blocked"
        if "maxsize" in text or "size" in text:
            return "too_large"
        return "robots_blocked" if not text else "ignored"
    if failure.check(ResponseNeverReceived, ConnectionLost):
        inner = getattr(exc, "reasons", None)
        if inner and any("SSL" in type(r.value).__name__ for r in inner):
            return "tls_error"
        return "connection_error"
    return "connection_error"
