"""The non-scoring TLS finding of a portal: the crawler's `tls` fact (crawler/tls.py) worded for the auditor with
rules/tls.yaml. It goes into results.json (`crawl.tls`) and the portal page; no criterion reads it."""
from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

import yaml
from sqlalchemy import select

from audit.rules_yaml import RULES_DIR
from storage.models import Fact


@lru_cache(maxsize=1)
def wording() -> dict:
    return yaml.safe_load((RULES_DIR / "tls.yaml").read_text(encoding="utf-8"))


def finding(fact: dict) -> str | None:
    """'Cổng dùng cấu hình TLS cũ/yếu: khóa RSA 1024 bit …; chứng chỉ tự ký' or None when nothing is wrong."""
    words = wording()
    values = {k: ("?" if v is None else v) for k, v in fact.items()}
    if fact.get("not_after"):
        values["not_after"] = date.fromisoformat(fact["not_after"]).strftime("%d/%m/%Y")
    parts = [words["issues"][i].format(**values) for i in fact.get("issues") or () if i in words["issues"]]
    if not parts:
        return None
    return unicodedata.normalize("NFC", f"{words['lead']}: {'; '.join(parts)}.")


def portal_tls(session, portal_id: str, run_id: int | None) -> dict | None:
    """The stored TLS fact of a portal's run with its finding, or None (plain HTTP, or never seen)."""
    if run_id is None:
        return None
    data = session.scalars(select(Fact.data).where(Fact.run_id == run_id, Fact.portal_id == portal_id,
                                                   Fact.kind == "tls").order_by(Fact.id)).first()
    if not data:
        return None
    return {**data, "finding": finding(data)}
