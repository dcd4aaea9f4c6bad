"""Page reading on hand-written pages modelled on the platform (platform.md)."""
from datetime import date, datetime

from crawler import extract
from crawler.platforms import liferay
from crawler.dates import from_page, parse_text
from crawler.scope import Scope
from crawler.understand import understand

BASE = "https://syt.bacninh.gov.vn/"

FOOTER = """<html><body><div id="content"><h1>Thực đơn</h1></div>
<footer><p>SỞ Y TẾ TỈNH BẮC NINH<br>Địa chỉ: Số 1 Lý Thái Tổ, phường Kinh Bắc<br>Điện thoại: 0222.3822.531
 | Fax: <br>Email: syt@bacninh.gov.vn</p><p>Số lượt truy cập: 123.456</p><p>©2019 Bản quyền</p></footer></body></html>"""


def test_contact_block_fields_and_empty_fax():
    doc = extract.parse(FOOTER, BASE)
    assert extract.contact(doc) == {"address": "Số 1 Lý Thái Tổ, phường Kinh Bắc", "phone": "0222.3822.531",
                                    "email": "syt@bacninh.gov.vn"}


DOCS = """<html><body><form action="/tim-kiem"><input name="keyword" placeholder="Tìm kiếm"></form>
<table><tr><th>STT</th><th>Số/Ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Ngày hiệu lực</th>
<th>Cơ quan ban hành</th><th>Loại văn bản</th><th>Tải về</th></tr>
<tr><td>1</td><td>12/2025/QĐ-UBND</td><td><a href="/van-ban/12">Quy định A</a></td><td>01/10/2025</td><td>10/10/2025</td>
<td>UBND tỉnh</td><td>Quyết định</td><td><a href="/documents/37632/0/qd12.pdf/abc">Tải</a></td></tr>
<tr><td>2</td><td>13/KH-UBND</td><td>Kế hoạch B</td><td>02/10/2025</td><td></td><td>UBND tỉnh</td><td>Kế hoạch</td><td></td></tr>
</table></body></html>"""


def test_documents_table_fields_per_row():
    rows = extract.documents_table(extract.parse(DOCS, BASE))
    assert rows[0]["fields"] == ["co_quan", "loai", "ngay_ban_hanh", "ngay_hieu_luc", "so_ky_hieu", "trich_yeu"]
    assert rows[0]["has_file"] and rows[0]["url"] == "https://syt.bacninh.gov.vn/van-ban/12"
    assert "ngay_hieu_luc" not in rows[1]["fields"] and not rows[1]["has_file"]


def test_directory_table():
    page = """<table><thead><tr><th>STT</th><th>Họ và tên</th><th>Chức vụ</th><th>Điện thoại</th><th>Email</th></tr></thead>
    <tbody><tr><td>1</td><td>Nguyễn Văn A</td><td>Giám đốc</td><td>0222 111 222</td><td>a@bacninh.gov.vn</td></tr>
    <tr><td>2</td><td>Trần Thị B</td><td>Phó Giám đốc</td><td></td><td>b@bacninh.gov.vn</td></tr></tbody></table>"""
    entries = extract.directory_table(extract.parse(page, BASE))
    assert entries[0]["name"] == "Nguyễn Văn A" and entries[0]["email"] == "a@bacninh.gov.vn"
    assert entries[1]["phone"] is None and entries[1]["unit"] is None


def test_listing_sources_gson_and_inline():
    page = ("<script>var loadPageURL = 'https://syt.bacninh.gov.vn/tin-tuc?p_p_id\\u003dnewsbycategory_WAR_bacninhportlet"
            "\\u0026p_p_lifecycle\\u003d2\\u0026p_p_resource_id\\u003dloadPage';\n"
            "data = '{\"items\":[{\"title\":\"L\\u0026#7877; h\\u1ed9i\",\"urlDetail\":\"/news/-/details/22511/le-hoi-1\","
            "\"createdDate\":\"05/09/2025 02:30\"}],\"totalPageNum\":3}';</script>")
    (res,) = extract.resource_urls(page, BASE + "tin-tuc")
    assert res.endswith("p_p_lifecycle=2&p_p_resource_id=loadPage")
    items = liferay.listing_items(extract.inline_listing(page), BASE + "tin-tuc")
    assert items[0]["url"] == "https://syt.bacninh.gov.vn/news/-/details/22511/le-hoi-1"
    # Day-first: 5 September, never 9 May.
    assert items[0]["published_at"] == datetime(2025, 9, 5, 2, 30)


def test_schedule_grid_days_and_previous_week():
    page = """<h2>Lịch công tác tuần từ ngày 03/11/2025 đến ngày 07/11/2025</h2>
    <table><tr><th>Lãnh đạo</th><th>Thứ Hai (03/11)</th><th>Thứ Ba (04/11)</th><th>Thứ Tư (05/11)</th>
    <th>Thứ Năm (06/11)</th><th>Thứ Sáu (07/11)</th></tr>
    <tr><td>Giám đốc</td><td>8h00: Họp giao ban</td><td></td><td></td><td>Làm việc tại cơ quan</td><td></td></tr></table>
    <a href="?week=2025-10-27">Tuần trước</a> <a href="?week=2025-11-10">Tuần sau</a>"""
    days, prev, _ = extract.schedule(extract.parse(page, BASE + "lich-lam-viec"))
    assert days == [date(2025, 11, 3), date(2025, 11, 6)]
    assert prev == BASE + "lich-lam-viec?week=2025-10-27"


def test_page_date_ignores_sidebar_and_prefers_detail_block():
    page = """<html><body><aside class="tin-moi"><span class="date_time">20/11/2025 10:00</span></aside>
    <h1>Thực đơn</h1><h1 id="contentDetailTitleId">Hội nghị tổng kết</h1>
    <div class="meta">Thứ Hai, 03/11/2025, 14:30</div><div id="sapoDetailId">Sapo</div>
    <div id="contentDetail">Theo Quyết định ngày 01/01/2020 ...</div></body></html>"""
    found = from_page(extract.parse(page, BASE), datetime(2025, 12, 1))
    assert found.value == datetime(2025, 11, 3, 14, 30)


def test_text_dates_vietnamese_forms():
    assert parse_text("Cập nhật lúc 08:30 ngày 15/9/2025").value == datetime(2025, 9, 15, 8, 30)
    assert parse_text("ngày 15 tháng 9 năm 2025").value == datetime(2025, 9, 15)
    assert parse_text("2025/09/05").value == datetime(2025, 9, 5)
    assert parse_text("Ngày 31/12/2099", now=datetime(2026, 1, 1)) is None  # future dates rejected


def test_scope_respects_host_port_and_site_path():
    s = Scope("http://127.0.0.5:8080/web/so-noi-vu")
    assert s.contains("http://127.0.0.5:8080/web/so-noi-vu/tin-tuc")
    assert s.contains("http://127.0.0.5:8080/widget/web/so-noi-vu/tin/-/x")
    assert not s.contains("http://127.0.0.5:8080/web/so-y-te/tin-tuc")
    assert not s.contains("http://127.0.0.6:8080/web/so-noi-vu/tin-tuc")
    assert not s.contains("file:///etc/passwd")
    assert Scope("https://tulan.bacninh.gov.vn/").contains("https://tulan.bacninh.gov.vn:443/lich-lam-viec")


def test_understand_reports_section_with_evidence():
    info = understand(DOCS.encode(), "https://x.bacninh.gov.vn/van-ban-phap-quy")
    assert info["section"]["key"] == "van-ban" and info["section"]["evidence"].startswith("url:")
    assert len(info["facts"]["documents"]) == 2
    assert info["facts"]["search_form"]["field"] == "keyword"


def test_link_under_download_header_is_a_file_whatever_its_url():
    html = """<html><body><table><tr><th>Số ký hiệu</th><th>Trích yếu</th><th>Tải về</th></tr>
<tr><td>5/QĐ-UBND</td><td>Quyết định A</td><td><a href="/vi/laws/down/5/"><em class="fa fa-download"></em></a></td></tr>
<tr><td>6/QĐ-UBND</td><td>Quyết định B</td><td></td></tr></table></body></html>"""
    rows = extract.documents_table(extract.parse(html, BASE))
    assert [r["has_file"] for r in rows] == [True, False]


def test_decision_number_header_is_the_document_number():
    html = """<html><body><table><tr><td><b>STT</b></td><td><b>Số quyết định</b></td><td><b>Nội dung</b></td></tr>
<tr><td>1</td><td>312/QĐ-UBND</td><td>Khen thưởng tập thể</td></tr></table></body></html>"""
    rows = extract.documents_table(extract.parse(html, BASE))
    assert rows is not None and rows[0]["fields"] == ["so_ky_hieu", "trich_yeu"]


def test_directory_department_column_is_the_unit():
    html = """<html><body><table><tr><td><b>Họ tên</b></td><td><b>Chức vụ</b></td><td><b>Phòng</b></td></tr>
<tr><td>Nguyễn Văn A</td><td>Trưởng phòng</td><td>Phòng Tổng hợp</td></tr></table></body></html>"""
    entries = extract.directory_table(extract.parse(html, BASE))
    assert entries[0]["unit"] == "Phòng Tổng hợp" and entries[0]["position"] == "Trưởng phòng"


def test_scripted_search_box_outside_a_form_is_the_site_search():
    html = """<html><body><div class="headerSearch"><div class="input-group"><input type="text" placeholder="Tìm kiếm...">
<span><button type="button" data-url="/index.php?language=vi&amp;nv=seek&amp;q=">Tìm</button></span></div></div>
<div><input type="text" name="other"><button type="button" data-url="/index.php?nv=news&amp;page=">x</button></div>
</body></html>"""
    assert extract.search_form(extract.parse(html, "https://xa.bacninh.gov.vn/vi/")) == (
        "https://xa.bacninh.gov.vn/index.php?language=vi&nv=seek", "q")
    assert extract.search_form(extract.parse(html.split('<div class="headerSearch">')[0] + "</body></html>",
                                             BASE)) is None


NOW = datetime(2025, 11, 22, 10, 30)


def test_label_glued_to_the_previous_date_is_still_a_label():
    html = """<html><body><div class="news-date"><span>Cập nhật lúc 16:45 ngày 22/10/2025</span><br/>
<span>Ngày đăng: 20/10/2025 09:00</span></div><h1 class="title-detail">Tin A</h1></body></html>""".replace("\n", "")
    found = from_page(extract.parse(html, BASE), NOW, BASE)
    assert found.value == datetime(2025, 10, 20, 9, 0)


def test_selector_skips_an_element_marked_modified():
    html = """<html><body><article><header><h1 class="entry-title">Tin A</h1><span class="posted-on">
<time class="updated" datetime="2025-09-25T09:10:44+07:00">25/9</time>
<time class="entry-date published" datetime="2025-09-18T06:30:00+07:00">18/9</time></span></header></article>
</body></html>"""
    assert from_page(extract.parse(html, BASE), NOW, BASE).value.date() == date(2025, 9, 18)
    unedited = html.replace('class="updated" datetime="2025-09-25T09:10:44+07:00"',
                            'class="entry-date published updated" datetime="2025-09-18T06:30:00+07:00"')
    assert from_page(extract.parse(unedited, BASE), NOW, BASE).value.date() == date(2025, 9, 18)


TABLE_LAYOUT = """<html><head><title>Hội nghị tổng kết công tác phòng chống thiên tai</title></head><body><table>
<tr><td class="ngay">Thứ Bảy, ngày 22/11/2025</td></tr><tr><td class="noidung">
<p class="tieude"><b>XÃ A: HỘI NGHỊ TỔNG KẾT CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI</b></p>
<p>Thực hiện Kế hoạch số 112/KH-UBND ngày 30/10/2025 của UBND xã.</p>{byline}</td></tr></table></body></html>"""


def test_table_layout_title_is_the_heading_repeating_the_head_title():
    doc = extract.parse(TABLE_LAYOUT.format(byline=""), BASE)
    info = understand(TABLE_LAYOUT.format(byline="").encode(), BASE, now=NOW)
    assert info["title"] == "XÃ A: HỘI NGHỊ TỔNG KẾT CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI"
    # Inside the body only a byline dates the page: the quoted plan's date is not the publish date.
    assert from_page(doc, NOW, BASE) is None


def test_byline_inside_the_body_dates_the_page():
    for byline, want in (('<p><i>Tin: Nguyễn Văn B - Ngày 14/10/2025</i></p>', date(2025, 10, 14)),
                         ('<div>Cập nhật lúc 08:30 ngày 15/9/2025</div>', date(2025, 9, 15))):
        found = from_page(extract.parse(TABLE_LAYOUT.format(byline=byline), BASE), NOW, BASE)
        assert found is not None and found.value.date() == want


def test_questions_printed_as_a_thread_are_read_with_both_dates():
    from crawler.platforms import generic

    page = """<html><body><div id="main"><h2>Danh sách câu hỏi và câu trả lời</h2>
    <div class="q"><b>Máy in màu</b><p>Chúng tôi có cần xin giấy phép nhập khẩu máy in màu đã qua sử dụng không?
    Xin cảm ơn quý cơ quan đã giải đáp giúp chúng tôi trong thời gian sớm nhất có thể.</p>
    <p>Chu Thị Hoa (04/08/2016 08:32)</p><p>Trả lời</p><p>Căn cứ Nghị định số 60/2014/NĐ-CP ngày 19/6/2014…</p>
    <p>Phòng Quản lý Báo chí (15/09/2016 15:24)</p></div>
    <div class="q"><b>Gia hạn giấy phép</b><p>Xin cho biết thủ tục gia hạn giấy phép thiết lập trang thông tin điện
    tử tổng hợp trên Internet.</p><p>Tống Linh (23/08/2016 10:29) - 117A Hoàng Ngân</p></div></div></body></html>"""
    doc = extract.parse(page, "https://x.gov.vn/hoi-dap")
    rows = generic.threaded_questions(doc.body, "https://x.gov.vn/hoi-dap")
    assert [(q["title"], q["asked_on"], q["answered_on"]) for q in rows] == [
        ("Máy in màu", "2016-08-04", "2016-09-15"), ("Gia hạn giấy phép", "2016-08-23", None)]
    # An unanswered question before an answered one keeps its own row; the answer goes to the question it follows.
    waiting = ('<div class="q"><b>Chứng thư số</b><p>Xin hỏi thủ tục cấp chứng thư số cho cơ quan nhà nước.</p>'
               '<p>Lê Văn Nam (01/08/2016 09:00)</p></div>')
    doc = extract.parse(page.replace('<div class="q"><b>Máy in màu</b>', waiting + '<div class="q"><b>Máy in màu</b>'),
                        "https://x.gov.vn/hoi-dap")
    rows = generic.threaded_questions(doc.body, "https://x.gov.vn/hoi-dap")
    assert [(q["title"], q["asked_on"], q["answered_on"]) for q in rows][:2] == [
        ("Chứng thư số", "2016-08-01", None), ("Máy in màu", "2016-08-04", "2016-09-15")]
    news = extract.parse("<html><body><p>Hội nghị (04/08/2016)</p><p>Nội dung</p></body></html>", "https://x.gov.vn/")
    assert generic.threaded_questions(news.body, "https://x.gov.vn/") is None  # no answer mark: no thread


def test_a_title_printed_for_screen_readers_gives_way_to_the_one_people_see():
    """Liferay 7 repeats the page title in an `h2.hide-accessible` at the top: the date is next to the visible one,
    printed as the first line of the article body."""
    from crawler.platforms import read

    title = "Phản ứng thông thường sau tiêm vắc xin phòng COVID-19"
    page = f"""<html><head><title>{title} - Bộ Y tế</title></head><body><section id="content">
    <h2 class="hide-accessible">{title}</h2><div class="row"><div class="col-md-9" id="column-1">
    <div class="asset-full-content"><div class="mb-2"><h4 class="component-title"><span class="asset-title">{title}
    </span></h4></div><div class="asset-content"><div class="journal-content-article"><section>
    <span class="text-ngayxam-page">(Thứ hai, 19/04/2021 15:17)</span><p>Ngày 12/04/2021, Bộ Y tế đã hướng dẫn…</p>
    </section></div></div></div></div><div class="col-md-3" id="column-2"><h3>Tin đọc nhiều</h3>
    <p>Bài khác 01/05/2021</p></div></div></section></body></html>"""
    reading = read(extract.parse(page, "https://moh.gov.vn/-/1"), page, "https://moh.gov.vn/-/1", "generic")
    assert "hide-accessible" not in (reading.title.element.get("class") or "")
    assert reading.published_at == datetime(2021, 4, 19, 15, 17)
    # A body that opens with a sentence dated as an event is not dated by it.
    event = page.replace('<span class="text-ngayxam-page">(Thứ hai, 19/04/2021 15:17)</span>', "")
    got = read(extract.parse(event, "https://moh.gov.vn/-/1"), event, "https://moh.gov.vn/-/1", "generic")
    assert got.published_at != datetime(2021, 4, 12)


def test_month_names_of_cms_default_formats():
    """Joomla vi-VN, WordPress vi and English interfaces print the month as a word; never month-first digits."""
    cases = {"Thứ hai, 02 Tháng 2 2026 10:30": datetime(2026, 2, 2, 10, 30),
             "Tháng Hai 2, 2026": datetime(2026, 2, 2), "Tháng Mười Hai 5, 2025": datetime(2025, 12, 5),
             "Thứ Hai, 02 Tháng Hai 2026": datetime(2026, 2, 2), "February 2, 2026": datetime(2026, 2, 2),
             "Posted on 5 December 2025 at 3:15 pm": datetime(2025, 12, 5, 15, 15),
             "Sep 3, 2025 | 08:00 AM": datetime(2025, 9, 3, 8, 0)}
    for text, want in cases.items():
        found = parse_text(text)
        assert found is not None and found.value == want, text
    for text in ("Tháng Năm 2026", "Feb 30, 2024", "12 months, 2026", "05/09/2025"):
        found = parse_text(text)
        assert found is None or found.value == datetime(2025, 9, 5), text  # 05/09 stays 5 September
