"""The paragraphs of a document that is no resolution, its lists made lists of the model.

Without a resolution's grammar each block is a paragraph. A run of labelled blocks (a Word list, or
labels typed as "1." "(a)" "•") becomes the sub-paragraphs of the paragraph before it, nested by list
level, so that their labels are derived as the model derives them (`drafter.model.sub_label`) and an
item inserted in the middle is one insertion, not a change to every later label. A list that opens the
document hangs under an empty paragraph. Word's list level gives the nesting; typed labels nest by kind
(a new kind of label opens a deeper level, a kind already open goes back to it).

The model derives "1.", "(a)", "a.", "(i)", "i." (in French and Spanish "a)", "i)") and bullets. Every
bullet glyph ("▪", "◦", "–", "➢") is read as the model's bullet "•". A list whose printed labels the model
would not print again, in the same order, keeps them as text before each item, and a warning names the
list's first paragraph and its labels: "A.", "I.", "1)", "1.1.", "First", a list that starts at 3 or goes
on from an earlier one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from drafter.model import DEPTH_STYLES, Block, Content, Paragraph, Text, normalize_runs, plain_text, sub_label

STYLES = ("decimal", "alpha", "roman", "alpha.", "roman.", "bullet")
NAMED = 5  # lists whose labels stay text named one by one; the others are counted in one warning


@dataclass
class Entry:
    """A block as the reader gave it: its content, printed label and list level (Word's ilvl), if any."""

    content: Content
    label: str | None = None
    level: int | None = None


@dataclass
class _Node:
    entry: Entry
    para: Paragraph
    children: list[_Node] = field(default_factory=list)


def is_bullet(label: str) -> bool:
    """One or two symbols, none a letter or digit: "•", "▪", "◦", "–", "-", "➢"."""
    return 0 < len(label) <= 2 and all(not ch.isalnum() and unicodedata.category(ch)[0] in "PS" for ch in label)


def style_of(labels: list[str], depth: int, language: str) -> str | None:
    """The model's list style that prints exactly `labels` as items 1, 2, … at `depth`, or None. A list
    of one bullet glyph is a bullet list (the model prints "•"); "*", "†", "‡" counts, and is none."""
    if all(is_bullet(label) for label in labels) and len(set(labels)) == 1:
        return "bullet"
    for style in STYLES[:-1]:
        if all(sub_label(depth, index, language, style) == label for index, label in enumerate(labels, 1)):
            return style
    return None


def plain_blocks(entries: list[Entry], language: str) -> tuple[list[Block], list[str]]:
    """Paragraphs, with each run of labelled entries as the sub-paragraphs of the paragraph before it."""
    blocks: list[Block] = []
    kept: list[str] = []  # a warning for each list whose labels stay text
    start = 0
    while start < len(entries):
        if entries[start].label is None:
            blocks.append(Paragraph(entries[start].content))
            start += 1
            continue
        end = start
        while end < len(entries) and entries[end].label is not None:
            end += 1
        run = entries[start:end]
        parent = blocks[-1] if blocks and isinstance(blocks[-1], Paragraph) else None
        owner = parent if parent is not None else Paragraph()
        problem = _attach(run, owner, language)
        if problem is None:
            if parent is None:
                blocks.append(owner)
        else:
            opening = " ".join(plain_text(run[0].content).split())[:40]
            kept.append(f"list labels kept as text from \"{opening}…\": {problem}, so inserting an item "
                        "there shows every later label as changed")
            blocks.extend(Paragraph(normalize_runs([Text(f"{entry.label} "), *entry.content])) for entry in run)
        start = end
    if len(kept) > NAMED:  # a list numbered on across a long document: name the first few, count the rest
        rest = kept[NAMED].split("\"")[1]
        kept[NAMED:] = [f"{len(kept) - NAMED} more lists keep their labels as text, from \"{rest}\" on"]
    return blocks, kept


def _attach(run: list[Entry], owner: Paragraph, language: str) -> str | None:
    """Hang `run` under `owner` as nested sub-paragraphs; None, or what stops it (nothing is changed then)."""
    nodes = _nest(run)
    styles: list[tuple[Paragraph, str]] = []  # each parent with the list style of its sub-paragraphs

    def check(parent: Paragraph, group: list[_Node], depth: int) -> str | None:
        labels = [node.entry.label or "" for node in group]
        style = style_of(labels, depth, language)
        if style is None:
            shown = ", ".join(f"\"{label}\"" for label in labels[:3]) + (" …" if len(labels) > 3 else "")
            return f"Drafter's list styles do not number a list {shown} that way"
        styles.append((parent, "" if style == DEPTH_STYLES[(depth - 1) % 4] else style))
        return next((problem for node in group if node.children
                     and (problem := check(node.para, node.children, depth + 1))), None)

    problem = check(owner, nodes, 1)
    if problem is None:
        _link(owner, nodes)
        for parent, style in styles:
            parent.list_style = style
    return problem


def _link(owner: Paragraph, nodes: list[_Node]) -> None:
    owner.children = [node.para for node in nodes]
    for node in nodes:
        if node.children:
            _link(node.para, node.children)


def _nest(run: list[Entry]) -> list[_Node]:
    """The entries as a tree: by Word's list level where it is known, else by the kind of label."""
    levels = _levels(run)
    top: list[_Node] = []
    path: list[_Node] = []  # the last node at each depth
    for entry, level in zip(run, levels, strict=True):
        depth = min(level - min(levels) + 1, len(path) + 1)
        node = _Node(entry, Paragraph(entry.content))
        del path[depth - 1:]
        (path[-1].children if path else top).append(node)
        path.append(node)
    return top


def _levels(run: list[Entry]) -> list[int]:
    if all(entry.level is not None for entry in run):
        return [entry.level or 0 for entry in run]
    kinds: list[str] = []  # the kinds of label open, outermost first
    out: list[int] = []
    for entry in run:
        kind = _kind(entry.label or "", kinds)
        if kind in kinds:
            del kinds[kinds.index(kind) + 1:]
        else:
            kinds.append(kind)
        out.append(len(kinds) - 1)
    return out


def _kind(label: str, open_kinds: list[str]) -> str:
    """The kind of a typed label: "bullet", or its numbering and shape ("decimal#.", "alpha(#)", "roman#.");
    "(i)" while an "(a)" list is open is a letter."""
    if is_bullet(label):
        return "bullet"
    core = label.strip("().")
    shape = label.replace(core, "#", 1) if core else label
    if core.isdigit():
        return f"decimal{shape}"
    if core.isalpha() and core.lower() == core and set(core) <= set("ivxlc"):
        return f"alpha{shape}" if f"alpha{shape}" in open_kinds and len(core) == 1 else f"roman{shape}"
    return f"alpha{shape}" if core.isalpha() else f"other{shape}"
