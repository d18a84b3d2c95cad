"""Make the delegations' Word files of tests/data/negotiate from A/RES/76/159, by writers other than Drafter.

    /work/main/.venv/bin/python tests/data/negotiate/make.py      (from the repository root)

The text sent to the delegations (`sent.fodt`, converted to `sent.docx` by LibreOffice) is A/RES/76/159
from tests/data/corpus, written here as a flat OpenDocument text: front matter, the formula, the preambular
paragraphs with their lead words in italics, the operative paragraphs as a numbered list, the footnotes.
Each delegation's file is that text with its own edits (`EDITS`), written by one of three writers:

- LibreOffice: `eu.fodt` holds the edits as recorded changes (`text:tracked-changes`) by their authors
  ("European Union", and one by "Canada") and a comment (`office:annotation`); `soffice --headless
  --convert-to docx` writes `eu.docx` with `w:ins`/`w:del` and comments.xml;
- python-redlines (its Docxodus engine, the delegation as author): `g77.docx`, sent.docx compared with
  a clean copy holding the edits of the "Group of 77 and China";
- python-docx and lxml: `usa.docx`, a clean edited copy of sent.docx (no revisions: the delegation is
  named on the command line), and `russia.docx`, revisions written as Word writes them (`w:ins`, `w:del`,
  deleted paragraph marks, a move as `w:moveFrom`/`w:moveTo`) by "Russian Federation", with a comment.

`manifest.json` records, for each file, its writer, its authors, the edits each author made and the text
(every paragraph's plain text, in order) that accepting that author's revisions alone gives: what the tests
compare Drafter's reading with. The edits are functions of this script, not of Drafter.

`bench_files(symbol_text, count, folder)` writes delegation files for the benchmark the same way
(python-docx and lxml), from any corpus text.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from docx.oxml.ns import qn  # noqa: E402
from word_file import WordFile, redline, simple_run  # noqa: E402
from writers import Doc, Fodt, accepted, apply_edits, from_resolution, soffice_docx  # noqa: E402

from drafter.importers import load  # noqa: E402  (reads the corpus text: the source, not a writer)

SOURCE = ROOT / "tests" / "data" / "corpus" / "A-RES-76-159.txt"

EU, CANADA, G77, USA, RUSSIA = "European Union", "Canada", "Group of 77 and China", "United States", \
    "Russian Federation"
EDITS: dict[str, list[tuple[str, ...]]] = {
    EU: [
        ("replace", "PP8", "Stressing", "*Underlining*"),
        ("replace", "OP5", "build an international order", "promote a rules-based international order"),
        ("insert", "OP13", "bilateral,", " subregional,"),
        ("new", "OP4", "*Encourages* States to share good practices in the field of human rights cooperation;"),
        ("comment", "OP7", "preventing violations", "Could the facilitator clarify the scope of prevention?"),
    ],
    CANADA: [
        ("replace", "OP16", "in collaboration with", "in close collaboration with"),
    ],
    G77: [
        ("replace", "PP7", "is not just a matter of relations", "is not merely a matter of relations"),
        ("replace", "OP9", "inter alia,", "among other things,"),
        ("replace", "OP12", "to contribute actively", "to contribute actively and constructively"),
    ],
    USA: [
        ("replace", "PP2", "comprehensive, far-reaching", "comprehensive"),
        ("delete", "OP3"),
        ("replace", "OP12", "Calls upon", "*Encourages*"),
    ],
    RUSSIA: [
        ("replace", "OP5", "build an international order", "build a just and equitable international order"),
        ("insert", "OP13", "bilateral,", " interregional,"),
        ("new", "OP4", "*Calls upon* States to refrain from unilateral coercive measures;"),
        ("delete", "OP9"),
        ("move", "PP15", "PP13"),
        ("comment", "OP17", "at its", "The Russian Federation proposes a biennial cycle."),
    ],
}


# --- the files -----------------------------------------------------------------------------------------
def expected_move(texts: list[str], doc: Doc, author: str) -> list[str]:
    """The accepted text with the author's moves done (the LibreOffice model has none)."""
    labels = [p.label for p in doc.body]
    for kind, *args in EDITS[author]:
        if kind == "move":
            at = labels.index(args[0])
            text, label = texts.pop(at), labels.pop(at)
            to = labels.index(args[1]) + 1
            texts.insert(to, text)
            labels.insert(to, label)
    return texts


def bench_files(source: Path, count: int, folder: Path, edits: int = 6, seed: int = 80) -> tuple[Path, list[Path]]:
    """A text sent (LibreOffice) and `count` delegations' files (python-docx and lxml, revisions by
    "Delegation n"), each with `edits` changes to paragraphs of its own choosing, for the benchmark."""


    rng = random.Random(seed)
    res = load(str(source))
    sent = from_resolution(res)
    (folder / "sent.fodt").write_text(Fodt().write(sent), encoding="utf-8")
    sent_docx = soffice_docx(folder / "sent.fodt")
    labels = {p.label: p.text.strip() for p in sent.body}
    unique = [label for label, text in labels.items() if label and list(labels.values()).count(text) == 1]
    out = []
    for number in range(1, count + 1):
        author = f"Delegation {number}"
        word = WordFile(sent_docx, {label: labels[label] for label in unique})
        chosen = rng.sample(unique, edits)
        for index, label in enumerate(chosen):
            runs = [r.findtext(qn("w:t")) or "" for r in word.by_label[label].iter(qn("w:r")) if simple_run(r)]
            words = re.findall(r"(?<= )[a-z]+(?= )", max(runs, key=len)) if runs else []
            if not words:
                continue
            chosen_word = rng.choice(words)
            if index % 3 == 0:
                word.replace(label, f" {chosen_word} ", " further ", author)
            elif index % 3 == 1:
                word.insert(label, f" {chosen_word} ", "and relevant ", author)
            elif "(" not in label:
                word.new(label, "*Encourages* all Member States to consider the matter further;", author)
        out.append(word.save(folder / f"delegation-{number}.docx"))
    return sent_docx, out


def main() -> None:
    sent_res = load(str(SOURCE))
    sent = from_resolution(sent_res)
    (HERE / "sent.fodt").write_text(Fodt().write(sent), encoding="utf-8")
    soffice_docx(HERE / "sent.fodt")
    labels = {p.label: p.text.strip() for p in sent.body}
    manifest: dict[str, object] = {"source": "tests/data/corpus/A-RES-76-159.txt", "sent": "sent.docx", "files": {}}
    files: dict[str, object] = {}

    eu = from_resolution(sent_res)
    apply_edits(eu, EU, EDITS[EU])
    apply_edits(eu, CANADA, EDITS[CANADA])
    (HERE / "eu.fodt").write_text(Fodt().write(eu), encoding="utf-8")
    soffice_docx(HERE / "eu.fodt")
    files["eu.docx"] = {"writer": "LibreOffice (recorded changes in eu.fodt, converted by soffice)",
                        "authors": {EU: accepted(eu, EU), CANADA: accepted(eu, CANADA)}}

    g77 = from_resolution(sent_res)
    apply_edits(g77, G77, EDITS[G77])
    clean = WordFile(HERE / "sent.docx", labels)
    clean.apply(G77, EDITS[G77], tracked=False)
    with tempfile.TemporaryDirectory() as scratch:
        edited = clean.save(Path(scratch) / "g77-clean.docx")
        redline(G77, HERE / "sent.docx", edited, HERE / "g77.docx")
    files["g77.docx"] = {"writer": "python-redlines 2.0 (Docxodus engine), author set to the delegation",
                         "authors": {G77: accepted(g77, G77)}}

    usa = from_resolution(sent_res)
    apply_edits(usa, USA, EDITS[USA])
    copy_ = WordFile(HERE / "sent.docx", labels)
    copy_.apply(USA, EDITS[USA], tracked=False)
    copy_.save(HERE / "usa.docx")
    files["usa.docx"] = {"writer": "python-docx (a clean edited copy, no revisions)", "clean": USA,
                         "authors": {USA: accepted(usa, USA)}}

    russia = from_resolution(sent_res)
    apply_edits(russia, RUSSIA, EDITS[RUSSIA])
    word = WordFile(HERE / "sent.docx", labels)
    word.apply(RUSSIA, EDITS[RUSSIA], tracked=True)
    word.save(HERE / "russia.docx")
    files["russia.docx"] = {"writer": "python-docx and lxml (w:ins, w:del, paragraph marks, w:moveFrom/w:moveTo, "
                                      "a comment by python-docx)",
                            "authors": {RUSSIA: expected_move(accepted(russia, RUSSIA), russia, RUSSIA)}}
    manifest["files"] = files
    manifest["edits"] = {author: [list(edit) for edit in edits] for author, edits in EDITS.items()}
    manifest["sent_texts"] = [p.text for p in sent.body]
    manifest["sent_labels"] = [p.label for p in sent.body]
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("written:", ", ".join(sorted(["sent.docx", *files])))


if __name__ == "__main__":
    main()
