"""The command line's text: aligned tables and the lines under them, from the summaries.

Pure Python (domain and ``explorer.present`` only). Each function takes what the matching
``explorer.present.data`` function takes, so ``--json`` and the table come from one summary.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from explorer.domain.catalog import Catalog
from explorer.domain.compare import Comparison
from explorer.domain.entities import PadStatus
from explorer.domain.timeline import Timeline
from explorer.present.summary import Grounded, NationSummary, Summary
from explorer.present.words import (
    NO_VEHICLE,
    WHY_GROUNDED,
    WHY_NO_PARTNER,
    access_word,
    day_text,
    kind_label,
    status_word,
)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Columns padded to their widest cell, a dashed rule under the headers."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def pads_text(catalog: Catalog, rows: list[dict[str, Any]]) -> str:
    return table(
        ["id", "name", "site", "status", "launch vehicles"],
        [
            [
                r["id"],
                r["name"],
                r["site"],
                pad_status_text(r),
                ", ".join(r["launch_vehicles"]),
            ]
            for r in rows
        ],
    )


def pad_status_text(row: dict[str, Any]) -> str:
    """A ``pad_rows`` row's status, and why it is off, as the tree says it: "damaged · switched
    off with its site"."""
    text = status_word(PadStatus(row["status"]))
    return text if row["off_text"] is None else f"{text} · {row['off_text']}"


WIDTH = 100  # a terminal's columns: longer explanations wrap under their own text
BULLET = "- "  # a held vehicle under its agreement, a spell under its vehicle


def _paragraph(text: str, lead: str, indent: str) -> list[str]:
    """``text`` wrapped at ``WIDTH``: its first line after ``lead``, the rest at ``indent``."""
    return textwrap.wrap(
        text, WIDTH, initial_indent=lead, subsequent_indent=indent, break_on_hyphens=False
    )


def _item(text: str, indent: str) -> list[str]:
    """``text`` as a bulleted item at ``indent``, wrapped under its own text."""
    return _paragraph(text, indent + BULLET, indent + " " * len(BULLET))


def _vehicle_lines(g: Grounded, lead: str | None, indent: str, told: set[str]) -> list[str]:
    """A held crew vehicle as the details pane has it: its own spell ("retired since …") or its
    short line (after ``lead``, else as an item at ``indent``), then as items under it the spell
    of everything else in its way (a grounding with its cause and return), those only at the
    vehicle's first mention in the output (``told``)."""
    head = f"{g.name}: {g.own}" if g.own else g.text
    if lead is not None:
        lines, under = _paragraph(head, lead, indent), indent
    else:
        lines, under = _item(head, indent), indent + " " * len(BULLET)
    if g.vehicle.crew_vehicle not in told:
        told.add(g.vehicle.crew_vehicle)
        for detail in g.details:
            lines.extend(_item(detail, under))
    return lines


def why_lines(summary: Summary) -> list[str]:
    """Why nations without independent access lack routes: their own held crew vehicles, then
    each agreement that gives no route with the partner's held crew vehicles (words and
    spells from ``explorer.present.summary``, as the details pane and the report have them)."""
    told: set[str] = set()
    width = max((len(n.nation) for n in summary.nations), default=0)
    own, partner = [], []
    for n in summary.nations:
        lead = f"  {n.nation.ljust(width)}  "
        under = " " * len(lead)
        if not n.grounded and not n.has_own_vehicle:
            own.extend(_paragraph(NO_VEHICLE, lead, under))
        for g in n.grounded:
            own.extend(_vehicle_lines(g, lead, under, told))
        for gap in n.partner_gaps:
            partner.extend(_paragraph(gap.text, lead, under))
            for v in gap.vehicles:
                partner.extend(_vehicle_lines(v, None, under, told))
    lines = []
    if own:
        lines += ["", f"{WHY_GROUNDED}:", *own]
    if partner:
        lines += ["", f"{WHY_NO_PARTNER}:", *partner]
    return lines


def capability_text(summary: Summary) -> str:
    body = table(
        ["nation", "access", "routes", "usable pads", "min cut", "single points of failure"],
        [
            [
                n.nation,
                access_word(n.status),
                len(n.counted_routes),
                ", ".join(n.usable_pads),
                n.min_cut_size,
                ", ".join(n.single_point_ids),
            ]
            for n in summary.nations
        ],
    )
    head = f"Crewed access on {day_text(summary.day)} (dataset as of {day_text(summary.as_of)})"
    text = "\n".join([head, body, *why_lines(summary)])
    if summary.projection_note:
        text += f"\n\nNote: {summary.projection_note}."
    return text


def cutsets_text(catalog: Catalog, n: NationSummary) -> str:
    head = f"{n.nation} on {day_text(n.day)}"
    if n.level is None:
        return f"{head}: no crewed access, so nothing to cut"
    body = table(
        ["size", "components"],
        [
            [len(c), ", ".join(f"{x} ({kind_label(catalog.kind_of(x))})" for x in c)]
            for c in n.cut_sets
        ],
    )
    return f"{head}: {access_word(n.status)}, cut sets at level {n.level}\n{body}"


def timeline_text(result: Timeline) -> str:
    return table(
        ["nation", "from", "to", "access", "pads", "crew vehicles"],
        [
            [
                nation_id,
                day_text(i.start),
                day_text(i.end),
                access_word(i.status),
                ", ".join(i.pads),
                ", ".join(i.crew_vehicles),
            ]
            for nation_id, intervals in result.nations.items()
            for i in intervals
        ],
    )


def comparison_text(data: dict[str, Any], result: Comparison, against: str | None) -> str:
    """``compare``: days of independent and of any access per nation, both scenarios."""
    rows = [
        [
            n["id"],
            n["baseline"]["independent_days"],
            n["scenario"]["independent_days"],
            f"{row.independent_difference:+d}",
            n["baseline"]["any_days"],
            n["scenario"]["any_days"],
            f"{row.any_difference:+d}",
            n["first_loss"] or "",
            n["first_regain"] or "",
        ]
        for n, row in zip(data["nations"], result.nations, strict=True)
    ]
    independent = ["independent: baseline", "scenario", "diff"]
    headers = ["nation", *independent, "any: baseline", "scenario", "diff"]
    reference = f"'{against}'" if against else "the baseline"
    head = f"Days of crewed access {data['from']} .. {data['to']} (exclusive), against {reference}"
    return f"{head}\n" + table([*headers, "first loss", "first regain"], rows)
