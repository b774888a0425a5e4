"""Scenario changes as JSON records (the ``changes`` list of a version-2 scenario file).

Imports the domain only. One record per change, with a ``kind`` and dates as ``YYYY-MM-DD``
(``from``/``to`` may be null: an open side)::

    {"kind": "outage", "component": "baikonur-31-6", "from": "2025-11-27", "to": "2027-11-27"}
    {"kind": "crew_rating", "component": "vostochny-1s", "from": "2026-01-01"}
    {"kind": "hypothetical_pad", "id": "...", "name": "...", "site": "sdsc" | null,
     "lat": 13.7, "lon": 80.2, "launch_vehicles": ["hlvm3"], "crew_capable_from": "2027-01-01",
     "from": null, "to": null}
    {"kind": "hypothetical_agreement", "id": "...", "provider": "RU", "beneficiary": "CN",
     "crew_vehicles": ["soyuz-ms"], "from": "2026-01-01", "to": null}
    {"kind": "region_outage", "lat": 28.5, "lon": -80.6, "radius_km": 150, "from": ..., "to": ...}

``parse_changes`` raises ``ValueError`` with a message naming the change (``changes[2]
(outage)``) and the field; the scenario-file reader prefixes the file name.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Literal, overload

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
from explorer.domain.timespan import parse_iso_day

ID = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
FIELDS = {
    ChangeKind.OUTAGE: {"component", "from", "to"},
    ChangeKind.CREW_RATING: {"component", "from"},
    ChangeKind.HYPOTHETICAL_PAD: {
        "id", "name", "site", "lat", "lon", "launch_vehicles", "crew_capable_from", "from", "to",
    },
    ChangeKind.HYPOTHETICAL_AGREEMENT: {
        "id", "provider", "beneficiary", "crew_vehicles", "from", "to",
    },
    ChangeKind.REGION_OUTAGE: {"lat", "lon", "radius_km", "from", "to"},
}  # fmt: skip
MAX_CHANGES = 1000


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def change_record(change: Change) -> dict[str, Any]:
    """The JSON record of one change."""
    window = change.window
    span = {"from": _iso(window.start), "to": _iso(window.end)}
    if isinstance(change, Outage):
        return {"kind": str(change.kind), "component": change.component, **span}
    if isinstance(change, CrewRating):
        return {"kind": str(change.kind), "component": change.component, "from": _iso(change.start)}
    if isinstance(change, HypotheticalPad):
        return {
            "kind": str(change.kind),
            "id": change.id,
            "name": change.name,
            "site": change.site,
            "lat": change.lat_deg,
            "lon": change.lon_deg,
            "launch_vehicles": list(change.launch_vehicles),
            "crew_capable_from": _iso(change.crew_capable_from),
            **span,
        }
    if isinstance(change, HypotheticalAgreement):
        return {
            "kind": str(change.kind),
            "id": change.id,
            "provider": change.provider,
            "beneficiary": change.beneficiary,
            "crew_vehicles": list(change.crew_vehicles),
            **span,
        }
    return {
        "kind": str(change.kind),
        "lat": change.lat_deg,
        "lon": change.lon_deg,
        "radius_km": change.radius_km,
        **span,
    }


def parse_changes(value: Any) -> tuple[Change, ...]:
    """Validate the ``changes`` list; ``ValueError`` naming the bad change and field."""
    if not isinstance(value, list):
        raise ValueError("field 'changes': expected a list")
    if len(value) > MAX_CHANGES:
        raise ValueError(f"field 'changes': more than {MAX_CHANGES} changes")
    return tuple(_change(record, i) for i, record in enumerate(value))


def _change(record: Any, index: int) -> Change:
    where = f"changes[{index}]"
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected an object")
    try:
        kind = ChangeKind(record.get("kind", ""))
    except ValueError:
        kinds = ", ".join(k.value for k in ChangeKind)
        raise ValueError(f"{where}: field 'kind' must be one of {kinds}") from None
    where = f"{where} ({kind.value})"
    extra = sorted(set(record) - FIELDS[kind] - {"kind"})
    if extra:
        raise ValueError(f"{where}: unknown field '{extra[0]}'")

    def fail(field: str, problem: str) -> ValueError:
        return ValueError(f"{where}: field '{field}' {problem}")

    @overload
    def day(field: str, optional: Literal[False]) -> date: ...
    @overload
    def day(field: str, optional: Literal[True]) -> date | None: ...
    def day(field: str, optional: bool) -> date | None:
        raw = record.get(field)
        if raw is None and optional:
            return None
        if not isinstance(raw, str):
            raise fail(field, "must be a date YYYY-MM-DD")
        try:
            return parse_iso_day(raw)
        except ValueError:
            raise fail(field, f"'{raw[:40]}' is not a date (YYYY-MM-DD)") from None

    @overload
    def ident(field: str, optional: Literal[False] = False) -> str: ...
    @overload
    def ident(field: str, optional: Literal[True]) -> str | None: ...
    def ident(field: str, optional: bool = False) -> str | None:
        raw = record.get(field)
        if raw is None and optional:
            return None
        if not (isinstance(raw, str) and ID.match(raw)):
            raise fail(field, "must be an id")
        return raw

    def ids(field: str) -> tuple[str, ...]:
        raw = record.get(field)
        if not isinstance(raw, list) or not raw:
            raise fail(field, "must be a non-empty list of ids")
        if not all(isinstance(v, str) and ID.match(v) for v in raw):
            raise fail(field, "must list ids only")
        return tuple(raw)

    def number(field: str, low: float, high: float) -> float:
        raw = record.get(field)
        if not isinstance(raw, int | float) or isinstance(raw, bool) or not math.isfinite(raw):
            raise fail(field, "must be a number")
        if not low <= raw <= high:
            raise fail(field, f"{raw:g} is outside {low:g}..{high:g}")
        return float(raw)

    def window() -> Window:
        start, end = day("from", True), day("to", True)
        if start is not None and end is not None and end <= start:
            raise ValueError(f"{where}: 'to' {end} must come after 'from' {start}")
        return Window(start, end)

    if kind is ChangeKind.OUTAGE:
        return Outage(ident("component"), window())
    if kind is ChangeKind.CREW_RATING:
        return CrewRating(ident("component"), day("from", False))
    if kind is ChangeKind.HYPOTHETICAL_PAD:
        name = record.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail("name", "must be a non-empty text")
        return HypotheticalPad(
            id=ident("id"),
            name=name.strip()[:200],
            lat_deg=number("lat", -90, 90),
            lon_deg=number("lon", -180, 180),
            launch_vehicles=ids("launch_vehicles"),
            crew_capable_from=day("crew_capable_from", False),
            site=ident("site", optional=True),
            window=window(),
        )
    if kind is ChangeKind.HYPOTHETICAL_AGREEMENT:
        return HypotheticalAgreement(
            ident("id"), ident("provider"), ident("beneficiary"), ids("crew_vehicles"), window()
        )
    radius = number("radius_km", 0, 20_037.5)  # half the equator: the farthest a point can be
    if radius <= 0:
        raise fail("radius_km", "must be above 0")
    return RegionOutage(number("lat", -90, 90), number("lon", -180, 180), radius, window())
