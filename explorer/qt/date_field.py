"""The toolbar's date field: a typed ISO date taken as a whole, with a calendar popup.

Qt only (plus ``explorer.domain.timespan`` for the one strict way to read a date). A
``QDateEdit`` edits one section at a time, so select-all and typing "2025-11-26" could give
2026-11-26; this field reads the whole text on Enter (or when focus leaves), through
``parse_day``. A bad or out-of-range text is refused with a one-line message just under the field
and the date stays. It mirrors ``QDateEdit``'s ``date()``/``setDate()``/``dateChanged``.
"""

from __future__ import annotations

import datetime
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from explorer.domain.errors import ExplorerError
from explorer.domain.timespan import FIRST_DAY, LAST_DAY, RANGE_TEXT, check_day, parse_day
from explorer.present.words import day_text

MESSAGE_MS = 8000  # how long a refusal stays up unless the user types again


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateField(QWidget):
    dateChanged = Signal(QDate)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = check_day(day)
        self.line_edit = QLineEdit(day_text(day), self)
        self.line_edit.setObjectName("date-text")
        self.line_edit.setAccessibleName("Date (YYYY-MM-DD)")
        self.line_edit.setToolTip(f"Type a date YYYY-MM-DD ({RANGE_TEXT}) and press Enter")
        self.line_edit.setPlaceholderText("YYYY-MM-DD")
        width = self.line_edit.fontMetrics().horizontalAdvance("0000-00-00") + 16
        self.line_edit.setFixedWidth(width)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("button-calendar")
        self.calendar_button.setAccessibleName("Pick a date from a calendar")
        self.calendar_button.setToolTip("Pick a date from a calendar")
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar-date")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))
        self.calendar.setGridVisible(True)
        self.calendar.hide()
        # Every action in the window has a name (tests, accessibility): so do the calendar's
        # own month menu's.
        for menu in self.calendar.findChildren(QMenu):
            for i, action in enumerate(menu.actions(), start=1):
                if not action.objectName():
                    action.setObjectName(f"action-calendar-month-{i}")
        # The refusal floats just under the field, like a tooltip that stays a while: the
        # toolbar does not jump, and the message is read where the user typed.
        self.message = QLabel(self, Qt.WindowType.ToolTip)
        self.message.setObjectName("date-message")
        self.message.setAccessibleName("Date error")
        self.message.setStyleSheet(
            "QLabel { color: palette(tooltip-text); background: palette(tooltip-base);"
            " border: 1px solid #D55E00; border-left: 4px solid #D55E00; padding: 2px 6px; }"
        )
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self._clear_message)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.calendar_button)
        self.line_edit.returnPressed.connect(self._on_line_edit_return_pressed)
        self.line_edit.editingFinished.connect(self._on_line_edit_editing_finished)
        self.line_edit.textEdited.connect(self._on_line_edit_text_edited)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.calendar.clicked.connect(self._on_calendar_picked)
        self.calendar.activated.connect(self._on_calendar_picked)

    # -- the QDateEdit-like interface ----------------------------------------------------------
    def date(self) -> QDate:
        return to_qdate(self._day)

    def day(self) -> datetime.date:  # ``date`` is the QDateEdit-like method here
        return self._day

    def setDate(self, value: QDate) -> None:
        """Show ``value`` (clamped to the range, as QDateEdit does); emits when it changes."""
        day = min(max(date(value.year(), value.month(), value.day()), FIRST_DAY), LAST_DAY)
        self.line_edit.setText(day_text(day))
        self._clear_message()
        if day != self._day:
            self._day = day
            self.dateChanged.emit(to_qdate(day))

    def set_message(self, text: str) -> None:
        """Say why the typed text was refused, under the field (hidden when ``text`` is empty)."""
        self.message.setText(text)
        if text:
            self.message.adjustSize()
            self.message.move(self.line_edit.mapToGlobal(QPoint(0, self.line_edit.height() + 2)))
            self.message.show()
            self._message_timer.start()
        else:
            self.message.hide()
            self._message_timer.stop()
        self.line_edit.setToolTip(text or f"Type a date YYYY-MM-DD ({RANGE_TEXT}) and press Enter")

    def show_calendar(self) -> None:
        """Open the calendar under the field, on the current date."""
        self.calendar.setSelectedDate(self.date())
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        """A refusal floating in its own window goes with the field (a closed window, a
        hidden toolbar)."""
        self._clear_message()
        super().hideEvent(event)

    # -- handlers ------------------------------------------------------------------------------
    def _on_line_edit_return_pressed(self) -> None:
        """Enter: take the typed text as a whole."""
        self._commit()

    def _on_line_edit_editing_finished(self) -> None:
        """Leaving the field with an edited text commits it too."""
        if self.line_edit.text() != day_text(self._day):
            self._commit()

    def _on_line_edit_text_edited(self, _text: str) -> None:
        """Typing again hides the last refusal."""
        self._clear_message()

    def _on_calendar_picked(self, value: QDate) -> None:
        """A day clicked (or Enter) in the calendar."""
        self.calendar.hide()
        self.setDate(value)

    def _commit(self) -> None:
        text = self.line_edit.text().strip()
        try:
            day = parse_day(text)
        except ExplorerError as exc:
            self.line_edit.setText(day_text(self._day))
            self.set_message(str(exc))
            return
        self.setDate(to_qdate(day))

    def _clear_message(self) -> None:
        if self.message.isVisible() or self.message.text():
            self.set_message("")
