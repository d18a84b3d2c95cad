"""Change lists as text for a terminal, as JSON, and as a self-contained HTML redline.

The marks work in black and white: in the terminal `[-deleted-]` and
`{+inserted+}` (with colour on a tty), in HTML inserted text bold and
underlined, deleted text struck through, moves marked in the margin.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape

from drafter.compare import kinds
from drafter.compare.changes import Change, ChangeList, Op
from drafter.compare.spacing import by_tokens
from drafter.parts import FRONT

_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31;9m", "\x1b[32;4m", "\x1b[2m", "\x1b[1m", "\x1b[0m"
_CONTEXT = 60  # characters of unchanged text kept on each side of a change in the terminal


_AFTER_WORD = frozenset(",;:.!?%)]}\u201d\u2019\u00bb")  # marks a space may follow
_SUPERSCRIPTS = frozenset("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def _gap_before(previous: str, op: Op) -> str:
    """A space between unchanged text and a deleted word that stood after a space in the old text.

    Equal text reads as in the new version, where the space after "tenth" may be gone with the word
    that followed it ("the tenth anniversary" → "the tenth"); without it the mark would stick to the
    word: "tenth[-anniversary-]". Footnote markers and punctuation keep sticking to what they follow.
    """
    if op.op != "delete" or not previous or not op.text:
        return ""
    last, first = previous[-1], op.text[0]
    if (last.isalnum() or last in _AFTER_WORD) and first.isalnum() and first not in _SUPERSCRIPTS:
        return " "
    return ""


def _sticks(previous: str, op: Op) -> bool:
    """Whether a changed mark of punctuation that closes on the word before it comes after a space that
    is the text's after the mark: "Al-Shabaab, as" → "Al-Shabaab as" reads "Al-Shabaab[-,-] as", not
    "Al-Shabaab [-,-]as" (a space before the comma that neither version has)."""
    return previous[-1:].isspace() and op.text[:1] in _AFTER_WORD and op.text[-1:].isspace()


def _split_space(text: str) -> tuple[str, str]:
    core = text.rstrip()
    return core, text[len(core):]


def _trim(text: str, first: bool, last: bool) -> str:
    """Long unchanged text shortened to its ends next to the changes."""
    if len(text) <= 2 * _CONTEXT + 5:
        return text
    head = "" if first else text[:_CONTEXT]
    tail = "" if last else text[-_CONTEXT:]
    return f"{head}…{tail}"


def inline(ops: list[Op], *, color: bool = False, trim: bool = True) -> str:
    """The ops of one change as running text with [-deleted-]{+inserted+} marks."""
    out: list[str] = []
    ops = by_tokens(ops)  # a space that came or went next to an equal word is no mark of its own here
    for index, op in enumerate(ops):
        if op.op == "equal":
            out.append(_trim(op.text, index == 0, index == len(ops) - 1) if trim else op.text)
            continue
        gap = _gap_before(out[-1], op) if out and ops[index - 1].op == "equal" else ""
        if out and ops[index - 1].op == "equal" and _sticks(out[-1], op):
            out[-1] = out[-1].rstrip()
        core, space = _split_space(op.text)
        followed_by_insert = op.op == "delete" and index + 1 < len(ops) and ops[index + 1].op == "insert"
        if op.op == "delete":
            mark = f"[-{core}-]"
            style = _RED
        else:
            mark = f"{{+{core}+}}"
            style = _GREEN
        if color:
            mark = f"{_DIM if op.technical or op.renumbering else ''}{style}{mark}{_RESET}"
        out.append(gap + (mark if followed_by_insert else mark + space))
    return "".join(out).strip()


def _line(change: Change) -> str:
    old = change.old_label or "—"
    new = change.new_label or "—"
    where = f"{old} → {new}" if change.old_label != change.new_label else old
    if change.front_field:
        where = f"front matter ({change.front_field.replace('_', ' ')})"
    return f"{where}: {change.kind}"


def no_changes(warnings: int) -> str:
    """What a comparison without changes says: with warnings, that it speaks only of what was read."""
    if not warnings:
        return "No changes."
    return f"No changes in what was read; {warnings} warning{'s' * (warnings != 1)} above"


def summary(changes: ChangeList, *, color: bool = False, hide_renumbering: bool = False,
            hide_technical: bool = False, warnings: int = 0) -> str:
    """The terminal report: counts per kind, then each change. `warnings`: how many warnings of the
    readers were printed before it (a text without changes may differ where the reader could not read)."""
    shown = changes.visible(hide_renumbering=hide_renumbering, hide_technical=hide_technical)
    counts = changes.counts
    base = changes.old_symbol or "old"
    lines = [f"Base: {base}  →  {changes.new_symbol or 'new'}"]
    listed = ", ".join(f"{counts[kind]} {kind}" for kind in kinds.KINDS if counts.get(kind))
    lines.append(f"Changes: {listed}" if listed else no_changes(warnings))
    hidden = len(changes.changes) - len(shown)
    if hidden:
        lines.append(f"({hidden} hidden)")
    for change in shown:
        head = _line(change)
        lines.append("")
        lines.append(f"{_BOLD}{head}{_RESET}" if color else head)
        if any(op.op != "equal" for op in change.ops):
            text = inline(change.ops, color=color)
            if text:
                lines.append("    " + text.replace("\n", "\n    "))
    return "\n".join(lines) + "\n"


def to_json(changes: ChangeList, *, hide_renumbering: bool = False, hide_technical: bool = False,
            warnings: Sequence[Mapping[str, str]] = ()) -> str:
    """The change list as `compare --json` prints it, with the readers' `warnings` (`{"file", "message"}`)."""
    shown = changes.visible(hide_renumbering=hide_renumbering, hide_technical=hide_technical)
    data = changes.to_dict(shown) | {"warnings": [dict(warning) for warning in warnings]}
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- HTML -----------------------------------------------------------------------------------
_CSS = """
section.warnings { border: 1px solid #000; padding: 0 1em; margin: 1em 0; }
body { font-family: "Times New Roman", serif; font-size: 12pt; margin: 0; color: #000; }
nav { position: fixed; top: 0; left: 0; bottom: 0; width: 15em; overflow: auto; padding: 1em;
      border-right: 1px solid #000; font-family: sans-serif; font-size: 9pt; }
nav a { display: block; color: #000; text-decoration: none; padding: 1px 0; }
nav a:hover { text-decoration: underline; }
main { margin-left: 18em; max-width: 46em; padding: 1em 2em; }
ins { font-weight: bold; text-decoration: underline; color: #000; background: #e6ffe6; }
del { text-decoration: line-through; color: #000; background: #ffe6e6; }
.technical ins, .technical del, ins.technical, del.technical { font-weight: normal;
      text-decoration-style: dotted; background: none; }
.block { position: relative; margin: 0.6em 0; line-height: 1.4; }
.label { position: absolute; left: -5.5em; width: 5em; text-align: right; font-family: sans-serif;
         font-size: 8pt; padding-top: 0.3em; }
.mark { position: absolute; left: -7.5em; font-weight: bold; font-family: sans-serif; }
.note { font-family: sans-serif; font-size: 8pt; font-style: italic; }
.inserted { border-left: 3px double #000; padding-left: 0.4em; }
.deleted { border-left: 3px dotted #000; padding-left: 0.4em; }
.moved { border-left: 3px solid #000; padding-left: 0.4em; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
td, th { border: 1px solid #000; vertical-align: top; padding: 0.3em; font-size: 10pt; }
th { font-family: sans-serif; }
h1, h2 { font-family: sans-serif; }
@media print { nav { display: none; } main { margin-left: 6em; } }
"""

_MARGIN = {kinds.INSERTED: "+", kinds.DELETED: "−", kinds.MODIFIED: "|", kinds.MOVED: "⇅", kinds.SPLIT: "⟨",
           kinds.MERGED: "⟩", kinds.TECHNICAL: "·", kinds.RENUMBERED: "#"}


def _html_ops(ops: list[Op], side: str = "both") -> str:
    out: list[str] = []
    # one side alone reads as its own text, with the spaces that came or went there (unmarked);
    # both sides as in `inline`
    ops = by_tokens(ops) if side == "both" else ops
    for index, op in enumerate(ops):
        text = escape(op.text).replace("\n", "<br>")
        css = ' class="technical"' if op.technical or op.renumbering else ""
        if op.op == "equal" or (not op.text.strip() and side == {"insert": "new", "delete": "old"}[op.op]):
            out.append(text)
        elif side == "both" and out and ops[index - 1].op == "equal" and _sticks(ops[index - 1].text, op):
            out[-1] = out[-1].rstrip()
            core, space = _split_space(text)
            tag = "ins" if op.op == "insert" else "del"
            out.append(f"<{tag}{css}>{core}</{tag}>{space}")
        elif op.op == "insert" and side in ("both", "new"):
            out.append(f"<ins{css}>{text}</ins>")
        elif op.op == "delete" and side in ("both", "old"):
            gap = _gap_before(ops[index - 1].text, op) if index and ops[index - 1].op == "equal" else ""
            out.append(f"{gap}<del{css}>{text}</del>")
    return "".join(out)


def _depth(label: str | None) -> int:
    return (label or "").count("(")


def _block(change: Change, anchor: str | None) -> str:
    label = change.new_label if change.new_label is not None else change.old_label
    note = ""
    if change.kind == kinds.MOVED:
        note = f' <span class="note">moved from {escape(change.old_label or "")}</span>'
    elif change.kind in (kinds.SPLIT, kinds.MERGED):
        note = f' <span class="note">{change.kind} from {escape(change.old_label or "")}</span>'
    elif change.kind == kinds.RENUMBERED or (change.relabelled and change.old_label):
        note = f' <span class="note">was {escape(change.old_label or "")}</span>'
    css = f"block {change.kind}"
    attrs = f' id="{anchor}"' if anchor else ""
    margin = _MARGIN.get(change.kind, "")
    indent = f' style="margin-left: {2 * _depth(label)}em"' if _depth(label) else ""
    return (f'<div class="{css}"{attrs}{indent}><span class="mark">{margin}</span>'
            f'<span class="label">{escape(label or "")}</span>{_html_ops(change.ops)}{note}</div>')


def warnings_html(warnings: Sequence[Mapping[str, str]]) -> str:
    """The readers' warnings (`{"file", "message"}`) as a visible list on a page, each naming its file; ""
    when there are none."""
    if not warnings:
        return ""
    items = "".join(f"<li><strong>{escape(warning['file'])}</strong>: {escape(warning['message'])}</li>"
                    for warning in warnings)
    return (f'<section class="warnings"><h2>Reader warnings</h2><p>What the readers could not read as they '
            f"should; the comparison is of what they read.</p><ul>{items}</ul></section>")


def to_html(changes: ChangeList, *, title: str = "", hide_renumbering: bool = False,
            hide_technical: bool = False, warnings: Sequence[Mapping[str, str]] = ()) -> str:
    """A self-contained redline page: outline, the readers' `warnings` (`{"file", "message"}`), redline of the
    whole text, side-by-side table."""
    shown = changes.visible(hide_renumbering=hide_renumbering, hide_technical=hide_technical)
    shown_ids = {id(change) for change in shown}
    anchors = {id(change): f"c{number}" for number, change in enumerate(shown, 1)}
    base, other = escape(changes.old_symbol or "old"), escape(changes.new_symbol or "new")
    heading = escape(title) or f"Comparison of {other} with {base}"
    counts = changes.counts
    listed = ", ".join(f"{counts[kind]} {kind}" for kind in kinds.KINDS if counts.get(kind)) or "no changes"
    nav = [f'<a href="#{anchors[id(c)]}">{escape(_line(c))}</a>' for c in shown]
    body: list[str] = []
    front = [c for c in changes.records if c.part == FRONT and id(c) in shown_ids]
    if front:
        body.append("<h2>Front matter</h2><table><tr><th>field</th><th>change</th></tr>")
        for change in front:
            body.append(f'<tr id="{anchors[id(change)]}"><td>{escape(change.front_field)}</td>'
                        f"<td>{_html_ops(change.ops)}</td></tr>")
        body.append("</table>")
    body.append("<h2>Text</h2>")
    part = None
    for change in changes.records:
        if change.part == FRONT:
            continue
        if change.part != part:
            part = change.part
            body.append(f"<h3>{escape(part.capitalize())}</h3>")
        hidden = change.kind != kinds.UNCHANGED and id(change) not in shown_ids
        body.append(_block(change, anchors.get(id(change))) if not hidden else _block(
            _plain(change), None))
    body.append("<h2>Side by side</h2><table><tr><th>base</th><th>text in the base</th>"
                "<th>new</th><th>text in the new version</th><th>kind</th></tr>")
    for change in shown:
        body.append(
            f"<tr><td>{escape(change.old_label or '')}</td><td>{_html_ops(change.ops, 'old')}</td>"
            f"<td>{escape(change.new_label or '')}</td><td>{_html_ops(change.ops, 'new')}</td>"
            f'<td><a href="#{anchors[id(change)]}">{escape(change.kind)}</a></td></tr>')
    body.append("</table>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{heading}</title><style>{_CSS}</style></head><body>"
        f"<nav><strong>Changes</strong><br>{escape(listed)}<br><br>{''.join(nav)}</nav>"
        f"<main><h1>{heading}</h1><p>Base: <strong>{base}</strong>. Inserted text is "
        "<ins>bold and underlined</ins>, deleted text is <del>struck through</del>; technical updates "
        "and renumbering are marked lightly.</p>"
        f"{warnings_html(warnings)}{''.join(body)}</main></body></html>\n"
    )


def _plain(change: Change) -> Change:
    """A hidden change shown as its new text (or nothing, for a deletion)."""
    text = "".join(op.text for op in change.ops if op.op != "delete")
    ops = [Op("equal", text)] if text else []
    return Change(kinds.UNCHANGED, change.part, change.old_ids, change.new_ids, change.old_label,
                  change.new_label, ops)
