"""The look-back (issue #4: listings are read back to the period's month a year earlier by default): where the
number comes from, and what a bad value says."""
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from audit.cli import _lookback
from audit.errors import ConfigError

EXE = Path(sys.executable).with_name("portal-audit")


def test_the_default_is_thirteen_months(monkeypatch):
    monkeypatch.delenv("PORTAL_AUDIT_LOOKBACK_MONTHS", raising=False)
    assert _lookback(None) == 13


def test_the_option_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("PORTAL_AUDIT_LOOKBACK_MONTHS", "6")
    assert _lookback(None) == 6
    assert _lookback(2) == 2


@pytest.mark.parametrize("raw", ["-1", "mười", "1.5", "121"])
def test_a_bad_environment_value_is_named(monkeypatch, raw):
    monkeypatch.setenv("PORTAL_AUDIT_LOOKBACK_MONTHS", raw)
    with pytest.raises(ConfigError, match="PORTAL_AUDIT_LOOKBACK_MONTHS"):
        _lookback(None)


def _run(tmp_path, *extra, env=None):
    registry = tmp_path / "registry.csv"
    registry.write_text("id,name,kind,url\nxa-a,Xã A,commune,http://127.0.0.1:9/\n", encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != "PORTAL_AUDIT_LOOKBACK_MONTHS"}
    return subprocess.run([str(EXE), "run", "--registry", str(registry), "--period", "2026-10", "--db",
                           f"sqlite:///{tmp_path}/audit.db", "--out", str(tmp_path / "out"), *extra],
                          capture_output=True, text=True, env={**environ, "XDG_DATA_HOME": str(tmp_path),
                                                              **(env or {})}, timeout=300)


def test_a_run_without_the_option_reads_back_to_the_same_month_a_year_earlier(tmp_path):
    proc = _run(tmp_path)
    assert proc.returncode in (0, 1, 3), proc.stderr
    (lookback,), = sqlite3.connect(tmp_path / "audit.db").execute("select lookback_from from crawl_run")
    assert lookback.startswith(date(2025, 9, 1).isoformat())


def test_a_negative_option_is_exit_2_before_anything_is_written(tmp_path):
    proc = _run(tmp_path, "--lookback-months", "-2")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "--lookback-months" in proc.stderr
    assert not (tmp_path / "audit.db").exists() and not (tmp_path / "out").exists()
