"""Provenance in words: the name, colour and shape of each status, a source on one line, the tooltip of
a margin mark, and a wording against another as a redline (new words highlighted, removed ones struck)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.compare.changes import Op

if TYPE_CHECKING:
    from drafter.library import Provenance, Source

INSERTED_BACKGROUND = "#cfe6ff"  # the words new against the nearest source, here and in the editor
DELETED_COLOUR = "#b03a2e"


@dataclass(frozen=True)
class Status:
    name: str
    meaning: str
    colour: str
    glyph: str  # the shape the margin paints, as a character for the pane and the legend


STATUSES = {
    "verbatim": Status("Verbatim", "an adopted text holds this wording word for word", "#2e7d32", "●"),
    "edited": Status("Edited", "an adopted text holds nearly this wording; the words new against it are "
                               "highlighted", "#c77700", "◆"),
    "new": Status("New", "no adopted text in the library holds this wording or one near it", "#1f5fbf", "□"),
}


def legend() -> str:
    """One line per status: its shape, its name and what it means (HTML)."""
    return "<br>".join(f"<span style='color:{status.colour}'>{status.glyph}</span> <b>{status.name}</b>: "
                       f"{html.escape(status.meaning)}" for status in STATUSES.values())


def date_of(source: Source) -> str:
    return source.date if source.date and not source.date.startswith("0000") else "undated"


def alike(source: Source) -> str:
    """"verbatim", "same but for numbers" (the library finds wordings alike with their numbers aside: a recall
    brought up to date), or "93% alike", rounded down: an edited wording never reads as 100%."""
    if source.verbatim:
        return "verbatim"
    if source.similarity >= 1.0:
        return "same but for numbers"
    return f"{min(math.floor(source.similarity * 100), 99)}% alike"


def source_line(source: Source) -> str:
    """"A/RES/75/180 OP4 (2020-12-16), verbatim" or "… 93% alike"."""
    return f"{source.symbol or source.path} {source.label} ({date_of(source)}), {alike(source)}"


def headline(found: Provenance) -> str:
    status = STATUSES[found.status]
    if found.status == "new":
        return f"{status.name}: {status.meaning}"
    uses = "1 adopted paragraph" if found.uses == 1 else f"{found.uses} adopted paragraphs"
    return f"{status.name}: held by {uses}"


def tooltip_html(label: str, found: Provenance) -> str:
    """What hovering a paragraph's mark shows: its status, earliest and latest, and its sources."""
    status = STATUSES[found.status]
    lines = [f"<b>{html.escape(label)}</b> <span style='color:{status.colour}'>{status.glyph}</span> "
             f"{html.escape(headline(found))}"]
    if found.earliest is not None and found.latest is not None:
        lines.append(f"Earliest: {html.escape(source_line(found.earliest))}")
        lines.append(f"Latest: {html.escape(source_line(found.latest))}")
    elif found.nearest is not None:
        lines.append(f"Closest: {html.escape(source_line(found.nearest))}")
    if found.sources:
        lines.append("Sources:")
        lines += [f"&nbsp;&nbsp;{html.escape(source_line(source))}" for source in found.sources]
    if found.added:
        lines.append("New words: " + html.escape(" · ".join(found.added)))
    return "<br>".join(f"<nobr>{line}</nobr>" for line in lines)  # a source on one line, never broken


def redline_html(ops: Sequence[Op]) -> str:
    """The ops as running text: inserted words on a light background, deleted ones struck through."""
    out = []
    for op in ops:
        text = html.escape(op.text)
        if op.op == "insert":
            out.append(f"<span style='background-color:{INSERTED_BACKGROUND}'>{text}</span>")
        elif op.op == "delete":
            out.append(f"<span style='color:{DELETED_COLOUR}; text-decoration:line-through'>{text}</span>")
        else:
            out.append(text)
    return "".join(out)


__all__ = ["STATUSES", "Status", "alike", "date_of", "headline", "legend", "redline_html", "source_line",
           "tooltip_html"]
