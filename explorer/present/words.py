"""The one wording of every status, kind, reason, date and source the program shows.

Pure Python (domain enums only). The CLI tables, the JSON's ``text`` fields, the report, the
details panel, the nation table, the tree and the tooltips all call these; change a word here
and it changes everywhere. The JSON keeps the raw enum values as its documented interface.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from html import escape

from explorer.domain.capability import AccessStatus, Level
from explorer.domain.entities import (
    KIND_LABELS,
    AgreementStatus,
    ComponentKind,
    CrewVehicleStatus,
    DestinationStatus,
    LaunchVehicleStatus,
    PadStatus,
)
from explorer.domain.obstacles import Blocked, Reason

ACCESS_WORDS: dict[AccessStatus, str] = {
    AccessStatus.INDEPENDENT: "independent",
    AccessStatus.PARTNER: "via partner",
    AccessStatus.NONE: "none",
}
# Best first: the table sorts by it and the map shades a shared territory by the best status.
ACCESS_RANK: dict[AccessStatus, int] = {
    AccessStatus.INDEPENDENT: 0,
    AccessStatus.PARTNER: 1,
    AccessStatus.NONE: 2,
}

__all__ = ["KIND_LABELS"]  # defined by the domain beside ``ComponentKind``; words come from here

LEVEL_WORDS: dict[Level, str] = {
    Level.INDEPENDENT: "independent",
    Level.ANY: "any",
}

# Record statuses. Enum members of different types with the same value ("retired",
# "development") are equal as strings, so they share one word by construction.
STATUS_WORDS: dict[StrEnum, str] = {
    PadStatus.PLANNED: "planned",
    PadStatus.UNDER_CONSTRUCTION: "under construction",
    PadStatus.UNCREWED_ONLY: "uncrewed only",
    PadStatus.CREW_CAPABLE: "crew-capable",
    PadStatus.DAMAGED: "damaged",
    PadStatus.RETIRED: "retired",
    LaunchVehicleStatus.DEVELOPMENT: "in development",
    LaunchVehicleStatus.CREW_RATED: "crew-rated",
    LaunchVehicleStatus.GROUNDED: "grounded",
    CrewVehicleStatus.OPERATIONAL: "operational",
    AgreementStatus.IN_FORCE: "in force",
    AgreementStatus.SUSPENDED: "suspended",
    AgreementStatus.ENDED: "ended",
    DestinationStatus.ACTIVE: "active",
}
# A record with no status yet on the date (before its first dated entry).
NOT_YET: dict[ComponentKind | None, str] = {
    ComponentKind.PAD: "not yet built",
    ComponentKind.AGREEMENT: "not yet signed",
    None: "not yet in being",
}
# The statuses in which a record can take part in a route.
USABLE = frozenset(
    {
        PadStatus.CREW_CAPABLE,
        LaunchVehicleStatus.CREW_RATED,
        CrewVehicleStatus.OPERATIONAL,
        AgreementStatus.IN_FORCE,
    }
)

SWITCHED_OFF = "switched off"
HYPOTHETICAL = "hypothetical"
OUT_BY_CHANGE = "out (dated change)"
BLOCKED_WORDS: dict[Blocked, str] = {
    Blocked.SWITCHED_OFF: SWITCHED_OFF,
    Blocked.NO_PAD: "no pad serves it",
}
# A crew vehicle's history starts where a source dates its development (see the catalog README).
NO_VEHICLE = "no crew vehicle of its own is in service or dated as in development on this date"
WHY_GROUNDED = "What keeps their own crew vehicles on the ground"
NONE_TEXT = "—"  # an empty cell


def access_word(status: AccessStatus) -> str:
    return ACCESS_WORDS[status]


def status_word(status: StrEnum | None, kind: ComponentKind | None = None) -> str:
    """A record's status on a date in words: "crew-rated", "in development", "not yet built"."""
    if status is None:
        return NOT_YET.get(kind, NOT_YET[None])
    return STATUS_WORDS[status]


def reason_word(reason: Reason, kind: ComponentKind | None = None) -> str:
    """Why a component stands in the way: a status, "switched off" or "no pad serves it"."""
    if isinstance(reason, Blocked):
        return BLOCKED_WORDS[reason]
    return status_word(reason, kind)


def kind_label(kind: ComponentKind) -> str:
    return KIND_LABELS[kind]


def day_text(day: date) -> str:
    """Every date the program shows: ISO 8601, e.g. 2025-11-28."""
    return day.isoformat()


def span_text(start: date, end: date) -> str:
    """A half-open interval ``[start, end)`` in words."""
    return f"from {day_text(start)} until {day_text(end)}"


def grounds_text(count: int) -> str:
    """How many nations one component grounds: "grounds 1 nation", "grounds 2 nations"."""
    return f"grounds {count} nation{'' if count == 1 else 's'}"


def source_html(text: str) -> str:
    """A source as HTML: a link when it is a web address, escaped text otherwise."""
    if text.startswith(("http://", "https://")):
        return f'<a href="{escape(text)}">{escape(text)}</a>'
    return escape(text)


def spread_text(km: float) -> str:
    """A nation's pad spread in words: the smallest single-area event that could ground it."""
    if km == 0:
        return "all its own crew launches leave from one pad"
    return f"its own pads lie within a circle of {km:,.0f} km radius"


# -- time: the timeline's events, the projection past the dataset, the crewed launches --------
EVENT_TIP_LINES = 8  # an event tooltip lists at most this many events, then "… and N more"
CREWED_LAUNCH_HEADERS = (
    "Date",
    "Mission",
    "Nation",
    "Crew vehicle",
    "Launch vehicle",
    "Pad",
    "Outcome",
)
PREVIOUS_EVENT = "Previous event"
NEXT_EVENT = "Next event"
WHOLE_SPAN = "Whole span"


def event_list_text(dated_titles: list[tuple[date, str]], limit: int = EVENT_TIP_LINES) -> str:
    """Events as one line each, in date order, capped: "… and 3 more" after ``limit`` lines."""
    lines = [f"{day_text(day)}: {title}" for day, title in sorted(dated_titles)]
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more"]
    return "\n".join(lines)


def as_of_text(as_of: date) -> str:
    """The label on the timeline's as-of line."""
    return f"dataset as of {day_text(as_of)}"


def projection_banner(day: date, as_of: date) -> str:
    """One short line shown in the window while its date lies past the dataset's as-of date."""
    return f"Projection: {day_text(day)} is past the dataset's as-of date {day_text(as_of)}"
