"""Every change to a document as a small reversible edit object (apply / revert).

`primitives` holds the `Document` (base + draft + metadata) and the primitive edits,
`actions` builds the edits users ask for (split, join, indent, move, footnotes, …);
accepting or rejecting a change of a comparison is `drafter.tracking.accept_reject`. The app wraps
each edit in one undo command; nothing here knows about Qt or the comparer.
"""

from __future__ import annotations

from drafter.edits.actions import (
    cite_footnote,
    delete_range,
    indent,
    insert_footnote,
    insert_paragraphs,
    join,
    move,
    move_to,
    new_paragraph,
    outdent,
    remove_footnote,
    set_content,
    split,
    toggle_kind,
)
from drafter.edits.paste import paste_text
from drafter.edits.primitives import (
    Compound,
    DeleteBlock,
    DeleteNote,
    Document,
    Edit,
    EditError,
    InsertBlock,
    InsertNote,
    Metadata,
    MoveBlock,
    MoveRange,
    RenumberNotes,
    Scope,
    SetContent,
    SetField,
    Side,
    Where,
    citation_order,
    field_value,
    find,
    length,
    locate,
    reading_order,
    split_content,
    walk,
    with_lead_italic,
)

__all__ = [
    "Compound", "DeleteBlock", "DeleteNote", "Document", "Edit", "EditError", "InsertBlock", "InsertNote",
    "Metadata", "MoveBlock", "MoveRange", "RenumberNotes", "Scope", "SetContent", "SetField", "Side", "Where",
    "citation_order", "cite_footnote", "delete_range", "field_value", "find", "indent", "insert_footnote",
    "insert_paragraphs", "join", "length", "locate", "move", "move_to", "new_paragraph", "outdent", "paste_text",
    "reading_order", "remove_footnote", "set_content", "split", "split_content", "toggle_kind", "walk",
    "with_lead_italic",
]
