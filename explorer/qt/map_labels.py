"""Map labels: site and pad names beside their markers, and counts on group markers.

Qt + pyqtgraph. Each label sits exactly on its marker's point and is pushed aside by a pixel
offset (``MarkerLabelItem``), so it stays beside the marker whatever the zoom or the size of the
view; the owner re-places them (``place_labels``, no overlaps) whenever the view's range or size
changes, because what fits beside which marker depends on the scale. A fanned-out group's ring
markers, true point and leader lines are obstacles no label covers, and its own names (the site
beside the ring's centre, each pad beside its ring marker) are placed first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.qt.labels import place_labels
from explorer.qt.map_clusters import Cluster

LABEL_GAP_PX = 9.0  # from a marker's centre to its label


def fan_entries(
    clusters: Sequence[Cluster],
    site_name: Callable[[str], str],
    pad_name: Callable[[str], str],
) -> list[tuple[str, float, float]]:
    """The names of a fanned-out group (text, lon, lat): its site's at the ring's centre, then
    each pad's at its ring marker; ``site_name`` and ``pad_name`` take a pad id."""
    fans = [c for c in clusters if c.fanned]
    if not fans:
        return []
    lon = sum(c.true_lon or 0.0 for c in fans) / len(fans)
    lat = sum(c.true_lat or 0.0 for c in fans) / len(fans)
    sites = dict.fromkeys(site_name(c.pads[0]) for c in fans)  # in order, once each
    pads = [(pad_name(c.pads[0]), c.lon, c.lat) for c in fans]
    return [(name, lon, lat) for name in sites] + pads


def fan_obstacles(
    clusters: Sequence[Cluster], scale: float
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float, float]]]:
    """The true points (x, y, radius) and leader lines (x0, y0, x1, y1) of the fanned-out
    markers, in screen pixels at ``scale`` px/deg (y down)."""
    points, lines = [], []
    for c in clusters:
        if c.true_lon is None or c.true_lat is None:
            continue
        x, y = c.true_lon * scale, -c.true_lat * scale
        points.append((x, y, 3.0))
        lines.append((c.lon * scale, -c.lat * scale, x, y))
    return points, lines


class MarkerLabelItem(pg.TextItem):
    """A text anchored at a data point and shifted by a fixed offset in screen pixels."""

    def __init__(self, text: str, color: QColor, anchor: tuple[float, float], offset_px: QPointF):
        super().__init__(text, color=color, anchor=anchor)
        self.offset_px = offset_px
        self.updateTextPos()

    def updateTextPos(self) -> None:
        """The anchor rule of ``TextItem`` plus the pixel offset (the item's own coordinates
        are screen pixels: ``TextItem`` undoes the view's scaling)."""
        super().updateTextPos()
        offset = getattr(self, "offset_px", None)  # None while TextItem.__init__ runs
        if offset is not None:
            self.textItem.setPos(self.textItem.pos() + offset)


class MapLabels:
    """The labels of one plot: names (placed without overlaps) and cluster counts."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._plot = plot
        self.names: list[MarkerLabelItem] = []
        self.counts: list[pg.TextItem] = []
        self.font = QFont()
        self.font.setPointSizeF(8.5)
        self._metrics = QFontMetricsF(self.font)

    def _clear(self, items: list) -> None:
        for item in items:
            self._plot.removeItem(item)
        items.clear()

    def place_names(
        self,
        entries: Sequence[tuple[str, float, float]],
        clusters: Sequence[Cluster],
        scale: float,
        x_range: tuple[float, float],
        color: QColor,
    ) -> None:
        """Label ``entries`` (text, lon, lat), most important first, at ``scale`` px/deg."""
        self._clear(self.names)
        true_points, leaders = fan_obstacles(clusters, scale)
        placed = place_labels(
            [(name, lon * scale, -lat * scale) for name, lon, lat in entries],
            lambda text: self._metrics.horizontalAdvance(text) + 4,
            gap_px=LABEL_GAP_PX,
            markers=[
                (c.lon * scale, -c.lat * scale, 9.0 if len(c.pads) > 1 else 6.0) for c in clusters
            ]
            + true_points,
            x_range=(x_range[0] * scale, x_range[1] * scale),
            lines=leaders,
        )
        for spot in placed:
            label = MarkerLabelItem(
                spot.text,
                color,
                (0 if spot.side > 0 else 1, 0.5),
                QPointF(spot.side * LABEL_GAP_PX, spot.dy_px),
            )
            label.setFont(self.font)
            label.setPos(spot.x_px / scale, -spot.y_px / scale)
            label.setZValue(8)
            self._plot.addItem(label, ignoreBounds=True)
            self.names.append(label)

    def place_counts(self, clusters: Sequence[Cluster]) -> None:
        """The number of pads on each group marker."""
        self._clear(self.counts)
        bold = QFont()
        bold.setBold(True)
        bold.setPointSizeF(7.5)
        for c in clusters:
            if len(c.pads) > 1:
                text = pg.TextItem(str(len(c.pads)), color="#000000", anchor=(0.5, 0.5))
                text.setFont(bold)
                text.setPos(c.lon, c.lat)
                text.setZValue(11)
                self._plot.addItem(text, ignoreBounds=True)
                self.counts.append(text)
