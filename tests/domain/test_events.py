"""The dates the previous/next event buttons step through."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from explorer.domain.changes import Outage, Window
from explorer.domain.events import event_days, next_day, previous_day
from explorer.domain.scenario import Scenario
from explorer.domain.timespan import END_DAY, FIRST_DAY


def test_event_days_hold_launches_history_changes_and_catalog_events(catalog):
    days = event_days(catalog, Scenario())
    assert list(days) == sorted(set(days))
    assert date(1984, 4, 3) in days  # Soyuz T-11, India's first crewed flight
    assert set(catalog.change_dates()) & set(days) == {
        d for d in catalog.change_dates() if FIRST_DAY <= d < END_DAY
    }
    assert {launch.day for launch in catalog.crewed_launches} <= set(days)
    assert {event.day for event in catalog.events} <= set(days)
    assert all(FIRST_DAY <= d < END_DAY for d in days)


def test_a_scenario_change_adds_its_start_and_end(catalog):
    start, end = date(2030, 3, 17), date(2031, 7, 9)
    plain = event_days(catalog, Scenario())
    assert start not in plain and end not in plain
    outage = Outage("baikonur-31-6", Window(start, end))
    days = event_days(catalog, Scenario(changes=(outage,)))
    assert start in days and end in days


def test_previous_and_next_skip_the_day_itself():
    days = (date(2000, 1, 1), date(2000, 6, 1), date(2001, 1, 1))
    assert next_day(days, date(2000, 6, 1)) == date(2001, 1, 1)
    assert previous_day(days, date(2000, 6, 1)) == date(2000, 1, 1)
    assert next_day(days, date(2000, 3, 1)) == date(2000, 6, 1)
    assert previous_day(days, date(2000, 3, 1)) == date(2000, 1, 1)
    assert previous_day(days, date(2000, 1, 1)) is None
    assert next_day(days, date(2001, 1, 1)) is None


@given(
    st.lists(st.dates(FIRST_DAY, date(2035, 12, 31)), unique=True).map(sorted),
    st.dates(FIRST_DAY, date(2035, 12, 31)),
)
def test_neighbours_are_the_nearest_days_on_either_side(days, day):
    before, after = previous_day(days, day), next_day(days, day)
    assert before == max((d for d in days if d < day), default=None)
    assert after == min((d for d in days if d > day), default=None)
