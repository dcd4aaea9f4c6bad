"""Write the farm part of the gold set: pages rendered by the farm (no sockets) and their labels from the farm's
content model — never from the product's extractor.

    .venv/bin/python benchmarks/build_gold_farm.py   # rewrites tests/gold/farm/

Deterministic (fixed seed, now and port). Portals are chosen so that every listing shape, article date style and
print style appears; each gives its home page, every section landing page, a few articles and, when present, the
search results and an older schedule week.
"""
from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from farm import vocab as fvocab  # noqa: E402
from farm.chrome import intro_subpages  # noqa: E402
from farm.model import monday_of  # noqa: E402
from farm.portals import load_portals  # noqa: E402
from farm.site import FarmSite  # noqa: E402

SEED, NOW, PORT = 65, datetime(2025, 11, 22, 10, 30), 8080
OUT = ROOT / "tests" / "gold" / "farm"
DATE_STYLES = {0: "span.date_time dd/MM/yyyy HH:mm", 1: "Thứ X, dd/MM/yyyy, HH:mm", 2: "Ngày đăng: dd/MM/yyyy",
               3: "Cập nhật lúc HH:mm ngày d/M/yyyy"}
# The farm's column labels and the fields they show (read from farm/pages.py's tables).
DOC_COLUMNS = {"Số/Ký hiệu": "so_ky_hieu", "Trích yếu": "trich_yeu", "Ngày ban hành": "ngay_ban_hanh",
               "Ngày hiệu lực": "ngay_hieu_luc", "Cơ quan ban hành": "co_quan", "Loại văn bản": "loai"}
DIR_COLUMNS = {"Họ và tên": "name", "Chức vụ": "position", "Đơn vị": "unit", "Điện thoại": "phone", "Email": "email"}
DIR_PER_PAGE, DOCS_PER_PAGE = None, 25


def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile("^" + ".+".join(re.escape(p) for p in parts) + "$")


LAW_TEMPLATES = [_template_regex(t) for t in fvocab.TITLE_TEMPLATES["pho-bien-phap-luat"]]


def choose_portals(site: FarmSite, n: int = 11) -> list:
    portals = [p for p in load_portals() if not p.down]
    chosen, seen = [], set()
    for p in portals:
        m = site.farm.model(p.id)
        key = (m.theme.listing, m.theme.detail_date, p.kind == "department")
        if key not in seen:
            seen.add(key)
            chosen.append(p)
    for p in portals:  # fill up with portals having a deliberately misfiled news item
        m = site.farm.model(p.id)
        if p not in chosen and any(_misfiled(it) for it in m.items.get("tin-tuc", [])):
            chosen.append(p)
            break
    return chosen[:n]


def _misfiled(it) -> bool:
    return it.section == "tin-tuc" and any(rx.match(it.title) for rx in LAW_TEMPLATES)


def main() -> None:
    site = FarmSite(SEED, NOW, PORT, faults=False)  # gold pages are clean pages: faults are the e2e test's business
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.html"):
        old.unlink()
    labels = []

    def save(p, m, path, args, name, entry):
        resp = site.handle(p, "GET", path, args)
        assert resp.status == 200, (p.id, path, resp.status)
        fname = f"{p.id}--{name}.html"
        (OUT / fname).write_bytes(resp.body)
        query = "&".join(f"{k}={v}" for k, v in args.items())
        url = f"http://{p.address}:{PORT}{path}" + (f"?{query}" if query else "")
        entry = {"file": f"farm/{fname}", "url": url, "now": NOW.isoformat(timespec="minutes"), "source": "farm",
                 "cms": f"farm-liferay/{m.theme.listing}", **entry}
        entry.setdefault("date", None)
        labels.append(entry)

    for p in choose_portals(site):
        m = site.farm.model(p.id)
        save(p, m, m.base or "/", {}, "home", {
            "section": "khac", "traps": ["footer-copyright-year"] + (["listing-dates"] if m.items.get("tin-tuc") else []),
            "facts": {"contact": dict(m.contact), "search_form": m.search != "absent",
                      "outbound_links": sorted({lk.url(PORT) for lk in m.links})}})
        save(p, m, f"{m.base}/thu-vien-video", {}, "video", {"section": "khac", "facts": {}})
        for sec in m.sections.values():
            if not sec.href.startswith("/"):
                continue
            facts: dict = {}
            if sec.page == "listing":
                items = m.items.get(sec.key, [])
                if m.theme.listing == "widget":
                    facts["widget_items"] = min(len(items), max(m.theme.per_page, 10))
                elif m.theme.listing == "inline":
                    facts["inline_items"] = min(len(items), m.theme.per_page)
                facts["listing_resource"] = m.theme.listing != "widget"
            elif sec.page == "directory":
                facts["directory"] = [{DIR_COLUMNS[c]: e[c] for c in m.directory_columns if c in DIR_COLUMNS and e.get(c)}
                                      for e in m.directory]
            elif sec.page == "documents":
                chunk = m.documents[:DOCS_PER_PAGE]
                cols = [DOC_COLUMNS[c] for c in m.doc_columns if c in DOC_COLUMNS]
                facts["documents"] = {"rows": len(chunk), "columns": sorted(cols),
                                      "without_file": sum(1 for d in chunk if not d.file_path),
                                      "has_search": m.doc_search}
            elif sec.page == "schedule":
                monday = monday_of(NOW.date())
                facts["schedule_dates"] = sorted({d.isoformat() for _, d, _, _ in m.schedule_entries(monday)})
            elif sec.page == "access":
                facts["elements"] = sorted(m.access_elements)
            elif sec.page == "intro" and m.intro_style == "headings" and p.kind == "commune":
                facts["elements"] = sorted(m.intro_elements)
            save(p, m, sec.href, {}, sec.key, {"section": sec.key, "facts": facts,
                                               "traps": ["listing-dates"] if sec.page == "listing" else []})
            if sec.page == "schedule":
                monday = monday_of(NOW.date()) - timedelta(days=7 * 9)
                if monday >= monday_of(m.history_start):
                    days = sorted({d.isoformat() for _, d, _, _ in m.schedule_entries(monday)})
                    save(p, m, sec.href, {"week": monday.isoformat()}, f"{sec.key}-w9",
                         {"section": sec.key, "facts": {"schedule_dates": days}})
        for href, label in intro_subpages(m)[:1]:
            save(p, m, href, {}, "intro-sub", {"section": "gioi-thieu", "facts": {}})
        if m.search == "working" and m.items.get("tin-tuc"):
            word = m.items["tin-tuc"][0].title.split()[-1]
            save(p, m, f"{m.base}/tim-kiem", {"keyword": word}, "search", {"section": "tim-kiem", "facts": {}})
        # Articles: the newest of each of up to four listing sections, plus any misfiled news item.
        picks = [its[0] for key, its in m.items.items() if its][:5] + m.items.get("tin-tuc", [])[3:4]
        picks += [it for it in m.items.get("tin-tuc", []) if _misfiled(it)][:2]
        for it in picks:
            style = m.theme.detail_date
            traps = ["related-list-dates"] if len(m.items.get(it.section, [])) > 1 else []
            if [o for o in m.items.get("tin-tuc", []) if o.id != it.id]:
                traps.append("sidebar-dates")
            if style == 1 and it.published.hour >= 12:
                traps.append("afternoon-time")
            if style == 3:
                traps.append("updated-label-only")
            save(p, m, it.path, {}, f"article-{it.id}", {
                "section": it.section, "date": it.published.date().isoformat(), "date_format": DATE_STYLES[style],
                "traps": traps + ["footer-copyright-year"],
                "facts": {"has_print": m.has_print,
                          "misplaced": "pho-bien-phap-luat" if _misfiled(it) else None}})
    (OUT / "labels.yaml").write_text(
        "# Generated by benchmarks/build_gold_farm.py from the farm's content model (seed 65, now 2025-11-22T10:30).\n"
        + yaml.safe_dump(labels, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"{len(labels)} farm pages written to {OUT}")


if __name__ == "__main__":
    main()
