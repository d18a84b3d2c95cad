"""Word-level diff of two paragraphs.

Text is cut into tokens: words (with their inner hyphens, slashes, dots and
apostrophes, so "A/71/53", "seventy-third" and "Council's" stay whole), single
punctuation marks, and footnote references (one token naming the footnote).
Whitespace is not a token: it rides on the token before it, key included, and
the codec gives keys that differ only in it one character, so whitespace-only
differences are ignored (unless asked for, when the key marks it off).

Each distinct key becomes one character (words in CJK ranges so that
diff-match-patch sees them as letters, punctuation as itself, footnotes in the
private use area), diff-match-patch diffs the two short strings with no
time limit, its semantic cleanup merges the small equalities, and the result is
mapped back to token ranges. The diff therefore never cuts a word in two. The
library runs in its C++ port (fast-diff-match-patch), which returns the
library's own diffs (tests/core/test_compare.py checks this against the Python
library) in a fraction of the time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import count, repeat
from operator import itemgetter

from fast_diff_match_patch import diff as _fast_diff

from drafter.model import Inline, Text

# A word keeps inner joiners; anything else that is not a space is one punctuation token.
_TOKEN = re.compile(r"(?:\w++(?:[-\u2010\u2011'\u2019./]\w++)*+|[^\w\s])\s*+")
# The same for ASCII text, a fifth faster: a class of characters is cheaper to test than \w.
_ASCII_TOKEN = re.compile(r"(?:[0-9A-Z_a-z]++(?:[-'./][0-9A-Z_a-z]++)*+|[^0-9A-Z_a-z\s])\s*+")

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
    """A paragraph as tokens: `keys` are compared, `texts` (with trailing spaces) are shown.

    A key is the token's text in matching form, with the spaces after it: the codec gives keys that
    differ only in those spaces one character when whitespace is ignored, so that cutting a text
    makes no string for a token but its text.
    """

    keys: list[str]
    texts: list[str]
    # the keys encoded by a codec (its serial number: tokens outlive codecs, and must not keep them
    # alive), kept by `Codec.code` for the diffs of one comparison
    coded: tuple[int, str] | None = field(default=None, repr=False, compare=False)

    @property
    def cores(self) -> list[str]:
        """The tokens as written, without their spaces (a token's text holds nothing else)."""
        return list(map(str.strip, self.texts))


NOTE_PLACE = "\x00"  # what a footnote reference is until `name_notes` names it


def joined(content: Sequence[Inline]) -> tuple[str, list[str]]:
    """The text of content with `NOTE_PLACE` for each footnote reference, and the footnote ids in order."""
    if len(content) == 1 and content[0].__class__ is Text:
        text = content[0].text
        return (text.replace(NOTE_PLACE, "") if NOTE_PLACE in text else text), []
    parts: list[str] = []
    notes: list[str] = []
    for item in content:
        if isinstance(item, Text):
            parts.append(item.text.replace(NOTE_PLACE, "") if NOTE_PLACE in item.text else item.text)
        else:
            parts.append(NOTE_PLACE)
            notes.append(item.note)
    return "".join(parts), notes


NoteNamer = Callable[[str], tuple[str, str]]  # footnote id -> (comparison key, shown marker)


def tokenize(content: Sequence[Inline], options: Options, notes: NoteNamer | None = None) -> Tokens:
    """Cut content into tokens; `notes` names a footnote reference by its key and marker."""
    tokens, at = cut(content, options)
    return name_notes(tokens, at, options, notes)


def cut(content: Sequence[Inline], options: Options) -> tuple[Tokens, list[tuple[int, str]]]:
    """Content cut into tokens, each footnote reference a placeholder (key, core and text
    `NOTE_PLACE`), with the keys that ignore whitespace; and (token index, footnote id) of the
    references. `name_notes` turns this into what `tokenize` returns."""
    text, notes = joined(content)
    tokens, places = cut_text(text, options)
    return tokens, list(zip(places, notes, strict=True))


def cut_text(text: str, options: Options, met: dict[str, str] | None = None) -> tuple[Tokens, list[int]]:
    """The tokens of a text from `joined`, and the indexes of its footnote placeholders.

    `met` holds keys met before, each by itself: a key equal to one of them becomes that string
    object, and new keys join them. Lookups then find keys by identity, and the copies are
    freed at once, while they are still in the processor's cache.
    """
    stripped = text.lstrip()
    ascii_only = stripped.isascii()
    texts: list[str] = (_ASCII_TOKEN if ascii_only else _TOKEN).findall(stripped)
    places = [index for index, token in enumerate(texts) if token.rstrip() == NOTE_PLACE] \
        if NOTE_PLACE in text else []
    fold_case, fold_quotes = options.ignore_case, options.ignore_quotes
    norm = stripped if ascii_only and not fold_case else normalize(stripped, case=fold_case, quotes=fold_quotes)
    if norm == stripped:  # the usual case: the keys are the tokens as written
        keys = texts
    elif len(norm) == len(stripped):
        keys = []
        position = 0
        for full in texts:
            keys.append(norm[position:position + len(full)])
            position += len(full)
    else:
        keys = [normalize(full, case=fold_case, quotes=fold_quotes) for full in texts]
    if len(stripped) != len(text):
        lead = text[:len(text) - len(stripped)]
        if texts:
            texts = [lead + texts[0], *texts[1:]]  # the keys keep the first token without it
        else:  # whitespace only
            texts = [lead]
            keys = [""]
    if met is not None:
        keys[:] = map(met.setdefault, keys, keys)
    return Tokens(keys, texts), places


def name_notes(tokens: Tokens, at: list[tuple[int, str]], options: Options,
               notes: NoteNamer | None = None) -> Tokens:
    """The tokens of `cut` with the footnote references named (and whitespace in the keys when
    it is not ignored); the tokens themselves when there is nothing to do."""
    if not at and options.ignore_whitespace:
        return tokens
    keys, texts = tokens.keys, tokens.texts
    if at:
        keys, texts = list(keys), list(texts)
        for index, note in at:
            key, shown = notes(note) if notes else (note, "*")
            keys[index] = "\x00" + key
            texts[index] = texts[index].replace(NOTE_PLACE, shown, 1)
    if not options.ignore_whitespace:
        # the spaces closed by a mark of their own, so that the codec does not take them off
        keys = [f"{key.rstrip()}\x01{text.replace(core, '', 1) if core else text}\x01"
                for key, text, core in zip(keys, texts, map(str.strip, texts), strict=True)]
    return Tokens(keys, texts)


def join_tokens(first: Tokens, second: Tokens) -> Tokens:
    """Two paragraphs as one token list with a paragraph-break token between them."""
    return Tokens([*first.keys, "\n", *second.keys], [*first.texts, f" {PARAGRAPH_BREAK} ", *second.texts])


# --- keys to characters -------------------------------------------------------
_WORD_RANGES = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x30000, 0x3134F),
                (0x100000, 0x10FFFD)]
_SERIALS = count(1)  # of codecs
_OTHER_START = 0xF0000  # plane 15 private use: never a letter, never a space
_NOTE_START = 0xE000  # BMP private use


# The first word characters, made once: a comparison hands out one per distinct word twice over (keys and
# matching forms), a few thousand for a long resolution, and making them anew was a sixtieth of its time.
_FIRST_LETTERS = list(map(chr, range(_WORD_RANGES[0][0], _WORD_RANGES[0][0] + 8192)))


class _Letters:
    """The characters of `_WORD_RANGES`, handed out in order."""

    def __init__(self) -> None:
        self._range = 0
        self._next = _WORD_RANGES[0][0]

    def take(self, count: int) -> list[str]:
        start = self._next - _WORD_RANGES[0][0]
        if self._range == 0 and start + count <= len(_FIRST_LETTERS):
            self._next += count
            return _FIRST_LETTERS[start:start + count]
        out: list[str] = []
        while len(out) < count:
            if self._range == len(_WORD_RANGES):
                raise ValueError("more distinct words than word characters")
            last = _WORD_RANGES[self._range][1]
            stop = min(last + 1, self._next + count - len(out))
            out += map(chr, range(self._next, stop))
            self._next = stop
            if stop > last:
                self._range += 1
                if self._range < len(_WORD_RANGES):
                    self._next = _WORD_RANGES[self._range][0]
        return out


class Codec:
    """One character per distinct token key (keys that differ only in their trailing spaces share one),
    shared by all the diffs of one comparison, learnt as keys come: `encode` turns a list of keys into
    a string.

    Each key also has a character in matching form (`fold`): one per distinct word after
    `normalize` (so "Decides" and "decides" are one character), "" for punctuation and footnote
    references. Each such character is one string object that all its keys share, so that sets
    of them hash nothing anew.
    """

    def __init__(self) -> None:
        self.serial = next(_SERIALS)
        self._chars: dict[str, str] = {"\n": "\n"}
        self._words = _Letters()
        self._other = _OTHER_START
        self._notes = _NOTE_START
        self._folded: dict[str, str] = {}  # word in matching form -> its character
        self._fold: dict[str, str] = {"\n": ""}  # key -> its matching character or ""
        self._fold_words = _Letters()
        # a key without the spaces at its end -> its character, its matching character
        self._base_chars: dict[str, str] = {}
        self._base_folds: dict[str, str] = {}

    def encode(self, keys: list[str]) -> str:
        return "".join(self._look(keys, self._chars))

    def code(self, tokens: Tokens) -> str:
        """The keys of a token list as one string, encoded once per codec."""
        coded = tokens.coded
        if coded is None or coded[0] != self.serial:
            coded = tokens.coded = (self.serial, self.encode(tokens.keys))
        return coded[1]

    def fold(self, keys: list[str]) -> Sequence[str]:
        """The matching characters of keys ("" for a key that is not a word)."""
        return self._look(keys, self._fold)

    def _look(self, keys: list[str], table: dict[str, str]) -> Sequence[str]:
        """The values of keys in one of the codec's tables, the keys it lacks learnt first."""
        # itemgetter looks up all keys in one call, but gives the value of a single key bare
        try:
            return itemgetter(*keys)(table) if len(keys) > 1 else [table[key] for key in keys]
        except KeyError:
            self.learn(dict.fromkeys(keys))
        return itemgetter(*keys)(table) if len(keys) > 1 else [table[key] for key in keys]

    def learn(self, keys: Iterable[str]) -> None:
        """Characters for the new ones of distinct keys, all at once (cheaper than list by list).
        Keys that differ only in the spaces at their end share their characters, learnt for the key
        without them (its base): the words in one go, the rest (punctuation, notes) one by one,
        then their matching forms."""
        known = self._chars
        fresh = [key for key in keys if key not in known]
        if not fresh:
            return
        bases = list(map(str.rstrip, fresh))
        chars, folds = self._base_chars, self._base_folds
        new = [base for base in dict.fromkeys(bases) if base not in chars]
        if new:
            words = [base for base in new if base[:1].isalnum()]
            chars.update(zip(words, self._words.take(len(words)), strict=True))
            chars.update([(base, self._other_char(base)) for base in new if base not in chars])
            folds.update(zip(new, self._fold_chars(new), strict=True))
        known.update(zip(fresh, map(chars.__getitem__, bases), strict=True))
        self._fold.update(zip(fresh, map(folds.__getitem__, bases), strict=True))

    def _other_char(self, key: str) -> str:
        if key.startswith("\x00"):
            code = self._notes
            self._notes += 1
            if self._notes > 0xF8FF:
                self._notes = 0xF900
        elif len(key) == 1 and not key.isspace() and ord(key) < 0x3000:
            code = ord(key)
        else:
            code = self._other
            self._other += 1
        return chr(code)

    def _fold_chars(self, bases: list[str]) -> list[str]:
        """The matching characters of new bases, normalised together in one go."""
        folded = normalize("\n".join(bases)).split("\n")
        if len(folded) != len(bases):  # a key with a line break (whitespace kept in the keys)
            folded = [normalize(base) for base in bases]
        chars = self._folded
        # punctuation tokens and footnote placeholders are single characters that are not alphanumeric
        words = [word for word in dict.fromkeys(folded)
                 if word not in chars and (len(word) > 1 or word.isalnum())]
        chars.update(zip(words, self._fold_words.take(len(words)), strict=True))
        return list(map(chars.get, folded, repeat("")))


# --- the diff -------------------------------------------------------------------
EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass(slots=True)
class Segment:
    """A run of tokens: `old` and `new` are token ranges (one of them empty for insert/delete)."""

    op: str
    old: range
    new: range


def diff_tokens(old: Tokens, new: Tokens, codec: Codec, old_range: range | None = None,
                new_range: range | None = None, *, semantic: bool = True) -> list[Segment]:
    """The word diff of two token lists (or of two ranges of them), as token ranges.

    Deletions come before insertions in each changed group.
    """
    i = old_range.start if old_range is not None else 0
    j = new_range.start if new_range is not None else 0
    a = codec.code(old)
    b = codec.code(new)
    if old_range is not None:
        a = a[i:old_range.stop]
    if new_range is not None:
        b = b[j:new_range.stop]
    if a == b:
        return [Segment(EQUAL, range(i, i + len(a)), range(j, j + len(b)))] if a else []
    return segments_of(diff_runs(a, b, semantic), i, j)


def diff_runs(a: str, b: str, semantic: bool = True) -> list[tuple[str, int]]:
    """diff-match-patch's diff of two encoded token lists, with no time limit, as (op, length) runs:
    "=", "-" or "+"."""
    return _fast_diff(a, b, counts_only=True, timelimit=0, cleanup="Semantic" if semantic else "No")


def segments_of(diffs: list[tuple[str, int]], i: int = 0, j: int = 0) -> list[Segment]:
    """The diff's (op, length) runs as token ranges from (i, j), the deletion first in each changed group."""
    out: list[Segment] = []
    deleted = inserted = False
    delete_start = delete_new = insert_start = 0
    for code, n in diffs:
        if code == "=":
            if deleted:
                out.append(Segment(DELETE, range(delete_start, i), range(delete_new, delete_new)))
            if inserted:
                out.append(Segment(INSERT, range(i, i), range(insert_start, j)))
            deleted = inserted = False
            out.append(Segment(EQUAL, range(i, i + n), range(j, j + n)))
            i += n
            j += n
        elif code == "-":
            if not deleted:
                deleted, delete_start, delete_new = True, i, j
            i += n
        else:
            if not inserted:
                inserted, insert_start = True, j
            j += n
    if deleted:
        out.append(Segment(DELETE, range(delete_start, i), range(delete_new, delete_new)))
    if inserted:
        out.append(Segment(INSERT, range(i, i), range(insert_start, j)))
    return out


def segment_text(segment: Segment, old: Tokens, new: Tokens) -> str:
    """The text a segment shows: equal text as it reads in the new version."""
    if segment.op == DELETE:
        return "".join(old.texts[segment.old.start:segment.old.stop])
    return "".join(new.texts[segment.new.start:segment.new.stop])
