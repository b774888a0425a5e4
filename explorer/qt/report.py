"""Reports and map images that need Qt: the map rendered (on screen or offscreen), HTML and PDF.

Qt only (plus the domain). The HTML comes from the pure ``explorer.present.html_report``; this
module supplies the map picture (a PNG embedded as a data URI in the HTML export, a
``QTextDocument`` resource in the PDF) and prints the PDF with ``QPdfWriter``.
``save_report`` is what ``python main.py report`` calls; it renders the map offscreen.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from explorer import __version__
from explorer.domain.capability import CapabilityReport
from explorer.domain.catalog import Catalog
from explorer.domain.errors import ExplorerError
from explorer.domain.scenario import Scenario
from explorer.loaders.safe_files import FileAccessError, write_atomic
from explorer.present.html_report import ReportText, report_html
from explorer.qt.map_export import document_caption, map_png_image, map_svg_bytes
from explorer.qt.pdf_pages import print_document

MAP_RESOURCE = "map.png"
PDF_MAP_WIDTH_PX = 640
PDF_MAP_MAX_HEIGHT_PX = 520  # of a page's ~960: the title, map and table header fit on page 1
PDF_LAYOUT_WIDTH_PX = PDF_MAP_WIDTH_PX + 20  # the page's text width, before scaling to paper
REPORT_SUFFIXES = (".html", ".htm", ".pdf")


class ReportError(ExplorerError):
    """A report or image that could not be written; one line."""


REPORT_MAP_SCALE = 2.0  # the report's map at twice the screen's pixels: sharp on paper


def map_image(map_view) -> QImage:
    """The map as it is on screen now (current view), with its legend and caption below, at
    ``REPORT_MAP_SCALE``: the picture File ▸ Export ▸ PNG (2×) writes."""
    return map_png_image(map_view, document_caption(map_view.document), REPORT_MAP_SCALE)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 stubs type `format` as bytes, but the binding accepts only str here (bytes raises).
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def save_bytes(path: str | Path, data: bytes) -> Path:
    """Write an export atomically: the old file stays whole when anything fails."""
    try:
        return write_atomic(Path(path), data)
    except FileAccessError as exc:
        raise ReportError(str(exc)) from None


def save_map_png(map_view, path: str | Path, caption: str, scale: float = 1.0) -> Path:
    """The map's current view, legend and caption as a PNG at ``scale`` × the screen's pixels."""
    return save_bytes(path, png_bytes(map_png_image(map_view, caption, scale)))


def save_map_svg(map_view, path: str | Path, caption: str) -> Path:
    """The map's current view, legend and caption as vector SVG (markers as shapes)."""
    try:
        data = map_svg_bytes(map_view, caption)
    except OSError:
        raise ReportError(f"cannot write SVG to {path}") from None
    return save_bytes(path, data)


def write_report(
    path: str | Path,
    catalog: Catalog,
    report: CapabilityReport,
    image: QImage | None,
    text: ReportText | None = None,
) -> Path:
    """Write the report as HTML (map embedded) or PDF (A4), chosen by ``path``'s suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise ReportError(f"{path.name}: a report is .html or .pdf, not '{suffix or 'no suffix'}'")
    check_writable(path)
    if suffix == ".pdf":
        return _write_pdf(path, catalog, report, image, text)
    import base64

    src = None
    if image is not None:
        src = "data:image/png;base64," + base64.b64encode(png_bytes(image)).decode("ascii")
    html = report_html(catalog, report, text, src, map_width_px=min(1000, _width(image)))
    return save_bytes(path, html.encode("utf-8", "backslashreplace"))


def check_writable(path: Path) -> None:
    """Raise ``ReportError`` naming the problem when ``path`` cannot be written as a file."""
    folder = path.parent
    if not folder.is_dir():
        raise ReportError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise ReportError(f"cannot write {path}: it is a folder")
    target = path if path.exists() else folder
    if not os.access(target, os.W_OK):
        raise ReportError(f"cannot write {path}: permission denied")


def _width(image: QImage | None) -> int:
    """The image's width in screen pixels (a 2× image shows at half its pixel width)."""
    if image is None:
        return PDF_MAP_WIDTH_PX
    return round(image.width() / image.devicePixelRatio())


def pdf_document(
    catalog: Catalog,
    report: CapabilityReport,
    image: QImage | None,
    text: ReportText | None,
) -> QTextDocument:
    """The report's text as the PDF prints it, the map a document resource."""
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-family: sans-serif; }")
    src = None
    if image is not None:
        document.addResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(MAP_RESOURCE), image
        )
        src = MAP_RESOURCE
    width = PDF_MAP_WIDTH_PX
    if image is not None and image.height() > 0:  # a tall map would push the text off page 1
        width = min(width, round(PDF_MAP_MAX_HEIGHT_PX * image.width() / image.height()))
    document.setHtml(report_html(catalog, report, text, src, map_width_px=width))
    return document


def pdf_writer(device: QIODevice, title: str) -> QPdfWriter:
    """An A4 portrait writer at 300 dpi with 15 mm margins."""
    writer = QPdfWriter(device)
    writer.setTitle(title)
    writer.setCreator(f"Launch-Site Redundancy Explorer {__version__}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    return writer


def _write_pdf(
    path: Path,
    catalog: Catalog,
    report: CapabilityReport,
    image: QImage | None,
    text: ReportText | None,
) -> Path:
    document = pdf_document(catalog, report, image, text)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    title = (text.title if text and text.title else "") or f"Crewed access on {report.day}"
    writer = pdf_writer(buffer, title)
    # Lay the text out PDF_MAP_WIDTH_PX + margins wide, then scale it to the paper: the map keeps
    # its pixel width and 10 pt text stays 10 pt (a little less when that saves a page).
    footer = f"{title} · dataset as of {catalog.as_of.isoformat()}"
    try:
        print_document(document, writer, PDF_LAYOUT_WIDTH_PX, footer)
    except OSError:
        raise ReportError(f"cannot write PDF to {path}") from None
    del writer
    buffer.close()
    return save_bytes(path, bytes(data.data()))


def offscreen_map_image(
    catalog: Catalog,
    scenario: Scenario,
    day: date,
    size: tuple[int, int] = (1100, 560),
    view: tuple[float, float, float, float] | None = None,
    selection: str | None = None,
) -> QImage:
    """Render the map alone, offscreen when there is no display (headless ``report``)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from explorer.loaders.basemap import load_basemap
    from explorer.qt.app import application
    from explorer.qt.document import ScenarioDocument
    from explorer.qt.map_view import MapView

    app = application(theme="light")
    document = ScenarioDocument(catalog, day)
    if scenario.off:
        document.apply_scenario(scenario, "Apply scenario")
    if selection is not None:
        document.select(selection)
    view_widget = MapView(document, load_basemap())
    view_widget.resize(*size)
    view_widget.show()
    for _ in range(3):  # let the layout settle and the basemap pick its level of detail
        app.processEvents()
    if view is not None:
        view_widget.show_area(*view, padding=0)
    app.processEvents()
    image = map_image(view_widget)
    view_widget.close()
    view_widget.deleteLater()
    return image


def save_report(
    catalog: Catalog,
    report: CapabilityReport,
    out: str | Path,
    text: ReportText | None = None,
    view: tuple[float, float, float, float] | None = None,
    selection: str | None = None,
) -> Path:
    """Headless report: the map rendered offscreen, then HTML or PDF by suffix."""
    if Path(out).suffix.lower() not in REPORT_SUFFIXES:
        raise ReportError(f"{Path(out).name}: a report is .html or .pdf")
    check_writable(Path(out))  # before the map is rendered, and before Qt warns on its own
    image = offscreen_map_image(
        catalog, report.scenario, report.day, view=view, selection=selection
    )
    return write_report(out, catalog, report, image, text)
