"""The evidence archive: every fetch of a crawl run in compressed WARC files, and crawling back from them.

A Scrapy downloader middleware placed next to the downloader (after retries, redirects, cookies and decompression
on the way out), so it sees exactly what went over the wire:

- `record` (every networked run): each response is written as a WARC `response` record (status line, headers, the
  body as received) followed by its `request` record (WARC-Concurrent-To); each network failure (refused, timeout,
  DNS, TLS…) as a `metadata` record naming the failure. Files: `<root>/run-<id>-<start>/<time>-<pid>-<n>.warc.gz`, one gzip
  member per record, flushed as written, rotated at PORTAL_AUDIT_ARCHIVE_MAX_BYTES.
- `replay` (`portal-audit replay`): every request is answered from the archive of an earlier run; nothing reaches the
  network (a request the archive does not hold fails as `ignored`). Retries, redirects, cookies, robots.txt and
  decompression run exactly as they did, because they sit above this middleware.
- `resume` (the next run after a crash): requests the interrupted run already fetched are answered from its archive,
  the others go to the network and are recorded. The spider re-reads everything, so the facts are those of an
  uninterrupted crawl, and nothing is fetched twice.

Requests are matched on method, URL and body; a request asked several times (retries) gets the archived outcomes in
the order they happened, the last one repeating. At the end the run's records are indexed in `archive_record`.
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import pickle
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from twisted.internet.error import ConnectionLost, ConnectionRefusedError, DNSLookupError, TimeoutError
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler import status

KEY_HEADER = "WARC-Portal-Audit-Key"
PORTAL_HEADER = "WARC-Portal-Audit-Portal"
FAILURE_TYPE = "application/vnd.portal-audit.failure+json"
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
_HOP_BY_HOP = {b"transfer-encoding", b"connection", b"keep-alive"}


def run_folder(run_id: int, started: datetime | None) -> str:
    """A run's folder under the archive root; the start time keeps two databases sharing a root apart."""
    return f"run-{run_id}" + (f"-{started:%Y%m%dT%H%M%S}" if started else "")


def request_key(method: str, url: str, body: bytes) -> str:
    return hashlib.sha1(b"\0".join([method.upper().encode(), url.encode("utf-8"), body or b""])).hexdigest()


@dataclass
class Entry:
    """One archived outcome: where its record is, and what it was."""
    key: str
    url: str
    method: str
    kind: str  # response | failure
    http_status: int | None
    fetch_status: str | None
    warc_file: str  # relative to the archive root
    warc_offset: int
    warc_length: int
    fetched_at: datetime
    portal: str | None
    exception: str | None = None  # failures: the original exception (module.Class) and message
    message: str | None = None


class ArchivedSSLError(ConnectionLost):
    """A TLS failure replayed from the archive (crawler.status names it tls_error; retried like the original)."""


def failure_for(fetch_status: str, url: str, exception: str | None = None, message: str | None = None) -> Exception:
    """An exception crawler.status classifies as `fetch_status`, for replaying an archived failure. Preferably of
    the original exception's own class with its message (the crawl detail quotes both), else a stand-in."""
    from twisted.python.failure import Failure

    def classified(exc) -> bool:
        try:
            return status.from_failure(Failure(exc)) == fetch_status
        except Exception:
            return False

    def disguised(base_cls):
        """An instance of a subclass of `base_cls` named and worded like the original exception."""
        name = (exception or "").rsplit(".", 1)[-1]
        if not name.isidentifier() or message is None:
            return None
        try:
            cls = type(name, (base_cls,), {"__str__": lambda self, _m=message: _m, "__module__": __name__})
            exc = base_cls.__new__(cls)
            BaseException.__init__(exc, message)
            return exc
        except Exception:
            return None

    original = None
    if exception and "." in exception:
        import importlib
        module, _, name = exception.rpartition(".")
        try:
            original = getattr(importlib.import_module(module), name)
        except Exception:
            original = None
    note = f"(kho lưu trữ) {url}"
    stand_ins = [DNSLookupError(note), ConnectionRefusedError(note), TimeoutError(note), ArchivedSSLError(note),
                 IgnoreRequest(f"download maxsize exceeded {note}"), IgnoreRequest(f"Forbidden by robots.txt {note}"),
                 IgnoreRequest(f"ignored {note}"), ConnectionLost(note)]
    tries = []
    if isinstance(original, type) and issubclass(original, Exception):
        tries.append(disguised(original))
    for base in stand_ins:
        tries += [disguised(type(base)), base]
    for exc in tries:
        if exc is not None and classified(exc):
            return exc
    return ConnectionLost(note)


# --- reading ------------------------------------------------------------------------------------------------------

def scan(root: Path, rel: str, repair: bool = False) -> list[Entry]:
    """Every complete record of one WARC file, in order. A file cut short by a crash ends at its last complete
    record; with `repair` the torn tail is cut off so later appends and readers see a clean file."""
    path = root / rel
    entries: list[Entry] = []
    good_end = 0
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                h = rec.rec_headers
                key = h.get_header(KEY_HEADER)
                url = h.get_header("WARC-Target-URI")
                when = _parse_date(h.get_header("WARC-Date"))
                portal = h.get_header(PORTAL_HEADER)
                body = rec.raw_stream.read()
                it.read_to_end()
                # Offsets only after the record was read: asking earlier consumes the payload (warcio 1.8).
                offset, length = it.get_record_offset(), it.get_record_length()
                if rec.rec_type == "response" and key:
                    method = h.get_header("WARC-Portal-Audit-Method") or "GET"
                    code = int(rec.http_headers.get_statuscode()) if rec.http_headers else None
                    entries.append(Entry(key, url, method, "response", code, status.from_http(code) if code else None,
                                         rel, offset, length, when, portal))
                elif rec.rec_type == "metadata" and key and h.get_header("Content-Type") == FAILURE_TYPE:
                    info = json.loads(body.decode("utf-8"))
                    entries.append(Entry(key, url, info.get("method", "GET"), "failure", None, info["status"], rel,
                                         offset, length, when, portal, exception=info.get("exception"),
                                         message=info.get("message")))
                good_end = offset + length
        except Exception as exc:  # a torn last record (kill -9 while writing): keep what is complete
            logging.getLogger(__name__).warning("%s: WARC file ends with an incomplete record after offset %d (%s)",
                                                path, good_end, exc.__class__.__name__)
            if repair:
                with open(path, "r+b") as fw:
                    fw.truncate(good_end)
    return entries


def _parse_date(value: str | None) -> datetime:
    if not value:
        return datetime.now()
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone().replace(tzinfo=None)


def read_record(root: Path, rel: str, offset: int):
    """(WARC headers, HTTP status and headers, body bytes as received) of the record at `offset`."""
    with open(Path(root) / rel, "rb") as fh:
        fh.seek(offset)
        rec = next(iter(ArchiveIterator(fh)))
        return rec.rec_headers, rec.http_headers, rec.raw_stream.read()


# --- writing ------------------------------------------------------------------------------------------------------

class WarcFiles:
    """This process's WARC files for one run, rotated by size."""

    def __init__(self, root: Path, folder: str, run_id: int, max_bytes: int = DEFAULT_MAX_BYTES):
        self.root, self.run_id, self.max_bytes = Path(root), run_id, max_bytes
        self.folder_name = folder
        (self.root / folder).mkdir(parents=True, exist_ok=True)
        self.stamp = f"{datetime.now():%Y%m%dT%H%M%S}-{os.getpid()}"
        self.n = -1
        self.fh = None
        self.rel = None
        self.writer = None

    def _open(self):
        if self.fh:
            self.fh.close()
        self.n += 1
        self.rel = f"{self.folder_name}/{self.stamp}-{self.n:05d}.warc.gz"
        self.fh = open(self.root / self.rel, "ab")
        self.writer = WARCWriter(self.fh, gzip=True)
        info = self.writer.create_warcinfo_record(Path(self.rel).name, {
            "software": "portal-audit (https://github.com/portal-audit/portal-audit)",
            "format": "WARC File Format 1.1", "isPartOf": f"portal-audit crawl run {self.run_id}"})
        self.writer.write_record(info)

    def write(self, records) -> tuple[str, int, int]:
        """Write `records` (the first is the one indexed); returns (file, offset, length) of the first."""
        if self.fh is None or self.fh.tell() >= self.max_bytes:
            self._open()
        offset = self.fh.tell()
        length = None
        for i, rec in enumerate(records):
            self.writer.write_record(rec)
            if i == 0:
                length = self.fh.tell() - offset
        self.fh.flush()
        return self.rel, offset, length

    def close(self):
        if self.fh:
            self.fh.close()
            self.fh = None


def _headers_list(headers) -> list[tuple[str, str]]:
    out = []
    for name, values in headers.items():
        if name.lower() in _HOP_BY_HOP:
            continue  # the body is stored de-chunked: a Transfer-Encoding header would lie about it
        for v in values:
            out.append((name.decode("latin-1"), v.decode("latin-1")))
    return out


def _warc_date(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the middleware -----------------------------------------------------------------------------------------------

class ArchiveMiddleware:
    def __init__(self, crawler):
        s = crawler.settings
        self.crawler = crawler
        self.mode = s.get("PORTAL_AUDIT_ARCHIVE_MODE") or "off"
        self.root = Path(s.get("PORTAL_AUDIT_ARCHIVE_DIR") or ".")
        self.run_id = s.getint("PORTAL_AUDIT_RUN_ID")
        self.db_url = s.get("PORTAL_AUDIT_DB")
        self.files = None
        if self.mode in ("record", "resume"):
            self.files = WarcFiles(self.root, s.get("PORTAL_AUDIT_ARCHIVE_FOLDER") or run_folder(self.run_id, None),
                                   self.run_id, s.getint("PORTAL_AUDIT_ARCHIVE_MAX_BYTES", DEFAULT_MAX_BYTES))
        self.entries: list[Entry] = []  # this run's index
        self.stored: dict[str, deque[Entry]] = {}
        self.served = 0
        self._handles: dict[str, object] = {}
        # Outcomes are handed out as they are asked for, in whatever order: the spider's choices are a function of
        # what it read, not of when (crawler/spiders/portal.py), so a replay or a resume needs no ordering (holding
        # requests back until their turn filled the downloader and stalled resumed crawls).
        for rel in s.getlist("PORTAL_AUDIT_ARCHIVE_SOURCES"):
            for e in scan(self.root, rel, repair=self.mode == "resume"):
                self.stored.setdefault(e.key, deque()).append(e)

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler)
        crawler.signals.connect(mw.closed, signals.spider_closed)
        return mw

    # replay / resume: answer from the archive
    def process_request(self, request, spider=None):
        if self.mode not in ("replay", "resume"):
            return None
        key = request_key(request.method, request.url, request.body)
        queue = self.stored.get(key)
        if not queue:
            if self.mode == "replay":
                raise IgnoreRequest(f"không có trong kho lưu trữ: {request.url}")
            return None
        # A replay repeats the last outcome of a request asked more often than it was fetched; a resume sends it
        # to the network once the archived outcomes are used up.
        entry = queue[0] if self.mode == "replay" and len(queue) == 1 else queue.popleft()
        return self._serve(request, entry)

    def _serve(self, request, entry: Entry):
        self.entries.append(entry)
        self.served += 1
        if entry.kind == "failure":
            exc = failure_for(entry.fetch_status, request.url, entry.exception, entry.message)
            exc.portal_audit_archived = True
            raise exc
        _, http, body = self._read(entry)
        headers = Headers(http.headers)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=int(http.get_statuscode()), headers=headers, body=body,
                   request=request, flags=["archived"], protocol="HTTP/1.1")

    def _read(self, entry: Entry):
        fh = self._handles.get(entry.warc_file)
        if fh is None:
            fh = self._handles[entry.warc_file] = open(self.root / entry.warc_file, "rb")
        fh.seek(entry.warc_offset)
        rec = next(iter(ArchiveIterator(fh)))
        return rec.rec_headers, rec.http_headers, rec.raw_stream.read()

    # record: what came over the wire
    def process_response(self, request, response, spider=None):
        if self.files is None or "archived" in response.flags:
            return response
        now = datetime.now()
        key = request_key(request.method, request.url, request.body)
        portal = request.meta.get("portal")
        reason = response.status
        http = StatusAndHeaders(f"{response.status} {_reason(response.status)}", _headers_list(response.headers),
                                protocol="HTTP/1.1")
        extra = {KEY_HEADER: key, "WARC-Portal-Audit-Method": request.method, "WARC-Date": _warc_date(now)}
        if portal:
            extra[PORTAL_HEADER] = portal
        if getattr(response, "ip_address", None):
            extra["WARC-IP-Address"] = str(response.ip_address)
        w = self.files.writer or self._ensure_writer()
        resp = w.create_warc_record(request.url, "response", payload=io.BytesIO(response.body),
                                    http_headers=http, warc_headers_dict=extra)
        path = request.url.split("://", 1)[-1]
        path = "/" + path.split("/", 1)[1] if "/" in path else "/"
        req_http = StatusAndHeaders(f"{request.method} {path} HTTP/1.1", _headers_list(request.headers),
                                    is_http_request=True)
        req = w.create_warc_record(request.url, "request", payload=io.BytesIO(request.body or b""),
                                   http_headers=req_http, warc_headers_dict={
                                       "WARC-Date": _warc_date(now),
                                       "WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID")})
        rel, offset, length = self.files.write([resp, req])
        self.entries.append(Entry(key, request.url, request.method, "response", reason, status.from_http(reason), rel,
                                  offset, length, now, portal))
        return response

    def process_exception(self, request, exception, spider=None):
        if self.files is None or getattr(exception, "portal_audit_archived", False):
            return None
        from twisted.python.failure import Failure
        fetch_status = status.from_failure(Failure(exception))
        now = datetime.now()
        key = request_key(request.method, request.url, request.body)
        portal = request.meta.get("portal")
        payload = json.dumps({"status": fetch_status, "method": request.method,
                              "exception": f"{type(exception).__module__}.{type(exception).__name__}",
                              "message": str(exception)}, ensure_ascii=False).encode("utf-8")
        extra = {KEY_HEADER: key, "WARC-Date": _warc_date(now), "Content-Type": FAILURE_TYPE}
        if portal:
            extra[PORTAL_HEADER] = portal
        w = self.files.writer or self._ensure_writer()
        rec = w.create_warc_record(request.url, "metadata", payload=io.BytesIO(payload), warc_headers_dict=extra)
        rel, offset, length = self.files.write([rec])
        self.entries.append(Entry(key, request.url, request.method, "failure", None, fetch_status, rel, offset, length,
                                  now, portal))
        return None

    def _ensure_writer(self):
        self.files._open()
        return self.files.writer

    def closed(self, spider=None, reason=None):
        if self.files:
            self.files.close()
        for fh in self._handles.values():
            fh.close()
        self.crawler.stats.set_value("portal_audit/archive_records", len(self.entries))
        self.crawler.stats.set_value("portal_audit/archive_served", self.served)
        index_out = self.crawler.settings.get("PORTAL_AUDIT_ARCHIVE_INDEX_OUT")
        if index_out:  # a shard (crawler/shards.py): the parent indexes every shard's records once all succeeded
            from crawler.shards import write_private
            write_private(index_out, pickle.dumps(self.entries))
        elif self.db_url:
            from storage.archive import store_index
            store_index(self.db_url, self.run_id, self.entries)


def _reason(code: int) -> str:
    from http import HTTPStatus
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "Unknown"
