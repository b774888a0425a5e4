"""Render the real main window offscreen into a PNG (``python main.py screenshot``).

Qt only. Uses the offscreen platform when no display is set, so it works on servers and in CI.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from explorer.domain.catalog import Catalog
from explorer.domain.scenario import Scenario


class ScreenshotError(RuntimeError):
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
        window.document.select(_resolve(catalog, select))
    window.resize(*size)
    window.show()
    for _ in range(3):  # let layouts settle and the map pick its level of detail
        app.processEvents()
    window.map_view.wait_for_tracks()  # ascent tracks are computed in a worker thread
    image = window.grab().toImage()
    path = Path(out)
    if not image.save(str(path), "PNG"):
        raise ScreenshotError(f"cannot write PNG to {path}")
    window.close()
    return path


def _resolve(catalog: Catalog, wanted: str) -> str:
    """A pad, site, vehicle or agreement id, or a nation id (unknown ids raise with hints)."""
    try:
        return catalog.nation(wanted).id
    except KeyError:
        return catalog.get(wanted).id
