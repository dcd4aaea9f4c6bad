"""Incremental nights: a downloader middleware that answers from the previous run's copy of a page when the page
cannot have changed, and asks the server otherwise.

The previous copy of a request is the response the last finished run that crawled its portal archived for the same
method, URL and body (crawler/archive.py). For each request:

- `meta["reuse_after"]` (a POSIX time) set by the spider: the copy is used without any network request when it was
  served (its HTTP `Date`) at or after that time — known article pages whose listing entry did not change, listing
  pages past the first one holding only known items, schedule weeks already over when last read, static pages
  younger than the freshness limit;
- otherwise, when the copy carries validators, the request is made conditional (If-None-Match / If-Modified-Since)
  and a 304 answer is replaced by the copy, its `Date`/validators refreshed (RFC 9111 §4.3.4);
- otherwise the request goes to the network as usual.

Either way the spider parses a complete page, so a night's facts are rebuilt from pages exactly as on a first
night: nothing is carried forward by special code, and the scorer sees every fact of the run. The copies are
recorded again in the new run's archive (flagged `reused`), so every run's archive stays complete on its own and the
next night finds its copies there. Placed next to the downloader (after the archive), so replays never reach it.
"""
from __future__ import annotations

import hashlib
from email.utils import parsedate_to_datetime
from pathlib import Path

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

from crawler.archive import read_record, request_key, scan

REFRESHED = (b"Date", b"ETag", b"Last-Modified", b"Cache-Control", b"Expires")


class IncrementalMiddleware:
    def __init__(self, crawler):
        self.stats = crawler.stats
        self.copies: dict[str, tuple[Path, str, int]] = {}  # request key -> (archive root, file, offset)
        for source in crawler.settings.getlist("PORTAL_AUDIT_PREVIOUS"):
            root, portals = Path(source["root"]), set(source["portals"])
            for rel in source["files"]:
                for e in scan(root, rel):
                    if e.kind == "response" and e.http_status == 200 and e.portal in portals:
                        self.copies[e.key] = (root, e.warc_file, e.warc_offset)  # the last record: the newest content

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _copy(self, key: str):
        root, rel, offset = self.copies[key]
        _, http, body = read_record(root, rel, offset)
        return Headers(http.headers), body

    def process_request(self, request, spider=None):
        key = request_key(request.method, request.url, request.body)
        if key not in self.copies and request.meta.get("copy_of") is not None:
            raise IgnoreRequest(f"no previous copy: {request.url}")
        if key not in self.copies:
            self.stats.inc_value("incremental/network")
            return None
        headers, body = self._copy(key)
        if request.meta.get("copy_of") is not None:
            # A second look at a page just fetched (the spider's _previous_copy): only the old copy, and only when
            # it differs; not archived again, since tonight's copy of that URL is the one fetched.
            if hashlib.sha256(body).hexdigest() == request.meta["copy_of"]:
                raise IgnoreRequest(f"previous copy unchanged: {request.url}")
            self.stats.inc_value("incremental/old_copies")
            response = self._response(request, headers, body)
            response.flags.append("archived")
            return response
        after = request.meta.get("reuse_after")
        if after is not None and _served_at(headers) >= after:
            self.stats.inc_value("incremental/reused")
            return self._response(request, headers, body)
        if headers.get(b"ETag"):
            request.headers.setdefault(b"If-None-Match", headers[b"ETag"])
        if headers.get(b"Last-Modified"):
            request.headers.setdefault(b"If-Modified-Since", headers[b"Last-Modified"])
        request.meta["incremental_key"] = key
        self.stats.inc_value("incremental/network")
        return None

    def process_response(self, request, response, spider=None):
        key = request.meta.get("incremental_key")
        if response.status != 304 or key is None:
            return response
        self.stats.inc_value("incremental/not_modified")
        headers, body = self._copy(key)
        for name in REFRESHED:
            if response.headers.get(name):
                headers[name] = response.headers[name]
        return self._response(request, headers, body)

    @staticmethod
    def _response(request, headers, body):
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=200, headers=headers, body=body, request=request, flags=["reused"],
                   protocol="HTTP/1.1")


def _served_at(headers) -> float:
    """When the server sent this copy (its HTTP Date); a copy without a date is treated as infinitely old."""
    try:
        return parsedate_to_datetime(headers[b"Date"].decode("latin-1")).timestamp()
    except (KeyError, TypeError, ValueError, AttributeError):
        return float("-inf")
