"""Twisted server of the farm: one listener per portal address (127.0.0.2 ... 127.0.0.120), all on one port.

A request is dispatched by the local address of its connection and, on the province's shared host, by the path
(farm/portals.py portal_at), so each portal is its own host or its own site of the shared host to a crawler. The
down portal's address is simply not listened on: connecting to it is refused.
"""
from __future__ import annotations

import signal
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from twisted.internet import reactor
from twisted.internet.error import CannotListenError
from twisted.web import resource, server

from farm import faults, validators
from farm.declarations import FILE_NAME as DECLARATIONS_FILE, write_declarations
from farm.portals import all_portals, portal_at, write_registry
from farm.site import FarmSite


class FarmResource(resource.Resource):
    isLeaf = True

    def __init__(self, site: FarmSite, request_log=None):
        super().__init__()
        self.site = site
        self.request_log = request_log  # an open text file, or None

    def render(self, request):  # noqa: D401 - Twisted entry point
        address = request.getHost().host
        path = unquote(request.path.decode("utf-8", "replace"))
        if self.request_log is not None:
            self._log("+", address, path)
            request.notifyFinish().addBoth(lambda _: self._log("-", address, path))
        args = {k.decode("utf-8", "replace"): (v[0].decode("utf-8", "replace") if v else "")
                for k, v in (request.args or {}).items()}
        method = request.method.decode("ascii", "replace")
        try:
            resp = self.site.handle_address(address, method, path, args)
        except Exception as exc:  # a farm bug must show up as a 500 with its cause, not kill the server
            request.setResponseCode(500)
            request.setHeader(b"content-type", b"text/plain; charset=utf-8")
            print(f"farm: error on {address}{path}: {exc!r}", file=sys.stderr, flush=True)
            return f"farm error: {exc!r}".encode()
        if resp.status == 200 and not resp.delay and (portal := portal_at(address, path)) is not None:
            offered = validators.headers(validators.kind_of(self.site.farm.seed, portal.id), resp.body)
            for name, value in offered.items():
                request.setHeader(name.encode(), value.encode())
            if offered and validators.not_modified(offered, _header(request, b"if-none-match"),
                                                   _header(request, b"if-modified-since")):
                request.setResponseCode(304)
                return b""
        request.setResponseCode(resp.status)
        request.setHeader(b"content-type", resp.content_type.encode())
        if resp.location:
            request.setHeader(b"location", resp.location.encode())
        if resp.content_encoding:
            request.setHeader(b"content-encoding", resp.content_encoding.encode())
        if resp.stream:
            _Stream(request, resp.stream).start()
            return server.NOT_DONE_YET
        if resp.delay:
            # Slow-portal fault: answer later without blocking the reactor (other portals keep being served).
            request.setHeader(b"content-length", str(len(resp.body)).encode())
            reactor.callLater(resp.delay, _finish_later, request, resp.body)
            return server.NOT_DONE_YET
        return resp.body

    def _log(self, sign: str, address: str, path: str) -> None:
        self.request_log.write(f"{time.monotonic():.6f} {sign} {address} {path}\n")
        self.request_log.flush()


def _header(request, name: bytes) -> str | None:
    value = request.getHeader(name)
    return value.decode("latin-1") if value is not None else None


def _finish_later(request, body: bytes) -> None:
    if request.finished or request.channel is None:  # the client gave up meanwhile
        return
    request.write(body)
    request.finish()


class _Stream:
    """Hostile bodies sent piece by piece without blocking the reactor: "trickle" sends one byte every
    TRICKLE_SECONDS forever (headers first); "chunks" sends STREAMED_BYTES with no Content-Length."""

    def __init__(self, request, kind: str):
        self.request, self.kind, self.sent = request, kind, 0

    def start(self) -> None:
        if self.kind == "trickle":
            self.request.write(b"<")  # flushes the status line and headers: the answer has begun
        self._next()

    def _next(self) -> None:
        request = self.request
        if request.finished or request.channel is None or request._disconnected:
            return  # the client gave up (timeout or size limit)
        if self.kind == "trickle":
            request.write(b" ")
            reactor.callLater(faults.TRICKLE_SECONDS, self._next)
            return
        if self.sent >= faults.STREAMED_BYTES:
            request.write(b"--></body></html>")
            request.finish()
            return
        chunk = faults.streamed_chunk(self.sent // 65536)
        request.write(chunk)
        self.sent += len(chunk)
        reactor.callLater(0, self._next)



def max_in_flight(lines) -> dict[str, int]:
    """Per address, the most requests a request log (`serve --request-log`) shows in flight at once."""
    now: dict[str, int] = {}
    top: dict[str, int] = {}
    events = sorted((float(t), sign == "+", addr) for t, sign, addr, *_ in (ln.split(" ", 3) for ln in lines if ln.strip()))
    for _, start, addr in events:  # at one instant an end is counted before a start
        now[addr] = now.get(addr, 0) + (1 if start else -1)
        top[addr] = max(top.get(addr, 0), now[addr])
    return top


class _QuietSite(server.Site):
    def log(self, request):  # access logs of thousands of requests are noise here
        pass


def listen_all(site: FarmSite, port: int, request_log=None) -> int:
    """Listen on every portal address but the down one (unless faults are off); returns the port (chosen on the
    first address if 0)."""
    factory = _QuietSite(FarmResource(site, request_log))
    # One listener per address: the portals on the province's shared host answer on its address.
    up = list({p.address: p for p in reversed(all_portals()) if not (site.faults and p.down)}.values())[::-1]
    for attempt in range(20):
        listeners = []
        try:
            first = reactor.listenTCP(port, factory, interface=up[0].address)
            listeners.append(first)
            chosen = first.getHost().port
            for p in up[1:]:
                profile = faults.tls_profile(p.id, site.faults)
                if profile:  # HTTPS only: a TLS front on the port, the plain listener behind it (farm/tls.py)
                    from farm.tls import TLSFront
                    behind = reactor.listenTCP(0, factory, interface=p.address)
                    listeners.append(behind)
                    listeners.append(TLSFront(profile, p.address, chosen, behind.getHost().port, _tls_folder()))
                    continue
                listeners.append(reactor.listenTCP(chosen, factory, interface=p.address))
            site.port = chosen
            return chosen
        except (CannotListenError, OSError):  # OSError: a TLS front (farm/tls.py)
            for lst in listeners:
                lst.stopListening() if hasattr(lst, "stopListening") else lst.close()
            if port:
                raise
    raise RuntimeError(f"farm: could not find a port free on all {len(up)} addresses")


def _tls_folder() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="portal-audit-farm-tls-"))


def serve(seed: int, now: datetime, port: int, registry_out: str | Path, faults: bool = True,
          request_log: str | Path | None = None, declarations_out: str | Path | None = None) -> None:
    site = FarmSite(seed, now, port, faults=faults)
    log = open(request_log, "a", encoding="utf-8") if request_log else None
    chosen = listen_all(site, port, log)
    # The declarations first: a client that sees the registry (written last, "farm ready") finds both.
    write_declarations(declarations_out or Path(registry_out).with_name(DECLARATIONS_FILE))
    path = write_registry(registry_out, chosen, faults)
    def stop(*_):
        if reactor.running:
            reactor.callFromThread(reactor.stop)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    state = "" if faults else " (faults off)"
    print(f"farm ready: {len(all_portals())} portals on port {chosen}; registry {path}{state}", flush=True)
    reactor.run(installSignalHandlers=False)
