"""The details panel's HTML: a nation's summary, or a site's, pad's, vehicle's or agreement's
record with its status history and sources.

Pure Python (domain and ``explorer.present``). Qt's rich text subset: simple tables and inline
styles. The colour of the access status is the caller's (the window's palette).
"""

from __future__ import annotations

from datetime import date
from html import escape

from explorer.domain.capability import AccessStatus
from explorer.domain.catalog import Catalog, Resolved
from explorer.domain.entities import ComponentKind, Pad, Site
from explorer.domain.existence import served_on
from explorer.domain.switches import OffCause
from explorer.present.summary import Grounded, NationSummary, PartnerGapText
from explorer.present.words import (
    KIND_LABELS,
    NO_VEHICLE,
    NONE_TEXT,
    WHY_NO_PARTNER,
    access_word,
    day_text,
    grounds_text,
    off_word,
    source_html,
    spread_text,
    status_word,
)

NOTHING_SELECTED = "<p><i>Select a nation, a site or a pad to see its details.</i></p>"


def _name(catalog: Catalog, item_id: str) -> str:
    found = catalog.find(item_id)
    return escape(found.record.name if found else item_id)


def nothing_named(item_id: str) -> str:
    return f"<p>Nothing named <b>{escape(item_id)}</b>.</p>"


# A list item's own line in a paragraph with no margin: Qt's rich text otherwise leaves a gap
# between an item's text and a list nested in it (PySide6 6.9-6.11).
_TIGHT = '<p style="margin:0">'


def list_item(head: str, nested: str = "") -> str:
    """A list item of HTML ``head`` with the items ``nested`` (if any) in a list under it."""
    return f"<li>{_TIGHT}{head}</p>" + (f"<ul>{nested}</ul>" if nested else "") + "</li>"


def grounded_item(catalog: Catalog, g: Grounded) -> str:
    """A held crew vehicle as a list item: its own spell, then what else stands in its way,
    each with its spell (the details pane and the report)."""
    name = _name(catalog, g.vehicle.crew_vehicle)
    own = f": {escape(g.own)}" if g.own else ""
    return list_item(f"<b>{name}</b>{own}", "".join(f"<li>{escape(d)}</li>" for d in g.details))


def partner_gap_item(catalog: Catalog, g: PartnerGapText) -> str:
    """An agreement without a route as a list item, its held crew vehicles nested under it."""
    return list_item(escape(g.text), "".join(grounded_item(catalog, v) for v in g.vehicles))


def nation_html(catalog: Catalog, n: NationSummary, color: str) -> str:
    parts = [
        f"<h3>{escape(n.name)} ({n.nation})</h3>",
        f"<p>Crewed access on {day_text(n.day)}: "
        f'<b style="color:{color}">{access_word(n.status)}</b></p>',
    ]
    if n.grounded:
        items = "".join(grounded_item(catalog, g) for g in n.grounded)
        parts.append(f"<h4>Why it cannot fly crews on its own</h4><ul>{items}</ul>")
    elif not n.has_own_vehicle:
        parts.append(f"<p>{NO_VEHICLE.capitalize()}.</p>")
    if n.partner_gaps:
        items = "".join(partner_gap_item(catalog, g) for g in n.partner_gaps)
        parts.append(f"<h4>{WHY_NO_PARTNER}</h4><ul>{items}</ul>")
    if n.routes:
        rows = "".join(
            f"<tr><td>{_name(catalog, r.crew_vehicle)}</td>"
            f"<td>{_name(catalog, r.launch_vehicle)}</td><td>{_name(catalog, r.pad)}</td>"
            f"<td>{'own' if r.agreement is None else escape(r.provider)}</td></tr>"
            for r in n.routes
        )
        parts.append(
            "<h4>Routes</h4><table cellspacing=0 cellpadding=3 border=0>"
            "<tr><th align=left>Crew vehicle</th><th align=left>Launch vehicle</th>"
            f"<th align=left>Pad</th><th align=left>Provider</th></tr>{rows}</table>"
        )
    if n.level is not None:
        parts.append(f"<h4>Single points of failure (level: {n.level})</h4>")
        if n.single_points:
            items = "".join(
                f"<li>{escape(p.name)} <small>({KIND_LABELS[p.kind]}; "
                f"{grounds_text(p.grounds)})</small></li>"
                for p in n.single_points
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append("<p>None: no single loss takes this level away.</p>")
        parts.append(
            f"<h4>Minimal cut sets up to size {n.max_cut_size} ({len(n.cut_sets)})</h4><ol>"
        )
        parts.extend(
            "<li>" + " + ".join(_name(catalog, c) for c in cut) + "</li>" for cut in n.cut_sets
        )
        parts.append("</ol>")
        if n.grounding_sites:
            names = ", ".join(_name(catalog, s) for s in n.grounding_sites)
            parts.append(f"<p><b>Losing the whole site grounds it:</b> {names}</p>")
        if n.status is AccessStatus.INDEPENDENT:
            parts.append(f"<p><b>Pad spread:</b> {spread_text(n.pad_spread_km)}</p>")
    return "".join(parts)


def record_html(catalog: Catalog, found: Resolved, day: date, off: OffCause | None) -> str:
    """A site, pad, vehicle or agreement: what it is, its status history, its sources.

    ``off``: why it is off in this scenario on ``day`` (``None``: on).
    """
    kind, record = found.kind, found.record
    assert kind is not None, "a nation has its own summary"
    parts = [
        f"<h3>{escape(record.name)}</h3><p>{KIND_LABELS[kind].capitalize()} "
        f"<code>{record.id}</code>"
    ]
    if off is not None:
        parts.append(f" — <b>{off_word(off)} in this scenario</b>")
    parts.append("</p>")
    if isinstance(record, Site):
        parts.append(
            f"<p>{escape(record.operator)}; host country {record.country}; "
            f"{record.lat_deg:.3f}°, {record.lon_deg:.3f}°</p><ul>"
        )
        for pad_id in catalog.pads_of_site(record.id):
            status = catalog.get(pad_id, Pad).status_on(day)
            word = status_word(status, ComponentKind.PAD)
            parts.append(f"<li>{_name(catalog, pad_id)}: {word}</li>")
        parts.append("</ul>")
    if isinstance(record, Pad):
        aliases = ", ".join(record.aliases)
        # Only vehicles in being on the date (no LVM3 in 1980): the domain's one rule.
        served = ", ".join(_name(catalog, v) for v in served_on(catalog, record, day))
        parts.append(
            f"<p>{_name(catalog, record.site)}{' · also ' + escape(aliases) if aliases else ''}"
            f"<br>{record.lat_deg:.3f}°, {record.lon_deg:.3f}°"
            f"<br>Serves on {day_text(day)}: {served or NONE_TEXT}</p>"
        )
    history = getattr(record, "history", None)
    if history is not None:
        parts.append("<h4>Status history</h4><table cellspacing=0 cellpadding=3>")
        current = history.change_on(day)
        for change in history.changes:
            mark = "▶ " if change is current else ""
            sources = "<br>".join(source_html(s) for s in change.sources)
            parts.append(
                f"<tr><td valign=top>{mark}{day_text(change.start)}</td>"
                f"<td valign=top><b>{escape(status_word(change.status, kind))}</b></td>"
                f"<td valign=top>{escape(change.note)}"
                f"{'<br><small>' + sources + '</small>' if sources else ''}</td></tr>"
            )
        parts.append("</table>")
    if record.notes:
        parts.append(f"<p><i>{escape(record.notes)}</i></p>")
    parts.append("<h4>Sources</h4><ul>")
    parts.extend(f"<li>{source_html(s)}</li>" for s in record.sources)
    parts.append("</ul>")
    return "".join(parts)
