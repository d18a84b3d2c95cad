"""The corpus files python-docx writes, with lxml for what python-docx has no API for: notes, text boxes
in mc:AlternateContent, equations, numbering definitions, hidden runs, fields, tracked changes with
deleted paragraph marks, content controls and altChunk parts.

Paragraph markup: `*italic*`, `[^n]` a footnote, `[^en:n]` an endnote, `[^*n]` a footnote with the custom
mark "*", `{hidden}` a hidden run, `{+inserted+}` and `{-deleted-}` tracked changes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import docx
import un_source
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = {
    "w": W, "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main", "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
DECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
REVISION = 'w:author="Delegate" w:date="2025-11-20T10:00:00Z"'
_ids = iter(range(100, 10_000))


def xml(text: str) -> etree._Element:
    """An element from a fragment in the w:, m:, mc:, wps:, wp:, a:, v: and r: prefixes."""
    wrapped = etree.fromstring(f"<root {DECLS}>{text}</root>")
    return wrapped[0]


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text: str, props: str = "", deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><w:rPr>{props}</w:rPr><{tag} xml:space="preserve">{esc(text)}</{tag}></w:r>'


class Writer:
    """A python-docx document with the parts python-docx cannot make."""

    def __init__(self) -> None:
        self.doc: Document = docx.Document()
        self.footnotes: dict[int, str] = {}
        self.endnotes: dict[int, str] = {}

    @property
    def body(self) -> etree._Element:
        return self.doc.element.body

    def runs(self, markup: str) -> str:
        out = []
        for piece in re.split(r"(\*[^*]+\*|\[\^(?:en:|\*)?\d+\]|\{[+-]?[^}]+\})", markup):
            if not piece:
                continue
            if piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
                out.append(run(piece[1:-1], "<w:i/>"))
            elif piece.startswith("[^en:"):
                out.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                           f'<w:endnoteReference w:id="{piece[5:-1]}"/></w:r>')
            elif piece.startswith("[^*"):
                out.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                           f'<w:footnoteReference w:customMarkFollows="1" w:id="{piece[3:-1]}"/><w:t>*</w:t></w:r>')
            elif piece.startswith("[^"):
                out.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                           f'<w:footnoteReference w:id="{piece[2:-1]}"/></w:r>')
            elif piece.startswith("{+"):
                out.append(f'<w:ins w:id="{next(_ids)}" {REVISION}>{run(piece[2:-1])}</w:ins>')
            elif piece.startswith("{-"):
                out.append(f'<w:del w:id="{next(_ids)}" {REVISION}>{run(piece[2:-1], deleted=True)}</w:del>')
            elif piece.startswith("{"):
                out.append(run(piece[1:-1], "<w:vanish/>"))
            else:
                out.append(run(piece))
        return "".join(out)

    def p(self, markup: str = "", style: str | None = None, ppr: str = "", extra: str = "") -> etree._Element:
        """A paragraph at the end of the body: `ppr` goes into its w:pPr, `extra` after its runs."""
        para = self.doc.add_paragraph(style=style)._p
        if ppr:
            para.get_or_add_pPr().extend(xml(f"<w:pPr>{ppr}</w:pPr>"))
        for child in xml(f"<w:p>{self.runs(markup)}{extra}</w:p>"):
            para.append(child)
        return para

    def add_part(self, name: str, content_type: str, relationship: str, blob: bytes) -> str:
        part = Part(PackURI(name), content_type, blob, self.doc.part.package)
        return self.doc.part.relate_to(part, relationship)

    def save(self, path: Path) -> None:
        for kind, notes in (("footnote", self.footnotes), ("endnote", self.endnotes)):
            if not notes:
                continue
            items = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
                     f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                     f"</w:r></w:p></w:{kind}>"]
            for number, text in notes.items():
                paragraphs = "".join(
                    f'<w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
                    f'{run(" ")}{self.runs(line)}</w:p>' for line in text.split("\n"))
                items.append(f'<w:{kind} w:id="{number}">{paragraphs}</w:{kind}>')
            blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    f'<w:{kind}s {DECLS}>{"".join(items)}</w:{kind}s>')
            content_type = CONTENT_TYPE.WML_FOOTNOTES if kind == "footnote" else CONTENT_TYPE.WML_ENDNOTES
            relationship = RELATIONSHIP_TYPE.FOOTNOTES if kind == "footnote" else RELATIONSHIP_TYPE.ENDNOTES
            self.add_part(f"/word/{kind}s.xml", content_type, relationship, blob.encode())
        self.doc.save(str(path))


# --- pieces python-docx has no API for ------------------------------------------------------------------
def text_box(paragraphs: list[str], writer: Writer, name: str = "Text Box") -> str:
    """A run holding a DrawingML text box with its VML fallback (Word's own way since 2010)."""
    body = "".join(f"<w:p>{writer.runs(p)}</w:p>" for p in paragraphs)
    shape_id = next(_ids)
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" '
        'distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="2743200" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{shape_id}" name="{name} {shape_id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="914400"/></a:xfrm><a:prstGeom prst="rect">'
        f"<a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape id="{name.replace(" ", "")}{shape_id}" type="#_x0000_t202" style="width:216pt;height:72pt">'
        f"<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>")


def vml_box(paragraphs: list[str], writer: Writer) -> str:
    """A text box as Word 2003 wrote it: VML alone."""
    body = "".join(f"<w:p>{writer.runs(p)}</w:p>" for p in paragraphs)
    return (f'<w:r><w:pict><v:shape id="OldBox{next(_ids)}" type="#_x0000_t202" style="width:216pt;height:72pt">'
            f"<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def mr(text: str) -> str:
    return f"<m:r><m:t>{esc(text)}</m:t></m:r>"


FRACTION = f"<m:oMath>{mr('x')}{mr('=')}<m:f><m:num>{mr('alpha')}</m:num><m:den>{mr('2')}</m:den></m:f></m:oMath>"
SUM = (f"<m:oMath><m:nary><m:naryPr><m:chr m:val=\"∑\"/></m:naryPr><m:sub>{mr('i')}{mr('=')}{mr('1')}</m:sub>"
       f"<m:sup>{mr('n')}</m:sup><m:e><m:sSup><m:e>{mr('share')}</m:e><m:sup>{mr('2')}</m:sup></m:sSup></m:e>"
       "</m:nary></m:oMath>")
ROOT = (f"<m:oMath><m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e>{mr('quota')}</m:e></m:rad>"
        f"{mr('≤')}{mr('0.001')}</m:oMath>")


def numbering(writer: Writer, levels: dict[int, list[tuple[str, str]]]) -> None:
    """Abstract lists by id (each level: numFmt, lvlText) with a num of the same id."""
    root = writer.doc.part.numbering_part.element
    first_num = root.find(qn("w:num"))
    for abstract_id, formats in levels.items():
        lvls = "".join(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for ilvl, (fmt, text) in enumerate(formats))
        element = xml(f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
                      f"{lvls}</w:abstractNum>")
        if first_num is not None:
            first_num.addprevious(element)
        else:
            root.append(element)
        root.append(xml(f'<w:num w:numId="{abstract_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))


def num(num_id: int, level: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def small_docx() -> bytes:
    """A document to embed as an altChunk."""
    inner = docx.Document()
    inner.add_paragraph("Embedded report of the Committee on Contributions.")
    inner.add_paragraph("The embedded document continues with its second paragraph.")
    table = inner.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Embedded cell"
    table.cell(0, 1).text = "Second embedded cell"
    buffer = io.BytesIO()
    inner.save(buffer)
    return buffer.getvalue()


CHUNK_HTML = ("<html><head><title>Chunk</title></head><body><h2>Imported statement</h2>"
              "<p>The delegation imported this statement as HTML.</p><ul><li>First imported point</li>"
              "<li>Second imported point</li></ul><table><tr><td>Imported cell</td></tr></table></body></html>")


def alt_chunk(writer: Writer, data: bytes, kind: str) -> etree._Element:
    index = next(_ids)
    if kind == "docx":
        name, content_type = f"/word/afchunk{index}.docx", CONTENT_TYPE.WML_DOCUMENT_MAIN
    else:
        name, content_type = f"/word/afchunk{index}.htm", "text/html"
    rel = writer.add_part(name, content_type, RELATIONSHIP_TYPE.A_F_CHUNK, data)
    chunk = xml(f'<w:altChunk r:id="{rel}"/>')
    writer.body.find(qn("w:sectPr")).addprevious(chunk)
    return chunk


# --- the feature documents ----------------------------------------------------------------------------
def tables(writer: Writer) -> None:
    writer.p("Contributions by region are set out in the tables below.")
    table = writer.doc.add_table(rows=5, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Scale of assessments for the period 2025–2027"
    for column, text in enumerate(["Region", "Share", "Floor"]):
        table.cell(1, column).text = text
    table.cell(2, 0).merge(table.cell(3, 0)).text = "African States"
    table.cell(2, 1).text, table.cell(2, 2).text = "3.2 per cent", "0.001"
    table.cell(3, 1).text = "Nested table follows"
    inner = table.cell(3, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Inner cell one", "Inner cell two"
    table.cell(4, 0).text, table.cell(4, 2).text = "Asia-Pacific States", "0.001"
    writer.p("Requests the Secretary-General to report on the scale.")
    small = writer.doc.add_table(rows=1, cols=2)
    small.cell(0, 0).text = "Single cell table with two paragraphs"
    small.cell(0, 0).add_paragraph("The second paragraph of the cell.")


def textboxes(writer: Writer) -> None:
    writer.p("Decides to keep the question under review.",
             extra=text_box(["Box: reporting obligations under the Charter."], writer))
    writer.p("Notes the report of the Committee on Contributions.")
    writer.p(extra=text_box(["Second box first paragraph.", "Second box closing words."], writer))
    writer.p("Requests the Secretary-General to continue to inform Member States.",
             extra=vml_box(["An old-style box written as VML alone."], writer))


def equations(writer: Writer) -> None:
    writer.p("The share is computed as", extra=FRACTION + run(" for each Member State."))
    writer.p(extra=f"<m:oMathPara>{SUM}</m:oMathPara>")
    writer.p("Decides that", extra=run(" ") + ROOT + run(" shall remain the minimum rate."))


def lists(writer: Writer) -> None:
    numbering(writer, {
        20: [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")],
        21: [("bullet", "•"), ("bullet", "–")],
        22: [("upperRoman", "%1.")],
        23: [("decimal", "Article %1.")],
        24: [("upperLetter", "%1)")],
    })
    writer.p("The General Assembly adopts the following measures:")
    for level, text in [(0, "Decides to establish a working group;"), (0, "Requests the working group:"),
                        (1, "To meet twice a year;"), (1, "To report on:"), (2, "its methods of work;"),
                        (2, "its budget;"), (1, "To consult regional groups;"),
                        (0, "Decides to remain seized of the matter.")]:
        writer.p(text, ppr=num(20, level))
    for level, text in [(0, "Peace and security"), (1, "Prevention"), (1, "Mediation"), (0, "Development"),
                        (0, "Human rights")]:
        writer.p(text, ppr=num(21, level))
    for text in ["Mandate", "Composition", "Budget"]:
        writer.p(text, ppr=num(22))
    for text in ["Scope of the present Convention.", "Use of terms."]:
        writer.p(text, ppr=num(23))
    for text in ["First option", "Second option"]:
        writer.p(text, ppr=num(24))
    writer.p("A paragraph in the template's numbered list style.", style="List Number")
    writer.p("A paragraph in the template's bulleted list style.", style="List Bullet")


def notes(writer: Writer) -> None:
    writer.footnotes = {1: "Resolution 70/1.", 2: "A/79/552-S/2024/767.", 3: "See A/80/29, chap. II.",
                        7: "A note with a custom mark."}
    writer.endnotes = {1: "Endnote on the reporting cycle of the Committee.",
                       2: "Endnote with two paragraphs.\nIts second part."}
    writer.p("Recalling its resolution 70/1,[^1] and the report of the Secretary-General,[^2]")
    writer.p("Noting the report of the Committee[^3] and the reporting cycle,[^en:1]")
    writer.p("Decides to consider the question at its next session.[^en:2]")
    writer.p("Takes note of the statement[^*7] of the President.")


def hidden(writer: Writer) -> None:
    style = writer.doc.styles.add_style("Drafting Note", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    writer.p("Visible words {secretly hidden words} continue the paragraph.")
    writer.p("{An entirely hidden paragraph.}")
    writer.p("Decides to remain seized of the matter",
             extra=run(" (a note in a hidden character style)", '<w:rStyle w:val="DraftingNote"/>') + run("."))
    writer.p("A paragraph whose mark is hidden runs on", ppr="<w:rPr><w:vanish/></w:rPr>")
    writer.p(" into the paragraph after it.")


def fields(writer: Writer) -> None:
    writer.p("Adopted on", extra=run(" ") + '<w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; ">'
             + run("1 December 2025") + "</w:fldSimple>" + run("."))
    writer.p("On the report of the", extra=run(" ") + '<w:bookmarkStart w:id="1" w:name="Committee"/>'
             + run("Third Committee") + '<w:bookmarkEnd w:id="1"/>' + run("."))
    writer.p("As the", extra=run(" ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> REF Committee \\h </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Third Committee")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(" recommended."))
    writer.p("Page", extra=run(" ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
             'xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + run("1") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(" of the draft."))


def sections(writer: Writer) -> None:
    writer.p("Opening words before any section.")
    writer.doc.add_section(WD_SECTION.CONTINUOUS)
    writer.p("Section two words.")
    section = writer.doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    writer.p("A landscape section for a wide table.")
    writer.doc.add_section(WD_SECTION.ODD_PAGE)
    writer.p("After an odd page break.")


def short_paragraphs(writer: Writer) -> None:
    for index in range(1, 281):
        writer.p(f"Short paragraph {index} of the list")


ONE_WORDS = ("Peace Security Development Rights Dialogue Cooperation Solidarity Justice Dignity Equality "
             "Sovereignty Mediation Prevention Recovery Resilience Inclusion Accountability Transparency "
             "Partnership Sustainability").split()


def one_words(writer: Writer) -> None:
    for word in ONE_WORDS:
        writer.p(word)


def tracked(writer: Writer) -> None:
    writer.p("Reaffirms {+firmly +}its commitment and {-strongly -}urges action.")
    writer.p("The first half of a paragraph{-, as deleted words-}",
             ppr=f'<w:rPr><w:del w:id="{next(_ids)}" {REVISION}/></w:rPr>')
    writer.p(" joined to its second half.")
    writer.p("A whole paragraph inserted by the delegate.",
             ppr=f'<w:rPr><w:ins w:id="{next(_ids)}" {REVISION}/></w:rPr>')
    writer.p("{-A whole paragraph deleted by the delegate.-}",
             ppr=f'<w:rPr><w:del w:id="{next(_ids)}" {REVISION}/></w:rPr>')
    writer.p("Moved words", extra=f'<w:moveFrom w:id="{next(_ids)}" {REVISION}>{run(" from here", deleted=True)}'
             f'</w:moveFrom>{run(" stay.")}')
    writer.p("Words arrive", extra=f'<w:moveTo w:id="{next(_ids)}" {REVISION}>{run(" from here")}</w:moveTo>'
             + run(" now."))
    writer.p("Decides to remain seized of the matter.")


def controls(writer: Writer) -> None:
    sdt = ('<w:sdt><w:sdtPr><w:alias w:val="{0}"/><w:tag w:val="{0}"/></w:sdtPr><w:sdtContent>{1}'
           "</w:sdtContent></w:sdt>")
    block = xml(sdt.format("Preamble", f"<w:p>{writer.runs('A block content control holds this paragraph.')}</w:p>"
                                       f"<w:p>{writer.runs('And this second one.')}</w:p>"))
    writer.body.find(qn("w:sectPr")).addprevious(block)
    writer.p("Decides that the ", extra=sdt.format("Body", run("Mission")) + run(" shall report."))
    table = writer.doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Plain cell"
    cell = table.cell(0, 1)._tc
    para = cell.find(qn("w:p"))
    para.addprevious(xml(sdt.format("Cell", f"<w:p>{writer.runs('A control inside a cell.')}</w:p>")))
    cell.remove(para)
    row = table.rows[1]._tr
    old = row.findall(qn("w:tc"))[1]
    cell_xml = f"<w:tc><w:tcPr/><w:p>{writer.runs('A control around a cell.')}</w:p></w:tc>"
    wrapped = xml(sdt.format("WholeCell", cell_xml))
    old.addprevious(wrapped)
    row.remove(old)
    table.cell(1, 0).text = "Row start"
    writer.p("Placeholder:", extra=('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
                                    + run(" Click here to enter the date.") + "</w:sdtContent></w:sdt>"))


def altchunks(kind: str) -> Callable[[Writer], None]:
    def write(writer: Writer) -> None:
        writer.p("The statement of the delegation follows.")
        alt_chunk(writer, small_docx() if kind == "docx" else CHUNK_HTML.encode(), kind)
        writer.p("Decides to remain seized of the matter.")
    return write


def resolution(name: str, feature: str = "", pair: bool = False) -> Callable[[Writer], None]:
    """A real resolution with its operative paragraphs a Word list; for a pair, a small table after the
    seventh paragraph and `feature`, the one thing by which a pair's second file differs from its base."""
    def write(writer: Writer) -> None:
        text = un_source.load(name)
        writer.footnotes = dict(text.notes)
        numbering(writer, {30: [("decimal", "%1."), ("lowerLetter", "(%2)")]})
        for line in text.front:
            writer.p(line, ppr='<w:jc w:val="center"/>' if line.startswith(("80/", "Resolution adopted")) else "")
        for index, para in enumerate(text.body):
            number, rest = un_source.split_label(para)
            extra, ppr = "", num(30) if number else ""
            if index == 3 and feature == "textbox":
                extra = text_box(["Box: the Committee shall report annually to the Assembly."], writer)
            if index == 4 and feature == "equation":
                extra = FRACTION  # at the end of the paragraph: the pair differs in it alone
            if index == 5 and feature == "endnote":
                writer.endnotes[1] = "Endnote added in this version on the reporting cycle."
                rest += "[^en:1]"
            if index == 3 and feature == "hidden":
                rest = rest.replace(" ", " {drafting note kept hidden} ", 1)
            writer.p(rest, ppr=ppr, extra=extra)
            if index == 6 and pair:
                table = writer.doc.add_table(rows=2, cols=2)
                table.cell(0, 0).text, table.cell(0, 1).text = "Region", "Status"
                table.cell(1, 0).text = "Indian Ocean States"
                if feature == "cell":
                    table.cell(1, 1).text = "Contributions assessed in the current version"
            if index == 7 and feature == "altchunk":
                alt_chunk(writer, CHUNK_HTML.encode(), "html")
    return write


DOCUMENTS: dict[str, Callable[[Writer], None]] = {
    "pd-tables": tables, "pd-textboxes": textboxes, "pd-equations": equations, "pd-lists": lists,
    "pd-notes": notes, "pd-hidden": hidden, "pd-fields": fields, "pd-sections": sections,
    "pd-short-paragraphs": short_paragraphs, "pd-one-word-paragraphs": one_words, "pd-tracked": tracked,
    "pd-controls": controls, "pd-altchunk-docx": altchunks("docx"), "pd-altchunk-html": altchunks("html"),
    "pd-un-A-RES-80-24": resolution("A-RES-80-24.txt"), "pd-un-A-RES-80-11": resolution("A-RES-80-11.txt"),
    "pd-pair-base": resolution("A-RES-80-13.txt", pair=True),
    **{f"pd-pair-{feature}": resolution("A-RES-80-13.txt", feature, pair=True)
       for feature in ("textbox", "equation", "endnote", "cell", "altchunk", "hidden")},
}


def make(out: Path) -> list[Path]:
    made = []
    for name, write in DOCUMENTS.items():
        writer = Writer()
        write(writer)
        writer.save(out / f"{name}.docx")
        made.append(out / f"{name}.docx")
    return made
