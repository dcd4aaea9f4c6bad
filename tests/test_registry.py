import csv

import pytest

from audit.errors import ConfigError
from audit.registry import BUNDLED, DEFAULT_RUBRIC, load_registry
from tests.conftest import SHARED


def test_bundled_registry_has_all_119_portals():
    portals = load_registry(BUNDLED)
    assert len(portals) == 119
    kinds = [p.kind for p in portals]
    assert kinds.count("province") == 1 and kinds.count("department") == 19
    assert kinds.count("commune") + kinds.count("ward") == 99
    assert all(p.rubric == DEFAULT_RUBRIC[p.kind] for p in portals)
    assert len({p.id for p in portals}) == 119


@pytest.mark.skipif(not (SHARED / "research" / "portals.csv").exists(), reason="shared/research not beside the repo")
def test_bundled_registry_matches_research_names_and_marks_inferred_hosts():
    research = list(csv.DictReader((SHARED / "research" / "portals.csv").open(encoding="utf-8")))
    portals = load_registry(BUNDLED)
    assert [p.name for p in portals] == [r["name_vi"] for r in research]
    for p, r in zip(portals, research):
        host_unsure = not r["host"] or "host unknown" in r["confidence"] or "host+site_path inferred" in r["confidence"]
        if host_unsure:
            assert p.host_confidence == "inferred", p.id


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_bad_kind_names_file_line_and_field(tmp_path):
    p = write(tmp_path, "r.csv", "id,name,kind,url\nxa-a,Xã A,commune,https://a.gov.vn/\nxa-b,Xã B,village,https://b.gov.vn/\n")
    with pytest.raises(ConfigError) as e:
        load_registry(p)
    assert str(e.value).startswith(f"{p}:3: trường kind")


@pytest.mark.parametrize("row,field", [
    ("Xa A,Xã A,commune,https://a.gov.vn/", "id"),
    ("xa-a,,commune,https://a.gov.vn/", "name"),
    ("xa-a,Xã A,commune,ftp://a.gov.vn/", "url"),
    ("xa-a,Xã A,commune,a.gov.vn", "url"),
])
def test_bad_fields(tmp_path, row, field):
    p = write(tmp_path, "r.csv", f"id,name,kind,url\n{row}\n")
    with pytest.raises(ConfigError, match=rf":2: trường {field}"):
        load_registry(p)


def test_duplicate_id_and_unknown_rubric(tmp_path):
    p = write(tmp_path, "r.csv", "id,name,kind,url\na,A,ward,https://a.gov.vn/\na,B,ward,https://b.gov.vn/\n")
    with pytest.raises(ConfigError, match=r":3: trường id: 'a' trùng với dòng 2"):
        load_registry(p)
    q = write(tmp_path, "q.csv", "id,name,kind,url,rubric\na,A,ward,https://a.gov.vn/,phu-luc-9\n")
    with pytest.raises(ConfigError, match=r":2: trường rubric"):
        load_registry(q, {"phu-luc-1", "phu-luc-2", "province"})


def test_yaml_registry_with_line_numbers(tmp_path):
    p = write(tmp_path, "r.yaml", "portals:\n  - id: a\n    name: Phường A\n    kind: ward\n    url: https://a.gov.vn/\n"
                                  "  - id: b\n    name: Sở B\n    kind: agency\n    url: https://b.gov.vn/web/b\n")
    with pytest.raises(ConfigError, match=r"r.yaml:6: trường kind"):
        load_registry(p)
    ok = write(tmp_path, "ok.yaml", "- {id: a, name: Sở A, kind: department, url: 'https://x.gov.vn/web/a'}\n")
    (portal,) = load_registry(ok)
    assert portal.rubric == "phu-luc-1" and portal.url.endswith("/web/a")


def test_missing_file_and_missing_columns(tmp_path):
    with pytest.raises(ConfigError, match="không tìm thấy"):
        load_registry(tmp_path / "nope.csv")
    p = write(tmp_path, "r.csv", "id,name,url\na,A,https://a.gov.vn/\n")
    with pytest.raises(ConfigError, match=r"r.csv:1: thiếu cột kind"):
        load_registry(p)
