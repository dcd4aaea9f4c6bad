"""Page-time confirmation of a section page (crawler/sections.py `confirm`): the link chose the section; the page's
breadcrumb or heading confirms it, or the disagreement is flagged with a confidence under the review threshold."""
import yaml

from crawler import extract, sections, vocab

PAGE = """<html><body><nav class="menu"><a href="/tin-tuc">Tin tức</a></nav>
<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="{href}">{crumb}</a></li></ul>
<div id="content"><h1>{heading}</h1><p>Nội dung</p></div></body></html>"""


def _doc(crumb="", heading=""):
    return extract.parse(PAGE.format(href="/x", crumb=crumb, heading=heading), "https://xa.bacninh.gov.vn/x")


def _threshold():
    return yaml.safe_load((vocab.RULES / "scoring.yaml").read_text(encoding="utf-8"))["review"]["needs_review_below"]


def test_agreeing_breadcrumb_raises_a_weak_link_reading():
    check = sections.confirm("van-ban", "url:van-ban (content)", 0.6, _doc(crumb="Văn bản pháp quy"))
    assert (check.key, check.conflict) == ("van-ban", None)
    assert check.confidence == 0.9
    assert check.evidence == "url:van-ban (content); breadcrumb:label:văn bản pháp quy"


def test_heading_speaks_when_there_is_no_breadcrumb():
    check = sections.confirm("hoi-dap", "menu:label:Hỏi đáp (menu)", 1.0, _doc(heading="Hỏi đáp"))
    assert check.conflict is None and check.confidence == 1.0 and "heading:" in check.evidence


def test_disagreement_keeps_the_key_and_goes_to_review():
    check = sections.confirm("tin-tuc", "menu:label:Tin tức (menu)", 1.0, _doc(crumb="Lịch công tác"))
    assert check.key == "tin-tuc" and check.conflict == "lich-cong-tac"
    assert check.confidence < _threshold()
    assert check.evidence.startswith("menu:label:Tin tức (menu) ≠ breadcrumb:")


def test_silent_page_or_failed_fetch_changes_nothing():
    assert sections.confirm("gioi-thieu", "e", 0.8, _doc()) == sections.Confirmation("gioi-thieu", "e", 0.8)
    assert sections.confirm("gioi-thieu", None, 0.8, None) == sections.Confirmation("gioi-thieu", None, 0.8)


def test_a_link_leads_to_a_section_by_its_label_its_group_or_its_url():
    from crawler.extract import PageLink

    page = "https://x.gov.vn/web/so-a/trang-chu"
    link = lambda url, label, region="menu", group="": PageLink(url, label, region, group)  # noqa: E731
    assert sections.for_link(link("https://x.gov.vn/web/so-a/tin", "Tin tức"), page_url=page).key == "tin-tuc"
    # A sub-category no vocabulary knows, filed under the news entry; a field of a box headed by a section.
    thanh_tra = sections.for_link(link("https://x.gov.vn/thanh-tra", "Thanh tra", group="Tin tức sự kiện"))
    assert thanh_tra.key == "tin-tuc" and thanh_tra.evidence.startswith("group:")
    field = sections.for_link(link("https://x.gov.vn/tthc?field=7", "Bưu chính", "content", "Thủ tục hành chính cấp sở"))
    assert field.key == "thu-tuc-hanh-chinh"
    # Never a section: a file filed under "Văn bản", an article, the page itself with other parameters, a content
    # link whose own text says something else than its URL.
    assert sections.for_link(link("https://x.gov.vn/documents/1/qd-12.pdf", "QĐ 12", "content", "Văn bản")) is None
    assert sections.for_link(link("https://x.gov.vn/tin/-/view_content/1-a", "Tin tức")) is None
    assert sections.for_link(link(page + "?week=2", "Tuần sau", "content", "Lịch công tác"), page_url=page) is None
    assert sections.for_link(link("https://x.gov.vn/van-ban", "Hội nghị tổng kết năm", "content")) is None
    # A partial label loses to the entry it is filed under ("Kế hoạch tài chính" under "Tin tức sự kiện").
    assert sections.for_link(link("https://x.gov.vn/khtc", "Kế hoạch tài chính", group="Tin tức sự kiện")).key == \
        "tin-tuc"
