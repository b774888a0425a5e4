"""Short texts of the window: nation-table cells, the tree's status column and tooltips.

Pure Python (domain and ``explorer.present``). The window's views call these and only decide
where the text goes; the nation table's cells and tooltip read a ``NationSummary``.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from explorer.domain.catalog import Catalog
from explorer.domain.entities import (
    Agreement,
    ComponentKind,
    CrewVehicle,
    LaunchVehicle,
    Pad,
    PadStatus,
)
from explorer.domain.existence import served_on
from explorer.domain.timeline import Interval
from explorer.present.summary import NationSummary
from explorer.present.words import (
    HYPOTHETICAL,
    NONE_TEXT,
    SWITCHED_OFF,
    access_word,
    span_text,
    status_word,
)

NATION_HEADERS = (
    "Nation",
    "Access",
    "Routes",
    "Smallest cut",
    "Usable pads",
    "Single points of failure",
)


def nation_cell(n: NationSummary, column: int) -> str:
    """The text of one nation-table cell; columns as in ``NATION_HEADERS``."""
    if column == 0:
        return f"{n.name.split(' (')[0]} ({n.nation})"
    if column == 1:
        return access_word(n.status)
    if column == 2:
        return str(len(n.counted_routes))
    if column == 3:
        return NONE_TEXT if n.min_cut_size is None else str(n.min_cut_size)
    if column == 4:
        return ", ".join(n.usable_pads) or NONE_TEXT
    return ", ".join(n.single_point_ids) or NONE_TEXT


def nation_tooltip(n: NationSummary) -> str:
    """The nation's status and the routes that give it, one per line."""
    routes = "\n".join(
        f"  {r.crew_vehicle} on {r.launch_vehicle} from {r.pad}"
        + (f" (via {r.provider})" if r.agreement else "")
        for r in n.counted_routes
    )
    return f"{n.name}: {access_word(n.status)}" + (f"\n{routes}" if routes else "")


def record_status_text(
    catalog: Catalog, record_id: str, day: date, enabled: bool, kind: ComponentKind
) -> str:
    """The tree's "Status on date" cell of a pad, vehicle or agreement."""
    record = cast("Pad | LaunchVehicle | CrewVehicle | Agreement", catalog.get(record_id))
    text = status_word(record.history.status_on(day), kind)
    return text if enabled else f"{text} · {SWITCHED_OFF}"


def site_status_text(usable: int, pads: int) -> str:
    """The tree's "Status on date" cell of a site: how many of its pads are crew-capable."""
    return f"{usable}/{pads} crew-capable"


def pad_tooltip(
    catalog: Catalog,
    pad: Pad,
    day: date,
    enabled: bool,
    status: PadStatus | None = None,
    hypothetical: bool = False,
) -> str:
    """A map marker's tooltip line: name, site, status, what it serves on ``day``.

    ``status``: the pad's status under the scenario's what-ifs (default: the dataset's).
    """
    site = catalog.get(pad.site).name
    shown = status if status is not None else pad.status_on(day)
    status_text = status_word(shown, ComponentKind.PAD)
    vehicles = ", ".join(catalog.get(v).name for v in served_on(catalog, pad, day))
    off = "" if enabled else f" — {SWITCHED_OFF}"
    if hypothetical:
        off += f" — {HYPOTHETICAL}"
    serves = f"\n  serves {vehicles}" if vehicles else ""
    return f"{pad.name} ({site})\n  {status_text}{off}{serves}"


def interval_tooltip(catalog: Catalog, nation_id: str, interval: Interval) -> str:
    """A timeline band's tooltip: the nation's access over one interval."""
    lines = [
        f"{catalog.nation(nation_id).name}: {access_word(interval.status)}",
        span_text(interval.start, interval.end),
    ]
    if interval.crew_vehicles:
        lines.append("on " + ", ".join(catalog.get(v).name for v in interval.crew_vehicles))
    if interval.pads:
        lines.append("from " + ", ".join(catalog.get(p).name for p in interval.pads))
    return "\n".join(lines)
