"""The page frame of Liferay portals: head, banner with search, main menu, footer, sidebar, in three themes.

- classic: `<nav>` menu with `ul.child-menu` sub-menus, `ul.breadcrumb`, `<footer>` with one `<p>` per contact line,
  `<aside id="column-2">` sidebar.
- sibling (the sibling province's theme, ~2015): `div#menu.main-menu` with `ul.nav` / `ul.dropdown-menu`, no
  breadcrumb, `div#footer` with the contact lines in one `<p>` split by `<br>`, sidebar `div#column-2.col-right`
  with image banners (label in `title`/`alt` only).
- asset (a later re-skin on asset publishers): `<header>` mega-menu `ul.lfr-nav` with `ul.lfr-nav-child-menu`,
  `nav.breadcrumb-nav > ol.breadcrumb`, `<footer class="site-footer">` with a `<dl>` of contact fields, sidebar
  `<aside class="sidebar-right">`.
- portal4 (farm/portal4.py): h1-headed portlet boxes in two columns, a class-less breadcrumb block, HTML-only
  asset-publisher listings; it renders its own frame, home, listings and articles.
Other CMSs have their own frames (farm/cms_pages.py); `page` dispatches.

Article links never appear in the menu, footer or sidebar of the home page of these three themes: those areas only
hold section links and the "Liên kết" block, so a crawler may read every link there as a candidate section or outbound
link. (portal4's right column also lists the newest articles, on every page.)
"""
from __future__ import annotations

from farm import cms, portal4, vocab
from farm.portals import HOSTILE_LINKS, HOSTILE_PORTAL_ID
from farm.formats import esc
from farm.model import PortalModel

MENU_ORDER = ["gioi-thieu", "tin-tuc", "van-ban", "chuyen-muc", "thu-tuc-hanh-chinh", "hoi-dap", "cong-dan",
              "lich-cong-tac", "tiep-can-thong-tin", "danh-ba", "lich-su", "pho-bien-phap-luat", "tin-phat-thanh",
              "chien-luoc-quy-hoach", "du-an-dau-tu", "tai-chinh-ngan-sach", "thong-ke", "lay-y-kien",
              "khen-thuong-xu-phat", "chi-dao-dieu-hanh", "cong-bao", "khao-sat"]


def site_title(m: PortalModel) -> str:
    p = m.portal
    if p.kind == "province":
        return "Cổng Thông tin điện tử tỉnh Bắc Ninh"
    if p.kind == "department":
        return f"Trang thông tin điện tử {p.name}"
    return f"Cổng thông tin điện tử {p.name[0].lower()}{p.name[1:]}"


def intro_subpages(m: PortalModel) -> list[tuple[str, str]]:
    """(href, label) of intro elements shown as sub-pages; tiểu sử stays a heading (its label reads as 'lãnh đạo')."""
    if m.intro_style != "subpages" or "gioi-thieu" not in m.sections:
        return []
    return [(cms.page_href(m.platform, m.link_base, vocab.slugify(label)), label)
            for key, label in m.intro_elements.items() if key != "tieu-su-lanh-dao"]


def _group_label(m: PortalModel, group: str) -> str:
    labels = vocab.GROUP_LABELS[group]
    return labels[m.group_id % len(labels)]


def menu_tree(m: PortalModel) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(href, label, sub-menu [(href, label)]) of the top menu entries, in order."""
    children: dict[str, list[tuple[str, str]]] = {}
    for s in m.sections.values():
        if s.placement == "sub":
            children.setdefault(s.group, []).append((s.href, s.label))
    for href, label in intro_subpages(m):
        children.setdefault("gioi-thieu", []).insert(0, (href, label))
    top: list[tuple[str, str, list[tuple[str, str]]]] = [(f"{m.base}/", "Trang chủ", [])]
    for key in MENU_ORDER:
        if key in vocab.GROUP_LABELS:
            if children.get(key):
                top.append(("#", _group_label(m, key), children[key]))
            continue
        s = m.sections.get(key)
        if s is not None and s.placement == "menu":
            top.append((s.href, s.label, children.get(key, [])))
    top.append((f"{m.base}/thu-vien-video", "Thư viện video", []))
    return top


def menu_html(m: PortalModel) -> str:
    top = menu_tree(m)
    if m.theme.frame == "sibling":
        out = ['<div id="menu" class="main-menu"><div class="container">',
               '<h1 class="hide-accessible">Thực đơn</h1><ul class="nav navbar-nav">']
        for href, label, subs in top:
            cls = ' class="dropdown"' if subs else ""
            toggle = ' class="dropdown-toggle" data-toggle="dropdown"' if subs else ""
            out.append(f'<li{cls}><a href="{esc(href)}"{toggle}>{esc(label)}</a>')
            if subs:
                out.append('<ul class="dropdown-menu">' + "".join(
                    f'<li><a href="{esc(h)}">{esc(l)}</a></li>' for h, l in subs) + "</ul>")
            out.append("</li>")
        out.append("</ul></div></div>")
        return "\n".join(out)
    if m.theme.frame == "asset":
        out = ['<div class="mega-menu" id="navbar"><h1 class="hide-accessible">Thực đơn</h1>',
               '<ul class="lfr-nav nav-menu" role="menubar">']
        for href, label, subs in top:
            out.append(f'<li class="lfr-nav-item{" lfr-nav-deletable has-child" if subs else ""}">'
                       f'<a class="nav-link" href="{esc(href)}"><span class="nav-text">{esc(label)}</span></a>')
            if subs:
                out.append('<ul class="lfr-nav-child-menu">' + "".join(
                    f'<li class="lfr-nav-child"><a class="nav-link" href="{esc(h)}">{esc(l)}</a></li>'
                    for h, l in subs) + "</ul>")
            out.append("</li>")
        out.append("</ul></div>")
        return "\n".join(out)
    out = ['<nav id="navigation" class="navbar site-navigation" role="navigation">',
           '<h1 class="hide-accessible">Thực đơn</h1>', '<ul aria-label="Trang của site" role="menubar">']
    for href, label, subs in top:
        cls = ' class="dropdown"' if subs else ""
        out.append(f'<li{cls} role="presentation"><a href="{esc(href)}" role="menuitem"><span>{esc(label)}</span></a>')
        if subs:
            out.append('<ul class="child-menu dropdown-menu" role="menu">')
            out.extend(f'<li role="presentation"><a href="{esc(h)}" role="menuitem">{esc(l)}</a></li>' for h, l in subs)
            out.append("</ul>")
        out.append("</li>")
    out.append("</ul></nav>")
    return "\n".join(out)


def search_form(m: PortalModel) -> str:
    if m.search == "absent":
        return ""
    return (f'<form class="search-form" action="{m.base}/tim-kiem" method="get">'
            '<input type="text" name="keyword" placeholder="Tìm kiếm" title="Tìm kiếm">'
            '<button type="submit" class="btn-search">Tìm</button></form>')


def footer_html(m: PortalModel, port: int) -> str:
    links = [s for s in m.sections.values() if s.placement == "footer"]
    frame = m.theme.frame
    out = [{"sibling": '<div id="footer" class="footer-wrapper">',
            "asset": '<footer class="site-footer" role="contentinfo">'}.get(frame, '<footer id="footer" role="contentinfo">')]
    if links:
        out.append('<div class="footer-links"><ul>')
        out.extend(f'<li><a href="{esc(s.href)}">{esc(s.label)}</a></li>' for s in links)
        out.append("</ul></div>")
    owner = owner_name(m)
    lines = [(label, esc(value)) for label, value in contact_lines(m)]
    if m.leaders:
        lines.append(("Chịu trách nhiệm chính", esc(m.leaders[0][0])))
    if frame == "sibling":
        out.append(f'<div class="footer-info"><p><strong>{esc(owner)}</strong><br>'
                   + "<br>".join(f"{label}: {value}" for label, value in lines) + "</p></div>")
    elif frame == "asset":
        out.append(f'<div class="footer-info"><p class="owner">{esc(owner)}</p><dl class="contact">'
                   + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in lines) + "</dl></div>")
    else:
        out.append(f'<div class="footer-info"><p class="owner"><strong>{esc(owner)}</strong></p>')
        out.extend(f"<p>{label}: {value}</p>" for label, value in lines)
        out.append("</div>")
    visits = 100000 + m.group_id * 7
    out.append(f'<div class="visit-counter">Số lượt truy cập: <span>{visits:,}</span> | Đang truy cập: '
               f'<span>{m.group_id % 90 + 5}</span></div>'.replace(",", "."))
    out.append(f'<p class="copyright">© {m.now.year} Bản quyền thuộc về {esc(owner)}</p>')
    out.append("</div>" if frame == "sibling" else "</footer>")
    return "\n".join(out)


def owner_name(m: PortalModel) -> str:
    if m.portal.is_commune:
        return "Ủy ban nhân dân " + m.portal.name[0].lower() + m.portal.name[1:]
    return {"province": "Ủy ban nhân dân tỉnh Bắc Ninh"}.get(m.portal.kind, m.portal.name)


def contact_lines(m: PortalModel) -> list[tuple[str, str]]:
    """(label, value) of the contact fields the portal shows; a missing field has no line at all."""
    labels = {"address": "Địa chỉ", "phone": "Điện thoại", "fax": "Fax", "email": "Email"}
    if m.group_id % 3 == 1:
        labels.update(phone="Số điện thoại", email="E-mail")
    return [(labels[k], m.contact[k]) for k in ("address", "phone", "fax", "email") if k in m.contact]


def sidebar_html(m: PortalModel, port: int) -> str:
    """Home page sidebar: section banners placed there, then the "Liên kết" block."""
    frame = m.theme.frame
    out = [{"sibling": '<div id="column-2" class="col-right">',
            "asset": '<aside class="sidebar-right">'}.get(frame, '<aside id="column-2" class="sidebar">')]
    banners = [s for s in m.sections.values() if s.placement == "sidebar"]
    if banners and frame == "sibling":
        out.append('<div class="box-banner">')
        out.extend(f'<a class="banner" href="{esc(s.href)}" title="{esc(s.label)}">'
                   f'<img src="/documents/{m.group_id}/0/banner-{i}.png" alt="{esc(s.label)}"></a>'
                   for i, s in enumerate(banners))
        out.append("</div>")
    elif banners:
        out.append('<div class="portlet-boundary banner-links"><ul>')
        out.extend(f'<li><a class="banner" href="{esc(s.href)}">{esc(s.label)}</a></li>' for s in banners)
        out.append("</ul></div>")
    if m.links:
        out.append('<div class="portlet-boundary lien-ket" id="p_p_id_weblinks_WAR_bacninhportlet_">'
                   '<h2 class="portlet-title">Liên kết</h2><ul class="weblinks">')
        for link in m.links:
            out.append(f'<li><a href="{esc(link.url(port))}" target="_blank">{esc(link.label)}</a></li>')
        if m.portal.id == HOSTILE_PORTAL_ID:
            out.extend(f'<li><a href="{esc(href)}">{esc(label)}</a></li>' for href, label in HOSTILE_LINKS)
        out.append("</ul></div>")
    out.append("</div>" if frame == "sibling" else "</aside>")
    return "\n".join(out)


def breadcrumb(m: PortalModel, trail: list[tuple[str, str]]) -> str:
    if m.theme.frame == "sibling":
        return ""
    if m.theme.frame == "asset":
        items = [(f"{m.base}/", "Trang chủ")] + list(trail)
        return ('<nav class="breadcrumb-nav" aria-label="breadcrumb"><ol class="breadcrumb">' + "".join(
            f'<li class="breadcrumb-item"><a href="{esc(h)}">{esc(l)}</a></li>' for h, l in items) + "</ol></nav>")
    parts = [f'<li><a href="{m.base}/">Trang chủ</a></li>']
    parts += [f'<li><a href="{esc(h)}">{esc(l)}</a></li>' for h, l in trail]
    return f'<ul class="breadcrumb breadcrumb-horizontal">{"".join(parts)}</ul>'


def page(m: PortalModel, port: int, title: str, main: str, *, sidebar: str = "", trail=None,
         home: bool = False) -> str:
    if m.platform != "liferay":
        from farm import cms_pages

        return cms_pages.frame(m, port, title, main, sidebar=sidebar, trail=trail, home=home)
    if m.theme.frame == "portal4":
        return portal4.frame(m, port, title, main, trail=trail, home=home)  # its own right column on every page
    side = sidebar_html(m, port) if home else sidebar
    crumbs = "" if home else breadcrumb(m, trail or [])
    return f"""<!DOCTYPE html>
<html lang="vi-VN" class="aui ltr" dir="ltr">
<head>
<meta charset="utf-8">
<title>{esc(title)} - {esc(site_title(m))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>var themeDisplay = {{getScopeGroupId: function() {{ return '{m.group_id}'; }},
  getLanguageId: function() {{ return 'vi_VN'; }}}};</script>
</head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<div id="wrapper" class="container-fluid">
<header id="banner" role="banner">
<div class="site-title"><h1><a href="{m.base}/" title="{esc(site_title(m))}">{esc(site_title(m))}</a></h1></div>
{search_form(m)}
{f'<div class="language"><a href="{m.english_href}" hreflang="en" lang="en">English</a></div>' if m.english_href else ""}
</header>
{menu_html(m)}
{crumbs}
<div id="content"><div class="columns-2" id="main-content" role="main">
<div id="column-1" class="portlet-column">
{main}
</div>
{side}
</div></div>
{footer_html(m, port)}
</div>
</body>
</html>
"""
