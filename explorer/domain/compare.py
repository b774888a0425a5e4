"""A scenario against a reference (the baseline: no changes), per nation over a horizon.

Pure Python. From two exact timelines over the same horizon ``[start, end)`` (never sampled
days) it counts, per nation, the days with independent access and with any access (independent
or through a partner) in each, and the first date on which the scenario lacks independent access
that the reference has (``first_loss``) and the first date after that on which the scenario has
independent access again (``first_regain``; ``None`` when it does not within the horizon).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from explorer.domain.capability import AccessStatus
from explorer.domain.catalog import Catalog
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import Interval, Timeline, timeline

HORIZON_START = date(1961, 4, 12)  # Vostok 1: the first crewed flight
HORIZON_END = date(2036, 1, 1)  # exclusive: the timeline's last day is 2035-12-31


@dataclass(frozen=True, slots=True)
class AccessDays:
    independent_days: int
    any_days: int


@dataclass(frozen=True, slots=True)
class NationComparison:
    nation: str
    baseline: AccessDays
    scenario: AccessDays
    first_loss: date | None
    first_regain: date | None

    @property
    def independent_difference(self) -> int:
        """Scenario minus baseline, in days of independent access."""
        return self.scenario.independent_days - self.baseline.independent_days

    @property
    def any_difference(self) -> int:
        return self.scenario.any_days - self.baseline.any_days

    @property
    def differs(self) -> bool:
        return self.baseline != self.scenario or self.first_loss is not None


@dataclass(frozen=True, slots=True)
class Comparison:
    start: date
    end: date
    nations: tuple[NationComparison, ...]

    def nation(self, nation_id: str) -> NationComparison:
        for row in self.nations:
            if row.nation.lower() == nation_id.lower():
                return row
        raise KeyError(nation_id)


def _days(intervals: tuple[Interval, ...]) -> AccessDays:
    independent = any_days = 0
    for iv in intervals:
        length = (iv.end - iv.start).days
        if iv.status is AccessStatus.INDEPENDENT:
            independent += length
        if iv.status is not AccessStatus.NONE:
            any_days += length
    return AccessDays(independent, any_days)


def _loss_and_regain(
    reference: tuple[Interval, ...], scenario: tuple[Interval, ...]
) -> tuple[date | None, date | None]:
    """Sweep both interval lists (they tile the same horizon) at their joint breakpoints."""
    points = sorted({iv.start for iv in reference} | {iv.start for iv in scenario})
    i = j = 0
    loss = None
    for day in points:
        while reference[i].end <= day:
            i += 1
        while scenario[j].end <= day:
            j += 1
        own = scenario[j].status is AccessStatus.INDEPENDENT
        if loss is None:
            if reference[i].status is AccessStatus.INDEPENDENT and not own:
                loss = day
        elif own:
            return loss, day
    return loss, None


def compare_timelines(reference: Timeline, scenario: Timeline) -> Comparison:
    """Per nation: ``reference`` (shown as "baseline") against ``scenario``, same horizon."""
    if (reference.start, reference.end) != (scenario.start, scenario.end):
        raise ValueError("the two timelines must cover the same horizon")
    rows = []
    for nation_id, intervals in scenario.nations.items():
        base = reference.nations[nation_id]
        loss, regain = _loss_and_regain(base, intervals)
        rows.append(NationComparison(nation_id, _days(base), _days(intervals), loss, regain))
    return Comparison(scenario.start, scenario.end, tuple(rows))


def baseline_of(scenario: Scenario) -> Scenario:
    """The unchanged history, for the same destination as ``scenario``."""
    return Scenario(destination=scenario.destination)


def compare(
    catalog: Catalog,
    scenario: Scenario,
    against: Scenario | None = None,
    start: date = HORIZON_START,
    end: date = HORIZON_END,
) -> Comparison:
    """``scenario`` against ``against`` (default: the baseline) over ``[start, end)``.

    The baseline has no changes but asks the same question: the scenario's destination.
    """
    reference = timeline(catalog, against or baseline_of(scenario), start, end)
    return compare_timelines(reference, timeline(catalog, scenario, start, end))


def comparison_dict(result: Comparison) -> dict[str, Any]:
    """The ``compare --json`` document (field names fixed: scripts rely on them)."""

    def days(d: AccessDays) -> dict[str, int]:
        return {"independent_days": d.independent_days, "any_days": d.any_days}

    return {
        "from": result.start.isoformat(),
        "to": result.end.isoformat(),
        "nations": [
            {
                "id": row.nation,
                "baseline": days(row.baseline),
                "scenario": days(row.scenario),
                "first_loss": row.first_loss.isoformat() if row.first_loss else None,
                "first_regain": row.first_regain.isoformat() if row.first_regain else None,
            }
            for row in result.nations
        ],
    }
