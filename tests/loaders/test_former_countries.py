"""The Soviet Union ships with the basemap: its 15 republics dissolved into one shape."""

import pytest

from explorer.loaders.catalog import known_country_codes


@pytest.mark.parametrize(
    ("lon", "lat", "inside"),
    [
        (37.6, 55.75, True),  # Moscow
        (30.5, 50.45, True),  # Kyiv
        (76.9, 43.25, True),  # Almaty, Kazakhstan (Baikonur's host)
        (24.1, 56.95, True),  # Riga
        (21.0, 52.23, False),  # Warsaw
        (-100.0, 40.0, False),
    ],
)
def test_the_soviet_union_covers_its_republics_and_nothing_else(basemap, lon, lat, inside):
    assert basemap.countries["SUN"].contains(lon, lat) is inside
    assert basemap.territories["SUN"].contains(lon, lat) is inside


def test_former_countries_are_known_codes_but_not_overflown_countries():
    from explorer.loaders.geography import load_countries

    assert "SUN" in known_country_codes()
    codes = load_countries().codes
    assert "SUN" not in codes and "SU" not in codes and len(codes) == 177


def test_the_basemap_names_its_former_countries(basemap):
    assert basemap.former == {"SUN"}
