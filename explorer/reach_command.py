"""The ``reach`` command: per pad, how it reaches a destination or inclination, and over whom.

Imports the domain and the loaders (``explorer.loaders.geography`` only here, so other
commands never load shapely geometry). ``reach_records`` builds the JSON records of the
issue's schema; ``reach_text`` renders them as a table. Bad input raises ``ValueError`` with a
one-line message that the CLI turns into exit status 2.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from explorer.domain.catalog import Catalog
from explorer.domain.entities import DestinationStatus, PadStatus
from explorer.domain.reach import Corridor, corridor_verdict, destination, pad, reach
from explorer.domain.reach_entities import DropZone
from explorer.loaders.geography import DEFAULT_DOWNRANGE_KM, ascent_track, load_countries


def _pads_for(catalog: Catalog, pad_id: str | None, day: date) -> list[str]:
    if pad_id is not None:
        return [pad(catalog, pad_id).id]
    return [p.id for p in catalog.pads if p.status_on(day) is PadStatus.CREW_CAPABLE]


def _drop_zones(catalog: Catalog, pad_id: str, day: date) -> tuple[DropZone, ...]:
    """Drop zones of the launch vehicles the pad serves on ``day`` (those with data)."""
    zones: list[DropZone] = []
    for served in pad(catalog, pad_id).launch_vehicles:
        vehicle = catalog.reach.vehicle(served.launch_vehicle)
        if vehicle and served.serves_on(day):
            zones.extend(vehicle.drop_zones)
    return tuple(zones)


def track_azimuth(catalog: Catalog, pad_id: str, inclination_deg: float) -> float:
    """The heading drawn and looked up: the first launch azimuth the corridor does not forbid
    (north-bound first); due east (or west) for a dog-leg."""
    result = reach(catalog, pad_id, inclination_deg)
    if not result.azimuths_deg:
        return 90.0 if inclination_deg <= 90 else 270.0
    constraints = catalog.reach.constraints_of(pad(catalog, pad_id).site)
    for azimuth in result.azimuths_deg:
        if corridor_verdict(constraints, inclination_deg, (azimuth,)) is not Corridor.FORBIDDEN:
            return azimuth
    return result.azimuths_deg[0]


def reach_records(
    catalog: Catalog,
    day: date,
    pad_id: str | None = None,
    destination_id: str | None = None,
    inclination_deg: float | None = None,
    downrange_km: float = DEFAULT_DOWNRANGE_KM,
) -> list[dict[str, Any]]:
    """One record per pad x destination (or the one inclination), in the issue's schema.

    Without a destination or inclination: every destination active on ``day``.
    """
    if inclination_deg is not None and not 0 <= inclination_deg <= 180:
        raise ValueError(f"--inclination {inclination_deg:g} is outside 0..180 degrees")
    if downrange_km <= 0:
        raise ValueError(f"--downrange {downrange_km:g} must be more than 0 km")
    if inclination_deg is not None:
        targets: list[tuple[str | None, float]] = [(None, inclination_deg)]
    elif destination_id is not None:
        record = destination(catalog, destination_id)
        targets = [(record.id, record.inclination_deg)]
    else:
        targets = [
            (d.id, d.inclination_deg)
            for d in catalog.destinations
            if d.history.status_on(day) is DestinationStatus.ACTIVE
        ]
    pads = _pads_for(catalog, pad_id, day)
    countries = load_countries()
    records = []
    for pid in pads:
        where = pad(catalog, pid)
        zones = _drop_zones(catalog, pid, day)
        for target_id, inclination in targets:
            result = reach(catalog, pid, inclination, target_id)
            azimuth = track_azimuth(catalog, pid, inclination)
            track = ascent_track(
                where.lon_deg, where.lat_deg, azimuth, downrange_km, zones, countries
            )
            records.append(
                {
                    "pad": pid,
                    "destination": target_id,
                    "inclination_deg": round(inclination, 3),
                    "direct": result.direct,
                    "dogleg_deg": round(result.dogleg_deg, 3),
                    "azimuth_deg": [round(a, 2) for a in result.azimuths_deg],
                    "corridor": result.corridor.value,
                    "track_azimuth_deg": round(azimuth, 2),
                    "overflies": list(track.overflies),
                    "drop_zones": [
                        {"stage": z.stage, "downrange_km": z.downrange_km, "country": z.country}
                        for z in track.drop_zones
                    ],
                }
            )
    return records


def reach_text(records: list[dict[str, Any]]) -> list[list[Any]]:
    """Table rows for the headless table."""
    return [
        [
            r["pad"],
            r["destination"] or f"{r['inclination_deg']:g} deg",
            "yes" if r["direct"] else f"dog-leg {r['dogleg_deg']:.2f} deg",
            ", ".join(f"{a:.1f}" for a in r["azimuth_deg"]),
            r["corridor"],
            " > ".join(r["overflies"]) or "(sea)",
            ", ".join(f"{z['downrange_km']:g} km {z['country'] or 'sea'}" for z in r["drop_zones"]),
        ]
        for r in records
    ]


REACH_HEADERS = ["pad", "destination", "direct", "azimuths", "corridor", "overflies", "drop zones"]


def ascent_tracks(catalog: Catalog, pad_id: str, destination_id: str, day: date):
    """The track the map draws for a pad and destination, and the rings of what it overflies.

    Returns ``(track, {iso_code: rings})``; imports nothing of Qt (the window calls it from a
    worker thread).
    """
    where = pad(catalog, pad_id)
    target = destination(catalog, destination_id)
    azimuth = track_azimuth(catalog, pad_id, target.inclination_deg)
    countries = load_countries()
    track = ascent_track(
        where.lon_deg,
        where.lat_deg,
        azimuth,
        DEFAULT_DOWNRANGE_KM,
        _drop_zones(catalog, pad_id, day),
        countries,
    )
    return track, {code: countries.rings(code) for code in track.overflies}
