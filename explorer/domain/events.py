"""The dated events a user steps through: the dates on which something in the scenario happens.

Pure Python. ``event_days`` gathers, for a scenario resolved against the catalog, every status
change of the what-if catalog's records, every catalog event, every crewed launch and every date
on which a scenario change starts or ends, inside ``[FIRST_DAY, END_DAY)``. ``previous_day`` and
``next_day`` find the neighbours of a date among them (the window's previous/next event buttons).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date

from explorer.domain.catalog import Catalog
from explorer.domain.effective import effective
from explorer.domain.scenario import Scenario
from explorer.domain.timespan import END_DAY, FIRST_DAY


def event_days(catalog: Catalog, scenario: Scenario) -> tuple[date, ...]:
    """Every date, sorted and unique, on which the effective catalog or the scenario changes.

    Parameters
    ----------
    catalog
        The dataset's catalog.
    scenario
        Its changes add their own dates (outage windows, hypothetical pads' histories).
    """
    eff = effective(catalog, scenario)
    days = set(eff.catalog.change_dates())
    days.update(eff.dates)
    days.update(event.day for event in eff.catalog.events)
    days.update(launch.day for launch in eff.catalog.crewed_launches)
    return tuple(sorted(d for d in days if FIRST_DAY <= d < END_DAY))


def previous_day(days: Sequence[date], day: date) -> date | None:
    """The last of ``days`` (sorted) strictly before ``day``; None when there is none."""
    i = bisect_left(days, day)
    return days[i - 1] if i > 0 else None


def next_day(days: Sequence[date], day: date) -> date | None:
    """The first of ``days`` (sorted) strictly after ``day``; None when there is none."""
    i = bisect_right(days, day)
    return days[i] if i < len(days) else None
