"""The basemap items: level of detail and tiles follow the view; shading restyles in place."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.qt import basemap_item
from explorer.qt.basemap_item import (
    BasemapColors,
    BasemapLayers,
    BasemapPathItem,
    CountryShadingItem,
    GraticuleItem,
)

LIGHT = QPalette(QColor("#f0f0f0"))
DARK = QPalette(QColor("#202124"))
FLORIDA = QRectF(-81.2, 28.2, 1.0, 0.5625)


@pytest.fixture
def plot(qtbot, basemap):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.getPlotItem().hideAxis("left")
    widget.getPlotItem().hideAxis("bottom")
    widget.getPlotItem().getViewBox().setAspectLocked(True)
    widget.show()
    qtbot.waitExposed(widget)
    layers = BasemapLayers(widget.getPlotItem(), basemap, BasemapColors.for_palette(LIGHT))
    return widget, layers


def show(widget, rect):
    widget.getPlotItem().getViewBox().setRange(rect, padding=0)


def visible_paths(widget):
    return [
        item
        for item in widget.scene().items()
        if isinstance(item, BasemapPathItem)
        and not isinstance(item, GraticuleItem)
        and item.isVisible()
        and not isinstance(item.parentItem(), CountryShadingItem)
    ]


def test_world_view_draws_the_coarsest_level(plot):
    widget, layers = plot
    show(widget, QRectF(-180, -90, 360, 180))
    assert layers.level.name == "lod0"
    assert layers.visible_tiles()["sea"] == frozenset(range(8))  # every 90 deg tile


def test_zooming_to_florida_switches_to_full_10m_detail_with_only_on_screen_tiles(plot):
    widget, layers = plot
    show(widget, QRectF(-180, -90, 360, 180))
    world_paths = visible_paths(widget)
    show(widget, FLORIDA)
    assert layers.level.name == "lod2"
    tiles = layers.visible_tiles()
    (florida_tile,) = layers.level.land.tiles_in(-80.7, 28.5, -80.7, 28.5)
    assert tiles["sea"] == tiles["coast"] == frozenset({florida_tile})
    assert tiles["borders"] == frozenset()  # no land border on screen
    view = widget.getPlotItem().getViewBox().viewRect()
    shown = visible_paths(widget)
    assert shown and all(item.boundingRect().intersects(view) for item in shown)
    assert not any(item.isVisible() for item in world_paths)


def test_zooming_out_again_hides_the_detailed_tiles(plot):
    widget, layers = plot
    show(widget, FLORIDA)
    detailed = visible_paths(widget)
    show(widget, QRectF(-100, 0, 60, 34))
    assert layers.level.name == "lod1"
    assert not any(item.isVisible() for item in detailed)
    show(widget, QRectF(-180, -90, 360, 180))
    assert layers.level.name == "lod0"


def test_land_fills_use_the_odd_even_rule_so_the_caspian_stays_water(plot):
    widget, layers = plot
    show(widget, QRectF(44, 36, 14, 8))
    sea = [item for item in visible_paths(widget) if item.brush().color() == layers.colors.water]
    assert sea
    assert all(item.path().fillRule() == Qt.FillRule.OddEvenFill for item in sea)
    # The sea paths contain the Caspian (and the land rectangle is under them).
    assert any(item.path().contains(QPointF(50.5, 42.0)) for item in sea)


def test_items_sit_below_data_at_negative_z_without_device_cache(plot):
    widget, layers = plot
    show(widget, FLORIDA)
    for item in widget.scene().items():
        if isinstance(item, BasemapPathItem):
            assert item.cacheMode() == QGraphicsItem.CacheMode.NoCache
    order = [
        basemap_item.Z_LAND,
        basemap_item.Z_SHADING,
        basemap_item.Z_SEA,
        basemap_item.Z_LAKES,
        basemap_item.Z_COAST,
        basemap_item.Z_BORDERS,
        basemap_item.Z_GRATICULE,
    ]
    assert order == sorted(order) and order[-1] < 0
    assert layers.shading.zValue() == basemap_item.Z_SHADING
    assert layers.graticule.zValue() == basemap_item.Z_GRATICULE


def test_set_brushes_restyles_without_rebuilding_paths(plot):
    _widget, layers = plot
    red, blue = QBrush(QColor(200, 0, 0, 120)), QBrush(QColor(0, 0, 200, 120))
    unknown = layers.shading.set_brushes({"USA": red, "RUS": red, "XXX": blue})
    assert unknown == frozenset({"XXX"})
    usa = layers.shading.path_item("USA")
    path_before = QPainterPath(usa.path())
    assert usa.isVisible() and usa.brush().color() == QColor(200, 0, 0, 120)

    layers.shading.set_brushes({"USA": blue, "CHN": red})
    assert layers.shading.path_item("USA") is usa
    assert usa.path() == path_before
    assert usa.brush().color() == QColor(0, 0, 200, 120)
    assert not layers.shading.path_item("RUS").isVisible()
    assert set(layers.shading.brushes()) == {"USA", "CHN"}


def test_shading_covers_the_coastal_pads(plot):
    _widget, layers = plot
    layers.shading.set_brushes({"USA": QBrush(QColor("red"))})
    assert layers.shading.path_item("USA").path().contains(QPointF(-80.604, 28.608))


def test_set_colors_restyles_every_layer(plot):
    widget, layers = plot
    show(widget, FLORIDA)
    dark = BasemapColors.for_palette(DARK)
    layers.set_colors(dark)
    assert layers.land.brush().color() == dark.land
    show(widget, QRectF(-180, -90, 360, 180))  # tiles built after the change get it too
    colors = {item.brush().color().name() for item in visible_paths(widget)}
    pens = {item.pen().color().name() for item in visible_paths(widget)}
    assert dark.water.name() in colors and dark.lake.name() in colors
    assert dark.coast.name() in pens and dark.border.name() in pens
    assert layers.graticule.pen().color() == dark.graticule


def test_palettes_give_a_light_and_a_dark_scheme():
    light, dark = BasemapColors.for_palette(LIGHT), BasemapColors.for_palette(DARK)
    assert light.land.lightness() > 200 and dark.land.lightness() < 80
    for scheme in (light, dark):
        assert scheme.water != scheme.land
        assert scheme.water.blue() > scheme.water.red()  # water reads as blue


def test_graticule_draws_a_line_every_30_degrees():
    graticule = GraticuleItem(QColor("grey"))
    # 13 meridians from -180 to 180 and 5 parallels from -60 to 60, two elements each.
    assert graticule.path().elementCount() == 2 * (13 + 5)
    assert graticule.boundingRect().contains(QRectF(-179, -89, 358, 178))


def test_lines_use_cosmetic_pens(plot):
    widget, _layers = plot
    show(widget, FLORIDA)
    lines = [item for item in visible_paths(widget) if item.pen().style() != Qt.PenStyle.NoPen]
    assert lines and all(item.pen().isCosmetic() for item in lines)


def test_paths_paint_without_antialiasing_even_when_the_view_asks_for_it(qtbot):
    scene = QGraphicsScene()
    triangle = QPainterPath()
    triangle.addPolygon(QPolygonF([QPointF(0, 0), QPointF(97, 13), QPointF(31, 89)]))
    item = BasemapPathItem(triangle)
    item.setBrush(QBrush(QColor("black")))
    item.setPen(QPen(Qt.PenStyle.NoPen))
    scene.addItem(item)
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    scene.render(painter, QRectF(0, 0, 100, 100), QRectF(0, 0, 100, 100))
    painter.end()
    colors = {image.pixel(x, y) for x in range(100) for y in range(100)}
    assert colors == {QColor("black").rgb(), QColor("white").rgb()}
