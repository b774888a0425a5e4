"""The timeline's chart: each nation's access over time, the events, the date and the as-of line.

Qt + pyqtgraph. Draws the exact timeline (``explorer.domain.timeline``) as coloured, patterned
bands, one row per nation, with the catalog's events as ticks, the document's date as a movable
line, and the dataset's as-of date as a dashed line with the projected days after it shaded. The
chart zooms (wheel, or + and - with the focus; 0 or Home shows the whole span) and pans (drag)
in time only; a band shorter than ``MIN_BAND_PX`` pixels
(a one-day flight, a short outage) is drawn that wide, on top, so it stays visible at any zoom.
Its words come from ``explorer.present``; it computes nothing about access.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.capability import AccessStatus
from explorer.domain.catalog import Catalog
from explorer.domain.entities import Event
from explorer.domain.timeline import Interval, Timeline
from explorer.domain.timespan import END_DAY, FIRST_DAY, LAST_DAY
from explorer.present.words import as_of_text, event_list_text
from explorer.qt.difference_strip import DifferenceStripItem
from explorer.qt.styles import ACCESS_COLORS, ACCESS_PATTERNS, is_dark

BAND_HEIGHT = 0.7  # of a row
EVENT_ROW = -1.0  # the y of the event ticks, under the nations
MIN_BAND_PX = 3.0  # the narrowest a band is drawn, in pixels
EVENT_HIT_PX = 5.0  # an event tick (9 px wide) within this many pixels of the pointer is under it
MIN_SPAN_DAYS = 20  # the deepest zoom shows this many days
KEY_ZOOM = 2.0  # one press of + or - halves or doubles the span shown
PAGE_LEAD = 0.05  # paging to keep the date in view puts it this share of the width from the left
ZOOM_IN_KEYS = (Qt.Key.Key_Plus, Qt.Key.Key_Equal)  # "=" is "+" unshifted on many layouts
ZOOM_OUT_KEYS = (Qt.Key.Key_Minus, Qt.Key.Key_Underscore)
WHOLE_SPAN_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Home)


def year_of(day: date) -> float:
    """Decimal year: the chart's x coordinate."""
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def day_of(year: float) -> date:
    """The date at a decimal year, kept inside ``[FIRST_DAY, END_DAY)`` (the chart spans only that;
    a pointer far off either end must not make an impossible date)."""
    year = min(max(year, year_of(FIRST_DAY)), year_of(LAST_DAY))
    whole = int(year)
    start = date(whole, 1, 1)
    length = (date(whole + 1, 1, 1) - start).days
    return start + timedelta(days=int((year - whole) * length))


_SPAN = year_of(END_DAY) - year_of(FIRST_DAY)
FULL_X = (year_of(FIRST_DAY) - 0.005 * _SPAN, year_of(END_DAY) + 0.005 * _SPAN)


LABEL_ROWS = 1.2  # band rows of room above the bands for the as-of label


class YearAxis(pg.AxisItem):
    """Years over a long span; month starts, then days, when zoomed in (a tick labelled
    "2026-05" stands on 2026-05-01, not on a decimal year that falls in May)."""

    def tickValues(self, minVal, maxVal, size):
        span_days = (maxVal - minVal) * 365.25
        if span_days > 3 * 365:  # whole years only: a decimal year is no calendar date
            return [(step, v) for step, v in super().tickValues(minVal, maxVal, size) if step >= 1]
        room = max(2, int(size / 90))  # labels that fit side by side
        first, last = day_of(minVal), day_of(maxVal)
        if span_days > 60:
            step = next((m for m in (1, 2, 3, 6) if span_days / (30.44 * m) <= room), 12)
            months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
            days = [date(m // 12, m % 12 + 1, 1) for m in months if (m % 12) % step == 0]
            return [(step / 12, [year_of(d) for d in days if first <= d <= last])]
        step = next((n for n in (1, 2, 5, 7, 14) if span_days / n <= room), 30)
        days = [
            date.fromordinal(n)
            for n in range(first.toordinal(), last.toordinal() + 1)
            if (n - FIRST_DAY.toordinal()) % step == 0
        ]
        return [(step / 365.25, [year_of(d) for d in days])]

    def tickStrings(self, values, scale, spacing):
        if spacing >= 1:
            return [str(round(v)) for v in values]
        shape = "%Y-%m" if spacing >= 1 / 12 - 1e-9 else "%Y-%m-%d"
        return [day_of(v + 1e-9).strftime(shape) for v in values]


class TimelineChart(pg.PlotWidget):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None, axisItems={"bottom": YearAxis("bottom")})
        self.catalog = catalog
        self.setObjectName("chart-timeline")
        self.setAccessibleName("Crewed access of each nation over time")
        self.setAccessibleDescription(
            "Plus and minus zoom in time, 0 or Home shows the whole span; the wheel zooms too."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click or Tab gives it the keys
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        self.view_box = plot.getViewBox()
        self.view_box.setMouseEnabled(x=True, y=False)  # zoom and pan in time only
        self.view_box.setLimits(xMin=FULL_X[0], xMax=FULL_X[1], minXRange=MIN_SPAN_DAYS / 365.25)
        self.reset_zoom()
        self.brushes = {
            status: QBrush(QColor(ACCESS_COLORS[status]), ACCESS_PATTERNS[status])
            for status in AccessStatus
        }
        self.timeline: Timeline | None = None
        self._rows: list[tuple[float, float, float, QBrush]] = []  # x0, x1, y, brush
        self._height = BAND_HEIGHT
        self.bands = pg.BarGraphItem(x0=[], x1=[], y=[], height=BAND_HEIGHT)
        plot.addItem(self.bands)
        self.difference = DifferenceStripItem()  # baseline over scenario, while changes exist
        plot.addItem(self.difference)
        as_of = year_of(catalog.as_of)
        # Days past the dataset's as-of date are a projection: shaded, behind a dashed line.
        self.projection = pg.LinearRegionItem(
            (as_of, FULL_X[1] + 1), movable=False, pen=pg.mkPen(None)
        )
        self.projection.setZValue(5)
        plot.addItem(self.projection, ignoreBounds=True)
        self.as_of_line = pg.InfiniteLine(
            as_of,
            angle=90,
            movable=False,
            label=as_of_text(catalog.as_of),
            labelOpts={"position": 1.0, "anchors": [(1, 0), (1, 0)]},
        )
        self.as_of_line.setZValue(6)
        plot.addItem(self.as_of_line, ignoreBounds=True)
        self.event_item = pg.ScatterPlotItem(size=9, symbol="t1", pxMode=True)
        self.event_item.setZValue(7)
        plot.addItem(self.event_item)
        # Not ``cursor``: that is QWidget.cursor(), the mouse pointer's shape.
        self.date_line = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen("#0072B2", width=2))
        self.date_line.setZValue(8)
        plot.addItem(self.date_line)
        self._apply_palette()
        self._build_events()
        self.view_box.sigXRangeChanged.connect(self._on_view_box_x_range_changed)
        self.view_box.sigResized.connect(self._on_view_box_x_range_changed)

    # -- zoom ----------------------------------------------------------------------------------
    def reset_zoom(self) -> None:
        """Show the whole span again."""
        self.view_box.setXRange(*FULL_X, padding=0)

    def zoom_to(self, start: date, end: date) -> None:
        """Show ``[start, end)`` (tests, screenshots)."""
        self.view_box.setXRange(year_of(start), year_of(end), padding=0)

    def zoom_by(self, factor: float) -> None:
        """Show ``factor`` times the span shown (< 1 zooms in), around the date line when it is in
        view, else around the middle; the view box's limits keep it inside the chart's span."""
        lo, hi = self.visible_years()
        at = self.date_line.value()
        centre = at if lo <= at <= hi else (lo + hi) / 2
        self.view_box.scaleBy(x=factor, center=(centre, 0.0))

    def keep_in_view(self, x_year: float) -> bool:
        """Page (same zoom) so that ``x_year`` is shown, ``PAGE_LEAD`` of the width from the left
        (Play runs on into the new page); True if the view moved."""
        lo, hi = self.visible_years()
        if lo <= x_year <= hi:
            return False
        width = hi - lo
        start = min(max(x_year - PAGE_LEAD * width, FULL_X[0]), FULL_X[1] - width)
        self.view_box.setXRange(start, start + width, padding=0)
        return True

    def visible_years(self) -> tuple[float, float]:
        lo, hi = self.view_box.viewRange()[0]
        return lo, hi

    def is_zoomed(self) -> bool:
        lo, hi = self.visible_years()
        return hi - lo < (FULL_X[1] - FULL_X[0]) * 0.999

    def min_band_years(self) -> float:
        """``MIN_BAND_PX`` in years at the current zoom."""
        width = self.view_box.width()
        lo, hi = self.visible_years()
        return MIN_BAND_PX * (hi - lo) / width if width > 0 else 0.0

    # -- drawing -------------------------------------------------------------------------------
    def show_timeline(self, fresh: Timeline, changed: bool) -> None:
        """Draw ``fresh`` (one row per nation); ``changed``: the scenario changes something,
        so each band moves down to make room for the baseline strip above it."""
        self.timeline = fresh
        nations = list(fresh.nations)
        shift, self._height = (-0.15, 0.5) if changed else (0, BAND_HEIGHT)
        self._rows = [
            (
                year_of(interval.start),
                year_of(interval.end),
                len(nations) - 1 - row + shift,
                self.brushes[interval.status],
            )
            for row, nation_id in enumerate(nations)
            for interval in fresh.nations[nation_id]
        ]
        self._draw_bands()
        left = self.getPlotItem().getAxis("left")
        left.setTicks([[(len(nations) - 1 - i, n) for i, n in enumerate(nations)]])
        # A free strip above the top band holds the as-of line's label, clear of the bands.
        self.getPlotItem().setYRange(-1.6, len(nations) + LABEL_ROWS - 0.4, padding=0)

    def _draw_bands(self) -> None:
        """The bands, each at least ``MIN_BAND_PX`` wide; the widened ones last, so on top."""
        least = self.min_band_years()
        wide, narrow = [], []
        for x0, x1, y, brush in self._rows:
            if x1 - x0 < least:
                narrow.append((x0, x0 + least, y, brush))
            else:
                wide.append((x0, x1, y, brush))
        rows = wide + narrow
        self.bands.setOpts(
            x0=[r[0] for r in rows],
            x1=[r[1] for r in rows],
            y=[r[2] for r in rows],
            brushes=[r[3] for r in rows],
            height=self._height,
            pen=None,
        )

    def drawn_extent(self, interval: Interval) -> tuple[float, float]:
        """Where ``interval`` is drawn, in years (a short one is widened)."""
        x0, x1 = year_of(interval.start), year_of(interval.end)
        return x0, max(x1, x0 + self.min_band_years())

    def interval_at(self, nation_id: str, x_year: float) -> Interval:
        """The interval drawn under ``x_year`` in the nation's row: a widened short one first."""
        assert self.timeline is not None
        least = self.min_band_years()
        for interval in self.timeline.nations[nation_id]:
            x0, x1 = year_of(interval.start), year_of(interval.end)
            if x1 - x0 < least and x0 <= x_year < x0 + least:
                return interval
        return self.timeline.interval_on(nation_id, day_of(x_year))

    def _build_events(self) -> None:
        events = self.catalog.events
        # One brush per colour: pyqtgraph renders a marker image per distinct brush object.
        colors = {self._event_color(e.kind) for e in events}
        brushes = {color: QBrush(QColor(color)) for color in colors}
        self.event_item.setData(
            [
                {
                    "pos": (year_of(e.day), EVENT_ROW),
                    "data": e,
                    "brush": brushes[self._event_color(e.kind)],
                }
                for e in events
            ]
        )

    @staticmethod
    def _event_color(kind: str) -> str:
        if kind in ("accident", "stand-down", "pad-damage"):
            return "#D55E00"
        if kind in ("return-to-flight", "pad-restored", "first-flight"):
            return "#009E73"
        return "#8C8C8C"

    def events_at(self, x_year: float, y: float) -> list[Event]:
        """The events whose ticks lie under a point of the chart, in date order."""
        lo, hi = self.visible_years()
        width = self.view_box.width()
        height = self.view_box.height()
        if width <= 0 or height <= 0:
            return []
        y_lo, y_hi = self.view_box.viewRange()[1]
        if abs(y - EVENT_ROW) * height / (y_hi - y_lo) > EVENT_HIT_PX * 1.5:
            return []
        reach = EVENT_HIT_PX * (hi - lo) / width
        return sorted(
            (e for e in self.catalog.events if abs(year_of(e.day) - x_year) <= reach),
            key=lambda e: (e.day, e.title),
        )

    def event_text(self, x_year: float, y: float) -> str:
        """The tooltip of the event ticks under a point: one event a line, capped."""
        return event_list_text([(e.day, e.title) for e in self.events_at(x_year, y)])

    # -- theme ---------------------------------------------------------------------------------
    def _apply_palette(self) -> None:
        """Projection shading and the as-of line in colours that read on the current theme."""
        dark = is_dark(self.palette())
        shade = QColor(255, 255, 255, 40) if dark else QColor(0, 0, 0, 40)
        self.projection.setBrush(QBrush(shade))
        self.projection.setHoverBrush(QBrush(shade))
        ink = QColor("#E0E0E0") if dark else QColor("#404040")
        self.as_of_line.setPen(pg.mkPen(ink, width=1.5, style=Qt.PenStyle.DashLine))
        self.as_of_line.label.setColor(ink)
        self.as_of_line.label.fill = pg.mkBrush(self.palette().base().color())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Qt sends a palette change while the base class is built, before the items exist.
        if event.type() == QEvent.Type.PaletteChange and "as_of_line" in self.__dict__:
            self._apply_palette()

    # -- keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+ and - zoom in time, 0 or Home shows the whole span; other keys go on as usual."""
        key = event.key()
        held = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if held != Qt.KeyboardModifier.NoModifier:  # Ctrl+0 and the like are the window's
            super().keyPressEvent(event)
            return
        if key in ZOOM_IN_KEYS:
            self.zoom_by(1 / KEY_ZOOM)
        elif key in ZOOM_OUT_KEYS:
            self.zoom_by(KEY_ZOOM)
        elif key in WHOLE_SPAN_KEYS:
            self.reset_zoom()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The chart, and with the focus a thin frame in the highlight colour over its edge."""
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().highlight().color())
            painter.drawRect(self.viewport().rect().adjusted(0, 0, -1, -1))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    # -- handlers ------------------------------------------------------------------------------
    def _on_view_box_x_range_changed(self, *_args) -> None:
        """A zoom, a pan or a resize: keep short bands at their minimum width."""
        if self._rows:
            self._draw_bands()
            self.difference.widen(self.min_band_years())
