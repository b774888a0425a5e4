"""Everything shown about one nation on one date, built once: ``NationSummary``.

Pure Python (domain only). The CLI text and JSON, the HTML report, the details panel, the
nation table and the tooltips all read a ``NationSummary``, so they cannot disagree on the
status, the routes that count, the single points of failure (with their kinds and how many
nations each grounds), the cut sets, the grounding sites, or why the nation's own crew
vehicles cannot fly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from explorer.domain.capability import AccessStatus, CapabilityReport, Level, Route, cut_sets
from explorer.domain.catalog import Catalog
from explorer.domain.entities import AgreementStatus, ComponentKind
from explorer.domain.explain import PartnerGap, Spell, partner_gaps, spell
from explorer.domain.obstacles import Blocked, GroundedVehicle, Obstacle, own_access_obstacles
from explorer.domain.spread import nation_pad_spread_km
from explorer.present.words import (
    IN_FORCE_BUT,
    KIND_LABELS,
    MISSES_DESTINATION,
    SWITCHED_OFF,
    agreement_gap_text,
    cause_text,
    ended_text,
    reason_word,
    return_text,
    since_text,
    status_word,
)

MAX_CUT_SIZE = 3  # cut sets listed in the report, the details panel and `cutsets` by default


@dataclass(frozen=True, slots=True)
class PointOfFailure:
    """A component whose loss alone takes the nation below its level, and how many nations
    (this one included) that one loss grounds."""

    id: str
    name: str
    kind: ComponentKind
    grounds: int


@dataclass(frozen=True, slots=True)
class Grounded:
    """One of the nation's crew vehicles with no route, with what blocks it in words."""

    vehicle: GroundedVehicle
    text: str  # e.g. "Orel (PTK NP): in development; Angara-A5P in development"
    # The vehicle's own spell ("retired since 2011-07-22"; empty when it could fly), then every
    # other component in its way with its spell ("Site 31/6: damaged since 2025-11-28, after …").
    own: str = ""
    details: tuple[str, ...] = ()
    name: str = ""  # the crew vehicle's name
    spells: tuple[Spell, ...] = ()  # the spells behind ``own`` and ``details`` (the JSON's dates)


@dataclass(frozen=True, slots=True)
class PartnerGapText:
    """An agreement that gives the nation no route, in words, with its held crew vehicles."""

    gap: PartnerGap
    text: str  # e.g. "Russian cosmonauts on the Space Shuttle (US): ended on 2011-07-22"
    vehicles: tuple[Grounded, ...] = ()


@dataclass(frozen=True, slots=True)
class NationSummary:
    nation: str
    name: str
    day: date
    status: AccessStatus
    level: Level | None  # the level its cut sets break (None: no access to lose)
    routes: tuple[Route, ...]  # all live routes, own then partner
    counted_routes: tuple[Route, ...]  # the routes that give it its status
    usable_pads: tuple[str, ...]
    min_cut_size: int | None
    single_points: tuple[PointOfFailure, ...]
    max_cut_size: int
    cut_sets: tuple[tuple[str, ...], ...]  # each sorted; by size, then ids
    grounding_sites: tuple[str, ...]
    grounded: tuple[Grounded, ...]  # empty when independent
    has_own_vehicle: bool  # False: nothing of its own in being to explain (NO_VEHICLE)
    pad_spread_km: float = 0.0  # smallest circle holding the pads of its own routes
    partner_gaps: tuple[PartnerGapText, ...] = ()  # partner or none: agreements without a route

    @property
    def single_point_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.single_points)


def describe(catalog: Catalog, grounded: GroundedVehicle) -> str:
    """One line, e.g. "Orel (PTK NP): in development; Angara-A5P in development"."""

    def words(o: Obstacle) -> str:
        reason = reason_word(o.reason, catalog.kind_of(o.component))
        if o.component == grounded.crew_vehicle:
            return reason
        return f"{catalog.get(o.component).name} {reason}"

    reasons = "; ".join(words(o) for o in grounded.obstacles)
    return f"{catalog.get(grounded.crew_vehicle).name}: {reasons}"


def spell_text(catalog: Catalog, s: Spell) -> str:
    """A status spell in words: "damaged since 2025-11-28, after <event> (2025-11-27);
    crew-capable again from 2026-03-22 (<event>)"."""
    kind = catalog.kind_of(s.component)
    if s.status is AgreementStatus.ENDED:
        text = ended_text(s.since)
    else:
        text = since_text(status_word(s.status, kind), s.since)
    if s.cause is not None:
        text += ", " + cause_text(s.cause.title, s.cause.day)
    if s.is_grounding:
        back = s.back.title if s.back is not None else None
        text += "; " + return_text(kind, s.until, back, catalog.as_of)
    return text


def explain_grounded(catalog: Catalog, grounded: GroundedVehicle, day: date) -> Grounded:
    """One held crew vehicle: its line, its own spell and every other obstacle with its spell."""
    own, details, spells = "", [], []
    for o in grounded.obstacles:
        found = None
        if not isinstance(o.reason, Blocked) and o.reason is not None:
            found = spell(catalog, o.component, day)
        if found is not None:
            spells.append(found)
        kind = catalog.kind_of(o.component)
        text = spell_text(catalog, found) if found else reason_word(o.reason, kind)
        if o.component == grounded.crew_vehicle:
            own = text
        else:
            details.append(f"{catalog.get(o.component).name}: {text}")
    name = catalog.get(grounded.crew_vehicle).name
    return Grounded(grounded, describe(catalog, grounded), own, tuple(details), name, tuple(spells))


def explain_gap(catalog: Catalog, gap: PartnerGap, day: date) -> PartnerGapText:
    """One agreement without a route: why, in words."""
    name = catalog.get(gap.agreement).name
    if gap.reason is Blocked.SWITCHED_OFF:
        reason = f"{SWITCHED_OFF} in this scenario"
    elif gap.reason is AgreementStatus.IN_FORCE:
        reason = IN_FORCE_BUT if gap.vehicles else MISSES_DESTINATION
    elif gap.spell is not None:
        reason = spell_text(catalog, gap.spell)
    else:
        reason = status_word(gap.reason, ComponentKind.AGREEMENT)
    vehicles = tuple(explain_grounded(catalog, g, day) for g in gap.vehicles)
    return PartnerGapText(gap, agreement_gap_text(name, gap.provider, reason), vehicles)


def summarize_nation(
    catalog: Catalog,
    report: CapabilityReport,
    nation_id: str,
    max_cut_size: int = MAX_CUT_SIZE,
    level: Level | None = None,
) -> NationSummary:
    """The nation's summary; cut sets at ``level`` (default: the one its status gives)."""
    access = report.nation(nation_id)
    level = level or access.default_level
    cuts = cut_sets(report, access.nation, level, max_cut_size)
    grounded: tuple[GroundedVehicle, ...] = ()
    gaps: tuple[PartnerGap, ...] = ()
    if access.status is not AccessStatus.INDEPENDENT:
        grounded = own_access_obstacles(catalog, report.scenario, report.day, access.nation)
        gaps = partner_gaps(catalog, report, access.nation)
    named = report.catalog or catalog  # hypothetical records have names too
    return NationSummary(
        nation=access.nation,
        name=access.name,
        day=report.day,
        status=access.status,
        level=level,
        routes=access.routes,
        counted_routes=access.counted_routes,
        usable_pads=access.usable_pads,
        min_cut_size=access.min_cut_size,
        single_points=tuple(
            PointOfFailure(c, catalog.get(c).name, catalog.kind_of(c), report.grounding_count(c))
            for c in access.single_points_of_failure
        ),
        max_cut_size=max_cut_size,
        cut_sets=tuple(sorted((tuple(sorted(c)) for c in cuts), key=lambda c: (len(c), c))),
        grounding_sites=access.grounding_sites,
        grounded=tuple(explain_grounded(named, g, report.day) for g in grounded),
        has_own_vehicle=access.status is AccessStatus.INDEPENDENT or bool(grounded),
        pad_spread_km=nation_pad_spread_km(catalog, access),
        partner_gaps=tuple(explain_gap(named, g, report.day) for g in gaps),
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """A whole report in summaries: the date, the dataset, the scenario, every nation."""

    day: date
    as_of: date
    dataset: str
    off: tuple[str, ...]
    projection_note: str
    nations: tuple[NationSummary, ...]

    def nation(self, nation_id: str) -> NationSummary:
        for n in self.nations:
            if n.nation.lower() == nation_id.lower():
                return n
        raise KeyError(nation_id)


def summarize(
    catalog: Catalog, report: CapabilityReport, max_cut_size: int = MAX_CUT_SIZE
) -> Summary:
    nations = tuple(
        summarize_nation(catalog, report, n.nation, max_cut_size) for n in report.nations
    )
    return summary_of(catalog, report, nations)


def summary_of(
    catalog: Catalog, report: CapabilityReport, nations: tuple[NationSummary, ...]
) -> Summary:
    """The summary of ``report`` from its nations' summaries (made once, by whoever holds them)."""
    return Summary(
        day=report.day,
        as_of=catalog.as_of,
        dataset=catalog.title,
        off=tuple(report.scenario.sorted_off()),
        projection_note=catalog.projection_note(report.day),
        nations=nations,
    )


def kind_words(catalog: Catalog, record_id: str) -> str:
    return KIND_LABELS[catalog.kind_of(record_id)]
