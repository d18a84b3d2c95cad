"""The comparison table as a self-contained HTML page: one row per paragraph, label | base | draft.

The static redline (`drafter.compare.render.to_html`) reads as one running text; this table sets the
two versions side by side for a negotiating room: the label(s) and the kind of change in the first
column, the base with its deleted words struck through in the second, the draft with its inserted
words bold and underlined in the third. Front-matter fields come first, under their field name.
Unchanged paragraphs are left out unless `include_unchanged`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from drafter.compare import kinds
from drafter.compare.changes import Change, ChangeList, Op
from drafter.compare.render import warnings_html
from drafter.parts import FRONT

_CSS = """
section.warnings { border: 1px solid #000; padding: 0 1em; margin: 1em 0; }
section.warnings h2 { font-family: sans-serif; font-size: 11pt; }
body { font-family: "Times New Roman", serif; font-size: 11pt; margin: 1.5em; color: #000; }
h1 { font-family: sans-serif; font-size: 14pt; }
table.comparison { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.comparison th, table.comparison td { border: 1px solid #000; vertical-align: top; padding: 0.35em; }
table.comparison th { font-family: sans-serif; font-size: 9pt; text-align: left; background: #eee; }
table.comparison col.label { width: 8em; }
td.label { font-family: sans-serif; font-size: 9pt; }
td.label .kind { display: block; font-style: italic; }
ins { font-weight: bold; text-decoration: underline; background: #e6ffe6; }
del { text-decoration: line-through; background: #ffe6e6; }
thead { display: table-header-group; }
"""


def _side(ops: list[Op], keep: str) -> str:
    """One version's text of a change: equal words and the words of `keep` ("delete" or "insert")."""
    out: list[str] = []
    for op in ops:  # all of them: a space that came or went is the version's own, though no mark
        text = escape(op.text).replace("\n", "<br>")
        if op.op == "equal" or (op.op == keep and not op.text.strip()):
            out.append(text)
        elif op.op == keep:
            tag = "del" if keep == "delete" else "ins"
            out.append(f"<{tag}>{text}</{tag}>")
    return "".join(out).strip()


def _label(change: Change) -> str:
    if change.part == FRONT:
        return escape((change.front_field or "front matter").replace("_", " "))
    old, new = change.old_label, change.new_label
    if old and new and old != new:
        return f"{escape(old)} → {escape(new)}"
    return escape(new or old or change.part)


def _row(change: Change) -> str:
    kind = "" if change.kind == kinds.UNCHANGED else f'<span class="kind">{escape(change.kind)}</span>'
    base = _side(change.ops, "delete") if change.old_ids or change.part == FRONT else ""
    draft = _side(change.ops, "insert") if change.new_ids or change.part == FRONT else ""
    return (f'<tr class="{escape(change.kind)}"><td class="label">{_label(change)}{kind}</td>'
            f'<td class="base">{base}</td><td class="draft">{draft}</td></tr>')


def to_html_table(changes: ChangeList, *, title: str = "", include_unchanged: bool = False,
                  hide_renumbering: bool = False, hide_technical: bool = False,
                  warnings: Sequence[Mapping[str, str]] = ()) -> str:
    """The page: a heading, a line saying what the marks mean, the readers' `warnings` (`{"file",
    "message"}`) and the three-column table."""
    shown = changes.visible(hide_renumbering=hide_renumbering, hide_technical=hide_technical)
    shown_ids = {id(change) for change in shown}
    base, draft = escape(changes.old_symbol or "the base"), escape(changes.new_symbol or "the draft")
    heading = escape(title) or f"Comparison of {draft} with {base}"
    rows = [_row(change) for change in changes.records
            if id(change) in shown_ids or (include_unchanged and change.kind == kinds.UNCHANGED)]
    if not rows:
        same = "No differences in what was read (see the reader warnings)." if warnings else "No differences."
        rows.append(f'<tr><td class="label"></td><td colspan="2">{same}</td></tr>')
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{heading}</title><style>{_CSS}</style></head><body>"
        f"<h1>{heading}</h1><p>Deleted words are <del>struck through</del> in the base; inserted words are "
        f"<ins>bold and underlined</ins> in the draft.</p>{warnings_html(warnings)}"
        '<table class="comparison"><colgroup><col class="label"><col class="base"><col class="draft">'
        f"</colgroup><thead><tr><th>Paragraph</th><th>Base: {base}</th><th>Draft: {draft}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></body></html>\n"
    )


__all__ = ["to_html_table"]
