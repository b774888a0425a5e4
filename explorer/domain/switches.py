"""Why a component is off, and what switching it back on means: one rule for every view.

Pure Python (domain only). A pad is off when the user switched it off *or* switched off its site
(a site is a group: losing it loses all its pads), or when a dated change in force takes it out.
The tree, the map's tooltips and context menu, and the details all ask ``off_cause``; the
document asks ``switched_on`` so that ticking a site or a pad of a switched-off site is the same
one step wherever the user does it. Only sites group other components in this model: a crew
vehicle riding a switched-off launch vehicle is not itself off, it just has no route.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from explorer.domain.catalog import Catalog, UnknownIdError
from explorer.domain.entities import ComponentKind, Pad
from explorer.domain.scenario import Scenario


class OffCause(StrEnum):
    SWITCHED_OFF = "switched_off"  # the user switched this component off
    SITE_SWITCHED_OFF = "site_switched_off"  # the user switched its site off
    DATED_CHANGE = "dated_change"  # an outage or region outage in force on the date


UNDATED = frozenset({OffCause.SWITCHED_OFF, OffCause.SITE_SWITCHED_OFF})


def _site_of(catalog: Catalog, component_id: str) -> str | None:
    """The site of a pad; None for anything else (a nation, an unknown id)."""
    try:
        record = catalog.get(component_id)
    except UnknownIdError:
        return None
    return record.site if isinstance(record, Pad) else None


def off_cause(
    catalog: Catalog,
    scenario: Scenario,
    component_id: str,
    off_on_day: Collection[str] = frozenset(),
) -> OffCause | None:
    """Why ``component_id`` is off (``None``: it is on).

    ``off_on_day``: every id off on the date (``CapabilityReport.switched_off``), so that an
    outage in force is told apart from a switch-off; the undated causes come first.
    """
    if component_id in scenario.off:
        return OffCause.SWITCHED_OFF
    site = _site_of(catalog, component_id)
    if site is not None and site in scenario.off:
        return OffCause.SITE_SWITCHED_OFF
    if component_id in off_on_day:
        return OffCause.DATED_CHANGE
    return None


def is_switched_on(catalog: Catalog, scenario: Scenario, component_id: str) -> bool:
    """On for all time: neither it nor (for a pad) its site is switched off."""
    return off_cause(catalog, scenario, component_id) not in UNDATED


def switched_on(catalog: Catalog, scenario: Scenario, component_id: str) -> Scenario:
    """``scenario`` with ``component_id`` switched back on, as a user means it.

    - a site comes back with all its pads;
    - a pad of a switched-off site comes back alone: the site is switched on and the site's other
      pads stay off (each now switched off by itself);
    - anything else: just that id.
    """
    kind = catalog.kind_of(component_id)
    if kind is ComponentKind.SITE:
        return scenario.with_all_enabled((component_id, *catalog.pads_of_site(component_id)), True)
    site = _site_of(catalog, component_id)
    if site is not None and site in scenario.off:
        others = [p for p in catalog.pads_of_site(site) if p != component_id]
        return scenario.with_all_enabled((site, component_id), True).with_all_enabled(others, False)
    return scenario.with_enabled(component_id, True)
