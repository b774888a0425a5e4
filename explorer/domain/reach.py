"""Orbital reach: from a pad at latitude phi, can an orbit of inclination i be reached, and how.

Pure Python (``math`` only). Direct when ``i >= |phi|`` (and ``i <= 180 - |phi|``); the inertial
launch azimuths solve ``sin Az = cos i / cos phi`` (north-bound and south-bound), the
rotating-Earth ones subtract the pad's ground speed (465.1 cos phi m/s) from an orbital speed of
7.8 km/s. Otherwise a dog-leg of ``|phi| - i`` (or ``i - (180 - |phi|)``) is needed. A site's
corridor from ``reach.yaml`` gives the verdict allowed / forbidden / unknown. ``route_reaches``
is the predicate the engine filters routes with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.entities import Destination, DestinationStatus, Pad
from explorer.domain.reach_entities import Confidence, ConstraintKind, SiteConstraint

ORBITAL_SPEED_M_S = 7800.0
EQUATOR_GROUND_SPEED_M_S = 465.1
INCLINATION_TOLERANCE_DEG = 0.5  # a listed inclination counts as met within this


class Corridor(StrEnum):
    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Reach:
    """How a pad reaches an inclination: directly (with its azimuths) or by a dog-leg."""

    pad: str
    destination: str | None
    inclination_deg: float
    direct: bool
    dogleg_deg: float
    inertial_azimuths_deg: tuple[float, ...]
    azimuths_deg: tuple[float, ...]  # rotating-Earth launch azimuths
    corridor: Corridor


def _normalise(azimuth_deg: float) -> float:
    return azimuth_deg % 360.0


def dogleg_deg(lat_deg: float, inclination_deg: float) -> float:
    """The plane change needed at launch: 0 when the inclination is reachable directly."""
    lowest = abs(lat_deg)
    return max(0.0, lowest - inclination_deg, inclination_deg - (180.0 - lowest))


def inertial_azimuths(lat_deg: float, inclination_deg: float) -> tuple[float, ...]:
    """Launch azimuths in the inertial frame (north-bound first), or () when not direct.

    ``sin Az = cos i / cos phi``: one azimuth when the orbit only touches the pad's latitude.
    """
    if dogleg_deg(lat_deg, inclination_deg) > 0:
        return ()
    ratio = math.cos(math.radians(inclination_deg)) / math.cos(math.radians(lat_deg))
    north = math.degrees(math.asin(max(-1.0, min(1.0, ratio))))
    south = 180.0 - north
    if math.isclose(north, south, abs_tol=1e-9):
        return (_normalise(north),)
    return (_normalise(north), _normalise(south))


def rotating_azimuth(lat_deg: float, inertial_azimuth_deg: float) -> float:
    """The launch azimuth relative to the ground: the inertial one less the pad's rotation."""
    az = math.radians(inertial_azimuth_deg)
    east = ORBITAL_SPEED_M_S * math.sin(az) - EQUATOR_GROUND_SPEED_M_S * math.cos(
        math.radians(lat_deg)
    )
    north = ORBITAL_SPEED_M_S * math.cos(az)
    return _normalise(math.degrees(math.atan2(east, north)))


def launch_azimuths(lat_deg: float, inclination_deg: float) -> tuple[float, ...]:
    """Rotating-Earth launch azimuths (north-bound first), or () when not direct."""
    return tuple(rotating_azimuth(lat_deg, a) for a in inertial_azimuths(lat_deg, inclination_deg))


def _in_range(value: float, low: float, high: float) -> bool:
    return low - 1e-9 <= value <= high + 1e-9


def corridor_verdict(
    constraints: tuple[SiteConstraint, ...], inclination_deg: float, azimuths_deg: tuple[float, ...]
) -> Corridor:
    """Whether a site's constraints allow a launch to this inclination along these azimuths.

    Published constraints allow or forbid; observed ones allow what was flown and leave the
    rest unknown; with no constraint the verdict is unknown. ``azimuths_deg`` empty (a
    dog-leg) means the launch heads due east or west: 90 or 270 deg.
    """
    if not constraints:
        return Corridor.UNKNOWN
    headings = azimuths_deg or ((90.0,) if inclination_deg <= 90 else (270.0,))
    verdicts = []
    for c in constraints:
        if c.confidence is Confidence.UNKNOWN:
            verdicts.append(Corridor.UNKNOWN)
            continue
        low, high = c.low_deg or 0.0, c.high_deg if c.high_deg is not None else 360.0
        if c.kind is ConstraintKind.AZIMUTH_RANGE:
            met = any(_in_range(h, low, high) for h in headings)
        elif c.kind is ConstraintKind.INCLINATION_RANGE:
            met = _in_range(inclination_deg, low, high)
        else:
            met = any(abs(inclination_deg - v) <= INCLINATION_TOLERANCE_DEG for v in c.values_deg)
        if met:
            verdicts.append(Corridor.ALLOWED)
        else:
            published = c.confidence is Confidence.PUBLISHED
            verdicts.append(Corridor.FORBIDDEN if published else Corridor.UNKNOWN)
    if Corridor.ALLOWED in verdicts:
        return Corridor.ALLOWED
    return Corridor.FORBIDDEN if Corridor.FORBIDDEN in verdicts else Corridor.UNKNOWN


def destination(catalog: Catalog, destination_id: str) -> Destination:
    """The destination with this id; ``UnknownIdError`` (with the closest ids) otherwise."""
    for record in catalog.destinations:
        if record.id == destination_id:
            return record
    known = [d.id for d in catalog.destinations]
    raise UnknownIdError(Catalog._unknown_message("destination", destination_id, known))


def pad(catalog: Catalog, pad_id: str) -> Pad:
    record = catalog.get(pad_id)
    if not isinstance(record, Pad):
        raise UnknownIdError(f"'{pad_id}' is not a pad")
    return record


def reach(
    catalog: Catalog, pad_id: str, inclination_deg: float, destination_id: str | None = None
) -> Reach:
    """How ``pad_id`` reaches ``inclination_deg``: azimuths, dog-leg and corridor verdict."""
    record = pad(catalog, pad_id)
    inertial = inertial_azimuths(record.lat_deg, inclination_deg)
    azimuths = tuple(rotating_azimuth(record.lat_deg, a) for a in inertial)
    constraints = catalog.reach.constraints_of(record.site)
    return Reach(
        pad=pad_id,
        destination=destination_id,
        inclination_deg=inclination_deg,
        direct=bool(inertial),
        dogleg_deg=dogleg_deg(record.lat_deg, inclination_deg),
        inertial_azimuths_deg=inertial,
        azimuths_deg=azimuths,
        corridor=corridor_verdict(constraints, inclination_deg, azimuths),
    )


def pad_reaches_inclination(
    catalog: Catalog, pad_id: str, launch_vehicle_id: str, inclination_deg: float
) -> bool:
    """Directly or within the launch vehicle's largest crewed dog-leg, and not forbidden."""
    result = reach(catalog, pad_id, inclination_deg)
    if result.corridor is Corridor.FORBIDDEN:
        return False
    if result.direct:
        return True
    vehicle = catalog.reach.vehicle(launch_vehicle_id)
    limit = vehicle.max_crewed_dogleg_deg if vehicle else None
    return limit is not None and result.dogleg_deg <= limit + 1e-9


def route_reaches(
    catalog: Catalog,
    crew_vehicle_id: str,
    launch_vehicle_id: str,
    pad_id: str,
    destination_id: str,
    day: date,
) -> bool:
    """A route reaches a destination on ``day`` when its crew vehicle serves the destination
    then, the destination is active, and the pad reaches its inclination."""
    target = destination(catalog, destination_id)
    if target.history.status_on(day) is not DestinationStatus.ACTIVE:
        return False
    if not catalog.reach.serves(crew_vehicle_id, destination_id, day):
        return False
    return pad_reaches_inclination(catalog, pad_id, launch_vehicle_id, target.inclination_deg)
