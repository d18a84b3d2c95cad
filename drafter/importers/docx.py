"""Reading Word .docx resolutions into `RawDoc`.

The package is opened by hand with a guard (`docx_package`); python-docx is not used for reading: it
would parse hostile parts unguarded, and its `.text` drops inserted text.

Each Word paragraph is one block, table cells included: Word's paragraphs are the document's own, so the
structure builder never joins them as it joins the halves of a paragraph a PDF page cut
(`RawDoc.whole_paragraphs`). The text is read as it stands with all tracked changes accepted: `w:ins` and
`w:moveTo` kept, `w:del` and `w:moveFrom` dropped, and only a deleted paragraph mark joins a paragraph to
the next, as Word does when it accepts the deletion. Automatic numbering is resolved to the label Word
prints ("1.", "(a)", "(i)"). Footnote and endnote references get the printed marker, one numbering for both
in order of first reference: endnotes become footnotes of the model, with a warning saying so.

Besides runs of text, the reader reads:
- text boxes and shapes with text (`w:txbxContent`, once even where `mc:AlternateContent` holds the same
  box twice): the paragraphs of a box follow, as paragraphs of their own, the paragraph that anchors it;
- equations (`m:oMath`, `m:oMathPara`) as linear text in their paragraph ("(a)/(b)", "x^2"; `docx_math`);
- embedded documents (`w:altChunk`): a .docx through this same reader, HTML, .mht and text as paragraphs,
  all where the chunk stands;
- content controls (`w:sdt`) in the body, in paragraphs, rows and cells; the results of fields, and not
  their instructions.

What it does not read it names in a warning with the place ("paragraph 14 ('Reaffirming its…'): a chart was
not read"): hidden text (`w:vanish`, left out), pictures, charts, diagrams, embedded objects, embedded files
of other kinds, and any element holding text that the reader does not know. Headers and footers are not read.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from drafter.errors import ImportFailed
from drafter.importers.blocks import RawBlock, RawDoc, no_cycle_collection
from drafter.importers.docx_content import ALTERNATE, chosen, chunk_kind, chunk_paragraphs, shape_content
from drafter.importers.docx_math import OMATH, OMATH_PARA, linear
from drafter.importers.docx_package import ZIP_ERRORS, Package, sniff
from drafter.importers.docx_props import ILVL, NUMID, NUMPR, PPR, RPR, Numbering, Styles, int_attr, val, w
from drafter.importers.docx_text import (
    BLOCK_WRAPPERS,
    DEL,
    ENDNOTE_REF,
    FOOTNOTE_REF,
    INLINE_WRAPPERS,
    MOVE_FROM,
    P,
    R,
    T,
    bookmarked_notes,
    by_tag,
    count_revisions,
    has_text,
    mark_revision,
    paragraphs,
    properties,
    quote,
    row_deleted,
    spaced,
    summary,
    sym,
    tidy,
    typed_label,
    untab,
)
from drafter.model import Content, Inline, NoteRef, Text, plain_text, trim_runs

BODY = w("body")
FLD_SIMPLE, FLD_CHAR, INSTR_TEXT = w("fldSimple"), w("fldChar"), w("instrText")
ALT_CHUNK, VANISH, ITALIC, JC = w("altChunk"), w("vanish"), w("i"), w("jc")
SYM, RUBY, SUB_DOC = w("sym"), w("ruby"), w("subDoc")
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_NOTEREF = re.compile(r"\s*NOTEREF\s+(\S+)")
MAX_NESTING = 4  # documents embedded in embedded documents
_SHAPES = {w("drawing"), w("pict"), w("object")}
_SPACES = {w(t): " " for t in ("br", "cr", "ptab")} | {w("tab"): "\t", w("noBreakHyphen"): "-"}


def read_docx(path: str) -> RawDoc:
    """The paragraphs, labels and footnotes of a Word document, tracked changes accepted."""
    sniff(path)
    try:
        archive = zipfile.ZipFile(path)
    except (*ZIP_ERRORS, ValueError) as exc:
        raise ImportFailed(path, "is not a Word document (.docx): it is not a valid zip package") from exc
    with archive, no_cycle_collection():
        try:
            return _Reader(Package(path, archive)).read()
        except ZIP_ERRORS as exc:
            raise ImportFailed(path, f"is damaged and cannot be read ({exc})") from exc


@dataclass
class _Field:
    instruction: str = ""
    result: bool = False  # past the separator: the printed result is read
    noteref: bool = False  # the result is the number of a note cited again: a reference stands for it


@dataclass
class _Shared:
    """What the reader of a document and those of the documents embedded in it build together."""

    out: RawDoc
    numbered: int = 0  # notes numbered so far (custom marks are not)
    endnotes: int = 0  # endnotes read as footnotes
    changes: int = 0  # tracked changes read as accepted


@dataclass
class _Paragraph:
    """What the paragraph being read holds besides its runs."""

    boxes: list[etree._Element] = field(default_factory=list)  # text boxes anchored in it
    issues: list[str] = field(default_factory=list)  # what was not read
    hidden: list[str] = field(default_factory=list)  # hidden text, left out
    place: str | None = None  # where it is, if not a paragraph of the body ("footnote 3")


def _hidden(rpr: etree._Element | None) -> bool:
    """Whether a paragraph mark's properties hide it (`w:vanish`): Word then runs the paragraph into the next."""
    vanish = rpr.find(w("vanish")) if rpr is not None else None
    return vanish is not None and vanish.get(w("val"), "true").lower() not in ("0", "false", "off")


class _Reader:
    def __init__(self, package: Package, shared: _Shared | None = None, depth: int = 0) -> None:
        self.package, self.depth = package, depth
        self.shared = shared if shared is not None else _Shared(RawDoc(whole_paragraphs=True))
        self.out = self.shared.out
        main = package.main_part()
        self.doc = package.xml(main)
        if self.doc is None or self.doc.tag != w("document") or self.doc.find(BODY) is None:
            package.fail("is not a Word document: its main part has no document body")
        self.relations = package.relations(main)
        rels = package.rels(main)
        styles_root = package.xml(rels.get("styles"))
        self.styles = Styles(styles_root)
        self.numbering = Numbering(package.xml(rels.get("numbering")), self.styles)
        self.notes: dict[tuple[str, str], etree._Element] = {}
        self.note_roots = [package.xml(rels.get("footnotes")), package.xml(rels.get("endnotes"))]
        for kind, root in zip(("foot", "end"), self.note_roots, strict=True):
            for note in root.iterchildren(w(f"{kind}note")) if root is not None else ():
                if note.get(w("type"), "normal") == "normal":
                    self.notes[(kind, note.get(w("id"), ""))] = note
        self.bookmarks = bookmarked_notes(self.doc)
        self.markers: dict[tuple[str, str], str] = {}
        self.fields: list[_Field] = []  # the complex fields open at this point, outermost first
        self.showing = True  # the text at this point is printed (not a field instruction)
        self.in_note = False
        self.pending: list[Inline] = []  # a paragraph whose mark was deleted: it runs on into the next
        self.para = _Paragraph()
        self.math: set[int] = set()  # ids of the runs that are equations, in the paragraph being read
        self.styled: dict[tuple[str, str | None], etree._Element | None] = {}  # paragraph properties of styles
        # hidden text is looked for only in a file that hides some
        self.hides = any(next(root.iter(VANISH), None) is not None
                         for root in (self.doc, styles_root, *self.note_roots) if root is not None)

    def read(self) -> RawDoc:
        body = self.doc.find(BODY) if self.doc is not None else None
        if body is not None:
            self.read_blocks(body)
        if self.pending:  # the last paragraph mark was deleted: the text stands as a paragraph of its own
            self.complete({}, self.styles.para_style(None), self.pending, numbered=False)
        self.shared.changes += sum(count_revisions(root) for root in (self.doc, *self.note_roots))
        if self.depth == 0:
            self.out.warnings += summary(self.shared.changes, self.shared.endnotes, self.out.notes)
        return self.out

    # --- blocks -------------------------------------------------------------
    def read_blocks(self, parent: etree._Element) -> None:
        """Paragraphs, tables, content controls and embedded documents in reading order."""
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child)
            elif tag in BLOCK_WRAPPERS:
                if not row_deleted(child):
                    self.read_blocks(child)
            elif tag == ALT_CHUNK:
                self.alt_chunk(child)
            elif tag == ALTERNATE:
                branch = chosen(child)
                if branch is not None:
                    self.read_blocks(branch)
            elif tag not in (DEL, MOVE_FROM) and isinstance(tag, str) and has_text(child):
                self.warn_here(f"the text of a {etree.QName(child).localname} element was not read")

    def paragraph(self, p: etree._Element) -> None:
        ppr = properties(p)
        props = by_tag(ppr)
        pstyle = self.styles.para_style(ppr)
        content = [*self.pending, *self.inlines(p, pstyle)]
        if self.fields and not self.fields[-1].result:
            self.unfinished_fields()
        mark = mark_revision(props.get(RPR))
        if (mark is not None and mark.tag in (DEL, MOVE_FROM)) or _hidden(props.get(RPR)):
            self.pending = content  # the mark is deleted or hidden: the paragraph runs on into the next one
            return
        self.pending = []
        self.complete(props, pstyle, content)

    def complete(self, props: dict[str, etree._Element], pstyle: str | None, content: list[Inline],
                 numbered: bool = True) -> None:
        """The block of a paragraph read, the warnings about it, then the paragraphs of its text boxes."""
        block = self.block(props, pstyle, content, numbered)
        if block is not None:
            self.out.blocks.append(block)
        para = self.para
        if para.boxes or para.issues or para.hidden:
            self.para = _Paragraph()
            self.report(para, block is not None)
            for box in para.boxes:
                self.read_blocks(box)

    def place(self, own_block: bool) -> str:
        blocks = self.out.blocks
        if not blocks:
            return "at the start of the document"
        where = f"paragraph {len(blocks)} ('{quote(plain_text(blocks[-1].content))}')"
        return where if own_block else f"after {where}"

    def report(self, para: _Paragraph, own_block: bool) -> None:
        if not (para.hidden or para.issues):
            return
        place = para.place or self.place(own_block)
        hidden = " ".join(" ".join(para.hidden).split())
        if hidden:
            self.out.warnings.append(f"{place}: hidden text was left out ('{quote(hidden, 8)}')")
        for issue, count in Counter(para.issues).items():
            self.out.warnings.append(f"{place}: {issue}" + (f" ({count} times)" if count > 1 else ""))

    def warn_here(self, issue: str) -> None:
        self.out.warnings.append(f"{self.place(False)}: {issue}")

    def block(self, props: dict[str, etree._Element], pstyle: str | None, raw: list[Inline],
              numbered: bool) -> RawBlock | None:
        jc = val(self.para_prop(JC, pstyle, props))
        label, level = self.number(pstyle, props) if numbered else (None, None)
        content = tidy(raw)
        if label is not None and (problem := self.numbering.problem(plain_text(content))):
            self.out.warnings.append(problem)
        if label is None:
            label, content = typed_label(content)
        content = untab(content)
        if not any(isinstance(it, NoteRef) or it.text.strip() for it in content):
            return None
        return RawBlock(content, label=label, level=level, centered=jc == "center")

    def para_prop(self, tag: str, pstyle: str | None, props: dict[str, etree._Element]) -> etree._Element | None:
        """A paragraph property set on the paragraph, else by its style (looked up once per style)."""
        found = props.get(tag)
        if found is None:
            key = (tag, pstyle)
            if key not in self.styled:
                self.styled[key] = self.styles.para_prop(tag, pstyle, None)
            found = self.styled[key]
        return found

    def number(self, pstyle: str | None, props: dict[str, etree._Element]) -> tuple[str | None, int | None]:
        direct = props.get(NUMPR)
        num_id, ilvl = val(direct.find(NUMID)) if direct is not None else None, None
        if direct is not None and direct.find(ILVL) is not None:
            ilvl = int_attr(val(direct.find(ILVL)), 0, 0, 8)
        if num_id is None or ilvl is None:
            styled = self.para_prop(NUMPR, pstyle, {})
            if styled is not None:
                num_id = num_id if num_id is not None else val(styled.find(NUMID))
                if ilvl is None and styled.find(ILVL) is not None:
                    ilvl = int_attr(val(styled.find(ILVL)), 0, 0, 8)
        if num_id is None or num_id == "0":
            return None, None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, pstyle)
        label = self.numbering.label(num_id, ilvl)
        return (label, ilvl) if label is not None else (None, None)

    # --- embedded documents ---------------------------------------------------------
    def alt_chunk(self, el: etree._Element) -> None:
        """A document embedded where it stands: its paragraphs are read as this document's."""
        kind_and_name = self.relations.get(el.get(_R_ID) or "")
        data = self.package.read(kind_and_name[1]) if kind_and_name else None
        if kind_and_name is None or data is None:
            self.warn_here("an embedded document is missing from the file and was not read")
            return
        kind = chunk_kind(kind_and_name[1], data)
        if kind == "docx":
            self.embedded_docx(data)
        elif kind in ("html", "mht", "text"):
            paragraphs, issues = chunk_paragraphs(kind, data)
            for issue in issues:
                self.warn_here(issue)
            for content in paragraphs:
                self.out.blocks.append(RawBlock(content))
        else:
            self.warn_here(f"an embedded {kind} was not read")

    def embedded_docx(self, data: bytes) -> None:
        if self.depth + 1 >= MAX_NESTING:
            self.warn_here(f"a Word document embedded {MAX_NESTING} levels deep was not read")
            return
        place = self.place(False)
        try:
            _Reader(Package.embedded(self.package, data), self.shared, self.depth + 1).read()
        except (*ZIP_ERRORS, ValueError) as exc:
            self.out.warnings.append(f"{place}: an embedded Word document is damaged and was not read ({exc})")
        except ImportFailed as exc:
            self.out.warnings.append(f"{place}: an embedded Word document was not read: it {exc.reason}")

    # --- runs -------------------------------------------------------------------------
    def inlines(self, p: etree._Element, pstyle: str | None) -> list[Inline]:
        out: list[Inline] = []
        self._walk(p, pstyle, out)
        if self.math:
            out = spaced(out, self.math)
            self.math.clear()
        return out

    def _walk(self, parent: etree._Element, pstyle: str | None, out: list[Inline]) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                self._run(child, pstyle, out)
            elif tag in INLINE_WRAPPERS:
                if tag != FLD_SIMPLE or not self._noteref(child.get(w("instr"), ""), out):
                    self._walk(child, pstyle, out)
            elif tag in (OMATH, OMATH_PARA):
                if self.showing and (text := linear(child)):
                    item = Text(text)
                    self.math.add(id(item))
                    out.append(item)
            elif tag == ALTERNATE:
                branch = chosen(child)
                if branch is not None:
                    self._walk(branch, pstyle, out)
            elif tag == SUB_DOC:
                self.para.issues.append("a linked subdocument was not read")
            elif tag not in (DEL, MOVE_FROM, PPR) and isinstance(tag, str) and has_text(child):
                self.para.issues.append(f"the text of a {etree.QName(child).localname} element was not read")

    def _noteref(self, instruction: str, out: list[Inline]) -> bool:
        """A NOTEREF field to a bookmarked note reference cites that note again (Word's way)."""
        match = _NOTEREF.match(instruction)
        note = self.bookmarks.get(match.group(1)) if match else None
        if note is None or self.in_note:
            return False
        out.append(NoteRef(self.marker(*note)))
        return True

    def _field_char(self, kind: str, out: list[Inline]) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            current = self.fields[-1]
            current.result = True
            current.noteref = self._noteref(current.instruction, out) if self.showing_outside() else False
        elif kind == "end" and self.fields:
            self.fields.pop()
        self.showing = all(f.result and not f.noteref for f in self.fields)

    def unfinished_fields(self) -> None:
        """A field whose instruction runs past its paragraph is damaged: close it, or it hides all that follows."""
        while self.fields and not self.fields[-1].result:
            self.fields.pop()
        self.showing = all(f.result and not f.noteref for f in self.fields)

    def showing_outside(self) -> bool:
        """The fields around the innermost one all show their results."""
        return all(f.result and not f.noteref for f in self.fields[:-1])

    def _run(self, r: etree._Element, pstyle: str | None, out: list[Inline]) -> None:
        rpr = properties(r)
        if self.hides and self.styles.run_prop(VANISH, pstyle, rpr):
            self._hidden_run(r, out)
            return
        italic = self.styles.run_prop(ITALIC, pstyle, rpr)
        custom: list[tuple[str, str]] = []  # a note whose printed mark is the text that follows
        self._children(r, pstyle, italic, out, custom)
        if custom:
            out.append(NoteRef(self.marker(*custom[0])))

    def _children(self, parent: etree._Element, pstyle: str | None, italic: bool, out: list[Inline],
                  custom: list[tuple[str, str]]) -> None:
        for child in parent:
            tag = child.tag
            if tag == T and self.showing and not custom:
                out.append(Text(child.text or "", italic))
            elif tag == RPR:
                continue
            elif tag == FLD_CHAR:
                self._field_char(child.get(w("fldCharType"), ""), out)
            elif tag == INSTR_TEXT:
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instruction += child.text or ""
            elif not self.showing:
                continue  # a field's instruction, or the printed number of a note cited again
            elif tag == T:
                if (child.text or "").strip():
                    out.append(NoteRef(self.marker(*custom.pop(), (child.text or "").strip())))
                else:
                    out.append(Text(child.text or "", italic))
            elif tag in _SPACES:
                out.append(Text(_SPACES[tag], italic))
            elif tag == SYM:
                out.append(Text(sym(child), italic))
            elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
                self._reference(child, out, custom)
            elif tag in _SHAPES:
                boxes, issues = shape_content(child)
                self.para.boxes.extend(boxes)
                self.para.issues.extend(issues)
            elif tag == ALTERNATE:
                branch = chosen(child)
                if branch is not None:
                    self._children(branch, pstyle, italic, out, custom)
            elif tag == RUBY:  # the base text; the phonetic guide above it is not read
                base = child.find(w("rubyBase"))
                self._walk(child if base is None else base, pstyle, out)
                if (guide := child.find(w("rt"))) is not None and has_text(guide):
                    self.para.issues.append("a phonetic guide was not read")
            elif isinstance(tag, str) and has_text(child):
                self.para.issues.append(f"the text of a {etree.QName(child).localname} element was not read")

    def _reference(self, ref: etree._Element, out: list[Inline], custom: list[tuple[str, str]]) -> None:
        if self.in_note:
            return
        note = ("end" if ref.tag == ENDNOTE_REF else "foot", ref.get(w("id"), ""))
        if ref.get(w("customMarkFollows"), "0").lower() in ("1", "true", "on"):
            custom.append(note)
        else:
            out.append(NoteRef(self.marker(*note)))

    def _hidden_run(self, r: etree._Element, out: list[Inline]) -> None:
        """A run Word does not print: its fields still open and close, its text is named in a warning."""
        for child in r:
            if child.tag == FLD_CHAR:
                self._field_char(child.get(w("fldCharType"), ""), out)
            elif child.tag == INSTR_TEXT and self.fields and not self.fields[-1].result:
                self.fields[-1].instruction += child.text or ""
            elif self.showing and child.tag == T:
                self.para.hidden.append(child.text or "")
            elif self.showing and child.tag in (FOOTNOTE_REF, ENDNOTE_REF):
                self.para.hidden.append(" [a note reference] ")
            elif self.showing and child.tag in _SHAPES and has_text(child):
                self.para.hidden.append(" " + " ".join(t.text or "" for t in child.iter(T)) + " ")

    # --- notes --------------------------------------------------------------------------
    def marker(self, kind: str, note_id: str, custom: str | None = None) -> str:
        """The printed marker of a note, numbering it at its first reference."""
        key = (kind, note_id)
        if key not in self.markers:
            if custom is None:
                self.shared.numbered += 1
            marker = custom or str(self.shared.numbered)
            self.markers[key] = marker
            if kind == "end" and key in self.notes:
                self.shared.endnotes += 1
            self.out.notes[marker] = self.note_content(key, marker)
        return self.markers[key]

    def note_content(self, key: tuple[str, str], marker: str) -> Content:
        """The text of a note as one run of inlines, its paragraphs and text boxes joined by spaces."""
        note = self.notes.get(key)
        if note is None:
            return ()
        saved = (self.para, self.fields, self.showing, self.math)
        self.para, self.fields, self.showing, self.math = _Paragraph(place=f"footnote {marker}"), [], True, set()
        self.in_note = True
        try:
            content: list[Inline] = []
            queue = list(paragraphs(note))
            while queue:
                p = queue.pop(0)
                content.extend([*self.inlines(p, self.styles.para_style(properties(p))), Text(" ")])
                queue.extend(p for box in self.para.boxes for p in paragraphs(box))
                self.para.boxes.clear()
            self.report(self.para, False)
        finally:
            self.in_note = False
            self.para, self.fields, self.showing, self.math = saved
        return untab(trim_runs(content))
