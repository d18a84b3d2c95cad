"""Build resources/un-template.docx, the reference template of the Word exports.

    .venv/bin/python packaging/make_template.py

The layout follows the official PDFs: Times New Roman 10 pt on 12 pt lines, justified, paragraphs
opening with a 0.33 in first-line indent and wrapping to the margin; operative numbers and "(a)"
labels at that indent with a tab after them, deeper levels ("(i)", "a.", "i.") with hanging indents;
the symbol in bold 8.5 pt in the running head (left on even pages, right on odd ones) over a rule,
the page as "2/9" in bold in the footer; no running head on the first page, which carries the
header block. The template starts from python-docx's own and drops what it should not ship
(stylesWithEffects, customXml, webSettings, a thumbnail, 170 unused styles).
"""

# ruff: noqa: E501  (the style definitions are XML, one style a line)
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Twips

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "un-template.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" ' \
       'w:cs="Times New Roman"/>'
INDENT = 475  # first-line indent of every paragraph, in twips (0.33 in)
TAB = 2 * INDENT  # where the text starts after "1." or "(a)"


def _para_style(sid: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal",
                extra: str = "") -> str:
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>{based_on}{extra}'
            f'<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


STYLES = f"""<w:styles {NSDECL}>
<w:docDefaults>
  <w:rPrDefault><w:rPr>{FONT}<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="exact"/></w:pPr>
  <w:rPr>{FONT}<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
  <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>
  <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>
  <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
  </w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
  <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>
  <w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>
  <w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>
  <w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
{_para_style("Header", "header", '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>',
             '<w:b/><w:sz w:val="17"/><w:szCs w:val="17"/>')}
{_para_style("Footer", "footer", '<w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs>',
             '<w:sz w:val="14"/><w:szCs w:val="14"/>')}
{_para_style("UNMasthead", "UN Masthead", '<w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs>',
             '<w:sz w:val="20"/>')}
{_para_style("UNSymbol", "UN Symbol", '<w:jc w:val="right"/>', '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>')}
{_para_style("UNOrgan", "UN Organ", '<w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>',
             '<w:b/><w:sz w:val="40"/><w:szCs w:val="40"/>')}
{_para_style("UNHeaderBlock", "UN Header Block", '<w:ind w:left="5760"/>')}
{_para_style("UNHeaderLine", "UN Header Line", '<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="auto"/></w:pBdr>'
             '<w:spacing w:before="240"/>')}
{_para_style("UNAgenda", "UN Agenda", '<w:spacing w:after="120"/><w:ind w:right="4320"/>')}
{_para_style("UNAdoption", "UN Adoption", '<w:keepNext/><w:spacing w:before="240" w:after="120" w:line="240" w:lineRule="auto"/>',
             '<w:sz w:val="24"/><w:szCs w:val="24"/>')}
{_para_style("UNReport", "UN Report", '<w:keepNext/><w:spacing w:after="240"/>', '<w:i/>')}
{_para_style("UNSponsors", "UN Sponsors", '<w:keepNext/><w:spacing w:before="240" w:after="120" w:line="240" w:lineRule="auto"/>',
             '<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>')}
{_para_style("UNTitle", "UN Title", '<w:keepNext/><w:spacing w:after="240" w:line="240" w:lineRule="auto"/><w:ind w:left="1267" w:hanging="1267"/>',
             '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>')}
{_para_style("UNFormula", "UN Formula", f'<w:keepNext/><w:spacing w:after="120"/><w:ind w:firstLine="{INDENT}"/>', '<w:i/>')}
{_para_style("UNParagraph", "UN Paragraph", f'<w:spacing w:after="120"/><w:ind w:firstLine="{INDENT}"/><w:jc w:val="both"/>')}
{_para_style("UNPreamble", "UN Preambular Paragraph", "", "", "UNParagraph")}
{_para_style("UNOperative", "UN Operative Paragraph", f'<w:tabs><w:tab w:val="left" w:pos="{TAB}"/></w:tabs>', "", "UNParagraph")}
{_para_style("UNSubparagraph", "UN Sub-paragraph", f'<w:tabs><w:tab w:val="left" w:pos="{TAB}"/></w:tabs>', "", "UNParagraph")}
{_para_style("UNCrossHeading", "UN Cross-heading", '<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>', '<w:b/>')}
{_para_style("UNClosing", "UN Closing", '<w:keepLines/><w:spacing w:before="240"/><w:jc w:val="right"/>', '<w:i/>')}
{_para_style("UNAnnex", "UN Annex", '<w:keepNext/><w:pageBreakBefore/><w:spacing w:after="240"/>', '<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>')}
{_para_style("UNAnnexTitle", "UN Annex Title", '<w:keepNext/><w:spacing w:after="240" w:line="240" w:lineRule="auto"/>', '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>')}
{_para_style("FootnoteText", "footnote text", '<w:tabs><w:tab w:val="right" w:pos="1022"/><w:tab w:val="left" w:pos="1267"/></w:tabs>'
             '<w:spacing w:line="210" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267" w:hanging="1267"/>',
             '<w:sz w:val="17"/><w:szCs w:val="17"/>', extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>')}
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
  <w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Inserted"><w:name w:val="Redline Inserted"/><w:qFormat/>
  <w:rPr><w:b/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Deleted"><w:name w:val="Redline Deleted"/><w:qFormat/>
  <w:rPr><w:strike/></w:rPr></w:style>
{_para_style("UNTableText", "UN Table Text", '<w:spacing w:after="60"/><w:jc w:val="both"/>', '<w:sz w:val="18"/><w:szCs w:val="18"/>')}
{_para_style("UNTableHead", "UN Table Head", '<w:keepNext/><w:spacing w:after="60"/>', '<w:b/><w:sz w:val="18"/><w:szCs w:val="18"/>')}
</w:styles>"""

# (numFmt, lvlText with % for the level) for each list format; abstractNum ids are the list's index.
FORMATS = [
    ("decimal", "%."),  # 0: operative paragraphs, numbered annex paragraphs, "1." sub-lists
    ("lowerLetter", "(%)"),  # 1: (a)
    ("lowerRoman", "(%)"),  # 2: (i)
    ("lowerLetter", "%."),  # 3: a.
    ("lowerRoman", "%."),  # 4: i.
    ("lowerLetter", "%)"),  # 5: a) (French, Spanish)
    ("lowerRoman", "%)"),  # 6: i)
    ("bullet", "\u2022"),  # 7: bullets
]


def _indent(ilvl: int) -> str:
    if ilvl <= 1:  # as the official pages: label at the first-line indent, text wraps to the margin
        return f'<w:tabs><w:tab w:val="num" w:pos="{TAB}"/></w:tabs><w:ind w:left="0" w:firstLine="{INDENT}"/>'
    left = TAB + (ilvl - 2) * INDENT
    return f'<w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs><w:ind w:left="{left}" w:hanging="{INDENT}"/>'


def _abstract(index: int, fmt: str, text: str) -> str:
    levels = []
    for ilvl in range(9):
        label = text if fmt == "bullet" else text.replace("%", f"%{ilvl + 1}")
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{label}"/><w:lvlJc w:val="left"/><w:pPr>{_indent(ilvl)}</w:pPr>'
            f'<w:rPr><w:i w:val="0"/></w:rPr></w:lvl>')
    return (f'<w:abstractNum w:abstractNumId="{index}"><w:multiLevelType w:val="multilevel"/>'
            f'{"".join(levels)}</w:abstractNum>')


NUMBERING = f"<w:numbering {NSDECL}>" + "".join(
    _abstract(index, fmt, text) for index, (fmt, text) in enumerate(FORMATS)) + "</w:numbering>"

SETTINGS_EXTRA = {
    "evenAndOddHeaders": "<w:evenAndOddHeaders/>",
    "footnotePr": '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>',
}


def _page_field(instr: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _header(right: bool) -> str:
    jc = '<w:jc w:val="right"/>' if right else ""
    return (f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="Header"/><w:pBdr><w:bottom w:val="single" w:sz="4" '
            f'w:space="4" w:color="auto"/></w:pBdr>{jc}</w:pPr><w:r><w:t>SYMBOL</w:t></w:r></w:p>')


def _footer(right: bool) -> str:
    page = f'{_page_field("PAGE")}<w:r><w:t>/</w:t></w:r>{_page_field("NUMPAGES")}'
    page = page.replace("<w:r>", '<w:r><w:rPr><w:b/><w:sz w:val="17"/></w:rPr>')
    jc = '<w:jc w:val="right"/>' if right else ""
    return f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="Footer"/>{jc}</w:pPr>{page}</w:p>'


FOOTNOTES = (f'<w:footnotes {NSDECL}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
             'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
             'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             '</w:footnotes>')


def build(out: Path = OUT) -> Path:
    doc = Document()
    part = doc.part
    notes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                 ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + FOOTNOTES).encode(), part.package)
    part.relate_to(notes, RT.FOOTNOTES)
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml", "/webSettings")):
            part.drop_rel(rid)
    package = part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)

    styles = doc.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in parse_xml(STYLES):
        styles.append(child)
    numbering = part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)

    settings = doc.settings.element
    for tag in ("proofState", "rsids", "savePreviewPicture"):
        for el in settings.findall(f"{{{W_NS}}}{tag}"):
            settings.remove(el)
    anchor = settings.find(f"{{{W_NS}}}characterSpacingControl")
    for xml in (SETTINGS_EXTRA["evenAndOddHeaders"],):
        assert anchor is not None
        anchor.addprevious(parse_xml(xml.replace("<w:evenAndOddHeaders/>", f"<w:evenAndOddHeaders {NSDECL}/>")))
    compat = settings.find(f"{{{W_NS}}}compat")
    assert compat is not None
    compat.addprevious(parse_xml(SETTINGS_EXTRA["footnotePr"].replace("<w:footnotePr>", f"<w:footnotePr {NSDECL}>", 1)))

    section = doc.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(15840)  # US letter, as in New York
    section.left_margin, section.right_margin = Twips(1440), Twips(1440)
    section.top_margin, section.bottom_margin = Twips(1440), Twips(1296)
    section.header_distance, section.footer_distance = Twips(720), Twips(576)
    section.different_first_page_header_footer = True
    for story, xml in ((section.header, _header(True)), (section.even_page_header, _header(False)),
                       (section.footer, _footer(True)), (section.even_page_footer, _footer(False))):
        story.is_linked_to_previous = False
        element = story._element
        for child in list(element):
            element.remove(child)
        element.append(parse_xml(xml))
    for story in (section.first_page_header, section.first_page_footer):
        story.is_linked_to_previous = False

    body = doc.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    doc.core_properties.title = "United Nations resolution"
    doc.core_properties.author = "Drafter"
    doc.core_properties.comments = ""
    doc.core_properties.keywords = ""
    doc.core_properties.last_modified_by = "Drafter"
    doc.core_properties.revision = 1
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
