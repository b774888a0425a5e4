"""WGS84 distances of the pure-Python geodesy against pyproj's Geod (Karney's algorithm)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod

from explorer.domain.geodesy import distance_km, distance_m

GEOD = Geod(ellps="WGS84")
lats = st.floats(-89.9, 89.9)
lons = st.floats(-180, 180)


@settings(max_examples=500, deadline=None)
@given(lat1=lats, lon1=lons, lat2=lats, lon2=lons)
def test_distance_matches_pyproj_to_a_millimetre_away_from_antipodes(lat1, lon1, lat2, lon2):
    _, _, expected = GEOD.inv(lon1, lat1, lon2, lat2)
    if expected > 19_000_000:  # near-antipodal: Vincenty may fall back to the sphere
        assert distance_m(lat1, lon1, lat2, lon2) == pytest.approx(expected, rel=0.006)
    else:
        assert distance_m(lat1, lon1, lat2, lon2) == pytest.approx(expected, abs=1e-3)


def test_known_distance_kennedy_to_cape_canaveral():
    # LC-39A to SLC-40 is about 8 km; at this scale degrees would be badly wrong in longitude.
    _, _, expected = GEOD.inv(-80.6041, 28.6082, -80.5774, 28.5619)
    assert distance_km(28.6082, -80.6041, 28.5619, -80.5774) == pytest.approx(expected / 1000)
    assert distance_km(10, 20, 10, 20) == 0


@settings(max_examples=200, deadline=None)
@given(lat=st.floats(-80, 80), lon=lons, azimuth=st.floats(0, 360), km=st.floats(0.1, 5000))
def test_destination_lies_at_the_distance_it_was_asked_for(lat, lon, azimuth, km):
    from explorer.domain.geodesy import destination

    lat2, lon2 = destination(lat, lon, azimuth, km * 1000)
    lon_p, lat_p, _ = GEOD.fwd(lon, lat, azimuth, km * 1000)
    assert (lat2, lon2) == pytest.approx((lat_p, lon_p), abs=1e-6) or abs(
        abs(lon2 - lon_p) - 360
    ) < 1e-6
    assert distance_km(lat, lon, lat2, lon2) == pytest.approx(km, rel=1e-6)
