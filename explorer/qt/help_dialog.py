"""Help ▸ Guide and glossary (F1): a short guide to the window and the terms it uses.

Qt only. Shows ``explorer.present.guide.guide_html`` in a non-modal dialog, one per window,
raised again when asked for a second time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from explorer.present.guide import guide_html


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog-help")
        self.setWindowTitle("Guide and glossary")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("help-text")
        self.browser.setAccessibleName("Guide and glossary")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 560)


def show_help(parent: QWidget) -> HelpDialog:
    """Show the parent's help dialog, made on first use."""
    dialog = parent.findChild(HelpDialog)
    if dialog is None:
        dialog = HelpDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
