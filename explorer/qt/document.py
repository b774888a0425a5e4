"""The single source of truth of the window: catalog, scenario, date and the current report.

Every toggle from any widget goes through ``ScenarioDocument.set_enabled``, which pushes one
``QUndoCommand``; undo/redo replace the immutable ``Scenario`` and re-run the pure ``assess``.
Views listen to ``reportChanged`` and never compute capability themselves. Selection is view
state (not undoable) and lives here too so that map, tree and panels share it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from explorer.domain.capability import CapabilityReport, assess
from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.entities import ComponentKind
from explorer.domain.scenario import Scenario

KIND_LABELS = {
    ComponentKind.SITE: "site",
    ComponentKind.PAD: "pad",
    ComponentKind.LAUNCH_VEHICLE: "launch vehicle",
    ComponentKind.CREW_VEHICLE: "crew vehicle",
    ComponentKind.AGREEMENT: "agreement",
}


class ScenarioCommand(QUndoCommand):
    """One undoable change of the scenario, holding the values before and after."""

    def __init__(self, document: ScenarioDocument, before: Scenario, after: Scenario, text: str):
        super().__init__(text)
        self._document, self._before, self._after = document, before, after

    def redo(self) -> None:
        self._document._replace(self._after)

    def undo(self) -> None:
        self._document._replace(self._before)


class ScenarioDocument(QObject):
    scenarioChanged = Signal()
    reportChanged = Signal()
    dateChanged = Signal()
    selectionChanged = Signal()
    destinationChanged = Signal()

    def __init__(self, catalog: Catalog, day: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.undo_stack = QUndoStack(self)
        self._scenario = Scenario()
        self._date = day
        self._selection: str | None = None
        self.last_recompute_ms = 0.0
        self._report = self._assess()

    # -- state ---------------------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def date(self) -> date:
        return self._date

    @property
    def report(self) -> CapabilityReport:
        return self._report

    @property
    def destination(self) -> str | None:
        """The destination routes must reach (None: any orbit)."""
        return self._scenario.destination

    def set_destination(self, destination_id: str | None) -> None:
        """Count only routes reaching ``destination_id`` (None: any orbit), as one undoable step."""
        if destination_id != self._scenario.destination:
            name = destination_id or "any orbit"
            self._push(self._scenario.with_destination(destination_id), f"Destination: {name}")

    @property
    def selection(self) -> str | None:
        """The selected pad, site, vehicle, agreement or nation id."""
        return self._selection

    def is_enabled(self, component_id: str) -> bool:
        return self._scenario.is_enabled(component_id)

    def label(self, component_id: str) -> str:
        """A human name for undo texts: "pad Site 31/6"."""
        record = self.catalog.get(component_id)
        return f"{KIND_LABELS[self.catalog.kind_of(component_id)]} {record.name}"

    # -- changes -------------------------------------------------------------------------------
    def set_enabled(self, component_id: str, enabled: bool) -> None:
        """Switch one component on or off, as one undoable step."""
        self.catalog.get(component_id)  # unknown ids fail before anything changes
        after = self._scenario.with_enabled(component_id, enabled)
        if after != self._scenario:
            verb = "Enable" if enabled else "Disable"
            self._push(after, f"{verb} {self.label(component_id)}")

    def set_all_enabled(self, component_ids: Iterable[str], enabled: bool, text: str) -> None:
        after = self._scenario.with_all_enabled(component_ids, enabled)
        if after != self._scenario:
            self._push(after, text)

    def apply_scenario(self, scenario: Scenario, text: str) -> None:
        """Replace the whole scenario (presets, opened files) as one undoable step."""
        unknown = [i for i in scenario.off if not self._known(i)]
        if unknown:
            raise UnknownIdError(f"unknown ids: {', '.join(sorted(unknown))}")
        if scenario != self._scenario:
            self._push(scenario, text)

    def reset(self) -> None:
        if self._scenario.off:
            self._push(Scenario(destination=self.destination), "Reset: everything switched on")

    def set_date(self, day: date) -> None:
        if day != self._date:
            self._date = day
            self.dateChanged.emit()
            self._recompute()

    def select(self, item_id: str | None) -> None:
        if item_id != self._selection:
            self._selection = item_id
            self.selectionChanged.emit()

    # -- internals -----------------------------------------------------------------------------
    def _known(self, component_id: str) -> bool:
        try:
            self.catalog.get(component_id)
        except UnknownIdError:
            return False
        return True

    def _push(self, after: Scenario, text: str) -> None:
        self.undo_stack.push(ScenarioCommand(self, self._scenario, after, text))

    def _replace(self, scenario: Scenario) -> None:
        moved = scenario.destination != self._scenario.destination
        self._scenario = scenario
        self.scenarioChanged.emit()
        if moved:
            self.destinationChanged.emit()
        self._recompute()

    def _assess(self) -> CapabilityReport:
        t0 = time.perf_counter()
        report = assess(self.catalog, self._scenario, self._date)
        self.last_recompute_ms = (time.perf_counter() - t0) * 1000
        return report

    def _recompute(self) -> None:
        self._report = self._assess()
        self.reportChanged.emit()
