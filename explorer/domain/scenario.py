"""A scenario: the components a user has switched off.

Pure Python. Immutable; every change returns a new ``Scenario`` so that undo can keep the
before and after values. A site id switches off all of that site's pads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from explorer.domain.catalog import Catalog
from explorer.domain.entities import ComponentKind


@dataclass(frozen=True, slots=True)
class Scenario:
    off: frozenset[str] = frozenset()
    destination: str | None = None  # count only routes reaching it (None: any orbit)

    @classmethod
    def of(cls, ids: Iterable[str]) -> Scenario:
        return cls(frozenset(ids))

    def with_enabled(self, component_id: str, enabled: bool) -> Scenario:
        """This scenario with one component switched on or off."""
        off = self.off - {component_id} if enabled else self.off | {component_id}
        return Scenario(off, self.destination)

    def with_all_enabled(self, component_ids: Iterable[str], enabled: bool) -> Scenario:
        ids = frozenset(component_ids)
        return Scenario(self.off - ids if enabled else self.off | ids, self.destination)

    def with_destination(self, destination_id: str | None) -> Scenario:
        """This scenario counting only routes that reach ``destination_id`` (None: any orbit)."""
        return Scenario(self.off, destination_id)

    def is_enabled(self, component_id: str) -> bool:
        return component_id not in self.off

    def off_pads(self, catalog: Catalog) -> frozenset[str]:
        """The pads switched off, directly or through their site."""
        pads = set()
        for component_id in self.off:
            kind = catalog.kind_of(component_id)
            if kind is ComponentKind.SITE:
                pads.update(catalog.pads_of_site(component_id))
            elif kind is ComponentKind.PAD:
                pads.add(component_id)
        return frozenset(pads)

    def sorted_off(self) -> list[str]:
        return sorted(self.off)
