"""Line edits with Qt's clear button, named for assistive technology."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit


def add_clear_button(edit: QLineEdit, text: str) -> None:
    """Show the clear button; Qt makes it an action without text, so give it ``text``."""
    edit.setClearButtonEnabled(True)
    clear = edit.findChild(QAction, "_q_qlineeditclearaction")
    if clear is not None:
        clear.setText(text)
