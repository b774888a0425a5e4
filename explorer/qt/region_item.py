"""The circles of the region outages in force on the document's date, drawn on the map.

Qt + pyqtgraph. Each circle is the set of points at the region's radius from its centre on the
WGS84 ellipsoid (``explorer.domain.geodesy.destination``), drawn in longitude/latitude like the
rest of the map; one ``PlotCurveItem`` per circle, rebuilt only when the set of circles changes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.changes import Change, RegionOutage
from explorer.domain.geodesy import destination
from explorer.qt.styles import REGION_COLOR

STEPS = 120


def circle_points(region: RegionOutage) -> tuple[list[float], list[float]]:
    """Longitudes and latitudes of the region's boundary, closed."""
    lons: list[float] = []
    lats: list[float] = []
    for i in range(STEPS + 1):
        lat, lon = destination(
            region.lat_deg, region.lon_deg, 360.0 * i / STEPS, region.radius_km * 1000
        )
        if lons and abs(lon - lons[-1]) > 180:  # keep the ring continuous across the date line
            lon += 360 if lon < lons[-1] else -360
        lons.append(lon)
        lats.append(lat)
    return lons, lats


class RegionCircles:
    """One dashed curve per active region outage, added to and removed from ``plot``."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._plot = plot
        self.curves: list[pg.PlotCurveItem] = []
        self.regions: tuple[RegionOutage, ...] = ()
        self._pen = pg.mkPen(QColor(REGION_COLOR), width=2, style=Qt.PenStyle.DashLine)

    def update_for(self, changes: tuple[Change, ...], day: date) -> None:
        """Show exactly the region outages whose window holds ``day``."""
        active = tuple(c for c in changes if isinstance(c, RegionOutage) and c.window.holds(day))
        if active == self.regions:
            return
        self.regions = active
        for curve in self.curves:
            self._plot.removeItem(curve)
        self.curves = []
        for region in active:
            lons, lats = circle_points(region)
            curve = pg.PlotCurveItem(lons, lats, pen=self._pen, antialias=True)
            curve.setZValue(7)
            self._plot.addItem(curve, ignoreBounds=True)
            self.curves.append(curve)
