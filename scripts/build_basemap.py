"""Build the application's compact basemap from Natural Earth 5.1.1 (public domain).

Run from the repository root; it is safe to run again, it overwrites its outputs::

    python scripts/build_basemap.py [--naturalearth ../shared/naturalearth]
                                    [--out resources/basemap]

Inputs (EPSG:4326 shapefiles): ``10m/ne_10m_land``, ``10m/ne_10m_lakes``,
``10m/ne_10m_admin_0_boundary_lines_land`` and ``110m/ne_110m_admin_0_countries``.

Outputs, read by ``explorer.loaders.basemap`` with numpy alone:

``lod0.npz``, ``lod1.npz``, ``lod2.npz``
    One level of detail each (10m simplified at 0.1 deg, at 0.02 deg, and unsimplified),
    cut into square tiles (90, 30 and 10 deg) so a zoomed view only draws
    what is on screen. For each layer ``land``, ``lakes`` (polygons, holes kept as extra
    rings for an odd-even fill) and ``borders`` (land boundary lines) the file holds
    ``<layer>_xy`` (float32, (N, 2), lon/lat), ``<layer>_offsets`` (int64, ring starts
    plus the final end) and ``<layer>_tiles`` (int64, first ring of each tile plus the
    final end; tile ``row * columns + column`` counts from lon -180, lat -90).
    The coastline is the outline of the land rings, so it is not stored twice: the
    loader strokes the land rings minus the tile seams.
``countries.npz``
    110m countries keyed by ADM0_A3 (ISO_A3 is -99 for France and Norway): ``codes``
    (sorted), ``country_xy``, ``country_offsets``, ``country_rings`` (first ring of each
    code, plus the final end), and the same for ``territory_*``: each country grown up to
    2 deg into the sea towards the nearest country, so that shading drawn under the sea
    also covers the coastal land the 110m outline cuts off (Cape Canaveral, Tanegashima).
``former_countries.npz``
    The same layout for countries that no longer exist (``FORMER_COUNTRIES``): the Soviet
    Union (``SUN``) dissolved from its 15 republics, for maps of dates before 1991-12-26.
    Kept apart from ``countries.npz`` so that overflight lists never name a former country.
``country_iso.json``
    ``{ADM0_A3: ISO_A2_EH}`` for the same codes (the reach command names overflown
    countries by ISO 3166 alpha-2; Natural Earth's ``-99`` is kept for N. Cyprus, Somaliland).

This is a build tool: it imports geopandas and shapely (>= 2.1, for the ordered Voronoi
diagram), which the application itself never needs at run time.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

FORMAT_VERSION = 1
LAYERS = ("land", "lakes", "borders")
# Shetland (SaxaVord) lies 1.7 deg off the 110m outline of Great Britain.
TERRITORY_REACH_DEG = 2.0
# Countries that no longer exist, as the union of today's 110m countries on their territory,
# keyed by their ISO 3166-3 code: the Soviet Union (SUN) and its 15 republics (Natural Earth
# draws Crimea in RUS; it was in the USSR either way).
FORMER_COUNTRIES = {
    "SUN": (
        "ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM",
        "UKR", "UZB",
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class LevelSpec:
    """How one level of detail is derived from the 10m layers."""

    name: str
    tolerance_deg: float  # Douglas-Peucker tolerance; 0 keeps every vertex
    tile_deg: float  # tile edge; 360 means one tile for the whole world
    min_land_area_deg2: float  # islands and holes below this are sub-pixel at this level
    min_lake_area_deg2: float


# At a 1,600 px wide world view one pixel is 0.225 deg, so 0.1 deg is half a pixel. The map
# uses the coarsest level whose tolerance is under a pixel: at 1,600 px lod0 down to 160 deg
# wide, lod1 down to 32 deg, lod2 closer. Tiles are small enough that lod1 at 160 deg and
# lod2 at 32 deg draw about as many vertices as lod0 at world view.
LEVELS = (
    LevelSpec("lod0", 0.1, 90.0, 0.01, 0.04),
    LevelSpec("lod1", 0.02, 30.0, 0.0004, 0.0016),
    LevelSpec("lod2", 0.0, 10.0, 0.0, 0.0),
)


def read_layer(path: Path) -> np.ndarray:
    """Geometries of one shapefile as a shapely array (EPSG:4326 is asserted)."""
    frame = gpd.read_file(path)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        raise SystemExit(f"{path}: expected EPSG:4326, found {frame.crs}")
    return np.asarray(frame.geometry.values)


def polygon_parts(geometries: np.ndarray) -> np.ndarray:
    """Single polygons out of any mix of (multi)polygons and collections."""
    parts = shapely.get_parts(geometries)
    while True:
        collections = shapely.get_type_id(parts) == 7
        if not collections.any():
            break
        parts = np.concatenate([parts[~collections], shapely.get_parts(parts[collections])])
    parts = shapely.get_parts(parts)  # MultiPolygons from a clip
    polygons = parts[shapely.get_type_id(parts) == 3]
    return polygons[~shapely.is_empty(polygons)]


def line_parts(geometries: np.ndarray) -> np.ndarray:
    """Single linestrings out of any mix of (multi)linestrings and collections."""
    parts = shapely.get_parts(geometries)
    while True:
        nested = np.isin(shapely.get_type_id(parts), (5, 7))
        if not nested.any():
            break
        parts = np.concatenate([parts[~nested], shapely.get_parts(parts[nested])])
    lines = parts[shapely.get_type_id(parts) == 1]
    return lines[shapely.get_num_coordinates(lines) >= 2]


def drop_small(polygons: np.ndarray, min_area: float) -> np.ndarray:
    """Remove polygons and holes smaller than ``min_area`` square degrees."""
    if min_area <= 0:
        return polygons
    polygons = polygons[shapely.area(polygons) >= min_area]
    kept = []
    for polygon in polygons:
        holes = [ring for ring in polygon.interiors if shapely.Polygon(ring).area >= min_area]
        if len(holes) != len(polygon.interiors):
            polygon = shapely.Polygon(polygon.exterior, holes)
        kept.append(polygon)
    return np.asarray(kept, dtype=object)


def flat_rings(geometries: np.ndarray, polygons: bool) -> tuple[np.ndarray, np.ndarray]:
    """Flat float32 coordinates and int64 ring offsets (with the final end)."""
    rings = shapely.get_rings(polygon_parts(geometries)) if polygons else line_parts(geometries)
    if len(rings) == 0:
        return np.zeros((0, 2), np.float32), np.zeros(1, np.int64)
    coords, index = shapely.get_coordinates(rings, return_index=True)
    counts = np.bincount(index, minlength=len(rings))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return coords.astype(np.float32), offsets


def tile_grid(tile_deg: float) -> tuple[int, int]:
    """Columns and rows of the tiling."""
    return math.ceil(360.0 / tile_deg), math.ceil(180.0 / tile_deg)


def tiled_layer(geometries: np.ndarray, tile_deg: float, polygons: bool) -> dict[str, np.ndarray]:
    """Clip the geometries to each tile and concatenate the tiles' rings."""
    columns, rows = tile_grid(tile_deg)
    tree = shapely.STRtree(geometries)
    xys: list[np.ndarray] = []
    offsets: list[np.ndarray] = []
    tiles = [0]
    vertex_base = 0
    for row in range(rows):
        for column in range(columns):
            lon0 = -180.0 + column * tile_deg
            lat0 = -90.0 + row * tile_deg
            lon1 = min(180.0, lon0 + tile_deg)
            lat1 = min(90.0, lat0 + tile_deg)
            hits = geometries[tree.query(shapely.box(lon0, lat0, lon1, lat1))]
            if columns * rows > 1 and len(hits):
                # clip_by_rect puts cut vertices exactly on the tile edge, which lets the
                # loader recognise seam segments and leave them out of the coastline.
                hits = shapely.clip_by_rect(hits, lon0, lat0, lon1, lat1)
            xy, ring_offsets = flat_rings(hits, polygons)
            xys.append(xy)
            offsets.append(ring_offsets[:-1] + vertex_base)
            vertex_base += len(xy)
            tiles.append(tiles[-1] + len(ring_offsets) - 1)
    offsets.append(np.array([vertex_base], np.int64))
    return {
        "xy": np.concatenate(xys).astype(np.float32),
        "offsets": np.concatenate(offsets).astype(np.int64),
        "tiles": np.asarray(tiles, np.int64),
    }


def build_level(
    spec: LevelSpec, land: np.ndarray, lakes: np.ndarray, borders: np.ndarray
) -> dict[str, np.ndarray]:
    """All layers of one level of detail, ready for ``np.savez``."""

    def simplified(geometries: np.ndarray, preserve_topology: bool) -> np.ndarray:
        if spec.tolerance_deg <= 0:
            return geometries
        return shapely.simplify(geometries, spec.tolerance_deg, preserve_topology=preserve_topology)

    # Polygons keep their topology so holes stay inside their shells and the odd-even fill
    # stays right; lines need no such care.
    sources = {
        "land": drop_small(polygon_parts(simplified(land, True)), spec.min_land_area_deg2),
        "lakes": drop_small(polygon_parts(simplified(lakes, True)), spec.min_lake_area_deg2),
        "borders": line_parts(simplified(borders, False)),
    }
    arrays: dict[str, np.ndarray] = {
        "format_version": np.asarray(FORMAT_VERSION, np.int64),
        "tolerance_deg": np.asarray(spec.tolerance_deg, np.float64),
        "tile_deg": np.asarray(spec.tile_deg, np.float64),
    }
    for layer in LAYERS:
        tiled = tiled_layer(sources[layer], spec.tile_deg, polygons=layer != "borders")
        for key, value in tiled.items():
            arrays[f"{layer}_{key}"] = value
    return arrays


def territories(countries: np.ndarray, reach_deg: float) -> np.ndarray:
    """Each country grown seaward up to ``reach_deg``, towards whichever country is nearest.

    The 110m outlines cut off coastal land that the 10m coastline shows (Cape Canaveral,
    Boca Chica, Tanegashima, Wenchang, Mahia...). The map fills land under the shading
    and paints the sea over it, so a territory may reach into the sea freely; it must
    only not take a neighbour's land. Nearest is decided by a Voronoi diagram of points
    along every country's outline.
    """
    outlines = shapely.segmentize(shapely.boundary(countries), 0.25)
    points, owner = shapely.get_coordinates(outlines, return_index=True)
    # Rounding merges near-duplicates from shared borders, which GEOS' Voronoi chokes on.
    points, first = np.unique(np.round(points, 2), axis=0, return_index=True)
    owner = owner[first]
    cells = shapely.get_parts(
        shapely.voronoi_polygons(
            shapely.multipoints(points), extend_to=shapely.box(-200, -110, 200, 110), ordered=True
        )
    )
    cells = shapely.make_valid(cells)  # a couple of cells self-intersect by rounding
    everyone = shapely.union_all(countries)
    world = shapely.box(-180.0, -90.0, 180.0, 90.0)
    grown = []
    for index, country in enumerate(countries):
        zone = shapely.union_all(cells[owner == index])
        reach = shapely.intersection(zone, shapely.buffer(country, reach_deg, quad_segs=2))
        # Simplify the sea-side addition only, then cut it back off everyone's land.
        extra = shapely.difference(
            shapely.simplify(shapely.difference(reach, everyone), 0.05), everyone
        )
        grown.append(shapely.intersection(shapely.union(country, extra), world))
    return np.asarray(grown, dtype=object)


def country_arrays(geometries: np.ndarray, prefix: str) -> dict[str, np.ndarray]:
    """Rings of each geometry concatenated, with ``<prefix>rings`` giving each one's first."""
    xys: list[np.ndarray] = []
    offsets: list[np.ndarray] = []
    first_rings = [0]
    vertex_base = 0
    for geometry in geometries:
        xy, ring_offsets = flat_rings(np.asarray([geometry], dtype=object), polygons=True)
        xys.append(xy)
        offsets.append(ring_offsets[:-1] + vertex_base)
        vertex_base += len(xy)
        first_rings.append(first_rings[-1] + len(ring_offsets) - 1)
    offsets.append(np.array([vertex_base], np.int64))
    return {
        f"{prefix}xy": np.concatenate(xys).astype(np.float32),
        f"{prefix}offsets": np.concatenate(offsets).astype(np.int64),
        f"{prefix}rings": np.asarray(first_rings, np.int64),
    }


def build_countries(path: Path) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """110m country polygons keyed by ADM0_A3 with their seaward-grown territories, and the
    former countries of ``FORMER_COUNTRIES`` dissolved from their successors (same layout)."""
    frame = gpd.read_file(path).sort_values("ADM0_A3")
    codes = [str(code) for code in frame["ADM0_A3"]]
    if len(set(codes)) != len(codes):
        raise SystemExit(f"{path}: duplicate ADM0_A3 codes")
    countries = shapely.make_valid(np.asarray(frame.geometry.values))
    grown = territories(countries, TERRITORY_REACH_DEG)
    former_codes = sorted(FORMER_COUNTRIES)
    former: list[object] = []
    former_grown: list[object] = []
    for code in former_codes:
        missing = [c for c in FORMER_COUNTRIES[code] if c not in codes]
        if missing:
            raise SystemExit(f"{path}: {code} needs {', '.join(missing)}, not in the layer")
        members = [codes.index(c) for c in FORMER_COUNTRIES[code]]
        # Dissolved: the shared borders of the republics vanish, so one fill has no seams.
        former.append(shapely.union_all(countries[members]))
        former_grown.append(shapely.union_all(grown[members]))
    version = {"format_version": np.asarray(FORMAT_VERSION, np.int64)}
    return {
        **version,
        "codes": np.asarray(codes, dtype="<U3"),
        **country_arrays(countries, "country_"),
        **country_arrays(grown, "territory_"),
    }, {
        **version,
        "codes": np.asarray(former_codes, dtype="<U3"),
        **country_arrays(np.asarray(former, dtype=object), "country_"),
        **country_arrays(np.asarray(former_grown, dtype=object), "territory_"),
    }


def iso_codes(path: Path) -> dict[str, str]:
    """ADM0_A3 -> ISO_A2_EH of the 110m countries (``-99`` where Natural Earth has none)."""
    frame = gpd.read_file(path, ignore_geometry=True).sort_values("ADM0_A3")
    return {str(a): str(b) for a, b in zip(frame["ADM0_A3"], frame["ISO_A2_EH"], strict=True)}


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--naturalearth", type=Path, default=repo.parent / "shared" / "naturalearth"
    )
    parser.add_argument("--out", type=Path, default=repo / "resources" / "basemap")
    args = parser.parse_args(argv)

    source: Path = args.naturalearth
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    land = read_layer(source / "10m" / "ne_10m_land.shp")
    lakes = read_layer(source / "10m" / "ne_10m_lakes.shp")
    # The boundary file holds ~8,000 short pieces (median 5 vertices); merged into 405
    # lines they simplify to a quarter of the vertices and draw as fewer subpaths.
    borders = shapely.get_parts(
        shapely.line_merge(
            shapely.multilinestrings(
                line_parts(read_layer(source / "10m" / "ne_10m_admin_0_boundary_lines_land.shp"))
            )
        )
    )

    for spec in LEVELS:
        arrays = build_level(spec, land, lakes, borders)
        # Uncompressed on purpose: float32 coordinates barely compress and np.load of a
        # stored (not deflated) member is a plain read.
        # numpy's stubs let **arrays reach savez's allow_pickle flag, so mypy wants bools.
        np.savez(out / f"{spec.name}.npz", **arrays)  # type: ignore[arg-type]
        counts = ", ".join(f"{layer} {len(arrays[f'{layer}_xy']):,}" for layer in LAYERS)
        print(f"{spec.name}: {counts} vertices")
    countries, former = build_countries(source / "110m" / "ne_110m_admin_0_countries.shp")
    np.savez(out / "countries.npz", **countries)  # type: ignore[arg-type]
    np.savez(out / "former_countries.npz", **former)  # type: ignore[arg-type]
    # The catalog loader checks country codes against this list without loading numpy.
    every = [*countries["codes"], *former["codes"]]
    codes = "\n".join(sorted(str(c) for c in every))
    (out / "country_codes.txt").write_text(
        "# Natural Earth 110m ADM0_A3 codes and former countries (SUN), derived by"
        " scripts/build_basemap.py\n" + codes + "\n"
    )
    iso = iso_codes(source / "110m" / "ne_110m_admin_0_countries.shp")
    (out / "country_iso.json").write_text(json.dumps(iso, indent=0, sort_keys=True) + "\n")
    print(
        f"countries: {len(countries['codes'])} codes, {len(countries['country_xy']):,} vertices,"
        f" territories {len(countries['territory_xy']):,} vertices"
    )
    total = sum(path.stat().st_size for path in out.glob("*.npz"))
    print(f"total {total / 1e6:.2f} MB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
