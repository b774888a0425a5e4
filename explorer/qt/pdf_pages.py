"""Pages for the PDF report: cut a laid-out ``QTextDocument`` where no table row or line splits.

Qt only. Qt's own pagination (``QTextDocument.print_``) splits a table row whose cells begin
above the page's foot (``QTextDocumentLayout`` drops a row to the next page only when none of
its cells starts on the current one) and ignores CSS ``page-break-inside``. So the document is
laid out as one long page and cut here: never inside a line, a table row or an image, never
right under a heading, at a ``page-break-before: always`` when the page before it would not be
nearly empty, and the whole text is set a little smaller when that saves a nearly empty last
page. Each page is painted with ``drawContents`` clipped to its slice, with a footer line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

NEARLY_EMPTY = 0.2  # a page filled less than this is a waste of paper (forced breaks too)
SHRINK_STEPS = (1.0, 0.95, 0.9, 0.85)  # text sizes tried to save a nearly empty last page
FOOTER_PX = 22.0  # layout pixels kept free at each page's foot for "page i of n"
ROW_GAP_PX = 5.0  # half the space between two table rows' text: the border lies there


Span = tuple[float, float]  # top and bottom in the long document, layout pixels


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where each page begins and ends in the long document, in layout pixels."""

    cuts: tuple[float, ...]  # page k shows [cuts[k], cuts[k + 1])
    headers: tuple[Span | None, ...]  # page k repeats this table header row at its top
    page_height: float

    @property
    def pages(self) -> int:
        return len(self.cuts) - 1

    def fill(self, page: int) -> float:
        header = self.headers[page]
        repeated = header[1] - header[0] if header else 0.0
        return (self.cuts[page + 1] - self.cuts[page] + repeated) / self.page_height


@dataclass(frozen=True, slots=True)
class TableRows:
    """A table's rows (the first one its header row), each a span."""

    rows: tuple[Span, ...]

    @property
    def span(self) -> Span:
        return self.rows[0][0], self.rows[-1][1]


def _tables(frame) -> Iterator[QTextTable]:
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def table_rows(document: QTextDocument) -> list[TableRows]:
    """Each table's rows: their cells' text plus padding, in document coordinates."""
    layout = document.documentLayout()
    tables = []
    for table in _tables(document.rootFrame()):
        rows = []
        for row in range(table.rows()):
            tops, bottoms = [], []
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                first = cell.firstCursorPosition().block()
                last = cell.lastCursorPosition().block()
                tops.append(layout.blockBoundingRect(first).top())
                bottoms.append(layout.blockBoundingRect(last).bottom())
            rows.append((min(tops) - ROW_GAP_PX, max(bottoms) + ROW_GAP_PX))
        if rows:
            tables.append(TableRows(tuple(rows)))
    return tables


def _line_spans(document: QTextDocument) -> tuple[list[tuple[float, float]], list[float], set]:
    """Every text line outside tables, forced breaks, and the spans that are headings."""
    layout = document.documentLayout()
    lines: list[tuple[float, float]] = []
    forced: list[float] = []
    headings = set()
    block = document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        policy = block.blockFormat().pageBreakPolicy()
        if policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            forced.append(rect.top())
        if _in_table(block):  # table rows are spans of their own
            block = block.next()
            continue
        text_layout = block.layout()
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            span = (rect.top() + line.y(), rect.top() + line.y() + line.height())
            lines.append(span)
            if block.blockFormat().headingLevel() > 0:
                headings.add(span)
        block = block.next()
    return lines, forced, headings


def _in_table(block) -> bool:
    cursor_frame = block.document().frameAt(block.position())
    while cursor_frame is not None:
        if isinstance(cursor_frame, QTextTable):
            return True
        cursor_frame = cursor_frame.parentFrame()
    return False


def paginate(document: QTextDocument, page_height: float) -> Pagination:
    """Cut ``document`` (laid out unpaginated) into pages of ``page_height`` layout pixels."""
    lines, forced, headings = _line_spans(document)
    tables = table_rows(document)
    rows = [row for table in tables for row in table.rows]
    spans = sorted(lines + rows)
    # A heading goes with what follows it: glue it to the next two spans (a table's header row
    # and first row, or the first lines of a paragraph).
    glued: list[Span] = []
    for index, (top, bottom) in enumerate(spans):
        if (top, bottom) in headings:
            bottom = max([bottom, *(b for _, b in spans[index + 1 : index + 3])])
        glued.append((top, bottom))
    end = document.size().height()
    cuts: list[float] = [0.0]
    headers: list[Span | None] = [None]
    while True:
        start, header = cuts[-1], headers[-1]
        limit = start + page_height - (header[1] - header[0] if header else 0.0)
        if end <= limit:
            break
        # What straddles the page's foot moves to the next page, unless it could fit on none.
        straddling = [
            top
            for top, bottom in glued
            if top < limit < bottom and top > start and bottom - top <= page_height
        ]
        cut = min(straddling) if straddling else limit
        # Never inside a table row: Qt lays the empty block after a table over its last row.
        inside = [top for top, bottom in rows if top < cut < bottom and top > start]
        cut = min(inside) if inside else cut
        # "Details on a new page", unless that leaves this page half empty.
        breaks = [f for f in forced if start + page_height / 2 < f <= cut]
        cut = breaks[0] if breaks else cut
        cuts.append(cut)
        headers.append(_continued_header(tables, cut))
    later = [f for f in forced if f > cuts[-1] + page_height / 2]
    if later and end - later[0] > NEARLY_EMPTY * page_height:
        cuts.append(later[0])
        headers.append(None)
    cuts.append(max(end, cuts[-1] + 1))
    return Pagination(tuple(cuts), tuple(headers), page_height)


def _continued_header(tables: list[TableRows], cut: float) -> Span | None:
    """The header row to repeat when ``cut`` falls between two rows of a table's body."""
    for table in tables:
        top, bottom = table.span
        if len(table.rows) > 2 and table.rows[0][1] <= cut < bottom and top < cut:
            return table.rows[0]
    return None


def lay_out(document: QTextDocument, width: float, page_height: float) -> Pagination:
    document.setTextWidth(width)  # one long page: Qt does not paginate
    return paginate(document, page_height)


def print_document(
    document: QTextDocument, writer: QPdfWriter, width: float, footer: str
) -> Pagination:
    """Print ``document`` laid out ``width`` layout pixels wide onto ``writer``'s pages."""
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    tried: list[tuple[float, Pagination]] = []
    for step in SHRINK_STEPS:
        layout_width = width / step
        scale = paint.width() / layout_width
        pagination = lay_out(document, layout_width, paint.height() / scale - FOOTER_PX)
        if pagination.pages == 1 or pagination.fill(pagination.pages - 1) >= NEARLY_EMPTY:
            break
        tried.append((layout_width, pagination))
    else:  # no size saves the nearly empty page: the fewest pages, in the largest text
        layout_width, pagination = min(tried, key=lambda t: t[1].pages)
    if document.textWidth() != layout_width:
        pagination = lay_out(document, layout_width, pagination.page_height)
    scale = paint.width() / layout_width
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF writer cannot paint")
    try:
        for page in range(pagination.pages):
            if page:
                writer.newPage()
            top, bottom = pagination.cuts[page], pagination.cuts[page + 1]
            offset = 0.0
            header = pagination.headers[page]
            if header is not None:  # the table goes on: its header row first
                offset = header[1] - header[0]
                _slice(painter, document, scale, layout_width, header, 0.0)
            _slice(painter, document, scale, layout_width, (top, bottom), offset)
            _footer(painter, scale, layout_width, pagination, page, footer)
    finally:
        painter.end()
    return pagination


def _slice(
    painter: QPainter,
    document: QTextDocument,
    scale: float,
    width: float,
    span: Span,
    at: float,
) -> None:
    """Paint the document's ``span`` at ``at`` from the page's top (1 px more: the border)."""
    top, bottom = span
    painter.save()
    painter.scale(scale, scale)
    painter.translate(0, at - top)
    document.drawContents(painter, QRectF(0, top, width, bottom - top + 1))
    painter.restore()


def _footer(
    painter: QPainter, scale: float, width: float, pagination: Pagination, page: int, text: str
) -> None:
    painter.save()
    painter.scale(scale, scale)
    font = QFont(painter.font())
    font.setPixelSize(9)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    top = pagination.page_height + FOOTER_PX * 0.3
    rect = QRectF(0, top, width, FOOTER_PX * 0.7)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), text)
    painter.drawText(
        rect, int(Qt.AlignmentFlag.AlignRight), f"page {page + 1} of {pagination.pages}"
    )
    painter.restore()
