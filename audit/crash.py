"""What an unexpected error leaves behind: one Vietnamese line on stderr and the traceback in a log file.

The exit code (audit.cli.EXIT_CRASH) is not one of the verdict codes, so cron, systemd and CI never read a crashed
night as "a portal fails". The log holds the command line and traceback with passwords in URLs masked: an operator
may attach it to a bug report.
"""
from __future__ import annotations

import os
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from audit.errors import mask_credentials, one_line

LOG_ENV = "PORTAL_AUDIT_LOG_DIR"


def log_dir() -> Path:
    """$PORTAL_AUDIT_LOG_DIR, else the XDG state directory ($XDG_STATE_HOME or ~/.local/state)/portal-audit."""
    if os.environ.get(LOG_ENV):
        return Path(os.environ[LOG_ENV])
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "portal-audit"




def report_crash(exc: BaseException, argv: list[str]) -> str:
    """Write the log and return the line to print."""
    body = (f"portal-audit {datetime.now().astimezone().isoformat(timespec='seconds')} pid {os.getpid()}\n"
            f"lệnh: {' '.join(argv)}\n\n" + "".join(traceback.format_exception(exc)))
    where = _write(body)
    summary = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
    summary = mask_credentials(one_line(summary))
    if len(summary) > 300:
        summary = summary[:299] + "…"
    tail = f"chi tiết trong {where}" if where else "không ghi được tệp nhật ký"
    return (f"portal-audit: lỗi không lường trước của chương trình ({summary}); {tail}. "
            f"Đây không phải kết quả đánh giá; dữ liệu đã lưu được giữ nguyên.")


def _write(body: str) -> Path | None:
    name = f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    for folder in (log_dir(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(mask_credentials(body))
            return path
        except OSError:
            continue
    return None
