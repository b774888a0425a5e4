"""Context menus that make dated what-if changes: right-click a pad marker or a tree row for
*Switch off*, *Outage…* and *Crew-rate from…*; right-click empty map for *Add hypothetical pad
here* and *Region outage here…*.

Qt only (plus the domain). Installed from outside on the map and the trees, so those widgets
stay unaware of it; every accepted menu item is one document step (``set_enabled`` or
``add_change``).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QTreeWidget, QWidget

from explorer.domain.catalog import UnknownIdError
from explorer.domain.changes import (
    CrewRating,
    HypotheticalPad,
    Outage,
    RegionOutage,
    Window,
)
from explorer.domain.effective import RATED
from explorer.qt.change_dialog import edit_change
from explorer.qt.document import ScenarioDocument

ID_ROLE = Qt.ItemDataRole.UserRole  # the trees keep the component id here
REGION_KM = 100.0
REGION_DAYS = 21


def _in_root(catalog, component_id: str) -> bool:
    try:
        catalog.root.get(component_id)
    except UnknownIdError:
        return False
    return True


class ChangeMenus(QObject):
    def __init__(self, document: ScenarioDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self._parent = parent
        self.last_menu: QMenu | None = None  # for tests

    # -- installation --------------------------------------------------------------------------
    def install_on_map(self, map_view) -> None:
        self._map = map_view
        map_view.scene().sigMouseClicked.connect(self._on_map_scene_mouse_clicked)

    def install_on_tree(self, tree: QTreeWidget) -> None:
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(lambda pos, t=tree: self._on_tree_menu(t, pos))

    # -- menus ---------------------------------------------------------------------------------
    def component_menu(self, component_id: str) -> QMenu:
        """Switch off / Outage… / Crew-rate from… for one component."""
        catalog = self.document.view_catalog
        menu = QMenu(self._parent)
        menu.setObjectName("menu-component")
        name = catalog.get(component_id).name
        menu.addSection(name)
        enabled = self.document.is_enabled(component_id)
        toggle = menu.addAction("Switch &on" if not enabled else "Switch &off")
        toggle.setObjectName("action-switch-off")
        # A hypothetical record is taken out by an outage (it lives in the scenario's changes).
        toggle.setEnabled(_in_root(catalog, component_id))
        toggle.triggered.connect(lambda: self.document.set_enabled(component_id, not enabled))
        outage = menu.addAction("&Outage…")
        outage.setObjectName("action-outage")
        outage.triggered.connect(lambda: self.new_outage(component_id))
        rate = menu.addAction("&Crew-rate from…")
        rate.setObjectName("action-crew-rate")
        rate.setEnabled(catalog.kind_of(component_id) in RATED)
        rate.triggered.connect(lambda: self.new_crew_rating(component_id))
        self.last_menu = menu
        return menu

    def empty_map_menu(self, lat: float, lon: float) -> QMenu:
        menu = QMenu(self._parent)
        menu.setObjectName("menu-map")
        menu.addSection(f"{lat:.3f}°, {lon:.3f}°")
        pad = menu.addAction("Add &hypothetical pad here…")
        pad.setObjectName("action-hypothetical-pad")
        pad.triggered.connect(lambda: self.new_pad(lat, lon))
        region = menu.addAction("&Region outage here…")
        region.setObjectName("action-region-outage")
        region.triggered.connect(lambda: self.new_region(lat, lon))
        self.last_menu = menu
        return menu

    # -- new changes (each through the change dialog) --------------------------------------
    def _add(self, change) -> None:
        catalog = self.document.view_catalog
        edited = edit_change(self._parent, catalog, change, self.document.date)
        if edited is not None:
            self.document.add_change(edited)

    def new_outage(self, component_id: str) -> None:
        self._add(Outage(component_id, Window(self.document.date, None)))

    def new_crew_rating(self, component_id: str) -> None:
        self._add(CrewRating(component_id, self.document.date))

    def new_region(self, lat: float, lon: float) -> None:
        day = self.document.date
        self._add(RegionOutage(lat, lon, REGION_KM, Window(day, day + timedelta(REGION_DAYS))))

    def new_pad(self, lat: float, lon: float) -> None:
        catalog = self.document.view_catalog
        number = 1
        while True:
            pad_id = f"hypothetical-pad-{number}"
            try:
                catalog.get(pad_id)
            except UnknownIdError:
                break
            number += 1
        self._add(
            HypotheticalPad(pad_id, f"Hypothetical pad {number}", lat, lon, (), self.document.date)
        )

    # -- handlers ------------------------------------------------------------------------------
    def _on_map_scene_mouse_clicked(self, event) -> None:
        """A right-click on a marker or on empty map opens the matching menu."""
        if event.button() != Qt.MouseButton.RightButton:
            return
        view_box = self._map.getPlotItem().getViewBox()
        point = view_box.mapSceneToView(event.scenePos())
        spots = self._map.pad_item.pointsAt(point)
        if len(spots):
            pads = spots[0].data()
            if len(pads) == 1:
                menu = self.component_menu(pads[0])
            else:  # a cluster: one submenu per pad
                menu = QMenu(self._parent)
                for pad_id in pads:
                    sub = self.component_menu(pad_id)
                    sub.setTitle(sub.actions()[0].text() or pad_id)
                    menu.addMenu(sub)
                self.last_menu = menu
        else:
            lon = (point.x() + 180) % 360 - 180
            lat = max(-90.0, min(90.0, point.y()))
            menu = self.empty_map_menu(lat, lon)
        event.accept()
        menu.popup(QCursor.pos())

    def _on_tree_menu(self, tree: QTreeWidget, pos: QPoint) -> None:
        """A right-click on a component row opens its menu."""
        item = tree.itemAt(pos)
        component_id = item.data(0, ID_ROLE) if item is not None else None
        if not component_id:
            return
        self.component_menu(component_id).popup(tree.viewport().mapToGlobal(pos))
