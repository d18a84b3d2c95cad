"""Writes the Word files of the reader's tests (tests/core/test_docx_content.py) into this folder.

Three writers, so that no feature is proven on one writer's habits alone:
- python-docx, with lxml for what it has no API for (text boxes in mc:AlternateContent, equations,
  altChunk parts, content controls, fields, endnotes, hidden runs, objects): files `pd-*.docx`;
- LibreOffice headless, from OpenDocument (.fodt) and HTML written here: files `lo-*.docx`;
- html-docx-js (node), which stores a web page as an embedded document: files `js-*.docx`.
The texts are real UN texts from tests/data/corpus. Files named `*-a.docx` / `*-b.docx` are pairs that
differ in one place only (a text box, an equation, an endnote, an embedded document).

    PYTHONPATH=. .venv/bin/python tests/data/word/reader/make_fixtures.py   (needs soffice, node and npm)
"""

from __future__ import annotations

import re
import struct
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.document import Document  # noqa: E402
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from lxml import etree  # noqa: E402
from other_writers import (  # noqa: E402
    ODF,
    html_docx,
    libreoffice,
    lo_controls,
    lo_endnotes,
    lo_formula,
    lo_frame,
    lo_hidden,
    lo_paragraphs_html,
)
from texts import BOX_TEXT, COUNTRIES, VOTES, lines_80_5, resolution_80_11  # noqa: E402

from tests.docx_fixtures import Lists, Para, write_docx  # noqa: E402

NS = (nsdecls("w", "m", "r", "a", "wp", "pic") + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
      ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
      ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
AFCHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"



# --- python-docx with lxml ----------------------------------------------------------------
def _xml(fragment: str) -> etree._Element:
    return parse_xml(re.sub(r"^<([\w:]+)", lambda m: f"<{m.group(1)} {NS}", fragment, count=1))


def _append(document: Document, fragment: str) -> None:
    body = document.element.body
    body.find(qn("w:sectPr")).addprevious(_xml(fragment))


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _notes_part(document: Document, kind: str, notes: dict[int, str]) -> None:
    items = "".join(f'<w:{kind} w:id="{n}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> '
                    f"{text}</w:t></w:r></w:p></w:{kind}>" for n, text in notes.items())
    blob = (f'<w:{kind}s {nsdecls("w")}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
            f'</w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:{kind}>{items}</w:{kind}s>").encode()
    content_type = CONTENT_TYPE.WML_FOOTNOTES if kind == "footnote" else CONTENT_TYPE.WML_ENDNOTES
    relation = RELATIONSHIP_TYPE.FOOTNOTES if kind == "footnote" else RELATIONSHIP_TYPE.ENDNOTES
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, blob, document.part.package)
    document.part.relate_to(part, relation)


def _resolution_start(document: Document, count: int = 4) -> list[str]:
    paras = resolution_80_11()[:count]
    for text in paras:
        document.add_paragraph(text)
    return paras


def one_word(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Sponsors")
    for name in COUNTRIES:
        document.add_paragraph(name)
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, VOTES, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(str(path))


def lines(path: Path) -> None:
    document = docx.Document()
    for line in lines_80_5():
        document.add_paragraph(line)
    document.save(str(path))


def resolution(path: Path) -> None:
    """A/RES/80/11 with its operative paragraphs and sub-paragraphs in Word lists, as the Secretariat types it."""
    paras: list[Para] = []
    lists = Lists(abstract={1: [("decimal", "%1.")], 2: [("lowerLetter", "(%1)")]}, nums={1: 1})
    for text in resolution_80_11():
        match = re.match(r"(\d+)\. |\([a-z]+\) ", text)
        if match is None:
            paras.append(Para(text))
            continue
        if match.group(1) is None and (not paras[-1].num or paras[-1].num[0] == 1):
            sub_list = 10 + len(lists.nums)  # each run of sub-paragraphs starts again at (a)
            lists.nums[sub_list] = 2
            lists.start_overrides[sub_list] = {0: 1}
        num = 1 if match.group(1) else max(lists.nums)
        paras.append(Para(text[match.end():], num=(num, 0)))
    write_docx(path, paras, lists=lists)


BOX = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
       'distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" '
       'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
       '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
       '</wp:positionV><wp:extent cx="3000000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
       '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{id}" name="Text Box {id}"/><a:graphic><a:graphicData '
       'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
       '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3000000" cy="900000"/></a:xfrm><a:prstGeom prst="rect">'
       '<a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
       '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
       '<w:pict><v:shape id="Text Box {id}" style="position:absolute;width:236pt;height:71pt" type="#_x0000_t202">'
       '<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
       '</mc:AlternateContent></w:r>')
VML_BOX = ('<w:r><w:pict><v:shape id="Box{id}" style="width:200pt;height:50pt" type="#_x0000_t202"><v:textbox>'
           '<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')



def textbox(path: Path, variant: str) -> None:
    document = docx.Document()
    paras = _resolution_start(document, 3)
    box = [*BOX_TEXT]
    if variant == "b":
        box[1] = box[1].replace("A/C.5/80/12", "A/C.5/80/14")
    anchor = document.paragraphs[2]._p
    anchor.append(_xml(BOX.format(id=7, content="".join(_p(t) for t in box))))
    last = document.add_paragraph("Decides to remain seized of the matter.")
    last._p.append(_xml(VML_BOX.format(id=8, content=_p("Draft resolution submitted by the Vice-Chair"))))
    assert paras
    document.save(str(path))


def _mr(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def equation(path: Path, variant: str) -> None:
    document = docx.Document()
    _resolution_start(document, 2)
    power = "2" if variant == "a" else "3"
    inline = (f'<w:p><w:r><w:t xml:space="preserve">Notes that the index rises as </w:t></w:r><m:oMath>'
              f'<m:sSup><m:e>{_mr("x")}</m:e><m:sup>{_mr(power)}</m:sup></m:sSup></m:oMath>'
              '<w:r><w:t xml:space="preserve"> where the gap grows, and as </w:t></w:r><m:oMath><m:f><m:num>'
              f'{_mr("a")}</m:num><m:den>{_mr("b")}</m:den></m:f></m:oMath><w:r><w:t>.</w:t></w:r></w:p>')
    _append(document, inline)
    display = ('<w:p><m:oMathPara><m:oMath>'
               f'{_mr("Index=")}<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>{_mr("i=1")}</m:sub>'
               f'<m:sup>{_mr("n")}</m:sup><m:e><m:sSub><m:e>{_mr("w")}</m:e><m:sub>{_mr("i")}</m:sub></m:sSub>'
               f'<m:rad><m:deg>{_mr("3")}</m:deg><m:e>{_mr("y")}</m:e></m:rad></m:e></m:nary>'
               f'{_mr("+")}<m:d><m:dPr><m:sepChr m:val=","/></m:dPr><m:e>{_mr("p")}</m:e><m:e>{_mr("q")}</m:e>'
               f'</m:d>{_mr("+")}<m:func><m:fName><m:r><m:rPr><m:sty m:val="p"/></m:rPr><m:t>log</m:t></m:r>'
               f'</m:fName><m:e>{_mr("GDP")}</m:e></m:func></m:oMath></m:oMathPara></w:p>')
    _append(document, display)
    document.add_paragraph("Decides to remain seized of the matter.")
    document.save(str(path))


def _inner_docx(folder: Path, variant: str) -> bytes:
    word = "enhance" if variant != "b" else "strengthen"
    path = write_docx(folder / "inner.docx", [
        Para("Annex text embedded as a document of its own[^1]"),
        Para(f"Encourages Member States to {word} cooperation on peacebuilding;"),
        Para("Requests the Secretary-General to report on progress.")],
        footnotes={1: "A/79/552-S/2024/767."})
    return path.read_bytes()


HTML = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>ignored</title><style>p {{}}</style></head>'
        '<body><h2>Pledges received</h2><p>Contributions were pledged by <i>{donor}</i> and others.</p>'
        '<ul><li>Fund for peacebuilding</li><li>Trust fund for human security</li></ul>'
        '<table><tr><td>Total</td><td>42 million</td></tr></table></body></html>')
MHT = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"NEXT\"\r\n\r\n--NEXT\r\n"
       "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
       "<html><body><p>Statement delivered on behalf of the Group of 77 and China.</p></body></html>\r\n"
       "--NEXT--\r\n")


def alt_chunk(path: Path, variant: str, folder: Path) -> None:
    document = docx.Document()
    first = document.add_paragraph("The General Assembly,")
    del first
    cited = document.add_paragraph("Recalling its resolution 60/180")
    cited._p.append(_xml('<w:r><w:footnoteReference w:id="5"/></w:r>'))
    chunks = [("afchunk1.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               _inner_docx(folder, variant)),
              ("afchunk2.htm", "text/html", HTML.format(donor="Qatar" if variant != "c" else "Norway").encode()),
              ("afchunk3.txt", "text/plain", "Statement in explanation of vote.\r\nDelivered by the "
                                             "representative of Chile.\r\n".encode("utf-8-sig")),
              ("afchunk4.mht", "message/rfc822", MHT.encode()),
              ("afchunk5.rtf", "application/rtf", rb"{\rtf1\ansi Embedded rich text}")]
    for name, content_type, blob in chunks:
        part = Part(PackURI(f"/word/{name}"), content_type, blob, document.part.package)
        rel = document.part.relate_to(part, AFCHUNK)
        _append(document, f'<w:altChunk r:id="{rel}"/>')
    last = document.add_paragraph("Decides to remain seized of the matter")
    last._p.append(_xml('<w:r><w:footnoteReference w:id="6"/></w:r>'))
    _notes_part(document, "footnote", {5: "Resolution 60/180.", 6: "See A/80/L.15."})
    document.save(str(path))


def _sdt(content: str, tag: str = "ctl") -> str:
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/></w:sdtPr>'
            f"<w:sdtContent>{content}</w:sdtContent></w:sdt>")


def _row(cells: list[str]) -> str:
    return "<w:tr>" + "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>{c}</w:tc>"
                              for c in cells) + "</w:tr>"


def controls(path: Path) -> None:
    document = docx.Document()
    _append(document, _sdt(_p("Draft resolution submitted by the Chair") + _p("on the basis of informal "
                                                                          "consultations"), "title"))
    _append(document, '<w:p><w:r><w:t xml:space="preserve">Adopted at the </w:t></w:r>'
                      + _sdt('<w:r><w:t>51st</w:t></w:r>', "meeting")
                      + '<w:r><w:t xml:space="preserve"> plenary meeting on </w:t></w:r>'
                      + _sdt('<w:r><w:t>26 November 2025</w:t></w:r>', "date") + "</w:p>")
    grid = '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
    table = ("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>" + grid
             + _row([_sdt(_p("Country")), _p("Vote")])
             + _sdt(_row([_p("Brazil"), _sdt(_p("Yes"), "vote")]), "row")
             + "<w:tr>" + _sdt('<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>' + _p("Chile") + "</w:tc>",
                               "cell") + '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>'
             + _p("Abstained") + "</w:tc></w:tr></w:tbl>")
    _append(document, table)
    document.add_paragraph("Decides to remain seized of the matter.")
    document.save(str(path))


def hidden(path: Path) -> None:
    document = docx.Document()
    styles = document.styles.element
    styles.append(_xml('<w:style w:type="character" w:customStyle="1" w:styleId="DraftNote"><w:name '
                       'w:val="Draft Note"/><w:rPr><w:vanish/></w:rPr></w:style>'))
    paras = _resolution_start(document, 3)
    visible = document.paragraphs[1]
    visible.add_run(" [check with the Secretariat]")._r.insert(0, _xml("<w:rPr><w:vanish/></w:rPr>"))
    styled = document.paragraphs[2]
    styled.add_run(" consult capitals before Friday")._r.insert(0, _xml('<w:rPr><w:rStyle w:val="DraftNote"/>'
                                                                        "</w:rPr>"))
    _append(document, '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Alternative wording kept for reference.</w:t>'
                      "</w:r></w:p>")
    note = document.add_paragraph("Decides to remain seized of the matter")
    note._p.append(_xml('<w:r><w:footnoteReference w:id="1"/></w:r>'))
    _notes_part(document, "footnote", {1: 'See A/80/L.15.</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t '
                                          'xml:space="preserve"> Verify the symbol.'})
    assert paras
    document.save(str(path))


def _field(instruction: str, result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t xml:space="preserve">{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


REF = r"REF _Ref1 \r \h"


def fields(path: Path) -> None:
    document = docx.Document()
    _resolution_start(document, 2)
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF '
              '</w:instrText></w:r>' + _field("DOCPROPERTY Session", "eightieth")
              + '<w:r><w:instrText xml:space="preserve"> = "eightieth" "eightieth session" "next session" '
              '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              '<w:r><w:t>eightieth</w:t></w:r><w:r><w:t xml:space="preserve"> session</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    _append(document, '<w:p><w:r><w:t xml:space="preserve">Decides to include the item in the agenda of its '
                      f"</w:t></w:r>{nested}<w:r><w:t xml:space=\"preserve\">, as set out in paragraph </w:t></w:r>"
                      f"{_field(REF, '12')}<w:r><w:t xml:space=\"preserve\"> of document "
                      '</w:t></w:r><w:fldSimple w:instr=" DOCPROPERTY Symbol "><w:r><w:t>A/80/L.15</w:t></w:r>'
                      "</w:fldSimple><w:r><w:t>;</w:t></w:r></w:p>")
    document.save(str(path))


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x00\x66\xcc" * 2 + b"\x00" + b"\xff\xff\xff" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def objects(path: Path, folder: Path) -> None:
    document = docx.Document()
    _resolution_start(document, 2)
    image = folder / "emblem.png"
    image.write_bytes(_png())
    picture = document.add_paragraph("Emblem of the United Nations: ")
    picture.add_run().add_picture(str(image))
    picture._p.findall(f".//{qn('wp:docPr')}")[0].set("descr", "UN emblem")
    chart = ('<w:p><w:r><w:t xml:space="preserve">Votes by region: </w:t></w:r><w:r><w:drawing><wp:inline>'
             '<wp:extent cx="3000000" cy="2000000"/><wp:docPr id="20" name="Chart 1"/><a:graphic><a:graphicData '
             'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.'
             'openxmlformats.org/drawingml/2006/chart" r:id="rId999"/></a:graphicData></a:graphic></wp:inline>'
             "</w:drawing></w:r></w:p>")
    _append(document, chart)
    ole = ('<w:p><w:r><w:t xml:space="preserve">The formula </w:t></w:r><w:r><w:object w:dxaOrig="1000" '
           'w:dyaOrig="400"><v:shape id="_x0000_i1025" style="width:50pt;height:20pt" o:ole=""><v:imagedata '
           'r:id="rId998" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="Equation.3" '
           'ShapeID="_x0000_i1025" DrawAspect="Content" ObjectID="_1234" r:id="rId997"/></w:object></w:r>'
           '<w:r><w:t xml:space="preserve"> applies.</w:t></w:r></w:p>')
    _append(document, ole)
    document.add_paragraph("Decides to remain seized of the matter.")
    document.save(str(path))


def endnotes(path: Path, variant: str) -> None:
    document = docx.Document()
    _resolution_start(document, 1)
    texts = resolution_80_11()[1:4]
    for index, text in enumerate(texts):
        paragraph = document.add_paragraph(text)
        paragraph._p.append(_xml(f'<w:r><w:footnoteReference w:id="{index + 1}"/></w:r>'))
        paragraph._p.append(_xml(f'<w:r><w:endnoteReference w:id="{index + 1}"/></w:r>'))
    ends = {1: "Resolution 60/180.", 2: "A/79/552-S/2024/767.", 3: "A/79/609-S/2024/827."}
    if variant == "b":
        ends[2] = "A/79/552-S/2024/768."
    _notes_part(document, "footnote", {1: "Resolution 65/7.", 2: "Resolution 70/262.", 3: "Resolution 75/201."})
    _notes_part(document, "endnote", ends)
    document.save(str(path))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one_word(HERE / "pd-one-word.docx")
        lines(HERE / "pd-lines.docx")
        resolution(HERE / "pd-resolution.docx")
        for variant in "ab":
            textbox(HERE / f"pd-textbox-{variant}.docx", variant)
            equation(HERE / f"pd-equation-{variant}.docx", variant)
            endnotes(HERE / f"pd-endnotes-{variant}.docx", variant)
        for variant in "abc":
            alt_chunk(HERE / f"pd-altchunk-{variant}.docx", variant, folder)
        controls(HERE / "pd-controls.docx")
        hidden(HERE / "pd-hidden.docx")
        fields(HERE / "pd-fields.docx")
        objects(HERE / "pd-objects.docx", folder)
        libreoffice(folder, "lo-paragraphs", lo_paragraphs_html(), ".html")
        libreoffice(folder, "lo-hidden", ODF.format(body=lo_hidden()), ".fodt")
        for variant in "ab":
            libreoffice(folder, f"lo-frame-{variant}", ODF.format(body=lo_frame(variant)), ".fodt")
            libreoffice(folder, f"lo-formula-{variant}", ODF.format(body=lo_formula(variant)), ".fodt")
            libreoffice(folder, f"lo-endnotes-{variant}", ODF.format(body=lo_endnotes(variant)), ".fodt")
            html_docx(folder, f"js-altchunk-{variant}", variant)
        libreoffice(folder, "lo-controls", ODF.format(body=lo_controls()), ".fodt")


if __name__ == "__main__":
    main()
