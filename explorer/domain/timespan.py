"""The span of dates the program covers: from the first crewed flight to the end of 2035.

Pure Python. Half-open, ``[START, END)``: the CLI's timeline defaults, the window's slider and
date field, and the chart all use these two dates, and ``LAST_DAY`` is the last date inside.
"""

from __future__ import annotations

from datetime import date, timedelta

START = date(1961, 4, 12)  # Vostok 1, the first crewed orbital flight
END = date(2036, 1, 1)  # exclusive
LAST_DAY = END - timedelta(days=1)


def clamp(day: date) -> date:
    """``day`` moved into ``[START, END)``."""
    return min(max(day, START), LAST_DAY)
