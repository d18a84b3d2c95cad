"""Property tests of the comparer: apply(old, changes) == new and revert(new, changes) == old.

Random resolutions are edited at random (word edits, insertions, deletions, moves across
parts and levels, splits, merges, footnote edits), compared, and rebuilt from the change list.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings, strategies

from drafter.compare import ChangeList, apply, compare, revert
from drafter.compare.engine import Comparison
from drafter.compare.memo import Memo
from drafter.compare.words import Options, joined, superscript
from drafter.edits.primitives import reading_order
from drafter.model import Content, Footnote, Inline, NoteRef, Paragraph, Resolution, Text, iter_paragraphs
from tests.strategies import resolutions

VOCABULARY = (
    "the of and to in international cooperation human rights States Member United Nations Council "
    "resolution report Secretary-General session seventy-third 72/169 2017 December promotion protection "
    "development peace security Assembly General calls upon urges requests decides welcomes recalling "
    "reaffirming noting with concern all countries, regional; national institutions."
).split()

words = strategies.lists(strategies.sampled_from(VOCABULARY), min_size=1, max_size=14)


@strategies.composite
def texts(draw: strategies.DrawFn) -> str:
    return " ".join(draw(words))


@strategies.composite
def base_resolutions(draw: strategies.DrawFn) -> Resolution:
    notes = [Footnote((Text(draw(texts())),)) for _ in range(draw(strategies.integers(0, 4)))]

    def para(depth: int) -> Paragraph:
        content: list[Inline] = [Text(draw(strategies.sampled_from(["Recalling", "Urges", "Decides"])), True),
                                 Text(" " + draw(texts()))]
        if notes and draw(strategies.booleans()):
            content.append(NoteRef(draw(strategies.sampled_from(notes)).id))
            content.append(Text(" " + draw(texts())))
        children = [para(depth + 1) for _ in range(draw(strategies.integers(0, 3)))] if depth < 2 else []
        return Paragraph(tuple(content), children)

    return Resolution(
        preamble=[para(1) for _ in range(draw(strategies.integers(0, 5)))],
        operative=[para(1) for _ in range(draw(strategies.integers(0, 6)))],
        footnotes=notes,
    )


def _all_lists(res: Resolution) -> list[list[Paragraph]]:
    lists: list[list[Paragraph]] = [res.preamble, res.operative]  # type: ignore[list-item]
    for para in iter_paragraphs(res.preamble) + iter_paragraphs(res.operative):
        lists.append(para.children)
    return lists


def _edit_words(draw: strategies.DrawFn, para: Paragraph) -> None:
    runs = [i for i, item in enumerate(para.content) if isinstance(item, Text)]
    index = draw(strategies.sampled_from(runs))
    item = para.content[index]
    assert isinstance(item, Text)
    tokens = item.text.split(" ")
    position = draw(strategies.integers(0, len(tokens)))
    action = draw(strategies.sampled_from(["insert", "delete", "replace"]))
    if action == "insert":
        tokens.insert(position, draw(strategies.sampled_from(VOCABULARY)))
    elif position < len(tokens) and tokens[position]:
        if action == "delete" and len(tokens) > 1:
            del tokens[position]
        else:
            tokens[position] = draw(strategies.sampled_from(VOCABULARY))
    para.content = (*para.content[:index], Text(" ".join(tokens), item.italic), *para.content[index + 1:])


@strategies.composite
def edited_pairs(draw: strategies.DrawFn) -> tuple[Resolution, Resolution]:
    old = draw(base_resolutions())
    new = copy.deepcopy(old)
    for _ in range(draw(strategies.integers(1, 6))):
        lists = [lst for lst in _all_lists(new) if lst]
        action = draw(strategies.sampled_from(["words", "insert", "delete", "move", "split", "merge", "note",
                                               "italic"]))
        if action == "insert" or not lists:
            target = draw(strategies.sampled_from(_all_lists(new)))
            target.insert(draw(strategies.integers(0, len(target))), Paragraph((Text(draw(texts())),)))
            continue
        source = draw(strategies.sampled_from(lists))
        index = draw(strategies.integers(0, len(source) - 1))
        para = source[index]
        if action == "words":
            _edit_words(draw, para)
        elif action == "delete":
            del source[index]
        elif action == "move":
            moved = source.pop(index)
            candidates = [lst for lst in _all_lists(new) if not any(lst is c for c in _all_lists_of(moved))]
            target = draw(strategies.sampled_from(candidates))
            target.insert(draw(strategies.integers(0, len(target))), moved)
        elif action == "split":
            text = para.text
            cut = draw(strategies.integers(0, len(text)))
            para.content = (Text(text[:cut]),)
            source.insert(index + 1, Paragraph((Text(text[cut:]),)))
        elif action == "merge" and index + 1 < len(source):
            following = source.pop(index + 1)
            para.content = (*para.content, Text(" "), *following.content)
            para.children += following.children
        elif action == "note":
            note = Footnote((Text(draw(texts())),))
            new.footnotes.insert(draw(strategies.integers(0, len(new.footnotes))), note)
            para.content += (NoteRef(note.id),)
            if len(new.footnotes) > 1 and draw(strategies.booleans()):
                new.footnotes[0].content = (Text(draw(texts())),)
        elif action == "italic":
            para.content = tuple(Text(item.text, not item.italic) if isinstance(item, Text) else item
                            for item in para.content)
    _drop_unused_notes(new)
    return old, new


def _all_lists_of(para: Paragraph) -> list[list[Paragraph]]:
    return [para.children] + [lst for child in para.children for lst in _all_lists_of(child)]


def _drop_unused_notes(res: Resolution) -> None:
    used = {item.note for p in iter_paragraphs(res.preamble) + iter_paragraphs(res.operative)
            for item in p.content if isinstance(item, NoteRef)}
    res.footnotes = [note for note in res.footnotes if note.id in used or not used]


def _shown(res: Resolution, content: Content) -> str:
    return "".join(item.text if isinstance(item, Text) else superscript(res.marker(item.note))
                   for item in content)


def _no_markers(text: str) -> str:
    return re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "^", text)


def _check_records(old: Resolution, new: Resolution, changes: ChangeList, exact: bool) -> None:
    """Every block id appears once on its side; the ops of each pair rebuild both texts."""
    old_ids = Counter(i for record in changes.records if record.part != "front" for i in record.old_ids)
    new_ids = Counter(i for record in changes.records if record.part != "front" for i in record.new_ids)
    assert all(count == 1 for count in old_ids.values())
    assert all(count == 1 for count in new_ids.values())
    old_blocks = {p.id: p for p in iter_paragraphs(old.preamble) + iter_paragraphs(old.operative)}
    new_blocks = {p.id: p for p in iter_paragraphs(new.preamble) + iter_paragraphs(new.operative)}
    assert set(old_blocks) <= set(old_ids) and set(new_blocks) <= set(new_ids)
    for record in changes.records:
        if len(record.old_ids) == 1 and len(record.new_ids) == 1 and record.old_id in old_blocks:
            new_text = "".join(op.text for op in record.ops if op.op != "delete")
            assert new_text == _shown(new, new_blocks[record.new_ids[0]].content)
            if exact:  # equal footnote markers show the new number
                old_text = "".join(op.text for op in record.ops if op.op != "insert")
                expected = _shown(old, old_blocks[record.old_ids[0]].content)
                assert _no_markers(old_text) == _no_markers(expected)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_pairs(), strategies.booleans())
def test_apply_and_revert_rebuild_both_versions(pair: tuple[Resolution, Resolution], exact: bool) -> None:
    old, new = pair
    changes = compare(old, new, ignore_whitespace=not exact)
    assert apply(old, changes) == new
    assert revert(new, changes) == old
    _check_records(old, new, changes, exact)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions(), resolutions(), strategies.booleans(), strategies.booleans())
def test_any_two_resolutions(old: Resolution, new: Resolution, case: bool, quotes: bool) -> None:
    changes = compare(old, new, ignore_case=case, ignore_quotes=quotes)
    assert apply(old, changes) == new
    assert revert(new, changes) == old


@settings(max_examples=100, deadline=None)
@given(resolutions())
def test_a_resolution_against_a_copy_of_itself(res: Resolution) -> None:
    changes = compare(res, copy.deepcopy(res))
    assert changes.changes == []
    assert apply(res, changes) == res


@settings(max_examples=100, deadline=None)
@given(base_resolutions(), strategies.data())
def test_one_word_edit_is_one_modified_paragraph(res: Resolution, data: strategies.DataObject) -> None:
    paragraphs = iter_paragraphs(res.preamble) + iter_paragraphs(res.operative)
    if not paragraphs:
        return
    new = copy.deepcopy(res)
    target = data.draw(strategies.sampled_from(iter_paragraphs(new.preamble) + iter_paragraphs(new.operative)))
    before = target.text
    _edit_words(data.draw, target)
    changes = compare(res, new)
    visible = changes.visible(hide_renumbering=True)
    if target.text == before:
        assert visible == []
    else:
        assert len(visible) <= 1
        if visible:
            assert visible[0].new_id == target.id
            assert visible[0].kind in ("modified", "technical", "moved")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_pairs(), edited_pairs(), strategies.booleans())
def test_a_memo_of_earlier_comparisons_changes_nothing(first: tuple[Resolution, Resolution],
                                                       second: tuple[Resolution, Resolution], exact: bool) -> None:
    """What the editor does: each comparison hands its memo to the next; the change list is the one a
    fresh comparison gives, and the memo holds only what the last comparison met."""
    options = Options(ignore_whitespace=not exact)
    memo = Memo(options)
    for old, new in (first, second, (first[0], second[1]), second):
        remembered = Comparison(old, new, options, memo).run()
        fresh = Comparison(old, new, options).run()
        assert [r.to_dict() for r in remembered.records] == [r.to_dict() for r in fresh.records]
        texts = {joined(block.content)[0] for res in (old, new) for block in [*reading_order(res), *res.footnotes]}
        assert set(memo._cuts) <= texts
