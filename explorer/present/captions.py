"""The caption under an exported map or screenshot: the date, the scenario, the dataset's age.

Pure Python (the domain's dates and ``explorer.present.words``). A picture that leaves the
program travels without its window, so it says what it shows: which day, which scenario (or
the baseline) and how old the dataset is.
"""

from __future__ import annotations

from datetime import date

from explorer.present.words import day_text

BASELINE = "Baseline"  # the scenario's name when it has no title: nothing switched off by a preset
SEPARATOR = " · "


def export_caption(day: date, title: str, as_of: date) -> str:
    """E.g. "Crewed access on 2025-11-28 · Baseline · dataset as of 2025-12-01"."""
    scenario = " ".join(title.split()) or BASELINE
    return SEPARATOR.join(
        (f"Crewed access on {day_text(day)}", scenario, f"dataset as of {day_text(as_of)}")
    )
