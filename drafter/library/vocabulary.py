"""The words of a library, each one character: a wording is then a short string."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class Vocabulary:
    """Every word of a library as one character, so that a wording is a short string: stored so, read back
    without splitting, and compared by rapidfuzz as a string (one character a word). Word n of the
    library (its `vocabulary` table) is the n-th character from U+0100, surrogates skipped."""

    def __init__(self) -> None:
        self.chars: dict[str, str] = {}
        self.last = 0  # the largest id loaded

    @staticmethod
    def char(number: int) -> str:
        code = 0x100 + number
        return chr(code if code < 0xD800 else code + 0x800)

    def learn(self, rows: Iterable[tuple[int, str]]) -> None:
        """Words (id, word) of the library's table."""
        for number, word in rows:
            self.chars[word] = self.char(number)
            self.last = max(self.last, number)

    def encode(self, tokens: Sequence[str]) -> str:
        """The wording as characters; a word the library does not have is a character no word of it has."""
        chars = self.chars
        unknown: dict[str, str] = {}
        out = []
        for token in tokens:
            char = chars.get(token)
            if char is None:
                char = unknown.setdefault(token, chr(0x10FFFF - len(unknown)))
            out.append(char)
        return "".join(out)

    def missing(self, tokens: Iterable[str]) -> list[str]:
        """The distinct words the vocabulary lacks, in order."""
        return [token for token in dict.fromkeys(tokens) if token not in self.chars]


__all__ = ["Vocabulary"]
