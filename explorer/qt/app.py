"""Start the window: application object, theme, data loading with friendly errors.

Qt only (plus the loaders). ``run_window`` is what ``python main.py`` calls.
"""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer import __version__
from explorer.domain.catalog import Catalog
from explorer.domain.scenario import Scenario
from explorer.loaders.basemap import BasemapError, load_basemap
from explorer.loaders.catalog import CatalogError, load_catalog
from explorer.paths import resources_dir
from explorer.qt.document import ScenarioDocument
from explorer.qt.main_window import MainWindow
from explorer.qt.styles import apply_theme


def application(argv: list[str] | None = None, theme: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
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


def build_window(catalog: Catalog, day: date, scenario: Scenario | None = None) -> MainWindow:
    document = ScenarioDocument(catalog, day)
    if scenario is not None and (scenario.off or scenario.destination):
        document.apply_scenario(scenario, "Apply scenario")
        document.undo_stack.setClean()
    return MainWindow(document, load_basemap())


def run_window() -> int:
    app = application()
    try:
        catalog = load_catalog()
        window = build_window(catalog, date.today())
    except (CatalogError, BasemapError) as exc:
        QMessageBox.critical(None, "Cannot start", f"The program's data cannot be read:\n{exc}")
        return 2
    if not window.restore_state():
        # First start: most of the screen, so the map is not squeezed between the docks.
        screen = app.primaryScreen().availableGeometry()
        window.resize(max(1200, screen.width() * 9 // 10), max(760, screen.height() * 9 // 10))
    window.show()
    window.scenario_files.offer_recovery()  # only here: screenshots and tests never prompt
    return app.exec()
