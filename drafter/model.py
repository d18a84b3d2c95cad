"""The resolution as data, in AKN4UN terms.

A `Resolution` holds its front matter (AKN `preface`), the enacting formula, the
preamble, the operative part (`mainBody`), footnotes (`authorialNote`), the
closing (`conclusions`) and annexes (`attachments`).

Paragraph content is a tuple of inlines: `Text` runs (italic or not), `NoteRef`
references to a `Footnote` by its id, and `Bracket` marks, the "[" and "]" of a span
put in square brackets while the text is negotiated (see `drafter.negotiation_marks`).
Content and inlines are immutable:
an edit gives a block new content, so whatever holds on to a content (the live
comparison, the redline's looks) may trust that the same object means the same text. Labels such as PP3, OP5 or
OP5(a)(i) and the footnote markers are derived from position and never stored,
so inserting a paragraph renumbers everything after it for free. Every
paragraph, cross-heading and footnote carries an id that survives edits and
moves.
"""

from __future__ import annotations

import copy
import itertools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from drafter.labels import DEPTH_STYLES as DEPTH_STYLES
from drafter.labels import letters as letters
from drafter.labels import negotiation_labels, sub_labels
from drafter.labels import roman as roman
from drafter.labels import sub_label as sub_label

if TYPE_CHECKING:
    from drafter.comments import Comment

_counter = itertools.count(1)
_prefix = uuid.uuid4().hex[:6]


def new_id() -> str:
    """A fresh identifier, unique within this process and unlikely to collide across runs."""
    return f"{_prefix}{next(_counter):x}"


@dataclass(frozen=True, slots=True)
class Text:
    """A run of text; `italic` marks lead words and titles such as *Official Records*."""

    text: str
    italic: bool = False


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A reference to a footnote by id; one footnote may be referenced more than once."""

    note: str


@dataclass(frozen=True, slots=True)
class Bracket(Text):
    """One square bracket of a negotiated text: `text` is "[" or "]", `pair` links the two marks of one
    bracketed span and `holder` names the delegation that holds it (see `drafter.negotiation_marks`)."""

    holder: str = ""
    pair: str = ""

    @property
    def opening(self) -> bool:
        return self.text == "["


Inline = Text | NoteRef  # a Bracket is a Text
Content = tuple[Inline, ...]  # the content of a paragraph, heading or footnote


def plain_text(content: Iterable[Inline]) -> str:
    """The text of some inlines, footnote references left out."""
    return "".join(item.text for item in content if isinstance(item, Text))


def normalize_runs(content: Iterable[Inline]) -> Content:
    """Merge adjacent runs of equal style and drop empty ones."""
    items = content if type(content) is tuple else tuple(content)
    if _is_normal(items):  # most content is normal already (a reader's, a builder's): nothing to rebuild
        return items
    out: list[Inline] = []
    pieces: list[str] = []  # the texts of the run being merged
    italic = False

    def close() -> None:
        if pieces:
            out.append(Text("".join(pieces), italic))
            pieces.clear()

    for item in items:
        if isinstance(item, Text) and not isinstance(item, Bracket):
            if not item.text:
                continue
            if pieces and item.italic != italic:
                close()
            italic = item.italic
            pieces.append(item.text)
        else:
            close()
            out.append(item)
    close()
    return tuple(out)


def _is_normal(items: Content) -> bool:
    """Whether `normalize_runs` would give `items` back as they are: no empty run, no two plain runs of one
    style side by side, no run of another kind that it would make plain."""
    italic: bool | None = None  # the style of the plain run just before; None after a reference or bracket
    for item in items:
        if isinstance(item, NoteRef) or type(item) is Bracket:
            italic = None
            continue
        if type(item) is not Text or not item.text or item.italic == italic:
            return False
        italic = item.italic
    return True


def trim_runs(content: Iterable[Inline]) -> Content:
    """`normalize_runs` with the white space at both ends of the content removed."""
    normal = normalize_runs(content)
    items = list(normal)
    changed = False
    for at, strip in ((0, str.lstrip), (-1, str.rstrip)):
        item = items[at] if items else None
        if type(item) is Text and strip(item.text) != item.text:
            items[at] = Text(strip(item.text), item.italic)
            changed = True
    return normalize_runs(items) if changed else normal


@dataclass
class Paragraph:
    """A preambular, operative or sub-paragraph; `children` are its sub-paragraphs."""

    content: Content = ()
    children: list[Paragraph] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    # How `children` are labelled: "" by depth ((a), (i), a., i.), or one of "alpha", "roman", "alpha.",
    # "roman.", "decimal", "bullet" where the source breaks that order (S/2018/693 opens a list with (i)).
    list_style: str = ""
    status: str = ""  # while negotiated: "" (open), "ad ref" (agreed ad referendum) or "agreed"
    # alternatives of one paragraph ("OP5 alt 1", "OP5 alt 2") are siblings that follow each other and share
    # this key; "" for a paragraph that has none
    alternative: str = ""
    # where the wording was taken from, when it was inserted from the library of adopted texts: the
    # symbol and the label of the paragraph found ("A/RES/75/180 OP4"); "" for a paragraph typed here
    source: str = ""

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass
class NumberAs:
    """The setting "number as in <version>": `name` is "base" or a version's name, `labels` the label each
    paragraph had in that text (id → "OP5", "PP3 bis"). Those paragraphs keep their labels; new ones are
    labelled after the one they follow ("OP5 bis"), see `drafter.labels`."""

    name: str
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class CrossHeading:
    """A heading between paragraphs ("Peacebuilding Commission", "I. Mandate")."""

    content: Content = ()
    id: str = field(default_factory=new_id)

    @property
    def text(self) -> str:
        return plain_text(self.content)


Block = Paragraph | CrossHeading


@dataclass
class Footnote:
    """An authorial note. Its marker is its position in `Resolution.footnotes` plus one."""

    content: Content = ()
    id: str = field(default_factory=new_id)

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass
class AgendaItem:
    number: str  # "72 (b)"
    title: str = ""


@dataclass
class FrontMatter:
    """The header block, adoption lines, sponsors, number and title (AKN `preface`)."""

    organ: str = ""  # "General Assembly", "Third Committee", "Security Council", ...
    symbol: str = ""  # "A/RES/72/169", "A/C.3/73/L.12", "S/2022/158"
    distribution: str = ""  # "General", "Limited"
    date: str = ""  # date of distribution, as printed
    original: str = ""  # "English" in "Original: English"
    session: str = ""  # "Seventy-second session"
    agenda_items: list[AgendaItem] = field(default_factory=list)
    adoption: str = ""  # "Resolution adopted by the General Assembly on 19 December 2017"
    report: str = ""  # "[on the report of the Third Committee (A/72/439/Add.2)]"
    sponsors: str = ""  # "Cuba, Nicaragua and Venezuela" (drafts)
    doc_type: str = "resolution"  # "resolution" or "draft resolution"
    number: str = ""  # "72/169" (adopted GA texts)
    title: str = ""
    extra: list[str] = field(default_factory=list)  # header lines kept as they read


@dataclass
class Annex:
    heading: list[str] = field(default_factory=list)  # "Annex", its title lines
    blocks: list[Block] = field(default_factory=list)
    numbered: bool = False  # its paragraphs are numbered 1., 2., … (derived, like operative paragraphs)


@dataclass
class Resolution:
    front: FrontMatter = field(default_factory=FrontMatter)
    formula: str = ""  # "The General Assembly,"
    preamble: list[Block] = field(default_factory=list)
    operative: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # ["73rd plenary meeting", "19 December 2017"]
    annexes: list[Annex] = field(default_factory=list)
    language: str = "en"
    warnings: list[str] = field(default_factory=list)
    # the paragraphs its author moved (Alt+Up/Down, drag and drop), the last moved last: a comparison with
    # the base calls these moved rather than the paragraphs they were moved past
    moved: tuple[str, ...] = ()
    comments: list[Comment] = field(default_factory=list)  # comments and replies (see drafter.comments)
    number_as: NumberAs | None = None  # while negotiated: paragraphs keep the labels of another text

    def snapshot(self) -> Resolution:
        """A copy to read while the original goes on changing (in another thread): new blocks, footnotes
        and lists, the same (immutable) contents. Cheap next to a deep copy."""
        def paragraph(para: Paragraph) -> Paragraph:
            return replace(para, children=[paragraph(child) for child in para.children])

        def blocks(items: list[Block]) -> list[Block]:
            return [paragraph(b) if isinstance(b, Paragraph) else replace(b) for b in items]

        return replace(
            self, front=copy.deepcopy(self.front), preamble=blocks(self.preamble), operative=blocks(self.operative),
            footnotes=[replace(note) for note in self.footnotes], closing=list(self.closing),
            annexes=[replace(a, heading=list(a.heading), blocks=blocks(a.blocks)) for a in self.annexes],
            warnings=list(self.warnings), number_as=copy.deepcopy(self.number_as),
        )

    # --- derived views -------------------------------------------------
    def blocks(self) -> list[Block]:
        """Every paragraph and heading, sub-paragraphs and annexes included, in reading order."""
        out = all_blocks(self.preamble) + all_blocks(self.operative)
        for annex in self.annexes:
            out += all_blocks(annex.blocks)
        return out

    def preambular(self) -> list[Paragraph]:
        return [b for b in self.preamble if isinstance(b, Paragraph)]

    def operatives(self) -> list[Paragraph]:
        return [b for b in self.operative if isinstance(b, Paragraph)]

    def footnote(self, note_id: str) -> Footnote | None:
        for note in self.footnotes:
            if note.id == note_id:
                return note
        return None

    def marker(self, note_id: str) -> str:
        """The printed marker of a footnote: its position, counted from 1."""
        for index, note in enumerate(self.footnotes, 1):
            if note.id == note_id:
                return str(index)
        return "?"

    def labelled(self) -> list[tuple[str, Paragraph]]:
        """Every paragraph with its negotiation label, in reading order: PP1, OP5, OP5(a)(i); alternatives
        "OP5 alt 1", "OP5 alt 2"; numbered as in another text (`number_as`), new paragraphs "OP5 bis"."""
        if self.number_as is not None or any(para.alternative for para in self.preambular() + self.operatives()):
            reference = self.number_as.labels if self.number_as is not None else None
            return negotiation_labels((("PP", self.preambular()), ("OP", self.operatives())), reference)
        out: list[tuple[str, Paragraph]] = []
        for index, para in enumerate(self.preambular(), 1):
            out.append((f"PP{index}", para))
            out.extend(sub_labels(f"PP{index}", para))
        for index, para in enumerate(self.operatives(), 1):
            out.append((f"OP{index}", para))
            out.extend(sub_labels(f"OP{index}", para))
        return out

    def labels(self) -> dict[str, str]:
        """Paragraph id → label (PP3, OP5, OP5(a)(i))."""
        return {para.id: label for label, para in self.labelled()}

    @property
    def title(self) -> str:
        return self.front.title

    @property
    def symbol(self) -> str:
        return self.front.symbol


def all_blocks(blocks: Sequence[Block]) -> list[Block]:
    """Every block under `blocks` in reading order: each paragraph, then its sub-paragraphs."""
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, Paragraph) and block.children:
            out.extend(all_blocks(block.children))
    return out


def iter_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """All paragraphs under `blocks`, depth first, sub-paragraphs included."""
    out: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
            out.extend(iter_paragraphs(list(block.children)))
    return out
