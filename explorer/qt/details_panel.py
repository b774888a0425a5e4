"""The right-dock details of the selection: a nation's routes and cut sets, a record's history.

Qt only. Shows the HTML of ``explorer.present.details`` for the document's selection and report,
or with nothing selected the overview of ``explorer.present.overview`` (every nation's single
points of failure, the scenario's title and description); links open in the system browser.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.present.details import nation_html, nothing_named, record_html
from explorer.present.overview import overview_html
from explorer.qt.document import ScenarioDocument
from explorer.qt.styles import ACCESS_COLORS


class DetailsPanel(QTextBrowser):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details")
        self.setAccessibleName("Details of the selection")
        self.setOpenExternalLinks(True)
        # Not ``document``: that is QTextEdit.document(), the text this widget shows.
        self.scenario_document = document
        document.reportChanged.connect(self.refresh)
        document.selectionChanged.connect(self.refresh)
        document.textChanged.connect(self._on_document_text_changed)
        self.refresh()

    def refresh(self) -> None:
        self.setHtml(self.html())

    def _on_document_text_changed(self) -> None:
        """The overview shows the scenario's title and description."""
        if self.scenario_document.selection is None:
            self.refresh()

    def html(self) -> str:
        document = self.scenario_document
        selected = document.selection
        if selected is None:
            state = document.state
            overview = document.overview()
            return overview_html(overview, state.title, state.description)
        catalog = document.view_catalog  # hypothetical pads and agreements have names too
        found = catalog.find(selected)
        if found is None:
            return nothing_named(selected)
        if found.is_nation:
            summary = document.nation_summary(found.id)
            return nation_html(catalog, summary, ACCESS_COLORS[summary.status])
        return record_html(catalog, found, document.date, document.off_cause(found.id))
