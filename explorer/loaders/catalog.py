"""Load and validate the catalog files in ``resources/catalog`` into an immutable ``Catalog``.

Imports the domain and PyYAML (its C parser when present). Every problem raises ``CatalogError``
whose one-line message names the file, the line, the record and the field, e.g.
``pads.yaml:12: pad 'baikonur-31-6': field 'lat_deg': expected a number, got 'north'``.
Refused besides wrong types: duplicate keys, impossible dates (``2001-02-30``) and dates with a
time, out-of-range numbers, empty names, country codes the basemap does not know, an agreement
between a nation and itself, and a crewed launch from a pad that was not crew-capable that day.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal, NoReturn, overload

import yaml

from explorer.domain.catalog import Catalog
from explorer.domain.entities import (
    Agreement,
    AgreementStatus,
    CrewedLaunch,
    CrewVehicle,
    CrewVehicleStatus,
    Destination,
    DestinationStatus,
    Event,
    History,
    LaunchVehicle,
    LaunchVehicleStatus,
    Nation,
    Pad,
    PadStatus,
    PadVehicle,
    Record,
    Site,
    StatusChange,
    StatusT,
)
from explorer.domain.errors import ExplorerError
from explorer.domain.reach_entities import ReachData
from explorer.loaders.safe_files import FileAccessError, read_regular
from explorer.paths import basemap_dir, catalog_dir

MAX_FILE_BYTES = 20_000_000
LINE_KEY = "__line__"  # the line of each mapping, recorded by the loader below
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NATION_ID = re.compile(r"^[A-Z]{2,4}$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([Tt]|[ \t]+)\d")
EVENT_KINDS = frozenset(
    {
        "first-flight",
        "crewed-launch",
        "accident",
        "stand-down",
        "return-to-flight",
        "pad-damage",
        "pad-restored",
        "agreement",
        "milestone",
    }
)


class CatalogError(ExplorerError, ValueError):
    """A catalog file that cannot be used; the message is one line naming file, record, field."""


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML that refuses duplicate keys, records each mapping's line, keeps dates as text.

    Dates stay text so that ``2001-02-30`` (which PyYAML's own constructor raises on) and a
    date with a time reach ``_parse_day`` and get a one-line error naming the field.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise _DuplicateKey(
                    problem=f"duplicate key '{key}'", problem_mark=key_node.start_mark
                )
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)


class _Record:
    """Typed access to one mapping of a catalog file, with errors that say where."""

    def __init__(self, file: str, kind: str, data: Any, position: int) -> None:
        self.file, self.kind = file, kind
        if not isinstance(data, dict):
            self.label = f"{kind} #{position + 1}"
            self.fail(None, f"expected a mapping of fields, got {_show(data)}")
        self.data = data
        self.line = data.get(LINE_KEY)
        raw_id = data.get("id")
        self.label = f"{kind} '{raw_id}'" if raw_id is not None else f"{kind} #{position + 1}"

    def fail(self, field: str | None, message: str, line: int | None = None) -> NoReturn:
        where = f": field '{field}'" if field else ""
        at = line or self.line
        place = f"{self.file}:{at}" if at else self.file
        raise CatalogError(f"{place}: {self.label}{where}: {message}")

    def get(self, field: str, expected: type | tuple[type, ...], required: bool = True) -> Any:
        if field not in self.data or self.data[field] is None:
            if required:
                self.fail(field, "missing")
            return None
        value = self.data[field]
        if isinstance(value, bool) and bool not in _as_tuple(expected):
            self.fail(field, f"expected {_type_name(expected)}, got {_show(value)}")
        if not isinstance(value, expected):
            self.fail(field, f"expected {_type_name(expected)}, got {_show(value)}")
        return value

    def text(self, field: str, required: bool = True) -> str:
        value = (self.get(field, str, required) or "").strip()
        if required and not value:
            self.fail(field, "is empty")
        return value

    def slug(self, field: str = "id") -> str:
        value = self.text(field)
        if not SLUG.match(value):
            self.fail(field, f"'{value}' is not a slug of lowercase letters, digits and hyphens")
        return value

    def number(self, field: str, low: float, high: float) -> float:
        raw = self.get(field, (int, float))
        try:
            value = float(raw)
        except OverflowError:
            value = math.inf
        if not low <= value <= high:
            shown = _show(raw) if math.isfinite(value) else "a number too large"
            self.fail(field, f"{shown} is outside [{low}, {high}]")
        return value

    @overload
    def day(self, field: str, required: Literal[True] = True) -> date: ...
    @overload
    def day(self, field: str, required: bool) -> date | None: ...
    def day(self, field: str, required: bool = True) -> date | None:
        value = self.get(field, (date, str), required)
        return None if value is None else _parse_day(value, lambda m: self.fail(field, m))

    def strings(self, field: str, required: bool = True) -> tuple[str, ...]:
        values = self.get(field, list, required) or []
        for value in values:
            if not isinstance(value, str) or not value.strip():
                self.fail(field, f"expected a list of texts, got an item {_show(value)}")
        return tuple(v.strip() for v in values)

    def sources(self) -> tuple[str, ...]:
        sources = self.strings("sources")
        if not sources:
            self.fail("sources", "at least one source is required")
        return sources

    def history(self, statuses: type[StatusT]) -> History[StatusT]:
        entries = self.get("history", list)
        if not entries:
            self.fail("history", "at least one dated status is required")
        changes: list[StatusChange[StatusT]] = []
        for i, entry in enumerate(entries):
            field = f"history[{i}]"
            if not isinstance(entry, dict):
                self.fail(field, f"expected a mapping with 'from' and 'status', got {_show(entry)}")
            line = entry.get(LINE_KEY)
            for key in ("from", "status"):
                if entry.get(key) is None:
                    self.fail(f"{field}.{key}", "missing", line)
            start = _parse_day(entry["from"], partial(self.fail, f"{field}.from", line=line))
            raw_status = entry["status"]
            if raw_status not in statuses._value2member_map_:
                allowed = ", ".join(statuses._value2member_map_)
                self.fail(f"{field}.status", f"'{raw_status}' is not one of: {allowed}")
            if changes and start <= changes[-1].start:
                self.fail(f"{field}.from", f"{start} does not come after {changes[-1].start}")
            sources = entry.get("sources") or ()
            if isinstance(sources, str) or not isinstance(sources, (list, tuple)):
                self.fail(f"{field}.sources", f"expected a list of texts, got {_show(sources)}")
            changes.append(
                StatusChange(
                    start=start,
                    status=statuses(raw_status),
                    note=str(entry.get("note") or "").strip(),
                    sources=tuple(str(s) for s in sources),
                )
            )
        return History(tuple(changes))


def _as_tuple(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {str: "a text", int: "a number", float: "a number", list: "a list", date: "a date"}
    return " or ".join(dict.fromkeys(names.get(t, t.__name__) for t in _as_tuple(expected)))


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _parse_day(value: Any, fail: Callable[[str], None]) -> date:
    if isinstance(value, datetime):
        fail(f"'{value}' is a date and time; expected a date YYYY-MM-DD")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _DATE_TIME.match(text):
            fail(f"'{_clip(text)}' is a date and time; expected a date YYYY-MM-DD")
        if _ISO_DAY.match(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                fail(f"'{_clip(text)}' is not a date (no such day)")
    fail(f"'{_clip(str(value))}' is not a date (YYYY-MM-DD)")
    raise AssertionError("unreachable")


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _records(directory: Path, name: str, key: str, kind: str) -> list[_Record]:
    document = _read_yaml(directory, name)
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise CatalogError(f"{name}: expected a top-level '{key}:' list")
    records = [_Record(name, kind, data, i) for i, data in enumerate(document[key])]
    seen: set[str] = set()
    for record in records:
        record_id = record.get("id", str)
        if record_id in seen:
            record.fail("id", f"duplicate id '{record_id}'")
        seen.add(record_id)
    return records


def _read_yaml(directory: Path, name: str) -> Any:
    """One catalog file, parsed; ``CatalogError`` naming the file (and line) on any problem."""
    path = directory / name
    if not path.exists():
        raise CatalogError(f"{name}: file missing in {directory}")
    try:
        raw = read_regular(path, MAX_FILE_BYTES, "catalog file")
        return yaml.load(raw, Loader=_Loader)
    except FileAccessError as exc:
        raise CatalogError(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise CatalogError(f"{name}{where}: not valid YAML: {problem}") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of thousands of digits
        raise CatalogError(f"{name}: not usable YAML ({_clip(str(exc))})") from None


def known_country_codes() -> frozenset[str]:
    """The ADM0_A3 codes of the shipped basemap (``resources/basemap/country_codes.txt``)."""
    path = basemap_dir() / "country_codes.txt"
    try:
        lines = read_regular(path, 100_000, "code list").decode("utf-8").splitlines()
    except (FileAccessError, UnicodeDecodeError) as exc:
        raise CatalogError(f"country_codes.txt: cannot be read ({exc})") from None
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _check_refs(
    record: _Record, field: str, ids: Iterable[str], known: Iterable[str], what: str
) -> None:
    known = set(known)
    for ref in ids:
        if ref not in known:
            record.fail(field, f"unknown {what} '{ref}'")


def _pad_vehicles(record: _Record) -> tuple[PadVehicle, ...]:
    served = []
    for i, item in enumerate(record.get("launch_vehicles", list)):
        field = f"launch_vehicles[{i}]"
        if isinstance(item, str):
            served.append(PadVehicle(item.strip()))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            record.fail(field, f"expected an id or a mapping with 'id', got {_show(item)}")
        start, end = (
            None if item.get(k) is None else _parse_day(item[k], partial(record.fail, field))
            for k in ("from", "to")
        )
        if start and end and end <= start:
            record.fail(field, f"'to' {end} is not after 'from' {start}")
        served.append(PadVehicle(item["id"].strip(), start, end))
    return tuple(served)


def load_catalog(directory: Path | None = None, countries: frozenset[str] | None = None) -> Catalog:
    """Read and validate every catalog file; raise ``CatalogError`` on the first problem.

    ``countries``: the country codes sites and nations may name (default: the basemap's).
    """
    directory = Path(directory) if directory is not None else catalog_dir()
    countries = known_country_codes() if countries is None else countries
    meta = _read_yaml(directory, "dataset.yaml")
    dataset = _Record("dataset.yaml", "dataset", meta, 0)
    as_of = dataset.day("as_of")
    title = dataset.text("title")

    nations = []
    for r in _records(directory, "nations.yaml", "nations", "nation"):
        nation_id = r.text("id")
        if not NATION_ID.match(nation_id):
            r.fail("id", f"'{nation_id}' is not an upper-case code of 2 to 4 letters")
        territory = r.strings("territory")
        _check_refs(r, "territory", territory, countries, "country code")
        earlier = r.strings("earlier_territory", False)
        earlier_name = r.text("earlier_name", False)
        _check_refs(r, "earlier_territory", earlier, countries, "country code")
        nations.append(
            Nation(
                nation_id,
                r.text("name"),
                r.text("kind"),
                territory,
                r.text("notes", False),
                r.sources(),
                earlier,
                r.day("earlier_territory_until", bool(earlier or earlier_name)),
                earlier_name,
            )
        )
    nation_ids = {n.id for n in nations}

    sites = []
    for r in _records(directory, "sites.yaml", "sites", "site"):
        _check_refs(r, "country", [r.text("country")], countries, "country code")
        sites.append(
            Site(
                r.slug(),
                r.text("name"),
                r.text("country"),
                r.text("operator"),
                r.number("lat_deg", -90, 90),
                r.number("lon_deg", -180, 180),
                r.text("notes", False),
                r.sources(),
            )
        )

    vehicles = []
    for r in _records(directory, "launch_vehicles.yaml", "launch_vehicles", "launch vehicle"):
        vehicle = LaunchVehicle(
            r.slug(),
            r.text("name"),
            r.text("nation"),
            r.history(LaunchVehicleStatus),
            r.text("notes", False),
            r.sources(),
        )
        _check_refs(r, "nation", [vehicle.nation], nation_ids, "nation")
        vehicles.append(vehicle)
    vehicle_ids = {v.id for v in vehicles}

    pads = []
    site_ids = {s.id for s in sites}
    for r in _records(directory, "pads.yaml", "pads", "pad"):
        pad = Pad(
            id=r.slug(),
            site=r.text("site"),
            name=r.text("name"),
            lat_deg=r.number("lat_deg", -90, 90),
            lon_deg=r.number("lon_deg", -180, 180),
            launch_vehicles=_pad_vehicles(r),
            history=r.history(PadStatus),
            aliases=r.strings("aliases", False),
            notes=r.text("notes", False),
            sources=r.sources(),
        )
        _check_refs(r, "site", [pad.site], site_ids, "site")
        lv_refs = [v.launch_vehicle for v in pad.launch_vehicles]
        _check_refs(r, "launch_vehicles", lv_refs, vehicle_ids, "launch vehicle")
        pads.append(pad)

    crew_vehicles = []
    for r in _records(directory, "crew_vehicles.yaml", "crew_vehicles", "crew vehicle"):
        seats = r.get("seats", int)
        if seats < 1:
            r.fail("seats", f"{seats} is not a positive number of seats")
        crew_vehicle = CrewVehicle(
            r.slug(),
            r.text("name"),
            r.text("nation"),
            r.strings("launch_vehicles"),
            seats,
            r.history(CrewVehicleStatus),
            r.text("notes", False),
            r.sources(),
        )
        _check_refs(r, "nation", [crew_vehicle.nation], nation_ids, "nation")
        _check_refs(
            r, "launch_vehicles", crew_vehicle.launch_vehicles, vehicle_ids, "launch vehicle"
        )
        crew_vehicles.append(crew_vehicle)
    crew_vehicle_ids = {c.id for c in crew_vehicles}

    agreements = []
    for r in _records(directory, "agreements.yaml", "agreements", "agreement"):
        agreement = Agreement(
            r.slug(),
            r.text("name"),
            r.text("provider"),
            r.text("beneficiary"),
            r.strings("crew_vehicles"),
            r.history(AgreementStatus),
            r.text("notes", False),
            r.sources(),
        )
        _check_refs(r, "provider", [agreement.provider], nation_ids, "nation")
        _check_refs(r, "beneficiary", [agreement.beneficiary], nation_ids, "nation")
        _check_refs(r, "crew_vehicles", agreement.crew_vehicles, crew_vehicle_ids, "crew vehicle")
        if agreement.provider == agreement.beneficiary:
            r.fail("beneficiary", f"'{agreement.beneficiary}' is also the provider")
        agreements.append(agreement)

    destinations = [
        Destination(
            r.slug(),
            r.text("name"),
            r.number("inclination_deg", 0, 180),
            r.history(DestinationStatus),
            r.text("notes", False),
            r.sources(),
        )
        for r in _records(directory, "destinations.yaml", "destinations", "destination")
    ]

    switchable: list[Sequence[Record]] = [sites, pads, vehicles, crew_vehicles, agreements]
    files = ["sites.yaml", "pads.yaml", "launch_vehicles.yaml", "crew_vehicles.yaml"]
    owner: dict[str, str] = {}
    for file, records in zip([*files, "agreements.yaml"], switchable, strict=True):
        for record in records:
            if record.id in owner:
                raise CatalogError(
                    f"{file}: '{record.id}': field 'id': also used in {owner[record.id]};"
                    " ids must be unique across sites, pads, vehicles and agreements"
                )
            owner[record.id] = file
    component_ids = set(owner) | {d.id for d in destinations}
    events = []
    for r in _records(directory, "events.yaml", "events", "event"):
        event = Event(
            r.slug(),
            r.day("date"),
            r.text("title"),
            r.text("kind"),
            r.text("nation", False) or None,
            r.strings("components", False),
            r.sources(),
        )
        if event.kind not in EVENT_KINDS:
            r.fail("kind", f"'{event.kind}' is not one of: {', '.join(sorted(EVENT_KINDS))}")
        if event.nation is not None:
            _check_refs(r, "nation", [event.nation], nation_ids, "nation")
        _check_refs(r, "components", event.components, component_ids, "component")
        events.append(event)

    launches = []
    pads_by_id = {p.id: p for p in pads}
    pad_ids = set(pads_by_id)
    for r in _records(directory, "crewed_launches.yaml", "crewed_launches", "crewed launch"):
        launch = CrewedLaunch(
            r.slug(),
            r.day("date"),
            r.text("mission"),
            r.text("nation"),
            r.text("crew_vehicle"),
            r.text("launch_vehicle"),
            r.text("pad"),
            r.text("outcome", False) or "success",
            r.sources(),
        )
        _check_refs(r, "nation", [launch.nation], nation_ids, "nation")
        _check_refs(r, "crew_vehicle", [launch.crew_vehicle], crew_vehicle_ids, "crew vehicle")
        _check_refs(r, "launch_vehicle", [launch.launch_vehicle], vehicle_ids, "launch vehicle")
        _check_refs(r, "pad", [launch.pad], pad_ids, "pad")
        status = pads_by_id[launch.pad].history.status_on(launch.day)
        if status is not PadStatus.CREW_CAPABLE:
            shown = status.value.replace("_", " ") if status else "not built yet"
            r.fail("pad", f"'{launch.pad}' was {shown} on {launch.day}, not crew-capable")
        launches.append(launch)

    reach = ReachData()
    if (directory / "reach.yaml").exists():
        from explorer.loaders.reach_file import load_reach

        reach = load_reach(
            directory, crew_vehicle_ids, (d.id for d in destinations), site_ids, vehicle_ids
        )

    return Catalog(
        as_of=as_of,
        title=title,
        nations=tuple(nations),
        sites=tuple(sites),
        pads=tuple(pads),
        launch_vehicles=tuple(vehicles),
        crew_vehicles=tuple(crew_vehicles),
        agreements=tuple(agreements),
        destinations=tuple(destinations),
        events=tuple(sorted(events, key=lambda e: (e.day, e.id))),
        crewed_launches=tuple(sorted(launches, key=lambda x: (x.day, x.id))),
        reach=reach,
    )
