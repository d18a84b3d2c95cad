"""Amendments of random edits read back: a random text (sub-paragraphs, headings, footnotes) is edited at
random (words, paragraphs inserted, deleted, moved, split and merged, footnotes, headings, the title), the
changes are worded as amendments, and the independent reader applies them to the earlier text to get the
edited one."""

from __future__ import annotations

import copy
from itertools import count

from hypothesis import HealthCheck, given, settings, strategies

from drafter.amendments import ACTIONS, amendments
from drafter.model import (
    Block,
    CrossHeading,
    Footnote,
    FrontMatter,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    iter_paragraphs,
    normalize_runs,
)
from tests.amendment_reader import check_read_back

VOCABULARY = (
    "the of and to in all international cooperation human rights States Member United Nations Council "
    "resolution report Secretary-General session seventy-third 72/169 2017 December promotion protection "
    "development peace security Assembly calls upon urges requests decides welcomes noting with concern "
    "countries, regional; national institutions. ‘agreed’ élan (a)"
).split()
word_lists = strategies.lists(strategies.sampled_from(VOCABULARY), min_size=1, max_size=10)


@strategies.composite
def phrases(draw: strategies.DrawFn) -> str:
    return " ".join(draw(word_lists))


@strategies.composite
def earlier_texts(draw: strategies.DrawFn) -> Resolution:
    notes = [Footnote((Text(draw(phrases())),)) for _ in range(draw(strategies.integers(0, 3)))]
    headings = count(1)

    def paragraph(depth: int) -> Paragraph:
        content: list[Inline] = [Text(draw(strategies.sampled_from(["Recalling", "Urges", "Decides"])), True),
                                 Text(" " + draw(phrases()))]
        if notes and draw(strategies.booleans()):
            content += [NoteRef(draw(strategies.sampled_from(notes)).id), Text(" " + draw(phrases()))]
        children = [paragraph(depth + 1) for _ in range(draw(strategies.integers(0, 2)))] if depth < 2 else []
        return Paragraph(normalize_runs(content), children)

    def blocks() -> list[Block]:
        return [CrossHeading((Text(f"Heading {next(headings)} {draw(phrases())}"),))
                if draw(strategies.integers(0, 6)) == 0 else paragraph(1)
                for _ in range(draw(strategies.integers(0, 5)))]

    return Resolution(front=FrontMatter(title=draw(phrases())), preamble=blocks(), operative=blocks(),
                      footnotes=notes)


def _lists(res: Resolution) -> list[list[Block]]:
    out: list[list[Block]] = [res.preamble, res.operative]
    for para in iter_paragraphs(res.preamble) + iter_paragraphs(res.operative):
        out.append(para.children)  # type: ignore[arg-type]
    return out


def _edit_words(draw: strategies.DrawFn, block: Paragraph | CrossHeading) -> None:
    runs = [i for i, item in enumerate(block.content) if isinstance(item, Text)]
    index = draw(strategies.sampled_from(runs))
    item = block.content[index]
    assert isinstance(item, Text)
    words = item.text.split()
    at = draw(strategies.integers(0, len(words)))
    action = draw(strategies.sampled_from(["insert", "delete", "replace"]))
    if action == "insert":
        words[at:at] = draw(word_lists)
    elif at < len(words):
        words[at:at + draw(strategies.integers(1, 3))] = [] if action == "delete" else draw(word_lists)
    # the spaces around the run stay: a change of spacing alone (next to a footnote marker) is no amendment
    lead, trail = item.text[:len(item.text) - len(item.text.lstrip())], item.text[len(item.text.rstrip()):]
    text = lead + " ".join(words) + trail if words else item.text[:1]
    block.content = normalize_runs((*block.content[:index], Text(text, item.italic), *block.content[index + 1:]))


@strategies.composite
def edited(draw: strategies.DrawFn) -> tuple[Resolution, Resolution]:
    old = draw(earlier_texts())
    new = copy.deepcopy(old)
    headings = count(100)
    for _ in range(draw(strategies.integers(1, 5))):
        lists = [blocks for blocks in _lists(new) if blocks]
        action = draw(strategies.sampled_from(["words", "words", "insert", "delete", "move", "split", "merge",
                                               "note", "heading", "title"]))
        if action == "title":
            new.front.title = draw(phrases())
            continue
        if action in ("insert", "heading") or not lists:
            target = draw(strategies.sampled_from(_lists(new)[:2] if action == "heading" else _lists(new)))
            children = [Paragraph((Text(draw(phrases())),)) for _ in range(draw(strategies.integers(0, 1)))]
            block: Block = CrossHeading((Text(f"Heading {next(headings)} {draw(phrases())}"),)) \
                if action == "heading" else Paragraph((Text(draw(phrases())),), children)
            target.insert(draw(strategies.integers(0, len(target))), block)
            continue
        source = draw(strategies.sampled_from(lists))
        index = draw(strategies.integers(0, len(source) - 1))
        chosen = source[index]
        if action == "words" and chosen.content:
            _edit_words(draw, chosen)
        elif action == "delete":
            del source[index]
        elif action == "move":
            moved = source.pop(index)
            inside = [id(blocks) for para in iter_paragraphs([moved]) for blocks in [para.children]]
            targets = [blocks for blocks in _lists(new) if id(blocks) not in inside]
            if isinstance(moved, CrossHeading):  # a heading stands between paragraphs, never under one
                targets = _lists(new)[:2]
            target = draw(strategies.sampled_from(targets))
            target.insert(draw(strategies.integers(0, len(target))), moved)
        elif action == "split" and isinstance(chosen, Paragraph):
            words = chosen.text.split(" ")
            cut = draw(strategies.integers(1, max(1, len(words) - 1)))
            chosen.content = (Text(" ".join(words[:cut])),)
            source.insert(index + 1, Paragraph((Text(" ".join(words[cut:]) or "Decides"),)))
        elif action == "merge" and index + 1 < len(source) and isinstance(chosen, Paragraph) \
                and isinstance(source[index + 1], Paragraph):
            following = source.pop(index + 1)
            assert isinstance(following, Paragraph)
            chosen.content = normalize_runs((*chosen.content, Text(" "), *following.content))
            chosen.children += following.children
        elif action == "note" and isinstance(chosen, Paragraph):
            note = Footnote((Text(draw(phrases())),))
            new.footnotes.insert(draw(strategies.integers(0, len(new.footnotes))), note)
            chosen.content = (*chosen.content, NoteRef(note.id), Text(" " + draw(phrases())))
    return old, new


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_random_edits_read_back_from_their_amendments(pair: tuple[Resolution, Resolution]) -> None:
    old, new = pair
    found = amendments(old, new)
    assert all(entry["action"] in ACTIONS for entry in found.to_dict()["amendments"])
    check_read_back(old, new, found)
