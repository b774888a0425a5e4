"""The state of one open scenario and the results derived from it, computed once per state.

Pure Python. ``DocumentState`` is everything a scenario file saves and undo covers: the scenario
(what is switched off), the date, the title, the notes and a preset's description. It is immutable:
every edit makes a new state, so an undo step is just the state before and after. View state
(selection, zoom) is not part of it.

``Session`` holds one state with its derived results (the capability report, the exact timeline,
cut sets and what keeps each nation's vehicles on the ground), each computed on first use and
kept; the window's document wraps a session (as napari's Qt layer wraps its components) and views
only read from it. A successor session for a new state reuses what does not depend on the change:
the timeline depends on the scenario only, not on the date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from explorer.domain.capability import CapabilityReport, Level, assess, cut_sets
from explorer.domain.catalog import Catalog
from explorer.domain.compare import Comparison, baseline_of, compare_timelines
from explorer.domain.obstacles import GroundedVehicle, own_access_obstacles
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import Timeline, timeline
from explorer.domain.timespan import END_DAY, FIRST_DAY


@dataclass(frozen=True, slots=True)
class DocumentState:
    """What a scenario file saves, undo covers and "modified" tracks."""

    day: date
    scenario: Scenario = field(default_factory=Scenario)
    title: str = ""
    notes: str = ""
    description: str = ""

    def edited(self, **changes: Any) -> DocumentState:
        """This state with some fields replaced."""
        return replace(self, **changes)


class Session:
    """One state and its derived results, each computed once on first use."""

    def __init__(self, catalog: Catalog, state: DocumentState) -> None:
        self.catalog = catalog
        self.state = state
        self._report: CapabilityReport | None = None
        self._timeline: Timeline | None = None
        self._cuts: dict[tuple[str, Level | None, int | None], list[frozenset[str]]] = {}
        self._obstacles: dict[str, tuple[GroundedVehicle, ...]] = {}

    def successor(self, state: DocumentState) -> Session:
        """A session for ``state`` that keeps the results the change cannot alter."""
        following = Session(self.catalog, state)
        if state.scenario == self.state.scenario:
            following._timeline = self._timeline
            if state.day == self.state.day:
                following._report = self._report
                following._cuts = self._cuts
                following._obstacles = self._obstacles
        return following

    @property
    def report(self) -> CapabilityReport:
        if self._report is None:
            self._report = assess(self.catalog, self.state.scenario, self.state.day)
        return self._report

    @property
    def timeline(self) -> Timeline:
        """Every nation's exact access over the whole time range, under this scenario."""
        if self._timeline is None:
            self._timeline = timeline(self.catalog, self.state.scenario, FIRST_DAY, END_DAY)
        return self._timeline

    def comparison(self, against: Scenario | None = None) -> Comparison:
        """This scenario's timeline against ``against``'s (default: the baseline), whole range.

        The reference timeline is kept on the dataset's catalog, so it is computed once per
        reference scenario, not on every change of this one.
        """
        reference = against or baseline_of(self.state.scenario)
        root = self.catalog.root
        other = root.derive(
            ("timeline", reference), lambda: timeline(root, reference, FIRST_DAY, END_DAY)
        )
        return compare_timelines(other, self.timeline)

    def cut_sets(
        self, nation_id: str, level: Level | None = None, max_size: int | None = 3
    ) -> list[frozenset[str]]:
        key = (nation_id, level, max_size)
        if key not in self._cuts:
            self._cuts[key] = cut_sets(self.report, nation_id, level, max_size)
        return self._cuts[key]

    def obstacles(self, nation_id: str) -> tuple[GroundedVehicle, ...]:
        """Why each of the nation's own crew vehicles cannot fly (empty when one can)."""
        if nation_id not in self._obstacles:
            self._obstacles[nation_id] = tuple(
                own_access_obstacles(self.catalog, self.state.scenario, self.state.day, nation_id)
            )
        return self._obstacles[nation_id]
