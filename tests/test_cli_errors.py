"""User mistakes: one line naming the problem, exit 2, no traceback, nothing written."""
import pytest


def assert_clean_error(code, out, err, *needles):
    assert code == 2, (code, out, err)
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0], lines[0]


def test_missing_registry(cli, tmp_path):
    code, out, err = cli("run", "--registry", tmp_path / "none.csv", "--period", "2026-10", "--db",
                         f"sqlite:///{tmp_path}/a.db", "--out", tmp_path / "out")
    assert_clean_error(code, out, err, "none.csv", "không tìm thấy")
    assert not (tmp_path / "out").exists() and not (tmp_path / "a.db").exists()


def test_malformed_registry_row(cli, tmp_path):
    reg = tmp_path / "r.csv"
    reg.write_text("id,name,kind,url\nxa-a,Xã A,commune,https://a.gov.vn/\nxa-b,Xã B,commune,not-a-url\n", encoding="utf-8")
    code, out, err = cli("run", "--registry", reg, "--period", "2026-10", "--db", f"sqlite:///{tmp_path}/a.db",
                         "--out", tmp_path / "out")
    assert_clean_error(code, out, err, f"{reg}:3", "url")
    assert not (tmp_path / "out").exists() and not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("period", ["2026-13", "10-2026", "2026/10"])
def test_bad_period(cli, tmp_path, period):
    code, out, err = cli("run", "--period", period, "--db", f"sqlite:///{tmp_path}/a.db", "--out", tmp_path / "out")
    assert_clean_error(code, out, err, period)
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("url", ["postgresql://nobody:secret@127.0.0.1:1/none", "sqlite:///{tmp}/plain-file/z.db",
                                 "notadb://x"])
def test_unreachable_database(cli, tmp_path, url):
    (tmp_path / "plain-file").write_text("not a directory")
    url = url.format(tmp=tmp_path)
    code, out, err = cli("run", "--period", "2026-10", "--db", url, "--out", tmp_path / "out")
    assert_clean_error(code, out, err)
    assert "secret" not in err  # passwords are never echoed
    assert not (tmp_path / "out").exists()


def test_unknown_portal_and_usage(cli, tmp_path):
    code, out, err = cli("run", "--period", "2026-10", "--portal", "khong-co", "--db", f"sqlite:///{tmp_path}/a.db")
    assert_clean_error(code, out, err, "khong-co")
    code, out, err = cli("run", "--bogus")
    assert_clean_error(code, out, err, "--bogus")


def test_version_is_the_installed_package_version(cli):
    import tomllib
    from pathlib import Path
    want = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    code, out, err = cli("--version")
    assert (code, out.strip(), err) == (0, f"portal-audit {want}", "")
