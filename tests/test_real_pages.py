"""Real pages read the same way by the crawl and by `portal-audit inspect`.

The ~400 real pages of ../shared/realpages (a real Liferay 6.2 portal, mirrored in 2022; third-party data, read
from there, never copied here) are served on loopback at their original paths, so their relative links work among
themselves, behind a start page of the test's own whose menu "Tin tức" links every one of them, and crawled as one
portal by the real CLI. Pages the crawl stored a reading for are then inspected from their saved files, as a user
would, with the same cues the crawl had (the menu label of a section page, the listing's title of an article): the
list's items, and an article's title, date and method, must be the ones stored. Without ../shared the test fails:
CI has it.
"""
from __future__ import annotations

import csv
import html
import json
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from conftest import SHARED

PAGES = SHARED / "realpages" / "pages"
COMPARED = 40  # listing pages inspected again (each is a CLI call)


def _site() -> tuple[dict[str, Path], list[tuple[str, str]]]:
    """The pages by their original path, and some articles (path, the <title>'s headline) for the test's own
    listing: the crawl samples the newest articles a portal lists, and the real listings' newest are not saved."""
    rows = list(csv.DictReader((SHARED / "realpages" / "manifest.csv").open(encoding="utf-8")))
    site = {"/" + r["source_path"].removeprefix("source/"): PAGES / r["file"] for r in rows}
    articles = [("/" + r["source_path"].removeprefix("source/"), r["title"].split(" - ")[0]) for r in rows
                if r["rough_kind"] == "article" and "pop_up" not in r["source_path"]]
    return site, articles[::17][:5]


class _Handler(BaseHTTPRequestHandler):
    site: dict[str, Path] = {}
    articles: list[tuple[str, str]] = []

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0].split("#")[0]
        if path == "/tin-moi":  # the test's own listing of real articles, dated as the newest of the portal
            entries = "".join(f'<li><a href="{p}">{html.escape(t)}</a> <span>Ngày đăng: 2{i}/12/2025</span></li>'
                              for i, (p, t) in enumerate(self.articles))
            self._send(f"<html><body><h1>Tin mới đăng</h1><ul>{entries}</ul></body></html>".encode())
            return
        if path == "/":
            menu = '<li><a href="/tin-moi">Tin tức</a></li>' + "".join(
                f'<li><a href="{p}">Tin tức</a></li>' for p in sorted(self.site))
            self._send((f'<html><head><title>Trang chủ</title></head><body><nav class="menu"><ul>{menu}</ul></nav>'
                        f"<p>Trang thử nghiệm</p></body></html>").encode())
            return
        page = self.site.get(path)
        if page is None:
            self.send_error(404)
            return
        self._send(page.read_bytes())

    def _send(self, body: bytes):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def real_site():
    if not PAGES.is_dir():
        pytest.fail(f"{PAGES} is missing: the real pages are read from ../shared beside the repository")
    _Handler.site, _Handler.articles = _site()
    server = ThreadingHTTPServer(("127.0.0.61", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.61:{server.server_address[1]}", _Handler.site
    server.shutdown()


def test_the_crawl_stores_what_inspect_prints(real_site, cli, tmp_path):
    base, site = real_site
    registry = tmp_path / "real.csv"
    registry.write_text("id,name,kind,url,rubric\nso-tttt,Sở Thông tin và Truyền thông,department,"
                        f"{base}/,phu-luc-1\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'real.db'}"
    code, _, err = cli("run", "--registry", registry, "--period", "2022-07", "--db", db, "--out", tmp_path / "out",
                       "--lookback-months", "0", env={"PORTAL_AUDIT_WORKERS": "1"})
    assert code in (0, 1), err
    engine = create_engine(db)
    with engine.connect() as conn:
        pages = conn.execute(text("SELECT url, kind, title, published_at, date_method FROM page "
                                  "WHERE fetch_status = 'ok'")).all()
        facts = [(k, json.loads(d) if isinstance(d, str) else d)
                 for k, d in conn.execute(text("SELECT kind, data FROM fact")).all()]
    listed = {d["url"]: d["title"] for k, d in facts if k == "item"}
    labels = {d["url"]: d["label"] for k, d in facts if k == "section"}
    stored_items: dict[str, set] = {}
    for k, d in facts:
        if k == "item" and d.get("listed_on"):
            stored_items.setdefault(d["listed_on"], set()).add((d["url"], d["title"], d["published_at"]))
    articles = [p for p in pages if p.kind == "detail" and p.title]
    listings = sorted(u for u in stored_items if u.split(base)[-1].split("?")[0] in site)
    assert len(articles) == 5 and any(p.published_at for p in articles), "the crawl read dated real articles"
    assert len(listings) >= COMPARED, "the crawl read real listings' items"
    listings = listings[::max(1, len(listings) // COMPARED)][:COMPARED]
    for p in articles:
        file = site[p.url.split(base)[-1].split("?")[0]]
        code, out, err = cli("inspect", file, "--json", "--url", p.url, "--title-hint", listed.get(p.url, ""))
        assert code == 0, err
        info = json.loads(out)
        got = (info["title"], info["published_at"], info["date_method"])
        when = p.published_at if p.published_at is None or isinstance(p.published_at, datetime) \
            else datetime.fromisoformat(str(p.published_at))
        want = (p.title, when.isoformat() if when else None, p.date_method)
        assert got == want, f"{file.name}: inspect {got} ≠ crawl {want}"
    for url in listings:
        file = site[url.split(base)[-1].split("?")[0]]
        code, out, err = cli("inspect", file, "--json", "--url", url, "--section-hint", labels.get(url, ""))
        info = json.loads(out)
        got = {(i["url"], i["title"], i["published_at"]) for i in info["items"]}
        assert got == stored_items[url], f"{file.name}: inspect and crawl read different items"
