"""The province portal's own duties (QĐ 96 Điều 8 khoản 1 điểm a, c; khoản 2 điểm a, d, đ; Điều 9; Điều 13), scored
from built facts: met, partial and missing for each (docs/scoring-rules.md "Province portal")."""
from datetime import date, datetime

import pytest

from audit.facts import ElementFact, Item, Link, PortalFacts, Question, SectionFact
from audit.period import Period
from audit.registry import Portal
from audit.rubric import load_rubrics
from audit.scoring import load_scoring_config, score_portal

BASE = "http://127.0.0.1:8001"
FEB = Period.month("2026-02")
DEPTS = [Portal(f"so-{i}", f"Sở {i}", "department", f"{BASE}/web/so-{i}", "phu-luc-1") for i in range(1, 5)]
COMMUNES = [Portal(f"xa-{i}", f"Xã {i}", "commune", f"http://127.0.0.{10 + i}:8000/", "phu-luc-2")
            for i in range(1, 5)]
WARD = Portal("phuong-1", "Phường 1", "ward", "https://phuong1.example.vn/", "phu-luc-2")
PROVINCE = Portal("tinh", "Tỉnh", "province", f"{BASE}/", "province")
REGISTRY = [PROVINCE, *DEPTS, *COMMUNES, WARD]  # 9 component portals


@pytest.fixture(scope="module")
def rubric():
    return load_rubrics()["province"]


@pytest.fixture(scope="module")
def config():
    return load_scoring_config()


def facts(**kw) -> PortalFacts:
    kw.setdefault("crawl_status", "ok")
    kw.setdefault("crawled_at", datetime(2026, 3, 10, 9, 0))
    return PortalFacts("tinh", "province", "province", f"{BASE}/", **kw)


def sec(key, status="ok"):
    return SectionFact(key, f"{BASE}/{key}", key, status)


def crit(rubric, config, f, code, registry=REGISTRY, period=FEB):
    return next(c for c in score_portal(f, rubric, period, registry, config).criteria if c.code == code)


# --- 8.1a: the intro's contents for UBND tỉnh (elements) ---

@pytest.mark.parametrize("keys, points, state", [
    (("to-chuc-bo-may", "ban-do-dia-gioi", "tieu-su-lanh-dao"), 6, "met"),
    (("ban-do-dia-gioi",), 3, "partial"),
    ((), 0, "missing"),
    (("co-cau-to-chuc", "chuc-nang-nhiem-vu", "don-vi-truc-thuoc"), 0, "missing"),  # a department's, not a province's
])
def test_intro_contents(rubric, config, keys, points, state):
    f = facts(sections={"gioi-thieu": sec("gioi-thieu")},
              elements=tuple(ElementFact(k, f"{BASE}/gioi-thieu", k) for k in keys))
    c = crit(rubric, config, f, "8.1a")
    assert (c.points, c.state) == (points, state)
    if state == "partial":
        assert c.summary.startswith("Thiếu tổ chức bộ máy") and "(có bản đồ địa giới" in c.summary, c.summary


def test_an_intro_section_alone_no_longer_scores(rubric, config):
    assert crit(rubric, config, facts(sections={"gioi-thieu": sec("gioi-thieu")}), "8.1a").points == 0


# --- sections with items or found: 8.1c-khen, 8.2a, 8.2d, 8.2đ ---

@pytest.mark.parametrize("code, key, needs_items", [("8.1c-khen", "khen-thuong-xu-phat", True),
                                                    ("8.2a", "cong-bao", True),
                                                    ("8.2đ", "khao-sat", False)])
def test_province_sections(rubric, config, code, key, needs_items):
    item = (Item(key, f"{BASE}/{key}/1", "Số 01/2026", None),)
    full = crit(rubric, config, facts(sections={key: sec(key)}, items=item), code)
    assert full.state == "met" and full.points == full.max_points
    empty = crit(rubric, config, facts(sections={key: sec(key)}), code)
    assert empty.state == ("missing" if needs_items else "met")
    absent = crit(rubric, config, facts(), code)
    assert absent.state == "missing" and absent.points == 0 and "Không tìm thấy" in absent.summary
    blocked = crit(rubric, config, facts(sections={key: sec(key, "http_500")}), code)
    assert blocked.state == "not_evaluable"


# --- 8.2d: the foreign-language version, the "English" switch seen on the intro pages ---

def test_english_version(rubric, config):
    seen = facts(elements=(ElementFact("tieng-nuoc-ngoai", f"{BASE}/gioi-thieu", "English"),))
    c = crit(rubric, config, seen, "8.2d")
    assert (c.points, c.state) == (4, "met") and c.evidence[0]["title"] == "English"
    c = crit(rubric, config, facts(sections={"gioi-thieu": sec("gioi-thieu")}), "8.2d")
    assert (c.points, c.state) == (0, "missing")
    assert c.summary == "Không tìm thấy phiên bản tiếng nước ngoài"


# --- 13: Hỏi – Đáp under Điều 13 (rule pakn, tiers scaled to 5 points) ---

def q(i, answered):
    return Question(f"Câu hỏi {i}", f"{BASE}/hoi-dap/{i}", date(2026, 3, 2), answered)


MAR = Period.month("2026-03")


@pytest.mark.parametrize("on_time, late, points, state", [(5, 0, 5, "met"), (4, 1, 4, "partial"),
                                                          (1, 1, 3, "partial"), (1, 3, 2, "partial")])
def test_province_pakn_tiers(rubric, config, on_time, late, points, state):
    qs = [q(i, date(2026, 3, 9)) for i in range(on_time)] + [q(100 + i, date(2026, 3, 10)) for i in range(late)]
    f = facts(sections={"hoi-dap": sec("hoi-dap")}, questions=tuple(qs), crawled_at=datetime(2026, 3, 20))
    c = crit(rubric, config, f, "13", period=MAR)
    assert (c.points, c.state) == (points, state)


def test_province_pakn_no_question_is_full_not_above_max(rubric, config):
    c = crit(rubric, config, facts(sections={"hoi-dap": sec("hoi-dap")}), "13")
    assert (c.points, c.state) == (5, "met")


def test_province_pakn_missing_and_all_late_unanswered(rubric, config):
    assert crit(rubric, config, facts(), "13").state == "missing"
    f = facts(sections={"hoi-dap": sec("hoi-dap")}, questions=(q(1, None),), crawled_at=datetime(2026, 3, 20))
    assert crit(rubric, config, f, "13", period=MAR).points == 0


# --- 9.1: a link to every component portal of the directory ---

def links(*portals, path=""):
    return tuple(Link(p.url.rstrip("/") + path, p.name, f"{BASE}/") for p in portals)


def test_links_to_every_component_portal(rubric, config):
    f = facts(links=links(*DEPTS, *COMMUNES, WARD))
    c = crit(rubric, config, f, "9.1")
    assert (c.points, c.state) == (8, "met")
    assert c.summary == "Có liên kết đến 9/9 cổng thành phần trong danh bạ"
    assert len(c.evidence) == 9


@pytest.mark.parametrize("linked, points", [(8, 6), (5, 4), (4, 2), (1, 2)])
def test_component_link_tiers_list_what_is_missing(rubric, config, linked, points):
    every = [*DEPTS, *COMMUNES, WARD]
    c = crit(rubric, config, facts(links=links(*every[:linked])), "9.1")
    assert (c.points, c.state) == (points, "partial")
    missing = [p.name for p in every[linked:]]
    assert f"Có liên kết đến {linked}/9 cổng thành phần trong danh bạ; thiếu {9 - linked}: " in c.summary
    assert all(name in c.summary for name in missing)


def test_component_links_none_is_missing(rubric, config):
    c = crit(rubric, config, facts(links=(Link("https://chinhphu.vn/", "Chính phủ", f"{BASE}/"),)), "9.1")
    assert (c.points, c.state) == (0, "missing")
    assert "0/9" in c.summary and "thiếu 9" in c.summary


def test_missing_list_is_cut_at_show_missing(rubric, config):
    many = [Portal(f"xa-m{i:03d}", f"Xã M{i:03d}", "commune", f"http://10.0.{i // 200}.{i % 200 + 1}/", "phu-luc-2")
            for i in range(118)]
    c = crit(rubric, config, facts(links=links(*many[:3])), "9.1", registry=[PROVINCE, *many])
    assert "thiếu 115: Xã M003, Xã M004" in c.summary and "Xã M012" in c.summary
    assert "Xã M013" not in c.summary and "và 105 cổng khác" in c.summary


def test_a_portal_counts_once_by_id_whatever_address_and_page(rubric, config):
    # Two addresses of Sở 1 (the farm's and the real one), and a page deep inside a commune's portal.
    real = Portal("so-1", "Sở 1", "department", "https://www.bacninh.gov.vn/web/so-1", "phu-luc-1")
    f = facts(links=links(DEPTS[0]) + (Link("https://bacninh.gov.vn/web/so-1/tin", "Sở 1", f"{BASE}/"),)
              + links(COMMUNES[0], path="/tin-tuc/1"))
    c = crit(rubric, config, f, "9.1", registry=[*REGISTRY, real])
    assert c.summary.startswith("Có liên kết đến 2/9 cổng thành phần")


def test_links_to_itself_or_the_wrong_path_do_not_count(rubric, config):
    f = facts(links=(Link(f"{BASE}/tin-tuc", "Tin", f"{BASE}/"), Link(f"{BASE}/web/so-12", "x", f"{BASE}/")))
    assert crit(rubric, config, f, "9.1").summary.startswith("Có liên kết đến 0/9")


def test_a_directory_without_component_portals_goes_to_a_person(rubric, config):
    c = crit(rubric, config, facts(links=links(*DEPTS)), "9.1", registry=[PROVINCE])
    assert (c.points, c.state) == (0, "needs_review")


def test_a_linked_portal_that_did_not_answer_still_counts_and_says_so(rubric, config):
    from audit.directory import Directory
    directory = Directory(tuple(REGISTRY), {"so-1": "unreachable", "so-2": "ok"})
    c = crit(rubric, config, facts(links=links(DEPTS[0], DEPTS[1])), "9.1", registry=directory)
    assert c.summary.startswith("Có liên kết đến 2/9")
    notes = {e["title"]: e["note"] for e in c.evidence}
    assert "không truy cập được" in notes["Sở 1"] and "đã kiểm chứng" in notes["Sở 2"]
