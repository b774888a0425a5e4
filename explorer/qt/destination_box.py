"""The Destination selector beside the date: any orbit (the default), ISS, Tiangong, Mir, ...

Qt only. A ``QComboBox`` whose item data are destination ids (``None`` for any orbit); it calls
``document.set_destination`` and follows ``destinationChanged`` with its signals blocked.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

from explorer.qt.document import ScenarioDocument

ANY_ORBIT = "Any orbit"


class DestinationBox(QComboBox):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("destination-box")
        self.setAccessibleName("Destination")
        self.setToolTip("Count only the routes that can reach this destination on the date")
        self.document = document
        self.addItem(ANY_ORBIT, None)
        for destination in document.catalog.destinations:
            self.addItem(f"{destination.name} ({destination.inclination_deg:g}°)", destination.id)
        self.currentIndexChanged.connect(self._on_current_index_changed)
        document.destinationChanged.connect(self._on_document_destination_changed)
        self._on_document_destination_changed()

    def _on_current_index_changed(self, index: int) -> None:
        """The user picked a destination."""
        self.document.set_destination(self.itemData(index))

    def _on_document_destination_changed(self) -> None:
        """Follow undo/redo and opened scenarios."""
        with QSignalBlocker(self):
            self.setCurrentIndex(max(0, self.findData(self.document.destination)))
