"""The shareable report as HTML: date, scenario, map, nation table, routes, cut sets and sources.

Pure Python (standard library ``html`` only). The HTML keeps to the subset that Qt's
``QTextDocument`` renders (tables with ``border``/``cellpadding`` attributes, simple inline
styles), so the same text becomes the HTML export and, through ``explorer.qt.report``, the PDF.
The map is an ``<img>`` whose source the caller gives (a data URI, a file name or a Qt resource).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from explorer.domain.capability import AccessStatus, CapabilityReport, NationAccess, Route, cut_sets
from explorer.domain.catalog import Catalog
from explorer.domain.fault_tree import KIND_LABELS
from explorer.domain.obstacles import NO_VEHICLE, GroundedVehicle, describe, own_access_obstacles

ACCESS_TEXT = {
    AccessStatus.INDEPENDENT: "independent",
    AccessStatus.PARTNER: "via partner",
    AccessStatus.NONE: "none",
}
TABLE = '<table border="1" cellspacing="0" cellpadding="4" width="100%">'


@dataclass(frozen=True, slots=True)
class ReportText:
    """What the user wrote about the scenario (title and notes from the scenario file)."""

    title: str = ""
    notes: str = ""
    description: str = ""


def records_used(catalog: Catalog, report: CapabilityReport) -> list[str]:
    """Ids of every record the report relies on: route components, what grounds each nation's own
    vehicles, and switched-off ids, sorted."""
    ids = {c for n in report.nations for r in n.routes for c in r.components}
    for _nation, grounded in _grounded_by_nation(catalog, report):
        ids.update(g.crew_vehicle for g in grounded)
        ids.update(o.component for g in grounded for o in g.obstacles)
    ids.update(report.scenario.off)
    return sorted(ids, key=lambda i: (str(catalog.kind_of(i)), i))


def record_sources(catalog: Catalog, record_id: str, report: CapabilityReport) -> list[str]:
    """The record's sources, then those of its status entry in force on the report's date."""
    record = catalog.get(record_id)
    found = list(record.sources)
    history = getattr(record, "history", None)
    change = history.change_on(report.day) if history is not None else None
    if change is not None:
        found.extend(change.sources)
    return list(dict.fromkeys(found))


def report_html(
    catalog: Catalog,
    report: CapabilityReport,
    text: ReportText | None = None,
    map_src: str | None = None,
    map_width_px: int = 640,
    max_cut_size: int = 3,
) -> str:
    """The whole report as one HTML document."""
    text = text or ReportText()
    day = report.day.isoformat()
    title = text.title or f"Crewed access on {day}"
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:sans-serif;font-size:10pt} th{text-align:left}"
        " h1{font-size:16pt} h2{font-size:13pt} h3{font-size:11pt}</style>",
        "</head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p><b>Date:</b> {day} &nbsp; <b>Dataset:</b> {escape(catalog.title)}, "
        f"as of {catalog.as_of.isoformat()}</p>",
    ]
    if note := catalog.projection_note(report.day):
        parts.append(f"<p><i>Note: {escape(note)}.</i></p>")
    for label, value in (("Description", text.description), ("Notes", text.notes)):
        if value.strip():
            parts.append(f"<p><b>{label}:</b> {escape(value)}</p>")
    parts.append(_scenario_section(catalog, report))
    if map_src:
        parts.append(
            f'<p><img src="{escape(map_src)}" width="{map_width_px}" '
            f'alt="Map of launch pads and crewed access on {day}"></p>'
        )
    parts.append(_nation_table(catalog, report))
    parts.append('<div style="page-break-before: always"></div>')  # the details on a new page
    parts.append(_obstacles_section(catalog, report))
    parts.append(_routes_section(catalog, report))
    parts.append(_cut_sets_section(catalog, report, max_cut_size))
    parts.append(_sources_section(catalog, report))
    parts.append("</body></html>")
    return "\n".join(parts)


def _name(catalog: Catalog, record_id: str) -> str:
    return escape(f"{catalog.get(record_id).name} ({record_id})")


def _names(catalog: Catalog, ids) -> str:
    return ", ".join(_name(catalog, i) for i in ids) or "—"


def _scenario_section(catalog: Catalog, report: CapabilityReport) -> str:
    off = report.scenario.sorted_off()
    if not off:
        return "<h2>Scenario</h2><p>Nothing switched off: the dataset as it stands.</p>"
    items = "".join(
        f"<li>{_name(catalog, i)} — {KIND_LABELS[catalog.kind_of(i)]}</li>" for i in off
    )
    return f"<h2>Scenario</h2><p>Switched off:</p><ul>{items}</ul>"


def _nation_table(catalog: Catalog, report: CapabilityReport) -> str:
    rows = [
        "<h2>Crewed access by nation</h2>",
        TABLE,
        "<tr><th>Nation</th><th>Access</th><th>Routes</th><th>Smallest cut</th>"
        "<th>Usable pads</th><th>Single points of failure</th></tr>",
    ]
    for n in report.nations:
        rows.append(
            f"<tr><td>{escape(n.name)} ({n.nation})</td><td>{ACCESS_TEXT[n.status]}</td>"
            f'<td align="right">{len(n.counted_routes)}</td>'
            f'<td align="right">{"—" if n.min_cut_size is None else n.min_cut_size}</td>'
            f"<td>{escape(', '.join(n.usable_pads)) or '—'}</td>"
            f"<td>{escape(', '.join(n.single_points_of_failure)) or '—'}</td></tr>"
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


def _grounded_by_nation(
    catalog: Catalog, report: CapabilityReport
) -> list[tuple[NationAccess, tuple[GroundedVehicle, ...]]]:
    """The nations without access of their own, with what grounds each of their vehicles."""
    return [
        (n, own_access_obstacles(catalog, report.scenario, report.day, n.nation))
        for n in report.nations
        if n.status is not AccessStatus.INDEPENDENT
    ]


def _obstacles_section(catalog: Catalog, report: CapabilityReport) -> str:
    rows = _grounded_by_nation(catalog, report)
    if not rows:
        return ""
    parts = ["<h2>Why some nations cannot fly crews on their own</h2><ul>"]
    for n, grounded in rows:
        if grounded:
            lines = "".join(f"<li>{escape(describe(catalog, g))}</li>" for g in grounded)
            parts.append(f"<li><b>{escape(n.name)} ({n.nation})</b><ul>{lines}</ul></li>")
        else:
            parts.append(f"<li><b>{escape(n.name)} ({n.nation})</b>: {NO_VEHICLE}.</li>")
    parts.append("</ul>")
    return "\n".join(parts)


def _routes_section(catalog: Catalog, report: CapabilityReport) -> str:
    heading = "<h2>Routes</h2>"
    parts = [heading]
    with_routes = [n for n in report.nations if n.routes]
    if not with_routes:
        return f"{heading}<p>No nation has a route to orbit for crew on this date.</p>"
    for n in with_routes:
        parts.append(f"<h3>{escape(n.name)} ({n.nation}) — {ACCESS_TEXT[n.status]}</h3>")
        parts.append(TABLE)
        parts.append(
            "<tr><th>Crew vehicle</th><th>Launch vehicle</th><th>Pad</th><th>Through</th></tr>"
        )
        parts.extend(_route_row(catalog, r) for r in n.routes)
        parts.append("</table>")
    return "\n".join(parts)


def _nation_cuts(catalog: Catalog, report: CapabilityReport, n: NationAccess, size: int) -> str:
    level = n.default_level
    cuts = cut_sets(report, n.nation, level, size)
    lines = [
        f"<h3>{escape(n.name)} ({n.nation}) — cut sets at level {level}</h3>",
        f"<p><b>Single points of failure:</b> {_names(catalog, n.single_points_of_failure)}",
    ]
    if n.grounding_sites:
        lines.append(
            f"<br><b>Sites whose loss grounds it:</b> {_names(catalog, n.grounding_sites)}"
        )
    lines.append("</p>")
    if cuts:
        items = "".join(
            f"<li>{len(c)}: {' + '.join(_name(catalog, i) for i in sorted(c))}</li>" for c in cuts
        )
        lines.append(f"<ul>{items}</ul>")
    else:
        lines.append(f"<p>No cut set of at most {size} components.</p>")
    return "\n".join(lines)


def _cut_sets_section(catalog: Catalog, report: CapabilityReport, size: int) -> str:
    parts = [
        f"<h2>Minimal cut sets (size ≤ {size}) and single points of failure</h2>",
        "<p>A cut set is a set of components whose loss takes the nation below its current "
        "level of access; listed with its size.</p>",
    ]
    nations = [n for n in report.nations if n.default_level is not None]
    parts.extend(_nation_cuts(catalog, report, n, size) for n in nations)
    without = [n for n in report.nations if n.default_level is None]
    if without:
        names = ", ".join(f"{escape(n.name)} ({n.nation})" for n in without)
        parts.append(f"<p>No crewed access to lose: {names}.</p>")
    return "\n".join(parts)


def _source(text: str) -> str:
    if text.startswith(("http://", "https://")):
        return f'<a href="{escape(text)}">{escape(text)}</a>'
    return escape(text)


def _sources_section(catalog: Catalog, report: CapabilityReport) -> str:
    parts = [
        "<h2>Sources</h2>",
        "<p>Of every pad, vehicle, agreement and site in the routes, cut sets and scenario.</p>",
        "<ul>",
    ]
    for record_id in records_used(catalog, report):
        sources = record_sources(catalog, record_id, report)
        listed = "; ".join(_source(s) for s in sources) or "no source recorded"
        kind = KIND_LABELS[catalog.kind_of(record_id)]
        parts.append(f"<li>{_name(catalog, record_id)}, {kind}: {listed}</li>")
    parts.append("</ul>")
    return "\n".join(parts)
