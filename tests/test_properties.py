"""Input safety (issue #9 item 5): property-based tests (hypothesis) on what users and portals feed the tool.

Registry files, page text and HTML, link labels and URLs, period arguments and CLI arguments: any input gives an
answer or one clear error (ConfigError / PeriodError, one line; exit 2 from the CLI), never another exception.
Example counts are bounded so the module runs in well under a minute; the number of inputs tried is printed."""
import re
import tempfile
import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from audit import cli
from audit.errors import ConfigError
from audit.period import Period, PeriodError
from audit.registry import load_registry, url_problem
from audit.rules_yaml import read_yaml, read_yaml_located
from crawler import extract, sections
from crawler.dates import from_page, parse_listing_date, parse_text

REPO = Path(__file__).resolve().parent.parent
SECTION_KEYS = set(yaml.safe_load((REPO / "rules" / "sections.yaml").read_text(encoding="utf-8"))["sections"])
NOW = datetime(2026, 6, 15, 10, 30)
TRIED = Counter()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORK = Path(tempfile.mkdtemp(prefix="portal-audit-props-"))

# Text with what real files and pages contain: Vietnamese letters, separators, quotes, digits, newlines, NULs.
VN = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ"
text = st.text(alphabet=st.sampled_from(list(VN + VN.upper() + "0123456789 ,;:'\"/\\-_.#<>&=?%\n\r\t\x00\u2028[]{}|*!@"))
               | st.characters(), max_size=200)
loose = st.text(max_size=120)


def _one_line(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message, repr(message)


# --- registry ------------------------------------------------------------------------------------------------------
CSV_HEAD = st.sampled_from(["id,name,kind,url", "id,name,kind,url,rubric,host_confidence,notes,spider", "id,name",
                            "", "id;name;kind;url"])
cell = st.one_of(loose, st.sampled_from(["xa-a", "Xã A", "commune", "ward", "province", "https://a.gov.vn/",
                                         "http://127.0.0.2:8080/", "file:///etc/passwd", "javascript:alert(1)",
                                         "phu-luc-2", "inferred", "generic", '"', '""', ",", "\n"]))
csv_body = st.lists(st.lists(cell, max_size=9).map(lambda cells: ",".join(cells)), max_size=6)


def _load(name: str, content: str | bytes):
    path = WORK / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        return load_registry(path, {"province", "phu-luc-1", "phu-luc-2"})
    except ConfigError as exc:
        _one_line(str(exc))
        return None


@FAST
@given(CSV_HEAD, csv_body)
def test_registry_csv_gives_portals_or_one_line_error(head, rows):
    TRIED["registry"] += 1
    portals = _load("r.csv", "\n".join([head, *rows]))
    for p in portals or ():
        assert p.url.split(":", 1)[0] in ("http", "https")


yaml_scalar = st.one_of(loose, st.integers(), st.none(), st.booleans(), st.floats(allow_nan=True),
                        st.sampled_from(["https://a.gov.vn/", "ftp://a.gov.vn/", "commune", "xa-a"]))
yaml_row = st.dictionaries(st.sampled_from(["id", "name", "kind", "url", "rubric", "notes", "spider", "x"]) | loose,
                           yaml_scalar | st.lists(yaml_scalar, max_size=2), max_size=6)
yaml_doc = st.one_of(st.lists(yaml_row | yaml_scalar, max_size=4), st.fixed_dictionaries({"portals": st.lists(yaml_row)}),
                     yaml_scalar, st.dictionaries(loose, yaml_scalar, max_size=3))


@FAST
@given(yaml_doc)
def test_registry_yaml_structures_give_portals_or_one_line_error(doc):
    TRIED["registry"] += 1
    _load("r.yaml", yaml.safe_dump(doc, allow_unicode=True))


@FAST
@given(st.one_of(text, st.binary(max_size=200).map(lambda b: b)))
def test_registry_garbage_gives_one_line_error(content):
    TRIED["registry"] += 1
    for name in ("g.yaml", "g.csv"):
        _load(name, content)


# --- YAML loaders: aliases, duplicate keys, control characters ------------------------------------------------------
yaml_key = st.sampled_from(["id", "name", "url", "period", "author", "a", "b"])
yaml_value = st.one_of(st.text(alphabet=st.sampled_from(list(VN + "0123456789 -:/.")), min_size=1, max_size=12)
                       .map(lambda t: '"' + t.replace('"', "") + '"'), st.integers().map(str))


@FAST
@given(st.lists(st.tuples(yaml_key, yaml_value), min_size=1, max_size=8))
def test_yaml_mapping_with_duplicate_keys_is_refused_at_the_second_one(pairs):
    TRIED["yaml"] += 1
    path = WORK / "dup.yaml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in pairs), encoding="utf-8")
    keys = [k for k, _ in pairs]
    second = next((i for i, k in enumerate(keys) if k in keys[:i]), None)
    for reader in (read_yaml, read_yaml_located):
        if second is None:
            assert list(reader(path)) == keys
        else:
            with pytest.raises(ConfigError) as exc:
                reader(path)
            _one_line(str(exc.value))
            assert str(exc.value).startswith(f"{path}:{second + 1}: khóa '{keys[second]}' lặp lại")


@FAST
@given(st.lists(st.sampled_from(["&x [1, 2]", "*x", "[*x, *x]", "{k: *x}", "3", "abc", "&y v"]), min_size=1,
                max_size=6))
def test_yaml_alias_anywhere_is_refused(values):
    TRIED["yaml"] += 1
    path = WORK / "alias.yaml"
    path.write_text("".join(f"k{i}: {v}\n" for i, v in enumerate(values)), encoding="utf-8")
    aliased = any("*" in v or "&" in v for v in values)
    try:
        doc = read_yaml(path)
    except ConfigError as exc:
        _one_line(str(exc))
        assert aliased and "bí danh" in str(exc), str(exc)
        return
    assert not aliased and len(doc) == len(values)


@FAST
@given(st.text(alphabet=st.characters(max_codepoint=0x206F), min_size=1, max_size=30))
def test_registry_names_with_control_characters_are_refused(name):
    TRIED["yaml"] += 1
    path = WORK / "names.yaml"
    path.write_text(yaml.safe_dump([{"id": "xa-a", "name": name, "kind": "commune", "url": "https://a.gov.vn/"}],
                                   allow_unicode=True), encoding="utf-8")
    try:
        portals = load_registry(path)
    except ConfigError as exc:
        _one_line(str(exc))
        return
    assert not any(unicodedata.category(c) in ("Cc", "Cs", "Cn", "Co", "Zl", "Zp") or c in "\u202a\u202b\u202c\u202d"
                   "\u202e\u2066\u2067\u2068\u2069" for c in portals[0].name), repr(portals[0].name)


url_part = st.text(alphabet=st.sampled_from(list("abc.-_:@/[]%?#0123456789 \t\x00‮đ")), max_size=12)


@FAST
@given(st.sampled_from(["http", "https", "ftp", "javascript", ""]), st.one_of(st.just(""), url_part.map(lambda u: u + "@")),
       st.one_of(url_part, st.sampled_from(["a.gov.vn", "[::1]", "[::1", "127.0.0.2", "bắcninh.vn", "a..b"])),
       st.one_of(st.just(""), st.integers(-5, 100_000).map(lambda n: f":{n}"), url_part.map(lambda u: ":" + u)),
       url_part)
def test_registry_urls_give_a_usable_base_or_one_line_reason(scheme, userinfo, host, port, path):
    TRIED["registry"] += 1
    url = f"{scheme}://{userinfo}{host}{port}/{path}"
    problem = url_problem(url)
    if problem is None:
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and parts.hostname and parts.username is None
        assert parts.port is None or 0 < parts.port < 65536
        assert not any(c.isspace() or not c.isprintable() for c in url)
    else:
        _one_line(problem)
        secret = userinfo.partition(":")[2].rstrip("@")
        # A '/', '?' or '#' ends the authority: what follows is path, not a password.
        if len(secret) > 3 and not set("/?#") & set(userinfo) and secret not in url.replace(userinfo, ""):
            assert secret not in problem, (url, problem)


# --- dates ---------------------------------------------------------------------------------------------------------
def _no_future(found):
    if found is not None:
        value = found.value if hasattr(found, "value") else found
        assert value <= NOW, value


@FAST
@given(text)
def test_date_from_any_text_is_never_after_now(s):
    TRIED["dates"] += 1
    _no_future(parse_text(s, NOW))
    parse_listing_date(s)


html_piece = st.sampled_from(["<h1 class='title'>", "</h1>", "<p>", "</p>", "<div class='date'>", "</div>",
                              "<time datetime='2026-05-04'>", "</time>", "<meta property='article:published_time' "
                              "content='2031-01-01'>", "<script type='application/ld+json'>{\"datePublished\":",
                              "}</script>", "Ngày đăng: ", "Cập nhật: ", "ngày 31 tháng 12 năm 2099", "13/05/2026",
                              "05/13/2026", "<!--", "-->", "<", ">", "&amp;", "\x00"])


@FAST
@given(st.lists(html_piece | text, max_size=12))
def test_date_from_any_html_page_is_never_after_now(parts):
    TRIED["dates"] += 1
    doc = extract.parse("".join(parts), "https://a.gov.vn/tin-tuc/-/details/1/2026/05/bai-viet")
    _no_future(from_page(doc, NOW, doc.base_url))


@FAST
@given(st.dates(min_value=date(2000, 1, 1), max_value=NOW.date()), st.sampled_from(["/", "-", "."]),
       st.sampled_from(["Ngày đăng: ", "Cập nhật: ", "", "Thứ Hai, "]), st.booleans())
def test_day_month_dates_are_read_day_first(day, sep, label, padded):
    """A Vietnamese numeric date is day/month: 05/03 is the 5th of March, never the 3rd of May."""
    TRIED["dates"] += 1
    d, m = (f"{day.day:02}", f"{day.month:02}") if padded else (str(day.day), str(day.month))
    found = parse_text(f"{label}{d}{sep}{m}{sep}{day.year}", NOW)
    if found is not None:
        assert found.value.date() == day
    if label == "Ngày đăng: " and sep == "/":
        assert found is not None and found.value.date() == day


# --- sections ------------------------------------------------------------------------------------------------------
url = st.builds(lambda scheme, host, path, q: f"{scheme}://{host}/{path}{q}",
                st.sampled_from(["http", "https", "ftp", "javascript", ""]),
                st.sampled_from(["a.gov.vn", "127.0.0.2:8080", "[::1]", "", "xn--a", "a b"]),
                st.lists(st.sampled_from(["tin-tuc", "van-ban", "web", "-", "lien-he", "%", "%zz", "a.html", ".."])
                         | loose, max_size=5).map("/".join), st.sampled_from(["", "?a=1", "#x", "?%"]))


@FAST
@given(text, st.sampled_from(["menu", "breadcrumb"]))
def test_any_label_gives_a_known_section_or_none(label, where):
    TRIED["sections"] += 1
    found = sections.from_label(label, where)
    assert found is None or found.key in SECTION_KEYS


@FAST
@given(url | loose, st.none() | st.sampled_from(["/web/so-noi-vu", "/", "%", ""]) | loose)
def test_any_url_gives_a_known_section_or_none(u, base):
    TRIED["sections"] += 1
    found = sections.from_url(u, base)
    assert found is None or found.key in SECTION_KEYS


@FAST
@given(st.lists(html_piece | text | st.sampled_from(["<nav><ul class='breadcrumb'><li>", "Văn bản", "</li>",
                                                    "<h2>Tin tức</h2>", "<table><tr><th>Số ký hiệu</th></tr>"]),
                max_size=10))
def test_any_page_gives_a_known_section_or_none(parts):
    TRIED["sections"] += 1
    doc = extract.parse("".join(parts), "https://a.gov.vn/")
    for read in (sections.from_breadcrumb, sections.from_heading, sections.from_content, sections.from_title_words):
        found = read(doc)
        assert found is None or found.key in SECTION_KEYS


# --- period arguments and the CLI ----------------------------------------------------------------------------------
@FAST
@given(st.none() | loose | st.from_regex(r"\A\d{4}-\d{2}\Z"), st.none() | loose | st.dates().map(str),
       st.none() | loose | st.dates().map(str))
def test_period_arguments_give_a_period_or_one_line_error(period, start, end):
    TRIED["periods"] += 1
    try:
        p = Period.parse(period, start, end)
    except PeriodError as exc:
        _one_line(str(exc))
        return
    assert p.start <= p.end
    if period and not (start and end):
        assert re.fullmatch(r"\d{4}-\d{2}", period.strip())


def _cli(argv, capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    try:
        code = cli.main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, err.splitlines()


def _parses(parse, value) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _bad_period(s: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})", s.strip())
    return not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900


@settings(FAST, max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.sampled_from(["run", "score", "check"]), loose.filter(_bad_period),
       st.sampled_from(["--period", "--from", "--to", "--period=", "--portal", "--lookback-months", "--run-id"]))
def test_cli_bad_arguments_exit_2_with_one_line(capsys, command, value, option):
    TRIED["cli"] += 1
    db = f"sqlite:///{WORK}/never.db"
    argv = [command, "--db", db, "--out", WORK / "out"]
    if option == "--period=":
        argv.append(f"--period={value}")
    elif option in ("--from", "--to"):
        # An empty --from/--to is taken as absent (the month's own bound): not a mistake.
        assume(value and not _parses(date.fromisoformat, value))
        argv += [option, value, "--period" if option == "--from" else "--from", "2026-05" if option == "--from"
                 else "2026-05-01"]
    elif option == "--portal":
        argv += ["--period", "2026-05", "--portal", value]
    elif option in ("--lookback-months", "--run-id"):
        assume(not _parses(int, value) and command in ("run", "score"))
        argv += ["--period", "2026-05", option if (option, command) != ("--lookback-months", "score") else "--run-id",
                 value]
    else:
        argv += [option, value]
    code, lines = _cli(argv, capsys)
    assert code == 2 and len(lines) == 1 and "Traceback" not in lines[0], (argv, code, lines)
    assert not (WORK / "never.db").exists() and not (WORK / "out").exists()


@settings(FAST, max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(loose, min_size=1, max_size=4))
def test_cli_unknown_commands_exit_2_with_one_line(capsys, argv):
    TRIED["cli"] += 1
    assume(argv[0] not in {"run", "score", "nightly", "replay", "archive", "check", "override", "not-applicable",
                           "inspect", "demo",
                           "-h", "--help"} and not any(a == "-h" or (len(a) > 2 and "--help".startswith(a)) for a in argv))
    code, lines = _cli(argv, capsys)
    assert code == 2 and len(lines) == 1, (argv, code, lines)


def test_zz_inputs_tried():
    """Runs last in the module (pytest keeps file order): prints how many inputs the properties above tried."""
    print(f"\ninputs tried: {sum(TRIED.values())} ({', '.join(f'{k} {v}' for k, v in sorted(TRIED.items()))})")
    if len(TRIED) == 6:
        assert all(v > 0 for v in TRIED.values())
