"""Reliability and security, round two: bad input stops before anything is created, a crash never exits with a
verdict's code, the run lock covers every write, outputs carry no live formula, raw control or reordering
character, and `--out` keeps what the operator set up. Real CLI in subprocesses, real farm for the crash."""
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from audit.demo import previous_month
from audit.errors import ConfigError
from audit.registry import Portal, load_registry
from audit.rules_yaml import read_yaml
from conftest import running_farm, write_registry
from crawler.shards import PREFIX
from storage.db import open_db, sessions
from storage.models import CrawlRun

EXE = Path(sys.executable).with_name("portal-audit")


def one_line_error(code, err, *needles, exit_code=2):
    assert code == exit_code, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def run_args(tmp_path, *extra):
    return ("run", "--period", "2026-10", "--db", f"sqlite:///{tmp_path}/a.db", "--out", tmp_path / "out", *extra)


def nothing_created(tmp_path):
    assert not (tmp_path / "a.db").exists() and not (tmp_path / "out").exists()


# --- YAML input: no aliases, no duplicate keys ---------------------------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))


def test_alias_bomb_registry_is_refused_at_once(cli, tmp_path):
    reg = tmp_path / "bomb.yaml"
    reg.write_text(ALIAS_BOMB + "portals: [*i]\n", encoding="utf-8")
    started = time.monotonic()
    code, out, err = cli(*run_args(tmp_path, "--registry", reg))
    one_line_error(code, err, f"{reg}:1", "neo và bí danh")
    assert time.monotonic() - started < 30  # it used to take 80 s and 2.2 GB before a traceback
    nothing_created(tmp_path)


@pytest.mark.parametrize("text, line", [
    ("portals:\n  - id: so-a\n    name: Sở A\n    kind: department\n    url: https://a.gov.vn/\n    url: https://b.gov.vn/\n",
     6),
    ("portals:\n  - id: so-a\n    name: Sở A\n    kind: department\n    url: https://a.gov.vn/\nportals: []\n", 6),
])
def test_duplicate_keys_are_refused_with_their_line(tmp_path, text, line):
    reg = tmp_path / "r.yaml"
    reg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"r.yaml:{line}: khóa '(url|portals)' lặp lại \(đã có ở dòng \d\)"):
        load_registry(reg)


def test_duplicate_key_in_review_and_gates_files(cli, tmp_path):
    review = tmp_path / "review.yaml"
    review.write_text("period: 2026-10\nauthor: A\nauthor: B\noverrides: []\n", encoding="utf-8")
    code, out, err = cli(*run_args(tmp_path, "--overrides", review))
    one_line_error(code, err, f"{review}:3", "lặp lại")
    gates = tmp_path / "gates.yaml"
    gates.write_text("default:\n  min_total: 50\n  min_total: 80\n", encoding="utf-8")
    code, out, err = cli(*run_args(tmp_path, "--gates", gates))
    one_line_error(code, err, f"{gates}:3", "lặp lại")
    nothing_created(tmp_path)


def test_every_bundled_rules_file_reads_strictly():
    rules = Path(__file__).resolve().parent.parent / "rules"
    files = sorted(rules.rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        read_yaml(path)  # raises on an alias or a duplicate key


# --- registry rows ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, url, needle", [
    ("Xã A\x00", "https://a.gov.vn/", "NUL"),
    ("Xã \x1b[31mA", "https://a.gov.vn/", "U+001B"),
    ("Xã \u202eA", "https://a.gov.vn/", "U+202E"),
    ("Xã A", "http://a.gov.vn:99999/", "cổng phải là số từ 1 đến 65535"),
    ("Xã A", "http://a .gov.vn/", "khoảng trắng"),
    ("Xã A", "http://[::1/", "IPv6"),
    ("Xã A", "http://a..gov.vn/", "tên máy chủ"),
    ("Xã A", "http://canbo:secret@a.gov.vn/", "mật khẩu"),
])
def test_bad_registry_rows_stop_before_anything_is_created(cli, tmp_path, name, url, needle):
    reg = tmp_path / "r.csv"
    reg.write_text(f"id,name,kind,url\nxa-b,Xã B,commune,https://b.gov.vn/\nxa-a,{name},commune,{url}\n",
                   encoding="utf-8")
    code, out, err = cli(*run_args(tmp_path, "--registry", reg))
    line = one_line_error(code, err, str(reg), needle)
    assert ":3" in line and "secret" not in err + out
    nothing_created(tmp_path)


def test_yaml_registry_field_must_be_a_value(tmp_path):
    reg = tmp_path / "r.yaml"
    reg.write_text("- id: so-a\n  name: [Sở, A]\n  kind: department\n  url: https://a.gov.vn/\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"r.yaml:2: trường name: cần một giá trị đơn"):
        load_registry(reg)


# --- environment and places, before anything is created ------------------------------------------------------------

@pytest.mark.parametrize("name, value", [("PORTAL_AUDIT_PORTAL_PAGES", "abc"), ("PORTAL_AUDIT_PORTAL_SECONDS", "-1"),
                                         ("PORTAL_AUDIT_PORTAL_SECONDS", "nan"), ("PORTAL_AUDIT_IGNORE_ROBOTS", "yes"),
                                         ("PORTAL_AUDIT_WORKERS", "0"), ("PORTAL_AUDIT_TIMEOUT", "0")])
def test_bad_environment_values_stop_before_anything_is_created(cli, tmp_path, name, value):
    code, out, err = cli(*run_args(tmp_path), env={name: value})
    one_line_error(code, err, f"{name}={value!r}")
    nothing_created(tmp_path)


def test_out_that_cannot_be_written_is_found_before_the_crawl(cli, tmp_path):
    code, out, err = cli("run", "--period", "2026-10", "--db", f"sqlite:///{tmp_path}/a.db",
                         "--out", "/proc/self/portal-audit-report")
    one_line_error(code, err, "--out", "không tạo được thư mục báo cáo")
    assert not (tmp_path / "a.db").exists()
    (tmp_path / "file").write_text("x")
    code, out, err = cli("score", "--period", "2026-10", "--db", f"sqlite:///{tmp_path}/a.db",
                         "--out", tmp_path / "file" / "report")
    one_line_error(code, err, "không phải thư mục")


def test_reading_commands_never_create_a_database(cli, tmp_path):
    for command in (("score", "--period", "2026-10"), ("check", "--period", "2026-10"),
                    ("replay", "--run", "1", "--period", "2026-10")):
        code, out, err = cli(*command, "--db", f"sqlite:///{tmp_path}/a.db", "--out", tmp_path / "out")
        one_line_error(code, err, "chưa có cơ sở dữ liệu")
        nothing_created(tmp_path)


def test_damaged_sqlite_file_is_named_not_a_traceback(cli, tmp_path, db_url):
    path = tmp_path / "damaged.db"
    engine = open_db(f"sqlite:///{path}")
    with sessions(engine).begin() as s:
        for i in range(400):
            s.add(CrawlRun(started_at=datetime(2026, 11, 1), status="done", lookback_from=date(2026, 1, 1), summary={"pad": "x" * 400, "i": i}))
    engine.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 20 * page
    data[10 * page:14 * page] = os.urandom(4 * page)
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    for command in (("score", "--period", "2026-10"), ("run", "--period", "2026-10")):
        code, out, err = cli(*command, "--db", f"sqlite:///{path}", "--out", tmp_path / "out")
        one_line_error(code, err, str(path), "hỏng")
    assert path.read_bytes() == before and not (tmp_path / "out").exists()


def test_opening_waits_for_another_process_write_longer_than_the_driver_default(tmp_path):
    """Two workers of a distributed crawl share one SQLite file: opening it while the other holds a write lock for
    7 s (longer than sqlite3's default 5 s wait, as a busy CI machine did) waits and opens, instead of failing with
    "database is locked"."""
    import sqlite3
    import threading
    path = tmp_path / "shared.db"
    other = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    other.execute("create table t(x)")
    other.execute("begin exclusive")  # a rollback-journal file, as before the first open_db: readers are locked out
    other.execute("insert into t values (1)")
    release = threading.Timer(7, other.execute, ("commit",))
    release.start()
    try:
        engine = open_db(f"sqlite:///{path}")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select x from t").scalars().all() == [1]
            assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
        engine.dispose()
    finally:
        release.join()
        other.close()


# --- the run lock covers the review file ---------------------------------------------------------------------------

def test_overrides_are_not_stored_when_another_run_holds_the_lock(cli, tmp_path):
    from storage.lock import RunLock
    from storage.models import ManualOverride as Override
    reg = write_registry(tmp_path / "r.csv", [Portal("so-a", "Sở A", "department", "http://127.0.0.1:9/",
                                                     "phu-luc-1")])
    review = tmp_path / "review.yaml"
    review.write_text("period: 2026-10\nauthor: Lan\noverrides:\n  - portal: so-a\n    code: 13\n    state: met\n"
                      "    reason: Kiểm tra trực tiếp\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path}/a.db"
    engine = open_db(url)
    with RunLock(engine):
        code, out, err = cli("run", "--registry", reg, "--period", "2026-10", "--db", url, "--overrides", review,
                             "--out", tmp_path / "out")
    assert code == 4, err
    with sessions(engine)() as s:
        assert s.scalars(select(Override)).all() == []
    engine.dispose()


# --- outputs -----------------------------------------------------------------------------------------------------

def test_xlsx_cells_are_text_and_hold_no_control_character(tmp_path):
    from audit.criteria.config import load_scoring_config
    from audit.official_form import build_form
    from audit.official_form_output import write_forms
    from audit.period import Period
    from test_official_form import facts
    config = load_scoring_config()
    hostile = Portal("so-a", '=HYPERLINK("http://evil.example/","Bấm")\x07', "department", "https://a.gov.vn/",
                     "phu-luc-1")
    _, book = write_forms([build_form(facts(), hostile, Period.month("2026-10"), config)], tmp_path, 5)
    wb = load_workbook(book)
    cells = [c for row in wb["Tổng hợp PAKN"].iter_rows() for c in row if isinstance(c.value, str)
             and "HYPERLINK" in c.value]
    cells += [c for row in wb["so-a"].iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    # The name in the summary, the form's header (upper-case, as the form sets a unit's name), its title line and
    # its part 2 line: all text, none a formula, the bell dropped.
    assert len(cells) == 4
    for cell in cells:
        assert cell.data_type == "s" and "\x07" not in cell.value
    name = '=HYPERLINK("http://evil.example/","Bấm")'
    assert [c.value for c in cells].count(name) == 2 and name.upper() in [c.value for c in cells]


def test_junit_drops_what_xml_cannot_hold():
    from audit.check import Checked, junit
    from audit.scoring import PortalResult
    portal = Portal("so-a", "Sở\x01 A\x1f", "department", "https://a.gov.vn/", "phu-luc-1")
    result = PortalResult(portal_id="so-a", rubric="phu-luc-1", status="fail", score=0, max_score=100, criteria=(),
                          gates=())
    text = ET.tostring(junit([Checked(portal, result)]), encoding="unicode")
    parsed = ET.fromstring(text)
    assert parsed.find(".//property[@name='name']").get("value") == "Sở A"


def test_report_spells_out_reordering_characters(tmp_path):
    from audit.report import _environment
    html = _environment().from_string("<p title='{{ name }}'>{{ name }}</p>").render(name="Xã \u202eA\u2066B\x08")
    assert "\u202e" not in html and "\u2066" not in html and "\x08" not in html
    assert html.count("[U+202E]") == 2 and html.count("[U+2066]") == 2


def test_titles_are_capped_when_stored(tmp_path):
    from crawler.limits import MAX_TITLE_CHARS
    from crawler.pipelines import StoragePipeline
    from storage.models import Page
    url = f"sqlite:///{tmp_path}/a.db"
    engine = open_db(url)
    with sessions(engine).begin() as s:
        run = CrawlRun(started_at=datetime(2026, 11, 1), status="running", lookback_from=date(2026, 1, 1), summary={})
        s.add(run)
        s.flush()
        run_id = run.id
    from storage.models import PortalRow
    with sessions(engine).begin() as s:
        s.add(PortalRow(id="so-a", name="Sở A", kind="department", url="https://a.gov.vn/", rubric="phu-luc-1",
                        updated_at=datetime(2026, 11, 1)))
    pipe = StoragePipeline(url, run_id)
    pipe.open_spider()
    huge = "Tiêu đề " * 200_000
    pipe.process_item({"type": "page", "portal": "so-a", "url": "https://a.gov.vn/a", "kind": "detail",
                       "section": "tin-tuc", "section_evidence": None, "http_status": 200, "fetch_status": "ok",
                       "content_hash": None, "title": huge, "published_at": None, "date_method": None})
    pipe.process_item({"type": "fact", "portal": "so-a", "kind": "item", "page_url": "https://a.gov.vn/",
                       "data": {"url": "https://a.gov.vn/b", "section": "tin-tuc", "title": huge,
                                "published_at": None, "date_method": None}})
    pipe.close_spider()
    with sessions(engine)() as s:
        titles = [p.title for p in s.scalars(select(Page).order_by(Page.url))]
    assert [len(t) for t in titles] == [MAX_TITLE_CHARS, MAX_TITLE_CHARS]
    assert all(t.endswith("…") and t.startswith("Tiêu đề") for t in titles)
    engine.dispose()


# --- --out keeps the operator's folder ----------------------------------------------------------------------------

def test_published_folder_keeps_owner_and_mode(tmp_path):
    from audit.publish import staged_folder
    out = tmp_path / "report"
    out.mkdir()
    os.chmod(out, 0o700)
    other = 65534
    os.chown(out, other, other)
    with staged_folder(out) as stage:
        (stage / "index.html").write_text("mới")
    st = out.stat()
    assert (st.st_mode & 0o777, st.st_uid, st.st_gid) == (0o700, other, other)
    assert (out / "index.html").stat().st_uid == other


def test_symlinked_out_is_followed_and_no_link_is_left(tmp_path):
    from audit.publish import staged_folder
    real = tmp_path / "real-report"
    real.mkdir()
    (real / "old.txt").write_text("cũ")
    link = tmp_path / "report"
    link.symlink_to(real)
    for text in ("một", "hai"):
        with staged_folder(link) as stage:
            (stage / "index.html").write_text(text)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real / "index.html").read_text() == "hai" and (real / "old.txt").read_text() == "cũ"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real-report", "report"]


# --- a crash: its own exit code, one line, a log, the run marked failed and later continued ------------------------

@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    yield from running_farm(tmp_path_factory)


def _shards_of(pid: int) -> list[int]:
    """The shard processes of command `pid`, found by their job file (named by the command's pid): they are
    still found once orphaned."""
    mark = f"{PREFIX}{pid}-".encode()
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and mark in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_a_crashed_crawl_exits_70_logs_and_is_continued(farm, cli, tmp_path):
    proc, registry, now = farm
    by_host = {}
    for p in load_registry(registry):
        by_host.setdefault(urlsplit(p.url).netloc, p)
    reg = write_registry(tmp_path / "subset.csv", list(by_host.values())[:6])  # six hosts: two shards
    period = f"{previous_month(datetime.fromisoformat(now).date()).start:%Y-%m}"
    db = f"sqlite:///{tmp_path}/a.db"
    logs = tmp_path / "logs"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "PORTAL_AUDIT_WORKERS": "2",
           "PORTAL_AUDIT_LOG_DIR": str(logs)}
    victim = subprocess.Popen([str(EXE), "run", "--registry", str(reg), "--period", period, "--db", db,
                               "--out", str(tmp_path / "out")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, text=True)
    deadline = time.monotonic() + 120
    shards = []
    while time.monotonic() < deadline and victim.poll() is None and not shards:
        shards = _shards_of(victim.pid)
        time.sleep(0.05)
    assert shards, "no shard process seen"
    time.sleep(1.0)  # let it store something
    os.kill(shards[0], signal.SIGKILL)  # one crawl process dies under the command: an error the program did not expect
    out, err = victim.communicate(timeout=300)
    line = one_line_error(victim.returncode, err, "lỗi không lường trước", "không phải kết quả đánh giá",
                          exit_code=70)
    log = next(logs.glob("crash-*.log"))
    assert str(log) in line and "Traceback" in log.read_text() and (log.stat().st_mode & 0o777) == 0o600
    assert not (tmp_path / "out").exists()
    engine = open_db(db)
    with sessions(engine)() as s:
        run = s.get(CrawlRun, 1)
        assert run.status == "failed" and "RuntimeError" in run.summary["crashed"]
    code, out, err = cli("run", "--registry", reg, "--period", period, "--db", db, "--out", tmp_path / "out",
                         env={"PORTAL_AUDIT_WORKERS": "2", "PORTAL_AUDIT_LOG_DIR": str(logs)})
    assert code in (0, 1, 3), err
    assert "Tiếp tục lượt thu thập 1 bị gián đoạn" in out
    with sessions(engine)() as s:
        assert [(r.id, r.status) for r in s.scalars(select(CrawlRun))] == [(1, "done")]
        assert "crashed" not in s.get(CrawlRun, 1).summary
    assert json.loads((tmp_path / "out" / "results.json").read_text())["portals"]
    # Every output is readable by the web server that serves the folder: the umask's modes, none of mkstemp's 0600.
    umask = os.umask(0)
    os.umask(umask)
    modes = {p.relative_to(tmp_path / "out").as_posix(): p.stat().st_mode & 0o777 for p in (tmp_path / "out").rglob("*")}
    assert {"summary.csv", "junit.xml", "bao-cao-qd96.xlsx", "index.html", "results.json"} <= set(modes)
    assert {name: mode for name, mode in modes.items()
            if mode != (0o777 if (tmp_path / "out" / name).is_dir() else 0o666) & ~umask} == {}
    engine.dispose()


def test_ctrl_c_during_a_sharded_crawl_is_one_line_and_the_run_stays_resumable(farm, tmp_path):
    """The terminal sends SIGINT to the whole process group: shards still starting used to print KeyboardInterrupt
    tracebacks, or outlive the command and fail on their removed job files."""
    proc, registry, now = farm
    by_host = {}
    for p in load_registry(registry):
        by_host.setdefault(urlsplit(p.url).netloc, p)
    reg = write_registry(tmp_path / "subset.csv", list(by_host.values())[:4])
    period = f"{previous_month(datetime.fromisoformat(now).date()).start:%Y-%m}"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "PORTAL_AUDIT_WORKERS": "2"}
    for n, delay in enumerate((0, 0.005, 0.05, 0.5)):
        db = f"sqlite:///{tmp_path}/{n}.db"
        cmd = subprocess.Popen([str(EXE), "run", "--registry", str(reg), "--period", period, "--db", db,
                                "--out", str(tmp_path / f"out-{n}")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _shards_of(cmd.pid):
            time.sleep(0.001)
        time.sleep(delay)
        os.killpg(cmd.pid, signal.SIGINT)
        out, err = cmd.communicate(timeout=120)
        assert (cmd.returncode, err) == (130, "portal-audit: đã dừng theo yêu cầu\n"), (delay, err)
        time.sleep(0.2)
        assert _shards_of(cmd.pid) == []
        engine = open_db(db)
        with sessions(engine)() as s:
            assert [r.status for r in s.scalars(select(CrawlRun))] == ["running"]  # the next run continues it
        engine.dispose()


# --- registries as Excel writes them -------------------------------------------------------------------------------

ROWS = [("xa-a", "Xã Ánh Sáng", "commune", "https://a.gov.vn/"), ("so-b", "Sở B", "department", "https://b.gov.vn/")]


@pytest.mark.parametrize("encoding, delimiter", [("utf-8-sig", ","), ("utf-8-sig", ";"), ("utf-8", ";"),
                                                 ("utf-8", "\t")])
def test_registry_csv_with_bom_or_semicolons(tmp_path, encoding, delimiter):
    reg = tmp_path / "r.csv"
    lines = [delimiter.join(("id", "name", "kind", "url"))] + [delimiter.join(r) for r in ROWS]
    reg.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    assert [(p.id, p.name, p.kind, p.url) for p in load_registry(reg)] == ROWS


def test_registry_xlsx(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["id", "name", "kind", "url", "notes"])
    for r in ROWS:
        ws.append([*r, None])
    ws.append([None, None, None, None, None])  # an empty row Excel leaves is skipped
    ws.append(["xa-c", "Xã C", "commune", "not-a-url", 12])
    reg = tmp_path / "r.xlsx"
    wb.save(reg)
    with pytest.raises(ConfigError, match=r"r.xlsx:5: trường url"):
        load_registry(reg)
    ws.delete_rows(5)
    wb.save(reg)
    assert [(p.id, p.name, p.kind, p.url) for p in load_registry(reg)] == ROWS
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ConfigError, match=r"bad.xlsx: không đọc được tệp Excel"):
        load_registry(tmp_path / "bad.xlsx")
