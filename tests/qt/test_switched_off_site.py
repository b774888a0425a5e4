"""A switched-off site: its pads say so in the tree, the map's tooltip and the details; switching
back on is the document's rule, the same from the tree and from the map's context menu."""

import pytest
from factories import nation_status
from PySide6.QtCore import Qt


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def _switch_off_baikonur(window):
    window.sites_tree.item_for("baikonur").setCheckState(0, Qt.CheckState.Unchecked)
    assert window.document.scenario.off == {"baikonur"}


def test_switching_off_baikonur_shows_site_31_6_switched_off_in_every_view(window):
    _switch_off_baikonur(window)
    row = window.sites_tree.item_for("baikonur-31-6")
    assert row.checkState(0) == Qt.CheckState.Unchecked
    assert row.text(1).endswith("switched off with its site")
    assert window.sites_tree.item_for("baikonur").text(1).endswith("· switched off")
    tip = window.map_view._tip(0, 0, ("baikonur-31-6",))
    assert "switched off with its site" in tip
    window.document.select("baikonur-31-6")
    assert "switched off with its site in this scenario" in window.details.toPlainText()


def test_ticking_baikonur_again_is_one_document_step_that_brings_its_pads_back(window):
    _switch_off_baikonur(window)
    window.sites_tree.item_for("baikonur").setCheckState(0, Qt.CheckState.Checked)
    assert window.document.scenario.off == frozenset()
    assert window.document.undo_stack.undoText() == "Switch on site Baikonur Cosmodrome"
    assert window.sites_tree.item_for("baikonur-31-6").text(1) == "crew-capable"
    assert nation_status(window, "RU") == "independent"


def test_the_map_menu_switches_a_pad_of_a_switched_off_site_back_on_like_the_tree(window):
    _switch_off_baikonur(window)
    menu = window.change_menus.component_menu("baikonur-31-6")
    toggle = next(a for a in menu.actions() if a.objectName() == "action-switch-off")
    assert toggle.text().replace("&", "") == "Switch on"
    toggle.trigger()
    document = window.document
    assert document.is_enabled("baikonur-31-6") and document.is_enabled("baikonur")
    assert "baikonur-31-6" not in document.report.switched_off
    assert nation_status(window, "RU") == "independent"
    # The site's other pads stay off, each by itself now; one undo restores the site switch-off.
    assert not document.is_enabled("baikonur-1-5")
    document.undo_stack.undo()
    assert document.scenario.off == {"baikonur"}


def test_ticking_a_pad_of_a_switched_off_site_in_the_tree_does_the_same(window):
    _switch_off_baikonur(window)
    window.sites_tree.item_for("baikonur-31-6").setCheckState(0, Qt.CheckState.Checked)
    assert window.document.is_enabled("baikonur-31-6")
    assert window.sites_tree.item_for("baikonur").checkState(0) == Qt.CheckState.PartiallyChecked


def test_the_document_switches_a_site_back_on_with_its_pads_in_one_undoable_step(window):
    document = window.document
    document.set_all_enabled(["baikonur", "baikonur-31-6"], False, "Switch off site and pad")
    steps = document.undo_stack.count()
    document.set_enabled("baikonur", True)  # what the tree and the map's menu both call
    assert document.scenario.off == frozenset()
    assert document.undo_stack.count() == steps + 1
    assert window.sites_tree.item_for("baikonur-31-6").checkState(0) == Qt.CheckState.Checked
    document.undo_stack.undo()
    assert document.scenario.off == {"baikonur", "baikonur-31-6"}
