"""From the comparer's word ops back to Word runs, with italics and footnote references intact.

An `Op` carries only text. The content of each side is cut into the comparer's own tokens
(`drafter.compare.words.tokenize`), each op is laid over as many tokens as its text covers (an
equal op over as many tokens on both sides), and each token maps back to the characters and
footnote references of the content it came from. A split or merge joins the paragraphs of a
side with a paragraph-break token, which becomes a paragraph mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drafter.compare import Op
from drafter.compare.spacing import by_tokens
from drafter.compare.words import Options, superscript, tokenize
from drafter.model import Inline, NoteRef, Resolution, Text

BREAK = NoteRef("\x00break")  # the atom of a paragraph break between joined paragraphs
CLOSING_MARKS = ",;:.!?)]”’"  # punctuation that closes on the word before it


@dataclass
class Piece:
    """Content of one side for one op: `kind` is "equal", "insert" or "delete"."""

    kind: str
    content: list[Inline]


class Mismatch(ValueError):
    """The ops do not cover the content (the comparer's token rules changed)."""


def _tokens(paragraphs: Sequence[Sequence[Inline]], res: Resolution) -> tuple[list[str], list[list[Inline]]]:
    """Token texts (as the ops show them) and the content each token stands for."""
    texts: list[str] = []
    spans: list[list[Inline]] = []
    for index, content in enumerate(paragraphs):
        if index:
            texts.append(" \u00b6 ")
            spans.append([BREAK])
        tokens = tokenize(content, Options(), lambda note: (note, superscript(res.marker(note))))
        # a footnote reference is one atom (a character of text is one too), plus the spaces that ride on it
        sizes = [1 + len(text) - len(text.strip()) if key.startswith("\x00") else len(text)
                 for key, text in zip(tokens.keys, tokens.texts, strict=True)]
        spans += _cut_into(content, sizes)
        texts += tokens.texts
    return texts, spans


def _cut_into(content: Sequence[Inline], sizes: list[int]) -> list[list[Inline]]:
    """Content cut into consecutive pieces of `sizes` atoms, each piece's runs of the same italics
    joined; raises `Mismatch` unless the pieces cover it all."""
    spans: list[list[Inline]] = []
    index = offset = 0  # the next atom: content[index], and the character `offset` in it
    for size in sizes:
        span: list[Inline] = []
        while size:
            if index == len(content):
                raise Mismatch("tokens do not cover the content")
            item = content[index]
            if isinstance(item, NoteRef):
                span.append(item)
                size -= 1
                index += 1
                continue
            piece = item.text[offset:offset + size]
            offset += len(piece)
            size -= len(piece)
            if offset >= len(item.text):
                index += 1
                offset = 0
            if not piece:
                continue
            if span and isinstance(span[-1], Text) and span[-1].italic == item.italic:
                span[-1] = Text(span[-1].text + piece, item.italic)
            else:
                span.append(Text(piece, item.italic))
        spans.append(span)
    if any(isinstance(item, NoteRef) or item.text for item in content[index:]):
        raise Mismatch("tokens do not cover the content")
    return spans


def _take(texts: list[str], start: int, length: int) -> int:
    """The end of the tokens from `start` whose texts add up to `length` characters."""
    end, total = start, 0
    while total < length:
        if end >= len(texts):
            raise Mismatch("an op runs past the end of its paragraph")
        total += len(texts[end])
        end += 1
    if total != length:
        raise Mismatch("an op ends inside a token")
    return end


def pieces(ops: list[Op], old: Sequence[Sequence[Inline]], new: Sequence[Sequence[Inline]],
           old_res: Resolution, new_res: Resolution) -> list[Piece]:
    """The ops of a paragraph change as content: equal and inserted from the new side, deleted
    from the old side. Raises `Mismatch` when the ops do not fit the content."""
    old_texts, old_spans = _tokens(old, old_res)
    new_texts, new_spans = _tokens(new, new_res)
    i = j = 0
    out: list[Piece] = []
    for op in by_tokens(ops):  # the spacing of equal tokens is compared in `_equal`
        if not op.text:
            continue
        if op.op == "delete":
            end = _take(old_texts, i, len(op.text))
            _push(out, "delete", [x for span in old_spans[i:end] for x in span])
            i = end
        elif op.op == "insert":
            end = _take(new_texts, j, len(op.text))
            _push(out, "insert", [x for span in new_spans[j:end] for x in span])
            j = end
        else:
            end = _take(new_texts, j, len(op.text))
            for k in range(end - j):
                _equal(out, old_texts[i + k], new_texts[j + k], old_spans[i + k], new_spans[j + k])
            i += end - j
            j = end
    if i != len(old_texts) or j != len(new_texts):
        raise Mismatch("the ops do not cover both paragraphs")
    return _spaces_out_of_changes(out)


def _equal(out: list[Piece], old_text: str, new_text: str, old: Sequence[Inline], new: Sequence[Inline]) -> None:
    """An equal token; where only its spaces differ (the comparer ignores them), the spaces
    become a deletion and an insertion, so that rejecting gives the base's spacing."""
    if old_text == new_text or any(isinstance(x, NoteRef) for x in (*old, *new)):
        _push(out, "equal", new)
        return
    common = next((k for k, (a, b) in enumerate(zip(old_text, new_text, strict=False)) if a != b),
                  min(len(old_text), len(new_text)))
    _push(out, "equal", _cut(new, 0, common))
    _push(out, "delete", _cut(old, common, len(old_text)))
    _push(out, "insert", _cut(new, common, len(new_text)))


def _spaces_out_of_changes(out: list[Piece]) -> list[Piece]:
    """Each change as its deleted words, then its inserted ones; the white space both end with left equal after
    them where it must stand apart (see `_space_apart`).

    A space rides on the word before it, so "Al-Shabaab, as" → "Al-Shabaab as" comes out of the diff as an
    inserted " " and a deleted ", ": read with its marks, "Al-Shabaab , as", a space before the comma that
    neither text has. As a deleted "," before an equal " " it reads "Al-Shabaab[,] as"; the texts of both
    sides stay as they were. A change that splits or joins paragraphs stays as it is."""
    settled: list[Piece] = []
    start = 0
    while start < len(out):
        end = start
        while end < len(out) and out[end].kind != "equal":
            end += 1
        if end == start:  # an equal piece
            _push(settled, "equal", out[start].content)
            start += 1
            continue
        group, start = out[start:end], end
        if any(isinstance(item, NoteRef) and item.note == BREAK.note for piece in group for item in piece.content):
            for piece in group:
                _push(settled, piece.kind, piece.content)
            continue
        old = [item for piece in group if piece.kind == "delete" for item in piece.content]
        new = [item for piece in group if piece.kind == "insert" for item in piece.content]
        space = _common_end_space(old, new)
        if space and not _space_apart(old, new, len(space)):
            space = ""  # "sixth seventh session": a word replaced reads best with its space on either side
        for kind, side in (("delete", old), ("insert", new)):
            _push(settled, kind, _without_end(side, len(space)))
        _push(settled, "equal", [Text(space)] if space else [])
    return settled


def _common_end_space(old: list[Inline], new: list[Inline]) -> str:
    """The white space that both sides of a change end with ("" where a side is empty or ends otherwise)."""
    if not old or not new or not isinstance(old[-1], Text) or not isinstance(new[-1], Text):
        return ""
    old_text, new_text = old[-1].text, new[-1].text
    size = 0
    while (size < min(len(old_text), len(new_text)) and old_text[-1 - size] == new_text[-1 - size]
           and new_text[-1 - size].isspace()):
        size += 1
    return new_text[len(new_text) - size:]


def _space_apart(old: list[Inline], new: list[Inline], size: int) -> bool:
    """Whether the space both sides end with must stand apart after them: where one side is that space alone
    (it would be doubled), or the inserted words open with a closing mark (which would follow the deleted
    words' space)."""
    old_core, new_core = (_flat(side)[:-size].strip() for side in (old, new))
    return not old_core or not new_core or new_core[0] in CLOSING_MARKS


def _flat(side: list[Inline]) -> str:
    return "".join(item.text if isinstance(item, Text) else "\x00" for item in side)


def _without_end(side: list[Inline], size: int) -> list[Inline]:
    """The content without its last `size` characters (white space, in its last run)."""
    tail = side[-1] if side else None
    if not size or not isinstance(tail, Text):
        return side
    kept = tail.text[:-size]
    return [*side[:-1], Text(kept, tail.italic)] if kept else side[:-1]


def _push(out: list[Piece], kind: str, content: Sequence[Inline]) -> None:
    """Content onto the pieces, joined to the last piece when of the same kind, and text joined to the
    text before it when in the same italics (one Word run for a stretch of equal words, not one a word)."""
    if not content:
        return
    if not out or out[-1].kind != kind:
        out.append(Piece(kind, []))
    joined = out[-1].content
    for item in content:
        last = joined[-1] if joined else None
        if isinstance(item, Text) and isinstance(last, Text) and last.italic == item.italic:
            joined[-1] = Text(last.text + item.text, item.italic)
        else:
            joined.append(item)


def _cut(content: Sequence[Inline], start: int, stop: int) -> list[Inline]:
    """The characters start..stop of text-only content, with their italics."""
    out: list[Inline] = []
    at = 0
    for item in content:
        if isinstance(item, Text):
            a, b = max(start - at, 0), min(stop - at, len(item.text))
            if a < b:
                out.append(Text(item.text[a:b], item.italic))
            at += len(item.text)
    return out


def whole(old: Sequence[Sequence[Inline]], new: Sequence[Sequence[Inline]]) -> list[Piece]:
    """The fallback: every old paragraph deleted, every new one inserted."""
    out: list[Piece] = []
    for side, kind in ((old, "delete"), (new, "insert")):
        for index, content in enumerate(side):
            out.append(Piece(kind, [BREAK, *content] if index else list(content)))
    return out


def split_breaks(pieces_: list[Piece]) -> list[tuple[list[Piece], str]]:
    """Pieces cut at paragraph breaks: each docx paragraph's pieces and the kind of its mark."""
    out: list[tuple[list[Piece], str]] = []
    current: list[Piece] = []
    for piece in pieces_:
        buffer: list[Inline] = []
        for item in piece.content:
            if item is BREAK or (isinstance(item, NoteRef) and item.note == BREAK.note):
                if buffer:
                    current.append(Piece(piece.kind, buffer))
                    buffer = []
                out.append((current, piece.kind))
                current = []
            else:
                buffer.append(item)
        if buffer:
            current.append(Piece(piece.kind, buffer))
    out.append((current, "equal"))
    return out


