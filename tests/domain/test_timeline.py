"""The exact timeline: intervals come from the catalog's change points."""

from datetime import date
from itertools import pairwise

import pytest
from factories import mini_world

from explorer.domain.capability import access_statuses
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import timeline


@pytest.fixture(scope="module")
def world():
    return mini_world()


def test_russia_loses_own_access_the_day_after_the_pad_damage_until_the_restoration(world):
    line = timeline(world, Scenario(), date(2025, 1, 1), date(2027, 1, 1), ["RU"])
    spans = [(iv.start.isoformat(), iv.end.isoformat(), iv.status) for iv in line.nations["RU"]]
    assert spans == [
        ("2025-01-01", "2025-11-28", "independent"),
        ("2025-11-28", "2026-03-06", "partner"),
        ("2026-03-06", "2027-01-01", "independent"),
    ]
    assert line.nations["RU"][0].pads == ("baikonur-31-6",)
    assert line.nations["RU"][1].pads == ()
    assert line.nations["RU"][1].crew_vehicles == ("crew-dragon",)


def test_intervals_tile_the_range_and_neighbours_differ(world):
    line = timeline(world, Scenario(), date(2000, 1, 1), date(2030, 1, 1))
    for intervals in line.nations.values():
        assert intervals[0].start == date(2000, 1, 1)
        assert intervals[-1].end == date(2030, 1, 1)
        for a, b in pairwise(intervals):
            assert a.end == b.start
            assert (a.status, a.pads, a.crew_vehicles) != (b.status, b.pads, b.crew_vehicles)


def test_timeline_agrees_with_assess_on_every_day_around_changes(world):
    line = timeline(world, Scenario(), date(2020, 1, 1), date(2027, 6, 1))
    for change in world.change_dates():
        for day in (change, date.fromordinal(change.toordinal() - 1)):
            if not date(2020, 1, 1) <= day < date(2027, 6, 1):
                continue
            statuses = access_statuses(world, Scenario(), day)
            for nation_id, (status, _pads, vehicles) in statuses.items():
                interval = line.interval_on(nation_id, day)
                assert interval.status == status
                assert interval.crew_vehicles == vehicles


def test_switched_off_pads_shape_the_timeline(world):
    line = timeline(world, Scenario.of(["baikonur"]), date(2025, 1, 1), date(2026, 1, 1), ["RU"])
    assert {iv.status for iv in line.nations["RU"]} == {"partner"}


def test_empty_range_is_refused(world):
    with pytest.raises(ValueError, match="must end after it starts"):
        timeline(world, Scenario(), date(2025, 1, 1), date(2025, 1, 1))
