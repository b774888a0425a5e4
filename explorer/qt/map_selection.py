"""Map clicks and selections, in map terms: which nation a country click names, and where to
pan so a selected site or pad comes into view.

Pure Python over the loaded basemap and the domain (no Qt): a country is looked up in the
nations' territories on the date (``explorer.domain.existence.territory_on``), so a click on
Ukraine in 1975 names Russia (the Soviet Union) and today none of the dataset's nations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from explorer.domain.entities import Nation
from explorer.domain.existence import territory_on
from explorer.loaders.basemap import Basemap

Range = tuple[tuple[float, float], tuple[float, float]]  # ((lon0, lon1), (lat0, lat1))


def nation_at(
    basemap: Basemap, nations: Iterable[Nation], day: date, lon: float, lat: float
) -> str | None:
    """The nation whose territory on ``day`` holds the point, if any.

    The 110m outline first, then the territory grown into the sea (coastal launch sites);
    where two nations hold a point (Estonia: ESA today, the Soviet Union before 1992) the
    one whose current territory holds it wins.
    """
    nations = tuple(nations)
    for layer in (basemap.countries, basemap.territories):
        found: list[tuple[bool, str]] = []
        for nation in nations:
            for code in territory_on(nation, day):
                rings = layer.get(code)
                if rings is not None and rings.contains(lon, lat):
                    found.append((code not in nation.territory, nation.id))
                    break
        if found:
            return min(found)[1]
    return None


def pan_area(
    view: Range, points: Sequence[tuple[float, float]]
) -> tuple[float, float, float, float] | None:
    """The view moved (same size) to centre the first point, or None when one is in view."""
    (lon0, lon1), (lat0, lat1) = view
    if not points or any(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in points):
        return None
    lon, lat = points[0]
    half_w, half_h = (lon1 - lon0) / 2, (lat1 - lat0) / 2
    return lon - half_w, lon + half_w, lat - half_h, lat + half_h
