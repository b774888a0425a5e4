"""A scenario: the components a user has switched off for all time, and dated what-if changes.

Pure Python. Immutable; every change returns a new ``Scenario`` so that undo can keep the
before and after values. A site id switches off all of that site's pads. ``off`` holds the
undated switch-offs (the tree's check boxes); ``changes`` the dated changes of
``explorer.domain.changes`` in the order the user made them. The engine resolves both against
the catalog in ``explorer.domain.effective``; the dataset itself is never edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from explorer.domain.catalog import Catalog
from explorer.domain.changes import Change
from explorer.domain.entities import ComponentKind


@dataclass(frozen=True, slots=True)
class Scenario:
    off: frozenset[str] = frozenset()
    changes: tuple[Change, ...] = ()
    destination: str | None = None  # count only routes reaching it (None: any orbit)

    @classmethod
    def of(cls, ids: Iterable[str], changes: Iterable[Change] = ()) -> Scenario:
        return cls(frozenset(ids), tuple(changes))

    def with_enabled(self, component_id: str, enabled: bool) -> Scenario:
        """This scenario with one component switched on or off."""
        off = self.off - {component_id} if enabled else self.off | {component_id}
        return replace(self, off=off)

    def with_all_enabled(self, component_ids: Iterable[str], enabled: bool) -> Scenario:
        ids = frozenset(component_ids)
        return replace(self, off=self.off - ids if enabled else self.off | ids)

    def with_destination(self, destination_id: str | None) -> Scenario:
        """This scenario counting only routes that reach ``destination_id`` (None: any orbit)."""
        return replace(self, destination=destination_id)

    def is_enabled(self, component_id: str) -> bool:
        return component_id not in self.off

    # -- dated changes -----------------------------------------------------------------------
    def with_change(self, change: Change) -> Scenario:
        """This scenario with ``change`` appended."""
        return replace(self, changes=(*self.changes, change))

    def without_change(self, index: int) -> Scenario:
        """This scenario without its ``index``-th change (``IndexError`` if there is none)."""
        self.changes[index]
        return replace(self, changes=self.changes[:index] + self.changes[index + 1 :])

    def replacing_change(self, index: int, change: Change) -> Scenario:
        """This scenario with its ``index``-th change replaced by ``change``."""
        self.changes[index]
        return replace(self, changes=(*self.changes[:index], change, *self.changes[index + 1 :]))

    @property
    def baseline(self) -> Scenario:
        """The same switch-offs with no dated change."""
        return replace(self, changes=())

    @property
    def is_empty(self) -> bool:
        return not self.off and not self.changes

    def off_pads(self, catalog: Catalog) -> frozenset[str]:
        """The pads switched off for all time, directly or through their site."""
        pads: set[str] = set()
        for component_id in self.off:
            kind = catalog.kind_of(component_id)
            if kind is ComponentKind.SITE:
                pads.update(catalog.pads_of_site(component_id))
            elif kind is ComponentKind.PAD:
                pads.add(component_id)
        return frozenset(pads)

    def sorted_off(self) -> list[str]:
        return sorted(self.off)
