"""Which URLs belong to a portal: same host and port, under the portal's base path.

A department may be a Liferay site under a shared host (`https://www.bacninh.gov.vn/web/so-noi-vu`): its pages are
under `/web/so-noi-vu`, its widget renderings under `/widget/web/so-noi-vu`. Everything else is outbound.
"""
from __future__ import annotations

from urllib.parse import urlsplit


def _netloc(parts) -> str:
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme)
    host = (parts.hostname or "").lower()
    return host if port in (None, default) else f"{host}:{port}"


class Scope:
    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.netloc = _netloc(parts)
        path = parts.path.rstrip("/")
        self.prefixes = (path + "/", "/widget" + path + "/") if path else ("/",)
        self.base_path = path or "/"

    def contains(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _netloc(parts) != self.netloc:
            return False
        path = parts.path or "/"
        return path == self.base_path or any(path.startswith(p) for p in self.prefixes)

    def same_host(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and _netloc(parts) == self.netloc
