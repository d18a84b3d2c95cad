"""The library's answers as text for a terminal: search hits, provenance and series history.

Matched words read `**like this**` (bold and underlined on a colour terminal); a redline reads
`[-deleted-]{+inserted+}` as in `drafter compare`.
"""

from __future__ import annotations

from drafter.compare.render import inline
from drafter.library.api import AddReport, Document, History, Stats
from drafter.library.provenance import NEW, Provenance, Source
from drafter.library.search import Found, Hit

_MARK_ON, _MARK_OFF = "\x1b[1;4m", "\x1b[0m"
_CONTEXT = 160  # characters shown before the first match of a long paragraph
_LONG = 600  # a paragraph longer than this is shown around its first match


def _date(date: str) -> str:
    return date or "undated"


def marked(text: str, spans: list[tuple[int, int]], color: bool) -> str:
    """The text with its matched spans marked (a long text shortened around the first one)."""
    on, off = (_MARK_ON, _MARK_OFF) if color else ("**", "**")
    out: list[str] = []
    last = 0
    for start, end in spans:
        out += [text[last:start], on, text[start:end], off]
        last = end
    out.append(text[last:])
    shown = "".join(out)
    if len(text) <= _LONG:
        return shown
    first = shown.find(on) if spans else 0
    begin = max(0, first - _CONTEXT)
    end = min(len(shown), begin + _LONG + (len(on) + len(off)) * len(spans))
    return ("…" if begin else "") + shown[begin:end] + ("…" if end < len(shown) else "")


def _where(hit: Hit | Source) -> str:
    return f"{hit.symbol or '(no symbol)'} {hit.label}"


def search_text(found: Found, color: bool) -> str:
    lines: list[str] = []
    if found.latest is not None:
        plural = "text" if found.uses == 1 else "texts"
        count = f"{found.uses} {plural}" if found.counted else f"{found.uses} or more texts (too common to count)"
        lines.append(f"“{found.query}”: used in {count}, last in {_where(found.latest)} ({_date(found.latest.date)})")
    else:
        lines.append(f"“{found.query}”: no text holds these words as a phrase")
    if not found.results:
        lines.append("No paragraph found.")
    for hit in found.results:
        lines.append("")
        lines.append(f"{_where(hit)}  {_date(hit.date)}  {hit.match} {hit.score:.2f}")
        lines.append("    " + marked(hit.text, hit.spans, color))
    return "\n".join(lines) + "\n"


def _source(source: Source | None) -> str:
    if source is None:
        return "—"
    return f"{_where(source)} ({_date(source.date)}{'' if source.verbatim else ', nearly'})"


def provenance_text(name: str, traced: list[tuple[str, Provenance]], color: bool) -> str:
    counts = {status: sum(1 for _label, p in traced if p.status == status) for status in ("verbatim", "edited", NEW)}
    lines = [f"{name}: {len(traced)} paragraphs: {counts['verbatim']} verbatim, {counts['edited']} edited, "
             f"{counts[NEW]} new"]
    width = max((len(label) for label, _p in traced), default=4)
    for label, found in traced:
        head = f"{label:<{width}}  {found.status:<8}"
        if found.status != NEW:
            head += f"  earliest {_source(found.earliest)}, latest {_source(found.latest)}"
            if found.uses > 1:
                head += f"; in {found.uses} texts"
        elif found.nearest is not None:
            head += f"  closest: {_where(found.nearest)}, {found.nearest.similarity:.0%} alike"
        lines.append(head)
        if found.nearest is not None and any(op.op != "equal" for op in found.ops):
            if found.status != NEW:
                lines.append(f"{'':<{width}}  against {_where(found.nearest)}:")
            lines.append(f"{'':<{width}}    " + inline(found.ops, color=color))
    return "\n".join(lines) + "\n"


def history_text(history: History, color: bool) -> str:
    first = history.members[0]
    title = next((m.title for m in history.members if m.title), "")
    lines = [f"Series of {len(history.members)} text{'s' if len(history.members) != 1 else ''}"
             + (f": {title}" if title else f" (from {first.symbol})")]
    lines += [f"  {_date(m.date)}  {m.symbol}" for m in history.members]
    if history.paragraph:
        lines.append("")
        lines.append(f"{history.paragraph} through the series:")
        for index, step in enumerate(history.steps):
            where = f"  {step.symbol} {step.label} ({_date(step.date)})"
            if index == 0:
                lines += [where, "    " + step.text]
            elif all(op.op == "equal" for op in step.ops):
                lines.append(where + ": unchanged")
            else:
                lines += [where + f": {step.similarity:.0%} alike", "    " + inline(step.ops, color=color, trim=False)]
    return "\n".join(lines) + "\n"


def add_text(report: AddReport, stats: Stats) -> str:
    lines: list[str] = []
    for added in report.added:
        for warning in added.warnings:
            lines.append(f"{added.path}: warning: {warning}")
    if len(report.skipped) <= 20:
        lines += [f"{path}: skipped: {reason}" for path, reason in report.skipped]
    lines.append(f"Added {len(report.added)} file{'s' if len(report.added) != 1 else ''}"
                 f" ({sum(a.paragraphs for a in report.added)} paragraphs), skipped {len(report.skipped)}, "
                 f"could not read {len(report.failed)}. The library holds {stats.documents} documents "
                 f"({stats.path}).")
    if report.other_files:
        lines.append(f"Left out {len(report.other_files)} file{'s' if len(report.other_files) != 1 else ''} "
                     f"of other kinds (Drafter reads .txt, .pdf, .docx, .xml, .akn, .json, .drafter), "
                     f"e.g. {report.other_files[0]}")
    if report.failed:
        lines.append("Could not read:")
        lines += [f"  {path}: {reason}" for path, reason in report.failed]
    return "\n".join(lines) + "\n"


def list_text(documents: list[Document]) -> str:
    if not documents:
        return "The library is empty: add texts with `drafter library add PATH` or `drafter library add --samples`.\n"
    lines: list[str] = []
    for doc in documents:
        title = f"  {doc.title}" if doc.title else ""
        lines.append(f"{_date(doc.date)}  {doc.symbol or '(no symbol)'}{title}  ({doc.paragraphs} paragraphs)")
        lines += [f"    warning: {warning}" for warning in doc.warnings]
    return "\n".join(lines) + "\n"


def size_text(size: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


def stats_text(stats: Stats) -> str:
    return (f"documents:  {stats.documents}\nparagraphs: {stats.paragraphs}\nseries:     {stats.series}\n"
            f"database:   {size_text(stats.size)} ({stats.path})\n")
