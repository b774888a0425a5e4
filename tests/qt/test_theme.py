"""View ▸ Theme: System / Light / Dark, applied at once, kept in the settings, restored on start;
headless screenshots take ``--theme`` and never read or write the settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from factories import BEFORE
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from explorer.qt.app import application, build_window
from explorer.qt.basemap_item import BasemapColors
from explorer.qt.styles import dark_palette, is_dark
from explorer.qt.theme import THEME_KEY, restore_theme, saved_theme

ROOT = Path(__file__).resolve().parents[2]
DARK_WATER = BasemapColors.for_palette(dark_palette()).water.name()


@pytest.fixture
def window(make_window):
    return make_window((1280, 720))


def _theme_actions(window):
    menu = window.menuBar().findChild(QMenu, "menu-theme")
    assert menu is not None and menu.title() == "&Theme"
    assert menu.menuAction() in window.menuBar().findChild(QMenu, "menu-view").actions()
    return {a.data(): a for a in menu.actions()}


def test_the_view_menu_offers_system_light_and_dark_one_at_a_time(window):
    actions = _theme_actions(window)
    assert list(actions) == ["system", "light", "dark"]
    assert all(a.isCheckable() and a.actionGroup().isExclusive() for a in actions.values())
    assert [a.isChecked() for a in actions.values()] == [False, True, False]  # light, as made


def test_choosing_dark_applies_at_once_and_is_kept_in_the_settings(window, qtbot):
    actions = _theme_actions(window)
    actions["dark"].trigger()
    assert is_dark(QApplication.instance().palette())
    assert is_dark(window.sites_tree.tree.palette())
    view_box = window.map_view.getPlotItem().getViewBox()
    assert view_box.background.brush().color().name() == DARK_WATER
    assert window.map_view.layers.colors.water.name() == DARK_WATER
    assert actions["dark"].isChecked() and not actions["light"].isChecked()
    assert QSettings().value(THEME_KEY) == "dark"
    actions["light"].trigger()
    assert not is_dark(QApplication.instance().palette())
    assert view_box.background.brush().color().name() != DARK_WATER
    assert QSettings().value(THEME_KEY) == "light"


def test_the_saved_theme_is_restored_on_start(qapp):
    QSettings().setValue(THEME_KEY, "dark")
    app = application(theme="light")
    restore_theme(app)
    assert is_dark(app.palette())
    QSettings().setValue(THEME_KEY, "nonsense")
    assert saved_theme() == "system"


def test_a_window_that_is_not_persistent_never_writes_the_theme(qtbot, catalog, basemap):
    application(theme="dark")
    win = build_window(catalog, BEFORE, basemap=basemap, persistent=False)
    qtbot.addWidget(win)
    actions = _theme_actions(win)
    assert actions["dark"].isChecked()  # what --theme chose shows in the menu
    actions["light"].trigger()
    assert not is_dark(QApplication.instance().palette())
    assert QSettings().value(THEME_KEY) is None


def test_headless_screenshots_neither_read_nor_write_the_theme_setting(tmp_path):
    config = tmp_path / "config"
    folder = config / "LaunchSiteExplorer"
    folder.mkdir(parents=True)
    ini = folder / "Launch-Site Redundancy Explorer.conf"
    ini.write_text("[view]\ntheme=dark\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    for args in ((), ("--theme", "dark")):
        out = tmp_path / f"shot{len(args)}.png"
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "screenshot", "--out", str(out), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        corner = QImage(str(out)).pixelColor(2, 2)  # the menu bar's window colour
        assert (corner.lightness() < 128) == bool(args), args  # the setting is not read
    assert ini.read_text() == "[view]\ntheme=dark\n"  # nor written
    assert sorted(p.name for p in folder.iterdir()) == [ini.name]


def test_switching_theme_keeps_the_style_that_outlines_check_boxes(window):
    _theme_actions(window)["dark"].trigger()
    style = QApplication.instance().style()
    assert type(style).__name__ == "ExplorerStyle"
    base = window.sites_tree.tree.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 64


def _mean_lightness(widget) -> float:
    image = widget.grab().toImage()
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    ]
    return sum(values) / len(values)


def test_the_charts_repaint_in_the_new_palette_at_once(window, qtbot):
    chart = window.timeline_panel.chart
    assert _mean_lightness(chart) > 128
    _theme_actions(window)["dark"].trigger()
    assert _mean_lightness(chart) < 128
    assert _mean_lightness(window.map_view) < 128


def test_the_map_legend_is_built_again_in_the_new_palette(make_window):
    import pyqtgraph as pg

    window = make_window((1920, 1080))  # wide enough for the legend
    shown = window.map_view.legend.isVisible()
    light_text = window.map_view.legend.current.opts["labelTextColor"].name()
    _theme_actions(window)["dark"].trigger()
    legend = window.map_view.legend
    scene = window.map_view.scene()
    # The light variants are gone from the scene; only the dark one just built is there.
    assert [i for i in scene.items() if isinstance(i, pg.LegendItem)] == [legend.current]
    assert legend.current.opts["labelTextColor"].name() != light_text
    assert legend.current.opts["labelTextColor"].lightness() > 128  # light text on the dark map
    assert shown and legend.isVisible()  # shown as before, folded to fit


def test_system_follows_the_desktop_switching_to_dark_and_a_chosen_theme_does_not(window):
    actions = _theme_actions(window)
    hints = QApplication.instance().styleHints()
    actions["system"].trigger()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the desktop announces
    assert is_dark(QApplication.instance().palette())
    assert window.map_view.layers.colors.water.name() == DARK_WATER
    assert actions["system"].isChecked()
    actions["light"].trigger()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(QApplication.instance().palette())
