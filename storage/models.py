"""Database schema (SQLAlchemy 2). Alembic migrations in storage/migrations mirror it; never create tables otherwise.

Crawl facts are snapshots per crawl run (what the portal showed that night); pages are tracked across runs with
first/last seen; scores are kept per portal and period, with their criteria and evidence (findings).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (JSON, BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint, Index)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class PortalRow(Base):
    __tablename__ = "portal"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(2000))
    rubric: Mapped[str] = mapped_column(String(80))
    host_confidence: Mapped[str] = mapped_column(String(20), default="confirmed")
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CrawlRun(Base):
    __tablename__ = "crawl_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # running | done | failed: a run that never reached "done" is never used for scoring.
    status: Mapped[str] = mapped_column(String(20), default="running")
    lookback_from: Mapped[date] = mapped_column(Date)
    summary: Mapped[dict] = mapped_column(JSON, default=dict)
    # Root of the evidence archive this run's WARC files live under (crawler/archive.py); None: not archived.
    archive_dir: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    # The run whose archive this run replayed (`portal-audit replay`); None: fetched from the network.
    replay_of: Mapped[int | None] = mapped_column(Integer, nullable=True)


class PortalCrawl(Base):
    """One portal within one crawl run: its named status (issue 4 taxonomy) and counters."""
    __tablename__ = "portal_crawl"
    __table_args__ = (UniqueConstraint("run_id", "portal_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_run.id", ondelete="CASCADE"))
    portal_id: Mapped[str] = mapped_column(ForeignKey("portal.id"))
    status: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=True)


class Page(Base):
    """Every URL of a portal the crawler fetched or saw listed, across runs."""
    __tablename__ = "page"
    __table_args__ = (UniqueConstraint("portal_id", "url"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(ForeignKey("portal.id"))
    url: Mapped[str] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(20))  # home | section | listing | detail | item | probe
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    http_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fetch_status: Mapped[str | None] = mapped_column(String(40), nullable=True)
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    section: Mapped[str | None] = mapped_column(String(40), nullable=True)
    section_evidence: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    date_method: Mapped[str | None] = mapped_column(String(80), nullable=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)
    last_run_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The archived copy of the latest fetch: a WARC file relative to its run's archive_dir, and the record's offset.
    warc_file: Mapped[str | None] = mapped_column(String(500), nullable=True)
    warc_offset: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class ArchiveRecord(Base):
    """Where one fetch of a run is archived: every response (and every network failure) has a WARC record. A
    replayed run points at the records of the run it replayed."""
    __tablename__ = "archive_record"
    __table_args__ = (Index("ix_archive_record_run_url", "run_id", "url"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_run.id", ondelete="CASCADE"))
    portal_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    url: Mapped[str] = mapped_column(String(2000))
    method: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10))  # response | failure
    http_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fetch_status: Mapped[str | None] = mapped_column(String(40), nullable=True)
    warc_file: Mapped[str] = mapped_column(String(500))
    warc_offset: Mapped[int] = mapped_column(BigInteger)
    warc_length: Mapped[int] = mapped_column(BigInteger)
    fetched_at: Mapped[datetime] = mapped_column(DateTime)


class Fact(Base):
    """A fact gathered for one portal in one run; `kind` names the shape of `data` (see storage/facts.py)."""
    __tablename__ = "fact"
    __table_args__ = (Index("ix_fact_run_portal", "run_id", "portal_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_run.id", ondelete="CASCADE"))
    portal_id: Mapped[str] = mapped_column(ForeignKey("portal.id"))
    kind: Mapped[str] = mapped_column(String(40))
    page_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    data: Mapped[dict] = mapped_column(JSON)


class PeriodScore(Base):
    __tablename__ = "period_score"
    __table_args__ = (UniqueConstraint("portal_id", "period_from", "period_to"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(ForeignKey("portal.id"))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_run.id"), nullable=True)
    rubric: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20))
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_score: Mapped[float] = mapped_column(Float)
    scored_at: Mapped[datetime] = mapped_column(DateTime)
    criteria: Mapped[list["CriterionResult"]] = relationship(
        back_populates="period_score", cascade="all, delete-orphan", order_by="CriterionResult.position")


class CriterionResult(Base):
    __tablename__ = "criterion_result"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    period_score_id: Mapped[int] = mapped_column(ForeignKey("period_score.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    points: Mapped[float] = mapped_column(Float)
    max_points: Mapped[float] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    period_score: Mapped[PeriodScore] = relationship(back_populates="criteria")
    findings: Mapped[list["Finding"]] = relationship(
        back_populates="criterion", cascade="all, delete-orphan", order_by="Finding.position")


class Finding(Base):
    """One piece of evidence for a criterion result: a page, its title and date, and a note."""
    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    criterion_result_id: Mapped[int] = mapped_column(ForeignKey("criterion_result.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    published_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The archived copy of the evidence page in the scored run (archive_record), when there is one.
    warc_file: Mapped[str | None] = mapped_column(String(500), nullable=True)
    warc_offset: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    criterion: Mapped[CriterionResult] = relationship(back_populates="findings")


class ManualOverride(Base):
    """An auditor's decision on one criterion for a portal and period; older ones stay as history."""
    __tablename__ = "manual_override"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(ForeignKey("portal.id"))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    code: Mapped[str] = mapped_column(String(20))
    points: Mapped[float] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class NotApplicable(Base):
    """A standing "không áp dụng" declaration for one criterion of one portal over a range of months
    (audit/not_applicable.py). Nothing is deleted: a changed declaration supersedes the row (`superseded_at`), and a
    withdrawal is recorded on it (from which month, why, by whom, when); earlier months keep the declaration."""
    __tablename__ = "not_applicable"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(ForeignKey("portal.id"))
    code: Mapped[str] = mapped_column(String(20))
    valid_from: Mapped[date] = mapped_column(Date)  # first day of the first month covered
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)  # last day of the last month; None: open
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    withdrawn_from: Mapped[date | None] = mapped_column(Date, nullable=True)  # first day of the first month no longer
    withdrawn_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    withdrawn_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class PaknDecision(Base):
    """An auditor's decision on one question of a portal's Hỏi đáp (QĐ 96 Điều 13): its deadline class, or its
    exclusion as "không đủ điều kiện tiếp nhận"; older ones stay as history (audit/pakn_decisions.py)."""
    __tablename__ = "pakn_decision"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(ForeignKey("portal.id"))
    question_url: Mapped[str] = mapped_column(String(2000))
    deadline_class: Mapped[str | None] = mapped_column(String(20), nullable=True)  # None when excluded
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
