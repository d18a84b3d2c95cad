"""The lossless JSON form of the model, and the readable summary `drafter inspect --json` prints.

`to_dict` / `from_dict` round-trip every field, ids included. `summary` is the
documented, simpler view for scripts: labels and numbers written out, footnote
markers left out of the text.

Format history: 1 — the text, its footnotes, moves; 2 — the marks of a negotiation: bracket marks
among the inlines (`{"bracket": "[", "pair": "…", "holder": "EU"}`), a paragraph's `status` and
`alternative`, and the resolution's `number_as` (`{"name": "Rev.1", "labels": {id: "OP5"}}`); comments
(`"comments"`, each as `drafter.comments.to_data` writes it). A text that uses none of them is written as
format 1, so that older readers still open it; every field of
format 2 is optional, so a format-1 text reads as one without marks; 3 — a paragraph's `source`, the
symbol and label of the adopted text it was taken from (`"source": "A/RES/75/180 OP4"`). A text is written
in the oldest format that holds what it uses, so that an older reader opens it, and refuses it (rather
than drop what it cannot keep) otherwise.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from drafter.comments import from_data as comment_from_data
from drafter.comments import to_data as comment_data
from drafter.model import (
    AgendaItem,
    Annex,
    Block,
    Bracket,
    Content,
    CrossHeading,
    Footnote,
    FrontMatter,
    Inline,
    NoteRef,
    NumberAs,
    Paragraph,
    Resolution,
    Text,
    sub_label,
)

FORMAT_VERSION = 3
NEGOTIATED_VERSION = 2  # the format of a text with the marks of a negotiation or comments, and no sources


def _inline_out(item: Inline) -> dict[str, Any]:
    if isinstance(item, NoteRef):
        return {"note": item.note}
    if isinstance(item, Bracket):
        return {"bracket": item.text, "pair": item.pair, **({"holder": item.holder} if item.holder else {})}
    out: dict[str, Any] = {"text": item.text}
    if item.italic:
        out["italic"] = True
    return out


def _inline_in(data: dict[str, Any]) -> Inline:
    if "note" in data:
        return NoteRef(str(data["note"]))
    if "bracket" in data:
        mark = str(data["bracket"])
        if mark not in ("[", "]"):
            raise ValueError(f"a bracket is [ or ], not {mark!r}")
        return Bracket(mark, False, str(data.get("holder", "")), str(data["pair"]))
    return Text(str(data["text"]), bool(data.get("italic", False)))


def _content_out(content: Content) -> list[dict[str, Any]]:
    return [_inline_out(item) for item in content]


def _content_in(data: list[dict[str, Any]]) -> Content:
    return tuple(_inline_in(item) for item in data)


def _block_out(block: Block) -> dict[str, Any]:
    if isinstance(block, CrossHeading):
        return {"type": "heading", "id": block.id, "content": _content_out(block.content)}
    return {
        "type": "paragraph",
        "id": block.id,
        "content": _content_out(block.content),
        "children": [_block_out(child) for child in block.children],
        **({"list_style": block.list_style} if block.list_style else {}),
        **({"status": block.status} if block.status else {}),
        **({"alternative": block.alternative} if block.alternative else {}),
        **({"source": block.source} if block.source else {}),
    }


def _block_in(data: dict[str, Any]) -> Block:
    if data.get("type") == "heading":
        return CrossHeading(_content_in(data["content"]), id=str(data["id"]))
    children = [_block_in(child) for child in data.get("children", [])]
    return Paragraph(
        _content_in(data["content"]),
        [c for c in children if isinstance(c, Paragraph)],
        id=str(data["id"]),
        list_style=str(data.get("list_style", "")),
        status=_status(data.get("status", "")),
        alternative=str(data.get("alternative", "")),
        source=str(data.get("source", "")),
    )


def _status(value: object) -> str:
    from drafter.negotiation_marks import status_of

    return status_of(str(value))


def to_dict(res: Resolution) -> dict[str, Any]:
    front = asdict(res.front)
    optional: dict[str, Any] = {"moved": list(res.moved)} if res.moved else {}
    if res.number_as is not None:
        optional["number_as"] = {"name": res.number_as.name, "labels": dict(res.number_as.labels)}
    if res.comments:
        optional["comments"] = [comment_data(comment) for comment in res.comments]
    return {
        "format": "drafter-resolution",
        "version": _version(res),
        "language": res.language,
        "front": front,
        "formula": res.formula,
        "preamble": [_block_out(b) for b in res.preamble],
        "operative": [_block_out(b) for b in res.operative],
        "footnotes": [{"id": n.id, "content": _content_out(n.content)} for n in res.footnotes],
        "closing": list(res.closing),
        "annexes": [
            {"heading": list(a.heading), "blocks": [_block_out(b) for b in a.blocks], "numbered": a.numbered}
            for a in res.annexes
        ],
        "warnings": list(res.warnings),
        **optional,
    }


def _version(res: Resolution) -> int:
    """The oldest format that holds what the text uses."""
    if any(isinstance(block, Paragraph) and block.source for block in res.blocks()):
        return FORMAT_VERSION
    return NEGOTIATED_VERSION if _negotiated(res) or res.comments else 1


def _negotiated(res: Resolution) -> bool:
    """Whether a text uses what format 2 added."""
    if res.number_as is not None:
        return True
    return any((isinstance(block, Paragraph) and bool(block.status or block.alternative))
               or any(isinstance(item, Bracket) for item in block.content) for block in res.blocks())


def from_dict(data: dict[str, Any]) -> Resolution:
    if data.get("format") != "drafter-resolution":
        raise ValueError("not a Drafter resolution")
    if int(data.get("version", 0)) > FORMAT_VERSION:
        raise ValueError(f"written by a newer Drafter (format version {data['version']})")
    front_data = dict(data.get("front", {}))
    agenda = [AgendaItem(**item) for item in front_data.pop("agenda_items", [])]
    front = FrontMatter(**front_data, agenda_items=agenda)
    return Resolution(
        front=front,
        formula=data.get("formula", ""),
        preamble=[_block_in(b) for b in data.get("preamble", [])],
        operative=[_block_in(b) for b in data.get("operative", [])],
        footnotes=[Footnote(_content_in(n["content"]), id=str(n["id"])) for n in data.get("footnotes", [])],
        closing=[str(line) for line in data.get("closing", [])],
        annexes=[
            Annex(list(a.get("heading", [])), [_block_in(b) for b in a.get("blocks", [])], bool(a.get("numbered")))
            for a in data.get("annexes", [])
        ],
        language=data.get("language", "en"),
        warnings=[str(w) for w in data.get("warnings", [])],
        moved=tuple(str(block_id) for block_id in data.get("moved", [])),
        number_as=_number_as(data.get("number_as")),
        comments=[comment_from_data(item) for item in data.get("comments", [])],
    )


def _number_as(data: Any) -> NumberAs | None:
    if data is None:
        return None
    labels = data["labels"]
    if not isinstance(labels, dict):
        raise ValueError("number_as.labels is no mapping of paragraph ids to labels")
    return NumberAs(str(data["name"]), {str(key): str(label) for key, label in labels.items()})


def content_to_data(content: Content) -> list[dict[str, Any]]:
    """The lossless form of a paragraph's content (its inlines), as `to_dict` writes it."""
    return _content_out(content)


def content_from_data(data: list[dict[str, Any]]) -> Content:
    return _content_in(data)


def block_to_data(block: Block) -> dict[str, Any]:
    """The lossless form of a paragraph (with its sub-paragraphs) or a heading, as `to_dict` writes it."""
    return _block_out(block)


def block_from_data(data: dict[str, Any]) -> Block:
    return _block_in(data)


def dumps(res: Resolution) -> str:
    return json.dumps(to_dict(res), ensure_ascii=False, indent=1)


def loads(text: str) -> Resolution:
    return from_dict(json.loads(text))


# --- the documented summary ----------------------------------------------
def _sub_summary(parent: Paragraph, depth: int, language: str) -> list[dict[str, Any]]:
    return [
        {
            "label": sub_label(depth, index, language, parent.list_style),
            "text": child.text,
            "subparagraphs": _sub_summary(child, depth + 1, language),
        }
        for index, child in enumerate(parent.children, 1)
    ]


def summary(res: Resolution) -> dict[str, Any]:
    """The schema of `drafter inspect --json` (documented in the README)."""
    ops = res.operatives()
    return {
        "organ": res.front.organ,
        "symbol": res.front.symbol,
        "title": res.front.title,
        "doc_type": res.front.doc_type,
        "session": res.front.session,
        "date": res.front.date,
        "agenda_items": [asdict(a) for a in res.front.agenda_items],
        "adoption": res.front.adoption,
        "report": res.front.report,
        "sponsors": res.front.sponsors,
        "formula": res.formula,
        "preamble": [
            {"text": p.text, "subparagraphs": _sub_summary(p, 1, res.language)}
            for p in res.preambular()
        ],
        "operative": [
            {
                "number": index if len(ops) > 1 else None,
                "text": p.text,
                "subparagraphs": _sub_summary(p, 1, res.language),
            }
            for index, p in enumerate(ops, 1)
        ],
        "headings": [b.text for b in res.preamble + res.operative if isinstance(b, CrossHeading)],
        "footnotes": [{"marker": str(i), "text": n.text} for i, n in enumerate(res.footnotes, 1)],
        "closing": "\n".join(res.closing),
        "annexes": [{"heading": "\n".join(a.heading), "paragraphs": len(a.blocks)} for a in res.annexes],
        "warnings": list(res.warnings),
    }
