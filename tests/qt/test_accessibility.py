"""Every action and every interactive widget of the window has a name assistive technology reads."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QWidget


@pytest.fixture
def window(make_window):
    return make_window((1280, 720))


def _reachable(action: QAction) -> bool:
    """Added to a menu, a toolbar or a widget of ours: not only to Qt's own chevron buttons
    (``qt_menubar_ext_button``), which Qt names itself."""
    return any(not o.objectName().startswith("qt_") for o in action.associatedObjects())


def test_every_action_has_a_text(window):
    nameless = [
        (a.objectName(), type(a.parent()).__name__)
        for a in window.findChildren(QAction)
        if not a.isSeparator() and _reachable(a) and not a.text().replace("&", "").strip()
    ]
    assert nameless == []


def _interactive(widget: QWidget, window) -> bool:
    if not widget.isVisibleTo(window):
        return False
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return False  # the view itself carries the name
    if isinstance(parent, QAbstractSpinBox):
        return False  # the spin box's own editor, named through the spin box
    return isinstance(widget, QAbstractButton) or widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_every_interactive_widget_has_an_accessible_name(window):
    widgets = [w for w in window.findChildren(QWidget) if _interactive(w, window)]
    assert len(widgets) > 20  # the walk found the window's controls
    nameless = []
    for widget in widgets:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            nameless.append((type(widget).__name__, widget.objectName()))
    assert nameless == []
