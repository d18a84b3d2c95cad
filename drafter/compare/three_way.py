"""Three texts side by side: the base (A/RES), the previous version, the current draft.

Each row is one paragraph (or heading, or footnote) through the three texts: the previous
version's wording marked against the base, the current wording marked against the previous
version. Rows follow the current draft's reading order; a paragraph the current draft no longer
has stands where it stood in the previous version, and one the previous version had already
dropped where it stood in the base.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from drafter.compare import compare
from drafter.compare.changes import Change, Op
from drafter.compare.spacing import by_tokens
from drafter.model import Resolution

FRONT = "front"


@dataclass(frozen=True)
class Row:
    """One paragraph through the three texts; a side the paragraph is missing from has no ops."""

    label: str  # as numbered in the current draft, else in the previous version, else in the base
    base: tuple[Op, ...]  # the base's words
    previous: tuple[Op, ...]  # base → previous version
    current: tuple[Op, ...]  # previous version → current draft
    changed: bool  # the current draft differs from the previous version here

    @property
    def differs(self) -> bool:
        """Whether any two of the three texts differ here."""
        return self.changed or any(op.op != "equal" for op in self.previous) or not self.previous


def _key(change: Change) -> tuple[str, ...]:
    return (change.front_field,) if change.front_field else change.new_ids


def three_way(base: Resolution, previous: Resolution, current: Resolution) -> list[Row]:
    """The rows of the three-column view, in the current draft's order."""
    early = compare(base, previous).records  # base → previous
    late = compare(previous, current).records  # previous → current
    by_previous: dict[tuple[str, ...], Change] = {}
    for record in early:
        if record.front_field:
            by_previous[(record.front_field,)] = record
        for new_id in record.new_ids:
            by_previous[(new_id,)] = record
    # what the previous version had already dropped stands first, as the base had it
    rows = [Row(record.old_label or record.part, _words(record.ops, "delete"), tuple(record.ops), (), False)
            for record in early if not record.new_ids and not record.front_field]
    for record in late:
        key = (record.front_field,) if record.front_field else record.old_ids[:1]
        prior = by_previous.get(key) if key else None
        in_previous = bool(record.old_ids or record.front_field)
        in_base = prior is not None and bool(prior.old_ids or prior.front_field)
        label = record.front_field.replace("_", " ") if record.front_field else (
            record.new_label or record.old_label or record.part)
        rows.append(Row(label,
                        _words(prior.ops, "delete") if prior is not None and in_base else (),
                        tuple(prior.ops) if prior is not None and in_previous else (),
                        tuple(record.ops),
                        any(op.op != "equal" for op in record.ops)))
    return rows


def _words(ops: list[Op] | tuple[Op, ...], side: str) -> tuple[Op, ...]:
    """One text of a diff as plain words: the old text (`side` "delete") or the new one ("insert")."""
    return tuple(Op("equal", op.text) for op in ops if op.op in ("equal", side))


def _cell(ops: tuple[Op, ...]) -> str:
    out: list[str] = []
    for op in by_tokens(list(ops)):
        text = escape(op.text).replace("\n", "<br>")
        if op.op == "insert":
            out.append(f'<span style="color:#0a6b0a;text-decoration:underline">{text}</span>')
        elif op.op == "delete":
            out.append(f'<span style="color:#b00020;text-decoration:line-through">{text}</span>')
        else:
            out.append(text)
    return "".join(out).strip() or '<span style="color:#888">—</span>'


def to_html(rows: list[Row], names: tuple[str, str, str]) -> str:
    """The rows as an HTML table: label | base | previous (against the base) | current (against previous)."""
    head = "".join(f"<th align=left>{escape(name)}</th>" for name in ("", *names))
    body = []
    for row in rows:
        shade = ' bgcolor="#fff8e1"' if row.changed else ""
        body.append(f"<tr{shade}><td valign=top><b>{escape(row.label)}</b></td><td valign=top>{_cell(row.base)}</td>"
                    f"<td valign=top>{_cell(row.previous)}</td><td valign=top>{_cell(row.current)}</td></tr>")
    return (f'<table width="100%" cellspacing=0 cellpadding=4 border=1 style="border-collapse:collapse">'
            f"<tr>{head}</tr>{''.join(body)}</table>")


__all__ = ["Row", "three_way", "to_html"]
