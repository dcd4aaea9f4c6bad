"""Crawl safety (issue #9 item 3): a registry or a portal cannot make the crawler leave its portals.

The policy is checked directly, then a real crawl (the CLI in a subprocess, real Scrapy) of two small portals served
on loopback: one whose sections redirect to another host, to the cloud metadata address and to a local file, and one
registered by a hostname (`localhost`) that resolves to loopback."""
import ipaddress
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from datetime import date

import pytest
from sqlalchemy import select

from audit.registry import Portal
from conftest import write_registry
from crawler.guard import Policy, address_class
from storage.db import open_db, sessions
from storage.models import ArchiveRecord, Fact, PortalCrawl


def _portal(pid, url):
    return Portal(pid, pid, "commune", url, "phu-luc-2")


@pytest.mark.parametrize("address,expected", [
    ("8.8.8.8", None), ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link_local"), ("fe80::1", "link_local"), ("::1", "loopback"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::ffff:169.254.169.254", "link_local"), ("100.64.0.1", "private"),
    ("2001:4860:4860::8888", None)])
def test_address_classes(address, expected):
    assert address_class(ipaddress.ip_address(address)) == expected


def test_policy_keeps_each_request_on_its_portal():
    policy = Policy([_portal("farm", "http://127.0.0.5:8080/"), _portal("real", "https://bacninh.gov.vn/web/so-a"),
                     _portal("meta", "http://169.254.169.254/"), _portal("intranet", "http://10.1.2.3/")])
    assert policy.static_refusal("http://127.0.0.5:8080/tin-tuc", "farm") is None
    assert policy.static_refusal("https://bacninh.gov.vn/web/so-b/x", "real") is None  # host, not path, is the limit
    assert policy.static_refusal("http://bacninh.gov.vn/robots.txt", None) is None  # default ports are the same host
    assert policy.static_refusal("http://10.1.2.3/a", "intranet") is None
    refused = {
        ("http://127.0.0.6:8080/", "farm"): "ngoài cổng",
        ("http://127.0.0.5:9999/", "farm"): "ngoài cổng",
        ("https://bacninh.gov.vn/", "farm"): "ngoài cổng",
        ("file:///etc/passwd", "farm"): "lược đồ 'file:'",
        ("ftp://127.0.0.5:8080/x", "farm"): "lược đồ 'ftp:'",
        ("http://169.254.169.254/latest/meta-data/", "meta"): "link_local",  # never, even by IP literal
        ("http://evil.example/", None): "ngoài cổng",
    }
    for (url, portal), why in refused.items():
        reason = policy.static_refusal(url, portal)
        assert reason and why in reason and url in reason, (url, reason)


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    hits: list = []

    def do_GET(self):
        self.hits.append((self.server.server_address, self.path))
        status, headers, body = self.routes.get(self.path, (404, {}, "<html><body>không có</body></html>"))
        self.send_response(status)
        for k, v in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(k, v)
        data = body.encode("utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def _serve(host):
    server = ThreadingHTTPServer((host, 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_crawl_refuses_other_hosts_metadata_files_and_loopback_names(cli, tmp_path, db_url):
    portal, other = _serve("127.0.0.1"), _serve("127.0.0.3")
    port, other_port = portal.server_address[1], other.server_address[1]
    home = ("<html><head><title>Xã thử</title></head><body><nav>"
            "<a href='/gioi-thieu'>Giới thiệu</a><a href='/tin-tuc'>Tin tức</a>"
            "<a href='/lien-he'>Liên hệ</a><a href='/van-ban'>Văn bản</a></nav></body></html>")
    _Handler.routes = {
        "/": (200, {}, home),
        "/gioi-thieu": (302, {"Location": f"http://127.0.0.3:{other_port}/gioi-thieu"}, ""),
        "/tin-tuc": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, ""),
        "/lien-he": (301, {"Location": "file:///etc/passwd"}, ""),
        "/van-ban": (200, {}, "<html><body><h1>Văn bản</h1></body></html>"),
    }
    _Handler.hits = []
    try:
        reg = write_registry(tmp_path / "reg.csv", [_portal("xa-thu", f"http://127.0.0.1:{port}/"),
                                                    _portal("xa-ten", f"http://localhost:{port}/")])
        code, out, err = cli("run", "--registry", reg, "--period", "2026-05", "--db", db_url, "--out", tmp_path / "r",
                             env={"PORTAL_AUDIT_IGNORE_ROBOTS": "1"})
        assert code in (0, 1, 3), err
    finally:
        portal.shutdown()
        other.shutdown()
    assert not [h for h in _Handler.hits if h[0][1] == other_port], "the other host was contacted"
    engine = open_db(db_url)
    with sessions(engine)() as s:
        crawls = {pc.portal_id: pc for pc in s.scalars(select(PortalCrawl))}
        sections = {f.data["key"]: f.data for f in s.scalars(select(Fact).where(Fact.kind == "section"))}
        archived = {r.url: r.fetch_status for r in s.scalars(select(ArchiveRecord))}
    engine.dispose()
    assert crawls["xa-thu"].status == "ok"
    assert crawls["xa-ten"].status == "blocked_unsafe" and "localhost" in crawls["xa-ten"].detail \
        and "loopback" in crawls["xa-ten"].detail
    # Each refused redirect is stored as its section's status, with the URL it came from, not as an empty section.
    assert sections["gioi-thieu"]["status"] == "blocked_unsafe"
    assert sections["tin-tuc"]["status"] == "blocked_unsafe"
    assert sections["thong-tin-lien-he"]["status"] == "blocked_unsafe"
    assert sections["van-ban"]["status"] == "ok"
    # …and in the evidence archive, naming the refused target.
    assert archived[f"http://127.0.0.3:{other_port}/gioi-thieu"] == "blocked_unsafe"
    assert archived["http://169.254.169.254/latest/meta-data/"] == "blocked_unsafe"
    assert archived[f"http://localhost:{port}/"] == "blocked_unsafe"
    results = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    verdicts = [c for p in results["portals"] if p["id"] == "xa-thu" for c in p["criteria"]]
    blocked = [c for c in verdicts if "blocked_unsafe" in json.dumps(c, ensure_ascii=False)]
    assert blocked and all(c["state"] == "not_evaluable" for c in blocked)
