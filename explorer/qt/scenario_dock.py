"""The Scenario dock: the scenario's title and notes (editable), a preset's description (read
only, in full), and every dated change of the scenario (kind, component, dates), to edit or
remove each one.

Qt only (plus the domain). Edits go through the document: ``set_text`` for the title and notes
(one undoable step when the line edit finishes or the notes lose focus; text that cannot be saved
is refused with the ``TextError`` shown under the fields), ``replace_change`` and
``remove_change`` for the changes; the widgets redraw from ``textChanged`` and
``scenarioChanged``.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.domain.catalog import UnknownIdError
from explorer.domain.changes import Change, ChangeKind, CrewRating, RegionOutage
from explorer.qt.change_dialog import edit_change
from explorer.qt.clear_button import add_clear_button
from explorer.qt.document import ScenarioDocument, TextError

KIND_WORDS = {
    ChangeKind.OUTAGE: "Outage",
    ChangeKind.CREW_RATING: "Crew rating",
    ChangeKind.HYPOTHETICAL_PAD: "Hypothetical pad",
    ChangeKind.HYPOTHETICAL_AGREEMENT: "Hypothetical agreement",
    ChangeKind.REGION_OUTAGE: "Region outage",
}
HEADERS = ("Kind", "Component", "From", "To")


def change_row(document: ScenarioDocument, change: Change) -> tuple[str, str, str, str]:
    """What the dock shows for one change: kind, component, from, to (open sides: "…")."""
    catalog = document.view_catalog
    if isinstance(change, RegionOutage):
        what = f"within {change.radius_km:g} km of {change.lat_deg:.3f}°, {change.lon_deg:.3f}°"
    else:
        try:
            what = f"{catalog.get(change.component).name} ({change.component})"
        except UnknownIdError:
            what = change.component
    if isinstance(change, CrewRating):
        return KIND_WORDS[change.kind], what, change.start.isoformat(), "…"
    window = change.window
    start = window.start.isoformat() if window.start else "…"
    end = window.end.isoformat() if window.end else "…"
    return KIND_WORDS[change.kind], what, start, end


class NotesEdit(QPlainTextEdit):
    """The notes field: emits ``editingFinished`` when it loses focus, like a line edit."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def _lines_high(edit: QPlainTextEdit, lines: int) -> None:
    margins = edit.contentsMargins()
    height = edit.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom() + 10
    edit.setFixedHeight(height)


class ScenarioDock(QScrollArea):
    """Scrolls as a whole, so a short window keeps the nation table and details their room."""

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenario-dock")
        self.setAccessibleName("Scenario: title, notes and dated changes")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        self.document = document
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("edit-scenario-title")
        self.title_edit.setAccessibleName("Scenario title")
        self.title_edit.setPlaceholderText("Untitled scenario")
        add_clear_button(self.title_edit, "Clear the title")
        self.notes_edit = NotesEdit(self)
        self.notes_edit.setObjectName("edit-scenario-notes")
        self.notes_edit.setAccessibleName("Scenario notes")
        self.notes_edit.setPlaceholderText("Notes (saved with the scenario)")
        self.notes_edit.setTabChangesFocus(True)
        _lines_high(self.notes_edit, 2)
        self.description_view = QPlainTextEdit(self)
        self.description_view.setObjectName("view-scenario-description")
        self.description_view.setAccessibleName("Preset description")
        self.description_view.setReadOnly(True)
        self.description_view.setTabChangesFocus(True)
        _lines_high(self.description_view, 3)
        self.description_label = QLabel("Preset:", self)
        self.text_error = QLabel(self)
        self.text_error.setObjectName("label-text-error")
        self.text_error.setWordWrap(True)
        self.text_error.setStyleSheet("color: #d55e00;")
        self.text_error.hide()
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Notes:", self.notes_edit)
        form.addRow(self.description_label, self.description_view)
        form.addRow(self.text_error)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("table-changes")
        self.table.setAccessibleName("Dated changes of the scenario")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel("No dated changes. Right-click a marker, a tree row or the map.", self)
        self.empty.setWordWrap(True)
        self.edit_button = QPushButton("&Edit…", self)
        self.edit_button.setObjectName("button-edit-change")
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.setObjectName("button-remove-change")
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(form)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() * 3)
        self.setWidget(inner)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.table.cellDoubleClicked.connect(self._on_table_cell_double_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.title_edit.editingFinished.connect(self._on_text_edited)
        self.notes_edit.editingFinished.connect(self._on_text_edited)
        document.scenarioChanged.connect(self.refresh)
        document.textChanged.connect(self.refresh_text)
        self.refresh()
        self.refresh_text()

    def refresh_text(self) -> None:
        """Show the document's title, notes and description (a preset's, read only)."""
        state = self.document.state
        for edit, value in ((self.title_edit, state.title), (self.notes_edit, state.notes)):
            current = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            if current != value:  # leaves the cursor alone while the user types
                with QSignalBlocker(edit):
                    if isinstance(edit, QLineEdit):
                        edit.setText(value)
                    else:
                        edit.setPlainText(value)
        self.description_view.setPlainText(state.description)
        self.description_view.setToolTip(state.description)
        self.description_view.setVisible(bool(state.description))
        self.description_label.setVisible(bool(state.description))
        self.text_error.hide()

    def apply_text(self, title: str, notes: str) -> bool:
        """Set the title and notes as one undoable step; a refusal is shown under the fields."""
        try:
            self.document.set_text(title, notes)
        except TextError as exc:
            self.text_error.setText(f"Not saved: {exc}.")
            self.text_error.show()
            return False
        self.text_error.hide()
        return True

    def _on_text_edited(self) -> None:
        """The title edit finished or the notes lost focus: store them."""
        self.apply_text(self.title_edit.text(), self.notes_edit.toPlainText())

    def refresh(self) -> None:
        """One row per change, in the order they were made."""
        changes = self.document.scenario.changes
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            for column, text in enumerate(change_row(self.document, change)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty.setVisible(not changes)
        self._update_buttons()

    def _current(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        chosen = self._current() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def edit(self, index: int) -> None:
        """Open the change's dialog; an accepted edit is one undoable step."""
        change = self.document.scenario.changes[index]
        catalog = self.document.view_catalog
        edited = edit_change(self, catalog, change, self.document.date)
        if edited is not None:
            self.document.replace_change(index, edited)

    def _on_edit_button_clicked(self) -> None:
        """Edit the selected change."""
        index = self._current()
        if index is not None:
            self.edit(index)

    def _on_remove_button_clicked(self) -> None:
        """Remove the selected change."""
        index = self._current()
        if index is not None:
            self.document.remove_change(index)

    def _on_table_cell_double_clicked(self, row: int, _column: int) -> None:
        """A double-click edits the change."""
        self.edit(row)
