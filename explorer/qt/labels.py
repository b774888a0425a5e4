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


@dataclass(slots=True)
class PlacedLabel:
    """A label beside its marker: ``side`` +1 right of it, -1 left; ``dy_px`` down from it."""

    names: list[str]
    x_px: float
    y_px: float
    side: int
    dy_px: float
    width_px: float

    @property
    def text(self) -> str:
        return " / ".join(self.names)

    def rect(self, gap_px: float, height_px: float) -> tuple[float, float, float, float]:
        x0 = self.x_px + gap_px if self.side > 0 else self.x_px - gap_px - self.width_px
        y0 = self.y_px + self.dy_px - height_px / 2
        return x0, y0, x0 + self.width_px, y0 + height_px


def place_labels(
    entries: Sequence[tuple[str, float, float]],
    text_width: Callable[[str], float],
    gap_px: float = 9.0,
    height_px: float = 14.0,
    markers: Sequence[tuple[float, float, float]] = (),
) -> list[PlacedLabel]:
    """Greedy, west to east: each label goes right of its marker, else left, else a line above
    or below; when every place is taken its name joins the label of the nearest marker ("A / B").

    ``entries`` are (name, x, y) in screen pixels (y down); ``markers`` (x, y, radius) are kept
    clear where a place allows.
    """

    def overlaps(a: tuple, b: tuple) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    taken = [(mx - r, my - r, mx + r, my + r) for mx, my, r in markers]
    placed: list[PlacedLabel] = []
    for name, x, y in sorted(entries, key=lambda e: (e[1], e[2])):
        width = text_width(name)
        for side, dy in (
            (1, 0),
            (-1, 0),
            (1, -height_px),
            (1, height_px),
            (-1, -height_px),
            (-1, height_px),
        ):
            label = PlacedLabel([name], x, y, side, dy, width)
            rect = label.rect(gap_px, height_px)
            if not any(
                overlaps(rect, other.rect(gap_px, height_px)) for other in placed
            ) and not any(overlaps(rect, marker) for marker in taken):
                placed.append(label)
                break
        else:
            if not placed:  # only markers in the way: the first label still goes to the right
                placed.append(PlacedLabel([name], x, y, 1, 0, width))
                continue
            # Join the label of the nearest marker, which names the same place or its neighbour.
            host = min(placed, key=lambda p: (p.x_px - x) ** 2 + (p.y_px - y) ** 2)
            host.names.append(name)
            host.width_px = text_width(host.text)
    return placed
