"""The shards' temporary files (crawler/shards.py) hold the database URL with its password: they are readable by
their owner only, and a folder left behind by a command killed with SIGKILL is removed by the next sharded run —
never a live run's folder, never another user's."""
import json
import os
import pickle
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from audit.registry import Portal
from crawler import shards


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def tmpdir_root(tmp_path, monkeypatch):
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    old = os.umask(0o022)  # the usual umask: files written the ordinary way would be world-readable
    yield root
    os.umask(old)


def test_job_files_are_private_and_a_killed_runs_folder_is_removed_at_the_next_start(tmpdir_root, monkeypatch):
    stale = tmpdir_root / f"{shards.PREFIX}{_dead_pid()}-abcd"
    stale.mkdir()
    (stale / "shard-0.pickle").write_bytes(b"postgresql://u:secret@db/x")
    seen = []

    class FakeShard:
        """Stands in for the shard process: looks at what the command wrote, answers as main() does."""

        def __init__(self, argv):
            payload = Path(argv[-1])
            job = pickle.loads(payload.read_bytes())
            seen.append((payload.parent, stat.S_IMODE(payload.parent.stat().st_mode),
                         stat.S_IMODE(payload.stat().st_mode), job["db"]))
            shards.write_private(job["result"], json.dumps({"pages": 1}).encode())
            shards.write_private(job["index_out"], pickle.dumps([]))
            seen.append(stat.S_IMODE(Path(job["result"]).stat().st_mode))
            self.returncode = 0

        def poll(self):
            return 0

    monkeypatch.setattr(shards.subprocess, "Popen", FakeShard)
    monkeypatch.setattr("storage.archive.store_index", lambda *a: None)
    job = {"db": "postgresql+psycopg://audit:secret@db/audit", "run_id": 1, "known": {}}
    portals = [Portal(pid, pid, "commune", f"http://127.0.0.{i + 2}/", "phu-luc-2") for i, pid in enumerate("ab")]
    assert shards.run(job, [[portals[0]], [portals[1]]], progress=False) == {"pages": 2}
    folder, folder_mode, file_mode, db = seen[0]
    assert db == job["db"]
    assert folder_mode == 0o700 and file_mode == 0o600 and seen[1] == 0o600
    assert folder.name.startswith(f"{shards.PREFIX}{os.getpid()}-")  # a later run can tell whose it is
    assert not stale.exists()
    assert not folder.exists()  # a finished run leaves nothing behind


def test_only_folders_of_gone_commands_are_removed(tmpdir_root):
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        folders = {name: tmpdir_root / f"{shards.PREFIX}{name}" for name in (
            f"{_dead_pid()}-x1", f"{live.pid}-x2", f"{os.getpid()}-x3", "without-pid")}
        for f in folders.values():
            f.mkdir()
            (f / "shard-0.pickle").write_bytes(b"secret")
        (tmpdir_root / f"{shards.PREFIX}{_dead_pid()}-file").write_bytes(b"not a folder")
        removed = shards.remove_stale()
    finally:
        live.kill()
        live.wait()
    gone = [name for name, f in folders.items() if not f.exists()]
    assert len(gone) == 1 and removed == [folders[gone[0]]] and gone[0].endswith("-x1")
    assert (tmpdir_root / [p.name for p in tmpdir_root.iterdir() if p.name.endswith("-file")][0]).is_file()
