"""Makes the Word list files of this folder, by two writers: python-docx (numbering.xml written with lxml)
and LibreOffice (headless, from HTML and flat ODF). Rerun it from the repository's root:

    python tests/data/word/lists/make.py

It needs python-docx, lxml and `soffice` on the PATH; the tests only read what it wrote. The list items
of the "tasks" documents are the sub-paragraphs of operative paragraph 12 of S/2020/445 (Security Council
draft resolution on Somalia, tests/data/corpus/S-2020-445.txt).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# every value of ST_NumberFormat (ECMA-376 Part 1, 17.18.59) but bullet and custom, which have files of their own
FORMATS = [
    "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText", "ordinalText",
    "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha", "decimalFullWidth",
    "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand", "decimalEnclosedCircle",
    "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero", "ganada", "chosung",
    "decimalEnclosedFullstop", "decimalEnclosedParen", "decimalEnclosedCircleChinese", "ideographEnclosedCircle",
    "ideographTraditional", "ideographZodiac", "ideographZodiacTraditional", "taiwaneseCounting",
    "ideographLegalTraditional", "taiwaneseCountingThousand", "taiwaneseDigital", "chineseCounting",
    "chineseLegalSimplified", "chineseCountingThousand", "koreanDigital", "koreanCounting", "koreanLegal",
    "koreanDigital2", "vietnameseCounting", "russianLower", "russianUpper", "none", "numberInDash", "hebrew1",
    "hebrew2", "arabicAlpha", "arabicAbjad", "hindiVowels", "hindiConsonants", "hindiNumbers", "hindiCounting",
    "thaiLetters", "thaiNumbers", "thaiCounting", "bahtText", "dollarText",
]
ITEMS = 30


def tasks() -> tuple[str, list[str]]:
    """The chapeau and sub-paragraphs (a)-(i) of operative paragraph 12 of S/2020/445, lines joined."""
    text = (CORPUS / "S-2020-445.txt").read_text(encoding="utf-8")
    block = text[text.index("12. Decides to authorise"):text.index("13. Requests the African Union")]
    block = re.sub(r"\n\d+/9\s+20-07254\s+S/2020/445\s*\n", "\n", block)
    parts = re.split(r"\n\([a-i]\) ", block)
    def join(part: str) -> str:
        return " ".join(part.split())
    return join(parts[0])[4:], [join(part) for part in parts[1:]]


# --- python-docx, numbering.xml with lxml --------------------------------------
def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, qn(tag))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _level(abstract: etree._Element, ilvl: int, fmt: str, text: str, start: int = 1, font: str | None = None,
           restart: int | None = None, legal: bool = False, custom: str | None = None) -> None:
    lvl = _sub(abstract, "w:lvl", ilvl=str(ilvl))
    _sub(lvl, "w:start", val=str(start))
    if custom:  # as Word 2010 writes it: the custom format for those who know it, decimal for the rest
        alternate = etree.SubElement(lvl, f"{{{MC}}}AlternateContent")
        choice = etree.SubElement(alternate, f"{{{MC}}}Choice", Requires="w14")
        _sub(choice, "w:numFmt", val="custom", format=custom)
        _sub(etree.SubElement(alternate, f"{{{MC}}}Fallback"), "w:numFmt", val="decimal")
    else:
        _sub(lvl, "w:numFmt", val=fmt)
    if restart is not None:
        _sub(lvl, "w:lvlRestart", val=str(restart))
    if legal:
        _sub(lvl, "w:isLgl")
    _sub(lvl, "w:lvlText", val=text)
    _sub(_sub(lvl, "w:pPr"), "w:ind", left=str(720 * (ilvl + 1)), hanging="360")
    if font:
        _sub(_sub(lvl, "w:rPr"), "w:rFonts", ascii=font, hAnsi=font, hint="default")


class Numbered:
    """A python-docx document whose numbering part holds only the lists written here."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self.numbering = self.doc.part.numbering_part.element
        for child in list(self.numbering):
            self.numbering.remove(child)
        self.abstracts = 0
        self.nums: list[etree._Element] = []

    def abstract(self) -> etree._Element:
        el = _sub(self.numbering, "w:abstractNum", abstractNumId=str(self.abstracts))
        # abstractNum elements come before num elements
        if self.nums:
            self.nums[0].addprevious(el)
        self.abstracts += 1
        return el

    def num(self, abstract: etree._Element, overrides: dict[int, int] | None = None) -> int:
        num_id = len(self.nums) + 1
        el = _sub(self.numbering, "w:num", numId=str(num_id))
        _sub(el, "w:abstractNumId", val=abstract.get(qn("w:abstractNumId")) or "0")
        for ilvl, start in (overrides or {}).items():
            _sub(_sub(el, "w:lvlOverride", ilvl=str(ilvl)), "w:startOverride", val=str(start))
        self.nums.append(el)
        return num_id

    def item(self, text: str, num_id: int, ilvl: int = 0) -> None:
        para = self.doc.add_paragraph(text)
        numpr = _sub(para._p.get_or_add_pPr(), "w:numPr")
        _sub(numpr, "w:ilvl", val=str(ilvl))
        _sub(numpr, "w:numId", val=str(num_id))

    def save(self, name: str) -> Path:
        path = HERE / name
        self.doc.save(str(path))
        return path


def formats_file() -> Path:
    """One list of 30 items for each number format."""
    out = Numbered()
    for fmt in FORMATS:
        abstract = out.abstract()
        _level(abstract, 0, fmt, "%1.")
        num_id = out.num(abstract)
        out.doc.add_paragraph(f"Format {fmt}")
        for index in range(1, ITEMS + 1):
            out.item(f"{fmt} item {index}", num_id)
    return out.save("formats-python-docx.docx")


def numbering_file() -> Path:
    """Multi-level label texts, legal numbering, starts, overrides, restarts, custom formats and bullets."""
    out = Numbered()
    doc = out.doc
    outline = out.abstract()
    _level(outline, 0, "upperRoman", "%1.")
    _level(outline, 1, "decimal", "%1.%2.")
    _level(outline, 2, "lowerLetter", "%1.%2.%3)", legal=True)
    outline_num = out.num(outline)
    doc.add_paragraph("Outline")
    for text, ilvl in [("Chapter one.", 0), ("Section one.", 1), ("Point one.", 2), ("Point two.", 2),
                       ("Section two.", 1), ("Chapter two.", 0), ("Section three.", 1)]:
        out.item(text, outline_num, ilvl)

    started = out.abstract()
    _level(started, 0, "decimal", "%1.", start=5)
    _level(started, 1, "lowerLetter", "(%2)", restart=0)
    first = out.num(started)
    doc.add_paragraph("Starts and restarts")
    for text, ilvl in [("Five.", 0), ("Five a.", 1), ("Six.", 0), ("Six b, no restart.", 1)]:
        out.item(text, first, ilvl)
    again = out.num(started, {0: 1})
    for text in ["One again.", "Two again."]:
        out.item(text, again)
    going_on = out.num(started)
    out.item("Three, going on from the list before.", going_on)

    padded = out.abstract()
    _level(padded, 0, "decimal", "%1.", custom="001, 002, 003, ...")
    padded_num = out.num(padded)
    doc.add_paragraph("Custom format")
    for text in ["Padded one.", "Padded two."]:
        out.item(text, padded_num)

    bullets = out.abstract()
    _level(bullets, 0, "bullet", "\uf0b7", font="Symbol")
    _level(bullets, 1, "bullet", "o", font="Courier New")
    _level(bullets, 2, "bullet", "\uf0a7", font="Wingdings")
    _level(bullets, 3, "bullet", "\uf0d8", font="Wingdings")
    _level(bullets, 4, "bullet", "\uf0fc", font="Wingdings")
    _level(bullets, 5, "bullet", "–")
    bullets_num = out.num(bullets)
    doc.add_paragraph("Bullets")
    for ilvl, text in enumerate(["Symbol dot.", "Courier o.", "Wingdings square.", "Wingdings arrow.",
                                 "Wingdings check.", "En dash."]):
        out.item(text, bullets_num, ilvl)

    unknown = out.abstract()
    _level(unknown, 0, "hindiCounting", "%1.")
    unknown_num = out.num(unknown)
    doc.add_paragraph("A format Drafter does not print")
    for text in ["Hindi one.", "Hindi two."]:
        out.item(text, unknown_num)
    return out.save("numbering-python-docx.docx")


def tasks_python_docx(version: int) -> Path:
    """A plain document: a chapeau, its tasks numbered 1., 2., … and bullets under one; version 2 has one
    task more, inserted in the middle."""
    chapeau, items = tasks()
    out = Numbered()
    abstract = out.abstract()
    _level(abstract, 0, "decimal", "%1.")
    _level(abstract, 1, "bullet", "\uf0b7", font="Symbol")
    num_id = out.num(abstract)
    out.doc.add_paragraph("Priority tasks of AMISOM")
    out.doc.add_paragraph(chapeau)
    for index, item in enumerate(items):
        if version == 2 and index == 4:
            out.item("Support the Somali security forces in the protection of civilians, as appropriate;", num_id)
        if index == 2:  # "(c) Mentor, and assist …; …" with its parts as bullets
            head, *rest = item.split(", including ")
            out.item(head + ", including:", num_id)
            for part in rest[0].split(", and "):
                out.item(part, num_id, 1)
            continue
        out.item(item, num_id)
    out.doc.add_paragraph("Source: S/2020/445, operative paragraph 12.")
    return out.save(f"tasks-v{version}-python-docx.docx")


# --- LibreOffice --------------------------------------------------------------
PROFILE = Path(tempfile.mkdtemp(prefix="lists-soffice-"))  # one LibreOffice profile for the whole run


def _soffice(source: Path, name: str) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{PROFILE}", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", tmp, str(source)], check=True, capture_output=True,
                       timeout=180)
        target = HERE / name
        shutil.move(Path(tmp) / (source.stem + ".docx"), target)
    return target


def _render(path: Path) -> None:
    """LibreOffice's own reading of a Word file as text (labels included), kept beside it."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{PROFILE}", "--convert-to",
                        "txt:Text (encoded):UTF8", "--outdir", tmp, str(path)], check=True, capture_output=True,
                       timeout=180)
        shutil.move(Path(tmp) / (path.stem + ".txt"), HERE / (path.stem + ".libreoffice.txt"))


def tasks_libreoffice(version: int) -> Path:
    chapeau, items = tasks()
    lines = ["<html><body>", "<p>Priority tasks of AMISOM</p>", f"<p>{chapeau}</p>", "<ol>"]
    for index, item in enumerate(items):
        if version == 2 and index == 4:
            lines.append("<li>Support the Somali security forces in the protection of civilians, as appropriate;</li>")
        if index == 2:
            head, *rest = item.split(", including ")
            lines.append(f"<li>{head}, including:<ul>")
            lines += [f"<li>{part}</li>" for part in rest[0].split(", and ")]
            lines.append("</ul></li>")
            continue
        lines.append(f"<li>{item}</li>")
    lines += ["</ol>", "<p>Source: S/2020/445, operative paragraph 12.</p>", "</body></html>"]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"tasks-v{version}-libreoffice.html"
        source.write_text("\n".join(lines), encoding="utf-8")
        return _soffice(source, source.stem + ".docx")


def lists_libreoffice() -> Path:
    """Ordered lists of every HTML type, nested, a bullet list, and a list that starts at 4."""
    words = ["Alpha", "Bravo", "Charlie", "Delta"]
    lines = ["<html><body>"]
    for kind in ["1", "a", "A", "i", "I"]:
        lines.append(f"<p>Type {kind}</p><ol type=\"{kind}\">")
        lines += [f"<li>{kind} {word}.</li>" for word in words]
        lines.append("</ol>")
    lines.append("<p>Nested</p><ol type=\"1\"><li>Outer one:<ol type=\"a\"><li>Inner a.</li><li>Inner b:"
                 "<ol type=\"i\"><li>Deep i.</li><li>Deep ii.</li></ol></li></ol></li><li>Outer two.</li></ol>")
    lines.append("<p>Bullets</p><ul><li>Dot one.</li><li>Dot two:<ul><li>Circle one.</li></ul></li></ul>")
    lines.append("<p>Starting at four</p><ol start=\"4\"><li>Four.</li><li>Five.</li></ol>")
    lines.append("</body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "lists-libreoffice.html"
        source.write_text("\n".join(lines), encoding="utf-8")
        return _soffice(source, "lists-libreoffice.docx")


def words_libreoffice() -> Path:
    """A flat ODF text whose lists are numbered 1st, One, First (LibreOffice's names for them) and in
    Roman capitals: LibreOffice writes them to Word as ordinal, cardinalText, ordinalText, upperRoman."""
    styles = []
    body = []
    for index, fmt in enumerate(["1st", "One", "First", "I"]):
        styles.append(f'<text:list-style style:name="L{index}"><text:list-level-style-number text:level="1" '
                      f'style:num-format="{fmt}" style:num-suffix="."/></text:list-style>')
        body.append(f"<text:p>Format {fmt}</text:p><text:list text:style-name=\"L{index}\">")
        body += [f"<text:list-item><text:p>{fmt} item {n}.</text:p></text:list-item>" for n in range(1, 13)]
        body.append("</text:list>")
    fodt = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f'<office:automatic-styles>{"".join(styles)}</office:automatic-styles>'
            f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>')
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "words-libreoffice.fodt"
        source.write_text(fodt, encoding="utf-8")
        return _soffice(source, "words-libreoffice.docx")


def main() -> int:
    """Writes every file; simple-list.docx and num-having-numbering-part.docx are copies (see README.md)."""
    formats = formats_file()
    _render(formats)
    _render(numbering_file())
    for version in (1, 2):
        tasks_python_docx(version)
        tasks_libreoffice(version)
    _render(lists_libreoffice())
    _render(words_libreoffice())
    shutil.rmtree(PROFILE, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
