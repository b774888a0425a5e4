"""The crewed launches as table rows: names, not ids, and the text a filter matches.

Pure Python (domain and ``explorer.present``). The window's *Crewed launches* panel shows these
cells; its filter box matches ``launch_search_text`` (mission, nation, vehicles and pad names).
"""

from __future__ import annotations

from explorer.domain.catalog import Catalog
from explorer.domain.entities import CrewedLaunch
from explorer.domain.existence import name_on
from explorer.present.words import CREWED_LAUNCH_HEADERS, day_text, nation_short_name

__all__ = ["CREWED_LAUNCH_HEADERS", "launch_cells", "launch_search_text", "pad_place"]

OUTCOME_WORDS = {"success": "success", "failure": "failure"}


def _name(catalog: Catalog, record_id: str) -> str:
    found = catalog.find(record_id)
    return found.record.name if found else record_id


def pad_place(catalog: Catalog, pad_id: str) -> str:
    """A pad with its site: "Site 31/6 (Baikonur Cosmodrome)"."""
    found = catalog.find(pad_id)
    if found is None:
        return pad_id
    site = getattr(found.record, "site", None)
    return f"{found.record.name} ({_name(catalog, site)})" if site else found.record.name


def launch_cells(catalog: Catalog, launch: CrewedLaunch) -> tuple[str, ...]:
    """One row, in the order of ``CREWED_LAUNCH_HEADERS``."""
    return (
        day_text(launch.day),
        launch.mission,
        nation_short_name(name_on(catalog.nation(launch.nation), launch.day), launch.nation),
        _name(catalog, launch.crew_vehicle),
        _name(catalog, launch.launch_vehicle),
        pad_place(catalog, launch.pad),
        OUTCOME_WORDS.get(launch.outcome, launch.outcome),
    )


def launch_search_text(catalog: Catalog, launch: CrewedLaunch) -> str:
    """What the filter box matches, lower-cased: mission, nation, vehicles, pad and site names
    (and their ids, so "31-6" finds Site 31/6 too)."""
    cells = launch_cells(catalog, launch)
    ids = (launch.nation, launch.crew_vehicle, launch.launch_vehicle, launch.pad)
    return " | ".join((*cells[1:6], *ids)).lower()
