"""Reading Liferay portals: the platform's own listing sources besides the page's HTML.

Liferay 6.2 portlets of the platform fill lists in the browser: the page quotes a resource URL (`p_p_lifecycle=2`)
whose JSON answers one listing page (`loadPage`: items with `createdDate`) or one page of answered questions
(`answered_questions`: `items` and `answerList`), or it carries the first page inline (`data = '{…}';`). The HTML
list of the page (asset publisher entries, `/-/details/`, `/-/view_content/`) is read like any portal's
(crawler/listing.py).
"""
from __future__ import annotations

import json
from functools import cached_property
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from crawler import extract
from crawler.dates import parse_listing_date
from crawler.platforms.reading import PageReading


class LiferayReading(PageReading):
    @cached_property
    def resources(self) -> list[str]:
        """The AJAX resource URLs the page's scripts would call (listing pages and Q&A pages)."""
        return extract.resource_urls(self.text, self.url)

    @cached_property
    def inline_items(self) -> list[dict]:
        """The first listing page the page carries inline (`data = '{…}';`)."""
        return listing_items(extract.inline_listing(self.text) or {}, self.url)

    @property
    def read_elsewhere(self) -> bool:
        return bool(self.resources or self.inline_items)

    def as_dict(self) -> dict:
        out = super().as_dict()
        out["facts"].update(listing_resources=self.resources,
                            inline_listing_items=len(self.inline_items))
        return out


def listing_items(data: dict, page_url: str) -> list[dict]:
    """Items of one loadPage JSON answer (or the inline first page)."""
    out = []
    for it in data.get("items") or []:
        if not isinstance(it, dict):
            continue
        url = it.get("urlDetail") or it.get("url") or it.get("link")
        if not url:
            continue
        when = parse_listing_date(it.get("createdDate") or it.get("publishDate") or it.get("displayDate"))
        out.append({"url": urljoin(page_url, url), "title": extract.clean(it.get("title") or ""),
                    "published_at": when, "date_method": "listing-json:createdDate" if when else None})
    return out


def page_count(data: dict) -> int:
    return int(data.get("totalPageNum") or data.get("numOfPage") or 0)


def questions_json(body: str, referer: str) -> tuple[list[dict], int] | None:
    """One page of answered questions: [{id, title, url, asked_on, answered_on}] and the page count; None when the
    answer is not the platform's JSON."""
    try:
        data = json.loads(body)
        questions = data.get("items") or []
        answers = data.get("answerList") or []
        questions = json.loads(questions) if isinstance(questions, str) else questions
        answers = json.loads(answers) if isinstance(answers, str) else answers
    except (ValueError, AttributeError):
        return None
    answered, texts = {}, {}
    for a in answers:
        qid = str(a.get("_question_id") or a.get("questionId") or "")
        when = parse_listing_date(a.get("formatedCreatedDate") or a.get("createdDate"))
        if qid and when and (qid not in answered or when < answered[qid]):
            answered[qid] = when
            texts[qid] = _html_text(a.get("_answer_content") or a.get("content") or "")
    out = []
    for q in questions:
        qid = str(q.get("_question_id") or q.get("id") or "")
        asked = parse_listing_date(q.get("dateDisplay") or q.get("createdDate"))
        ans = answered.get(qid)
        out.append({"id": qid, "title": extract.clean(q.get("_question_title") or q.get("title") or ""),
                    "url": f"{referer}#q{qid}", "asked_on": asked.date().isoformat() if asked else None,
                    "answered_on": ans.date().isoformat() if ans else None})
        if texts.get(qid):  # the first answer's text: it may say the deadline is 7 or 10 days (QĐ 96 Điều 13)
            out[-1]["answer_excerpt"] = extract.answer_excerpt(texts[qid])
    return out, page_count(data)


def _html_text(fragment: str) -> str:
    """The text of an answer's HTML fragment ("<p>…</p>"), or "" when it is not readable HTML."""
    if not isinstance(fragment, str) or not fragment.strip():
        return ""
    try:
        return lxml.html.fragment_fromstring(fragment, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        return ""
