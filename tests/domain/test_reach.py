"""Orbital reach: azimuths against an independent propagation, and checks against history."""

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Geod

from explorer.domain import reach as R
from explorer.domain.capability import AccessStatus, assess
from explorer.domain.entities import DestinationStatus
from explorer.domain.scenario import Scenario
from explorer.loaders.catalog import load_catalog
from explorer.loaders.geography import ascent_track


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _propagated_azimuths(lat_deg, inc_deg, rotating):
    """Azimuths of the orbit's great circle through the pad, by stepping along it (no formula)."""
    phi, inc = math.radians(lat_deg), math.radians(inc_deg)
    r0 = (math.cos(phi), 0.0, math.sin(phi))
    s = -math.cos(inc) * math.sin(phi) / (math.sin(inc) * math.cos(phi))
    out = []
    for node in (math.asin(s), math.pi - math.asin(s)):
        n = (math.sin(inc) * math.sin(node), -math.sin(inc) * math.cos(node), math.cos(inc))
        v = (n[1] * r0[2] - n[2] * r0[1], n[2] * r0[0] - n[0] * r0[2], n[0] * r0[1] - n[1] * r0[0])
        step = 1e-6
        r1 = [r0[k] * math.cos(step) + v[k] * math.sin(step) for k in range(3)]
        d = [r1[k] - r0[k] for k in range(3)]
        east, north = d[1], -math.sin(phi) * d[0] + math.cos(phi) * d[2]
        speed = 7800.0 / math.hypot(east, north)
        ve, vn = east * speed, north * speed
        if rotating:
            ve -= 465.1 * math.cos(phi)
        out.append(math.degrees(math.atan2(ve, vn)) % 360)
    return sorted(out)


@given(
    lat=st.floats(min_value=-60, max_value=60),
    inc=st.floats(min_value=1, max_value=179),
)
def test_azimuths_match_a_propagated_great_circle(lat, inc):
    if R.dogleg_deg(lat, inc) > 0 or abs(abs(lat) - inc) < 0.05 or abs(180 - abs(lat) - inc) < 0.05:
        assert R.dogleg_deg(lat, inc) >= 0
        return
    inertial = sorted(R.inertial_azimuths(lat, inc))
    rotating = sorted(R.launch_azimuths(lat, inc))
    assert inertial == pytest.approx(_propagated_azimuths(lat, inc, False), abs=1e-3)
    assert rotating == pytest.approx(_propagated_azimuths(lat, inc, True), abs=1e-3)


@given(lat=st.floats(min_value=0, max_value=60), inc=st.floats(min_value=5, max_value=85))
def test_inertial_azimuth_great_circle_peaks_at_the_inclination(lat, inc):
    """On a sphere, the great circle leaving at the inertial azimuth tops out at latitude i."""
    if inc <= lat + 0.5:
        return
    az = R.inertial_azimuths(lat, inc)[0]
    geod = Geod(a=6371000.0, b=6371000.0)
    line = geod.fwd_intermediate(0, lat, az, npts=2000, del_s=10000.0, return_back_azimuth=True)
    assert max(line.lats) == pytest.approx(inc, abs=0.05)


def test_ksc_iss_azimuth_is_north_east_near_45(catalog):
    result = R.reach(catalog, "ksc-lc-39a", 51.6, "iss")
    assert result.direct and result.corridor is R.Corridor.ALLOWED
    north_east = result.azimuths_deg[0]
    assert 0 < north_east < 90
    assert north_east == pytest.approx(45, abs=3)


def test_tiangong_is_not_directly_reachable_from_baikonur(catalog):
    result = R.reach(catalog, "baikonur-31-6", 41.5, "tiangong")
    assert not result.direct
    assert result.dogleg_deg == pytest.approx(45.9961 - 41.5, abs=1e-6)
    assert result.azimuths_deg == ()


def test_vostochny_iss_dogleg_is_a_fraction_of_a_degree(catalog):
    result = R.reach(catalog, "vostochny-1s", 51.6, "iss")
    assert not result.direct
    assert 0 < result.dogleg_deg < 1


def test_due_east_from_baikonur_crosses_china_but_its_iss_track_does_not(catalog):
    pad = R.pad(catalog, "baikonur-31-6")
    east = ascent_track(pad.lon_deg, pad.lat_deg, 90.0, 2000)
    assert "CN" in east.overflies
    iss = ascent_track(pad.lon_deg, pad.lat_deg, R.launch_azimuths(pad.lat_deg, 51.6)[0], 2000)
    assert "CN" not in iss.overflies
    assert iss.overflies[0] == "KZ"


def test_ksc_corridor_forbids_a_south_east_iss_launch_and_a_polar_one(catalog):
    constraints = catalog.reach.constraints_of("ksc")
    south_east = R.launch_azimuths(28.6, 51.6)[1]
    assert R.corridor_verdict(constraints, 51.6, (south_east,)) is R.Corridor.FORBIDDEN
    assert R.reach(catalog, "ksc-lc-39a", 90.0).corridor is R.Corridor.FORBIDDEN


def test_observed_constraints_leave_other_inclinations_unknown(catalog):
    assert R.reach(catalog, "baikonur-31-6", 64.8).corridor is R.Corridor.UNKNOWN
    assert R.reach(catalog, "baikonur-31-6", 51.6).corridor is R.Corridor.ALLOWED


def test_every_crewed_launch_to_a_station_was_reachable(catalog):
    """A launch whose crew vehicle served an active station that day reached it from its pad."""
    checked = 0
    for launch in catalog.crewed_launches:
        for service in catalog.reach.services:
            if service.crew_vehicle != launch.crew_vehicle or not service.holds_on(launch.day):
                continue
            station = R.destination(catalog, service.destination)
            if station.history.status_on(launch.day) is not DestinationStatus.ACTIVE:
                continue
            assert R.route_reaches(
                catalog,
                launch.crew_vehicle,
                launch.launch_vehicle,
                launch.pad,
                station.id,
                launch.day,
            ), launch.id
            checked += 1
    assert checked > 200


def test_destination_filters_routes(catalog):
    day = date(2025, 11, 26)
    iss = assess(catalog, Scenario().with_destination("iss"), day)
    tiangong = assess(catalog, Scenario().with_destination("tiangong"), day)
    assert iss.nation("RU").status is AccessStatus.INDEPENDENT
    assert iss.nation("CN").status is AccessStatus.NONE
    assert tiangong.nation("CN").status is AccessStatus.INDEPENDENT
    assert tiangong.nation("US").status is AccessStatus.NONE
    anywhere = assess(catalog, Scenario(), day)
    assert anywhere.nation("CN").status is AccessStatus.INDEPENDENT


def test_a_retired_station_is_reached_by_nobody(catalog):
    report = assess(catalog, Scenario().with_destination("mir"), date(2025, 11, 26))
    assert all(n.status is AccessStatus.NONE for n in report.nations)
    report = assess(catalog, Scenario().with_destination("mir"), date(1996, 6, 1))
    assert report.nation("RU").status is AccessStatus.INDEPENDENT
    assert report.nation("US").status is AccessStatus.INDEPENDENT


def test_destination_timeline_starts_on_the_first_crewed_flight_to_it(catalog):
    from explorer.domain.timeline import timeline

    result = timeline(
        catalog, Scenario().with_destination("tiangong"), date(2011, 1, 1), date(2026, 1, 1), ["CN"]
    )
    independent = [i for i in result.nations["CN"] if i.status is AccessStatus.INDEPENDENT]
    assert independent[0].start == date(2021, 6, 17)  # Shenzhou 12, not the next change date


_RANK = {AccessStatus.NONE: 0, AccessStatus.PARTNER: 1, AccessStatus.INDEPENDENT: 2}


@given(
    day=st.dates(min_value=date(1961, 4, 12), max_value=date(2035, 12, 31)),
    which=st.integers(min_value=0, max_value=20),
)
def test_a_destination_never_improves_access(day, which):
    catalog = _CATALOG
    target = catalog.destinations[which % len(catalog.destinations)].id
    anywhere = assess(catalog, Scenario(), day)
    there = assess(catalog, Scenario().with_destination(target), day)
    for a, b in zip(anywhere.nations, there.nations, strict=True):
        assert _RANK[b.status] <= _RANK[a.status]
        assert set(b.own_routes) <= set(a.own_routes)


_CATALOG = load_catalog()
