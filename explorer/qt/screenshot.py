"""Render the real main window offscreen into a PNG (``python main.py screenshot``).

Qt only. Uses the offscreen platform when no display is set, so it works on servers and in CI.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from explorer.domain.catalog import Catalog
from explorer.domain.errors import ExplorerError
from explorer.domain.scenario import Scenario


class ScreenshotError(ExplorerError, RuntimeError):
    """The PNG could not be written."""


def save_screenshot(
    catalog: Catalog,
    scenario: Scenario,
    day: date,
    out: str | Path,
    size: tuple[int, int] = (1600, 900),
    select: str | None = None,
    theme: str | None = None,
) -> Path:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from explorer.qt.app import application, build_window

    app = application(theme=theme)
    window = build_window(catalog, day, scenario)
    if select is not None:
        window.document.select(catalog.resolve(select).id)
    window.resize(*size)
    window.show()
    for _ in range(3):  # let layouts settle and the map pick its level of detail
        app.processEvents()
    image = window.grab().toImage()
    path = Path(out)
    if not image.save(str(path), "PNG"):
        raise ScreenshotError(f"cannot write PNG to {path}")
    window.close()
    return path
