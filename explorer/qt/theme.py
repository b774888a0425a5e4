"""View ▸ Theme: System, Light or Dark, applied at once and kept in the settings.

Qt only (plus ``styles`` and the basemap colours). The choice is one exclusive ``QActionGroup``;
picking an entry applies the palette to the whole application, lets the map take its
palette-derived colours again (basemap, legend, labels) and asks every view to restyle, then
writes ``view/theme`` — only for a persistent window: a headless screenshot's ``--theme`` shows
checked in the menu but never reaches the settings. ``restore_theme`` applies the saved
choice when the program starts (only the window's start calls it). With System chosen, the window
follows the desktop when it switches between light and dark while the program runs.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow, QMenu

from explorer.qt.styles import SYSTEM, THEMES, applied_theme, apply_theme

THEME_KEY = "view/theme"
THEME_TEXTS = {SYSTEM: "&System", "light": "&Light", "dark": "&Dark"}


def saved_theme() -> str:
    """The theme in the settings (``system`` when none or an unknown one is saved)."""
    value = QSettings().value(THEME_KEY, SYSTEM)
    return value if value in THEMES else SYSTEM


def restore_theme(app: QApplication) -> None:
    """Apply the saved theme (the window's start; headless commands never read settings)."""
    theme = saved_theme()
    apply_theme(app, None if theme == SYSTEM else theme)


def follow_palette(window) -> None:
    """Let the window's views take the application's new palette now, not at the next zoom."""
    # Qt posts the palette change to each widget: deliver it before reading their palettes.
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
    # Every view restyles from the report (markers are keyed by light/dark, the trees' status
    # text takes the palette's colours); the map's labels take the text colour when made.
    window.document.reportChanged.emit()
    window.map_view.follow_palette()
    # pyqtgraph views cache their background (CacheBackground): the old palette's, until reset.
    for view in window.findChildren(QGraphicsView):
        view.resetCachedContent()
        view.viewport().update()


class ThemeMenu(QObject):
    """The View ▸ Theme submenu of ``window``."""

    def __init__(self, window: QMainWindow, view_menu: QMenu, persistent: bool) -> None:
        super().__init__(window)
        self.window = window
        self.persistent = persistent
        self.menu = view_menu.addMenu("&Theme")
        self.menu.setObjectName("menu-theme")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        current = applied_theme(cast(QApplication, QApplication.instance()))
        for theme in THEMES:
            action = QAction(THEME_TEXTS[theme], self.menu)
            action.setObjectName(f"action-theme-{theme}")
            action.setStatusTip(
                "Follow the desktop's colour scheme" if theme == SYSTEM else f"{theme} colours"
            )
            action.setCheckable(True)
            action.setChecked(theme == current)
            action.setData(theme)
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[theme] = action
        self.group.triggered.connect(self._on_group_triggered)
        hints = cast(QApplication, QApplication.instance()).styleHints()
        hints.colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)

    def _on_group_triggered(self, action: QAction) -> None:
        """Apply the chosen theme at once; remember it (a persistent window only)."""
        theme = action.data()
        app = cast(QApplication, QApplication.instance())
        apply_theme(app, None if theme == SYSTEM else theme)
        follow_palette(self.window)
        if self.persistent:
            QSettings().setValue(THEME_KEY, theme)

    def _on_style_hints_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: follow it when the theme is System."""
        app = cast(QApplication, QApplication.instance())
        if applied_theme(app) == SYSTEM:
            apply_theme(app, None, scheme)
            follow_palette(self.window)
