"""The details pane when nothing is selected: every nation's fragility on the date, at a glance.

Pure Python (``explorer.present``). Reads a ``Summary`` (the same one the CLI and the report
print): which nations hang on one pad (a pad, or a whole site, is a single point of failure),
which other single points of failure each nation has, which nations have no crewed access; and
the scenario's title and description, in full.
"""

from __future__ import annotations

from html import escape

from explorer.domain.capability import AccessStatus
from explorer.domain.entities import ComponentKind
from explorer.present.summary import NationSummary, Summary
from explorer.present.words import (
    KIND_LABELS,
    NO_ACCESS,
    ON_ONE_PAD,
    ON_ONE_PAD_NONE,
    OTHER_SINGLE_POINTS,
    SELECT_HINT,
    access_word,
    day_text,
)

ONE_PAD_KINDS = (ComponentKind.PAD, ComponentKind.SITE)


def _nation(n: NationSummary) -> str:
    return f"<b>{escape(n.name.split(' (')[0])}</b> ({access_word(n.status)})"


def one_pad_nations(summary: Summary) -> tuple[tuple[NationSummary, tuple[str, ...]], ...]:
    """Each nation with access whose single points of failure include a pad or a site, with
    their names."""
    found = []
    for n in summary.nations:
        names = tuple(p.name for p in n.single_points if p.kind in ONE_PAD_KINDS)
        if n.status is not AccessStatus.NONE and names:
            found.append((n, names))
    return tuple(found)


def overview_html(summary: Summary, title: str = "", description: str = "") -> str:
    """The empty-selection summary of the details pane."""
    parts = []
    if title:
        parts.append(f"<h3>{escape(title)}</h3>")
    if description:
        parts.append(f"<p>{escape(description)}</p>")
    parts.append(f"<h3>Crewed access on {day_text(summary.day)}</h3>")
    if summary.projection_note:
        parts.append(f"<p><i>{escape(summary.projection_note)}</i></p>")
    on_one = one_pad_nations(summary)
    parts.append(f"<h4>{ON_ONE_PAD}</h4>")
    if on_one:
        items = "".join(f"<li>{_nation(n)}: {escape(', '.join(names))}</li>" for n, names in on_one)
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p>{ON_ONE_PAD_NONE}</p>")
    grounded = [n for n in summary.nations if n.status is AccessStatus.NONE]
    if grounded:
        names = ", ".join(f"<b>{escape(n.name.split(' (')[0])}</b>" for n in grounded)
        parts.append(f"<h4>{NO_ACCESS}</h4><p>{names}</p>")
    others = []
    for n in summary.nations:
        points = [p for p in n.single_points if p.kind not in ONE_PAD_KINDS]
        if n.status is not AccessStatus.NONE and points:
            names = ", ".join(
                f"{escape(p.name)} <small>({KIND_LABELS[p.kind]})</small>" for p in points
            )
            others.append(f"<li>{_nation(n)}: {names}</li>")
    if others:
        parts.append(f"<h4>{OTHER_SINGLE_POINTS}</h4><ul>{''.join(others)}</ul>")
    parts.append(f"<p><i>{SELECT_HINT}</i></p>")
    return "".join(parts)
