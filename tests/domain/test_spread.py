"""Pad spread: the radius of the smallest circle holding a nation's pads, on the WGS84 ellipsoid,
checked against pyproj's geodesics (an independent computation)."""

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod

from explorer.domain.capability import assess
from explorer.domain.scenario import Scenario
from explorer.domain.spread import nation_pad_spread_km, pad_spread_km

GEOD = Geod(ellps="WGS84")


def geodesic_km(a, b):
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000


def test_one_pad_or_none_has_no_spread():
    assert pad_spread_km([]) == 0.0
    assert pad_spread_km([(-80.6, 28.6)]) == 0.0
    assert pad_spread_km([(-80.6, 28.6), (-80.6, 28.6)]) == 0.0


def test_two_pads_spread_half_their_geodesic_distance():
    for a, b in [
        ((0.0, 0.0), (1.0, 0.0)),
        ((63.3, 45.9), (128.3, 51.9)),
        ((100.3, 40.96), (110.95, 19.6)),
    ]:
        assert pad_spread_km([a, b]) == pytest.approx(geodesic_km(a, b) / 2, rel=5e-3)


def test_a_pad_inside_the_circle_of_two_does_not_grow_it():
    assert pad_spread_km([(0.0, 0.0), (1.0, 0.0), (0.5, 0.1)]) == pytest.approx(
        geodesic_km((0.0, 0.0), (1.0, 0.0)) / 2, rel=5e-3
    )


points = st.lists(
    st.tuples(st.floats(-20, 20), st.floats(-20, 20)).map(lambda p: (60 + p[0], 40 + p[1])),
    min_size=2,
    max_size=7,
)


@settings(max_examples=60, deadline=None)
@given(points)
def test_the_circle_holds_every_pad_and_is_no_smaller_than_half_the_widest_pair(pads):
    radius = pad_spread_km(pads)
    widest = max(geodesic_km(a, b) for a, b in itertools.combinations(pads, 2))
    assert radius >= widest / 2 * (1 - 5e-3)  # no circle is smaller than half the diameter
    assert radius <= widest / 3**0.5 * (1 + 1e-2) + 1e-6  # Jung's bound for the plane


def test_nations_on_the_day_before_the_pad_damage(catalog):
    report = assess(catalog, Scenario(), date(2025, 11, 26))
    assert nation_pad_spread_km(catalog, report.nation("RU")) == 0.0  # Site 31/6 alone
    us = nation_pad_spread_km(catalog, report.nation("US"))
    assert 2 < us < 10  # LC-39A and SLC-40 on one cape: one hurricane grounds them
    assert nation_pad_spread_km(catalog, report.nation("IN")) == 0.0
