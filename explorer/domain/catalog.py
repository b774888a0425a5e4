"""The catalog: every record of the dataset, indexed by id, with the static route graph.

Pure Python. A ``Catalog`` is immutable and built once by ``explorer.loaders.catalog``; the
candidate routes (crew vehicle x launch vehicle x pad that could ever fly together) are
precomputed here so that evaluating a date only filters them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar, cast, overload

from explorer.domain.entities import (
    Agreement,
    ComponentKind,
    CrewedLaunch,
    CrewVehicle,
    Destination,
    Event,
    LaunchVehicle,
    Nation,
    Pad,
    PadVehicle,
    Record,
    Site,
)
from explorer.domain.errors import ExplorerError
from explorer.domain.reach_entities import ReachData


class UnknownIdError(ExplorerError, KeyError):
    """An id that names nothing in the catalog; the message suggests the closest ids."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class Resolved:
    """What an id names: a nation (``kind`` is ``None``) or a switchable record of a kind."""

    id: str
    kind: ComponentKind | None
    record: Nation | Record

    @property
    def is_nation(self) -> bool:
        return self.kind is None


@dataclass(frozen=True, slots=True)
class CandidateRoute:
    """A crew vehicle on a launch vehicle from a pad: possible in principle, on some date."""

    crew_vehicle: str
    launch_vehicle: str
    pad: str
    pad_vehicle: PadVehicle


RecordT = TypeVar("RecordT", Site, Pad, LaunchVehicle, CrewVehicle, Agreement)
T = TypeVar("T")
_KIND_OF_TYPE: dict[type[Record], ComponentKind] = {
    Site: ComponentKind.SITE,
    Pad: ComponentKind.PAD,
    LaunchVehicle: ComponentKind.LAUNCH_VEHICLE,
    CrewVehicle: ComponentKind.CREW_VEHICLE,
    Agreement: ComponentKind.AGREEMENT,
}


@dataclass(frozen=True, slots=True)
class Catalog:
    as_of: date
    title: str
    nations: tuple[Nation, ...]
    sites: tuple[Site, ...]
    pads: tuple[Pad, ...]
    launch_vehicles: tuple[LaunchVehicle, ...]
    crew_vehicles: tuple[CrewVehicle, ...]
    agreements: tuple[Agreement, ...]
    destinations: tuple[Destination, ...] = ()
    events: tuple[Event, ...] = ()
    crewed_launches: tuple[CrewedLaunch, ...] = ()
    reach: ReachData = field(default_factory=ReachData)
    _by_id: dict[str, Record] = field(init=False, repr=False, compare=False, hash=False)
    _kinds: dict[str, ComponentKind] = field(init=False, repr=False, compare=False, hash=False)
    _pads_of_site: dict[str, tuple[str, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _candidates: tuple[CandidateRoute, ...] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _operator: dict[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _by_day: dict[date, object] = field(init=False, repr=False, compare=False, hash=False)
    # What-if catalogs (hypothetical pads and agreements, crew ratings) derived from this one,
    # and the dataset catalog they derive from (``self`` for the dataset's own).
    _derived: dict[Hashable, object] = field(init=False, repr=False, compare=False, hash=False)
    _root: Catalog | None = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Record] = {}
        kinds: dict[str, ComponentKind] = {}
        for kind, records in (
            (ComponentKind.SITE, self.sites),
            (ComponentKind.PAD, self.pads),
            (ComponentKind.LAUNCH_VEHICLE, self.launch_vehicles),
            (ComponentKind.CREW_VEHICLE, self.crew_vehicles),
            (ComponentKind.AGREEMENT, self.agreements),
        ):
            for record in records:
                by_id[record.id] = record
                kinds[record.id] = kind
        pads_of_site: dict[str, tuple[str, ...]] = {s.id: () for s in self.sites}
        for pad in self.pads:
            pads_of_site[pad.site] = (*pads_of_site.get(pad.site, ()), pad.id)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_kinds", kinds)
        object.__setattr__(self, "_pads_of_site", pads_of_site)
        object.__setattr__(self, "_candidates", self._build_candidates())
        object.__setattr__(self, "_operator", {cv.id: cv.nation for cv in self.crew_vehicles})
        object.__setattr__(self, "_by_day", {})
        object.__setattr__(self, "_derived", {})
        object.__setattr__(self, "_root", self)

    def _build_candidates(self) -> tuple[CandidateRoute, ...]:
        pads_serving: dict[str, list[tuple[Pad, PadVehicle]]] = {}
        for pad in self.pads:
            for served in pad.launch_vehicles:
                pads_serving.setdefault(served.launch_vehicle, []).append((pad, served))
        return tuple(
            CandidateRoute(cv.id, lv_id, pad.id, served)
            for cv in self.crew_vehicles
            for lv_id in cv.launch_vehicles
            for pad, served in pads_serving.get(lv_id, ())
        )

    # -- lookups -----------------------------------------------------------------------------
    @property
    def candidate_routes(self) -> tuple[CandidateRoute, ...]:
        return self._candidates

    def operator_of(self, crew_vehicle_id: str) -> str:
        """The nation operating a crew vehicle."""
        return self._operator[crew_vehicle_id]

    def memo_by_day(self, day: date, compute: Callable[[], T]) -> T:
        """``compute()`` once per date: scenario-independent facts of that day, kept bounded.

        The catalog is immutable, so what holds on a date never changes; dragging the date
        slider back and forth or recomputing the timeline then costs a dictionary lookup.
        """
        memo = self._by_day
        if day not in memo:
            if len(memo) >= 8192:
                memo.clear()
            memo[day] = compute()
        return cast(T, memo[day])

    @property
    def root(self) -> Catalog:
        """The dataset's catalog this one derives from through what-if changes (or itself)."""
        return self._root or self

    def derive(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` once per ``key``: a what-if catalog or fact derived from this catalog.

        A catalog ``compute`` returns remembers this one as its ``root``, so resolving the
        same changes again, from either, returns the same object (and its per-day memo).
        """
        memo = self._derived
        if key not in memo:
            if len(memo) >= 64:
                memo.clear()
            value = compute()
            if isinstance(value, Catalog) and value is not self:
                object.__setattr__(value, "_root", self.root)
            memo[key] = value
        return cast(T, memo[key])

    @overload
    def get(self, record_id: str) -> Record: ...
    @overload
    def get(self, record_id: str, kind: type[RecordT]) -> RecordT: ...
    def get(self, record_id: str, kind: type[RecordT] | None = None) -> Record:
        """The site, pad, vehicle or agreement with this id; ``UnknownIdError`` otherwise.

        With ``kind`` (``Pad``, ``Site``, ...), also ``UnknownIdError`` when the id names a record
        of another kind; the result is then typed as that kind.
        """
        record = self._by_id.get(record_id)
        if kind is not None and record is not None and not isinstance(record, kind):
            raise UnknownIdError(
                f"'{record_id}' is a {self._kinds[record_id].replace('_', ' ')}, "
                f"not a {_KIND_OF_TYPE[kind].replace('_', ' ')}"
            )
        try:
            return self._by_id[record_id]
        except KeyError:
            raise UnknownIdError(self._unknown_message("id", record_id, self._by_id)) from None

    def resolve(self, item_id: str) -> Resolved:
        """The nation (ids like ``RU``, any case) or record an id names; ``UnknownIdError``
        with the closest ids of either otherwise. The one lookup every view and command uses."""
        for nation in self.nations:
            if nation.id.lower() == item_id.lower():
                return Resolved(nation.id, None, nation)
        if item_id in self._by_id:
            return Resolved(item_id, self._kinds[item_id], self._by_id[item_id])
        known = [*self._by_id, *(n.id for n in self.nations)]
        raise UnknownIdError(self._unknown_message("id", item_id, known))

    def find(self, item_id: str) -> Resolved | None:
        """``resolve`` without the error: ``None`` for an id that names nothing."""
        try:
            return self.resolve(item_id)
        except UnknownIdError:
            return None

    def kind_of(self, record_id: str) -> ComponentKind:
        self.get(record_id)
        return self._kinds[record_id]

    def pads_of_site(self, site_id: str) -> tuple[str, ...]:
        return self._pads_of_site.get(site_id, ())

    def nation(self, nation_id: str) -> Nation:
        for nation in self.nations:
            if nation.id.lower() == nation_id.lower():
                return nation
        ids = {n.id: n for n in self.nations}
        raise UnknownIdError(self._unknown_message("nation", nation_id, ids))

    def projection_note(self, day: date) -> str:
        """For a date past ``as_of``: that what it shows is the last known state carried on."""
        if day <= self.as_of:
            return ""
        return (
            f"{day.isoformat()} is after the dataset's as-of date ({self.as_of.isoformat()}): "
            "it shows the last known statuses and the changes already planned"
        )

    def check_ids(self, ids: Iterable[str]) -> None:
        """Raise ``UnknownIdError`` for the first id that names no switchable component."""
        for record_id in ids:
            self.get(record_id)

    def change_dates(self) -> tuple[date, ...]:
        """Every date on which anything in the catalog changes status, sorted."""
        dates: set[date] = set()
        for records in (self.pads, self.launch_vehicles, self.crew_vehicles, self.agreements):
            for record in records:
                dates.update(record.history.dates)
        for pad in self.pads:
            for served in pad.launch_vehicles:
                dates.update(d for d in (served.start, served.end) if d is not None)
        # What a destination-filtered timeline depends on (harmless breakpoints otherwise).
        for destination in self.destinations:
            dates.update(destination.history.dates)
        for service in self.reach.services:
            dates.update(d for d in (service.start, service.end) if d is not None)
        return tuple(sorted(dates))

    @staticmethod
    def _unknown_message(what: str, wanted: str, known: Iterable[str]) -> str:
        close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.5)
        hint = f" (closest: {', '.join(close)})" if close else ""
        return f"unknown {what} '{wanted}'{hint}"
