"""The portal spider: one crawl over every portal of a registry, gathering the facts the rubric needs.

Thin by design: what a page means is decided in crawler/extract.py and crawler/vocab.py; what is stored is the
pipeline's job (crawler/pipelines.py). Discovery starts at the home page and follows links whose label (or, failing
that, URL) names a rubric section — menu, sub-menu, footer and sidebar alike — then reads each section the way the
Liferay portlet suite serves it (loadPage JSON, inline `data = '…'`, widget HTML, classic pagination, Q&A JSON).

Incremental nights (crawler/incremental.py): `known` holds the previous run's listing entries; a request whose meta
carries `reuse_after` may be answered from the previous run's copy without a request, others are made conditional.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import FormRequest, Request

from crawler import extract, limits, listing, platforms, sections, status, tls, vocab
from crawler.platforms import generic, liferay
from crawler.platforms.reading import Cue
from crawler.scope import Scope

ARTICLE_SAMPLE = 5  # article pages per portal checked for a print function
LISTING_PAGE_SIZE = 50  # the platform accepts recordPerPage up to 50
MAX_LISTING_PAGES = 60
MAX_HTML_LISTING_PAGES = 250  # 10-15 items a page: room for a province's 14 months of news
MAX_SCHEDULE_WEEKS = 70
CONTACT_SECTIONS = {"thong-tin-lien-he", "gioi-thieu"}
DIRECTORY_SECTIONS = {"danh-ba", "thong-tin-lien-he", "gioi-thieu"}
DOCUMENT_SECTIONS = {"van-ban", "chi-dao-dieu-hanh"}
RECORD_SECTIONS = DOCUMENT_SECTIONS | {"thu-tuc-hanh-chinh", "dich-vu-cong", "hoi-dap", "lich-cong-tac", "danh-ba"}
AJAX_HEADERS = {"X-Requested-With": "XMLHttpRequest", "Accept": "application/json, text/javascript, */*"}
LIFERAY_COOKIES = {"COOKIE_SUPPORT": "true", "GUEST_LANGUAGE_ID": "vi_VN"}
# Error statuses reach the callbacks (they become named statuses); 3xx do not, so Scrapy's RedirectMiddleware follows
# redirects (http -> https, moved sections) and stops redirect loops. `handle_httpstatus_all` would hand it the 302.
HTTP_ERRORS = list(range(400, 600))
ALWAYS = float("-inf")  # reuse_after (crawler/incremental.py): any previous copy will do


def _html(response) -> str:
    """The page's text, decoded by extract.decode (mis-declared and legacy charsets), not by Scrapy's header-first
    rule."""
    return extract.decode(response.body, response.headers.get(b"Content-Type"))


def _entry_rank(entry: tuple) -> tuple:
    """A total order over the listing entries (published_at, title, section) of one URL: an article's own section
    before a record section, then the newest date, then title and section, so that which entry names a URL listed
    several times depends on what was listed, not on which listing was read first."""
    when, title, section = entry
    return section not in RECORD_SECTIONS, when or datetime.min, title or "", section


def _with_params(url: str, **params) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query += [(k, str(v)) for k, v in params.items()]
    return urlunsplit(parts._replace(query=urlencode(query)))


class PortalState:
    def __init__(self, portal):
        self.portal = portal
        # The portals nested in this one's base URL (audit/directory.py sets them from the province's directory,
        # which holds the run's registry): never this portal's pages.
        self.scope = Scope(portal.url, portal.nested)
        self.requested: set[str] = set()
        # (url, label, region) of links already judged as section entries or not: every page repeats the menus.
        self.links_judged: set[tuple[str, str | None, str]] = set()
        self.sections: dict[str, str] = {}  # section key -> landing URL
        self.section_paths: set[str] = set()  # paths of section landings reached with a query string
        self.site_search: tuple[str, str] | None = None
        self.site_forms: set[str] = set()
        self.probed = False
        self.articles = 0
        self.item_urls: set[tuple[str, str]] = set()
        self.listing_pages: dict[str, int] = {}  # section key -> HTML listing pages followed
        self.spider = "liferay"  # the reader for this portal: platforms.detect on the home page, or the registry
        # Listed same-host items {url: {(published_at, title, section), …}}: every listing that showed the URL is
        # kept, because an article listed under two sections (or with two titles) would otherwise be named by
        # whichever listing arrived first. The article sample and the search probe are chosen from them once the
        # listings are read, by section, date, URL and title, never by the order responses arrived in.
        self.listed: dict[str, set[tuple]] = {}
        self.started = self.sampled = False


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, portals=(), lookback_from: date | None = None, now: datetime | None = None,
                 known: dict | None = None, static_fresh_days: float | None = None, open_question_days: int = 30,
                 **kw):
        super().__init__(**kw)
        self.portals = list(portals)
        self.lookback_from = lookback_from or date(1990, 1, 1)
        self.now = now or datetime.now()
        self.states = {p.id: PortalState(p) for p in self.portals}
        # Listing entries of each portal's previous run {portal: {(url, title, published_at iso) | (url, title, asked,
        # answered)}} (storage/incremental.py): several document rows may share one URL, so entries are whole tuples.
        self.known = known or {}
        # Pages without dated content younger than this are read from the previous run's copy (None: never).
        self.static_after = (self.now.timestamp() - static_fresh_days * 86400) if static_fresh_days else None
        # Open questions asked since then may still be answered on time: a copied Q&A page holding one is re-read.
        self.open_since = (self.now.date() - timedelta(days=open_question_days)).isoformat()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._sample_when_idle, signal=signals.spider_idle)
        return spider

    # -- discovery -----------------------------------------------------------------------------------------------
    async def start(self):
        for p in self.portals:
            yield self.home_request(p)

    def home_request(self, p) -> Request:
        """Where a portal's crawl begins (crawler/distributed.py hands portals out one by one through it)."""
        self.states[p.id].started = True
        return Request(p.url, callback=self.parse_home, errback=self.home_failed, dont_filter=True,
                       cookies=LIFERAY_COOKIES, meta={"portal": p.id, "handle_httpstatus_list": HTTP_ERRORS})

    def home_failed(self, failure):
        pid = failure.request.meta["portal"]
        yield {"type": "portal", "portal": pid, "status": status.from_failure(failure),
               "detail": f"{failure.request.url}: {failure.value.__class__.__name__}: {failure.value}"[:500]}

    def parse_home(self, response):
        st = self.states[response.meta["portal"]]
        code = status.from_http(response.status)
        if code != status.OK:
            yield {"type": "portal", "portal": st.portal.id, "status": code, "detail": f"{response.url}: HTTP {response.status}"}
            return
        if not hasattr(response, "text"):
            yield {"type": "portal", "portal": st.portal.id, "status": "not_html", "detail": response.url}
            return
        text = _html(response)
        try:
            doc = extract.parse(text, response.url)
        except limits.PageRefused as refused:
            yield {"type": "portal", "portal": st.portal.id, "status": refused.status, "detail": f"{response.url}: {refused}"}
            return
        found = platforms.detect(text, getattr(st.portal, "spider", "") or "")
        st.spider = found.spider
        yield {"type": "portal", "portal": st.portal.id, "status": status.OK,
               "detail": f"platform={found.platform} spider={found.spider} ({found.evidence})"}
        st.requested.add(response.url)
        yield self._page(st, response, "home", None, None)
        found_tls = self._tls(response)
        if found_tls:
            yield self._fact(st, "tls", response.url, found_tls)
        page = self._read(st, doc, text, response.url)
        if page.contact:
            yield self._fact(st, "contact", response.url, page.contact)
        form = page.search_form
        st.site_forms = extract.forms_fingerprint(doc)
        if form:
            st.site_search = (form[0], form[1])
        # A box a person sees counts as present; only a form the crawl can send is probed (a box sent by the page's
        # script stays unprobed: the audit asks a person).
        yield self._fact(st, "search", response.url, {"present": bool(form) or page.search_box, "works": None,
                                                      "url": form[0] if form else response.url})
        # Every link out of the portal's own pages, on its host or not: a department under /web/<site> links the
        # province at the root of the same host, and the province links the departments nested in it.
        for link in page.links:
            if not st.scope.contains(link.url):
                yield self._fact(st, "link", response.url, {"url": link.url, "label": link.label})
        yield from self._follow_sections(st, page, response.url)
        if st.spider == "generic":
            yield generic.sitemap_request(self, st, response.url)

    def _read(self, st, doc, text, url, cue: Cue | None = None):
        """The page's reading by the portal's reader (crawler/platforms): the only place a page is interpreted."""
        return platforms.read(doc, text, url, st.spider, now=self.now, cue=cue, same_site=st.scope.same_host)

    def parse_sitemap(self, response):
        yield from generic.parse_sitemap(self, self.states[response.meta["portal"]], response)

    def _follow_sections(self, st, page, page_url):
        for link in page.links:
            judged = (link.url, link.label, link.region, link.group, page_url if "?" in link.url else None)
            if judged in st.links_judged:
                continue
            st.links_judged.add(judged)
            if not st.scope.contains(link.url) or link.url in st.requested:
                continue
            match = sections.for_link(link, st.scope.base_path, url_grammar=st.spider != "generic", page_url=page_url)
            if match is None:
                continue
            if urlsplit(link.url).query:
                # One landing per path: the other parameter sets of a section page are its readers' business.
                path = urlsplit(link.url)._replace(query="", fragment="").geturl()
                if path in st.section_paths:
                    continue
                st.section_paths.add(path)
            st.requested.add(link.url)
            # dont_filter: st.requested already dedups; a redirect loop (A -> B -> A) must reach REDIRECT_MAX_TIMES
            # and fail as redirect_loop instead of being dropped silently by the scheduler's duplicate filter.
            meta = {"portal": st.portal.id, "section": match.key, "label": link.label or match.evidence,
                    "evidence": f"{match.evidence} ({link.region})", "confidence": match.confidence,
                    "handle_httpstatus_list": HTTP_ERRORS}
            if self.static_after is not None:
                meta.update(reuse_after=self.static_after, landing=True)
            yield Request(link.url, callback=self.parse_section, errback=self.section_failed, cookies=LIFERAY_COOKIES,
                          dont_filter=True, meta=meta)

    def section_failed(self, failure):
        meta = failure.request.meta
        st = self.states[meta["portal"]]
        yield self._fact(st, "section", failure.request.url, {"key": meta["section"], "url": failure.request.url,
                                                             "label": meta["label"], "status": status.from_failure(failure),
                                                             "confidence": meta.get("confidence", 1.0)})

    # -- sections ------------------------------------------------------------------------------------------------
    def parse_section(self, response):
        meta = response.meta
        st, section = self.states[meta["portal"]], meta["section"]
        code = status.from_http(response.status)
        text = doc = None
        if code == status.OK and hasattr(response, "text"):
            text = _html(response)
            try:
                doc = extract.parse(text, response.url)
            except limits.PageRefused as refused:
                code = refused.status
        page = None
        if doc is not None:
            page = self._read(st, doc, text, response.url, Cue(label=meta.get("label"), section=section,
                                                               evidence=meta.get("evidence"),
                                                               confidence=meta.get("confidence")))
        if page is not None and "reused" in response.flags and meta.get("landing") and "reuse_after" in meta \
                and self._dated(section, page):
            # A fresh-enough copy, but of a page that lists dated content (inline or HTML listing, documents,
            # schedule, questions): listings are re-read every night, so ask the server (conditionally) instead.
            yield response.request.replace(meta={k: v for k, v in meta.items() if k != "reuse_after"},
                                           dont_filter=True)
            return
        # The link chose the section; the page's breadcrumb, menu entry or heading confirms it or disagrees.
        check = page.confirmation(section, meta.get("evidence"), meta.get("confidence", 1.0)) if page is not None \
            else sections.Confirmation(section, meta.get("evidence"), meta.get("confidence", 1.0))
        yield self._fact(st, "section", response.url, {"key": section, "url": response.url, "label": meta["label"],
                                                       "status": code, "evidence": check.evidence,
                                                       "confidence": check.confidence, "conflict": check.conflict})
        yield self._page(st, response, "section", section, check.evidence, fetch_status=code)
        if page is None:
            return
        yield from self._read_page(st, section, page, response)
        yield from self._follow_sections(st, page, response.url)

    @staticmethod
    def _dated(section, page) -> bool:
        if section in DOCUMENT_SECTIONS or section == "lich-cong-tac":
            return True
        if getattr(page, "inline_items", ()):
            return True  # the page carries its first listing page; a resource URL alone is read on its own night
        # A list with dates changes night by night; a static page's list of sub-pages does not.
        return any(e.published_at is not None for e in page.entries) or page.question_table is not None

    def _read_page(self, st, section, page, response):
        url, doc = response.url, page.doc
        for key, label in page.elements(section):
            yield self._fact(st, "element", url, {"key": key, "url": url, "label": label})
        if section in CONTACT_SECTIONS:
            if page.contact:
                yield self._fact(st, "contact", url, page.contact)
        if section in DIRECTORY_SECTIONS:
            entries = page.directory
            if entries is not None:
                yield self._fact(st, "directory", url, {"url": url, "entries": entries})
        documents_read = False
        if section in DOCUMENT_SECTIONS:
            rows = page.documents
            if rows is not None:
                documents_read = True
                own_forms = extract.forms_fingerprint(doc) - st.site_forms
                yield self._fact(st, "documents", url, {"url": url, "section": section, "rows": rows,
                                                        "has_search": bool(own_forms)})
                previous = self.known.get(st.portal.id, frozenset())
                known = any(row["title"] for row in rows)
                for row in rows:
                    if row["title"]:
                        known = known and self._unchanged(previous, row.get("url") or url, row["title"], None)
                        yield self._item(st, section, row.get("url") or url, row["title"], None, None)
                yield from self._previous_copy(response, known)
                for nxt in self._pages_to_follow(st, section, page, url) if not response.meta.get("copy_of") else ():
                    yield Request(nxt, callback=self.parse_section, errback=self.listing_failed, cookies=LIFERAY_COOKIES,
                                  meta=self._paging_meta(response.meta, known))
        if section == "lich-cong-tac":
            yield from self._read_schedule(st, page, response)
        for resource in getattr(page, "resources", ()):
            if resource in st.requested:
                continue
            st.requested.add(resource)
            if "answered_question" in resource or "question" in resource.lower():
                yield self._qa_request(st, resource, 1, url, section)
            else:
                yield self._listing_request(st, resource, 1, url, section)
        inline = getattr(page, "inline_items", ())
        if inline:
            yield from self._listing_items(st, section, inline, url)
        qa = page.question_table
        if qa is None and section == "hoi-dap":
            qa = page.question_rows
        if qa is not None:
            yield from generic.emit_questions(self, st, section, qa, page, response)
        elif section not in generic.NOT_LISTINGS and not documents_read and page.items:
            oldest, known = yield from self._listing_items(st, section, page.items, url)
            yield from self._previous_copy(response, known)
            if (oldest is None or oldest >= self.lookback_from) and not response.meta.get("copy_of"):
                for nxt in self._pages_to_follow(st, section, page, url):
                    yield Request(nxt, callback=self.parse_section, errback=self.listing_failed, cookies=LIFERAY_COOKIES,
                                  meta=self._paging_meta(response.meta, known))
        unread = page.unread(section)
        if unread:
            # Content no reader could read is never "nothing in the period": the audit sends it to a person.
            yield self._fact(st, "unread", url, {"section": section, "url": url, "what": unread,
                                                 "summary": page.content_summary})

    def _pages_to_follow(self, st, section, page, url):
        """Pagination links of a section's HTML listing, at most MAX_HTML_LISTING_PAGES per section: whatever a
        page's links look like (filters, calendars, session ids in URLs), a section's reading ends."""
        for nxt in page.next_pages:
            if not st.scope.contains(nxt) or nxt in st.requested \
                    or st.listing_pages.get(section, 0) >= MAX_HTML_LISTING_PAGES:
                continue
            st.listing_pages[section] = st.listing_pages.get(section, 0) + 1
            st.requested.add(nxt)
            yield nxt

    # -- listings ------------------------------------------------------------------------------------------------
    def _listing_request(self, st, resource, page, referer, section, known=False):
        url = _with_params(resource, pageNum=page, recordPerPage=LISTING_PAGE_SIZE)
        return Request(url, callback=self.parse_listing, errback=self.listing_failed, cookies=LIFERAY_COOKIES,
                       headers={**AJAX_HEADERS, "Referer": referer}, dont_filter=True,
                       meta=self._paging_meta({"portal": st.portal.id, "section": section, "resource": resource,
                                               "page": page, "referer": referer}, known))

    @staticmethod
    def _paging_meta(meta, known: bool) -> dict:
        """The next page of a listing: once a page holds only items the previous night listed the same way, the
        pages after it are read from the previous night's copies (a new item enters at the top and pushes older
        ones down, so every item still shows on a page read tonight or on a copied page)."""
        meta = {k: v for k, v in meta.items() if k not in ("reuse_after", "landing")}
        if known:
            meta["reuse_after"] = ALWAYS
        return meta

    @staticmethod
    def _previous_copy(response, known: bool):
        """The previous night's copy of a listing page the server sent again with only known items: when new items
        pushed older ones down, the items that left this page are on its old copy (the next pages are read from
        their copies). crawler/incremental.py skips it when there is no copy or it is the same page."""
        if known and "reused" not in response.flags and not response.meta.get("copy_of"):
            yield response.request.replace(
                dont_filter=True, errback=None,
                meta={**PortalSpider._paging_meta(response.meta, True),
                      "copy_of": hashlib.sha256(response.body).hexdigest()})

    def listing_failed(self, failure):
        st = self.states[failure.request.meta["portal"]]
        yield self._fact(st, "error", failure.request.url, {"status": status.from_failure(failure)})

    def parse_listing(self, response):
        meta = response.meta
        st = self.states[meta["portal"]]
        try:
            data = json.loads(response.text)
        except ValueError:
            yield self._fact(st, "error", response.url, {"status": "not_json", "http": response.status})
            return
        if not isinstance(data, dict):
            return
        items = liferay.listing_items(data, meta["referer"])
        oldest, known = yield from self._listing_items(st, meta["section"], items, meta["referer"])
        yield from self._previous_copy(response, known)
        total = liferay.page_count(data)
        page = meta["page"]
        if items and page < min(total, MAX_LISTING_PAGES) and (oldest is None or oldest >= self.lookback_from) \
                and not meta.get("copy_of"):
            yield self._listing_request(st, meta["resource"], page + 1, meta["referer"], meta["section"], known)

    def _listing_items(self, st, section, items, page_url):
        """Emit items; return the oldest publish date seen (None when no item had a date) and whether every item
        was listed the same way (title, date) by the previous run."""
        oldest, known = None, bool(items)
        previous = self.known.get(st.portal.id, frozenset())
        for it in items:
            if st.scope.in_nested(it["url"]):
                continue  # the province's list showing a department's article: that department's item
            when = it["published_at"]
            if when is not None:
                oldest = when.date() if oldest is None else min(oldest, when.date())
            known = known and self._unchanged(previous, it["url"], it["title"], when)
            yield self._item(st, section, it["url"], it["title"], when, it["date_method"],
                             (it["block"], page_url) if it.get("block") else None)
            # Articles a portal lists itself may sit outside its site path on a shared Liferay host
            # (`/news/-/details/<groupId>/…`), so the host is the limit here, not the prefix.
            if st.scope.same_host(it["url"]):
                st.listed.setdefault(it["url"], set()).add((when, it["title"], section))
        return oldest, known

    @staticmethod
    def _unchanged(previous, url, title, when) -> bool:
        return (url, title, when.isoformat() if when else None) in previous

    # -- samples -------------------------------------------------------------------------------------------------
    def _sample_when_idle(self):
        """Once every listing is read, choose each portal's article sample and search probe: the newest listed
        items (URL breaking ties), so the same portal content gives the same sample whatever the arrival order."""
        # Only portals this process has begun: a distributed worker is idle between the hosts handed to it, and a
        # portal not yet handed out has nothing listed to sample from.
        ready = [st for st in self.states.values() if st.started and not st.sampled]
        requests = [r for st in ready for r in self._samples(st)]
        for st in ready:
            st.sampled = True
        if requests:
            for r in requests:
                self.crawler.engine.crawl(r)
            raise DontCloseSpider

    def _samples(self, st):
        # Articles (bài viết) first: a legal document's or a procedure's record page is not where the print function
        # of the portal's articles is looked for; they are sampled only when a portal lists nothing else.
        ranked = sorted(((url, max(entries, key=_entry_rank)) for url, entries in st.listed.items()),
                        key=lambda kv: (_entry_rank(kv[1])[:2], kv[0]), reverse=True)
        previous = self.known.get(st.portal.id, frozenset())
        sampled = set()
        for url, (when, title, section) in ranked:
            if st.articles >= ARTICLE_SAMPLE:
                break
            if url in st.requested or (title, when) in sampled:
                continue  # an article listed under two category paths is sampled once
            sampled.add((title, when))
            st.articles += 1
            st.requested.add(url)
            meta = {"portal": st.portal.id, "section": section, "listed_at": when, "listed_title": title,
                    "handle_httpstatus_list": HTTP_ERRORS}
            if self._unchanged(previous, url, title, when):
                meta["reuse_after"] = ALWAYS  # a known article whose listing entry did not change
            yield Request(url, callback=self.parse_article, errback=self.listing_failed, cookies=LIFERAY_COOKIES,
                          meta=meta)
        if st.site_search and not st.probed:
            for url, (when, title, section) in ranked:
                if title and len(title) > 8:
                    st.probed = True
                    action, name = st.site_search
                    meta = {"portal": st.portal.id, "probe": title, "target": url,
                            "handle_httpstatus_list": HTTP_ERRORS}
                    if self.static_after is not None:
                        # The same probe answered within the freshness limit: the search was shown to work.
                        meta["reuse_after"] = self.static_after
                    yield Request(_with_params(action, **{name: title}), callback=self.parse_search,
                                  errback=self.search_failed, dont_filter=True, cookies=LIFERAY_COOKIES, meta=meta)
                    break

    def parse_article(self, response):
        meta = response.meta
        st = self.states[meta["portal"]]
        code = status.from_http(response.status)
        if code != status.OK or not hasattr(response, "text"):
            yield self._page(st, response, "detail", meta["section"], None, fetch_status=code)
            return
        text = _html(response)
        try:
            doc = extract.parse(text, response.url)
        except limits.PageRefused as refused:
            yield self._page(st, response, "detail", meta["section"], None, fetch_status=refused.status)
            return
        # The listing named the article and dated it: its entry's title locates the page's title, and the page's
        # own date is checked against the listing's.
        page = self._read(st, doc, text, response.url, Cue(title=meta.get("listed_title"), section=meta["section"],
                                                           listed_at=meta.get("listed_at")))
        yield self._page(st, response, "detail", meta["section"], None, title=page.title.text if page.title else None,
                         published_at=page.published_at, date_method=page.date_method)
        yield self._fact(st, "article", response.url, {"url": response.url, "has_print": page.has_print,
                                                       "date_check": page.date_check})

    # -- search probe --------------------------------------------------------------------------------------------
    def parse_search(self, response):
        meta = response.meta
        st = self.states[meta["portal"]]
        works = False
        if response.status == 200 and hasattr(response, "text"):
            text = _html(response)
            try:
                doc = extract.parse(text, response.url)
            except limits.PageRefused:
                doc = None
                works = None  # results the crawl could not read: not "the search does not work"
            if doc is not None:
                # The article must be among the page's own results, not in a box every page repeats.
                page = self._read(st, doc, text, response.url)
                target = meta["target"].rstrip("/")
                probe = vocab.fold(meta["probe"])
                for a in doc.iter("a"):
                    href = (a.get("href") or "").split("#")[0].rstrip("/")
                    if (href == target or (probe and vocab.fold(a.text_content()) == probe)) \
                            and page.layout.own(a):
                        works = True
                        break
        yield self._fact(st, "search", response.url, {"present": True, "works": works, "url": response.url,
                                                      "probe": meta["probe"]})

    def search_failed(self, failure):
        st = self.states[failure.request.meta["portal"]]
        yield self._fact(st, "search", failure.request.url, {"present": True, "works": False,
                                                            "url": failure.request.url,
                                                            "probe": failure.request.meta["probe"]})

    # -- Q&A -----------------------------------------------------------------------------------------------------
    def _qa_request(self, st, resource, page, referer, section, known=False):
        return FormRequest(resource, formdata={"pageNum": str(page), "numPerPage": "10", "searchKeyWord": "",
                                               "questionType": "0"},
                           callback=self.parse_questions, errback=self.listing_failed, cookies=LIFERAY_COOKIES,
                           headers={**AJAX_HEADERS, "Referer": referer}, dont_filter=True,
                           meta=self._paging_meta({"portal": st.portal.id, "section": section, "resource": resource,
                                                   "page": page, "referer": referer}, known))

    def parse_questions(self, response):
        meta = response.meta
        st = self.states[meta["portal"]]
        read = liferay.questions_json(response.text, meta["referer"])
        if read is None:
            yield self._fact(st, "error", response.url, {"status": "not_json", "http": response.status})
            return
        facts, pages = read
        oldest = min((date.fromisoformat(f["asked_on"]) for f in facts if f["asked_on"]), default=None)
        if "reused" in response.flags and "reuse_after" in meta and \
                any(f["answered_on"] is None and (f["asked_on"] or "9") >= self.open_since for f in facts):
            # A recent open question may have been answered since: this page is asked for again (conditionally).
            # An older open question is late whatever happens (audit/criteria/pakn.py), so its copy will do.
            yield response.request.replace(meta={k: v for k, v in meta.items() if k != "reuse_after"},
                                           dont_filter=True)
            return
        previous = self.known.get(st.portal.id, frozenset())
        known = bool(facts) and all((f["url"], f["title"], f["asked_on"], f["answered_on"]) in previous
                                    for f in facts)
        for f in facts:
            yield self._fact(st, "question", meta["referer"], f)
        yield from self._previous_copy(response, known)
        if facts and meta["page"] < min(pages, MAX_LISTING_PAGES) and (oldest is None or oldest >= self.lookback_from) \
                and not meta.get("copy_of"):
            yield self._qa_request(st, meta["resource"], meta["page"] + 1, meta["referer"], meta["section"], known)

    # -- schedule ------------------------------------------------------------------------------------------------
    def _read_schedule(self, st, page, response):
        days, prev, week_start = page.schedule
        yield self._fact(st, "schedule", response.url, {"url": response.url, "dates": [d.isoformat() for d in days]})
        weeks = response.meta.get("weeks", 0)
        if prev and st.scope.contains(prev) and prev not in st.requested and weeks < MAX_SCHEDULE_WEEKS \
                and (week_start is None or week_start > self.lookback_from):
            st.requested.add(prev)
            meta = {**{k: v for k, v in response.meta.items() if k in ("portal", "section", "label", "evidence", "confidence")},
                    "weeks": weeks + 1, "handle_httpstatus_list": HTTP_ERRORS}
            if week_start is not None:
                # The week before this one was over at `week_start`: a copy served after that is final.
                meta["reuse_after"] = datetime.combine(week_start, datetime.min.time()).timestamp()
            yield Request(prev, callback=self.parse_section, errback=self.listing_failed, cookies=LIFERAY_COOKIES, meta=meta)

    def _tls(self, response) -> dict | None:
        """The home page's TLS as crawler/tls.py describes it (None over plain HTTP or from the archive)."""
        parts = urlsplit(response.url)
        handshake = self.crawler.stats.get_value(f"tls/{parts.hostname}:{parts.port or 443}")
        return tls.weakness(response.url, getattr(response, "certificate", None), handshake, self.now)

    # -- output --------------------------------------------------------------------------------------------------
    def _fact(self, st, kind, page_url, data):
        return {"type": "fact", "portal": st.portal.id, "kind": kind, "page_url": page_url, "data": data}

    def _item(self, st, section, url, title, when, method, block=None):
        data = {"section": section, "url": url, "title": title,
                "published_at": when.isoformat() if when else None, "date_method": method}
        if block:
            # (list signature, listing page): the same item under one list on many pages is furniture
            # (storage/facts.py).
            data["block"], data["listed_on"] = block
        elsewhere = sections.misplaced(title, section)
        if elsewhere:
            # Flagged, never moved: it still counts only where it is listed.
            data.update(flags=["wrong-section"], suspected_section=elsewhere)
        return self._fact(st, "item", url, data)

    def _page(self, st, response, kind, section, evidence, fetch_status="ok", title=None, published_at=None,
              date_method=None):
        return {"type": "page", "portal": st.portal.id, "url": response.url, "kind": kind, "section": section,
                "section_evidence": evidence, "http_status": response.status, "fetch_status": fetch_status,
                "content_hash": hashlib.sha256(response.body).hexdigest(), "title": title,
                "published_at": published_at, "date_method": date_method}
