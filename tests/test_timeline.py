from datetime import datetime

from audit.facts import Item, PortalFacts
from audit.period import Period
from audit.timeline import timeline


def test_timeline_counts_items_per_section_and_day_inside_the_period():
    items = (Item("tin-tuc", "a", "A", datetime(2026, 10, 1, 0, 0)), Item("tin-tuc", "b", "B", datetime(2026, 10, 1, 23, 0)),
             Item("tin-tuc", "a", "A", datetime(2026, 10, 1, 0, 0)), Item("tin-tuc", "c", "C", datetime(2026, 11, 1, 0, 0)),
             Item("pho-bien-phap-luat", "d", "D", datetime(2026, 10, 31, 23, 59)), Item("van-ban", "e", "E", None))
    facts = PortalFacts("p", "ward", "phu-luc-2", "http://x/", "ok", None, items=items)
    assert timeline(facts, Period.month("2026-10")) == {"pho-bien-phap-luat": [["2026-10-31", 1]],
                                                       "tin-tuc": [["2026-10-01", 2]]}
