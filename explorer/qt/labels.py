"""Short display names for sites and pads, and where map labels go so that none overlap.

Pure Python (no Qt): names and screen-pixel geometry. The full names stay in the catalog and in
tooltips.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SITE_WORDS = (
    " Cosmodrome",
    " Space Force Station",
    " Space Center",
    " Space Centre",
    " Satellite Launch Center",
    " Space Launch Site",
    " Space Force Base",
    " Launch Center",
)
# The abbreviations the ranges use themselves: "SLC-40", "LC-39A".
PAD_ABBREVIATIONS = (
    (re.compile(r"^Space Launch Complex "), "SLC-"),
    (re.compile(r"^Launch Complex "), "LC-"),
)


def short_site_name(name: str) -> str:
    """ "Satish Dhawan Space Centre (Sriharikota Range, SHAR)" -> "Satish Dhawan"."""
    name = name.split(" (")[0].split(",")[0]
    for word in SITE_WORDS:
        name = name.replace(word, "")
    return name.strip()


def short_pad_name(name: str) -> str:
    """ "Launch Complex 39A" -> "LC-39A"; "Site 1S (Soyuz-2 launch complex)" -> "Site 1S"."""
    name = name.split(" (")[0]
    for pattern, abbreviation in PAD_ABBREVIATIONS:
        name = pattern.sub(abbreviation, name)
    return name


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """A label beside its marker: ``side`` +1 right of it, -1 left; ``dy_px`` down from it."""

    text: str
    x_px: float
    y_px: float
    side: int
    dy_px: float
    width_px: float

    def rect(self, gap_px: float, height_px: float) -> tuple[float, float, float, float]:
        x0 = self.x_px + gap_px if self.side > 0 else self.x_px - gap_px - self.width_px
        y0 = self.y_px + self.dy_px - height_px / 2
        return x0, y0, x0 + self.width_px, y0 + height_px


Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in screen pixels


def segment_crosses(rect: tuple[float, float, float, float], segment: Segment) -> bool:
    """Whether a line segment passes through the inside of ``rect`` (x0, y0, x1, y1): the
    segment clipped to the rectangle (Liang-Barsky) keeps some length."""
    ax, ay, bx, by = segment
    dx, dy = bx - ax, by - ay
    low, high = 0.0, 1.0
    for p, q in ((-dx, ax - rect[0]), (dx, rect[2] - ax), (-dy, ay - rect[1]), (dy, rect[3] - ay)):
        if p == 0:
            if q <= 0:  # parallel to this edge and outside it (or on it)
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def place_labels(
    entries: Sequence[tuple[str, float, float]],
    text_width: Callable[[str], float],
    gap_px: float = 9.0,
    height_px: float = 14.0,
    markers: Sequence[tuple[float, float, float]] = (),
    x_range: tuple[float, float] | None = None,
    lines: Sequence[Segment] = (),
) -> list[PlacedLabel]:
    """Greedy, in the order given (most important first): each label goes right of its marker,
    else left, else a line above or below, at the first place free of the labels placed before,
    of every marker, of every line and of the view's edges; a label with no free place is left
    out at this zoom (map software's usual label culling: zooming in makes room, and tooltips
    still name it).

    ``entries`` are (text, x, y) in screen pixels (y down); ``markers`` are (x, y, radius);
    ``lines`` segments no label may cross (a fanned-out group's leader lines); ``x_range`` the
    view's left and right edges.
    """

    def overlaps(a: tuple, b: tuple) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    taken = [(mx - r, my - r, mx + r, my + r) for mx, my, r in markers]
    places = ((1, 0), (-1, 0), (1, -height_px), (1, height_px), (-1, -height_px), (-1, height_px))
    placed: list[PlacedLabel] = []
    for text, x, y in entries:
        width = text_width(text)
        for side, dy in places:
            label = PlacedLabel(text, x, y, side, dy, width)
            rect = label.rect(gap_px, height_px)
            if (
                (x_range is None or (x_range[0] <= rect[0] and rect[2] <= x_range[1]))
                and not any(overlaps(rect, other.rect(gap_px, height_px)) for other in placed)
                and not any(overlaps(rect, marker) for marker in taken)
                and not any(segment_crosses(rect, line) for line in lines)
            ):
                placed.append(label)
                break
    return placed
