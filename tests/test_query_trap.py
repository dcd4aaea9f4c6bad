"""A trap of ever-changing query strings (crawler/budget.py): a portal whose links carry a new session token on every
page would spend its whole request budget on one listing and never be evaluated. The same path with a parameter
taking more values than rules/incremental.yaml `query_variants` is stopped, named `query_trap` once, and the rest
of the portal is read and scored.

A real crawl (the CLI, real Scrapy) of a small portal on loopback; a small request budget stands in for a night's
5,000 so the test is quick."""
import itertools
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import yaml
from sqlalchemy import select

from audit.registry import Portal
from conftest import REPO, write_registry
from storage.db import open_db, sessions
from storage.models import Fact, PortalCrawl

BUDGET = 150
_tokens = itertools.count(1_000_000)


def _sid() -> str:
    return f"s{next(_tokens):x}"


def _menu() -> str:
    # Every rendering gives each menu entry a new token, as a cookieless session or a cache-buster would.
    return ("<nav class='menu'>" + "".join(f"<a href='/{path}?sid={_sid()}'>{label}</a>" for path, label in (
        ("gioi-thieu", "Giới thiệu"), ("tin-tuc", "Tin tức"), ("van-ban", "Văn bản"), ("lien-he", "Liên hệ"))) +
        "</nav>")


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<header>{_menu()}</header><main><h1>{title}</h1>{body}</main></body></html>")


def _news(page: int) -> str:
    entries = "".join(
        f"<div class='news-item'><h3><a href='/tin-tuc/bai-{page}-{i}.html'>Tin hoạt động số {page}-{i} của xã</a>"
        f"</h3><p class='date'>{10 + i % 10:02d}/05/2026</p></div>" for i in range(8))
    pager = "".join(f"<a href='/tin-tuc?page={n}&sid={_sid()}'>{n}</a>" for n in range(max(1, page - 3), page + 4)
                    if n != page)
    return _page("Tin tức", f"<div class='news-list'>{entries}</div><div class='pagination'>{pager}"
                            f"<a href='/tin-tuc?page={page + 1}&sid={_sid()}'>Trang sau</a></div>")


class _Portal(BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):
        parts = urlsplit(self.path)
        self.hits.append(self.path)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/":
            html = _page("Xã Bẫy", "<p>Cổng thông tin điện tử xã Bẫy.</p>")
        elif path == "/tin-tuc":
            html = _news(int(query.get("page", ["1"])[0]))
        elif path.startswith("/tin-tuc/bai-"):
            html = _page("Tin hoạt động của xã", "<p>Ngày 12/05/2026, xã tổ chức hội nghị.</p>")
        elif path == "/van-ban":
            html = _page("Văn bản", "<table><tr><th>Số ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th></tr>"
                                    "<tr><td>12/QĐ-UBND</td><td>Quyết định về kế hoạch năm</td><td>05/05/2026</td></tr>"
                                    "</table>")
        elif path in ("/gioi-thieu", "/lien-he"):
            html = _page("Giới thiệu", "<p>Địa chỉ: thôn Bẫy. Điện thoại: 0222 3800 000. Email: xabay@bacninh.gov.vn</p>")
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_a_query_trap_is_stopped_named_once_and_the_portal_is_still_scored(cli, tmp_path, db_url):
    variants = yaml.safe_load((REPO / "rules" / "incremental.yaml").read_text(encoding="utf-8"))["query_variants"]
    assert variants < BUDGET / 3  # the detector must act long before the budget would
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Portal.hits = []
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        reg = write_registry(tmp_path / "reg.csv", [Portal("xa-bay", "Xã Bẫy", "commune", url, "phu-luc-2")])
        code, out, err = cli("run", "--registry", reg, "--period", "2026-05", "--db", db_url, "--out", tmp_path / "r",
                             env={"PORTAL_AUDIT_IGNORE_ROBOTS": "1", "PORTAL_AUDIT_PORTAL_PAGES": str(BUDGET),
                                  "PORTAL_AUDIT_WORKERS": "1"})
        assert code in (0, 1), out + err
    finally:
        server.shutdown()
    listing = [h for h in _Portal.hits if urlsplit(h).path == "/tin-tuc"]
    assert 3 <= len(listing) <= variants, len(listing)  # the trap was entered, and left after N variants
    assert any(urlsplit(h).path == "/van-ban" for h in _Portal.hits)
    engine = open_db(db_url)
    with sessions(engine)() as s:
        crawl = s.scalars(select(PortalCrawl)).one()
        sections = {f.data["key"]: f.data["status"] for f in s.scalars(select(Fact).where(Fact.kind == "section"))}
    engine.dispose()
    assert crawl.status == "ok", crawl.detail
    assert sections.get("van-ban") == "ok" and sections.get("tin-tuc") == "ok", sections
    results = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    portal = results["portals"][0]
    assert portal["status"] != "unreachable" and portal["score"] is not None
    traps = [e for e in portal["crawl"]["errors"] if e["status"] == "query_trap"]
    assert traps == [{"url": f"{url}tin-tuc", "status": "query_trap"}], portal["crawl"]["errors"]
    page = (tmp_path / "r" / "portals" / "xa-bay.html").read_text(encoding="utf-8")
    assert "Bẫy truy vấn" in page


def test_one_script_serving_many_titled_pages_is_not_a_trap():
    """Joomla's and NukeViet's non-rewritten addresses put every article on one path (`index.php?…&id=<article>`):
    many values of one parameter, but each reached under its own title. The same menu label with a new value every
    time is the trap."""
    from scrapy import Request

    from crawler.budget import BudgetMiddleware
    gate = BudgetMiddleware(pages=5000, seconds=1200, query_variants=20)

    def passed(requests):
        return [r for r in gate.process_spider_output(None, requests) if isinstance(r, Request)]

    articles = [Request(f"https://xa.gov.vn/index.php?option=com_content&view=article&id={i}:bai-{i}&catid=4",
                        meta={"portal": "xa", "listed_title": f"Bài viết số {i}"}) for i in range(60)]
    assert len(passed(articles)) == 60
    menu = [Request(f"https://xa.gov.vn/index.php?option=com_content&view=category&id=4&sid=t{i:x}",
                    meta={"portal": "xa", "label": "Tin tức"}) for i in range(60)]
    kept = [r for r in gate.process_spider_output(None, menu)]
    assert len([r for r in kept if isinstance(r, Request)]) == 20
    assert [f["data"]["parameter"] for f in kept if isinstance(f, dict)] == ["sid"]
