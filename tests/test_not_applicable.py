"""Không áp dụng (seed 003): a standing declaration recorded once and applied to every period it covers until
withdrawn (history kept); bad files refused with file:line and field; the criterion at full points in state
not_applicable in results.json, gates, junit.xml (skipped with the reason), the report and the QĐ 96 form; an override
for the period wins. And legal_ref (the rubric's legal basis) on every criterion of every output."""
import dataclasses
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from sqlalchemy import select

from audit.check import Checked, junit
from audit.engine import score_one, score_period
from audit.errors import ConfigError
from audit.gates import Gates
from audit.not_applicable import Declaration, load_file
from audit.overrides import make as make_override
from audit.period import Period
from audit.report import render_report
from audit.results import validate_results
from audit.rubric import load_rubrics
from audit.scoring import load_config
from conftest import store_crawl, write_registry
from portal_facts import PORTALS, department_facts
from storage import not_applicable as stored
from storage import overrides as stored_overrides
from storage.db import open_db, sessions
from storage.models import NotApplicable

RUBRICS = load_rubrics()
P1 = RUBRICS["phu-luc-1"]
SO_A, SO_B, XA_C = PORTALS
MONTHS = ("2026-09", "2026-10", "2026-11", "2026-12")
REASON = "Sở không có dự án đầu tư công, đấu thầu, mua sắm công"


def _facts(month: str):
    """so-b: 80 points in Phụ lục 1 except 6.2 (no du-an-dau-tu section): 75, below the default gate of 80."""
    return [(k, d) for k, d in department_facts(SO_B.url, month=month)
            if d.get("key") != "du-an-dau-tu" and d.get("section") != "du-an-dau-tu"]


def _crawl(engine, month: str) -> int:
    y, m = map(int, month.split("-"))
    started = date(y + (m == 12), m % 12 + 1, 5)
    from datetime import datetime
    return store_crawl(engine, {SO_A: ("ok", department_facts(SO_A.url, month=month)), SO_B: ("ok", _facts(month)),
                                XA_C: ("dns_error", [])}, started=datetime.combine(started, datetime.min.time()))


@pytest.fixture
def db(db_url):
    engine = open_db(db_url)
    yield engine
    engine.dispose()


def _file(tmp_path, text, name="khong-ap-dung.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD = f"""\
author: Nguyễn Thị Lan
declarations:
  - portal: so-b
    code: "6.2"
    reason: {REASON}
    valid_from: 2026-09
  - portal: xa-c
    code: 3
    reason: Xã không có đài truyền thanh
    valid_from: 2026-10
    valid_to: 2026-12
    author: Trần Văn Minh
"""


def _declare(engine, valid_from=date(2026, 9, 1), valid_to=None, code="6.2", reason=REASON):
    with sessions(engine).begin() as s:
        return stored.record(s, Declaration("so-b", code, reason, "Nguyễn Thị Lan", valid_from, valid_to), SO_B)


def _crit(entry, code):
    return next(c for c in entry["criteria"] if c["code"] == code)


# --- the file ---

def test_load_declarations_file(tmp_path):
    got = load_file(_file(tmp_path, GOOD), PORTALS, RUBRICS)
    assert [(d.portal_id, d.code, d.author, d.valid_from, d.valid_to) for d in got] == [
        ("so-b", "6.2", "Nguyễn Thị Lan", date(2026, 9, 1), None),
        ("xa-c", "3", "Trần Văn Minh", date(2026, 10, 1), date(2026, 12, 31))]
    assert got[0].covers(Period.month("2026-09")) and got[0].covers(Period.month("2031-01"))
    assert not got[0].covers(Period.month("2026-08"))
    assert got[1].covers(Period.month("2026-12")) and not got[1].covers(Period.month("2027-01"))
    # A quarter half inside the declared months is not covered.
    assert not got[1].covers(Period.parse(None, "2026-09-01", "2026-11-30"))


@pytest.mark.parametrize("edit, line, field", [
    (("portal: so-b", "portal: so-z"), 3, "portal"),
    (('code: "6.2"', 'code: "6.9"'), 4, "code"),
    (("valid_from: 2026-09", "valid_from: 2026-13"), 6, "valid_from"),
    (("valid_from: 2026-09", "valid_from: tháng chín"), 6, "valid_from"),
    (("    valid_from: 2026-09\n", ""), 3, "valid_from"),  # missing: the entry's own line
    (("valid_to: 2026-12", "valid_to: 2026-09"), 11, "valid_to"),  # before valid_from 2026-10
    ((f"reason: {REASON}", 'reason: "  "'), 5, "reason"),
    (("    author: Trần Văn Minh\n", "    author: Trần Văn Minh\n    points: 3\n"), 13, "points"),
    (("author: Nguyễn Thị Lan\n", ""), 2, "author"),  # no default author: the first entry (now line 2) has none
    (("  - portal: xa-c\n    code: 3", "  - portal: so-b\n    code: 6.2"), 8, "code"),  # duplicate of entry 1
])
def test_bad_files_name_file_line_and_field(tmp_path, edit, line, field):
    p = _file(tmp_path, GOOD.replace(*edit))
    with pytest.raises(ConfigError) as exc:
        load_file(p, PORTALS, RUBRICS)
    msg = str(exc.value)
    assert "\n" not in msg and msg.startswith(f"{p}:{line}: trường {field}: "), msg


def test_bad_file_shapes(tmp_path):
    with pytest.raises(ConfigError, match=r"khong-ap-dung.yaml:1: trường declarations: cần danh sách"):
        load_file(_file(tmp_path, "declarations: []\n"), PORTALS, RUBRICS)
    with pytest.raises(ConfigError, match=r"khong-ap-dung.yaml:1: trường period: khóa lạ"):
        load_file(_file(tmp_path, "period: 2026-10\ndeclarations: []\n"), PORTALS, RUBRICS)


# --- three periods, then withdrawn ---

def test_declared_once_applies_to_three_periods_then_withdrawn(db):
    runs = {m: _crawl(db, m) for m in MONTHS}
    assert _declare(db) == "added"
    assert _declare(db) == "unchanged"  # importing the same declaration again adds no history
    docs = {}
    for m in MONTHS[:3]:
        docs[m] = score_period(db, PORTALS, RUBRICS, Period.month(m), run_id=runs[m], generated_at="x")
        b = docs[m]["portals"][1]
        assert validate_results(docs[m]) == []
        c = _crit(b, "6.2")
        assert (c["points"], c["state"]) == (5, "not_applicable")
        assert c["summary"] == (f"Không áp dụng: {REASON} (tuyên bố của Nguyễn Thị Lan, áp dụng từ kỳ 09/2026 cho "
                                f"đến khi rút lại)")
        assert {k: v for k, v in c["not_applicable"].items() if k != "at"} == {
            "reason": REASON, "author": "Nguyễn Thị Lan", "valid_from": "2026-09", "valid_to": None,
            "points_auto": 0, "state_auto": "missing"}
        assert (b["score"], b["status"]) == (80, "pass")  # 75 automatic + the 5 points of 6.2
        assert not any("not_applicable" in x for x in docs[m]["portals"][0]["criteria"])
    assert docs["2026-10"]["portals"][1]["diff"]["lost"] == []  # not_applicable both months: no change

    with sessions(db).begin() as s:
        row = stored.withdraw(s, "so-b", "6.2", date(2026, 12, 1), "Sở được giao quản lý dự án từ tháng 12",
                              "Trần Văn Minh")
        assert row is not None
    with sessions(db).begin() as s:  # nothing left to withdraw from December on
        assert stored.withdraw(s, "so-b", "6.2", date(2026, 12, 1), "x", "y") is None

    dec = score_period(db, PORTALS, RUBRICS, Period.month("2026-12"), run_id=runs["2026-12"], generated_at="x")
    b = dec["portals"][1]
    c = _crit(b, "6.2")
    assert (c["points"], c["state"], "not_applicable" in c) == (0, "missing", False)
    assert (b["score"], b["status"]) == (75, "fail")
    assert b["diff"]["lost"] == ["6.2"] and b["diff"]["new_missing"] == ["6.2"]
    # Re-scoring an earlier period after the withdrawal gives the same points: the declaration held then; its
    # record now says until when.
    again = score_period(db, PORTALS, RUBRICS, Period.month("2026-10"), run_id=runs["2026-10"], generated_at="x")
    c = _crit(again["portals"][1], "6.2")
    assert (c["points"], c["state"], c["not_applicable"]["valid_to"]) == (5, "not_applicable", "2026-11")
    assert again["portals"][1]["score"] == 80 and c["summary"].endswith("áp dụng từ kỳ 09/2026 đến kỳ 11/2026)")
    with sessions(db)() as s:
        rows = s.scalars(select(NotApplicable)).all()
        assert len(rows) == 1  # nothing deleted, nothing re-entered
        r = rows[0]
        assert (r.valid_from, r.withdrawn_from, r.withdrawn_by) == (date(2026, 9, 1), date(2026, 12, 1),
                                                                      "Trần Văn Minh")
        assert stored.active(s, Period.month("2026-11"))["so-b"]["6.2"].valid_to == date(2026, 11, 30)
        assert stored.active(s, Period.month("2026-12")) == {}


def test_changed_declaration_supersedes_and_overlap_is_refused(db):
    _crawl(db, "2026-10")
    assert _declare(db) == "added"
    assert _declare(db, reason="Lý do đã sửa") == "replaced"
    with sessions(db)() as s:
        rows = s.scalars(select(NotApplicable).order_by(NotApplicable.id)).all()
        assert [(r.reason, r.superseded_at is not None) for r in rows] == [(REASON, True), ("Lý do đã sửa", False)]
        assert len(stored.listing(s)) == 1 and len(stored.listing(s, with_history=True)) == 2
    with pytest.raises(ConfigError, match="trùng thời gian với tuyên bố không áp dụng từ kỳ 09/2026"):
        _declare(db, valid_from=date(2027, 1, 1))
    with sessions(db).begin() as s:
        stored.withdraw(s, "so-b", "6.2", date(2027, 1, 1), "Có nhiệm vụ mới", "Minh")
    assert _declare(db, valid_from=date(2027, 6, 1)) == "added"  # after the withdrawal: no overlap


def test_override_for_the_period_wins_and_unreachable_stays_unreachable(db):
    run = _crawl(db, "2026-10")
    _declare(db)
    with sessions(db).begin() as s:
        stored.record(s, Declaration("xa-c", "3", "Xã không có đài", "Lan", date(2026, 9, 1), None), XA_C)
        stored_overrides.record(s, make_override(SO_B, P1, Period.month("2026-10"), "6.2", 0, None,
                                                 "Sở có dự án, đăng ở nơi khác", "Minh", _fail), SO_B)
    doc = score_period(db, PORTALS, RUBRICS, Period.month("2026-10"), run_id=run, generated_at="x")
    assert validate_results(doc) == []
    c = _crit(doc["portals"][1], "6.2")
    assert (c["points"], c["state"], c["override"]["reason"], "not_applicable" in c) == (
        0, "missing", "Sở có dự án, đăng ở nơi khác", False)
    xa = doc["portals"][2]
    assert xa["status"] == "unreachable" and xa["score"] is None
    assert all(x["state"] == "not_evaluable" and "not_applicable" not in x for x in xa["criteria"])


def _fail(field, msg):
    raise ConfigError(f"--{field}: {msg}")


# --- outputs ---

def _scored(db, gates=None):
    run = _crawl(db, "2026-10")
    _declare(db)
    _declare(db, code="8", reason="Sở không tiếp nhận phản ánh, kiến nghị trực tiếp")
    config = load_config() if gates is None else dataclasses.replace(load_config(), gates=gates)
    with sessions(db)() as s:
        declared = stored.active(s, Period.month("2026-10"))
        result, _ = score_one(s, SO_B, RUBRICS, Period.month("2026-10"), run, PORTALS, config, {},
                              declared["so-b"])
    return result, run


def test_gates_never_fail_a_declared_criterion(db):
    gates = Gates(min_total=80, criteria={"6.2": {"min_points": 5, "level": "error"},
                                          "8": {"min_state": "met", "level": "error"}})
    result, _ = _scored(db, gates)
    verdicts = {v.code: v for v in result.gates}
    assert verdicts["6.2"].passed is True and verdicts["8"].passed is True
    assert "không áp dụng" in verdicts["6.2"].message
    assert result.status == "pass"


def test_junit_skips_the_declared_criterion_with_its_reason(db):
    result, _ = _scored(db)
    root = junit([Checked(SO_B, result)])
    cases = {c.get("name").split(" ")[0]: c for c in root.iter("testcase")}
    skipped = cases["6.2"].find("skipped")
    assert skipped is not None and skipped.get("message").startswith(f"Không áp dụng: {REASON} (")
    assert cases["2"].find("skipped") is None
    suite = root.find("testsuite")
    assert suite.get("skipped") == "2" and suite.get("failures") == "0"
    ET.fromstring(ET.tostring(root))


def test_report_and_form_show_the_declaration_and_legal_refs(db, tmp_path):
    from audit.cli import write_machine_outputs
    run = _crawl(db, "2026-10")
    _declare(db)
    _declare(db, code="8", reason="Sở không tiếp nhận phản ánh, kiến nghị trực tiếp")
    sink = []
    doc = score_period(db, PORTALS, RUBRICS, Period.month("2026-10"), run_id=run, generated_at="2026-11-06T00:00:00",
                       sink=sink)
    out = tmp_path / "r"
    out.mkdir()
    write_machine_outputs(doc, sink, out)
    render_report(doc, out)
    page = (out / "portals" / "so-b.html").read_text(encoding="utf-8")
    section = page.split('id="khong-ap-dung"')[1].split("</section>")[0]
    assert REASON in section and "Nguyễn Thị Lan" in section and "từ kỳ 09/2026, cho đến khi rút lại" in section
    assert "0/5 — Thiếu" in section
    assert 'class="crit crit-not_applicable"' in page and "Không áp dụng</span>" in page
    # Decided, not doubtful: neither a fix to make nor a criterion to review.
    assert "Tiêu chí cần xem xét thêm" not in page and 'href="#tc-6-2"><span class="code">6.2' not in page.split(
        'id="h-fix"')[1].split("</section>")[0]
    row = page.split('id="tc-6-2"')[1].split("</tbody>")[0]
    assert "Căn cứ: QĐ 96/QĐ-UBND Điều 8 khoản 1 điểm g" in row and "5/5" in row
    # A criterion whose rubric entry has legal_ref: null shows no legal basis, and never "None".
    assert P1.criterion("12.1").legal_ref is None
    assert "Căn cứ" not in page.split('id="tc-12-1"')[1].split("</tbody>")[0] and "None" not in page
    assert 'id="khong-ap-dung"' not in (out / "portals" / "so-a.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "không áp dụng</span>" in index.split('data-id="so-b"')[1].split("</tr>")[0]
    assert "không áp dụng</span>" not in index.split('data-id="so-a"')[1].split("</tr>")[0]
    assert 'class="hm a"' in index  # its own legend entry and colour
    # The heat map's share of portals meeting 6.2 leaves out the one with nothing to meet.
    assert "/1 cổng đạt đủ (1 cổng không áp dụng, không tính)" in index  # of 2 portals, 1 counted
    # The QĐ 96 form: the row the criterion covers, and the PAKN part, say why.
    form = next(s.form for s in sink if s.portal.id == "so-b")
    projects = next(r for r in form["rows"] if r["stt"] == "7")
    assert projects["note"].startswith(f"Không áp dụng: {REASON}")
    assert projects["legal_ref"] == "QĐ 96/QĐ-UBND Điều 8 khoản 1 điểm g"
    assert form["pakn_note"] == "Không áp dụng: Sở không tiếp nhận phản ánh, kiến nghị trực tiếp"
    assert not next(r for r in next(s.form for s in sink if s.portal.id == "so-a")["rows"] if r["stt"] == "7")[
        "note"].startswith("Không áp dụng")
    html = (out / "bao-cao-qd96" / "so-b.html").read_text(encoding="utf-8")
    assert f"Không áp dụng: {REASON}" in html and "Căn cứ: QĐ 96/QĐ-UBND Điều 8 khoản 1 điểm g" in html
    assert "Không áp dụng: Sở không tiếp nhận phản ánh" in html
    from openpyxl import load_workbook
    ws = load_workbook(out / "bao-cao-qd96.xlsx")["so-b"]
    notes = {r[0]: r[5] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert notes["7"].startswith(f"Không áp dụng: {REASON}") and "Căn cứ: QĐ 96/QĐ-UBND Điều 8 khoản 1 điểm g" in notes["7"]


def test_results_carry_legal_ref_of_the_rubric_and_validation_checks_the_records(db):
    run = _crawl(db, "2026-10")
    _declare(db)
    doc = score_period(db, PORTALS, RUBRICS, Period.month("2026-10"), run_id=run, generated_at="x")
    assert validate_results(doc) == []
    for entry in doc["portals"]:  # reachable or not
        rubric = RUBRICS[entry["rubric"]]
        assert [(c["code"], c["legal_ref"]) for c in entry["criteria"]] == [
            (c.code, c.legal_ref) for c in rubric.criteria]
    assert any(c["legal_ref"] is None for c in doc["portals"][0]["criteria"])
    c = _crit(doc["portals"][1], "6.2")
    c["not_applicable"]["valid_from"] = "2026-9"
    assert any("not_applicable.valid_from: not YYYY-MM" in e for e in validate_results(doc))
    c["not_applicable"]["valid_from"] = "2026-09"
    c["points"] = 0
    assert any("not_applicable but points < max_points" in e for e in validate_results(doc))
    c["points"] = 5
    del c["not_applicable"]
    assert any("not_applicable without a declaration" in e for e in validate_results(doc))
    del c["legal_ref"]
    assert any("keys must be" in e for e in validate_results(doc))
    _crit(doc["portals"][0], "2")["legal_ref"] = ""
    assert any("legal_ref: not a non-empty string or null" in e for e in validate_results(doc))


# --- the command ---

def test_cli_file_list_withdraw_and_score(cli, tmp_path, db):
    _crawl(db, "2026-10")
    reg = write_registry(tmp_path / "reg.csv", PORTALS)
    url = str(db.url)
    bad = _file(tmp_path, GOOD.replace("valid_from: 2026-09", "valid_from: 2026-13"), "bad.yaml")
    code, out, err = cli("not-applicable", "--file", bad, "--registry", reg, "--db", url)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert err.startswith(f"portal-audit: lỗi: {bad}:6: trường valid_from: '2026-13' không hợp lệ"), err
    good = _file(tmp_path, GOOD)
    code, out, err = cli("not-applicable", "--file", good, "--registry", reg, "--db", url)
    assert code == 0 and "2 mới, 0 thay thế tuyên bố trước, 0 không đổi" in out, err
    code, out, err = cli("not-applicable", "--file", good, "--registry", reg, "--db", url)
    assert code == 0 and "0 mới, 0 thay thế tuyên bố trước, 2 không đổi" in out, err
    code, out, err = cli("not-applicable", "--list", "--db", url)
    assert code == 0 and len(out.strip().splitlines()) == 2
    assert f"so-b · tiêu chí 6.2: không áp dụng từ kỳ 09/2026 cho đến khi rút lại — {REASON} — Nguyễn Thị Lan" in out
    code, out, err = cli("score", "--registry", reg, "--db", url, "--period", "2026-10", "--out", tmp_path / "r")
    assert code == 3, err  # so-b passes with 6.2 declared; xa-c unreachable
    doc = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    assert validate_results(doc) == [] and _crit(doc["portals"][1], "6.2")["state"] == "not_applicable"
    junit_xml = (tmp_path / "r" / "junit.xml").read_text(encoding="utf-8")
    assert f'<skipped message="Không áp dụng: {REASON}' in junit_xml
    code, out, err = cli("not-applicable", "--withdraw", "--db", url, "--portal", "so-b", "--code", "6.2",
                         "--period", "2026-10", "--reason", "Sở có dự án từ tháng 10", "--author", "Minh")
    assert code == 0 and "Đã rút lại" in out and "các kỳ từ 09/2026 đến trước 10/2026 vẫn áp dụng" in out, err
    code, out, err = cli("not-applicable", "--list", "--all", "--db", url, "--portal", "so-b")
    assert code == 0 and "[rút lại từ kỳ 10/2026: Sở có dự án từ tháng 10 — Minh" in out
    code, out, err = cli("score", "--registry", reg, "--db", url, "--period", "2026-10", "--out", tmp_path / "r")
    assert code == 1  # so-b fails again: 75 < 80
    for args, text in [
        (("--withdraw", "--portal", "so-b", "--code", "6.2", "--period", "2026-10", "--reason", "x", "--author", "y"),
         "không có tuyên bố không áp dụng nào còn hiệu lực từ kỳ 10/2026"),
        (("--withdraw", "--portal", "so-b", "--code", "6.2", "--period", "10/2026", "--reason", "x", "--author", "y"),
         "--period: '10/2026' không hợp lệ"),
        (("--withdraw", "--portal", "so-b", "--code", "6.2", "--period", "2026-11", "--author", "y"),
         "--reason: cần chuỗi không rỗng"),
        (("--file", good, "--portal", "so-b"), "--portal: không dùng cùng --file"),
        (("--all",), "--all chỉ dùng với --list"),
        ((), "cần một trong --file, --list, --withdraw"),
    ]:
        code, out, err = cli("not-applicable", "--db", url, "--registry", reg, *args)
        assert code == 2 and len(err.strip().splitlines()) == 1 and text in err, (args, err)


def test_the_farm_declarations_file_is_one_portal_audit_reads_and_the_demo_records(tmp_path, db):
    from audit.demo import record_declarations
    from audit.registry import BUNDLED, load_registry
    from farm.declarations import write_declarations
    registry = load_registry(BUNDLED, set(RUBRICS))
    path = write_declarations(tmp_path / "farm-declarations.yaml")
    got = load_file(path, registry, RUBRICS)
    assert [(d.portal_id, d.code, d.valid_from, d.valid_to) for d in got] == [
        ("xa-tam-tien", "3", date(2020, 1, 1), None)]
    assert record_declarations(db, path, registry, RUBRICS) == ("Ghi nhận 1 tuyên bố không áp dụng của trang trại "
                                                                "(farm-declarations.yaml).")
    with sessions(db)() as s:
        assert [(r.portal_id, r.code) for r in stored.listing(s)] == [("xa-tam-tien", "3")]
