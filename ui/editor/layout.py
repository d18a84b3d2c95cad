"""The resolution laid out in a QTextDocument as it reads on paper, one text block per unit.

A unit is a paragraph, heading, footnote or front-matter field. Each block carries its
unit's key and kind as block-format properties. The printed label ("1.", "(a)") and the
margin label ("OP5(a)") of a unit are painted by the editor (see `blocks.Blocks.labels`),
never part of the text, so typing can never damage them and renumbering rewrites no block.
Footnote references are one object character each (U+FFFC) whose format names the
footnote; `NoteMarker` draws its current number. A bracket mark is its own "[" or "]" in a
format of its own (bold, coloured) that names its pair and holder (`P_BRACKET`), read back
as the same `Bracket`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
)

from drafter.labels import SUB_LEVELS, printed
from drafter.model import (
    Block,
    Bracket,
    Content,
    CrossHeading,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    sub_label,
)
from drafter.parts import annex_part

P_KEY = QTextFormat.Property.UserProperty + 1
P_KIND = QTextFormat.Property.UserProperty + 2
P_NOTE = QTextFormat.Property.UserProperty + 5
P_BRACKET = QTextFormat.Property.UserProperty + 6  # "pair\x1fholder" of a bracket mark
BRACKET_COLOUR = QColor("#8a1c1c")
NOTE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
OBJECT_CHAR = "\ufffc"
LINE_BREAK = "\u2028"

GUTTER = 78  # room on the left for the margin labels (PP3, OP5(a))
INDENT = 36  # one level of indentation, and the room for a printed label

FIELD, FORMULA, PP, OP, SUB, HEADING, NOTE, CLOSING, ANNEX_HEAD, ANNEX_PARA = (
    "field", "formula", "pp", "op", "sub", "heading", "note", "closing", "annex-head", "annex-para")
TEXT_KINDS = (PP, OP, SUB, HEADING, ANNEX_PARA)  # blocks of the body: Enter, Tab and friends work here

FRONT_FIELDS = ("organ", "symbol", "date", "session", "adoption", "report", "sponsors", "number", "title")


def serif(size: float = 12.0) -> QFont:
    """The text face of the editor and the review views. (Qt's `PreferNoShaping` would lay text out a
    sixth quicker, but it leaves Arabic letters unjoined.)"""
    font = QFont()
    font.setFamilies(["Times New Roman", "Liberation Serif", "DejaVu Serif"])
    font.setPointSizeF(size)
    return font


@dataclass
class Unit:
    key: str
    kind: str
    content: Content
    depth: int = 0
    label: str = ""
    margin: str = ""


def field_key(*path: str | int) -> str:
    return "field:" + ".".join(str(p) for p in path)


def field_path(key: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in key[len("field:"):].split("."))


def units(res: Resolution) -> Iterator[Unit]:
    """Every unit of the resolution in reading order."""
    front = res.front
    for name in FRONT_FIELDS:
        value = getattr(front, name)
        if value or name == "title" or (name == "sponsors" and front.doc_type != "resolution"):
            yield Unit(field_key("front", name), FIELD, (Text(value),) if value else (), margin=name)
    yield Unit(field_key("formula"), FORMULA, (Text(res.formula),) if res.formula else (), margin="formula")
    labels = res.labels()
    ops = res.operatives()
    yield from _blocks(res, res.preamble, labels, False, len(ops))
    yield from _blocks(res, res.operative, labels, True, len(ops))
    for index, line in enumerate(res.closing):
        yield Unit(field_key("closing", index), CLOSING, (Text(line),) if line else (), margin="closing")
    for number, annex in enumerate(res.annexes, 1):
        for index, line in enumerate(annex.heading):
            yield Unit(field_key("annexes", number - 1, "heading", index), ANNEX_HEAD, (Text(line),),
                       margin=annex_part(number) if index == 0 else "")
        count = 0
        for block in annex.blocks:
            if isinstance(block, CrossHeading):
                yield Unit(block.id, HEADING, block.content, margin="heading")
                continue
            count += 1
            yield Unit(block.id, ANNEX_PARA, block.content, 0, f"{count}." if annex.numbered else "",
                       f"A{number}.{count}")
            yield from _children(res, block, 1, f"A{number}.{count}")
    for index, note in enumerate(res.footnotes, 1):
        yield Unit(note.id, NOTE, note.content, label=str(index), margin="note" if index == 1 else "")


def _blocks(res: Resolution, blocks: list[Block], labels: dict[str, str], operative: bool,
            op_count: int) -> Iterator[Unit]:
    for block in blocks:
        if isinstance(block, CrossHeading):
            yield Unit(block.id, HEADING, block.content, margin="heading")
            continue
        margin = labels.get(block.id, "")
        label = printed(margin) if operative and op_count > 1 else ""  # "5.", "5 bis.", "5 alt 1."
        yield Unit(block.id, OP if operative else PP, block.content, 0, label, margin)
        yield from _children(res, block, 1, margin, labels)


def _children(res: Resolution, para: Paragraph, depth: int, prefix: str,
              labels: dict[str, str] | None = None) -> Iterator[Unit]:
    for index, child in enumerate(para.children, 1):
        label = sub_label(depth, index, res.language, para.list_style)
        margin = (labels or {}).get(child.id) or f"{prefix}({label.strip('().')})"
        yield Unit(child.id, SUB, child.content, depth, label, margin)
        yield from _children(res, child, depth + 1, margin, labels)


# --- formats -------------------------------------------------------------------------------
def label_room(label: str) -> int:
    """How many indents the printed label of a paragraph takes: none, one ("12."), or two for a negotiation
    label ("5 bis.", "5 alt 2.")."""
    return 0 if not label else 1 if len(label) <= 4 else 2


def block_format(unit: Unit) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(P_KEY, unit.key)
    fmt.setProperty(P_KIND, unit.kind)
    fmt.setBottomMargin(6)
    left = GUTTER
    if unit.kind == PP:
        fmt.setTextIndent(INDENT)
    elif unit.kind in (OP, ANNEX_PARA):
        fmt.setTextIndent(INDENT * label_room(unit.label))
    elif unit.kind == SUB:  # levels deeper than the Editorial Manual's are indented as its deepest
        left = GUTTER + INDENT * (min(unit.depth, SUB_LEVELS) + 1)
    elif unit.kind == NOTE:
        left = GUTTER + 18
        fmt.setBottomMargin(2)
    elif unit.kind in (HEADING, ANNEX_HEAD):
        fmt.setTopMargin(6)
    elif unit.kind == FIELD and unit.key.endswith(".title"):
        fmt.setTopMargin(6)
        fmt.setBottomMargin(10)
    elif unit.kind == FORMULA:
        fmt.setTextIndent(INDENT)
    fmt.setLeftMargin(left)
    fmt.setRightMargin(12)
    return fmt


_CHAR_FORMATS: dict[tuple[str, bool], QTextCharFormat] = {}


def char_format(unit_kind: str, item: Text | None = None) -> QTextCharFormat:
    italic = item is not None and item.italic
    found = _CHAR_FORMATS.get((unit_kind, italic))
    if found is None:
        found = QTextCharFormat()
        size = 10.0 if unit_kind == NOTE else 12.0
        if unit_kind == FIELD:
            size = 10.5
        found.setFont(serif(size))
        if unit_kind in (HEADING, ANNEX_HEAD):
            found.setFontWeight(QFont.Weight.Bold)
        if italic:
            found.setFontItalic(True)
        _CHAR_FORMATS[(unit_kind, italic)] = found
    return QTextCharFormat(found)  # a copy: callers may change theirs


def note_format(note_id: str, unit_kind: str) -> QTextCharFormat:
    fmt = char_format(unit_kind)
    fmt.setObjectType(NOTE_OBJECT)
    fmt.setProperty(P_NOTE, note_id)
    return fmt


def bracket_format(item: Bracket, unit_kind: str) -> QTextCharFormat:
    fmt = char_format(unit_kind)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setForeground(BRACKET_COLOUR)
    fmt.setProperty(P_BRACKET, f"{item.pair}\x1f{item.holder}")
    return fmt


def is_bracket_format(fmt: QTextFormat) -> bool:
    return fmt.hasProperty(P_BRACKET)


def write_content(cursor: QTextCursor, unit_kind: str, content: Sequence[Inline]) -> None:
    for item in content:
        if isinstance(item, NoteRef):
            cursor.insertText(OBJECT_CHAR, note_format(item.note, unit_kind))
        elif isinstance(item, Bracket):
            cursor.insertText(item.text, bracket_format(item, unit_kind))
        else:
            cursor.insertText(item.text.replace("\n", LINE_BREAK), char_format(unit_kind, item))
    cursor.setCharFormat(char_format(unit_kind))


def fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The runs of one format in a text block, in order."""
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if frag.isValid():
            yield frag


def read_content(block: QTextBlock) -> Content:
    """The content of a text block as model inlines."""
    out: list[Inline] = []
    for frag in fragments(block):
        fmt = frag.charFormat()
        text = frag.text()
        if fmt.objectType() == NOTE_OBJECT:
            note = str(fmt.property(P_NOTE))
            out.extend(NoteRef(note) for ch in text if ch == OBJECT_CHAR)
            continue
        if fmt.hasProperty(P_BRACKET):
            pair, _sep, holder = str(fmt.property(P_BRACKET)).partition("\x1f")
            for char in text:  # the mark, and anything typed into its format by other means than keys
                out.append(Bracket(char, False, holder, pair) if char in "[]" else Text(char, fmt.fontItalic()))
            continue
        text = text.replace(OBJECT_CHAR, "").replace(LINE_BREAK, "\n")
        if not text:
            continue
        italic = fmt.fontItalic()
        if out and type(out[-1]) is Text and out[-1].italic == italic:
            out[-1] = Text(out[-1].text + text, italic)
        else:
            out.append(Text(text, italic))
    return tuple(out)


def key_of(block: QTextBlock) -> str:
    value = block.blockFormat().property(P_KEY)
    return str(value) if value is not None else ""


def kind_of(block: QTextBlock) -> str:
    value = block.blockFormat().property(P_KIND)
    return str(value) if value is not None else ""


class NoteMarker(QPyTextObject):
    """Draws a footnote reference as its current number, raised and smaller.

    Qt's line breaker treats an inline object as a place to break before, so a marker that does not fit
    after the word it follows would go alone to the next line. Asked for its size while the line it
    stands on is being laid out, the marker measures that line up to itself: where it would not fit, it
    takes no width and hangs into the right margin, after the word it belongs to."""

    def __init__(self, marker: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.marker = marker

    def _font(self, fmt: QTextFormat) -> QFont:
        font = QFont(fmt.toCharFormat().font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
        return font

    def width(self, fmt: QTextFormat) -> float:
        return QFontMetricsF(self._font(fmt)).horizontalAdvance(self.marker(str(fmt.property(P_NOTE)))) + 1

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        width = self.width(fmt)
        if self.hangs(doc, pos, width):
            width = 0.0
        return QSizeF(width, QFontMetricsF(fmt.toCharFormat().font()).ascent())

    def hangs(self, doc: QTextDocument, pos: int, width: float) -> bool:
        """Whether the marker at document position `pos`, `width` wide, would not fit on the line being laid
        out after the text before it (the line is the last one its block's layout has so far)."""
        block = doc.findBlock(pos)
        layout = block.layout()
        if layout is None or not layout.lineCount():
            return False
        line = layout.lineAt(layout.lineCount() - 1)
        start = block.position() + line.textStart()
        if pos <= start:
            return False  # the marker opens the line, or stands on a line laid out before
        used = 0.0
        for fragment in fragments(block):
            first, last = max(fragment.position(), start), min(fragment.position() + fragment.length(), pos)
            if first >= last:
                continue
            fmt = fragment.charFormat()
            if fmt.objectType() == NOTE_OBJECT:
                used += (last - first) * self.width(fmt)
            else:
                piece = fragment.text()[first - fragment.position():last - fragment.position()]
                used += QFontMetricsF(fmt.font()).horizontalAdvance(piece)
        return used + width > line.width() - 0.5

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, pos: int,
                   fmt: QTextFormat) -> None:
        text = self.marker(str(fmt.property(P_NOTE)))
        font = self._font(fmt)
        painter.save()
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        painter.drawText(QPointF(rect.left(), rect.top() + metrics.ascent()), text)
        painter.restore()
