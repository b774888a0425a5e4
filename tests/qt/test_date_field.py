"""Typing a date: the whole ISO text is taken on Enter; bad text is refused beside the field;
the calendar popup still picks a day; previous/next event step through the dated events."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu

from explorer.domain.changes import Outage, Window
from explorer.domain.events import event_days
from explorer.qt.document import DATE_MERGE_S


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def _type_date(qtbot, window, text: str) -> None:
    """Select all in the toolbar's date field, type ``text`` and press Enter."""
    edit = window.date_edit.findChild(QLineEdit)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_select_all_and_typing_an_iso_date_gives_that_date(window, qtbot):
    window.document.set_date(date(2024, 1, 1))
    qtbot.wait(round(DATE_MERGE_S * 1000) + 100)  # the typed date is a step of its own
    _type_date(qtbot, window, "2025-11-26")  # QDateEdit made this 2026-11-26
    assert window.document.date == date(2025, 11, 26)
    assert window.date_edit.date().toPython() == date(2025, 11, 26)
    window.document.undo_stack.undo()  # one date step, like any other
    assert window.document.date == date(2024, 1, 1)
    assert window.date_edit.findChild(QLineEdit).text() == "2024-01-01"


# The refusal floats in a tooltip window; the offscreen platform cannot raise it (it shows it).
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2025-13-01", "no such day"),
        ("26/11/2025", "YYYY-MM-DD"),
        ("1960-01-01", "1961-04-12 .. 2035-12-31"),
        ("2036-01-01", "1961-04-12 .. 2035-12-31"),
    ],
)
def test_a_bad_or_out_of_range_date_is_refused_beside_the_field(window, qtbot, text, words):
    window.document.set_date(date(2024, 1, 1))
    depth = window.document.undo_stack.count()
    today = window.toolbar.widgetForAction(window.today_action).geometry()
    _type_date(qtbot, window, text)
    field = window.date_edit
    assert window.toolbar.widgetForAction(window.today_action).geometry() == today  # no jump
    below = field.mapToGlobal(field.rect().bottomLeft()).y()
    assert abs(field.message.geometry().top() - below) <= 6  # just under the field
    assert window.document.date == date(2024, 1, 1)
    assert window.document.undo_stack.count() == depth
    assert field.message.isVisible() and words in field.message.text()
    assert "\n" not in field.message.text()
    assert field.findChild(QLineEdit).text() == "2024-01-01"
    _type_date(qtbot, window, "2024-02-29")  # a good date clears the refusal
    assert window.document.date == date(2024, 2, 29)
    assert not field.message.isVisible()


# The offscreen platform cannot raise a popup or let it grab the keyboard; it still shows it.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grab"
)
def test_the_calendar_popup_still_picks_a_day(window, qtbot):
    field = window.date_edit
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate(2025, 11, 26)
    field.calendar.setSelectedDate(QDate(2025, 11, 24))
    field.calendar.clicked.emit(field.calendar.selectedDate())
    assert not field.calendar.isVisible()
    assert window.document.date == date(2025, 11, 24)
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)  # and by keyboard
    days = field.calendar.focusWidget()
    assert days is not None
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert window.document.date == date(2025, 11, 25)


def test_the_field_follows_the_date_set_elsewhere(window):
    window.timeline_panel.slider.setValue(date(1983, 9, 27).toordinal())
    assert window.date_edit.findChild(QLineEdit).text() == "1983-09-27"


def test_previous_and_next_event_step_through_the_dated_events(window, qtbot):
    panel, document = window.timeline_panel, window.document
    days = event_days(document.catalog, document.scenario)
    document.set_date(date(1984, 3, 1))
    panel.next_event_action.trigger()
    after = min(d for d in days if d > date(1984, 3, 1))
    assert document.date == after
    assert date(1984, 3, 1) < after <= date(1984, 4, 3)  # at the latest Soyuz T-11
    panel.previous_event_action.trigger()
    assert document.date == max(d for d in days if d < after)
    qtbot.wait(
        round(DATE_MERGE_S * 1000) + 100
    )  # past the date-step merge window: each jump is its own step
    before = document.date
    panel.next_event_action.trigger()
    document.undo_stack.undo()
    assert document.date == before


def test_a_scenario_change_date_is_an_event_to_jump_to(window):
    document = window.document
    document.add_change(Outage("baikonur-31-6", Window(date(2030, 3, 17), date(2031, 7, 9))))
    document.set_date(date(2030, 1, 1))
    window.timeline_panel.next_event_action.trigger()
    assert document.date == date(2030, 3, 17)
    window.timeline_panel.next_event_action.trigger()
    assert document.date == date(2031, 7, 9)


def test_event_shortcuts_work_from_anywhere_and_clash_with_nothing(window, qtbot):
    panel, document = window.timeline_panel, window.document
    document.set_date(date(2000, 1, 1))
    window.activateWindow()
    window.nation_table.setFocus()
    qtbot.keyClick(window.nation_table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    first = document.date
    assert first > date(2000, 1, 1)
    window.timeline_dock.hide()  # the keys do not depend on the Time dock being shown
    qtbot.keyClick(window.nation_table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert document.date < first
    shortcuts = [
        a.shortcut().toString()
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty() and a.parent() is not None
    ]
    for action in panel.event_actions():
        key = action.shortcut().toString()
        assert key in (QKeySequence("Alt+Left").toString(), QKeySequence("Alt+Right").toString())
        assert shortcuts.count(key) == 1, key
        assert action in window.menuBar().findChild(QMenu, "menu-view").actions()


def test_at_the_last_event_next_is_disabled(window):
    document = window.document
    last = event_days(document.catalog, document.scenario)[-1]
    document.set_date(last)
    assert not window.timeline_panel.next_event_action.isEnabled()
    assert window.timeline_panel.previous_event_action.isEnabled()
