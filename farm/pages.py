"""Bodies of the farm's pages (the frame is chrome.page)."""
from __future__ import annotations

import math
from datetime import date, timedelta

from farm import portal4, vocab
from farm.chrome import intro_subpages, page
from farm.formats import detail_date_html, dmy, esc
from farm.listing import category_body, filter_bar
from farm.model import Item, PortalModel, Section, monday_of

QA_PORTLET = "answered_questions_WAR_bacninhportlet"
DOCS_PER_PAGE = 25


def _portlet(m: PortalModel, pid: str, title: str, inner: str) -> str:
    if m.platform != "liferay":
        from farm import cms_pages

        return cms_pages.block(m, title, inner)
    if m.theme.frame == "portal4":
        return portal4.box(title, inner, pid)
    return (f'<div class="portlet-boundary portlet-boundary_{pid}_ portlet-static" id="p_p_id_{pid}_">'
            f'<div class="portlet-body"><h2 class="portlet-title"><span class="portlet-title-text">{esc(title)}'
            f"</span></h2>{inner}</div></div>")


def _paragraphs(m: PortalModel, n: int, salt: int) -> str:
    sents = vocab.BODY_SENTENCES
    return "".join(f"<p>{esc(sents[(salt + i) % len(sents)])}</p>" for i in range(n))


# ---- home ---------------------------------------------------------------------------------------------------------
def home(m: PortalModel, port: int) -> str:
    if m.platform != "liferay":
        from farm import cms_pages

        return cms_pages.home(m, port)
    if m.theme.frame == "portal4":
        return portal4.home(m, port)
    news = m.items.get("tin-tuc", [])[:8]
    block = _portlet(m, "mainnews_WAR_bacninhportlet", "Tin mới nhất", _home_news(m, news))
    welcome = f'<div class="journal-content-article"><p>Chào mừng bạn đến với {esc(m.portal.name)}.</p></div>'
    return page(m, port, "Trang chủ", welcome + block, home=True)


def _home_news(m: PortalModel, news: list[Item]) -> str:
    """The home page's latest news, in the theme's markup: a plain list, a featured story over a list, or cards."""
    if not news:
        return "<p>Chưa có tin bài.</p>"
    if m.theme.frame == "sibling":
        first, rest = news[0], news[1:]
        return (f'<div class="hot-news"><h3 class="title"><a href="{esc(first.path)}">{esc(first.title)}</a></h3>'
                f'<p class="sapo">{esc(first.summary)}</p></div><ul class="other-news">'
                + "".join(f'<li><a href="{esc(it.path)}">{esc(it.title)}</a></li>' for it in rest) + "</ul>")
    if m.theme.frame == "asset":
        return '<div class="news-cards row">' + "".join(
            f'<div class="card col-md-3"><div class="card-body"><h4 class="card-title"><a href="{esc(it.path)}">'
            f'{esc(it.title)}</a></h4><small class="text-muted">{dmy(it.published)}</small></div></div>'
            for it in news) + "</div>"
    rows = "".join(f'<li><a href="{esc(it.path)}">{esc(it.title)}</a> <span class="date">({dmy(it.published)})</span>'
                   "</li>" for it in news)
    return f'<ul class="list-news-home">{rows}</ul>'


def _detail_head(m: PortalModel, it: Item, date_html: str) -> str:
    """Title, date and lead of an article in the theme's markup (see platform research: three generations)."""
    if m.theme.frame == "sibling":
        return (f'<h1 class="title" id="titleDetail">{esc(it.title)}</h1>{date_html}'
                f'<div class="summary" id="leadDetail"><strong>{esc(it.summary)}</strong></div>')
    if m.theme.frame == "asset":
        return (f'<div class="asset-full-content"><h1 class="article-title">{esc(it.title)}</h1>{date_html}</div>'
                f'<div class="asset-summary"><p>{esc(it.summary)}</p></div>')
    return (f'<h1 id="contentDetailTitleId" class="title">{esc(it.title)}</h1>{date_html}'
            f'<div id="sapoDetailId" class="sapo"><strong>{esc(it.summary)}</strong></div>')


# ---- listings and articles ------------------------------------------------------------------------------------------
def category(m: PortalModel, sec: Section, port: int, args: dict[str, str], explode: bool = False) -> str:
    if m.platform != "liferay":
        from farm import cms_pages

        return cms_pages.category(m, sec, port, args)
    if m.theme.frame == "portal4":
        return portal4.category(m, sec, port, args)
    body = category_body(m, sec, port, args)
    if explode:
        body = filter_bar(m, args) + body
    return page(m, port, sec.label, body, trail=[(sec.href, sec.label)])


def article(m: PortalModel, it: Item, port: int, print_version: bool = False) -> str:
    if m.platform != "liferay":
        from farm import cms_pages

        return cms_pages.article(m, it, port, print_version)
    if m.theme.frame == "portal4":
        return portal4.article(m, it, port, print_version)
    sec = m.sections[it.section]
    date_html = detail_date_html(it.published, m.theme.detail_date)
    body_cls = "textdetail" if m.theme.frame == "sibling" else "content"
    content = (_detail_head(m, it, date_html)
               + f'<div id="contentDetail" class="{body_cls}">{_paragraphs(m, 4, it.id)}</div>')
    if print_version:
        return (f'<!DOCTYPE html><html lang="vi-VN"><head><meta charset="utf-8"><title>{esc(it.title)}</title></head>'
                f'<body onload="window.print()">{content}</body></html>')
    tools = ['<div class="tool-bar">']
    if m.has_print:
        if m.theme.print_style == "printDiv":
            tools.append("<a href=\"javascript:printDiv('contentDetail')\" class=\"print-button\">In bài viết</a>")
        else:
            tools.append(f'<a href="{esc(it.path)}?print=1" class="print-link" target="_blank">Bản in</a>')
    tools.append(f'<a href="mailto:?subject={esc(it.title)}" class="email-button">Gửi email</a>')
    tools.append("</div>")
    same = [o for o in m.items.get(it.section, []) if o.id != it.id]
    pos = next((i for i, o in enumerate(m.items.get(it.section, [])) if o.id == it.id), 0)
    related = same[pos: pos + 5] or same[:5]
    rel = "".join(f'<li><a href="{esc(o.path)}">{esc(o.title)}</a> <span class="date">({dmy(o.published)})</span></li>'
                  for o in related)
    body = _portlet(m, f"newsbycategory_WAR_bacninhportlet_INSTANCE_{sec.instance}", sec.label,
                    f'<div class="news-detail">{content}{"".join(tools)}</div>'
                    + (f'<div class="related-news"><h3>Tin liên quan</h3><ul>{rel}</ul></div>' if rel else ""))
    latest = [o for o in m.items.get("tin-tuc", []) if o.id != it.id][:5]
    side = ""
    if latest:
        side = ('<aside id="column-2" class="sidebar"><div class="portlet-boundary tin-moi"><h2>Tin mới</h2><ul>'
                + "".join(f'<li><a href="{esc(o.path)}">{esc(o.title)}</a> <span class="date">'
                          f'{dmy(o.published)} {o.published.hour:02d}:{o.published.minute:02d}</span></li>'
                          for o in latest) + "</ul></div></aside>")
    return page(m, port, it.title, body, sidebar=side, trail=[(sec.href, sec.label)])


# ---- static sections --------------------------------------------------------------------------------------------
def intro(m: PortalModel, sec: Section, port: int) -> str:
    parts = [f"<p>{esc(m.portal.name)} - thông tin tổng quan.</p>"]
    headings = [(label, None) for label in m.intro_filler]
    subpages = dict((label, href) for href, label in intro_subpages(m))
    for key, label in m.intro_elements.items():
        if label not in subpages:
            headings.append((label, key))
    # Interleave elements among ordinary headings, in a stable per-portal order.
    headings.sort(key=lambda h: (m.group_id * 31 + sum(map(ord, h[0]))) % 97)
    for label, key in headings:
        parts.append(f"<h2>{esc(label)}</h2>{_paragraphs(m, 2, len(label))}")
        if key == "ban-do-dia-gioi":
            parts.append(f'<p><img src="/documents/{m.group_id}/0/ban-do.jpg" alt="{esc(label)}"></p>')
    if subpages:
        parts.append('<ul class="sub-pages">' + "".join(
            f'<li><a href="{esc(h)}">{esc(l)}</a></li>' for l, h in subpages.items()) + "</ul>")
    return page(m, port, sec.label, _portlet(m, "56_INSTANCE_intro", sec.label, "".join(parts)),
                trail=[(sec.href, sec.label)])


def intro_subpage(m: PortalModel, href: str, label: str, port: int) -> str:
    sec = m.sections["gioi-thieu"]
    inner = f"<h2>{esc(label)}</h2>{_paragraphs(m, 3, len(label))}"
    return page(m, port, label, _portlet(m, "56_INSTANCE_intro", sec.label, inner),
                trail=[(sec.href, sec.label), (href, label)])


def history(m: PortalModel, sec: Section, port: int) -> str:
    inner = f"<h2>{esc(m.history_label)}</h2>{_paragraphs(m, 5, 3)}"
    return page(m, port, sec.label, _portlet(m, "56_INSTANCE_history", sec.label, inner), trail=[(sec.href, sec.label)])


def access(m: PortalModel, sec: Section, port: int) -> str:
    parts = []
    for i, (key, label) in enumerate(m.access_elements.items(), 1):
        parts.append(f"<h3>{i}. {esc(label)}</h3>{_paragraphs(m, 1, i)}")
    if not parts:
        parts.append("<p>Thông tin đang được cập nhật.</p>")
    return page(m, port, sec.label, _portlet(m, "56_INSTANCE_access", sec.label, "".join(parts)),
                trail=[(sec.href, sec.label)])


def directory(m: PortalModel, sec: Section, port: int) -> str:
    cols = m.directory_columns
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    rows = []
    for i, entry in enumerate(m.directory, 1):
        cells = [str(i) if c == "STT" else entry.get(c, "") for c in cols]
        rows.append('<tr class="dataRow">' + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    table = (f'<table class="table table-bordered danh-ba"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
             "</tbody></table>")
    if not m.directory:
        table += "<p>Chưa có dữ liệu.</p>"
    return page(m, port, sec.label, _portlet(m, "danhba_WAR_bacninhportlet", sec.label, table),
                trail=[(sec.href, sec.label)])


def documents(m: PortalModel, sec: Section, port: int, args: dict[str, str]) -> str:
    keyword = (args.get("keyword") or "").strip().lower()
    rows = [d for d in m.documents if keyword in (d.symbol + " " + d.summary).lower()] if keyword else m.documents
    pages = max(1, math.ceil(len(rows) / DOCS_PER_PAGE))
    try:
        cur = min(max(int(args.get("page") or 1), 1), pages)
    except ValueError:
        cur = 1
    chunk = rows[(cur - 1) * DOCS_PER_PAGE: cur * DOCS_PER_PAGE]
    cols = m.doc_columns
    parts = []
    if m.doc_search:
        parts.append(f'<form class="search-document" action="{esc(sec.href)}" method="get">'
                     '<label for="docKeyword">Tìm kiếm văn bản</label>'
                     f'<input type="text" id="docKeyword" name="keyword" value="{esc(keyword)}" '
                     'placeholder="Nhập số/ký hiệu hoặc trích yếu"><button type="submit">Tìm kiếm</button></form>')
    parts.append('<table class="table table-bordered van-ban"><thead><tr>'
                 + "".join(f"<th>{esc(c)}</th>" for c in cols) + "</tr></thead><tbody>")
    for i, d in enumerate(chunk, (cur - 1) * DOCS_PER_PAGE + 1):
        values = {"STT": str(i), "Số/Ký hiệu": esc(d.symbol), "Trích yếu": esc(d.summary),
                  "Ngày ban hành": dmy(d.issued), "Ngày hiệu lực": dmy(d.effective),
                  "Cơ quan ban hành": esc(d.organ), "Loại văn bản": esc(d.doc_type),
                  "Tải về": f'<a href="{esc(d.file_path)}" class="download">Tải về</a>' if d.file_path else ""}
        parts.append('<tr class="dataRow">' + "".join(f"<td>{values[c]}</td>" for c in cols) + "</tr>")
    parts.append("</tbody></table>")
    if not chunk:
        parts.append("<p>Không có văn bản.</p>")
    if pages > 1:
        q = f"&amp;keyword={esc(keyword)}" if keyword else ""
        parts.append('<ul class="pagination">' + "".join(
            f'<li class="active"><span>{n}</span></li>' if n == cur else f'<li><a href="?page={n}{q}">{n}</a></li>'
            for n in range(1, pages + 1)) + "</ul>")
    return page(m, port, sec.label, _portlet(m, "vanban_WAR_bacninhportlet", sec.label, "".join(parts)),
                trail=[(sec.href, sec.label)])


def procedures(m: PortalModel, sec: Section, port: int) -> str:
    rows = "".join(f'<tr class="dataRow"><td>{i}</td><td>{esc(a)}</td><td>{esc(b)}</td><td>{esc(c)}</td>'
                   f"<td>{esc(d)}</td></tr>" for i, (a, b, c, d) in enumerate(m.procedures, 1))
    table = ('<table class="table table-bordered tthc"><thead><tr><th>STT</th><th>Tên thủ tục</th><th>Cơ quan</th>'
             f"<th>Lĩnh vực</th><th>Mức độ</th></tr></thead><tbody>{rows}</tbody></table>")
    return page(m, port, sec.label, _portlet(m, "thutuchanhchinh_WAR_bacninhportlet", sec.label, table),
                trail=[(sec.href, sec.label)])


def qa_resource_url(m: PortalModel, sec: Section, port: int) -> str:
    origin = f"http://{m.portal.address}:{port}" if m.theme.absolute_resource_urls else ""
    return (f"{origin}{sec.href}?p_p_id={QA_PORTLET}&p_p_lifecycle=2&p_p_state=normal&p_p_mode=view"
            "&p_p_resource_id=getQuestions&p_p_cacheability=cacheLevelPage")


def qa(m: PortalModel, sec: Section, port: int, args: dict[str, str] | None = None) -> str:
    if m.platform != "liferay":
        from farm import cms_pages

        return cms_pages.qa(m, sec, port, args or {})
    url = qa_resource_url(m, sec, port)
    inner = f"""<div class="answered-questions">
<div class="search-box"><input type="text" id="answeredQuestionKeyWord" placeholder="Nhập từ khóa">
<select id="answeredQuestionType"><option value="0">Tất cả lĩnh vực</option><option value="1">Đất đai</option></select>
<button type="button" onclick="searchQuestions()">Tìm kiếm</button></div>
<input type="hidden" id="answeredQuestionTable_loadPageURL" value="{esc(url)}">
<input type="hidden" id="answeredQuestionTable_itemsPerPageInput" value="10">
<table id="answeredQuestionTable" class="table table-bordered"><thead><tr><th>STT</th><th>Câu hỏi</th><th>Người hỏi</th>
<th>Ngày hỏi</th><th>Cơ quan trả lời</th></tr></thead><tbody></tbody></table>
<div id="answeredQuestionTable_paging"></div>
<script type="text/javascript">
var answeredQuestionsURL = '{url}';
function loadQuestions(pageNum) {{ $.post(answeredQuestionsURL, {{pageNum: pageNum, numPerPage: 10,
  searchKeyWord: $('#answeredQuestionKeyWord').val(), questionType: $('#answeredQuestionType').val()}},
  renderQuestions, 'json'); }}
$(document).ready(function() {{ loadQuestions(1); }});
</script></div>"""
    return page(m, port, sec.label, _portlet(m, QA_PORTLET, sec.label, inner), trail=[(sec.href, sec.label)])


def schedule(m: PortalModel, sec: Section, port: int, args: dict[str, str], endless: bool = False) -> str:
    this_monday = monday_of(m.now.date())
    try:
        monday = monday_of(date.fromisoformat(args.get("week") or ""))
    except ValueError:
        monday = this_monday
    days = [monday + timedelta(days=i) for i in range(5)]
    entries = m.schedule_entries(monday)
    cells: dict[tuple[int, date], list[str]] = {}
    for row, day, hh, task in entries:
        cells.setdefault((row, day), []).append(f'<div class="entry"><span class="time">{hh}</span> {esc(task)}</div>')
    head = "".join(f"<th>{vocab.WEEKDAYS[i]} ({d.day:02d}/{d.month:02d})</th>" for i, d in enumerate(days))
    body = []
    for row, (name, position) in enumerate(m.leaders):
        tds = "".join(f"<td>{''.join(cells.get((row, d), []))}</td>" for d in days)
        body.append(f'<tr><th class="leader">{esc(name)}<br><small>{esc(position)}</small></th>{tds}</tr>')
    nav = []
    # Navigation is bounded: nothing before the history start, at most two empty weeks after the current one.
    # (The endless-calendar fault drops both bounds: weeks before the history and after now, forever.)
    if endless or monday - timedelta(days=7) >= monday_of(m.history_start):
        nav.append(f'<a class="prev-week" href="?week={(monday - timedelta(days=7)).isoformat()}">« Tuần trước</a>')
    if monday != this_monday:
        nav.append(f'<a class="this-week" href="?week={this_monday.isoformat()}">Tuần này</a>')
    if endless or monday + timedelta(days=7) <= this_monday + timedelta(days=14):
        nav.append(f'<a class="next-week" href="?week={(monday + timedelta(days=7)).isoformat()}">Tuần sau »</a>')
    inner = (f'<h3 class="week-title">Lịch công tác tuần từ ngày {dmy(days[0])} đến ngày {dmy(days[4])}</h3>'
             f'<div class="week-nav">{" | ".join(nav)}</div>'
             f'<table class="table table-bordered lich-cong-tac"><thead><tr><th>Lãnh đạo</th>{head}</tr></thead>'
             f'<tbody>{"".join(body)}</tbody></table>')
    if not entries:
        inner += '<p class="empty">Chưa có lịch công tác.</p>'
    return page(m, port, sec.label, _portlet(m, "lichcongtac_WAR_bacninhportlet", sec.label, inner),
                trail=[(sec.href, sec.label)])


def search_hits(m: PortalModel, keyword: str) -> list[Item]:
    k = keyword.strip().lower()
    return [it for it in m.all_articles() if k and k in it.title.lower()] if m.search == "working" else []


def search_results(m: PortalModel, port: int, keyword: str) -> str:
    if m.platform != "liferay":
        from farm import cms_pages

        return cms_pages.search_results(m, port, keyword)
    hits = search_hits(m, keyword)
    if hits:
        rows = "".join(f'<li><a href="{esc(it.path)}">{esc(it.title)}</a> <span class="date">({dmy(it.published)})'
                       f"</span></li>" for it in hits)
        inner = f'<p class="result-count">Tìm thấy {len(hits)} kết quả</p><ul class="search-results">{rows}</ul>'
    else:
        inner = '<p class="no-result">Không tìm thấy kết quả</p>'
    return page(m, port, "Tìm kiếm", _portlet(m, "3", "Kết quả tìm kiếm", inner),
                trail=[(f"{m.base}/tim-kiem", "Tìm kiếm")])


def video(m: PortalModel, port: int) -> str:
    return page(m, port, "Thư viện video", _portlet(m, "videogallery_WAR_bacninhportlet", "Thư viện video",
                                                     "<p>Chưa có video.</p>"),
                trail=[(f"{m.base}/thu-vien-video", "Thư viện video")])


def english(m: PortalModel, port: int) -> str:
    """The English version's home (QĐ 96 Điều 8 khoản 2 điểm d): reached from the header's switch only."""
    return page(m, port, "English", "<h2>Bac Ninh Provincial Portal</h2><p>Information in English.</p>",
                trail=[(m.english_href, "English")])


def not_found(m: PortalModel | None, port: int) -> str:
    inner = "<h2>Không tìm thấy trang</h2><p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa.</p>"
    if m is None:
        return ('<!DOCTYPE html><html lang="vi-VN"><head><meta charset="utf-8"><title>404</title></head>'
                f"<body>{inner}</body></html>")
    return page(m, port, "Không tìm thấy trang", inner)


