"""Start the window: application object, theme, data loading with friendly errors.

Qt only (plus the loaders). ``run_window`` is what ``python main.py`` calls.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import cast

from PySide6.QtCore import QMessageLogContext, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer import __version__
from explorer.domain.catalog import Catalog
from explorer.domain.scenario import Scenario
from explorer.domain.timespan import clamp_day
from explorer.loaders.basemap import Basemap, BasemapError, load_basemap
from explorer.loaders.catalog import CatalogError, load_catalog
from explorer.paths import resources_dir
from explorer.qt.document import DEFAULT_UNDO_LIMIT, ScenarioDocument
from explorer.qt.main_window import MainWindow
from explorer.qt.styles import apply_theme
from explorer.qt.theme import restore_theme

UNDO_LIMIT_KEY = "document/undo-limit"  # steps kept by the undo stack (a setting)


def _on_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages to stderr, less the one the offscreen platform prints on every window."""
    if message.startswith("This plugin does not support propagateSizeHints"):
        return
    print(message, file=sys.stderr)


def application(argv: list[str] | None = None, theme: str | None = None) -> QApplication:
    existing = cast("QApplication | None", QApplication.instance())
    if existing is None and os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        qInstallMessageHandler(_on_qt_message)  # headless commands print one line on error
    app = existing or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("LaunchSiteExplorer")
    app.setApplicationName("Launch-Site Redundancy Explorer")
    app.setApplicationVersion(__version__)
    # Wayland compositors match windows to the installed .desktop entry (and its icon) by this.
    app.setDesktopFileName("launch-site-explorer")
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("launch-site-explorer-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    apply_theme(app, theme)
    return app


def build_window(
    catalog: Catalog,
    day: date,
    scenario: Scenario | None = None,
    basemap: Basemap | None = None,
    persistent: bool = True,
) -> MainWindow:
    """The main window on ``day``; ``persistent=False`` writes no autosave and no settings.

    The basemap is read from disk unless given (tests share one).
    """
    limit = (
        cast(int, QSettings().value(UNDO_LIMIT_KEY, DEFAULT_UNDO_LIMIT, type=int))
        if persistent
        else 50
    )
    document = ScenarioDocument(catalog, clamp_day(day), undo_limit=limit)
    if scenario is not None and scenario != document.scenario:
        document.apply_scenario(scenario, "Apply scenario")
        document.undo_stack.setClean()
    return MainWindow(document, basemap or load_basemap(), persistent)


def run_window() -> int:
    app = application()
    restore_theme(app)  # View ▸ Theme of the last session
    try:
        catalog = load_catalog()
        window = build_window(catalog, date.today())
    except (CatalogError, BasemapError) as exc:  # a dialog, not a traceback
        QMessageBox.critical(None, "Cannot start", f"The program's data cannot be read:\n{exc}")
        return 2
    if not window.restore_state():
        # First start: most of the screen, so the map is not squeezed between the docks.
        screen = app.primaryScreen().availableGeometry()
        window.resize(max(1200, screen.width() * 9 // 10), max(760, screen.height() * 9 // 10))
    window.show()
    window.scenario_files.offer_recovery()  # only here: screenshots and tests never prompt
    return app.exec()
