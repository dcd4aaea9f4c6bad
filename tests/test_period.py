from datetime import date, datetime

import pytest

from audit.period import Period, PeriodError


def test_month_bounds_and_inclusive_contains():
    p = Period.month("2026-02")
    assert (p.start, p.end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert p.contains(datetime(2026, 2, 1, 0, 0)) and p.contains(datetime(2026, 2, 28, 23, 59))
    assert not p.contains(datetime(2026, 3, 1, 0, 0)) and not p.contains(None)


@pytest.mark.parametrize("text", ["2026-13", "2026-1", "26-01", "abc", "2026-00", ""])
def test_bad_periods(text):
    with pytest.raises(PeriodError):
        Period.parse(text)


def test_explicit_dates_override_and_are_checked():
    assert Period.parse("2026-10", "2026-10-05", None) == Period(date(2026, 10, 5), date(2026, 10, 31))
    with pytest.raises(PeriodError, match="--to"):
        Period.parse(None, "2026-10-05", "2026-10-01")
    with pytest.raises(PeriodError, match="--from"):
        Period.parse(None, "05/10/2026", "2026-10-30")
