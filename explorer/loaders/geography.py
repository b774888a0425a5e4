"""Country geometry at run time: ascent ground tracks, overflown countries, drop zones.

Imports numpy, shapely and the domain's geodesy (never Qt), and is imported lazily: not on the
window's start-up path nor by the engine. Country polygons come from
``resources/basemap/countries.npz`` (110m Natural Earth, keyed by ADM0_A3, rings filled even-odd)
and are named by ISO 3166 alpha-2 through ``country_iso.json`` (both written by
``scripts/build_basemap.py``). Tracks are geodesics on the WGS84 ellipsoid
(``explorer.domain.geodesy``, Vincenty's direct solution); countries are looked up in an STRtree.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, reduce
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.strtree import STRtree

from explorer.domain.geodesy import destination
from explorer.domain.reach_entities import DropZone
from explorer.paths import basemap_dir

DEFAULT_DOWNRANGE_KM = 2000.0
TRACK_STEP_KM = 10.0


class GeographyError(Exception):
    """The country geometry cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class DropZoneHit:
    stage: str
    downrange_km: float
    lon_deg: float
    lat_deg: float
    country: str | None  # ISO alpha-2, None at sea


@dataclass(frozen=True, slots=True)
class AscentTrack:
    """A geodesic from a pad along a launch azimuth, and what lies under it."""

    azimuth_deg: float
    downrange_km: float
    lon_deg: tuple[float, ...]
    lat_deg: tuple[float, ...]
    overflies: tuple[str, ...]  # ISO alpha-2 in the order the track enters them
    drop_zones: tuple[DropZoneHit, ...]


class Countries:
    """The 110m country polygons with an STRtree; codes are ISO alpha-2 where one exists."""

    def __init__(self, codes: list[str], polygons: list[shapely.Geometry]) -> None:
        self.codes = codes
        self.polygons = polygons
        self.tree = STRtree(polygons)
        for polygon in polygons:
            shapely.prepare(polygon)

    def rings(self, code: str) -> list[np.ndarray]:
        """The ``(n, 2)`` lon/lat rings of a country (exteriors and holes), for drawing."""
        if code not in self.codes:
            return []
        geometry = self.polygons[self.codes.index(code)]
        out = []
        for polygon in getattr(geometry, "geoms", [geometry]):
            if isinstance(polygon, Polygon):
                out.append(np.asarray(polygon.exterior.coords))
                out.extend(np.asarray(r.coords) for r in polygon.interiors)
        return out

    def at(self, lon_deg: float, lat_deg: float) -> str | None:
        point = Point(lon_deg, lat_deg)
        for index in self.tree.query(point, predicate="intersects"):
            return self.codes[int(index)]
        return None

    def along(self, line: LineString | MultiLineString, whole: LineString) -> tuple[str, ...]:
        """Countries a line crosses, ordered by where along ``whole`` the line first enters."""
        firsts: dict[str, float] = {}
        for index in self.tree.query(line, predicate="intersects"):
            code = self.codes[int(index)]
            part = shapely.intersection(line, self.polygons[int(index)])
            if part.is_empty:
                continue
            coords = [c for g in getattr(part, "geoms", [part]) for c in g.coords]
            position = min(whole.project(Point(c)) for c in coords)
            firsts[code] = min(position, firsts.get(code, math.inf))
        return tuple(sorted(firsts, key=firsts.__getitem__))


def _even_odd(rings: list[np.ndarray]) -> shapely.Geometry:
    """One country's rings filled by the even-odd rule (holes are plain rings)."""
    polygons = [shapely.make_valid(Polygon(r)) for r in rings if len(r) >= 3]
    return reduce(shapely.symmetric_difference, polygons)


@cache
def load_countries(directory: Path | None = None) -> Countries:
    """Read the country polygons once per process."""
    folder = Path(directory) if directory is not None else basemap_dir()
    path = folder / "countries.npz"
    try:
        with np.load(path) as data:
            codes = [str(c) for c in data["codes"]]
            xy = data["country_xy"].astype(np.float64)
            offsets, first = data["country_offsets"], data["country_rings"]
    except (OSError, KeyError, ValueError) as exc:
        raise GeographyError(f"{path.name}: cannot be read ({exc})") from None
    iso_path = folder / "country_iso.json"
    try:
        iso = json.loads(iso_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GeographyError(f"{iso_path.name}: cannot be read ({exc})") from None
    polygons = []
    for index in range(len(codes)):
        rings = [
            xy[offsets[r] : offsets[r + 1]] for r in range(int(first[index]), int(first[index + 1]))
        ]
        polygons.append(_even_odd(rings))
    names = [iso.get(c, c) if iso.get(c, "-99") != "-99" else c for c in codes]
    return Countries(names, polygons)


def _split_at_antimeridian(lons: np.ndarray, lats: np.ndarray) -> LineString | MultiLineString:
    jumps = np.flatnonzero(np.abs(np.diff(lons)) > 180.0) + 1
    parts = [
        np.column_stack([lo, la])
        for lo, la in zip(np.split(lons, jumps), np.split(lats, jumps), strict=True)
        if len(lo) >= 2
    ]
    return LineString(parts[0]) if len(parts) == 1 else MultiLineString(parts)


def ascent_track(
    lon_deg: float,
    lat_deg: float,
    azimuth_deg: float,
    downrange_km: float = DEFAULT_DOWNRANGE_KM,
    drop_zones: tuple[DropZone, ...] = (),
    countries: Countries | None = None,
) -> AscentTrack:
    """The geodesic from the pad along ``azimuth_deg``, its overflown countries and drop zones."""
    countries = countries or load_countries()
    steps = max(2, math.ceil(downrange_km / TRACK_STEP_KM))
    step_m = downrange_km * 1000.0 / steps
    points = [destination(lat_deg, lon_deg, azimuth_deg, i * step_m) for i in range(steps + 1)]
    lats = np.asarray([p[0] for p in points])
    lons = np.asarray([p[1] for p in points])
    track = _split_at_antimeridian(lons, lats)
    whole = LineString(np.column_stack([np.unwrap(lons, period=360.0), lats]))
    overflies = countries.along(track, whole) if isinstance(track, LineString) else ()
    if not isinstance(track, LineString):
        # Order by position along the unwrapped track, looking up each part separately.
        found: list[str] = []
        for part in track.geoms:
            found.extend(c for c in countries.along(part, part) if c not in found)
        overflies = tuple(found)
    hits = []
    for zone in drop_zones:
        if zone.downrange_km > downrange_km:
            continue
        zlat, zlon = destination(lat_deg, lon_deg, azimuth_deg, zone.downrange_km * 1000.0)
        hits.append(
            DropZoneHit(zone.stage, zone.downrange_km, zlon, zlat, countries.at(zlon, zlat))
        )
    return AscentTrack(
        azimuth_deg=azimuth_deg,
        downrange_km=downrange_km,
        lon_deg=tuple(float(v) for v in lons),
        lat_deg=tuple(float(v) for v in lats),
        overflies=overflies,
        drop_zones=tuple(hits),
    )
