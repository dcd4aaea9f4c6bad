import csv

from audit.exports import COLUMNS, write_summary_csv
from tests.test_report import sample_doc


def test_summary_csv_one_row_per_portal(tmp_path):
    doc = sample_doc()
    path = write_summary_csv(doc, tmp_path / "summary.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["id"] for r in rows] == [p["id"] for p in doc["portals"]]
    assert list(rows[0]) == list(COLUMNS)
    unreachable = next(r for r in rows if r["status"] == "unreachable")
    assert unreachable["score"] == "" and int(unreachable["not_evaluable"]) == len(
        next(p for p in doc["portals"] if p["id"] == unreachable["id"])["criteria"])
    hostile = next(r for r in rows if r["id"] == "so-tu-phap")
    assert hostile["name"] == "Sở Tư pháp <script>alert(1)</script>"  # data, not markup: kept verbatim
    assert hostile["criteria"].startswith("1.1=2/3;1.2=0/3")


def test_formula_like_cells_are_neutralised(tmp_path):
    doc = sample_doc()
    doc["portals"][0]["name"] = '=HYPERLINK("http://evil","x")'
    rows = list(csv.DictReader(write_summary_csv(doc, tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["name"] == "'=HYPERLINK(\"http://evil\",\"x\")"
