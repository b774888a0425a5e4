"""Render the real main window offscreen into a PNG or SVG (``python main.py screenshot``).

Qt only. Uses the offscreen platform when no display is set, so it works on servers and in CI.
The output's suffix decides: ``.png`` is the window (or, with ``map_only``, the map as File ▸
Export ▸ PNG writes it), ``.svg`` the vector map that File ▸ Export ▸ SVG writes, through the
same ``explorer.qt.report`` functions. ``scale`` renders at that many device pixels per screen
pixel (Qt's own scale factor, so every widget is drawn sharp) and adds the caption strip.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from explorer.domain.catalog import Catalog
from explorer.domain.errors import ExplorerError
from explorer.domain.scenario import Scenario

SUFFIXES = (".png", ".svg")


class ScreenshotError(ExplorerError):
    """The PNG or SVG could not be written; one line."""


def save_screenshot(
    catalog: Catalog,
    scenario: Scenario,
    day: date,
    out: str | Path,
    size: tuple[int, int] = (1600, 900),
    select: str | None = None,
    theme: str | None = None,
    view: tuple[float, float, float, float] | None = None,
    scale: float | None = None,
    map_only: bool = False,
    title: str = "",
) -> Path:
    """The window as a PNG, or the map as PNG/SVG; ``view`` (west, east, south, north) frames
    the map, ``title`` names the scenario in the caption."""
    out = Path(out)
    check_target(out)  # before a window is built, and before Qt says anything
    kind = check_kind(out)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if scale is not None and kind == ".png" and not map_only:
        # Before the application exists: Qt then lays out and paints every widget at this scale.
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
    from explorer.loaders.safe_files import FileAccessError, write_atomic
    from explorer.qt.app import application, build_window
    from explorer.qt.map_export import captioned, document_caption
    from explorer.qt.report import ReportError, png_bytes, save_map_png, save_map_svg

    app = application(theme=theme)
    window = build_window(catalog, day, scenario, persistent=False)
    if title.strip():
        window.document.set_text(title, window.document.state.notes)
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
    caption = document_caption(window.document)
    try:
        if kind == ".svg":
            return save_map_svg(window.map_view, out, caption)
        if map_only:
            return save_map_png(window.map_view, out, caption, scale or 1.0)
        image = window.grab().toImage()
        if scale is not None:
            image = captioned(image, caption, window.font(), window.palette().window().color())
        return write_atomic(out, png_bytes(image))
    except (FileAccessError, ReportError) as exc:
        raise ScreenshotError(str(exc)) from None
    finally:
        window.close()


def check_kind(path: Path) -> str:
    """The picture's kind by suffix (``.png`` or ``.svg``); anything else is one line."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        if not suffix:
            raise ScreenshotError(f"{path.name}: a screenshot needs a .png or .svg suffix")
        raise ScreenshotError(f"{path.name}: a screenshot is .png or .svg, not '{path.suffix}'")
    return suffix


def check_target(path: Path) -> None:
    """Raise ``ScreenshotError`` when ``path`` cannot be a new or replaced file."""
    name = path.name or str(path)
    if path.is_dir():
        raise ScreenshotError(f"{name}: is a folder; choose a file name")
    if not path.parent.is_dir():
        raise ScreenshotError(f"{name}: the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise ScreenshotError(f"{name}: cannot write in {path.parent} (permission denied)")
