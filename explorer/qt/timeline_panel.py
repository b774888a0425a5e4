"""The bottom dock: date slider with play/pause and speed, previous/next event, and the chart.

Qt + pyqtgraph. The chart (``explorer.qt.timeline_chart``) draws each nation's access over time;
this panel ties it to the document: clicking it jumps there, double-clicking (or *Whole span*)
undoes a zoom and leaves the date where it was, the slider spans what the chart shows (and, while
playing, the chart pages along so the date stays in view), and a banner says when the date lies past
the dataset's as-of date. The previous/next event actions step through
``explorer.domain.events``. The timeline is recomputed only when the scenario changes; moving
the date only moves the cursor.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import QPointF, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.capability import AccessStatus
from explorer.domain.events import event_days, next_day, previous_day
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import Timeline
from explorer.domain.timespan import FIRST_DAY, LAST_DAY, clamp_day
from explorer.present.cells import interval_tooltip
from explorer.present.words import (
    NEXT_EVENT,
    PREVIOUS_EVENT,
    WHOLE_SPAN,
    projection_banner,
)
from explorer.qt.document import ScenarioDocument
from explorer.qt.timeline_chart import BAND_HEIGHT, TimelineChart, day_of, year_of

__all__ = ["TimelinePanel", "day_of", "year_of"]

SPEEDS = (("1 month / s", 30), ("1 year / s", 365), ("5 years / s", 5 * 365))
TICK_MS = 50


class TimelinePanel(QWidget):
    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.timeline: Timeline | None = None
        self._event_days: tuple[Scenario, tuple[date, ...]] | None = None
        # The date before the last single click and when it came: a double-click's first click
        # moves the date at once (a click stays responsive), and the double-click puts it back.
        self._before_click: tuple[date, float] | None = None
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
        self.previous_event_action = self._event_action(
            "action-previous-event", PREVIOUS_EVENT, "Alt+Left", self.go_to_previous_event
        )
        self.next_event_action = self._event_action(
            "action-next-event", NEXT_EVENT, "Alt+Right", self.go_to_next_event
        )
        self.previous_button, self.next_button = (
            self._tool_button(action, arrow)
            for action, arrow in (
                (self.previous_event_action, Qt.ArrowType.LeftArrow),
                (self.next_event_action, Qt.ArrowType.RightArrow),
            )
        )
        self.reset_zoom_button = QToolButton(self)
        self.reset_zoom_button.setObjectName("button-timeline-whole-span")
        self.reset_zoom_button.setText(WHOLE_SPAN)
        self.reset_zoom_button.setAccessibleName("Show the whole span of the timeline")
        self.reset_zoom_button.setToolTip(
            "Show the whole span (or double-click the chart); wheel zooms, drag pans"
        )
        # Past the dataset's as-of date the window says so here, not only in the status bar.
        self.projection_label = QLabel(self)
        self.projection_label.setObjectName("label-projection")
        self.projection_label.setStyleSheet(
            "QLabel { background: rgba(230, 159, 0, 0.28); border: 1px solid #E69F00;"
            " border-radius: 3px; padding: 1px 6px; }"
        )
        # Its own line, wrapped in a narrow dock: it never widens the window.
        self.projection_label.setWordWrap(True)
        self.projection_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.projection_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.speed)
        row.addWidget(self.previous_button)
        row.addWidget(self.date_label)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.reset_zoom_button)
        # The slider sits on the chart's time axis: its handle stands where the cursor does,
        # and it spans what the chart shows.
        self._slider_row = QHBoxLayout()
        self._slider_row.addWidget(self.slider)

        self.chart = TimelineChart(document.catalog, self)
        self.bands = self.chart.bands
        self.difference = self.chart.difference
        self.event_item = self.chart.event_item
        self.date_line = self.chart.date_line
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(row)
        layout.addWidget(self.projection_label)
        layout.addLayout(self._slider_row)
        layout.addWidget(self.chart, 1)
        self.chart.view_box.sigResized.connect(self._align_slider)
        self.chart.view_box.sigXRangeChanged.connect(self._on_chart_x_range_changed)
        self.reset_zoom_button.clicked.connect(self.chart.reset_zoom)

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
        document.scenarioChanged.connect(self._update_event_actions)
        self._on_play_button_toggled(False)
        self.refresh_timeline()
        self._on_document_date_changed()

    def event_actions(self) -> list[QAction]:
        """Previous and next event, for the window's menus and shortcuts."""
        return [self.previous_event_action, self.next_event_action]

    def _event_action(self, name: str, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{text} ({QKeySequence(keys).toString()})")
        action.setStatusTip(f"Go to the {text.lower()}: a status change, a launch or a change")
        action.triggered.connect(slot)
        return action

    def _tool_button(self, action: QAction, arrow: Qt.ArrowType) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(action.objectName().replace("action-", "button-"))
        button.setAccessibleName(action.text())
        button.setArrowType(arrow)
        return button

    # -- drawing -------------------------------------------------------------------------------
    def refresh_timeline(self) -> None:
        """Redraw the bands from the document's exact timeline of the current scenario."""
        fresh = self.document.timeline
        if fresh == self.timeline:  # e.g. a pad switched off that no route needed: no redraw
            return
        self.timeline = fresh
        scenario = self.document.scenario
        self.chart.show_timeline(fresh, changed=not scenario.is_empty)
        self.difference.update_for(
            self.document.catalog,
            scenario,
            list(fresh.nations),
            (fresh.start, fresh.end),
            self.chart.brushes,
            year_of,
            self.chart.min_band_years(),
        )

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
        first = date.fromordinal(self.slider.minimum())
        last = date.fromordinal(self.slider.maximum())
        left = self._x_in_panel(first) - handle / 2 - outer.left()
        right = self.width() - self._x_in_panel(last) - handle / 2 - outer.right()
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
        interval = self.chart.interval_at(nation, x_year)
        catalog = self.document.view_catalog
        return interval_tooltip(catalog, nation, interval)

    # -- handlers ------------------------------------------------------------------------------
    def _on_chart_mouse_moved(self, args) -> None:
        """Hovering a band names its interval, an event tick its events (rate-limited)."""
        point = self.chart.view_box.mapSceneToView(args[0])
        self.bands.setToolTip(self.band_text(point.x(), point.y()))
        self.event_item.setToolTip(self.chart.event_text(point.x(), point.y()))

    def _on_chart_x_range_changed(self, *_args) -> None:
        """A zoom or a pan: the slider spans the days the chart shows, under them."""
        lo, hi = self.chart.visible_years()
        first, last = day_of(lo), day_of(hi)
        with QSignalBlocker(self.slider):
            self.slider.setRange(first.toordinal(), last.toordinal())
            self.slider.setPageStep(max(1, min(365, (last - first).days // 10)))
            self.slider.setValue(clamp_day(self.document.date).toordinal())
        self._align_slider()

    def _on_document_date_changed(self) -> None:
        """Move slider, label and cursor to the document's date without echoing it back; while
        playing, page the zoomed chart so the date stays in view (the slider follows it)."""
        day = self.document.date
        if self._timer.isActive():
            self.chart.keep_in_view(year_of(day))
        with QSignalBlocker(self.slider):
            self.slider.setValue(clamp_day(day).toordinal())
        with QSignalBlocker(self.date_line):
            self.date_line.setValue(year_of(day))
        self.date_label.setText(day.isoformat())
        as_of = self.document.catalog.as_of
        self.projection_label.setText(projection_banner(day, as_of) if day > as_of else "")
        self.projection_label.setToolTip(self.document.catalog.projection_note(day))
        self.projection_label.setVisible(day > as_of)

        self._update_event_actions()

    def _update_event_actions(self) -> None:
        """Previous/next event are enabled only when there is one to go to."""
        days, day = self.event_days(), self.document.date
        self.previous_event_action.setEnabled(previous_day(days, day) is not None)
        self.next_event_action.setEnabled(next_day(days, day) is not None)

    def event_days(self) -> tuple[date, ...]:
        """The dated events of the current scenario (kept while the scenario stays)."""
        scenario = self.document.scenario
        if self._event_days is None or self._event_days[0] is not scenario:
            self._event_days = (scenario, event_days(self.document.catalog, scenario))
        return self._event_days[1]

    def go_to_previous_event(self) -> None:
        """Step back to the last dated event before the date (one undoable date step)."""
        day = previous_day(self.event_days(), self.document.date)
        if day is not None:
            self.document.set_date(day)

    def go_to_next_event(self) -> None:
        """Step on to the first dated event after the date (one undoable date step)."""
        day = next_day(self.event_days(), self.document.date)
        if day is not None:
            self.document.set_date(day)

    def _on_slider_value_changed(self, value: int) -> None:
        """Dragging the slider sets the date everywhere."""
        self.document.set_date(date.fromordinal(value))

    def _on_date_line_moved(self, line) -> None:
        """Dragging the date line sets the date."""
        self.document.set_date(day_of(line.value()))

    def _on_chart_clicked(self, event) -> None:
        """A click on the chart jumps to that date; a double-click shows the whole span."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if event.double():
            self.chart.reset_zoom()
            self._undo_first_click()
            return
        point = self.chart.view_box.mapSceneToView(event.scenePos())
        self._before_click = (self.document.date, time.monotonic())
        self.document.set_date(day_of(point.x()))

    def _undo_first_click(self) -> None:
        """Put the date back where it was before a double-click's first click (the two date
        steps merge into none on the undo stack)."""
        if self._before_click is None:
            return
        day, at = self._before_click
        self._before_click = None
        interval_s = QApplication.doubleClickInterval() / 1000
        if time.monotonic() - at <= interval_s + 0.25:  # the slack: a busy event loop
            self.document.set_date(day)

    def _on_play_button_toggled(self, playing: bool) -> None:
        """Play or pause; the icon shows what a click will do."""
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        if playing:
            self._timer.start()  # first: a jump back to the start pages the chart along
            if self.document.date >= LAST_DAY:
                self.document.set_date(FIRST_DAY)
        else:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        """Advance by the chosen speed; stop at the end."""
        days_per_second = self.speed.currentData()
        step = max(1, round(days_per_second * TICK_MS / 1000))
        day = self.document.date + timedelta(days=step)
        self.document.set_date(min(day, LAST_DAY))  # while playing: the chart pages along
        if day >= LAST_DAY:
            self.play_button.setChecked(False)
