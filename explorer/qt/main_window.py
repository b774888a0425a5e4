"""The main window: map in the centre, component docks left, nations and details right.

Qt only. Wires widgets to the ``ScenarioDocument``; owns menus, toolbar, status bar and the
window state kept in ``QSettings``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QDate, QSettings, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QWidget,
)
from shiboken6 import isValid

from explorer import __version__
from explorer.loaders.basemap import Basemap
from explorer.loaders.dataset_info import dataset_licence
from explorer.present.guide import about_html
from explorer.qt.change_menus import ChangeMenus
from explorer.qt.compare_panel import ComparePanel
from explorer.qt.component_tree import ComponentTree
from explorer.qt.crewed_launches_panel import CrewedLaunchesPanel
from explorer.qt.date_field import DateField, to_qdate
from explorer.qt.destination_box import DestinationBox
from explorer.qt.details_panel import DetailsPanel
from explorer.qt.document import ScenarioDocument
from explorer.qt.exports import Exports
from explorer.qt.help_dialog import show_help
from explorer.qt.map_view import MapView
from explorer.qt.nation_table import NationTable
from explorer.qt.scenario_dock import ScenarioDock
from explorer.qt.scenario_files import ScenarioFiles
from explorer.qt.theme import ThemeMenu
from explorer.qt.timeline_panel import TimelinePanel
from explorer.qt.toolbar_actions import toolbar_twin

STATE_VERSION = 2  # 2: Scenario and Compare docks


class MainWindow(QMainWindow):
    def __init__(
        self, document: ScenarioDocument, basemap: Basemap, persistent: bool = True
    ) -> None:
        """``persistent=False`` (headless screenshots): no autosave, no settings written."""
        super().__init__()
        self.setObjectName("main-window")
        self.document = document
        self.persistent = persistent
        self.setWindowTitle("Launch-Site Redundancy Explorer[*]")
        self.map_view = MapView(document, basemap, self)
        self.setCentralWidget(self.map_view)
        self.sites_tree = ComponentTree(document, "sites")
        self.vehicles_tree = ComponentTree(document, "vehicles")
        self.nation_table = NationTable(document)
        self.details = DetailsPanel(document)
        self.site_dock = self._dock(
            "dock-sites", "Sites and pads", self.sites_tree, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.vehicle_dock = self._dock(
            "dock-vehicles",
            "Vehicles and agreements",
            self.vehicles_tree,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.nation_dock = self._dock(
            "dock-nations",
            "Crewed access by nation",
            self.nation_table,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.details_dock = self._dock(
            "dock-details", "Details", self.details, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.timeline_panel = TimelinePanel(document)
        self.timeline_dock = self._dock(
            "dock-timeline", "Time", self.timeline_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.addActions(self.timeline_panel.event_actions())  # keys work with the dock hidden
        # Planning what-ifs: the list of dated changes, the comparison, the context menus.
        self.scenario_dock = self._dock(
            "dock-scenario",
            "Scenario",
            ScenarioDock(document),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.compare_dock = self._dock(
            "dock-compare",
            "Compare",
            ComparePanel(document),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.launches_dock = self._dock(
            "dock-crewed-launches",
            "Crewed launches",
            CrewedLaunchesPanel(document),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        # Under the details, one tab each: the timeline keeps the whole width under the map.
        self.tabifyDockWidget(self.scenario_dock, self.compare_dock)
        self.tabifyDockWidget(self.compare_dock, self.launches_dock)
        self.scenario_dock.raise_()
        self.change_menus = ChangeMenus(document, self)
        self.change_menus.install_on_map(self.map_view)
        for tree in (self.sites_tree, self.vehicles_tree):
            self.change_menus.install_on_tree(tree.tree)
            tree.detailsRequested.connect(self._on_tree_details_requested)
        # The side docks keep the full height; the timeline sits under the map.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.site_dock, self.nation_dock], [330, 480], Qt.Orientation.Horizontal)
        self.resizeDocks([self.site_dock, self.vehicle_dock], [520, 330], Qt.Orientation.Vertical)
        self.resizeDocks([self.nation_dock, self.details_dock], [300, 560], Qt.Orientation.Vertical)
        self.resizeDocks([self.timeline_dock], [230], Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.nation_dock, self.details_dock, self.scenario_dock],
            [260, 400, 200],
            Qt.Orientation.Vertical,
        )
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.scenario_files = ScenarioFiles(self, persistent)  # File menu, presets, autosave
        self.exports = Exports(self)  # File ▸ Export
        self.recompute_label = QLabel(self)
        self.recompute_label.setObjectName("status-recompute")
        self.statusBar().addPermanentWidget(self.recompute_label)
        self.statusBar().showMessage(
            f"{document.catalog.title} — dataset as of {document.catalog.as_of.isoformat()}"
        )
        document.reportChanged.connect(self._on_document_report_changed)
        document.dateChanged.connect(self._on_document_date_changed)
        document.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        document.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self._on_document_report_changed()

    # -- construction --------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setObjectName("action-undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setObjectName("action-redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.reset_action = self._action(
            "action-reset",
            "Re&set scenario",
            self.document.reset,
            QKeySequence("Ctrl+Shift+R"),
            "Switch every component back on",
        )
        self.quit_action = self._action(
            "action-quit", "&Quit", self.close, QKeySequence.StandardKey.Quit
        )
        self.find_action = self._action(
            "action-find", "&Find component…", self._focus_filter, QKeySequence.StandardKey.Find
        )
        self.zoom_in_action = self._action(
            "action-zoom-in", "Zoom &in", lambda: self._zoom(0.5), QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_out_action = self._action(
            "action-zoom-out",
            "Zoom &out",
            lambda: self._zoom(2.0),
            QKeySequence.StandardKey.ZoomOut,
        )
        self.world_action = self._action(
            "action-zoom-world", "&World view", self.map_view.show_world, QKeySequence("Ctrl+0")
        )
        self.florida_action = self._action(
            "action-zoom-florida",
            "Zoom to &Florida pads",
            lambda: self.map_view.show_area(-80.75, -80.5, 28.4, 28.65),
        )
        self.today_action = self._action(
            "action-today", "&Today", lambda: self.document.set_date(date.today())
        )
        self.about_action = self._action("action-about", "&About", self._about)
        self.help_action = self._action(
            "action-help",
            "&Guide and glossary",
            lambda: show_help(self),
            QKeySequence.StandardKey.HelpContents,
        )
        self.legend_action = QAction("Map &legend", self)
        self.legend_action.setObjectName("action-legend")
        self.legend_action.setStatusTip(
            "Show the map legend where it fits without covering land (untick and tick to force it)"
        )
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        self.legend_action.toggled.connect(self.map_view.set_legend_wanted)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main", self)
        bar.setObjectName("toolbar-main")
        # Short twins: the undo texts name the step and would widen the buttons (full text in
        # the tooltip and the Edit menu).
        bar.addAction(toolbar_twin(self.undo_action, "Undo", self))
        bar.addAction(toolbar_twin(self.redo_action, "Redo", self))
        bar.addAction(self.reset_action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Date: ")).setText("Date")
        self.date_edit = DateField(self.document.date, self)  # a typed ISO date as a whole
        self.date_edit.setObjectName("date-edit")
        self.date_edit.setAccessibleName("Date")
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        bar.addWidget(self.date_edit).setText("Date")
        bar.addAction(self.today_action)
        bar.addWidget(QLabel(" Destination: ")).setText("Destination")
        self.destination_box = DestinationBox(self.document, self)
        bar.addWidget(self.destination_box).setText("Destination")
        bar.addSeparator()
        bar.addAction(self.world_action)
        bar.addAction(self.florida_action)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.setObjectName("menu-file")
        file_menu.addAction(self.quit_action)
        edit = menus.addMenu("&Edit")
        edit.setObjectName("menu-edit")
        for action in (self.undo_action, self.redo_action, self.reset_action, self.find_action):
            edit.addAction(action)
        view = menus.addMenu("&View")
        view.setObjectName("menu-view")
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.world_action,
            self.florida_action,
            self.today_action,
            self.legend_action,
        ):
            view.addAction(action)
        view.addActions(self.timeline_panel.event_actions())
        self.theme_menu = ThemeMenu(self, view, self.persistent)  # View ▸ Theme
        view.addSeparator()
        docks = (
            self.site_dock,
            self.vehicle_dock,
            self.nation_dock,
            self.details_dock,
            self.timeline_dock,
            self.scenario_dock,
            self.compare_dock,
            self.launches_dock,
        )
        for dock in docks:
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"action-show-{dock.objectName()}")
            view.addAction(toggle)
        help_menu = menus.addMenu("&Help")
        help_menu.setObjectName("menu-help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

    # -- handlers ------------------------------------------------------------------------------
    def _on_document_report_changed(self) -> None:
        """Status bar: the date (flagged when past the dataset), pads, switches, recompute time."""
        report = self.document.report
        note = self.document.catalog.projection_note(report.day)
        self.recompute_label.setText(
            f"{report.day.isoformat()}{' (projected)' if note else ''} · "
            f"{len(report.usable_pads)} crew-capable pads · "
            f"{len(self.document.scenario.off)} switched off · "
            f"recomputed in {self.document.last_recompute_ms:.2f} ms"
        )
        self.recompute_label.setToolTip(note)

    def _on_document_date_changed(self) -> None:
        """Keep the date editor in step when the date changes elsewhere."""
        with QSignalBlocker(self.date_edit):
            self.date_edit.setDate(to_qdate(self.document.date))

    def _on_date_edit_date_changed(self, value: QDate) -> None:
        """The user picked a date."""
        self.document.set_date(date(value.year(), value.month(), value.day()))

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        """The [*] marker shows unsaved changes."""
        self.setWindowModified(not clean)

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        """Show what the last step did."""
        stack = self.document.undo_stack
        if not isValid(stack):  # the stack announces its own destruction; nothing to show
            return
        if stack.index() > 0:
            self.statusBar().showMessage(stack.text(stack.index() - 1), 4000)
        else:  # back to the start (undone, or a step merged away, as a double-click's date)
            self.statusBar().clearMessage()

    def _on_tree_details_requested(self, _component_id: str) -> None:
        """Enter on a tree row: its details (the selection already follows the row)."""
        self.details_dock.show()
        self.details_dock.raise_()

    def _focus_filter(self) -> None:
        self.site_dock.show()
        self.sites_tree.filter_edit.setFocus()
        self.sites_tree.filter_edit.selectAll()

    def _zoom(self, factor: float) -> None:
        self.map_view.getPlotItem().getViewBox().scaleBy((factor, factor))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        catalog = self.document.catalog
        QMessageBox.about(
            self,
            "About Launch-Site Redundancy Explorer",
            about_html(__version__, catalog.title, catalog.as_of, dataset_licence()),
        )

    # -- persistence ---------------------------------------------------------------------------
    def restore_state(self) -> bool:
        """Geometry and dock layout of the last session; False when there was none."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, STATE_VERSION)
        legend = settings.value("window/legend", True)
        self.legend_action.setChecked(legend not in (False, "false"))  # ini files keep text
        return isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.scenario_files.may_close():  # unsaved changes: Save / Discard / Cancel
            event.ignore()
            return
        if not self.persistent:
            super().closeEvent(event)
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(STATE_VERSION))
        settings.setValue("window/legend", self.legend_action.isChecked())
        super().closeEvent(event)
