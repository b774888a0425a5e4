"""A scenario resolved against the catalog: the what-if catalog and what is off on each date.

Pure Python. ``effective(catalog, scenario)`` turns the scenario's changes into

- a *what-if catalog*: the dataset plus hypothetical pads (and their sites) and hypothetical
  agreements, with the crew-rating what-ifs written into copies of the records' histories. It is
  memoised on the dataset's catalog by those structural changes, so toggling a component or
  adding a dated outage reuses it and its per-day memo;
- the switched-off ids: ``off`` for all time, and per outage or region outage its window and
  the ids it takes out (a site and a region expanded to their pads, memoised per change).

The engine (``capability``, ``timeline``, ``obstacles``) asks ``off_on(day)``; only the changes
whose window holds the date apply. ``dates`` are the windows' ends, breakpoints of the timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

from explorer.domain import geodesy
from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.changes import (
    Change,
    ChangeKind,
    CrewRating,
    HypotheticalAgreement,
    HypotheticalPad,
    Outage,
    RegionOutage,
    Window,
)
from explorer.domain.entities import (
    Agreement,
    AgreementStatus,
    ComponentKind,
    CrewVehicle,
    CrewVehicleStatus,
    History,
    LaunchVehicle,
    LaunchVehicleStatus,
    Pad,
    PadStatus,
    PadVehicle,
    Site,
    StatusChange,
)
from explorer.domain.scenario import Scenario

WHAT_IF_NOTE = "what-if (scenario change)"
STRUCTURAL = (CrewRating, HypotheticalPad, HypotheticalAgreement)
RATED = {
    ComponentKind.PAD: PadStatus.CREW_CAPABLE,
    ComponentKind.LAUNCH_VEHICLE: LaunchVehicleStatus.CREW_RATED,
    ComponentKind.CREW_VEHICLE: CrewVehicleStatus.OPERATIONAL,
}
# The records a crew rating can rate (each has a history with a RATED status).
RatedT = TypeVar("RatedT", Pad, LaunchVehicle, CrewVehicle)


class ChangeError(ValueError):
    """A change that does not fit the catalog (unknown id, clashing id, wrong kind)."""


@dataclass(frozen=True, slots=True)
class Effective:
    catalog: Catalog
    off: frozenset[str]
    dated: tuple[tuple[Window, frozenset[str]], ...]
    dates: tuple[date, ...]
    destination: str | None = None  # only routes reaching it count (None: any orbit)

    def off_on(self, day: date) -> frozenset[str]:
        """Every id switched off on ``day``: the undated ones and the outages in force."""
        active = [ids for window, ids in self.dated if window.holds(day)]
        return self.off.union(*active) if active else self.off


def effective(catalog: Catalog, scenario: Scenario) -> Effective:
    """``scenario`` resolved against ``catalog`` (the dataset's, or a what-if one from it)."""
    root = catalog.root
    changes = scenario.changes
    structural = tuple(c for c in changes if isinstance(c, STRUCTURAL))
    what_if = (
        root.derive(("what-if", structural), lambda: _what_if_catalog(root, structural))
        if structural
        else root
    )
    off = scenario.off | scenario.off_pads(what_if) if scenario.off else frozenset()
    dated = tuple(
        (c.window, what_if.derive(("out", c), partial(_taken_out, what_if, c)))
        for c in changes
        if isinstance(c, Outage | RegionOutage)
    )
    dates = tuple(sorted({d for c in changes for d in c.dates})) if changes else ()
    return Effective(what_if, off, dated, dates, scenario.destination)


def what_if_catalog(catalog: Catalog, scenario: Scenario) -> Catalog:
    """The catalog the scenario's records live in (for names, kinds and map markers)."""
    return effective(catalog, scenario).catalog


def pads_within(
    catalog: Catalog, lat_deg: float, lon_deg: float, radius_km: float
) -> frozenset[str]:
    """The ids of the pads within ``radius_km`` of the point, on the WGS84 ellipsoid."""
    return frozenset(
        p.id
        for p in catalog.pads
        if geodesy.distance_km(lat_deg, lon_deg, p.lat_deg, p.lon_deg) <= radius_km
    )


def _taken_out(catalog: Catalog, change: Outage | RegionOutage) -> frozenset[str]:
    if isinstance(change, RegionOutage):
        return pads_within(catalog, change.lat_deg, change.lon_deg, change.radius_km)
    ids = {change.component}
    if catalog.kind_of(change.component) is ComponentKind.SITE:
        ids.update(catalog.pads_of_site(change.component))
    return frozenset(ids)


def _rated_history(history: History[Any], start: date, status: StrEnum) -> History[Any]:
    kept = tuple(c for c in history.changes if c.start < start)
    return History((*kept, StatusChange(start, status, WHAT_IF_NOTE)))


def _pad_history(change: HypotheticalPad) -> History[PadStatus]:
    window = change.window
    capable = max(change.crew_capable_from, window.start or change.crew_capable_from)
    entries: list[tuple[date, PadStatus]] = []
    if window.start is not None and window.start < capable:
        entries.append((window.start, PadStatus.UNCREWED_ONLY))
    if window.end is None or capable < window.end:
        entries.append((capable, PadStatus.CREW_CAPABLE))
    if window.end is not None:
        entries.append((window.end, PadStatus.RETIRED))
    return History(tuple(StatusChange(d, s, WHAT_IF_NOTE) for d, s in entries))


def _agreement_history(window: Window) -> History[AgreementStatus]:
    entries = [StatusChange(window.start or date.min, AgreementStatus.IN_FORCE, WHAT_IF_NOTE)]
    if window.end is not None:
        entries.append(StatusChange(window.end, AgreementStatus.ENDED, WHAT_IF_NOTE))
    return History(tuple(entries))


def hypothetical_site_id(pad_id: str) -> str:
    return f"{pad_id}-site"


def _what_if_catalog(root: Catalog, changes: tuple[Change, ...]) -> Catalog:
    ratings: dict[str, date] = {}
    for c in changes:
        if isinstance(c, CrewRating):
            ratings[c.component] = min(c.start, ratings.get(c.component, c.start))

    def rated(records: tuple[RatedT, ...], kind: ComponentKind) -> tuple[RatedT, ...]:
        status = RATED[kind]
        return tuple(
            replace(r, history=_rated_history(r.history, ratings[r.id], status))
            if r.id in ratings
            else r
            for r in records
        )

    sites, pads, agreements = list(root.sites), list(rated(root.pads, ComponentKind.PAD)), []
    for c in changes:
        if isinstance(c, HypotheticalPad):
            site = c.site
            if site is None:
                site = hypothetical_site_id(c.id)
                sites.append(
                    Site(
                        site,
                        f"{c.name} (hypothetical site)",
                        "",
                        "",
                        c.lat_deg,
                        c.lon_deg,
                        WHAT_IF_NOTE,
                    )
                )
            vehicles = tuple(PadVehicle(v) for v in c.launch_vehicles)
            pads.append(
                Pad(
                    c.id,
                    site,
                    c.name,
                    c.lat_deg,
                    c.lon_deg,
                    vehicles,
                    _pad_history(c),
                    (),
                    WHAT_IF_NOTE,
                )
            )
        elif isinstance(c, HypotheticalAgreement):
            name = f"{c.provider} flies {c.beneficiary} crews (hypothetical)"
            agreements.append(
                Agreement(
                    c.id,
                    name,
                    c.provider,
                    c.beneficiary,
                    tuple(c.crew_vehicles),
                    _agreement_history(c.window),
                    WHAT_IF_NOTE,
                )
            )
    return replace(
        root,
        sites=tuple(sites),
        pads=tuple(pads),
        launch_vehicles=rated(root.launch_vehicles, ComponentKind.LAUNCH_VEHICLE),
        crew_vehicles=rated(root.crew_vehicles, ComponentKind.CREW_VEHICLE),
        agreements=(*root.agreements, *agreements),
    )


def check_changes(catalog: Catalog, changes: tuple[Change, ...]) -> None:
    """Raise ``UnknownIdError`` or ``ChangeError`` for the first change that does not fit.

    Outages may name hypothetical pads and agreements of the same scenario.
    """
    root = catalog.root
    nations = {n.id for n in root.nations}
    new_ids: set[str] = set()
    for change in changes:
        if isinstance(change, CrewRating):
            kind = root.kind_of(change.component)
            if kind not in RATED:
                raise ChangeError(
                    f"'{change.component}' is a {kind.replace('_', ' ')}; only a pad, a launch "
                    "vehicle or a crew vehicle can be crew-rated"
                )
        elif isinstance(change, HypotheticalPad | HypotheticalAgreement):
            if change.id in new_ids or _exists(root, change.id):
                raise ChangeError(f"hypothetical id '{change.id}' is already taken")
            new_ids.add(change.id)
            if isinstance(change, HypotheticalPad):
                if change.site is not None and root.kind_of(change.site) is not ComponentKind.SITE:
                    raise ChangeError(
                        f"hypothetical pad {change.id}: '{change.site}' is not a site"
                    )
                for lv in change.launch_vehicles:
                    if root.kind_of(lv) is not ComponentKind.LAUNCH_VEHICLE:
                        raise ChangeError(
                            f"hypothetical pad {change.id}: '{lv}' is not a launch vehicle"
                        )
                if not -90 <= change.lat_deg <= 90 or not -180 <= change.lon_deg <= 180:
                    raise ChangeError(f"hypothetical pad {change.id}: position off the globe")
            else:
                for nation in (change.provider, change.beneficiary):
                    if nation not in nations:
                        root.nation(nation)  # raises with the closest id
                for cv in change.crew_vehicles:
                    if root.kind_of(cv) is not ComponentKind.CREW_VEHICLE:
                        raise ChangeError(
                            f"hypothetical agreement {change.id}: '{cv}' is not a crew vehicle"
                        )
        elif isinstance(change, Outage):
            if change.component not in new_ids:
                root.get(change.component)
        elif isinstance(change, RegionOutage):
            if not -90 <= change.lat_deg <= 90 or not -180 <= change.lon_deg <= 180:
                raise ChangeError(f"region outage at {change.component}: centre off the globe")
        elif getattr(change, "kind", None) not in ChangeKind:
            raise ChangeError(f"unknown change {change!r}")


def _exists(catalog: Catalog, record_id: str) -> bool:
    try:
        catalog.get(record_id)
    except UnknownIdError:
        return False
    return True
