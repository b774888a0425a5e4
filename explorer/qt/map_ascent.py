"""The ascent layer of the map: the selected pad's ground tracks to the destination.

Qt + pyqtgraph. The tracks (geodesics, drop zones, overflown countries) are computed in a
worker thread by ``explorer.reach_command``, whose geometry modules are imported there, never
at start-up; a result that arrives after the selection moved on is dropped.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.qt.ascent_track_item import AscentTrackItem
from explorer.qt.document import ScenarioDocument


class AscentLayer(QObject):
    """Tracks of the selected pad to the document's destination, computed off the UI thread."""

    def __init__(self, document: ScenarioDocument, plot: pg.PlotItem) -> None:
        super().__init__(plot)
        self.document = document
        self.ascent_item = AscentTrackItem()
        self.ascent_item.setZValue(7)
        plot.addItem(self.ascent_item, ignoreBounds=True)
        self._ascent_key: tuple | None = None
        self._workers: set = set()
        self.document.selectionChanged.connect(self._update_ascent)
        self.document.destinationChanged.connect(self._update_ascent)
        self.document.dateChanged.connect(self._update_ascent)

    def _update_ascent(self) -> None:
        """Start computing the selected pad's tracks, or clear them."""
        pad_id, target = self.document.selection, self.document.destination
        if pad_id not in self._pad_ids() or target is None:
            self._ascent_key = None
            self.ascent_item.set_tracks(())
            return
        key = (pad_id, target, self.document.date)
        if key == self._ascent_key:
            return
        self._ascent_key = key
        from PySide6.QtCore import QThreadPool

        from explorer.qt.ascent_track_item import TrackWorker

        worker = TrackWorker(key, lambda: _track_drawings(self.document.catalog, *key))
        worker.signals.computed.connect(self._on_worker_computed)
        self._workers.add(worker)
        QThreadPool.globalInstance().start(worker)

    def _on_worker_computed(self, key, drawings) -> None:
        """Draw the tracks that arrived, unless the selection has moved on meanwhile."""
        self._workers = {w for w in self._workers if w.key != key}
        if key == self._ascent_key:
            self.ascent_item.set_tracks(drawings)

    def _pad_ids(self) -> set[str]:
        return {p.id for p in self.document.view_catalog.pads}

    def wait_for_tracks(self, timeout_ms: int = 5000) -> None:
        """Block until pending tracks are computed and drawn (screenshots, tests)."""
        from PySide6.QtCore import QCoreApplication, QThreadPool

        QThreadPool.globalInstance().waitForDone(timeout_ms)
        QCoreApplication.processEvents()


def _track_drawings(catalog, pad_id: str, destination_id: str, day) -> tuple:
    """Runs in a worker thread: the geometry modules are imported here, never at start-up."""
    from explorer.qt.ascent_track_item import TrackDrawing
    from explorer.reach_command import ascent_tracks

    track, rings = ascent_tracks(catalog, pad_id, destination_id, day)
    zones = tuple(
        (z.lon_deg, z.lat_deg, f"{z.stage}: {z.downrange_km:g} km, {z.country or 'at sea'}")
        for z in track.drop_zones
    )
    all_rings = tuple(r for code in track.overflies for r in rings[code])
    return (
        TrackDrawing(
            np.asarray(track.lon_deg), np.asarray(track.lat_deg), zones, all_rings, track.overflies
        ),
    )
