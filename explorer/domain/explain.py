"""Why routes are missing: the spell a component is in on a date, and the partner routes a nation
lacks.

Pure Python (domain only). Two readings of the same facts ``assess`` uses:

- ``spell(catalog, component, day)``: the status a pad, vehicle or agreement has on the day,
  since when, and for a grounding (a damaged pad, a grounded vehicle, a suspended agreement) the
  event that caused it and the day it could be used again, with the event that marked the return;
- ``partner_gaps(catalog, report, nation)``: every agreement naming the nation as beneficiary
  that gives it no route on the report's date, and why: switched off in the scenario, ended or
  suspended (since when), not yet signed, or in force while each of its crew vehicles is held
  on the ground (retired, in development, grounded, or its rockets and pads unusable: the
  provider's own obstacles, ``own_access_obstacles``).

One rule for every view: ``explorer.present`` puts these values into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from explorer.domain.capability import CapabilityReport
from explorer.domain.catalog import Catalog
from explorer.domain.effective import effective
from explorer.domain.entities import (
    AgreementStatus,
    CrewVehicle,
    CrewVehicleStatus,
    Event,
    History,
    LaunchVehicleStatus,
    PadStatus,
)
from explorer.domain.obstacles import Blocked, GroundedVehicle, Obstacle, own_access_obstacles

# A status that takes a record out of service for a while (a cause, a return).
GROUNDINGS: frozenset[StrEnum] = frozenset(
    {
        PadStatus.DAMAGED,
        LaunchVehicleStatus.GROUNDED,
        CrewVehicleStatus.GROUNDED,
        AgreementStatus.SUSPENDED,
    }
)
# The statuses in which a record can take part in a route again.
IN_SERVICE: frozenset[StrEnum] = frozenset(
    {
        PadStatus.CREW_CAPABLE,
        LaunchVehicleStatus.CREW_RATED,
        CrewVehicleStatus.OPERATIONAL,
        AgreementStatus.IN_FORCE,
    }
)
CAUSE_KINDS = frozenset({"accident", "stand-down", "pad-damage"})
RETURN_KINDS = frozenset({"return-to-flight", "pad-restored", "crewed-launch"})
# An accident on day D grounds from D + 1 (catalog README); a stand-down may be announced a few
# days after the failure it follows.
CAUSE_WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Spell:
    """The status a component is in on a date, since when, and (a grounding) why and until when."""

    component: str
    status: StrEnum
    since: date
    until: date | None = None  # a grounding: the first day in service again (None: not known)
    cause: Event | None = None  # a grounding: the accident or stand-down that began it
    back: Event | None = None  # a grounding: the event that marked the return to service

    @property
    def is_grounding(self) -> bool:
        return self.status in GROUNDINGS


@dataclass(frozen=True, slots=True)
class PartnerGap:
    """An agreement naming the nation as beneficiary that gives it no route on the date.

    ``reason``: ``Blocked.SWITCHED_OFF`` (the scenario), ``None`` (not yet signed), or the
    agreement's status (ended, suspended; or in force, when ``vehicles`` say what holds each of
    its crew vehicles on the ground; in force with no vehicle held: its routes miss the
    scenario's destination).
    """

    agreement: str
    provider: str
    reason: StrEnum | None
    spell: Spell | None  # the agreement's own spell (its end date, a suspension)
    vehicles: tuple[GroundedVehicle, ...] = ()


def spell(catalog: Catalog, component_id: str, day: date) -> Spell | None:
    """The status spell of ``component_id`` on ``day`` (None: no history, or not yet in being).

    Examples
    --------
    Baikonur Site 31/6 on 2025-11-28: damaged since 2025-11-28, caused by the Soyuz MS-28
    pad-damage event of 2025-11-27, crew-capable again from 2026-03-22 (Progress MS-33).
    """
    history: History[StrEnum] | None = getattr(catalog.get(component_id), "history", None)
    if history is None:
        return None
    entry = history.change_on(day)
    if entry is None:
        return None
    # Consecutive entries with one status are one spell (a later entry may only add a source).
    changes = history.changes
    i = changes.index(entry)
    while i > 0 and changes[i - 1].status == entry.status:
        i -= 1
    entry = changes[i]
    if entry.status not in GROUNDINGS:
        return Spell(component_id, entry.status, entry.start)
    later = [c for c in history.changes if c.start > entry.start and c.status in IN_SERVICE]
    until = later[0].start if later else None
    concerning = [e for e in catalog.events if component_id in e.components]
    causes = [
        e
        for e in concerning
        if e.kind in CAUSE_KINDS and entry.start - CAUSE_WINDOW <= e.day <= entry.start
    ]
    backs = [
        e
        for e in concerning
        if e.kind in RETURN_KINDS and entry.start <= e.day and (until is None or e.day <= until)
    ]
    return Spell(
        component_id,
        entry.status,
        entry.start,
        until,
        max(causes, key=lambda e: e.day) if causes else None,
        min(backs, key=lambda e: e.day) if backs else None,
    )


def partner_gaps(
    catalog: Catalog, report: CapabilityReport, nation_id: str
) -> tuple[PartnerGap, ...]:
    """Each agreement ever signed for ``nation_id`` that gives it no route on the report's date.

    Examples
    --------
    Japan on 2011-08-01: the agreement for Japanese astronauts on US vehicles is in force, but
    the Shuttle orbiter is retired (since 2011-07-22) and Crew Dragon is in development.
    """
    day, scenario = report.day, report.scenario
    eff = effective(catalog, scenario)
    what_if, off = eff.catalog, eff.off_on(day)
    nation = report.nation(nation_id).nation
    with_routes = {r.agreement for r in report.nation(nation).partner_routes}
    held: dict[str, dict[str, GroundedVehicle]] = {}  # provider -> crew vehicle -> obstacles
    gaps = []
    for agreement in what_if.agreements:
        if agreement.beneficiary != nation or agreement.id in with_routes:
            continue
        status = agreement.history.status_on(day)
        if status is None and agreement.id not in off:
            continue  # not yet signed: nothing vanished
        own_spell = spell(what_if, agreement.id, day)
        if agreement.id in off:
            gaps.append(
                PartnerGap(agreement.id, agreement.provider, Blocked.SWITCHED_OFF, own_spell)
            )
            continue
        if status is not AgreementStatus.IN_FORCE:
            gaps.append(PartnerGap(agreement.id, agreement.provider, status, own_spell))
            continue
        if agreement.provider not in held:
            held[agreement.provider] = {
                g.crew_vehicle: g
                for g in own_access_obstacles(catalog, scenario, day, agreement.provider)
            }
        vehicles = []
        for vehicle_id in agreement.crew_vehicles:
            vehicle_status = what_if.get(vehicle_id, CrewVehicle).status_on(day)
            if vehicle_status in (None, CrewVehicleStatus.RETIRED):
                vehicles.append(
                    GroundedVehicle(vehicle_id, (Obstacle(vehicle_id, vehicle_status),))
                )
            elif vehicle_id in held[agreement.provider]:
                vehicles.append(held[agreement.provider][vehicle_id])
        gaps.append(
            PartnerGap(agreement.id, agreement.provider, status, own_spell, tuple(vehicles))
        )
    return tuple(gaps)
