"""The toolbar stays put: Undo and Redo show a short text (the step is in the tooltip and the
Edit menu), and at 1280×720 every toolbar action fits without the overflow chevron."""

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QToolButton


@pytest.fixture
def window(make_window):
    return make_window((1280, 720))


def _layout(bar):
    return [(a.objectName(), bar.widgetForAction(a).geometry()) for a in bar.actions()]


def _settle(qtbot):
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def test_every_toolbar_action_fits_at_1280_wide(window, qtbot):
    _settle(qtbot)
    bar = window.toolbar
    assert window.width() == 1280
    assert not bar.findChild(QToolButton, "qt_toolbar_ext_button").isVisible()
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        assert widget is not None and widget.isVisible(), action.text()
        assert widget.geometry().right() < bar.width()


def test_a_long_undo_text_changes_neither_the_buttons_nor_the_toolbar(window, qtbot):
    _settle(qtbot)
    bar = window.toolbar
    before = (bar.geometry(), _layout(bar))
    catalog = window.document.catalog
    longest = max(catalog.agreements, key=lambda a: len(a.name))
    window.document.set_enabled(longest.id, False)
    _settle(qtbot)
    assert (bar.geometry(), _layout(bar)) == before
    assert not bar.findChild(QToolButton, "qt_toolbar_ext_button").isVisible()
    undo = next(a for a in bar.actions() if a.objectName() == "action-undo-toolbar")
    assert undo.text() == "Undo" and undo.isEnabled()
    assert undo.toolTip() == f"Undo Switch off agreement {longest.name}"
    # The Edit menu keeps the full text (and the shortcut).
    assert window.undo_action.text().replace("&", "") == f"Undo Switch off agreement {longest.name}"
    assert window.undo_action in window.menuBar().findChild(QMenu, "menu-edit").actions()


def test_the_short_undo_button_undoes_and_follows_the_stack(window, qtbot):
    bar = window.toolbar
    undo = next(a for a in bar.actions() if a.objectName() == "action-undo-toolbar")
    redo = next(a for a in bar.actions() if a.objectName() == "action-redo-toolbar")
    assert not undo.isEnabled() and not redo.isEnabled()
    window.document.set_enabled("baikonur-31-6", False)
    assert undo.isEnabled() and undo.toolTip() == "Undo Switch off pad Site 31/6"
    undo.trigger()
    assert window.document.scenario.off == frozenset()
    assert not undo.isEnabled() and redo.isEnabled()
    assert redo.toolTip() == "Redo Switch off pad Site 31/6"
