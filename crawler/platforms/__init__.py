"""Which CMS serves a portal, read from its home page, and so which reader the spider uses on it.

"liferay" portals are read through the platform's portlets (loadPage JSON, Q&A JSON) as well as their HTML;
"generic" portals (SharePoint, NukeViet, WordPress and anything unknown) through HTML only: dated links of
content regions, pagination links, Q&A tables (crawler/platforms/generic.py). The registry column `spider`
overrides the detection.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# (platform, pattern) in order of trust; the first match names the platform. Generator metas first: they are
# the CMS's own statement.
MARKERS: tuple[tuple[str, re.Pattern], ...] = (
    ("nukeviet", re.compile(r"<meta[^>]+content=[\"']NukeViet", re.I)),
    ("wordpress", re.compile(r"<meta[^>]+content=[\"']WordPress|/wp-content/|/wp-includes/", re.I)),
    ("sharepoint", re.compile(r"_spPageContextInfo|/_layouts/1[0-9]/|ms-rtestate-field", re.I)),
    ("liferay", re.compile(r"\bLiferay\.|portlet-boundary|p_p_id_|themeDisplay", re.I)),
)
SPIDERS = {"liferay": "liferay"}  # platform -> reader; everything else is read generically


@dataclass(frozen=True)
class Detection:
    platform: str  # liferay | nukeviet | wordpress | sharepoint | unknown
    spider: str  # liferay | generic
    evidence: str  # the marker seen, or "registry" when the registry chose the reader


def detect(text: str, override: str = "") -> Detection:
    """The platform of a home page's HTML, and the reader for it (`override`: the registry's `spider`)."""
    platform, evidence = "unknown", ""
    for name, pattern in MARKERS:
        m = pattern.search(text)
        if m:
            platform, evidence = name, m.group(0)[:60]
            break
    if override:
        return Detection(platform, override, "registry")
    return Detection(platform, SPIDERS.get(platform, "generic"), evidence)


def reading_class(spider: str):
    """The page reader of a portal's reader name (Detection.spider)."""
    from crawler.platforms.liferay import LiferayReading
    from crawler.platforms.reading import PageReading

    return LiferayReading if spider == "liferay" else PageReading


def read(doc, text: str, url: str, spider: str, *, now=None, cue=None, same_site=None):
    """The one way a page is read (crawler/platforms/reading.py): the spider, inspect and the gold sets call it."""
    return reading_class(spider)(doc, text, url, now=now, cue=cue, same_site=same_site, platform=spider)
