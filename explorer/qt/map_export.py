"""The map as a picture that travels: vector SVG or PNG at any scale, legend and caption below.

Qt + pyqtgraph (plus ``explorer.present`` for the caption's words). One ``MapSheet`` paints the
map's current view, then the map's own legend entries in a strip under it, then the caption
(date, scenario, dataset as-of), onto any ``QPainter`` device: a ``QSvgGenerator`` for File ▸
Export ▸ SVG and ``screenshot --out FILE.svg``, a ``QImage`` at 1× or 2× for the PNG exports.

pyqtgraph's ``ScatterPlotItem`` paints its markers as fragments of a cached pixmap atlas unless
it is told it is being exported (``setExportMode``, as pyqtgraph's own exporters do); then it
draws each symbol as a path, so the SVG holds one vector shape per marker and no ``<image>``.
The legend leaves the map for the strip: the exported map is never hidden under it, and it is
complete even when the window is too narrow to show it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from explorer import __version__
from explorer.present.captions import export_caption

PAD_PX = 8.0  # around the legend and the caption
SAMPLE_PX = 20.0  # a legend sample's box, as pyqtgraph's ItemSample paints it
LEGEND_ROW_PX = 20.0
LEGEND_FONT_PX = 10
CAPTION_FONT_PX = 12
# QSvgGenerator writes an empty QPainterPath as d="", which SVG readers reject ("invalid path").
_EMPTY_PATH = re.compile(rb'<path[^>]*\sd=""\s*/>\s*')
# A group that holds no other group: QSvgGenerator writes one per painter state.
_LEAF_GROUP = re.compile(rb"<g\b([^>]*)>((?:(?!<g\b).)*?)</g>", re.DOTALL)
_MATRIX = re.compile(rb'transform="matrix\(([^)]*)\)"')
_NON_SCALING = b' vector-effect="non-scaling-stroke"'


def document_caption(document) -> str:
    """The caption of what the document shows now: its date, title and dataset."""
    return export_caption(document.date, document.state.title, document.catalog.as_of)


@contextmanager
def export_mode(scene, **options) -> Iterator[None]:
    """Tell every pyqtgraph item in ``scene`` it is painted for export (vector markers)."""
    items = [item for item in scene.items() if hasattr(item, "setExportMode")]
    opts = {"antialias": True, **options}
    for item in items:
        item.setExportMode(True, dict(opts))
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


class MapSheet:
    """The map view, its legend and a caption, laid out for one painter."""

    def __init__(self, map_view, caption: str) -> None:
        self.map_view = map_view
        self.caption = caption
        self.source = map_view.export_rect()
        self.width = float(self.source.width())
        self.map_height = float(self.source.height())
        palette = map_view.palette()
        self.background = QColor(palette.color(map_view.backgroundRole()))
        self.foreground = QColor(palette.color(map_view.foregroundRole()))
        self.legend_font = _pixel_font(map_view.font(), LEGEND_FONT_PX)
        self.caption_font = _pixel_font(map_view.font(), CAPTION_FONT_PX, bold=True)
        self.entries = [(sample, _plain(label.text)) for sample, label in map_view.legend.items]
        self.columns, self.column_x = self._legend_columns(QFontMetricsF(self.legend_font))
        rows = math.ceil(len(self.entries) / self.columns)
        self.legend_height = rows * LEGEND_ROW_PX + 2 * PAD_PX if rows else 0.0
        self.caption_rect = QRectF(
            PAD_PX, self.map_height + self.legend_height, self.width - 2 * PAD_PX, 0
        )
        caption_metrics = QFontMetricsF(self.caption_font)
        flags = int(Qt.TextFlag.TextWordWrap)
        text_height = caption_metrics.boundingRect(self.caption_rect, flags, caption).height()
        self.caption_height = text_height + 2 * PAD_PX
        self.height = self.map_height + self.legend_height + self.caption_height

    def _legend_columns(self, metrics: QFontMetricsF) -> tuple[int, list[float]]:
        """As many columns as fit the width (entries row by row), and where each begins."""
        widths = [SAMPLE_PX + 6 + metrics.horizontalAdvance(t) + 12 for _, t in self.entries]
        for columns in range(max(1, len(widths)), 0, -1):
            column_widths = [max(widths[c::columns], default=0.0) for c in range(columns)]
            if sum(column_widths) <= self.width - 2 * PAD_PX or columns == 1:
                starts = [PAD_PX + sum(column_widths[:c]) for c in range(columns)]
                return columns, starts
        return 1, [PAD_PX]

    def paint(self, painter: QPainter) -> None:
        """Paint the whole sheet at the painter's origin, in logical pixels."""
        painter.fillRect(QRectF(0, 0, self.width, self.height), self.background)
        self._paint_map(painter)
        # SVG readers ignore the map's clip: cover what is drawn past its bottom edge.
        below = QRectF(0, self.map_height, self.width, self.height - self.map_height)
        painter.fillRect(below, self.background)
        self._paint_legend(painter)
        self._paint_caption(painter)

    def _paint_map(self, painter: QPainter) -> None:
        view = self.map_view
        source = self.source
        legend = view.legend
        was_visible = legend.isVisible()
        legend.setVisible(False)
        painter.save()
        painter.setClipRect(QRectF(0, 0, self.width, self.map_height))
        try:
            with export_mode(view.scene()):
                view.scene().render(painter, QRectF(0, 0, self.width, self.map_height), source)
        finally:
            painter.restore()
            legend.setVisible(was_visible)

    def _paint_legend(self, painter: QPainter) -> None:
        painter.setFont(self.legend_font)
        top = self.map_height + PAD_PX
        for index, (sample, text) in enumerate(self.entries):
            row, column = divmod(index, self.columns)
            x = self.column_x[column]
            y = top + row * LEGEND_ROW_PX
            painter.save()
            painter.translate(x, y)
            sample.paint(painter)  # pyqtgraph's own sample: the marker as on the map
            painter.restore()
            painter.setPen(self.foreground)
            box = QRectF(x + SAMPLE_PX + 6, y, self.width, SAMPLE_PX)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), text)

    def _paint_caption(self, painter: QPainter) -> None:
        top = self.map_height + self.legend_height
        line = QColor(self.foreground)
        line.setAlpha(90)
        painter.setPen(QPen(line, 1))
        painter.drawLine(QPointF(0, top + 0.5), QPointF(self.width, top + 0.5))
        painter.setPen(self.foreground)
        painter.setFont(self.caption_font)
        rect = QRectF(PAD_PX, top + PAD_PX, self.width - 2 * PAD_PX, self.caption_height)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        painter.drawText(rect, flags, self.caption)


def map_svg_bytes(map_view, caption: str) -> bytes:
    """The sheet as an SVG document: every marker, label and coastline a vector shape."""
    sheet = MapSheet(map_view, caption)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    size = QRectF(0, 0, sheet.width, math.ceil(sheet.height))
    generator.setSize(size.size().toSize())
    generator.setViewBox(size)
    generator.setResolution(96)  # CSS pixels: the declared size in mm is the size in px
    generator.setTitle("Launch-Site Redundancy Explorer map")
    generator.setDescription(f"{caption}. Launch-Site Redundancy Explorer {__version__}")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("the SVG generator cannot paint")
    try:
        sheet.paint(painter)
    finally:
        painter.end()
    buffer.close()
    return portable_strokes(_EMPTY_PATH.sub(b"", bytes(data.data())))


def portable_strokes(svg: bytes) -> bytes:
    """Cosmetic pens without ``vector-effect``: stroke widths divided by the group's scale.

    pyqtgraph draws a marker as a unit shape under a scale of its size in pixels, with a
    cosmetic pen; QSvgGenerator writes that as ``vector-effect="non-scaling-stroke"``, which
    browsers honour but librsvg (GNOME, MediaWiki thumbnails) and others do not: they draw a
    12 px wide outline round a 12 px marker. A stroke width in the group's own units draws the
    same everywhere.
    """

    def group(match: re.Match[bytes]) -> bytes:
        attributes, body = match.group(1), match.group(2)
        matrix = _MATRIX.search(attributes)
        if _NON_SCALING not in body or matrix is None:
            return match.group(0)
        a, b, c, d = (float(v) for v in matrix.group(1).split(b",")[:4])
        scale = math.sqrt(abs(a * d - b * c)) or 1.0

        def scaled(attr: re.Match[bytes]) -> bytes:
            values = [float(v) / scale for v in attr.group(2).split(b",")]
            return attr.group(1) + b'="' + b",".join(b"%.4g" % v for v in values) + b'"'

        attributes = re.sub(
            rb'(stroke-width|stroke-dasharray|stroke-dashoffset)="([-0-9.,e]+)"', scaled, attributes
        )
        return b"<g" + attributes + b">" + body.replace(_NON_SCALING, b"") + b"</g>"

    return _LEAF_GROUP.sub(group, svg)


def map_png_image(map_view, caption: str, scale: float = 1.0) -> QImage:
    """The sheet as an image of ``scale`` × its logical size (2: twice the screen's pixels)."""
    sheet = MapSheet(map_view, caption)
    image = QImage(
        math.ceil(sheet.width * scale),
        math.ceil(sheet.height * scale),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(scale)
    image.fill(sheet.background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        sheet.paint(painter)
    finally:
        painter.end()
    return image


def captioned(image: QImage, caption: str, font: QFont, background: QColor) -> QImage:
    """``image`` (a window grab) with the caption in a strip under it, at the image's scale."""
    ratio = image.devicePixelRatio()
    width = image.width() / ratio
    font = _pixel_font(font, CAPTION_FONT_PX, bold=True)
    metrics = QFontMetricsF(font)
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    text_rect = metrics.boundingRect(QRectF(0, 0, width - 2 * PAD_PX, 0), flags, caption)
    strip = text_rect.height() + 2 * PAD_PX
    out = QImage(
        image.width(), image.height() + math.ceil(strip * ratio), QImage.Format.Format_RGB32
    )
    out.setDevicePixelRatio(ratio)
    out.fill(background)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        painter.drawImage(QPointF(0, 0), image)
        top = image.height() / ratio
        foreground = QColor("#ffffff" if background.lightness() < 128 else "#1a1a1a")
        painter.setPen(foreground)
        painter.setFont(font)
        painter.drawText(QRectF(PAD_PX, top + PAD_PX, width - 2 * PAD_PX, strip), flags, caption)
    finally:
        painter.end()
    return out


def _pixel_font(base: QFont, pixels: int, bold: bool = False) -> QFont:
    """A font sized in pixels: the same on an SVG (72 dpi) as on a PNG (96 dpi)."""
    font = QFont(base)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _plain(text: str) -> str:
    """A legend label's text without the HTML pyqtgraph may wrap it in."""
    return re.sub(r"<[^>]+>", "", str(text)).replace("&amp;", "&")
