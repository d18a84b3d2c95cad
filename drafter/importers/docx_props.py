"""Word paragraph and run properties: styles (for italics and numbering) and automatic numbering.

`Styles` resolves whether a run is italic through direct formatting, the document defaults and the
paragraph and character style chains; `Numbering` turns `w:numPr` into the label Word prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from drafter.model import letters, roman

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
@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    pstyle: str | None = None
    legal: bool = False


def _level(el: etree._Element) -> _Level:
    restart = el.find(w("lvlRestart"))
    return _Level(fmt=val(el.find(w("numFmt"))) or "decimal", text=val(el.find(w("lvlText"))) or "",
                  start=int_attr(val(el.find(w("start"))), 1), pstyle=val(el.find(PSTYLE)),
                  restart=None if restart is None else int_attr(val(restart), 0, 0, 9),
                  legal=_toggle(el, w("isLgl")) or False)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 780:
        core = letters(n)
        return core.upper() if fmt == "upperLetter" else core
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        core = roman(n)
        return core.upper() if fmt == "upperRoman" else core
    if fmt == "decimalZero":
        return f"{n:02d}"
    return "" if fmt == "none" else str(n)


class Numbering:
    """Word's list counters: one set per abstract list, shared by the `w:num`s that use it."""

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
                    starts[ilvl] = int_attr(val(start), 1)
                if (lvl := over.find(w("lvl"))) is not None:
                    levels[ilvl] = _level(lvl)
            abstract = val(el.find(w("abstractNumId")), "") or ""
            self.nums[el.get(w("numId"), "")] = (abstract, starts, levels)
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()

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
            return "•" if not lvl.text or any("\ue000" <= ch <= "\uf8ff" for ch in lvl.text) else lvl.text

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            value = counts[level]
            fmt = levels[level].fmt if level in levels else "decimal"
            return _format(start(level) if value is None else value, "decimal" if lvl.legal else fmt)

        return re.sub(r"%([1-9])", number, lvl.text).strip() or None
