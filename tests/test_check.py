"""`portal-audit check`: gates on a stored period, exit codes, check.json and a valid JUnit XML (real CLI, real
SQLite database of stored facts, no network)."""
import json
import xml.etree.ElementTree as ET

import pytest
from lxml import etree

from audit.engine import score_period
from audit.period import Period
from audit.rubric import load_rubrics
from conftest import store_crawl, write_registry
from portal_facts import PORTALS, department_facts
from storage.db import open_db

OCT = Period.month("2026-10")
SO_A, SO_B, XA_C = PORTALS
P1_CRITERIA = len(load_rubrics()["phu-luc-1"].criteria)
P2_CRITERIA = len(load_rubrics()["phu-luc-2"].criteria)

# The shape of the JUnit XML that Jenkins, GitLab and most CI servers read (after the Jenkins junit-10 schema): the
# counters are required on every suite, and a test case holds at most one skipped, then errors, then failures.
JUNIT_XSD = b"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="result" mixed="true">
    <xs:attribute name="message" type="xs:string"/>
    <xs:attribute name="type" type="xs:string"/>
  </xs:complexType>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence><xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
      <xs:attribute name="time" type="xs:decimal"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="properties" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="name" type="xs:string" use="required"/>
                <xs:attribute name="value" type="xs:string" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="skipped" type="result" minOccurs="0"/>
              <xs:element name="error" type="result" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="failure" type="result" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="system-out" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="system-err" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="classname" type="xs:string" use="required"/>
            <xs:attribute name="time" type="xs:decimal"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="system-out" type="xs:string" minOccurs="0"/>
        <xs:element name="system-err" type="xs:string" minOccurs="0"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
      <xs:attribute name="time" type="xs:decimal"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


@pytest.fixture
def world(tmp_path, db_url):
    """so-a scores 80 (passes the default gate), so-b 73 (fails), xa-c is unreachable; all scored for 2026-10."""
    db = db_url
    engine = open_db(db)
    store_crawl(engine, {SO_A: ("ok", department_facts(SO_A.url)), SO_B: ("ok", department_facts(SO_B.url, news=4)),
                         XA_C: ("dns_error", [])})
    score_period(engine, PORTALS, load_rubrics(), OCT)
    return {"db": db, "registry": write_registry(tmp_path / "reg.csv", PORTALS), "tmp": tmp_path}


def _check(cli, world, *extra, out="check"):
    code, stdout, stderr = cli("check", "--registry", world["registry"], "--db", world["db"], "--period", "2026-10",
                               "--out", world["tmp"] / out, *extra)
    return code, stdout, stderr, world["tmp"] / out


def _gates(world, text):
    p = world["tmp"] / "gates.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def _validate_junit(path):
    """Parses with xml.etree, validates against the schema, and checks every counter is the count it claims."""
    root = ET.parse(path).getroot()
    schema = etree.XMLSchema(etree.fromstring(JUNIT_XSD))
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        counted = {"tests": len(cases), "failures": sum(c.find("failure") is not None for c in cases),
                   "errors": sum(c.find("error") is not None for c in cases),
                   "skipped": sum(c.find("skipped") is not None for c in cases)}
        assert {k: int(suite.get(k)) for k in counted} == counted, suite.get("name")
        assert all(c.get("classname") == suite.get("name") for c in cases)
        for k in totals:
            totals[k] += counted[k]
    assert {k: int(root.get(k)) for k in totals} == totals
    return root


def test_exit_1_when_a_portal_fails_and_junit_is_valid(cli, world):
    code, out, err, d = _check(cli, world)
    assert code == 1, err
    assert out.splitlines()[0] == ("Kiểm tra ngưỡng đạt kỳ 01/10/2026 – 31/10/2026: 3 cổng — đạt 1, không đạt 1, "
                                   "không truy cập được 1; 0 cảnh báo")
    assert "✗ so-b (Sở B): Tổng điểm 73/100 thấp hơn mức tối thiểu 80" in out
    root = _validate_junit(d / "junit.xml")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["so-a", "so-b", "xa-c"]
    assert suites["so-a"].get("tests") == str(P1_CRITERIA + 1) and suites["so-a"].get("failures") == "0"
    total_b = suites["so-b"].find("testcase[@name='Tổng điểm']")
    assert total_b.find("failure").get("message") == "Tổng điểm 73/100 thấp hơn mức tối thiểu 80"
    xa = suites["xa-c"]
    assert (xa.get("tests"), xa.get("skipped"), xa.get("errors")) == (str(P2_CRITERIA + 1), str(P2_CRITERIA), "1")
    news = suites["so-a"].find("testcase[@name='2 Tin tức, sự kiện (Các tin, bài viết về các hoạt động, nội dung "
                               "liên quan thuộc phạm vi quản lý nhà nước của cơ quan, đơn vị)']")
    assert news is not None and news.get("classname") == "so-a"
    doc = json.loads((d / "check.json").read_text(encoding="utf-8"))
    assert doc["summary"] == {"pass": 1, "fail": 1, "unreachable": 1, "warnings": 0}
    b = next(p for p in doc["portals"] if p["id"] == "so-b")
    assert (b["status"], b["score"]) == ("fail", 73)
    assert b["failed"] == [{"assertion": "min_total", "code": None, "level": "error", "expected": 80, "actual": 73,
                            "message": "Tổng điểm 73/100 thấp hơn mức tối thiểu 80"}]


def test_exit_3_when_none_fails_but_one_is_unreachable(cli, world):
    code, out, err, d = _check(cli, world, "--portal", "so-a", "--portal", "xa-c")
    assert code == 3, err
    assert [p["id"] for p in json.loads((d / "check.json").read_text(encoding="utf-8"))["portals"]] == ["so-a", "xa-c"]


def test_exit_0_and_warnings_go_to_system_out(cli, world):
    gates = _gates(world, 'min_total: 70\ncriteria:\n  "2": {min_points: 10, level: warn}\n')
    code, out, err, d = _check(cli, world, "--portal", "so-a", "--portal", "so-b", "--gates", gates)
    assert code == 0, err
    assert "đạt 2, không đạt 0, không truy cập được 0; 1 cảnh báo" in out
    root = _validate_junit(d / "junit.xml")
    news_b = [c for c in root.iter("testcase") if c.get("classname") == "so-b" and c.get("name").startswith("2 ")]
    assert news_b[0].find("failure") is None
    assert news_b[0].find("system-out").text == "Cảnh báo: Tiêu chí 2: 3/10 điểm, thấp hơn mức tối thiểu 10"
    doc = json.loads((d / "check.json").read_text(encoding="utf-8"))
    assert doc["portals"][1]["failed"][0]["level"] == "warn" and doc["portals"][1]["status"] == "pass"


def test_error_level_criterion_assertion_fails_the_portal(cli, world):
    gates = _gates(world, 'min_total: 0\nmatrix:\n  - match: {id: so-a}\n    assertions:\n      criteria:\n'
                          '        "13": {min_state: partial}\n')
    code, out, err, d = _check(cli, world, "--portal", "so-a", "--portal", "so-b", "--gates", gates)
    assert code == 1
    root = _validate_junit(d / "junit.xml")
    failing = [(c.get("classname"), c.get("name").split()[0]) for c in root.iter("testcase")
               if c.find("failure") is not None]
    assert failing == [("so-a", "13")]


def test_check_is_deterministic_and_reads_overrides(cli, world):
    code, out, err, d1 = _check(cli, world, out="c1")
    code, out, err, d2 = _check(cli, world, out="c2")
    assert (d1 / "junit.xml").read_bytes() == (d2 / "junit.xml").read_bytes()
    assert (d1 / "check.json").read_bytes() == (d2 / "check.json").read_bytes()
    code, out, err = cli("override", "--registry", world["registry"], "--db", world["db"], "--period", "2026-10",
                         "--portal", "so-b", "--code", "2", "--points", "10", "--reason", "Có 10 tin", "--author", "Lan")
    assert code == 0, err
    code, out, err, d = _check(cli, world, "--portal", "so-a", "--portal", "so-b")
    assert code == 0, out + err


def test_usage_errors_exit_2(cli, world):
    code, out, err = cli("check", "--registry", world["registry"], "--db", world["db"], "--period", "2026-09",
                         "--out", world["tmp"] / "x")
    assert code == 2 and err.count("\n") == 1 and "chưa có kết quả kỳ 01/09/2026 – 30/09/2026" in err
    assert not (world["tmp"] / "x").exists()
    code, out, err, d = _check(cli, world, "--portal", "so-z")
    assert code == 2 and "--portal so-z: không có trong registry" in err
    bad = _gates(world, "min_total: eighty\n")
    code, out, err, d = _check(cli, world, "--gates", bad)
    assert code == 2 and f"{bad}:1: trường min_total" in err and not d.exists()


def test_report_lists_gate_failures_with_their_level(cli, world):
    gates = _gates(world, 'min_total: 75\ncriteria:\n  "2": {min_points: 10, level: warn}\n')
    code, out, err = cli("score", "--registry", world["registry"], "--db", world["db"], "--period", "2026-10",
                         "--gates", gates, "--out", world["tmp"] / "r")
    assert code == 1, err  # so-b: 73 < 75
    results = json.loads((world["tmp"] / "r" / "results.json").read_text(encoding="utf-8"))
    b = results["portals"][1]
    assert [(g["level"], g["code"]) for g in b["gate_failures"]] == [("error", None), ("warn", "2")]
    page = (world["tmp"] / "r" / "portals" / "so-b.html").read_text(encoding="utf-8")
    section = page.split('id="nguong-dat"')[1].split("</section>")[0]
    assert '<span class="gate gate-error">Lỗi</span> Tổng điểm 73/100 thấp hơn mức tối thiểu 75' in section
    assert '<span class="gate gate-warn">Cảnh báo</span> Tiêu chí 2: 3/10 điểm, thấp hơn mức tối thiểu 10' in section
    assert 'id="nguong-dat"' not in (world["tmp"] / "r" / "portals" / "so-a.html").read_text(encoding="utf-8")
