"""The records of the catalog: nations, sites, pads, vehicles, agreements and their dated histories.

Pure Python (standard library only). Every record is a frozen, hashable dataclass; closed sets of
values are ``StrEnum``. Validation happens in ``explorer.loaders``; these types assume valid data.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

StatusT = TypeVar("StatusT", bound=StrEnum)
"""The status enum of a history: ``PadStatus``, ``CrewVehicleStatus``, ..."""


class PadStatus(StrEnum):
    PLANNED = "planned"
    UNDER_CONSTRUCTION = "under_construction"
    UNCREWED_ONLY = "uncrewed_only"
    CREW_CAPABLE = "crew_capable"
    DAMAGED = "damaged"
    RETIRED = "retired"


class LaunchVehicleStatus(StrEnum):
    DEVELOPMENT = "development"
    UNCREWED_ONLY = "uncrewed_only"
    CREW_RATED = "crew_rated"
    GROUNDED = "grounded"
    RETIRED = "retired"


class CrewVehicleStatus(StrEnum):
    DEVELOPMENT = "development"
    OPERATIONAL = "operational"
    GROUNDED = "grounded"
    RETIRED = "retired"


class AgreementStatus(StrEnum):
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    ENDED = "ended"


class DestinationStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    RETIRED = "retired"


class ComponentKind(StrEnum):
    """What a switchable id names. A site stands for all of its pads."""

    SITE = "site"
    PAD = "pad"
    LAUNCH_VEHICLE = "launch_vehicle"
    CREW_VEHICLE = "crew_vehicle"
    AGREEMENT = "agreement"


# The one wording of each kind; ``explorer.present.words`` hands it on to every view, and the
# fault tree's event labels use it too.
KIND_LABELS: dict[ComponentKind, str] = {
    ComponentKind.SITE: "site",
    ComponentKind.PAD: "pad",
    ComponentKind.LAUNCH_VEHICLE: "launch vehicle",
    ComponentKind.CREW_VEHICLE: "crew vehicle",
    ComponentKind.AGREEMENT: "agreement",
}


@dataclass(frozen=True, slots=True)
class StatusChange(Generic[StatusT]):
    """From ``start`` (inclusive, start of day UTC) the record has ``status``."""

    start: date
    status: StatusT
    note: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class History(Generic[StatusT]):
    """A dated status history, sorted by start date; no status before the first change."""

    changes: tuple[StatusChange[StatusT], ...] = ()
    _starts: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(c.start for c in self.changes))

    def status_on(self, day: date) -> StatusT | None:
        """The status in force on ``day``, or ``None`` before the record exists."""
        i = bisect.bisect_right(self._starts, day)
        return self.changes[i - 1].status if i else None

    def change_on(self, day: date) -> StatusChange[StatusT] | None:
        """The history entry in force on ``day`` (with its note and sources)."""
        i = bisect.bisect_right(self._starts, day)
        return self.changes[i - 1] if i else None

    @property
    def dates(self) -> tuple[date, ...]:
        return self._starts


@dataclass(frozen=True, slots=True)
class Nation:
    id: str
    name: str
    kind: str
    territory: tuple[str, ...]
    notes: str = ""
    sources: tuple[str, ...] = ()
    # Shaded instead of ``territory`` before ``earlier_territory_until`` (see domain.existence).
    earlier_territory: tuple[str, ...] = ()
    earlier_territory_until: date | None = None
    earlier_name: str = ""  # its name before ``earlier_territory_until`` ("Soviet Union")


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    country: str
    operator: str
    lat_deg: float
    lon_deg: float
    notes: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PadVehicle:
    """A launch vehicle a pad can serve, optionally only in ``[start, end)``."""

    launch_vehicle: str
    start: date | None = None
    end: date | None = None

    def serves_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Pad:
    id: str
    site: str
    name: str
    lat_deg: float
    lon_deg: float
    launch_vehicles: tuple[PadVehicle, ...]
    history: History[PadStatus]
    aliases: tuple[str, ...] = ()
    notes: str = ""
    sources: tuple[str, ...] = ()

    def status_on(self, day: date) -> PadStatus | None:
        return self.history.status_on(day)


@dataclass(frozen=True, slots=True)
class LaunchVehicle:
    id: str
    name: str
    nation: str
    history: History[LaunchVehicleStatus]
    notes: str = ""
    sources: tuple[str, ...] = ()

    def status_on(self, day: date) -> LaunchVehicleStatus | None:
        return self.history.status_on(day)


@dataclass(frozen=True, slots=True)
class CrewVehicle:
    id: str
    name: str
    nation: str
    launch_vehicles: tuple[str, ...]
    seats: int
    history: History[CrewVehicleStatus]
    notes: str = ""
    sources: tuple[str, ...] = ()

    def status_on(self, day: date) -> CrewVehicleStatus | None:
        return self.history.status_on(day)


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    name: str
    provider: str
    beneficiary: str
    crew_vehicles: tuple[str, ...]
    history: History[AgreementStatus]
    notes: str = ""
    sources: tuple[str, ...] = ()

    def status_on(self, day: date) -> AgreementStatus | None:
        return self.history.status_on(day)


@dataclass(frozen=True, slots=True)
class Destination:
    id: str
    name: str
    inclination_deg: float
    history: History[DestinationStatus]
    notes: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    day: date
    title: str
    kind: str
    nation: str | None = None
    components: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CrewedLaunch:
    """A crewed orbital launch that lifted off: the record the timeline must agree with."""

    id: str
    day: date
    mission: str
    nation: str
    crew_vehicle: str
    launch_vehicle: str
    pad: str
    outcome: str = "success"
    sources: tuple[str, ...] = ()


Record = Site | Pad | LaunchVehicle | CrewVehicle | Agreement
"""A switchable record: what ``Catalog.get`` returns for an id."""
