"""The trees from the keyboard: Space toggles the focused row, Enter shows its details, the Menu
key and Shift+F10 open its context menu; Space still plays the timeline elsewhere."""

import pytest
from factories import nation_status
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def _focus_row(window, qtbot, component_id, tree=None, column=1):
    tree = tree or window.sites_tree
    tree.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree.tree)
    tree.tree.setCurrentItem(tree.item_for(component_id), column)  # default: the status column
    return tree.tree


def test_space_on_a_focused_row_toggles_it_and_does_not_press_play(window, qtbot):
    tree = _focus_row(window, qtbot, "baikonur-31-6")
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.document.scenario.off == {"baikonur-31-6"}
    assert nation_status(window, "RU") != "independent"
    assert not window.timeline_panel.play_button.isChecked()
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.document.scenario.off == frozenset()
    assert window.document.undo_stack.undoText() == "Switch on pad Site 31/6"


def test_space_on_a_site_row_switches_the_site_off_and_back_on(window, qtbot):
    tree = _focus_row(window, qtbot, "baikonur", column=0)  # the check box's column: one toggle
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.document.scenario.off == {"baikonur"}
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.document.scenario.off == frozenset()


def test_space_toggles_vehicles_too(window, qtbot):
    tree = _focus_row(window, qtbot, "soyuz-ms", window.vehicles_tree)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.document.scenario.off == {"soyuz-ms"}


def test_space_outside_the_trees_still_plays_the_timeline(window, qtbot):
    window.map_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.map_view)
    play = window.timeline_panel.play_button
    qtbot.keyClick(window.map_view, Qt.Key.Key_Space)
    qtbot.waitUntil(play.isChecked)
    play.setChecked(False)  # stop playing
    assert window.document.scenario.off == frozenset()


def test_enter_shows_the_details_of_the_row_without_changing_the_scenario(window, qtbot):
    window.details_dock.hide()
    tree = _focus_row(window, qtbot, "baikonur-31-6")
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.details_dock.isVisible()
    assert "Site 31/6" in window.details.toPlainText()
    assert window.document.scenario.off == frozenset()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_the_menu_key_opens_the_rows_context_menu_beside_the_row(
    window, qtbot, monkeypatch, key, modifier
):
    shown = []  # the offscreen platform cannot show a popup: record where it would open
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, *_: shown.append((menu, pos)))
    tree = _focus_row(window, qtbot, "baikonur-31-6")
    qtbot.keyClick(tree, key, modifier)
    assert len(shown) == 1
    menu, pos = shown[0]
    assert menu is window.change_menus.last_menu
    assert menu.actions()[0].text() == "Site 31/6"  # the section naming the row's component
    row = tree.visualItemRect(tree.currentItem())
    assert row.contains(tree.viewport().mapFromGlobal(pos))  # beside the row, not at the pointer


def test_a_keyboard_context_menu_event_opens_the_current_rows_menu_once(window, qtbot, monkeypatch):
    """Qt gives a keyboard context-menu event the tree's coordinates (a row off as viewport
    ones); on X11 one also follows the Menu key's press, which already opened the menu."""
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, *_: shown.append(menu))
    tree = _focus_row(window, qtbot, "baikonur-31-6")
    keyboard, at = QContextMenuEvent.Reason.Keyboard, QPoint(5, 5)
    QApplication.sendEvent(tree, QContextMenuEvent(keyboard, at, tree.mapToGlobal(at)))
    assert [m.actions()[0].text() for m in shown] == ["Site 31/6"]
    qtbot.keyClick(tree, Qt.Key.Key_Menu)
    QApplication.sendEvent(tree, QContextMenuEvent(keyboard, at, tree.mapToGlobal(at)))  # X11
    assert len(shown) == 2
