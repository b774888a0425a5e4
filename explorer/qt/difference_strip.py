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

    def update_for(
        self,
        catalog: Catalog,
        scenario: Scenario,
        nations: list[str],
        span: tuple[date, date],
        brushes: dict,
        year_of,
    ) -> None:
        """Draw the baseline strip for ``nations`` (top row first), or hide it when the
        scenario is the baseline itself."""
        self.shown = not scenario.is_empty
        if not self.shown:
            self.setOpts(x0=[], x1=[], y=[], height=STRIP_HEIGHT, brushes=[])
            return
        if self.baseline is None or (self.baseline.start, self.baseline.end) != span:
            self.baseline = timeline(catalog.root, Scenario(), *span)
        x0, x1, ys, fills = [], [], [], []
        for row, nation_id in enumerate(nations):
            for interval in self.baseline.nations[nation_id]:
                x0.append(year_of(interval.start))
                x1.append(year_of(interval.end))
                ys.append(len(nations) - 1 - row + STRIP_OFFSET)
                fills.append(brushes[interval.status])
        self.setOpts(x0=x0, x1=x1, y=ys, height=STRIP_HEIGHT, brushes=fills, pen=None)
