"""Twisted server of the farm: one listener per portal address (127.0.0.2 ... 127.0.0.120), all on one port.

A request is dispatched by the local address of its connection, so each portal is its own host to a crawler. The
down portal's address is simply not listened on: connecting to it is refused.
"""
from __future__ import annotations

import signal
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from twisted.internet import reactor
from twisted.internet.error import CannotListenError
from twisted.web import resource, server

from farm.portals import load_portals, write_registry
from farm import validators
from farm.portals import portal_by_address
from farm.site import FarmSite


class FarmResource(resource.Resource):
    isLeaf = True

    def __init__(self, site: FarmSite):
        super().__init__()
        self.site = site

    def render(self, request):  # noqa: D401 - Twisted entry point
        address = request.getHost().host
        path = unquote(request.path.decode("utf-8", "replace"))
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
        if resp.status == 200 and not resp.delay and (portal := portal_by_address(address)) is not None:
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
        if resp.delay:
            # Slow-portal fault: answer later without blocking the reactor (other portals keep being served).
            request.setHeader(b"content-length", str(len(resp.body)).encode())
            reactor.callLater(resp.delay, _finish_later, request, resp.body)
            return server.NOT_DONE_YET
        return resp.body


def _header(request, name: bytes) -> str | None:
    value = request.getHeader(name)
    return value.decode("latin-1") if value is not None else None


def _finish_later(request, body: bytes) -> None:
    if request.finished or request.channel is None:  # the client gave up meanwhile
        return
    request.write(body)
    request.finish()


class _QuietSite(server.Site):
    def log(self, request):  # access logs of thousands of requests are noise here
        pass


def listen_all(site: FarmSite, port: int) -> int:
    """Listen on every portal address but the down one (unless faults are off); returns the port (chosen on the
    first address if 0)."""
    factory = _QuietSite(FarmResource(site))
    up = [p for p in load_portals() if not (site.faults and p.down)]
    for attempt in range(20):
        listeners = []
        try:
            first = reactor.listenTCP(port, factory, interface=up[0].address)
            listeners.append(first)
            chosen = first.getHost().port
            for p in up[1:]:
                listeners.append(reactor.listenTCP(chosen, factory, interface=p.address))
            site.port = chosen
            return chosen
        except CannotListenError:
            for lst in listeners:
                lst.stopListening()
            if port:
                raise
    raise RuntimeError("farm: could not find a port free on all 119 addresses")


def serve(seed: int, now: datetime, port: int, registry_out: str | Path, faults: bool = True) -> None:
    site = FarmSite(seed, now, port, faults=faults)
    chosen = listen_all(site, port)
    path = write_registry(registry_out, chosen)
    def stop(*_):
        if reactor.running:
            reactor.callFromThread(reactor.stop)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    state = "" if faults else " (faults off)"
    print(f"farm ready: {len(load_portals())} portals on port {chosen}; registry {path}{state}", flush=True)
    reactor.run(installSignalHandlers=False)
