"""Building a portal model: its theme, sections (menu labels, slugs, placement) and listing items."""
from __future__ import annotations

import calendar
import random
import string
from datetime import datetime

from farm import cms, vocab
from farm.build_activity import build_questions, build_schedule
from farm.build_static import (build_access, build_contact, build_directory, build_documents, build_intro,
                               build_links, build_procedures)
from farm.design import feature_table, group_of
from farm.model import Item, PortalModel, Section, Theme, fill, months_between, rng_for
from farm.portals import HOSTILE_PORTAL_ID, HOSTILE_TITLE_SUFFIXES, FarmPortal

LISTING_SECTIONS = ("tin-tuc", "pho-bien-phap-luat", "tin-phat-thanh", "chien-luoc-quy-hoach", "du-an-dau-tu",
                    "tai-chinh-ngan-sach", "thong-ke", "lay-y-kien", "khen-thuong-xu-phat", "chi-dao-dieu-hanh",
                    "lich-su", "cong-bao", "khao-sat")
# The province's own sections (QĐ 96 Điều 8 khoản 2), last so that the item ids of the others stay as they were.


# Feature name in design.py of each "section with >= 1 item" listing.
PRESENCE_FEATURES = {"chien-luoc-quy-hoach": "quy_hoach", "du-an-dau-tu": "du_an", "tai-chinh-ngan-sach": "tai_chinh",
                     "thong-ke": "thong_ke", "lay-y-kien": "lay_y_kien", "khen-thuong-xu-phat": "khen_thuong",
                     "chi-dao-dieu-hanh": "chi_dao", "cong-bao": "cong_bao", "khao-sat": "khao_sat"}


# Monthly item counts per level: (low, high) inclusive.
NEWS_BANDS = {"dept": {"high": (12, 60), "mid": (5, 9), "low": (3, 4)},
              "commune": {"high": (5, 30), "mid": (2, 4), "low": (1, 1)},
              "province": {"high": (40, 80)}}

PHO_BIEN_BANDS = {"dept": {"high": (5, 8), "mid": (2, 4), "low": (1, 1)},
                  "commune": {"high": (3, 6), "mid": (1, 2)},
                  "province": {"high": (5, 10)}}


def _instance_id(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(12))


def build_portal(seed: int, now: datetime, portal: FarmPortal) -> PortalModel:
    group = group_of(portal)
    feats = feature_table(seed)[portal.id]
    rng = rng_for(seed, portal.id)
    theme = Theme(
        listing=rng.choices(["ajax", "inline", "widget"], [5, 2, 3])[0],
        created_fmt=rng.choice(["12h", "24s"]),
        detail_date=rng.randrange(4),
        detail_prefix="" if portal.kind == "province" else rng.choice(["news", "news", "section"]),
        widget_pager=rng.choice(["page", "cur"]),
        per_page=rng.choice([5, 8, 10, 10, 15]),
        absolute_resource_urls=rng.random() < 0.5,
        print_style=rng.choice(["printDiv", "printDiv", "link"]),
    )
    theme.frame = cms.theme_of(portal.id, portal.index, pinned=_pinned_classic(portal.id))
    if theme.frame == "portal4":
        # HTML-only theme (farm/portal4.py): the draws above stay, so every other detail of the portal is unchanged.
        theme.listing = "publisher"
        theme.prefix = cms.language_prefix(theme.frame, portal.index, root_hosted=portal.base_path == "")
    m = PortalModel(portal=portal, seed=seed, now=now, features=feats,
                    group_id=37632 if portal.kind == "province" else rng.randrange(20000, 200000), theme=theme)
    m.platform = cms.platform_of(portal.id)
    m.org = vocab.org_short(portal.name if portal.kind != "province" else "Tỉnh Bắc Ninh", portal.kind)
    _build_sections(m, rng, group)
    _build_items(m, group)
    build_intro(m, rng, group)
    build_contact(m, rng, group)
    build_directory(m, rng)
    build_documents(m, rng)
    build_procedures(m, rng)
    build_questions(m)
    build_schedule(m, rng)
    build_access(m, rng)
    m.search = feats["search"]
    m.has_print = feats["print"] == "yes"
    build_links(m, rng, group)
    # Only the classic Liferay frame draws the switch (portal4 has its own icon-only one, other CMSs none).
    if feats.get("tieng_nuoc_ngoai") == "present" and m.platform == "liferay" and theme.frame == "classic":
        m.english_href = "/en/"
    return m


def _pinned_classic(portal_id: str) -> bool:
    from farm.faults import FAULTS  # faults.py imports model.py

    return portal_id in FAULTS or portal_id == HOSTILE_PORTAL_ID


def _section_present(m: PortalModel, key: str) -> bool:
    feats, portal = m.features, m.portal
    if key == "tin-tuc":
        return feats["news"] != "absent"
    if key == "pho-bien-phap-luat":
        return feats["pho_bien"] != "absent"
    if key == "tin-phat-thanh":
        return portal.is_commune and feats.get("phat_thanh") != "absent"
    if key in PRESENCE_FEATURES:
        return feats.get(PRESENCE_FEATURES[key], "absent") != "absent"
    if key == "lich-su":
        return feats["history"] != "absent"
    if key == "gioi-thieu":
        # Half the portals without intro elements have no intro section at all.
        return not (feats["intro"] == "none" and rng_for(m.seed, portal.id, "intro-absent").random() < 0.5)
    if key == "danh-ba":
        return feats["directory"] != "absent"
    if key == "van-ban":
        return feats["documents"] != "absent"
    if key == "thu-tuc-hanh-chinh":
        return feats["tthc"] != "none"
    if key == "hoi-dap":
        return feats["pakn"] != "absent"
    if key == "lich-cong-tac":
        return feats["schedule"] != "absent"
    if key == "tiep-can-thong-tin":
        return feats["access"] != "absent"
    return False


# Where a section sits in the menu by default: top level, or under a parent (section key or group key).
DEFAULT_PARENT = {
    "gioi-thieu": None, "lich-su": "gioi-thieu", "danh-ba": "gioi-thieu", "tin-tuc": None,
    "pho-bien-phap-luat": "tin-tuc", "tin-phat-thanh": "tin-tuc", "chi-dao-dieu-hanh": "van-ban",
    "van-ban": None, "lay-y-kien": "van-ban", "chien-luoc-quy-hoach": "chuyen-muc", "du-an-dau-tu": "chuyen-muc",
    "tai-chinh-ngan-sach": "chuyen-muc", "thong-ke": "chuyen-muc", "khen-thuong-xu-phat": "chuyen-muc",
    "thu-tuc-hanh-chinh": "cong-dan", "hoi-dap": "cong-dan", "lich-cong-tac": None, "tiep-can-thong-tin": None,
    # Only the province carries these (farm/design.py PROVINCE); last, so other portals' draws are unchanged.
    "cong-bao": "van-ban", "khao-sat": "cong-dan",
}

PAGE_KIND = {"gioi-thieu": "intro", "danh-ba": "directory", "van-ban": "documents", "thu-tuc-hanh-chinh": "procedures",
             "hoi-dap": "qa", "lich-cong-tac": "schedule", "tiep-can-thong-tin": "access"}


def _build_sections(m: PortalModel, rng: random.Random, group: str) -> None:
    p, feats = m.portal, m.features
    for key in DEFAULT_PARENT:
        if not _section_present(m, key):
            continue
        if key == "chi-dao-dieu-hanh" and group != "province" and rng.random() < 0.6:
            continue  # only the province is scored on it; others carry it now and then as noise
        labels = vocab.SECTION_LABELS[key]
        slug = rng.choice(vocab.SECTION_SLUGS[key])
        page = PAGE_KIND.get(key, "listing")
        label = rng.choice(labels)
        if key == "lich-su":
            if group != "commune":
                label, slug, page = rng.choice(vocab.DEPT_HISTORY_LABELS), vocab.DEPT_HISTORY_SLUG, "history"
            elif feats["history"] == "page":
                page = "history"
        if key == "gioi-thieu" and p.is_commune and rng.random() < 0.4:
            label = "Giới thiệu " + ("phường" if p.kind == "ward" else "xã")
        if key == "danh-ba" and rng.random() < 0.3:
            label = {"department": "Lãnh đạo Sở", "commune": "Lãnh đạo xã", "ward": "Lãnh đạo phường",
                     "province": "Ban lãnh đạo"}[p.kind]
            if p.kind == "department" and not p.name.startswith("Sở"):
                label = "Ban lãnh đạo"
        parent = DEFAULT_PARENT[key]
        r = rng.random()
        if key == "lich-su" and group != "commune":
            placement, parent = "sub", "gioi-thieu"  # department history sits under the intro menu
        elif r < 0.08 and key not in ("gioi-thieu", "tin-tuc"):
            placement = "footer"
        elif r < 0.14 and key not in ("gioi-thieu", "tin-tuc"):
            placement = "sidebar"
        elif parent is None or r < 0.3:
            placement = "menu"
        else:
            placement = "sub"
        href = cms.section_href(m.platform, m.link_base, slug, page)
        if key == "thu-tuc-hanh-chinh" and feats["tthc"] == "dvc-link":
            href, page = rng.choice(vocab.DVC_PROCEDURES)[0], "external"
        m.sections[key] = Section(key, label, href, placement, parent or "", page, _instance_id(rng))
    # A sub-menu needs its parent at the top of the menu; otherwise it falls back to a plain group parent.
    for s in m.sections.values():
        if s.placement == "sub" and s.group in DEFAULT_PARENT:
            parent = m.sections.get(s.group)
            if parent is None or parent.placement != "menu":
                s.group = "chuyen-muc"


def _month_count(m: PortalModel, key: str, group: str, y: int, mo: int) -> int:
    feats = m.features
    r = rng_for(m.seed, m.portal.id, key, "count", f"{y:04d}-{mo:02d}")
    months_ago = (m.now.year - y) * 12 + (m.now.month - mo)
    if key in ("tin-tuc", "pho-bien-phap-luat"):
        level = feats["news" if key == "tin-tuc" else "pho_bien"]
        bands = (NEWS_BANDS if key == "tin-tuc" else PHO_BIEN_BANDS)[group]
        if level == "empty":
            return 0
        if level == "stale":
            stop = 9 + rng_for(m.seed, m.portal.id, key, "stop").randrange(5)
            return r.randint(*bands["mid"]) if months_ago > stop else 0
        if level == "irregular":
            level = r.choice(list(bands) + ["zero"])
            if level == "zero":
                return 0
        return r.randint(*bands[level])
    if key == "tin-phat-thanh":
        if feats["phat_thanh"] == "active":
            return r.randint(1, 6)
        return r.choice([0, 0, 1])
    if key == "lich-su":
        return r.choice([0, 0, 1, 2])
    state = feats.get(PRESENCE_FEATURES[key], "items")
    if state != "items":
        return 0
    return r.choice([0, 0, 1, 1, 2, 3])


def _item_times(r: random.Random, y: int, mo: int, n: int) -> list[datetime]:
    last = calendar.monthrange(y, mo)[1]
    out = []
    for _ in range(n):
        day = r.randint(1, last)
        hour = r.choices([r.randint(7, 17), r.randint(18, 22), r.randint(0, 6)], [8, 1.5, 0.5])[0]
        out.append(datetime(y, mo, day, hour, r.randrange(60)))
    # Period boundaries: first day just after midnight, last day late in the evening.
    if n >= 1 and r.random() < 0.35:
        out[0] = datetime(y, mo, 1, 0, r.randrange(60))
    if n >= 2 and r.random() < 0.35:
        out[1] = datetime(y, mo, last, 23, r.randrange(60))
    return out


def _build_items(m: PortalModel, group: str) -> None:
    p = m.portal
    used: set[str] = set()
    start = m.history_start
    misfiled = rng_for(m.seed, p.id, "misfiled").random() < 0.12
    for key in LISTING_SECTIONS:
        m.items[key] = []
    listed = [key for key in LISTING_SECTIONS if key in m.sections and m.sections[key].page == "listing"]
    # Month by month, each month drawn whole: a later `now` only adds items (titles are unique per portal, so the
    # order titles are drawn in must not depend on where `now` cuts the current month).
    for y, mo in months_between(start, m.now.date()):
        for key in listed:
            sec = m.sections[key]
            r = rng_for(m.seed, p.id, key, "items", f"{y:04d}-{mo:02d}")
            for seq, dt in enumerate(_item_times(r, y, mo, _month_count(m, key, group, y, mo))):
                templates = vocab.TITLE_TEMPLATES[key]
                if key == "tin-tuc" and misfiled and r.random() < 0.05:
                    # Deliberately misfiled: a law-dissemination article listed under news counts as news.
                    templates = vocab.TITLE_TEMPLATES["pho-bien-phap-luat"]
                it = _item(m, sec, r, dt, seq, templates, used)
                if dt <= m.now:
                    m.items[key].append(it)
    for key in LISTING_SECTIONS:
        sec = m.sections.get(key)
        items = m.items[key]
        if sec is None or sec.page != "listing":
            continue
        must_have = key == "lich-su" or m.features.get(PRESENCE_FEATURES.get(key, ""), "") == "items"
        if must_have and not items:
            # "Section with >= 1 item" must hold whatever the months drew: add one early in the history.
            r = rng_for(m.seed, p.id, key, "guarantee")
            dt = datetime(start.year, start.month, r.randint(2, 27), r.randint(8, 16), r.randrange(60))
            items.append(_item(m, sec, r, dt, 999, vocab.TITLE_TEMPLATES[key], used))
        items.sort(key=lambda i: (i.published, i.id), reverse=True)
        for it in items:
            m.articles[it.id] = it


def _item(m: PortalModel, sec: Section, r: random.Random, dt: datetime, seq: int, templates: list[str],
          used: set[str]) -> Item:
    title = _unique_title(r, templates, m.org, dt.year, used)
    if m.portal.id == HOSTILE_PORTAL_ID and seq % 3 == 0:
        title += HOSTILE_TITLE_SUFFIXES[seq % len(HOSTILE_TITLE_SUFFIXES)]
    # Ids encode month, section and rank, so they stay stable when `now` moves.
    aid = ((dt.year - 2000) * 12 + dt.month) * 100000 + (LISTING_SECTIONS.index(sec.key) + 1) * 1000 + seq
    slug = vocab.slugify(title)[:80].rstrip('-')
    if m.platform != "liferay":
        path = cms.article_path(m.platform, m.portal.id, m.base, sec.href, slug, aid, dt)
    elif m.theme.frame == "portal4":
        path = f"{sec.href}/-/view_content/{aid}-{slug}"  # the asset publisher's URL below the category page
    else:
        prefix = {"news": "/news", "section": "/" + sec.href.rsplit("/", 1)[-1], "": ""}[m.theme.detail_prefix]
        path = f"{m.base}{prefix}/-/details/{m.group_id}/{slug}-{aid}"
    return Item(aid, sec.key, title, dt, fill(r.choice(vocab.SUMMARY_TEMPLATES), r, m.org, dt.year), path)


QUALIFIERS = [" tại {village}", " trên địa bàn", " năm {year}", " {period} năm {year}", " tại {village} năm {year}"]


def _unique_title(r: random.Random, templates: list[str], org: str, year: int, used: set[str]) -> str:
    for attempt in range(10):
        tmpl = r.choice(templates)
        if attempt >= 3:
            tmpl += r.choice([q for q in QUALIFIERS if "{year}" not in tmpl or "{year}" not in q])
        t = vocab.nfc(fill(tmpl, r, org, year))
        t = t[0].upper() + t[1:]
        if t.lower() not in used:
            used.add(t.lower())
            return t
    k = 2
    while f"{t} - đợt {k}".lower() in used:
        k += 1
    t = f"{t} - đợt {k}"
    used.add(t.lower())
    return t
