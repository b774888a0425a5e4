"""The exact access timeline: per nation, the maximal intervals of constant access.

Pure Python. Status can only change on a date at which some record of the catalog changes or a
change of the scenario starts or ends, so the timeline evaluates those change points only (never
samples days) and merges neighbouring intervals whose status, pads and crew vehicles are equal.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from explorer.domain.capability import AccessStatus, statuses_on
from explorer.domain.catalog import Catalog
from explorer.domain.effective import effective
from explorer.domain.scenario import Scenario


@dataclass(frozen=True, slots=True)
class Interval:
    """``[start, end)``: the nation's status, with the pads and crew vehicles that carry it.

    ``pads`` lists the pads of the nation's own routes (empty unless independent).
    """

    start: date
    end: date
    status: AccessStatus
    pads: tuple[str, ...]
    crew_vehicles: tuple[str, ...]

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end


@dataclass(frozen=True, slots=True)
class Timeline:
    start: date
    end: date
    nations: dict[str, tuple[Interval, ...]]

    def interval_on(self, nation_id: str, day: date) -> Interval:
        intervals = self.nations[nation_id]
        i = bisect_right([iv.start for iv in intervals], day) - 1
        if i < 0 or not intervals[i].contains(day):
            raise ValueError(f"{day.isoformat()} is outside the timeline")
        return intervals[i]


def timeline(
    catalog: Catalog,
    scenario: Scenario,
    start: date,
    end: date,
    nations: Sequence[str] | None = None,
) -> Timeline:
    """Access of each nation (default: all) over ``[start, end)``, exactly."""
    if end <= start:
        raise ValueError(f"the timeline must end after it starts ({start} .. {end})")
    wanted = [catalog.nation(n).id for n in nations] if nations else [n.id for n in catalog.nations]
    eff = effective(catalog, scenario)
    changes: Sequence[date] = eff.catalog.change_dates()
    if eff.dates:  # the scenario's change dates are breakpoints too
        changes = sorted({*changes, *eff.dates})
    points = [start, *(d for d in changes if start < d < end)]
    rows: dict[str, list[Interval]] = {n: [] for n in wanted}
    for i, day in enumerate(points):
        until = points[i + 1] if i + 1 < len(points) else end
        statuses = statuses_on(eff, day)
        for nation_id in wanted:
            status, pads, vehicles = statuses[nation_id]
            own_pads = pads if status is AccessStatus.INDEPENDENT else ()
            intervals = rows[nation_id]
            last = intervals[-1] if intervals else None
            if last and (last.status, last.pads, last.crew_vehicles) == (
                status,
                own_pads,
                vehicles,
            ):
                intervals[-1] = Interval(last.start, until, status, own_pads, vehicles)
            else:
                intervals.append(Interval(day, until, status, own_pads, vehicles))
    return Timeline(start, end, {n: tuple(rows[n]) for n in wanted})
