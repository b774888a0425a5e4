"""Left-dock panels: the Sites → Pads tree and the vehicles/agreements check lists.

Qt only. Check boxes map to ``ScenarioDocument.set_enabled``; the panels restyle from the
document's report and write check states back under ``QSignalBlocker`` so nothing loops.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.domain.entities import Agreement, ComponentKind, CrewVehicle, LaunchVehicle, Pad
from explorer.present.cells import record_status_text, site_status_text
from explorer.present.words import USABLE
from explorer.qt.clear_button import add_clear_button
from explorer.qt.document import ScenarioDocument
from explorer.qt.labels import short_pad_name, short_site_name
from explorer.qt.styles import pad_icon
from explorer.qt.tree_keys import TreeKeys

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class ComponentTree(QWidget):
    """A filterable tree of switchable components with check boxes."""

    def __init__(self, document: ScenarioDocument, flavour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.flavour = flavour
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName(f"filter-{flavour}")
        self.filter_edit.setPlaceholderText("Filter by name, alias or id…")
        add_clear_button(self.filter_edit, "Clear the filter")
        self.filter_edit.setAccessibleName(f"Filter {flavour}")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName(f"tree-{flavour}")
        self.tree.setAccessibleName("Sites and pads" if flavour == "sites" else "Vehicles")
        self.tree.setHeaderLabels(["Component", "Status on date"])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        metrics = self.tree.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(t) for t in ("under construction", site_status_text(6, 6))
        )
        header.resizeSection(1, widest + 14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._looks: dict[str, tuple] = {}  # what each row shows: (text, check, status, palette)
        self._build()
        self.tree.expandAll()
        self._restyle()
        self.keys = TreeKeys(self.tree)  # Space toggles, Enter: details, Menu: context menu
        self.detailsRequested = self.keys.detailsRequested
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        document.reportChanged.connect(self._restyle)
        document.selectionChanged.connect(self._on_document_selection_changed)

    # -- building ------------------------------------------------------------------------------
    def _item(self, parent, component_id: str, text: str, search: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text, ""])
        item.setData(0, ID_ROLE, component_id)
        item.setData(0, SEARCH_ROLE, f"{search} {component_id}".lower())
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)
        self._items[component_id] = item
        return item

    def _build(self) -> None:
        catalog = self.document.catalog
        if self.flavour == "sites":
            for site in sorted(catalog.sites, key=lambda s: s.name):
                label = short_site_name(site.name)
                site_item = self._item(self.tree, site.id, label, f"{site.name} {site.country}")
                site_item.setToolTip(0, f"{site.name} ({site.country}), {site.operator}")
                for pad_id in catalog.pads_of_site(site.id):
                    pad = catalog.get(pad_id, Pad)
                    search = " ".join((pad.name, *pad.aliases))
                    pad_item = self._item(site_item, pad.id, short_pad_name(pad.name), search)
                    also = f"\nalso {', '.join(pad.aliases)}" if pad.aliases else ""
                    pad_item.setToolTip(0, f"{pad.name} — {site.name}{also}")
            return
        groups: tuple[tuple[str, Sequence[CrewVehicle | LaunchVehicle | Agreement]], ...] = (
            ("Crew vehicles", catalog.crew_vehicles),
            ("Launch vehicles", catalog.launch_vehicles),
            ("Agreements", catalog.agreements),
        )
        bold = QFont()
        bold.setBold(True)
        for title, records in groups:
            group = QTreeWidgetItem(self.tree, [title])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for record in sorted(records, key=lambda r: r.name):
                item = self._item(group, record.id, record.name, record.name)
                item.setToolTip(0, record.notes or record.name)

    # -- restyling -----------------------------------------------------------------------------
    def _restyle(self) -> None:
        document, catalog, day = self.document, self.document.catalog, self.document.date
        palette = self.tree.palette().cacheKey()  # the status brushes come from the palette
        with QSignalBlocker(self.tree):
            for component_id, item in self._items.items():
                kind = catalog.kind_of(component_id)
                # From the what-if catalog: a crew-rating change shows in the status.
                shown = document.view_catalog
                off = document.off_cause(component_id)  # the domain's one rule
                status = None
                if kind is ComponentKind.SITE:
                    state = self._site_state(component_id)
                    pads = catalog.pads_of_site(component_id)
                    usable = sum(p in document.report.usable_pads for p in pads)
                    text = site_status_text(usable, len(pads), off)
                else:
                    enabled = document.is_enabled(component_id)
                    state = Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked
                    record = cast(
                        "Pad | LaunchVehicle | CrewVehicle | Agreement", shown.get(component_id)
                    )
                    status = record.history.status_on(day)
                    text = record_status_text(shown, component_id, day, off, kind)
                # Each Qt call costs: touch only the rows whose look changed (a date step
                # changes few). An icon never compares equal to the last one, so it is set
                # only on change too, or every restyle repaints every row.
                look = (text, state, status, palette)
                before = self._looks.get(component_id)
                if before == look:
                    continue
                if kind is ComponentKind.PAD and (before is None or before[2] != status):
                    item.setIcon(0, pad_icon(status))
                self._looks[component_id] = look
                item.setText(1, text)
                item.setToolTip(1, text)  # the whole text when the column is narrow
                if status is not None:
                    item.setForeground(1, self._status_brush(status))
                item.setCheckState(0, state)

    def _status_brush(self, status):
        palette = self.tree.palette()
        role = palette.ColorRole.Text if status in USABLE else palette.ColorRole.PlaceholderText
        return palette.brush(role)

    def _site_state(self, site_id: str) -> Qt.CheckState:
        document, pads = self.document, self.document.catalog.pads_of_site(site_id)
        if not document.is_enabled(site_id):
            return Qt.CheckState.Unchecked
        on = sum(document.is_enabled(p) for p in pads)
        if on == len(pads):
            return Qt.CheckState.Checked
        return Qt.CheckState.Unchecked if on == 0 else Qt.CheckState.PartiallyChecked

    # -- handlers ------------------------------------------------------------------------------
    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        """A check box was toggled by the user: one undoable document change."""
        component_id = item.data(0, ID_ROLE)
        if column != 0 or component_id is None:
            return
        # Ticking a site or a pad of a switched-off site: the document's rule, as on the map.
        self.document.set_enabled(component_id, item.checkState(0) != Qt.CheckState.Unchecked)
        self._restyle()  # a refused or no-op change must not leave the box in the wrong state

    def _on_tree_current_item_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        """Selecting a row selects that component everywhere."""
        if current is not None and current.data(0, ID_ROLE):
            self.document.select(current.data(0, ID_ROLE))

    def _on_document_selection_changed(self) -> None:
        """Mirror the shared selection, without echoing it back."""
        item = self._items.get(self.document.selection or "")
        with QSignalBlocker(self.tree):
            # None clears (QTreeWidget takes a null item); PySide6 stubs omit the `| None`.
            self.tree.setCurrentItem(item)  # type: ignore[arg-type]
        if item is not None:
            self.tree.scrollToItem(item)

    def _on_filter_edit_text_changed(self, text: str) -> None:
        """Show the rows matching every word typed, with their parents."""
        words = text.lower().split()
        for i in range(self.tree.topLevelItemCount()):
            top = cast(QTreeWidgetItem, self.tree.topLevelItem(i))  # i is in range
            top_match = all(w in (top.data(0, SEARCH_ROLE) or "") for w in words)
            any_child = False
            for j in range(top.childCount()):
                child = cast(QTreeWidgetItem, top.child(j))
                match = top_match or all(w in child.data(0, SEARCH_ROLE) for w in words)
                child.setHidden(not match)
                any_child |= match
            top.setHidden(not (top_match or any_child))

    def item_for(self, component_id: str) -> QTreeWidgetItem:
        return self._items[component_id]
