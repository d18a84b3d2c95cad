"""The corpus files LibreOffice writes: OpenDocument text (and HTML) made here, converted by
`soffice --headless --convert-to docx`. Formulas need LibreOffice Math (Debian: libreoffice-math-nogui).

Paragraph markup in these sources: `*italic*`, `[^n]` a footnote (its text from the notes given),
`[^en:n]` an endnote, `{hidden}` a hidden span.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import un_source

NS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}.items())
STYLES = """
 <style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Centre" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="Frame" style:family="graphic"><style:graphic-properties style:wrap="none"
  style:vertical-pos="top" style:horizontal-pos="center"/></style:style>
 <style:style style:name="Columns" style:family="section"><style:section-properties><style:columns fo:column-count="2"
  fo:column-gap="0.5cm"/></style:section-properties></style:style>
 <text:list-style style:name="Numbered">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>
  <text:list-level-style-number text:level="3" style:num-format="i" style:num-prefix="(" style:num-suffix=")"/>
 </text:list-style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
  <text:list-level-style-bullet text:level="2" text:bullet-char="–"/>
 </text:list-style>
 <text:list-style style:name="Roman"><text:list-level-style-number text:level="1" style:num-format="I"
  style:num-suffix="."/></text:list-style>
 <text:list-style style:name="Articles"><text:list-level-style-number text:level="1" style:num-format="1"
  style:num-prefix="Article " style:num-suffix="."/></text:list-style>
 <text:list-style style:name="Letters"><text:list-level-style-number text:level="1" style:num-format="A"
  style:num-suffix=")"/></text:list-style>
"""
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
{objects}</manifest:manifest>"""
MATH_NS = 'xmlns:math="http://www.w3.org/1998/Math/MathML"'


class Odt:
    """An OpenDocument text being written: its body, notes, formulas and tracked changes."""

    def __init__(self, notes: dict[int, str] | None = None) -> None:
        self.body: list[str] = []
        self.notes = notes or {}
        self.formulas: list[str] = []
        self.changes: list[str] = []
        self.user_fields: list[str] = []

    def inline(self, text: str) -> str:
        out = []
        for piece in re.split(r"(\*[^*]+\*|\[\^(?:en:)?\d+\]|\{[^}]+\})", text):
            if not piece:
                continue
            if piece.startswith("*") and piece.endswith("*"):
                out.append(f'<text:span text:style-name="Italic">{escape(piece[1:-1])}</text:span>')
            elif piece.startswith("[^"):
                out.append(self.note(piece))
            elif piece.startswith("{"):
                out.append(f'<text:span text:style-name="Hidden">{escape(piece[1:-1])}</text:span>')
            else:
                out.append(escape(piece))
        return "".join(out)

    def note(self, ref: str) -> str:
        endnote = ref.startswith("[^en:")
        number = int(ref.strip("[]^en:"))
        kind = "endnote" if endnote else "footnote"
        body = "".join(f"<text:p>{self.inline(line)}</text:p>" for line in self.notes[number].split("\n"))
        return (f'<text:note text:id="{kind}{number}" text:note-class="{kind}"><text:note-citation>{number}'
                f"</text:note-citation><text:note-body>{body}</text:note-body></text:note>")

    def p(self, text: str, style: str = "") -> None:
        attribute = f' text:style-name="{style}"' if style else ""
        self.body.append(f"<text:p{attribute}>{self.inline(text)}</text:p>")

    def formula(self, mathml: str, name: str = "") -> str:
        """An inline Math object holding `mathml` (the content of math:semantics' first child)."""
        self.formulas.append(f'<math:math {MATH_NS}><math:semantics>{mathml}</math:semantics></math:math>')
        index = len(self.formulas)
        return (f'<draw:frame draw:name="{name or f"Formula{index}"}" text:anchor-type="as-char" svg:width="2.5cm" '
                f'svg:height="0.8cm"><draw:object xlink:href="./Object {index}" xlink:type="simple" '
                'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>')

    def frame(self, paragraphs: list[str], name: str) -> str:
        inner = "".join(f"<text:p>{self.inline(p)}</text:p>" for p in paragraphs)
        return (f'<draw:frame draw:style-name="Frame" draw:name="{name}" text:anchor-type="paragraph" '
                f'svg:width="8cm"><draw:text-box>{inner}</draw:text-box></draw:frame>')

    def table(self, rows: list[list[str]], name: str) -> str:
        """A table; a cell "<" is covered by the cell before it, "^" by the cell above, ">2"/"v2" open
        with the span; a cell may hold ready XML when it starts with "<table:"."""
        columns = max(len(row) for row in rows)
        out = [f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{columns}"/>']
        for row in rows:
            out.append("<table:table-row>")
            for cell in row:
                if cell in ("<", "^"):
                    out.append("<table:covered-table-cell/>")
                    continue
                span = ""
                match = re.match(r"([>v])(\d) (.*)", cell)
                if match:
                    attribute = "columns" if match.group(1) == ">" else "rows"
                    span, cell = f' table:number-{attribute}-spanned="{match.group(2)}"', match.group(3)
                content = cell if cell.startswith("<table:") else f"<text:p>{self.inline(cell)}</text:p>"
                out.append(f"<table:table-cell{span}>{content}</table:table-cell>")
            out.append("</table:table-row>")
        out.append("</table:table>")
        return "".join(out)

    def save(self, path: Path) -> None:
        changes = f"<text:tracked-changes>{''.join(self.changes)}</text:tracked-changes>" if self.changes else ""
        decls = (f"<text:user-field-decls>{''.join(self.user_fields)}</text:user-field-decls>"
                 if self.user_fields else "")
        content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS} {MATH_NS} '
                   f'office:version="1.3"><office:automatic-styles>{STYLES}</office:automatic-styles>'
                   f"<office:body><office:text>{changes}{decls}{''.join(self.body)}</office:text></office:body>"
                   "</office:document-content>")
        objects = "".join(
            f' <manifest:file-entry manifest:full-path="Object {i}/" '
            'manifest:media-type="application/vnd.oasis.opendocument.formula"/>\n'
            f' <manifest:file-entry manifest:full-path="Object {i}/content.xml" manifest:media-type="text/xml"/>\n'
            for i in range(1, len(self.formulas) + 1))
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
            archive.writestr("META-INF/manifest.xml", MANIFEST.format(objects=objects), zipfile.ZIP_DEFLATED)
            archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
            for index, formula in enumerate(self.formulas, 1):
                archive.writestr(f"Object {index}/content.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n{formula}',
                                 zipfile.ZIP_DEFLATED)


def mi(name: str) -> str:
    return f"<math:mi>{name}</math:mi>"


FRACTION = (f"<math:mrow>{mi('x')}<math:mo>=</math:mo><math:mfrac>{mi('alpha')}<math:mn>2</math:mn></math:mfrac>"
            "</math:mrow>")
SUM = (f"<math:mrow><math:munderover><math:mo>∑</math:mo><math:mrow>{mi('i')}<math:mo>=</math:mo><math:mn>1</math:mn>"
       f"</math:mrow>{mi('n')}</math:munderover><math:msup>{mi('share')}<math:mn>2</math:mn></math:msup></math:mrow>")
ROOT = f"<math:mrow><math:msqrt>{mi('quota')}</math:msqrt><math:mo>≤</math:mo><math:mn>0.001</math:mn></math:mrow>"


# --- the feature documents ----------------------------------------------------------------------------
def tables(doc: Odt) -> None:
    doc.p("Contributions by region are set out in the tables below.")
    inner = doc.table([["Inner cell one", "Inner cell two"]], "Inner")
    doc.body.append(doc.table([[">3 Scale of assessments for the period 2025–2027", "<", "<"],
                               ["Region", "Share", "Floor"],
                               ["v2 African States", "3.2 per cent", "0.001"],
                               ["^", "Nested table follows", inner],
                               ["Asia-Pacific States", "", "0.001"]], "Scale"))
    doc.p("Requests the Secretary-General to report on the scale.")
    doc.body.append(doc.table([["Single cell table with two paragraphs", ""]], "Small"))


def frames(doc: Odt) -> None:
    doc.body.append(f"<text:p>{doc.frame(['Box: reporting obligations under the Charter.'], 'Box1')}"
                    "Decides to keep the question under review.</text:p>")
    doc.body.append("<text:p>Notes the report of the Committee on Contributions.</text:p>")
    doc.body.append(f"<text:p>{doc.frame(['Second box first paragraph.', 'Second box closing words.'], 'Box2')}"
                    "</text:p>")
    doc.p("Requests the Secretary-General to continue to inform Member States.")


def formulas(doc: Odt) -> None:
    doc.body.append(f"<text:p>The share is computed as {doc.formula(FRACTION)} for each Member State.</text:p>")
    doc.body.append(f"<text:p>{doc.formula(SUM)}</text:p>")
    doc.body.append(f"<text:p>Decides that {doc.formula(ROOT)} shall remain the minimum rate.</text:p>")


def lists(doc: Odt) -> None:
    def items(entries: list[str | list[str]]) -> str:
        out = []
        for entry in entries:
            if isinstance(entry, list):
                nested = f"<text:list>{items(entry)}</text:list></text:list-item>"
                out[-1] = out[-1].replace("</text:list-item>", nested)
            else:
                out.append(f"<text:list-item><text:p>{doc.inline(entry)}</text:p></text:list-item>")
        return "".join(out)

    doc.p("The General Assembly adopts the following measures:")
    doc.body.append('<text:list text:style-name="Numbered">' + items([
        "Decides to establish a working group;", "Requests the working group:",
        ["To meet twice a year;", "To report on:", ["its methods of work;", "its budget;"],
         "To consult regional groups;"],
        "Decides to remain seized of the matter."]) + "</text:list>")
    doc.body.append('<text:list text:style-name="Bullets">' + items([
        "Peace and security", ["Prevention", "Mediation"], "Development", "Human rights"]) + "</text:list>")
    doc.body.append('<text:list text:style-name="Roman">' + items(["Mandate", "Composition", "Budget"])
                    + "</text:list>")
    doc.body.append('<text:list text:style-name="Articles">' + items(
        ["Scope of the present Convention.", "Use of terms."]) + "</text:list>")
    doc.body.append('<text:list text:style-name="Letters">' + items(["First option", "Second option"]) + "</text:list>")


def notes(doc: Odt) -> None:
    doc.notes = {1: "Resolution 70/1.", 2: "A/79/552-S/2024/767.", 3: "See A/80/29, chap. II.",
                 4: "Endnote on the reporting cycle of the Committee.",
                 5: "Endnote with two paragraphs.\nIts second part."}
    doc.p("Recalling its resolution 70/1,[^1] and the report of the Secretary-General,[^2]")
    doc.p("Noting the report of the Committee[^3] and the reporting cycle,[^en:4]")
    doc.p("Decides to consider the question at its next session.[^en:5]")


def hidden(doc: Odt) -> None:
    doc.p("Visible words {secretly hidden words} continue the paragraph.")
    doc.p("{An entirely hidden paragraph.}")
    doc.p("Decides to remain seized of the matter{ (hidden drafting note)}.")


def fields(doc: Odt) -> None:
    doc.user_fields.append('<text:user-field-decl office:value-type="string" office:string-value="Third Committee" '
                           'text:name="Committee"/>')
    doc.body.append('<text:p>Adopted on <text:date text:fixed="true" text:date-value="2025-12-01">1 December 2025'
                    '</text:date> at page <text:page-number text:select-page="current">1</text:page-number>.</text:p>')
    doc.body.append('<text:p>On the report of the <text:user-field-get text:name="Committee">Third Committee'
                    "</text:user-field-get>.</text:p>")
    doc.body.append('<text:p>Table <text:sequence text:name="Table" text:formula="ooow:Table+1" '
                    'style:num-format="1">1</text:sequence>: figures by region.</text:p>')
    doc.body.append('<text:p>Drafted by <text:author-name text:fixed="true">Permanent Mission</text:author-name>.'
                    "</text:p>")


def sections(doc: Odt) -> None:
    doc.p("Opening words before any section.")
    doc.body.append('<text:section text:name="First" text:style-name="Columns">'
                    "<text:p>Section one, two columns.</text:p><text:p>Section one, second paragraph.</text:p>"
                    "</text:section>")
    doc.body.append('<text:section text:name="Second"><text:p>Section two words.</text:p></text:section>')
    doc.p("After a page break.", "Break")


def short_paragraphs(doc: Odt) -> None:
    for index in range(1, 281):
        doc.p(f"Short paragraph {index} of the list")


ONE_WORDS = ("Peace Security Development Rights Dialogue Cooperation Solidarity Justice Dignity Equality "
             "Sovereignty Mediation Prevention Recovery Resilience Inclusion Accountability Transparency "
             "Partnership Sustainability").split()


def one_words(doc: Odt) -> None:
    for word in ONE_WORDS:
        doc.p(word)


def tracked(doc: Odt) -> None:
    info = ("<office:change-info><dc:creator>Delegate</dc:creator><dc:date>2025-11-20T10:00:00</dc:date>"
            "</office:change-info>")
    doc.changes += [
        f'<text:changed-region text:id="c1"><text:insertion>{info}</text:insertion></text:changed-region>',
        f'<text:changed-region text:id="c2"><text:deletion>{info}<text:p>strongly </text:p></text:deletion>'
        "</text:changed-region>",
        f'<text:changed-region text:id="c3"><text:deletion>{info}<text:p>, as deleted words</text:p><text:p/>'
        "</text:deletion></text:changed-region>",
    ]
    doc.body.append('<text:p>Reaffirms <text:change-start text:change-id="c1"/>firmly <text:change-end '
                    'text:change-id="c1"/>its commitment and <text:change text:change-id="c2"/>urges action.</text:p>')
    doc.body.append('<text:p>The first half of a paragraph<text:change text:change-id="c3"/> joined to its second half.'
                    "</text:p>")
    doc.p("Decides to remain seized of the matter.")


def controls(doc: Odt) -> None:
    doc.body.append('<text:table-of-content text:name="Contents"><text:table-of-content-source text:outline-level="2">'
                    "<text:index-title-template>Contents</text:index-title-template></text:table-of-content-source>"
                    "<text:index-body><text:index-title text:name=\"Contents_Head\"><text:p>Contents</text:p>"
                    "</text:index-title><text:p>Mandate of the Mission</text:p><text:p>Reporting</text:p>"
                    "</text:index-body></text:table-of-content>")
    doc.body.append('<text:h text:outline-level="1">Mandate of the Mission</text:h>')
    doc.body.append('<text:p>Decides that the <loext:content-control loext:showing-place-holder="false">Mission'
                    "</loext:content-control> shall report.</text:p>")
    doc.body.append('<text:h text:outline-level="1">Reporting</text:h>')
    doc.p("Requests a report every six months.")


def resolution(name: str, features: str = "", pair: bool = False) -> Callable[[Odt], None]:
    """A real resolution; for a pair, a small table after the seventh paragraph and `features`, the one
    thing by which a pair's second file differs from its base."""
    def write(doc: Odt) -> None:
        text = un_source.load(name)
        doc.notes = dict(text.notes)
        for line in text.front:
            doc.p(line, "Centre" if line.startswith(("80/", "Resolution adopted")) else "")
        for index, para in enumerate(text.body):
            extra = ""
            if index == 3 and features == "textbox":
                extra = doc.frame(["Box: the Committee shall report annually to the Assembly."], "Box")
            if index == 4 and features == "equation":
                para += "\0"  # the formula goes at the end: the pair differs in it alone
            if index == 5 and features == "endnote":
                doc.notes[99] = "Endnote added in this version on the reporting cycle."
                para += "[^en:99]"
            if index == 3 and features == "hidden":
                para = para.replace(" ", " {drafting note kept hidden} ", 1)
            body = doc.inline(para)
            if "\0" in body:
                body = body.replace("\0", doc.formula(FRACTION))
            doc.body.append(f"<text:p>{extra}{body}</text:p>")
            if index == 6 and pair:
                filled = "Contributions assessed in the current version" if features == "cell" else ""
                doc.body.append(doc.table([["Region", "Status"], ["Indian Ocean States", filled]], "Status"))
    return write


# --- the UN texts by way of HTML ----------------------------------------------------------------------
def un_html(name: str) -> str:
    """A reflowed corpus text as HTML: the operative paragraphs an ordered list, footnotes in
    LibreOffice's own HTML form."""
    text = un_source.load(name)

    def inline(para: str) -> str:
        return re.sub(r"\[\^(\d+)\]", lambda m: f'<a class="sdfootnoteanc" name="sdfootnote{m.group(1)}anc" '
                      f'href="#sdfootnote{m.group(1)}sym"><sup>{m.group(1)}</sup></a>', html.escape(para, False))

    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>', html.escape(text.title), "</title></head><body>"]
    out += [f"<p>{inline(line)}</p>" for line in text.front]
    open_list = False
    for para in text.body:
        number, rest = un_source.split_label(para)
        if number and not open_list:
            out.append(f'<ol start="{number}">')
            open_list = True
        elif not number and open_list:
            out.append("</ol>")
            open_list = False
        out.append(f"<li>{inline(rest)}</li>" if number else f"<p>{inline(para)}</p>")
    if open_list:
        out.append("</ol>")
    for number, note in text.notes.items():
        out.append(f'<div id="sdfootnote{number}"><p class="sdfootnote"><a class="sdfootnotesym" '
                   f'name="sdfootnote{number}sym" href="#sdfootnote{number}anc">{number}</a>'
                   f"{html.escape(note)}</p></div>")
    out.append("</body></html>")
    return "".join(out)


DOCUMENTS: dict[str, Callable[[Odt], None]] = {
    "lo-tables": tables, "lo-frames": frames, "lo-formulas": formulas, "lo-lists": lists, "lo-notes": notes,
    "lo-hidden": hidden, "lo-fields": fields, "lo-sections": sections, "lo-short-paragraphs": short_paragraphs,
    "lo-one-word-paragraphs": one_words, "lo-tracked": tracked, "lo-controls": controls,
    "lo-un-A-RES-80-11": resolution("A-RES-80-11.txt"), "lo-un-A-RES-80-29": resolution("A-RES-80-29.txt"),
    "lo-pair-base": resolution("A-RES-80-13.txt", pair=True),
    **{f"lo-pair-{feature}": resolution("A-RES-80-13.txt", feature, pair=True)
       for feature in ("textbox", "equation", "endnote", "cell", "hidden")},
}
HTML_DOCUMENTS = {"lo-un-A-RES-80-48": "A-RES-80-48.txt", "lo-un-A-RES-80-13": "A-RES-80-13.txt"}


def convert(sources: list[Path], out: Path, infilter: str = "") -> None:
    command = ["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out)]
    if infilter:
        command.append(f"--infilter={infilter}")
    subprocess.run([*command, *map(str, sources)], check=True, capture_output=True, timeout=600)


def make(out: Path) -> list[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        odts = []
        for name, write in DOCUMENTS.items():
            doc = Odt()
            write(doc)
            doc.save(folder / f"{name}.odt")
            odts.append(folder / f"{name}.odt")
        pages = []
        for name, source in HTML_DOCUMENTS.items():
            (folder / f"{name}.html").write_text(un_html(source), encoding="utf-8")
            pages.append(folder / f"{name}.html")
        convert(odts, out)
        convert(pages, out, "HTML (StarWriter)")
    made = [out / f"{name}.docx" for name in [*DOCUMENTS, *HTML_DOCUMENTS]]
    missing = [path.name for path in made if not path.exists()]
    if missing:
        raise SystemExit(f"LibreOffice did not write {', '.join(missing)}")
    return made
