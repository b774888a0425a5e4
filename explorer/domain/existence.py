"""What existed on a date: the one rule every view uses against anachronisms.

Pure Python (domain only). A record exists from its history's first entry on (the catalog's
convention: "before the first entry the record does not exist yet"): a pad before it is planned,
under construction or first launches from is *not yet built*, so the map draws no marker for it;
a site exists while any of its pads does, so the map names it only then; a launch vehicle is in
being from its first dated status (development included) until it retires, so no pad "serves"
the LVM3 in 1980, an Angara in 1968 or the Vostok-K in 1975. A nation's territory on a date is
its ``earlier_territory`` before ``earlier_territory_until`` (the Soviet Union for RU before
1991-12-26), its ``territory`` after.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from explorer.domain.catalog import Catalog
from explorer.domain.entities import LaunchVehicle, LaunchVehicleStatus, Nation, Pad, PadStatus


def pad_exists_on(pad: Pad, day: date) -> bool:
    """Whether the pad is built (or at least planned or under construction) on ``day``."""
    return pad.status_on(day) is not None


def existing_pads(status: Mapping[str, PadStatus | None]) -> frozenset[str]:
    """The pads of a report's ``pad_status`` that exist on its date (what-ifs included)."""
    return frozenset(p for p, s in status.items() if s is not None)


def site_exists_on(catalog: Catalog, site_id: str, day: date) -> bool:
    """Whether any pad of the site exists on ``day``."""
    return any(pad_exists_on(catalog.get(p, Pad), day) for p in catalog.pads_of_site(site_id))


def sites_existing(catalog: Catalog, pads: frozenset[str]) -> frozenset[str]:
    """The sites holding at least one of the given existing pads."""
    return frozenset(catalog.get(p, Pad).site for p in pads)


def vehicle_exists_on(vehicle: LaunchVehicle, day: date) -> bool:
    """Whether the launch vehicle is in being on ``day``: in development or flying, not yet
    retired (a pad no longer "serves" the Vostok-K in 1975)."""
    return vehicle.status_on(day) not in (None, LaunchVehicleStatus.RETIRED)


def served_on(catalog: Catalog, pad: Pad, day: date) -> tuple[str, ...]:
    """Ids of the launch vehicles the pad serves on ``day``: in its dated list and in being."""
    return tuple(
        v.launch_vehicle
        for v in pad.launch_vehicles
        if v.serves_on(day) and vehicle_exists_on(catalog.get(v.launch_vehicle, LaunchVehicle), day)
    )


def name_on(nation: Nation, day: date) -> str:
    """What ``nation`` was called on ``day``: "Soviet Union" for RU before 1991-12-26."""
    until = nation.earlier_territory_until
    if nation.earlier_name and until is not None and day < until:
        return nation.earlier_name
    return nation.name


def territory_on(nation: Nation, day: date) -> tuple[str, ...]:
    """The country codes the map shades for ``nation`` on ``day``."""
    until = nation.earlier_territory_until
    if nation.earlier_territory and until is not None and day < until:
        return nation.earlier_territory
    return nation.territory
