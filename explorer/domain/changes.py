"""Dated what-if changes a scenario applies on top of the dataset, never editing it.

Pure Python (standard library only). Every change is a frozen, hashable dataclass; a ``Window`` is
the half-open date range ``[start, end)`` over which it applies (``None`` = unbounded on that
side). On a date D only the changes whose window holds D apply; the engine resolves them in
``explorer.domain.effective``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ChangeKind(StrEnum):
    OUTAGE = "outage"
    CREW_RATING = "crew_rating"
    HYPOTHETICAL_PAD = "hypothetical_pad"
    HYPOTHETICAL_AGREEMENT = "hypothetical_agreement"
    REGION_OUTAGE = "region_outage"


@dataclass(frozen=True, slots=True)
class Window:
    """``[start, end)``; ``None`` leaves that side open. ``Window()`` is all time."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError(f"window end {self.end} must come after its start {self.start}")

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def dates(self) -> tuple[date, ...]:
        """The dates at which the window opens or closes (breakpoints of the timeline)."""
        return tuple(d for d in (self.start, self.end) if d is not None)

    @property
    def is_all_time(self) -> bool:
        return self.start is None and self.end is None

    def text(self) -> str:
        """``FROM..TO``, ``FROM..``, ``..TO`` or ``all time`` (the command-line syntax)."""
        if self.is_all_time:
            return "all time"
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return f"{start}..{end}"


ALL_TIME = Window()


@dataclass(frozen=True, slots=True)
class Outage:
    """A pad, site (all its pads), launch vehicle, crew vehicle or agreement is unavailable."""

    component: str
    window: Window = ALL_TIME

    kind = ChangeKind.OUTAGE

    @property
    def dates(self) -> tuple[date, ...]:
        return self.window.dates


@dataclass(frozen=True, slots=True)
class CrewRating:
    """From ``start`` on, a catalog pad counts as crew-capable, a launch vehicle as crew-rated,
    a crew vehicle as operational (whatever the dataset records for those dates)."""

    component: str
    start: date

    kind = ChangeKind.CREW_RATING

    @property
    def window(self) -> Window:
        return Window(self.start, None)

    @property
    def dates(self) -> tuple[date, ...]:
        return (self.start,)


@dataclass(frozen=True, slots=True)
class HypotheticalPad:
    """A new pad at an existing ``site`` (or at a point: ``site`` None), serving
    ``launch_vehicles``; it exists over ``window`` and is crew-capable from ``crew_capable_from``
    (uncrewed before that)."""

    id: str
    name: str
    lat_deg: float
    lon_deg: float
    launch_vehicles: tuple[str, ...]
    crew_capable_from: date
    site: str | None = None
    window: Window = ALL_TIME

    kind = ChangeKind.HYPOTHETICAL_PAD

    @property
    def component(self) -> str:
        return self.id

    @property
    def dates(self) -> tuple[date, ...]:
        return (*self.window.dates, self.crew_capable_from)


@dataclass(frozen=True, slots=True)
class HypotheticalAgreement:
    """``provider`` flies ``beneficiary``'s crews on ``crew_vehicles`` over ``window``."""

    id: str
    provider: str
    beneficiary: str
    crew_vehicles: tuple[str, ...]
    window: Window = ALL_TIME

    kind = ChangeKind.HYPOTHETICAL_AGREEMENT

    @property
    def component(self) -> str:
        return self.id

    @property
    def dates(self) -> tuple[date, ...]:
        return self.window.dates


@dataclass(frozen=True, slots=True)
class RegionOutage:
    """Every pad within ``radius_km`` (on the WGS84 ellipsoid) of a point is out over ``window``."""

    lat_deg: float
    lon_deg: float
    radius_km: float
    window: Window = ALL_TIME

    kind = ChangeKind.REGION_OUTAGE

    def __post_init__(self) -> None:
        if not self.radius_km > 0:
            raise ValueError(f"a region outage needs a radius above 0 km, not {self.radius_km}")

    @property
    def component(self) -> str:
        return f"{self.lat_deg:.4f},{self.lon_deg:.4f},{self.radius_km:g}km"

    @property
    def dates(self) -> tuple[date, ...]:
        return self.window.dates


Change = Outage | CrewRating | HypotheticalPad | HypotheticalAgreement | RegionOutage
