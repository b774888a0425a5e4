"""The difference strip of the timeline chart: a thin baseline band over each nation's scenario
band, drawn while the scenario changes anything, so what a change buys shows as a gap between
the two.

Qt + pyqtgraph. One ``BarGraphItem`` for all nations; the baseline timeline (no changes) is
computed once per catalog by the pure ``timeline`` and kept.
"""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg  # isort: skip  (the chart has imported PySide6 first)

from explorer.domain.catalog import Catalog
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import Timeline, timeline

STRIP_HEIGHT = 0.18  # of a row, above the scenario band
STRIP_OFFSET = 0.27  # from the row's centre to the strip's centre (the band moves down)


class DifferenceStripItem(pg.BarGraphItem):
    def __init__(self) -> None:
        super().__init__(x0=[], x1=[], y=[], height=STRIP_HEIGHT)
        self.setZValue(2)
        self.setToolTip("Thin strip above each band: the baseline, with no changes")
        self.baseline: Timeline | None = None
        self.shown = False
        self._rows: list[tuple[float, float, float, object]] = []

    def update_for(
        self,
        catalog: Catalog,
        scenario: Scenario,
        nations: list[str],
        span: tuple[date, date],
        brushes: dict,
        year_of,
        least: float = 0.0,
    ) -> None:
        """Draw the baseline strip for ``nations`` (top row first), or hide it when the
        scenario is the baseline itself."""
        self.shown = not scenario.is_empty
        if not self.shown:
            self.setOpts(x0=[], x1=[], y=[], height=STRIP_HEIGHT, brushes=[])
            return
        if self.baseline is None or (self.baseline.start, self.baseline.end) != span:
            self.baseline = timeline(catalog.root, Scenario(), *span)
        self._rows = [
            (
                year_of(interval.start),
                year_of(interval.end),
                len(nations) - 1 - row + STRIP_OFFSET,
                brushes[interval.status],
            )
            for row, nation_id in enumerate(nations)
            for interval in self.baseline.nations[nation_id]
        ]
        self.widen(least)

    def widen(self, least: float) -> None:
        """Draw every strip at least ``least`` years wide (the narrow ones last, on top), so a
        one-day interval shows at any zoom, as in the bands under it."""
        if not self.shown:
            return
        wide = [r for r in self._rows if r[1] - r[0] >= least]
        narrow = [(x0, x0 + least, y, b) for x0, x1, y, b in self._rows if x1 - x0 < least]
        rows = wide + narrow
        self.setOpts(
            x0=[r[0] for r in rows],
            x1=[r[1] for r in rows],
            y=[r[2] for r in rows],
            height=STRIP_HEIGHT,
            brushes=[r[3] for r in rows],
            pen=None,
        )
