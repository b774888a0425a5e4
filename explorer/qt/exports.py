"""The File ▸ Export menu: map as PNG/SVG, nation table as CSV, report as HTML/PDF, fault tree.

Qt only (plus the domain). ``Exports`` is attached by ``MainWindow`` with one line. Each export
is a plain method taking a path (``export_map_png`` …) that tests call directly; the menu
actions ask for the path through ``ask_path`` and for the nation through ``ask_nation``, both
replaceable callables. Errors become one-line warnings through ``warn``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QSettings, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from explorer.domain.errors import ExplorerError
from explorer.domain.fault_tree import mef_xml
from explorer.present.html_report import ReportText
from explorer.present.nation_csv import nations_csv
from explorer.qt.map_export import document_caption
from explorer.qt.nation_table import ID_ROLE
from explorer.qt.report import map_image, save_bytes, save_map_png, save_map_svg, write_report
from explorer.qt.scenario_files import APP_NAME, can_ask

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

FOLDER_KEY = "exports/folder"


class Exports(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("exports")
        self.window = window
        self.document = window.document
        self.ask_path = self._ask_path
        self.ask_nation = self._ask_nation
        self.warn = self._warn
        menu = QMenu("&Export", window)
        menu.setObjectName("menu-export")
        self.menu = menu
        self.actions: dict[str, QAction] = {}
        for name, text, suffix, slot in (
            ("map-png", "Map as &PNG image…", ".png", self.export_map_png),
            ("map-png-2x", "Map as PNG image, &2× resolution…", ".png", self.export_map_png_2x),
            ("map-svg", "Map as &SVG drawing…", ".svg", self.export_map_svg),
            ("nations-csv", "Nation table as &CSV…", ".csv", self.export_nations_csv),
            ("report-html", "Report as &HTML…", ".html", self.export_report),
            ("report-pdf", "Report as P&DF…", ".pdf", self.export_report),
        ):
            action = QAction(text, window)
            action.setObjectName(f"action-export-{name}")
            action.setStatusTip(text.replace("&", "").rstrip("…"))
            action.triggered.connect(lambda _=False, s=suffix, f=slot: self._run(s, f))
            menu.addAction(action)
            window.addAction(action)
            self.actions[name] = action
        # The fault tree is of one nation: which one comes first, then where to write it.
        mef = QAction("Fault tree of a nation (Open-PSA &MEF)…", window)
        mef.setObjectName("action-export-mef")
        mef.setStatusTip("Fault tree of a nation (Open-PSA MEF)")
        mef.triggered.connect(lambda _=False: self._export_mef_asked())
        menu.addAction(mef)
        window.addAction(mef)
        self.actions["mef"] = mef
        file_menu = cast(QMenu, window.findChild(QMenu, "menu-file"))
        file_menu.insertMenu(window.quit_action, menu)
        file_menu.insertSeparator(window.quit_action)

    # -- exports ---------------------------------------------------------------------------------
    def caption(self) -> str:
        """Date, scenario title (or "Baseline") and dataset as-of, under every exported map."""
        return document_caption(self.document)

    def export_map_png(self, path: str | Path, scale: float = 1.0) -> Path:
        """The map as on screen, legend and caption below, at ``scale`` × the screen's pixels
        (on a high-density screen 1× is already its device pixels)."""
        view = self.window.map_view
        return save_map_png(view, path, self.caption(), scale * view.devicePixelRatioF())

    def export_map_png_2x(self, path: str | Path) -> Path:
        return self.export_map_png(path, 2.0)

    def export_map_svg(self, path: str | Path) -> Path:
        return save_map_svg(self.window.map_view, path, self.caption())

    def export_nations_csv(self, path: str | Path) -> Path:
        """The nation table in the order shown, under a header naming date, scenario, dataset."""
        proxy = self.window.nation_table.proxy
        order = [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]
        document = self.document
        summary = document.overview()
        text = nations_csv(document.view_catalog, summary, document.state.title, order)
        return save_bytes(path, text.encode("utf-8"))

    def report_text(self) -> ReportText:
        files = getattr(self.window, "scenario_files", None)
        return files.text if files is not None else ReportText()

    def export_report(self, path: str | Path) -> Path:
        """HTML or PDF (by suffix) with the map as it is on screen now."""
        image = map_image(self.window.map_view)
        catalog = self.document.view_catalog
        return write_report(path, catalog, self.document.report, image, self.report_text())

    def export_mef(self, path: str | Path, nation: str, level=None) -> Path:
        catalog = self.document.view_catalog
        xml = mef_xml(catalog, self.document.report, nation, level)
        return save_bytes(path, xml.encode("utf-8"))

    def _export_mef_asked(self) -> Path | None:
        """Ask for the nation (the selected one offered first), then for the file."""
        selection = self.document.selection
        nations = [n.nation for n in self.document.report.nations]
        nation = self.ask_nation(selection if selection in nations else None)
        if not nation:
            return None
        return self._run(
            ".xml", lambda path: self.export_mef(path, nation), f"-{nation.lower()}-fault-tree"
        )

    # -- plumbing --------------------------------------------------------------------------------
    def _run(
        self, suffix: str, export: Callable[[Path], Path | None], tail: str = ""
    ) -> Path | None:
        """Ask for a file (named ``…{tail}{suffix}``), export, report success or one line."""
        answer = self.ask_path(suffix, tail) if tail else self.ask_path(suffix)
        if not answer:
            return None
        path = Path(answer)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            written = export(path)
        except ExplorerError as exc:
            message = str(exc)
            self.warn(message if message.startswith(path.name) else f"{path.name}: {message}")
            return None
        except KeyError as exc:  # a nation id the report does not have
            self.warn(f"{path.name}: cannot export (unknown nation {exc})")
            return None
        if written is not None:
            if self.window.persistent:
                QSettings().setValue(FOLDER_KEY, str(path.parent))
            self.window.statusBar().showMessage(f"Exported {written}", 6000)
        return written

    def _folder(self) -> str:
        folder = cast(str, QSettings().value(FOLDER_KEY, "", type=str))
        if folder and Path(folder).is_dir():
            return folder
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _ask_path(self, suffix: str, tail: str = "") -> str | None:
        if not can_ask():
            return None
        stem = f"launch-sites-{self.document.date.isoformat()}{tail}"
        kinds = {".png": "PNG image", ".svg": "SVG drawing", ".csv": "CSV table"}
        kinds.update({".html": "HTML page", ".pdf": "PDF document", ".xml": "Open-PSA MEF"})
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export",
            str(Path(self._folder()) / f"{stem}{suffix}"),
            f"{kinds[suffix]} (*{suffix})",
        )
        return path or None

    def _ask_nation(self, default: str | None = None) -> str | None:
        """A choice among the report's nations, ``default`` (the selected nation) preselected."""
        if not can_ask():
            return None
        report = self.document.report
        ids = [n.nation for n in report.nations]
        labels = [f"{n.name} ({n.nation})" for n in report.nations]
        current = ids.index(default) if default in ids else 0
        label, ok = QInputDialog.getItem(
            self.window, "Fault tree", "Fault tree of the crewed access of:", labels, current, False
        )
        return ids[labels.index(label)] if ok and label in labels else None

    def _warn(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        if can_ask():
            QMessageBox.warning(self.window, APP_NAME, message)
