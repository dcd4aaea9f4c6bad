import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from audit.errors import ConfigError
from audit.registry import DEFAULT_RUBRIC
from audit.rubric import RUBRICS_DIR, load_rubric, load_rubrics

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / ".." / "shared" / "seeds"
PLAN = SEEDS / "001_d85a43f6cdbf8310.txt"  # Kế hoạch 65/KH-UBND
QD96 = SEEDS / "002_d14f62eede332c4c.txt"  # Quyết định 96/QĐ-UBND


def _seed_lines(path: Path) -> list[str]:
    if not path.is_file():
        pytest.skip(f"seed {path.name} not found beside the repo ({path.parent})")
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).splitlines()


def _parse_table(lines: list[str]) -> dict[str, dict]:
    """Rows 'code | title | points | update |' followed by tier rows '| label | points |'."""
    rows, cur = {}, None
    for line in lines:
        m = re.match(r"^(\d+(?:\.\d+)?) \| (.*?) \| (\d+) \|(?: (.*) \|)?\s*$", line)
        if m:
            cur = {"title": m.group(2), "points": int(m.group(3)), "update": m.group(4), "tiers": []}
            rows[m.group(1)] = cur
            continue
        m = re.match(r"^\| (.*) \| (\d+) \|$", line)
        if m and cur is not None:
            cur["tiers"].append((m.group(1), int(m.group(2))))
    return rows


@pytest.fixture(scope="module")
def plan_tables():
    lines = _seed_lines(PLAN)
    start = next(i for i, l in enumerate(lines) if l.startswith("PHỤ LỤC 1"))
    mid = next(i for i, l in enumerate(lines) if l.startswith("PHỤ LỤC 2"))
    end = next(i for i, l in enumerate(lines) if i > mid and l.startswith("Kế hoạch 65/KH-UBND năm 2025"))
    return {"phu-luc-1": _parse_table(lines[start:mid]), "phu-luc-2": _parse_table(lines[mid:end])}


@pytest.fixture(scope="module")
def rubrics():
    return load_rubrics()


def test_bundled_rubrics(rubrics):
    assert sorted(rubrics) == ["phu-luc-1", "phu-luc-2", "province"]
    for kind, rid in DEFAULT_RUBRIC.items():
        assert kind in rubrics[rid].applies_to


@pytest.mark.parametrize("rid", ["phu-luc-1", "phu-luc-2", "province"])
def test_rubric_sums_to_100(rubrics, rid):
    r = rubrics[rid]
    assert r.total == 100 and sum(c.max_points for c in r.criteria) == 100
    for g in r.groups:
        assert g.points == sum(c.max_points for c in r.criteria if c.group == g.code)


@pytest.mark.parametrize("rid", ["phu-luc-1", "phu-luc-2"])
def test_titles_points_tiers_updates_match_the_plan(rubrics, plan_tables, rid):
    table, r = plan_tables[rid], rubrics[rid]
    ours = {c.code: c for c in r.criteria}
    groups = {g.code: g for g in r.groups}
    assert set(ours) | set(groups) == set(table), "every row of the plan is a criterion or a group"
    for code, row in table.items():
        if code in groups:
            g = groups[code]
            assert (g.title, g.points, g.update) == (row["title"], row["points"], row["update"]), code
            continue
        c = ours[code]
        assert c.title == row["title"], code
        assert c.max_points == row["points"], code
        assert c.update == row["update"], code
        assert [(t.label, t.points) for t in c.tiers] == row["tiers"], code
    assert [c.code for c in r.criteria] == [k for k in table if k not in groups], "rubric order is the plan's order"


@pytest.mark.parametrize("rid", ["phu-luc-1", "phu-luc-2", "province"])
def test_deadline_is_the_first_number_of_working_days_in_the_update_text(rubrics, rid):
    for c in rubrics[rid].criteria:
        m = re.search(r"không quá (\d+) (?:\([^)]*\) )?ngày làm việc", c.update or "")
        if c.code == "8.2bc":  # two deadlines (15 and 8): deliberately null
            assert c.deadline_working_days is None
            continue
        assert c.deadline_working_days == (int(m.group(1)) if m else None), c.code


def _articles(lines: list[str], first: int, last: int) -> str:
    start = next(i for i, l in enumerate(lines) if l.startswith(f"Điều {first}."))
    end = next(i for i, l in enumerate(lines) if l.startswith(f"Điều {last + 1}."))
    return " ".join(lines[start:end]).casefold()


def test_province_titles_are_qd96_headings(rubrics):
    """Điều 8 items keep their headings; the Điều 9 and Điều 13 criteria quote their article."""
    lines = _seed_lines(QD96)
    texts = {"8": _articles(lines, 8, 8), "9": _articles(lines, 9, 9), "13": _articles(lines, 13, 13)}
    for c in rubrics["province"].criteria:
        article = re.match(r"QĐ 96/QĐ-UBND Điều (\d+) khoản", c.legal_ref or "")
        assert article and article.group(1) in texts, c.code
        for part in c.title.split("; "):
            assert part.casefold() in texts[article.group(1)], (c.code, part)


def test_province_has_every_duty_of_article_8_khoan_2_and_articles_9_13(rubrics):
    refs = " | ".join(c.legal_ref for c in rubrics["province"].criteria)
    for point in ("khoản 2 điểm a", "khoản 2 điểm b, c", "khoản 2 điểm d", "khoản 2 điểm đ", "Điều 9 khoản 1",
                  "Điều 13 khoản 1 điểm c"):
        assert point in refs, point
    rules = {c.code: c.rule_type for c in rubrics["province"].criteria}
    assert rules["9.1"] == "component_links" and rules["13"] == "pakn" and rules["8.1a"] == "elements"


def test_province_source_says_weights_are_the_projects(rubrics):
    assert "trọng số do dự án đặt" in rubrics["province"].source


def test_all_text_is_nfc(rubrics):
    for r in rubrics.values():
        for c in r.criteria:
            for s in (c.title, c.update, c.legal_ref, *(t.label for t in c.tiers)):
                assert s is None or unicodedata.is_normalized("NFC", s)


# --- loader errors: one line naming file and criterion ---

def _write(tmp_path, doc: dict, name="thu.yaml") -> Path:
    p = tmp_path / name
    p.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def _small(**over) -> dict:
    doc = {
        "id": "thu", "title": "Thử", "source": "Thử nghiệm", "applies_to": ["commune"], "total": 10, "groups": [],
        "criteria": [
            {"code": "1", "title": "Tin tức", "max_points": 6,
             "tiers": [{"label": "Nhiều", "points": 6}, {"label": "Ít", "points": 2}, {"label": "Không", "points": 0}],
             "update": None, "deadline_working_days": None, "legal_ref": None,
             "rule": {"type": "count_in_period", "section": "tin-tuc", "thresholds": [[3, 6], [1, 2]]}},
            {"code": "2", "title": "Hỏi đáp", "max_points": 4,
             "tiers": [{"label": "Có", "points": 4}, {"label": "Không", "points": 0}],
             "rule": {"type": "section_found", "section": "hoi-dap"}},
        ]}
    doc.update(over)
    return doc


def test_small_rubric_from_another_province_loads_without_code(tmp_path):
    _write(tmp_path, _small())
    r = load_rubrics(tmp_path)["thu"]
    assert [c.code for c in r.criteria] == ["1", "2"] and r.max_score == 10
    assert r.criterion("1").params == {"section": "tin-tuc", "thresholds": [[3, 6], [1, 2]]}


def _crit_error(tmp_path, code: str, **rule_or_fields) -> str:
    doc = _small()
    crit = next(c for c in doc["criteria"] if c["code"] == code)
    crit.update(rule_or_fields)
    p = _write(tmp_path, doc)
    with pytest.raises(ConfigError) as exc:
        load_rubric(p)
    msg = str(exc.value)
    assert str(p) in msg and f"tiêu chí {code}:" in msg and "\n" not in msg
    return msg


def test_unknown_rule_type(tmp_path):
    assert "rule.type" in _crit_error(tmp_path, "2", rule={"type": "sections_found", "section": "hoi-dap"})


def test_unknown_section_key(tmp_path):
    assert "tin-tuc-moi" in _crit_error(tmp_path, "1", rule={"type": "count_in_period", "section": "tin-tuc-moi",
                                                             "thresholds": [[1, 6]]})


def test_unknown_rule_parameter(tmp_path):
    assert "secton" in _crit_error(tmp_path, "2", rule={"type": "section_found", "secton": "hoi-dap"})


def test_rule_points_must_be_tiers(tmp_path):
    assert "3" in _crit_error(tmp_path, "1", rule={"type": "count_in_period", "section": "tin-tuc",
                                                   "thresholds": [[3, 6], [1, 3]]})


def test_thresholds_must_decrease(tmp_path):
    _crit_error(tmp_path, "1", rule={"type": "count_in_period", "section": "tin-tuc", "thresholds": [[1, 2], [3, 6]]})


def test_top_tier_must_equal_max_points(tmp_path):
    assert "max_points" in _crit_error(tmp_path, "2", max_points=5)


def test_unknown_criterion_key(tmp_path):
    assert "diem" in _crit_error(tmp_path, "2", diem=4)


def test_total_must_match(tmp_path):
    p = _write(tmp_path, _small(total=100))
    with pytest.raises(ConfigError, match="total 100"):
        load_rubric(p)


def test_code_must_be_a_string(tmp_path):
    doc = _small()
    doc["criteria"][1]["code"] = 2
    with pytest.raises(ConfigError, match="ngoặc kép"):
        load_rubric(_write(tmp_path, doc))


def test_duplicate_code(tmp_path):
    doc = _small()
    doc["criteria"][1]["code"] = "1"
    with pytest.raises(ConfigError, match="trùng"):
        load_rubric(_write(tmp_path, doc))


def test_id_must_match_file_name(tmp_path):
    with pytest.raises(ConfigError, match="tên tệp"):
        load_rubric(_write(tmp_path, _small(), name="khac.yaml"))


def test_non_nfc_title_rejected(tmp_path):
    doc = _small()
    doc["criteria"][0]["title"] = unicodedata.normalize("NFD", "Tin tức")
    with pytest.raises(ConfigError, match="NFC"):
        load_rubric(_write(tmp_path, doc))


def test_bundled_files_are_the_ones_loaded():
    assert {p.stem for p in RUBRICS_DIR.glob("*.yaml")} == {"phu-luc-1", "phu-luc-2", "province"}


@pytest.mark.parametrize("rule, words", [
    ({"kinds": ["so"], "thresholds": [[100, 6]]}, "rule.kinds"),
    ({"kinds": ["commune"], "thresholds": [[50, 2], [100, 6]]}, "giảm dần"),
    ({"kinds": ["commune"], "thresholds": [[100, 7]]}, "điểm từ 0 đến 6"),
    ({"kinds": ["commune"], "thresholds": [[100, 6]], "show_missing": 0}, "rule.show_missing"),
    ({"kinds": ["commune"]}, "rule.thresholds"),
])
def test_component_links_parameters_are_checked(tmp_path, rule, words):
    assert words in _crit_error(tmp_path, "1", rule={"type": "component_links", **rule})


def test_component_links_loads(tmp_path):
    doc = _small()
    doc["criteria"][0]["rule"] = {"type": "component_links", "kinds": ["commune", "ward"], "thresholds": [[100, 6],
                                                                                                       [1, 2]]}
    assert load_rubric(_write(tmp_path, doc)).criterion("1").rule_type == "component_links"
