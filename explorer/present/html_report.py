"""The shareable report as HTML: date, scenario, map, nation table, routes, cut sets and sources.

Pure Python (domain, ``explorer.present`` and the standard library's ``html``). Every nation's
part reads its ``NationSummary``, the same one the CLI and the details panel read. The HTML
keeps to the subset that Qt's ``QTextDocument`` renders (tables with ``border``/``cellpadding``
attributes, simple inline styles), so the same text becomes the HTML export and, through
``explorer.qt.report``, the PDF. The map is an ``<img>`` whose source the caller gives (a data
URI, a file name or a Qt resource).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from explorer.domain.capability import AccessStatus, CapabilityReport, Route
from explorer.domain.catalog import Catalog
from explorer.domain.entities import Event
from explorer.present.details import grounded_item, list_item, partner_gap_item
from explorer.present.summary import MAX_CUT_SIZE, NationSummary, Summary, summarize
from explorer.present.words import (
    KIND_LABELS,
    NO_VEHICLE,
    NONE_TEXT,
    WHY_NO_PARTNER,
    access_word,
    day_text,
    source_html,
    spread_text,
)

TABLE = '<table border="1" cellspacing="0" cellpadding="4" width="100%">'


@dataclass(frozen=True, slots=True)
class ReportText:
    """What the user wrote about the scenario (title and notes from the scenario file)."""

    title: str = ""
    notes: str = ""
    description: str = ""


def records_used(catalog: Catalog, summary: Summary) -> list[str]:
    """Ids of every record the report relies on: route components, what holds each nation's own
    crew vehicles and its partners' on the ground, the agreements without a route, and the
    switched-off ids, sorted."""
    ids = {c for n in summary.nations for r in n.routes for c in r.components}
    for n in summary.nations:
        held = [*n.grounded, *(v for gap in n.partner_gaps for v in gap.vehicles)]
        ids.update(g.vehicle.crew_vehicle for g in held)
        ids.update(o.component for g in held for o in g.vehicle.obstacles)
        ids.update(gap.gap.agreement for gap in n.partner_gaps)
    ids.update(summary.off)
    return sorted(ids, key=lambda i: (str(catalog.kind_of(i)), i))


def events_used(summary: Summary) -> list[Event]:
    """The events the explanations name (a grounding's cause, its return), by date."""
    spells = [
        *(s for n in summary.nations for g in n.grounded for s in g.spells),
        *(
            s
            for n in summary.nations
            for gap in n.partner_gaps
            for s in (gap.gap.spell, *(s for v in gap.vehicles for s in v.spells))
            if s is not None
        ),
    ]
    found = {e.id: e for s in spells for e in (s.cause, s.back) if e is not None}
    return sorted(found.values(), key=lambda e: (e.day, e.id))


def record_sources(catalog: Catalog, record_id: str, summary: Summary) -> list[str]:
    """The record's sources, then those of its status entry in force on the report's date."""
    record = catalog.get(record_id)
    found = list(record.sources)
    history = getattr(record, "history", None)
    change = history.change_on(summary.day) if history is not None else None
    if change is not None:
        found.extend(change.sources)
    return list(dict.fromkeys(found))


def report_html(
    catalog: Catalog,
    report: CapabilityReport,
    text: ReportText | None = None,
    map_src: str | None = None,
    map_width_px: int = 640,
    max_cut_size: int = MAX_CUT_SIZE,
) -> str:
    """The whole report as one HTML document."""
    return summary_html(
        catalog, summarize(catalog, report, max_cut_size), text, map_src, map_width_px
    )


def summary_html(
    catalog: Catalog,
    summary: Summary,
    text: ReportText | None = None,
    map_src: str | None = None,
    map_width_px: int = 640,
) -> str:
    """The report of a ``Summary`` as one HTML document."""
    text = text or ReportText()
    day = day_text(summary.day)
    title = text.title or f"Crewed access on {day}"
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:sans-serif;font-size:10pt} th{text-align:left}"
        " h1{font-size:16pt} h2{font-size:13pt} h3{font-size:11pt}"
        # For browsers that print the HTML; the PDF is cut by explorer.qt.pdf_pages.
        " tr{page-break-inside:avoid;break-inside:avoid}"
        " h2,h3{page-break-after:avoid;break-after:avoid}</style>",
        "</head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p><b>Date:</b> {day} &nbsp; <b>Dataset:</b> {escape(summary.dataset)}, "
        f"as of {day_text(summary.as_of)}</p>",
    ]
    if note := summary.projection_note:
        parts.append(f"<p><i>Note: {escape(note)}.</i></p>")
    for label, value in (("Description", text.description), ("Notes", text.notes)):
        if value.strip():
            parts.append(f"<p><b>{label}:</b> {escape(value)}</p>")
    parts.append(_scenario_section(catalog, summary))
    if map_src:
        parts.append(
            f'<p><img src="{escape(map_src)}" width="{map_width_px}" '
            f'alt="Map of launch pads and crewed access on {day}"></p>'
        )
    parts.append(_nation_table(catalog, summary))
    parts.append('<div style="page-break-before: always"></div>')  # the details on a new page
    parts.append(_obstacles_section(catalog, summary))
    parts.append(_partner_gaps_section(catalog, summary))
    parts.append(_routes_section(catalog, summary))
    parts.append(_cut_sets_section(catalog, summary))
    parts.append(_sources_section(catalog, summary))
    parts.append("</body></html>")
    return "\n".join(parts)


def _name(catalog: Catalog, record_id: str) -> str:
    return escape(f"{catalog.get(record_id).name} ({record_id})")


def _names(catalog: Catalog, ids: Iterable[str]) -> str:
    return ", ".join(_name(catalog, i) for i in ids) or NONE_TEXT


def _heading(n: NationSummary) -> str:
    return f"{escape(n.name)} ({n.nation})"


def _scenario_section(catalog: Catalog, summary: Summary) -> str:
    if not summary.off:
        return "<h2>Scenario</h2><p>Nothing switched off: the dataset as it stands.</p>"
    items = "".join(
        f"<li>{_name(catalog, i)} — {KIND_LABELS[catalog.kind_of(i)]}</li>" for i in summary.off
    )
    return f"<h2>Scenario</h2><p>Switched off:</p><ul>{items}</ul>"


def _plain_names(catalog: Catalog, ids: Iterable[str]) -> str:
    """Names alone, one a line (names hold commas), for the nation table; the sections below
    give each name with its id."""
    return "<br>".join(escape(catalog.get(i).name) for i in ids) or NONE_TEXT


def _nation_table(catalog: Catalog, summary: Summary) -> str:
    rows = [
        "<h2>Crewed access by nation</h2>",
        TABLE,
        "<tr><th>Nation</th><th>Access</th><th>Routes</th><th>Smallest cut</th>"
        "<th>Usable pads</th><th>Single points of failure</th></tr>",
    ]
    for n in summary.nations:
        cut = NONE_TEXT if n.min_cut_size is None else n.min_cut_size
        rows.append(
            f"<tr><td>{_heading(n)}</td><td>{access_word(n.status)}</td>"
            f'<td align="right">{len(n.counted_routes)}</td>'
            f'<td align="right">{cut}</td>'
            f"<td>{_plain_names(catalog, n.usable_pads)}</td>"
            f"<td>{_plain_names(catalog, n.single_point_ids)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _route_row(catalog: Catalog, route: Route) -> str:
    via = _name(catalog, route.agreement) if route.agreement else "own"
    return (
        f"<tr><td>{_name(catalog, route.crew_vehicle)}</td>"
        f"<td>{_name(catalog, route.launch_vehicle)}</td>"
        f"<td>{_name(catalog, route.pad)}</td><td>{via}</td></tr>"
    )


def _obstacles_section(catalog: Catalog, summary: Summary) -> str:
    """Each held crew vehicle of a nation without independent access, as the details pane has
    it: its own spell, then what else stands in its way with its spell (a grounding's cause and
    return date)."""
    rows = [n for n in summary.nations if n.status is not AccessStatus.INDEPENDENT]
    if not rows:
        return ""
    parts = ["<h2>Why some nations cannot fly crews on their own</h2><ul>"]
    for n in rows:
        if n.grounded:
            items = "".join(grounded_item(catalog, g) for g in n.grounded)
            parts.append(list_item(f"<b>{_heading(n)}</b>", items))
        else:
            parts.append(f"<li><b>{_heading(n)}</b>: {NO_VEHICLE}.</li>")
    parts.append("</ul>")
    return "\n".join(parts)


def _partner_gaps_section(catalog: Catalog, summary: Summary) -> str:
    """Each agreement that gives a nation without independent access no route, and why."""
    rows = [n for n in summary.nations if n.partner_gaps]
    if not rows:
        return ""
    parts = [f"<h2>{WHY_NO_PARTNER}</h2><ul>"]
    for n in rows:
        items = "".join(partner_gap_item(catalog, g) for g in n.partner_gaps)
        parts.append(list_item(f"<b>{_heading(n)}</b>", items))
    parts.append("</ul>")
    return "\n".join(parts)


def _routes_section(catalog: Catalog, summary: Summary) -> str:
    heading = "<h2>Routes</h2>"
    parts = [heading]
    with_routes = [n for n in summary.nations if n.routes]
    if not with_routes:
        return f"{heading}<p>No nation has a route to orbit for crew on this date.</p>"
    for n in with_routes:
        parts.append(f"<h3>{_heading(n)} — {access_word(n.status)}</h3>")
        parts.append(TABLE)
        parts.append(
            "<tr><th>Crew vehicle</th><th>Launch vehicle</th><th>Pad</th><th>Through</th></tr>"
        )
        parts.extend(_route_row(catalog, r) for r in n.routes)
        parts.append("</table>")
    return "\n".join(parts)


def _nation_cuts(catalog: Catalog, n: NationSummary) -> str:
    lines = [
        f"<h3>{_heading(n)} — cut sets at level {n.level}</h3>",
        f"<p><b>Single points of failure:</b> {_names(catalog, n.single_point_ids)}",
    ]
    if n.grounding_sites:
        lines.append(
            f"<br><b>Sites whose loss grounds it:</b> {_names(catalog, n.grounding_sites)}"
        )
    if n.status is AccessStatus.INDEPENDENT:
        lines.append(f"<br><b>Pad spread:</b> {spread_text(n.pad_spread_km)}")
    lines.append("</p>")
    if n.cut_sets:
        items = "".join(
            f"<li>{len(c)}: {' + '.join(_name(catalog, i) for i in c)}</li>" for c in n.cut_sets
        )
        lines.append(f"<ul>{items}</ul>")
    else:
        lines.append(f"<p>No cut set of at most {n.max_cut_size} components.</p>")
    return "\n".join(lines)


def _cut_sets_section(catalog: Catalog, summary: Summary) -> str:
    size = max((n.max_cut_size for n in summary.nations), default=MAX_CUT_SIZE)
    parts = [
        f"<h2>Minimal cut sets (size ≤ {size}) and single points of failure</h2>",
        "<p>A cut set is a set of components whose loss takes the nation below its current "
        "level of access; listed with its size.</p>",
    ]
    parts.extend(_nation_cuts(catalog, n) for n in summary.nations if n.level is not None)
    without = [n for n in summary.nations if n.level is None]
    if without:
        names = ", ".join(_heading(n) for n in without)
        parts.append(f"<p>No crewed access to lose: {names}.</p>")
    return "\n".join(parts)


def _sources_section(catalog: Catalog, summary: Summary) -> str:
    parts = [
        "<h2>Sources</h2>",
        "<p>Of every pad, vehicle, agreement and site in the routes, explanations, cut sets and "
        "scenario, and of the events the explanations name.</p>",
        "<ul>",
    ]
    for record_id in records_used(catalog, summary):
        sources = record_sources(catalog, record_id, summary)
        listed = "; ".join(source_html(s) for s in sources) or "no source recorded"
        kind = KIND_LABELS[catalog.kind_of(record_id)]
        parts.append(f"<li>{_name(catalog, record_id)}, {kind}: {listed}</li>")
    for event in events_used(summary):
        listed = "; ".join(source_html(s) for s in event.sources) or "no source recorded"
        parts.append(f"<li>{escape(event.title)} ({day_text(event.day)}), event: {listed}</li>")
    parts.append("</ul>")
    return "\n".join(parts)
