"""Time travel in the window: the date slider, the access chart, clicking it, play and pause."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from explorer.domain.capability import AccessStatus
from explorer.domain.timeline import timeline
from explorer.domain.timespan import END_DAY, FIRST_DAY, LAST_DAY
from explorer.qt.timeline_panel import day_of, year_of


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


@pytest.fixture
def panel(window):
    return window.timeline_panel


def test_dragging_the_slider_moves_every_view_to_that_date(window, panel):
    panel.slider.setValue(date(1983, 9, 27).toordinal())  # the day after the T-10-1 pad abort
    assert window.document.date == date(1983, 9, 27)
    assert window.date_edit.date().toPython() == date(1983, 9, 27)
    assert panel.date_label.text() == "1983-09-27"
    assert panel.date_line.value() == pytest.approx(year_of(date(1983, 9, 27)))
    assert window.document.report.nation("RU").status is AccessStatus.NONE
    assert window.sites_tree.item_for("baikonur-1-5").text(1) == "damaged"
    window.map_view.show_area(63.3, 63.7, 45.8, 46.1)  # Baikonur, its two crew pads apart
    assert window.map_view.pad_brush("baikonur-1-5").color().name().lower() == "#d55e00"
    assert window.map_view.pad_brush("baikonur-31-6").color().name().lower() == "#009e73"


def test_the_chart_draws_the_engines_timeline_for_every_nation(window, panel):
    expected = timeline(window.document.catalog, window.document.scenario, FIRST_DAY, END_DAY)
    assert panel.timeline == expected
    assert panel.status_on("US", date(2015, 1, 1)) is AccessStatus.PARTNER
    assert panel.status_on("CN", date(2015, 1, 1)) is AccessStatus.INDEPENDENT
    rows = sum(len(intervals) for intervals in expected.nations.values())
    assert len(panel.bands.opts["x0"]) == rows


def test_the_chart_follows_a_toggle_and_its_undo(window, panel, qtbot):
    window.document.set_enabled("baikonur-31-6", False)
    qtbot.waitUntil(lambda: panel.status_on("RU", date(2024, 1, 1)) is not AccessStatus.INDEPENDENT)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.status_on("RU", date(2024, 1, 1)) is AccessStatus.INDEPENDENT)


def test_clicking_the_chart_jumps_to_that_date(window, panel, qtbot):
    target = date(2012, 6, 1)
    view_box = panel.chart.getPlotItem().getViewBox()
    scene = view_box.mapViewToScene(QPointF(year_of(target), 2.0))
    where = panel.chart.mapFromScene(scene)
    qtbot.mouseClick(panel.chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where))
    assert abs((window.document.date - target).days) <= 40  # one pixel is about a month


def test_play_advances_the_date_and_stops_at_the_end(window, panel, qtbot):
    window.document.set_date(date(2035, 12, 1))
    panel.speed.setCurrentIndex(2)  # 5 years / s
    panel.play_button.setChecked(True)
    qtbot.waitUntil(lambda: not panel.play_button.isChecked(), timeout=3000)
    assert window.document.date == LAST_DAY


def test_space_plays_and_pauses(window, panel, qtbot):
    window.activateWindow()
    window.nation_table.setFocus()  # Space works wherever the focus is in the window
    start = window.document.date
    qtbot.keyClick(window.nation_table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.play_button.isChecked())
    qtbot.waitUntil(lambda: window.document.date > start)
    qtbot.wait(150)  # the shortcut's button animation ends before the next press
    qtbot.keyClick(window.nation_table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not panel.play_button.isChecked())
    paused = window.document.date
    qtbot.wait(200)
    assert window.document.date == paused
    assert panel.play_button.accessibleName()


def test_event_markers_name_their_event_on_hover(window, panel):
    event = next(e for e in window.document.catalog.events if e.day == date(1961, 4, 12))
    tip = panel.chart.event_text(year_of(event.day), -1.0)
    assert tip.startswith("1961-04-12: ") and "Vostok 1" in tip
    assert len(panel.event_item.points()) == len(window.document.catalog.events)


def test_the_slider_handle_stands_over_the_chart_cursor(window, panel, qtbot):
    for day in (FIRST_DAY, date(1990, 1, 1), date(2025, 11, 28), LAST_DAY):
        panel.slider.setValue(day.toordinal())
        option = QStyleOptionSlider()
        panel.slider.initStyleOption(option)
        handle = panel.slider.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, panel.slider
        )
        handle_x = panel.slider.mapTo(panel, handle.center()).x()
        assert handle_x == pytest.approx(panel._x_in_panel(day), abs=3), day


def test_hovering_a_band_names_the_interval_its_vehicles_and_pads(window, panel, qtbot):
    rows = list(panel.timeline.nations)
    us_row = len(rows) - 1 - rows.index("US")
    gap = panel.band_text(year_of(date(2015, 1, 1)), us_row)
    assert gap.splitlines()[:3] == [
        "United States: via partner",
        "from 2011-11-15 until 2016-07-07",
        "on Soyuz TMA-M",
    ]
    shuttle = panel.band_text(year_of(date(1990, 1, 1)), us_row + 0.2)
    assert (
        "independent" in shuttle and "Space Shuttle" in shuttle and "Launch Complex 39" in shuttle
    )
    assert panel.band_text(year_of(date(1990, 1, 1)), us_row + 0.5) == ""  # between the rows
    qtbot.mouseMove(panel.chart.viewport(), _chart_point(panel, year_of(date(2015, 1, 1)), us_row))
    qtbot.waitUntil(lambda: panel.bands.toolTip() == gap)


def _chart_point(panel, x: float, y: float) -> QPoint:
    """Where chart coordinates lie in the chart's viewport, in pixels."""
    scene = panel.chart.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return panel.chart.mapFromScene(scene)


def test_hovering_past_either_end_of_the_chart_names_the_first_or_last_interval(panel, qtbot):
    """Regression: the chart spans a little past 2036-01-01 and the timeline ended a day before
    the slider's last date, so hovering there raised in the slot."""
    rows = list(panel.timeline.nations)
    us_row = len(rows) - 1 - rows.index("US")
    last = panel.band_text(year_of(END_DAY) + 0.2, us_row)
    assert last.startswith("United States: ") and "until 2036-01-01" in last
    assert "from 1961" not in last
    assert panel.band_text(1e9, us_row) == last  # far off the end: no impossible date
    assert panel.band_text(-1e9, us_row) == panel.band_text(year_of(FIRST_DAY), us_row)
    qtbot.mouseMove(panel.chart.viewport(), _chart_point(panel, year_of(END_DAY) + 0.3, us_row))
    qtbot.waitUntil(lambda: panel.bands.toolTip() == last)


def test_the_span_is_half_open_and_its_last_day_is_on_the_slider(panel):
    assert (date.fromordinal(panel.slider.minimum()), date.fromordinal(panel.slider.maximum())) == (
        FIRST_DAY,
        LAST_DAY,
    )
    assert panel.timeline.end == END_DAY and panel.timeline.start == FIRST_DAY
    assert day_of(year_of(END_DAY) + 5) == LAST_DAY and day_of(year_of(FIRST_DAY) - 5) == FIRST_DAY
