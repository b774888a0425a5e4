"""The nation table as CSV: a commented header block, then one row per nation, names beside ids.

Pure Python (domain, ``explorer.present`` and the standard library's ``csv``). The file says
what it shows before the first row (``# date:``, ``# scenario:``, ``# dataset: … as of …``)
so it still makes sense when it leaves the program; readers skip the lines that start with
``#``. Column names are snake_case words a script can rely on. A cell that has nothing to say is
empty, never the window's display dash. A list in a cell is separated by "; " because names hold
commas ("Launch Area 4, pad 921"); each name carries its id in brackets, and a sibling ``…_ids``
column holds the bare ids.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from explorer.domain.catalog import Catalog
from explorer.present.captions import BASELINE
from explorer.present.summary import NationSummary, Summary
from explorer.present.words import access_word, day_text

COLUMNS = (
    "nation_id",
    "nation",
    "access",
    "routes",
    "smallest_cut",
    "usable_pads",
    "usable_pad_ids",
    "single_points_of_failure",
    "single_point_of_failure_ids",
)
LIST_SEPARATOR = "; "


def header_lines(catalog: Catalog, summary: Summary, title: str) -> list[str]:
    """The comment block: what the rows describe."""
    lines = [
        f"# date: {day_text(summary.day)}",
        f"# scenario: {' '.join(title.split()) or BASELINE}",
        f"# dataset: {summary.dataset} as of {day_text(summary.as_of)}",
    ]
    if summary.off:
        lines.append(f"# switched off: {LIST_SEPARATOR.join(_named(catalog, summary.off))}")
    if summary.projection_note:
        lines.append(f"# note: {summary.projection_note}")
    return lines


def nation_row(catalog: Catalog, n: NationSummary) -> list[str]:
    """One nation's cells, in ``COLUMNS`` order."""
    return [
        n.nation,
        n.name,
        access_word(n.status),
        str(len(n.counted_routes)),
        "" if n.min_cut_size is None else str(n.min_cut_size),
        LIST_SEPARATOR.join(_named(catalog, n.usable_pads)),
        LIST_SEPARATOR.join(n.usable_pads),
        LIST_SEPARATOR.join(f"{p.name} ({p.id})" for p in n.single_points),
        LIST_SEPARATOR.join(n.single_point_ids),
    ]


def nations_csv(
    catalog: Catalog, summary: Summary, title: str = "", order: Sequence[str] | None = None
) -> str:
    """The whole file; ``order`` lists nation ids as the window sorts them (default: report's)."""
    by_id = {n.nation: n for n in summary.nations}
    ids = [i for i in order if i in by_id] if order is not None else list(by_id)
    stream = io.StringIO(newline="")
    for line in header_lines(catalog, summary, title):
        stream.write(" ".join(line.splitlines()) + "\r\n")
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    writer.writerows(nation_row(catalog, by_id[i]) for i in ids)
    return stream.getvalue()


def _named(catalog: Catalog, ids: Iterable[str]) -> list[str]:
    return [f"{catalog.get(i).name} ({i})" for i in ids]
