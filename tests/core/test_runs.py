"""`normalize_runs` and `trim_runs` give content that is already normal back as it is, and any other content
exactly as merging run by run does: runs of one style joined, empty runs dropped, references and brackets
kept, the white space at both ends trimmed."""

from __future__ import annotations

from hypothesis import given, strategies

from drafter.model import Bracket, Inline, NoteRef, Text, normalize_runs, trim_runs

ITEMS = strategies.one_of(
    strategies.builds(Text, strategies.sampled_from(["", " ", "a", " a ", "b ", "\n", "Al-Shabaab,"]),
                      strategies.booleans()),
    strategies.builds(NoteRef, strategies.just("n1")),
    strategies.builds(Bracket, strategies.sampled_from(["[", "]"]), strategies.booleans(), strategies.just("US"),
                      strategies.just("p1")))


def merged(content: list[Inline]) -> list[Inline]:
    """Run by run: a plain run joins the plain run before it in the same italics; empty runs go."""
    out: list[Inline] = []
    for item in content:
        if type(item) is Text:
            if not item.text:
                continue
            last = out[-1] if out else None
            if type(last) is Text and last.italic == item.italic:
                out[-1] = Text(last.text + item.text, item.italic)
                continue
        out.append(item)
    return out


def trimmed(content: list[Inline]) -> list[Inline]:
    out = merged(content)
    if out and type(out[0]) is Text:
        out[0] = Text(out[0].text.lstrip(), out[0].italic)
    if out and type(out[-1]) is Text:
        out[-1] = Text(out[-1].text.rstrip(), out[-1].italic)
    return merged(out)


def same(found: tuple[Inline, ...], wanted: list[Inline]) -> bool:
    return list(found) == wanted and [type(item) for item in found] == [type(item) for item in wanted]


@given(strategies.lists(ITEMS, max_size=8))
def test_normalize_runs_merges_run_by_run(content: list[Inline]) -> None:
    for given_as in (list(content), tuple(content), iter(content)):
        assert same(normalize_runs(given_as), merged(content))
        assert same(trim_runs(tuple(content)), trimmed(content))


@given(strategies.lists(ITEMS, max_size=8))
def test_normal_content_is_given_back_as_it_is(content: list[Inline]) -> None:
    normal = normalize_runs(content)
    assert normalize_runs(normal) is normal
    ends = [item.text for item in (normal[:1] + normal[-1:]) if type(item) is Text]
    if all(text == text.strip() for text in ends):  # nothing to trim either
        assert trim_runs(normal) is normal
