"""Word equations (Office Math, `m:oMath`) as linear text.

An equation is read as one line, close to Word's own linear format, so that its words and numbers are in
the paragraph and a changed equation compares as changed: a fraction is "(a)/(b)", scripts are "x_i",
"x^2" and "x_(i+1)", a radical "√(x)" or "√(3&x)", an n-ary operator "∑_(i=1)^n x_i", a delimiter
"(a, b)" with its own brackets and separators, a function "sin x", a matrix "■(a&b@c&d)". Tracked changes
inside an equation are read as accepted. Elements this module does not know give the text of their
arguments in order, so no word is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from drafter.importers.docx_props import W

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def m(tag: str) -> str:
    return f"{{{M}}}{tag}"


OMATH, OMATH_PARA = m("oMath"), m("oMathPara")
_W_T, _W_R = f"{{{W}}}t", f"{{{W}}}r"
_DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
_INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
_VAL = m("val")


def linear(el: etree._Element) -> str:
    """The linear text of an `m:oMathPara` or `m:oMath` (several equations of a block: one per line, "; ")."""
    if el.tag == OMATH_PARA:
        return "; ".join(text for child in el if child.tag == OMATH and (text := _row(child)))
    return _row(el)


def _row(parent: etree._Element | None) -> str:
    """The text of a math argument (`m:e`, `m:num`, …): its elements one after another."""
    if parent is None:
        return ""
    return "".join(_element(child) for child in parent)


def _element(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str) or tag in _DELETED:
        return ""
    if tag == m("r"):
        return _run(el)
    if tag in _INSERTED:
        return _row(el)
    if tag == _W_R:  # a Word run inside an equation ("normal text")
        return "".join(t.text or "" for t in el.iter(_W_T))
    read = _READERS.get(tag)
    if read is not None:
        return read(el)
    if tag.endswith("Pr") or not tag.startswith(f"{{{M}}}"):
        return ""  # properties, bookmarks, proofing marks
    return _row(el)  # an argument or an element this module does not know


def _run(r: etree._Element) -> str:
    rpr = r.find(f"{{{W}}}rPr")
    if rpr is not None and any(child.tag in _DELETED for child in rpr):
        return ""
    return "".join(child.text or "" for child in r if child.tag in (m("t"), _W_T))


def _prop(el: etree._Element, props: str, name: str, default: str) -> str:
    found = el.find(f"{m(props)}/{m(name)}")
    if found is None:
        return default
    return found.get(_VAL, "")


def _hidden(el: etree._Element, props: str, name: str) -> bool:
    return _prop(el, props, name, "0").lower() in ("1", "on", "true")


def _group(text: str) -> str:
    """An argument as a script or operand: bare if one character or one number, else in parentheses."""
    if len(text) <= 1 or text.isalnum():
        return text
    return f"({text})"


def _fraction(el: etree._Element) -> str:
    num, den = _row(el.find(m("num"))), _row(el.find(m("den")))
    if _prop(el, "fPr", "type", "bar") == "lin":
        return f"{_group(num)}/{_group(den)}"
    return f"({num})/({den})"


def _scripts(el: etree._Element) -> str:
    base = _row(el.find(m("e")))
    sub, sup = el.find(m("sub")), el.find(m("sup"))
    out = ""
    if sub is not None:
        out += f"_{_group(_row(sub))}"
    if sup is not None:
        out += f"^{_group(_row(sup))}"
    if el.tag == m("sPre"):
        return f"{out} {base}".lstrip()
    return base + out


def _radical(el: etree._Element) -> str:
    degree = "" if _hidden(el, "radPr", "degHide") else _row(el.find(m("deg")))
    body = _row(el.find(m("e")))
    return f"√({degree}&{body})" if degree else f"√({body})"


def _nary(el: etree._Element) -> str:
    out = _prop(el, "naryPr", "chr", "∫") or "∫"
    if not _hidden(el, "naryPr", "subHide") and (sub := _row(el.find(m("sub")))):
        out += f"_{_group(sub)}"
    if not _hidden(el, "naryPr", "supHide") and (sup := _row(el.find(m("sup")))):
        out += f"^{_group(sup)}"
    body = _row(el.find(m("e")))
    return f"{out} {body}" if body else out


def _delimiter(el: etree._Element) -> str:
    begin = _prop(el, "dPr", "begChr", "(")
    end = _prop(el, "dPr", "endChr", ")")
    separator = _prop(el, "dPr", "sepChr", "|")
    return begin + separator.join(_row(part) for part in el.iterchildren(m("e"))) + end


def _function(el: etree._Element) -> str:
    return f"{_row(el.find(m('fName')))} {_row(el.find(m('e')))}"


def _limit(el: etree._Element) -> str:
    mark = "_" if el.tag == m("limLow") else "^"
    return f"{_row(el.find(m('e')))}{mark}{_group(_row(el.find(m('lim'))))}"


def _accent(el: etree._Element) -> str:
    """An accent, bar or group character over or under its argument: the argument with the mark after it."""
    props = {m("acc"): ("accPr", "chr", "\u0302"), m("groupChr"): ("groupChrPr", "chr", "\u23df")}
    if el.tag in props:
        name, attr, default = props[el.tag]
        mark = _prop(el, name, attr, default) or default
    else:
        mark = "\u0305"  # m:bar
    return f"{_group(_row(el.find(m('e'))))}{mark}"


def _array(el: etree._Element) -> str:
    """An equation array ("█(a@b)") or a matrix ("■(a&b@c&d)")."""
    if el.tag == m("eqArr"):
        return "█(" + "@".join(_row(row) for row in el.iterchildren(m("e"))) + ")"
    rows = ("&".join(_row(cell) for cell in row.iterchildren(m("e"))) for row in el.iterchildren(m("mr")))
    return "■(" + "@".join(rows) + ")"


def _phantom(el: etree._Element) -> str:
    return "" if _prop(el, "phantPr", "show", "1").lower() in ("0", "off", "false") else _row(el.find(m("e")))


_READERS: dict[str, Callable[[etree._Element], str]] = {
    m("f"): _fraction,
    m("sSub"): _scripts, m("sSup"): _scripts, m("sSubSup"): _scripts, m("sPre"): _scripts,
    m("rad"): _radical,
    m("nary"): _nary,
    m("d"): _delimiter,
    m("func"): _function,
    m("limLow"): _limit, m("limUpp"): _limit,
    m("acc"): _accent, m("bar"): _accent, m("groupChr"): _accent,
    m("eqArr"): _array, m("m"): _array,
    m("phant"): _phantom,
    m("oMath"): _row,
}
