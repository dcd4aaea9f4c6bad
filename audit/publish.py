"""Publishing a report folder as a whole: never half new and half old, whenever the process is killed.

Every output of a command (results.json, summary.csv, junit.xml, the HTML, the QĐ 96 forms and workbook; check.json)
is written into a staging folder beside the target. Entries of the old folder the command does not write (a
check.json beside a report, files of the user) are carried over as hard links. Then one rename exchanges the two
folders (renameat2 RENAME_EXCHANGE on Linux). Where the exchange is unavailable, two renames: killed between them,
the target is briefly absent and the old folder waits under `.<name>.old-<pid>-…`, put back by the next command.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner_pid(path: Path) -> int | None:
    try:
        return int(path.name.rsplit(".", 1)[1].split("-")[1])
    except (IndexError, ValueError):
        return None


def recover(out: Path) -> None:
    """Undo what a killed publish left: put an old folder back if the target is missing, drop dead staging."""
    parent = out.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{out.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and not (out.exists() or out.is_symlink()) and not _alive(_owner_pid(olds[-1]) or 0):
        os.rename(olds.pop(), out)
    for leftover in [*olds, *parent.glob(f".{out.name}.new-*")]:
        pid = _owner_pid(leftover)
        if pid is not None and pid != os.getpid() and not _alive(pid):
            shutil.rmtree(leftover, ignore_errors=True)


def _carry_over(old: Path, new: Path) -> None:
    for entry in old.iterdir():
        target = new / entry.name
        if target.exists() or target.is_symlink() or entry.name.startswith(".report-"):
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def target(out: Path) -> Path:
    """The folder a command publishes into: a symlinked `--out` is its target (the exchange would otherwise swap
    the link itself for a real folder and leave the link behind under the staging name)."""
    out = Path(os.path.abspath(out))
    return Path(os.path.realpath(out)) if out.is_symlink() else out


def _like(stage: Path, out: Path) -> None:
    """The new folder keeps the old one's mode and owner (a 0700 folder of another account stays so); a first
    publish gets the umask's mode, not mkdtemp's 0700."""
    try:
        st = out.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(stage, 0o777 & ~umask)
        return
    os.chmod(stage, stat.S_IMODE(st.st_mode))
    if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(stage, st.st_uid, st.st_gid)
        except PermissionError:  # only root may give a folder away; an ordinary account keeps its own
            pass


def _give_to_owner(stage: Path) -> None:
    """Files written by root into another account's report folder belong to that account, as the folder does."""
    st = stage.stat()
    if st.st_uid == os.getuid():
        return
    for path in stage.rglob("*"):
        try:
            os.chown(path, st.st_uid, st.st_gid, follow_symlinks=False)
        except PermissionError:
            return


@contextmanager
def staged_folder(out: Path):
    """Yield an empty folder to write a command's outputs into; on success it replaces `out` in one step."""
    out = target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-{os.getpid()}-", dir=out.parent))
    _like(stage, out)
    try:
        yield stage
        _give_to_owner(stage)
        if out.is_dir():
            _carry_over(out, stage)
            if not _exchange(stage, out):
                old = out.parent / f".{out.name}.old-{os.getpid()}-{time.time_ns()}"
                os.rename(out, old)
                os.rename(stage, out)
                stage = old
        else:
            os.rename(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
