"""The in-app guide and glossary (Help ▸ Guide and glossary, F1) and the About text.

Pure Python (``explorer.present`` only). The glossary's entries also explain the nation table's
column headers, so a term reads the same in the help dialog and in a header tooltip.
"""

from __future__ import annotations

from datetime import date
from html import escape

from explorer.present.words import day_text

GLOSSARY: dict[str, str] = {
    "Route": (
        "A way to put people in orbit on the date: a crew vehicle that is operational, on a "
        "launch vehicle that is crew-rated, from a pad that is crew-capable and serves that "
        "launch vehicle, none of them switched off."
    ),
    "Independent": (
        "A nation has independent access when at least one route uses a crew vehicle it "
        "operates itself."
    ),
    "Partner": (
        "Access via a partner: the nation has no route of its own, but an agreement in force "
        "puts its astronauts on another nation's crew vehicle (e.g. NASA seats on Soyuz)."
    ),
    "Minimal cut set": (
        "A set of losses (pads, launch vehicles, crew vehicles, agreements) that takes a "
        "nation's access away, none of whose smaller subsets does. The smallest cut is the "
        "size of the smallest such set."
    ),
    "Single point of failure": (
        "One component whose loss alone takes the nation's access away: a minimal cut set of "
        "size 1 (e.g. Baikonur Site 31/6 for Russia before 2025-11-27)."
    ),
    "Crew-capable": (
        "A pad with working crew access equipment (access arm or tower, escape system) on the "
        "date: only such a pad can launch people. A damaged pad is not crew-capable until its "
        "first launch after the repair."
    ),
    "Projection": (
        "A date after the dataset's as-of date: what the window shows is the last known state "
        "carried on, not a forecast (the status bar and the details summary say so)."
    ),
    "Switched off": (
        "Your what-if: a pad, site, launch vehicle, crew vehicle or agreement treated as lost "
        "(untick it in a tree or click its marker). The dataset itself is never changed."
    ),
}

GUIDE_STEPS = (
    "Pick a date (the date field in the toolbar, or the slider under the map; Play runs "
    "through time). Every marker, row and panel shows the state on that date.",
    "Untick a site, a pad, a vehicle or an agreement in the left trees (or click a marker) to "
    "see who loses crewed access. Undo and Redo walk back every step.",
    "Select a nation in <i>Crewed access by nation</i>: the details list its routes, why its "
    "own vehicles or its partners' routes are missing, its single points of failure and its "
    "minimal cut sets. With nothing selected the details sum up every nation.",
    "Add dated what-ifs (an outage over a period, a new pad, a crew rating) from the context "
    "menus; the Scenario dock lists them with the scenario's title and notes.",
    "Save the scenario, export the map, the table or a report from the File menu.",
)


def guide_html() -> str:
    """The guide and glossary as HTML for the help dialog."""
    steps = "".join(f"<li>{step}</li>" for step in GUIDE_STEPS)
    terms = "".join(
        f"<dt><b>{escape(term)}</b></dt><dd>{escape(text)}</dd>" for term, text in GLOSSARY.items()
    )
    return (
        "<h3>What this program answers</h3>"
        "<p>Who can put people in orbit on a date, how fragile each nation's access is, and which "
        "single pad, vehicle or agreement would ground it.</p>"
        f"<h3>How to use it</h3><ol>{steps}</ol>"
        f"<h3>Glossary</h3><dl>{terms}</dl>"
    )


def about_html(version: str, title: str, as_of: date, licence: str) -> str:
    """The About box: the program, the dataset, its licence, its as-of date, where sources are."""
    return (
        f"<b>Launch-Site Redundancy Explorer</b> {escape(version)}<br><br>"
        f"<b>Dataset:</b> {escape(title)}, as of {day_text(as_of)}.<br>"
        f"<b>Licence:</b> {escape(licence)}<br>"
        "<b>Sources:</b> every record lists its own in <code>resources/catalog/*.yaml</code> "
        "(<code>sources</code> fields, shown in the details pane); "
        "<code>python main.py check</code> audits them.<br>"
        "Basemap: Natural Earth (public domain)."
    )
