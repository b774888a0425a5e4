"""Which pads share one map marker at a zoom, and where a fanned-out group's markers go.

Pure Python (no Qt): screen-pixel geometry only, so it is cheap to test. Pads closer than
``CLUSTER_PX`` at the current scale merge into one numbered marker; clicking it zooms in while
zooming separates it. Pads that zooming cannot separate (sharing a coordinate, a few metres
apart, or the view at its zoom limit) are *fanned out*: drawn on a small ring around their
centre, each marker its own spot with a leader line to the true point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

CLUSTER_PX = 14.0  # markers closer than this merge at the current zoom
FAN_RADIUS_PX = 24.0  # the smallest ring a fanned-out group is drawn on
FAN_SPACING_PX = 20.0  # along the ring, between neighbouring markers


@dataclass(frozen=True, slots=True)
class Cluster:
    """One marker: its pads and where it is drawn; a fanned-out pad also has its true point."""

    pads: tuple[str, ...]
    lon: float
    lat: float
    true_lon: float | None = None
    true_lat: float | None = None

    @property
    def fanned(self) -> bool:
        return self.true_lon is not None


Point = tuple[str, float, float]  # (pad id, lon, lat)


def cluster_points(points: Sequence[Point], scale: float) -> list[Cluster]:
    """Greedy merge, west to east, of pads whose markers would overlap at ``scale`` px/deg."""
    groups: list[tuple[list[str], float, float]] = []
    for pad_id, lon, lat in sorted(points, key=lambda p: (p[1], p[2])):
        for ids, glon, glat in groups:
            if abs(glon - lon) * scale < CLUSTER_PX and abs(glat - lat) * scale < CLUSTER_PX:
                ids.append(pad_id)
                break
        else:
            groups.append(([pad_id], lon, lat))
    return [Cluster(tuple(ids), lon, lat) for ids, lon, lat in groups]


def zoom_separates(points: Sequence[Point], scale: float) -> bool:
    """Whether the pads fall into more than one marker at ``scale``."""
    return len(cluster_points(points, scale)) > 1


def zoom_target(
    points: Sequence[Point], width_px: float, height_px: float, min_range_deg: float
) -> tuple[tuple[float, float, float, float], float]:
    """The area a click on a cluster zooms to (lon0, lon1, lat0, lat1), and its scale."""
    lons = [p[1] for p in points]
    lats = [p[2] for p in points]
    margin = max(max(lons) - min(lons), max(lats) - min(lats), min_range_deg)
    area = (min(lons) - margin, max(lons) + margin, min(lats) - margin, max(lats) + margin)
    # The view keeps its aspect ratio: the tighter of the two axes sets the scale, and the
    # view's smallest range caps it.
    x_range = max(area[1] - area[0], min_range_deg)
    y_range = max(area[3] - area[2], min_range_deg)
    return area, min(width_px / x_range, height_px / y_range)


def fan_out(points: Sequence[Point], scale: float) -> list[Cluster]:
    """One marker per pad on a ring around the group's centre, clockwise from north."""
    count = len(points)
    lon0 = sum(p[1] for p in points) / count
    lat0 = sum(p[2] for p in points) / count
    radius_px = max(FAN_RADIUS_PX, count * FAN_SPACING_PX / (2 * math.pi))
    fanned = []
    for index, (pad_id, lon, lat) in enumerate(sorted(points)):
        angle = 2 * math.pi * index / count
        fanned.append(
            Cluster(
                (pad_id,),
                lon0 + radius_px * math.sin(angle) / scale,
                lat0 + radius_px * math.cos(angle) / scale,
                lon,
                lat,
            )
        )
    return fanned
