"""Per-criterion scoring, hand-computed cases with their boundaries (docs/scoring-rules.md)."""
import dataclasses
import random
from datetime import date, datetime

import pytest

from audit.criteria.config import Gates
from audit.facts import (ArticleSample, ContactFact, DirectoryEntry, DirectoryFact, DocumentRow, DocumentsFact,
                         ElementFact, Item, Link, PortalFacts, Question, ScheduleFact, SearchFact, SectionFact,
                         DOCUMENT_FIELDS)
from audit.period import Period
from audit.registry import Portal
from audit.rubric import load_rubrics
from audit.scoring import load_scoring_config, score_portal

BASE = "http://127.0.0.1:8002/so-a"
FEB = Period.month("2026-02")
REGISTRY = [
    Portal("tinh", "Tỉnh", "province", "http://127.0.0.1:8001/", "province"),
    Portal("so-a", "Sở A", "department", "http://127.0.0.1:8002/so-a", "phu-luc-1"),
    Portal("so-b", "Sở B", "department", "http://127.0.0.1:8002/so-b/", "phu-luc-1"),
    Portal("xa-b", "Xã B", "commune", "http://127.0.0.1:8003/xa-b", "phu-luc-2"),
    Portal("phuong-c", "Phường C", "ward", "https://phuongc.example.vn:8443/", "phu-luc-2"),
]


@pytest.fixture(scope="module")
def rubrics():
    return load_rubrics()


@pytest.fixture(scope="module")
def config():
    return load_scoring_config()


def facts(portal_id="so-a", kind="department", rubric="phu-luc-1", base_url=BASE, **kw) -> PortalFacts:
    kw.setdefault("crawl_status", "ok")
    kw.setdefault("crawled_at", datetime(2026, 3, 10, 9, 0))
    return PortalFacts(portal_id, kind, rubric, base_url, **kw)


def sec(key, status="ok"):
    return SectionFact(key, f"{BASE}/{key}", key, status)


def items(section, n, when=datetime(2026, 2, 10, 8, 0)):
    return tuple(Item(section, f"{BASE}/{section}/{i}", f"Bài {i}", when) for i in range(n))


def crit(rubrics, config, f, code, period=FEB, registry=REGISTRY):
    r = score_portal(f, rubrics[f.rubric], period, registry, config)
    return next(c for c in r.criteria if c.code == code)


# --- count_in_period ---

@pytest.mark.parametrize("n, points, state", [(0, 0, "missing"), (1, 3, "partial"), (4, 3, "partial"),
                                              (5, 5, "partial"), (9, 5, "partial"), (10, 10, "met"),
                                              (12, 10, "met")])
def test_p1_news_tiers(rubrics, config, n, points, state):
    c = crit(rubrics, config, facts(sections={"tin-tuc": sec("tin-tuc")}, items=items("tin-tuc", n)), "2")
    assert (c.points, c.state) == (points, state)
    assert f"{n} tin, bài trong kỳ tại chuyên mục Tin tức – sự kiện ({BASE}/tin-tuc)" in c.summary
    assert len(c.evidence) == n


@pytest.mark.parametrize("n, points", [(0, 0), (1, 4), (2, 6), (4, 6), (5, 10)])
def test_p2_news_tiers(rubrics, config, n, points):
    f = facts("xa-b", "commune", "phu-luc-2", sections={"tin-tuc": sec("tin-tuc")}, items=items("tin-tuc", n))
    assert crit(rubrics, config, f, "2").points == points


@pytest.mark.parametrize("code, rubric, n, points", [
    ("5", "phu-luc-1", 1, 2), ("5", "phu-luc-1", 2, 3), ("5", "phu-luc-1", 4, 3), ("5", "phu-luc-1", 5, 5),
    ("6", "phu-luc-2", 1, 5), ("6", "phu-luc-2", 2, 5), ("6", "phu-luc-2", 3, 10), ("6", "phu-luc-2", 0, 0),
])
def test_law_dissemination_tiers(rubrics, config, code, rubric, n, points):
    f = facts(rubric=rubric, sections={"pho-bien-phap-luat": sec("pho-bien-phap-luat")},
              items=items("pho-bien-phap-luat", n))
    assert crit(rubrics, config, f, code).points == points


def test_p2_radio_news(rubrics, config):
    f = facts(rubric="phu-luc-2", sections={"tin-phat-thanh": sec("tin-phat-thanh")}, items=items("tin-phat-thanh", 1))
    assert crit(rubrics, config, f, "3").points == 5
    f = dataclasses.replace(f, items=items("tin-phat-thanh", 3, datetime(2026, 1, 31, 12)))
    assert crit(rubrics, config, f, "3").points == 0


def test_period_boundaries_are_inclusive_by_date(rubrics, config):
    inside = [datetime(2026, 2, 1, 0, 0), datetime(2026, 2, 28, 23, 59), datetime(2026, 2, 28, 23, 59, 59)]
    outside = [datetime(2026, 1, 31, 23, 59, 59), datetime(2026, 3, 1, 0, 0)]
    its = tuple(Item("tin-tuc", f"{BASE}/t/{i}", "x", t) for i, t in enumerate(inside + outside))
    c = crit(rubrics, config, facts(sections={"tin-tuc": sec("tin-tuc")}, items=its), "2")
    assert c.summary.startswith("3 tin, bài trong kỳ")
    assert [e["published_at"] for e in c.evidence] == ["2026-02-28T23:59:59", "2026-02-28T23:59:00",
                                                       "2026-02-01T00:00:00"]


def test_item_counts_only_in_its_own_section(rubrics, config):
    f = facts(sections={"tin-tuc": sec("tin-tuc"), "thong-ke": sec("thong-ke")}, items=items("thong-ke", 12))
    assert crit(rubrics, config, f, "2").points == 0
    assert crit(rubrics, config, f, "7.2").points == 5


def test_same_url_twice_counts_once(rubrics, config):
    twice = items("tin-tuc", 5) + items("tin-tuc", 5)
    c = crit(rubrics, config, facts(sections={"tin-tuc": sec("tin-tuc")}, items=twice), "2")
    assert c.points == 5 and len(c.evidence) == 5


def test_undated_items_do_not_count_and_are_reported(rubrics, config):
    its = items("tin-tuc", 4) + (Item("tin-tuc", f"{BASE}/u", "Không ngày", None),)
    c = crit(rubrics, config, facts(sections={"tin-tuc": sec("tin-tuc")}, items=its), "2")
    assert c.points == 3 and "1 tin, bài không xác định được ngày đăng" in c.summary


def test_missing_section_is_named(rubrics, config):
    c = crit(rubrics, config, facts(), "2")
    assert (c.points, c.state, c.summary) == (0, "missing", "Không tìm thấy chuyên mục Tin tức – sự kiện")


@pytest.mark.parametrize("status, words", [("robots_blocked", "robots.txt"), ("http_503", "http_503"),
                                           ("timeout", "quá thời gian chờ")])
def test_section_landing_page_failed_is_not_evaluable(rubrics, config, status, words):
    f = facts(sections={"tin-tuc": sec("tin-tuc", status)}, items=items("tin-tuc", 12))
    c = crit(rubrics, config, f, "2")
    assert (c.points, c.state) == (0, "not_evaluable")
    assert c.summary.startswith("Không đánh giá được: trang chuyên mục Tin tức – sự kiện") and words in c.summary


def test_evidence_is_capped_with_a_note(rubrics, config):
    c = crit(rubrics, config, facts(sections={"tin-tuc": sec("tin-tuc")}, items=items("tin-tuc", 57)), "2")
    assert len(c.evidence) == 51 and c.evidence[-1]["note"] == "còn 7 mục khác không liệt kê"


# --- section_has_items / section_found ---

def test_section_with_any_item_whatever_its_date(rubrics, config):
    f = facts(sections={"du-an-dau-tu": sec("du-an-dau-tu")}, items=items("du-an-dau-tu", 1, datetime(2019, 5, 1)))
    assert crit(rubrics, config, f, "6.2").points == 5
    f = facts(sections={"du-an-dau-tu": sec("du-an-dau-tu")})
    c = crit(rubrics, config, f, "6.2")
    assert c.points == 0 and "không có tin, bài nào" in c.summary


def test_p2_plans_or_projects(rubrics, config):
    f = facts(rubric="phu-luc-2", sections={"du-an-dau-tu": sec("du-an-dau-tu")}, items=items("du-an-dau-tu", 2))
    assert crit(rubrics, config, f, "8").points == 5
    # one section blocked, the other has items: met through the readable one
    f = dataclasses.replace(f, sections={"du-an-dau-tu": sec("du-an-dau-tu"),
                                         "chien-luoc-quy-hoach": sec("chien-luoc-quy-hoach", "http_500")})
    assert crit(rubrics, config, f, "8").state == "met"
    # blocked and nothing elsewhere: not evaluable
    f = dataclasses.replace(f, items=(), sections={"chien-luoc-quy-hoach": sec("chien-luoc-quy-hoach", "http_500")})
    assert crit(rubrics, config, f, "8").state == "not_evaluable"
    assert crit(rubrics, config, facts(rubric="phu-luc-2"), "8").state == "missing"


def test_province_section_found(rubrics, config):
    f = facts("tinh", "province", "province", sections={"tiep-can-thong-tin": sec("tiep-can-thong-tin")})
    assert crit(rubrics, config, f, "8.1m").points == 4
    assert crit(rubrics, config, f, "8.2d").points == 0
    f = facts("tinh", "province", "province", sections={"tiep-can-thong-tin": sec("tiep-can-thong-tin",
                                                                                  "robots_blocked")})
    assert crit(rubrics, config, f, "8.1m").state == "not_evaluable"


# --- elements ---

def el(key):
    return ElementFact(key, f"{BASE}/gioi-thieu", key)


@pytest.mark.parametrize("keys, points", [(("co-cau-to-chuc", "chuc-nang-nhiem-vu", "don-vi-truc-thuoc"), 3),
                                          (("co-cau-to-chuc", "don-vi-truc-thuoc"), 2), (("co-cau-to-chuc",), 2),
                                          ((), 0)])
def test_p1_intro_elements(rubrics, config, keys, points):
    c = crit(rubrics, config, facts(elements=tuple(el(k) for k in keys)), "1.1")
    assert c.points == points
    if points == 2:
        assert c.summary.startswith("Thiếu ") and "chức năng nhiệm vụ" in c.summary


def test_p1_history(rubrics, config):
    assert crit(rubrics, config, facts(elements=(el("qua-trinh-hinh-thanh"),)), "1.2").points == 3
    assert crit(rubrics, config, facts(), "1.2").points == 0


def test_p2_history_element_or_section_items(rubrics, config):
    p2 = dict(portal_id="xa-b", kind="commune", rubric="phu-luc-2")
    assert crit(rubrics, config, facts(**p2, elements=(el("lich-su-van-hoa"),)), "1.4").points == 3
    f = facts(**p2, sections={"lich-su": sec("lich-su")}, items=items("lich-su", 1, datetime(2020, 1, 1)))
    assert crit(rubrics, config, f, "1.4").points == 3
    f = facts(**p2, sections={"lich-su": sec("lich-su")})
    assert crit(rubrics, config, f, "1.4").points == 0
    f = facts(**p2, sections={"lich-su": sec("lich-su", "http_404")})
    assert crit(rubrics, config, f, "1.4").state == "not_evaluable"


@pytest.mark.parametrize("section, n, points, state", [(True, 3, 3, "met"), (True, 1, 2, "partial"),
                                                       (True, 0, 0, "missing"), (False, 3, 0, "missing")])
def test_access_to_information(rubrics, config, section, n, points, state):
    keys = ("danh-muc-cong-khai", "dau-moi-cung-cap", "dia-chi-tiep-nhan")[:n]
    f = facts(sections={"tiep-can-thong-tin": sec("tiep-can-thong-tin")} if section else {},
              elements=tuple(el(k) for k in keys))
    c = crit(rubrics, config, f, "13")
    assert (c.points, c.state) == (points, state)
    if not section:
        assert c.summary == "Không tìm thấy chuyên mục Tiếp cận thông tin"


# --- contact, directory ---

@pytest.mark.parametrize("fields, p1, p2", [
    (dict(address="Số 1", phone="0222", fax="0223", email="a@bacninh.gov.vn"), 2, 2),
    (dict(address="Số 1", phone="0222", email="a@bacninh.gov.vn"), 1, 2),  # P2 does not ask for a fax
    (dict(address="Số 1"), 1, 1),
    (dict(address="  "), 0, 0),
    (None, 0, 0),
])
def test_contact(rubrics, config, fields, p1, p2):
    contact = ContactFact(**fields, urls=(BASE + "/",)) if fields is not None else None
    assert crit(rubrics, config, facts(contact=contact), "1.3").points == p1
    assert crit(rubrics, config, facts(rubric="phu-luc-2", contact=contact), "1.2").points == p2


def test_contact_summary_names_what_is_missing_and_where(rubrics, config):
    c = crit(rubrics, config, facts(contact=ContactFact("Số 1", "0222", urls=(BASE,))), "1.3")
    assert c.summary == "Thiếu số fax và email trong thông tin giao tiếp (trang chủ)"


def test_directory(rubrics, config):
    full = DirectoryEntry("Nguyễn Văn A", "Giám đốc", None, "0222", None, "a@bacninh.gov.vn")
    no_mail = DirectoryEntry("Trần Thị B", "Phó Giám đốc", None, "0223", None, None)
    url = f"{BASE}/danh-ba"
    assert crit(rubrics, config, facts(directory=DirectoryFact(url, (full,))), "1.4").points == 2
    c = crit(rubrics, config, facts(directory=DirectoryFact(url, (full, no_mail))), "1.4")
    assert c.points == 1 and "1/2 cán bộ" in c.summary and c.evidence[0]["note"] == "thiếu email"
    assert crit(rubrics, config, facts(directory=DirectoryFact(url, ())), "1.4").points == 0
    assert crit(rubrics, config, facts(), "1.4").points == 0
    # A directory page that failed to load is not an absent directory.
    failed = facts(sections={"danh-ba": SectionFact("danh-ba", url, "Danh bạ", "http_5xx")})
    c = crit(rubrics, config, failed, "1.4")
    assert (c.points, c.state) == (0, "not_evaluable") and "http_5xx" in c.summary
    assert crit(rubrics, config, facts(sections={"danh-ba": SectionFact("danh-ba", url, "Danh bạ")}), "1.4").state \
        == "missing"
    # province: presence only
    prov = facts("tinh", "province", "province", directory=DirectoryFact(url, (no_mail,)))
    assert crit(rubrics, config, prov, "8.1k").points == 4


# --- documents ---

def doc_row(i, fields=DOCUMENT_FIELDS, has_file=True):
    return DocumentRow(f"Văn bản {i}", f"{BASE}/van-ban/{i}", frozenset(fields), has_file)


@pytest.mark.parametrize("rows, search, points", [
    ((doc_row(1), doc_row(2)), True, 10),
    ((doc_row(1), doc_row(2)), False, 5),
    ((doc_row(1), doc_row(2, has_file=False)), True, 5),
    ((doc_row(1), doc_row(2, fields=DOCUMENT_FIELDS[:-1])), True, 5),
    ((), True, 0),
])
def test_documents(rubrics, config, rows, search, points):
    f = facts(sections={"van-ban": sec("van-ban")}, documents=DocumentsFact(f"{BASE}/van-ban", rows, search))
    assert crit(rubrics, config, f, "3").points == points
    assert crit(rubrics, config, dataclasses.replace(f, rubric="phu-luc-2"), "4").points == points


def test_documents_summary_and_blocked(rubrics, config):
    f = facts(sections={"van-ban": sec("van-ban")},
              documents=DocumentsFact(f"{BASE}/van-ban", (doc_row(1, fields=("trich_yeu",)),), False))
    c = crit(rubrics, config, f, "3")
    assert "1/1 văn bản thiếu ngày hiệu lực" in c.summary and "không có công cụ tìm kiếm văn bản" in c.summary
    f = dataclasses.replace(f, sections={"van-ban": sec("van-ban", "http_500")})
    assert crit(rubrics, config, f, "3").state == "not_evaluable"
    assert crit(rubrics, config, facts(), "3").summary == "Không tìm thấy chuyên mục Văn bản"


# --- links ---

def link(url, label="x"):
    return Link(url, label, BASE + "/")


@pytest.mark.parametrize("links, section, p41, p42", [
    ((), True, 5, 0),
    ((link("https://dichvucong.bacninh.gov.vn/", "Thủ tục hành chính"),), False, 5, 5),
    ((link("https://dvc.bacninh.gov.vn/tthc/danh-sach", "Tra cứu"),), False, 5, 5),
    ((link("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "Cổng DVC quốc gia"),), False, 0, 5),
    ((link("https://example.vn/thu-tuc", "Thủ tục"),), False, 0, 0),
    ((link("https://DVC.BacNinh.gov.vn:443/thu-tuc-hanh-chinh"),), False, 5, 5),
])
def test_tthc_and_dvc_links(rubrics, config, links, section, p41, p42):
    f = facts(sections={"thu-tuc-hanh-chinh": sec("thu-tuc-hanh-chinh")} if section else {}, links=links)
    assert crit(rubrics, config, f, "4.1").points == p41
    assert crit(rubrics, config, f, "4.2").points == p42
    p2 = dataclasses.replace(f, rubric="phu-luc-2")
    assert (crit(rubrics, config, p2, "5.1").points, crit(rubrics, config, p2, "5.2").points) == (p41, p42)


def test_tthc_section_blocked_without_link_is_not_evaluable(rubrics, config):
    f = facts(sections={"thu-tuc-hanh-chinh": sec("thu-tuc-hanh-chinh", "robots_blocked")})
    assert crit(rubrics, config, f, "4.1").state == "not_evaluable"
    f = dataclasses.replace(f, links=(link("https://dvc.bacninh.gov.vn/thu-tuc"),))
    assert crit(rubrics, config, f, "4.1").state == "met"


@pytest.mark.parametrize("urls, points", [
    (("http://127.0.0.1:8001/tin-tuc/1", "https://chinhphu.vn/"), 2),
    (("https://127.0.0.1:8001/", "http://127.0.0.1:8002/so-b/gioi-thieu"), 2),  # scheme ignored
    (("http://127.0.0.1:8001",), 0),  # province only: "other" means besides the province portal
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-a/tin"), 0),  # a link to itself is not another portal
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8003/xa-b"), 2),  # a commune portal counts
    (("https://chinhphu.vn/",), 0),  # no province link
    (("http://127.0.0.1:8009/",), 0),  # other port: not the province portal
    (("http://localhost:8001/",), 0),  # other host
])
def test_p1_links_to_government_portals(rubrics, config, urls, points):
    f = facts(links=tuple(link(u) for u in urls))
    assert crit(rubrics, config, f, "12.2").points == points


@pytest.mark.parametrize("urls, points", [
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-b", "https://phuongc.example.vn:8443/tin"), 2),
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-a/x", "https://phuongc.example.vn:8443/"), 2),
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-b"), 0),  # no commune/ward
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-b", "http://127.0.0.1:8003/xa-b/tin"), 0),  # itself
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-bc/", "https://phuongc.example.vn:8443/"), 0),  # path
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-b", "https://phuongc.example.vn/"), 0),  # port
    (("http://127.0.0.1:8001/", "http://127.0.0.1:8002/so-b", "http://phuongc.example.vn:8443/a"), 2),
])
def test_p2_links_province_department_commune(rubrics, config, urls, points):
    f = facts("xa-b", "commune", "phu-luc-2", "http://127.0.0.1:8003/xa-b", links=tuple(link(u) for u in urls))
    c = crit(rubrics, config, f, "11.2")
    assert c.points == points
    if not points:
        assert c.summary.startswith("Thiếu liên kết đến")


def test_link_summary_names_the_missing_kind(rubrics, config):
    f = facts("xa-b", "commune", "phu-luc-2", "http://127.0.0.1:8003/xa-b",
              links=(link("http://127.0.0.1:8001/"),))
    c = crit(rubrics, config, f, "11.2")
    assert c.summary == "Thiếu liên kết đến Cổng TTĐT sở, ban, ngành và Cổng TTĐT xã, phường"


# --- search, print, schedule ---

@pytest.mark.parametrize("search, points", [(SearchFact(True, True, f"{BASE}/tim-kiem?q=a", "a"), 2),
                                            (SearchFact(True, False, f"{BASE}/tim-kiem?q=a", "a"), 0),
                                            (SearchFact(True, None), 0), (SearchFact(False, None), 0), (None, 0)])
def test_search(rubrics, config, search, points):
    assert crit(rubrics, config, facts(search=search), "12.1").points == points


def test_a_search_box_whose_answer_was_not_read_goes_to_a_person(rubrics, config):
    c = crit(rubrics, config, facts(search=SearchFact(True, None, f"{BASE}/")), "12.1")
    assert (c.points, c.state) == (0, "needs_review") and "cần kiểm tra trực tiếp" in c.summary
    absent = crit(rubrics, config, facts(search=SearchFact(False, None)), "12.1")
    assert (absent.points, absent.state) == (0, "missing")


@pytest.mark.parametrize("flags, p1, p2", [((True,), 1, 3), ((True, False), 0, 0), ((True, True, False), 1, 3),
                                           ((True, True, False, False), 0, 0), ((), 0, 0)])
def test_print_on_more_than_half(rubrics, config, flags, p1, p2):
    arts = tuple(ArticleSample(f"{BASE}/a/{i}", v) for i, v in enumerate(flags))
    assert crit(rubrics, config, facts(articles=arts), "12.3").points == p1
    assert crit(rubrics, config, facts(rubric="phu-luc-2", articles=arts), "12").points == p2


def test_schedule(rubrics, config):
    s = ScheduleFact(f"{BASE}/lich", (date(2026, 1, 30), date(2026, 2, 28)))
    assert crit(rubrics, config, facts(schedule=s), "10").points == 5
    s = ScheduleFact(f"{BASE}/lich", (date(2026, 1, 30),))
    c = crit(rubrics, config, facts(schedule=s), "10")
    assert c.points == 0 and "30/01/2026" in c.summary
    f = facts(sections={"lich-cong-tac": sec("lich-cong-tac", "timeout")}, schedule=s)
    assert crit(rubrics, config, f, "10").state == "not_evaluable"


# --- PAKN ---

def q(i, asked, answered):
    return Question(f"Câu hỏi {i}", f"{BASE}/hoi-dap/{i}", asked, answered)


def pakn(rubrics, config, questions, crawled=datetime(2026, 3, 10), period=FEB, rubric="phu-luc-1"):
    f = facts(rubric=rubric, sections={"hoi-dap": sec("hoi-dap")}, questions=tuple(questions), crawled_at=crawled)
    return crit(rubrics, config, f, "8" if rubric == "phu-luc-1" else "9", period)


def answered(n_on_time, n_late, start=0):
    """Questions asked Mon 2/3/2026 (deadline Mon 9/3): answered 9/3 (on time) or 10/3 (late)."""
    return ([q(start + i, date(2026, 3, 2), date(2026, 3, 9)) for i in range(n_on_time)]
            + [q(start + n_on_time + i, date(2026, 3, 2), date(2026, 3, 10)) for i in range(n_late)])


MAR = Period.month("2026-03")


@pytest.mark.parametrize("on_time, late, points", [
    (5, 0, 15), (4, 1, 12), (799, 201, 7), (800, 200, 12), (1, 1, 7), (1, 2, 5), (999, 1, 12),
])
def test_pakn_ratio_tiers(rubrics, config, on_time, late, points):
    c = pakn(rubrics, config, answered(on_time, late), datetime(2026, 3, 20), MAR)
    assert c.points == points
    assert f"{on_time}/{on_time + late} PAKN trong kỳ được trả lời đúng hạn" in c.summary


def test_pakn_79_9_percent_is_shown_without_rounding_up(rubrics, config):
    c = pakn(rubrics, config, answered(799, 201), datetime(2026, 3, 20), MAR)
    assert "(79,9%)" in c.summary and len(c.evidence) == 51


def test_pakn_same_rubric_for_communes(rubrics, config):
    assert pakn(rubrics, config, answered(4, 1), datetime(2026, 3, 20), MAR, "phu-luc-2").points == 12


def test_pakn_no_section_is_zero(rubrics, config):
    c = crit(rubrics, config, facts(), "8")
    assert (c.points, c.state) == (0, "missing") and "Hỏi đáp" in c.summary


def test_pakn_section_without_questions_in_period_is_full(rubrics, config):
    c = pakn(rubrics, config, [q(1, date(2026, 1, 5), None)])
    assert (c.points, c.state) == (15, "met") and c.summary.startswith("Không có PAKN trong kỳ")


def test_pakn_blocked_section(rubrics, config):
    f = facts(sections={"hoi-dap": sec("hoi-dap", "robots_blocked")}, questions=tuple(answered(3, 0)))
    assert crit(rubrics, config, f, "8").state == "not_evaluable"


def test_pakn_all_late_and_unanswered_is_zero(rubrics, config):
    qs = [q(i, date(2026, 2, 2), None) for i in range(3)]
    c = pakn(rubrics, config, qs)
    assert (c.points, c.state) == (0, "missing")
    # one late but answered: no longer "100 % quá hạn chưa được trả lời" → under 50 %
    assert pakn(rubrics, config, qs + [q(9, date(2026, 2, 2), date(2026, 2, 20))]).points == 5


def test_pakn_deadline_across_tet_2026(rubrics, config):
    # asked Fri 13/2; 16–20/2 are Tết days off → deadline Fri 27/2
    c = pakn(rubrics, config, [q(1, date(2026, 2, 13), date(2026, 2, 27))])
    assert c.points == 15 and "hạn 27/02/2026" in c.evidence[0]["note"] and "đúng hạn" in c.evidence[0]["note"]
    c = pakn(rubrics, config, [q(1, date(2026, 2, 13), date(2026, 3, 2))])
    assert c.points == 5 and c.evidence[0]["note"].endswith("quá hạn")
    # asked Thu 12/2 → deadline Thu 26/2: answered 27/2 is late
    assert pakn(rubrics, config, [q(1, date(2026, 2, 12), date(2026, 2, 27))]).points == 5


def test_pakn_deadline_across_national_day_2026(rubrics, config):
    aug = Period.month("2026-08")
    # asked Fri 28/8; 31/8–2/9 off → deadline Wed 9/9
    assert pakn(rubrics, config, [q(1, date(2026, 8, 28), date(2026, 9, 9))], datetime(2026, 9, 20), aug).points == 15
    assert pakn(rubrics, config, [q(1, date(2026, 8, 28), date(2026, 9, 10))], datetime(2026, 9, 20), aug).points == 5
    # unanswered: not due while the deadline is on or after the crawl date, late after it
    c = pakn(rubrics, config, [q(1, date(2026, 8, 28), None)], datetime(2026, 9, 9, 23, 0), aug)
    assert (c.points, c.summary.startswith("Không có PAKN trong kỳ")) == (15, True)
    assert "chưa đến hạn" in c.evidence[0]["note"]
    assert pakn(rubrics, config, [q(1, date(2026, 8, 28), None)], datetime(2026, 9, 10), aug).points == 0


def test_pakn_only_questions_asked_in_period(rubrics, config):
    qs = answered(4, 0) + [q(50, date(2026, 2, 27), date(2026, 3, 30))]  # asked in Feb, late: ignored in March
    assert pakn(rubrics, config, qs, datetime(2026, 4, 1), MAR).points == 15


def test_pakn_deadline_days_from_config(rubrics, config):
    seven = dataclasses.replace(config, pakn=dataclasses.replace(config.pakn, deadline_working_days=7))
    f = facts(sections={"hoi-dap": sec("hoi-dap")}, questions=(q(1, date(2026, 3, 2), date(2026, 3, 11)),),
              crawled_at=datetime(2026, 3, 20))
    assert crit(rubrics, config, f, "8", MAR).points == 5
    assert crit(rubrics, seven, f, "8", MAR).points == 15


# --- portal level ---

def test_unreachable_portal(rubrics, config):
    f = facts(crawl_status="timeout", sections={"tin-tuc": sec("tin-tuc")}, items=items("tin-tuc", 20))
    r = score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, config)
    assert (r.status, r.score, r.max_score) == ("unreachable", None, 100)
    assert len(r.criteria) == 21 and {c.state for c in r.criteria} == {"not_evaluable"}
    assert all(c.points == 0 and "timeout" in c.summary for c in r.criteria)


def test_pass_fail_at_the_gate(rubrics, config):
    f = facts(sections={"tin-tuc": sec("tin-tuc"), "hoi-dap": sec("hoi-dap")}, items=items("tin-tuc", 10))
    r = score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, config)
    assert r.score == 25 and r.status == "fail"  # 10 news + 15 PAKN without questions
    at = dataclasses.replace(config, gates=Gates(min_total=25))
    above = dataclasses.replace(config, gates=Gates(min_total=26))
    assert score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, at).status == "pass"
    assert score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, above).status == "fail"
    per_rubric = dataclasses.replace(config, gates=Gates(min_total=80, rubrics={"phu-luc-1": {"min_total": 20}}))
    assert score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, per_rubric).status == "pass"


def test_default_gate_is_80(config):
    assert config.gates.min_total_for("phu-luc-1") == 80 and config.pakn.deadline_working_days == 5


def _full_p1_facts():
    return facts(
        sections={k: sec(k) for k in ("tin-tuc", "van-ban", "thu-tuc-hanh-chinh", "pho-bien-phap-luat", "hoi-dap",
                                      "tiep-can-thong-tin", "lich-cong-tac")},
        items=(items("tin-tuc", 10) + items("pho-bien-phap-luat", 5) + items("chien-luoc-quy-hoach", 1)
               + items("du-an-dau-tu", 1) + items("tai-chinh-ngan-sach", 1) + items("thong-ke", 1)
               + items("lay-y-kien", 1) + items("khen-thuong-xu-phat", 1)),
        elements=tuple(el(k) for k in ("co-cau-to-chuc", "chuc-nang-nhiem-vu", "don-vi-truc-thuoc",
                                       "qua-trinh-hinh-thanh", "danh-muc-cong-khai", "dau-moi-cung-cap",
                                       "dia-chi-tiep-nhan")),
        contact=ContactFact("Số 1", "0222", "0223", "a@bacninh.gov.vn", (BASE,)),
        directory=DirectoryFact(f"{BASE}/danh-ba", (DirectoryEntry("A", "GĐ", None, "1", None, "a@b.vn"),)),
        documents=DocumentsFact(f"{BASE}/van-ban", (doc_row(1),), True),
        questions=(q(1, date(2026, 2, 13), date(2026, 2, 27)),),
        schedule=ScheduleFact(f"{BASE}/lich", (date(2026, 2, 2),)),
        search=SearchFact(True, True, f"{BASE}/tim-kiem?q=a", "a"),
        articles=(ArticleSample(f"{BASE}/a/1", True),),
        links=(link("http://127.0.0.1:8001/"), link("https://chinhphu.vn/"), link("https://dvc.bacninh.gov.vn/thu-tuc")),
    )


def test_full_marks_portal(rubrics, config):
    r = score_portal(_full_p1_facts(), rubrics["phu-luc-1"], FEB, REGISTRY, config)
    assert [c.code for c in r.criteria if c.state != "met"] == []
    assert (r.score, r.status) == (100, "pass")


def test_rescoring_is_deterministic_whatever_the_fact_order(rubrics, config):
    f = _full_p1_facts()
    shuffled = list(f.items)
    random.Random(7).shuffle(shuffled)
    g = dataclasses.replace(f, items=tuple(shuffled), links=tuple(reversed(f.links)))
    a = score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, config)
    assert a == score_portal(f, rubrics["phu-luc-1"], FEB, REGISTRY, config)
    assert a == score_portal(g, rubrics["phu-luc-1"], FEB, REGISTRY, config)
