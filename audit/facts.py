"""The facts one portal's audit is computed from (Lighthouse's "artifacts").

The crawler gathers these into storage; `storage.facts.load_portal_facts` rebuilds them; the scoring functions in
`audit.scoring` read nothing else. Scoring therefore needs no network and re-scoring stored facts is deterministic.
Every fact carries the URL it was read from, so each finding can point at its evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Portal-level crawl statuses (issue 4 taxonomy). Anything but "ok" means the home page could not be read.
PORTAL_OK = "ok"

# Fields a legal-document row may show (Kế hoạch 65 criterion 3 / QĐ 96 Điều 8 khoản 1 điểm e).
DOCUMENT_FIELDS = ("loai", "co_quan", "so_ky_hieu", "ngay_ban_hanh", "ngay_hieu_luc", "trich_yeu")


@dataclass(frozen=True)
class SectionFact:
    """A rubric section found on the portal (a menu entry, footer or sidebar link, or a known path)."""
    key: str  # section key, see rules/sections.yaml
    url: str  # landing page of the section
    label: str  # the label or pattern it was recognised by (evidence)
    status: str = "ok"  # fetch status of the landing page: ok, http_4xx, http_5xx, robots_blocked, timeout...
    confidence: float = 1.0  # how sure the section reading is; below the rules' threshold → needs_review


@dataclass(frozen=True)
class Item:
    """A publication listed in a section (news article, legal text, plan, announcement...)."""
    section: str  # the section whose listing showed it: an item counts only there (seed 003)
    url: str
    title: str
    published_at: datetime | None
    date_method: str | None = None  # how the date was found, e.g. "listing-json:createdDate"
    # Reading flags: "wrong-section" (its content belongs elsewhere: "đăng sai chuyên mục"; it still counts only
    # where it was listed, and is never moved), "date-uncertain"...
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ElementFact:
    """A required content element recognised on a page (intro, history, access-to-information elements)."""
    key: str  # element key, see rules/elements.yaml (e.g. "co-cau-to-chuc", "dau-moi-cung-cap")
    url: str
    label: str  # heading or link text that proved it


@dataclass(frozen=True)
class ContactFact:
    """The portal's contact block ("thông tin giao tiếp"), merged over home page, footer and contact page."""
    address: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    urls: tuple[str, ...] = ()  # pages the fields were read from


@dataclass(frozen=True)
class DirectoryEntry:
    name: str | None = None
    position: str | None = None
    unit: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class DirectoryFact:
    """Officials directory (danh bạ / đầu mối liên hệ)."""
    url: str
    entries: tuple[DirectoryEntry, ...] = ()


@dataclass(frozen=True)
class DocumentRow:
    title: str
    url: str | None
    fields: frozenset[str]  # subset of DOCUMENT_FIELDS shown (column present and cell non-empty)
    has_file: bool  # a downloadable file link
    issued_on: date | None = None  # "ngày ban hành" as the list shows it
    posted_on: date | None = None  # the posting date, when the list shows one ("Ngày đăng")
    # The day of the first crawl run of this portal whose document list showed the row: it was posted by then
    # (no later); it may have been posted long before, so this alone never makes a document late.
    first_seen: date | None = None
    # What the row shows under "cơ quan ban hành" and "số ký hiệu" (None: not shown, or facts stored before these
    # were kept): which documents the unit issued itself (audit/criteria/flags.py issued_by).
    issuer: str | None = None
    number: str | None = None


@dataclass(frozen=True)
class DocumentsFact:
    """The legal-documents section (văn bản QPPL / văn bản chỉ đạo điều hành)."""
    url: str
    rows: tuple[DocumentRow, ...] = ()
    has_search: bool = False  # a document search form on the section


@dataclass(frozen=True)
class Question:
    """A citizen question (hỏi đáp / PAKN) with its answer date if answered."""
    title: str
    url: str
    asked_on: date | None
    answered_on: date | None
    # The start of the answer's text as the portal shows it (crawler keeps at most ANSWER_EXCERPT_CHARS, NFC): where
    # an answer says it needed inter-agency coordination or is a "hẹn trả lời", its deadline is 7 or 10 working days
    # (QĐ 96 Điều 13). Empty when the page shows no answer text.
    answer_excerpt: str = ""


@dataclass(frozen=True)
class QuestionDecision:
    """An auditor's decision on one question (audit/pakn_decisions.py): its deadline class, or its exclusion as
    "không đủ điều kiện tiếp nhận" (QĐ 96 Điều 13), with the reason."""
    url: str
    deadline_class: str | None  # standard | coordination | special; None when excluded
    excluded: bool
    reason: str
    author: str


@dataclass(frozen=True)
class ScheduleFact:
    """Leader work schedule (lịch công tác): the days its entries cover."""
    url: str
    dates: tuple[date, ...] = ()


@dataclass(frozen=True)
class SearchFact:
    """Site search: whether a form exists and whether a query for a known article title returned it."""
    present: bool
    works: bool | None  # None: not probed
    url: str | None = None  # the search results URL probed
    probe: str | None = None  # the title searched for


@dataclass(frozen=True)
class ArticleSample:
    """An article page checked for a print function."""
    url: str
    has_print: bool


@dataclass(frozen=True)
class Link:
    """An outbound link (recorded, never followed)."""
    url: str
    label: str
    page_url: str


@dataclass(frozen=True)
class UnreadFact:
    """A section page that shows content of its own, which no reader could read as items, questions or schedule days
    (and which does not say it is empty). What could not be read is never "nothing there": a person decides."""
    section: str  # section key of the page
    url: str
    what: str  # "items" | "questions" | "schedule": what the page should have given
    summary: str  # Vietnamese description of what the page shows: heading, links, tables, characters


@dataclass(frozen=True)
class PortalFacts:
    portal_id: str
    kind: str  # province | department | commune | ward
    rubric: str  # rubric id, e.g. "phu-luc-1"
    base_url: str
    crawl_status: str  # PORTAL_OK or a failure status of the home page
    crawled_at: datetime | None  # when the facts were gathered: the "as of" date for PAKN deadlines
    complete: bool = True  # False when the crawl hit its time/page budget
    sections: dict[str, SectionFact] = field(default_factory=dict)
    items: tuple[Item, ...] = ()
    elements: tuple[ElementFact, ...] = ()
    contact: ContactFact | None = None
    directory: DirectoryFact | None = None
    documents: DocumentsFact | None = None
    questions: tuple[Question, ...] = ()
    schedule: ScheduleFact | None = None
    search: SearchFact | None = None
    articles: tuple[ArticleSample, ...] = ()
    links: tuple[Link, ...] = ()
    unread: tuple[UnreadFact, ...] = ()  # section pages whose content no reader could read
    # Not crawled: the auditors' stored decisions on questions (question URL → decision), added before scoring.
    question_decisions: dict[str, QuestionDecision] = field(default_factory=dict)
