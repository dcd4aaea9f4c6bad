"""Pages of the portals that run another CMS than Liferay: SharePoint 2013, NukeViet 4, a WordPress commune site.

Same content model as the Liferay pages (so the same truth); each CMS shows it in its own idiom: page frame and
menu classes, server-rendered listings with that CMS's pagination, article markup, a Q&A table instead of the
Liferay JSON portlet, its search URL. Section bodies without a CMS-specific idiom (intro, directory, documents,
procedures, schedule grid, access) come from pages.py, wrapped by `block`.
"""
from __future__ import annotations

import math

from farm import cms
from farm.chrome import contact_lines, menu_tree, owner_name, site_title
from farm.formats import dmy, esc
from farm.model import Item, PortalModel, Section
from farm.vocab import WEEKDAYS

PER_PAGE = {"sharepoint": 10, "nukeviet": 10, "wordpress": 10}
QA_PER_PAGE = 20
GENERATOR = {"nukeviet": "NukeViet v4.4", "wordpress": "WordPress 6.4.2"}


def _hm(it: Item) -> str:
    return f"{it.published.hour:02d}:{it.published.minute:02d}"


def _nv_date(it: Item) -> str:
    """NukeViet's listing date: "Thứ hai, 15/09/2025 - 08:30" (weekday in lower case after "Thứ")."""
    wd = WEEKDAYS[it.published.weekday()]
    return f"{wd[0]}{wd[1:].lower()}, {dmy(it.published)} - {_hm(it)}"


def _iso(it: Item) -> str:
    return it.published.strftime("%Y-%m-%dT%H:%M:%S+07:00")


def block(m: PortalModel, title: str, inner: str) -> str:
    if m.platform == "sharepoint":
        return ('<div class="ms-webpart-zone ms-fullWidth"><div class="ms-webpart-chrome ms-webpart-chrome-fullWidth">'
                f'<h2 class="ms-webpart-titleText"><span>{esc(title)}</span></h2>'
                f'<div class="ms-WPBody"><div class="ms-rtestate-field">{inner}</div></div></div></div>')
    if m.platform == "nukeviet":
        return (f'<div class="panel panel-default"><div class="panel-heading"><h2>{esc(title)}</h2></div>'
                f'<div class="panel-body">{inner}</div></div>')
    return (f'<article class="page type-page status-publish hentry"><header class="entry-header">'
            f'<h1 class="entry-title">{esc(title)}</h1></header><div class="entry-content">{inner}</div></article>')


# ---- frame ------------------------------------------------------------------------------------------------------
def _search_form(m: PortalModel) -> str:
    if m.search == "absent":
        return ""
    action, param = cms.search_path(m.platform, m.base)
    if m.platform == "sharepoint":
        return (f'<div id="SearchBox" class="ms-mpSearchBox"><form class="ms-srch-sb" action="{action}" method="get">'
                f'<input type="text" name="{param}" class="ms-textSmall" title="Tìm kiếm..." maxlength="2048">'
                '<a class="ms-srch-sb-searchLink" title="Tìm kiếm" href="javascript:void(0)">'
                '<img src="/_layouts/15/images/searchresultui.png" alt="Tìm kiếm"></a></form></div>')
    if m.platform == "nukeviet":
        return (f'<div class="headerSearch"><form action="{action}" method="get"><input type="text" name="{param}" '
                'class="form-control" maxlength="60" placeholder="Tìm kiếm..."><button type="submit" '
                'class="btn btn-info"><em class="fa fa-search"></em></button></form></div>')
    return (f'<form role="search" method="get" class="search-form" action="{action}"><label>'
            '<span class="screen-reader-text">Tìm kiếm cho:</span>'
            f'<input type="search" class="search-field" placeholder="Tìm kiếm …" value="" name="{param}"></label>'
            '<button type="submit" class="search-submit">Tìm kiếm</button></form>')


def _menu(m: PortalModel) -> str:
    top = menu_tree(m)
    if m.platform == "sharepoint":
        out = ['<div id="DeltaTopNavigation" class="ms-displayInline ms-core-navigation" role="navigation">'
               '<div class="noindex ms-core-listMenu-horizontalBox"><ul class="root ms-core-listMenu-root static">']
        for href, label, subs in top:
            dyn = " dynamic-children" if subs else ""
            out.append(f'<li class="static{dyn}"><a class="static{dyn} menu-item ms-core-listMenu-item '
                       f'ms-displayInline ms-navedit-linkNode" href="{esc(href)}"><span class="additional-background '
                       f'ms-navedit-flyoutArrow"><span class="menu-item-text">{esc(label)}</span></span></a>')
            if subs:
                out.append('<ul class="dynamic">' + "".join(
                    f'<li class="dynamic"><a class="dynamic menu-item ms-core-listMenu-item" href="{esc(h)}">'
                    f'<span class="additional-background"><span class="menu-item-text">{esc(lb)}</span></span></a></li>'
                    for h, lb in subs) + "</ul>")
            out.append("</li>")
        out.append("</ul></div></div>")
        return "".join(out)
    if m.platform == "nukeviet":
        out = ['<nav class="second-nav" id="menusite"><div class="container"><ul class="nav navbar-nav">']
        for href, label, subs in top:
            if subs:
                out.append(f'<li class="dropdown"><a class="dropdown-toggle" href="{esc(href)}" role="button">'
                           f'{esc(label)} <strong class="caret">&nbsp;</strong></a><ul class="dropdown-menu">'
                           + "".join(f'<li><a href="{esc(h)}" title="{esc(lb)}">{esc(lb)}</a></li>' for h, lb in subs)
                           + "</ul></li>")
            else:
                out.append(f'<li><a href="{esc(href)}" title="{esc(label)}">{esc(label)}</a></li>')
        out.append("</ul></div></nav>")
        return "".join(out)
    out = ['<nav id="site-navigation" class="main-navigation" aria-label="Menu chính"><ul id="top-menu" class="menu">']
    for i, (href, label, subs) in enumerate(top):
        cls = f"menu-item menu-item-type-custom menu-item-{100 + i}" + (" menu-item-has-children" if subs else "")
        out.append(f'<li id="menu-item-{100 + i}" class="{cls}"><a href="{esc(href)}">{esc(label)}</a>')
        if subs:
            out.append('<ul class="sub-menu">' + "".join(
                f'<li class="menu-item menu-item-type-taxonomy"><a href="{esc(h)}">{esc(lb)}</a></li>'
                for h, lb in subs) + "</ul>")
        out.append("</li>")
    out.append("</ul></nav>")
    return "".join(out)


def _footer(m: PortalModel) -> str:
    links = [s for s in m.sections.values() if s.placement == "footer"]
    lines = contact_lines(m)
    link_list = "".join(f'<li><a href="{esc(s.href)}">{esc(s.label)}</a></li>' for s in links)
    if m.platform == "sharepoint":
        return ('<div id="footer" class="ms-footer">' + (f'<ul class="footer-links">{link_list}</ul>' if links else "")
                + f'<div class="footer-address"><b>{esc(owner_name(m))}</b><br>'
                + "<br>".join(f"{lb}: {esc(v)}" for lb, v in lines) + "</div></div>")
    if m.platform == "nukeviet":
        return ('<footer id="footer"><div class="container"><div class="row">'
                + (f'<div class="col-md-8"><ul class="footer-menu">{link_list}</ul></div>' if links else "")
                + f'<div class="col-md-16"><ul class="company_info"><li class="company_name">{esc(owner_name(m))}</li>'
                + "".join(f"<li><span>{lb}: {esc(v)}</span></li>" for lb, v in lines)
                + f'</ul></div></div><div class="copyright">© {m.now.year} {esc(owner_name(m))}. '
                'Phát triển trên nền NukeViet CMS.</div></div></footer>')
    return ('<footer id="colophon" class="site-footer" role="contentinfo"><div class="widget-column footer-widget-1">'
            + (f'<section class="widget widget_nav_menu"><ul class="menu">{link_list}</ul></section>' if links else "")
            + f'<section class="widget widget_text"><div class="textwidget"><p><strong>{esc(owner_name(m))}</strong></p>'
            + "".join(f"<p>{lb}: {esc(v)}</p>" for lb, v in lines)
            + '</div></section></div><div class="site-info">Vận hành bởi WordPress</div></footer>')


def _home_sidebar(m: PortalModel, port: int) -> str:
    banners = [s for s in m.sections.values() if s.placement == "sidebar"]
    links = [(link.url(port), link.label) for link in m.links]
    if m.platform == "sharepoint":
        # The quick launch (left navigation) holds the side entries; web links sit in a links web part.
        side = ('<div id="sideNavBox" class="ms-dialogHidden ms-forceWrap ms-noList">'
                '<div class="ms-core-navigation ms-core-listMenu-verticalBox"><ul class="root static">'
                + "".join(f'<li class="static"><a class="static menu-item" href="{esc(s.href)}">'
                          f'<span class="menu-item-text">{esc(s.label)}</span></a></li>' for s in banners)
                + "</ul></div></div>")
        weblinks = ('<div class="ms-webpart-zone links-zone"><h2 class="ms-webpart-titleText">Liên kết website</h2>'
                    '<ul class="dfwp-list">' + "".join(f'<li class="dfwp-item"><a href="{esc(u)}">{esc(lb)}</a></li>'
                                                       for u, lb in links) + "</ul></div>") if links else ""
        return side + weblinks
    if m.platform == "nukeviet":
        out = ['<div class="col-md-6 block-right">']
        if banners:
            out.append('<div class="panel panel-default"><div class="panel-body"><ul class="list-none">'
                       + "".join(f'<li><a href="{esc(s.href)}" title="{esc(s.label)}">{esc(s.label)}</a></li>'
                                 for s in banners) + "</ul></div></div>")
        if links:
            out.append('<div class="panel panel-default"><div class="panel-heading">Liên kết</div><div class="panel-body">'
                       '<ul class="weblink">' + "".join(f'<li><a href="{esc(u)}" target="_blank">{esc(lb)}</a></li>'
                                                        for u, lb in links) + "</ul></div></div>")
        out.append("</div>")
        return "".join(out)
    out = ['<aside id="secondary" class="widget-area" role="complementary">']
    if banners:
        out.append('<section class="widget widget_nav_menu"><ul class="menu">' + "".join(
            f'<li class="menu-item"><a href="{esc(s.href)}">{esc(s.label)}</a></li>' for s in banners) + "</ul></section>")
    if links:
        out.append('<section class="widget widget_links"><h2 class="widget-title">Liên kết</h2><ul class="xoxo blogroll">'
                   + "".join(f'<li><a href="{esc(u)}">{esc(lb)}</a></li>' for u, lb in links) + "</ul></section>")
    out.append("</aside>")
    return "".join(out)


def _breadcrumb(m: PortalModel, trail) -> str:
    if not trail:
        return ""
    items = [(f"{m.base}/", "Trang chủ")] + list(trail)
    if m.platform == "sharepoint":
        return ('<div class="ms-breadcrumb-box"><span id="ctl00_PlaceHolderTitleBreadcrumb_ContentMap">' + " &gt; ".join(
            f'<span><a class="ms-sitemapdirectional" href="{esc(h)}">{esc(lb)}</a></span>' for h, lb in items)
                + "</span></div>")
    if m.platform == "nukeviet":
        return ('<div class="breadcrumbs-wrap"><ul class="breadcrumbs list-none">' + "".join(
            f'<li><a href="{esc(h)}"><span>{esc(lb)}</span></a></li>' for h, lb in items) + "</ul></div>")
    return ('<p id="breadcrumbs"><span>' + " » ".join(f'<a href="{esc(h)}">{esc(lb)}</a>' for h, lb in items)
            + "</span></p>")


def frame(m: PortalModel, port: int, title: str, main: str, *, sidebar: str = "", trail=None,
          home: bool = False) -> str:
    side = _home_sidebar(m, port) if home else sidebar
    name = esc(site_title(m))
    head_title = f"{esc(title)} - {name}"
    if m.platform == "sharepoint":
        origin = f"http://{m.portal.address}:{port}"
        return f"""<!DOCTYPE html>
<html dir="ltr" lang="vi-VN">
<head><meta http-equiv="X-UA-Compatible" content="IE=10"><meta charset="utf-8"><title>{head_title}</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2bpHeX8U8DHdcJTK2sLHTw%3D%3D">
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZHt7LXQRTfBxP%2B8B6%2FmHkQ%3D%3D"></script>
<script type="text/javascript">var _spPageContextInfo = {{webServerRelativeUrl: "/", webAbsoluteUrl: "{origin}",
siteClientTag: "0$$15.0.4569.1000", currentLanguage: 1066, currentUICultureName: "vi-VN", webTitle: "{name}"}};</script>
</head>
<body><div id="s4-workspace" class="ms-core-overlay"><div id="s4-bodyContainer">
<div id="s4-titlerow" class="ms-dialogHidden s4-titlerowhidetitle"><div class="ms-table ms-fullWidth">
<h1 id="pageTitle" class="ms-core-pageTitle"><a href="{m.base}/">{name}</a></h1>{_search_form(m)}</div></div>
<div class="ms-breadcrumb-top">{_menu(m)}</div>
{_breadcrumb(m, trail)}
<div id="contentRow">{side}
<div id="contentBox" aria-live="polite" aria-relevant="all"><div id="DeltaPlaceHolderMain">
{main}
</div></div></div>
{_footer(m)}
</div></div></body></html>
"""
    if m.platform == "nukeviet":
        return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
<head><title>{head_title}</title>
<meta name="description" content="{name}"><meta name="author" content="{name}">
<meta name="generator" content="{GENERATOR['nukeviet']}">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<link rel="StyleSheet" href="/themes/default/css/style.css">
<script type="text/javascript">var nv_base_siteurl="/",nv_lang_data="vi",nv_name_variable="nv",nv_fc_variable="op";</script>
<script src="/assets/js/jquery/jquery.min.js"></script>
</head>
<body><div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row"><div class="logo"><a title="{name}" href="{m.base}/">
<img src="/uploads/logo.png" alt="{name}"></a><h1>{name}</h1></div>{_search_form(m)}</div></div></header>
{_menu(m)}
<nav class="third-nav">{_breadcrumb(m, trail)}</nav>
<section><div class="container" id="body"><div class="row"><div class="col-md-18">
{main}
</div>{side}</div></div></section>
{_footer(m)}
</div></div></body></html>
"""
    return f"""<!DOCTYPE html>
<html lang="vi">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{head_title}</title>
<link rel="https://api.w.org/" href="{m.base}/wp-json/">
<link rel="stylesheet" id="twentyseventeen-style-css" href="{m.base}/wp-content/themes/twentyseventeen/style.css?ver=6.4.2" type="text/css" media="all">
<script src="{m.base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<meta name="generator" content="{GENERATOR['wordpress']}">
</head>
<body class="{'home blog' if home else 'page'} wp-embed-responsive"><div id="page" class="site">
<header id="masthead" class="site-header" role="banner"><div class="site-branding">
<p class="site-title"><a href="{m.base}/" rel="home">{name}</a></p></div>{_search_form(m)}
{_menu(m)}</header>
<div id="content" class="site-content">{_breadcrumb(m, trail)}
<div id="primary" class="content-area"><main id="main" class="site-main">
{main}
</main></div>{side}</div>
{_footer(m)}
</div></body></html>
"""


# ---- home, listings, articles ---------------------------------------------------------------------------------
def _rows(m: PortalModel, items: list[Item]) -> str:
    """Listing rows in the CMS's idiom, each with its date."""
    if m.platform == "sharepoint":
        return ('<div class="cbq-layout-main"><ul class="dfwp-column dfwp-list">' + "".join(
            f'<li class="dfwp-item"><div class="item link-item"><a href="{esc(it.path)}" title="{esc(it.title)}">'
            f'{esc(it.title)}</a><div class="description">{esc(it.summary)}</div>'
            f'<span class="date">{dmy(it.published)} {_hm(it)}</span></div></li>' for it in items) + "</ul></div>")
    if m.platform == "nukeviet":
        return "".join(
            f'<div class="news_column panel panel-default"><div class="panel-body"><h3><a href="{esc(it.path)}" '
            f'title="{esc(it.title)}">{esc(it.title)}</a></h3><div class="text-muted"><ul class="list-unstyled '
            f'list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> {_nv_date(it)}</li></ul></div>'
            f'<p>{esc(it.summary)}</p></div></div>' for it in items)
    return "".join(
        f'<article id="post-{it.id}" class="post-{it.id} post type-post status-publish format-standard hentry">'
        f'<header class="entry-header"><div class="entry-meta"><span class="posted-on"><a href="{esc(it.path)}" '
        f'rel="bookmark"><time class="entry-date published" datetime="{_iso(it)}">{dmy(it.published)}</time></a>'
        f'</span></div><h2 class="entry-title"><a href="{esc(it.path)}" rel="bookmark">{esc(it.title)}</a></h2>'
        f'</header><div class="entry-summary"><p>{esc(it.summary)}</p></div></article>' for it in items)


def _pager(m: PortalModel, href: str, cur: int, pages: int) -> str:
    if pages <= 1:
        return ""
    link = lambda n: href if n == 1 else cms.listing_page_href(m.platform, href, n)  # noqa: E731
    nums = range(max(1, cur - 3), min(pages, cur + 3) + 1)
    if m.platform == "wordpress":
        out = ['<nav class="navigation pagination" aria-label="Phân trang bài viết"><div class="nav-links">']
        if cur > 1:
            out.append(f'<a class="prev page-numbers" href="{esc(link(cur - 1))}">Trang trước</a>')
        out += [f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == cur
                else f'<a class="page-numbers" href="{esc(link(n))}">{n}</a>' for n in nums]
        if cur < pages:
            out.append(f'<a class="next page-numbers" href="{esc(link(cur + 1))}">Trang sau</a>')
        return "".join(out) + "</div></nav>"
    cls = "pagination" if m.platform == "nukeviet" else "ms-paging paging"
    out = [f'<ul class="{cls}">']
    out += [f'<li class="active"><span>{n}</span></li>' if n == cur else f'<li><a href="{esc(link(n))}">{n}</a></li>'
            for n in nums]
    if cur < pages:
        out.append(f'<li><a href="{esc(link(cur + 1))}" title="Trang sau">»</a></li>')
    return "".join(out) + "</ul>"


def _page_num(args: dict[str, str]) -> int:
    try:
        return max(int(args.get("page") or 1), 1)
    except ValueError:
        return 1


def home(m: PortalModel, port: int) -> str:
    news = m.items.get("tin-tuc", [])[:6]
    welcome = f"<p>Chào mừng bạn đến với {esc(site_title(m))}.</p>"
    latest = _rows(m, news) if news else "<p>Chưa có tin bài.</p>"
    return frame(m, port, "Trang chủ", block(m, "Tin mới nhất", welcome + latest), home=True)


def category(m: PortalModel, sec: Section, port: int, args: dict[str, str]) -> str:
    items = m.items.get(sec.key, [])
    per = PER_PAGE[m.platform]
    pages = max(1, math.ceil(len(items) / per))
    cur = _page_num(args)
    chunk = items[(cur - 1) * per: cur * per]
    body = _rows(m, chunk) if chunk else "<p>Chưa có bài viết trong chuyên mục này.</p>"
    return frame(m, port, sec.label, block(m, sec.label, body + _pager(m, sec.href, cur, pages)),
                 trail=[(sec.href, sec.label)])


def article(m: PortalModel, it: Item, port: int, print_version: bool = False) -> str:
    from farm.pages import _paragraphs

    sec = m.sections[it.section]
    text = _paragraphs(m, 4, it.id)
    if m.platform == "sharepoint":
        content = (f'<div class="ms-rtestate-field"><h1 class="sp-article-title">{esc(it.title)}</h1>'
                   f'<div class="sp-article-date">Ngày đăng: {dmy(it.published)} {_hm(it)}</div>'
                   f'<div class="sp-article-summary"><strong>{esc(it.summary)}</strong></div>'
                   f'<div class="sp-article-body">{text}</div></div>')
        tool = '<a href="javascript:window.print()" class="print" title="In trang">In trang</a>'
    elif m.platform == "nukeviet":
        wd = WEEKDAYS[it.published.weekday()]
        content = (f'<div class="news_detail"><h1 class="title margin-bottom-lg">{esc(it.title)}</h1>'
                   f'<span class="h-date">{wd[0]}{wd[1:].lower()} - {dmy(it.published)} {_hm(it)}</span>'
                   f'<div class="hometext m-bottom"><strong>{esc(it.summary)}</strong></div>'
                   f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{text}</div></div>')
        tool = (f'<a class="dimgray" rel="nofollow" title="In ra" href="{esc(it.path)}?print=1">'
                '<em class="fa fa-print fa-lg">&nbsp;</em></a>')
    else:
        content = (f'<article id="post-{it.id}" class="post-{it.id} post type-post status-publish hentry">'
                   f'<header class="entry-header"><h1 class="entry-title">{esc(it.title)}</h1><div class="entry-meta">'
                   f'<span class="posted-on"><time class="entry-date published" datetime="{_iso(it)}">'
                   f'{dmy(it.published)}</time></span></div></header>'
                   f'<div class="entry-content"><p><strong>{esc(it.summary)}</strong></p>{text}</div></article>')
        tool = '<button type="button" class="print-button" onclick="window.print();">In bài viết</button>'
    if print_version:
        return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{esc(it.title)}</title></head>'
                f'<body onload="window.print()">{content}</body></html>')
    tools = f'<div class="article-tools">{tool if m.has_print else ""}</div>'
    others = [o for o in m.items.get(it.section, []) if o.id != it.id][:5]
    related = ""
    if others:
        related = ('<div class="related-posts"><h3>Tin liên quan</h3><ul>' + "".join(
            f'<li><a href="{esc(o.path)}">{esc(o.title)}</a> ({dmy(o.published)})</li>' for o in others) + "</ul></div>")
    return frame(m, port, it.title, content + tools + related, trail=[(sec.href, sec.label)])


# ---- Q&A and search ---------------------------------------------------------------------------------------------
QA_HEADERS = {"sharepoint": ("Nội dung câu hỏi", "Người gửi", "Ngày gửi", "Ngày trả lời"),
              "nukeviet": ("Câu hỏi", "Người hỏi", "Ngày hỏi", "Ngày trả lời"),
              "wordpress": ("Câu hỏi", "Người gửi", "Ngày gửi", "Ngày phản hồi")}


def qa(m: PortalModel, sec: Section, port: int, args: dict[str, str]) -> str:
    """Questions newest first, server-rendered, with the answer date (empty until answered, and answers dated after
    now are not shown yet)."""
    today = m.now.date()
    pages = max(1, math.ceil(len(m.questions) / QA_PER_PAGE))
    cur = _page_num(args)
    chunk = m.questions[(cur - 1) * QA_PER_PAGE: cur * QA_PER_PAGE]
    title, asker, asked, answered = QA_HEADERS[m.platform]
    rows = []
    for i, q in enumerate(chunk, (cur - 1) * QA_PER_PAGE + 1):
        shown = q.answered is not None and q.answered <= today
        rows.append(f'<tr id="q{q.id}"><td>{i}</td><td>{esc(q.title)}</td><td>{esc(q.citizen)}</td>'
                    f'<td>{dmy(q.asked)}</td><td>{dmy(q.answered) if shown else ""}</td></tr>')
    table = (f'<table class="table table-striped faq-list"><thead><tr><th>STT</th><th>{title}</th><th>{asker}</th>'
             f'<th>{asked}</th><th>{answered}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    if not chunk:
        table += "<p>Chưa có câu hỏi.</p>"
    return frame(m, port, sec.label, block(m, sec.label, table + _pager(m, sec.href, cur, pages)),
                 trail=[(sec.href, sec.label)])


def search_results(m: PortalModel, port: int, keyword: str) -> str:
    from farm.pages import search_hits

    hits = search_hits(m, keyword)
    if m.platform == "sharepoint":
        inner = ('<div id="Result">' + "".join(
            f'<div class="ms-srch-item"><div class="ms-srch-item-title"><h3 class="ms-srch-ellipsis">'
            f'<a class="ms-srch-item-link" href="{esc(it.path)}">{esc(it.title)}</a></h3></div>'
            f'<div class="ms-srch-item-summary">{dmy(it.published)}</div></div>' for it in hits)
                 + "</div>") if hits else '<div class="ms-srch-result-noResult">Không tìm thấy kết quả</div>'
    elif m.platform == "nukeviet":
        inner = ('<div class="result-frame">' + "".join(
            f'<div class="item"><h3 class="title"><a href="{esc(it.path)}">{esc(it.title)}</a></h3>'
            f'<p class="result-date">{dmy(it.published)}</p></div>' for it in hits)
                 + "</div>") if hits else '<p class="no-result">Không tìm thấy kết quả</p>'
    else:
        inner = _rows(m, hits) if hits else '<p class="no-result">Không tìm thấy kết quả</p>'
    path, _ = cms.search_path(m.platform, m.base)
    return frame(m, port, "Tìm kiếm", block(m, "Kết quả tìm kiếm", inner), trail=[(path, "Tìm kiếm")])


def sitemap(m: PortalModel, port: int) -> str:
    """sitemap.xml: home, section pages and static sub-pages (posts are reached through their categories)."""
    from farm.chrome import intro_subpages

    origin = f"http://{m.portal.address}:{port}"
    paths = [f"{m.base}/"] + [s.href for s in m.sections.values() if s.href.startswith("/")]
    paths += [h for h, _ in intro_subpages(m)]
    urls = "".join(f"<url><loc>{esc(origin + p)}</loc></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
