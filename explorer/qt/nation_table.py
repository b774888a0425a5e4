"""The right-dock nation table: one row per nation with access status, routes and redundancy.

Qt only. ``NationTableModel`` reads the document's current report; ``NationTable`` is the sortable,
copyable view through a ``QSortFilterProxyModel``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from explorer.domain.capability import AccessStatus, NationAccess
from explorer.present.cells import (
    NATION_HEADER_TIPS,
    NATION_HEADERS,
    NATION_SHORT_HEADERS,
    nation_cell,
    nation_cell_tooltip,
)
from explorer.present.summary import NationSummary
from explorer.present.words import ACCESS_RANK
from explorer.qt.document import ScenarioDocument
from explorer.qt.styles import access_icon

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The numbers first: in a narrow dock the long id lists are what scrolls out of view.
HEADERS = NATION_HEADERS


class NationTableModel(QAbstractTableModel):
    def __init__(self, document: ScenarioDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._rows: tuple[NationAccess, ...] = document.report.nations
        self._icons = {s: access_icon(s) for s in AccessStatus}
        document.reportChanged.connect(self._on_document_report_changed)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return NATION_SHORT_HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{HEADERS[section]}: {NATION_HEADER_TIPS[section]}"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        access, column = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return access.nation
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._icons[access.status]
        if role == Qt.ItemDataRole.ToolTipRole:
            summary = self.summary(access.nation)
            return nation_cell_tooltip(self.document.view_catalog, summary, column)
        if role == SORT_ROLE:
            return self._sort_key(access, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return nation_cell(self.summary(access.nation), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def summary(self, nation_id: str) -> NationSummary:
        """The nation's summary for the current report (the document builds it once)."""
        return self.document.nation_summary(nation_id)

    def _sort_key(self, access: NationAccess, column: int):
        if column == 1:
            return ACCESS_RANK[access.status]
        if column == 2:
            return len(access.counted_routes)
        if column == 3:
            return 99 if access.min_cut_size is None else access.min_cut_size
        if column == 4:
            return len(access.usable_pads)
        return nation_cell(self.summary(access.nation), column)

    def _on_document_report_changed(self) -> None:
        """Same nations, new values: dataChanged for the rows that changed keeps selection and
        sorting, and leaves the other rows (and the proxy's order) alone."""
        before, self._rows = self._rows, self.document.report.nations
        last = len(HEADERS) - 1
        for row, (old, new) in enumerate(zip(before, self._rows, strict=True)):
            if old != new:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))


class NationTable(QTableView):
    """Sortable nation table; Ctrl+C copies the selected rows as tab-separated text."""

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table-nations")
        self.setAccessibleName("Crewed access by nation")
        self.document = document
        self.source_model = NationTableModel(document, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        # Tab and Shift+Tab leave the table (arrows move between cells), so focus never traps.
        self.setTabKeyNavigation(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(24)
        # The short columns keep their contents' width (fit_columns, when their texts change:
        # measuring costs ~4 ms a report); the single points of failure take the rest, elided,
        # with the full names in the cell's tooltip.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self._fitted: tuple[str, ...] | None = None  # the short columns' texts last measured
        self.fit_columns()
        document.reportChanged.connect(self.fit_columns)
        copy = QAction("Copy rows", self)
        copy.setObjectName("action-copy-nations")
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        document.selectionChanged.connect(self._on_document_selection_changed)

    def fit_columns(self) -> None:
        """Each short column as wide as its widest cell or its header's text, no wider."""
        document = self.document
        texts = tuple(
            nation_cell(document.nation_summary(access.nation), column)
            for access in document.report.nations
            for column in range(len(HEADERS) - 1)
        )
        if texts == self._fitted:
            return
        self._fitted = texts
        metrics = self.horizontalHeader().fontMetrics()
        for column in range(len(HEADERS) - 1):
            text = NATION_SHORT_HEADERS[column]
            width = max(self.sizeHintForColumn(column), metrics.horizontalAdvance(text) + 14)
            self.setColumnWidth(column, width)

    def copy_selection(self) -> str:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()}) or range(
            self.proxy.rowCount()
        )
        lines = ["\t".join(HEADERS)]
        for row in rows:
            cells = (self.proxy.index(row, c).data() for c in range(len(HEADERS)))
            lines.append("\t".join(str(v) for v in cells))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def _on_selection_current_row_changed(self, current: QModelIndex, _previous) -> None:
        """Selecting a nation row selects that nation everywhere."""
        if current.isValid():
            self.document.select(current.data(ID_ROLE))

    def _on_document_selection_changed(self) -> None:
        """Highlight the selected nation's row; clear when something else is selected."""
        selected = self.document.selection
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == selected:
                if self.currentIndex().row() != row:
                    self.selectRow(row)
                return
        # Nothing, or not a nation, is selected: no row stays highlighted, and a click on the
        # row that was current selects that nation again.
        self.clearSelection()
        self.selectionModel().clearCurrentIndex()
