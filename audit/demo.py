"""`portal-audit demo`: the offline portal farm on loopback, then the whole pipeline against it.

The farm runs in a child process (Scrapy owns this process's reactor) and is reached only through the registry
file it writes, exactly as a user's own registry would be.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from audit.errors import ConfigError
from audit.period import Period

READY_TIMEOUT = 120


def previous_month(today: date) -> Period:
    last = today.replace(day=1) - timedelta(days=1)
    return Period.month(f"{last:%Y-%m}")


class FarmProcess:
    """`python -m farm serve` as a context manager that yields the farm registry path."""

    def __init__(self, workdir: Path, extra: list[str] | None = None):
        self.registry = workdir / "farm-registry.csv"
        # The farm's standing "không áp dụng" declarations (a reviewed file, `portal-audit not-applicable --file`).
        self.declarations = workdir / "farm-declarations.yaml"
        self.args = [sys.executable, "-m", "farm", "serve", "--port", "0", "--registry-out", str(self.registry),
                     "--declarations-out", str(self.declarations), *(extra or [])]
        self.proc = None

    def __enter__(self) -> Path:
        self.registry.unlink(missing_ok=True)
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     start_new_session=True)
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if line.startswith("farm ready"):
                return self.registry
            if not line and self.proc.poll() is not None:
                err = (self.proc.stderr.read() or "").strip().splitlines()
                raise ConfigError(f"trang trại cổng không khởi động được: {err[-1] if err else 'không rõ lý do'}")
        self.__exit__(None, None, None)
        raise ConfigError(f"trang trại cổng không sẵn sàng sau {READY_TIMEOUT} giây")

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return False


def run_demo(out: Path, limit: int | None = None) -> int:
    from audit.cli import execute
    from audit.directory import for_run
    from audit.registry import BUNDLED, load_registry
    from audit.rubric import load_rubrics
    from storage.db import open_db

    out.mkdir(parents=True, exist_ok=True)
    period = previous_month(date.today())
    db = out / "demo.db"
    for suffix in ("", "-wal", "-shm", ".lock", ".migrate.lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    import shutil
    shutil.rmtree(out / "warc", ignore_errors=True)  # the previous demo's evidence archive (beside demo.db)
    started = time.monotonic()
    print(f"1/4 Khởi động trang trại cổng ngoại tuyến (127.0.0.x)…", flush=True)
    proc = FarmProcess(out)
    with proc as registry_path:
        rubrics = load_rubrics()
        portals, directory = for_run(load_registry(registry_path, set(rubrics)), load_registry(BUNDLED, set(rubrics)))
        if limit:
            portals = portals[:limit]
        engine = open_db(f"sqlite:///{db.resolve()}")
        print("   " + record_declarations(engine, proc.declarations, load_registry(registry_path, set(rubrics)),
                                          rubrics), flush=True)
        print(f"2/4 Thu thập {len(portals)} cổng, kỳ {period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}…", flush=True)
        code = execute(engine, portals, rubrics, period, out / "report", crawl=True, registry=directory,
                       progress=True)
    print(f"3/4 Chấm điểm và 4/4 viết báo cáo xong sau {time.monotonic() - started:.0f} giây.", flush=True)
    print(f"Mở báo cáo: {(out / 'report' / 'index.html').resolve()}")
    # The demo itself succeeded whatever the portals scored; their verdicts are in the report.
    return 0 if code in (0, 1, 3) else code


def record_declarations(engine, path: Path, registry, rubrics) -> str:
    """Record the farm's standing declarations, as an auditor would with `portal-audit not-applicable --file`."""
    from audit.not_applicable import load_file
    from storage import not_applicable as stored
    from storage.db import sessions

    portals = {p.id: p for p in registry}
    found = load_file(path, registry, rubrics)
    with sessions(engine).begin() as s:
        for d in found:
            stored.record(s, d, portals[d.portal_id])
    return f"Ghi nhận {len(found)} tuyên bố không áp dụng của trang trại ({path.name})."
