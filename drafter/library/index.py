"""Adding files to the library: each file read once (`drafter.inputs.read`), described, and stored.

A document is described by its front matter (symbol, organ, session, title, agenda item), its date
of adoption (the adoption line, else the closing, else the date printed at the top) and the
General Assembly resolutions it recalls as its own ("its resolution 75/180"), from which the series
are made (`drafter.library.series`). Each paragraph and sub-paragraph, annexes included, is a row
with its label (PP3, OP5(a), "annex 1 para 4"), its part, its lead phrase, its text and the texts of
the footnotes it cites.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drafter import inputs
from drafter.compare.labels import labels_of
from drafter.leadwords import lead_phrase
from drafter.library import matching
from drafter.library.store import MAX_PARAGRAPHS, document_id, paragraph_id, paragraph_ids
from drafter.library.vocabulary import Vocabulary
from drafter.model import Block, NoteRef, Paragraph, Resolution, Text, all_blocks
from drafter.parts import parts_of
from drafter.rules.grammar import LANGS, citation_lists, other_body
from drafter.sessions import parse_date

# what `add` takes from a folder: the files Drafter reads
EXTENSIONS = frozenset({".txt", ".pdf", ".docx", ".xml", ".akn", ".drafter", ".json"})
_HASH_CHUNK = 1 << 20


@dataclass
class ParagraphRecord:
    position: int
    label: str
    part: str  # "preamble", "operative" or "annex"
    lead: str
    text: str
    footnotes: list[str]
    tokens: list[str]  # the masked words (`matching.masked`)
    exact: int
    masked: int


@dataclass
class DocumentRecord:
    """A file read and described, ready to be stored."""

    hash: str
    path: str
    symbol: str
    number: str  # "75/180" for a General Assembly resolution, else ""
    organ: str
    doc_type: str
    date: str  # ISO, "" when the text carries none
    session: str
    title: str
    agenda: str
    recalls: list[str]
    warnings: list[str]
    formula: str = ""  # kept only to tell a resolution from any text
    paragraphs: list[ParagraphRecord] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


def content_hash(path: str) -> str:
    """The SHA-256 of a file's bytes: the same file under any name is the same document."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def files_under(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """The files to add: each file named, and under each folder (recursively, in name order) those
    Drafter reads; and the paths skipped: files of other kinds found in folders, paths that do not exist."""
    found: list[str] = []
    other: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    full = os.path.join(folder, name)
                    is_known = os.path.splitext(name)[1].lower() in EXTENSIONS and not name.startswith(".")
                    (found if is_known else other).append(full)
        else:
            found.append(path)
    return found, other


def _iso(date: datetime.date | None) -> str:
    return date.isoformat() if date else ""


def adoption_date(res: Resolution) -> str:
    """The date of adoption as ISO text: the adoption line, else the closing, else the printed date."""
    lang = res.language if res.language in LANGS else "en"
    for text in (res.front.adoption, *reversed(res.closing), res.front.date):
        found = parse_date(text, lang) if text else None
        if found:
            return _iso(found)
    return ""


def number_of(res: Resolution) -> str:
    """"75/180" for a General Assembly resolution, from its number or its symbol."""
    number = res.front.number.split(".")[0].strip()
    if number and "/" in number and number.replace("/", "").replace(" ", "").isalnum():
        return number
    symbol = res.front.symbol
    if symbol.startswith("A/RES/"):
        return symbol[len("A/RES/"):]
    return ""


def recalled(res: Resolution, own: str) -> list[str]:
    """The General Assembly resolutions the text cites as its own ("its resolutions 47/19 … and 72/4")."""
    lang = res.language if res.language in LANGS else "en"
    out: dict[str, None] = {}
    for block in all_blocks(res.preamble + res.operative):
        if not isinstance(block, Paragraph):
            continue
        text = block.text
        for clist in citation_lists(text, lang):
            if not text[max(0, clist.start - 4):clist.start].lower().endswith("its "):
                continue
            for item in clist.items:
                if item.number != own and not other_body(text, clist, item, lang):
                    out[item.number] = None
    return list(out)


def title_key(title: str) -> str:
    """The title in matching form, numbers masked ("2025 review of …" and "2020 review of …" are one)."""
    return " ".join(matching.masked(matching.words(title)))


def _lead(para: Paragraph) -> str:
    first = para.content[0] if para.content else None
    if isinstance(first, Text) and first.italic and first.text.strip():
        return first.text.strip()
    text = para.text.lstrip()
    return text[:lead_phrase(text)].strip()


def _footnotes(res: Resolution, para: Paragraph) -> list[str]:
    out: list[str] = []
    for item in para.content:
        if isinstance(item, NoteRef):
            note = res.footnote(item.note)
            out.append(note.text if note is not None else "")
    return out


def _paragraphs(res: Resolution) -> Iterator[tuple[str, Paragraph]]:
    for part, blocks in parts_of(res).items():
        kind = "annex" if part.startswith("annex") else part
        block: Block
        for block in all_blocks(blocks):
            if isinstance(block, Paragraph):
                yield kind, block


def labelled_paragraphs(res: Resolution) -> list[tuple[str, str, str, Paragraph]]:
    """Every paragraph with words, in reading order: label, part, text (spaces made single) and the paragraph."""
    labels = labels_of(res)
    out: list[tuple[str, str, str, Paragraph]] = []
    for part, para in _paragraphs(res):
        text = " ".join(para.text.split())
        if text:
            out.append((labels.get(para.id, "?"), part, text, para))
    return out


def describe(path: str, digest: str) -> DocumentRecord:
    """A file read and described (raises `drafter.errors.DrafterError` for a file Drafter cannot read)."""
    res = inputs.read(path).text
    front = res.front
    number = number_of(res)
    record = DocumentRecord(
        hash=digest, path=os.path.abspath(path), symbol=front.symbol.strip(), number=number,
        organ=front.organ.strip(), doc_type=front.doc_type, date=adoption_date(res), session=front.session.strip(),
        title=" ".join(front.title.split()),
        agenda="; ".join(" ".join(f"{item.number} {item.title}".split()) for item in front.agenda_items),
        recalls=recalled(res, number), warnings=list(res.warnings), formula=res.formula.strip(),
    )
    for label, part, text, para in labelled_paragraphs(res):
        exact = matching.words(text)
        if not exact:
            continue
        tokens = matching.masked(exact)
        record.paragraphs.append(ParagraphRecord(
            position=len(record.paragraphs), label=label, part=part, lead=_lead(para),
            text=text, footnotes=_footnotes(res, para), tokens=tokens, exact=matching.digest(exact),
            masked=matching.digest(tokens)))
    return record


def store(conn: sqlite3.Connection, record: DocumentRecord, vocabulary: Vocabulary) -> int:
    """Insert a described document (inside the caller's transaction); its id. New words join the
    vocabulary."""
    if len(record.paragraphs) >= MAX_PARAGRAPHS:
        raise ValueError(f"more than {MAX_PARAGRAPHS - 1} paragraphs in one part")
    doc = document_id(conn, record.date)
    conn.execute(
        "INSERT INTO documents (id, hash, path, symbol, number, organ, doc_type, date, year, session, title, agenda, "
        "title_key, recalls, series, paragraphs, warnings, added) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
        (doc, record.hash, record.path, record.symbol, record.number, record.organ, record.doc_type, record.date,
         record.year, record.session, record.title, record.agenda, title_key(record.title),
         " ".join(record.recalls), len(record.paragraphs), json.dumps(record.warnings, ensure_ascii=False),
         datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")))
    ids = [paragraph_id(doc, p.part, p.position) for p in record.paragraphs]
    rows = [(para, p.label, p.part, p.lead, p.text, json.dumps(p.footnotes, ensure_ascii=False),
             p.exact, p.masked, record.date) for para, p in zip(ids, record.paragraphs, strict=True)]
    conn.executemany("INSERT INTO paragraphs (id, label, part, lead, text, footnotes, exact, masked, date) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO text_index (rowid, text, lead) VALUES (?, ?, ?)",
                     [(row[0], row[4], row[3]) for row in rows])
    for word in vocabulary.missing(token for p in record.paragraphs for token in p.tokens):
        number = conn.execute("INSERT INTO vocabulary (word) VALUES (?)", (word,)).lastrowid
        assert number is not None
        vocabulary.learn([(number, word)])
    first, last = record.date or UNDATED_FIRST, record.date
    for para, p in zip(ids, record.paragraphs, strict=True):
        form = vocabulary.encode(p.tokens)
        count = conn.execute(_COUNT_WORDING, (p.masked, len(form), form, first, para, last, para)).fetchone()[0]
        if count == 1:  # a wording not met before: its sketch
            conn.executemany("INSERT OR IGNORE INTO sketch (h, masked, words) VALUES (?, ?, ?)",
                             [(h, p.masked, len(form)) for h in matching.sketch(form)])
    return doc


# a wording's count and its earliest and latest paragraphs, with one more paragraph (the right-hand sides
# of SET read the row as it was)
_COUNT_WORDING = """
INSERT INTO wordings (masked, words, form, count, first_date, first_para, last_date, last_para)
VALUES (?, ?, ?, 1, ?, ?, ?, ?)
ON CONFLICT (masked) DO UPDATE SET
    count = count + 1,
    first_para = CASE WHEN excluded.first_date < first_date THEN excluded.first_para ELSE first_para END,
    first_date = min(first_date, excluded.first_date),
    last_para = CASE WHEN excluded.last_date >= last_date THEN excluded.last_para ELSE last_para END,
    last_date = max(last_date, excluded.last_date)
RETURNING count
"""
UNDATED_FIRST = "9999-12-31"  # what an undated paragraph counts as when looking for the earliest


def unstore(conn: sqlite3.Connection, doc: int) -> None:
    """Delete a document, its paragraphs and their full-text entries, and what its wordings count of it."""
    low, high = paragraph_ids(doc)
    rows = conn.execute("SELECT id, text, lead, masked FROM paragraphs WHERE id >= ? AND id < ?",
                        (low, high)).fetchall()
    conn.executemany("INSERT INTO text_index (text_index, rowid, text, lead) VALUES ('delete', ?, ?, ?)",
                     [row[:3] for row in rows])
    conn.execute("DELETE FROM paragraphs WHERE id >= ? AND id < ?", (low, high))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
    for masked in {row[3] for row in rows}:
        recount(conn, masked)


def recount(conn: sqlite3.Connection, masked: int) -> None:
    """Count a wording's paragraphs again, and find its earliest and latest; a wording no paragraph holds
    any more goes, with its sketch."""
    count = conn.execute("SELECT COUNT(*) FROM paragraphs WHERE masked = ?", (masked,)).fetchone()[0]
    if count == 0:
        form = conn.execute("SELECT form FROM wordings WHERE masked = ?", (masked,)).fetchone()
        if form is not None:
            conn.executemany("DELETE FROM sketch WHERE h = ? AND masked = ?",
                             [(h, masked) for h in matching.sketch(form[0])])
        conn.execute("DELETE FROM wordings WHERE masked = ?", (masked,))
        return
    first = conn.execute("SELECT id, date FROM paragraphs WHERE masked = ? ORDER BY date = '', date, id LIMIT 1",
                         (masked,)).fetchone()
    last = conn.execute("SELECT id, date FROM paragraphs WHERE masked = ? ORDER BY date DESC, id DESC LIMIT 1",
                        (masked,)).fetchone()
    conn.execute("UPDATE wordings SET count = ?, first_para = ?, first_date = ?, last_para = ?, last_date = ? "
                 "WHERE masked = ?", (count, first[0], first[1] or UNDATED_FIRST, last[0], last[1], masked))


def samples() -> list[Path]:
    """The texts Drafter ships (the bundled sample resolutions)."""
    from drafter.resources import resource_dir

    folder = resource_dir()
    return sorted(path for path in folder.glob("sample-*") if path.suffix.lower() in EXTENSIONS)


__all__ = ["EXTENSIONS", "DocumentRecord", "ParagraphRecord", "content_hash", "describe", "files_under",
           "labelled_paragraphs", "samples", "store", "unstore"]
