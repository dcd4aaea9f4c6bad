"""Write the hand-written part of the gold set (tests/gold/hand/): pages modelled on the CMSs of Vietnamese
government sites (Liferay asset publisher, SharePoint /Pages/*.aspx, NukeViet, WordPress, plain HTML), stripped to
the relevant markup, with their labels.

The pages are written here by hand as small bodies dropped into a per-CMS frame (header, menu, sidebar, footer
with a copyright year), so one trap can be varied over several frames. Each label (section, publish date, facts)
is typed in the spec next to the page text it describes, by reading that text; nothing here calls the product.

    .venv/bin/python benchmarks/build_gold_hand.py   # rewrites tests/gold/hand/
"""
from __future__ import annotations

from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent.parent / "tests" / "gold" / "hand"
NOW = "2025-11-22T10:30"

SIDEBAR_NEWS = """<div class="tin-moi"><h3>Tin mới</h3><ul>
<li><a href="/tin-tuc/hoi-nghi-so-ket-quy-iii-1201.html">Hội nghị sơ kết công tác quý III năm 2025</a> <span>(20/11/2025)</span></li>
<li><a href="/tin-tuc/trao-qua-nguoi-co-cong-1202.html">Trao quà cho người có công nhân dịp 27/7</a> <span>19/11/2025 08:15</span></li>
</ul></div>"""
RELATED = """<div class="related-news"><h3>Tin liên quan</h3><ul>
<li><a href="/tin-tuc/tap-huan-chuyen-doi-so-1101.html">Tập huấn chuyển đổi số cho cán bộ cơ sở</a> (02/09/2025)</li>
<li><a href="/tin-tuc/kiem-tra-ve-sinh-an-toan-thuc-pham-1102.html">Kiểm tra vệ sinh an toàn thực phẩm</a> (28/08/2025)</li>
</ul></div>"""
CONTACT_FOOTER = ("<p>Cơ quan chủ quản: Ủy ban nhân dân xã Tiên Du</p><p>Địa chỉ: Thôn Lũng Sơn, xã Tiên Du, tỉnh Bắc Ninh</p>"
                  "<p>Điện thoại: 0222.3838.123 - Fax: 0222.3838.124</p><p>Email: ubndtiendu@bacninh.gov.vn</p>")


# ---- frames ---------------------------------------------------------------------------------------------------------
def liferay(title, main, crumbs=(), side=SIDEBAR_NEWS, year=2025, head=""):
    bc = "".join(f'<li><a href="#">{c}</a></li>' for c in ("Trang chủ", *crumbs))
    return f"""<!DOCTYPE html><html lang="vi-VN" class="aui ltr"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><header id="banner" role="banner"><h1 class="site-title">Cổng thông tin điện tử xã Tiên Du</h1>
<form action="/web/guest/tim-kiem" method="get"><input name="_3_keywords" placeholder="Tìm kiếm"></form></header>
<nav id="navigation"><ul><li><a href="/web/guest/trang-chu">Trang chủ</a></li><li><a href="/web/guest/tin-tuc">Tin tức</a></li>
<li><a href="/web/guest/van-ban">Văn bản</a></li><li><a href="/web/guest/lien-he">Liên hệ</a></li></ul></nav>
<ul class="breadcrumb">{bc}</ul>
<div id="content"><div id="column-1" class="portlet-column">{main}</div>
<div id="column-2" class="sidebar">{side}</div></div>
<footer id="footer">{CONTACT_FOOTER}<p>© {year} Bản quyền thuộc về UBND xã Tiên Du</p></footer></body></html>"""


def sharepoint(title, main, crumbs=(), side=SIDEBAR_NEWS, year=2025, head=""):
    bc = " &gt; ".join(f'<a href="#">{c}</a>' for c in ("Trang chủ", *crumbs))
    return f"""<!DOCTYPE html><html dir="ltr" lang="vi-VN"><head><meta charset="utf-8"><title>{title}</title>
<meta name="GENERATOR" content="Microsoft SharePoint">{head}</head><body>
<form method="post" action="./default.aspx" id="aspnetForm"><div id="s4-workspace">
<div class="header"><div class="search-box"><input name="ctl00$SearchBox$S3031AEBB_InputKeywords" type="text" title="Tìm kiếm"></div></div>
<div class="top-menu menu"><a href="/Pages/default.aspx">Trang chủ</a><a href="/tintuc/Pages/default.aspx">Tin tức</a></div>
<span class="ms-sitemapdirectional">{bc}</span>
<div class="main-content">{main}</div><div class="right-sidebar">{side}</div>
<div class="footer">{CONTACT_FOOTER}<p>Copyright © {year} Sở Tư pháp tỉnh Bắc Ninh</p></div></div></form></body></html>"""


def nukeviet(title, main, crumbs=(), side=SIDEBAR_NEWS, year=2025, head=""):
    bc = "".join(f'<li><a href="#"><span>{c}</span></a></li>' for c in ("Trang chủ", *crumbs))
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<meta name="generator" content="NukeViet v4.5">{head}</head><body>
<div class="header"><form action="/index.php" method="get"><input type="hidden" name="nv" value="seek"><input type="text" name="q" maxlength="60"><button type="submit">Tìm</button></form></div>
<div id="menu-site-default" class="menu"><ul><li><a href="/">Trang nhất</a></li><li><a href="/news/">Tin tức</a></li></ul></div>
<div class="breadcrumbs-wrap"><ul class="breadcrumbs">{bc}</ul></div>
<div class="col-md-16">{main}</div><div class="col-md-8 sidebar">{side}</div>
<div id="footer" class="footer">{CONTACT_FOOTER}<p>© Copyright {year} UBND phường Kinh Bắc</p></div></body></html>"""


def wordpress(title, main, crumbs=(), side=SIDEBAR_NEWS, year=2025, head=""):
    bc = " » ".join(f'<a href="#">{c}</a>' for c in ("Trang chủ", *crumbs))
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>{title}</title>{head}</head>
<body class="single"><header id="masthead" class="site-header"><p class="site-title">UBND xã Phật Tích</p>
<form role="search" method="get" class="search-form" action="https://phattich.bacninh.gov.vn/"><input type="search" class="search-field" name="s" placeholder="Tìm kiếm …"></form>
<nav class="main-navigation"><ul><li><a href="/">Trang chủ</a></li><li><a href="/category/tin-tuc/">Tin tức</a></li></ul></nav></header>
<div class="breadcrumbs">{bc}</div>
<div id="primary" class="content-area"><main id="main" class="site-main">{main}</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">{side}</section></aside>
<footer id="colophon" class="site-footer">{CONTACT_FOOTER}<div class="site-info">© {year} UBND xã Phật Tích</div></footer></body></html>"""


def plain(title, main, crumbs=(), side="", year=2025, head=""):
    return f"""<html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>
<div id="header" class="site-header"><b>Trang thông tin điện tử</b></div>
<div id="main">{main}</div>{side and f'<div class="sidebar">{side}</div>'}
<div id="footer">Bản quyền © {year}</div></body></html>"""


FRAMES = {"liferay": liferay, "sharepoint": sharepoint, "nukeviet": nukeviet, "wordpress": wordpress, "plain": plain}
BODY = {"liferay": "journal-content-article", "sharepoint": "ms-rtestate-field", "nukeviet": "bodytext",
        "wordpress": "entry-content", "plain": "noidung"}


def article(cms, title, byline, body, *, before="", related=RELATED, wrap=None):
    """An article as the CMS prints it: title, byline (the date block), body; related list after it."""
    cls = BODY[cms]
    inner = f'<div class="{cls}">{body}</div>'
    if cms == "liferay":
        core = (f'<div class="asset-full-content"><h1 class="header-title"><span>{title}</span></h1>{before}{byline}'
                f"{inner}</div>")
    elif cms == "sharepoint":
        core = f'<div class="article-detail">{before}<h1 class="title-detail">{title}</h1>{byline}{inner}</div>'
    elif cms == "nukeviet":
        core = (f'<div class="news_detail">{before}<h1>{title}</h1>{byline}<div id="news-bodyhtml" class="bodytext">'
                f"{body}</div></div>")
    elif cms == "wordpress":
        core = (f'<article class="post type-post"><header class="entry-header">{before}<h1 class="entry-title">{title}</h1>'
                f'<div class="entry-meta">{byline}</div></header>{inner}</article>')
    else:
        core = f"<div class=\"detail\">{before}<h1>{title}</h1>{byline}{inner}</div>"
    return (wrap or "{}").format(core) + related


P1 = "<p>Sáng nay, Ủy ban nhân dân xã tổ chức hội nghị với sự tham dự của đại diện các thôn và ban ngành đoàn thể.</p>"
P2 = "<p>Hội nghị đã thống nhất các giải pháp trọng tâm trong thời gian tới và giao nhiệm vụ cụ thể cho từng đơn vị.</p>"
DOCMETA = ("<p>Thực hiện Quyết định số 1234/QĐ-UBND ngày 03/01/2025 của UBND tỉnh và Kế hoạch số 56/KH-UBND "
           "ngày 15 tháng 2 năm 2024 của UBND xã,</p><table class=\"doc-meta\"><tr><td>Ngày ban hành:</td><td>10/03/2024</td></tr>"
           "<tr><td>Ngày hiệu lực:</td><td>25/03/2024</td></tr></table>")
FUTURE = "<p>Lễ hội sẽ diễn ra vào ngày 20/12/2025 tại sân vận động trung tâm, dự kiến kết thúc ngày 22/12/2025.</p>"


# ---- article specs: (name, cms, title, byline, body, date, format, traps, extra) -------------------------------------
ARTICLES = [
    ("lf-date-span", "liferay", "Xã Tiên Du tổ chức hội nghị giao ban quý III",
     '<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">15/09/2025</span></div>', P1 + P2,
     "2025-09-15", "dd/MM/yyyy", ["sidebar-dates", "related-list-dates", "footer-copyright-year"]),
    ("lf-label-dang", "liferay", "Khai mạc Hội Lim năm 2025",
     "<p class=\"meta\">Ngày đăng: 05/02/2025 08:30</p>", P1, "2025-02-05", "Ngày đăng: dd/MM/yyyy HH:mm",
     ["month-first-bait"]),
    ("lf-updated-and-posted", "liferay", "Triển khai kế hoạch chuyển đổi số năm 2025",
     "<p class=\"meta\">Cập nhật: 20/09/2025 14:05 | Ngày đăng: 12/09/2025 07:45</p>", P1 + DOCMETA, "2025-09-12",
     "Cập nhật … | Ngày đăng …", ["updated-vs-published", "document-metadata-in-body"]),
    ("lf-posted-then-updated", "liferay", "Kiểm tra tiến độ thi công đường liên xã",
     "<p class=\"meta\">Đăng lúc 09:10 ngày 03/10/2025 - Cập nhật lúc 16:20 ngày 06/10/2025</p>", P1, "2025-10-03",
     "Đăng lúc HH:mm ngày dd/MM/yyyy", ["updated-vs-published"]),
    ("lf-12h", "liferay", "Ra quân hưởng ứng tháng hành động vì môi trường",
     "<p class=\"meta\">Thứ Tư, 04/06/2025 02:45</p>", P1, "2025-06-04", "Thứ X, dd/MM/yyyy hh:mm (12h, no AM/PM)",
     ["12-hour-no-ampm"]),
    ("lf-words", "liferay", "Tọa đàm về phát triển kinh tế tập thể",
     "<p class=\"meta\">Bắc Ninh, ngày 21 tháng 7 năm 2025</p>", P1 + DOCMETA, "2025-07-21", "ngày D tháng M năm Y",
     ["document-metadata-in-body"]),
    ("lf-future-event", "liferay", "Thông báo tổ chức Lễ hội truyền thống cuối năm",
     "<p class=\"meta\">Ngày đăng: 18/11/2025</p>", FUTURE, "2025-11-18", "Ngày đăng: dd/MM/yyyy", ["future-dates-in-body"]),
    ("lf-date-above-title", "liferay", "Gặp mặt cán bộ hưu trí nhân dịp năm mới", "", P1, "2025-01-10", "dd-MM-yyyy above title",
     ["sidebar-dates"], {"before": '<div class="news-date">10-01-2025</div>'}),
    ("lf-dots", "liferay", "Trao quà cho hộ nghèo dịp Tết Nguyên đán",
     '<div class="time-post">Thứ Sáu, 24.01.2025 | 15:30</div>', P1, "2025-01-24", "dd.MM.yyyy", []),
    ("lf-time-first", "liferay", "Tập huấn nghiệp vụ hộ tịch cho công chức",
     "<p class=\"meta\">08:30 | 17/10/2025</p>", P1, "2025-10-17", "HH:mm | dd/MM/yyyy (time first)", []),
    ("lf-sidebar-first", "liferay", "Khánh thành nhà văn hóa thôn Đông",
     "<p class=\"meta\">Thứ Hai, 10/11/2025</p>", P1, "2025-11-10", "Thứ X, dd/MM/yyyy",
     ["sidebar-dates"], {"wrap": '<div class="tin-moi"><span class="date_time">21/11/2025 09:00</span></div>{}'}),
    ("sp-ngay-dang", "sharepoint", "Sở Tư pháp triển khai phổ biến Luật Hòa giải ở cơ sở",
     '<div class="article-date">Ngày đăng: 29/08/2025</div>', P1, "2025-08-29", "Ngày đăng: dd/MM/yyyy", []),
    ("sp-ngay-cap-nhat", "sharepoint", "Hội nghị tập huấn công tác bồi thường nhà nước",
     '<div class="article-date">Ngày cập nhật 11/04/2025 10:12</div>', P1, "2025-04-11", "Ngày cập nhật dd/MM/yyyy HH:mm",
     ["updated-label-only"]),
    ("sp-gmt", "sharepoint", "Thanh tra việc chấp hành pháp luật về đấu giá tài sản",
     '<div class="NewsDate">Thứ hai, 15/9/2025, 08:30 (GMT+7)</div>', P1, "2025-09-15", "Thứ x, d/M/yyyy, HH:mm (GMT+7)", []),
    ("sp-meta-only", "sharepoint", "Kết quả thẩm định văn bản quy phạm pháp luật 9 tháng",
     "", P1 + DOCMETA, "2025-10-02", "meta article:published_time ISO",
     ["document-metadata-in-body"], {"head": '<meta property="article:published_time" content="2025-10-02T09:00:00+07:00">'}),
    ("sp-no-date", "sharepoint", "Chức năng, nhiệm vụ của Sở Tư pháp", "", P1 + P2, None, "none",
     ["sidebar-dates", "footer-copyright-year"]),
    ("sp-bare-year", "sharepoint", "Báo cáo kết quả công tác năm 2024",
     '<div class="article-date">Năm 2024</div>', P1, None, "bare year", ["bare-year"]),
    ("sp-future-only", "sharepoint", "Lịch tiếp công dân tháng 12",
     '<div class="article-date">Áp dụng từ ngày 01/12/2025</div>', P1, None, "future date only", ["future-date"]),
    ("nv-hdate", "nukeviet", "Phường Kinh Bắc ra quân làm sạch môi trường",
     '<span class="h-date">Thứ bảy - 11/10/2025 07:15</span>', P1, "2025-10-11", "Thứ x - dd/MM/yyyy HH:mm", []),
    ("nv-hdate-meta", "nukeviet", "Hội nghị tiếp xúc cử tri trước kỳ họp",
     '<span class="h-date">Thứ năm - 20/03/2025 09:15</span>', P1, "2025-03-20", "NukeViet meta EDT",
     [], {"head": '<meta property="article:published_time" content="2025-03-20EDT09:15:00">'}),
    ("nv-12h", "nukeviet", "Tổ chức khám sức khỏe cho người cao tuổi",
     '<span class="h-date">Thứ ba - 07/01/2025 03:20</span>', P1 + FUTURE, "2025-01-07", "Thứ x - dd/MM/yyyy hh:mm (12h)",
     ["12-hour-no-ampm"]),
    ("nv-docmeta", "nukeviet", "Quyết định công bố thủ tục hành chính mới",
     '<span class="h-date">Thứ hai - 02/06/2025 16:40</span>', DOCMETA + P2, "2025-06-02", "Thứ x - dd/MM/yyyy HH:mm",
     ["document-metadata-in-body"]),
    ("nv-no-hdate", "nukeviet", "Giới thiệu chung về phường Kinh Bắc", "", P1 + "<p>Năm 1999 phường được thành lập.</p>",
     None, "none", ["bare-year", "sidebar-dates"]),
    ("wp-time", "wordpress", "Xã Phật Tích tổ chức lễ hội chùa Phật Tích",
     '<span class="posted-on"><time class="entry-date published" datetime="2025-03-02T07:00:00+07:00">02/03/2025</time>'
     '<time class="updated" datetime="2025-03-09T10:00:00+07:00">09/03/2025</time></span>', P1, "2025-03-02",
     "time.published ISO", ["updated-vs-published"]),
    ("wp-jsonld", "wordpress", "Phổ biến Luật Căn cước đến nhân dân",
     "", P1, "2025-07-08", "JSON-LD datePublished",
     [], {"head": '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article",'
                  '"dateModified":"2025-08-01T10:00:00+07:00","datePublished":"2025-07-08T08:00:00+07:00"}]}</script>'}),
    ("wp-updated-first", "wordpress", "Đẩy mạnh thanh toán không dùng tiền mặt",
     '<span class="posted-on">Cập nhật: 14/08/2025 — Đăng ngày: 01/08/2025</span>', P1, "2025-08-01",
     "Cập nhật … — Đăng ngày …", ["updated-vs-published"]),
    ("wp-thang-comma", "wordpress", "Khen thưởng học sinh giỏi năm học 2024-2025",
     '<span class="posted-on">Thứ Năm, 5 tháng 6, 2025</span>', P1, "2025-06-05", "D tháng M, YYYY", []),
    ("wp-month-first-bait", "wordpress", "Họp dân bàn phương án dồn điền đổi thửa",
     '<span class="posted-on">Ngày đăng: 05/09/2025</span>', P1, "2025-09-05", "Ngày đăng: dd/MM/yyyy", ["month-first-bait"]),
    ("pl-dash", "plain", "Thông báo tuyển dụng viên chức năm 2025",
     "<div class=\"date\">Ngày: 30-10-2025</div>", P1, "2025-10-30", "dd-MM-yyyy", []),
    ("pl-no-zero", "plain", "Kết quả bầu trưởng thôn nhiệm kỳ mới",
     "<div class=\"info\">Đăng ngày 3/9/2025</div>", P1, "2025-09-03", "d/M/yyyy", []),
    ("pl-ymd", "plain", "Danh sách hộ nghèo được hỗ trợ",
     "<div class=\"info\">2025/10/21</div>", P1, "2025-10-21", "yyyy/MM/dd", []),
    ("pl-seconds", "plain", "Kế hoạch phòng chống rét cho cây trồng vụ đông",
     "<div class=\"info\">Ngày đăng: 12/11/2025 10:05:33</div>", P1, "2025-11-12", "dd/MM/yyyy HH:mm:ss", []),
    ("pl-future-and-real", "plain", "Thông báo lịch tiêm chủng mở rộng",
     "<div class=\"info\">Ngày đăng: 20/11/2025 — Lịch tiêm: 25/11/2025</div>", FUTURE, "2025-11-20", "Ngày đăng: dd/MM/yyyy",
     ["future-dates"]),
    ("pl-url-date", "plain", "Bản tin truyền thanh số 45", "", P1, "2025-11-04", "URL /yyyy/mm/dd/", [],
     {"url": "https://tiendu.bacninh.gov.vn/2025/11/04/ban-tin-truyen-thanh-so-45/"}),
]
# More of the common forms over other frames: the platform's own styles seen through other CMSs' markup.
for i, (cms, byline, date, fmt) in enumerate([
    ("liferay", '<span class="date_time">03/11/2025 14:30</span>', "2025-11-03", "span.date_time dd/MM/yyyy HH:mm"),
    ("sharepoint", '<span class="date_time">28/02/2025 09:00</span>', "2025-02-28", "span.date_time dd/MM/yyyy HH:mm"),
    ("nukeviet", '<p class="date-update">Cập nhật lúc 08:30 ngày 3/11/2025</p>', "2025-11-03", "Cập nhật lúc HH:mm ngày d/M/yyyy"),
    ("wordpress", '<span class="posted-on">Thứ Ba, 01/04/2025, 11:20</span>', "2025-04-01", "Thứ X, dd/MM/yyyy, HH:mm"),
    ("plain", '<p>Ngày xuất bản: 16/05/2025</p>', "2025-05-16", "Ngày xuất bản: dd/MM/yyyy"),
    ("liferay", '<p>Thứ 6, 07/03/2025 - 16:00</p>', "2025-03-07", "Thứ 6, dd/MM/yyyy - HH:mm"),
    ("sharepoint", '<div class="article-date">Đăng tải: 19/06/2025 — Lượt xem: 1.024</div>', "2025-06-19", "Đăng tải: dd/MM/yyyy"),
    ("nukeviet", '<span class="h-date">Chủ nhật - 31/08/2025 20:00</span>', "2025-08-31", "Chủ nhật - dd/MM/yyyy HH:mm"),
    ("wordpress", '<span class="posted-on">Posted on 22/10/2025</span>', "2025-10-22", "Posted on dd/MM/yyyy"),
    ("plain", '<p>Thời gian đăng: 09h15 ngày 13/08/2025</p>', "2025-08-13", "HHhmm ngày dd/MM/yyyy"),
    ("liferay", '<p class="meta">Ngày 01/01/2025</p>', "2025-01-01", "Ngày dd/MM/yyyy (new-year boundary)"),
    ("nukeviet", '<span class="h-date">Thứ tư - 31/12/2024 23:45</span>', "2024-12-31", "year boundary 23:45"),
]):
    titles = ["Hội nghị tổng kết phong trào thi đua", "Đoàn công tác kiểm tra sản xuất vụ đông",
              "Tuyên dương gia đình văn hóa tiêu biểu", "Hưởng ứng ngày pháp luật Việt Nam",
              "Khởi công xây dựng trường mầm non", "Tiếp nhận hồ sơ trực tuyến mức độ toàn trình",
              "Hội thi tìm hiểu pháp luật cho thanh niên", "Kiểm tra công tác phòng cháy, chữa cháy",
              "Bàn giao mặt bằng dự án đường vành đai", "Đối thoại với doanh nghiệp trên địa bàn",
              "Chúc mừng năm mới 2025", "Tổng kết công tác năm 2024"]
    ARTICLES.append((f"mix-{i:02d}", cms, titles[i], byline, P1 + (DOCMETA if i % 3 == 0 else P2), date, fmt,
                     ["document-metadata-in-body"] if i % 3 == 0 else []))

SLUG = {"liferay": "/web/guest/tin-tuc/-/asset_publisher/abc/content/{n}", "sharepoint": "/tintuc/Pages/{n}.aspx",
        "nukeviet": "/news/tin-tuc/{n}-123.html", "wordpress": "/{n}/", "plain": "/tin-tuc/{n}.html"}
HOST = {"liferay": "https://tiendu.bacninh.gov.vn", "sharepoint": "https://stp.bacninh.gov.vn",
        "nukeviet": "https://kinhbac.bacninh.gov.vn", "wordpress": "https://phattich.bacninh.gov.vn",
        "plain": "https://vidu.bacninh.gov.vn"}
# Articles are reached from the "Tin tức" listing: their breadcrumb says so (the date-only pages above are news,
# except the few static pages, whose section is given here).
ARTICLE_SECTION = {"sp-no-date": ("gioi-thieu", ["Giới thiệu", "Chức năng nhiệm vụ"]),
                   "nv-no-hdate": ("gioi-thieu", ["Giới thiệu"]),
                   "sp-ngay-dang": ("pho-bien-phap-luat", ["Phổ biến pháp luật"]),
                   "wp-jsonld": ("pho-bien-phap-luat", ["Phổ biến giáo dục pháp luật"]),
                   "sp-bare-year": ("thong-ke", ["Báo cáo thống kê"]),
                   "sp-future-only": ("lich-cong-tac", ["Lịch công tác"]),
                   "pl-url-date": ("tin-phat-thanh", ["Đài truyền thanh"]),
                   "wp-thang-comma": ("khen-thuong-xu-phat", ["Thi đua - Khen thưởng"]),
                   "nv-docmeta": ("thu-tuc-hanh-chinh", ["Thủ tục hành chính"]),
                   "pl-dash": ("khac", [])}


def table(headers, rows, thead=True, cls=""):
    head = "".join(f"<th>{h}</th>" for h in headers) if thead else "".join(f"<td><b>{h}</b></td>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>' if thead
            else f'<table class="{cls}"><tr>{head}</tr>{body}</table>')


# ---- section / fact pages: (name, cms, url path, crumbs, title, main html, section, facts, traps, via) ---------------
PAGES = [
    ("contact-dl", "liferay", "/web/guest/lien-he", ["Liên hệ"], "Liên hệ",
     '<h2>Thông tin liên hệ</h2><dl class="contact"><dt>Địa chỉ</dt><dd>Số 10 Phù Đổng Thiên Vương, phường Kinh Bắc</dd>'
     "<dt>Điện thoại</dt><dd>0222 3822 555</dd><dt>Thư điện tử</dt><dd>vp@bacninh.gov.vn</dd></dl>",
     "thong-tin-lien-he", {"contact": {"address": "Số 10 Phù Đổng Thiên Vương, phường Kinh Bắc", "phone": "0222 3822 555",
                                       "email": "vp@bacninh.gov.vn"}}, [], None, "plain"),
    ("contact-strong", "nukeviet", "/contact/", ["Liên hệ"], "Liên hệ",
     "<h2>Liên hệ</h2><p><strong>Trụ sở:</strong> Đường Lý Thái Tổ, phường Võ Cường</p><p><strong>ĐT:</strong> 0222.3874.321"
     " | <strong>Fax:</strong> 0222.3874.322</p><p><strong>E-mail:</strong> <a href=\"mailto:ubnd@kinhbac.vn\">ubnd@kinhbac.vn</a></p>",
     "thong-tin-lien-he", {"contact": {"address": "Đường Lý Thái Tổ, phường Võ Cường", "phone": "0222.3874.321",
                                       "fax": "0222.3874.322", "email": "ubnd@kinhbac.vn"}}, [], None, "plain"),
    ("contact-table", "sharepoint", "/Pages/lien-he.aspx", ["Liên hệ"], "Thông tin liên hệ",
     "<table><tr><th>Địa chỉ:</th><td>Số 5 Nguyễn Đăng Đạo, Bắc Ninh</td></tr><tr><th>Số điện thoại:</th><td>(0222) 3812 345</td>"
     "</tr><tr><th>Email:</th><td>stp@bacninh.gov.vn</td></tr></table>",
     "thong-tin-lien-he", {"contact": {"address": "Số 5 Nguyễn Đăng Đạo, Bắc Ninh", "phone": "(0222) 3812 345",
                                       "email": "stp@bacninh.gov.vn"}}, [], None, "plain"),
    ("dir-nothead", "liferay", "/web/guest/danh-ba", ["Danh bạ điện tử"], "Danh bạ",
     table(["STT", "Họ và tên", "Chức vụ", "Điện thoại", "Email"],
           [["1", "Nguyễn Văn An", "Chủ tịch", "0912 345 678", "an@bacninh.gov.vn"],
            ["2", "Trần Thị Bình", "Phó Chủ tịch", "", "binh@bacninh.gov.vn"]], thead=False),
     "danh-ba", {"directory": [{"name": "Nguyễn Văn An", "position": "Chủ tịch", "phone": "0912 345 678",
                                "email": "an@bacninh.gov.vn"},
                               {"name": "Trần Thị Bình", "position": "Phó Chủ tịch", "email": "binh@bacninh.gov.vn"}]},
     [], None, "plain"),
    ("dir-titlerow", "sharepoint", "/Pages/danh-ba-dien-thoai.aspx", ["Danh bạ điện thoại"], "Danh bạ điện thoại",
     '<table><tr><td colspan="4">DANH BẠ ĐIỆN THOẠI CƠ QUAN</td></tr><tr><td>Họ tên</td><td>Chức danh</td><td>Đơn vị</td>'
     "<td>ĐTCQ</td></tr><tr><td>Lê Văn Cường</td><td>Giám đốc</td><td>Ban Giám đốc</td><td>0222 3822 111</td></tr>"
     "<tr><td>Phạm Thị Dung</td><td>Chánh Văn phòng</td><td>Văn phòng</td><td>0222 3822 112</td></tr>"
     "<tr><td>Hoàng Văn Em</td><td>Trưởng phòng</td><td>Phòng Hành chính tư pháp</td><td></td></tr></table>",
     "danh-ba", {"directory": [{"name": "Lê Văn Cường", "position": "Giám đốc", "unit": "Ban Giám đốc", "phone": "0222 3822 111"},
                               {"name": "Phạm Thị Dung", "position": "Chánh Văn phòng", "unit": "Văn phòng", "phone": "0222 3822 112"},
                               {"name": "Hoàng Văn Em", "position": "Trưởng phòng", "unit": "Phòng Hành chính tư pháp"}]},
     [], None, "plain"),
    ("dir-cards", "nukeviet", "/lanh-dao/", ["Lãnh đạo"], "Lãnh đạo phường",
     '<div class="staff"><p><strong>Họ và tên:</strong> Ngô Văn Phúc</p><p><strong>Chức vụ:</strong> Bí thư Đảng ủy</p>'
     "<p><strong>Điện thoại:</strong> 0983 111 222</p></div><div class=\"staff\"><p><strong>Họ và tên:</strong> Đỗ Thị Giang</p>"
     "<p><strong>Chức vụ:</strong> Chủ tịch UBND phường</p><p><strong>Email:</strong> giangdt@bacninh.gov.vn</p></div>",
     "danh-ba", {"directory": [{"name": "Ngô Văn Phúc", "position": "Bí thư Đảng ủy", "phone": "0983 111 222"},
                               {"name": "Đỗ Thị Giang", "position": "Chủ tịch UBND phường", "email": "giangdt@bacninh.gov.vn"}]},
     [], None, "plain"),
    ("docs-nothead", "nukeviet", "/laws/", ["Văn bản"], "Văn bản",
     '<form action="/laws/search/" method="get"><input name="q" placeholder="Nhập số hiệu, trích yếu"></form>'
     + table(["Số hiệu", "Trích yếu", "Ban hành"], [["12/2025/QĐ-UBND", '<a href="/laws/detail/qd-12.html">Quy định quản lý chợ</a>', "01/10/2025"],
                                                    ["08/CT-UBND", "Chỉ thị về phòng chống cháy nổ", "15/09/2025"]], thead=False),
     "van-ban", {"documents": {"rows": 2, "columns": ["ngay_ban_hanh", "so_ky_hieu", "trich_yeu"], "without_file": 2,
                               "has_search": True}}, [], None, "plain"),
    ("docs-files", "sharepoint", "/vanban/Pages/default.aspx", ["Văn bản pháp quy"], "Văn bản pháp quy",
     table(["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Cơ quan ban hành", "File đính kèm"],
           [["1", "45/2025/NQ-HĐND", "10/07/2025", "Nghị quyết về mức thu phí", "HĐND tỉnh", '<a href="/vanban/Documents/nq45.pdf">Tải</a>'],
            ["2", "99/QĐ-UBND", "02/07/2025", "Quyết định phê duyệt quy hoạch", "UBND tỉnh", '<a href="/vanban/Documents/qd99.docx">Tải</a>'],
            ["3", "101/QĐ-UBND", "", "Quyết định thành lập tổ công tác", "UBND tỉnh", ""]]),
     "van-ban", {"documents": {"rows": 3, "columns": ["co_quan", "ngay_ban_hanh", "so_ky_hieu", "trich_yeu"],
                               "without_file": 1, "has_search": False}}, [], None, "plain"),
    ("chidao-docs", "liferay", "/web/guest/chi-dao-dieu-hanh", ["Chỉ đạo điều hành"], "Chỉ đạo điều hành",
     table(["Số/Ký hiệu", "Trích yếu", "Lĩnh vực", "Ngày", "Tải về"],
           [["150/UBND-KT", "V/v tăng cường quản lý trật tự xây dựng", "Xây dựng", "12/11/2025", '<a href="/documents/1/2/cv150.pdf/u1">Tải về</a>']]),
     "chi-dao-dieu-hanh", {"documents": {"rows": 1, "columns": ["ngay_ban_hanh", "so_ky_hieu", "trich_yeu"], "without_file": 0,
                                          "has_search": False}}, [], None, "plain"),
    ("qa-table", "liferay", "/web/guest/hoi-dap", ["Hỏi đáp"], "Hỏi đáp",
     table(["STT", "Câu hỏi", "Người hỏi", "Ngày hỏi", "Ngày trả lời"],
           [["1", "Thủ tục đăng ký khai sinh cần giấy tờ gì?", "Nguyễn Văn H", "03/11/2025", "05/11/2025"],
            ["2", "Xin hỏi về chế độ hưu trí", "Lê Thị K", "10/11/2025", ""],
            ["3", "Cấp phép xây dựng nhà ở riêng lẻ?", "Trần M", "12/11/2025", "14/11/2025"]]),
     "hoi-dap", {"questions": {"count": 3, "answered": 2}}, [], None, "plain"),
    ("qa-dl", "wordpress", "/hoi-dap/", ["Hỏi đáp"], "Câu hỏi thường gặp",
     "<dl class=\"faq\"><dt>Làm căn cước cho trẻ em ở đâu?</dt><dd>Tại Công an xã.</dd><dt>Khi nào nhận được kết quả?</dt>"
     "<dd>Sau 7 ngày làm việc.</dd></dl>", "hoi-dap", {"questions": {"count": 2, "answered": 2}}, [], None, "plain"),
    ("pakn-ajax", "liferay", "/web/guest/phan-anh-kien-nghi", ["Phản ánh kiến nghị"], "Phản ánh kiến nghị",
     '<div id="answeredQuestionTable"></div><script>var answeredQuestionsURL = "/x";</script>', "hoi-dap", {}, [], None, "plain"),
    ("sched-rows", "sharepoint", "/Pages/lich-cong-tac.aspx", ["Lịch công tác"], "Lịch công tác tuần",
     "<h3>Lịch công tác tuần 47 năm 2025</h3>" + table(["Ngày", "Nội dung", "Thành phần"],
           [["Thứ Hai, 17/11/2025", "08:00 Giao ban tuần", "Ban Giám đốc"], ["Thứ Ba, 18/11/2025", "", ""],
            ["Thứ Tư, 19/11/2025", "14:00 Làm việc với UBND xã Tiên Du", "Giám đốc"],
            ["Thứ Sáu, 21/11/2025", "Dự hội nghị trực tuyến", "Phó Giám đốc"]]),
     "lich-cong-tac", {"schedule_dates": ["2025-11-17", "2025-11-19", "2025-11-21"]}, ["date-grid"], None, "plain"),
    ("sched-headings", "nukeviet", "/lich-lam-viec/", ["Lịch làm việc"], "Lịch làm việc",
     "<h4>Thứ Hai, ngày 10/11/2025</h4><ul><li>7h30: Chào cờ đầu tuần</li></ul><h4>Thứ Ba, ngày 11/11/2025</h4><ul><li>Tiếp công dân</li></ul>"
     "<h4>Thứ Tư, ngày 12/11/2025</h4><ul></ul>",
     "lich-cong-tac", {"schedule_dates": ["2025-11-10", "2025-11-11"]}, [], None, "plain"),
    ("access-wp", "wordpress", "/tiep-can-thong-tin/", ["Tiếp cận thông tin"], "Tiếp cận thông tin",
     "<h3>Danh mục thông tin phải công khai</h3><p>...</p><h3>Đầu mối cung cấp thông tin</h3><p>Văn phòng UBND xã.</p>",
     "tiep-can-thong-tin", {"elements": ["danh-muc-cong-khai", "dau-moi-cung-cap"]}, [], None, "plain"),
    ("access-lf", "liferay", "/web/guest/cong-khai-thong-tin", ["Công khai thông tin"], "Công khai thông tin",
     "<h3>1. Danh mục thông tin công khai</h3><h3>2. Bộ phận đầu mối</h3><h3>3. Địa chỉ tiếp nhận yêu cầu cung cấp thông tin</h3>",
     "tiep-can-thong-tin", {"elements": ["danh-muc-cong-khai", "dau-moi-cung-cap", "dia-chi-tiep-nhan"]}, [], None, "plain"),
    ("intro-sp", "sharepoint", "/gioithieu/Pages/default.aspx", ["Giới thiệu"], "Giới thiệu",
     "<h2>Chức năng, nhiệm vụ</h2><p>...</p><h2>Sơ đồ tổ chức</h2><p>...</p><h2>Đơn vị trực thuộc</h2><p>...</p>",
     "gioi-thieu", {"elements": ["chuc-nang-nhiem-vu", "co-cau-to-chuc", "don-vi-truc-thuoc"]}, [], None, "plain"),
    ("history-nv", "nukeviet", "/lich-su/", ["Lịch sử - Văn hóa"], "Lịch sử văn hóa",
     "<h2>Di tích danh thắng</h2><p>Đình làng được xây dựng từ thế kỷ XVII, năm 1962 được công nhận di tích.</p>",
     "lich-su", {}, ["bare-year"], None, "plain"),
    ("tthc-table", "liferay", "/web/guest/thu-tuc-hanh-chinh", ["Thủ tục hành chính"], "Thủ tục hành chính",
     table(["STT", "Tên thủ tục", "Lĩnh vực", "Mức độ"], [["1", "Đăng ký khai sinh", "Hộ tịch", "Toàn trình"]]),
     "thu-tuc-hanh-chinh", {}, [], None, "plain"),
    ("dvc-links", "wordpress", "/dich-vu-cong-truc-tuyen/", ["Dịch vụ công trực tuyến"], "Dịch vụ công trực tuyến",
     '<ul><li><a href="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html">Cổng Dịch vụ công quốc gia</a></li>'
     '<li><a href="https://dichvucong.bacninh.gov.vn/">Hệ thống thông tin giải quyết TTHC tỉnh</a></li></ul>',
     "dich-vu-cong", {"outbound_links": ["https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "https://dichvucong.bacninh.gov.vn/"]},
     [], None, "plain"),
    ("pbpl-list", "nukeviet", "/pho-bien-phap-luat/", ["Phổ biến pháp luật"], "Phổ biến pháp luật",
     '<ul class="list-news"><li><a href="/pho-bien-phap-luat/tuyen-truyen-luat-dat-dai-1.html">Tuyên truyền Luật Đất đai năm 2024</a> 12/11/2025</li></ul>',
     "pho-bien-phap-luat", {}, ["listing-dates"], None, "plain"),
    ("quyhoach", "sharepoint", "/quyhoach/Pages/default.aspx", ["Quy hoạch - Kế hoạch"], "Thông tin quy hoạch",
     "<ul><li>Quy hoạch chung xã đến năm 2035 (10/10/2025)</li></ul>", "chien-luoc-quy-hoach", {}, ["listing-dates"], None, "plain"),
    ("duan", "liferay", "/web/guest/du-an-dau-tu", ["Dự án đầu tư"], "Dự án đầu tư",
     "<ul><li>Dự án xây dựng trường mầm non - 05/11/2025</li></ul>", "du-an-dau-tu", {}, ["listing-dates"], None, "plain"),
    ("ngansach", "wordpress", "/category/cong-khai-ngan-sach/", ["Công khai ngân sách"], "Công khai ngân sách",
     "<ul><li>Công khai dự toán ngân sách năm 2025</li></ul>", "tai-chinh-ngan-sach", {}, ["bare-year"], None, "plain"),
    ("thongke", "plain", "/thong-ke/", [], "Số liệu thống kê", "<h1>Số liệu thống kê</h1><p>Niên giám năm 2024.</p>",
     "thong-ke", {}, ["bare-year"], None, "plain"),
    ("layykien", "nukeviet", "/gop-y-du-thao/", ["Góp ý dự thảo văn bản"], "Góp ý dự thảo",
     "<ul><li>Dự thảo Quyết định quy định về đất đai (hạn góp ý 30/12/2025)</li></ul>", "lay-y-kien", {}, ["future-date"],
     None, "plain"),
    ("khenthuong", "sharepoint", "/thiduakhenthuong/Pages/default.aspx", ["Thi đua - Khen thưởng"], "Thi đua khen thưởng",
     "<ul><li>Quyết định khen thưởng tập thể xuất sắc</li></ul>", "khen-thuong-xu-phat", {}, [], None, "plain"),
    ("phatthanh", "liferay", "/web/guest/dai-truyen-thanh", [], "Đài truyền thanh", "<h2>Bản tin truyền thanh</h2><audio></audio>",
     "tin-phat-thanh", {}, [], None, "plain"),
    ("search-results", "wordpress", "/", [], "Kết quả tìm kiếm",
     '<h1 class="page-title">Kết quả tìm kiếm cho: lễ hội</h1><ul class="search-results"><li><a href="/le-hoi-1/">Lễ hội chùa</a></li></ul>',
     "tim-kiem", {"search_form": True}, [], None, "plain"),
    ("search-nukeviet", "nukeviet", "/seek/", ["Tìm kiếm"], "Tìm kiếm", "<p class=\"no-result\">Không tìm thấy kết quả</p>",
     "tim-kiem", {"search_form": True}, [], None, "plain"),
    ("home-sp", "sharepoint", "/Pages/default.aspx", [], "Trang chủ", "<div class=\"hot-news\"><h2>Tin nổi bật mới</h2></div>",
     "khac", {"search_form": True, "contact": {"address": "Thôn Lũng Sơn, xã Tiên Du, tỉnh Bắc Ninh", "phone": "0222.3838.123",
                                                "fax": "0222.3838.124", "email": "ubndtiendu@bacninh.gov.vn"}},
     ["footer-copyright-year"], None, "plain"),
    ("video", "nukeviet", "/video/", ["Video"], "Thư viện video", "<p>Chưa có video.</p>", "khac", {}, [], None, "plain"),
    # Reached from a menu label the page itself does not repeat (the spider knows it; `via` records it).
    ("via-menu", "plain", "/index.php?cat=12", [], "Danh sách", "<ul><li>Mục 1</li></ul>", "tin-tuc", {}, [],
     "Tin tức - Sự kiện", "plain"),
    ("via-sidebar", "plain", "/index.php?cat=31", [], "Danh sách", "<ul><li>Mục 1</li></ul>", "lich-cong-tac", {}, [],
     "Lịch làm việc của lãnh đạo", "plain"),
    ("heading-only", "plain", "/index.php?cat=40", [], "Trang", "<h2>Lấy ý kiến dự thảo</h2><p>Chưa có dự thảo.</p>",
     "lay-y-kien", {}, [], None, "plain"),
    ("content-only-docs", "plain", "/index.php?cat=41", [], "Trang",
     table(["Số ký hiệu", "Trích yếu", "Ngày ban hành"], [["1/QĐ", "Quyết định A", "01/01/2025"]]),
     "van-ban", {"documents": {"rows": 1, "columns": ["ngay_ban_hanh", "so_ky_hieu", "trich_yeu"], "without_file": 1,
                               "has_search": False}}, [], None, "plain"),
    ("chidao-url", "sharepoint", "/vanban/chidaodieuhanh/Pages/default.aspx", [], "Văn bản chỉ đạo",
     "<ul><li>Công văn số 12/UBND</li></ul>", "chi-dao-dieu-hanh", {}, [], None, "plain"),
]

# Articles whose title clearly belongs elsewhere, listed under news: flagged, not moved (the label is the section
# the title belongs to, by reading it).
MISPLACED = [
    ("Tuyên truyền Luật Phòng, chống ma túy đến học sinh", "tin-tuc", "pho-bien-phap-luat"),
    ("Công văn số 215/UBND-VP về việc tăng cường phòng chống rét", "tin-tuc", "chi-dao-dieu-hanh"),
    ("Lấy ý kiến nhân dân về dự thảo Nghị quyết điều chỉnh địa giới", "tin-tuc", "lay-y-kien"),
    ("Công khai dự toán ngân sách xã năm 2025", "tin-tuc", "tai-chinh-ngan-sach"),
    ("Hội nghị tuyên truyền về an toàn giao thông", "tin-tuc", None),
    ("Xã tổ chức Lễ phát động Tết trồng cây", "tin-tuc", None),
    ("Chỉ thị về tăng cường công tác phòng cháy", "chi-dao-dieu-hanh", None),
    ("Những điểm mới của Luật Nhà ở năm 2023", "pho-bien-phap-luat", None),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.html"):
        old.unlink()
    labels = []

    def write(name, html, entry):
        (OUT / f"{name}.html").write_text(html, encoding="utf-8")
        labels.append({"file": f"hand/{name}.html", "now": NOW, "source": "hand", **entry})

    for spec in ARTICLES:
        name, cms, title, byline, body, date, fmt, traps = spec[:8]
        extra = spec[8] if len(spec) > 8 else {}
        section, crumbs = ARTICLE_SECTION.get(name, ("tin-tuc", ["Tin tức"]))
        main = article(cms, title, byline, body, before=extra.get("before", ""), wrap=extra.get("wrap"))
        html = FRAMES[cms](title, main, crumbs=crumbs, head=extra.get("head", ""))
        url = extra.get("url") or HOST[cms] + SLUG[cms].format(n=name)
        if section == "khac":
            url = HOST[cms] + f"/tuyen-dung/{name}.html"
        write(name, html, {"url": url, "cms": cms, "section": section, "date": date, "date_format": fmt,
                           "traps": traps + ["footer-copyright-year"], "facts": {"title": title}})
    for name, cms, path, crumbs, title, main, section, facts, traps, via, _ in PAGES:
        write(name, FRAMES[cms](title, main, crumbs=crumbs), {
            "url": HOST[cms] + path, "cms": cms, "section": section, "date": None, "traps": traps,
            **({"via": via} if via else {}), "facts": facts})
    for i, (title, listed, belongs) in enumerate(MISPLACED):
        name = f"misplaced-{i}"
        crumb = {"tin-tuc": "Tin tức", "chi-dao-dieu-hanh": "Chỉ đạo điều hành", "pho-bien-phap-luat": "Phổ biến pháp luật"}
        html = liferay(title, article("liferay", title, '<p class="meta">Ngày đăng: 0{0}/11/2025</p>'.format(i + 1), P1),
                       crumbs=[crumb[listed]])
        write(name, html, {"url": HOST["liferay"] + f"/web/guest/-/{name}", "cms": "liferay", "section": listed,
                           "date": f"2025-11-0{i + 1}", "date_format": "Ngày đăng: dd/MM/yyyy", "traps": ["sidebar-dates"],
                           "facts": {"misplaced": belongs}})
    (OUT / "labels.yaml").write_text("# Generated by benchmarks/build_gold_hand.py; labels typed by hand in that file.\n"
                                     + yaml.safe_dump(labels, allow_unicode=True, sort_keys=False, width=120),
                                     encoding="utf-8")
    print(f"{len(labels)} hand-written pages written to {OUT}")


if __name__ == "__main__":
    main()
