"""From a reader's `RawDoc` to the `Resolution` model.

The builder knows the grammar of a resolution, not any file format: the
enacting formula divides front matter from body; numbered blocks are operative
paragraphs and labelled blocks their sub-paragraphs; short unpunctuated lines
are cross-headings; the meeting line closes the text and annexes follow it.
Paragraphs a page break cut in two are joined again, except where the reader says its blocks are the
source's own paragraphs (Word).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drafter.importers.blocks import RawBlock, RawDoc, no_cycle_collection
from drafter.importers.front import parse_front
from drafter.importers.plain_lists import Entry, plain_blocks
from drafter.leadwords import lead_phrase, opens_with_lead, starts_like_paragraph
from drafter.model import (
    DEPTH_STYLES,
    Annex,
    Content,
    CrossHeading,
    Footnote,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    normalize_runs,
    plain_text,
    trim_runs,
)

FORMULA = re.compile(
    r"^(?:The|Le|La|El|La)\s+(?:General Assembly|Security Council|Human Rights Council|Economic and Social"
    r" Council|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Assembly|Council|Conseil de sécurité"
    r"|Assemblée générale|Asamblea General|Consejo de Seguridad)\s*,?\s*$"
)
CLOSING = re.compile(r"^(\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)\s*,?\s*(.*)$")
ANNEX = re.compile(r"^Annex(?:es)?(?:\s+[IVXL]+)?\.?$")
LABEL = re.compile(r"^\s*(\d{1,3}\.|\(?[a-z]{1,4}\)|[a-z]{1,4}\.|[•▪◦·–-])(?:\s+|$)")
HEADING_NUM = re.compile(r"^(?:[IVXL]+|[A-Z])\.\s+\S")
TERMINAL = (".", ",", ";", ":", "!", "?")
# a paragraph's end with a footnote marker a reader took for text ("outer space,4")
_ENDS_WITH_MARKER = re.compile(r"[,;.:]\d{1,3}$")


@dataclass
class _Item:
    content: Content
    label: str | None
    level: int | None = None  # the list level the reader found (Word's numbering)

    @property
    def text(self) -> str:
        return plain_text(self.content).strip()


def build(raw: RawDoc) -> Resolution:
    with no_cycle_collection():  # the model is a tree of small objects without cycles
        return _build(raw)


def _build(raw: RawDoc) -> Resolution:
    res = Resolution(language=raw.language, warnings=list(raw.warnings))
    items = [_split_label(block) for block in raw.blocks]
    items = [item for item in items if item.text or item.label]
    formula_at = next((i for i, item in enumerate(items) if FORMULA.match(item.text)), None)
    join = _joiner(raw)
    if formula_at is None:
        res.warnings.append("no enacting formula (\"The General Assembly,\") found: "
                            "the document was imported as plain paragraphs")
        # without a resolution's grammar, labelled blocks are lists: under the paragraph before them
        entries = [Entry(it.content, it.label, it.level) for it in join(items)]
        res.preamble, problems = plain_blocks(entries, res.language)
        res.warnings.extend(problems)
    else:
        res.front = parse_front([it.text for it in items[:formula_at]])
        res.formula = items[formula_at].text
        # the title standing alone in the body is a running head a text extractor left in
        title = " ".join(res.front.title.split())
        body = [it for it in items[formula_at + 1:]
                if raw.whole_paragraphs or not title or " ".join(it.text.split()) != title]
        close_at = next((i for i, item in enumerate(body) if not item.label and CLOSING.match(item.text)), None)
        tail: list[_Item] = []
        if close_at is not None:
            res.closing = _closing_lines(body[close_at].text)
            tail = body[close_at + 1:]
            body = body[:close_at]
        else:
            annex_at = next((i for i, item in enumerate(body) if ANNEX.match(item.text)), len(body))
            body, tail = body[:annex_at], body[annex_at:]
        _fill_body(res, join(body))
        _fill_tail(res, tail, join)
    _attach_notes(res, raw)
    return res


def build_body(raw: RawDoc) -> Resolution:
    """Body text alone, such as text pasted into a draft: its paragraphs (numbered ones in the operative
    part), sub-paragraphs, headings and footnotes, read as `build` reads what follows the formula."""
    res = Resolution(language=raw.language, warnings=list(raw.warnings))
    items = [item for item in map(_split_label, raw.blocks) if item.text or item.label]
    _fill_body(res, _joiner(raw)(items))
    _attach_notes(res, raw)
    return res


# --- labels and joins ----------------------------------------------------
def _split_label(block: RawBlock) -> _Item:
    content = normalize_runs(block.content)
    label = block.label
    if label is None and content and isinstance(content[0], Text):
        first = content[0]
        match = LABEL.match(first.text)
        rest = first.text[match.end():] if match else ""
        if match and (rest or len(content) > 1 or match.group(1)[0].isdigit()):
            label = match.group(1)
            content = (Text(rest, first.italic), *content[1:])
    content = trim_runs(content)
    return _Item(content, label.strip() if label else None, block.level)


def _joiner(raw: RawDoc) -> Callable[[list[_Item]], list[_Item]]:
    """How the paragraphs of `raw` are put back together: not at all where they are the source's own."""
    return list if raw.whole_paragraphs else _join_breaks


def _join_breaks(items: list[_Item]) -> list[_Item]:
    """Join the halves of paragraphs that a page break or footnote block cut apart."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and item.label is None and _continues(prev.text, item.text):
            out[-1] = _Item(trim_runs([*prev.content, Text(" "), *item.content]), prev.label)
        else:
            out.append(item)
    return out


def _continues(prev: str, text: str) -> bool:
    if not prev or not text or HEADING_NUM.match(text):
        return False
    if text[0].islower():
        return not prev.endswith(":")  # after a colon it is a list item that lost its label
    if CLOSING.match(text) or ANNEX.match(text) or prev.endswith(TERMINAL) or _ENDS_WITH_MARKER.search(prev):
        return False
    if opens_with_lead(text):  # "Noting with satisfaction …" opens a paragraph, whatever ended the page
        return False
    return len(prev.split()) > 12 or not starts_like_paragraph(text)


def _is_heading(item: _Item) -> bool:
    text = item.text
    return (
        item.label is None
        and bool(text)
        and not text.endswith(TERMINAL)
        and len(text.split()) <= 14
        and (text[0].isupper() or text[0].isdigit())
    )


# --- body ----------------------------------------------------------------
_DEFAULT = dict(enumerate(DEPTH_STYLES, 1))


def _label_kind(label: str, open_levels: list[tuple[str, int]]) -> str:
    """"op", "alpha", "roman" or "bullet" for a label, reading "(i)" after "(h)" as a letter."""
    core = label.strip("().")
    if core.isdigit():
        return "op"
    if not core.isalpha():
        return "bullet"
    dot = "." if label.endswith(".") else ""  # "a." and "(a)" are different levels
    if re.fullmatch(r"[ivx]+", core):
        for kind, last in open_levels:
            if kind in (f"alpha{dot}", "inferred") and len(core) == 1 and ord(core) - ord("a") == last:
                return f"alpha{dot}"
        return f"roman{dot}"
    return f"alpha{dot}"


class _Tree:
    """Places labelled and unlabelled sub-paragraphs under their parents.

    `stack[0]` is the current top-level paragraph; `stack[d]` the open
    sub-paragraph at depth d with the kind of list it belongs to and its index.
    """

    def __init__(self) -> None:
        self.stack: list[tuple[Paragraph, str, int]] = []

    def top(self, para: Paragraph) -> None:
        self.stack = [(para, "", 0)]

    def child(self, para: Paragraph, kind: str, first: bool = False) -> bool:
        """Add `para` to the open list of its kind, or open a list under the deepest open paragraph.

        Unlabelled items ("inferred") stand at the first level, where a source that lost its labels
        lost them (see A/RES/80/11); a labelled "(ii)" right after such an item shows that the item
        was "(i)" of the paragraph before it, and is moved there. A list's first item ("(i)", `first`)
        right after a lone unlabelled paragraph under a labelled one shows that paragraph to be the
        rest of its parent's text ("(d) Supporting …: / To carry out … the following tasks:", S/2018/221).
        """
        if not self.stack:
            return False
        if first and len(self.stack) > 2 and self.stack[-1][1] == "inferred" and self.stack[-2][1] != "inferred":
            owner = self.stack[-2][0]
            if len(owner.children) == 1:
                rest = owner.children.pop()
                owner.content = normalize_runs([*owner.content, Text(" "), *rest.content])
                self.stack.pop()
        if kind == "alpha" and len(self.stack) > 1 and self.stack[1][1] == "inferred":
            kind = "inferred"
        depth = next((d for d in range(len(self.stack) - 1, 0, -1) if self.stack[d][1] == kind), len(self.stack))
        if depth == len(self.stack) and kind == "roman" and len(self.stack) == 2 and self.stack[1][1] == "inferred":
            self._regroup()
            depth = 2
        del self.stack[depth:]
        parent = self.stack[-1][0]
        if not parent.children and kind != "inferred" and kind != _DEFAULT.get(depth):
            parent.list_style = kind
        parent.children.append(para)
        self.stack.append((para, kind, len(parent.children)))
        return True

    def _regroup(self) -> None:
        """Move the last unlabelled item under its predecessor that ends with a colon."""
        top = self.stack[0][0]
        if len(top.children) < 2 or not top.children[-2].text.endswith(":"):
            return
        moved = top.children.pop()
        owner = top.children[-1]
        owner.children.append(moved)
        self.stack = [self.stack[0], (owner, "inferred", len(top.children)), (moved, "roman", 1)]

    def open_kinds(self) -> list[tuple[str, int]]:
        return [(kind, index) for _, kind, index in self.stack[1:]]

    def current(self) -> Paragraph | None:
        return self.stack[-1][0] if self.stack else None


def _fill_body(res: Resolution, items: list[_Item], lead: bool = True) -> None:
    has_numbers = any(it.label and it.label.rstrip(".").isdigit() for it in items)
    operative = False
    tree = _Tree()
    inferred = 0  # 1 while a list whose labels the source lost is open
    for index, item in enumerate(items):
        kind = _label_kind(item.label, tree.open_kinds()) if item.label else ""
        if kind == "op" and _nested_number(item.label or "", len(res.operatives()), tree):
            kind = "decimal"
        target = res.operative if operative else res.preamble
        if kind == "op" or (not has_numbers and not operative and not kind and _opens_operative(items, index)):
            operative = True
            para = Paragraph(_fix(item.content, lead))
            res.operative.append(para)
            tree.top(para)
            inferred = 0
        elif kind:
            para = Paragraph(_fix(item.content, lead=False))
            if not tree.child(para, kind, first=(item.label or "").strip("().") in ("a", "i", "1")):
                res.warnings.append(f"sub-paragraph {item.label} before any paragraph kept as a paragraph")
                target.append(para)
                tree.top(para)
        elif _is_heading(item):
            target.append(CrossHeading(item.content))
            tree = _Tree()
            inferred = 0
        elif tree.current() is not None and (inferred or tree.stack[-1][0].text.endswith(":")):
            if not inferred:
                inferred = len(tree.stack)
                res.warnings.append(f"sub-paragraph labels missing under \"{tree.stack[-1][0].text[:40]}…\": "
                                    "levels inferred from punctuation")
            para = Paragraph(_fix(item.content, lead=False))
            tree.child(para, "inferred")
            inferred = 0 if para.text.endswith(".") else 1
        else:
            para = Paragraph(_fix(item.content, lead))
            if operative and has_numbers:
                res.warnings.append(f"unnumbered paragraph among operative paragraphs: \"{item.text[:50]}…\"")
            target.append(para)
            tree.top(para)


def _nested_number(label: str, count: int, tree: _Tree) -> bool:
    """A "1." inside operative paragraph 7 opens a numbered list of its own (S/2018/1021)."""
    number = int(label.rstrip("."))
    if count == 0 or number == count + 1:
        return False
    open_list = [index for _, kind, index in tree.stack[1:] if kind == "decimal"]
    return number == 1 or (bool(open_list) and number == open_list[-1] + 1)


def _opens_operative(items: list[_Item], index: int) -> bool:
    """Without numbers, the operative part starts at the first block not ending with a comma."""
    text = items[index].text
    return bool(text) and not text.endswith(",") and starts_like_paragraph(text)


def _fix(content: Content, lead: bool = True) -> Content:
    """Italicise the lead phrase where the source carried no italics."""
    content = trim_runs(content)
    if not lead or not content or not isinstance(content[0], Text):
        return content
    if any(isinstance(c, Text) and c.italic for c in content[:1]):
        return content
    first = content[0]
    end = lead_phrase(first.text)
    if end <= 0:
        return content
    return normalize_runs([Text(first.text[:end], True), Text(first.text[end:]), *content[1:]])


# --- closing, annexes, notes ------------------------------------------------
def _closing_lines(text: str) -> list[str]:
    match = CLOSING.match(text)
    if not match:
        return [text]
    return [part for part in (match.group(1), match.group(2).strip()) if part]


def _fill_tail(res: Resolution, tail: list[_Item], join: Callable[[list[_Item]], list[_Item]]) -> None:
    """The date under the meeting line, then annexes: each structured like the body."""
    groups: list[tuple[Annex, list[_Item]]] = []
    for item in tail:
        if res.closing and not res.closing[1:] and not groups and re.fullmatch(r"\d{1,2} \w+ \d{4}", item.text):
            res.closing.append(item.text)
            continue
        if ANNEX.match(item.text) or not groups:
            groups.append((Annex([item.text] if ANNEX.match(item.text) else ["Annex"]), []))
            if ANNEX.match(item.text):
                continue
        annex, items = groups[-1]
        if len(annex.heading) == 1 and not items and not item.label and not item.text.endswith(TERMINAL):
            annex.heading.append(item.text)
            continue
        items.append(item)
    for annex, items in groups:
        scratch = Resolution(language=res.language)
        _fill_body(scratch, join(items), lead=False)
        annex.blocks = scratch.preamble + scratch.operative
        annex.numbered = bool(scratch.operative) and any(it.label and it.label[0].isdigit() for it in items)
        res.annexes.append(annex)
        res.warnings.extend(f"annex: {warning}" for warning in scratch.warnings)


def _attach_notes(res: Resolution, raw: RawDoc) -> None:
    by_marker: dict[str, Footnote] = {}
    for marker in sorted(raw.notes, key=lambda m: (not m.isdigit(), int(m) if m.isdigit() else 0, m)):
        note = Footnote(trim_runs(raw.notes[marker]))
        by_marker[marker] = note
        res.footnotes.append(note)
    used: set[str] = set()

    def relinked(content: Content, where: str) -> Content:
        """The content with its printed markers turned into footnote ids."""
        out: list[Inline] = []
        for item in content:
            if isinstance(item, NoteRef):
                note = by_marker.get(item.note)
                if note is None:
                    res.warnings.append(f"footnote marker {item.note} in {where} has no footnote text")
                    note = Footnote()
                    by_marker[item.note] = note
                    res.footnotes.append(note)
                used.add(item.note)
                item = NoteRef(note.id)
            out.append(item)
        return tuple(out)

    labels = res.labels()
    for block in res.blocks():
        if any(isinstance(item, NoteRef) for item in block.content):
            block.content = relinked(block.content, labels.get(block.id, "a heading or an annex"))
    for marker in by_marker:
        unreferenced = f"footnote {marker} is never referenced in the text"
        if marker not in used and not any(w.startswith(unreferenced) for w in raw.warnings):  # a reader named it
            res.warnings.append(unreferenced)
