"""pyqtgraph items that draw the basemap: land, sea, lakes, coastline, borders, graticule.

One ``QGraphicsPathItem`` per layer and tile (never one per ring). The world is filled with
the land colour, the country shading goes on top, then the sea: each tile's rectangle plus
its land rings, filled by the odd-even rule, which is exactly the water (the Caspian, a hole
in the land, included). So the shading, from coarse 110m polygons, stops at the coastline
drawn at every level of detail. :class:`BasemapLayers` picks the level from the view's
degrees per pixel and shows only the tiles on screen, so a frame stays cheap at every zoom;
a tile's paths are built the first time it is needed. No ``DeviceCoordinateCache`` (a
world-sized cache costs gigabytes at deep zoom) and no antialiasing (4-7x slower fills).
Imports PySide6 (before pyqtgraph, which otherwise prefers PyQt6), pyqtgraph, numpy and
``explorer.loaders.basemap``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6 import QtCore, QtGui, QtWidgets

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)
import numpy as np

from explorer.loaders.basemap import Basemap, Level, Rings, TiledLayer

# Inside the ViewBox: above its own background, below data items at the default z of 0.
# (ViewBox.addItem raises anything below the box's own z of -100.)
Z_LAND = -60.0
Z_SHADING = -55.0
Z_SEA = -50.0
Z_LAKES = -45.0
Z_COAST = -40.0
Z_BORDERS = -35.0
Z_GRATICULE = -30.0

MAX_ERROR_PX = 1.0  # a level is used while its simplification stays under one pixel


@dataclass(frozen=True, slots=True)
class BasemapColors:
    """Colours of the basemap layers; derive them from the palette with :meth:`for_palette`."""

    water: QtGui.QColor
    land: QtGui.QColor
    lake: QtGui.QColor
    coast: QtGui.QColor
    border: QtGui.QColor
    graticule: QtGui.QColor = field(default_factory=lambda: QtGui.QColor(110, 130, 150, 60))

    @classmethod
    def for_palette(cls, palette: QtGui.QPalette) -> BasemapColors:
        """A muted blue/neutral scheme matching a light or a dark palette.

        Blue water against neutral land stays distinct for every colour-vision type and
        leaves the saturated hues free for the crew-access shading drawn on top.
        """
        window = palette.color(QtGui.QPalette.ColorRole.Window)
        if window.lightness() < 128:
            return cls(
                water=QtGui.QColor("#16212c"),
                land=QtGui.QColor("#30343a"),
                lake=QtGui.QColor("#1c2935"),
                coast=QtGui.QColor("#5d7a94"),
                border=QtGui.QColor("#6e6e78"),
                graticule=QtGui.QColor(150, 170, 190, 45),
            )
        return cls(
            water=QtGui.QColor("#c9dcea"),
            land=QtGui.QColor("#f3f0e8"),
            lake=QtGui.QColor("#d3e3ef"),
            coast=QtGui.QColor("#7d9cb3"),
            border=QtGui.QColor("#a39b93"),
            graticule=QtGui.QColor(90, 120, 150, 55),
        )


def _cosmetic_pen(color: QtGui.QColor) -> QtGui.QPen:
    # Width 0 is Qt's one-pixel cosmetic pen: the fastest stroke, independent of zoom, and
    # QGraphicsPathItem then takes its bounding rect from the control points; for any other
    # width it strokes the whole path (~5 ms per 10,000 vertices) at every pen change.
    pen = QtGui.QPen(color, 0)
    pen.setCosmetic(True)
    return pen


def _fill_path(rings: Rings) -> QtGui.QPainterPath:
    """One path of all rings; odd-even fill keeps holes (and rings inside holes) right."""
    path = pg.arrayToQPath(
        rings.xy[:, 0], rings.xy[:, 1], connect=rings.connect(), finiteCheck=False
    )
    path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
    return path


def _sea_path(rings: Rings, bounds: tuple[float, float, float, float]) -> QtGui.QPainterPath:
    """The tile rectangle and the land rings: by odd-even fill, exactly the water."""
    lon0, lat0, lon1, lat1 = bounds
    frame = np.array(
        [[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]], np.float32
    )
    xy = np.concatenate([rings.xy, frame])
    connect = np.concatenate([rings.connect(), [True, True, True, True, False]])
    path = pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=connect, finiteCheck=False)
    path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
    return path


def _line_path(rings: Rings, connect: np.ndarray) -> QtGui.QPainterPath:
    return pg.arrayToQPath(rings.xy[:, 0], rings.xy[:, 1], connect=connect, finiteCheck=False)


class BasemapPathItem(QtWidgets.QGraphicsPathItem):
    """A static path that always paints without antialiasing, whatever the view's hints."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionGraphicsItem,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        antialiased = painter.testRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        super().paint(painter, option, widget)
        # Views with DontSavePainterState would otherwise pass the change on to data items.
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, antialiased)


class _TiledPaths:
    """The tile items of one layer at one level, under one parent that sets their z."""

    def __init__(
        self, layer: TiledLayer, kind: str, z: float, parent_group: QtWidgets.QGraphicsItem
    ) -> None:
        self.layer = layer
        # "sea" (tile minus land), "fill", "outline" (land rings less tile seams) or "lines"
        self.kind = kind
        self.group = pg.ItemGroup()
        self.group.setZValue(z)
        self.group.setParentItem(parent_group)
        self.items: dict[int, BasemapPathItem] = {}
        self.shown: frozenset[int] = frozenset()
        self.pen = QtGui.QPen(QtCore.Qt.PenStyle.NoPen)
        self.brush = QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush)

    def style(self, pen: QtGui.QPen, brush: QtGui.QBrush) -> None:
        self.pen, self.brush = pen, brush
        for item in self.items.values():
            item.setPen(pen)
            item.setBrush(brush)

    def show_tiles(self, wanted: frozenset[int]) -> None:
        for index in self.shown - wanted:
            self.items[index].setVisible(False)
        for index in wanted - self.shown:
            item = self.items.get(index)
            if item is None:
                item = self._build(index)
            item.setVisible(True)
        self.shown = wanted

    def _build(self, index: int) -> BasemapPathItem:
        rings = self.layer.tile(index)
        if self.kind == "sea":
            path = _sea_path(rings, self.layer.tile_bounds(index))
        elif self.kind == "fill":
            path = _fill_path(rings)
        elif self.kind == "outline":
            path = _line_path(rings, self.layer.outline_connect(index))
        else:
            path = _line_path(rings, rings.connect())
        item = BasemapPathItem(path, self.group)
        item.setPen(self.pen)
        item.setBrush(self.brush)
        self.items[index] = item
        return item


class _LevelItems:
    """Land, lakes, coast and border tiles of one level of detail."""

    def __init__(self, level: Level, parent_group: QtWidgets.QGraphicsItem) -> None:
        self.level = level
        self.sea = _TiledPaths(level.land, "sea", Z_SEA, parent_group)
        self.lakes = _TiledPaths(level.lakes, "fill", Z_LAKES, parent_group)
        self.coast = _TiledPaths(level.land, "outline", Z_COAST, parent_group)
        self.borders = _TiledPaths(level.borders, "lines", Z_BORDERS, parent_group)

    @property
    def layers(self) -> tuple[_TiledPaths, ...]:
        return (self.sea, self.lakes, self.coast, self.borders)

    def style(self, colors: BasemapColors) -> None:
        no_pen = QtGui.QPen(QtCore.Qt.PenStyle.NoPen)
        no_brush = QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush)
        self.sea.style(no_pen, QtGui.QBrush(colors.water))
        self.lakes.style(no_pen, QtGui.QBrush(colors.lake))
        self.coast.style(_cosmetic_pen(colors.coast), no_brush)
        self.borders.style(_cosmetic_pen(colors.border), no_brush)

    def show_view(self, lon0: float, lat0: float, lon1: float, lat1: float) -> None:
        for paths in self.layers:
            # The sea is drawn in every tile, also those without land.
            wanted = paths.layer.tiles_in(lon0, lat0, lon1, lat1, include_empty=paths is self.sea)
            paths.show_tiles(frozenset(wanted))

    def hide(self) -> None:
        for paths in self.layers:
            paths.show_tiles(frozenset())


class GraticuleItem(BasemapPathItem):
    """Meridians and parallels every ``step_deg`` degrees as one cosmetic-pen path."""

    def __init__(self, color: QtGui.QColor, step_deg: float = 30.0) -> None:
        lons = np.arange(-180.0, 180.0 + step_deg / 2, step_deg)
        lats = np.arange(-90.0 + step_deg, 90.0 - step_deg / 2, step_deg)
        starts = [(lon, -90.0) for lon in lons] + [(-180.0, lat) for lat in lats]
        ends = [(lon, 90.0) for lon in lons] + [(180.0, lat) for lat in lats]
        xy = np.empty((2 * len(starts), 2))
        xy[0::2], xy[1::2] = starts, ends
        super().__init__(pg.arrayToQPath(xy[:, 0], xy[:, 1], connect="pairs"))
        self.setZValue(Z_GRATICULE)
        self.set_color(color)

    def set_color(self, color: QtGui.QColor) -> None:
        self.setPen(_cosmetic_pen(color))


class CountryShadingItem(pg.GraphicsObject):
    """110m country polygons filled with one brush per ADM0_A3 code.

    Give it ``Basemap.territories`` under :class:`BasemapLayers`' sea (which hides their
    seaward part), or ``Basemap.countries`` on its own. Each shaded code gets its own child
    path, built on first use and kept, so restyling after a scenario change only swaps
    brushes. Codes without a brush are hidden.
    """

    def __init__(self, countries: Mapping[str, Rings]) -> None:
        super().__init__()
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(Z_SHADING)
        self._countries = countries
        self._items: dict[str, BasemapPathItem] = {}
        self._brushes: dict[str, QtGui.QBrush] = {}

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF()

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionGraphicsItem,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        """Nothing of its own: the children draw the countries."""

    def set_brushes(self, brushes: Mapping[str, QtGui.QBrush]) -> frozenset[str]:
        """Shade exactly the given codes; returns the codes that have no 110m polygon."""
        unknown = frozenset(code for code in brushes if code not in self._countries)
        for code, item in self._items.items():
            if code not in brushes:
                item.setVisible(False)
        for code, brush in brushes.items():
            if code in unknown:
                continue
            shaded = self._items.get(code)
            if shaded is None:
                shaded = BasemapPathItem(_fill_path(self._countries[code]), self)
                shaded.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
                self._items[code] = shaded
            shaded.setBrush(brush)
            shaded.setVisible(True)
        self._brushes = {code: brush for code, brush in brushes.items() if code not in unknown}
        return unknown

    def brushes(self) -> dict[str, QtGui.QBrush]:
        """The brush of every shaded code."""
        return dict(self._brushes)

    def path_item(self, code: str) -> QtWidgets.QGraphicsPathItem | None:
        """The path drawing one country, if it has been shaded once."""
        return self._items.get(code)


class BasemapLayers(QtCore.QObject):
    """All basemap items of one plot, switching level of detail and tiles with the view.

    Land is a world rectangle; the country shading (initially empty, see
    :meth:`CountryShadingItem.set_brushes`) lies on it; sea, lakes, coast and borders come
    from the level whose simplification is under a pixel at the current zoom; a graticule
    tops them. Every item ignores autorange bounds: the owner sets the view range.
    """

    def __init__(self, plot_item: pg.PlotItem, basemap: Basemap, colors: BasemapColors) -> None:
        super().__init__(plot_item)
        self._view_box: pg.ViewBox = plot_item.getViewBox()
        self._basemap = basemap
        self._root = pg.ItemGroup()
        self._root.setZValue(Z_LAND)
        self._view_box.addItem(self._root, ignoreBounds=True)
        # Children of one root keep their own z order among themselves, and with the
        # root at the lowest basemap z the data items above stay above.
        self.land = QtWidgets.QGraphicsRectItem(-180.0, -90.0, 360.0, 180.0, self._root)
        self.land.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        self.land.setZValue(Z_LAND)
        self._levels = tuple(_LevelItems(level, self._root) for level in basemap.levels)
        self.shading = CountryShadingItem(basemap.territories)
        self.shading.setParentItem(self._root)
        self.graticule = GraticuleItem(colors.graticule)
        self.graticule.setParentItem(self._root)
        self._current: _LevelItems | None = None
        self.set_colors(colors)
        self._view_box.sigRangeChanged.connect(self._on_view_box_range_changed)
        self._view_box.sigResized.connect(self._on_view_box_resized)
        self.update_view()

    @property
    def level(self) -> Level | None:
        """The level of detail on screen."""
        return None if self._current is None else self._current.level

    def visible_tiles(self) -> dict[str, frozenset[int]]:
        """Tile indices shown per layer (``sea``, ``lakes``, ``coast``, ``borders``)."""
        if self._current is None:
            return {}
        names = ("sea", "lakes", "coast", "borders")
        return {name: paths.shown for name, paths in zip(names, self._current.layers, strict=True)}

    def set_colors(self, colors: BasemapColors) -> None:
        """Restyle every layer; paths are kept."""
        self.colors = colors
        self.land.setBrush(QtGui.QBrush(colors.land))
        for level_items in self._levels:
            level_items.style(colors)
        self.graticule.set_color(colors.graticule)

    def update_view(self) -> None:
        """Choose the level of detail and the tiles for the current view range."""
        (lon0, lon1), (lat0, lat1) = self._view_box.viewRange()
        width_px = self._view_box.width()
        # Before the first layout the box has no size; assume a typical window.
        deg_per_px = (lon1 - lon0) / (width_px if width_px > 1 else 1000.0)
        chosen = self._basemap.level_for(deg_per_px, MAX_ERROR_PX)
        current = next(items for items in self._levels if items.level is chosen)
        if self._current is not None and self._current is not current:
            self._current.hide()
        self._current = current
        current.show_view(lon0, lat0, lon1, lat1)

    def _on_view_box_range_changed(self, _view_box: pg.ViewBox, *_args: object) -> None:
        """Follow pans and zooms."""
        self.update_view()

    def _on_view_box_resized(self, _view_box: pg.ViewBox) -> None:
        """A wider box shows the same range at more pixels: maybe a finer level."""
        self.update_view()
