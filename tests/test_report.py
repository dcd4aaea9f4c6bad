"""HTML findings report (audit/report.py): files, content, escaping of hostile portal content, atomic writes."""
from __future__ import annotations

import html
import re
import time
import unicodedata
from pathlib import Path

import pytest

from audit import report
from audit.errors import ConfigError
from audit.report import load_bands, render_report, safe_href

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"

P1_CODES = [("1.1", 3), ("1.2", 3), ("1.3", 2), ("1.4", 2), ("2", 10), ("3", 10), ("4.1", 5), ("4.2", 5), ("5", 5),
            ("6.1", 5), ("6.2", 5), ("7.1", 5), ("7.2", 5), ("8", 15), ("9", 4), ("10", 5), ("11", 3),
            ("12.1", 2), ("12.2", 2), ("12.3", 1), ("13", 3)]
P2_CODES = [("1.1", 3), ("1.2", 2), ("1.3", 2), ("1.4", 3), ("2", 10), ("3", 5), ("4", 10), ("5.1", 5), ("5.2", 5),
            ("6", 10), ("7.1", 5), ("7.2", 5), ("8", 5), ("9", 15), ("10", 5), ("11.1", 2), ("11.2", 2), ("12", 3),
            ("13", 3)]


def criterion(code, max_points, points, state, evidence=(), summary=None, title=None):
    return {
        "code": code,
        "title": title or f"Tiêu chí {code}: thông tin về sơ đồ, cơ cấu tổ chức",
        "points": points,
        "max_points": max_points,
        "state": state,
        "summary": summary or f"Nhận xét cho tiêu chí {code}.",
        "evidence": list(evidence),
    }


def evidence(i, url=None, title=None, published_at="2026-10-05T08:30:00+07:00", note=None):
    return {"url": url or f"https://syt.bacninh.gov.vn/tin-tuc/bai-{i}", "title": title or f"Bài viết số {i}",
            "published_at": published_at, "note": note or f"ghi chú {i}"}


def sample_doc():
    """Four portals: a good one with a crawl record, a hostile one (inferred host), an unreachable ward, a commune."""
    hostile_criteria = [
        criterion("1.1", 3, 2, "partial", [
            evidence(1, title=SCRIPT, url=JS_URL, note=IMG),
            evidence(2, url="https://example.gov.vn/a?x=" + IMG, title=IMG),
            evidence(3, url=" JaVaScRiPt:alert(1)"),
            evidence(4, url="java\tscript:alert(1)"),
            evidence(5, url="data:text/html,<script>alert(1)</script>"),
            evidence(6, url="//evil.example/x"),
        ], summary="Thiếu " + SCRIPT),
        criterion("1.2", 3, 0, "missing", [], summary="Không tìm thấy quá trình hình thành."),
        criterion("2", 10, 5, "partial", [evidence(7, published_at=None)], summary="Chỉ có 6 tin trong kỳ."),
        criterion("8", 15, 15, "met", [evidence(8, published_at="2026-10-04T01:00:00Z")]),
        criterion("9", 4, 0, "needs_review", [evidence(9)], summary="Cần người đánh giá xem lại."),
    ]
    return {
        "schema": 1,
        "period": {"from": "2026-10-01", "to": "2026-10-31"},
        "generated_at": "2026-11-22T02:00:00+07:00",
        "portals": [
            {
                "id": "so-y-te", "name": "Sở Y tế", "kind": "department", "rubric": "phu-luc-1",
                "url": "https://syt.bacninh.gov.vn/", "status": "pass", "score": 91.5, "max_score": 100,
                "host_confidence": "confirmed", "previous_score": 88,
                "criteria": [criterion(c, m, m, "met", [evidence(k) for k in range(3)]) for c, m in P1_CODES],
                "crawl": {"status": "ok", "pages": 412,
                          "errors": [{"url": "https://syt.bacninh.gov.vn/x", "status": 404}],
                          "started_at": "2026-11-01T01:00:00+07:00", "finished_at": "2026-11-01T01:42:10+07:00"},
            },
            {
                "id": "so-tu-phap", "name": "Sở Tư pháp " + SCRIPT, "kind": "department", "rubric": "phu-luc-1",
                "url": JS_URL, "status": "fail", "score": 62, "max_score": 100,
                "host_confidence": "inferred", "previous_score": None,
                "criteria": hostile_criteria,
                "crawl": {"run_id": 7, "status": "ok", "detail": "", "pages": 20,
                          "errors": [{"url": JS_URL, "status": "timeout"}, {"url": IMG, "status": 500},
                                     {"url": "https://sotp.bacninh.gov.vn/hoi-dap", "status": "robots_blocked"}],
                          "started_at": None, "finished_at": None},
            },
            {
                "id": "phuong-kinh-bac", "name": "Phường Kinh Bắc", "kind": "ward", "rubric": "phu-luc-2",
                "url": "https://kinhbac.bacninh.gov.vn/", "status": "unreachable", "score": None, "max_score": 100,
                "previous_score": 70,
                "crawl": {"run_id": 7, "status": "dns_error", "detail": "kinhbac.bacninh.gov.vn", "pages": 0,
                          "errors": [], "started_at": "2026-11-01T01:00:00", "finished_at": "2026-11-01T01:00:03"},
                "criteria": [criterion(c, m, 0, "not_evaluable", summary="Không truy cập được trang chủ.")
                             for c, m in P2_CODES],
            },
            {
                "id": "xa-tien-du", "name": "Xã Tiên Du", "kind": "commune", "rubric": "phu-luc-2",
                "url": "https://tiendu.bacninh.gov.vn/", "status": "fail", "score": 49, "max_score": 100,
                "criteria": [criterion(c, m, 0 if c in ("2", "9") else m, "missing" if c in ("2", "9") else "met", [])
                             for c, m in P2_CODES],
            },
        ],
    }


@pytest.fixture
def doc():
    return sample_doc()


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def hrefs(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', text)]


def test_writes_every_file(tmp_path, doc):
    index = render_report(doc, tmp_path / "out")
    out = tmp_path / "out"
    assert index == out / "index.html"
    assert index.is_file()
    assert (out / "static" / "report.css").is_file()
    assert (out / "static" / "report.js").is_file()
    assert sorted(p.name for p in (out / "portals").iterdir()) == sorted(f"{p['id']}.html" for p in doc["portals"])


def test_overview_lists_portals_with_score_band_and_status(tmp_path, doc):
    text = read(render_report(doc, tmp_path))
    assert '<html lang="vi">' in text
    assert "Kết quả đánh giá Cổng TTĐT — kỳ 01/10/2026 – 31/10/2026" in text
    for p in doc["portals"]:
        assert f'href="portals/{p["id"]}.html"' in text
    assert "91,5<span class=\"max\">/100" in text
    assert ">62<span class=\"max\">/100" in text
    assert "Xuất sắc" in text and "Yếu" in text and "Khá" not in text.split("portal-table")[1].split("</table>")[0]
    for label in ("Đạt", "Không đạt", "Không truy cập được", "Sở, ban, ngành", "Xã", "Phường", "Tỉnh"):
        assert label in text
    # change since the previous period, with a sign (not colour alone)
    assert "So với kỳ trước" in text and "+3,5" in text
    # inferred host marked
    assert "địa chỉ suy đoán" in text
    # heat map: one per rubric, cells carry a symbol and a points/max tooltip
    assert "Phụ lục 1 — sở, ban, ngành" in text and "Phụ lục 2 — xã, phường" in text
    assert '<td class="p" title="1.1: 2/3">◐</td>' in text
    assert '<td class="x" title="1.2: 0/3">✗</td>' in text
    assert '<td class="n" title="1.1: 0/3">–</td>' in text
    # no external resources
    assert not re.search(r'(src|href)="(https?:)?//', text.split("<body")[0])
    assert "static/report.css" in text and "static/report.js" in text


def test_ranking_and_bands(tmp_path, doc):
    ctx = report.build_context(doc, load_bands())
    ranked = [(p.id, p.rank, p.band.key if p.band else None) for p in ctx["portals"]]
    assert ranked == [("so-y-te", 1, "xuat-sac"), ("so-tu-phap", 2, "trung-binh"), ("xa-tien-du", 3, "yeu"),
                      ("phuong-kinh-bac", None, None)]
    bands = load_bands()
    assert [b.label for b in bands] == ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
    assert [report.band_for(s, bands).label for s in (100, 90, 89.99, 80, 65, 64.5, 50, 49.9, 0)] == [
        "Xuất sắc", "Xuất sắc", "Tốt", "Tốt", "Khá", "Trung bình", "Trung bình", "Yếu", "Yếu"]
    counts = [b["count"] for b in ctx["distribution"]["bars"]]
    assert counts[9] == 1 and counts[6] == 1 and counts[4] == 1 and sum(counts) == 3
    assert ctx["distribution"]["unscored"] == 1


def test_portal_page_shows_criteria_evidence_fixes_and_crawl(tmp_path, doc):
    render_report(doc, tmp_path)
    page = read(tmp_path / "portals" / "so-y-te.html")
    assert "<h1>Sở Y tế</h1>" in page
    for code, _ in P1_CODES:
        assert f'<th scope="row" class="code">{code}</th>' in page
    assert page.count("Bài viết số 0") == len(P1_CODES)
    assert "05/10/2026 08:30" in page
    assert 'rel="noopener noreferrer"' in page
    assert "Không có tiêu chí nào bị thiếu" in page
    assert "Bình thường" in page and "412" in page and "42 phút 10 giây" in page and "HTTP 404" in page
    assert 'href="../index.html"' in page and 'href="../static/report.css"' in page

    hostile = read(tmp_path / "portals" / "so-tu-phap.html")
    fixes = hostile.split('id="can-khac-phuc"')[1].split("</section>")[0]
    # sorted by points lost: 2 loses 5, 1.2 loses 3, 1.1 loses 1
    order = [m for m in re.findall(r'<span class="code">([^<]+)</span>', fixes)]
    assert order[:3] == ["2", "1.2", "1.1"]
    assert "−5 điểm" in fixes and "Chỉ có 6 tin trong kỳ." in fixes
    assert "Cần xem xét" in fixes and "Cần người đánh giá xem lại." in fixes
    assert "Đạt một phần" in hostile and "Thiếu" in hostile and "Đạt đủ" in hostile
    no_date = re.search(r'<li><a href="https://syt.bacninh.gov.vn/tin-tuc/bai-7".*?</li>', hostile).group(0)
    assert "ngày đăng" not in no_date and "ghi chú 7" in no_date  # a null date is simply not shown
    assert "04/10/2026 08:00" in hostile  # 01:00Z shown in Vietnam time
    assert "địa chỉ suy đoán, chưa xác nhận" in hostile
    assert "Bình thường (đọc được trang chủ)" in hostile and "#7" in hostile
    assert "Quá thời gian chờ (timeout)" in hostile and "HTTP 500" in hostile
    assert "Bị robots.txt chặn (robots_blocked)" in hostile


def test_hostile_strings_are_escaped_and_never_linked(tmp_path, doc):
    render_report(doc, tmp_path)
    pages = [tmp_path / "index.html", *sorted((tmp_path / "portals").iterdir())]
    for path in pages:
        text = read(path)
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        assert "onerror=alert(1)>" not in text, path
        for href in hrefs(text):
            folded = re.sub(r"[\s\x00-\x1f]", "", href).lower()
            assert not folded.startswith(("javascript:", "data:", "//")), (path, href)
            assert folded.startswith(("http://", "https://", "portals/", "../", "#", "static/")) or \
                folded == "index.html", (path, href)
    hostile = read(tmp_path / "portals" / "so-tu-phap.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in hostile
    # the unsafe URLs are still shown, as text, for the auditor
    assert "javascript:alert(1)" in hostile and "không phải liên kết http/https" in hostile
    # an https URL carrying a payload stays a link, escaped inside the attribute
    assert 'href="https://example.gov.vn/a?x=&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"' in hostile
    assert "<title>Sở Tư pháp &lt;script&gt;" in hostile


@pytest.mark.parametrize("url, expected", [
    ("https://a.gov.vn/x", "https://a.gov.vn/x"),
    ("HTTP://a.gov.vn", "HTTP://a.gov.vn"),
    ("  https://a.gov.vn/\n", "https://a.gov.vn/"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("\x01javascript:alert(1)", None),
    ("vbscript:x", None),
    ("data:text/html,hi", None),
    ("mailto:a@b.vn", None),
    ("//evil.example/", None),
    ("/relative/path", None),
    ("https://", None),
    ("http://[::1", None),
    (None, None),
    (42, None),
])
def test_safe_href(url, expected):
    assert safe_href(url) == expected


def test_null_score_and_empty_evidence(tmp_path, doc):
    render_report(doc, tmp_path)
    page = read(tmp_path / "portals" / "phuong-kinh-bac.html")
    assert "Không truy cập được cổng trong kỳ đánh giá" in page
    assert '<dd class="big">—<span class="max">/100' in page
    assert page.count("Không có bằng chứng kèm theo.") == len(P2_CODES)
    assert "Lỗi phân giải tên miền DNS (dns_error)" in page and "3 giây" in page
    assert "kỳ trước: 70" in page
    assert page.count("Không đánh giá được") >= len(P2_CODES)
    commune = read(tmp_path / "portals" / "xa-tien-du.html")
    assert "Không có bằng chứng kèm theo." in commune
    index = read(tmp_path / "index.html")
    row = re.search(r'<tr data-id="phuong-kinh-bac".*?</tr>', index, re.S).group(0)
    assert "Không truy cập được" in row and 'data-score=""' in row and "—" in row


def test_minimal_portal_and_empty_document(tmp_path):
    doc = {"schema": 1, "period": {"from": "2026-10-01", "to": "2026-10-31"}, "generated_at": None,
           "portals": [{"id": "p1", "name": "Cổng tối giản", "kind": "commune", "status": "unreachable",
                        "score": None, "criteria": []}]}
    render_report(doc, tmp_path / "a")
    assert "Chưa có kết quả theo tiêu chí." in read(tmp_path / "a" / "portals" / "p1.html")
    render_report({**doc, "portals": []}, tmp_path / "b")
    assert "Không có cổng nào trong kết quả." in read(tmp_path / "b" / "index.html")


def test_all_text_is_nfc(tmp_path, doc):
    decomposed = unicodedata.normalize("NFD", "Phường Đại Phúc")
    doc["portals"][2]["name"] = decomposed
    render_report(doc, tmp_path)
    for path in [tmp_path / "index.html", *(tmp_path / "portals").iterdir()]:
        text = read(path)
        assert unicodedata.is_normalized("NFC", text), path
    assert "Phường Đại Phúc" in read(tmp_path / "index.html")


@pytest.mark.parametrize("bad, message", [
    ({"schema": 2}, "schema"),
    ({"period": {"from": "2026-10", "to": "2026-10-31"}}, "period.from"),
    ({"portals": "x"}, "portals"),
])
def test_rejects_bad_documents_before_writing(tmp_path, doc, bad, message):
    with pytest.raises(ConfigError, match=message):
        render_report({**doc, **bad}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("pid", ["../../etc/passwd", "A", "", None, "a/b", "x" * 81])
def test_rejects_unsafe_portal_ids(tmp_path, doc, pid):
    doc["portals"][0]["id"] = pid
    with pytest.raises(ConfigError, match=r"portals\[0\]\.id"):
        render_report(doc, tmp_path / "out")


def test_rejects_duplicate_ids(tmp_path, doc):
    doc["portals"][1]["id"] = doc["portals"][0]["id"]
    with pytest.raises(ConfigError, match="trùng"):
        render_report(doc, tmp_path)


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(".report-")]


def test_atomic_write_leaves_no_temp_files_and_replaces_stale_pages(tmp_path, doc):
    out = tmp_path / "out"
    render_report(doc, out)
    assert leftovers(out) == []
    (out / "results.json").write_text("{}", encoding="utf-8")  # a neighbour the report must not touch
    doc["portals"] = doc["portals"][:2]
    render_report(doc, out)
    assert leftovers(out) == []
    assert sorted(p.name for p in (out / "portals").iterdir()) == ["so-tu-phap.html", "so-y-te.html"]
    assert (out / "results.json").exists()


def test_failed_render_keeps_previous_report(tmp_path, doc, monkeypatch):
    out = tmp_path / "out"
    render_report(doc, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    calls = {"n": 0}
    real_write = report._write

    def failing_write(path, text):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        real_write(path, text)

    monkeypatch.setattr(report, "_write", failing_write)
    doc["portals"][0]["name"] = "Tên mới"
    with pytest.raises(OSError, match="disk full"):
        render_report(doc, out)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert leftovers(out) == []


def test_failed_swap_rolls_back(tmp_path, doc, monkeypatch):
    out = tmp_path / "out"
    render_report(doc, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real_replace = report.os.replace

    def failing_replace(src, dst):
        if Path(dst).name == "index.html":
            raise OSError("boom")
        real_replace(src, dst)

    monkeypatch.setattr(report.os, "replace", failing_replace)
    doc["portals"][0]["name"] = "Tên mới"
    with pytest.raises(OSError, match="boom"):
        render_report(doc, out)
    monkeypatch.undo()
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert leftovers(out) == []


def test_stale_temp_dirs_of_a_killed_run_are_removed(tmp_path, doc):
    import os
    out = tmp_path / "out"
    out.mkdir()
    stale, fresh = out / ".report-tmp-dead", out / ".report-tmp-busy"
    for d in (stale, fresh):
        d.mkdir()
        (d / "index.html").write_text("x", encoding="utf-8")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    render_report(doc, out)
    assert not stale.exists() and fresh.exists()  # a fresh one may belong to a render in progress


def test_autoescape_is_on_for_every_template():
    env = report._environment()
    for name in ("base.html", "index.html", "portal.html", "anything.txt", None):
        assert env.autoescape(name) is True
    assert env.filters["safe_href"] is safe_href


def test_bands_file_is_validated(tmp_path):
    bad = tmp_path / "bands.yaml"
    bad.write_text("bands:\n  - {key: a, label: A, min: 50}\n  - {key: b, label: B, min: 60}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="từ cao xuống thấp"):
        load_bands(bad)
    bad.write_text("bands:\n  - {key: a, label: A, min: 50}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="min: 0"):
        load_bands(bad)


def big_doc(n_portals=119, n_criteria=20, n_evidence=30):
    kinds = ["department"] * 20 + ["commune"] * 60 + ["ward"] * 38 + ["province"]
    states = ["met", "met", "partial", "missing", "not_evaluable", "needs_review"]
    portals = []
    for i in range(n_portals):
        kind = kinds[i % len(kinds)]
        unreachable = i % 17 == 5
        crits = []
        for c in range(n_criteria):
            state = "not_evaluable" if unreachable else states[(i + c) % len(states)]
            mx = 5
            pts = {"met": 5, "partial": 2}.get(state, 0)
            crits.append(criterion(f"{c // 3 + 1}.{c % 3 + 1}", mx, pts, state,
                                   [evidence(i * 1000 + c * 100 + e) for e in range(n_evidence)]))
        portals.append({
            "id": f"cong-{i:04d}", "name": f"Cổng số {i} — {kind}", "kind": kind,
            "rubric": {"department": "phu-luc-1", "province": "province"}.get(kind, "phu-luc-2"),
            "url": f"https://cong{i}.bacninh.gov.vn/", "status": "unreachable" if unreachable else
            ("pass" if (i * 7) % 100 >= 80 else "fail"), "score": None if unreachable else (i * 7) % 101,
            "max_score": 100, "host_confidence": "inferred" if i % 3 else "confirmed",
            "previous_score": (i * 5) % 101, "criteria": crits,
            "crawl": {"status": "ok", "pages": 300,
                      "errors": [{"url": f"https://cong{i}.bacninh.gov.vn/x", "status": 404}],
                      "started_at": "2026-11-01T01:00:00+07:00", "finished_at": "2026-11-01T02:00:00+07:00"},
        })
    return {"schema": 1, "period": {"from": "2026-10-01", "to": "2026-10-31"},
            "generated_at": "2026-11-22T02:00:00+07:00", "portals": portals}


def test_renders_119_portals(tmp_path, capsys):
    doc = big_doc()
    started = time.perf_counter()
    index = render_report(doc, tmp_path)
    elapsed = time.perf_counter() - started
    assert len(list((tmp_path / "portals").iterdir())) == 119
    text = read(index)
    assert text.count("<tr data-id=") == 119
    size = sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file())
    with capsys.disabled():
        print(f"\n[report] 119 portals × 20 criteria × 30 evidence: {elapsed:.2f} s, "
              f"{size / 1e6:.1f} MB written, index.html {index.stat().st_size / 1e3:.0f} kB")
