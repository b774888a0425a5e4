"""The bottom dock: date slider with play/pause and speed, and each nation's access over time.

Qt + pyqtgraph. The chart draws the exact timeline (``explorer.domain.timeline``) as coloured,
patterned bands, one row per nation, with the catalog's events as hoverable ticks and a cursor
tied to the document's date; clicking the chart jumps there. It spans ``explorer.domain.timespan``
and its tooltips' words come from ``explorer.present``. The timeline is recomputed only
when the scenario changes; moving the date only moves the cursor.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import QPointF, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.capability import AccessStatus
from explorer.domain.timeline import Timeline
from explorer.domain.timespan import END_DAY, FIRST_DAY, LAST_DAY, clamp_day
from explorer.present.cells import interval_tooltip
from explorer.qt.difference_strip import DifferenceStripItem
from explorer.qt.document import ScenarioDocument
from explorer.qt.styles import ACCESS_COLORS, ACCESS_PATTERNS

SPEEDS = (("1 month / s", 30), ("1 year / s", 365), ("5 years / s", 5 * 365))
TICK_MS = 50
BAND_HEIGHT = 0.7  # of a row


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


class YearAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):
        return [str(int(v)) for v in values]


class TimelinePanel(QWidget):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.timeline: Timeline | None = None
        self.play_button = QToolButton(self)
        self.play_button.setObjectName("button-play")
        self.play_button.setAccessibleName("Play through time")
        self.play_button.setToolTip("Play / pause (Space)")
        self.play_button.setCheckable(True)
        self.play_button.setShortcut(Qt.Key.Key_Space)
        self.speed = QComboBox(self)
        self.speed.setObjectName("combo-speed")
        self.speed.setAccessibleName("Playback speed")
        for text, days in SPEEDS:
            self.speed.addItem(text, days)
        self.speed.setCurrentIndex(1)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("slider-date")
        self.slider.setAccessibleName("Date")
        self.slider.setRange(FIRST_DAY.toordinal(), LAST_DAY.toordinal())
        self.slider.setPageStep(365)
        self.slider.setSingleStep(1)
        self.date_label = QLabel(self)
        self.date_label.setMinimumWidth(90)
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.speed)
        row.addWidget(self.date_label)
        row.addStretch(1)
        # The slider sits on the chart's time axis: its handle stands where the cursor does.
        self._slider_row = QHBoxLayout()
        self._slider_row.addWidget(self.slider)

        self.chart = pg.PlotWidget(background=None, axisItems={"bottom": YearAxis("bottom")})
        self.chart.setObjectName("chart-timeline")
        self.chart.setAccessibleName("Crewed access of each nation over time")
        plot = self.chart.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getViewBox().setMouseEnabled(x=False, y=False)
        plot.setXRange(year_of(FIRST_DAY), year_of(END_DAY), padding=0.005)
        self._brushes = {
            status: QBrush(QColor(ACCESS_COLORS[status]), ACCESS_PATTERNS[status])
            for status in AccessStatus
        }
        self.bands = pg.BarGraphItem(x0=[], x1=[], y=[], height=BAND_HEIGHT)
        plot.addItem(self.bands)
        self.difference = DifferenceStripItem()  # baseline over scenario, while changes exist
        plot.addItem(self.difference)
        self.event_item = pg.ScatterPlotItem(
            hoverable=True, tip=self._event_tip, size=9, symbol="t1", pxMode=True
        )
        plot.addItem(self.event_item)
        # Not ``cursor``: that is QWidget.cursor(), the mouse pointer's shape.
        self.date_line = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen("#0072B2", width=2))
        plot.addItem(self.date_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(row)
        layout.addLayout(self._slider_row)
        layout.addWidget(self.chart, 1)
        plot.getViewBox().sigResized.connect(self._align_slider)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.play_button.toggled.connect(self._on_play_button_toggled)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.date_line.sigPositionChangeFinished.connect(self._on_date_line_moved)
        self.chart.scene().sigMouseClicked.connect(self._on_chart_clicked)
        self._hover = pg.SignalProxy(
            self.chart.scene().sigMouseMoved, rateLimit=20, slot=self._on_chart_mouse_moved
        )
        # The chart follows the scenario on the next turn of the event loop, after the map and
        # panels have been restyled, and once for a burst of changes.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh_timeline)
        document.scenarioChanged.connect(self._refresh.start)
        document.dateChanged.connect(self._on_document_date_changed)
        self._on_play_button_toggled(False)
        self._build_events()
        self.refresh_timeline()
        self._on_document_date_changed()

    # -- drawing -------------------------------------------------------------------------------
    def refresh_timeline(self) -> None:
        """Redraw the bands from the document's exact timeline of the current scenario."""
        fresh = self.document.timeline
        if fresh == self.timeline:  # e.g. a pad switched off that no route needed: no redraw
            return
        self.timeline = fresh
        x0, x1, ys, brushes = [], [], [], []
        nations = list(self.timeline.nations)
        # With changes, each band moves down to make room for the baseline strip above it.
        shift, height = (-0.15, 0.5) if not self.document.scenario.is_empty else (0, BAND_HEIGHT)
        for row, nation_id in enumerate(nations):
            for interval in self.timeline.nations[nation_id]:
                x0.append(year_of(interval.start))
                x1.append(year_of(interval.end))
                ys.append(len(nations) - 1 - row + shift)
                brushes.append(self._brushes[interval.status])
        self.bands.setOpts(x0=x0, x1=x1, y=ys, height=height, brushes=brushes, pen=None)
        span = (FIRST_DAY, END_DAY)
        scenario = self.document.scenario
        self.difference.update_for(
            self.document.catalog, scenario, nations, span, self._brushes, year_of
        )
        left = self.chart.getPlotItem().getAxis("left")
        left.setTicks([[(len(nations) - 1 - i, n) for i, n in enumerate(nations)]])
        self.chart.getPlotItem().setYRange(-1.6, len(nations) - 0.4, padding=0)

    def _build_events(self) -> None:
        events = self.document.catalog.events
        # One brush per colour: pyqtgraph renders a marker image per distinct brush object.
        colors = {self._event_color(e.kind) for e in events}
        brushes = {color: QBrush(QColor(color)) for color in colors}
        self.event_item.setData(
            [
                {
                    "pos": (year_of(e.day), -1.0),
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

    def _event_tip(self, x: float, y: float, data) -> str:
        return f"{data.day.isoformat()}: {data.title}"

    def status_on(self, nation_id: str, day: date) -> AccessStatus:
        """The status drawn for ``nation_id`` on ``day`` (for tests and tooltips)."""
        assert self.timeline is not None
        return self.timeline.interval_on(nation_id, day).status

    def _x_in_panel(self, day: date) -> float:
        """Where ``day`` lies on the chart's time axis, in this panel's pixels."""
        scene = self.chart.getPlotItem().getViewBox().mapViewToScene(QPointF(year_of(day), 0))
        return self.chart.mapTo(self, self.chart.mapFromScene(scene)).x()

    def _align_slider(self) -> None:
        """Stretch the slider so that its first and last values sit under their dates."""
        option = QStyleOptionSlider()
        self.slider.initStyleOption(option)
        handle = self.slider.style().pixelMetric(
            QStyle.PixelMetric.PM_SliderLength, option, self.slider
        )
        outer = cast(QLayout, self.layout()).contentsMargins()
        left = self._x_in_panel(FIRST_DAY) - handle / 2 - outer.left()
        right = self.width() - self._x_in_panel(LAST_DAY) - handle / 2 - outer.right()
        self._slider_row.setContentsMargins(max(0, round(left)), 0, max(0, round(right)), 0)

    def band_text(self, x_year: float, y: float) -> str:
        """The access interval under a point of the chart, in words ("" off the bands)."""
        if self.timeline is None:
            return ""
        nations = list(self.timeline.nations)
        row = round(y)
        if not 0 <= row < len(nations) or abs(y - row) > BAND_HEIGHT / 2:
            return ""
        nation = nations[len(nations) - 1 - row]
        interval = self.timeline.interval_on(nation, day_of(x_year))
        catalog = self.document.view_catalog
        return interval_tooltip(catalog, nation, interval)

    # -- handlers ------------------------------------------------------------------------------
    def _on_chart_mouse_moved(self, args) -> None:
        """Hovering a band names its interval (rate-limited)."""
        view_box = self.chart.getPlotItem().getViewBox()
        point = view_box.mapSceneToView(args[0])
        self.bands.setToolTip(self.band_text(point.x(), point.y()))

    def _on_document_date_changed(self) -> None:
        """Move slider, label and cursor to the document's date without echoing it back."""
        day = self.document.date
        with QSignalBlocker(self.slider):
            self.slider.setValue(clamp_day(day).toordinal())
        with QSignalBlocker(self.date_line):
            self.date_line.setValue(year_of(day))
        self.date_label.setText(day.isoformat())

    def _on_slider_value_changed(self, value: int) -> None:
        """Dragging the slider sets the date everywhere."""
        self.document.set_date(date.fromordinal(value))

    def _on_date_line_moved(self, line) -> None:
        """Dragging the date line sets the date."""
        self.document.set_date(day_of(line.value()))

    def _on_chart_clicked(self, event) -> None:
        """A click on the chart jumps to that date."""
        plot = self.chart.getPlotItem()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = plot.getViewBox().mapSceneToView(event.scenePos())
        self.document.set_date(day_of(point.x()))

    def _on_play_button_toggled(self, playing: bool) -> None:
        """Play or pause; the icon shows what a click will do."""
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        if playing:
            if self.document.date >= LAST_DAY:
                self.document.set_date(FIRST_DAY)
            self._timer.start()
        else:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        """Advance by the chosen speed; stop at the end."""
        days_per_second = self.speed.currentData()
        step = max(1, round(days_per_second * TICK_MS / 1000))
        day = self.document.date + timedelta(days=step)
        if day >= LAST_DAY:
            day = LAST_DAY
            self.play_button.setChecked(False)
        self.document.set_date(day)
