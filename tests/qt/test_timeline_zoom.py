"""The timeline chart zooms and pans in time, marks the dataset's as-of date, shades and names
the projection past it, keeps one-day bands visible, and lists the events under the pointer."""

from datetime import date

import pytest
from factories import chart_point
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider

from explorer.domain.capability import AccessStatus
from explorer.domain.timespan import LAST_DAY
from explorer.present.words import EVENT_TIP_LINES
from explorer.qt.app import application
from explorer.qt.timeline_chart import FULL_X, MIN_BAND_PX, TimelineChart, year_of


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


@pytest.fixture
def panel(window):
    return window.timeline_panel


def _wheel(panel, at: QPoint, steps: int) -> None:
    viewport = panel.chart.viewport()
    event = QWheelEvent(
        QPointF(at),
        QPointF(viewport.mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def _mouse(panel, kind: QEvent.Type, at: QPoint, buttons) -> None:
    viewport = panel.chart.viewport()
    moving = kind == QEvent.Type.MouseMove
    button = Qt.MouseButton.NoButton if moving else Qt.MouseButton.LeftButton
    event = QMouseEvent(
        kind,
        QPointF(at),
        QPointF(viewport.mapToGlobal(at)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def _drag(panel, start: QPoint, end: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    _mouse(panel, QEvent.Type.MouseButtonPress, start, left)
    for i in range(1, 11):
        _mouse(panel, QEvent.Type.MouseMove, start + (end - start) * (i / 10), left)
    _mouse(panel, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def _double_click(panel, at: QPoint) -> None:
    """Press, release, double-click, release: what a real double-click delivers (QTest's
    ``mouseDClick`` sends no press, so pyqtgraph's scene sees no click)."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        _mouse(panel, kind, at, buttons)


def _row(panel, nation: str) -> int:
    rows = list(panel.timeline.nations)
    return len(rows) - 1 - rows.index(nation)


def _drawn_px(panel, nation: str, start: date) -> float:
    """The drawn width in pixels of the nation's band starting on ``start``."""
    opts = panel.bands.opts
    y = _row(panel, nation)
    widths = [
        x1 - x0
        for x0, x1, row in zip(opts["x0"], opts["x1"], opts["y"], strict=True)
        if x0 == pytest.approx(year_of(start)) and row == pytest.approx(y)
    ]
    assert widths, f"no band of {nation} from {start}"
    lo, hi = panel.chart.visible_years()
    return widths[0] * panel.chart.view_box.width() / (hi - lo)


# -- item 7: as-of line, projection shading, banner ------------------------------------------------
def test_the_as_of_date_is_a_line_with_the_projection_shaded_after_it(window, panel):
    as_of = window.document.catalog.as_of
    chart = panel.chart
    assert chart.as_of_line.value() == pytest.approx(year_of(as_of))
    assert not chart.as_of_line.movable
    assert as_of.isoformat() in chart.as_of_line.label.toPlainText()
    lo, hi = chart.projection.getRegion()
    assert lo == pytest.approx(year_of(as_of)) and hi >= FULL_X[1]
    assert chart.projection.brush.color().alpha() > 0
    assert chart.projection.zValue() > panel.bands.zValue()  # shades the bands too


def test_the_projection_shade_and_line_read_on_light_and_dark(qtbot, catalog):
    colours = {}
    for theme in ("light", "dark"):
        application(theme=theme)
        chart = TimelineChart(catalog)
        qtbot.addWidget(chart)
        colours[theme] = (chart.projection.brush.color(), chart.as_of_line.pen.color())
    application(theme="light")
    (light_shade, light_ink), (dark_shade, dark_ink) = colours["light"], colours["dark"]
    assert light_shade.alpha() > 0 and dark_shade.alpha() > 0
    assert light_shade.lightness() < 128 < dark_shade.lightness()  # darkens / lightens
    assert light_ink.lightness() < 128 < dark_ink.lightness()
    assert QColor(light_ink) != QColor(dark_ink)


def test_a_date_past_the_as_of_date_says_so_in_the_time_panel(window, panel):
    as_of = window.document.catalog.as_of
    assert not panel.projection_label.isVisible()
    window.document.set_date(date(2026, 7, 1))
    assert panel.projection_label.isVisible()
    text = panel.projection_label.text()
    assert "2026-07-01" in text and as_of.isoformat() in text and "Projection" in text
    window.document.set_date(as_of)  # the as-of day itself is data, not projection
    assert not panel.projection_label.isVisible()


def test_starting_on_a_date_past_the_as_of_date_shows_the_banner_at_once(qtbot, catalog, basemap):
    from explorer.qt.app import build_window

    application(theme="light")
    win = build_window(catalog, date(2027, 1, 1), basemap=basemap, persistent=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    assert win.timeline_panel.projection_label.isVisible()
    assert win.width() <= 1280  # the banner wraps; it never widens the window


# -- item 9: zoom, pan, reset, minimum widths, event tooltips --------------------------------------
def test_the_wheel_zooms_in_time_only_and_a_double_click_shows_the_whole_span(panel, qtbot):
    chart = panel.chart
    y_before = chart.view_box.viewRange()[1]
    lo, hi = chart.visible_years()
    assert (lo, hi) == pytest.approx(FULL_X)
    centre = chart_point(panel, year_of(date(2000, 1, 1)), 2.0)
    _wheel(panel, centre, 5)
    zoomed = chart.visible_years()
    assert zoomed[1] - zoomed[0] < (hi - lo) * 0.8
    assert zoomed[0] < year_of(date(2000, 1, 1)) < zoomed[1]  # around the pointer
    assert chart.view_box.viewRange()[1] == pytest.approx(y_before)
    assert chart.is_zoomed()
    _double_click(panel, centre)
    assert chart.visible_years() == pytest.approx(FULL_X)


def test_a_drag_pans_in_time_and_the_button_resets(window, panel, qtbot):
    chart = panel.chart
    chart.zoom_to(date(2000, 1, 1), date(2010, 1, 1))
    y_before = chart.view_box.viewRange()[1]
    day_before = window.document.date
    start = chart_point(panel, year_of(date(2006, 1, 1)), 1.3)
    end = chart_point(panel, year_of(date(2004, 1, 1)), 1.3)
    _drag(panel, start, end)
    lo, hi = chart.visible_years()
    assert lo == pytest.approx(year_of(date(2002, 1, 1)), abs=0.1)  # two years later
    assert hi - lo == pytest.approx(10, abs=0.05)
    assert chart.view_box.viewRange()[1] == pytest.approx(y_before)
    assert window.document.date == day_before  # a drag is not a click
    qtbot.mouseClick(panel.reset_zoom_button, Qt.MouseButton.LeftButton)
    assert chart.visible_years() == pytest.approx(FULL_X)


def test_a_click_on_the_zoomed_chart_still_sets_the_date(window, panel, qtbot):
    panel.chart.zoom_to(date(2025, 10, 1), date(2026, 1, 1))
    target = date(2025, 11, 26)
    at = chart_point(panel, year_of(target) + 0.5 / 365, 2.0)
    qtbot.mouseClick(panel.chart.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert abs((window.document.date - target).days) <= 1  # a pixel is a few hours here


def test_the_slider_spans_what_the_zoomed_chart_shows(window, panel):
    panel.chart.zoom_to(date(2025, 6, 1), date(2026, 6, 1))
    first, last = (date.fromordinal(v) for v in (panel.slider.minimum(), panel.slider.maximum()))
    assert abs((first - date(2025, 6, 1)).days) <= 1 and abs((last - date(2026, 6, 1)).days) <= 1
    assert window.document.date == date(2025, 11, 26)  # zooming moved no date
    assert panel.slider.value() == date(2025, 11, 26).toordinal()
    option = QStyleOptionSlider()
    panel.slider.initStyleOption(option)
    handle = panel.slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, panel.slider
    )
    handle_x = panel.slider.mapTo(panel, handle.center()).x()
    assert handle_x == pytest.approx(panel._x_in_panel(date(2025, 11, 26)), abs=3)
    panel.chart.reset_zoom()
    assert panel.slider.maximum() == LAST_DAY.toordinal()


def test_one_day_intervals_stay_visible_at_every_zoom(panel):
    assert panel.status_on("IN", date(1984, 4, 3)) is AccessStatus.PARTNER  # Soyuz T-11
    assert panel.status_on("IN", date(2025, 6, 25)) is AccessStatus.PARTNER  # Ax-4
    for start, end in ((None, None), (date(1980, 1, 1), date(1990, 1, 1))):
        if start:
            panel.chart.zoom_to(start, end)
        assert _drawn_px(panel, "IN", date(1984, 4, 3)) >= MIN_BAND_PX - 0.01
    panel.chart.reset_zoom()
    assert _drawn_px(panel, "IN", date(2025, 6, 25)) >= MIN_BAND_PX - 0.01
    # The widened bands are drawn last (on top of their neighbours) and the tooltip names them.
    opts, least = panel.bands.opts, panel.chart.min_band_years()
    widths = [x1 - x0 for x0, x1 in zip(opts["x0"], opts["x1"], strict=True)]
    india = next(
        i
        for i, (x0, y) in enumerate(zip(opts["x0"], opts["y"], strict=True))
        if x0 == pytest.approx(year_of(date(2025, 6, 25))) and y == pytest.approx(_row(panel, "IN"))
    )
    assert all(w == pytest.approx(least) for w in widths[india:])
    x_inside = year_of(date(1984, 4, 3)) + panel.chart.min_band_years() * 0.8
    assert panel.band_text(x_inside, _row(panel, "IN")).startswith("India: via partner")


def test_zoomed_in_a_one_day_band_has_its_true_width(panel):
    panel.chart.zoom_to(date(2025, 6, 15), date(2025, 7, 5))
    px_per_day = panel.chart.view_box.width() / 20
    assert _drawn_px(panel, "IN", date(2025, 6, 25)) == pytest.approx(px_per_day, rel=0.05)


def test_event_tooltips_list_the_events_under_the_pointer_in_date_order(window, panel, qtbot):
    chart, events = panel.chart, window.document.catalog.events
    crowded = max(events, key=lambda e: len(chart.events_at(year_of(e.day), -1.0)))
    under = chart.events_at(year_of(crowded.day), -1.0)
    assert len(under) > 1
    lines = chart.event_text(year_of(crowded.day), -1.0).splitlines()
    shown = lines[:EVENT_TIP_LINES] if len(under) > EVENT_TIP_LINES else lines
    assert [line.split(": ", 1)[0] for line in shown] == sorted(
        line.split(": ", 1)[0] for line in shown
    )
    assert all(": " in line for line in shown) and "" not in lines  # no blank lines between
    if len(under) > EVENT_TIP_LINES:
        assert lines[-1] == f"… and {len(under) - EVENT_TIP_LINES} more"
    assert len(lines) <= EVENT_TIP_LINES + 1
    assert chart.event_text(year_of(crowded.day), 3.0) == ""  # off the event row
    # Zoomed on one week, the pointer finds only that week's ticks.
    chart.zoom_to(crowded.day, date.fromordinal(crowded.day.toordinal() + 7))
    near = chart.events_at(year_of(crowded.day), -1.0)
    assert near and all(abs((e.day - crowded.day).days) <= 1 for e in near)
    qtbot.mouseMove(chart.viewport(), chart_point(panel, year_of(crowded.day), -1.0))
    qtbot.waitUntil(lambda: panel.event_item.toolTip() != "")
    assert crowded.title in panel.event_item.toolTip()


def test_a_short_outage_stays_visible_at_the_whole_span(window, panel, qtbot):
    from explorer.domain.changes import Outage, Window

    outage = Outage("baikonur-31-6", Window(date(2024, 1, 1), date(2024, 1, 3)))
    window.document.add_change(outage)
    qtbot.waitUntil(lambda: panel.status_on("RU", date(2024, 1, 1)) is not AccessStatus.INDEPENDENT)
    assert panel.chart.visible_years() == pytest.approx(FULL_X)
    y = _row(panel, "RU") - 0.15  # the band moves down under the baseline strip
    opts = panel.bands.opts
    widths = [
        x1 - x0
        for x0, x1, row in zip(opts["x0"], opts["x1"], opts["y"], strict=True)
        if x0 == pytest.approx(year_of(date(2024, 1, 1))) and row == pytest.approx(y)
    ]
    lo, hi = panel.chart.visible_years()
    assert widths and widths[0] * panel.chart.view_box.width() / (hi - lo) >= MIN_BAND_PX - 0.01
    # The baseline strip above keeps India's one-day flights visible too.
    strip = panel.difference.opts
    least = panel.chart.min_band_years()
    india = [
        x1 - x0
        for x0, x1 in zip(strip["x0"], strip["x1"], strict=True)
        if x0 == pytest.approx(year_of(date(1984, 4, 3)))
    ]
    assert india and india[0] == pytest.approx(least)


def test_zoomed_axis_ticks_stand_on_month_starts_and_days(panel):
    axis = panel.chart.getPlotItem().getAxis("bottom")
    panel.chart.zoom_to(date(2025, 9, 1), date(2026, 7, 15))
    lo, hi = panel.chart.visible_years()
    for spacing, values in axis.tickValues(lo, hi, 1000):
        labels = axis.tickStrings(values, 1, spacing)
        assert labels and all(len(label) == 7 for label in labels)  # YYYY-MM
        for value, label in zip(values, labels, strict=True):
            assert value == pytest.approx(year_of(date.fromisoformat(label + "-01")))
    panel.chart.zoom_to(date(2025, 11, 1), date(2025, 12, 1))
    lo, hi = panel.chart.visible_years()
    (spacing, values), *_ = axis.tickValues(lo, hi, 400)
    labels = axis.tickStrings(values, 1, spacing)
    assert labels and all(date.fromisoformat(label) for label in labels)  # YYYY-MM-DD
    panel.chart.reset_zoom()
    lo, hi = panel.chart.visible_years()
    assert all(step >= 1 for step, _ in axis.tickValues(lo, hi, 1000))  # whole years


def test_switching_the_theme_recolours_the_projection_and_the_as_of_line(panel, qtbot):
    chart = panel.chart
    assert chart.projection.brush.color().lightness() < 128
    application(theme="dark")
    try:
        qtbot.waitUntil(lambda: chart.projection.brush.color().lightness() > 128)
        assert chart.as_of_line.pen.color().lightness() > 128
    finally:
        application(theme="light")
    qtbot.waitUntil(lambda: chart.projection.brush.color().lightness() < 128)
