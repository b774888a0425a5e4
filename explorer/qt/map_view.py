"""The world map: basemap, nations shaded by access, pads as status markers, site labels.

Qt + pyqtgraph. All pads live in one ``ScatterPlotItem`` whose spots carry the pad ids in
``data``; pads closer than a few pixels merge into one numbered cluster marker that splits as
the user zooms in. The view restyles from the document's report and never computes access.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QWidget

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.capability import AccessStatus
from explorer.domain.catalog import Catalog
from explorer.domain.entities import ComponentKind, PadStatus
from explorer.domain.pad_marker import group_marker
from explorer.loaders.basemap import Basemap
from explorer.present.cells import pad_tooltip
from explorer.present.words import ACCESS_RANK, access_word
from explorer.qt.basemap_item import BasemapColors, BasemapLayers
from explorer.qt.document import ScenarioDocument
from explorer.qt.labels import place_labels, short_pad_name, short_site_name
from explorer.qt.region_item import RegionCircles
from explorer.qt.styles import (
    ACCESS_COLORS,
    ACCESS_PATTERNS,
    HYPOTHETICAL_COLOR,
    PAD_STYLES,
    REGION_COLOR,
    is_dark,
)

CLUSTER_PX = 14.0  # markers closer than this merge at the current zoom
LABEL_GAP_PX = 9.0  # from a marker's centre to its label
PAD_LABEL_SCALE = 300.0  # px per degree (a view ~3 degrees wide) from which pads carry names
SHADING_ALPHA = 120


# How each access status is drawn on the map, named in the legend after the status's word.
ACCESS_PATTERN_WORDS = {
    AccessStatus.INDEPENDENT: "solid",
    AccessStatus.PARTNER: "dotted",
    AccessStatus.NONE: "hatched",
}


@dataclass(frozen=True, slots=True)
class Cluster:
    pads: tuple[str, ...]
    lon: float
    lat: float


class MapView(pg.PlotWidget):
    """The map widget: clicking a pad selects it in the document."""

    def __init__(
        self, document: ScenarioDocument, basemap: Basemap, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("map")
        self.setAccessibleName("World map of launch sites and pads")
        self.setAccessibleDescription(
            "Pads are marked by crew-rating status; nations are shaded by crewed access."
        )
        self.document = document
        catalog = document.catalog
        self._pads = {p.id: p for p in catalog.pads}
        self._site_of = {p.id: p.site for p in catalog.pads}
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        view_box = plot.getViewBox()
        view_box.setAspectLocked(True)
        # Latitude may run past the poles so that a tall pane still shows the whole width;
        # the view box is painted in the water colour there.
        view_box.setLimits(
            xMin=-180,
            xMax=180,
            yMin=-200,
            yMax=200,
            minXRange=0.02,
            minYRange=0.02,
            maxXRange=360,
            maxYRange=400,
        )
        view_box.setMouseEnabled(x=True, y=True)
        self.layers = BasemapLayers(plot, basemap, BasemapColors.for_palette(self.palette()))
        view_box.setBackgroundColor(self.layers.colors.water)
        self._territory = {n.id: n.territory for n in catalog.nations}

        self.pad_item = pg.ScatterPlotItem(
            hoverable=True, tip=self._tip, pxMode=True, hoverPen=pg.mkPen("#000000", width=2)
        )
        self.pad_item.setZValue(10)
        self.pad_item.sigClicked.connect(self._on_pad_item_clicked)
        plot.addItem(self.pad_item)
        self.highlight_item = pg.ScatterPlotItem(pxMode=True)
        self.highlight_item.setZValue(9)
        plot.addItem(self.highlight_item)
        self._spot_styles: dict[tuple, dict] = {}
        self._ring: tuple[QPen, QBrush] | None = None
        self._labels: list[pg.TextItem] = []
        self._count_labels: list[pg.TextItem] = []
        self.clusters: list[Cluster] = []
        self._existing: frozenset[str] = frozenset()
        self.legend = self._build_legend(plot)
        self.legend_wanted = True
        self.regions = RegionCircles(plot)  # what-if region outages in force on the date
        self._view_catalog: Catalog = document.catalog  # the report's, by _follow_catalog
        self._hypothetical: frozenset[str] = frozenset()

        self._range_proxy = pg.SignalProxy(
            view_box.sigRangeChanged, rateLimit=30, slot=self._on_view_box_range_changed
        )
        # The world view is a framing, not a range: a view box built at a few pixels clamps the
        # range to its limits, so the framing is re-applied whenever the box changes size, until
        # the user pans or zooms (or the program shows another area).
        self._framing_world = True
        view_box.sigResized.connect(self._on_view_box_resized)
        view_box.sigRangeChangedManually.connect(self._on_view_box_range_changed_manually)
        document.reportChanged.connect(self._restyle)
        document.selectionChanged.connect(self._restyle_highlight)
        self._init_ascent_layer(plot)
        self.show_world()

    # -- view ----------------------------------------------------------------------------------
    def show_world(self) -> None:
        """Frame every launch site: the whole width of the world, centred on their latitudes."""
        self._framing_world = True
        self.getPlotItem().getViewBox().setRange(xRange=(-180, 180), yRange=(-35, 75), padding=0)
        self._recluster()

    def show_area(
        self, lon0: float, lon1: float, lat0: float, lat1: float, padding: float = 0.05
    ) -> None:
        """Show at least this extent (degrees), plus ``padding`` as a fraction of it."""
        self._framing_world = False
        self.getPlotItem().getViewBox().setRange(
            xRange=(lon0, lon1), yRange=(lat0, lat1), padding=padding
        )
        self._recluster()

    # -- clustering and labels -----------------------------------------------------------------
    def _px_per_deg(self) -> float:
        dx, _dy = self.getPlotItem().getViewBox().viewPixelSize()
        return 1.0 / dx if dx > 0 else 4.0

    def _recluster(self) -> None:
        """Merge pads that would overlap at this zoom; label sites without collisions."""
        scale = self._px_per_deg()
        self._follow_catalog()
        clusters: list[list] = []
        status = self.document.report.pad_status
        self._existing = frozenset(p for p, s in status.items() if s)
        for pad in sorted(self._pads.values(), key=lambda p: (p.lon_deg, p.lat_deg)):
            if status.get(pad.id) is None:
                continue
            for cluster in clusters:
                if (
                    abs(cluster[1] - pad.lon_deg) * scale < CLUSTER_PX
                    and abs(cluster[2] - pad.lat_deg) * scale < CLUSTER_PX
                ):
                    cluster[0].append(pad.id)
                    break
            else:
                clusters.append([[pad.id], pad.lon_deg, pad.lat_deg])
        self.clusters = [Cluster(tuple(c[0]), c[1], c[2]) for c in clusters]
        self._relabel_counts()
        self._restyle()
        self._relabel(scale)

    def _relabel(self, scale: float) -> None:
        plot = self.getPlotItem()
        for label in self._labels:
            plot.removeItem(label)
        self._labels = []
        (lon0, lon1), _ = plot.getViewBox().viewRange()
        color = self.palette().color(self.foregroundRole())
        entries: list[tuple[str, float, float]] = []
        named_sites: set[str] = set()
        if scale >= PAD_LABEL_SCALE:  # zoomed in to the pads: name them, not their site
            for cluster in self.clusters:
                if len(cluster.pads) == 1:
                    pad = self._pads[cluster.pads[0]]
                    entries.append((short_pad_name(pad.name), pad.lon_deg, pad.lat_deg))
                    named_sites.add(pad.site)
        # Sites that can launch crew on this date are named first, then the rest, west to east.
        status = self.document.report.pad_status
        catalog = self._view_catalog

        def crewed(site_id: str) -> bool:
            return any(
                status.get(p) is PadStatus.CREW_CAPABLE for p in catalog.pads_of_site(site_id)
            )

        sites = sorted(catalog.sites, key=lambda s: (not crewed(s.id), s.lon_deg))
        entries += [
            (short_site_name(s.name), s.lon_deg, s.lat_deg)
            for s in sites
            if s.id not in named_sites
        ]
        font = QFont()
        font.setPointSizeF(8.5)
        metrics = QFontMetricsF(font)
        placed = place_labels(
            [(name, lon * scale, -lat * scale) for name, lon, lat in entries],
            lambda text: metrics.horizontalAdvance(text) + 4,
            gap_px=LABEL_GAP_PX,
            markers=[
                (c.lon * scale, -c.lat * scale, 9.0 if len(c.pads) > 1 else 6.0)
                for c in self.clusters
            ],
            x_range=(lon0 * scale, lon1 * scale),
        )
        for spot in placed:
            label = pg.TextItem(spot.text, color=color, anchor=(0 if spot.side > 0 else 1, 0.5))
            label.setFont(font)
            label.setPos(
                (spot.x_px + spot.side * LABEL_GAP_PX) / scale, -(spot.y_px + spot.dy_px) / scale
            )
            label.setZValue(8)
            plot.addItem(label, ignoreBounds=True)
            self._labels.append(label)

    # -- styling -------------------------------------------------------------------------------
    def spot_style(self, pad_ids: tuple[str, ...]) -> dict:
        """Marker of one pad or cluster, by the domain's rule (``group_marker``): what matters for
        crew shows; a marker whose shown pad is switched off is hollow with a dashed outline."""
        report = self.document.report
        # Off on this date: switched off (directly or by site) or in an outage in force.
        status, enabled = group_marker(pad_ids, report.pad_status, report.switched_off)
        dark = is_dark(self.palette())
        hypothetical = bool(self._hypothetical.intersection(pad_ids))
        key = (status, bool(enabled), len(pad_ids) == 1, dark, hypothetical)
        # One set of pen and brush objects per look: pyqtgraph's (0.14) symbol atlas keys on object
        # identity, so fresh objects on every restyle would grow it without bound.
        if key not in self._spot_styles:
            self._spot_styles[key] = self._new_spot_style(*key)
        return self._spot_styles[key]

    @staticmethod
    def _new_spot_style(
        status: PadStatus | None,
        enabled: bool,
        single: bool,
        dark: bool,
        hypothetical: bool = False,
    ) -> dict:
        style = PAD_STYLES[status]
        size = 11 if single else 17
        if hypothetical:  # its status symbol and colour, a thick dotted outline of its own
            brush = QBrush(QColor(style.color)) if enabled else QBrush(Qt.BrushStyle.NoBrush)
            pen = pg.mkPen(HYPOTHETICAL_COLOR, width=3, style=Qt.PenStyle.DotLine)
            return {"symbol": style.symbol, "brush": brush, "pen": pen, "size": size + 3}
        if enabled:
            return {
                "symbol": style.symbol,
                "brush": QBrush(QColor(style.color)),
                "pen": pg.mkPen("#F2F2F2" if dark else "#1A1A1A", width=1),
                "size": size,
            }
        return {
            "symbol": style.symbol,
            "brush": QBrush(Qt.BrushStyle.NoBrush),
            "pen": pg.mkPen(style.color, width=2, style=Qt.PenStyle.DashLine),
            "size": size,
        }

    def pad_brush(self, pad_id: str) -> QBrush:
        """The brush the marker of ``pad_id`` (or its cluster) has now (for tests)."""
        for spot in self.pad_item.points():
            if pad_id in spot.data():
                return spot.brush()
        raise KeyError(pad_id)

    def _restyle(self) -> None:
        """Restyle markers, shading and highlight from the report (cheap: no new items)."""
        report = self.document.report
        self.regions.update_for(report.scenario.changes, report.day)
        existing = frozenset(p for p, status in report.pad_status.items() if status)
        if existing != self._existing or (report.catalog or self._view_catalog) is not (
            self._view_catalog
        ):  # pads appeared or vanished with the date or the scenario's hypothetical pads
            self._recluster()
            return
        spots = [
            {"pos": (c.lon, c.lat), "data": c.pads, **self.spot_style(c.pads)}
            for c in self.clusters
        ]
        self.pad_item.setData(spots)
        self._shade_nations()
        self._restyle_highlight()

    def _relabel_counts(self) -> None:
        """Numbers on cluster markers."""
        plot = self.getPlotItem()
        for label in self._count_labels:
            plot.removeItem(label)
        self._count_labels = []
        bold = QFont()
        bold.setBold(True)
        bold.setPointSizeF(7.5)
        for c in self.clusters:
            if len(c.pads) > 1:
                text = pg.TextItem(str(len(c.pads)), color="#000000", anchor=(0.5, 0.5))
                text.setFont(bold)
                text.setPos(c.lon, c.lat)
                text.setZValue(11)
                plot.addItem(text, ignoreBounds=True)
                self._count_labels.append(text)

    def _shade_nations(self) -> None:
        brushes: dict[str, QBrush] = {}
        rank = ACCESS_RANK
        best: dict[str, AccessStatus] = {}
        for access in self.document.report.nations:
            for code in self._territory.get(access.nation, ()):
                if code not in best or rank[access.status] < rank[best[code]]:
                    best[code] = access.status
        for code, status in best.items():
            color = QColor(ACCESS_COLORS[status])
            color.setAlpha(SHADING_ALPHA)
            brushes[code] = QBrush(color, ACCESS_PATTERNS[status])
        self.layers.shading.set_brushes(brushes)
        self.nation_shading = best

    def _restyle_highlight(self) -> None:
        """Ring the selected pad, the pads of a selected site, or a selected nation's pads."""
        selected = self.document.selection
        wanted: set[str] = set()
        found = self.document.catalog.find(selected) if selected else None
        if found is None:
            pass
        elif found.is_nation:
            wanted = set(self.document.report.nation(found.id).usable_pads)
        elif found.kind is ComponentKind.PAD:
            wanted = {found.id}
        elif found.kind is ComponentKind.SITE:
            wanted = set(self.document.catalog.pads_of_site(found.id))
        color = QColor(self.palette().color(self.palette().ColorRole.Highlight))
        if self._ring is None or self._ring[0].color() != color:
            self._ring = (QPen(color, 3), QBrush(Qt.BrushStyle.NoBrush))
        pen, brush = self._ring
        spots = [
            {
                "pos": (c.lon, c.lat),
                "size": 26 if len(c.pads) > 1 else 22,
                "symbol": "o",
                "brush": brush,
                "pen": pen,
            }
            for c in self.clusters
            if wanted & set(c.pads)
        ]
        self.highlight_item.setData(spots)

    def _tip(self, x: float, y: float, data: tuple[str, ...]) -> str:
        document, report = self.document, self.document.report
        return "\n".join(
            pad_tooltip(
                self._view_catalog,
                self._pads[p],
                document.date,
                document.off_cause(p),  # with its site too: the domain's one rule
                report.pad_status.get(p),
                p in self._hypothetical,
            )
            for p in data
        )

    def _build_legend(self, plot: pg.PlotItem) -> pg.LegendItem:
        background = QColor(self.palette().color(self.backgroundRole()))
        background.setAlpha(225)
        legend = pg.LegendItem(
            offset=None,
            labelTextSize="8pt",
            verSpacing=-8,
            horSpacing=12,
            colCount=3,
            brush=pg.mkBrush(background),
        )
        legend.setParentItem(plot.getViewBox())
        legend.anchor(itemPos=(0, 1), parentPos=(0, 1), offset=(8, -8))
        legend.setLabelTextColor(self.palette().color(self.foregroundRole()))
        shown = [
            PadStatus.CREW_CAPABLE,
            PadStatus.UNCREWED_ONLY,
            PadStatus.DAMAGED,
            PadStatus.UNDER_CONSTRUCTION,
            PadStatus.PLANNED,
            PadStatus.RETIRED,
        ]
        for status in shown:
            style = PAD_STYLES[status]
            sample = pg.ScatterPlotItem(
                symbol=style.symbol, brush=QColor(style.color), size=10, pen=pg.mkPen("#1A1A1A")
            )
            legend.addItem(sample, f"Pad: {style.label}")
        off = pg.ScatterPlotItem(
            symbol="o",
            brush=QBrush(Qt.BrushStyle.NoBrush),
            size=10,
            pen=pg.mkPen(
                PAD_STYLES[PadStatus.CREW_CAPABLE].color, width=2, style=Qt.PenStyle.DashLine
            ),
        )
        legend.addItem(off, "Pad switched off (hollow)")
        what_if = pg.ScatterPlotItem(
            symbol="o",
            brush=QColor(PAD_STYLES[PadStatus.CREW_CAPABLE].color),
            size=12,
            pen=pg.mkPen(HYPOTHETICAL_COLOR, width=3, style=Qt.PenStyle.DotLine),
        )
        legend.addItem(what_if, "Hypothetical pad (dotted blue ring)")
        region = pg.PlotDataItem(
            [0, 1], [0, 0], pen=pg.mkPen(REGION_COLOR, width=2, style=Qt.PenStyle.DashLine)
        )
        legend.addItem(region, "Region outage (dashed circle)")
        for access in AccessStatus:
            color = QColor(ACCESS_COLORS[access])
            color.setAlpha(SHADING_ALPHA + 60)
            sample = pg.ScatterPlotItem(
                symbol="s",
                brush=QBrush(color, ACCESS_PATTERNS[access]),
                size=10,
                pen=pg.mkPen(color),
            )
            legend.addItem(
                sample, f"Access: {access_word(access)} ({ACCESS_PATTERN_WORDS[access]})"
            )
        plain = pg.ScatterPlotItem(
            symbol="s",
            brush=QBrush(self.layers.colors.land),
            size=10,
            pen=pg.mkPen(self.layers.colors.border),
        )
        legend.addItem(plain, "No crewed programme (plain)")
        return legend

    def _follow_catalog(self) -> None:
        """Take the pads of the report's catalog: the dataset's plus the hypothetical ones."""
        catalog = self.document.view_catalog
        if catalog is self._view_catalog and self._pads:
            return
        self._view_catalog = catalog
        self._pads = {p.id: p for p in catalog.pads}
        self._site_of = {p.id: p.site for p in catalog.pads}
        dataset = {p.id for p in catalog.root.pads}
        self._hypothetical = frozenset(p for p in self._pads if p not in dataset)

    # -- handlers ------------------------------------------------------------------------------
    def _on_view_box_resized(self, _view_box) -> None:
        """Keep the world framed while the user has not moved; fit the legend to the width."""
        if self._framing_world:
            self.show_world()
        self._fit_legend()

    def _fit_legend(self) -> None:
        """Three or two columns, whichever fits beside the 8 px margins; on a map too narrow
        for two the legend would hide the map, so it stays out of the way."""
        width = self.getPlotItem().getViewBox().width()
        fits = False
        for columns in (3, 2):
            if self.legend.columnCount != columns:
                self.legend.setColumnCount(columns)
            if self.legend.width() <= width - 16:
                fits = True
                break
        self.legend.setVisible(fits and self.legend_wanted)

    def set_legend_wanted(self, wanted: bool) -> None:
        """Show the legend when it fits (View ▸ Map legend), or never."""
        self.legend_wanted = wanted
        self._fit_legend()

    def _on_view_box_range_changed_manually(self, _mask) -> None:
        """The user panned or zoomed: stop re-framing the world on resize."""
        self._framing_world = False

    def _on_view_box_range_changed(self, _args) -> None:
        """Re-cluster markers and labels for the new zoom (rate-limited)."""
        self._recluster()

    def _on_pad_item_clicked(self, _item, points, _event) -> None:
        """A single pad selects it; a cluster zooms in until its pads separate."""
        if not len(points):
            return
        pads = points[0].data()
        if len(pads) == 1:
            self.document.select(pads[0])
            return
        lons = [self._pads[p].lon_deg for p in pads]
        lats = [self._pads[p].lat_deg for p in pads]
        margin = max(max(lons) - min(lons), max(lats) - min(lats), 0.02)
        self.show_area(
            min(lons) - margin, max(lons) + margin, min(lats) - margin, max(lats) + margin
        )

    # -- ascent tracks -------------------------------------------------------------------------
    def _init_ascent_layer(self, plot: pg.PlotItem) -> None:
        """Tracks of the selected pad to the document's destination, computed off the UI thread."""
        from explorer.qt.ascent_track_item import AscentTrackItem

        self.ascent_item = AscentTrackItem()
        self.ascent_item.setZValue(7)
        plot.addItem(self.ascent_item, ignoreBounds=True)
        self._ascent_key: tuple | None = None
        self._workers: set = set()
        self.document.selectionChanged.connect(self._update_ascent)
        self.document.destinationChanged.connect(self._update_ascent)
        self.document.dateChanged.connect(self._update_ascent)

    def _update_ascent(self) -> None:
        pad_id, target = self.document.selection, self.document.destination
        if pad_id not in self._pads or target is None:
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
