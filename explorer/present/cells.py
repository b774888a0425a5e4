"""Short texts of the window: nation-table cells, the tree's status column and tooltips.

Pure Python (domain and ``explorer.present``). The window's views call these and only decide
where the text goes; the nation table's cells and tooltip read a ``NationSummary``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

from explorer.domain.capability import AccessStatus
from explorer.domain.catalog import Catalog
from explorer.domain.entities import (
    Agreement,
    ComponentKind,
    CrewVehicle,
    LaunchVehicle,
    Pad,
    PadStatus,
)
from explorer.domain.existence import name_on, served_on
from explorer.domain.switches import OffCause
from explorer.domain.timeline import Interval
from explorer.present.guide import GLOSSARY
from explorer.present.summary import NationSummary
from explorer.present.words import (
    ACCESS_WORDS,
    HYPOTHETICAL,
    KIND_LABELS,
    NONE_TEXT,
    access_word,
    grounds_text,
    nation_short_name,
    off_word,
    short_name,
    span_text,
    status_word,
)

ONE_DAY = timedelta(days=1)
NATION_HEADERS = (
    "Nation",
    "Access",
    "Routes",
    "Smallest cut",
    "Usable pads",
    "Single points of failure",
)
# What the table's header shows: short enough for the key columns to fit a 1280-pixel window.
NATION_SHORT_HEADERS = ("Nation", "Access", "Routes", "Cut", "Pads", "Single points")
NATION_HEADER_TIPS = (
    "The nation or agency whose astronauts fly (full name in each row's tooltip).",
    f"Crewed access on the date: {ACCESS_WORDS[AccessStatus.INDEPENDENT]} (its own route), "
    f"{ACCESS_WORDS[AccessStatus.PARTNER]} (only through an agreement) or "
    f"{ACCESS_WORDS[AccessStatus.NONE]}.",
    "How many routes give it that access. " + GLOSSARY["Route"],
    "The smallest number of losses (pads, launch vehicles, crew vehicles, agreements) that "
    "would take that access away; 1 means a single point of failure. "
    + GLOSSARY["Minimal cut set"],
    "How many crew-capable pads its routes use (their names in the cell's tooltip).",
    GLOSSARY["Single point of failure"],
)


def nation_label(n: NationSummary) -> str:
    """The table's short name of a nation: "Russia", "United States", "ESA"."""
    return nation_short_name(n.name, n.nation)


def nation_cell(n: NationSummary, column: int) -> str:
    """The text of one nation-table cell; columns as in ``NATION_HEADERS``."""
    if column == 0:
        return nation_label(n)
    if column == 1:
        return access_word(n.status)
    if column == 2:
        return str(len(n.counted_routes))
    if column == 3:
        return NONE_TEXT if n.min_cut_size is None else str(n.min_cut_size)
    if column == 4:
        return str(len(n.usable_pads))
    return ", ".join(short_name(p.name) for p in n.single_points) or NONE_TEXT


def nation_tooltip(n: NationSummary) -> str:
    """The nation's full name, its status and the routes that give it, one per line."""
    routes = "\n".join(
        f"  {r.crew_vehicle} on {r.launch_vehicle} from {r.pad}"
        + (f" (via {r.provider})" if r.agreement else "")
        for r in n.counted_routes
    )
    return f"{n.name} ({n.nation}): {access_word(n.status)}" + (f"\n{routes}" if routes else "")


def nation_cell_tooltip(catalog: Catalog, n: NationSummary, column: int) -> str:
    """A cell's tooltip: the pads' and single points' full names, else the nation's tooltip."""
    if column == 4 and n.usable_pads:
        return "Usable pads:\n" + "\n".join(f"  {catalog.get(p).name}" for p in n.usable_pads)
    if column == 5 and n.single_points:
        lines = (
            f"  {p.name} ({KIND_LABELS[p.kind]}; {grounds_text(p.grounds)})"
            for p in n.single_points
        )
        return "Single points of failure:\n" + "\n".join(lines)
    return nation_tooltip(n)


def record_status_text(
    catalog: Catalog, record_id: str, day: date, off: OffCause | None, kind: ComponentKind
) -> str:
    """The tree's "Status on date" cell of a pad, vehicle or agreement; ``off``: why it is off."""
    record = cast("Pad | LaunchVehicle | CrewVehicle | Agreement", catalog.get(record_id))
    text = status_word(record.history.status_on(day), kind)
    return text if off is None else f"{text} · {off_word(off)}"


def site_status_text(usable: int, pads: int, off: OffCause | None = None) -> str:
    """The tree's "Status on date" cell of a site: how many of its pads are crew-capable."""
    text = f"{usable}/{pads} crew-capable"
    return text if off is None else f"{text} · {off_word(off)}"


def pad_tooltip(
    catalog: Catalog,
    pad: Pad,
    day: date,
    off: OffCause | None,
    status: PadStatus | None = None,
    hypothetical: bool = False,
) -> str:
    """A map marker's tooltip line: name, site, status, what it serves on ``day``.

    ``off``: why the pad is off (``explorer.domain.switches.off_cause``; ``None``: on).
    ``status``: the pad's status under the scenario's what-ifs (default: the dataset's).
    """
    site = catalog.get(pad.site).name
    shown = status if status is not None else pad.status_on(day)
    status_text = status_word(shown, ComponentKind.PAD)
    vehicles = ", ".join(catalog.get(v).name for v in served_on(catalog, pad, day))
    off_text = "" if off is None else f" — {off_word(off)}"
    if hypothetical:
        off_text += f" — {HYPOTHETICAL}"
    serves = f"\n  serves {vehicles}" if vehicles else ""
    return f"{pad.name} ({site})\n  {status_text}{off_text}{serves}"


def interval_tooltip(catalog: Catalog, nation_id: str, interval: Interval) -> str:
    """A timeline band's tooltip: the nation's access over one interval."""
    lines = [
        # Named as on its last day: "Soviet Union" only for a span that ended by 1991-12-26.
        f"{name_on(catalog.nation(nation_id), interval.end - ONE_DAY)}: "
        f"{access_word(interval.status)}",
        span_text(interval.start, interval.end),
    ]
    if interval.crew_vehicles:
        lines.append("on " + ", ".join(catalog.get(v).name for v in interval.crew_vehicles))
    if interval.pads:
        lines.append("from " + ", ".join(catalog.get(p).name for p in interval.pads))
    return "\n".join(lines)
