"""The keyboard on a component tree: Space toggles, Enter opens the details, Menu the context menu.

Qt only. An event filter installed on a ``QTreeWidget`` whose rows keep their component id in
``Qt.UserRole`` and a check box in column 0:

- **Space** toggles the focused row's check box (whatever column is current), exactly as a click
  on the box does: the tree's ``itemChanged`` handler makes the one document step. The window's
  Space shortcut (Play, in the Time panel) keeps working everywhere else: the tree claims Space
  only while it has the focus, through ``ShortcutOverride`` (how Qt lets a focused widget keep a
  key that is also a shortcut).
- **Enter/Return** asks for the row's details (``detailsRequested``: the window shows and raises
  the Details dock; the selection already follows the focused row). On a group row without an id
  it folds or unfolds the group. Toggling stays Space's job, so Enter never changes the scenario.
- **Menu** and **Shift+F10** open the row's context menu, the same one a right-click opens,
  beside the row rather than at the mouse pointer.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

ID_ROLE = Qt.ItemDataRole.UserRole
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NO_MODS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def _action(event: QKeyEvent) -> str | None:
    """``toggle``, ``details``, ``menu`` or None for a key event."""
    key, mods = event.key(), event.modifiers()
    plain = mods in _NO_MODS
    if key == Qt.Key.Key_Space and plain:
        return "toggle"
    if key in _ENTER and plain:
        return "details"
    if (key == Qt.Key.Key_Menu and plain) or (
        key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
    ):
        return "menu"
    return None


class TreeKeys(QObject):
    detailsRequested = Signal(str)  # a component id

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        self._menu_by_key = False  # the Menu key's press opened the menu already
        tree.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.tree:
            return False
        if event.type() == QEvent.Type.ContextMenu:
            return self._on_context_menu(cast(QContextMenuEvent, event))
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        key_event = cast(QKeyEvent, event)
        action = _action(key_event)
        item = self.tree.currentItem()
        if event.type() == QEvent.Type.KeyPress:
            self._menu_by_key = action == "menu" and key_event.key() == Qt.Key.Key_Menu
        if action is None or item is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the tree as a key press, not to a shortcut
            return True
        if action == "toggle":
            self._toggle(item)
        elif action == "details":
            self._details(item)
        else:
            self._menu(item)
        return True

    def _on_context_menu(self, event: QContextMenuEvent) -> bool:
        """A keyboard context menu: the row's menu beside the row.

        Qt hands a keyboard context-menu event to the tree with a position in the tree's own
        coordinates, which the right-click handler would read as the viewport's (a row lower);
        and on X11 the Menu key brings one after the key press the filter already answered.
        """
        if event.reason() != QContextMenuEvent.Reason.Keyboard:
            return False  # a right-click: the tree's own handler
        item = self.tree.currentItem()
        if not self._menu_by_key and item is not None:
            self._menu(item)
        self._menu_by_key = False
        return True

    def _toggle(self, item: QTreeWidgetItem) -> None:
        if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        # As a click on a two-state box: a partly ticked site becomes ticked.
        checked = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _details(self, item: QTreeWidgetItem) -> None:
        component_id = item.data(0, ID_ROLE)
        if component_id:
            self.detailsRequested.emit(component_id)
        elif item.childCount():
            item.setExpanded(not item.isExpanded())

    def _menu(self, item: QTreeWidgetItem) -> None:
        self.tree.scrollToItem(item)
        rect = self.tree.visualItemRect(item)
        # Viewport coordinates inside the row, as for a right-click: near the row's start, not at
        # the mouse pointer (which may be anywhere).
        at = QPoint(rect.left() + min(40, rect.width() // 2), rect.center().y())
        self.tree.customContextMenuRequested.emit(at)
