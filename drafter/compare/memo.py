"""What a comparison learns about texts, kept for the next comparison of the same document.

The editor compares the draft with its base after every edit, and between two comparisons
one paragraph changed. A `Memo` keeps, by text, the tokens and the matching form of every
block the last comparison met, and the characters it gave to words, so that the next
comparison cuts and folds only the texts that are new. It keeps what the last comparison
used and nothing older, so it never outgrows the two documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from drafter.compare import align
from drafter.compare.words import Codec, Options, Tokens, cut_text, joined
from drafter.model import Inline


class Memo:
    """Tokens and matching forms by text, with the codec they were made with."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.codec = Codec()
        self._cuts: dict[str, tuple[Tokens, list[int]]] = {}
        self._items: dict[tuple[str, bool], align.Item] = {}
        self._earlier_cuts: dict[str, tuple[Tokens, list[int]]] = {}
        self._earlier_items: dict[tuple[str, bool], align.Item] = {}
        # id of a content list -> `words.joined` of it, while a comparison runs (the lists are alive)
        self._joined: dict[int, tuple[str, list[str]]] = {}

    def cuts(self) -> dict[str, tuple[Tokens, list[int]]]:
        """The tokens of the texts the last comparison met, by text (a copy of the table)."""
        return dict(self._cuts)

    def seed(self, cuts: dict[str, tuple[Tokens, list[int]]]) -> None:
        """Start from the tokens another memo learnt (`cuts`): token lists are shared, never changed,
        and each codec encodes them for itself."""
        self._cuts = cuts

    def begin(self) -> None:
        """A new comparison starts: what it does not use again is forgotten when the next one starts."""
        self._earlier_cuts, self._cuts = self._cuts, {}
        self._earlier_items, self._items = self._items, {}
        self._joined = {}

    def end(self) -> None:
        """The comparison is over: the content lists it met may go, and their ids be reused."""
        self._joined = {}

    def check(self) -> None:
        """Called by the comparison between steps, so that a memo can stop it by raising; this one never does."""

    def _text(self, content: Sequence[Inline]) -> tuple[str, list[str]]:
        """`words.joined` of content, computed once per content list in a comparison."""
        found = self._joined.get(id(content))
        return found if found is not None else joined(content)

    def prepare(self, contents: Iterable[Sequence[Inline]]) -> None:
        """Cut the texts not met before and learn their words, all in one go (cheaper than block by block)."""
        met: dict[str, str] = {}  # the keys of the new texts, each one string object
        for content in contents:
            self.check()
            self._joined[id(content)] = found_text = joined(content)
            text = found_text[0]
            if text not in self._cuts:
                found = self._earlier_cuts.get(text)
                if found is None:
                    found = cut_text(text, self.options, met)
                self._cuts[text] = found
        if met:
            self.codec.learn(met)

    def _cut_text(self, text: str) -> tuple[Tokens, list[int]]:
        found = self._cuts.get(text)
        if found is None:
            found = self._earlier_cuts.get(text) or cut_text(text, self.options)
            self._cuts[text] = found
        return found

    def cut(self, content: Sequence[Inline]) -> tuple[Tokens, list[tuple[int, str]]]:
        """`words.cut` of the content, the tokens shared by every block with the same text."""
        text, notes = self._text(content)
        tokens, places = self._cut_text(text)
        return tokens, list(zip(places, notes, strict=True)) if notes else []

    def item(self, content: Sequence[Inline], heading: bool) -> align.Item:
        """The matching form of the content."""
        text, _notes = self._text(content)
        key = (text, heading)
        found = self._items.get(key)
        if found is None:
            found = self._earlier_items.get(key)
            if found is None:
                found = align.make_item(self._cut_text(text)[0], self.codec, heading)
            self._items[key] = found
        return found
