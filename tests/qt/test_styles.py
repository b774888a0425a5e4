"""The dark palette keeps disabled controls visibly disabled."""

from PySide6.QtGui import QPalette

from explorer.qt.styles import dark_palette, is_dark


def test_dark_palette_greys_out_disabled_text_and_buttons():
    palette = dark_palette()
    assert is_dark(palette)
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
        active = palette.color(QPalette.ColorGroup.Active, role)
        disabled = palette.color(QPalette.ColorGroup.Disabled, role)
        assert active.lightness() - disabled.lightness() > 80, role
