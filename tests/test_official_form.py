"""The QĐ 96 report form pre-filled from facts: counts per row, the PAKN table, HTML and XLSX outputs."""
import unicodedata
from datetime import date, datetime

from openpyxl import load_workbook

from audit.criteria.config import load_scoring_config
from audit.facts import (ContactFact, DirectoryEntry, DirectoryFact, ElementFact, Item, Link, PortalFacts, Question,
                         ScheduleFact, SectionFact, UnreadFact)
from audit.official_form import build_form
from audit.official_form_output import write_forms
from audit.period import Period
from audit.registry import Portal

PORTAL = Portal("so-y-te", "Sở Y tế <b>", "department", "https://syt.bacninh.gov.vn/", "phu-luc-1")
OCT = Period.month("2026-10")


def facts(**kw):
    base = dict(portal_id="so-y-te", kind="department", rubric="phu-luc-1", base_url=PORTAL.url, crawl_status="ok",
                crawled_at=datetime(2026, 11, 3, 2, 0))
    base.update(kw)
    return PortalFacts(**base)


def row(form, stt):
    return next(r for r in form["rows"] if r["stt"] == stt)


def test_rows_are_counted_from_facts_in_the_period():
    f = facts(
        sections={"tin-tuc": SectionFact("tin-tuc", "https://syt.bacninh.gov.vn/tin", "Tin tức")},
        items=(Item("tin-tuc", "u1", "a", datetime(2026, 10, 1, 0, 5)), Item("tin-tuc", "u2", "b", datetime(2026, 10, 31, 23, 59)),
               Item("tin-tuc", "u3", "c", datetime(2026, 9, 30, 23, 59)), Item("tin-tuc", "u1", "a", datetime(2026, 10, 1, 0, 5))),
        elements=(ElementFact("co-cau-to-chuc", "x", "Cơ cấu tổ chức"),),
        contact=ContactFact(address="1 Lý Thái Tổ", phone="0222", email="a@b.vn"),
        directory=DirectoryFact("d", (DirectoryEntry(name="A"), DirectoryEntry(name="B"))),
        schedule=ScheduleFact("s", (date(2026, 9, 30), date(2026, 10, 5), date(2026, 10, 6))),
        links=(Link("https://dichvucong.bacninh.gov.vn/", "DVC", ""),),
    )
    form = build_form(f, PORTAL, OCT, load_scoring_config())
    assert row(form, "2")["count"] == 2  # the 30/9 item is outside, the duplicate counted once
    assert row(form, "1.3")["count"] == 2
    assert row(form, "1.4")["count"] == 3 and "fax" not in row(form, "1.4")["note"]
    assert row(form, "3.4")["count"] == 2
    assert row(form, "13")["count"] == "Có"
    assert row(form, "7")["count"] == 0 and row(form, "7")["note"] == "không có chuyên mục"
    contents = [r["content"] for r in form["rows"]]
    assert any("áp dụng với Công TTĐT các Sở, ngành" in c for c in contents)
    assert not any("Bản đồ địa giới" in c for c in contents)  # a commune/province row, not for a department
    assert not any(r["stt"] == "9" for r in form["rows"])  # province only


def test_pakn_table_uses_working_day_deadlines():
    qs = (Question("q1", "u#1", date(2026, 10, 2), date(2026, 10, 9)),   # Fri → deadline Fri 9/10: on time
          Question("q2", "u#2", date(2026, 10, 2), date(2026, 10, 12)),  # answered Mon 12/10: late
          Question("q3", "u#3", date(2026, 10, 5), None),                # deadline 12/10 < audit day: overdue
          Question("q4", "u#4", date(2026, 10, 30), None),               # deadline 6/11 ≥ 3/11: not due
          Question("q5", "u#5", date(2026, 9, 29), date(2026, 10, 1)))   # asked before the period: not counted
    form = build_form(facts(questions=qs, sections={"hoi-dap": SectionFact("hoi-dap", "h", "Hỏi đáp")}), PORTAL, OCT,
                      load_scoring_config())
    p = form["pakn"]
    assert (p["received"], p["answered_on_time"], p["answered_late"], p["unanswered_not_due"],
            p["unanswered_overdue"]) == (4, 1, 1, 1, 1)
    late = next(q for q in p["questions"] if q["title"] == "q2")
    assert late["delay_working_days"] == 6 and late["deadline"] == "2026-10-09"


def test_unreachable_portal_has_no_numbers():
    form = build_form(facts(crawl_status="connection_refused"), PORTAL, OCT, load_scoring_config())
    assert form["pakn"] is None
    assert all(r["count"] is None for r in form["rows"])


def test_html_and_xlsx_outputs(tmp_path):
    config = load_scoring_config()
    forms = [build_form(facts(), PORTAL, OCT, config),
             build_form(facts(crawl_status="dns_error", portal_id="x"),
                        Portal("phuong-a", "Phường A", "ward", "javascript:alert(1)", "phu-luc-2"), OCT, config)]
    folder, book = write_forms(forms, tmp_path, 5)
    html = (folder / "so-y-te.html").read_text(encoding="utf-8")
    assert "Sở Y tế &lt;b&gt;" in html and "từ ngày 01/10/2026 đến ngày 31/10/2026" in html
    assert "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ<br><span class=\"signer-note\">(ký tên, đóng dấu)</span>" in html
    ward = (folder / "phuong-a.html").read_text(encoding="utf-8")
    assert 'href="javascript' not in ward and "không truy cập được cổng" in ward
    wb = load_workbook(book)
    assert wb.sheetnames == ["Tổng hợp PAKN", "so-y-te", "phuong-a"]
    summary = list(wb["Tổng hợp PAKN"].iter_rows(values_only=True))
    assert summary[3][:4] == ("STT", "Tên cơ quan, đơn vị tiếp nhận PAKN", "Tổng số PAKN đã tiếp nhận",
                              "Số PAKN đã trả lời")
    assert summary[5][:3] == (1, "Sở Y tế <b>", 0) and summary[6][-1] == "không truy cập được cổng"
    assert summary[7][1:3] == ("Tổng cộng", 0) and summary[7][-1] == "không gồm 1 cổng không có số liệu"
    assert not list(tmp_path.rglob(".tmp-*"))


# --- the form as the unit signs it ------------------------------------------------------------------------------------

PROVINCE = Portal("tinh-bac-ninh", "Tỉnh Bắc Ninh", "province", "https://bacninh.gov.vn/", "province")
WARD = Portal("phuong-a", "Phường A", "ward", "https://a.bacninh.gov.vn/", "phu-luc-2")


def province_facts(**kw):
    return facts(portal_id=PROVINCE.id, kind="province", rubric="province", base_url=PROVINCE.url, **kw)


def answered_questions():
    return (Question("q1", "h#1", date(2026, 10, 2), date(2026, 10, 9)),   # on time
            Question("q2", "h#2", date(2026, 10, 2), date(2026, 10, 12)),  # late
            Question("q3", "h#3", date(2026, 10, 5), date(2026, 10, 6)))   # on time


def test_rows_under_5_2_are_the_four_lines_of_the_form():
    ck = SectionFact("chien-luoc-quy-hoach", "https://bacninh.gov.vn/qh", "Quy hoạch")
    titles = ["Danh mục dự án mời gọi đầu tư năm 2026", "Quy hoạch chung đô thị Bắc Ninh",
              "Kế hoạch sử dụng đất và khai thác khoáng sản", "Quy hoạch thu gom, xử lý chất thải rắn",
              "Kế hoạch phát triển kinh tế - xã hội 2026"]
    items = tuple(Item("chien-luoc-quy-hoach", f"u{i}", t, datetime(2026, 10, 5)) for i, t in enumerate(titles))
    form = build_form(province_facts(sections={ck.key: ck}, items=items), PROVINCE, OCT, load_scoring_config())
    at = next(i for i, r in enumerate(form["rows"]) if r["stt"] == "5.2")
    under = form["rows"][at + 1:at + 5]
    assert [r["content"] for r in under] == [
        "- Chính sách ưu đãi, cơ hội đầu tư, các dự án mời gọi vốn đầu tư",
        "- Quy hoạch xây dựng, quy hoạch đô thị; quy hoạch, kế hoạch sử dụng đất;",
        "- Quy hoạch, kế hoạch và hoạt động khai thác tài nguyên thiên nhiên;",
        "- Quy hoạch thu gom, tái chế, xử lý chất thải; danh sách, thông tin về các nguồn thải, các loại chất thải có "
        "nguy cơ gây hại tới sức khỏe con người và môi trường; khu vực môi trường bị ô nhiễm, suy thoái ở mức nghiêm "
        "trọng và đặc biệt nghiêm trọng, khu vực có nguy cơ xảy ra sự cố môi trường."]
    assert form["rows"][at + 5]["stt"] == "6"
    assert form["rows"][at]["count"] == 5
    assert [r["count"] for r in under] == [1, 2, 1, 1]  # "sử dụng đất … khoáng sản" names two subjects
    dept = build_form(facts(sections={ck.key: ck}, items=items), PORTAL, OCT, load_scoring_config())
    assert not any("mời gọi vốn" in r["content"] for r in dept["rows"])  # 5.2 is not a department's row


def test_rows_10_and_11_never_count_one_item_twice():
    tk = SectionFact("thong-ke", "https://bacninh.gov.vn/thong-ke", "Thống kê")
    titles = [unicodedata.normalize("NFD", "Đề tài khoa học cấp tỉnh năm 2026"), "Niên giám thống kê 2025",
              "Giao NHIỆM VỤ KHOA HỌC và công nghệ", "Báo cáo thống kê tháng 10"]
    items = tuple(Item("thong-ke", f"t{i}", t, datetime(2026, 10, 3)) for i, t in enumerate(titles))
    items += (Item("thong-ke", "old", "Đề tài cũ", datetime(2026, 9, 3)),)
    form = build_form(province_facts(sections={"thong-ke": tk}, items=items), PROVINCE, OCT, load_scoring_config())
    r10, r11 = row(form, "10"), row(form, "11")
    assert (r10["count"], r11["count"]) == (2, 2)
    assert r10["count"] + r11["count"] == 4  # every item of the period once
    assert "không tính lại" in r11["note"]


def test_row_13_is_on_every_portal_as_the_form_gives_it_no_kind():
    config = load_scoring_config()
    for portal, f in ((PORTAL, facts()), (PROVINCE, province_facts()), (WARD, facts(kind="ward", rubric="phu-luc-2"))):
        r13 = row(build_form(f, portal, OCT, config), "13")
        assert r13["content"] == "Tích hợp Cổng thông tin dịch vụ công của tỉnh"
    province = build_form(province_facts(), PROVINCE, OCT, config)
    assert row(province, "9") and not any(r["stt"] == "14" for r in province["rows"])  # 14: component portals only


def test_row_3_2_on_time_and_late_are_the_pakn_verdicts():
    hd = SectionFact("hoi-dap", "https://syt.bacninh.gov.vn/hoi-dap", "Hỏi đáp")
    form = build_form(facts(questions=answered_questions(), sections={"hoi-dap": hd}), PORTAL, OCT,
                      load_scoring_config())
    r = row(form, "3.2")
    assert (r["count"], r["on_time"], r["late"]) == (3, 2, 1)
    assert (form["pakn"]["answered_on_time"], form["pakn"]["answered_late"]) == (2, 1)
    earlier = answered_questions() + (Question("q0", "h#0", date(2026, 9, 28), date(2026, 10, 1)),)
    r = row(build_form(facts(questions=earlier, sections={"hoi-dap": hd}), PORTAL, OCT, load_scoring_config()), "3.2")
    assert (r["count"], r["on_time"], r["late"]) == (4, 2, 1) and "tính trên 3 PAKN hỏi trong kỳ" in r["note"]
    r = row(build_form(facts(), PORTAL, OCT, load_scoring_config()), "3.2")
    assert (r["count"], r["on_time"], r["late"]) == (0, 0, 0)


def unread_pakn_facts():
    hd = SectionFact("hoi-dap", "https://syt.bacninh.gov.vn/hoi-dap", "Hỏi đáp")
    return facts(sections={"hoi-dap": hd},
                 unread=(UnreadFact("hoi-dap", hd.url, "questions", "bảng 12 dòng, 3.400 ký tự"),))


def test_an_unread_pakn_section_is_not_zero_received(tmp_path):
    config = load_scoring_config()
    form = build_form(unread_pakn_facts(), PORTAL, OCT, config)
    assert "Không đọc được câu hỏi và trả lời (PAKN)" in form["pakn_unread"]
    assert row(form, "3.2")["count"] is None and row(form, "3.2")["on_time"] is None
    failed = build_form(facts(sections={"hoi-dap": SectionFact("hoi-dap", "h", "Hỏi đáp", "http_500")}), PORTAL, OCT,
                        config)
    assert "Không đánh giá được" in failed["pakn_unread"]
    assert build_form(facts(), PORTAL, OCT, config)["pakn_unread"] is None
    folder, book = write_forms([form], tmp_path, 5)
    html = (folder / "so-y-te.html").read_text(encoding="utf-8")
    part2 = html[html.index("2. Công tác tiếp nhận"):html.index("3. Kiến nghị")]
    assert "không đọc được" in part2 and ">0<" not in part2
    wb = load_workbook(book)
    ws = wb["so-y-te"]
    line = next(r for r in ws.iter_rows(min_row=20) if r[1].value == "Sở Y tế <b>")
    assert line[2].value.startswith("không đọc được") and line[2].coordinate + ":G" + str(line[2].row) in \
        {str(m) for m in ws.merged_cells.ranges}
    summary = [r for r in wb["Tổng hợp PAKN"].iter_rows(values_only=True) if r[1] == "Sở Y tế <b>"][0]
    assert summary[2].startswith("không đọc được") and summary[-1] == "không đọc được"


def test_the_xlsx_sheet_is_the_form_the_unit_signs(tmp_path):
    config = load_scoring_config()
    hd = SectionFact("hoi-dap", "https://syt.bacninh.gov.vn/hoi-dap", "Hỏi đáp")
    forms = [build_form(facts(questions=answered_questions(), sections={"hoi-dap": hd}), PORTAL, OCT, config),
             build_form(facts(kind="ward", rubric="phu-luc-2", portal_id="phuong-a"), WARD, OCT, config)]
    _, book = write_forms(forms, tmp_path, 5)
    ws = load_workbook(book)["so-y-te"]
    assert ws["A1"].value == "SỞ Y TẾ <B>" and ws["C1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["C2"].value == "Độc lập – Tự do – Hạnh phúc" and ws["C2"].font.b
    assert ws["C3"].value == "Bắc Ninh, ngày ...... tháng ...... năm 20......"
    assert ws["A5"].value == "BÁO CÁO" and ws["A7"].value == "(Kỳ báo cáo: từ ngày 01/10/2026 đến ngày 31/10/2026)"
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A1:B1", "C1:G1", "A10:A11", "B10:B11", "C10:D10", "E10:E11", "F10:G11"} <= merged
    assert (ws["C10"].value, ws["C11"].value, ws["D11"].value, ws["E10"].value) == (
        "Thời gian cập nhật", "Đúng hạn", "Quá hạn", "Số lượng")
    cells = [c for r in ws.iter_rows() for c in r if c.value is not None]
    assert {c.font.name for c in cells} == {"Times New Roman"}
    assert ws["B12"].alignment.wrap_text and ws["B12"].border.left.style == "thin"
    assert ws.print_title_rows == "$10:$11"
    last = int(ws.print_area.rsplit("$", 1)[1])
    assert ws.print_area.startswith("'so-y-te'!$A$1:$G$")
    assert (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth) == ("portrait", 9, 1)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.column_dimensions["B"].width == 46
    values = {c.value: c for c in cells}
    r32 = next(r for r in ws.iter_rows(min_row=12) if r[0].value == "3.2")
    assert [c.value for c in r32[2:5]] == [2, 1, 3]
    signer, received = values["THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"], values["Nơi nhận:"]
    assert signer.row == received.row <= last and "D%d:G%d" % (signer.row, signer.row) in merged
    assert values["(ký tên, đóng dấu)"].row == signer.row + 1 and values["(ký tên, đóng dấu)"].font.i
    assert [ws.cell(received.row + i, 1).value for i in (1, 3)] == ["- Cơ quan nhận báo cáo;", "- Công TTĐT tỉnh;"]
    total = values["Tổng cộng"]
    assert [ws.cell(total.row, c).value for c in range(3, 8)] == [3, 2, 1, 0, 0] and total.row <= last
    assert values["2. Công tác tiếp nhận, trả lời trên chuyên mục Hỏi – Đáp"].row < total.row
    assert {"D%d:E%d" % (total.row - 3, total.row - 3), "F%d:G%d" % (total.row - 3, total.row - 3)} <= merged
    # The questions behind part 2 come after the print area, with every field a question carries.
    detail = values["Danh sách PAKN trong kỳ"]
    assert detail.row > last and ws.cell(detail.row + 1, 2).value == "Câu hỏi"
    assert ws.cell(detail.row + 2, 2).value == "q1" and ws.cell(detail.row + 2, 3).value == "02/10/2026"
    ward = load_workbook(book)["phuong-a"]
    assert ward["C3"].value.startswith("............, ngày")  # the ward writes its own name


def test_fields_a_question_carries_are_listed_and_the_timed_rows_named(tmp_path):
    hd = SectionFact("hoi-dap", "https://syt.bacninh.gov.vn/hoi-dap", "Hỏi đáp")
    form = build_form(facts(questions=answered_questions(), sections={"hoi-dap": hd}), PORTAL, OCT,
                      load_scoring_config())
    for q in form["pakn"]["questions"]:
        q.update({"class": "phức tạp", "deadline_days": 7, "ma_so": "=1+1"})
    folder, book = write_forms([form], tmp_path, 5)
    ws = load_workbook(book)["so-y-te"]
    head = next(r for r in ws.iter_rows() if r[1].value == "Câu hỏi")
    labels = [c.value for c in head if c.value]
    assert labels[-4:] == ["Loại PAKN", "Hạn (ngày làm việc)", "ma_so", "Địa chỉ"]
    first = [c for c in ws[head[0].row + 1]]
    assert [c.value for c in first[-4:]] == ["phức tạp", 7, "=1+1", "h#1"] and first[-2].data_type == "s"
    note = next(c.value for r in ws.iter_rows() for c in r
                if isinstance(c.value, str) and "điền sẵn cho dòng" in c.value)
    assert "điền sẵn cho dòng 3.2;" in note
    html = (folder / "so-y-te.html").read_text(encoding="utf-8")
    assert "<th scope=\"col\">Loại PAKN</th>" in html and "phức tạp" in html and "điền sẵn cho dòng 3.2;" in html


def test_province_rows_9_and_12_read_the_gazette_and_the_english_version():
    cb = SectionFact("cong-bao", "https://bacninh.gov.vn/cong-bao", "Công báo")
    items = (Item("cong-bao", "c1", "Công báo số 45", datetime(2026, 10, 3)),
             Item("cong-bao", "c0", "Công báo số 40", datetime(2026, 9, 3)))
    english = (ElementFact("tieng-nuoc-ngoai", "https://bacninh.gov.vn/gioi-thieu", "English"),)
    config = load_scoring_config()
    form = build_form(province_facts(sections={"cong-bao": cb}, items=items, elements=english), PROVINCE, OCT, config)
    assert (row(form, "9")["count"], row(form, "12")["count"]) == (1, "Có")
    bare = build_form(province_facts(), PROVINCE, OCT, config)
    assert (row(bare, "9")["count"], row(bare, "12")["count"]) == (0, "Không")
    assert row(bare, "9")["note"] == "không có chuyên mục"
