"""The map layer of ascent tracks: track polylines, drop-zone markers, tinted overflown countries.

Qt/pyqtgraph only; holds no geometry code. ``AscentTrackItem`` takes plain lon/lat arrays that
``explorer.loaders.geography`` computed (off the UI thread, see ``TrackWorker``) and draws them:
one curve per track, one scatter for all drop zones, one filled path for the countries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QRunnable, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

TRACK_COLOUR = QColor("#d55e00")  # Okabe-Ito vermilion: colour-blind safe against the blue sea
TINT_COLOUR = QColor(213, 94, 0, 60)


@dataclass(frozen=True, slots=True)
class TrackDrawing:
    """What the item draws for one track: its line, drop zones and overflown country rings."""

    lon_deg: np.ndarray
    lat_deg: np.ndarray
    drop_zones: tuple[tuple[float, float, str], ...]  # lon, lat, tooltip
    country_rings: tuple[np.ndarray, ...]
    overflies: tuple[str, ...]


class AscentTrackItem(pg.ItemGroup):
    """Ascent tracks of the selected pad to the chosen destination."""

    def __init__(self) -> None:
        super().__init__()
        self.tint_item = QGraphicsPathItem(self)
        self.tint_item.setPen(QPen(Qt.PenStyle.NoPen))
        self.tint_item.setBrush(QBrush(TINT_COLOUR))
        self.curves: list[pg.PlotCurveItem] = []
        self.drop_item = pg.ScatterPlotItem(
            pxMode=True, size=11, symbol="x", pen=pg.mkPen(TRACK_COLOUR, width=2), hoverable=True
        )
        self.drop_item.setParentItem(self)
        self.tracks: tuple[TrackDrawing, ...] = ()

    def set_tracks(self, tracks: Sequence[TrackDrawing]) -> None:
        """Replace what is drawn (an empty sequence clears the layer)."""
        self.tracks = tuple(tracks)
        for curve in self.curves:
            curve.setParentItem(None)
            if curve.scene() is not None:
                curve.scene().removeItem(curve)
        self.curves = []
        pen = pg.mkPen(TRACK_COLOUR, width=3)
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        spots: list[dict[str, Any]] = []
        for track in self.tracks:
            lons = np.asarray(track.lon_deg, dtype=float)
            connect = np.ones(len(lons), dtype=bool)
            if len(lons) > 1:
                connect[:-1] = np.abs(np.diff(lons)) < 180  # no line across the antimeridian
            curve = pg.PlotCurveItem(
                lons, np.asarray(track.lat_deg, float), pen=pen, connect=connect
            )
            curve.setParentItem(self)
            self.curves.append(curve)
            for ring in track.country_rings:
                if len(ring) >= 3:
                    path.addPolygon(pg.arrayToQPath(ring[:, 0], ring[:, 1]).toFillPolygon())
            spots.extend({"pos": (lon, lat), "data": tip} for lon, lat, tip in track.drop_zones)
        self.tint_item.setPath(path)
        self.drop_item.setData(spots)
        self.drop_item.setToolTip("\n".join(s["data"] for s in spots))

    def boundingRect(self):  # an ItemGroup has no extent of its own
        return self.childrenBoundingRect()


class TrackSignals(QObject):
    computed = Signal(object, object)  # request key, tuple[TrackDrawing, ...]


class TrackWorker(QRunnable):
    """Computes tracks in the thread pool: shapely is imported here, not at start-up."""

    def __init__(self, key, compute) -> None:
        super().__init__()
        self.key, self.compute = key, compute
        self.signals = TrackSignals()

    def run(self) -> None:
        self.signals.computed.emit(self.key, self.compute())
