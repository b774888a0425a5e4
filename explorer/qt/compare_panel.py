"""The Compare panel: per nation, days of independent and of any crewed access in the baseline
(no changes) or a saved scenario, and in the current scenario, with the difference and the first
loss and regain of independent access.

Qt only (plus the domain and the scenario-file loader). The numbers come from the document's
session (``Session.comparison``: the pure ``explorer.domain.compare`` of the document's timeline
with a reference timeline computed once); the panel recomputes on the next turn of the event loop
after the scenario changes, once per burst, and only while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.domain.compare import HORIZON_END, Comparison
from explorer.domain.scenario import Scenario
from explorer.loaders.scenario_file import ScenarioFileError, read_scenario
from explorer.qt.document import ScenarioDocument

HEADERS = (
    "Nation",
    "Own: ref.",
    "Own: scen.",
    "Δ own",
    "Any: ref.",
    "Any: scen.",
    "Δ any",
    "First loss",
    "First regain",
)


class ComparePanel(QWidget):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare-panel")
        self.document = document
        self.against: Scenario | None = None
        self.against_name = "the baseline (no changes)"
        self.comparison: Comparison | None = None
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("table-compare")
        self.table.setAccessibleName("Comparison with the reference scenario")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setToolTip(
            "Days of independent (own) and of any crewed access in the reference and in the "
            "current scenario; first loss: the first day the scenario lacks independent access "
            "the reference has; first regain: the first day after that it has it again"
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.file_button = QPushButton("Against &file…", self)
        self.file_button.setObjectName("button-compare-file")
        self.baseline_button = QPushButton("Against &baseline", self)
        self.baseline_button.setObjectName("button-compare-baseline")
        buttons = QHBoxLayout()
        buttons.addWidget(self.baseline_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.baseline_button.clicked.connect(self._on_baseline_button_clicked)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh)
        document.scenarioChanged.connect(self._on_document_scenario_changed)
        self._stale = True

    def _on_document_scenario_changed(self) -> None:
        """Refresh now if the panel is shown, else when it is shown next (a hidden tab costs
        nothing on a toggle)."""
        self._stale = True
        if self.isVisible():
            self._refresh.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compare the document's timeline with the reference's and fill the table."""
        self._stale = False
        result = self.document.session.comparison(self.against)
        self.comparison = result
        last = HORIZON_END.fromordinal(HORIZON_END.toordinal() - 1)
        self.caption.setText(
            f"Days from {result.start.isoformat()} to {last.isoformat()}: the current scenario "
            f"against {self.against_name}."
        )
        self.table.setRowCount(len(result.nations))
        for row, n in enumerate(result.nations):
            values = (
                n.nation,
                n.baseline.independent_days,
                n.scenario.independent_days,
                f"{n.independent_difference:+d}",
                n.baseline.any_days,
                n.scenario.any_days,
                f"{n.any_difference:+d}",
                n.first_loss.isoformat() if n.first_loss else "—",
                n.first_regain.isoformat() if n.first_regain else "—",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if n.differs:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def set_against(self, scenario: Scenario | None, name: str) -> None:
        self.against, self.against_name = scenario, name
        self.refresh()

    def _on_file_button_clicked(self) -> None:
        """Compare against a saved scenario file."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Compare against scenario", "", "Scenario (*.json)"
        )
        if not path:
            return
        try:
            saved, _unknown = read_scenario(path).without_unknown(self.document.catalog)
        except ScenarioFileError as exc:
            QMessageBox.warning(self, "Cannot compare", str(exc))
            return
        self.set_against(saved.scenario, f"'{saved.title or path}'")

    def _on_baseline_button_clicked(self) -> None:
        """Compare against the baseline again."""
        self.set_against(None, "the baseline (no changes)")
