"""The catalog: every record of the dataset, indexed by id, with the static route graph.

Pure Python. A ``Catalog`` is immutable and built once by ``explorer.loaders.catalog``; the
candidate routes (crew vehicle x launch vehicle x pad that could ever fly together) are
precomputed here so that evaluating a date only filters them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

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
    Site,
)
from explorer.domain.reach_entities import ReachData


class UnknownIdError(KeyError):
    """An id that names nothing in the catalog; the message suggests the closest ids."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class CandidateRoute:
    """A crew vehicle on a launch vehicle from a pad: possible in principle, on some date."""

    crew_vehicle: str
    launch_vehicle: str
    pad: str
    pad_vehicle: PadVehicle


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
    _by_id: dict = field(init=False, repr=False, compare=False, hash=False)
    _kinds: dict = field(init=False, repr=False, compare=False, hash=False)
    _pads_of_site: dict = field(init=False, repr=False, compare=False, hash=False)
    _candidates: tuple = field(init=False, repr=False, compare=False, hash=False)
    _operator: dict = field(init=False, repr=False, compare=False, hash=False)
    _by_day: dict = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_id: dict[str, object] = {}
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

    def memo_by_day(self, day: date, compute):
        """``compute()`` once per date: scenario-independent facts of that day, kept bounded.

        The catalog is immutable, so what holds on a date never changes; dragging the date
        slider back and forth or recomputing the timeline then costs a dictionary lookup.
        """
        memo = self._by_day
        if day not in memo:
            if len(memo) >= 8192:
                memo.clear()
            memo[day] = compute()
        return memo[day]

    def get(self, record_id: str):
        """The site, pad, vehicle or agreement with this id; ``UnknownIdError`` otherwise."""
        try:
            return self._by_id[record_id]
        except KeyError:
            raise UnknownIdError(self._unknown_message("id", record_id, self._by_id)) from None

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
