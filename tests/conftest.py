import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def cli(tmp_path):
    """Run the real console script in a subprocess; returns (code, stdout, stderr)."""
    import subprocess

    def run(*args, cwd=None, env=None):
        exe = Path(sys.executable).with_name("portal-audit")
        proc = subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, cwd=cwd or tmp_path,
                              env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), **(env or {})},
                              timeout=1800)
        return proc.returncode, proc.stdout, proc.stderr
    return run
