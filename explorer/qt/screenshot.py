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


class ScreenshotError(ExplorerError):
    """The PNG could not be written; one line."""


def save_screenshot(
    catalog: Catalog,
    scenario: Scenario,
    day: date,
    out: str | Path,
    size: tuple[int, int] = (1600, 900),
    select: str | None = None,
    theme: str | None = None,
    view: tuple[float, float, float, float] | None = None,
) -> Path:
    """The whole window as a PNG; ``view`` (west, east, south, north) frames the map."""
    check_target(Path(out))  # before a window is built, and before Qt says anything
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from explorer.loaders.safe_files import FileAccessError, write_atomic
    from explorer.qt.app import application, build_window
    from explorer.qt.report import png_bytes

    app = application(theme=theme)
    window = build_window(catalog, day, scenario, persistent=False)
    if select is not None:
        window.document.select(catalog.resolve(select).id)
    window.resize(*size)
    window.show()
    for _ in range(3):  # let layouts settle and the map pick its level of detail
        app.processEvents()
    if view is not None:
        window.map_view.show_area(*view, padding=0)
        app.processEvents()
    window.map_view.wait_for_tracks()  # ascent tracks are computed in a worker thread
    image = window.grab().toImage()
    window.close()
    try:
        return write_atomic(Path(out), png_bytes(image))
    except FileAccessError as exc:
        raise ScreenshotError(str(exc)) from None


def check_target(path: Path) -> None:
    """Raise ``ScreenshotError`` when ``path`` cannot be a new or replaced file."""
    name = path.name or str(path)
    if path.is_dir():
        raise ScreenshotError(f"{name}: is a folder; choose a file name")
    if not path.parent.is_dir():
        raise ScreenshotError(f"{name}: the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise ScreenshotError(f"{name}: cannot write in {path.parent} (permission denied)")
