"""Status visuals: colour-blind-safe colours (Okabe-Ito), marker shapes, icons and palettes.

Qt only (no pyqtgraph). The words come from ``explorer.present.words``.
Status is never shown by colour alone: every pad status has its own
marker shape and every access status its own icon shape, always next to its name in text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from explorer.domain.capability import AccessStatus
from explorer.domain.entities import ComponentKind, PadStatus
from explorer.present.words import status_word

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour deficiency.
GREEN = "#009E73"
ORANGE = "#E69F00"
SKY = "#56B4E9"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
BLUE = "#0072B2"
GREY = "#8C8C8C"

SYSTEM = "system"
THEMES = (SYSTEM, "light", "dark")  # View ▸ Theme; ``system`` follows the desktop's scheme
THEME_PROPERTY = "explorer-theme"  # the application property holding the applied theme


@dataclass(frozen=True, slots=True)
class PadStyle:
    label: str
    color: str
    symbol: str  # pyqtgraph symbol name


def _pad_style(status: PadStatus | None, color: str, symbol: str) -> PadStyle:
    return PadStyle(status_word(status, ComponentKind.PAD), color, symbol)


PAD_STYLES: dict[PadStatus | None, PadStyle] = {
    PadStatus.CREW_CAPABLE: _pad_style(PadStatus.CREW_CAPABLE, GREEN, "o"),
    PadStatus.UNCREWED_ONLY: _pad_style(PadStatus.UNCREWED_ONLY, SKY, "s"),
    PadStatus.DAMAGED: _pad_style(PadStatus.DAMAGED, VERMILLION, "x"),
    PadStatus.UNDER_CONSTRUCTION: _pad_style(PadStatus.UNDER_CONSTRUCTION, ORANGE, "t1"),
    PadStatus.PLANNED: _pad_style(PadStatus.PLANNED, PURPLE, "d"),
    PadStatus.RETIRED: _pad_style(PadStatus.RETIRED, GREY, "t"),
    None: _pad_style(None, GREY, "h"),
}

# What-if additions on the map: a hypothetical pad keeps its status symbol and colour and gets a
# thick dotted blue outline; a region outage is a dashed vermillion circle.
HYPOTHETICAL_COLOR = BLUE
REGION_COLOR = VERMILLION

ACCESS_COLORS: dict[AccessStatus, str] = {
    AccessStatus.INDEPENDENT: GREEN,
    AccessStatus.PARTNER: ORANGE,
    AccessStatus.NONE: VERMILLION,
}

# Access is never shown by colour alone: map shading, legend and timeline bands share patterns.
ACCESS_PATTERNS: dict[AccessStatus, Qt.BrushStyle] = {
    AccessStatus.INDEPENDENT: Qt.BrushStyle.SolidPattern,
    AccessStatus.PARTNER: Qt.BrushStyle.Dense3Pattern,
    AccessStatus.NONE: Qt.BrushStyle.BDiagPattern,
}


@functools.cache
def access_icon(status: AccessStatus, size: int = 14) -> QIcon:
    """Filled disc (independent), ring (partner) or cross (none): shape tells, colour helps."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(ACCESS_COLORS[status])
    rect = QRectF(2, 2, size - 4, size - 4)
    if status is AccessStatus.INDEPENDENT:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(rect)
    elif status is AccessStatus.PARTNER:
        painter.setPen(QPen(color, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
    else:
        pen = QPen(color, 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(rect.topLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomLeft())
    painter.end()
    return QIcon(pixmap)


@functools.cache
def pad_icon(status: PadStatus | None, size: int = 14) -> QIcon:
    """The pad's map marker as an icon, for the tree and the legend (drawn once per status)."""
    style = PAD_STYLES[status]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#202020"), 1))
    painter.setBrush(QColor(style.color))
    painter.drawPath(marker_path(style.symbol, QPointF(size / 2, size / 2), size * 0.42))
    painter.end()
    return QIcon(pixmap)


def marker_path(symbol: str, c: QPointF, r: float) -> QPainterPath:
    path = QPainterPath()
    x, y = c.x(), c.y()
    if symbol == "o":
        path.addEllipse(c, r, r)
    elif symbol == "s":
        path.addRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif symbol == "d":
        path.moveTo(x, y - r)
        path.lineTo(x + r, y)
        path.lineTo(x, y + r)
        path.lineTo(x - r, y)
        path.closeSubpath()
    elif symbol in ("t", "t1"):
        sign = 1 if symbol == "t" else -1
        path.moveTo(x, y + sign * r)
        path.lineTo(x + r, y - sign * r * 0.8)
        path.lineTo(x - r, y - sign * r * 0.8)
        path.closeSubpath()
    elif symbol == "x":
        w = r * 0.35
        for sx in (1, -1):
            p = QPainterPath()
            p.moveTo(x - r, y - sx * r + sx * w)
            p.lineTo(x - r + w, y - sx * r)
            p.lineTo(x + r, y + sx * r - sx * w)
            p.lineTo(x + r - w, y + sx * r)
            p.closeSubpath()
            path = path.united(p)
    else:  # hexagon: records not yet in existence
        path.addEllipse(c, r * 0.7, r * 0.7)
    return path


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#E8EAED",
        QPalette.ColorRole.Base: "#17181A",
        QPalette.ColorRole.AlternateBase: "#26272B",
        QPalette.ColorRole.ToolTipBase: "#2D2E31",
        QPalette.ColorRole.ToolTipText: "#E8EAED",
        QPalette.ColorRole.Text: "#E8EAED",
        QPalette.ColorRole.Button: "#2D2E31",
        QPalette.ColorRole.ButtonText: "#E8EAED",
        QPalette.ColorRole.BrightText: "#FF6E6E",
        QPalette.ColorRole.Highlight: "#3D7BD9",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.Link: "#8AB4F8",
        QPalette.ColorRole.PlaceholderText: "#9AA0A6",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    # Disabled text (greyed Undo/Redo in the toolbar is ButtonText) must read as unavailable.
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6B6E73"))
    return palette


def _luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2.x) of an sRGB colour."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21; user-interface components need at least 3 (SC 1.4.11)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def indicator_border(palette: QPalette) -> QColor:
    """The outline of a check box: text blended into the field, at least 3:1 against it.

    Fusion outlines check boxes in the window colour darkened, which on a dark palette is
    darker than the field itself: an unticked box all but vanished (issue 14, item 12).
    """
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.6
    while True:
        border = QColor.fromRgbF(
            base.redF() + (text.redF() - base.redF()) * mix,
            base.greenF() + (text.greenF() - base.greenF()) * mix,
            base.blueF() + (text.blueF() - base.blueF()) * mix,
        )
        if mix >= 1 or contrast_ratio(border, base) >= 3:
            return border
        mix += 0.1


class ExplorerStyle(QProxyStyle):
    """Fusion with check boxes (in the trees too) outlined so that an unticked one shows."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        # Item-view check boxes reach here as PE_IndicatorCheckBox too (Fusion draws them so).
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(indicator_border(option.palette), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


def apply_theme(app: QApplication, theme: str | None, scheme: Qt.ColorScheme | None = None) -> None:
    """``light``, ``dark`` or ``None``: follow the system's colour scheme (``scheme``, when the
    desktop just announced it; otherwise the one Qt reports)."""
    if not isinstance(app.style(), ExplorerStyle):
        style = ExplorerStyle(QStyleFactory.create("Fusion"))
        app.setStyle(style)  # the application owns it from here
    app.setProperty(THEME_PROPERTY, theme or SYSTEM)
    if theme is None:
        scheme = scheme if scheme is not None else app.styleHints().colorScheme()
        theme = "dark" if scheme == Qt.ColorScheme.Dark else "light"
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())


def applied_theme(app: QApplication) -> str:
    """The theme last applied: ``system``, ``light`` or ``dark``."""
    value = app.property(THEME_PROPERTY)
    return value if value in THEMES else SYSTEM
