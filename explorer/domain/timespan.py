"""The range of dates the engine knows, and the one strict way to read a date.

Pure Python. The range is half-open, ``[FIRST_DAY, END_DAY)``: from the first crewed flight to the
end of the timeline. The window's date field, the slider, the chart, the command line and the
scenario files all use these two constants. Dates are written ``YYYY-MM-DD`` only: Python's
``date.fromisoformat`` also takes ``20251128`` and ``2025-W48-5``, which users never mean.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from explorer.domain.errors import ExplorerError

FIRST_DAY = date(1961, 4, 12)  # Vostok 1
END_DAY = date(2036, 1, 1)  # exclusive
LAST_DAY = END_DAY - timedelta(days=1)
RANGE_TEXT = f"{FIRST_DAY.isoformat()} .. {LAST_DAY.isoformat()}"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DayError(ExplorerError, ValueError):
    """A text that is not a date ``YYYY-MM-DD`` in the engine's range."""


def parse_day(text: str) -> date:
    """``text`` as a date written ``YYYY-MM-DD`` inside ``[FIRST_DAY, END_DAY)``."""
    return check_day(parse_iso_day(text))


def parse_iso_day(text: str) -> date:
    """``text`` as a date written ``YYYY-MM-DD``, any year (a what-if window may end later)."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    if not _ISO_DAY.match(text):
        raise DayError(f"'{shown}' is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DayError(f"'{shown}' is not a date (no such day)") from None


def check_day(day: date) -> date:
    """``day`` itself when the engine knows it; ``DayError`` naming the range otherwise."""
    if not FIRST_DAY <= day < END_DAY:
        raise DayError(f"{day.isoformat()} is outside the dates this program covers ({RANGE_TEXT})")
    return day


def clamp_day(day: date) -> date:
    """The nearest day inside the range (today may lie past the timeline's end one day)."""
    return min(max(day, FIRST_DAY), LAST_DAY)
