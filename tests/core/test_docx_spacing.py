"""The spaces of the tracked and redline Word exports: accept all gives the new text and reject all the old
one, character for character, and read with its marks (every deleted and inserted run shown) a closing mark
never has a space before it that neither text has ("Al-Shabaab , as" for "Al-Shabaab, as" → "Al-Shabaab as").

Texts: S/2018/257 and S/2019/266, the two Security Council drafts on Somalia of the corpus (PDFs of the
United Nations Official Document System), and random word edits of S/2019/266 (its text in the corpus).
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies
from lxml import etree

from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_redline import write_redline
from drafter.exporters.docx_tracked import write_tracked
from drafter.model import Paragraph, Resolution, Text
from tests import ooxml_review as review
from tests.corpus import CORPUS, load

SOFFICE = shutil.which("soffice")
CLOSING = ",;:.!?"
WORDS = ["Al-Shabaab", "Al-Shabaab,", "notably", "and", "(ISIL)", "also;", "2020", "Da’esh:", "in", "Somalia."]
OLD_PDF = CORPUS / "pdf" / "S_2018_257-EN.pdf"
NEW_PDF = CORPUS / "pdf" / "S_2019_266-EN.pdf"


# --- reading the files -------------------------------------------------------------------------------
def _kind(node: etree._Element) -> str:
    """"insert", "delete" or "equal": a tracked revision around the text, or the style of a redline run."""
    for ancestor in node.iterancestors(review.q("ins"), review.q("del"), review.q("r")):
        if ancestor.tag == review.q("ins"):
            return "insert"
        if ancestor.tag == review.q("del"):
            return "delete"
        style = ancestor.find(f"{review.q('rPr')}/{review.q('rStyle')}")
        name = style.get(review.q("val")) if style is not None else None
        if name in ("Inserted", "Deleted"):
            return "insert" if name == "Inserted" else "delete"
    return "equal"


def marked(data: bytes) -> Iterator[list[tuple[str, str]]]:
    """Each body paragraph of a tracked or redline export as its characters, each with its kind."""
    for p in review.read(data).document.iter(review.q("p")):
        yield [(char, _kind(node)) for node in p.iter(review.q("t"), review.q("delText")) for char in node.text or ""]


def stray_spaces(paragraph: list[tuple[str, str]]) -> list[str]:
    """The closing marks that follow a space where they are read with the marks, though neither text that
    holds them has a space before them; each with the characters around it."""
    out: list[str] = []
    before = {"delete": "", "insert": ""}  # the character before, in the old text and in the new one
    for index, (char, kind) in enumerate(paragraph):
        sides = ["delete"] if kind == "delete" else ["insert"] if kind == "insert" else ["delete", "insert"]
        if char in CLOSING and index and paragraph[index - 1][0].isspace() \
                and not any(before[side].isspace() for side in sides):
            out.append("".join(c for c, _k in paragraph[max(index - 30, 0):index + 10]))
        for side in sides:
            before[side] = char
    return out


def body_texts(data: bytes, accept: bool, formula: str) -> list[str]:
    """The texts of the paragraphs after the enacting formula, every revision accepted or rejected."""
    texts = ["".join(t.text or "" for t in p.iter(review.q("t")))
             for p in review.resolve(review.read(data).document, accept).iter(review.q("p"))]
    return texts[texts.index(formula) + 1:]


def model_texts(res: Resolution) -> list[str]:
    return [block.text for block in res.blocks()]


# --- the Security Council drafts on Somalia --------------------------------------------------------------
@pytest.fixture(scope="module")
def somalia() -> tuple[Resolution, Resolution]:
    return load(OLD_PDF), load(NEW_PDF)


@pytest.mark.parametrize("writer", ["tracked", "redline"])
@pytest.mark.parametrize("direction", ["2018 to 2019", "2019 to 2018"])
def test_no_space_before_a_changed_mark_in_the_somalia_drafts(somalia: tuple[Resolution, Resolution],
                                                               writer: str, direction: str) -> None:
    old, new = somalia if direction == "2018 to 2019" else somalia[::-1]
    data = write_tracked(old, new, author="Drafter")[0] if writer == "tracked" else write_redline(old, new)
    paragraphs = list(marked(data))
    assert [found for paragraph in paragraphs for found in stray_spaces(paragraph)] == []
    shown = ["".join(char for char, _kind in paragraph) for paragraph in paragraphs]
    if direction == "2018 to 2019":  # the comma of "Al-Shabaab, as" deleted, next to its word
        line = next(text for text in shown if "ongoing threat posed by Al-Shabaab" in text)
        assert "Al-Shabaab, as well" in line and "Al-Shabaab , as" not in line


def test_the_somalia_drafts_accept_and_reject_to_their_texts(somalia: tuple[Resolution, Resolution]) -> None:
    old, new = somalia
    data, _counts = write_tracked(old, new, author="Drafter")
    assert _squeezed(body_texts(data, True, new.formula)) == _squeezed(model_texts(new))
    assert _squeezed(body_texts(data, False, new.formula)) == _squeezed(model_texts(old))


def _squeezed(texts: list[str]) -> list[str]:
    """Texts with runs of white space as one space: equal words keep the new text's width of space."""
    return [" ".join(text.split()) for text in texts]


# --- random word edits ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sent() -> Resolution:
    return load(CORPUS / "S-2019-266.txt")


def _edited(res: Resolution, edits: list[tuple[int, int, str, str]]) -> Resolution:
    """`res` with word edits in the words after the lead of its paragraphs: (paragraph, word, kind, word)."""
    new = copy.deepcopy(res)
    paragraphs = [block for block in new.blocks() if isinstance(block, Paragraph) and len(block.content) == 2
                  and all(isinstance(item, Text) for item in block.content)]
    for at, word_at, kind, word in edits:
        para = paragraphs[at % len(paragraphs)]
        lead, rest = para.content
        assert isinstance(lead, Text) and isinstance(rest, Text)
        words = rest.text.split(" ")[1:]  # the rest begins with the space after the lead
        index = word_at % len(words)
        if kind == "delete" and len(words) > 1:
            del words[index]
        elif kind == "insert":
            words.insert(index, word)
        elif kind == "replace":
            words[index] = word
        elif kind == "comma":
            words[index] = words[index][:-1] if words[index].endswith(",") else words[index] + ","
        elif kind == "semicolon":
            words[index] = words[index].rstrip(",;") + ";"
        para.content = (lead, Text(" " + " ".join(words)))
    return new


EDITS = strategies.lists(strategies.tuples(strategies.integers(0, 60), strategies.integers(0, 200),
                                           strategies.sampled_from(["delete", "insert", "replace", "comma",
                                                                    "semicolon"]),
                                           strategies.sampled_from(WORDS)), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_random_word_edits_accept_and_reject_character_for_character(sent: Resolution,
                                                                      edits: list[tuple[int, int, str, str]]) -> None:
    new = _edited(sent, edits)
    data, _counts = write_tracked(sent, new, author="Drafter")
    assert body_texts(data, True, new.formula) == model_texts(new)
    assert body_texts(data, False, new.formula) == model_texts(sent)
    for written in (data, write_redline(sent, new)):
        assert [found for paragraph in marked(written) for found in stray_spaces(paragraph)] == []


def test_the_clean_export_has_the_spaces_of_the_text(sent: Resolution) -> None:
    new = _edited(sent, [(2, 5, "comma", ""), (2, 9, "insert", "Al-Shabaab,"), (7, 3, "semicolon", "")])
    paragraphs = ["".join(char for char, _kind in paragraph) for paragraph in marked(write_clean(new))]
    assert paragraphs[paragraphs.index(new.formula) + 1:] == model_texts(new)


def test_the_check_finds_a_space_before_a_mark() -> None:
    """The check itself: the markup the exports wrote before ("Al-Shabaab" + inserted " " + deleted ", ")."""
    paragraph = [*((c, "equal") for c in "Al-Shabaab"), (" ", "insert"), (",", "delete"), (" ", "delete"),
                 *((c, "equal") for c in "as")]
    assert stray_spaces(paragraph) == ["Al-Shabaab , as"]
    fixed = [*((c, "equal") for c in "Al-Shabaab"), (",", "delete"), *((c, "equal") for c in " as")]
    assert stray_spaces(fixed) == []


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_keeps_the_revisions_character_for_character(sent: Resolution, tmp_path: Path) -> None:
    """LibreOffice opens the tracked file and saves it as Word again: its revisions accept and reject to the
    two texts, character for character."""
    new = _edited(sent, [(2, 5, "comma", ""), (2, 9, "insert", "Al-Shabaab,"), (7, 3, "semicolon", ""),
                         (11, 4, "delete", ""), (11, 6, "replace", "notably"), (20, 2, "comma", "")])
    source = tmp_path / "tracked.docx"
    source.write_bytes(write_tracked(sent, new, author="Drafter")[0])
    out = tmp_path / "libreoffice"
    subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=240)
    data = (out / "tracked.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<w:ins " in archive.read("word/document.xml")
    assert body_texts(data, True, new.formula) == model_texts(new)
    assert body_texts(data, False, new.formula) == model_texts(sent)
