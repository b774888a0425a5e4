"""Plain-data views of engine results (dicts and lists of JSON types) for the CLI and reports.

Pure Python. The field names here are the documented JSON interface of the headless commands.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from explorer.domain.capability import CapabilityReport, Level, Route, cut_sets
from explorer.domain.catalog import Catalog
from explorer.domain.timeline import Timeline


def pad_rows(catalog: Catalog, day: date) -> list[dict[str, Any]]:
    """Every pad that exists on ``day`` with its status and the launch vehicles it serves."""
    sites = {s.id: s for s in catalog.sites}
    rows = []
    for pad in catalog.pads:
        status = pad.status_on(day)
        if status is None:
            continue
        site = sites[pad.site]
        rows.append(
            {
                "id": pad.id,
                "name": pad.name,
                "site": site.id,
                "site_name": site.name,
                "country": site.country,
                "lat": pad.lat_deg,
                "lon": pad.lon_deg,
                "status": str(status),
                "launch_vehicles": sorted(
                    {v.launch_vehicle for v in pad.launch_vehicles if v.serves_on(day)}
                ),
            }
        )
    return rows


def route_dict(route: Route) -> dict[str, Any]:
    row = {
        "crew_vehicle": route.crew_vehicle,
        "launch_vehicle": route.launch_vehicle,
        "pad": route.pad,
        "provider": route.provider,
    }
    if route.agreement is not None:
        row["agreement"] = route.agreement
    return row


def capability_dict(catalog: Catalog, report: CapabilityReport) -> dict[str, Any]:
    return {
        "date": report.day.isoformat(),
        "dataset_as_of": catalog.as_of.isoformat(),
        "off": report.scenario.sorted_off(),
        "nations": [
            {
                "id": n.nation,
                "name": n.name,
                "status": str(n.status),
                "routes": [route_dict(r) for r in n.routes],
                "usable_pads": list(n.usable_pads),
                "min_cut_size": n.min_cut_size,
                "single_points_of_failure": list(n.single_points_of_failure),
                "grounding_sites": list(n.grounding_sites),
            }
            for n in report.nations
        ],
    }


def cutsets_dict(
    catalog: Catalog,
    report: CapabilityReport,
    nation_id: str,
    level: Level | None,
    max_size: int,
) -> dict[str, Any]:
    access = report.nation(nation_id)
    level = level or access.default_level
    found = cut_sets(report, nation_id, level, max_size)
    return {
        "nation": access.nation,
        "date": report.day.isoformat(),
        "status": str(access.status),
        "level": None if level is None else str(level),
        "max_size": max_size,
        "off": report.scenario.sorted_off(),
        "cut_sets": [
            {
                "size": len(cut),
                "components": [{"id": c, "kind": str(catalog.kind_of(c))} for c in sorted(cut)],
            }
            for cut in found
        ],
        "grounding_sites": list(access.grounding_sites),
    }


def timeline_dict(result: Timeline, off: list[str]) -> dict[str, Any]:
    return {
        "from": result.start.isoformat(),
        "to": result.end.isoformat(),
        "off": off,
        "nations": [
            {
                "id": nation_id,
                "intervals": [
                    {
                        "from": iv.start.isoformat(),
                        "to": iv.end.isoformat(),
                        "status": str(iv.status),
                        "pads": list(iv.pads),
                        "crew_vehicles": list(iv.crew_vehicles),
                    }
                    for iv in intervals
                ],
            }
            for nation_id, intervals in result.nations.items()
        ],
    }
