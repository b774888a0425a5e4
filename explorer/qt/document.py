"""The single source of truth of the window: one immutable state, its undo stack, its results.

Qt only (plus the domain). The document owns a ``DocumentState`` (scenario, date, title, notes,
description: exactly what a scenario file saves) inside a Qt-free ``Session`` that computes the
report, the timeline, cut sets and explanations once per state; views listen to the signals and
only read ``document.report`` / ``document.timeline`` / ``document.session``.

Every change of the state is ONE ``QUndoCommand`` holding the state before and after: a toggle, a
date, the title or notes, a preset, an opened file, a recovered autosave, a reset. Consecutive date
changes less than ``DATE_MERGE_S`` apart (a slider drag, Play) merge into one step. So undo,
"modified" (the stack's clean state) and the saved file always agree. The selection is view state:
not undoable, not saved as a change, never "modified". The stack keeps at most ``undo_limit``
steps (a setting), so a long session's memory stays flat.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from explorer.domain.capability import CapabilityReport
from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.changes import Change
from explorer.domain.errors import ExplorerError
from explorer.domain.scenario import Scenario
from explorer.domain.session import DocumentState, Session
from explorer.domain.switches import OffCause, is_switched_on, off_cause, switched_on
from explorer.domain.timeline import Timeline
from explorer.domain.timespan import check_day
from explorer.loaders.change_spec import spec_text
from explorer.present.summary import NationSummary, Summary, summarize_nation, summary_of
from explorer.present.words import KIND_LABELS

DEFAULT_UNDO_LIMIT = 300
DATE_MERGE_S = 1.0
_DATE_COMMAND_ID = 1


class TextError(ExplorerError, ValueError):
    """A title or notes that could not be saved (a lone surrogate)."""


class StateCommand(QUndoCommand):
    """One undoable step: the document's state before and after."""

    def __init__(
        self,
        document: ScenarioDocument,
        before: DocumentState,
        after: DocumentState,
        text: str,
        merge_id: int = -1,
    ) -> None:
        super().__init__(text)
        self._document, self.before, self.after = document, before, after
        self._merge_id = merge_id
        self.pushed_at = time.monotonic()

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Date steps in quick succession (a drag, Play) become one step."""
        if not isinstance(other, StateCommand) or other.id() != self._merge_id:
            return False
        if other.pushed_at - self.pushed_at > DATE_MERGE_S:
            return False
        self.after, self.pushed_at = other.after, other.pushed_at
        self.setText(other.text())
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        self._document._replace(self.after)

    def undo(self) -> None:
        self._document._replace(self.before)


class ScenarioDocument(QObject):
    stateChanged = Signal()
    scenarioChanged = Signal()
    dateChanged = Signal()
    textChanged = Signal()
    reportChanged = Signal()
    selectionChanged = Signal()
    destinationChanged = Signal()

    def __init__(
        self,
        catalog: Catalog,
        day: date,
        parent: QObject | None = None,
        undo_limit: int = DEFAULT_UNDO_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(max(1, undo_limit))  # only possible while empty
        self._session = Session(catalog, DocumentState(day))
        self._selection: str | None = None
        self._summaries_of: CapabilityReport | None = None  # what ``_summaries`` describe
        self._summaries: dict[str, NationSummary] = {}
        self.last_recompute_ms = 0.0
        self._measure()

    # -- state -----------------------------------------------------------------------------------
    @property
    def state(self) -> DocumentState:
        return self._session.state

    @property
    def session(self) -> Session:
        return self._session

    @property
    def scenario(self) -> Scenario:
        return self.state.scenario

    @property
    def date(self) -> date:
        return self.state.day

    @property
    def report(self) -> CapabilityReport:
        return self._session.report

    @property
    def view_catalog(self) -> Catalog:
        """The catalog the views name things from: the dataset plus the scenario's hypotheticals."""
        return self.report.catalog or self.catalog

    @property
    def timeline(self) -> Timeline:
        return self._session.timeline

    def nation_summary(self, nation_id: str) -> NationSummary:
        """The nation's summary for the current report, built once for every view that asks."""
        report = self.report
        if self._summaries_of is not report:
            self._summaries_of, self._summaries = report, {}
        if nation_id not in self._summaries:
            self._summaries[nation_id] = summarize_nation(self.view_catalog, report, nation_id)
        return self._summaries[nation_id]

    def overview(self) -> Summary:
        """Every nation's summary on the date (the details with nothing selected, exports)."""
        return summary_of(
            self.view_catalog,
            self.report,
            tuple(self.nation_summary(n.nation) for n in self.report.nations),
        )

    @property
    def destination(self) -> str | None:
        """The destination routes must reach (None: any orbit)."""
        return self.scenario.destination

    def set_destination(self, destination_id: str | None) -> None:
        """Count only routes reaching ``destination_id`` (None: any orbit), as one undoable step."""
        if destination_id != self.destination:
            names = {d.id: d.name for d in self.catalog.destinations}
            name = names.get(destination_id, destination_id) if destination_id else "any orbit"
            after = self.scenario.with_destination(destination_id)
            self._push(self.state.edited(scenario=after), f"Destination: {name}")

    @property
    def selection(self) -> str | None:
        """The selected pad, site, vehicle, agreement or nation id (view state)."""
        return self._selection

    def is_enabled(self, component_id: str) -> bool:
        """Switched on for all time: neither it nor (for a pad) its site is switched off."""
        return is_switched_on(self.view_catalog, self.scenario, component_id)

    def off_cause(self, component_id: str) -> OffCause | None:
        """Why it is off on the date (switched off, with its site, by a dated change) or None."""
        return off_cause(self.view_catalog, self.scenario, component_id, self.report.switched_off)

    def label(self, component_id: str) -> str:
        """A human name for undo texts: "pad Site 31/6"."""
        record = self.catalog.get(component_id)
        return f"{KIND_LABELS[self.catalog.kind_of(component_id)]} {record.name}"

    # -- changes (each one undoable step) ----------------------------------------------------------
    def set_enabled(self, component_id: str, enabled: bool) -> None:
        """Switch one component on or off, by the domain's rule (``switches.switched_on``): a site
        comes back with its pads, a pad of a switched-off site comes back alone."""
        self.catalog.get(component_id)  # unknown ids fail before anything changes
        if enabled:
            after = switched_on(self.view_catalog, self.scenario, component_id)
        else:
            after = self.scenario.with_enabled(component_id, False)
        if after != self.scenario:
            verb = "Switch on" if enabled else "Switch off"  # the words of the menus and tree
            self._push(self.state.edited(scenario=after), f"{verb} {self.label(component_id)}")

    def set_all_enabled(self, component_ids: Iterable[str], enabled: bool, text: str) -> None:
        after = self.scenario.with_all_enabled(component_ids, enabled)
        if after != self.scenario:
            self._push(self.state.edited(scenario=after), text)

    def apply_scenario(self, scenario: Scenario, text: str) -> None:
        """Replace the switched-off set only (the date and texts stay)."""
        self.apply_state(self.state.edited(scenario=scenario), text)

    def apply_state(self, state: DocumentState, text: str) -> None:
        """Replace the whole state (a preset, an opened file, a recovered autosave)."""
        check_day(state.day)
        unknown = [i for i in state.scenario.off if not self._known(i)]
        if unknown:
            raise UnknownIdError(f"unknown ids: {', '.join(sorted(unknown))}")
        if state != self.state:
            self._push(state, text)

    def add_change(self, change: Change) -> None:
        """Add one dated what-if change."""
        after = self.scenario.with_change(change)
        self._push(self.state.edited(scenario=after), f"Add {spec_text(change)}")

    def remove_change(self, index: int) -> None:
        """Remove the ``index``-th change."""
        change = self.scenario.changes[index]
        after = self.scenario.without_change(index)
        self._push(self.state.edited(scenario=after), f"Remove {spec_text(change)}")

    def replace_change(self, index: int, change: Change) -> None:
        """Replace the ``index``-th change (an edit in the Scenario dock)."""
        if self.scenario.changes[index] != change:
            after = self.scenario.replacing_change(index, change)
            self._push(self.state.edited(scenario=after), f"Edit {spec_text(change)}")

    def reset(self) -> None:
        """Everything switched on, no dated changes, no title or notes; the date and the
        destination stay."""
        after = DocumentState(self.date, Scenario(destination=self.destination))
        if after != self.state:
            self._push(after, "Reset: everything switched on, no dated changes")

    def set_date(self, day: datetime.date) -> None:  # `date` is the property here
        """Move to ``day``; quick successive moves merge into one undo step."""
        check_day(day)
        if day != self.date:
            self._push(
                self.state.edited(day=day), f"Date {day.isoformat()}", merge_id=_DATE_COMMAND_ID
            )

    def set_text(self, title: str, notes: str) -> None:
        """Edit the scenario's title and notes; text that could not be saved is refused."""
        for field, value in (("title", title), ("notes", notes)):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise TextError(f"the {field} holds a character that cannot be saved") from None
        if (title, notes) != (self.state.title, self.state.notes):
            self._push(self.state.edited(title=title, notes=notes), "Edit title and notes")

    def select(self, item_id: str | None) -> None:
        if item_id != self._selection:
            self._selection = item_id
            self.selectionChanged.emit()

    # -- internals -------------------------------------------------------------------------------
    def _known(self, component_id: str) -> bool:
        found = self.catalog.find(component_id)
        return found is not None and not found.is_nation

    def _push(self, after: DocumentState, text: str, merge_id: int = -1) -> None:
        self.undo_stack.push(StateCommand(self, self.state, after, text, merge_id))

    def _replace(self, state: DocumentState) -> None:
        before = self.state
        if state == before:
            return
        self._session = self._session.successor(state)
        self._measure()
        if state.scenario != before.scenario:
            self.scenarioChanged.emit()
        if state.scenario.destination != before.scenario.destination:
            self.destinationChanged.emit()
        if state.day != before.day:
            self.dateChanged.emit()
        if (state.title, state.notes, state.description) != (
            before.title,
            before.notes,
            before.description,
        ):
            self.textChanged.emit()
        self.stateChanged.emit()
        if (state.scenario, state.day) != (before.scenario, before.day):
            self.reportChanged.emit()

    def _measure(self) -> None:
        t0 = time.perf_counter()
        self._session.report  # noqa: B018  (computed here, once, and timed)
        self.last_recompute_ms = (time.perf_counter() - t0) * 1000
