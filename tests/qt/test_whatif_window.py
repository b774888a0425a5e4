"""Dated what-ifs in the window: document steps, the Scenario dock, the Compare panel, the
difference strip, the map's hypothetical markers and region circles, and the context menus."""

from datetime import date

import pytest

from explorer.domain.changes import HypotheticalPad, Outage, RegionOutage, Window
from explorer.domain.compare import compare
from explorer.qt.styles import HYPOTHETICAL_COLOR

D = date.fromisoformat
OUTAGE = Outage("baikonur-31-6", Window(D("2024-03-01"), D("2024-09-01")))
TWIN = HypotheticalPad(
    "vostochny-twin", "Vostochny twin", 51.88, 128.33, ("soyuz-2-1a",), D("2020-01-01"), "vostochny"
)
FLORIDA = RegionOutage(28.608, -80.604, 50, Window(D("2025-01-01"), D("2026-01-01")))


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def test_each_change_is_one_undoable_step(window):
    document = window.document
    document.add_change(OUTAGE)
    document.add_change(TWIN)
    edited = Outage("baikonur-31-6", Window(D("2024-03-01")))
    document.replace_change(0, edited)
    assert document.scenario.changes == (edited, TWIN)
    document.remove_change(1)
    assert document.scenario.changes == (edited,)
    for _ in range(3):
        document.undo_stack.undo()
    assert document.scenario.changes == (OUTAGE,)
    assert "--off baikonur-31-6@2024-03-01..2024-09-01" in document.undo_stack.text(0)


def test_the_scenario_dock_lists_and_removes_changes(window, qtbot):
    document = window.document
    dock = window.scenario_dock.widget()
    document.add_change(OUTAGE)
    document.add_change(FLORIDA)
    assert dock.table.rowCount() == 2
    row = [dock.table.item(0, c).text() for c in range(4)]
    assert row == ["Outage", "Site 31/6 (baikonur-31-6)", "2024-03-01", "2024-09-01"]
    assert dock.table.item(1, 0).text() == "Region outage"
    dock.table.selectRow(0)
    dock.remove_button.click()
    assert document.scenario.changes == (FLORIDA,)
    assert dock.table.rowCount() == 1


def test_the_compare_panel_shows_the_domain_comparison(window, qtbot, catalog):
    document = window.document
    panel = window.compare_dock.widget()
    document.add_change(OUTAGE)
    qtbot.waitUntil(lambda: panel.comparison is not None and panel.comparison.nation("RU").differs)
    expected = compare(catalog, document.scenario).nation("RU")
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "RU")
    cells = [panel.table.item(row, c).text() for c in range(panel.table.columnCount())]
    assert cells[3] == f"{expected.independent_difference:+d}" == "-184"
    assert cells[7:] == ["2024-03-01", "2024-09-01"]


def test_the_difference_strip_shows_the_baseline_while_changes_exist(window, qtbot):
    strip = window.timeline_panel.difference
    assert not strip.shown
    window.document.add_change(OUTAGE)
    qtbot.waitUntil(lambda: strip.shown)
    assert len(strip.opts["x0"]) >= len(window.document.catalog.nations)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not strip.shown)


def test_a_hypothetical_pad_gets_its_marker_and_a_region_its_circle(window):
    document = window.document
    document.set_date(D("2025-06-01"))
    document.add_change(TWIN)
    document.add_change(FLORIDA)
    map_view = window.map_view
    spot = next(s for s in map_view.pad_item.points() if "vostochny-twin" in s.data())
    assert spot.pen().color().name().upper() == HYPOTHETICAL_COLOR.upper()
    assert map_view.regions.regions == (FLORIDA,) and len(map_view.regions.curves) == 1
    assert "hypothetical" in map_view._tip(0, 0, ("vostochny-twin",))
    # Pads inside the region are off on this date: hollow markers.
    window.map_view.show_area(-80.75, -80.5, 28.4, 28.65)
    assert map_view.pad_brush("ksc-lc-39a").style().name == "NoBrush"
    document.set_date(D("2026-02-01"))
    assert map_view.regions.regions == () and not map_view.regions.curves


def test_context_menus_offer_the_changes(window):
    menus = window.change_menus
    menu = menus.component_menu("vostochny-1s")
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["action-switch-off", "action-outage", "action-crew-rate"]
    next(a for a in menu.actions() if a.objectName() == "action-switch-off").trigger()
    assert not window.document.is_enabled("vostochny-1s")
    site_menu = menus.component_menu("baikonur")
    rate = next(a for a in site_menu.actions() if a.objectName() == "action-crew-rate")
    assert not rate.isEnabled()  # a site cannot be crew-rated
    empty = menus.empty_map_menu(28.5, -80.6)
    assert [a.objectName() for a in empty.actions() if a.objectName()] == [
        "action-hypothetical-pad",
        "action-region-outage",
    ]


def test_the_change_dialog_builds_the_change_and_refuses_a_bad_window(window):
    from PySide6.QtCore import QDate

    from explorer.qt.change_dialog import ChangeDialog

    dialog = ChangeDialog(window, window.document.catalog, OUTAGE, D("2024-01-01"))
    dialog.end.check.setChecked(False)
    assert dialog.built() == Outage("baikonur-31-6", Window(D("2024-03-01"), None))
    dialog.end.check.setChecked(True)
    dialog.end.edit.setDate(QDate(2024, 2, 1))
    dialog._on_buttons_accepted()
    assert dialog.result_change is None and "must come after" in dialog.problem.text()
    region = ChangeDialog(window, window.document.catalog, FLORIDA, D("2024-01-01"))
    region.radius.setValue(0)
    region._on_buttons_accepted()
    assert region.result_change is None and "radius" in region.problem.text()


def test_saving_keeps_the_changes_and_exports_name_hypothetical_pads(window, tmp_path):
    from explorer.loaders.scenario_file import read_scenario, write_scenario

    document = window.document
    document.set_date(D("2025-06-01"))
    document.add_change(TWIN)
    document.add_change(OUTAGE)
    path = write_scenario(tmp_path / "s.json", window.scenario_files.current())
    assert read_scenario(path).changes == (TWIN, OUTAGE)
    xml = window.exports.export_mef(tmp_path / "ru.xml", "RU").read_text(encoding="utf-8")
    assert "vostochny-twin" in xml
    menu = window.change_menus.component_menu("vostochny-twin")
    toggle = next(a for a in menu.actions() if a.objectName() == "action-switch-off")
    assert not toggle.isEnabled()  # taken out by an outage instead
