"""Make the compilation texts of tests/data/brackets: A/RES/76/159 with square brackets typed as text, as a
facilitator's compilation or a Rev. arrives, by two writers other than Drafter.

    /work/main/.venv/bin/python tests/data/brackets/make.py      (from the repository root; needs `soffice`)

- `compilation.fodt` → `compilation.docx`: LibreOffice (`soffice --headless --convert-to docx`), written with
  the flat OpenDocument writer of tests/data/negotiate (`writers.py`): the operative paragraphs a numbered
  list, the lead words italic, the footnotes, and the holders as compilations write them: "[…] (EU)" after the
  closing bracket, "[…]US" glued to it, and one in a comment (`office:annotation`, "Held by G77");
- `rev1.docx`: python-docx, a Rev. with the paragraph numbers typed ("4. "), a paragraph bracketed whole with
  its number inside ("[4. Requests …]"), a comment "Russian Federation" on a bracketed span (comments.xml
  written by python-docx), the UN's own brackets ("[sic]", "“[t]he”", "[…]", "A/76/[xxx]") and an unpaired "[".

`EXPECTED` (imported by the tests) says what each file holds: every bracket, its paragraph and its holder.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "negotiate"))

SOURCE = ROOT / "tests" / "data" / "corpus" / "A-RES-76-159.txt"

# (label, words as typed in the file's paragraph) in the LibreOffice compilation; words are replaced in place
LIBREOFFICE_EDITS = [
    ("PP3", "Human Rights Council resolution 47/9 of 12 July 2021", "[Human Rights Council resolution 47/9 of 12 July "
                                                                "2021] (EU)"),
    ("OP5", "build an international order", "[build [an international] order]"),
    ("OP7", "preventing violations", "[preventing violations]"),
    ("OP10", "in international forums", "[in international forums"),  # unpaired: stays text, named with OP10
]
LIBREOFFICE_WHOLE = {"PP5": "US"}  # paragraphs bracketed whole, the holder glued after "]"
LIBREOFFICE_COMMENT = ("OP7", "[preventing violations]", "G77 delegate", "Held by G77")

# what the tests expect: (label, bracketed words, holder, whole paragraph)
EXPECTED = {
    "compilation.docx": {
        "found": [("PP3", "Human Rights Council resolution 47/9 of 12 July 2021", "EU", False),
                  ("PP5", None, "US", True),
                  ("OP5", "build [an international] order", "", False),
                  ("OP5", "an international", "", False),
                  ("OP7", "preventing violations", "G77", False)],
        "unpaired": [("OP10", "[")],
    },
    "rev1.docx": {
        "found": [("PP1", "guided by the purposes", "Russian Federation", False),
                  ("OP2", "and the responsibility of all Member States", "EU, CELAC", False),
                  ("OP4", None, "", True)],
        "unpaired": [("OP6", "]")],
        "kept": ["[sic]", "[t]", "[…]", "[xxx]"],
    },
}

REV1 = [
    ("The General Assembly,", ""),
    ("PP", "*Reaffirming* its commitment to the principles of the Charter, [guided by the purposes] of the United "
           "Nations,"),
    ("PP", "*Recalling* its resolution 75/180 of 16 December 2020,"),
    ("OP", "1. *Reaffirms* that “[t]he purposes of the United Nations include promoting respect [sic] for human "
           "rights” […];"),
    ("OP", "2. *Reaffirms also* that it is one of the purposes of the United Nations [and the responsibility of "
           "all Member States] (EU, CELAC) to promote human rights;"),
    ("OP", "3. *Takes note* of the report of the Secretary-General (A/76/[xxx]);"),
    ("OP", "[4. *Requests* the Secretary-General to submit a report at its seventy-seventh session;]"),
    ("OP", "5. *Urges* all States to cooperate with the special procedures;"),
    ("OP", "6. *Decides* to continue its consideration of the question at its seventy-seventh session.]"),
]
REV1_COMMENT = ("[guided by the purposes]", "Russian Federation")


def libreoffice() -> None:
    from writers import Fodt, comment, from_resolution, markup, soffice_docx

    from drafter.importers import load  # reads the corpus text: the source, not a writer

    doc = from_resolution(load(str(SOURCE)))
    for label, old, new in LIBREOFFICE_EDITS:
        _replace_words(doc.find(label), old, new)
    for label, holder in LIBREOFFICE_WHOLE.items():
        para = doc.find(label)
        para.pieces = [*markup("["), *para.pieces, *markup(f"]{holder}")]
    label, words, author, text = LIBREOFFICE_COMMENT
    comment(doc, label, words, author, text)
    (HERE / "compilation.fodt").write_text(Fodt().write(doc), encoding="utf-8")
    soffice_docx(HERE / "compilation.fodt")


def _replace_words(para: Any, old: str, new: str) -> None:
    """The words `old` of a paragraph (found once) typed anew as `new`, without a recorded change."""
    from writers import Piece, _split

    start, stop = _split(para, old)
    para.pieces[start:stop] = [Piece(new, para.pieces[start].italic)]


def python_docx() -> None:
    import docx

    document = docx.Document()
    target = None
    for kind, text in REV1:
        paragraph = document.add_paragraph()
        body = text or kind
        for index, part in enumerate(body.split("*")):
            for piece in re.split(f"({re.escape(REV1_COMMENT[0])})", part):  # the commented words: a run
                if piece:
                    paragraph.add_run(piece).italic = index % 2 == 1
        if REV1_COMMENT[0] in body:
            target = paragraph
    assert target is not None
    runs = [run for run in target.runs if run.text == REV1_COMMENT[0]]
    document.add_comment(runs, text=REV1_COMMENT[1], author="Facilitator", initials="F")
    document.save(str(HERE / "rev1.docx"))


if __name__ == "__main__":
    libreoffice()
    python_docx()
