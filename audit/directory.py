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
from functools import cached_property
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


def _inside(link: tuple, base: tuple) -> bool:
    """`link` is on `base`'s host and port and inside its path, by whole segments (/web/xa-a does not take
    /web/xa-ab)."""
    return link[:2] == base[:2] and link[2][:len(base[2])] == base[2]


@dataclass(frozen=True)
class Directory:
    portals: tuple[Portal, ...]
    # The crawl status of each portal crawled in the run being scored ("ok", "unreachable", ...); a portal absent
    # here was not crawled in it, so a link to it is not verified.
    crawl_status: dict[str, str] = field(default_factory=dict)

    @cached_property
    def _bases(self) -> list[tuple[tuple, Portal]]:
        """Each portal's parsed base URL, parsed once: every link of every portal is matched against all of them."""
        return [(key, p) for p in self.portals if (key := base_key(p.url)) is not None]

    def match(self, url: str) -> Portal | None:
        """The portal `url` belongs to: the longest base URL it falls under."""
        link = base_key(url)
        found = [(len(key[2]), p) for key, p in self._bases if link is not None and _inside(link, key)]
        return max(found, key=lambda f: f[0])[1] if found else None

    def nested_in(self, portal: Portal) -> tuple[str, ...]:
        """Base URLs of the other portals inside `portal`'s own (the departments under the province's host root)."""
        own = base_key(portal.url)
        return tuple(sorted({p.url for key, p in self._bases if own is not None and p.id != portal.id
                             and _inside(key, own) and len(key[2]) > len(own[2])}))

    @classmethod
    def of(cls, portals) -> "Directory":
        """A directory as given, or one of these portals (a registry) with no crawl status."""
        return portals if isinstance(portals, Directory) else cls(tuple(portals))

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
