"""Country geometry: lookups, ordered overflight, drop zones, pad spread, a broken file."""

import shutil

import pytest

from explorer.domain.reach_entities import DropZone
from explorer.loaders.geography import GeographyError, ascent_track, load_countries
from explorer.paths import basemap_dir


def test_points_fall_in_their_countries_by_iso_code():
    countries = load_countries()
    assert countries.at(63.56, 46.0) == "KZ"  # Baikonur
    assert countries.at(100.29, 40.96) == "CN"  # Jiuquan
    assert countries.at(-40.0, 30.0) is None  # mid-Atlantic
    assert countries.at(2.35, 48.85) == "FR"  # Natural Earth's ISO_A3 is -99, ISO_A2_EH is FR


def test_overflight_is_in_track_order():
    # From Paris due east: France, then Germany, then further east.
    track = ascent_track(2.35, 48.85, 90.0, 1500)
    assert track.overflies[:2] == ("FR", "DE")
    assert len(track.lon_deg) == len(track.lat_deg) > 100


def test_drop_zone_country_and_sea():
    zones = (DropZone("boosters", 300.0), DropZone("core", 1800.0), DropZone("far", 5000.0))
    track = ascent_track(63.564, 45.996, 62.3, 2000, zones)
    assert [z.stage for z in track.drop_zones] == ["boosters", "core"]  # beyond the track: left out
    assert track.drop_zones[0].country == "KZ"
    sea = ascent_track(-80.604, 28.608, 42.8, 2000, (DropZone("first stage", 322.0),))
    assert sea.drop_zones[0].country is None


def test_track_across_the_antimeridian_is_split_not_wrapped():
    track = ascent_track(170.0, 60.0, 90.0, 2000)
    assert "RU" in track.overflies or "US" in track.overflies
    assert max(track.lon_deg) <= 180 and min(track.lon_deg) >= -180


def test_missing_country_file_names_it(tmp_path):
    with pytest.raises(GeographyError, match=r"countries\.npz"):
        load_countries(tmp_path)
    shutil.copy(basemap_dir() / "countries.npz", tmp_path / "countries.npz")
    with pytest.raises(GeographyError, match=r"country_iso\.json"):
        load_countries(tmp_path)
