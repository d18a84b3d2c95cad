"""The word changes of one paragraph as spans of its text, and content cut and joined by those spans.

A paragraph's text is counted in characters, a footnote reference one character (`NOTE`), as
`drafter.compare.words.joined` lays it out. `changed_spans(old, new)` diffs the two contents word by word
(the comparer's own tokens and diff) and gives each changed group as ((start, end) in old, (start, end) in
new): equal words whose trailing spaces differ make a group of their own, groups that touch are one, and
spaces both sides share are trimmed off a group. Cutting the old content at the groups and putting the new
pieces in gives the new content exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from drafter.compare.words import NOTE_PLACE, Codec, Options, Tokens, cut, diff_tokens, joined, name_notes
from drafter.model import Content, Inline, NoteRef, Text, normalize_runs

NOTE = NOTE_PLACE
Span = tuple[int, int]
NoteKey = Callable[[str], str]  # a footnote id -> the key that says which footnotes are the same


def text_of(content: Sequence[Inline]) -> str:
    """The text of content with `NOTE` for each footnote reference."""
    return joined(content)[0]


def slice_content(content: Sequence[Inline], start: int, end: int) -> Content:
    """The content from character `start` to `end` (a footnote reference is one character)."""
    out: list[Inline] = []
    at = 0
    for item in content:
        if isinstance(item, NoteRef):
            if start <= at < end:
                out.append(item)
            at += 1
            continue
        text = item.text.replace(NOTE, "") if NOTE in item.text else item.text
        a, b = max(start - at, 0), min(end - at, len(text))
        if a < b:
            out.append(Text(text[a:b], item.italic))
        at += len(text)
    return normalize_runs(out)


def splice(content: Sequence[Inline], changes: Sequence[tuple[Span, Content]]) -> Content:
    """Content with each span replaced by new content; spans in order and not overlapping."""
    length = len(text_of(content))
    out: list[Inline] = []
    at = 0
    for (start, end), new in changes:
        out.extend(slice_content(content, at, start))
        out.extend(new)
        at = max(at, end)
    out.extend(slice_content(content, at, length))
    return normalize_runs(out)


def _offsets(tokens: Tokens) -> list[int]:
    out = [0]
    for text in tokens.texts:
        out.append(out[-1] + len(text))
    return out


def changed_spans(old: Sequence[Inline], new: Sequence[Inline], old_key: NoteKey,
                  new_key: NoteKey) -> list[tuple[Span, Span]]:
    """The changed groups of a word diff of two contents, as character spans of each side."""
    options = Options()
    old_tokens, old_at = cut(old, options)
    new_tokens, new_at = cut(new, options)
    old_text, new_text = "".join(old_tokens.texts), "".join(new_tokens.texts)
    if old_text != text_of(old) or new_text != text_of(new):  # the tokens always cover the text; if not, all of it
        return [((0, len(text_of(old))), (0, len(text_of(new))))] if text_of(old) != text_of(new) else []
    old_named = name_notes(old_tokens, old_at, options, lambda note: (old_key(note), ""))
    new_named = name_notes(new_tokens, new_at, options, lambda note: (new_key(note), ""))
    old_offsets, new_offsets = _offsets(old_tokens), _offsets(new_tokens)
    groups: list[tuple[Span, Span]] = []

    def add(a: int, b: int, c: int, d: int) -> None:
        if groups and groups[-1][0][1] == a and groups[-1][1][1] == c:
            (a, _b), (c, _d) = groups.pop()
        groups.append(((a, b), (c, d)))

    for segment in diff_tokens(old_named, new_named, Codec()):
        o1, o2 = old_offsets[segment.old.start], old_offsets[segment.old.stop]
        n1, n2 = new_offsets[segment.new.start], new_offsets[segment.new.stop]
        if segment.op != "equal":
            add(o1, o2, n1, n2)
            continue
        for k in range(len(segment.old)):  # equal words: a change in the spaces after them is a change too
            before = old_tokens.texts[segment.old.start + k]
            after = new_tokens.texts[segment.new.start + k]
            if before != after:
                common = len(before.rstrip())
                if before[:common] == after[:common]:
                    add(old_offsets[segment.old.start + k] + common, old_offsets[segment.old.start + k + 1],
                        new_offsets[segment.new.start + k] + common, new_offsets[segment.new.start + k + 1])
                else:  # differs in more than its spaces (the case, or quotes): the whole token
                    add(old_offsets[segment.old.start + k], old_offsets[segment.old.start + k + 1],
                        new_offsets[segment.new.start + k], new_offsets[segment.new.start + k + 1])
    return [_trim(group, old_text, new_text) for group in groups if old_text[slice(*group[0])] !=
            new_text[slice(*group[1])]]


def _trim(group: tuple[Span, Span], old: str, new: str) -> tuple[Span, Span]:
    """A group without the spaces that both sides have at its ends."""
    (a, b), (c, d) = group
    while a < b and c < d and old[a] == new[c] and old[a].isspace():
        a, c = a + 1, c + 1
    while a < b and c < d and old[b - 1] == new[d - 1] and old[b - 1].isspace():
        b, d = b - 1, d - 1
    return (a, b), (c, d)


__all__ = ["NOTE", "Span", "changed_spans", "slice_content", "splice", "text_of"]
