"""Records of orbital reach: dated crew-vehicle services, site launch constraints, drop zones.

Pure Python (standard library only). Frozen, hashable dataclasses built by
``explorer.loaders.catalog`` from ``resources/catalog/reach.yaml``; closed sets are ``StrEnum``.
These types assume valid data: validation happens in the loader.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Confidence(StrEnum):
    """How far a constraint can be trusted: a published rule, only what has flown, or nothing."""

    PUBLISHED = "published"
    OBSERVED = "observed"
    UNKNOWN = "unknown"


class ConstraintKind(StrEnum):
    AZIMUTH_RANGE = "azimuth_range"
    INCLINATION_RANGE = "inclination_range"
    INCLINATIONS = "inclinations"


@dataclass(frozen=True, slots=True)
class Service:
    """A crew vehicle serves a destination from ``start`` (inclusive) to ``end`` (exclusive)."""

    crew_vehicle: str
    destination: str
    start: date
    end: date | None = None
    note: str = ""
    sources: tuple[str, ...] = ()

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class SiteConstraint:
    """A site's launch constraint: an azimuth or inclination range, or a list of inclinations.

    ``low_deg``/``high_deg`` bound a range; ``values_deg`` holds listed inclinations.
    """

    site: str
    kind: ConstraintKind
    confidence: Confidence
    low_deg: float | None = None
    high_deg: float | None = None
    values_deg: tuple[float, ...] = ()
    note: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DropZone:
    """Where a spent stage comes down: a distance along the ascent track."""

    stage: str
    downrange_km: float
    confidence: Confidence = Confidence.OBSERVED
    note: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LaunchVehicleReach:
    """Per launch vehicle: its stage drop zones and the largest dog-leg it flew with a crew."""

    launch_vehicle: str
    drop_zones: tuple[DropZone, ...] = ()
    max_crewed_dogleg_deg: float | None = None
    note: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReachData:
    """Everything ``reach.yaml`` holds; empty when the file is absent."""

    services: tuple[Service, ...] = ()
    site_constraints: tuple[SiteConstraint, ...] = ()
    launch_vehicles: tuple[LaunchVehicleReach, ...] = ()

    def constraints_of(self, site_id: str) -> tuple[SiteConstraint, ...]:
        return tuple(c for c in self.site_constraints if c.site == site_id)

    def vehicle(self, launch_vehicle_id: str) -> LaunchVehicleReach | None:
        for record in self.launch_vehicles:
            if record.launch_vehicle == launch_vehicle_id:
                return record
        return None

    def serves(self, crew_vehicle_id: str, destination_id: str, day: date) -> bool:
        return any(
            s.crew_vehicle == crew_vehicle_id
            and s.destination == destination_id
            and s.holds_on(day)
            for s in self.services
        )
