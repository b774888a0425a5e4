"""The Crewed launches dock: every crewed launch by name, sortable, filterable; picking one
moves the window to its date and selects its pad."""

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from explorer.qt.crewed_launches_panel import CrewedLaunchesPanel


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


@pytest.fixture
def panel(window) -> CrewedLaunchesPanel:
    dock = window.findChild(QDockWidget, "dock-crewed-launches")
    assert dock is not None
    return dock.widget()


def _select_row(panel, row: int) -> None:
    panel.table.selectionModel().select(
        panel.proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_the_dock_is_a_tab_beside_compare_with_a_view_menu_toggle(window):
    dock = window.findChild(QDockWidget, "dock-crewed-launches")
    assert dock.windowTitle() == "Crewed launches"
    assert dock in window.tabifiedDockWidgets(window.compare_dock)
    view = window.menuBar().findChild(QMenu, "menu-view")
    toggle = window.findChild(QAction, "action-show-dock-crewed-launches")
    assert toggle in view.actions()
    toggle.trigger()
    assert dock.isHidden()
    toggle.trigger()
    assert not dock.isHidden()


def test_every_crewed_launch_is_listed_by_name_in_date_order(window, panel, catalog):
    assert panel.proxy.rowCount() == len(catalog.crewed_launches) > 300
    shown = panel.shown_launches()
    assert [launch.day for launch in shown] == sorted(launch.day for launch in shown)
    first = panel.proxy
    cells = [first.index(0, column).data() for column in range(first.columnCount())]
    assert cells == [
        "1961-04-12",
        "Vostok 1",
        "Soviet Union",  # in 1961: the nation's name on the launch date
        catalog.get("vostok").name,
        catalog.get("vostok-k").name,
        cells[5],
        "success",
    ]
    assert catalog.get("baikonur-1-5").name in cells[5]
    assert "baikonur-1-5" not in cells  # names, not ids
    assert panel.count_label.text() == f"{len(catalog.crewed_launches)} crewed launches"


def test_the_filter_matches_mission_nation_vehicle_and_pad_names(panel, catalog):
    panel.filter_edit.setText("Shenzhou")
    shenzhou = [launch for launch in catalog.crewed_launches if "Shenzhou" in launch.mission]
    assert len(shenzhou) > 10
    assert panel.shown_launches() == sorted(shenzhou, key=lambda launch: launch.day)
    assert (
        panel.count_label.text()
        == f"{len(shenzhou)} of {len(catalog.crewed_launches)} crewed launches"
    )
    panel.filter_edit.setText("china")  # a nation's name
    assert len(panel.shown_launches()) == len(
        [launch for launch in catalog.crewed_launches if launch.nation == "CN"]
    )
    panel.filter_edit.setText("Site 31/6")  # a pad's name
    assert panel.shown_launches()
    assert all(launch.pad == "baikonur-31-6" for launch in panel.shown_launches())
    panel.filter_edit.setText("falcon dragon")  # every word must match
    assert panel.shown_launches()
    assert all(launch.launch_vehicle.startswith("falcon") for launch in panel.shown_launches())
    panel.filter_edit.clear()
    assert panel.proxy.rowCount() == len(catalog.crewed_launches)


def test_selecting_a_launch_sets_its_date_and_selects_its_pad(window, panel, qtbot):
    panel.filter_edit.setText("Soyuz T-11")
    assert panel.proxy.rowCount() == 1
    launch = panel.launch_at(0)
    _select_row(panel, 0)
    assert window.document.date == launch.day == date(1984, 4, 3)
    assert window.document.selection == launch.pad
    assert window.timeline_panel.date_label.text() == "1984-04-03"
    window.document.undo_stack.undo()  # a date step like any other
    assert window.document.date == date(2025, 11, 26)


def test_clicking_a_row_picks_that_launch(window, panel, qtbot):
    panel.filter_edit.setText("Shenzhou 5")
    window.launches_dock.raise_()
    rect = panel.table.visualRect(panel.proxy.index(0, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.date == date(2003, 10, 15)
    assert window.document.selection == panel.launch_at(0).pad
    window.document.set_date(date(2010, 1, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.date == date(2003, 10, 15)  # the same row again goes back


def test_sorting_by_mission_and_by_date(panel):
    panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    missions = [launch.mission.lower() for launch in panel.shown_launches()]
    assert missions == sorted(missions)
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    days = [launch.day for launch in panel.shown_launches()]
    assert days == sorted(days, reverse=True)


def test_the_launch_model_passes_qtmodeltester(panel, qtmodeltester):
    qtmodeltester.check(panel.source_model)
