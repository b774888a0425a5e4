"""Crewed access on a date under a scenario: routes, access status, redundancy per nation.

Pure Python. ``assess`` is the one entry point every view and command uses. Semantics (DESIGN.md):
a route is (crew vehicle, launch vehicle, pad) with the crew vehicle operational, the launch
vehicle crew-rated and ridden by it, the pad crew-capable and serving that launch vehicle, none of
them switched off. A nation is *independent* with a route on a crew vehicle it operates, *partner*
with a route through an agreement in force (and not switched off) naming it as beneficiary,
otherwise *none*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from explorer.domain.catalog import Catalog
from explorer.domain.effective import Effective, effective
from explorer.domain.entities import (
    AgreementStatus,
    CrewVehicleStatus,
    LaunchVehicleStatus,
    PadStatus,
)
from explorer.domain.existence import name_on
from explorer.domain.redundancy import (
    min_cut_size,
    minimal_cut_sets,
    single_points_of_failure,
)
from explorer.domain.scenario import Scenario


class AccessStatus(StrEnum):
    INDEPENDENT = "independent"
    PARTNER = "partner"
    NONE = "none"


class Level(StrEnum):
    """Which routes a cut set must break: the nation's own, or any including partners'."""

    INDEPENDENT = "independent"
    ANY = "any"


@dataclass(frozen=True, slots=True, order=True)
class Route:
    crew_vehicle: str
    launch_vehicle: str
    pad: str
    provider: str
    agreement: str | None = None

    @property
    def components(self) -> frozenset[str]:
        parts = {self.crew_vehicle, self.launch_vehicle, self.pad}
        if self.agreement is not None:
            parts.add(self.agreement)
        return frozenset(parts)


@dataclass(frozen=True, slots=True)
class NationAccess:
    nation: str
    name: str
    status: AccessStatus
    own_routes: tuple[Route, ...]
    partner_routes: tuple[Route, ...]
    min_cut_size: int | None
    single_points_of_failure: tuple[str, ...]
    grounding_sites: tuple[str, ...]

    @property
    def routes(self) -> tuple[Route, ...]:
        return self.own_routes + self.partner_routes

    @property
    def default_level(self) -> Level | None:
        return {
            AccessStatus.INDEPENDENT: Level.INDEPENDENT,
            AccessStatus.PARTNER: Level.ANY,
        }.get(self.status)

    def routes_at(self, level: Level) -> tuple[Route, ...]:
        return self.own_routes if level is Level.INDEPENDENT else self.routes

    @property
    def counted_routes(self) -> tuple[Route, ...]:
        """The routes that give the nation its status."""
        level = self.default_level
        return () if level is None else self.routes_at(level)

    @property
    def usable_pads(self) -> tuple[str, ...]:
        return tuple(sorted({r.pad for r in self.counted_routes}))

    @property
    def crew_vehicles(self) -> tuple[str, ...]:
        return tuple(sorted({r.crew_vehicle for r in self.counted_routes}))


@dataclass(frozen=True, slots=True)
class CapabilityReport:
    """Everything the views show for one date and scenario."""

    day: date
    scenario: Scenario
    nations: tuple[NationAccess, ...]
    pad_status: dict[str, PadStatus | None]
    usable_pads: frozenset[str]
    available: frozenset[str]
    # What is off on ``day`` (undated switch-offs and the outages in force, pads of sites and
    # regions included), and the what-if catalog the report's ids live in.
    switched_off: frozenset[str] = frozenset()
    catalog: Catalog | None = field(default=None, compare=False, repr=False)

    def nation(self, nation_id: str) -> NationAccess:
        for access in self.nations:
            if access.nation.lower() == nation_id.lower():
                return access
        raise KeyError(nation_id)

    def grounding_count(self, component_id: str) -> int:
        """How many nations lose their current level of access if this component alone is lost."""
        return sum(
            component_id in n.single_points_of_failure or component_id in n.grounding_sites
            for n in self.nations
        )


@dataclass(slots=True)
class _DayFacts:
    """What holds on one date with nothing switched off (memoised per catalog and date)."""

    available: frozenset[str]
    routes: tuple[tuple[str, str, str], ...]
    relevant: frozenset[str]  # the ids whose switching can change anything on this date
    # scenario switches that matter -> access_statuses result
    statuses: dict[
        tuple[frozenset[str], str | None],
        dict[str, tuple[AccessStatus, tuple[str, ...], tuple[str, ...]]],
    ]


def _day_facts(catalog: Catalog, day: date) -> _DayFacts:
    def compute() -> _DayFacts:
        ids = {p.id for p in catalog.pads if p.history.status_on(day) is PadStatus.CREW_CAPABLE}
        ids.update(
            v.id
            for v in catalog.launch_vehicles
            if v.history.status_on(day) is LaunchVehicleStatus.CREW_RATED
        )
        ids.update(
            v.id
            for v in catalog.crew_vehicles
            if v.history.status_on(day) is CrewVehicleStatus.OPERATIONAL
        )
        agreements = {
            a.id for a in catalog.agreements if a.history.status_on(day) is AgreementStatus.IN_FORCE
        }
        ids.update(agreements)
        routes = tuple(
            (c.crew_vehicle, c.launch_vehicle, c.pad)
            for c in catalog.candidate_routes
            if c.crew_vehicle in ids
            and c.launch_vehicle in ids
            and c.pad in ids
            and c.pad_vehicle.serves_on(day)
        )
        relevant = frozenset(agreements.union(*routes))
        return _DayFacts(frozenset(ids), routes, relevant, {})

    return catalog.memo_by_day(day, compute)


def _available_and_routes(
    eff: Effective, day: date
) -> tuple[frozenset[str], list[tuple[str, str, str]]]:
    """Usable components and live routes on ``day`` once the scenario's switches apply."""
    facts = _day_facts(eff.catalog, day)
    available, routes = facts.available, facts.routes
    if eff.destination is not None:
        # Only the routes that reach the scenario's destination on this date count.
        from explorer.domain.reach import route_reaches

        destination = eff.destination
        routes = tuple(r for r in routes if route_reaches(eff.catalog, *r, destination, day))
    off = eff.off_on(day)
    if not off:
        return available, list(routes)
    available = available - off
    return available, [r for r in routes if not (r[0] in off or r[1] in off or r[2] in off)]


def _nation_routes(
    catalog: Catalog,
    nation_id: str,
    routes: list[tuple[str, str, str]],
    available: frozenset[str],
) -> tuple[tuple[Route, ...], tuple[Route, ...]]:
    operator = catalog.operator_of
    own = tuple(
        sorted(Route(cv, lv, pad, nation_id) for cv, lv, pad in routes if operator(cv) == nation_id)
    )
    partner = tuple(
        sorted(
            Route(cv, lv, pad, agreement.provider, agreement.id)
            for agreement in catalog.agreements
            if agreement.beneficiary == nation_id and agreement.id in available
            for cv, lv, pad in routes
            if cv in agreement.crew_vehicles
        )
    )
    return own, partner


def _status(own: tuple[Route, ...], partner: tuple[Route, ...]) -> AccessStatus:
    if own:
        return AccessStatus.INDEPENDENT
    return AccessStatus.PARTNER if partner else AccessStatus.NONE


def access_statuses(
    catalog: Catalog, scenario: Scenario, day: date
) -> dict[str, tuple[AccessStatus, tuple[str, ...], tuple[str, ...]]]:
    """Per nation: status, usable pads and crew vehicles of the counted routes (no redundancy).

    The cheap core of ``assess``, for evaluating many dates (the timeline): no route objects,
    and memoised per date by the switches that matter on that date, so toggling a component
    recomputes only the dates it takes part in.
    """
    return statuses_on(effective(catalog, scenario), day)


def statuses_on(
    eff: Effective, day: date
) -> dict[str, tuple[AccessStatus, tuple[str, ...], tuple[str, ...]]]:
    """``access_statuses`` for a scenario already resolved (the timeline resolves it once)."""
    catalog = eff.catalog
    facts = _day_facts(catalog, day)
    key = (eff.off_on(day) & facts.relevant, eff.destination)
    if key in facts.statuses:
        return facts.statuses[key]
    if len(facts.statuses) >= 64:
        facts.statuses.clear()
    available, routes = _available_and_routes(eff, day)
    operator = catalog.operator_of
    result = {}
    for nation in catalog.nations:
        counted = [r for r in routes if operator(r[0]) == nation.id]
        status = AccessStatus.INDEPENDENT
        if not counted:
            vehicles = {
                cv
                for a in catalog.agreements
                if a.beneficiary == nation.id and a.id in available
                for cv in a.crew_vehicles
            }
            counted = [r for r in routes if r[0] in vehicles]
            status = AccessStatus.PARTNER if counted else AccessStatus.NONE
        result[nation.id] = (
            status,
            tuple(sorted({r[2] for r in counted})),
            tuple(sorted({r[0] for r in counted})),
        )
    facts.statuses[key] = result
    return result


def assess(catalog: Catalog, scenario: Scenario, day: date) -> CapabilityReport:
    """Every nation's crewed access on ``day`` under ``scenario``, with its redundancy.

    Only the scenario's changes whose window holds ``day`` apply; hypothetical pads and
    agreements take part in routes like the dataset's own (``report.catalog`` holds them).
    """
    eff = effective(catalog, scenario)
    catalog = eff.catalog
    available, routes = _available_and_routes(eff, day)
    site_of = {p.id: p.site for p in catalog.pads}
    nations = []
    for nation in catalog.nations:
        own, partner = _nation_routes(catalog, nation.id, routes, available)
        status = _status(own, partner)
        counted = own if status is AccessStatus.INDEPENDENT else own + partner
        paths = [r.components for r in counted]
        sites = {site_of[r.pad] for r in counted}
        grounding = tuple(sorted(s for s in sites if all(site_of[r.pad] == s for r in counted)))
        nations.append(
            NationAccess(
                nation=nation.id,
                name=name_on(nation, day),  # "Soviet Union" before 1991-12-26
                status=status,
                own_routes=own,
                partner_routes=partner,
                min_cut_size=min_cut_size(paths),
                single_points_of_failure=tuple(sorted(single_points_of_failure(paths))),
                grounding_sites=grounding,
            )
        )
    return CapabilityReport(
        day=day,
        scenario=scenario,
        nations=tuple(nations),
        pad_status={p.id: p.status_on(day) for p in catalog.pads},
        usable_pads=frozenset(p.id for p in catalog.pads if p.id in available),
        available=available,
        switched_off=eff.off_on(day),
        catalog=catalog,
    )


def cut_sets(
    report: CapabilityReport,
    nation_id: str,
    level: Level | None = None,
    max_size: int | None = 3,
) -> list[frozenset[str]]:
    """Minimal cut sets of a nation's access at ``level`` (default: its current status)."""
    access = report.nation(nation_id)
    level = level or access.default_level
    if level is None:
        return []
    return minimal_cut_sets([r.components for r in access.routes_at(level)], max_size)
