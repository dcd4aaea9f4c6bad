"""Which platform and theme each farm portal runs, and each platform's URL grammar.

Most portals run the shared Liferay platform, in one of three themes (the province's sites drifted apart over years
of customisation). A few run other CMSs seen on Vietnamese government sites, so no crawler can hard-code one
template. Every platform renders the same content model (farm/model.py), so the ground truth does not depend on it.

This module imports nothing from the farm: portals.py asks it which departments have a host of their own.
"""
from __future__ import annotations

import re

# Portal id -> platform; every other portal is "liferay". Fixed (not seeded) so tests and docs can name them.
PLATFORMS: dict[str, str] = {
    "so-ngoai-vu": "sharepoint", "ban-quan-ly-cac-khu-cong-nghiep": "sharepoint",
    "xa-luc-ngan": "nukeviet", "xa-kien-lao": "nukeviet", "xa-dong-phu": "nukeviet",
    "xa-cam-ly": "wordpress", "xa-tien-luc": "wordpress", "xa-gia-binh": "wordpress",
}
# SharePoint detail URLs: list item by id, or a publishing page per article.
SHAREPOINT_DETAIL = {"so-ngoai-vu": "itemid", "ban-quan-ly-cac-khu-cong-nghiep": "page"}
# Platforms that serve /sitemap.xml (and name it in robots.txt).
SITEMAP = {"wordpress", "nukeviet"}

# Liferay themes: the first three by the portal's row index modulo 3; "portal4" on every row index ≡ 1 (mod 7)
# instead (12 of the 111 Liferay portals, ~11%, once the fault rows are left out: HTML-only listings, farm/portal4.py).
# Fault and hostile portals are pinned to "classic" whatever their row.
LIFERAY_THEMES = ("classic", "sibling", "asset", "portal4")
PORTAL4_MODULUS, PORTAL4_REMAINDER = 7, 1


def platform_of(portal_id: str) -> str:
    return PLATFORMS.get(portal_id, "liferay")


def theme_of(portal_id: str, index: int, pinned: bool) -> str:
    """Liferay theme of a portal; fault and hostile portals keep the classic one (their faults are written for it)."""
    if platform_of(portal_id) != "liferay":
        return platform_of(portal_id)
    if pinned:
        return "classic"
    return "portal4" if index % PORTAL4_MODULUS == PORTAL4_REMAINDER else LIFERAY_THEMES[index % 3]


def language_prefix(theme: str, index: int, root_hosted: bool) -> str:
    """Language prefix of a portal4 portal's internal links: "", "/vi" or "/en" in turn, by row. Only portals at
    the root of their host carry one (as the real portal did): a department's `/vi/web/<id>/…` would also leave its
    site path, which is a different question."""
    if theme != "portal4" or not root_hosted:
        return ""
    return ("", "/vi", "/en")[(index // PORTAL4_MODULUS) % 3]


def own_host(portal_id: str) -> bool:
    """Departments on another CMS are sites of their own (not under /web/<id> of the shared Liferay host)."""
    return portal_id in PLATFORMS


# ---- URL grammar -----------------------------------------------------------------------------------------------
def section_href(platform: str, base: str, slug: str, page: str) -> str:
    if platform == "sharepoint":
        return f"{base}/Pages/{slug}.aspx"
    if platform == "nukeviet":
        if page == "listing":
            return f"{base}/news/{slug}/"
        if page == "documents":
            return f"{base}/laws/{slug}/"
        if page == "qa":
            return f"{base}/faq/{slug}/"
        return f"{base}/about/{slug}.html"
    if platform == "wordpress":
        return f"{base}/category/{slug}/" if page == "listing" else f"{base}/{slug}/"
    return f"{base}/{slug}"


def page_href(platform: str, base: str, slug: str) -> str:
    """A static sub-page (intro sub-pages)."""
    return section_href(platform, base, slug, "intro")


def article_path(platform: str, portal_id: str, base: str, section_href_: str, slug: str, aid: int, published) -> str:
    if platform == "sharepoint":
        if SHAREPOINT_DETAIL.get(portal_id) == "itemid":
            return f"{base}/Pages/chi-tiet.aspx?ItemID={aid}"
        return f"{base}/Pages/{slug}-{aid}.aspx"
    if platform == "nukeviet":
        return f"{section_href_.rstrip('/')}/{slug}-{aid}.html"
    if platform == "wordpress":
        return f"{base}/{published.year:04d}/{published.month:02d}/{published.day:02d}/{slug}/"
    raise ValueError(platform)


def listing_page_href(platform: str, section_href_: str, n: int) -> str:
    """Page n (>= 2) of an HTML listing; page 1 is the section URL itself."""
    if platform == "nukeviet":
        return f"{section_href_.rstrip('/')}/page-{n}"
    if platform == "wordpress":
        return f"{section_href_}page/{n}/"
    return f"?page={n}"


PATH_PAGE = re.compile(r"^(.*?)/(?:page-(\d+)|page/(\d+))/?$")


def split_paging(platform: str, path: str) -> tuple[str, int | None]:
    """(listing path, page number) of a path-style pagination URL (NukeViet `/page-2`, WordPress `/page/2/`)."""
    if platform not in ("nukeviet", "wordpress"):
        return path, None
    m = PATH_PAGE.match(path)
    if not m:
        return path, None
    return m.group(1), int(m.group(2) or m.group(3))


def search_path(platform: str, base: str) -> tuple[str, str]:
    """(path, query parameter) of the site search."""
    return {"sharepoint": (f"{base}/Pages/tim-kiem.aspx", "k"), "nukeviet": (f"{base}/seek/", "q"),
            "wordpress": (f"{base}/", "s")}.get(platform, (f"{base}/tim-kiem", "keyword"))
