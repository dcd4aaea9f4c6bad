"""The `portal4` Liferay theme: a department theme of the Liferay 6.2 generation (learned from a real 2022 portal),
rendering the same content model as the other themes (so the truth does not depend on it).

What it does differently, on purpose, because real portals do it:

- Every box of both columns is a Liferay portlet headed by `h1.portlet-title`, so a page has many h1s and none of
  them is the article's title (that one sits in a plain `div`).
- The breadcrumb is a small borderless portlet without any "breadcrumb" class or id: a link to the home page and
  the category name in a `<p>`.
- The right column (`portlet-column-last span3`) repeats on every page: category link boxes, a borderless banner
  column of image links whose only label is in the image (`alt=""`), a "Liên kết website" box whose links are the
  options of a `<select>`, and a "Tin nổi bật" / "Tin mới" box of dated articles of any section.
- Listings are server-rendered asset-publisher entries only (no loadPage JSON, no inline data): `div.asset-abstract`
  with `h3.asset-title`, a date line ("Ngày đăng 05/10/2025 | 8:30 AM | Lượt xem: 12", "17/05/2017 | 2:48 PM"...),
  a summary, then the search container's pager (`?p_p_id=101&…&_101_cur=N`) and its "Hiển thị 1 - 20 of 26 kết
  quả." line. Articles are `/<category>/-/view_content/<id>-<slug>`; the print link opens the `pop_up` print view.
- The news menu entry has sub-categories no vocabulary knows ("Thanh tra", "Báo chí - xuất bản"): each lists a
  share of the news items (the news listing lists them all, as a parent category does), under its own page's URLs.
- The footer has the contact on one line: "Địa chỉ: … - Điện thoại: …; Fax: …; Email: …;".
- UI strings follow the URL's language prefix: English ("Home", "Publish date … | View count: 395", "Print",
  "Other News", "Showing 1 - 10 of 97 results.") under `/en/`, Vietnamese otherwise; the content stays Vietnamese.
  Some root-hosted portals link every page with a `/vi` or `/en` prefix (cms.language_prefix).

View counts, images, the author line and the e-mail action are decoration: the content model has nothing behind them.
"""
from __future__ import annotations

import math
import re
from contextvars import ContextVar
from dataclasses import dataclass

from farm import vocab
from farm.formats import dmy, esc
from farm.model import Item, PortalModel, Section, rng_for

# The UI language of the page being rendered: "en" when the request came in under /en/ (site.py sets it).
UI_LANG: ContextVar[str] = ContextVar("portal4_ui_lang", default="vi")
LANG_PREFIX = re.compile(r"^/(vi|en)(?=/|$)")
ASSET_PUBLISHER = "101"  # the Liferay asset publisher's portlet id: listings, articles and their pager
# News sub-categories a portal of this theme files some news under: names of no rubric section (checked by
# tests/test_farm_pages.py against the product vocabulary).
SUBCATEGORIES = [("Thanh tra", "thanh-tra"), ("Báo chí - xuất bản", "bao-chi-xuat-ban"),
                 ("Công nghệ thông tin", "cong-nghe-thong-tin"), ("Bưu chính viễn thông", "buu-chinh-vien-thong"),
                 ("An ninh - quốc phòng", "an-ninh-quoc-phong"), ("Nông nghiệp - nông thôn", "nong-nghiep-nong-thon")]
# External decoration banners: newspapers, never a government portal or a DVC (they would change criteria 12/11).
DECORATION_BANNERS = [("https://baobacninhtv.vn/", "bao-bac-ninh"), ("https://www.vietnamplus.vn/", "vietnamplus")]

UI = {
    "vi": {"home": "Trang chủ", "published": "Ngày đăng", "views": "Lượt xem", "print": "In bài viết",
           "email": "Gửi email", "other": "Các tin khác", "first": "← Đầu tiên", "prev": "Trước",
           # The real theme leaves this one key untranslated in its Vietnamese UI.
           "next": "next", "last": "Cuối cùng →", "page": "Trang", "skip": "Truy cập nội dung luôn",
           "top": "Lên đầu trang", "empty": "Không có kết quả nào.", "lang_en": "English",
           "lang_vi": "Tiếng Việt"},
    "en": {"home": "Home", "published": "Publish date", "views": "View count", "print": "Print",
           "email": "Send email", "other": "Other News", "first": "← First", "prev": "Previous", "next": "Next",
           "last": "Last →", "page": "Page", "skip": "Skip to Content", "top": "Back to top",
           "empty": "There are no results.", "lang_en": "English", "lang_vi": "Tiếng Việt"},
}


def ui(key: str) -> str:
    return UI[UI_LANG.get()][key]


def split_lang(path: str) -> tuple[str, str]:
    """('en' | 'vi' | '', path without the language prefix) of a request path."""
    m = LANG_PREFIX.match(path)
    if not m:
        return "", path
    return m.group(1), path[m.end():] or "/"


@dataclass(frozen=True)
class Config:
    date_style: int  # 0: "dd/MM/yyyy | h:mm AM"; 1: with "Ngày đăng" and "Lượt xem"; 2: "Ngày đăng" only
    hour_pad: bool  # "08:30 AM" or "8:30 AM"
    news_box: str  # title of the right column's dated box
    subcategories: tuple[tuple[str, str], ...]  # (label, slug) news sub-categories
    banner_keys: frozenset[str]  # sidebar sections shown as an image banner instead of a text link


def config(m: PortalModel) -> Config:
    """Per-portal details of the theme, seeded by the portal (no draw from the model's own generators)."""
    r = rng_for(m.seed, m.portal.id, "portal4")
    date_style = r.randrange(3)
    hour_pad = r.random() < 0.5
    news_box = r.choice(["Tin nổi bật", "Tin mới"])
    subs = tuple(r.sample(SUBCATEGORIES, r.choice([1, 2, 2, 3]))) if "tin-tuc" in m.sections else ()
    side = sorted(k for k, s in m.sections.items() if s.placement == "sidebar")
    banners = frozenset(k for k in side if r.random() < 0.5)
    return Config(date_style, hour_pad, news_box, subs, banners)


def delta(m: PortalModel, key: str) -> int:
    """Entries per listing page, per category (the search container's `_101_delta`)."""
    return rng_for(m.seed, m.portal.id, "portal4", key, "delta").choice([5, 10, 10, 15, 20])


def subcategory_of(m: PortalModel, it: Item) -> int | None:
    """Index of the news sub-category an item is filed under (None: only the parent category), fixed by its id."""
    subs = config(m).subcategories
    if it.section != "tin-tuc" or not subs:
        return None
    k = (it.id * 2654435761 >> 11) % (len(subs) + 1)
    return k if k < len(subs) else None


def subcategory_items(m: PortalModel, k: int) -> list[Item]:
    return [it for it in m.items.get("tin-tuc", []) if subcategory_of(m, it) == k]


def subcategory_href(m: PortalModel, k: int) -> str:
    return f"{m.link_base}/{config(m).subcategories[k][1]}"


def view_content_path(m: PortalModel, category_href: str, it: Item) -> str:
    """The article under a category page: Liferay resolves `-/view_content/<id>-<slug>` below any page listing it."""
    return f"{category_href}/-/view_content/{it.path.rsplit('/', 1)[-1]}"


def print_path(m: PortalModel, it: Item) -> str:
    head, tail = it.path.rsplit("/-/view_content/", 1)
    return f"{head}/-/view_content/pop_up/{tail}?_101_viewMode=print"


def views(it: Item) -> int:
    return (it.id * 7919) % 900 + 7


# ---- small pieces ---------------------------------------------------------------------------------------------
def _clock(m: PortalModel, dt) -> str:
    h12 = dt.hour % 12 or 12
    hour = f"{h12:02d}" if config(m).hour_pad else str(h12)
    return f"{hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


def date_line(m: PortalModel, it: Item) -> str:
    """The publish line under a title, in listings and on the article (always the listing date)."""
    style = config(m).date_style
    when = f"{dmy(it.published)} | {_clock(m, it.published)}"
    if style == 0:
        text = when
    elif style == 1:
        text = f"{ui('published')} {when} &nbsp;|&nbsp;{ui('views')}: {views(it)}"
    else:
        text = f"{ui('published')} {when}"
    return f'<div class="publish-line">{text}</div>'


def box(title: str, inner: str, pid: str) -> str:
    """A Liferay portlet with its topper: the h1 title every box of this theme has."""
    return (f'<div class="portlet-boundary portlet-boundary_{esc(pid)}_ portlet-static" id="p_p_id_{esc(pid)}_">'
            f'<section class="portlet" id="portlet_{esc(pid)}"><header class="portlet-topper">'
            f'<h1 class="portlet-title"><span class="portlet-title-icon"></span> '
            f'<span class="portlet-title-text">{esc(title)}</span></h1></header>'
            f'<div class="portlet-content"><div class="portlet-body">{inner}</div></div></section></div>')


def _borderless(pid: str, inner: str) -> str:
    return (f'<div class="portlet-boundary portlet-boundary_{esc(pid)}_ portlet-static portlet-borderless" '
            f'id="p_p_id_{esc(pid)}_"><div class="portlet-borderless-container"><div class="portlet-body">'
            f"{inner}</div></div></div>")


def _where(m: PortalModel, trail) -> str:
    """The breadcrumb block: home link and the current category as text; no "breadcrumb" class, id or list."""
    if not trail:
        return ""
    label = trail[-1][1]
    inner = (f'<div class="dd_vitri"><span class="dd-home"><a href="{esc(m.link_base)}/">{ui("home")}</a></span>'
             f'<span class="dd-current"><p>{esc(label)}</p></span></div>')
    return _borderless("dieuhuong_WAR_portal4portlet_INSTANCE_dd01", inner)


# ---- frame ----------------------------------------------------------------------------------------------------
def _menu(m: PortalModel) -> str:
    from farm.chrome import menu_tree

    cfg = config(m)
    out = ['<nav id="navigation" role="navigation"><div id="menu"><div class="menu-inner"><ul class="menu-ngang">']
    for href, label, subs in menu_tree(m):
        if href == f"{m.base}/" or href == f"{m.base}/thu-vien-video":
            href = m.link_base + href[len(m.base):]
        news = "tin-tuc" in m.sections and href == m.sections["tin-tuc"].href
        if news:
            subs = list(subs) + [(subcategory_href(m, k), lab) for k, (lab, _) in enumerate(cfg.subcategories)]
        out.append(f'<li><a href="{esc(href)}">{esc(label)}</a>')
        if subs:
            out.append('<ul class="child-menu">' + "".join(
                f'<li><a href="{esc(h)}">{esc(l)}</a></li>' for h, l in subs) + "</ul>")
        out.append("</li>")
    out.append("</ul>")
    if m.search != "absent":
        out.append(f'<form class="nav-search" action="{esc(m.link_base)}/tim-kiem" method="get">'
                   '<input type="text" name="keyword" class="o-tim-kiem" placeholder="Nhập nội dung cần tìm" '
                   'title="Tìm kiếm"><input type="submit" class="nut-tim" value="Tìm kiếm"></form>')
    out.append("</div></div></nav>")
    return "\n".join(out)


def _right_column(m: PortalModel, port: int) -> str:
    cfg = config(m)
    out = ['<div class="portlet-column portlet-column-last span3" id="column-2">'
           '<div class="portlet-dropzone portlet-column-content portlet-column-content-last">']
    side = [s for s in m.sections.values() if s.placement == "sidebar"]
    texts = [s for s in side if s.key not in cfg.banner_keys]
    if texts:
        from farm.chrome import _group_label

        out.append(box(_group_label(m, "chuyen-muc"), "<ul>" + "".join(
            f'<li><a href="{esc(s.href)}">{esc(s.label)}</a></li>' for s in texts) + "</ul>",
            "85_INSTANCE_chuyenmuc"))
    if cfg.subcategories:
        news = m.sections["tin-tuc"]
        out.append(box(news.label, "<ul>" + "".join(
            f'<li><a href="{esc(subcategory_href(m, k))}">{esc(lab)}</a></li>'
            for k, (lab, _) in enumerate(cfg.subcategories)) + "</ul>", "85_INSTANCE_tintuc"))
    # Banners: the label is only in the picture (alt=""); the file name is the editor's.
    banners = [(s.href, vocab.slugify(s.label)) for s in side if s.key in cfg.banner_keys]
    banners.append((f"{m.link_base}/thu-vien-video", "thu-vien-video"))
    banners += DECORATION_BANNERS[: 1 + m.group_id % 2]
    rows = "".join(f'<tr><td><a href="{esc(href)}"><img alt="" src="/documents/{m.group_id}/0/{name}.png/'
                   f'{m.group_id:x}-{i}?t={m.group_id}{i}" style="width: 230px;"></a></td></tr>'
                   for i, (href, name) in enumerate(banners))
    out.append(_borderless("56_INSTANCE_banner", f'<div class="journal-content-article"><table><tbody>{rows}'
                                                   "</tbody></table></div>"))
    if m.links:
        pid = "lienket_WAR_portal4portlet"
        options = "".join(f'<option value="{esc(link.url(port))}">{esc(link.label)}</option>' for link in m.links)
        out.append(box("Liên kết website", f'<div class="lien-ket-box"><select class="aui-field-select" '
                                           f'id="_{pid}_chonLienKet" onchange="moLienKet(this.value);">'
                                           f'<option value="#">-- Chọn website --</option>{options}</select></div>', pid))
    latest = m.all_articles()[:5]
    if latest:
        out.append(box(cfg.news_box, '<ul class="tin-noi-bat">' + "".join(
            f'<li><a href="{esc(o.path)}">{esc(o.title)}</a> <span class="ngay">{dmy(o.published)}</span></li>'
            for o in latest) + "</ul>", "tinnoibat_WAR_portal4portlet"))
    out.append("</div></div>")
    return "".join(out)


def contact_line(m: PortalModel) -> str:
    """The contact fields on one line, as the real footer writes them: address, ' - ', the rest split by '; '."""
    from farm.chrome import contact_lines

    parts = [f"{label}: {esc(value)}" for label, value in contact_lines(m)]
    if not parts:
        return ""
    if contact_lines(m)[0][0] == "Địa chỉ" and len(parts) > 1:
        return f"{parts[0]} - {'; '.join(parts[1:])};"
    return "; ".join(parts) + ";"


def _footer(m: PortalModel) -> str:
    from farm.chrome import owner_name, site_title

    out = ['<div class="footer-wrapper"><div id="footer" class="clearfix">',
           f'<p class="len-dau"><a href="#">{ui("top")}</a></p>']
    links = [s for s in m.sections.values() if s.placement == "footer"]
    if links:
        out.append('<div class="footer-links">' + " | ".join(
            f'<a href="{esc(s.href)}">{esc(s.label)}</a>' for s in links) + "</div>")
    out.append(f'<div class="footer-info"><h3>{esc(site_title(m).upper())}</h3>')
    line = contact_line(m)
    if line:
        out.append(f"<p>{line}</p>")
    tail = []
    if m.leaders:
        tail.append(f"Chịu trách nhiệm chính: {esc(m.leaders[0][0])}")
    tail.append(f"© {m.now.year} {esc(owner_name(m))}. Đề nghị ghi rõ nguồn khi sử dụng lại thông tin của trang.")
    out.append(f"<p>{'<br>'.join(tail)}</p></div></div></div>")
    return "".join(out)


def frame(m: PortalModel, port: int, title: str, main: str, *, trail=None, home: bool = False,
          scripts: str = "") -> str:
    from farm.chrome import site_title

    lang = UI_LANG.get()
    crumbs = "" if home else _where(m, trail or [])
    return f"""<!DOCTYPE html>
<html class="aui ltr" dir="ltr" lang="{'en-US' if lang == 'en' else 'vi-VN'}">
<head>
<title>{esc(title)} - {esc(site_title(m))}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type">
<link href="/en{esc(m.base)}/" hreflang="en-US" rel="alternate">
<link class="lfr-css-file" href="/portal4-theme/css/main.css?themeId=portal4_WAR_portal4theme" rel="stylesheet">
<script>var themeDisplay = {{getScopeGroupId: function() {{ return '{m.group_id}'; }},
  getLanguageId: function() {{ return '{'en_US' if lang == 'en' else 'vi_VN'}'; }}}};</script>
</head>
<body class="yui3-skin-sam controls-visible signed-out public-page site">
<a href="#main-content" id="skip-to-content">{ui('skip')}</a>
<div class="body">
<div id="header"><div class="top-banner"><div class="header-inner">
<a class="lang_vi" href="{esc(m.base if m.theme.prefix != '/vi' else m.link_base)}/" title="{ui('lang_vi')}"></a><a class="lang_en" href="/en{esc(m.base)}/" title="{ui('lang_en')}"></a>
<div class="site-name">{esc(site_title(m))}</div><div class="ngay-gio"></div>
</div></div></div>
<div>{_menu(m)}</div>
<div id="main"><div class="p4-main" id="main-content" role="main"><div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span9" id="column-1">
<div class="portlet-dropzone portlet-column-content portlet-column-content-first">
{crumbs}
{main}
</div></div>
{_right_column(m, port)}
</div></div></div>
{_footer(m)}
</div>
<script>function moLienKet(url) {{ if (url != "#") {{ window.open(url); }} }}</script>
{scripts}
</body>
</html>
"""


# ---- pages ----------------------------------------------------------------------------------------------------
def _abstract(m: PortalModel, it: Item, href: str) -> str:
    return (f'<div class="asset-abstract"><div class="asset-content">'
            f'<div class="asset-image"><a href="{esc(href)}"><img src="/image/journal/article?img_id={it.id + 17}'
            f'&amp;t={it.id % 9973 + 1000}" alt=""></a></div><div class="asset-text">'
            f'<h3 class="asset-title"><a href="{esc(href)}">{esc(it.title)}</a></h3>{date_line(m, it)}'
            f'<div class="asset-summary">{esc(it.summary)}</div></div></div></div>')


def home(m: PortalModel, port: int) -> str:
    news = m.items.get("tin-tuc", [])[:8]
    inner = "".join(_abstract(m, it, it.path) for it in news) or f'<div class="alert alert-info">{ui("empty")}</div>'
    welcome = _borderless("56_INSTANCE_welcome", f'<div class="journal-content-article"><p>Chào mừng bạn đến với '
                                                 f'{esc(m.portal.name)}.</p></div>')
    return frame(m, port, "Trang chủ", welcome + box("Tin tức nổi bật", inner, "101_INSTANCE_home"), home=True)


def _cur(args: dict[str, str], pages: int) -> int:
    try:
        cur = int(args.get("_101_cur") or 1)
    except ValueError:
        cur = 1
    # Liferay's search container sends a page past the end back to the last one.
    return min(max(cur, 1), pages)


def _pager_href(n: int, per_page: int) -> str:
    return (f"?p_p_id={ASSET_PUBLISHER}&amp;p_p_lifecycle=0&amp;p_p_state=normal&amp;p_p_mode=view"
            f"&amp;p_p_col_id=column-1&amp;p_p_col_count=2&amp;_101_delta={per_page}&amp;_101_keywords="
            f"&amp;_101_advancedSearch=false&amp;_101_andOperator=true&amp;_101_cur={n}")


def _count(n: int) -> str:
    return f"{n:,}".replace(",", "." if UI_LANG.get() == "vi" else ",")


def _pager(cur: int, pages: int, total: int, per_page: int) -> str:
    if total == 0:
        return ""
    first, last = (cur - 1) * per_page + 1, min(cur * per_page, total)
    shown = (f"Showing {first} - {last} of {_count(total)} results." if UI_LANG.get() == "en"
             else f"Hiển thị {first} - {last} of {_count(total)} kết quả.")
    menu = "".join(f'<li><a href="{_pager_href(n, per_page)}" class="taglib-icon">'
                   f'<span class="taglib-text-icon">{n}</span></a></li>' for n in range(1, min(pages, 25) + 1))

    def button(label: str, n: int, cls: str = "") -> str:
        if n == cur or n < 1 or n > pages:
            return f'<li class="disabled {cls}"><a href="javascript:;">{label}</a></li>'
        return f'<li class="{cls}"><a href="{_pager_href(n, per_page)}">{label}</a></li>'

    return (f'<div class="taglib-page-iterator" id="_101_pageIterator">'
            f'<div class="clearfix lfr-pagination"><div class="lfr-pagination-config">'
            f'<div class="lfr-pagination-page-selector"><div class="btn-group lfr-icon-menu current-page-menu">'
            f'<a class="dropdown-toggle btn" href="javascript:;"><span class="lfr-icon-menu-text"> {cur} </span></a>'
            f'<ul class="dropdown-menu lfr-menu-list">{menu}</ul></div></div>'
            f'<div class="lfr-pagination-delta-selector"><div>{ui("page")}</div></div></div>'
            f'<small class="search-results">{shown}</small><ul class="pager lfr-pagination-buttons">'
            + button(ui("first"), 1 if cur > 1 else cur, "first") + button(ui("prev"), cur - 1)
            + button(ui("next"), cur + 1) + button(ui("last"), pages if cur < pages else cur, "last")
            + "</ul></div></div>")


def listing_body(m: PortalModel, label: str, key: str, items: list[Item], href_of, args: dict[str, str]) -> str:
    """One page of a category's asset-publisher entries; `href_of(item)` is the entry's link on this page."""
    per_page = delta(m, key)
    try:
        asked = int(args.get("_101_delta") or per_page)
        per_page = min(max(asked, 1), 75)
    except ValueError:
        pass
    pages = max(1, math.ceil(len(items) / per_page))
    cur = _cur(args, pages)
    chunk = items[(cur - 1) * per_page: cur * per_page]
    rows = "".join(_abstract(m, it, href_of(it)) for it in chunk)
    if not chunk:
        rows = f'<div class="alert alert-info">{ui("empty")}</div>'
    return box(label, rows + _pager(cur, pages, len(items), per_page), ASSET_PUBLISHER)


def category(m: PortalModel, sec: Section, port: int, args: dict[str, str]) -> str:
    body = listing_body(m, sec.label, sec.key, m.items.get(sec.key, []), lambda it: it.path, args)
    return frame(m, port, sec.label, body, trail=[(sec.href, sec.label)])


def subcategory(m: PortalModel, k: int, port: int, args: dict[str, str]) -> str:
    label = config(m).subcategories[k][0]
    href = subcategory_href(m, k)
    # Its entries link the articles below this page, as Liferay does: the same article has another URL here.
    body = listing_body(m, label, f"tin-tuc:{k}", subcategory_items(m, k),
                        lambda it: view_content_path(m, href, it), args)
    return frame(m, port, label, body, trail=[(href, label)])


def _article_content(m: PortalModel, it: Item) -> str:
    from farm.pages import _paragraphs

    return (f'<div class="tieu-de-bai-viet">{esc(it.title)}</div>{date_line(m, it)}'
            f'<div class="asset-full-content show-asset-title"><div class="asset-content" id="_101_{it.id}">'
            f'<div class="lead-box"><p class="sapo"><strong>{esc(it.summary)}</strong></p></div>'
            f'<div class="journal-content-article">{_paragraphs(m, 4, it.id)}'
            f'<p class="tac-gia">Ban biên tập</p></div>'
            "</div></div>")


def article(m: PortalModel, it: Item, port: int, print_version: bool = False) -> str:
    sec = m.sections[it.section]
    content = _article_content(m, it)
    if print_version:
        tool = (f'<div class="asset-control-detail"><a href="javascript:print();" class="taglib-icon">'
                f'<span class="taglib-text">{ui("print")}</span></a></div>' if m.has_print else "")
        return (f'<!DOCTYPE html><html class="aui ltr" lang="vi-VN"><head><title>{esc(it.title)}</title></head>'
                f'<body class="portal-popup"><div class="columns-max" id="main-content" role="main">'
                f'<div class="portlet-boundary portlet-boundary_101_ portlet-borderless" id="p_p_id_101_">'
                f'<div class="portlet-body">{content}{tool}</div></div></div></body></html>')
    tools = ['<div class="asset-control-detail">']
    scripts = ""
    if m.has_print:
        tools.append('<span class="print-action"><a href="javascript:_101_printPage_0();" class="taglib-icon">'
                     f'<img src="/portal4-theme/images/spacer.png" alt=""> <span class="taglib-text">{ui("print")}'
                     "</span></a></span>")
        scripts = (f'<script>function _101_printPage_0() {{ window.open("{print_path(m, it)}", "", '
                   '"width=640,height=480,scrollbars=yes"); }}</script>')
    tools.append(f'<span class="mailto-action"><a href="mailto:" class="taglib-icon"><span class="taglib-text">'
                 f'{ui("email")}</span></a></span></div>')
    same = [o for o in m.items.get(it.section, []) if o.id != it.id]
    pos = next((i for i, o in enumerate(m.items.get(it.section, [])) if o.id == it.id), 0)
    others = same[pos: pos + 6] or same[:6]
    related = ""
    if others:
        related = (f'<div class="tin-khac"><div class="tin-khac-title">{ui("other")}</div><ul class="tin-khac-list">'
                   + "".join(f'<li><a href="{esc(o.path)}">{esc(o.title)}</a> <span class="ngay">'
                             f"({dmy(o.published)})</span></li>" for o in others) + "</ul></div>")
    body = box(sec.label, content + "".join(tools) + related, ASSET_PUBLISHER)
    return frame(m, port, f"{it.title} - {sec.label}", body, trail=[(sec.href, sec.label)], scripts=scripts)
