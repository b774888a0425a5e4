"""The dark palette keeps disabled controls visibly disabled; check boxes show in both themes."""

import pytest
from PySide6.QtGui import QPalette

from explorer.qt.styles import contrast_ratio, dark_palette, indicator_border, is_dark


def test_dark_palette_greys_out_disabled_text_and_buttons():
    palette = dark_palette()
    assert is_dark(palette)
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
        active = palette.color(QPalette.ColorGroup.Active, role)
        disabled = palette.color(QPalette.ColorGroup.Disabled, role)
        assert active.lightness() - disabled.lightness() > 80, role


def _drawn_box(theme):
    """An unticked tree check box as the application's style draws it, on the field colour."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from explorer.qt.app import application

    app = application(theme=theme)
    option = QStyleOptionViewItem()
    option.palette = app.palette()
    option.rect = QRect(4, 4, 13, 13)
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    image = QImage(21, 21, QImage.Format.Format_ARGB32)
    base = app.palette().color(QPalette.ColorRole.Base)
    image.fill(base)
    painter = QPainter(image)
    app.style().drawPrimitive(
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, option, painter
    )
    painter.end()
    return image, base


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_an_unticked_tree_box_is_outlined_at_3_to_1_against_the_field(qapp, theme):
    image, base = _drawn_box(theme)
    edge = max(contrast_ratio(image.pixelColor(x, 10), base) for x in range(3, 7))
    assert edge >= 3, f"{theme}: outline contrast {edge:.2f}"


@pytest.mark.parametrize("palette", [dark_palette(), QPalette()], ids=["dark", "light"])
def test_the_indicator_border_meets_wcag_non_text_contrast(palette):
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast_ratio(indicator_border(palette), base) >= 3
