"""The look of a map marker: symbol and colour by status, hollow and dashed when switched off,
a dotted blue ring for a hypothetical pad, larger for a group.

Qt + pyqtgraph; the status a marker shows is the domain's (``explorer.domain.pad_marker``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from explorer.domain.entities import PadStatus
from explorer.qt.styles import HYPOTHETICAL_COLOR, PAD_STYLES


def new_spot_style(
    status: PadStatus | None,
    enabled: bool,
    single: bool,
    dark: bool,
    hypothetical: bool = False,
) -> dict:
    """Symbol, brush, pen and size of one look (see ``MapView.spot_style``)."""
    style = PAD_STYLES[status]
    size = 11 if single else 17
    if hypothetical:  # its status symbol and colour, a thick dotted outline of its own
        brush = QBrush(QColor(style.color)) if enabled else QBrush(Qt.BrushStyle.NoBrush)
        pen = pg.mkPen(HYPOTHETICAL_COLOR, width=3, style=Qt.PenStyle.DotLine)
        return {"symbol": style.symbol, "brush": brush, "pen": pen, "size": size + 3}
    if enabled:
        return {
            "symbol": style.symbol,
            "brush": QBrush(QColor(style.color)),
            "pen": pg.mkPen("#F2F2F2" if dark else "#1A1A1A", width=1),
            "size": size,
        }
    return {
        "symbol": style.symbol,
        "brush": QBrush(Qt.BrushStyle.NoBrush),
        "pen": pg.mkPen(style.color, width=2, style=Qt.PenStyle.DashLine),
        "size": size,
    }
