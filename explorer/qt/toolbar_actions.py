"""Toolbar buttons whose text never grows: a short twin of an action whose text changes.

Qt only. ``QUndoStack.createUndoAction`` names the step in the action's text ("Undo Switch off
agreement NASA-Roscosmos integrated crew agreement: …"); on a toolbar that text widens the
button, shifts every button after it and pushes the last ones into the overflow menu. The
toolbar shows a *twin* instead: a fixed short text ("Undo"), the full text as its tooltip,
triggering the original and following its enabled state. The Edit menu keeps the original with
its full text and its shortcut (the twin has none, so no shortcut is ambiguous).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


class ToolbarTwin(QAction):
    """A short-text action for the toolbar that stands for ``action``."""

    def __init__(self, action: QAction, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.original = action
        self.setObjectName(f"{action.objectName()}-toolbar")
        self.triggered.connect(action.trigger)
        action.changed.connect(self._on_original_changed)
        self._on_original_changed()

    def _on_original_changed(self) -> None:
        """Follow the original's state; its full text becomes the tooltip."""
        action = self.original
        if not isValid(action):  # the window is being torn down
            return
        full = action.text().replace("&", "")
        self.setEnabled(action.isEnabled())
        self.setToolTip(full)
        self.setStatusTip(full)
        self.setIcon(action.icon())


def toolbar_twin(action: QAction, text: str, parent: QWidget) -> QAction:
    """A short-text twin of ``action`` for the toolbar."""
    return ToolbarTwin(action, text, parent)
