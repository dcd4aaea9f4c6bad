"""Request routing for one farm: (portal, method, path, args) -> (status, content type, body).

Independent of the web server so tests and tools can render pages without sockets. Responses are memoised per
request key: a crawl fetches each URL about once, and a repeat costs a dict lookup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from farm import cms, cms_pages, faults, pages, portal4, unreadable
from farm.chrome import intro_subpages
from farm.formats import gson, ymd_slash
from farm.listing import PORTLET, resource_response
from farm.model import Farm, PortalModel
from farm.portals import FarmPortal, portal_at

HTML = "text/html; charset=utf-8"
JSON = "application/json;charset=UTF-8"
DETAIL = re.compile(r"/-/details/(\d+)/[^/]*-(\d+)$")
VIEW_CONTENT = re.compile(r"^(.*)/-/view_content/(pop_up/)?(\d+)-([^/]*)$")  # portal4 articles and print views
CACHE_LIMIT = 50000


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    location: str | None = None
    delay: float = 0.0  # seconds the server waits before answering (slow-portal fault)
    content_encoding: str | None = None  # gzip-bomb fault: the body is sent as is, gzip-encoded
    stream: str | None = None  # served piece by piece by the server: "trickle" (forever) or "chunks" (streamed-50mb)


class FarmSite:
    def __init__(self, seed: int, now: datetime, port: int, faults: bool = True):
        self.farm = Farm(seed, now)
        self.port = port
        self.faults = faults  # False: every portal up and well-behaved (`serve --no-faults`)
        self._cache: dict[tuple, Response] = {}
        self._routes: dict[str, dict[str, tuple]] = {}
        self._faulty = FaultLayer(self)

    # -- entry points ------------------------------------------------------------------------------------------
    def handle_address(self, address: str, method: str, path: str, args: dict[str, str]) -> Response:
        """What a client connected to `address` gets: the portal's page, through its fault if it has one."""
        portal = portal_at(address, path)
        if portal is None:
            return Response(404, HTML, pages.not_found(None, self.port).encode())
        fault = faults.fault_of(portal.id, self.faults)
        if fault is None:
            return self.handle(portal, method, path, args)
        return self._faulty.handle(fault, portal, method, path, args)

    def handle(self, portal: FarmPortal, method: str, path: str, args: dict[str, str]) -> Response:
        key = (portal.id, method if method == "POST" else "GET", path, tuple(sorted(args.items())))
        hit = self._cache.get(key)
        if hit is None:
            hit = self._render(portal, path, args)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    # -- routing -----------------------------------------------------------------------------------------------
    def _routes_for(self, m: PortalModel) -> dict[str, tuple]:
        routes = self._routes.get(m.portal.id)
        if routes is None:
            b = m.base
            routes = {b or "/": ("home",), f"{b}/trang-chu": ("home",), f"{b}/thu-vien-video": ("video",)}
            search_path = cms.search_path(m.platform, b)[0].rstrip("/") or "/"
            if m.search != "absent" and search_path not in routes:
                routes[search_path] = ("search",)
            # portal4 pages answer with and without a language prefix: routes are keyed by the bare path.
            bare = (lambda h: portal4.split_lang(h)[1]) if m.theme.frame == "portal4" else (lambda h: h)
            for sec in m.sections.values():
                if sec.href.startswith("/"):
                    routes[bare(sec.href).rstrip("/")] = ("section", sec.key)
            for href, label in intro_subpages(m):
                routes[bare(href).rstrip("/")] = ("intro-sub", href, label)
            if m.english_href:
                routes[m.english_href.rstrip("/")] = ("english",)
            if m.theme.frame == "portal4":
                for k in range(len(portal4.config(m).subcategories)):
                    routes[bare(portal4.subcategory_href(m, k))] = ("subcategory", k)
            if m.platform != "liferay":
                # Article URLs of other CMSs are plain paths (SharePoint ?ItemID= ones keyed with their query).
                for it in m.articles.values():
                    routes[it.path.rstrip("/")] = ("article", it.id)
            self._routes[m.portal.id] = routes
        return routes

    def _render(self, portal: FarmPortal, path: str, args: dict[str, str]) -> Response:
        m = self.farm.model(portal.id)
        port = self.port
        if path == "/robots.txt":
            extra = f"Sitemap: http://{portal.address}:{port}/sitemap.xml\n" if m.platform in cms.SITEMAP else ""
            return Response(200, "text/plain; charset=utf-8", f"User-agent: *\nDisallow:\n{extra}".encode())
        if m.platform in cms.SITEMAP and path == "/sitemap.xml":
            return Response(200, "application/xml; charset=utf-8", cms_pages.sitemap(m, port).encode())
        if path.startswith("/documents/"):
            return Response(200, "application/pdf", b"%PDF-1.4\n% farm placeholder\n%%EOF\n")
        if len(path) > 1 and path.endswith("/"):
            path = path.rstrip("/")
        if m.theme.frame == "portal4":
            lang, path = portal4.split_lang(path)
            token = portal4.UI_LANG.set("en" if lang == "en" else "vi")  # UI strings follow the URL's prefix
            try:
                return self._dispatch(m, path, args)
            finally:
                portal4.UI_LANG.reset(token)
        return self._dispatch(m, path, args)

    def _dispatch(self, m: PortalModel, path: str, args: dict[str, str]) -> Response:
        port = self.port
        if path in ("", "/") and m.base:
            return Response(302, HTML, b"", location=m.base)
        routes = self._routes_for(m)
        path, page_num = cms.split_paging(m.platform, path)
        if page_num is not None:
            args = {**args, "page": str(page_num)}
        route = routes.get(path or "/")
        if route is None and "ItemID" in args:
            route = routes.get(f"{path}?ItemID={args['ItemID']}")
        if route is None and m.theme.frame == "portal4":
            return self._view_content(m, routes, path, args)
        if route is None:
            match = DETAIL.search(path)
            if match and path.startswith(m.base + "/") and int(match.group(1)) == m.group_id:
                it = m.articles.get(int(match.group(2)))
                if it is not None:
                    return _html(pages.article(m, it, port, print_version=bool(args.get("print"))))
            return Response(404, HTML, pages.not_found(m, port).encode())
        kind = route[0]
        if kind == "article":
            return _html(pages.article(m, m.articles[route[1]], port, print_version=bool(args.get("print"))))
        search_param = cms.search_path(m.platform, m.base)[1]
        if kind == "home" and m.platform == "wordpress" and args.get(search_param) and m.search != "absent":
            kind = "search"  # WordPress searches at /?s=
        if kind == "home":
            return _html(pages.home(m, port))
        if kind == "video":
            return _html(pages.video(m, port))
        if kind == "english":
            return _html(pages.english(m, port))
        if kind == "search":
            return _html(pages.search_results(m, port, args.get(search_param, "")))
        if kind == "intro-sub":
            return _html(pages.intro_subpage(m, route[1], route[2], port))
        if kind == "subcategory":
            return _html(portal4.subcategory(m, route[1], port, args))
        sec = m.sections[route[1]]
        lifecycle = args.get("p_p_lifecycle")
        if lifecycle == "2":
            return self._resource(m, sec, args)
        if sec.page == "listing":
            return _html(pages.category(m, sec, port, args, explode=faults.trap(m, "query-explosion", self.faults)))
        renderer = {"intro": pages.intro, "history": pages.history, "access": pages.access,
                    "directory": pages.directory, "procedures": pages.procedures}.get(sec.page)
        if renderer is not None:
            return _html(renderer(m, sec, port))
        if sec.page == "qa":
            return _html(pages.qa(m, sec, port, args))
        if sec.page == "documents":
            return _html(pages.documents(m, sec, port, args))
        if sec.page == "schedule":
            return _html(pages.schedule(m, sec, port, args, endless=faults.trap(m, "endless-calendar", self.faults)))
        return Response(404, HTML, pages.not_found(m, port).encode())

    def _view_content(self, m: PortalModel, routes: dict, path: str, args: dict[str, str]) -> Response:
        """A portal4 article below any category page that lists it (`<category>/-/view_content/<id>-<slug>`), or
        its print view (`…/-/view_content/pop_up/<id>-<slug>?_101_viewMode=print`)."""
        match = VIEW_CONTENT.match(path)
        it = m.articles.get(int(match.group(3))) if match else None
        route = routes.get(match.group(1)) if match else None
        listed_here = route is not None and it is not None and (
            (route[0] == "section" and route[1] == it.section)
            or (route[0] == "subcategory" and portal4.subcategory_of(m, it) == route[1]))
        if not listed_here or it.path.rsplit("-/view_content/", 1)[1] != f"{match.group(3)}-{match.group(4)}":
            return Response(404, HTML, pages.not_found(m, self.port).encode())
        printing = bool(match.group(2)) and args.get("_101_viewMode") == "print"
        return _html(pages.article(m, it, self.port, print_version=printing))

    def _resource(self, m: PortalModel, sec, args: dict[str, str]) -> Response:
        rid = args.get("p_p_resource_id")
        ppid = args.get("p_p_id", "")
        if sec.page == "listing" and m.theme.frame == "portal4":
            return Response(404, JSON, b'{"error":"unknown resource"}')  # HTML-only listings, as the real theme
        if sec.page == "listing" and rid == "loadPage" and ppid.startswith(PORTLET):
            return Response(200, JSON, resource_response(m, sec, args).encode())
        if sec.page == "qa" and rid == "getQuestions" and ppid == pages.QA_PORTLET:
            return Response(200, JSON, qa_json(m, args).encode())
        return Response(404, JSON, b'{"error":"unknown resource"}')


class FaultLayer:
    """Serves a faulty portal: its normal responses (FarmSite.handle), broken the way its fault says."""

    def __init__(self, site: FarmSite):
        self.site = site
        self._requests: dict[tuple, int] = {}  # flaky-5xx: requests seen per listing URL
        self._huge: dict[str, Response] = {}

    def handle(self, fault: faults.Fault, portal: FarmPortal, method: str, path: str, args: dict[str, str]) -> Response:
        site, kind = self.site, fault.kind
        m = site.farm.model(portal.id)
        sec = m.sections.get(fault.section) if fault.section else None
        target = sec.href if sec is not None and sec.href.startswith("/") else None
        if kind == "down":  # the server never listens on it; a request that still arrives gets nothing useful
            return Response(404, HTML, pages.not_found(None, site.port).encode())
        if kind == "robots" and path == "/robots.txt":
            body = f"User-agent: *\nDisallow: {target}\n" if target else "User-agent: *\nDisallow:\n"
            return Response(200, "text/plain; charset=utf-8", body.encode())
        if kind == "404-section" and target and path.rstrip("/") == target:
            return Response(404, HTML, pages.not_found(m, site.port).encode())
        if kind == "redirect-loop" and target and path in (target, target + "/"):
            return Response(302, HTML, b"", location=target + "/" if path == target else target)
        if target and path.rstrip("/") == target and not args and kind in SECTION_BODIES:
            return SECTION_BODIES[kind](portal.id)
        if target and path.rstrip("/") == target and not args and kind in unreadable.RENDERERS:
            return _html(unreadable.RENDERERS[kind](m, sec, site.port))
        if kind == "huge-page" and target and path.rstrip("/") == target and not args:
            if target not in self._huge:
                page = site.handle(portal, method, path, args)
                self._huge[target] = Response(200, HTML, faults.huge(page.body.decode("utf-8")).encode("utf-8"))
            return self._huge[target]
        if kind == "flaky-5xx" and self._is_listing(m, path):
            key = (method, path, tuple(sorted(args.items())))
            n = self._requests[key] = self._requests.get(key, 0) + 1
            if n % 3 == 1:
                return Response(503, HTML, b"<html><body><h1>503 Service Unavailable</h1></body></html>")
        resp = site.handle(portal, method, path, args)
        if fault.tls:  # absolute URLs some themes write (pages, listing JSON) are https on an HTTPS-only portal
            origin = portal.address.encode() + b":" + str(site.port).encode()
            resp = replace(resp, body=resp.body.replace(b"http://" + origin, b"https://" + origin))
        if not resp.content_type.startswith("text/html") or not resp.body:
            return resp
        if kind == "slow":
            home = path in ("", "/", m.base, m.base + "/")
            return replace(resp, delay=faults.slow_delay(m.seed, portal.id, path, args, home))
        if kind == "malformed-html":
            return replace(resp, body=faults.malform(resp.body.decode("utf-8")).encode("utf-8"))
        if kind == "wrong-charset":
            return replace(resp, content_type="text/html; charset=windows-1252")
        if kind == "invalid-utf8":
            return replace(resp, body=faults.invalid_utf8(resp.body))
        if kind == "legacy-charset":
            return replace(resp, content_type="text/html; charset=windows-1258",
                           body=faults.to_cp1258(resp.body.decode("utf-8")))
        return resp

    @staticmethod
    def _is_listing(m: PortalModel, path: str) -> bool:
        return any(s.page == "listing" and path.rstrip("/") == s.href for s in m.sections.values())


# Section faults that replace the landing page's whole answer (hostile content, timeout, failing directory).
SECTION_BODIES = {
    "timeout": lambda pid: Response(200, HTML, b"", stream="trickle"),
    "directory-5xx": lambda pid: Response(500, HTML, b"<html><body><h1>500 Internal Server Error</h1></body></html>"),
    "gzip-bomb": lambda pid: Response(200, HTML, faults.gzip_bomb(), content_encoding="gzip"),
    "streamed-50mb": lambda pid: Response(200, HTML, b"", stream="chunks"),
    "deep-nesting": lambda pid: Response(200, HTML, faults.deep_nesting()),
    "binary-html": lambda pid: Response(200, HTML, faults.binary_body(pid)),
}


def _html(text: str) -> Response:
    return Response(200, HTML, text.encode("utf-8"))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return default


def qa_json(m: PortalModel, args: dict[str, str]) -> str:
    """The answered_questions resource: items and answerList are JSON strings inside the JSON, as in the 2014 code."""
    ns = f"_{pages.QA_PORTLET}_"
    get = lambda k: args.get(k) if args.get(k) not in (None, "") else args.get(ns + k)  # noqa: E731
    per_page = min(max(_int(get("numPerPage"), 10), 1), 50)
    page_num = max(_int(get("pageNum"), 1), 1)
    keyword = (get("searchKeyWord") or "").strip().lower()
    questions = [q for q in m.questions if keyword in q.title.lower()] if keyword else m.questions
    chunk = questions[(page_num - 1) * per_page: page_num * per_page]
    today = m.now.date()
    items = [{"_question_id": q.id, "_question_title": q.title, "_question_content": q.content,
              "_citizen_name": q.citizen, "_citizen_address": q.address, "dateDisplay": ymd_slash(q.asked)}
             for q in chunk]
    answers = [{"_answer_id": q.answer_id, "_question_id": q.id, "_answer_content": f"<p>{q.answer}</p>",
                "organizationName": q.organization, "formatedCreatedDate": ymd_slash(q.answered)}
               for q in chunk if q.answered is not None and q.answered <= today]
    num_pages = -(-len(questions) // per_page)
    return gson({"items": gson(items), "recordPerPage": per_page, "numOfPage": num_pages,
                 "answerList": gson(answers)})
