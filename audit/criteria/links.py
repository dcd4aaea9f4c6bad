"""Link rules: DVC links, the TTHC procedure list, links to other government portals (docs/scoring-rules.md
"Link classification")."""
from __future__ import annotations

import re

import unicodedata
from fractions import Fraction
from urllib.parse import urlsplit

from audit.criteria.base import NEEDS_REVIEW, PORTAL_OK, Context, Known, Outcome, allowed, ev, join_vn, section_param
from audit.facts import Link
from audit.registry import KINDS

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


# --- portal_links: every requirement (kinds of directory portals, optionally extra government hosts) is linked ---

def _verified(ctx: Context, target) -> bool | None:
    """Whether the linked portal answered in the run being scored: True, False, or None (not crawled in it: no
    request leaves the run's portals, so the link is counted but marked not verified)."""
    status = ctx.directory.crawl_status.get(target.id)
    return None if status is None else status == PORTAL_OK


def portal_links(ctx: Context, crit) -> Outcome:
    links = _links(ctx)
    evidence, missing, dead = [], [], []
    for req in crit.params["require"]:
        kinds = set(req.get("kinds") or ())
        hosts = ctx.config.links.other_gov_hosts if req.get("other_gov_hosts") else frozenset()
        hit, unanswered = None, None
        for link in links:
            target = ctx.directory.match(link.url)
            if target is not None and target.id != ctx.facts.portal_id and target.kind in kinds:
                verified = _verified(ctx, target)
                if verified is False:
                    unanswered = unanswered or (link, f"{target.name} — không truy cập được trong lượt thu thập này")
                    continue
                hit = (link, f"{target.name} ({target.url}); "
                             f"{'đã kiểm chứng: cổng truy cập được' if verified else 'chưa kiểm chứng'}")
            elif target is None and host_of(link.url) in hosts:
                hit = (link, f"{host_of(link.url)}; chưa kiểm chứng")
            if hit:
                break
        if hit:
            evidence += _link_ev(ctx, [hit[0]], f"{req['label']}: {hit[1]}")
        elif unanswered:
            evidence += _link_ev(ctx, [unanswered[0]], f"{req['label']}: {unanswered[1]}")
            dead.append(req["label"])
        else:
            missing.append(req["label"])
    labels = [r["label"] for r in crit.params["require"]]
    if not missing and not dead:
        return Outcome(crit.max_points, f"Có liên kết đến {join_vn(labels)}", evidence)
    if not missing:
        # The link is there, but its target did not answer this night: a person checks it, it is not a silent 0.
        return Outcome(0, f"Có liên kết đến {join_vn(dead)} nhưng cổng đích không truy cập được trong lượt thu thập "
                          f"này — cần kiểm tra trực tiếp", evidence, NEEDS_REVIEW)
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



# --- component_links: a link to every portal of the given kinds in the directory (QĐ 96 Điều 9 khoản 1) ---

def component_links(ctx: Context, crit) -> Outcome:
    """Share of the directory's portals of `kinds` the portal links to, against `thresholds` ([min percent, points],
    first match wins). A portal counts once, by id, whatever address of it was linked; a link whose target did not
    answer in this run still counts (the duty is the link; the target's outage is its own criterion) and says so."""
    p = crit.params
    kinds, show = set(p["kinds"]), p.get("show_missing", 10)
    wanted: dict[str, object] = {}
    for portal in sorted(ctx.directory.portals, key=lambda x: x.id):
        if portal.kind in kinds and portal.id != ctx.facts.portal_id:
            wanted.setdefault(portal.id, portal)
    noun = "cổng thành phần"
    if not wanted:
        # Nothing to compare against is not a pass: the directory itself is wrong for this criterion.
        return Outcome(0, f"Danh bạ cổng không có {noun} nào thuộc loại {', '.join(sorted(kinds))} để đối chiếu "
                          f"— cần kiểm tra trực tiếp", [], NEEDS_REVIEW)
    hits: dict[str, Link] = {}
    for link in _links(ctx):
        target = ctx.directory.match(link.url)
        if target is not None and target.id in wanted:
            hits.setdefault(target.id, link)
    evidence = []
    for pid, link in sorted(hits.items()):
        verified = _verified(ctx, wanted[pid])
        state = {True: "đã kiểm chứng: cổng truy cập được", False: "cổng không truy cập được trong lượt thu thập này",
                 None: "chưa kiểm chứng"}[verified]
        evidence += _link_ev(ctx, [link], f"{wanted[pid].name}; {state}")
    missing = [wanted[pid].name for pid in wanted if pid not in hits]
    found, total = len(hits), len(wanted)
    percent = Fraction(found * 100, total)
    points = next((pts for lo, pts in p["thresholds"] if percent >= lo), 0)
    text = f"Có liên kết đến {found}/{total} {noun} trong danh bạ"
    if missing:
        shown = join_vn(missing[:show]) if len(missing) <= show else ", ".join(missing[:show])
        rest = f" và {len(missing) - show} cổng khác" if len(missing) > show else ""
        text += f"; thiếu {len(missing)}: {shown}{rest}"
    return Outcome(points, text, evidence)


def check_component_links(params, max_points, known: Known) -> set[int]:
    allowed(params, "kinds", "thresholds", "show_missing")
    kinds = params.get("kinds")
    if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
        raise ValueError(f"rule.kinds: cần danh sách loại cổng trong {'|'.join(KINDS)}")
    show = params.get("show_missing", 10)
    if not isinstance(show, int) or isinstance(show, bool) or show < 1:
        raise ValueError("rule.show_missing: cần số nguyên ≥ 1")
    rows = params.get("thresholds")
    if not isinstance(rows, list) or not rows:
        raise ValueError("rule.thresholds: cần danh sách [phần trăm tối thiểu, điểm]")
    last = None
    for row in rows:
        if (not isinstance(row, list) or len(row) != 2 or any(not isinstance(x, int) or isinstance(x, bool)
                                                               for x in row)):
            raise ValueError(f"rule.thresholds: mục {row!r} phải là [phần trăm tối thiểu, điểm]")
        lo, pts = row
        if not 0 < lo <= 100 or not 0 <= pts <= max_points or (last is not None and lo >= last):
            raise ValueError(f"rule.thresholds: mục {row!r}: phần trăm từ 1 đến 100 giảm dần, điểm từ 0 đến "
                             f"{max_points}")
        last = lo
    return {0, *(pts for _, pts in rows)}
