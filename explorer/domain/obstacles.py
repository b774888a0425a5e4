"""Why a nation has no crewed access of its own: what stands in the way of each of its vehicles.

Pure Python. For every crew vehicle a nation operates that exists and is not retired on a date,
``own_access_obstacles`` names the components that keep it from flying: the spacecraft itself
(in development, grounded or switched off), its launch vehicles (not crew-rated or switched off)
and, when a launch vehicle could fly, the pads that serve it (not crew-capable or switched off).
The same facts ``assess`` uses, read the other way round. Each obstacle carries a reason as a
value (a status, ``None`` for not yet in being, or a ``Blocked`` member); ``explorer.present``
puts it into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from explorer.domain.catalog import Catalog
from explorer.domain.effective import effective
from explorer.domain.entities import (
    CrewVehicleStatus,
    LaunchVehicle,
    LaunchVehicleStatus,
    Pad,
    PadStatus,
)
from explorer.domain.scenario import Scenario


class Blocked(StrEnum):
    """Reasons that are not a record's own status."""

    SWITCHED_OFF = "switched_off"
    NO_PAD = "no_pad"  # a launch vehicle that no pad serves on the date


Reason = StrEnum | None  # a record status, a ``Blocked`` member, or None: not yet in being


@dataclass(frozen=True, slots=True)
class Obstacle:
    """A component that is not usable on the date, and why."""

    component: str
    reason: Reason


@dataclass(frozen=True, slots=True)
class GroundedVehicle:
    """A crew vehicle of the nation that has no route, with what blocks it."""

    crew_vehicle: str
    obstacles: tuple[Obstacle, ...]


def own_access_obstacles(
    catalog: Catalog, scenario: Scenario, day: date, nation_id: str
) -> tuple[GroundedVehicle, ...]:
    """Each crew vehicle of ``nation_id`` in being (not retired) with no route on ``day``, and why.

    Empty when the nation flies on its own or has no crew vehicle in being (none yet, or all
    retired).

    Examples
    --------
    India on 2025-11-28: Gaganyaan is in development, its launch vehicle is not crew-rated,
    and the Sriharikota pad that serves it launches uncrewed only.
    """
    eff = effective(catalog, scenario)
    catalog, off = eff.catalog, eff.off_on(day)
    grounded = []
    for vehicle in catalog.crew_vehicles:
        status = vehicle.history.status_on(day)
        if vehicle.nation != nation_id or status in (None, CrewVehicleStatus.RETIRED):
            continue
        obstacles: list[Obstacle] = []
        if vehicle.id in off:
            obstacles.append(Obstacle(vehicle.id, Blocked.SWITCHED_OFF))
        elif status is not CrewVehicleStatus.OPERATIONAL:
            obstacles.append(Obstacle(vehicle.id, status))
        flying: list[str] = []
        blocked: list[Obstacle] = []
        gone: list[Obstacle] = []
        for lv_id in vehicle.launch_vehicles:
            lv_status = catalog.get(lv_id, LaunchVehicle).history.status_on(day)
            if lv_id in off:
                blocked.append(Obstacle(lv_id, Blocked.SWITCHED_OFF))
            elif lv_status is LaunchVehicleStatus.CREW_RATED:
                flying.append(lv_id)
            elif lv_status in (None, LaunchVehicleStatus.RETIRED):
                gone.append(Obstacle(lv_id, lv_status))
            else:
                blocked.append(Obstacle(lv_id, lv_status))
        pads_of = {lv_id: _pads_serving(catalog, lv_id, day) for lv_id in flying}
        launchable = any(
            p.status_on(day) is PadStatus.CREW_CAPABLE and p.id not in off
            for pads in pads_of.values()
            for p in pads
        )
        if launchable and not obstacles:
            continue  # it has a route: nothing stands in its way
        if not launchable:
            # Rockets not yet built or retired matter only when no other could carry it.
            obstacles += blocked or ([] if flying else gone)
            for lv_id, pads in pads_of.items():
                if not pads:
                    obstacles.append(Obstacle(lv_id, Blocked.NO_PAD))
                for pad in pads:
                    reason = Blocked.SWITCHED_OFF if pad.id in off else pad.status_on(day)
                    obstacles.append(Obstacle(pad.id, reason))
        if obstacles:
            grounded.append(GroundedVehicle(vehicle.id, tuple(dict.fromkeys(obstacles))))
    return tuple(grounded)


def _pads_serving(catalog: Catalog, lv_id: str, day: date) -> list[Pad]:
    """The pads in being (built, not retired) that serve ``lv_id`` on ``day``."""
    return [
        pad
        for pad in catalog.pads
        if pad.status_on(day) not in (None, PadStatus.RETIRED)
        and any(v.launch_vehicle == lv_id and v.serves_on(day) for v in pad.launch_vehicles)
    ]
