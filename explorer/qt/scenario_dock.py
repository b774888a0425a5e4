"""The Scenario dock: every dated change of the scenario (kind, component, dates), to edit or
remove each one.

Qt only (plus the domain). Edits go through the document's ``replace_change`` and
``remove_change`` (one undoable step each); the list redraws from ``scenarioChanged``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.domain.catalog import UnknownIdError
from explorer.domain.changes import Change, ChangeKind, CrewRating, RegionOutage
from explorer.qt.change_dialog import edit_change
from explorer.qt.document import ScenarioDocument

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


class ScenarioDock(QWidget):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenario-dock")
        self.document = document
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.table.cellDoubleClicked.connect(self._on_table_cell_double_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        document.scenarioChanged.connect(self.refresh)
        self.refresh()

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
