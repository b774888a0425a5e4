"""The shipped basemap loads with numpy alone, is consistent, and keeps water where water is."""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from explorer.loaders.basemap import BasemapError, load_basemap
from explorer.paths import basemap_dir

CASPIAN = (50.5, 42.0)
MOSCOW = (37.6, 55.75)
MID_ATLANTIC = (-30.0, 10.0)
KENNEDY_39A = (-80.604, 28.608)


def check_rings(rings):
    assert rings.xy.dtype == np.float32
    assert rings.xy.ndim == 2 and rings.xy.shape[1] == 2
    assert rings.offsets.dtype == np.int64
    assert rings.offsets[0] == 0 and rings.offsets[-1] == len(rings.xy)
    assert np.all(np.diff(rings.offsets) >= 0)
    assert np.all(np.abs(rings.xy[:, 0]) <= 180) and np.all(np.abs(rings.xy[:, 1]) <= 90)


def point_on_land(level, lon, lat):
    (tile,) = level.land.tiles_in(lon, lat, lon, lat, include_empty=True)
    return level.land.tile(tile).contains(lon, lat)


def test_every_level_has_float32_rings_with_consistent_offsets_and_tiles(basemap):
    assert [level.name for level in basemap.levels] == ["lod0", "lod1", "lod2"]
    for level in basemap.levels:
        for layer in (level.land, level.lakes, level.borders):
            check_rings(layer.rings)
            assert layer.tiles[0] == 0 and layer.tiles[-1] == layer.rings.ring_count
            assert layer.tile_count == layer.columns * layer.rows
            for index in layer.tiles_in(-180, -90, 180, 90):
                tile = layer.tile(index)
                check_rings(tile)
                lon0, lat0, lon1, lat1 = layer.tile_bounds(index)
                assert tile.xy[:, 0].min() >= lon0 and tile.xy[:, 0].max() <= lon1
                assert tile.xy[:, 1].min() >= lat0 and tile.xy[:, 1].max() <= lat1


def test_levels_go_from_coarse_to_full_10m_detail(basemap):
    tolerances = [level.tolerance_deg for level in basemap.levels]
    assert tolerances == sorted(tolerances, reverse=True) and tolerances[-1] == 0
    land_vertices = [level.land.rings.vertex_count for level in basemap.levels]
    assert land_vertices == sorted(land_vertices)
    assert land_vertices[-1] >= 446_175  # all of ne_10m_land, plus the tile cuts
    assert [level.tile_deg for level in basemap.levels] == [90.0, 30.0, 10.0]


def test_caspian_sea_is_not_land_by_even_odd_rule_at_every_level(basemap):
    for level in basemap.levels:
        assert not point_on_land(level, *CASPIAN), level.name
        assert point_on_land(level, *MOSCOW), level.name
        assert not point_on_land(level, *MID_ATLANTIC), level.name


def test_level_for_picks_coarse_at_world_view_and_full_detail_when_zoomed(basemap):
    assert basemap.level_for(360 / 1600).name == "lod0"
    assert basemap.level_for(60 / 1600).name == "lod1"
    assert basemap.level_for(1 / 1600).name == "lod2"


def test_countries_are_keyed_by_adm0_a3_including_france_and_norway(basemap):
    for code in ("RUS", "USA", "CHN", "IND", "FRA", "JPN", "CAN", "KAZ", "NOR"):
        check_rings(basemap.countries[code])
    assert "-99" not in basemap.countries
    assert basemap.countries["FRA"].contains(2.35, 48.85)  # Paris
    assert basemap.countries["FRA"].contains(-52.77, 5.24)  # Kourou, French Guiana
    assert basemap.countries["KAZ"].contains(63.3, 45.9)  # Baikonur
    assert not basemap.countries["RUS"].contains(63.3, 45.9)


def test_territories_cover_coastal_pads_the_110m_outline_cuts_off(basemap):
    assert not basemap.countries["USA"].contains(*KENNEDY_39A)
    assert basemap.territories["USA"].contains(*KENNEDY_39A)
    assert basemap.territories["JPN"].contains(130.97, 30.4)  # Tanegashima
    assert basemap.territories["CHN"].contains(110.95, 19.61)  # Wenchang


def test_territories_do_not_take_a_neighbours_land(basemap):
    assert set(basemap.territories) == set(basemap.countries)
    boxes = {  # former countries (the Soviet Union) overlap their successors by design
        code: (*t.xy.min(axis=0), *t.xy.max(axis=0))
        for code, t in basemap.territories.items()
        if code not in basemap.former
    }
    for code, outline in basemap.countries.items():
        if code in basemap.former:
            continue
        for lon, lat in inner_points(outline):
            owners = [
                other
                for other, (x0, y0, x1, y1) in boxes.items()
                if x0 <= lon <= x1
                and y0 <= lat <= y1
                and basemap.territories[other].contains(lon, lat)
            ]
            assert owners == [code], (code, lon, lat)


def inner_points(rings):
    """A few points inside a country: on its largest ring's middle meridian."""
    ring = rings.ring(int(np.argmax(np.diff(rings.offsets)))).astype(np.float64)
    lon = (ring[:, 0].min() + ring[:, 0].max()) / 2
    lats = np.linspace(ring[:, 1].min(), ring[:, 1].max(), 9)[1:-1]
    return [(lon, lat) for lat in lats if rings.contains(lon, lat)]


def test_coast_outline_leaves_out_the_tile_cuts(basemap):
    level = basemap.levels[-1]
    (tile,) = level.land.tiles_in(15.0, 45.0, 15.0, 45.0)  # Adriatic: coast and cut edges
    rings = level.land.tile(tile)
    lon0, lat0, lon1, lat1 = level.land.tile_bounds(tile)
    coast = level.land.outline_connect(tile)
    assert 0.5 * rings.connect().sum() < coast.sum() < rings.connect().sum()
    start, end = rings.xy[:-1][coast[:-1]], rings.xy[1:][coast[:-1]]
    along_edge = ((start[:, 0] == end[:, 0]) & np.isin(start[:, 0], [lon0, lon1])) | (
        (start[:, 1] == end[:, 1]) & np.isin(start[:, 1], [lat0, lat1])
    )
    assert not along_edge.any()


def test_loading_imports_neither_geopandas_nor_shapely_nor_qt():
    code = textwrap.dedent(
        """
        import sys
        from explorer.loaders.basemap import load_basemap
        load_basemap()
        heavy = {"geopandas", "shapely", "pandas", "PySide6", "pyqtgraph"} & set(sys.modules)
        print(sorted(heavy))
        """
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.fixture
def copied(tmp_path):
    folder = tmp_path / "basemap"
    shutil.copytree(basemap_dir(), folder)
    return folder


def test_missing_file_raises_one_line_naming_the_file(copied):
    (copied / "lod1.npz").unlink()
    with pytest.raises(BasemapError, match=r"lod1\.npz") as error:
        load_basemap(copied)
    assert "\n" not in str(error.value)


def test_corrupt_file_raises_naming_the_file(copied):
    (copied / "countries.npz").write_bytes(b"not a zip archive")
    with pytest.raises(BasemapError, match=r"countries\.npz"):
        load_basemap(copied)


def test_inconsistent_offsets_raise_naming_file_and_array(copied):
    path = copied / "lod0.npz"
    with np.load(path) as archive:
        arrays = dict(archive)
    arrays["land_offsets"] = arrays["land_offsets"][:-1]
    np.savez(path, **arrays)
    with pytest.raises(BasemapError, match=r"lod0\.npz.*land_offsets"):
        load_basemap(copied)


def test_wrong_dtype_raises(copied):
    path = copied / "lod2.npz"
    with np.load(path) as archive:
        arrays = dict(archive)
    arrays["lakes_xy"] = arrays["lakes_xy"].astype(np.float64)
    np.savez(path, **arrays)
    with pytest.raises(BasemapError, match=r"lod2\.npz.*lakes_xy.*float64"):
        load_basemap(copied)
