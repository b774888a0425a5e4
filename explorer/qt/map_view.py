"""The world map: basemap, nations shaded by access, pads as status markers, site labels.

Qt + pyqtgraph. All pads live in one ``ScatterPlotItem`` whose spots carry the pad ids in
``data``; pads closer than a few pixels merge into one numbered cluster marker that splits as
the user zooms in, and a group that zooming cannot split fans out on a click
(``explorer.qt.map_clusters``). Only what exists on the date is drawn and named
(``explorer.domain.existence``). Clicking a country selects its nation; selecting a site or
pad anywhere rings it here and pans to it when it is off screen. The view restyles from the
document's report and never computes access. Labels: ``map_labels``; legend: ``map_legend``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QWidget

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.capability import AccessStatus
from explorer.domain.catalog import Catalog
from explorer.domain.entities import ComponentKind, Pad, PadStatus, Site
from explorer.domain.existence import existing_pads, sites_existing, territory_on
from explorer.domain.pad_marker import group_marker
from explorer.loaders.basemap import Basemap
from explorer.present.cells import pad_tooltip
from explorer.present.words import ACCESS_RANK
from explorer.qt.basemap_item import BasemapColors, BasemapLayers
from explorer.qt.document import ScenarioDocument
from explorer.qt.labels import short_pad_name, short_site_name
from explorer.qt.map_ascent import AscentLayer
from explorer.qt.map_clusters import (
    Cluster,
    cluster_points,
    fan_out,
    zoom_separates,
    zoom_target,
)
from explorer.qt.map_labels import MapLabels, fan_entries
from explorer.qt.map_legend import MARGIN_PX as LEGEND_MARGIN_PX
from explorer.qt.map_legend import SHADING_ALPHA, MapLegend
from explorer.qt.map_markers import new_spot_style
from explorer.qt.map_selection import nation_at, pan_area
from explorer.qt.region_item import RegionCircles
from explorer.qt.styles import (
    ACCESS_COLORS,
    ACCESS_PATTERNS,
    is_dark,
)

PAD_LABEL_SCALE = 300.0  # px per degree (a view ~3 degrees wide) from which pads carry names
MIN_RANGE_DEG = 0.02  # the deepest zoom: the view box's smallest range
WORLD_LON = (-180.0, 180.0)
WORLD_LAT = (-60.0, 75.0)  # the inhabited latitudes, framed at world view


class MapView(pg.PlotWidget):
    """The map widget: clicking a pad selects it in the document, a country its nation."""

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
        self.basemap = basemap
        catalog = document.catalog
        self._pads: dict[str, Pad] = {p.id: p for p in catalog.pads}
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        view_box = plot.getViewBox()
        view_box.setAspectLocked(True)
        # Latitude may run past the poles so that a tall pane still shows the whole width (and,
        # at world view, keeps the map at its top above the legend's band); the view box is
        # painted in the water colour there.
        view_box.setLimits(
            xMin=-180,
            xMax=180,
            yMin=-500,
            yMax=500,
            minXRange=MIN_RANGE_DEG,
            minYRange=MIN_RANGE_DEG,
            maxXRange=360,
            maxYRange=1000,
        )
        view_box.setMouseEnabled(x=True, y=True)
        self.layers = BasemapLayers(plot, basemap, BasemapColors.for_palette(self.palette()))
        view_box.setBackgroundColor(self.layers.colors.water)

        self.pad_item = pg.ScatterPlotItem(
            hoverable=True, tip=self._tip, pxMode=True, hoverPen=pg.mkPen("#000000", width=2)
        )
        self.pad_item.setZValue(10)
        self.pad_item.sigClicked.connect(self._on_pad_item_clicked)
        plot.addItem(self.pad_item)
        self.highlight_item = pg.ScatterPlotItem(pxMode=True)
        self.highlight_item.setZValue(9)
        plot.addItem(self.highlight_item)
        # Leader lines from fanned-out markers to their pads' true point, and that point.
        foreground = self.palette().color(self.foregroundRole())
        self.leader_item = pg.PlotCurveItem(pen=pg.mkPen(foreground, width=1), connect="pairs")
        self.leader_item.setZValue(9.5)
        plot.addItem(self.leader_item, ignoreBounds=True)
        self.true_point_item = pg.ScatterPlotItem(
            pxMode=True, size=5, symbol="o", brush=pg.mkBrush(foreground), pen=None
        )
        self.true_point_item.setZValue(9.6)
        plot.addItem(self.true_point_item, ignoreBounds=True)
        self._spot_styles: dict[tuple, dict] = {}
        self._ring: tuple[QPen, QBrush] | None = None
        self.labels = MapLabels(plot)
        self.clusters: list[Cluster] = []
        self.fanned: frozenset[str] = frozenset()  # pads drawn on a ring (a group clicked)
        self._existing: frozenset[str] = frozenset()
        self.legend = MapLegend(
            view_box,
            self.palette().color(self.backgroundRole()),
            foreground,
            self.layers.colors,
        )
        self.legend_wanted = True
        self.legend_forced = False  # shown even where it covers the map (set_legend_wanted)
        self.regions = RegionCircles(plot)  # what-if region outages in force on the date
        self._view_catalog: Catalog = document.catalog  # the report's, by _follow_catalog
        self._hypothetical: frozenset[str] = frozenset()
        self.nation_shading: dict[str, AccessStatus] = {}

        self._range_proxy = pg.SignalProxy(
            view_box.sigRangeChanged, rateLimit=30, slot=self._on_view_box_range_changed
        )
        # The world view is a framing, not a range: a view box built at a few pixels clamps the
        # range to its limits, so the framing is re-applied whenever the box changes size, until
        # the user pans or zooms (or the program shows another area).
        self._framing_world = True
        view_box.sigResized.connect(self._on_view_box_resized)
        view_box.sigRangeChangedManually.connect(self._on_view_box_range_changed_manually)
        self.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        document.reportChanged.connect(self._restyle)
        document.selectionChanged.connect(self._on_document_selection_changed)
        self.ascent = AscentLayer(document, plot)
        self.ascent_item = self.ascent.ascent_item
        self.show_world()

    @property
    def _labels(self) -> list:
        """The name labels on the map (tests read their texts)."""
        return self.labels.names

    def wait_for_tracks(self, timeout_ms: int = 5000) -> None:
        """Block until pending ascent tracks are computed and drawn (screenshots, tests)."""
        self.ascent.wait_for_tracks(timeout_ms)

    # -- view ----------------------------------------------------------------------------------
    def show_world(self) -> None:
        """Frame the inhabited latitudes over the whole width of the world.

        A pane taller than that band shows the legend right below 60° S (the southern seas
        and Antarctica, no inhabited land) and centres map and legend together; without the
        legend it centres the map.
        """
        self._framing_world = True
        view_box = self.getPlotItem().getViewBox()
        width, height = view_box.width(), view_box.height()
        (lat0, lat1), span = WORLD_LAT, WORLD_LAT[1] - WORLD_LAT[0]
        if width > 1 and height > 1 and height * 360.0 / width > span:
            scale = width / 360.0
            band = height - span * scale  # free pixels above and below the map
            used = 0.0
            if self.legend_wanted and self.legend.fit(width, band):
                needed = self.legend.height() + 2 * LEGEND_MARGIN_PX
                used = needed if needed <= band else 0.0
            lat1 += (band - used) / 2 / scale
            lat0 = lat1 - height / scale
        view_box.setRange(xRange=WORLD_LON, yRange=(lat0, lat1), padding=0)
        self.layers.update_view()  # see _on_view_box_resized: the signal may not come
        self._recluster()
        self._fit_legend()

    def show_area(
        self, lon0: float, lon1: float, lat0: float, lat1: float, padding: float = 0.05
    ) -> None:
        """Show at least this extent (degrees), plus ``padding`` as a fraction of it."""
        self._framing_world = False
        self.getPlotItem().getViewBox().setRange(
            xRange=(lon0, lon1), yRange=(lat0, lat1), padding=padding
        )
        self._recluster()

    def free_band_px(self) -> float | None:
        """At world view, the height of the band below the framed map (None when zoomed)."""
        if not self._framing_world:
            return None
        view_box = self.getPlotItem().getViewBox()
        lat0 = view_box.viewRange()[1][0]
        return max(0.0, (WORLD_LAT[0] - lat0) * self._px_per_deg())

    def export_rect(self) -> QRectF:
        """The scene rectangle an exported map shows: what the map shows now, cropped at world
        view to the framed latitudes (the bands above and below hold no inhabited land; the
        export puts its legend under the map instead)."""
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if not self._framing_world:
            return shown
        view_box = self.getPlotItem().getViewBox()
        (lon0, lon1), (lat0, lat1) = WORLD_LON, WORLD_LAT
        band = view_box.mapViewToScene(QRectF(lon0, lat0, lon1 - lon0, lat1 - lat0)).boundingRect()
        top, bottom = max(shown.top(), band.top()), min(shown.bottom(), band.bottom())
        if bottom - top < 1:
            return shown
        return QRectF(shown.left(), top, shown.width(), bottom - top)  # the whole width

    # -- clustering and labels -----------------------------------------------------------------
    def _px_per_deg(self) -> float:
        dx, _dy = self.getPlotItem().getViewBox().viewPixelSize()
        return 1.0 / dx if dx > 0 else 4.0

    def _recluster(self) -> None:
        """Merge pads that would overlap at this zoom, fan out the clicked group that zooming
        cannot split, and label the sites that exist on the date without collisions."""
        scale = self._px_per_deg()
        self._follow_catalog()
        self._existing = existing_pads(self.document.report.pad_status)
        points = [
            (p.id, p.lon_deg, p.lat_deg) for p in self._pads.values() if p.id in self._existing
        ]
        fanned = [p for p in points if p[0] in self.fanned]
        if len(fanned) < 2 or all(len(c.pads) == 1 for c in cluster_points(fanned, scale)):
            fanned = []  # gone with the date, or apart at this zoom: no ring needed
            self.fanned = frozenset()
        clusters = cluster_points([p for p in points if p[0] not in self.fanned], scale)
        self.clusters = clusters + (fan_out(fanned, scale) if fanned else [])
        self._draw_leaders()
        self.labels.place_counts(self.clusters)
        self._restyle()
        self._relabel(scale)

    def _draw_leaders(self) -> None:
        ring = [c for c in self.clusters if c.fanned]
        xy = [value for c in ring for value in ((c.lon, c.lat), (c.true_lon, c.true_lat))]
        if xy:
            array = np.asarray(xy, dtype=float)
            self.leader_item.setData(array[:, 0], array[:, 1], connect="pairs")
            self.true_point_item.setData(pos=array[1::2])
        else:
            self.leader_item.setData([], [])
            self.true_point_item.setData([])

    def _relabel(self, scale: float) -> None:
        plot = self.getPlotItem()
        (lon0, lon1), _ = plot.getViewBox().viewRange()
        # A fanned-out group (the user clicked it) is named first: its site and each pad.
        entries = fan_entries(
            self.clusters,
            lambda p: short_site_name(self._view_catalog.get(self._pads[p].site).name),
            lambda p: short_pad_name(self._pads[p].name),
        )
        named_sites = {self._pads[c.pads[0]].site for c in self.clusters if c.fanned}
        if scale >= PAD_LABEL_SCALE:  # zoomed in to the pads: name them, not their site
            for cluster in self.clusters:
                if len(cluster.pads) == 1 and not cluster.fanned:
                    pad = self._pads[cluster.pads[0]]
                    entries.append((short_pad_name(pad.name), cluster.lon, cluster.lat))
                    named_sites.add(pad.site)
        # Sites that can launch crew on this date are named first, then the rest, west to east;
        # a site none of whose pads exists yet is not named (no anachronisms).
        status = self.document.report.pad_status
        catalog = self._view_catalog
        existing_sites = sites_existing(catalog, self._existing)

        def crewed(site_id: str) -> bool:
            return any(
                status.get(p) is PadStatus.CREW_CAPABLE for p in catalog.pads_of_site(site_id)
            )

        sites = sorted(
            (s for s in catalog.sites if s.id in existing_sites),
            key=lambda s: (not crewed(s.id), s.lon_deg),
        )
        entries += [
            (short_site_name(s.name), s.lon_deg, s.lat_deg)
            for s in sites
            if s.id not in named_sites
        ]
        color = self.palette().color(self.foregroundRole())
        self.labels.place_names(entries, self.clusters, scale, (lon0, lon1), color)

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
            self._spot_styles[key] = new_spot_style(*key)
        return self._spot_styles[key]

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
        existing = existing_pads(report.pad_status)
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

    def _shade_nations(self) -> None:
        """Each nation's territory on the date (the Soviet Union before 1991-12-26 for RU)."""
        brushes: dict[str, QBrush] = {}
        rank = ACCESS_RANK
        best: dict[str, AccessStatus] = {}
        report = self.document.report
        for access in report.nations:
            nation = self.document.catalog.nation(access.nation)
            for code in territory_on(nation, report.day):
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
        wanted = self._selected_pads()
        color = QColor(self.palette().color(self.palette().ColorRole.Highlight))
        if self._ring is None or self._ring[0].color() != color:
            self._ring = (pg.mkPen(color, width=3), QBrush(Qt.BrushStyle.NoBrush))
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

    def _selected_pads(self) -> set[str]:
        """The pads the selection stands for: a pad, a site's pads, a nation's usable pads."""
        selected = self.document.selection
        found = self._view_catalog.find(selected) if selected else None
        if found is None:
            return set()
        if found.is_nation:
            return set(self.document.report.nation(found.id).usable_pads)
        if found.kind is ComponentKind.PAD:
            return {found.id}
        if found.kind is ComponentKind.SITE:
            return set(self._view_catalog.pads_of_site(found.id))
        return set()

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

    def _follow_catalog(self) -> None:
        """Take the pads of the report's catalog: the dataset's plus the hypothetical ones."""
        catalog = self.document.view_catalog
        if catalog is self._view_catalog and self._pads:
            return
        self._view_catalog = catalog
        self._pads = {p.id: p for p in catalog.pads}
        dataset = {p.id for p in catalog.root.pads}
        self._hypothetical = frozenset(p for p in self._pads if p not in dataset)

    def follow_palette(self) -> None:
        """Take the application's new palette (View ▸ Theme): basemap, legend, markers, labels."""
        colors = BasemapColors.for_palette(self.palette())
        self.layers.set_colors(colors)
        self.getPlotItem().getViewBox().setBackgroundColor(colors.water)
        foreground = self.palette().color(self.foregroundRole())
        self.leader_item.setPen(pg.mkPen(foreground, width=1))
        self.true_point_item.setBrush(pg.mkBrush(foreground))
        self.legend.rebuild(self.palette().color(self.backgroundRole()), foreground, colors)
        self._fit_legend()
        self._recluster()

    # -- legend --------------------------------------------------------------------------------
    def _fit_legend(self) -> None:
        """The wording and columns that fit; at world view right below the framed map."""
        view_box = self.getPlotItem().getViewBox()
        band = self.free_band_px()
        fits = self.legend.fit(view_box.width(), band, view_box.height(), self.legend_forced)
        below = band is not None and self.legend.height() + 2 * LEGEND_MARGIN_PX <= band
        self.legend.place(view_box.height() - band + LEGEND_MARGIN_PX if below else None)
        self.legend.setVisible(fits and self.legend_wanted)

    def set_legend_wanted(self, wanted: bool) -> None:
        """Show the legend when it fits (View ▸ Map legend), or never; chosen again by the user,
        it is shown even where it covers the map (a map too narrow for it still hides it)."""
        self.legend_wanted = self.legend_forced = wanted
        if self._framing_world:
            self.show_world()  # the free band below the map is only kept for the legend
        self._fit_legend()

    # -- selection -----------------------------------------------------------------------------
    def nation_at(self, lon: float, lat: float) -> str | None:
        """The dataset's nation whose territory on the date holds the point, if any."""
        return nation_at(self.basemap, self.document.catalog.nations, self.document.date, lon, lat)

    def pan_to_selection(self) -> bool:
        """Pan (same zoom) so the selected site or pad is on screen; True if the view moved."""
        selected = self.document.selection
        found = self._view_catalog.find(selected) if selected else None
        if found is None or not isinstance(found.record, (Pad, Site)):
            return False
        pads = [self._pads[p] for p in self._selected_pads() if p in self._existing]
        where = [(p.lon_deg, p.lat_deg) for p in pads] or [
            (found.record.lon_deg, found.record.lat_deg)
        ]
        area = pan_area(self.getPlotItem().getViewBox().viewRange(), where)
        if area is not None:
            self.show_area(*area, padding=0)
        return area is not None

    # -- handlers ------------------------------------------------------------------------------
    def _on_document_selection_changed(self) -> None:
        """Ring what is selected and bring a selected site or pad into view."""
        if not self.pan_to_selection():
            self._restyle_highlight()

    def _on_view_box_resized(self, _view_box) -> None:
        """Keep the world framed while the user has not moved, and re-place labels and
        clusters for the new scale at once (a resize need not change the range)."""
        if self._framing_world:
            self.show_world()
        else:
            self._recluster()
        # pyqtgraph 0.14 can change the range on a resize without emitting sigRangeChanged
        # (seen going from a tall to a wide, short map): bring the basemap tiles along too.
        self.layers.update_view()
        self._fit_legend()

    def _on_view_box_range_changed_manually(self, _mask) -> None:
        """The user panned or zoomed: stop re-framing the world on resize."""
        self._framing_world = False

    def _on_view_box_range_changed(self, _args) -> None:
        """Re-cluster markers and labels for the new zoom, and fit the legend (rate-limited)."""
        self._recluster()
        self._fit_legend()

    def _on_pad_item_clicked(self, _item, points, _event) -> None:
        """A single pad selects it; a group zooms in while that splits it, else fans out."""
        if not len(points):
            return
        pads = points[0].data()
        if len(pads) == 1:
            self.document.select(pads[0])
            return
        group = [(p, self._pads[p].lon_deg, self._pads[p].lat_deg) for p in pads]
        view_box = self.getPlotItem().getViewBox()
        area, scale = zoom_target(group, view_box.width(), view_box.height(), MIN_RANGE_DEG)
        if scale > self._px_per_deg() * 1.01 and zoom_separates(group, scale):
            self.show_area(*area)
        else:  # zooming cannot split it (shared coordinates, or the zoom limit): a ring
            self.fanned = frozenset(pads)
            self._recluster()

    def _on_scene_mouse_clicked(self, event) -> None:
        """A left click on the map itself (no marker, no legend) selects the nation there."""
        if event.button() != Qt.MouseButton.LeftButton or event.isAccepted():
            return
        if self.legend.isVisible() and self.legend.sceneBoundingRect().contains(event.scenePos()):
            return
        point: QPointF = self.getPlotItem().getViewBox().mapSceneToView(event.scenePos())
        if self.fanned:
            self.fanned = frozenset()
            self._recluster()
        nation = self.nation_at(point.x(), point.y())
        if nation is not None:
            self.document.select(nation)
