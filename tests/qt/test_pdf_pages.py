"""PDF pages: no table row split across pages, headings kept with what follows, no near-empty page."""

import shutil
import subprocess
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage, QTextDocument, QTextTable

from explorer.qt.pdf_pages import NEARLY_EMPTY, lay_out

WIDTH, PAGE = 660.0, 900.0


def long_table_html(rows: int) -> str:
    body = "".join(
        f"<tr><td>row {r}</td><td>{'several words that wrap onto more lines ' * (1 + r % 4)}</td>"
        f"<td>{r}</td></tr>"
        for r in range(rows)
    )
    return (
        "<h2>Before</h2><p>" + "Some text. " * 80 + "</p><h3>A table</h3>"
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        f"<tr><th>Name</th><th>Text</th><th>Number</th></tr>{body}</table><p>After.</p>"
    )


def cell_extents(document: QTextDocument) -> list[tuple[float, float]]:
    """Every table row's extent from its cells' blocks (all of them), for the test's own check."""
    layout = document.documentLayout()
    found = []
    frames = list(document.rootFrame().childFrames())
    for table in (f for f in frames if isinstance(f, QTextTable)):
        for row in range(table.rows()):
            tops, bottoms = [], []
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                block = cell.firstCursorPosition().block()
                while block.isValid() and block.position() <= cell.lastPosition():
                    rect = layout.blockBoundingRect(block)
                    tops.append(rect.top())
                    bottoms.append(rect.bottom())
                    block = block.next()
            found.append((min(tops), max(bottoms)))
    return found


def test_no_table_row_is_split_and_continued_tables_repeat_their_header(qapp):
    document = QTextDocument()
    document.setHtml(long_table_html(120))
    pagination = lay_out(document, WIDTH, PAGE)
    assert pagination.pages >= 4
    rows = cell_extents(document)
    for cut in pagination.cuts[1:-1]:
        assert not any(top < cut < bottom for top, bottom in rows), cut
    header = rows[0]
    continued = [h for h in pagination.headers[1:] if h is not None]
    assert len(continued) >= pagination.pages - 2  # every page the table runs onto
    assert all(h[0] <= header[0] and h[1] >= header[1] for h in continued)
    for page in range(pagination.pages):  # nothing over-fills a page
        assert pagination.fill(page) <= 1.0 + 1e-6


def test_a_heading_is_never_the_last_line_of_a_page(qapp):
    html = "".join(f"<h3>Heading {i}</h3><p>{'Words and more words. ' * 9}</p>" for i in range(80))
    document = QTextDocument()
    document.setHtml(html)
    pagination = lay_out(document, WIDTH, PAGE)
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            rect = layout.blockBoundingRect(block)
            following = layout.blockBoundingRect(block.next())
            for cut in pagination.cuts[1:-1]:
                assert not (rect.top() < cut < following.bottom()), block.text()
        block = block.next()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_pdf_report_has_no_nearly_empty_page(make_window, tmp_path):
    window = make_window()
    window.document.set_date(date(2025, 11, 28))  # today's code left a last page 15 % full
    path = window.exports.export_report(tmp_path / "report.pdf")
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 2
    for page in pages:
        image = QImage(str(page))
        top, bottom = round(image.height() * 0.06), round(image.height() * 0.92)  # margins, footer
        inked = [
            y
            for y in range(top, bottom)
            if any(image.pixel(x, y) & 0xFFFFFF != 0xFFFFFF for x in range(0, image.width(), 2))
        ]
        assert inked, page.name
        assert (inked[-1] - top) / (bottom - top) >= NEARLY_EMPTY, page.name


@pytest.mark.parametrize("day", [date(2025, 11, 28), date(2011, 7, 22), date(1975, 7, 16)])
def test_the_real_report_splits_no_row_across_its_pages(make_window, tmp_path, day):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from explorer.qt.pdf_pages import print_document
    from explorer.qt.report import PDF_LAYOUT_WIDTH_PX, map_image, pdf_document, pdf_writer

    window = make_window()
    window.document.set_date(day)
    document = pdf_document(
        window.document.view_catalog,
        window.document.report,
        map_image(window.map_view),
        None,
    )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, "test")
    pagination = print_document(document, writer, PDF_LAYOUT_WIDTH_PX, "footer")
    del writer
    assert bytes(data.data()).startswith(b"%PDF")
    rows = cell_extents(document)
    assert len(rows) > 10
    for cut in pagination.cuts[1:-1]:
        assert not any(top < cut < bottom for top, bottom in rows), cut
    assert all(pagination.fill(p) >= NEARLY_EMPTY for p in range(pagination.pages))


block = st.one_of(
    st.tuples(st.just("p"), st.integers(1, 120)),  # a paragraph of so many words
    st.tuples(st.just("h"), st.integers(1, 6)),  # a heading
    st.tuples(st.just("table"), st.lists(st.integers(1, 40), min_size=1, max_size=30)),
)


def random_html(blocks) -> str:
    parts = []
    for kind, size in blocks:
        if kind == "p":
            parts.append("<p>" + "word " * size + "</p>")
        elif kind == "h":
            parts.append(f"<h3>Heading of {size} words</h3>")
        else:
            rows = "".join(f"<tr><td>cell</td><td>{'text ' * n}</td></tr>" for n in size)
            parts.append(f'<table border="1" cellpadding="4"><tr><th>A</th><th>B</th></tr>{rows}')
            parts.append("</table>")
    return "".join(parts)


@settings(max_examples=25, deadline=None)
@given(st.lists(block, min_size=1, max_size=25), st.sampled_from([300.0, 500.0, 900.0]))
# Qt lays the empty block after a final table over its last row: a cut there split the row.
@example(
    [
        *(("p", 1), ("p", 12), ("p", 89), ("table", [1, 1])),
        *(("p", 12), ("p", 12), ("p", 100), ("table", [1, 1])),
    ],
    300.0,
)
def test_pages_never_overfill_and_never_cut_a_row_that_fits_on_a_page(qapp, blocks, page):
    document = QTextDocument()
    document.setHtml(random_html(blocks))
    pagination = lay_out(document, 400.0, page)
    cuts = pagination.cuts
    assert list(cuts) == sorted(cuts) and len(set(cuts)) == len(cuts)
    assert cuts[-1] >= document.size().height()
    for index in range(pagination.pages):
        assert pagination.fill(index) <= 1.0 + 1e-6
    for top, bottom in cell_extents(document):
        if bottom - top + 10 <= page:  # a row taller than a page has to be cut somewhere
            assert not any(top < cut < bottom for cut in cuts[1:-1]), (top, bottom)


def test_text_is_set_smaller_rather_than_leave_a_nearly_empty_last_page(qapp):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from explorer.qt.pdf_pages import FOOTER_PX, print_document
    from explorer.qt.report import pdf_writer

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, "test")
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    page = paint.height() / (paint.width() / WIDTH) - FOOTER_PX
    document = QTextDocument()
    for count in range(40, 400, 3):  # find a text whose last page holds a line or two
        document.setHtml("<p>A paragraph of a few words, one line.</p>" * count)
        plain = lay_out(document, WIDTH, page)
        if plain.pages > 1 and plain.fill(plain.pages - 1) < 0.08:
            break
    else:
        pytest.fail("no text with a nearly empty last page")
    printed = print_document(document, writer, WIDTH, "footer")
    del writer
    assert printed.pages == plain.pages - 1
    assert printed.fill(printed.pages - 1) >= NEARLY_EMPTY
    assert document.textWidth() > WIDTH  # laid out wider: the same text a little smaller
