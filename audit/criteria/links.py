"""Link rules: DVC links, the TTHC procedure list, links to other government portals (docs/scoring-rules.md
"Link classification")."""
from __future__ import annotations

import re

import unicodedata
from urllib.parse import urlsplit

from audit.criteria.base import Context, Known, Outcome, allowed, ev, join_vn, section_param
from audit.facts import Link
from audit.registry import KINDS, Portal

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: str) -> tuple[str, int | None, str] | None:
    """(host, port, path) with the scheme ignored and a default port dropped; None for an unusable URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    if port is not None and port == _DEFAULT_PORTS.get(parts.scheme.lower()):
        port = None
    return parts.hostname.lower(), port, parts.path or "/"


def host_of(url: str) -> str | None:
    o = _origin(url)
    return o[0] if o else None


def links_to_portal(url: str, portal: Portal) -> bool:
    """Same host[:port] as the portal's base URL and a path inside its base path ('/' matches the whole host).
    The base path is matched by whole segments, so /web/xa-a does not take /web/xa-ab."""
    link, base = _origin(url), _origin(portal.url)
    if link is None or base is None or link[:2] != base[:2]:
        return False
    prefix = base[2].rstrip("/")
    return not prefix or link[2] == prefix or link[2].startswith(prefix + "/")


def is_dvc(link: Link, ctx: Context) -> bool:
    host = host_of(link.url) or ""
    cfg = ctx.config.links
    return host in cfg.dvc_hosts or any(re.fullmatch(p, host) for p in cfg.dvc_host_patterns)


def is_tthc_list(link: Link, ctx: Context) -> bool:
    """A link to the province DVC procedure list: a DVC host with a procedure path marker or a 'thủ tục' label."""
    if not is_dvc(link, ctx):
        return False
    cfg = ctx.config.links
    path = (_origin(link.url) or ("", None, ""))[2].lower()
    label = unicodedata.normalize("NFC", link.label or "").casefold()
    return any(m in path for m in cfg.tthc_path_markers) or any(m in label for m in cfg.tthc_label_markers)


def _links(ctx: Context) -> list[Link]:
    seen: dict[str, Link] = {}
    for link in sorted(ctx.facts.links, key=lambda l: (l.url, l.page_url, l.label)):
        seen.setdefault(link.url, link)
    return list(seen.values())


def _link_ev(ctx: Context, links: list[Link], note: str) -> list[dict]:
    return [ev(l.url, l.label or None, note=f"{note}; {ctx.on_page(l.page_url)}" if l.page_url else note)
            for l in links]


# --- tthc: a TTHC section, or a link to the DVC procedure list ---

def tthc(ctx: Context, crit) -> Outcome:
    key = crit.params["section"]
    if ctx.section_ok(key):
        return Outcome(crit.max_points, f"Có {ctx.where(key)}", ctx.section_evidence(key))
    found = [l for l in _links(ctx) if is_tthc_list(l, ctx)]
    if found:
        return Outcome(crit.max_points, f"Có liên kết đến danh mục thủ tục hành chính trên Cổng dịch vụ công "
                                        f"({found[0].url})", _link_ev(ctx, found, "danh mục thủ tục hành chính"))
    if (blocked := ctx.blocked(key)):
        return blocked
    return Outcome(0, f"Không tìm thấy {ctx.where(key)} hoặc liên kết đến danh mục thủ tục hành chính trên "
                      f"Cổng dịch vụ công")


def check_tthc(params, max_points, known: Known) -> set[int]:
    allowed(params, "section")
    section_param(params, "section", known)
    return {0, max_points}


# --- dvc_link: a link to a DVC host ---

def dvc_link(ctx: Context, crit) -> Outcome:
    found = [l for l in _links(ctx) if is_dvc(l, ctx)]
    if found:
        return Outcome(crit.max_points, f"Có {len(found)} liên kết đến Cổng dịch vụ công ({found[0].url})",
                       _link_ev(ctx, found, "Cổng dịch vụ công"))
    hosts = ", ".join(sorted(ctx.config.links.dvc_hosts))
    return Outcome(0, f"Không có liên kết đến Cổng dịch vụ công ({hosts})")


def check_dvc_link(params, max_points, known: Known) -> set[int]:
    allowed(params)
    return {0, max_points}


# --- portal_links: every requirement (kinds of registry portals, optionally extra government hosts) is linked ---

def portal_links(ctx: Context, crit) -> Outcome:
    others = [p for p in ctx.registry if p.id != ctx.facts.portal_id]
    links = _links(ctx)
    evidence, missing = [], []
    for req in crit.params["require"]:
        kinds = set(req.get("kinds") or ())
        hosts = ctx.config.links.other_gov_hosts if req.get("other_gov_hosts") else frozenset()
        hit = None
        for link in links:
            target = next((p for p in others if p.kind in kinds and links_to_portal(link.url, p)), None)
            if target is not None:
                hit = (link, target.name)
            elif host_of(link.url) in hosts:
                hit = (link, host_of(link.url))
            if hit:
                break
        if hit:
            evidence += _link_ev(ctx, [hit[0]], f"{req['label']}: {hit[1]}")
        else:
            missing.append(req["label"])
    labels = [r["label"] for r in crit.params["require"]]
    if not missing:
        return Outcome(crit.max_points, f"Có liên kết đến {join_vn(labels)}", evidence)
    return Outcome(0, f"Thiếu liên kết đến {join_vn(missing)}", evidence)


def check_portal_links(params, max_points, known: Known) -> set[int]:
    allowed(params, "require")
    reqs = params.get("require")
    if not isinstance(reqs, list) or not reqs:
        raise ValueError("rule.require: cần danh sách {label, kinds, other_gov_hosts}")
    for r in reqs:
        if not isinstance(r, dict) or not isinstance(r.get("label"), str) or set(r) - {"label", "kinds",
                                                                                        "other_gov_hosts"}:
            raise ValueError("rule.require: mỗi mục cần {label, kinds, other_gov_hosts}")
        kinds = r.get("kinds") or []
        if not isinstance(kinds, list) or any(k not in KINDS for k in kinds) or not (kinds or r.get("other_gov_hosts")):
            raise ValueError(f"rule.require: kinds trong {'|'.join(KINDS)}")
    return {0, max_points}

