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
from explorer.domain.switches import OffCause

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
SWITCHED_OFF_WITH_SITE = "switched off with its site"
OFF_WORDS: dict[OffCause, str] = {
    OffCause.SWITCHED_OFF: SWITCHED_OFF,
    OffCause.SITE_SWITCHED_OFF: SWITCHED_OFF_WITH_SITE,
    OffCause.DATED_CHANGE: OUT_BY_CHANGE,
}
BLOCKED_WORDS: dict[Blocked, str] = {
    Blocked.SWITCHED_OFF: SWITCHED_OFF,
    Blocked.NO_PAD: "no pad serves it",
}
# A crew vehicle's history starts where a source dates its development (see the catalog README).
NO_VEHICLE = "no crew vehicle of its own is in service or dated as in development on this date"
WHY_GROUNDED = "What keeps their own crew vehicles on the ground"
NONE_TEXT = "—"  # an empty cell


def off_word(cause: OffCause) -> str:
    """Why a component is off, in the tree, the tooltips and the details."""
    return OFF_WORDS[cause]


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


# -- why routes are missing (``explorer.domain.explain``) ---------------------------------------
WHY_NO_PARTNER = "Why partner routes are missing"
# A grounded record's return, by kind: "crew-capable again from 2026-03-22".
RETURN_WORDS: dict[ComponentKind, str] = {
    ComponentKind.PAD: "crew-capable again from",
    ComponentKind.LAUNCH_VEHICLE: "crew-rated again from",
    ComponentKind.CREW_VEHICLE: "back in crewed service from",
    ComponentKind.AGREEMENT: "in force again from",
}
NO_RETURN = "no return to service in the dataset"
IN_FORCE_BUT = "in force, but none of its crew vehicles can fly"
MISSES_DESTINATION = "in force, but its routes do not reach the chosen destination"


def since_text(word: str, since: date) -> str:
    """A status and when it began: "damaged since 2025-11-28"."""
    return f"{word} since {day_text(since)}"


def cause_text(title: str, day: date) -> str:
    """The event that began a grounding: "after Challenger … (1986-01-28)"."""
    return f"after {title} ({day_text(day)})"


def return_text(kind: ComponentKind, until: date | None, event: str | None, as_of: date) -> str:
    """When a grounded record could be used again, and the event that marked it."""
    if until is None:
        return f"{NO_RETURN} (as of {day_text(as_of)})"
    return f"{RETURN_WORDS[kind]} {day_text(until)}" + (f" ({event})" if event else "")


def agreement_gap_text(name: str, provider: str, reason: str) -> str:
    """One agreement that gives no route: "NASA seats on Soyuz (RU): ended since 2021-04-10"."""
    return f"{name} ({provider}): {reason}"


def ended_text(day: date) -> str:
    """An agreement that ran out: "ended on 2021-04-10"."""
    return f"ended on {day_text(day)}"


def short_name(name: str) -> str:
    """A record's name without a closing parenthesis or a subtitle: "Crew Dragon (Dragon 2)" →
    "Crew Dragon", "NASA-Roscosmos integrated crew agreement: …" → "NASA-Roscosmos integrated
    crew agreement"; "Canadian (CSA) astronauts on Soyuz" stays whole."""
    name = name.split(": ")[0]
    if name.endswith(")") and " (" in name:
        name = name[: name.rindex(" (")]
    return name


SHORT_NAME_LENGTH = 14  # a longer nation name shows as its id ("ESA"), in full in tooltips


def nation_short_name(name: str, nation_id: str) -> str:
    """A nation in a narrow column: "Russia", "United States", "ESA"."""
    short = short_name(name)
    return short if len(short) <= SHORT_NAME_LENGTH else nation_id


# -- the details pane with nothing selected (``explorer.present.overview``) ---------------------
ON_ONE_PAD = "Hanging on one pad"
ON_ONE_PAD_NONE = "No nation's crewed access hangs on a single pad."
OTHER_SINGLE_POINTS = "Other single points of failure"
NO_ACCESS = "No crewed access"
SELECT_HINT = "Select a nation, a site or a pad to see its details."


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
