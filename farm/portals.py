"""The farm's own list of the 119 portals and where each one lives on loopback.

The list is a copy of the product registry's id/name/kind columns, bundled in farm/data so the farm never reads
the product's rules/ directory. Portal i (0-based, in file order) answers on 127.0.0.(i+2); departments sit under
/web/<id> like the sites of www.bacninh.gov.vn, the province and communes/wards at the root of their address.

The list's `host` column follows the product registry's topology: the portals it places on www.bacninh.gov.vn (the
province at `/`, departments at `/web/<site>`) share the province's address, so a crawler meets one host holding
several portals as on the real platform. A department the farm renders with another CMS keeps an address of its
own (a SharePoint site is not a path of a Liferay host), as do the portals on hosts of their own.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "portals.csv"

# The one portal that is "down" in v1: its address is never listened on, so connections are refused.
# A commune in the middle of the list, fixed (not seeded) so tests and docs can name it.
DOWN_PORTAL_ID = "xa-tan-dinh"
# A ward whose editors (or an attacker) put script and HTML in titles and link targets: the report must show them as
# text (issue 7). Nothing else about it differs, so its truth is computed like any other portal's.
HOSTILE_PORTAL_ID = "phuong-tu-son"
HOSTILE_TITLE_SUFFIXES = (' <script>alert("xss")</script>', ' "><img src=x onerror=alert(1)>', " <b>in đậm</b> & <i>nghiêng</i>")
HOSTILE_LINKS = (("javascript:alert(1)", 'Liên kết <script>alert("lk")</script>'),
                 ('https://lienket.example.vn/?q=<script>alert(2)</script>"', "Trang ngoài <img src=x onerror=alert(3)>"))

REGISTRY_COLUMNS = ("id", "name", "kind", "url", "rubric", "host_confidence", "notes")

# Synthetic farms for scaling benchmarks (`serve --portals N`): the 119 real portals, then clones of them in turn on
# 127.0.1.2, 127.0.1.3, … (250 per /24). A clone has its own id (`<id>-2`, `<id>-3`, …) and therefore its own
# seeded content, drawn from the same generator with the profile of the portal it copies; it has no fault. The
# truth (farm/truth.py) knows only the 119 real portals.
CLONES_PER_SUBNET = 250
_size: int | None = None  # total portals served; None: the 119 real ones


@dataclass(frozen=True)
class FarmPortal:
    index: int
    id: str
    name: str
    kind: str  # province | department | commune | ward
    source: str | None = None  # a synthetic clone: the real portal whose profile it takes
    shared_host: bool = False  # a site of the province's host (see the module's docstring)

    @property
    def address(self) -> str:
        real = len(load_portals())
        if self.index < real:
            if self.shared_host and self.base_path:
                return _host_address()
            return f"127.0.0.{self.index + 2}"
        j = self.index - real
        return f"127.0.{1 + j // CLONES_PER_SUBNET}.{2 + j % CLONES_PER_SUBNET}"

    @property
    def base_path(self) -> str:
        """Path prefix of every page of the portal ('' at the root of the address)."""
        from farm.cms import own_host

        return f"/web/{self.id}" if self.kind == "department" and not own_host(self.id) else ""

    @property
    def is_commune(self) -> bool:
        return self.kind in ("commune", "ward")

    @property
    def down(self) -> bool:
        return self.id == DOWN_PORTAL_ID

    def origin(self, port: int, tls: bool = False) -> str:
        return f"{'https' if tls else 'http'}://{self.address}:{port}"

    def base_url(self, port: int, tls: bool = False) -> str:
        """The registry URL: http://127.0.0.N:PORT/ or http://127.0.0.N:PORT/web/<id> (https for a TLS fault)."""
        return self.origin(port, tls) + (self.base_path or "/")


@lru_cache(maxsize=1)
def load_portals() -> tuple[FarmPortal, ...]:
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return tuple(FarmPortal(i, r["id"], r["name"], r["kind"], shared_host=r.get("host") == "shared")
                 for i, r in enumerate(rows))


@lru_cache(maxsize=1)
def _host_address() -> str:
    """The shared host's address: that of the portal at its root (the province)."""
    root = next(p for p in load_portals() if p.shared_host and p.kind == "province")
    return f"127.0.0.{root.index + 2}"


def portal_at(address: str, path: str) -> FarmPortal | None:
    """The portal a request for `path` on `address` reaches: the one whose base path holds it (whole segments,
    `/widget<base>` too), else the one at the root of the address."""
    here = _at_address(_size).get(address, ())
    for p in here:
        base = p.base_path
        if base and any(path == b or path.startswith(b + "/") for b in (base, "/widget" + base)):
            return p
    root = [p for p in here if not p.base_path or not p.shared_host]
    return root[0] if root else None


@lru_cache(maxsize=4)
def _at_address(n: int | None) -> dict[str, tuple[FarmPortal, ...]]:
    out: dict[str, list[FarmPortal]] = {}
    for p in _all(n):
        out.setdefault(p.address, []).append(p)
    return {a: tuple(ps) for a, ps in out.items()}


def set_size(n: int) -> None:
    """Serve `n` portals (at least the 119 real ones): the real ones plus synthetic clones."""
    global _size
    real = len(load_portals())
    if not real <= n <= real + CLONES_PER_SUBNET * 250:
        raise ValueError(f"--portals {n}: between {real} and {real + CLONES_PER_SUBNET * 250}")
    _size = n
    from farm.design import feature_table
    feature_table.cache_clear()  # profiles dealt before the clones existed lack them


@lru_cache(maxsize=4)
def _all(n: int | None) -> tuple[FarmPortal, ...]:
    real = load_portals()
    clones = []
    for i in range(len(real), n or len(real)):
        base = real[(i - len(real)) % len(real)]
        copy = (i - len(real)) // len(real) + 2
        clones.append(FarmPortal(i, f"{base.id}-{copy}", f"{base.name} {copy}", base.kind, source=base.id))
    return real + tuple(clones)


def all_portals() -> tuple[FarmPortal, ...]:
    """Every portal served: the 119 real ones, plus the synthetic clones of a larger farm."""
    return _all(_size)


@lru_cache(maxsize=4)
def _by_id(n: int | None) -> dict[str, FarmPortal]:
    return {p.id: p for p in _all(n)}


def portal_by_id(pid: str) -> FarmPortal:
    return _by_id(_size)[pid]


def registry_rows(port: int, faults: bool = True) -> list[dict[str, str]]:
    from farm.faults import tls_profile  # faults.py imports this module

    return [
        {"id": p.id, "name": p.name, "kind": p.kind, "url": p.base_url(port, bool(tls_profile(p.id, faults))), "rubric": "",
         "host_confidence": "confirmed", "notes": "farm"}
        for p in all_portals()
    ]


def write_registry(path: str | Path, port: int, faults: bool = True) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=REGISTRY_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(registry_rows(port, faults))
    return out


def port_from_registry(path: str | Path) -> int:
    """The port a farm registry was written for (all rows share it)."""
    from urllib.parse import urlsplit

    with Path(path).open(encoding="utf-8", newline="") as f:
        ports = {urlsplit(r["url"]).port for r in csv.DictReader(f)}
    if len(ports) != 1 or None in ports:
        raise ValueError(f"{path}: not a farm registry (ports {sorted(map(str, ports))})")
    return ports.pop()
