"""The timeline's loose ends: a double-click resets the zoom and leaves the date alone, Play on a
zoomed chart pages the chart along with the date, and the keyboard zooms the focused chart."""

from datetime import date

import pytest
from factories import chart_point
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from explorer.domain.timespan import LAST_DAY
from explorer.qt.timeline_chart import FULL_X, MIN_SPAN_DAYS, year_of


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


@pytest.fixture
def panel(window):
    return window.timeline_panel


def _send(panel, kind: QEvent.Type, at: QPoint, buttons) -> None:
    viewport = panel.chart.viewport()
    event = QMouseEvent(
        kind,
        QPointF(at),
        QPointF(viewport.mapToGlobal(at)),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def _double_click(panel, at: QPoint) -> None:
    """Press, release, double-click, release: what a real double-click delivers."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        _send(panel, kind, at, buttons)


def _span_days(panel) -> float:
    lo, hi = panel.chart.visible_years()
    return (hi - lo) * 365.25


# -- a: a double-click leaves the date where it was -------------------------------------------------
def test_a_double_click_shows_the_whole_span_and_leaves_the_date_and_the_undo_stack(window, panel):
    document = window.document
    panel.chart.zoom_to(date(2000, 1, 1), date(2010, 1, 1))
    day, steps = document.date, document.undo_stack.count()
    _double_click(panel, chart_point(panel, year_of(date(2004, 6, 1)), 2.0))
    assert panel.chart.visible_years() == pytest.approx(FULL_X)
    assert document.date == day
    assert panel.date_line.value() == pytest.approx(year_of(day))
    assert document.undo_stack.count() == steps  # no step to undo for a double-click
    assert not document.undo_stack.canUndo()
    assert window.statusBar().currentMessage() == ""  # nor a "Date …" step announced


def test_a_single_click_still_sets_the_date_at_once(window, panel, qtbot):
    target = date(1995, 3, 1)
    qtbot.mouseClick(
        panel.chart.viewport(),
        Qt.MouseButton.LeftButton,
        pos=chart_point(panel, year_of(target), 2.0),
    )
    assert abs((window.document.date - target).days) <= 40  # no wait for a double-click
    qtbot.wait(QApplication.doubleClickInterval() + 400)
    assert abs((window.document.date - target).days) <= 40  # and it stays


# -- b: Play pages the zoomed chart -----------------------------------------------------------------
def test_play_on_a_zoomed_chart_keeps_the_date_in_view_and_the_slider_keeps_up(
    window, panel, qtbot
):
    chart = panel.chart
    window.document.set_date(date(2000, 12, 1))
    chart.zoom_to(date(2000, 1, 1), date(2001, 1, 1))
    width = chart.visible_years()[1] - chart.visible_years()[0]
    panel.speed.setCurrentIndex(1)  # 1 year / s: past the shown year within a second
    seen = []
    window.document.dateChanged.connect(
        lambda: seen.append((window.document.date, chart.visible_years(), panel.slider.value()))
    )
    panel.play_button.setChecked(True)
    qtbot.waitUntil(lambda: window.document.date >= date(2001, 3, 1), timeout=5000)
    panel.play_button.setChecked(False)
    assert seen
    for day, (lo, hi), slider in seen:
        assert lo <= year_of(day) <= hi  # always in view
        assert hi - lo == pytest.approx(width, rel=1e-6)  # paged, not zoomed out
        assert slider == day.toordinal()
        assert panel.slider.minimum() <= slider <= panel.slider.maximum()
    lo, _hi = chart.visible_years()
    assert lo > year_of(date(2001, 1, 1)) - 0.1  # the next page
    # Paused, a date set elsewhere does not move the view.
    shown = chart.visible_years()
    window.document.set_date(date(1990, 1, 1))
    assert chart.visible_years() == pytest.approx(shown)


def test_play_to_the_end_on_a_zoomed_chart_ends_in_view(window, panel, qtbot):
    chart = panel.chart
    window.document.set_date(date(2035, 6, 1))
    chart.zoom_to(date(2035, 1, 1), date(2035, 9, 1))
    panel.speed.setCurrentIndex(2)  # 5 years / s
    panel.play_button.setChecked(True)
    qtbot.waitUntil(lambda: not panel.play_button.isChecked(), timeout=5000)
    assert window.document.date == LAST_DAY
    lo, hi = chart.visible_years()
    assert lo <= year_of(LAST_DAY) <= hi
    assert panel.slider.value() == LAST_DAY.toordinal()


# -- c: keyboard zoom ------------------------------------------------------------------------------
def test_the_focused_chart_zooms_with_plus_and_minus_and_shows_the_whole_span_on_0_or_home(
    window, panel, qtbot
):
    chart = panel.chart
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus and chart.focusPolicy() & (
        Qt.FocusPolicy.ClickFocus
    )
    assert chart.accessibleName() and "zoom" in chart.accessibleDescription().lower()
    window.activateWindow()
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    day = window.document.date
    whole = _span_days(panel)
    qtbot.keyClick(chart, Qt.Key.Key_Plus)
    assert _span_days(panel) == pytest.approx(whole / 2, rel=0.01)
    lo, hi = chart.visible_years()
    assert lo <= year_of(day) <= hi  # around the date
    qtbot.keyClick(chart, Qt.Key.Key_Equal)
    assert _span_days(panel) == pytest.approx(whole / 4, rel=0.01)
    qtbot.keyClick(chart, Qt.Key.Key_Minus)
    assert _span_days(panel) == pytest.approx(whole / 2, rel=0.01)
    for key in (Qt.Key.Key_0, Qt.Key.Key_Home):
        qtbot.keyClick(chart, Qt.Key.Key_Plus)
        assert chart.is_zoomed()
        qtbot.keyClick(chart, key)
        assert chart.visible_years() == pytest.approx(FULL_X)
    for _press in range(20):  # the deepest zoom is the view box's limit
        qtbot.keyClick(chart, Qt.Key.Key_Plus)
    assert _span_days(panel) == pytest.approx(MIN_SPAN_DAYS, rel=0.02)
    for _press in range(20):
        qtbot.keyClick(chart, Qt.Key.Key_Minus)
    assert chart.visible_years() == pytest.approx(FULL_X)
    assert window.document.date == day  # zooming moves no date


def test_the_focused_chart_shows_its_focus_with_a_frame(window, panel, qtbot):
    chart = panel.chart
    highlight = chart.palette().highlight().color()

    def edge():
        image = chart.grab().toImage()
        return image.pixelColor(0, image.height() // 2)

    window.activateWindow()
    window.nation_table.setFocus()
    qtbot.waitUntil(lambda: not chart.hasFocus())
    assert edge() != highlight
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    assert edge() == highlight
