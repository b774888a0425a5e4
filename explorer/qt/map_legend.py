"""The map's legend: pad symbols, what-if marks and access shading, placed off the land.

Qt + pyqtgraph. At world view the map is framed to the inhabited latitudes at the top of the
pane, so the band below 60° S is free: the legend takes as many columns (3, 2 or 1) as fit the
width and that band's height, so it never covers the southern continents; on a wide, short map
it folds into fewer, longer rows to fit, and where no fold fits it stays hidden rather than
cover land (zoomed in: rather than cover more than a third of the map). On a map too narrow for
one column it stays out of the way; View ▸ Map legend hides it on request, and choosing it again
shows it even where it covers the map.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.capability import AccessStatus
from explorer.domain.entities import PadStatus
from explorer.domain.pad_marker import MARKER_ORDER
from explorer.present.words import access_word
from explorer.qt.basemap_item import BasemapColors
from explorer.qt.styles import (
    ACCESS_COLORS,
    ACCESS_PATTERNS,
    HYPOTHETICAL_COLOR,
    PAD_STYLES,
    REGION_COLOR,
)

SHADING_ALPHA = 120
MARGIN_PX = 8.0

# How each access status is drawn on the map, named in the legend after the status's word.
ACCESS_PATTERN_WORDS = {
    AccessStatus.INDEPENDENT: "solid",
    AccessStatus.PARTNER: "dotted",
    AccessStatus.NONE: "hatched",
}
SHOWN_PAD_STATUSES = tuple(s for s in MARKER_ORDER if s is not None)  # best first


# The compact wording, for panes too narrow for the full one (1280x720 windows).
COMPACT_WORDS = {
    "Pad switched off (hollow)": "switched off",
    "Hypothetical pad (dotted ring)": "hypothetical",
    "Region outage (dashed circle)": "region outage",
    "No crewed programme (plain)": "no programme",
}
# Full wording in 3 or 2 columns, then compact in 3, 2 or 1: the first that fits is shown.
VARIANTS = ((False, 3), (False, 2), (True, 3), (True, 2), (True, 1))
# On a wide, short map none of those fits the room: the legend folds into fewer, longer rows
# (13 entries: one row, two, three), the lowest that fits the width.
FOLDED = ((True, 13), (False, 7), (True, 7), (False, 5), (True, 5))
COVER_SHARE = 1 / 3  # zoomed in, the legend covers at most this share of the map's height


def _compact(text: str) -> str:
    if text in COMPACT_WORDS:
        return COMPACT_WORDS[text]
    if text.startswith("Access: "):  # "Access: via partner (dotted)" -> "access: via partner"
        return text.split(" (")[0].lower()
    return text.removeprefix("Pad: ")


def build_legend(
    view_box: pg.ViewBox,
    background: QColor,
    text: QColor,
    colors: BasemapColors,
    compact: bool = False,
    columns: int = 3,
    attached: bool = True,
) -> pg.LegendItem:
    """Every symbol and shading of the map, anchored at the view box's bottom-left corner."""
    background = QColor(background)
    background.setAlpha(225)
    legend = pg.LegendItem(
        offset=None,
        labelTextSize="8pt",
        verSpacing=-5,
        horSpacing=12,
        colCount=columns,
        brush=pg.mkBrush(background),
    )
    if attached:  # else only measured (MapLegend.size_of), never shown
        legend.setParentItem(view_box)
        legend.anchor(itemPos=(0, 1), parentPos=(0, 1), offset=(MARGIN_PX, -MARGIN_PX))
    legend.setLabelTextColor(text)
    word = _compact if compact else str
    for status in SHOWN_PAD_STATUSES:
        style = PAD_STYLES[status]
        sample = pg.ScatterPlotItem(
            symbol=style.symbol, brush=QColor(style.color), size=10, pen=pg.mkPen("#1A1A1A")
        )
        legend.addItem(sample, word(f"Pad: {style.label}"))
    off = pg.ScatterPlotItem(
        symbol="o",
        brush=QBrush(Qt.BrushStyle.NoBrush),
        size=10,
        pen=pg.mkPen(PAD_STYLES[PadStatus.CREW_CAPABLE].color, width=2, style=Qt.PenStyle.DashLine),
    )
    legend.addItem(off, word("Pad switched off (hollow)"))
    what_if = pg.ScatterPlotItem(
        symbol="o",
        brush=QColor(PAD_STYLES[PadStatus.CREW_CAPABLE].color),
        size=12,
        pen=pg.mkPen(HYPOTHETICAL_COLOR, width=3, style=Qt.PenStyle.DotLine),
    )
    legend.addItem(what_if, word("Hypothetical pad (dotted ring)"))
    region = pg.PlotDataItem(
        [0, 1], [0, 0], pen=pg.mkPen(REGION_COLOR, width=2, style=Qt.PenStyle.DashLine)
    )
    legend.addItem(region, word("Region outage (dashed circle)"))
    for access in AccessStatus:
        color = QColor(ACCESS_COLORS[access])
        color.setAlpha(SHADING_ALPHA + 60)
        sample = pg.ScatterPlotItem(
            symbol="s", brush=QBrush(color, ACCESS_PATTERNS[access]), size=10, pen=pg.mkPen(color)
        )
        label = f"Access: {access_word(access)} ({ACCESS_PATTERN_WORDS[access]})"
        legend.addItem(sample, word(label))
    plain = pg.ScatterPlotItem(
        symbol="s", brush=QBrush(colors.land), size=10, pen=pg.mkPen(colors.border)
    )
    legend.addItem(plain, word("No crewed programme (plain)"))
    # pyqtgraph 0.14 sizes the box from the labels' heights before their font applies, and the
    # grid then stretches its rows to that height: size it to the layout's preferred size.
    preferred = legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize)
    legend.size = (preferred.width(), preferred.height())  # also stops later re-sizing
    legend.setGeometry(0, 0, preferred.width(), preferred.height())
    return legend


class MapLegend:
    """The legend in the wording and columns that fit the view box (``VARIANTS``).

    Each variant is its own ``LegendItem``, built on first use: re-flowing one item's columns
    (pyqtgraph 0.14 ``setColumnCount``) leaves empty rows behind.
    """

    def __init__(
        self, view_box: pg.ViewBox, background: QColor, text: QColor, colors: BasemapColors
    ) -> None:
        self._args = (view_box, background, text, colors)
        self._items: dict[tuple[bool, int], pg.LegendItem] = {}
        self._references: dict[bool, pg.LegendItem] = {}  # by wording: measured, not shown
        self.variant = VARIANTS[0]
        self._anchor: tuple = ((0, 1), (0, 1), (MARGIN_PX, -MARGIN_PX))
        self.current = self._item(self.variant)
        self._shown = True

    def _item(self, variant: tuple[bool, int]) -> pg.LegendItem:
        if variant not in self._items:
            compact, columns = variant
            item = build_legend(*self._args, compact=compact, columns=columns)
            item.setVisible(False)
            self._items[variant] = item
        return self._items[variant]

    def size_of(self, variant: tuple[bool, int]) -> tuple[float, float]:
        """The width and height ``variant`` takes, from one built legend of its wording.

        Building a variant costs ~35 ms (a pyqtgraph label per entry); a start-up weighing
        ten of them spent a third of a second. The grid's sizes follow from its entries'
        sizes, which depend on the wording only: lay them out in ``columns`` as pyqtgraph's
        legend does (row by row) and add its spacing and margins.
        """
        compact, columns = variant
        reference = next((item for (c, _n), item in self._items.items() if c == compact), None)
        if reference is None:
            if compact not in self._references:
                self._references[compact] = build_legend(
                    *self._args, compact=compact, columns=columns, attached=False
                )
            reference = self._references[compact]
        preferred = Qt.SizeHint.PreferredSize
        layout = reference.layout
        widths = [0.0] * (2 * columns)
        heights: list[float] = []
        for index, (sample, label) in enumerate(reference.items):
            row, column = divmod(index, columns)
            if row == len(heights):
                heights.append(0.0)
            for offset, part in enumerate((sample, label)):
                hint = part.effectiveSizeHint(preferred)
                widths[2 * column + offset] = max(widths[2 * column + offset], hint.width())
                heights[row] = max(heights[row], hint.height())
        used = [w for w in widths if w > 0]
        left, top, right, bottom = layout.getContentsMargins()
        width = sum(used) + layout.horizontalSpacing() * (len(used) - 1) + left + right
        height = sum(heights) + layout.verticalSpacing() * (len(heights) - 1) + top + bottom
        return width, height

    def fit(
        self,
        width_px: float,
        free_height_px: float | None,
        view_height_px: float | None = None,
        forced: bool = False,
    ) -> bool:
        """Choose the variant for the view box; say whether it is to be shown.

        The room is the band below the framed map at world view (``free_height_px``), else
        ``COVER_SHARE`` of ``view_height_px`` (no limit when that is not given). The first of
        ``VARIANTS`` that fits the width and the room; else the lowest variant that fits the
        width (``FOLDED`` into fewer rows), when it fits the room. When none does, the legend
        would cover the map: hidden, unless ``forced`` (then the lowest). None fits the width:
        hidden.
        """
        if free_height_px is not None:
            room = free_height_px - 2 * MARGIN_PX
        elif view_height_px is not None:
            room = view_height_px * COVER_SHARE - 2 * MARGIN_PX
        else:
            room = float("inf")
        sizes = {variant: self.size_of(variant) for variant in VARIANTS + FOLDED}
        fitting = []
        for variant in VARIANTS:
            width, height = sizes[variant]
            if width <= width_px - 2 * MARGIN_PX:
                if height <= room:
                    self._choose(variant)
                    return True
                fitting.append(variant)
        fitting += [v for v in FOLDED if sizes[v][0] <= width_px - 2 * MARGIN_PX]
        if not fitting:
            return False
        lowest = min(fitting, key=lambda v: sizes[v][1])  # the first of equals
        self._choose(lowest)
        return forced or sizes[lowest][1] <= room

    def discard(self) -> None:
        """Take every built variant off the view box and out of the scene (a view box deleted
        with its legends still in it has Qt ask the half-deleted labels for their sizes)."""
        for item in self._items.values():
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self._items = {}
        self._references = {}

    def rebuild(self, background: QColor, text: QColor, colors: BasemapColors) -> None:
        """Take a new palette: swatches and text take their colours when built, so build anew."""
        self.discard()
        self._args = (self._args[0], background, text, colors)
        self.current = self._item(self.variant)
        self.current.setVisible(self._shown)
        self.current.anchor(*self._anchor)

    def _choose(self, variant: tuple[bool, int]) -> None:
        if variant != self.variant:
            self.current.setVisible(False)
            self.variant, self.current = variant, self._item(variant)
            self.current.setVisible(self._shown)
            self.current.anchor(*self._anchor)

    def place(self, top_px: float | None) -> None:
        """Top-left at ``top_px`` below the view box's top edge, or (None) at its bottom-left."""
        if top_px is None:
            self._anchor = ((0, 1), (0, 1), (MARGIN_PX, -MARGIN_PX))
        else:
            self._anchor = ((0, 0), (0, 0), (MARGIN_PX, top_px))
        self.current.anchor(*self._anchor)

    def setVisible(self, shown: bool) -> None:
        self._shown = shown
        self.current.setVisible(shown)

    def isVisible(self) -> bool:
        return self.current.isVisible()

    def width(self) -> float:
        return float(self.current.width())

    def height(self) -> float:
        return float(self.current.height())

    def sceneBoundingRect(self):
        return self.current.sceneBoundingRect()

    @property
    def items(self) -> list:
        """(sample, label) pairs of the shown variant, as ``LegendItem.items``."""
        return list(self.current.items)

    def labels(self) -> list[str]:
        """The texts of the shown variant (tests)."""
        return [label.text for _sample, label in self.current.items]
