"""HTTP validators of the farm's portals: some offer ETag, some Last-Modified, some both, some neither (as the real
portals vary by server and proxy), and answer 304 to a conditional request whose validator still matches.

Both validators are derived from the body, so they change exactly when the page does and stay the same when the
farm is served again with a later `--now` that only adds content elsewhere.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from farm.model import rng_for

KINDS = ("etag", "last-modified", "both", "none")
_EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)


def kind_of(seed: int, portal_id: str) -> str:
    return rng_for(seed, portal_id, "validators").choice(KINDS)


def headers(kind: str, body: bytes) -> dict[str, str]:
    digest = hashlib.sha1(body).hexdigest()
    out = {}
    if kind in ("etag", "both"):
        out["ETag"] = f'"{digest[:20]}"'
    if kind in ("last-modified", "both"):
        # A CMS's modification time stands in as a body-derived instant: a changed page gets a new one.
        out["Last-Modified"] = format_datetime(_EPOCH + timedelta(seconds=int(digest[:7], 16)), usegmt=True)
    return out


def not_modified(offered: dict[str, str], if_none_match: str | None, if_modified_since: str | None) -> bool:
    """RFC 9110 §13.2.2: If-None-Match wins when present; otherwise an exact If-Modified-Since match."""
    if if_none_match is not None:
        return "ETag" in offered and offered["ETag"] in [t.strip() for t in if_none_match.split(",")]
    return if_modified_since is not None and offered.get("Last-Modified") == if_modified_since
