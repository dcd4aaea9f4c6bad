#!/usr/bin/env python3
"""Writes the held-out ("blind") gold pages into ./blind/.

The pages are hand-written HTML modelled on Vietnamese government CMSs. This script only assembles chrome
(header, menu, sidebar, footer) around hand-written content; the labels in labels.yaml were typed by hand from the
content below and are NOT computed here.
"""
import os
import unicodedata

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind")
PAGES = {}


def page(name):
    def deco(fn):
        PAGES[name] = fn
        return fn
    return deco


# ----------------------------------------------------------------------------------------------------------------
# Liferay (Bắc Ninh platform, bacninhportlet suite)
# ----------------------------------------------------------------------------------------------------------------
LF_MENU_XA = [
    ("Trang chủ", "/trang-chu"), ("Giới thiệu", "/gioi-thieu-chung"), ("Tin tức - Sự kiện", "/tin-tuc-su-kien"),
    ("Văn bản", "/van-ban"), ("Chỉ đạo điều hành", "/chi-dao-dieu-hanh"), ("Lịch làm việc", "/lich-lam-viec"),
    ("Thủ tục hành chính", "/thu-tuc-hanh-chinh"), ("Phản ánh kiến nghị", "/phan-anh-kien-nghi"),
    ("Tiếp cận thông tin", "/tiep-can-thong-tin"), ("Liên hệ", "/lien-he"),
]


def lf_portlet(portlet, inst, inner, title=None):
    pid = f"{portlet}_WAR_bacninhportlet_INSTANCE_{inst}"
    head = f'<h2 class="portlet-title"><span class="portlet-title-text">{title}</span></h2>' if title else ""
    return (f'<div class="portlet-boundary portlet-boundary_{portlet}_WAR_bacninhportlet_ portlet-static '
            f'portlet-static-end portlet-borderless" id="p_p_id_{pid}_">\n<span id="p_{pid}"></span>\n'
            f'<div class="portlet-borderless-container">{head}\n<div class="portlet-body">\n{inner}\n</div></div></div>')


def lf_sidebar_news(items, title="Tin mới"):
    lis = "\n".join(f'<li><a href="{u}">{t}</a> <span class="date">({d})</span></li>' for t, u, d in items)
    return lf_portlet("newsbycategory", "Xk3pQ9rTzA1m", f'<ul class="list-news-sidebar">\n{lis}\n</ul>', title)


def liferay(unit, host, site, title, crumbs, main, sidebar="", header_date=None, footer=None,
            search=True, year="2025", visits="1.284.537", extra_head=""):
    menu = "\n".join(f'<li class="nav-item"><a href="/web/{site}{u}"><span>{t}</span></a></li>' for t, u in LF_MENU_XA)
    crumb = " <span class=\"divider\">/</span> ".join(
        f'<li><a href="{u}">{t}</a></li>' if u else f'<li class="active"><span>{t}</span></li>' for t, u in crumbs)
    hd = f'<div class="current-date"><i class="icon-calendar"></i> {header_date}</div>' if header_date else ""
    sf = ('<form class="search-form" action="/web/%s/tim-kiem" method="get"><input type="text" name="keyword" '
          'placeholder="Tìm kiếm" class="search-query"/><button type="submit" class="btn">'
          '<i class="icon-search"></i></button></form>' % site) if search else ""
    f = footer or {}
    foot_lines = "\n".join(f"<p>{k}: {v}</p>" for k, v in f.items())
    return f"""<!DOCTYPE html>
<html lang="vi-VN" class="aui ltr" dir="ltr">
<head>
<title>{title} - Cổng thông tin điện tử {unit}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="https://{host}/bacninh-theme/images/favicon.ico" rel="Shortcut Icon" />
<link class="lfr-css-file" href="https://{host}/bacninh-theme/css/main.css?browserId=other&amp;themeId=bacninh_WAR_bacninhtheme&amp;languageId=vi_VN&amp;b=6210&amp;t=1700000000000" rel="stylesheet" type="text/css" />
<script type="text/javascript">var themeDisplay={{getLanguageId:function(){{return "vi_VN";}},getPathMain:function(){{return "/c";}},getScopeGroupId:function(){{return "1250318";}}}};</script>
{extra_head}
</head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<div id="wrapper">
<header id="banner" role="banner">
<div class="top-bar">{hd}<div class="top-links"><a href="/c/portal/login">Đăng nhập</a> | <a href="/web/{site}/so-do-cong">Sơ đồ cổng</a></div></div>
<div class="banner-inner"><a class="logo" href="/web/{site}/trang-chu" title="Trang chủ"><img alt="Quốc huy" src="/bacninh-theme/images/quochuy.png" /></a>
<div class="site-name"><span class="line1">CỔNG THÔNG TIN ĐIỆN TỬ</span><span class="line2">{unit.upper()}</span><span class="line3">TỈNH BẮC NINH</span></div>
{sf}
</div>
<nav class="navigation" id="navigation" role="navigation"><h1><span>Thực đơn</span></h1>
<ul aria-label="Các trang của site" role="menubar">
{menu}
</ul></nav>
</header>
<div id="content">
<ul class="breadcrumb breadcrumb-horizontal">
{crumb}
</ul>
<div class="columns-2" id="main-content" role="main">
<div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-1">
<div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">
{main}
</div></div>
<div class="portlet-column portlet-column-last span4" id="column-2">
<div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-2">
{sidebar}
{lf_portlet("videogallery", "Vq0L2mN8sR4t", '<div class="video-box"><a href="/web/' + site + '/thu-vien-video">Thư viện video</a></div>', "Video")}
</div></div>
</div></div>
</div>
<footer id="footer" role="contentinfo">
<div class="footer-inner">
<p class="owner"><strong>Cơ quan chủ quản: Ủy ban nhân dân {unit}</strong></p>
{foot_lines}
<p>Chịu trách nhiệm chính: Chủ tịch UBND {unit}</p>
<p class="counter">Số lượt truy cập: <span>{visits}</span> | Đang trực tuyến: <span>37</span></p>
<p class="copyright">© {year} Bản quyền thuộc về {unit} - Tỉnh Bắc Ninh. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p>
</div>
</footer>
</div>
<script src="https://{host}/html/js/barebone.jsp?browserId=other&amp;themeId=bacninh_WAR_bacninhtheme&amp;colorSchemeId=01&amp;minifierType=js&amp;minifierBundleId=javascript.barebone.files&amp;languageId=vi_VN&amp;b=6210&amp;t=1699999999999" type="text/javascript"></script>
</body>
</html>
"""


def lf_article(title, sapo, body, dateline="", toolbar=True, related=None, after=""):
    tb = ("""<div class="toolbar-detail"><a href="javascript:void(0)" onclick="printDiv('printContent')" title="In bài viết">"""
          """<i class="icon-print"></i> In bài</a> <a href="javascript:void(0)" class="send-mail" title="Gửi email">"""
          """<i class="icon-envelope"></i> Gửi email</a> <div class="share-buttons"><a class="fb-share" href="#">Chia sẻ</a></div></div>"""
          if toolbar else "")
    rel = ""
    if related:
        lis = "\n".join(f'<li><a href="{u}">{t}</a> <span class="time">{d}</span></li>' for t, u, d in related)
        rel = f'<div class="related-news"><h3 class="title-related">Tin liên quan</h3>\n<ul>\n{lis}\n</ul></div>'
    inner = f"""<div id="printContent" class="news-detail">
{dateline}
<h1 class="title-detail" id="contentDetailTitleId">{title}</h1>
<div class="sapo" id="sapoDetailId">{sapo}</div>
<div class="content-detail" id="contentDetail">
{body}
</div>
</div>
{tb}
{after}
{rel}"""
    return lf_portlet("newsdetail", "N7bYt2kLpQ0w", inner)


# ----------------------------------------------------------------------------------------------------------------
# SharePoint
# ----------------------------------------------------------------------------------------------------------------
def sharepoint(unit, host, title, crumbs, main, left_menu, right="", year="2025", footer="", header_date=None):
    lm = "\n".join(f'<li class="static"><a class="static menu-item" href="{u}"><span class="menu-item-text">{t}</span></a></li>'
                   for t, u in left_menu)
    cr = ' <span class="ms-sitemapdirectional">›</span> '.join(
        f'<a href="{u}">{t}</a>' if u else f'<span class="current">{t}</span>' for t, u in crumbs)
    hd = f'<span class="header-date">{header_date}</span>' if header_date else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv="X-UA-Compatible" content="IE=10" />
<meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>
	{title}
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2bPLpcpI1ZhmrQqb%2BnDHsA%3D%3D"/>
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZzvY8kLJpfUpXwbMvoEg1w%3D%3D"></script>
</head>
<body>
<form method="post" action="./{title[:0]}" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIHD2QWAmYPZBYCAgEPFgIeE1ByZXZpb3VzQ29udHJvbE1vZGULKYgBTWljcm9zb2Z0LlNoYXJlUG9pbnQuV2ViQ29udHJvbHMuU1BDb250cm9sTW9kZQ==" /></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header-portal"><div class="banner"><img src="/PublishingImages/banner.jpg" alt="Cổng thông tin điện tử {unit}"/>
<div class="portal-name">{unit}</div>{hd}</div>
<div class="search-box"><input name="ctl00$SearchBox$txtKeyword" type="text" id="txtKeyword" title="Nhập từ khóa" placeholder="Nhập từ khóa tìm kiếm..."/>
<a id="btnSearch" href="/Pages/timkiem.aspx">Tìm kiếm</a></div></div>
<div id="contentRow">
<div id="sideNavBox" class="ms-dialogHidden ms-forceWrap ms-noList"><div class="ms-core-navigation"><ul class="root static">
{lm}
</ul></div></div>
<div id="contentBox" aria-live="polite" aria-relevant="all">
<div class="breadcrumb">{cr}</div>
<div id="DeltaPlaceHolderMain">
{main}
</div></div>
<div class="right-zone">{right}</div>
</div>
<div class="footer">{footer}
<p>Bản quyền © {year} {unit}</p></div>
</div></div>
</form>
</body>
</html>
"""


# ----------------------------------------------------------------------------------------------------------------
# NukeViet 4
# ----------------------------------------------------------------------------------------------------------------
def nukeviet(site_name, host, title, crumbs, main, menu, right="", year="2025", footer="", og=""):
    mn = "\n".join(f'<li><a title="{t}" href="{u}">{t}</a></li>' for t, u in menu)
    cr = "\n".join(f'<li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="{u}" itemprop="item" title="{t}"><span itemprop="name">{t}</span></a></li>'
                   for t, u in crumbs)
    return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
<head>
<title>{title} - {site_name}</title>
<meta name="description" content="{title}" />
<meta name="author" content="{site_name}" />
<meta name="copyright" content="{site_name} [webmaster@{host}]" />
<meta name="generator" content="NukeViet v4.5" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta property="og:title" content="{title}" />
<meta property="og:site_name" content="{site_name}" />
{og}
<link rel="shortcut icon" href="/uploads/favicon.ico">
<link rel="StyleSheet" href="/themes/egov/css/style.css">
</head>
<body>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row"><div class="logo col-xs-24 col-sm-24 col-md-8">
<a title="{site_name}" href="/"><img src="/uploads/logo.png" alt="{site_name}"></a>
<span class="site_name">{site_name}</span></div></div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><div class="row"><div class="bg box-shadow">
<ul class="nav navbar-nav">
{mn}
</ul></div></div></div></nav>
<section><div class="container" id="body">
<nav class="third-nav"><div class="row"><div class="bg"><div class="clearfix">
<div class="col-xs-24 col-sm-18 col-md-18"><div class="breadcrumbs-wrap"><div class="display"><ul class="breadcrumbs list-none">
<li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="/" itemprop="item" title="Trang nhất"><span itemprop="name"><em class="fa fa-lg fa-home">&nbsp;</em> Trang nhất</span></a></li>
{cr}
</ul></div></div></div>
<div class="headerSearch col-xs-24 col-sm-6 col-md-6"><div class="input-group"><input type="text" class="form-control" maxlength="60" placeholder="Tìm kiếm..."><span class="input-group-btn"><button type="button" class="btn btn-info" data-url="/index.php?language=vi&amp;nv=seek&amp;q=" data-minlength="3" data-click="y"><em class="fa fa-search fa-lg"></em></button></span></div></div>
</div></div></div></nav>
<div class="row"><div class="col-md-18">
{main}
</div><div class="col-md-6">
{right}
</div></div>
</div></section>
<footer id="footer"><div class="wraper"><div class="container"><div class="row"><div class="col-xs-24 col-sm-24 col-md-16">
{footer}
<div class="copyright">© Copyright {year} {site_name}. All right reserved.</div>
</div><div class="col-xs-24 col-sm-24 col-md-8"><ul class="counter list-none display-table">
<li><span><em class="fa fa-bolt fa-fw"></em>Đang truy cập</span><span>12</span></li>
<li><span><em class="fa fa-filter fa-fw"></em>Hôm nay</span><span>431</span></li>
<li><span><em class="fa fa-calendar-o fa-fw"></em>Tháng hiện tại</span><span>10,284</span></li>
<li><span><em class="fa fa-bars fa-fw"></em>Tổng lượt truy cập</span><span>1,037,916</span></li>
</ul></div></div></div></div></footer>
</div></div>
<script src="/assets/js/jquery/jquery.min.js"></script>
<script src="/themes/egov/js/main.js"></script>
</body>
</html>
"""


# ----------------------------------------------------------------------------------------------------------------
# WordPress
# ----------------------------------------------------------------------------------------------------------------
def wordpress(site_name, host, title, main, menu, sidebar="", year="2025", footer="", head_extra="", body_class="single single-post"):
    mn = "\n".join(f'<li class="menu-item menu-item-type-taxonomy"><a href="{u}">{t}</a></li>' for t, u in menu)
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &#8211; {site_name}</title>
<meta name='robots' content='max-image-preview:large' />
<link rel="alternate" type="application/rss+xml" title="{site_name} &raquo; Dòng thông tin" href="https://{host}/feed/" />
<link rel='stylesheet' id='wp-block-library-css' href='https://{host}/wp-includes/css/dist/block-library/style.min.css?ver=6.6.2' media='all' />
<link rel='stylesheet' id='generatepress-style-css' href='https://{host}/wp-content/themes/generatepress/assets/css/main.min.css?ver=3.4.0' media='all' />
<meta name="generator" content="WordPress 6.6.2" />
{head_extra}
</head>
<body class="{body_class} wp-embed-responsive">
<a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<header class="site-header" id="masthead"><div class="inside-header grid-container">
<div class="site-branding"><p class="main-title"><a href="https://{host}/" rel="home">{site_name}</a></p>
<p class="site-description">Trang thông tin điện tử</p></div>
</div></header>
<nav class="main-navigation" id="site-navigation"><div class="inside-navigation grid-container">
<form method="get" class="search-form navigation-search" action="https://{host}/"><input type="search" class="search-field" value="" name="s" title="Tìm kiếm" /></form>
<ul id="menu-menu-chinh" class="menu sf-menu">
{mn}
</ul></div></nav>
<div class="site grid-container container hfeed" id="page"><div class="site-content" id="content">
<div class="content-area" id="primary"><main class="site-main" id="main">
{main}
</main></div>
<div class="widget-area sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar">
{sidebar}
</div></div>
</div></div>
<div class="site-footer"><footer class="site-info"><div class="inside-site-info grid-container">
{footer}
<div class="copyright-bar">&copy; {year} {site_name}</div></div></footer></div>
<script id="generate-menu-js" src="https://{host}/wp-content/themes/generatepress/assets/js/menu.min.js?ver=3.4.0"></script>
</body>
</html>
"""


# ----------------------------------------------------------------------------------------------------------------
# plain hand-built
# ----------------------------------------------------------------------------------------------------------------
def plain(title, body, charset_meta=True):
    cm = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">' if charset_meta else ""
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
{cm}
<title>{title}</title>
<link rel="stylesheet" href="css/style.css" type="text/css">
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
{body}
</body>
</html>
"""


from pages_articles import register as _reg_articles  # noqa: E402
from pages_sections import register as _reg_sections  # noqa: E402

_reg_articles(page, globals())
_reg_sections(page, globals())


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, fn in sorted(PAGES.items()):
        html = unicodedata.normalize("NFC", fn())
        with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8") as fh:
            fh.write(html)
    print(len(PAGES), "pages written to", OUT)


if __name__ == "__main__":
    main()
