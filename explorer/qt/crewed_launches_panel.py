"""The *Crewed launches* dock: every crewed launch in the dataset, sortable and filterable.

Qt only. ``CrewedLaunchModel`` holds the catalog's ``crewed_launches`` as rows of names (from
``explorer.present.launches``); ``CrewedLaunchesPanel`` shows them through a
``QSortFilterProxyModel`` with a filter box matching mission, nation, vehicle and pad names.
Selecting a launch moves the document to its date (one undoable date step) and selects its pad.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.domain.catalog import Catalog
from explorer.domain.entities import CrewedLaunch
from explorer.present.launches import CREWED_LAUNCH_HEADERS, launch_cells, launch_search_text
from explorer.qt.clear_button import add_clear_button
from explorer.qt.document import ScenarioDocument

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
DATE_COLUMN = 0


class CrewedLaunchModel(QAbstractTableModel):
    def __init__(self, catalog: Catalog, parent=None) -> None:
        super().__init__(parent)
        self.launches: tuple[CrewedLaunch, ...] = tuple(
            sorted(catalog.crewed_launches, key=lambda launch: (launch.day, launch.mission))
        )
        self.cells = [launch_cells(catalog, launch) for launch in self.launches]
        self._search = [launch_search_text(catalog, launch) for launch in self.launches]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.launches)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(CREWED_LAUNCH_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return CREWED_LAUNCH_HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid() or not 0 <= index.row() < len(self.launches):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[row][column]
        if role == SORT_ROLE:
            if column == DATE_COLUMN:  # the date, then the mission: a stable order in a day
                return f"{self.cells[row][0]} {self.cells[row][1].lower()}"
            return self.cells[row][column].lower()
        if role == ID_ROLE:
            return self.launches[row].id
        if role == SEARCH_ROLE:
            return self._search[row]
        return None


class LaunchFilterModel(QSortFilterProxyModel):
    """Rows whose mission, nation, vehicle or pad names hold every word of the filter text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()  # Qt 6.10+: invalidateFilter() is deprecated
        self._words = tuple(text.lower().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = self.sourceModel().data(index, SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)


class CrewedLaunchesPanel(QWidget):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter-crewed-launches")
        self.filter_edit.setAccessibleName("Filter crewed launches")
        self.filter_edit.setPlaceholderText("Filter: mission, nation, vehicle or pad…")
        add_clear_button(self.filter_edit, "Clear the filter")
        self.source_model = CrewedLaunchModel(document.catalog, self)
        self.proxy = LaunchFilterModel(self)
        self.proxy.setSourceModel(self.source_model)
        self.table = QTableView(self)
        self.table.setObjectName("table-crewed-launches")
        self.table.setAccessibleName("Crewed launches")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fit_columns()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("label-crewed-launches-count")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.clicked.connect(self._on_table_clicked)  # the selected row again: go back
        self._show_count()

    def _fit_columns(self) -> None:
        """Each column as wide as its longest text, measured once from the model's cells
        (``resizeColumnsToContents`` asks every row's size hint: ~150 ms at start-up)."""
        metrics = self.table.fontMetrics()
        heading = self.table.horizontalHeader().fontMetrics()
        for column, title in enumerate(CREWED_LAUNCH_HEADERS):
            longest = max((cells[column] for cells in self.source_model.cells), key=len, default="")
            width = max(metrics.horizontalAdvance(longest), heading.horizontalAdvance(title) + 16)
            self.table.setColumnWidth(column, width + 12)  # the cell's margins

    def launch_at(self, row: int) -> CrewedLaunch:
        """The launch shown in the table's ``row`` (after sorting and filtering)."""
        source = self.proxy.mapToSource(self.proxy.index(row, 0))
        return self.source_model.launches[source.row()]

    def shown_launches(self) -> list[CrewedLaunch]:
        return [self.launch_at(row) for row in range(self.proxy.rowCount())]

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.source_model.rowCount()
        self.count_label.setText(
            f"{total} crewed launches" if shown == total else f"{shown} of {total} crewed launches"
        )

    # -- handlers ------------------------------------------------------------------------------
    def _on_filter_edit_text_changed(self, text: str) -> None:
        """Show only the launches matching every word typed."""
        self.proxy.set_text(text)
        self._show_count()

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        """A launch selected (by mouse or keyboard) is picked."""
        rows = {index.row() for index in selected.indexes()}
        if len(rows) != 1:
            return
        self.pick(rows.pop())

    def _on_table_clicked(self, index: QModelIndex) -> None:
        """A click on the row already selected moves back to its launch."""
        self.pick(index.row())

    def pick(self, row: int) -> None:
        """Go to the launch in the table's ``row``: its date (undoable) and its pad."""
        launch = self.launch_at(row)
        self.document.set_date(launch.day)
        self.document.select(launch.pad)
