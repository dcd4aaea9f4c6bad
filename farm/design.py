"""Which portal gets which variant of each rubric feature.

Every feature's states are dealt out across the portals of a rubric group in fixed proportions, then shuffled with a
seeded generator: so whatever the seed, every criterion has portals that meet it, partly meet it and miss it, and the
score distribution stays realistic (most portals between 55 and 95). Per-portal details (counts, dates, labels) come
from per-portal generators in model.py.
"""
from __future__ import annotations

import random
from functools import lru_cache

from farm.portals import FarmPortal, load_portals

# state -> weight, per rubric group ("dept" = Phụ lục 1, "commune" = Phụ lục 2).
FEATURES: dict[str, dict[str, dict[str, float]]] = {
    "intro": {"dept": {"all": 6, "some": 3, "none": 1.5}, "commune": {"all": 6, "some": 3, "none": 1}},
    "history": {"dept": {"present": 6.5, "absent": 3.5}, "commune": {"page": 4, "listing": 2.5, "absent": 3.5}},
    "contact": {"dept": {"all": 6, "some": 3.5, "none": 0.8}, "commune": {"all": 6, "some": 3.5, "none": 0.8}},
    "directory": {"dept": {"complete": 5, "incomplete": 2, "no-column": 1.5, "empty": 0.8, "absent": 1.2},
                  "commune": {"complete": 5, "incomplete": 2, "no-column": 1.2, "empty": 0.6, "absent": 1.2}},
    "news": {"dept": {"high": 6, "mid": 1.5, "low": 1.5, "stale": 0.8, "absent": 0.3},
             "commune": {"high": 5, "mid": 2, "low": 1, "irregular": 1, "stale": 0.6, "absent": 0.5}},
    "pho_bien": {"dept": {"high": 4.5, "mid": 2.5, "low": 1.5, "stale": 0.7, "absent": 1},
                 "commune": {"high": 5, "mid": 2.5, "stale": 0.8, "empty": 0.5, "absent": 1.2}},
    "phat_thanh": {"commune": {"active": 6.5, "sporadic": 1.5, "absent": 2}},
    "documents": {"dept": {"full": 3.5, "nosearch": 1.5, "nocol": 1.5, "nofile": 1.5, "empty": 0.6, "absent": 1},
                  "commune": {"full": 4, "nosearch": 1.5, "nocol": 1.2, "nofile": 1.2, "empty": 0.5, "absent": 1.2}},
    "tthc": {"dept": {"page": 4.5, "dvc-link": 3.5, "none": 2}, "commune": {"page": 4, "dvc-link": 3.5, "none": 2.5}},
    "dvc": {"dept": {"yes": 8, "no": 2}, "commune": {"yes": 7.5, "no": 2.5}},
    "quy_hoach": {"dept": {"items": 7, "empty": 1, "absent": 2}, "commune": {"items": 5.5, "empty": 1, "absent": 3.5}},
    "du_an": {"dept": {"items": 6.5, "empty": 1, "absent": 2.5}, "commune": {"items": 5, "empty": 1, "absent": 4}},
    "tai_chinh": {"dept": {"items": 7.5, "empty": 1, "absent": 1.5}, "commune": {"items": 7, "empty": 1, "absent": 2}},
    "thong_ke": {"dept": {"items": 6.5, "empty": 1, "absent": 2.5}, "commune": {"items": 6, "empty": 1, "absent": 3}},
    "lay_y_kien": {"dept": {"items": 6.5, "empty": 1, "absent": 2.5}},
    "khen_thuong": {"dept": {"items": 6, "empty": 1, "absent": 3}},
    "pakn": {"dept": {"good": 3.5, "mostly": 2, "half": 1.5, "poor": 1, "ignored": 0.6, "quiet": 0.6, "absent": 1},
             "commune": {"good": 4, "mostly": 1.5, "half": 1.5, "poor": 1, "ignored": 0.6, "quiet": 0.8,
                         "absent": 1}},
    "schedule": {"dept": {"active": 6.5, "stopped": 1.5, "empty": 0.5, "absent": 1.5},
                 "commune": {"active": 6.5, "stopped": 1.5, "empty": 0.5, "absent": 1.5}},
    "search": {"dept": {"working": 6, "broken": 2.5, "absent": 1.5},
               "commune": {"working": 6.5, "broken": 2, "absent": 1.5}},
    "links": {"dept": {"met": 6.5, "province-only": 1.5, "others-only": 1, "none": 1},
              "commune": {"met": 6, "no-commune": 1.2, "no-dept": 1.2, "province-only": 1, "none": 0.8}},
    "print": {"dept": {"yes": 6.5, "no": 3.5}, "commune": {"yes": 6.5, "no": 3.5}},
    "access": {"dept": {"all": 5, "some": 3, "none-elements": 1, "absent": 1.5},
               "commune": {"all": 5.5, "some": 2.5, "none-elements": 0.8, "absent": 1.5}},
}

# Province: a fixed, mostly complete profile; a seeded handful of checklist items is missing (see PROVINCE_MISSES).
PROVINCE = {
    "intro": "all", "history": "present", "contact": "all", "directory": "complete", "news": "high",
    "pho_bien": "high", "documents": "full", "tthc": "page", "dvc": "yes", "quy_hoach": "items", "du_an": "items",
    "tai_chinh": "items", "thong_ke": "items", "lay_y_kien": "items", "khen_thuong": "items", "pakn": "good",
    "schedule": "active", "search": "working", "links": "met", "print": "yes", "access": "all", "chi_dao": "items",
    # QĐ 96 Điều 8 khoản 2 điểm a, đ, d: the province's gazette and survey list items, its English version is there.
    "cong_bao": "items", "khao_sat": "items", "tieng_nuoc_ngoai": "present",
}
PROVINCE_MISSES = [("thong_ke", "absent"), ("lay_y_kien", "empty"), ("contact", "some"), ("access", "absent"),
                   ("chi_dao", "empty"), ("directory", "empty"), ("du_an", "absent"), ("schedule", "stopped")]


def group_of(portal: FarmPortal) -> str:
    return {"province": "province", "department": "dept"}.get(portal.kind, "commune")


def allocate(n: int, weights: dict[str, float], rng: random.Random) -> list[str]:
    """n states in the given proportions (largest remainder), each state at least once when n allows."""
    total = sum(weights.values())
    exact = {s: n * w / total for s, w in weights.items()}
    counts = {s: int(v) for s, v in exact.items()}
    for s in sorted(exact, key=lambda s: (-(exact[s] - counts[s]), s))[: n - sum(counts.values())]:
        counts[s] += 1
    if n >= len(weights):
        for s in weights:
            while counts[s] == 0:
                donor = max(counts, key=lambda k: (counts[k], k))
                counts[donor] -= 1
                counts[s] += 1
    states = [s for s in weights for _ in range(counts[s])]
    rng.shuffle(states)
    return states


def pins() -> dict[str, tuple[str, str, str]]:
    from farm.faults import pins as fault_pins  # faults.py imports model.py, which imports this module's users

    return fault_pins()


@lru_cache(maxsize=8)
def feature_table(seed: int) -> dict[str, dict[str, str]]:
    """portal id -> feature -> state."""
    portals = load_portals()
    table: dict[str, dict[str, str]] = {p.id: {} for p in portals}
    for group in ("dept", "commune"):
        members = [p for p in portals if group_of(p) == group]
        for feature, per_group in FEATURES.items():
            weights = per_group.get(group)
            if weights is None:
                continue
            dealt = members
            if feature == "dvc":
                # A link to the DVC procedure list is itself a DVC link: deal "dvc" among the other portals only.
                dealt = [p for p in members if table[p.id]["tthc"] != "dvc-link"]
                for p in members:
                    table[p.id]["dvc"] = "yes"
            states = allocate(len(dealt), weights, random.Random(f"{seed}:design:{group}:{feature}"))
            for p, s in zip(dealt, states):
                table[p.id][feature] = s
    # A fault that breaks a section needs the section: pin it when the deal left it out (farm/faults.py).
    for pid, (feature, absent, present) in pins().items():
        if table[pid].get(feature) == absent:
            table[pid][feature] = present
    for p in portals:
        if group_of(p) == "province":
            prof = dict(PROVINCE)
            rng = random.Random(f"{seed}:design:province")
            for feature, state in rng.sample(PROVINCE_MISSES, 3):
                prof[feature] = state
            table[p.id] = prof
    from farm.portals import all_portals  # synthetic clones of a larger farm take their model's profile
    for p in all_portals():
        if p.source is not None:
            table[p.id] = dict(table[p.source])
    return table
