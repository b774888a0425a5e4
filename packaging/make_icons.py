"""Render the application icon from its SVG into the PNG, ICO and ICNS files the installers use.

Run once after editing ``resources/icons/launch-site-explorer.svg``; the outputs are committed, so
building a bundle needs neither this script nor Pillow. Imports PySide6 (QtSvg) and the standard
library only. The ICO and ICNS containers are written by hand because both may simply wrap PNG data
and Qt's own ICO/ICNS writers store a single size.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "launch-site-explorer.svg"
PNG_SIZES = (48, 128, 256)  # the hicolor sizes the .deb installs
ICO_SIZES = (16, 32, 48, 256)  # what Windows Explorer and the task bar ask for
# ICNS element types whose payload may be PNG: 16, 32, 128 and 256 px.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 128: b"ic07", 256: b"ic08"}


def render_png(size: int) -> bytes:
    """The SVG drawn at ``size`` × ``size`` pixels on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot parse {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.11's stubs type `format` as bytes, but it takes only str (bytes: ValueError).
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (valid since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, payload = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: big-endian (type, length) elements, each wrapping one PNG."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
        for size, data in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    # Rendering needs a QGuiApplication; the offscreen platform lets this run without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - must live
    pngs = {size: render_png(size) for size in {*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES}}
    outputs = {ICONS / f"launch-site-explorer-{size}.png": pngs[size] for size in PNG_SIZES}
    outputs[ICONS / "launch-site-explorer.ico"] = ico_bytes({s: pngs[s] for s in ICO_SIZES})
    outputs[ICONS / "launch-site-explorer.icns"] = icns_bytes({s: pngs[s] for s in ICNS_TYPES})
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"{path.relative_to(ICONS.parent.parent)}  {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
