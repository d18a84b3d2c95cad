"""The matching form of a paragraph: its words, the hashes that find it again, and how alike two are.

A paragraph is compared by its words: case, quotes, hyphen variants, spacing and punctuation aside
(`drafter.compare.words.normalize`). Two hashes are kept for each paragraph: `exact`, of the words as
they are (the same hash means the same wording: verbatim), and `masked`, of the words with every
number folded into one placeholder, so that a recall chain brought up to date ("its resolution
74/153 of 18 December 2019" → "75/180 of 16 December 2020") is the same masked wording.

The sketch of a wording is the `SKETCH` smallest hashes of its masked word trigrams (a bottom-k
MinHash). Two wordings that share most of their words in order share most of their trigrams, and
so, with high probability, several of the smallest: the library looks a wording up by its sketch
(candidates share at least two of them, one for a short wording) and checks each with `similarity`.
A wording is kept as a string of one character a word (`Vocabulary`).

`similarity` is the share of words two wordings have in common in order: 2 × (longest common
subsequence) / (words of one + words of the other), numbers counting as one word. "Nearly verbatim"
is a similarity of at least `NEAR` (0.9).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import cast

from rapidfuzz.distance import Indel, LCSseq

from drafter.compare.words import normalize
from drafter.library.vocabulary import Vocabulary

NEAR = 0.9  # the similarity from which a wording holds another "nearly"
SKETCH = 6  # hashes kept per paragraph
NUMBER = "#"  # what every number is in the masked words

_WORD = re.compile(r"\w+(?:[-'./]\w+)*")
_DIGIT = re.compile(r"\d")
_PRIME = (1 << 61) - 1  # shingle hashes are taken modulo this Mersenne prime: they fit SQLite's integers
_MULTIPLIERS = (0x9E3779B97F4A7C15 % _PRIME, 0xC2B2AE3D27D4EB4F % _PRIME)
_word_ids: dict[str, int] = {}  # word → its stable 61-bit number (the dictionary of a library is small)


def words(text: str) -> list[str]:
    """The words of a text in matching form: lower case, plain quotes and hyphens, no punctuation."""
    return _WORD.findall(normalize(text))


def masked(tokens: Sequence[str]) -> list[str]:
    """The words with every word that holds a digit ("75/180", "2020", "A/75/53") turned into `NUMBER`."""
    return [token if token.isalpha() or not _DIGIT.search(token) else NUMBER for token in tokens]


def digest(tokens: Sequence[str]) -> int:
    """A 64-bit hash of a word sequence, the same in every process (SQLite's signed integer)."""
    data = "\x1f".join(tokens).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def _word_id(word: str) -> int:
    found = _word_ids.get(word)
    if found is None:
        found = _word_ids[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(),
                                                 "big") % _PRIME
    return found


def sketch(tokens: Sequence[str], size: int = SKETCH) -> list[int]:
    """The `size` smallest hashes of the word trigrams of masked words (of the whole, if shorter)."""
    if not tokens:
        return []
    known = list(map(_word_ids.get, tokens))  # in one call: the usual case, every word met before
    ids = [_word_id(token) for token in tokens] if None in known else cast(list[int], known)
    if len(ids) < 3:
        return [sum(ids) % _PRIME]
    first, second = _MULTIPLIERS
    shingles = {(a * first + b * second + c) % _PRIME for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)}
    return sorted(shingles)[:size]


def similarity(one: Sequence[str], other: Sequence[str], cutoff: float = 0.0) -> float:
    """2 × common words in order / all words of both (0.0 below `cutoff`)."""
    return float(Indel.normalized_similarity(one, other, score_cutoff=cutoff))


def in_order(query: Sequence[str], tokens: Sequence[str]) -> float:
    """The share of the query's words that `tokens` hold in the query's order."""
    return LCSseq.similarity(query, tokens) / len(query) if query else 0.0


def length_bounds(count: int, threshold: float) -> tuple[int, int]:
    """The word counts another wording may have and still reach `threshold` against one of `count` words."""
    if threshold <= 0:
        return 0, 1 << 30
    ratio = threshold / (2 - threshold)  # the shorter over the longer, at best
    return int(count * ratio), int(count / ratio) + 1


def shared(form: str) -> int:
    """How many sketch hashes a candidate must share with a wording: two, or one for a short wording
    (whose few trigrams one edit may nearly all change)."""
    return 2 if len(form) >= 2 * SKETCH + 2 else 1


__all__ = ["NEAR", "NUMBER", "SKETCH", "Vocabulary", "digest", "in_order", "length_bounds", "masked", "shared",
           "similarity", "sketch", "words"]
