"""The portal directory: every portal a link may point to, whatever portals a run audits.

A link is classified by the portal whose base URL it falls under, the longest base winning: on the shared host
`https://www.bacninh.gov.vn/` is the province and `https://www.bacninh.gov.vn/web/so-noi-vu` Sở Nội vụ. The scheme,
a default port and a leading `www.` do not tell portals apart (a unit links `http://bacninh.gov.vn` as often as
`https://www.bacninh.gov.vn/`). The directory is the province's known portals (the bundled registry, or the file
`--directory` names) plus the run's registry, whose rows win for the same id (the farm gives every portal a
loopback address).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from audit.registry import Portal

_DEFAULT_PORTS = {"http": 80, "https": 443}


def base_key(url: str) -> tuple[str, int | None, tuple[str, ...]] | None:
    """(host without `www.`, port unless the scheme's default, path segments); None for an unusable URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host or parts.scheme.lower() not in ("http", "https", ""):
        return None
    if host.startswith("www."):
        host = host[4:]
    if port is not None and port == _DEFAULT_PORTS.get(parts.scheme.lower()):
        port = None
    return host, port, tuple(s for s in (parts.path or "/").split("/") if s)


def under(url: str, base: str) -> bool:
    """`url` is on `base`'s host and inside its path, by whole segments (/web/xa-a does not take /web/xa-ab)."""
    link, b = base_key(url), base_key(base)
    return link is not None and b is not None and link[:2] == b[:2] and link[2][:len(b[2])] == b[2]


@dataclass(frozen=True)
class Directory:
    portals: tuple[Portal, ...]
    # The crawl status of each portal crawled in the run being scored ("ok", "unreachable", ...); a portal absent
    # here was not crawled in it, so a link to it is not verified.
    crawl_status: dict[str, str] = field(default_factory=dict)

    def match(self, url: str) -> Portal | None:
        """The portal `url` belongs to: the longest base URL it falls under."""
        link = base_key(url)
        if link is None:
            return None
        best, depth = None, -1
        for p in self.portals:
            b = base_key(p.url)
            if b is not None and link[:2] == b[:2] and link[2][:len(b[2])] == b[2] and len(b[2]) > depth:
                best, depth = p, len(b[2])
        return best

    def nested_in(self, portal: Portal) -> tuple[str, ...]:
        """Base URLs of the other portals inside `portal`'s own (the departments under the province's host root)."""
        return tuple(sorted({p.url for p in self.portals if p.id != portal.id and p.url != portal.url
                             and under(p.url, portal.url)
                             and len(base_key(p.url)[2]) > len(base_key(portal.url)[2])}))

    def with_status(self, crawl_status: dict[str, str]) -> "Directory":
        return Directory(self.portals, dict(crawl_status))


def build(run_registry: list[Portal], known: list[Portal]) -> Directory:
    """The run's registry first, then the known portals (another address of a portal the run also lists counts too:
    the farm's loopback address and the real one)."""
    seen, out = set(), []
    for p in list(run_registry) + list(known):
        if (p.id, p.url) not in seen:
            seen.add((p.id, p.url))
            out.append(p)
    return Directory(tuple(out))


def for_run(run_registry: list[Portal], known: list[Portal]) -> tuple[list[Portal], Directory]:
    """The run's portals, each knowing the portals nested in it (its crawl never takes their pages), and the
    directory its links are classified against."""
    directory = build(run_registry, known)
    return [replace(p, nested=directory.nested_in(p)) for p in run_registry], directory
