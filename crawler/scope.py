"""Which URLs belong to a portal: same host and port, under the portal's base path.

A department may be a Liferay site under a shared host (`https://www.bacninh.gov.vn/web/so-noi-vu`): its pages are
under `/web/so-noi-vu`, its widget renderings under `/widget/web/so-noi-vu`. Everything else is outbound. The
province at the root of that host contains the departments' paths: those are other portals (`nested`), never its own
pages, items or budget.
"""
from __future__ import annotations

from urllib.parse import urlsplit


def _netloc(parts) -> str:
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme)
    host = (parts.hostname or "").lower()
    return host if port in (None, default) else f"{host}:{port}"


def _bare(netloc: str) -> str:
    return netloc[4:] if netloc.startswith("www.") else netloc


class Scope:
    def __init__(self, base_url: str, nested: tuple[str, ...] = ()):
        parts = urlsplit(base_url)
        self.netloc = _netloc(parts)
        path = parts.path.rstrip("/")
        self.prefixes = (path + "/", "/widget" + path + "/") if path else ("/",)
        self.base_path = path or "/"
        # Path prefixes of the portals nested in this one on its host (whole segments; `www.` is the same host),
        # with their widget renderings.
        paths = [urlsplit(n).path.rstrip("/") for n in nested if _bare(_netloc(urlsplit(n))) == _bare(self.netloc)]
        self.nested = tuple(prefix for q in paths if q for prefix in (q, "/widget" + q))

    def _foreign(self, path: str) -> bool:
        return any(path == n or path.startswith(n + "/") for n in self.nested)

    def in_nested(self, url: str) -> bool:
        """A page of a portal nested in this one: its items are that portal's, never this one's."""
        parts = urlsplit(url)
        return bool(self.nested) and _netloc(parts) == self.netloc and self._foreign(parts.path or "/")

    def contains(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _netloc(parts) != self.netloc:
            return False
        path = parts.path or "/"
        return (path == self.base_path or any(path.startswith(p) for p in self.prefixes)) and not self._foreign(path)

    def same_host(self, url: str) -> bool:
        """On the portal's host and not inside a portal nested in it: where its own lists may point."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and _netloc(parts) == self.netloc and \
            not self._foreign(parts.path or "/")
