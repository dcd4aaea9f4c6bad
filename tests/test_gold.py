"""The page-understanding gate: dates, sections and facts on the Vietnamese gold set must stay above their pinned
floors (tests/gold/floors.yaml). Ours only: the htmldate comparison is the benchmark script's job (it is slow)."""
from pathlib import Path

import pytest
import yaml

from benchmarks.evaluate_understanding import evaluate, load_gold

GOLD = Path(__file__).parent / "gold"
SECTION_KEYS = {"gioi-thieu", "lich-su", "thong-tin-lien-he", "danh-ba", "tin-tuc", "van-ban", "chi-dao-dieu-hanh",
                "thu-tuc-hanh-chinh", "dich-vu-cong", "pho-bien-phap-luat", "chien-luoc-quy-hoach", "du-an-dau-tu",
                "tai-chinh-ngan-sach", "thong-ke", "hoi-dap", "lay-y-kien", "lich-cong-tac", "khen-thuong-xu-phat",
                "tiep-can-thong-tin", "tin-phat-thanh", "tim-kiem", "khac"}


@pytest.fixture(scope="module")
def result():
    return evaluate(include_htmldate=False)


def test_gold_set_covers_every_section_and_is_small():
    entries = load_gold()
    assert len(entries) >= 300
    assert {e["section"] for e in entries} == SECTION_KEYS
    assert all((GOLD / e["file"]).is_file() for e in entries)
    assert sum(p.stat().st_size for p in GOLD.rglob("*.html")) < 5_000_000


@pytest.mark.parametrize("metric", ["date_f1", "section_accuracy", "fact_accuracy"])
def test_score_above_pinned_floor(result, metric):
    floors = yaml.safe_load((GOLD / "floors.yaml").read_text(encoding="utf-8"))
    score = result["date"]["f1"] if metric == "date_f1" else result[metric]
    assert score >= floors[metric], f"{metric} {score:.3f} < floor {floors[metric]}:\n" + "\n".join(result["errors"][:30])


def test_date_scores_follow_htmldate_definitions():
    from benchmarks.evaluate_understanding import _date_counts

    # right, wrong (false positive), missing (false negative), none where none (true negative)
    r = _date_counts([("2025-09-05", "2025-09-05"), ("2025-05-09", "2025-09-05"), (None, "2025-01-01"), (None, None)])
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (1, 1, 1, 1)
    assert r["precision"] == 0.5 and r["recall"] == 0.5


def test_fact_checks_reject_a_wrong_label():
    from benchmarks.evaluate_understanding import check_facts
    from crawler.understand import understand

    entry = next(e for e in load_gold() if e["facts"].get("contact"))
    info = understand((GOLD / entry["file"]).read_bytes(), entry["url"])
    assert check_facts(entry, info) == {k: True for k in entry["facts"]}
    wrong = {**entry, "facts": {"contact": {**entry["facts"]["contact"], "phone": "0000 000 000"}}}
    assert check_facts(wrong, info) == {"contact": False}
