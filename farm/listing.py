"""Category listings in the platform's three shapes.

- ajax:   the category page embeds `var loadPageURL = '...p_p_lifecycle=2...p_p_resource_id=loadPage...'`; the
          resource answers GET pageNum (1-based) / recordPerPage (1..50) with Gson JSON
          {"items":[...],"totalPageNum":N}.
- inline: the same, plus the first page already in the page as `var data = '{...}';`.
- widget: server-rendered `<a href=".../-/details/...">title</a>` rows with a date span and classic pagination
          (`?page=N`, or Liferay-style `?p_p_id=...&cur=N`).
"""
from __future__ import annotations

import math
from urllib.parse import urlencode

from farm.formats import created_date, dmy, esc, gson
from farm.model import Item, PortalModel, Section

PORTLET = "newsbycategory_WAR_bacninhportlet"
MAX_PER_PAGE = 50


def portlet_id(sec: Section) -> str:
    return f"{PORTLET}_INSTANCE_{sec.instance}"


def resource_url(m: PortalModel, sec: Section, port: int) -> str:
    origin = f"http://{m.portal.address}:{port}" if m.theme.absolute_resource_urls else ""
    return (f"{origin}{sec.href}?p_p_id={portlet_id(sec)}&p_p_lifecycle=2&p_p_state=normal&p_p_mode=view"
            "&p_p_resource_id=loadPage&p_p_cacheability=cacheLevelPage&p_p_col_id=column-1&p_p_col_count=1")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return default


def filtered(items: list[Item], keyword: str) -> list[Item]:
    k = keyword.strip().lower()
    return [i for i in items if k in i.title.lower()] if k else items


def page_json(m: PortalModel, sec: Section, page_num: int, per_page: int, keyword: str = "") -> str:
    items = filtered(m.items.get(sec.key, []), keyword)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    page_num = max(page_num, 1)
    chunk = items[(page_num - 1) * per_page: page_num * per_page]
    rows = [{
        "id": it.id,
        "title": it.title,
        "summary": f"<p>{esc(it.summary)}</p>",
        "urlDetail": it.path,
        "createdDate": created_date(it.published, m.theme.created_fmt, it.id),
        "imageUrl": f"/image/journal/article?img_id={it.id + 17}&t={it.id % 9973 + 1000}",
        "categoryName": sec.label,
    } for it in chunk]
    return gson({"items": rows, "totalPageNum": math.ceil(len(items) / per_page), "pageNum": page_num})


def resource_response(m: PortalModel, sec: Section, args: dict[str, str]) -> str:
    ns = f"_{portlet_id(sec)}_"
    get = lambda k: args.get(k) if args.get(k) not in (None, "") else args.get(ns + k)  # noqa: E731
    return page_json(m, sec, _int(get("pageNum"), 1), _int(get("recordPerPage"), m.theme.per_page),
                     get("keyword") or "")


def category_body(m: PortalModel, sec: Section, port: int, args: dict[str, str]) -> str:
    pid = portlet_id(sec)
    head = (f'<div class="portlet-boundary portlet-boundary_{PORTLET}_ portlet-static" id="p_p_id_{pid}_">'
            f'<div class="portlet-body"><h2 class="portlet-title"><span class="portlet-title-text">{esc(sec.label)}'
            '</span></h2>')
    style = m.theme.listing
    if style == "widget":
        return head + _widget(m, sec, args) + "</div></div>"
    url = resource_url(m, sec, port)
    script = [f"var loadPageURL = '{url}';", f"var recordPerPage = {m.theme.per_page};"]
    if style == "inline":
        script.insert(0, f"var data = '{page_json(m, sec, 1, m.theme.per_page)}';")
    script.append("function loadPage(pageNum) { $.ajax({url: loadPageURL, data: {pageNum: pageNum, "
                  "recordPerPage: recordPerPage}, dataType: 'json', success: renderNews}); }")
    script.append("$(document).ready(function() { " + ("renderNews(JSON.parse(data));" if style == "inline"
                                                        else "loadPage(1);") + " });")
    return (head + f'<div id="_{pid}_newsContainer" class="list-news"></div>'
            f'<div id="_{pid}_paging" class="paging"></div>'
            "<script type=\"text/javascript\">\n" + "\n".join(script) + "\n</script></div></div>")


def _widget(m: PortalModel, sec: Section, args: dict[str, str]) -> str:
    per_page = max(m.theme.per_page, 10)
    items = m.items.get(sec.key, [])
    pages = max(1, math.ceil(len(items) / per_page))
    key = "page" if m.theme.widget_pager == "page" else "cur"
    cur = max(_int(args.get(key), 1), 1)
    chunk = items[(cur - 1) * per_page: cur * per_page]
    out = ['<div class="news-list">']
    if not chunk:
        out.append('<p class="empty">Chưa có tin bài trong chuyên mục này.</p>')
    for it in chunk:
        d = it.published
        date = f"({dmy(d)})" if m.theme.created_fmt == "12h" else f"{dmy(d)} {d.hour:02d}:{d.minute:02d}"
        out.append(f'<div class="news-item"><a class="title" href="{esc(it.path)}">{esc(it.title)}</a> '
                   f'<span class="date">{date}</span><p class="sapo">{esc(it.summary)}</p></div>')
    out.append("</div>")
    if len(items) > per_page:
        def href(n: int) -> str:
            if key == "page":
                return f"?page={n}"
            return (f"?p_p_id={portlet_id(sec)}&amp;p_p_lifecycle=0&amp;p_p_state=normal&amp;p_p_mode=view"
                    f"&amp;cur={n}")
        nav = ['<ul class="pagination lfr-pagination">']
        if cur > 1:
            nav.append(f'<li><a href="{href(1)}">« Đầu</a></li><li><a href="{href(cur - 1)}">‹ Trước</a></li>')
        for n in range(max(1, cur - 3), min(pages, cur + 3) + 1):
            nav.append(f'<li class="active"><span>{n}</span></li>' if n == cur
                       else f'<li><a href="{href(n)}">{n}</a></li>')
        if cur < pages:
            nav.append(f'<li><a href="{href(cur + 1)}">Sau ›</a></li><li><a href="{href(pages)}">Cuối »</a></li>')
        nav.append("</ul>")
        out.append("".join(nav))
    return "".join(out)


FILTERS = [("Mới nhất", "moi-nhat"), ("Cũ nhất", "cu-nhat"), ("Theo tiêu đề", "tieu-de"), ("Xem nhiều", "xem-nhieu")]
FILTER_PARAMS = ["sort", "order", "nam", "linh-vuc", "loai"]


def filter_bar(m: PortalModel, args: dict[str, str]) -> str:
    """Sort/filter links (query-explosion fault): each adds one more parameter to the current query and keeps the
    current page number, so every page links to new, distinct URLs of the same listing, without end."""
    key = "cur" if m.theme.listing == "widget" and m.theme.widget_pager == "cur" else "page"
    n = len(args)
    name = FILTER_PARAMS[n % len(FILTER_PARAMS)] + (str(n // len(FILTER_PARAMS)) if n >= len(FILTER_PARAMS) else "")
    links = []
    for label, value in FILTERS:
        query = {**args, name: value, key: args.get(key) or "1"}
        links.append(f'<a class="filter" href="?{esc(urlencode(query))}">{esc(label)}</a>')
    return f'<div class="list-tools">Sắp xếp: {" | ".join(links)}</div>'
