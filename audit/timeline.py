"""Publications of a period per section and day: what the portal page's timeline shows."""
from __future__ import annotations

from collections import Counter

from audit.facts import PortalFacts
from audit.period import Period


def timeline(facts: PortalFacts, period: Period) -> dict[str, list[list]]:
    """{section: [[ISO day, items that day], …]} for items dated in the period, one count per URL and section."""
    seen: set[tuple[str, str]] = set()
    per: dict[str, Counter] = {}
    for it in facts.items:
        if not period.contains(it.published_at) or (it.section, it.url) in seen:
            continue
        seen.add((it.section, it.url))
        per.setdefault(it.section, Counter())[it.published_at.date().isoformat()] += 1
    return {key: [[day, n] for day, n in sorted(days.items())] for key, days in sorted(per.items())}
