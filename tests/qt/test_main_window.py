"""The window as a user drives it: tick boxes, click markers, undo, filter, sort, copy."""

from datetime import date

import pytest
from factories import BEFORE, nation_status
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from explorer.qt.app import build_window


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def test_unticking_site_31_6_grounds_russia_and_undo_restores_everything(window, qtbot):
    item = window.sites_tree.item_for("baikonur-31-6")
    window.map_view.show_area(63.3, 63.8, 45.8, 46.1)  # Baikonur's pads apart
    brush_before = window.map_view.pad_brush("baikonur-31-6").color().name()
    shading_before = window.map_view.nation_shading["RUS"]
    assert nation_status(window, "RU") == "independent"

    item.setCheckState(0, Qt.CheckState.Unchecked)  # what a click on the box does

    assert nation_status(window, "RU") in ("via partner", "none")
    assert window.map_view.pad_brush("baikonur-31-6").style() == Qt.BrushStyle.NoBrush
    assert window.map_view.nation_shading["RUS"] != shading_before
    assert window.document.undo_stack.undoText() == "Switch off pad Site 31/6"
    assert window.isWindowModified()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert nation_status(window, "RU") == "independent"
    assert window.map_view.pad_brush("baikonur-31-6").color().name() == brush_before
    assert window.map_view.nation_shading["RUS"] == shading_before
    assert item.checkState(0) == Qt.CheckState.Checked
    assert not window.isWindowModified()


def test_unticking_a_site_unticks_its_pads_effectively_and_shows_partial_state(window):
    tree = window.sites_tree
    tree.item_for("baikonur-31-6").setCheckState(0, Qt.CheckState.Unchecked)
    assert tree.item_for("baikonur").checkState(0) == Qt.CheckState.PartiallyChecked
    tree.item_for("baikonur").setCheckState(0, Qt.CheckState.Checked)
    assert window.document.scenario.off == frozenset()
    tree.item_for("baikonur").setCheckState(0, Qt.CheckState.Unchecked)
    assert "baikonur" in window.document.scenario.off
    assert nation_status(window, "RU") != "independent"


def test_clicking_a_pad_marker_selects_it_in_the_tree_and_shows_details(window, qtbot):
    view = window.map_view
    view.show_area(63.3, 63.8, 45.8, 46.1)  # zoom until the Baikonur pads separate
    spot = next(s for s in view.pad_item.points() if s.data() == ("baikonur-31-6",))
    scene = view.getPlotItem().getViewBox().mapViewToScene(spot.pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene))
    assert window.document.selection == "baikonur-31-6"
    assert window.sites_tree.tree.currentItem() is window.sites_tree.item_for("baikonur-31-6")
    html = window.details.toPlainText()
    assert "Site 31/6" in html and "Status history" in html and "Sources" in html


def test_the_window_opens_on_the_whole_world_and_keeps_it_framed_when_resized(window, qtbot):
    view_box = window.map_view.getPlotItem().getViewBox()
    (lon0, lon1), _ = view_box.viewRange()
    assert (lon0, lon1) == pytest.approx((-180, 180), abs=0.5)
    window.resize(1300, 800)
    qtbot.waitUntil(lambda: view_box.width() < 600)
    (lon0, lon1), _ = view_box.viewRange()
    assert (lon0, lon1) == pytest.approx((-180, 180), abs=0.5)
    legend = window.map_view.legend  # folded to fit, or out of the way
    assert not legend.isVisible() or legend.width() <= view_box.width() - 16


def test_a_view_the_user_chose_survives_a_resize(window, qtbot):
    view = window.map_view
    view_box = view.getPlotItem().getViewBox()
    view_box.sigRangeChangedManually.emit([True, True])  # as a wheel zoom or a drag does
    view_box.setRange(xRange=(-90, -70), yRange=(20, 35), padding=0)
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: view_box.width() < 800)
    (lon0, lon1), _ = view_box.viewRange()
    assert lon1 - lon0 < 40


def test_florida_pads_cluster_at_world_view_and_separate_when_zoomed(window):
    view = window.map_view
    view.show_world()
    florida = {"ksc-lc-39a", "ccsfs-slc-40"}
    assert any(florida <= set(c.pads) for c in view.clusters)
    view.show_area(-80.7, -80.5, 28.45, 28.65)
    assert not any(florida <= set(c.pads) for c in view.clusters)


def test_site_labels_at_world_view_give_way_to_pad_names_when_zoomed(window):
    view = window.map_view

    def labels():
        return {label.textItem.toPlainText() for label in view._labels}

    view.show_world()
    assert any("Baikonur" in text for text in labels())
    assert "LC-39A" not in labels()
    view.show_area(-80.75, -80.5, 28.4, 28.65)
    assert {"LC-39A", "LC-39B", "SLC-40", "SLC-41"} <= labels()


def test_filter_narrows_the_tree(window):
    tree = window.sites_tree
    tree.filter_edit.setText("gagarin")
    visible = [i for i, item in tree._items.items() if not item.isHidden()]
    assert "baikonur-1-5" in visible
    assert "ksc-lc-39a" not in visible
    tree.filter_edit.clear()
    assert not tree.item_for("ksc-lc-39a").isHidden()


def test_date_change_recomputes_every_view(window):
    window.date_edit.setDate(window.date_edit.date().addDays(2))  # 2025-11-28
    assert window.document.date == date(2025, 11, 28)
    assert nation_status(window, "RU") in ("via partner", "none")
    assert window.map_view.pad_brush("baikonur-31-6").color().name().lower() == "#d55e00"


def test_selecting_a_nation_row_shows_its_cut_sets(window):
    table = window.nation_table
    for row in range(table.proxy.rowCount()):
        if table.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1) == "RU":
            table.selectRow(row)
    assert window.document.selection == "RU"
    text = window.details.toPlainText()
    assert "Single points of failure" in text and "Site 31/6" in text


def test_table_sorts_by_access_and_copies_rows(window):
    table = window.nation_table
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    first = table.proxy.index(0, 1).data()
    assert first == "independent"
    table.selectAll()
    text = table.copy_selection()
    assert text.splitlines()[0].startswith("Nation\tAccess")
    assert len(text.splitlines()) == 1 + table.proxy.rowCount()


def test_nation_model_passes_qtmodeltester(window, qtmodeltester):
    qtmodeltester.check(window.nation_table.source_model)


def test_every_action_dock_and_toolbar_has_an_object_name(window):
    for kind in (QAction, QDockWidget, QToolBar):
        for obj in window.findChildren(kind):
            if kind is QAction and (obj.isSeparator() or not obj.text()):
                continue
            if kind is QAction and obj.parent() is not window and not obj.objectName():
                # Qt's own internal actions (e.g. inside line edits) are not ours
                continue
            assert obj.objectName(), f"{kind.__name__} '{getattr(obj, 'text', lambda: '')()}'"


def test_standard_shortcuts(window):
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)


def test_reset_is_one_undoable_step(window):
    doc = window.document
    doc.set_enabled("ksc-lc-39a", False)
    doc.set_enabled("crew-dragon", False)
    window.reset_action.trigger()
    assert doc.scenario.off == frozenset()
    doc.undo_stack.undo()
    assert doc.scenario.off == {"ksc-lc-39a", "crew-dragon"}


def test_window_layout_persists(window, catalog, basemap, qtbot):
    window.timeline_dock.hide()
    window.close()
    again = build_window(catalog, BEFORE, basemap=basemap)
    qtbot.addWidget(again)
    assert again.restore_state()
    again.show()
    assert again.timeline_dock.isHidden()
    assert again.site_dock.isVisible()


def test_the_application_has_its_icon_and_desktop_entry_name(window):
    app = QApplication.instance()
    assert app.desktopFileName() == "launch-site-explorer"
    assert {48, 128, 256} <= {s.width() for s in app.windowIcon().availableSizes()}


def test_hovering_a_pad_names_it_its_site_status_and_launch_vehicles(window):
    tip = window.map_view._tip(0, 0, ("ksc-lc-39a",))
    assert "Launch Complex 39A (John F. Kennedy Space Center)" in tip
    assert "crew-capable" in tip and "Falcon 9" in tip
    window.document.set_enabled("ksc-lc-39a", False)
    assert "switched off" in window.map_view._tip(0, 0, ("ksc-lc-39a",))


def test_a_grounded_nation_shows_what_keeps_it_on_the_ground(window):
    window.document.set_date(date(2025, 11, 28))
    window.document.select("RU")
    text = window.details.toPlainText()
    assert "Why it cannot fly crews on its own" in text
    assert "Soyuz MS\nSite 31/6: damaged since 2025-11-28" in text  # the vehicle, then its pad
    window.document.select("US")
    assert "Why it cannot fly" not in window.details.toPlainText()


def test_toggling_back_and_forth_does_not_grow_the_marker_atlas(window):
    """pyqtgraph caches marker images by pen and brush identity: styles must be reused."""
    atlas = window.map_view.pad_item.fragmentAtlas
    for i in range(6):
        window.document.set_enabled("baikonur-31-6", i % 2 == 1)
    size = len(atlas)
    for i in range(30):
        window.document.set_enabled("baikonur-31-6", i % 2 == 1)
        window.document.select("RU" if i % 2 else "ksc-lc-39a")
    assert len(atlas) == size


def test_the_status_bar_flags_dates_past_the_dataset(window):
    assert "(projected)" not in window.recompute_label.text()
    window.document.set_date(date(2030, 1, 1))
    assert window.recompute_label.text().startswith("2030-01-01 (projected) · ")
    assert "as-of date" in window.recompute_label.toolTip()


def test_the_legend_hides_on_a_narrow_map_and_on_request_and_stays_hidden(
    window, catalog, basemap, qtbot
):
    legend, view_box = window.map_view.legend, window.map_view.getPlotItem().getViewBox()
    assert legend.isVisible()
    window.legend_action.setChecked(False)
    assert not legend.isVisible()
    window.legend_action.setChecked(True)
    window.map_view.resize(150, 400)  # too narrow for even one column
    qtbot.waitUntil(lambda: view_box.width() < 200)
    assert not legend.isVisible()
    window.legend_action.setChecked(False)
    window.close()
    again = build_window(catalog, BEFORE, basemap=basemap)
    qtbot.addWidget(again)
    again.restore_state()
    assert not again.legend_action.isChecked() and not again.map_view.legend.isVisible()
