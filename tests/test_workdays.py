from datetime import date

import holidays
import pytest

from audit.errors import ConfigError
from audit.workdays import WorkCalendar, add_working_days, is_working_day, load_calendar


def test_package_is_pinned_version():
    # Swap days differ between releases; the override file was checked against this one.
    assert holidays.__version__ == "0.109"


@pytest.mark.parametrize("asked, due", [
    (date(2026, 2, 12), date(2026, 2, 26)),  # Thu: 13/2, then 23–26/2 after the Tết week
    (date(2026, 2, 13), date(2026, 2, 27)),  # Fri before Tết: 16–20/2 are days off
    (date(2026, 2, 17), date(2026, 2, 27)),  # asked during Tết: counting starts on the next working day
    (date(2026, 2, 20), date(2026, 2, 27)),
    (date(2026, 8, 28), date(2026, 9, 9)),  # Fri before the 31/8–2/9 holiday
    (date(2026, 8, 31), date(2026, 9, 9)),
    (date(2026, 8, 21), date(2026, 8, 27)),  # Sat 22/8/2026 is a make-up working day
    (date(2026, 3, 6), date(2026, 3, 13)),  # ordinary week: weekend skipped
    (date(2025, 12, 31), date(2026, 1, 8)),  # 1/1 is a holiday
])
def test_five_working_days(asked, due):
    assert add_working_days(asked, 5) == due


def test_zero_days_is_the_same_day():
    assert add_working_days(date(2026, 2, 17), 0) == date(2026, 2, 17)


def test_day_itself_not_counted():
    assert add_working_days(date(2026, 3, 9), 1) == date(2026, 3, 10)
    assert add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Fri → Mon


@pytest.mark.parametrize("d, working", [
    (date(2026, 2, 16), False), (date(2026, 2, 20), False), (date(2026, 2, 23), True),
    (date(2026, 8, 31), False), (date(2026, 9, 1), False), (date(2026, 9, 2), False), (date(2026, 9, 3), True),
    (date(2026, 8, 22), True), (date(2026, 8, 23), False), (date(2026, 3, 7), False),
])
def test_is_working_day(d, working):
    assert is_working_day(d) is working


def test_negative_days_rejected():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), -1)


def test_override_file_adds_days_off_and_make_up_days(tmp_path):
    p = tmp_path / "calendar.yaml"
    p.write_text("days_off:\n  - {date: 2026-03-10, reason: nghỉ bù}\n"
                 "make_up_workdays:\n  - {date: 2026-03-14, reason: làm bù}\n", encoding="utf-8")
    cal = load_calendar(p)
    assert not cal.is_working_day(date(2026, 3, 10))
    assert cal.is_working_day(date(2026, 3, 14))  # a Saturday
    # Mon 9/3 + 5: 11, 12, 13, Sat 14 (make-up), 16
    assert cal.add_working_days(date(2026, 3, 9), 5) == date(2026, 3, 16)
    assert WorkCalendar().add_working_days(date(2026, 3, 9), 5) == date(2026, 3, 16)  # 10,11,12,13,16


def test_bundled_overrides_cover_announced_2026_days():
    cal = load_calendar()
    for d in (date(2026, 2, 16), date(2026, 2, 20), date(2026, 8, 31), date(2026, 9, 2)):
        assert d in cal.days_off
    assert date(2026, 8, 22) in cal.make_up


@pytest.mark.parametrize("text", [
    "days_off:\n  - 2026-03-10\n",  # no reason
    "days_off:\n  - {date: 10/3/2026, reason: x}\n",  # not a date
    "holidays: []\n",  # unknown key
    "days_off: [\n",  # YAML syntax
])
def test_bad_override_file_is_one_line_config_error(tmp_path, text):
    p = tmp_path / "calendar.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_calendar(p)
    assert str(p) in str(exc.value) and "\n" not in str(exc.value)
