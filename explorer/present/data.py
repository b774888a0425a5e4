"""Plain data for ``--json`` (dicts and lists of JSON types), built from the same summaries as
the text tables, so the JSON carries everything the text prints.

Pure Python (domain and ``explorer.present`` only). The field names here are the documented JSON
interface of the headless commands; statuses are the raw enum values, and every sentence the
text prints is there too, under ``text`` or ``note``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from explorer.domain.capability import AccessStatus, Route
from explorer.domain.catalog import Catalog
from explorer.domain.entities import Event
from explorer.domain.existence import served_on
from explorer.domain.explain import Spell
from explorer.domain.obstacles import Reason
from explorer.domain.scenario import Scenario
from explorer.domain.switches import off_cause
from explorer.domain.timeline import Timeline
from explorer.present.summary import Grounded, NationSummary, PartnerGapText, Summary
from explorer.present.words import NO_VEHICLE, day_text, off_word, reason_word


def pad_rows(
    catalog: Catalog,
    day: date,
    scenario: Scenario | None = None,
    off_on_day: Collection[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Every pad that exists on ``day`` with its status, the launch vehicles it serves and why
    the scenario switches it off (``off``: an ``OffCause`` value, ``off_text`` its words; both
    ``None`` when it is on). ``off_on_day``: ``CapabilityReport.switched_off``."""
    scenario = scenario or Scenario()
    sites = {s.id: s for s in catalog.sites}
    rows = []
    for pad in catalog.pads:
        status = pad.status_on(day)
        if status is None:
            continue
        site = sites[pad.site]
        off = off_cause(catalog, scenario, pad.id, off_on_day)  # the domain's one rule
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
                "launch_vehicles": sorted(set(served_on(catalog, pad, day))),
                "off": None if off is None else str(off),
                "off_text": None if off is None else off_word(off),
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


def _reason(reason: object) -> str:
    return "not_yet" if reason is None else str(reason)


def _day(day: date | None) -> str | None:
    return None if day is None else day_text(day)


def event_dict(event: Event | None) -> dict[str, Any] | None:
    if event is None:
        return None
    return {"id": event.id, "date": day_text(event.day), "title": event.title, "kind": event.kind}


def spell_dict(s: Spell | None) -> dict[str, Any] | None:
    """A status spell: since when, and for a grounding its cause, its return day and event."""
    if s is None:
        return None
    return {
        "status": str(s.status),
        "since": day_text(s.since),
        "until": _day(s.until),
        "cause": event_dict(s.cause),
        "back": event_dict(s.back),
    }


def _obstacle_dict(catalog: Catalog, g: Grounded, component: str, reason: Reason) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": component,
        "reason": _reason(reason),
        "text": reason_word(reason, catalog.kind_of(component)),
    }
    found = next((s for s in g.spells if s.component == component), None)
    if found is not None:
        row["spell"] = spell_dict(found)
    return row


def grounded_dict(catalog: Catalog, g: Grounded) -> dict[str, Any]:
    """A held crew vehicle: its obstacles as codes (with their spells), and the words."""
    return {
        "crew_vehicle": g.vehicle.crew_vehicle,
        "name": g.name,
        "obstacles": [
            _obstacle_dict(catalog, g, o.component, o.reason) for o in g.vehicle.obstacles
        ],
        "text": g.text,
        "own_text": g.own,
        "details": list(g.details),
    }


def grounded_list(catalog: Catalog, n: NationSummary) -> list[dict[str, Any]]:
    """Why each of the nation's own crew vehicles cannot fly, as codes and as the text line."""
    return [grounded_dict(catalog, g) for g in n.grounded]


def partner_gap_dict(catalog: Catalog, gap: PartnerGapText) -> dict[str, Any]:
    """An agreement that gives the nation no route: which, why (``switched_off``, ``ended``,
    ``suspended``, ``in_force`` with held crew vehicles), its dates, the sentence."""
    g = gap.gap
    return {
        "agreement": g.agreement,
        "name": catalog.get(g.agreement).name,
        "provider": g.provider,
        "reason": _reason(g.reason),
        "spell": spell_dict(g.spell),
        "vehicles": [grounded_dict(catalog, v) for v in gap.vehicles],
        "text": gap.text,
    }


def nation_dict(catalog: Catalog, n: NationSummary) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": n.nation,
        "name": n.name,
        "status": str(n.status),
        "routes": [route_dict(r) for r in n.routes],
        "route_count": len(n.counted_routes),
        "usable_pads": list(n.usable_pads),
        "min_cut_size": n.min_cut_size,
        "single_points_of_failure": list(n.single_point_ids),
        "single_points": [
            {"id": p.id, "kind": str(p.kind), "grounds_nations": p.grounds} for p in n.single_points
        ],
        "grounding_sites": list(n.grounding_sites),
        "pad_spread_km": round(n.pad_spread_km, 1),
    }
    if n.status is not AccessStatus.INDEPENDENT:
        row["grounded"] = grounded_list(catalog, n)
        row["partner_gaps"] = [partner_gap_dict(catalog, g) for g in n.partner_gaps]
        if not n.has_own_vehicle:
            row["grounded_note"] = NO_VEHICLE
    return row


def capability_dict(catalog: Catalog, summary: Summary) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": day_text(summary.day),
        "dataset_as_of": day_text(summary.as_of),
        "off": list(summary.off),
        "nations": [nation_dict(catalog, n) for n in summary.nations],
    }
    if summary.projection_note:
        data["note"] = summary.projection_note
    return data


def cutsets_dict(catalog: Catalog, n: NationSummary, off: list[str]) -> dict[str, Any]:
    return {
        "nation": n.nation,
        "date": day_text(n.day),
        "status": str(n.status),
        "level": None if n.level is None else str(n.level),
        "max_size": n.max_cut_size,
        "off": off,
        "cut_sets": [
            {
                "size": len(cut),
                "components": [{"id": c, "kind": str(catalog.kind_of(c))} for c in cut],
            }
            for cut in n.cut_sets
        ],
        "grounding_sites": list(n.grounding_sites),
    }


def timeline_dict(result: Timeline, off: list[str]) -> dict[str, Any]:
    return {
        "from": day_text(result.start),
        "to": day_text(result.end),
        "off": off,
        "nations": [
            {
                "id": nation_id,
                "intervals": [
                    {
                        "from": day_text(iv.start),
                        "to": day_text(iv.end),
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
