"""Load and validate ``resources/catalog/reach.yaml`` into ``ReachData``.

Imports the domain and the record helpers of ``explorer.loaders.catalog`` (PyYAML through them).
Called by ``load_catalog`` when the file is present. Every problem raises ``CatalogError`` with
one line naming the file, the record and the field, e.g.
``reach.yaml: site constraint 'ksc': field 'max_deg': 400.0 is outside [0, 360]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from explorer.domain.reach_entities import (
    Confidence,
    ConstraintKind,
    DropZone,
    LaunchVehicleReach,
    ReachData,
    Service,
    SiteConstraint,
)
from explorer.loaders.catalog import (
    MAX_FILE_BYTES,
    CatalogError,
    _check_refs,
    _Loader,
    _Record,
)
from explorer.loaders.safe_files import FileAccessError, read_regular

FILE = "reach.yaml"


def _choice(record: _Record, field: str, values: type[StrEnum]) -> Any:
    raw = record.text(field)
    if raw not in values._value2member_map_:
        record.fail(field, f"'{raw}' is not one of: {', '.join(values._value2member_map_)}")
    return values(raw)


def _document(directory: Path) -> dict[str, Any]:
    path = directory / FILE
    try:
        document = yaml.load(read_regular(path, MAX_FILE_BYTES, "catalog file"), Loader=_Loader)
    except FileAccessError as exc:
        raise CatalogError(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise CatalogError(f"{FILE}: not valid YAML{where}") from None
    if not isinstance(document, dict):
        raise CatalogError(f"{FILE}: expected a mapping of lists at the top level")
    return document


def _sub_records(document: dict[str, Any], key: str, kind: str, name_field: str) -> list[_Record]:
    """The records under ``key`` (optional list), named in errors by ``name_field``."""
    items = document.get(key) or []
    if not isinstance(items, list):
        raise CatalogError(f"{FILE}: expected '{key}:' to be a list")
    records = []
    for i, data in enumerate(items):
        record = _Record(FILE, kind, data, i)
        value = data.get(name_field)
        record.label = f"{kind} '{value}'" if value is not None else f"{kind} #{i + 1}"
        records.append(record)
    return records


def load_reach(
    directory: Path,
    crew_vehicle_ids: Iterable[str],
    destination_ids: Iterable[str],
    site_ids: Iterable[str],
    launch_vehicle_ids: Iterable[str],
) -> ReachData:
    """Read ``reach.yaml`` in ``directory``; references are checked against the given ids."""
    document = _document(directory)
    crew_vehicle_ids, destination_ids = set(crew_vehicle_ids), set(destination_ids)
    site_ids, launch_vehicle_ids = set(site_ids), set(launch_vehicle_ids)

    services = []
    for r in _sub_records(document, "crew_vehicle_destinations", "service", "crew_vehicle"):
        service = Service(
            r.text("crew_vehicle"),
            r.text("destination"),
            r.day("from"),
            r.day("to", False),
            r.text("note", False),
            r.sources(),
        )
        r.label = f"service '{service.crew_vehicle}' -> '{service.destination}'"
        _check_refs(r, "crew_vehicle", [service.crew_vehicle], crew_vehicle_ids, "crew vehicle")
        _check_refs(r, "destination", [service.destination], destination_ids, "destination")
        if service.end is not None and service.end <= service.start:
            r.fail("to", f"{service.end} is not after 'from' {service.start}")
        services.append(service)

    constraints = []
    for r in _sub_records(document, "site_constraints", "site constraint", "site"):
        kind = _choice(r, "kind", ConstraintKind)
        high = 360 if kind is ConstraintKind.AZIMUTH_RANGE else 180
        low_deg = high_deg = None
        values: tuple[float, ...] = ()
        if kind is ConstraintKind.INCLINATIONS:
            raw = r.get("values_deg", list)
            if not raw or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 180
                for v in raw
            ):
                r.fail("values_deg", "expected a non-empty list of inclinations in [0, 180]")
            values = tuple(float(v) for v in raw)
        else:
            low_deg, high_deg = r.number("min_deg", 0, high), r.number("max_deg", 0, high)
            if high_deg < low_deg:
                r.fail("max_deg", f"{high_deg} is below 'min_deg' {low_deg}")
        constraint = SiteConstraint(
            site=r.text("site"),
            kind=kind,
            confidence=_choice(r, "confidence", Confidence),
            low_deg=low_deg,
            high_deg=high_deg,
            values_deg=values,
            note=r.text("note", False),
            sources=r.sources(),
        )
        _check_refs(r, "site", [constraint.site], site_ids, "site")
        constraints.append(constraint)

    vehicles = []
    for r in _sub_records(
        document, "launch_vehicle_reach", "launch vehicle reach", "launch_vehicle"
    ):
        zones = []
        for i, raw in enumerate(r.get("drop_zones", list, False) or []):
            zone = _Record(FILE, f"{r.label}: drop_zones[{i}]", raw, i)
            zone.label = f"{r.label}: drop_zones[{i}]"
            downrange = zone.number("downrange_km", 0, 40000)
            if downrange <= 0:
                zone.fail("downrange_km", "must be positive")
            zones.append(
                DropZone(
                    zone.text("stage"),
                    downrange,
                    _choice(zone, "confidence", Confidence),
                    zone.text("note", False),
                    zone.sources(),
                )
            )
        dogleg = None
        if r.data.get("max_crewed_dogleg_deg") is not None:
            dogleg = r.number("max_crewed_dogleg_deg", 0, 90)
        vehicle = LaunchVehicleReach(
            r.text("launch_vehicle"),
            tuple(sorted(zones, key=lambda z: z.downrange_km)),
            dogleg,
            r.text("note", False),
            r.sources(),
        )
        _check_refs(
            r, "launch_vehicle", [vehicle.launch_vehicle], launch_vehicle_ids, "launch vehicle"
        )
        vehicles.append(vehicle)

    return ReachData(tuple(services), tuple(constraints), tuple(vehicles))
