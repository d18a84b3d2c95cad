"""Proposals: what a delegation asks to change in the text that was sent to it (SENT).

A `Proposal` names its author, its kind and the SENT paragraph it touches by label ("PP3", "OP5(a)",
"footnote 2", "heading 1", "annex 1 para 3"):

- words: "replace", "insert" or "delete" a span of that paragraph's text (`start`, `end`, in characters,
  a footnote reference counting one) by `content`;
- "new paragraph": `block` goes into `part`, under the SENT paragraph `parent` (None at the top), after
  the SENT paragraph `after` (None: first in its place);
- "delete paragraph": the paragraph and its sub-paragraphs go;
- "move": the paragraph goes to (`part`, `parent`, `after`);
- "comment": a comment of the author on the words `start`..`end` that no proposal of theirs touches.

Proposals are plain data (`to_dict`/`from_dict`), with a `state` (open, taken, dropped), so that a draft
file can keep them. `find` makes them from a delegation's text compared with SENT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.compare.changes import Op
from drafter.model import Block, Content, CrossHeading, Inline, NoteRef, Paragraph, Text

REPLACE, INSERT, DELETE = "replace", "insert", "delete"
NEW_PARAGRAPH, DELETE_PARAGRAPH, MOVE, COMMENT = "new paragraph", "delete paragraph", "move", "comment"
WORD_KINDS = (REPLACE, INSERT, DELETE)
KINDS = (*WORD_KINDS, NEW_PARAGRAPH, DELETE_PARAGRAPH, MOVE, COMMENT)
OPEN, TAKEN, DROPPED = "open", "taken", "dropped"
STATES = (OPEN, TAKEN, DROPPED)


@dataclass
class Proposal:
    id: str
    author: str
    kind: str
    paragraph: str | None  # the SENT label it touches; None for a new paragraph
    after: str | None = None  # new paragraph, move: the SENT label it follows (None: first in its place)
    part: str = ""  # new paragraph, move: "preamble", "operative", "annex 1"
    parent: str | None = None  # new paragraph, move: the SENT label of the paragraph it goes under
    start: int = 0  # words, comment: the span of the SENT paragraph's text
    end: int = 0
    content: Content = ()  # words: what the span becomes
    block: Block | None = None  # new paragraph: the paragraph, with its sub-paragraphs
    notes: dict[str, Content] = field(default_factory=dict)  # footnotes its content cites that SENT lacks
    ops: list[Op] = field(default_factory=list)  # the change as the comparer shows it: SENT words and new words
    comment: str = ""
    source: str = ""  # the file it came from
    state: str = OPEN

    @property
    def words(self) -> bool:
        return self.kind in WORD_KINDS

    @property
    def place(self) -> tuple[str, str | None, str | None]:
        """Where a new or moved paragraph goes."""
        return self.part, self.parent, self.after

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "author": self.author, "kind": self.kind, "paragraph": self.paragraph,
            "after": self.after, "ops": [{"op": op.op, "text": op.text} for op in self.ops],
            "comment": self.comment, "state": self.state,
        }
        if self.kind in (NEW_PARAGRAPH, MOVE):
            out["part"], out["parent"] = self.part, self.parent
        if self.kind in (*WORD_KINDS, COMMENT):
            out["span"] = [self.start, self.end]
        if self.words:
            out["content"] = content_out(self.content)
        if self.block is not None:
            out["block"] = block_out(self.block)
        if self.notes:
            out["notes"] = {note: content_out(content) for note, content in self.notes.items()}
        if self.source:
            out["source"] = self.source
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Proposal:
        kind = str(data["kind"])
        state = str(data.get("state", OPEN))
        if kind not in KINDS or state not in STATES:
            raise ValueError(f"proposal {data.get('id')!r}: unknown kind {kind!r} or state {state!r}")
        start, end = data.get("span", [0, 0])
        return cls(
            id=str(data["id"]), author=str(data["author"]), kind=kind, paragraph=_optional(data.get("paragraph")),
            after=_optional(data.get("after")), part=str(data.get("part", "")), parent=_optional(data.get("parent")),
            start=int(start), end=int(end), content=content_in(data.get("content", [])),
            block=block_in(data["block"]) if data.get("block") else None,
            notes={str(k): content_in(v) for k, v in data.get("notes", {}).items()},
            ops=[Op(str(op["op"]), str(op["text"])) for op in data.get("ops", [])],
            comment=str(data.get("comment", "")), source=str(data.get("source", "")), state=state,
        )


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def content_out(content: Content) -> list[dict[str, Any]]:
    return [{"note": item.note} if isinstance(item, NoteRef) else
            ({"text": item.text, "italic": True} if item.italic else {"text": item.text}) for item in content]


def content_in(data: list[dict[str, Any]]) -> Content:
    items: list[Inline] = [NoteRef(str(item["note"])) if "note" in item else
                           Text(str(item["text"]), bool(item.get("italic", False))) for item in data]
    return tuple(items)


def block_out(block: Block) -> dict[str, Any]:
    if isinstance(block, CrossHeading):
        return {"heading": True, "id": block.id, "content": content_out(block.content)}
    return {"id": block.id, "content": content_out(block.content), "list_style": block.list_style,
            "children": [block_out(child) for child in block.children]}


def block_in(data: dict[str, Any]) -> Block:
    if data.get("heading"):
        return CrossHeading(content_in(data["content"]), id=str(data["id"]))
    children = [block_in(child) for child in data.get("children", [])]
    return Paragraph(content_in(data["content"]), [c for c in children if isinstance(c, Paragraph)],
                     id=str(data["id"]), list_style=str(data.get("list_style", "")))


__all__ = ["COMMENT", "DELETE", "DELETE_PARAGRAPH", "DROPPED", "INSERT", "KINDS", "MOVE", "NEW_PARAGRAPH", "OPEN",
           "REPLACE", "STATES", "TAKEN", "WORD_KINDS", "Proposal", "block_in", "block_out", "content_in",
           "content_out"]
