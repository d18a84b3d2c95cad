"""Word-level diff of two paragraphs.

Text is cut into tokens: words (with their inner hyphens, slashes, dots and
apostrophes, so "A/71/53", "seventy-third" and "Council's" stay whole), single
punctuation marks, and footnote references (one token naming the footnote).
Whitespace is not a token: it rides on the token before it, so whitespace-only
differences can be ignored by leaving it out of the comparison key.

Each distinct key becomes one character (words in CJK ranges so that
diff-match-patch sees them as letters, punctuation as itself, footnotes in the
private use area), diff-match-patch diffs the two short strings with no
timeout, `diff_cleanupSemantic` merges the small equalities, and the result is
mapped back to token ranges. The diff therefore never cuts a word in two.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from drafter.model import Inline, NoteRef, Text

# A word keeps inner joiners; anything else that is not a space is one punctuation token.
_TOKEN_SPACE = re.compile(r"((\w+(?:[-\u2010\u2011'\u2019./]\w+)*|[^\w\s])\s*)", re.UNICODE)

_QUOTE_PAIRS = [
    ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"),
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u201f", '"'), ("\u2033", '"'),
    ("\u00ab", '"'), ("\u00bb", '"'),
]
_HYPHEN_PAIRS = [("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u00ad", "")]
PARAGRAPH_BREAK = "\u00b6"  # the token that joins two paragraphs in a split or a merge
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Options:
    """What the word diff ignores. Matching of paragraphs always ignores all three."""

    ignore_case: bool = False
    ignore_whitespace: bool = True
    ignore_quotes: bool = False


MATCHING = Options(ignore_case=True, ignore_whitespace=True, ignore_quotes=True)


def superscript(marker: str) -> str:
    return marker.translate(_SUPERSCRIPT)


def normalize(text: str, *, case: bool = True, quotes: bool = True) -> str:
    """The matching form of a text: NFC, plain hyphens, and optionally folded case and quotes."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        # str.replace per character present is many times faster than str.translate with a dict
        for char, plain in _HYPHEN_PAIRS:
            if char in text:
                text = text.replace(char, plain)
        if quotes:
            for char, plain in _QUOTE_PAIRS:
                if char in text:
                    text = text.replace(char, plain)
    if case:
        text = text.lower()
    return text


@dataclass
class Tokens:
    """A paragraph as tokens: `keys` are compared, `texts` (with trailing spaces) are shown."""

    keys: list[str]
    texts: list[str]
    cores: list[str]  # the token without its spaces, as written


def _runs(content: list[Inline]) -> Iterator[str | NoteRef]:
    """Text runs joined across italic boundaries, with the footnote references between them."""
    buffer: list[str] = []
    for item in content:
        if isinstance(item, Text):
            buffer.append(item.text)
        else:
            if buffer:
                yield "".join(buffer)
                buffer = []
            yield item
    if buffer:
        yield "".join(buffer)


NoteNamer = Callable[[str], tuple[str, str]]  # footnote id -> (comparison key, shown marker)


def tokenize(content: list[Inline], options: Options, notes: NoteNamer | None = None) -> Tokens:
    """Cut content into tokens; `notes` names a footnote reference by its key and marker."""
    keys: list[str] = []
    texts: list[str] = []
    cores: list[str] = []
    lead = ""
    fold_case, fold_quotes = options.ignore_case, options.ignore_quotes
    for run in _runs(content):
        if isinstance(run, NoteRef):
            key, shown = notes(run.note) if notes else (run.note, "*")
            keys.append("\x00" + key)
            cores.append(shown)
            texts.append(shown)
            continue
        stripped = run.lstrip()
        if len(stripped) != len(run):
            space = run[:len(run) - len(stripped)]
            if texts:
                texts[-1] += space
            else:
                lead += space
        norm = normalize(stripped, case=fold_case, quotes=fold_quotes)
        aligned = len(norm) == len(stripped)
        position = 0
        for full, core in _TOKEN_SPACE.findall(stripped):
            size = len(core)
            keys.append(norm[position:position + size] if aligned
                        else normalize(core, case=fold_case, quotes=fold_quotes))
            cores.append(core)
            texts.append(full)
            position += len(full)
    if lead:
        if texts:
            texts[0] = lead + texts[0]
        else:  # whitespace only
            texts.append(lead)
            keys.append("")
            cores.append("")
    if not options.ignore_whitespace:
        keys = [f"{key}\x01{text.replace(core, '', 1) if core else text}"
                for key, text, core in zip(keys, texts, cores, strict=True)]
    return Tokens(keys, texts, cores)


def join_tokens(first: Tokens, second: Tokens) -> Tokens:
    """Two paragraphs as one token list with a paragraph-break token between them."""
    return Tokens(
        [*first.keys, "\n", *second.keys],
        [*first.texts, f" {PARAGRAPH_BREAK} ", *second.texts],
        [*first.cores, PARAGRAPH_BREAK, *second.cores],
    )


# --- keys to characters -------------------------------------------------------
_WORD_RANGES = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x30000, 0x3134F)]
_OTHER_START = 0xF0000  # plane 15 private use: never a letter, never a space
_NOTE_START = 0xE000  # BMP private use


class Codec:
    """One character per distinct token key, shared by all the diffs of one comparison."""

    def __init__(self) -> None:
        self._chars: dict[str, str] = {"\n": "\n"}
        self._words = self._word_codes()
        self._other = _OTHER_START
        self._notes = _NOTE_START

    @staticmethod
    def _word_codes() -> Iterator[int]:
        for low, high in _WORD_RANGES:
            yield from range(low, high + 1)
        yield from range(0x100000, 0x10FFFE)

    def char(self, key: str) -> str:
        found = self._chars.get(key)
        if found is not None:
            return found
        if key.startswith("\x00"):
            code = self._notes
            self._notes += 1
            if self._notes > 0xF8FF:
                self._notes = 0xF900
        elif key and key[0].isalnum():
            code = next(self._words)
        elif len(key) == 1 and not key.isspace() and ord(key) < 0x3000:
            code = ord(key)
        else:
            code = self._other
            self._other += 1
        found = chr(code)
        self._chars[key] = found
        return found

    def encode(self, keys: list[str]) -> str:
        known = self._chars
        try:
            return "".join([known[key] for key in keys])
        except KeyError:
            char = self.char
            return "".join([char(key) for key in keys])


# --- the diff -------------------------------------------------------------------
EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass
class Segment:
    """A run of tokens: `old` and `new` are token ranges (one of them empty for insert/delete)."""

    op: str
    old: range
    new: range


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0


def diff_tokens(old: Tokens, new: Tokens, codec: Codec, old_range: range | None = None,
                new_range: range | None = None, *, semantic: bool = True) -> list[Segment]:
    """The word diff of two token lists (or of two ranges of them), as token ranges.

    Deletions come before insertions in each changed group.
    """
    i = old_range.start if old_range is not None else 0
    j = new_range.start if new_range is not None else 0
    a = codec.encode(old.keys[i:old_range.stop] if old_range is not None else old.keys)
    b = codec.encode(new.keys[j:new_range.stop] if new_range is not None else new.keys)
    if a == b:
        return [Segment(EQUAL, range(i, i + len(a)), range(j, j + len(b)))] if a else []
    diffs = _DMP.diff_main(a, b, False)
    if semantic:
        _DMP.diff_cleanupSemantic(diffs)
    segments: list[Segment] = []
    for code, chunk in diffs:
        n = len(chunk)
        if code == 0:
            segments.append(Segment(EQUAL, range(i, i + n), range(j, j + n)))
            i += n
            j += n
        elif code < 0:
            segments.append(Segment(DELETE, range(i, i + n), range(j, j)))
            i += n
        else:
            segments.append(Segment(INSERT, range(i, i), range(j, j + n)))
            j += n
    return _order(segments)


def _order(segments: list[Segment]) -> list[Segment]:
    """Merge neighbours of one kind and put the deletion first in each changed group."""
    out: list[Segment] = []
    group: list[Segment] = []

    def flush() -> None:
        deleted = [s for s in group if s.op == DELETE]
        inserted = [s for s in group if s.op == INSERT]
        if deleted:
            out.append(Segment(DELETE, range(deleted[0].old.start, deleted[-1].old.stop),
                               range(deleted[0].new.start, deleted[0].new.start)))
        if inserted:
            start = deleted[-1].old.stop if deleted else inserted[0].old.start
            out.append(Segment(INSERT, range(start, start),
                               range(inserted[0].new.start, inserted[-1].new.stop)))
        group.clear()

    for segment in segments:
        if segment.op == EQUAL:
            flush()
            if out and out[-1].op == EQUAL:
                out[-1] = Segment(EQUAL, range(out[-1].old.start, segment.old.stop),
                                  range(out[-1].new.start, segment.new.stop))
            else:
                out.append(segment)
        else:
            group.append(segment)
    flush()
    return out


def segment_text(segment: Segment, old: Tokens, new: Tokens) -> str:
    """The text a segment shows: equal text as it reads in the new version."""
    if segment.op == DELETE:
        return "".join(old.texts[segment.old.start:segment.old.stop])
    return "".join(new.texts[segment.new.start:segment.new.stop])
