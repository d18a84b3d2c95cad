"""The resolution as HTML for the reading view, laid out as it reads on paper."""

from __future__ import annotations

from html import escape

from drafter.model import CrossHeading, Inline, NoteRef, Paragraph, Resolution, Text, sub_label


def _inline(res: Resolution, content: list[Inline]) -> str:
    out = []
    for item in content:
        if isinstance(item, NoteRef):
            out.append(f"<sup>{res.marker(item.note)}</sup>")
        elif isinstance(item, Text):
            text = escape(item.text)
            out.append(f"<i>{text}</i>" if item.italic else text)
    return "".join(out)


def _children(res: Resolution, para: Paragraph, depth: int, out: list[str]) -> None:
    for index, child in enumerate(para.children, 1):
        label = sub_label(depth, index, res.language, para.list_style)
        margin = 36 * depth
        out.append(f'<p style="margin-left:{margin}px" id="{child.id}">{escape(label)}&nbsp;&nbsp;'
                   f"{_inline(res, child.content)}</p>")
        _children(res, child, depth + 1, out)


def to_html(res: Resolution) -> str:
    front = res.front
    out = ['<div style="font-family:\'Times New Roman\',serif; font-size:12pt">']
    head = [front.organ, front.symbol, front.date, front.session]
    out.append(f'<p style="color:#555">{" · ".join(escape(h) for h in head if h)}</p>')
    if front.sponsors:
        out.append(f"<p>{escape(front.sponsors)}: {escape(front.doc_type)}</p>")
    title = f"{front.number}. {front.title}" if front.number else front.title
    if title:
        out.append(f"<h3>{escape(title)}</h3>")
    if res.formula:
        out.append(f"<p>{escape(res.formula)}</p>")
    ops = res.operatives()
    number = 0
    for block in res.preamble + res.operative:
        if isinstance(block, CrossHeading):
            out.append(f"<p><i>{_inline(res, block.content)}</i></p>")
            continue
        prefix = ""
        if block in ops and len(ops) > 1:
            number += 1
            prefix = f"{number}.&nbsp;&nbsp;"
        out.append(f'<p id="{block.id}">{prefix}{_inline(res, block.content)}</p>')
        _children(res, block, 1, out)
    if res.closing:
        out.append(f"<p><i>{'<br>'.join(escape(line) for line in res.closing)}</i></p>")
    if res.footnotes:
        out.append("<hr>")
        for index, note in enumerate(res.footnotes, 1):
            out.append(f'<p style="font-size:10pt"><sup>{index}</sup> {_inline(res, note.content)}</p>')
    out.append("</div>")
    return "\n".join(out)
