"""The command-line syntax of dated changes: ``--off``, ``--crew-rate`` and ``--off-within``.

Imports the domain only. The syntax is fixed (scripts rely on it)::

    --off ID                 all time (today's switch-off)
    --off ID@FROM..TO        an outage over [FROM, TO)
    --off ID@FROM..          an outage from FROM on
    --crew-rate ID@FROM      crew-rated (crew-capable, operational) from FROM on
    --off-within LAT,LON,KM[@FROM..TO | @FROM..]   every pad within KM of the point

Every problem raises ``ChangeSpecError`` with one line naming the option and the bad part;
``scenario_from_options`` also checks the ids against the catalog (the closest valid id is named).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date

from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.changes import Change, CrewRating, Outage, RegionOutage, Window
from explorer.domain.effective import ChangeError, check_changes
from explorer.domain.errors import ExplorerError
from explorer.domain.scenario import Scenario
from explorer.domain.timespan import parse_iso_day

ID = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


class ChangeSpecError(ExplorerError, ValueError):
    """A malformed or impossible change on the command line; one line naming the bad part."""


def _day(text: str, option: str, spec: str, what: str) -> date:
    try:
        return parse_iso_day(text)
    except ValueError:
        raise ChangeSpecError(
            f"{option} {spec}: {what} '{text}' is not a date (YYYY-MM-DD)"
        ) from None


def _window(text: str, option: str, spec: str) -> Window:
    start_text, sep, end_text = text.partition("..")
    if not sep or not start_text:
        raise ChangeSpecError(f"{option} {spec}: expected @FROM..TO or @FROM.. after the '@'")
    start = _day(start_text, option, spec, "FROM")
    if not end_text:
        return Window(start, None)
    end = _day(end_text, option, spec, "TO")
    if end <= start:
        raise ChangeSpecError(f"{option} {spec}: TO {end} must come after FROM {start}")
    return Window(start, end)


def _id(text: str, option: str, spec: str) -> str:
    if not ID.match(text):
        raise ChangeSpecError(f"{option} {spec}: '{text}' is not an id")
    return text


def parse_off(spec: str) -> str | Outage:
    """``ID`` (all time, returned as the id) or ``ID@FROM..TO`` / ``ID@FROM..`` (an outage)."""
    component, at, window = spec.partition("@")
    component = _id(component, "--off", spec)
    if not at:
        return component
    return Outage(component, _window(window, "--off", spec))


def parse_crew_rate(spec: str) -> CrewRating:
    component, at, start = spec.partition("@")
    if not at or not start:
        raise ChangeSpecError(f"--crew-rate {spec}: expected ID@FROM, e.g. vostochny-1s@2026-01-01")
    return CrewRating(_id(component, "--crew-rate", spec), _day(start, "--crew-rate", spec, "FROM"))


def parse_off_within(spec: str) -> RegionOutage:
    centre, at, window = spec.partition("@")
    parts = centre.split(",")
    if len(parts) != 3:
        raise ChangeSpecError(f"--off-within {spec}: expected LAT,LON,KM (e.g. 28.5,-80.6,150)")
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError:
        raise ChangeSpecError(f"--off-within {spec}: LAT, LON and KM must be numbers") from None
    if not all(math.isfinite(v) for v in (lat, lon, km)):
        raise ChangeSpecError(f"--off-within {spec}: LAT, LON and KM must be finite numbers")
    if not -90 <= lat <= 90:
        raise ChangeSpecError(f"--off-within {spec}: latitude {lat:g} is outside -90..90")
    if not -180 <= lon <= 180:
        raise ChangeSpecError(f"--off-within {spec}: longitude {lon:g} is outside -180..180")
    if km <= 0:
        raise ChangeSpecError(f"--off-within {spec}: the radius must be above 0 km, not {km:g}")
    return RegionOutage(lat, lon, km, _window(window, "--off-within", spec) if at else Window())


def spec_text(change: Change) -> str:
    """The change in the command-line syntax where it has one (else a short description)."""
    if isinstance(change, Outage):
        window = "" if change.window.is_all_time else f"@{change.window.text()}"
        return f"--off {change.component}{window}"
    if isinstance(change, CrewRating):
        return f"--crew-rate {change.component}@{change.start.isoformat()}"
    if isinstance(change, RegionOutage):
        window = "" if change.window.is_all_time else f"@{change.window.text()}"
        return f"--off-within {change.lat_deg:g},{change.lon_deg:g},{change.radius_km:g}{window}"
    return f"{change.kind.replace('_', ' ')} {change.id} ({change.window.text()})"


def scenario_from_options(
    catalog: Catalog,
    off: Sequence[str] = (),
    crew_rate: Sequence[str] = (),
    off_within: Sequence[str] = (),
    base: Scenario | None = None,
) -> Scenario:
    """``base`` (e.g. a scenario file's) plus the changes given on the command line, checked.

    Raises ``ChangeSpecError`` naming the option for a malformed change or an unknown id.
    """
    ids: list[str] = list(base.off) if base else []
    changes: list[Change] = list(base.changes) if base else []
    given: list[tuple[str, str, Change | str]] = []
    for spec in off:
        item: Change | str = parse_off(spec)
        given.append(("--off", spec, item))
    given += [("--crew-rate", spec, parse_crew_rate(spec)) for spec in crew_rate]
    given += [("--off-within", spec, parse_off_within(spec)) for spec in off_within]
    known = tuple(changes)
    for option, spec, item in given:
        try:
            if isinstance(item, str):
                _check_id(catalog, known, item)
                ids.append(item)
            else:
                check_changes(catalog, (*known, item))
                changes.append(item)
        except (UnknownIdError, ChangeError) as exc:
            raise ChangeSpecError(f"{option} {spec}: {exc}") from None
    return Scenario(frozenset(ids), tuple(changes), base.destination if base else None)


def _check_id(catalog: Catalog, changes: Iterable[Change], component: str) -> None:
    if any(getattr(c, "id", None) == component for c in changes):
        return  # a hypothetical pad or agreement of the scenario file
    catalog.get(component)
