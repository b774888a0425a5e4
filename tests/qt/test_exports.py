"""File ▸ Export: map PNG/SVG, nation table CSV, report HTML/PDF, fault tree MEF."""

import csv
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from PySide6.QtGui import QImage

from explorer.domain.capability import Level, cut_sets
from explorer.present.html_report import records_used
from explorer.present.summary import summarize
from explorer.qt.nation_table import ID_ROLE


@pytest.fixture
def window(make_window):
    win = make_window()
    win.exports.warnings = []
    win.exports.warn = win.exports.warnings.append
    return win


def test_map_png_is_the_current_view_with_legend_and_caption_below(window, tmp_path):
    path = window.exports.export_map_png(tmp_path / "map.png")
    image = QImage(str(path))
    view = window.map_view.viewport()
    ratio = window.map_view.devicePixelRatioF()
    shown = window.map_view.export_rect()
    assert image.width() == round(view.width() * ratio)
    # the legend strip and the caption under the map
    assert image.height() > (shown.height() + 100) * ratio
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), 17)
        for y in range(0, int(shown.height() * ratio), 13)
    }
    assert len(colours) > 20


def test_an_exported_world_map_is_cropped_to_the_framed_latitudes(window):
    from explorer.qt.map_view import WORLD_LAT

    view = window.map_view
    view.show_world()
    band_px = (WORLD_LAT[1] - WORLD_LAT[0]) * view.width() / 360.0
    shown = view.export_rect()
    assert shown.height() <= band_px + 2  # not the empty bands above and below the world
    assert shown.height() < view.viewport().height()
    view.show_area(-81.0, -80.0, 28.0, 29.0)  # zoomed in: what the map shows, whole
    assert view.export_rect() == view.mapToScene(view.viewport().rect()).boundingRect()


def visible_markers(window) -> int:
    item = window.map_view.pad_item
    x0, x1, y0, y1 = (*item.getViewBox().viewRange()[0], *item.getViewBox().viewRange()[1])
    return sum(1 for p in item.points() if x0 <= p.pos().x() <= x1 and y0 <= p.pos().y() <= y1)


def test_map_svg_draws_every_marker_as_a_vector_shape_not_an_image(window, tmp_path):
    path = window.exports.export_map_svg(tmp_path / "map.svg")
    text = path.read_text(encoding="utf-8")
    assert "<image" not in text  # today: one raster of Qt's symbol sheet per marker
    root = ET.parse(path).getroot()
    shapes = [e for e in root.iter() if e.tag.endswith(("path", "polyline", "polygon", "circle"))]
    markers = visible_markers(window)
    assert markers >= 8
    # One shape per marker on the map and per legend sample, on top of the basemap's layers.
    assert len(shapes) >= markers + len(window.map_view.legend.items)
    words = " ".join(e.text or "" for e in root.iter() if e.tag.endswith("text"))
    assert "Pad: crew-capable" in words  # the legend, even when the window hides it
    assert "Crewed access on 2025-11-26" in words and "Baseline" in words
    assert "dataset as of" in words
    assert 'd=""' not in text  # an empty path is invalid SVG
    assert "non-scaling-stroke" not in text  # librsvg and others ignore it: widths in user units


def test_cosmetic_strokes_become_widths_in_the_groups_units():
    from explorer.qt.map_export import portable_strokes

    svg = (
        b'<svg><g fill="none"><g stroke-width="2" stroke-dasharray="8,4" '
        b'transform="matrix(10,0,0,10,5,5)"><path vector-effect="non-scaling-stroke" d="M0,0"/>'
        b'</g><g stroke-width="1" transform="matrix(1,0,0,1,0,0)"><text>a</text></g></g></svg>'
    )
    out = portable_strokes(svg)
    assert b'stroke-width="0.2"' in out and b'stroke-dasharray="0.8,0.4"' in out
    assert b"vector-effect" not in out
    assert b'<g stroke-width="1" transform="matrix(1,0,0,1,0,0)"><text>a</text></g>' in out


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="librsvg2-bin not installed")
def test_map_svg_looks_the_same_in_librsvg(window, tmp_path):
    svg = window.exports.export_map_svg(tmp_path / "map.svg")
    png = QImage(str(window.exports.export_map_png(tmp_path / "map.png")))
    out = tmp_path / "rsvg.png"
    subprocess.run(["rsvg-convert", str(svg), "-o", str(out)], check=True)
    drawn = QImage(str(out))
    assert abs(drawn.width() - png.width()) <= 1 and abs(drawn.height() - png.height()) <= 1
    markers = [  # the pixels of every marker on the map: black blobs before strokes were fixed
        window.map_view.mapFromScene(window.map_view.pad_item.mapToScene(p.pos()))
        for p in window.map_view.pad_item.points()
    ]
    inside = [m for m in markers if 0 <= m.x() < png.width() and 0 <= m.y() < png.height()]
    assert len(inside) >= 8
    near = sum(
        1
        for m in inside
        for dx in (-3, 0, 3)
        for dy in (-3, 0, 3)
        if _close(drawn.pixel(m.x() + dx, m.y() + dy), png.pixel(m.x() + dx, m.y() + dy))
    )
    assert near / (9 * len(inside)) > 0.7


def test_map_svg_renders_back_to_the_same_picture_as_the_png(window, tmp_path):
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg = window.exports.export_map_svg(tmp_path / "map.svg")
    png = QImage(str(window.exports.export_map_png(tmp_path / "map.png")))
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert (round(box.width()), round(box.height())) == (png.width(), png.height())
    drawn = QImage(png.size(), QImage.Format.Format_ARGB32)
    drawn.fill(0)
    painter = QPainter(drawn)
    renderer.render(painter)
    painter.end()
    same = sum(
        1
        for x in range(0, png.width(), 5)
        for y in range(0, png.height(), 5)
        if _close(drawn.pixel(x, y), png.pixel(x, y))
    )
    total = len(range(0, png.width(), 5)) * len(range(0, png.height(), 5))
    assert same / total > 0.9


def _close(a: int, b: int) -> bool:
    return all(abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) < 40 for s in (0, 8, 16))


def test_map_png_at_twice_the_resolution_has_a_caption_strip(window, tmp_path):
    one = QImage(str(window.exports.export_map_png(tmp_path / "one.png")))
    two = QImage(str(window.exports.export_map_png_2x(tmp_path / "two.png")))
    assert (two.width(), two.height()) == (2 * one.width(), 2 * one.height())
    strip = [(x, dy) for x in range(0, two.width(), 2) for dy in range(1, 61)]

    def bottom(image: QImage, x: int, dy: int) -> int:
        return image.pixel(x, image.height() - dy)

    background = bottom(two, 1, 2)
    assert sum(1 for x, dy in strip if bottom(two, x, dy) != background) > 200  # caption text
    window.document.set_text("Second pad at Vostochny", "")
    titled = QImage(str(window.exports.export_map_png_2x(tmp_path / "titled.png")))
    assert titled.width() == two.width() and titled.height() >= two.height()
    # The same map with another caption: the title instead of "Baseline".
    assert any(bottom(titled, x, dy) != bottom(two, x, dy) for x, dy in strip)


def read_csv(path):
    """The comment block (lines starting with '#') and the rows csv.DictReader gives."""
    with open(path, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines()
    comments = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return comments, rows


def test_nation_table_csv_has_a_header_block_then_a_row_per_nation(window, tmp_path):
    window.document.set_enabled("baikonur-31-6", False)
    path = window.exports.export_nations_csv(tmp_path / "nations.csv")
    comments, rows = read_csv(path)
    as_of = window.document.catalog.as_of.isoformat()
    assert comments[0] == "# date: 2025-11-26"
    assert comments[1] == "# scenario: Baseline"
    assert comments[2].startswith("# dataset: ") and comments[2].endswith(f" as of {as_of}")
    assert comments[3] == "# switched off: Site 31/6 (baikonur-31-6)"
    by_id = {r["nation_id"]: r for r in rows}
    assert set(by_id) == {n.id for n in window.document.catalog.nations}
    assert by_id["RU"]["nation"].startswith("Russia")
    assert by_id["RU"]["access"] == "via partner"
    assert by_id["US"]["access"] == "independent"
    assert by_id["US"]["smallest_cut"] == "1" and by_id["IN"]["smallest_cut"] == ""
    assert by_id["IN"]["usable_pads"] == "" and by_id["IN"]["single_points_of_failure"] == ""
    assert all("—" not in cell for r in rows for cell in r.values())  # no display dashes


def test_csv_names_stand_beside_their_ids(window, tmp_path):
    path = window.exports.export_nations_csv(tmp_path / "nations.csv")
    _, rows = read_csv(path)
    china = next(r for r in rows if r["nation_id"] == "CN")
    catalog = window.document.catalog
    ids = china["single_point_of_failure_ids"].split("; ")
    assert ids and all(catalog.get(i) for i in ids)
    assert china["single_points_of_failure"].split("; ") == [
        f"{catalog.get(i).name} ({i})" for i in ids
    ]
    pads = china["usable_pad_ids"].split("; ")
    assert china["usable_pads"].split("; ") == [f"{catalog.get(i).name} ({i})" for i in pads]


def test_csv_follows_the_table_order_and_the_scenario_title(window, tmp_path):
    from PySide6.QtCore import Qt

    window.nation_table.proxy.sort(0, Qt.SortOrder.DescendingOrder)
    window.document.set_text("Pad lost", "")
    path = window.exports.export_nations_csv(tmp_path / "nations.csv")
    comments, rows = read_csv(path)
    assert "# scenario: Pad lost" in comments
    proxy = window.nation_table.proxy
    shown = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
    assert [r["nation_id"] for r in rows] == shown
    assert shown != [n.nation for n in window.document.report.nations]  # the sort took effect


def test_csv_replaces_a_file_whole_and_leaves_no_temporary_file(window, tmp_path):
    target = tmp_path / "nations.csv"
    target.write_text("old", encoding="utf-8")
    window.exports.export_nations_csv(target)
    assert target.read_text(encoding="utf-8").startswith("# date: ")
    assert [p.name for p in tmp_path.iterdir()] == ["nations.csv"]


def test_html_report_has_everything_and_cites_every_record_used(window, tmp_path):
    doc = window.document
    doc.set_enabled("crew-dragon", False)
    path = window.exports.export_report(tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    assert "2025-11-26" in html and 'src="data:image/png;base64,' in html
    for heading in ("Scenario", "Crewed access by nation", "Routes", "Minimal cut sets", "Sources"):
        assert heading in html
    assert "crew-dragon" in html and "baikonur-31-6" in html
    used = records_used(doc.catalog, summarize(doc.catalog, doc.report))
    assert "crew-dragon" in used  # switched off, so cited
    for record_id in used:
        for source in doc.catalog.get(record_id).sources[:1]:
            assert source.replace("&", "&amp;") in html, record_id
    for cut in cut_sets(doc.report, "RU"):
        for component in cut:
            assert f"({component})" in html


def test_report_nation_table_names_pads_and_single_points_instead_of_bare_ids(window, tmp_path):
    html = window.exports.export_report(tmp_path / "report.html").read_text(encoding="utf-8")
    table = html[html.index("Crewed access by nation") : html.index("</table>")]
    catalog = window.document.catalog
    us = window.document.report.nation("US")
    assert us.status.value == "independent"
    summary = summarize(catalog, window.document.report).nation("US")
    for pad in summary.usable_pads:
        assert catalog.get(pad).name in table
        assert f">{pad}" not in table and f"{pad}," not in table
    for point in summary.single_point_ids:
        assert catalog.get(point).name.replace("&", "&amp;") in table
    assert "page-break-inside:avoid" in html  # rows whole when a browser prints it


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_report_opens_and_every_page_renders(window, tmp_path):
    window.document.set_date(date(2025, 11, 28))
    path = window.exports.export_report(tmp_path / "report.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    result = subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    for page in pages:
        image = QImage(str(page))
        assert not image.isNull()
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 3, page.name  # not a blank page
    first = QImage(str(pages[0]))
    coloured = sum(
        1
        for x in range(0, first.width(), 3)
        for y in range(0, first.height(), 3)
        if len({(first.pixel(x, y) >> s) & 0xFF for s in (0, 8, 16)}) > 1
    )
    assert coloured > 200  # the map is on the first page


def test_mef_export_asks_for_the_nation_first_offering_the_selected_one(window, tmp_path):
    exports = window.exports
    asked = []

    def ask_nation(default):
        asked.append(("nation", default))
        return default

    def ask_path(suffix, tail=""):
        asked.append(("path", tail))
        return str(tmp_path / f"tree{tail}")

    exports.ask_nation, exports.ask_path = ask_nation, ask_path
    window.document.select("RU")
    exports.actions["mef"].trigger()
    assert asked == [("nation", "RU"), ("path", "-ru-fault-tree")]
    root = ET.parse(tmp_path / "tree-ru-fault-tree.xml").getroot()
    assert root.find("define-fault-tree").get("name") == "RU-crewed-access"
    level = window.document.report.nation("RU").default_level
    assert level is Level.INDEPENDENT
    events = {e.get("name") for e in root.iter("define-basic-event")}
    assert set().union(*cut_sets(window.document.report, "RU", level, None)) <= events


def test_mef_export_offers_no_default_for_a_pad_and_stops_when_no_nation_is_chosen(
    window, tmp_path
):
    exports = window.exports
    asked = []
    exports.ask_nation = lambda default: asked.append(default)  # cancelled: returns None
    exports.ask_path = lambda suffix, tail="": asked.append("path") or str(tmp_path / "x")
    window.document.select("baikonur-31-6")
    exports.actions["mef"].trigger()
    assert asked == [None]  # a pad is no nation; and no file is asked for
    assert list(tmp_path.iterdir()) == []


def test_every_export_action_runs_through_the_menu(window, tmp_path):
    exports = window.exports
    exports.ask_nation = lambda default: "US"
    out = tmp_path / "out"
    out.mkdir()
    for name, action in exports.actions.items():
        exports.ask_path = lambda suffix, tail="", n=name: str(out / f"{n}{suffix}")
        action.trigger()
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(
        [
            "map-png.png",
            "map-png-2x.png",
            "map-svg.svg",
            "nations-csv.csv",
            "report-html.html",
            "report-pdf.pdf",
            "mef.xml",
        ]
    )
    assert exports.warnings == []
    assert all(a.objectName().startswith("action-export-") for a in exports.actions.values())


def test_a_failed_export_warns_in_one_line(window, tmp_path):
    exports = window.exports
    exports.ask_path = lambda suffix: str(tmp_path / "missing" / f"table{suffix}")
    exports.actions["nations-csv"].trigger()
    [warning] = exports.warnings
    assert "table.csv" in warning and "\n" not in warning
