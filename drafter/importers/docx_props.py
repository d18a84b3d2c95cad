"""Word paragraph and run properties: styles (for italics and numbering) and automatic numbering.

`Styles` resolves whether a run is italic through direct formatting, the document defaults and the
paragraph and character style chains, and the document's language; `Numbering` turns `w:numPr` into the
label Word prints, each number in its format (`docx_numfmt`), restarts and overrides applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from drafter.importers.docx_numfmt import bullet_text, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


PPR, RPR = w("pPr"), w("rPr")
NUMPR, NUMID, ILVL, VAL = w("numPr"), w("numId"), w("ilvl"), w("val")
PSTYLE, RSTYLE = w("pStyle"), w("rStyle")


# --- styles ----------------------------------------------------------------
def val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(VAL, default)


def int_attr(value: str | None, default: int, low: int = 0, high: int = 32767) -> int:
    try:
        return min(max(int(value or ""), low), high)
    except ValueError:
        return default


def _toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    el = rpr.find(tag) if rpr is not None else None
    return None if el is None else el.get(VAL, "1").lower() not in ("0", "false", "off")


@dataclass
class _Style:
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        defaults = f"{w('docDefaults')}/{w('rPrDefault')}/{RPR}"
        self.doc_rpr = root.find(defaults) if root is not None else None
        lang = self.doc_rpr.find(w("lang")) if self.doc_rpr is not None else None
        self.language = (val(lang) or "en").split("-")[0].lower()  # "en-GB" → "en": list words follow it
        for el in root.iterchildren(w("style")) if root is not None else ():
            sid = el.get(w("styleId"))
            if sid is None:
                continue
            self.styles[sid] = _Style(val(el.find(w("basedOn"))), el.find(PPR), el.find(RPR))
            if el.get(w("type")) == "paragraph" and el.get(w("default")) in ("1", "true", "on"):
                self.default_para = sid
        self._cache: dict[tuple[str | None, str | None, str], bool] = {}

    def chain(self, sid: str | None) -> list[_Style]:
        """The style and those it is based on, base first; cycles and long chains cut."""
        out: list[_Style] = []
        while sid is not None and sid in self.styles and len(out) < 32:
            style = self.styles[sid]
            if style in out:
                break
            out.append(style)
            sid = style.based_on
        return out[::-1]

    def para_style(self, ppr: etree._Element | None) -> str | None:
        found = val(ppr.find(PSTYLE)) if ppr is not None else None
        return found if found in self.styles else self.default_para

    def run_prop(self, tag: str, pstyle: str | None, rpr: etree._Element | None) -> bool:
        """A toggle property (w:i, w:vanish) as it applies to a run; the later layer wins."""
        rstyle = val(rpr.find(RSTYLE)) if rpr is not None else None
        key = (pstyle, rstyle, tag)
        if key not in self._cache:
            value = bool(_toggle(self.doc_rpr, tag))
            for style in [*self.chain(pstyle), *self.chain(rstyle)]:
                found = _toggle(style.rpr, tag)
                value = value if found is None else found
            self._cache[key] = value
        direct = _toggle(rpr, tag)
        return self._cache[key] if direct is None else direct

    def para_prop(self, tag: str, pstyle: str | None, ppr: etree._Element | None) -> etree._Element | None:
        """A child of pPr, from the paragraph itself or else its style chain."""
        found = ppr.find(tag) if ppr is not None else None
        for style in reversed(self.chain(pstyle)):
            if found is not None:
                break
            found = style.ppr.find(tag) if style.ppr is not None else None
        return found


# --- numbering -------------------------------------------------------------
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    pstyle: str | None = None
    legal: bool = False
    font: str | None = None  # the font of a bullet's glyph (Symbol, Wingdings)
    custom: str | None = None  # the pattern of a custom format: "001, 002, 003, ..."


def _num_fmt(el: etree._Element) -> etree._Element | None:
    """w:numFmt, or the one Word 2010 writes in an mc:Choice for a custom format (its Fallback says decimal)."""
    found = el.find(w("numFmt"))
    if found is None:
        found = el.find(f"{{{MC}}}AlternateContent/{{{MC}}}Choice/{w('numFmt')}")
    return found


def _level(el: etree._Element) -> _Level:
    restart = el.find(w("lvlRestart"))
    fmt = _num_fmt(el)
    fonts = el.find(f"{RPR}/{w('rFonts')}")
    return _Level(fmt=val(fmt) or "decimal", text=val(el.find(w("lvlText"))) or "",
                  start=int_attr(val(el.find(w("start"))), 1, -32767), pstyle=val(el.find(PSTYLE)),
                  restart=None if restart is None else int_attr(val(restart), 0, 0, 9),
                  legal=_toggle(el, w("isLgl")) or False,
                  font=None if fonts is None else fonts.get(w("ascii")) or fonts.get(w("hAnsi")),
                  custom=None if fmt is None else fmt.get(w("format")))


class Numbering:
    """Word's list counters: one set per abstract list, shared by the `w:num`s that use it.

    `label` gives the text Word prints before a paragraph, each level's number in its format
    (`docx_numfmt`); a format it cannot print is printed in digits and `problem` says so once per list level.
    """

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.links: dict[str, str] = {}  # abstract id → numbering style it takes its levels from
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.styles = styles
        for el in root.iterchildren(w("abstractNum")) if root is not None else ():
            aid = el.get(w("abstractNumId"), "")
            self.abstract[aid] = {int_attr(lvl.get(ILVL), 0, 0, 8): _level(lvl)
                                  for lvl in el.iterchildren(w("lvl"))}
            link = val(el.find(w("numStyleLink")))
            if link:
                self.links[aid] = link
        for el in root.iterchildren(w("num")) if root is not None else ():
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for over in el.iterchildren(w("lvlOverride")):
                ilvl = int_attr(over.get(ILVL), 0, 0, 8)
                if (start := over.find(w("startOverride"))) is not None:
                    starts[ilvl] = int_attr(val(start), 1, -32767)
                if (lvl := over.find(w("lvl"))) is not None:
                    levels[ilvl] = _level(lvl)
            abstract = val(el.find(w("abstractNumId")), "") or ""
            self.nums[el.get(w("numId"), "")] = (abstract, starts, levels)
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        self.unknown: str | None = None  # the format of the last label, where it was printed in digits
        self.reported: set[tuple[str, int, str]] = set()

    def _abstract_of(self, num_id: str) -> str | None:
        aid = self.nums[num_id][0] if num_id in self.nums else None
        for _ in range(8):  # numStyleLink: the levels live where the numbering style points
            if aid is None or aid not in self.links:
                break
            numpr = self.styles.para_prop(NUMPR, self.links[aid], None)
            linked = val(numpr.find(NUMID)) if numpr is not None else None
            aid = self.nums[linked][0] if linked in self.nums else None
        return aid if aid in self.abstract else None

    def level_for_style(self, num_id: str, pstyle: str | None) -> int:
        levels = self.abstract.get(self._abstract_of(num_id) or "", {})
        return next((i for i, lvl in levels.items() if pstyle and lvl.pstyle == pstyle), 0)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The printed label of the next paragraph in list `num_id` at `ilvl`; advances the count."""
        self.unknown = None
        aid = self._abstract_of(num_id)
        if aid is None:
            return None
        _, starts, overrides = self.nums[num_id]
        levels = {**self.abstract[aid], **overrides}
        if ilvl not in levels:
            return None
        counts = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted in starts:
                counts[restarted] = None

        def start(level: int) -> int:
            return starts.get(level, levels[level].start if level in levels else 1)

        current = counts[ilvl]
        counts[ilvl] = start(ilvl) if current is None else min(current + 1, 32767)
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart != 0 and ilvl < (deeper if restart is None else restart):
                counts[deeper] = None
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return bullet_text(lvl.text, lvl.font)

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            value = counts[level]
            value = start(level) if value is None else value
            shown = levels.get(level, _Level())
            fmt = "decimal" if lvl.legal else shown.fmt  # isLgl: every level in Arabic digits
            text = format_number(value, fmt, self.styles.language, shown.custom)
            if text is None:
                key = (aid, level, fmt)
                if key not in self.reported:
                    self.reported.add(key)
                    self.unknown = fmt if fmt != "custom" else f"custom ({shown.custom})"
                return str(value)
            return text

        return re.sub(r"%([1-9])", number, lvl.text).strip() or None

    def problem(self, paragraph: str) -> str | None:
        """The warning for the label just given, where a format was printed in digits, naming the paragraph."""
        if self.unknown is None:
            return None
        opening = " ".join(paragraph.split())[:40]
        place = f"\"{opening}…\"" if opening else "an empty list paragraph"
        return (f"list number format \"{self.unknown}\" is not one Drafter can print: its numbers were read "
                f"as digits, from {place} on")
