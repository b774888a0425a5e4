"""What one map marker standing for several pads shows: the status that matters for crew.

Pure Python. A group marker (a site at world view, pads sharing a spot) shows crew-capable when
any pad of it that is switched on is; otherwise, when a crew-capable pad of it is lost (switched
off, or out in a dated change), that loss; otherwise a damaged pad; only then the best of the
rest. So Baikonur with Site 31/6 switched off reads "crew pad switched off", not "retired" after
Gagarin's Start. The map, its PNG and SVG exports and the report's map all draw from this rule.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from explorer.domain.entities import PadStatus

# Best first, for pads none of the rules above picks out.
MARKER_ORDER: tuple[PadStatus | None, ...] = (
    PadStatus.CREW_CAPABLE,
    PadStatus.UNCREWED_ONLY,
    PadStatus.DAMAGED,
    PadStatus.UNDER_CONSTRUCTION,
    PadStatus.PLANNED,
    PadStatus.RETIRED,
    None,
)


def group_marker(
    pad_ids: Sequence[str],
    status: Mapping[str, PadStatus | None],
    off: Collection[str],
) -> tuple[PadStatus | None, bool]:
    """The status a marker for ``pad_ids`` shows, and whether it shows as switched on."""
    on = [p for p in pad_ids if p not in off]
    if any(status.get(p) is PadStatus.CREW_CAPABLE for p in on):
        return PadStatus.CREW_CAPABLE, True
    if any(status.get(p) is PadStatus.CREW_CAPABLE for p in pad_ids if p in off):
        return PadStatus.CREW_CAPABLE, False  # a crew pad lost: hollow crew marker
    if any(status.get(p) is PadStatus.DAMAGED for p in on):
        return PadStatus.DAMAGED, True
    shown = on or list(pad_ids)
    return min((status.get(p) for p in shown), key=MARKER_ORDER.index), bool(on)
