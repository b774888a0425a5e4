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
from explorer.qt.document import ScenarioDocument
from explorer.qt.styles import ACCESS_LABELS, access_icon

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_RANK = {AccessStatus.INDEPENDENT: 0, AccessStatus.PARTNER: 1, AccessStatus.NONE: 2}
# The numbers first: in a narrow dock the long id lists are what scrolls out of view.
HEADERS = ("Nation", "Access", "Routes", "Smallest cut", "Usable pads", "Single points of failure")


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
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
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
            return self._tooltip(access)
        if role == SORT_ROLE:
            return self._sort_key(access, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(access, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(access: NationAccess, column: int) -> str:
        if column == 0:
            return f"{access.name.split(' (')[0]} ({access.nation})"
        if column == 1:
            return ACCESS_LABELS[access.status]
        if column == 2:
            return str(len(access.counted_routes))
        if column == 3:
            return "—" if access.min_cut_size is None else str(access.min_cut_size)
        if column == 4:
            return ", ".join(access.usable_pads) or "—"
        return ", ".join(access.single_points_of_failure) or "—"

    @staticmethod
    def _sort_key(access: NationAccess, column: int):
        if column == 1:
            return STATUS_RANK[access.status]
        if column == 2:
            return len(access.counted_routes)
        if column == 3:
            return 99 if access.min_cut_size is None else access.min_cut_size
        if column == 4:
            return len(access.usable_pads)
        return NationTableModel._text(access, column)

    @staticmethod
    def _tooltip(access: NationAccess) -> str:
        routes = "\n".join(
            f"  {r.crew_vehicle} on {r.launch_vehicle} from {r.pad}"
            + (f" (via {r.provider})" if r.agreement else "")
            for r in access.counted_routes
        )
        return f"{access.name}: {ACCESS_LABELS[access.status]}" + (f"\n{routes}" if routes else "")

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
        header = self.horizontalHeader()
        # Size columns to their contents once; ResizeToContents would re-measure every cell
        # on every recompute.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.resizeColumnsToContents()
        copy = QAction("Copy rows", self)
        copy.setObjectName("action-copy-nations")
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.document = document
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        document.selectionChanged.connect(self._on_document_selection_changed)

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
