"""Invariants of dated what-if changes on the shipped dataset (Hypothesis).

Timelines are exact (constant between breakpoints), so comparing two of them at every interval
start of either compares them on every day.
"""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.changes import CrewRating, Outage, RegionOutage, Window
from explorer.domain.compare import compare
from explorer.domain.effective import pads_within
from explorer.domain.geodesy import MEAN_RADIUS_M, great_circle_m
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import timeline
from explorer.loaders.catalog import load_catalog

START, END = date(1961, 4, 12), date(2036, 1, 1)
RANK = {AccessStatus.NONE: 0, AccessStatus.PARTNER: 1, AccessStatus.INDEPENDENT: 2}
CATALOG = load_catalog()
SWITCHABLE = sorted(
    r.id
    for group in (
        CATALOG.sites,
        CATALOG.pads,
        CATALOG.launch_vehicles,
        CATALOG.crew_vehicles,
        CATALOG.agreements,
    )
    for r in group
)
RATEABLE = sorted(
    r.id for group in (CATALOG.pads, CATALOG.launch_vehicles, CATALOG.crew_vehicles) for r in group
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.integers(0, (END - START).days - 1).map(lambda n: START + timedelta(days=n))


@st.composite
def windows(draw) -> Window:
    a = draw(days)
    b = draw(st.integers(1, 4000).map(lambda n: a + timedelta(days=n)))
    return Window(a, b)


def state(tl, nation_id, day):
    iv = tl.interval_on(nation_id, day)
    return iv.status, iv.pads, iv.crew_vehicles


def check_days(tl_a, tl_b):
    """Every day on which any of the two timelines may change (an interval start)."""
    return sorted({iv.start for tl in (tl_a, tl_b) for ivs in tl.nations.values() for iv in ivs})


@SETTINGS
@given(component=st.sampled_from(SWITCHABLE), window=windows())
def test_an_outage_changes_no_date_outside_its_window(component, window):
    base = timeline(CATALOG, Scenario(), START, END)
    out = timeline(CATALOG, Scenario(changes=(Outage(component, window),)), START, END)
    outside = [d for d in check_days(base, out) if not window.holds(d)]
    if window.end < END:
        outside.append(window.end)
    for nation in CATALOG.nations:
        for day in outside:
            assert state(base, nation.id, day) == state(out, nation.id, day), (nation.id, day)


@SETTINGS
@given(component=st.sampled_from(SWITCHABLE), day=days)
def test_an_undated_switch_off_equals_an_outage_over_the_whole_range(component, day):
    undated = Scenario.of([component])
    for outage in (Outage(component), Outage(component, Window(START, END))):
        dated = Scenario(changes=(outage,))
        assert timeline(CATALOG, undated, START, END) == timeline(CATALOG, dated, START, END)
        assert assess(CATALOG, undated, day).nations == assess(CATALOG, dated, day).nations


@SETTINGS
@given(component=st.sampled_from(RATEABLE), start=days, day=days)
def test_a_crew_rating_never_removes_access(component, start, day):
    rated = Scenario(changes=(CrewRating(component, start),))
    before = assess(CATALOG, Scenario(), day)
    after = assess(CATALOG, rated, day)
    for a, b in zip(before.nations, after.nations, strict=True):
        assert RANK[b.status] >= RANK[a.status], (a.nation, day)
    for row in compare(CATALOG, rated).nations:
        assert row.independent_difference >= 0 and row.any_difference >= 0
        assert row.first_loss is None


changes = st.one_of(
    st.builds(Outage, st.sampled_from(SWITCHABLE), windows()),
    st.builds(CrewRating, st.sampled_from(RATEABLE), days),
)


@SETTINGS
@given(picked=st.lists(changes, min_size=0, max_size=4), off=st.sets(st.sampled_from(SWITCHABLE)))
def test_comparing_a_scenario_with_itself_gives_zero_difference(picked, off):
    scenario = Scenario.of(off, picked)
    for row in compare(CATALOG, scenario, scenario).nations:
        assert row.baseline == row.scenario
        assert row.independent_difference == row.any_difference == 0
        assert row.first_loss is None and row.first_regain is None


# Haversine on the mean sphere differs from the WGS84 geodesic by under 0.6 %.
BAND = 0.006


@SETTINGS
@given(
    anchor=st.sampled_from([p.id for p in CATALOG.pads]),
    dlat=st.floats(-3, 3),
    dlon=st.floats(-3, 3),
    radius_km=st.floats(1, 3000),
    day=days,
)
def test_a_region_outage_equals_switching_off_the_pads_haversine_finds(
    anchor, dlat, dlon, radius_km, day
):
    centre = CATALOG.get(anchor)
    lat, lon = max(-90.0, min(90.0, centre.lat_deg + dlat)), centre.lon_deg + dlon
    lon = (lon + 180) % 360 - 180
    distance = {
        p.id: great_circle_m(lat, lon, p.lat_deg, p.lon_deg, MEAN_RADIUS_M) / 1000
        for p in CATALOG.pads
    }
    assume(all(abs(d - radius_km) > BAND * radius_km for d in distance.values()))
    inside = frozenset(p for p, d in distance.items() if d < radius_km)
    assert pads_within(CATALOG, lat, lon, radius_km) == inside
    region = Scenario(changes=(RegionOutage(lat, lon, radius_km),))
    assert assess(CATALOG, region, day).nations == assess(CATALOG, Scenario.of(inside), day).nations


def test_a_region_outage_applies_only_inside_its_window():
    window = Window(date(2024, 10, 9), date(2024, 10, 30))
    florida = Scenario(changes=(RegionOutage(28.608, -80.604, 50, window),))
    assert (
        assess(CATALOG, florida, date(2024, 10, 8)).nation("US").status is AccessStatus.INDEPENDENT
    )
    assert assess(CATALOG, florida, date(2024, 10, 9)).nation("US").status is not (
        AccessStatus.INDEPENDENT
    )
    assert assess(CATALOG, florida, date(2024, 10, 30)).nation("US").status is (
        AccessStatus.INDEPENDENT
    )


@pytest.mark.parametrize("radius_km", [0, -5, float("nan")])
def test_a_region_outage_needs_a_positive_radius(radius_km):
    with pytest.raises(ValueError):
        RegionOutage(28.6, -80.6, radius_km)
