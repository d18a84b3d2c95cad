"""A `Paper` set on pages in UN layout and painted on a printer or into a PDF.

The layout is the Word export's (resources/un-template.docx): US letter, Times New Roman 10 pt on
12 pt lines, justified; paragraphs open with a 0.33 in indent; operative numbers and "(a)" labels
stand at that indent with the text from 0.66 in, deeper labels hang; footnotes in 8.5 pt at the
foot of the page that cites them, under a short rule; from page 2 the symbol runs at the head of
the page and "2/9" at its foot. Deleted words are struck through, inserted ones bold and
underlined, which reads in black and white.

The body is one QTextDocument laid out at the width of the text on the page; `Typeset` cuts it
into pages between lines, leaving at the foot of each page the room its footnotes take.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from drafter.labels import SUB_LEVELS
from ui.paper import DELETE, INSERT, Paper, Para, Run

INCH = 72.0  # points
MARGINS = QMarginsF(1.0 * INCH, 1.0 * INCH, 1.0 * INCH, 0.9 * INCH)  # left, top, right, bottom
HEAD_AT, FOOT_AT = 0.5 * INCH, 0.4 * INCH  # the running head's top, the page number's bottom, from the edge
INDENT = 0.33 * INCH
P_NOTE = QTextFormat.Property.UserProperty + 40  # a footnote marker's note key
FACES = ["Times New Roman", "Liberation Serif", "DejaVu Serif"]

# style → (size, bold, italic, alignment, space before, space after) in points
_STYLE: dict[str, tuple[float, bool, bool, str, float, float]] = {
    "masthead": (10, False, False, "left", 0, 0),
    "organ": (20, True, False, "left", 6, 6),
    "header": (10, False, False, "left", 0, 0),
    "session": (10, False, False, "left", 12, 0),
    "agenda": (10, False, False, "left", 0, 6),
    "adoption": (12, False, False, "left", 12, 6),
    "report": (10, False, True, "left", 0, 12),
    "sponsors": (12, True, False, "left", 12, 6),
    "title": (14, True, False, "left", 0, 12),
    "formula": (10, False, True, "justify", 0, 6),
    "pp": (10, False, False, "justify", 0, 6),
    "op": (10, False, False, "justify", 0, 6),
    "sub": (10, False, False, "justify", 0, 6),
    "heading": (10, True, False, "center", 6, 6),
    "closing": (10, False, True, "right", 12, 0),
    "annex": (12, True, False, "left", 0, 12),
    "annex-title": (14, True, False, "left", 0, 12),
}
_KEEP_WITH_NEXT = {"organ", "session", "adoption", "report", "sponsors", "title", "formula", "heading", "annex",
                   "annex-title"}
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
          "center": Qt.AlignmentFlag.AlignHCenter, "justify": Qt.AlignmentFlag.AlignJustify}
NOTE_SIZE, NOTE_LINE = 8.5, 10.5


def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    face = QFont()
    face.setFamilies(FACES)
    face.setPointSizeF(size)
    face.setBold(bold)
    face.setItalic(italic)
    return face


def page_layout() -> QPageLayout:
    """US letter, as the Word export; the margins are drawn by `Typeset`, so the device has none."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Portrait, QMarginsF())


@dataclass
class Line:
    top: float
    bottom: float
    notes: list[str]  # the notes first cited on this line
    block: int
    last_of_block: bool


@dataclass
class Page:
    start: float  # the body's slice shown on this page, in the body's coordinates
    end: float
    notes: list[str] = field(default_factory=list)


class Typeset:
    """A paper laid out for one paint device (a QPdfWriter or a QPrinter, set to `page_layout()`)."""

    def __init__(self, paper: Paper, device: QPagedPaintDevice) -> None:
        self.paper = paper
        self.device = device
        self.scale = device.logicalDpiY() / INCH  # device pixels per point
        paint = device.pageLayout().fullRectPoints()
        self.page = QSizeF(paint.width() * self.scale, paint.height() * self.scale)
        self.left, self.top = MARGINS.left() * self.scale, MARGINS.top() * self.scale
        self.width = self.page.width() - (MARGINS.left() + MARGINS.right()) * self.scale
        self.height = self.page.height() - (MARGINS.top() + MARGINS.bottom()) * self.scale
        self.factor = 1.0
        self.factor = self._format_factor()
        self.body = self._document()
        self.keep: list[bool] = []
        self.breaks: list[bool] = []
        cursor = QTextCursor(self.body)
        for index, para in enumerate(paper.paras):
            if index:
                cursor.insertBlock()
            self._paragraph(cursor, para)
        self.notes = {key: self._note(note.marker, note.runs) for key, note in paper.notes.items()}
        self.pages = self._paginate()

    def px(self, points: float) -> float:
        """Points in device pixels (painting, the text width)."""
        return points * self.scale

    def fx(self, points: float) -> float:
        """Points in the units of line heights, tab stops and the space above and below a paragraph, which the
        document layout scales to the device by a factor of its own (the device's resolution over the screen's);
        left and right margins and indents it takes as they are (`px`)."""
        return points * self.scale / self.factor

    def _format_factor(self) -> float:
        probe = self._document()
        block = QTextBlockFormat()
        block.setLineHeight(100, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        cursor = QTextCursor(probe)
        cursor.setBlockFormat(block)
        cursor.insertText("x\u2028x")
        probe.documentLayout().blockBoundingRect(probe.firstBlock())  # lays it out
        layout = probe.firstBlock().layout()
        return (layout.lineAt(1).y() - layout.lineAt(0).y()) / 100 if layout.lineCount() > 1 else 1.0

    def _document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font(10))
        doc.setTextWidth(self.width)
        return doc

    # --- the body ----------------------------------------------------------------------------------
    def _paragraph(self, cursor: QTextCursor, para: Para) -> None:
        size, bold, italic, align, before, after = _STYLE.get(para.style, _STYLE["pp"])
        block = QTextBlockFormat()
        block.setAlignment(_ALIGN[align])
        block.setTopMargin(self.fx(before))
        block.setBottomMargin(self.fx(after))
        if size <= 10:
            block.setLineHeight(self.fx(12), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        tabs: list[QTextOption.Tab] = []
        if para.style in ("pp", "formula") or (para.style == "op" and not para.label):
            block.setTextIndent(self.px(INDENT))
        elif para.style in ("op", "sub") and para.depth <= 1:
            block.setTextIndent(self.px(INDENT))
            tabs.append(QTextOption.Tab(self.fx(INDENT), QTextOption.TabType.LeftTab))  # from the label's indent
        elif para.style == "sub":
            left = self.px(2 * INDENT + (min(para.depth, SUB_LEVELS) - 2) * INDENT)  # as the editor indents
            block.setLeftMargin(left)
            block.setTextIndent(-self.px(INDENT))
            tabs.append(QTextOption.Tab(self.fx(INDENT), QTextOption.TabType.LeftTab))
        elif para.style == "title":
            block.setLeftMargin(self.px(1267 / 20))
            block.setTextIndent(-self.px(1267 / 20))
            tabs.append(QTextOption.Tab(self.fx(1267 / 20), QTextOption.TabType.LeftTab))
        elif para.style == "header":
            block.setLeftMargin(self.px(4 * INCH))
        elif para.style == "agenda":
            block.setRightMargin(self.px(3 * INCH))
        elif para.style == "masthead":
            tabs.append(QTextOption.Tab(self.width / self.factor, QTextOption.TabType.RightTab))
        if para.style == "annex" and cursor.position() > 0:
            block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        if tabs:
            block.setTabPositions(tabs)
        cursor.setBlockFormat(block)
        base = QTextCharFormat()
        base.setFont(font(size, bold, italic))
        cursor.setBlockCharFormat(base)
        if para.label:
            label = QTextCharFormat(base)
            label.setFontItalic(False)
            _mark(label, para.label_mark)
            cursor.insertText(para.label, label)
            cursor.insertText("\t", base)
        for run in para.runs:
            self._run(cursor, run, base)
        self.keep.append(para.style in _KEEP_WITH_NEXT)
        self.breaks.append(para.style == "annex")
        if para.style == "session":  # the rule above the session line, as in the header block of the Word export
            cursor.block().setUserState(1)

    def _run(self, cursor: QTextCursor, run: Run, base: QTextCharFormat) -> None:
        fmt = QTextCharFormat(base)
        if run.italic:
            fmt.setFontItalic(True)
        _mark(fmt, run.mark)
        if run.note:
            fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            fmt.setProperty(P_NOTE, run.note)
        cursor.insertText(run.text.replace("\n", "\u2028"), fmt)

    def _note(self, marker: str, runs: list[Run]) -> QTextDocument:
        doc = self._document()
        cursor = QTextCursor(doc)
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignJustify)
        block.setLeftMargin(self.px(1267 / 20))
        block.setRightMargin(self.px(1267 / 20))
        block.setTextIndent(-self.px(1267 / 20))
        block.setLineHeight(self.fx(NOTE_LINE), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        block.setTabPositions([QTextOption.Tab(self.fx(1022 / 20), QTextOption.TabType.RightTab),
                               QTextOption.Tab(self.fx(1267 / 20), QTextOption.TabType.LeftTab)])
        cursor.setBlockFormat(block)
        base = QTextCharFormat()
        base.setFont(font(NOTE_SIZE))
        mark = QTextCharFormat(base)
        mark.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        cursor.insertText("\t", base)
        cursor.insertText(marker, mark)
        cursor.insertText("\t", base)
        for run in runs:
            self._run(cursor, run, base)
        return doc

    # --- pages -------------------------------------------------------------------------------------------
    def _lines(self) -> list[Line]:
        out: list[Line] = []
        seen: set[str] = set()
        block = self.body.firstBlock()
        while block.isValid():
            text_layout = block.layout()
            cited: list[tuple[int, str]] = []
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                key = fragment.charFormat().property(P_NOTE)
                if fragment.isValid() and key:
                    cited.append((fragment.position() - block.position(), str(key)))
                it += 1
            count = text_layout.lineCount()
            for number in range(count):
                line = text_layout.lineAt(number)
                top = text_layout.position().y() + line.y()
                end = line.textStart() + line.textLength()
                notes = []
                for at, key in cited:
                    if line.textStart() <= at < end and key not in seen and key in self.notes:
                        seen.add(key)
                        notes.append(key)
                out.append(Line(top, top + line.height(), notes, block.blockNumber(), number == count - 1))
            block = block.next()
        return out

    def note_height(self, key: str) -> float:
        return self.notes[key].size().height()

    def _paginate(self) -> list[Page]:
        """Pages cut between lines: a line goes on the page if it fits there with the notes it is the first to
        cite and those of the lines before it; an annex starts a page."""
        lines = self._lines()
        rule = self.px(NOTE_LINE * 1.5)  # the room of the short rule over the notes
        pages: list[Page] = []
        index = 0
        while index < len(lines):
            first = index
            notes_height = 0.0
            while index < len(lines):
                line = lines[index]
                if index > first and self.breaks[line.block] and lines[index - 1].block != line.block:
                    break
                extra = sum(self.note_height(key) for key in line.notes)
                if line.notes and not notes_height:
                    extra += rule
                if index > first and line.bottom - lines[first].top + notes_height + extra > self.height:
                    index = self._keep_together(lines, first, index)
                    break
                notes_height += extra
                index += 1
            pages.append(Page(lines[first].top, lines[index - 1].bottom,
                              [key for line in lines[first:index] for key in line.notes]))
        return pages or [Page(0, 0)]

    def _keep_together(self, lines: list[Line], first: int, index: int) -> int:
        """Where the page that would break before `index` ends instead: never after a heading or another
        paragraph kept with the next one, nor after the first line of a paragraph when its others go on."""
        cut = index
        while cut - 1 > first and lines[cut - 1].last_of_block and self.keep[lines[cut - 1].block]:
            cut -= 1
        if cut == index and cut - 1 > first and lines[cut].block == lines[cut - 1].block \
                and (cut - 2 < first or lines[cut - 2].block != lines[cut - 1].block):
            cut -= 1  # no paragraph leaves its first line alone at the foot of a page
        return cut if cut > first else index

    # --- painting -------------------------------------------------------------------------------------------
    def paint(self) -> int:
        """Paint every page on the device; returns the number of pages."""
        painter = QPainter(self.device)
        try:
            for number, page in enumerate(self.pages, 1):
                if number > 1:
                    self.device.newPage()
                self._page(painter, number, page)
        finally:
            painter.end()
        return len(self.pages)

    def _page(self, painter: QPainter, number: int, page: Page) -> None:
        painter.save()
        painter.translate(self.left, self.top - page.start)
        clip = QRectF(0, page.start, self.width, page.end - page.start + 1)
        self.body.drawContents(painter, clip)
        self._rules(painter, page)
        painter.restore()
        if page.notes:
            height = sum(self.note_height(key) for key in page.notes)
            y = self.top + self.height - height
            painter.setPen(QPen(Qt.GlobalColor.black, self.px(0.5)))
            painter.drawLine(QPointF(self.left, y - self.px(NOTE_LINE * 0.75)),
                             QPointF(self.left + self.px(1.5 * INCH), y - self.px(NOTE_LINE * 0.75)))
            for key in page.notes:
                painter.save()
                painter.translate(self.left, y)
                self.notes[key].drawContents(painter)
                painter.restore()
                y += self.note_height(key)
        if number > 1:
            self._running(painter, number)

    def _rules(self, painter: QPainter, page: Page) -> None:
        """The rule over the session line of the header block."""
        block = self.body.firstBlock()
        while block.isValid():
            if block.userState() == 1 and block.layout().lineCount():
                y = block.layout().position().y() + block.layout().lineAt(0).y() - self.px(3)
                if page.start <= y <= page.end:
                    painter.setPen(QPen(Qt.GlobalColor.black, self.px(1.5)))
                    painter.drawLine(QPointF(0, y), QPointF(self.width, y))
            block = block.next()

    def _running(self, painter: QPainter, number: int) -> None:
        """From page 2: the symbol at the head (right on odd pages, left on even ones) and "2/9" at the foot."""
        painter.setPen(QPen(Qt.GlobalColor.black, self.px(0.5)))
        painter.setFont(font(8.5, bold=True))
        side = Qt.AlignmentFlag.AlignRight if number % 2 else Qt.AlignmentFlag.AlignLeft
        head = QRectF(self.left, self.px(HEAD_AT), self.width, self.px(12))
        if self.paper.symbol:
            painter.drawText(head, int(side | Qt.AlignmentFlag.AlignBottom), self.paper.symbol)
            painter.drawLine(QPointF(self.left, head.bottom() + self.px(3)),
                             QPointF(self.left + self.width, head.bottom() + self.px(3)))
        foot = QRectF(self.left, self.page.height() - self.px(FOOT_AT) - self.px(12), self.width, self.px(12))
        painter.drawText(foot, int(side | Qt.AlignmentFlag.AlignBottom), f"{number}/{len(self.pages)}")


def _mark(fmt: QTextCharFormat, mark: str) -> None:
    if mark == DELETE:
        fmt.setFontStrikeOut(True)
    elif mark == INSERT:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontUnderline(True)
