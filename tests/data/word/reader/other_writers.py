"""The reader's test files from writers other than python-docx: LibreOffice headless (from .fodt and HTML
written here) and html-docx-js (HTML as an embedded .mht document, `w:altChunk`, the way web pages make
Word files)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from texts import BOX_TEXT, COUNTRIES, VOTES, resolution_80_11

HERE = Path(__file__).resolve().parent
HTML_DOCX_JS = "html-docx-js@0.3.1"  # MIT licence
_NODE = """const fs = require('fs');
const htmlDocx = require('html-docx-js');
(async () => {
  const blob = htmlDocx.asBlob(fs.readFileSync(process.argv[2], 'utf8'));
  const data = blob instanceof Blob ? Buffer.from(await blob.arrayBuffer()) : blob;
  fs.writeFileSync(process.argv[3], data);
})();
"""


# --- LibreOffice -----------------------------------------------------------------------
ODF = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:'
       'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:'
       'names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-'
       'compatible:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:'
       'names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
       'xmlns:table:1.0" xmlns:math="http://www.w3.org/1998/Math/MathML" office:version="1.3" '
       'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles><style:style '
       'style:name="hid" style:family="text"><style:text-properties text:display="none"/></style:style>'
       "</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tp(text: str) -> str:
    return f"<text:p>{_escape(text)}</text:p>"


def lo_frame(variant: str) -> str:
    paras = resolution_80_11()[:3]
    box = [*BOX_TEXT]
    if variant == "b":
        box[1] = box[1].replace("A/C.5/80/12", "A/C.5/80/14")
    frame = ('<draw:frame draw:name="Box1" text:anchor-type="paragraph" svg:width="8cm" svg:height="3cm">'
             f'<draw:text-box>{"".join(_tp(t) for t in box)}</draw:text-box></draw:frame>')
    return _tp(paras[0]) + _tp(paras[1]) + f"<text:p>{_escape(paras[2])}{frame}</text:p>" + \
        _tp("Decides to remain seized of the matter.")


def lo_formula(variant: str) -> str:
    power = "2" if variant == "a" else "3"
    math = ('<draw:frame draw:name="F{n}" text:anchor-type="as-char" svg:width="3cm" svg:height="1cm">'
            "<draw:object><math:math><math:semantics>{mathml}</math:semantics></math:math></draw:object>"
            "</draw:frame>")
    growth = ("<math:mrow><math:msup><math:mi>x</math:mi><math:mn>" + power + "</math:mn></math:msup>"
              "<math:mo>+</math:mo><math:mfrac><math:mi>a</math:mi><math:mi>b</math:mi></math:mfrac></math:mrow>")
    index = ("<math:mrow><math:munderover><math:mo>∑</math:mo><math:mrow><math:mi>i</math:mi><math:mo>=</math:mo>"
             "<math:mn>1</math:mn></math:mrow><math:mi>n</math:mi></math:munderover><math:msub><math:mi>w</math:mi>"
             "<math:mi>i</math:mi></math:msub><math:msqrt><math:mi>y</math:mi></math:msqrt></math:mrow>")
    paras = resolution_80_11()[:2]
    return (_tp(paras[0]) + _tp(paras[1])
            + f"<text:p>Notes that the index rises as {math.format(n=1, mathml=growth)} where the gap grows.</text:p>"
            + f"<text:p>{math.format(n=2, mathml=index)}</text:p>" + _tp("Decides to remain seized of the matter."))


def _note(kind: str, number: int, text: str) -> str:
    return (f'<text:note text:id="{kind}{number}" text:note-class="{kind}"><text:note-citation>{number}'
            f"</text:note-citation><text:note-body>{_tp(text)}</text:note-body></text:note>")


def lo_endnotes(variant: str) -> str:
    paras = resolution_80_11()[:4]
    ends = ["Resolution 60/180.", "A/79/552-S/2024/767.", "A/79/609-S/2024/827."]
    if variant == "b":
        ends[1] = "A/79/552-S/2024/768."
    out = _tp(paras[0])
    for index, text in enumerate(paras[1:4]):
        out += (f"<text:p>{_escape(text)}{_note('footnote', index + 1, f'Resolution {65 + index}/7.')}"
                f"{_note('endnote', index + 1, ends[index])}</text:p>")
    return out


def lo_hidden() -> str:
    paras = resolution_80_11()[:3]
    return (_tp(paras[0]) + f'<text:p>{_escape(paras[1])}<text:span text:style-name="hid"> [check with the '
            "Secretariat]</text:span></text:p>" + _tp(paras[2])
            + '<text:p><text:span text:style-name="hid">Alternative wording kept for reference.</text:span>'
            "</text:p><text:p>Adopted on <text:date>26 November 2025</text:date>, page <text:page-number>1"
            "</text:page-number> of <text:page-count>1</text:page-count>.</text:p>")


def lo_paragraphs_html() -> str:
    cells = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in VOTES)
    # numbers typed by hand are the model's structure, not its words: the paragraphs go without them here
    unnumbered = (re.sub(r"^(\d+\.|\([a-z]+\)) ", "", text) for text in resolution_80_11())
    paras = "".join(f"<p>{_escape(text)}</p>" for text in unnumbered)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>Sponsors</p>'
            f'{"".join(f"<p>{c}</p>" for c in COUNTRIES)}<table>{cells}</table>{paras}</body></html>')


def libreoffice(folder: Path, name: str, source: str, suffix: str) -> None:
    src = folder / f"{name}{suffix}"
    src.write_text(source, encoding="utf-8")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(folder), str(src)], check=True,
                   capture_output=True, timeout=300)
    shutil.copy(folder / f"{name}.docx", HERE / f"{name}.docx")


def lo_controls() -> str:
    """A drop-down (Word writes it as a content control, `w:sdt`), a fixed date and an input field."""
    return ('<text:p>Vote of Chile: <text:drop-down text:name="vote"><text:label text:value="In favour"/>'
            '<text:label text:value="Against"/>In favour</text:drop-down>, recorded.</text:p>'
            '<text:p>Adopted on <text:date text:fixed="true" text:date-value="2025-11-26">26 November 2025'
            '</text:date>.</text:p><text:p>Speaker: <text:text-input text:description="country">Chile'
            "</text:text-input>.</text:p>")


def html_docx(folder: Path, name: str, variant: str) -> None:
    """A/RES/80/11 as a web page, made into a Word file by html-docx-js; `b` differs in one word."""
    paras = resolution_80_11()[:6]
    if variant == "b":
        paras[3] = paras[3].replace("interlinked", "interconnected")
    rows = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in VOTES)
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Draft resolution</h1>'
            + "".join(f"<p>{_escape(text)}</p>" for text in paras) + f"<table>{rows}</table></body></html>")
    if not (folder / "node_modules" / "html-docx-js").exists():
        subprocess.run(["npm", "install", "--silent", "--prefix", str(folder), HTML_DOCX_JS], check=True,
                       capture_output=True, timeout=600)
    (folder / "make.js").write_text(_NODE, encoding="utf-8")
    (folder / f"{name}.html").write_text(html, encoding="utf-8")
    subprocess.run(["node", str(folder / "make.js"), str(folder / f"{name}.html"), str(HERE / f"{name}.docx")],
                   check=True, capture_output=True, timeout=120, cwd=folder)
