"""Basemap benchmark: load time and frame times of the pyqtgraph basemap, against geopandas.

Renders a 1600x900 ``PlotWidget`` offscreen (axes hidden, ten nations shaded), moving the
view before every frame so each frame pays for the range change (level of detail, tiles,
transforms) as a pan does. The baseline is what one would write without the derived
basemap: ``GeoDataFrame.plot()`` of the Natural Earth 10m layers with matplotlib at the same
pixel size, rendered to a raw buffer (no PNG encoding, as the Qt frame has none). Needs
matplotlib (benchmark-only) and ``../shared/naturalearth`` for the baseline; prints nothing
and returns the numbers. Imports Qt lazily, inside :func:`run`.
"""

from __future__ import annotations

import functools
import io
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from explorer.loaders.basemap import load_basemap

WIDTH_PX, HEIGHT_PX = 1600, 900
WORLD = (0.0, 0.0)
FLORIDA = (-80.7, 28.5)  # Cape Canaveral / Kennedy pads
SHADED = ("USA", "RUS", "CHN", "IND", "FRA", "JPN", "CAN", "KAZ", "BRA", "AUS")
# Zoom sweep centres; the dense coasts of Norway and the Canadian Arctic are the worst case.
SWEEP_CENTRES = {
    "florida": FLORIDA,
    "europe": (10.0, 50.0),
    "norway": (15.0, 66.0),
    "arctic": (-90.0, 72.0),
}
SWEEP_WIDTHS_DEG = (360.0, 240.0, 160.0, 100.0, 60.0, 32.0, 20.0, 10.0, 4.0, 1.0, 0.2)


def _median_ms(samples: Sequence[float]) -> float:
    return round(statistics.median(samples) * 1000.0, 2)


def _time(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def _view(centre: tuple[float, float], width_deg: float) -> tuple[float, float, float, float]:
    height_deg = width_deg * HEIGHT_PX / WIDTH_PX
    lon, lat = centre
    return lon - width_deg / 2, lon + width_deg / 2, lat - height_deg / 2, lat + height_deg / 2


class _Canvas:
    """A PlotWidget with the basemap, rendered into a QImage on demand."""

    def __init__(self) -> None:
        from PySide6 import QtGui, QtWidgets

        import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

        from explorer.qt.basemap_item import BasemapColors, BasemapLayers

        self._qt_gui = QtGui
        existing = QtWidgets.QApplication.instance()
        self.app = (
            existing if isinstance(existing, QtWidgets.QApplication) else QtWidgets.QApplication([])
        )
        self.widget = pg.PlotWidget()
        self.widget.resize(WIDTH_PX, HEIGHT_PX)
        plot = self.widget.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        self.view_box = plot.getViewBox()
        self.view_box.setAspectLocked(True)
        colors = BasemapColors.for_palette(self.app.palette())
        self.layers = BasemapLayers(plot, load_basemap(), colors)
        tints = [QtGui.QColor(0, 114, 178, 90), QtGui.QColor(230, 159, 0, 90)]
        self.layers.shading.set_brushes(
            {code: QtGui.QBrush(tints[i % 2]) for i, code in enumerate(SHADED)}
        )
        self.image = QtGui.QImage(
            WIDTH_PX, HEIGHT_PX, QtGui.QImage.Format.Format_ARGB32_Premultiplied
        )
        self.widget.show()
        self.app.processEvents()

    def frame(self, centre: tuple[float, float], width_deg: float) -> None:
        """Set the range and render one frame."""
        lon0, lon1, lat0, lat1 = _view(centre, width_deg)
        self.view_box.setRange(xRange=(lon0, lon1), yRange=(lat0, lat1), padding=0)
        painter = self._qt_gui.QPainter(self.image)
        self.widget.render(painter)
        painter.end()

    def panning_ms(
        self, centre: tuple[float, float], width_deg: float, repeat: int = 15
    ) -> tuple[float, str]:
        """Median ms per frame while panning by 1% of the width, and the level shown."""
        step = [0]

        def frame() -> None:
            step[0] += 1
            shift = width_deg * 0.01 * (1 if step[0] % 2 else -1)
            self.frame((centre[0] + shift, centre[1]), width_deg)

        for _ in range(3):  # the first frames build the tiles' paths: see cold_jump_ms
            frame()
        median = _median_ms(_time(frame, repeat))
        level = self.layers.level
        return median, level.name if level is not None else "-"


def _geopandas_frames(
    naturalearth: Path, views: dict[str, tuple[float, float, float, float]], repeat: int = 3
) -> tuple[dict[str, float], float]:
    """Median ms per view of gdf.plot() of the same layers + savefig, and the read time."""
    import geopandas as gpd
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    start = time.perf_counter()
    ten = naturalearth / "10m"
    land = gpd.read_file(ten / "ne_10m_land.shp")
    lakes = gpd.read_file(ten / "ne_10m_lakes.shp")
    coast = gpd.read_file(ten / "ne_10m_coastline.shp")
    borders = gpd.read_file(ten / "ne_10m_admin_0_boundary_lines_land.shp")
    countries = gpd.read_file(naturalearth / "110m" / "ne_110m_admin_0_countries.shp")
    shaded = countries[countries["ADM0_A3"].isin(SHADED)]
    read_s = time.perf_counter() - start

    figure = plt.figure(figsize=(WIDTH_PX / 100, HEIGHT_PX / 100), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    results = {}
    for name, (lon0, lon1, lat0, lat1) in views.items():

        def frame(x0: float = lon0, x1: float = lon1, y0: float = lat0, y1: float = lat1) -> None:
            axes.clear()
            axes.set_facecolor("#c9dcea")
            land.plot(ax=axes, color="#f3f0e8", linewidth=0)
            shaded.plot(ax=axes, color="#0072b2", alpha=0.35, linewidth=0)
            lakes.plot(ax=axes, color="#d3e3ef", linewidth=0)
            coast.plot(ax=axes, color="#7d9cb3", linewidth=0.5)
            borders.plot(ax=axes, color="#a39b93", linewidth=0.5)
            axes.set_xlim(x0, x1)
            axes.set_ylim(y0, y1)
            figure.savefig(io.BytesIO(), format="raw", dpi=100)

        results[name] = _median_ms(_time(frame, repeat))
    plt.close(figure)
    return results, read_s


def run(naturalearth: Path | None = None) -> dict[str, Any]:
    """Measure load time, Qt frame times (world, Florida, zoom sweep) and the geopandas ratio."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Next to the checkout, as scripts/build_basemap.py expects it.
    source = naturalearth or Path(__file__).resolve().parents[3] / "shared" / "naturalearth"

    load_ms = _median_ms(_time(load_basemap, 10))
    canvas = _Canvas()
    # First frame after jumping to a region never shown: it builds that region's tiles.
    cold = {
        name: _median_ms(_time(functools.partial(canvas.frame, centre, width), 1))
        for name, centre, width in (
            ("world", WORLD, 360.0),
            ("florida@1deg", FLORIDA, 1.0),
            ("norway@20deg", SWEEP_CENTRES["norway"], 20.0),
        )
    }
    world_ms, world_level = canvas.panning_ms(WORLD, 360.0, repeat=31)
    florida_ms, florida_level = canvas.panning_ms(FLORIDA, 1.0, repeat=31)
    sweep = {
        f"{place}@{width:g}deg": canvas.panning_ms(centre, width, repeat=9)
        for place, centre in SWEEP_CENTRES.items()
        for width in SWEEP_WIDTHS_DEG
    }
    worst_view, (worst_ms, worst_level) = max(sweep.items(), key=lambda item: item[1][0])

    results: dict[str, Any] = {
        "load_basemap_ms": load_ms,
        "world_frame_ms": world_ms,
        "world_level": world_level,
        "florida_1deg_frame_ms": florida_ms,
        "florida_level": florida_level,
        "cold_jump_ms": cold,
        "sweep_worst": {"view": worst_view, "frame_ms": worst_ms, "level": worst_level},
        "sweep_frame_ms": {view: ms for view, (ms, _level) in sweep.items()},
    }
    if (source / "10m" / "ne_10m_land.shp").exists():
        views = {"world": _view(WORLD, 360.0), "florida": _view(FLORIDA, 1.0)}
        baseline, read_s = _geopandas_frames(source, views)
        results["geopandas_read_s"] = round(read_s, 2)
        results["geopandas_world_frame_ms"] = baseline["world"]
        results["geopandas_florida_frame_ms"] = baseline["florida"]
        results["speedup_world"] = round(baseline["world"] / world_ms, 1)
        results["speedup_florida"] = round(baseline["florida"] / florida_ms, 1)
    else:
        results["geopandas"] = f"skipped: no Natural Earth layers in {source}"
    return results
