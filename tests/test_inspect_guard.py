"""`portal-audit inspect URL` fetches under the crawl's rules (crawler/understand.py, crawler/guard.py): a page
named by a loopback IP literal may be read, but a redirect from it to a hostname resolving to loopback, to a local
file or in an endless chain is refused before it is followed, with one Vietnamese line and exit 2."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from audit.errors import ConfigError
from crawler import guard, understand


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    hits: list = []

    def do_GET(self):
        self.hits.append(self.path)
        status, headers, body = self.routes.get(self.path, (404, {}, ""))
        self.send_response(status)
        for k, v in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(k, v)
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    page = "<html><head><title>Giới thiệu</title></head><body><h1>Giới thiệu</h1><p>Xã thử.</p></body></html>"
    _Handler.routes = {
        "/page": (200, {}, page),
        "/moved": (302, {"Location": "/page"}, ""),
        "/to-canary": (302, {"Location": f"http://localhost:{port}/canary"}, ""),
        "/to-file": (301, {"Location": "file:///etc/passwd"}, ""),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, ""),
        "/canary": (200, {}, "<html><body>canary</body></html>"),
        "/big": (200, {}, b"<html><body>" + b"x" * 4096 + b"</body></html>"),
        **{f"/loop{i}": (302, {"Location": f"/loop{i + 1}"}, "") for i in range(10)},
    }
    _Handler.hits = []
    yield f"http://127.0.0.1:{port}"
    srv.shutdown()


def test_a_loopback_ip_literal_target_and_its_same_host_redirect_are_read(server):
    body, url = understand.load(f"{server}/moved")
    assert "Xã thử".encode() in body and url == f"{server}/page"


@pytest.mark.parametrize("path,why", [("/to-canary", "localhost"), ("/to-file", "file:"),
                                      ("/to-metadata", "link_local"), ("/loop0", "chuyển hướng")])
def test_unsafe_redirects_are_refused_before_they_are_followed(server, path, why):
    with pytest.raises(ConfigError, match=why) as err:
        understand.load(f"{server}{path}")
    assert "\n" not in str(err.value)
    assert "/canary" not in _Handler.hits, "the canary was reached"
    assert len([h for h in _Handler.hits if h.startswith("/loop")]) <= understand.MAX_REDIRECTS + 1


def test_a_hostname_target_resolving_to_loopback_is_refused(server):
    port = server.rsplit(":", 1)[1]
    with pytest.raises(ConfigError, match="loopback"):
        understand.load(f"http://localhost:{port}/canary")
    assert _Handler.hits == []


def test_the_body_is_capped_like_the_crawls(server, monkeypatch):
    monkeypatch.setattr(understand.settings, "DOWNLOAD_MAXSIZE", 1024)
    with pytest.raises(ConfigError, match="too_large"):
        understand.load(f"{server}/big")


def test_refusal_is_the_guards_rule_without_the_portal_host_rule():
    allowed = guard.literal_classes(["http://10.1.2.3/"])
    assert guard.refusal("http://10.1.2.3/a", allowed) is None
    assert "private" in guard.refusal("http://10.9.9.9/a", allowed)
    assert guard.refusal("https://example.gov.vn/", {}, resolver=lambda host: ["203.113.1.1"]) is None
    assert "loopback" in guard.refusal("https://intranet.example/", {}, resolver=lambda host: ["127.0.0.1"])
    assert "lược đồ 'ftp:'" in guard.refusal("ftp://example.gov.vn/", {})


def test_the_cli_says_one_line_and_exits_2(cli, server):
    code, out, err = cli("inspect", f"{server}/to-canary")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "blocked_unsafe" in err, (code, out, err)
    assert "/canary" not in _Handler.hits
