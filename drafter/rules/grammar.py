"""How UN texts write citations of resolutions and references to sessions, per language.

Shared by the editorial checks and the follow-up: lists of resolutions ("its
resolutions 47/19 of 24 November 1992, … and 74/7 of 7 November 2019"), the
body that adopted them ("Human Rights Council resolution 44/18"), the session at
which the Assembly will act again ("at its seventy-sixth session") and the
Official Records of a session. English, French and Spanish.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache

from drafter.sessions import DATE_JOINER, date_of, date_regex, ordinal_regex, ordinal_value, replace_ordinal


@dataclass(frozen=True)
class Grammar:
    """The patterns of one language."""

    resolution: str  # the word "resolution(s)" as a pattern
    conjunction: str  # "and"
    session: str  # an ordinal (group "ord") at which an organ meets: "its seventy-sixth session"
    records: str  # the Official Records of the General Assembly for a session (group "ord")
    recall: re.Pattern[str]  # PP lead words that recall earlier texts
    implementation: re.Pattern[str]  # "… on the implementation of" right before a citation
    paragraph_of: re.Pattern[str]  # "paragraph 5 of" right before a citation: a part, not the whole
    body_before: re.Pattern[str]  # another organ named before "resolution" (English word order)
    body_after: re.Pattern[str]  # another organ named after the number (French and Spanish order)
    title: re.Pattern[str]  # ", entitled “…”" after a citation
    topic: re.Pattern[str]  # " on the question of …" after a citation (group 1: the topic)
    triggers: tuple[str, ...]  # words before a session reference that make it recur
    one_off: tuple[str, ...]  # words near a session reference that make it a one-time event

    def session_context(self, text: str, start: int, end: int) -> str:
        """Why a future session named at text[start:end] must not move, or "" when it moves."""
        begin = text.rfind(";", 0, start) + 1
        stop = text.find(";", end)
        clause = text[begin: stop if stop >= 0 else len(text)].lower()
        before = text[begin:start].lower()
        for word in self.one_off:
            if word in clause:
                return f"“{word}” makes it a one-time event"
        if not any(word in before for word in self.triggers):
            return "no report, agenda or continued consideration is asked for at that session"
        return ""


_I = re.IGNORECASE
LANGS: dict[str, Grammar] = {
    "en": Grammar(
        resolution=r"resolutions?",
        conjunction="and",
        session=r"\b(?:its|the|their|that)\s+(?P<ord>{ord})\s+session\b",
        records=r"Official Records of the General Assembly,\s+(?P<ord>{ord})\s+Session\b",
        recall=re.compile(r"(?:Recalling|Reaffirming|Bearing in mind|Taking note)\b"),
        implementation=re.compile(r"(?:implementation of|submitted pursuant to)\s+(?:its\s+|General Assembly\s+)?$",
                                  _I),
        paragraph_of=re.compile(r"(?:\b(?:paragraphs?|para\.|annex|section|part)\b[^;,]{0,40}?\bof|\bin)\s+(?:its\s+)?$",
                                _I),
        body_before=re.compile(r"((?:Human Rights|Security|Economic and Social|Trusteeship) Council|"
                               r"Commission on [A-Z][\w ]+?|[A-Z][\w]+ Commission|Council|Board|Conference)"
                               r"(?: of [A-Z][\w ]+?)?\s+$"),
        body_after=re.compile(r"^(?!)"),
        title=re.compile(r"^,?\s+entitled\s+[“\"]([^”\"]+)[”\"]"),
        topic=re.compile(r"^,?\s+on\s+(?:the\s+)?([^,;]+)"),
        triggers=("consideration", "agenda", "submit", "report", "consider", "continue", "include", "take up"),
        one_off=("anniversary", "commemorat", "plenary meeting", "high-level", "special session"),
    ),
    "fr": Grammar(
        resolution=r"résolutions?",
        conjunction="et",
        session=r"\b(?:sa|la|leur|cette)\s+(?P<ord>{ord})\s+session\b",
        records=r"Documents officiels de l['’]Assemblée générale,\s+(?P<ord>{ord})\s+session\b",
        recall=re.compile(r"(?:Rappelant|Réaffirmant|Ayant à l['’]esprit|Prenant note)\b"),
        implementation=re.compile(r"(?:application|mise en (?:œ|oe)uvre) de\s+(?:sa\s+|la\s+)?$", _I),
        paragraph_of=re.compile(r"(?:\b(?:paragraphes?|annexe|section|partie)\b[^;,]{0,40}?\bde|\bdans)\s+(?:sa\s+|la\s+)?$",
                                _I),
        body_before=re.compile(r"^(?!)"),
        body_after=re.compile(r"^,?\s+(?:du|de la|de l['’])\s*(Conseil[^,;]*?|Commission[^,;]*?)"
                              r"(?=,|;| en date| du \d|$)"),
        title=re.compile(r"^,?\s+intitulée\s+«\s*([^»]+?)\s*»"),
        topic=re.compile(r"^,?\s+(?:sur|relative à|concernant)\s+(?:la\s+|le\s+|l['’]|les\s+)?([^,;]+)"),
        triggers=("examen", "ordre du jour", "présenter", "rapport", "soumettre", "poursuivre", "examiner",
                  "inscrire"),
        one_off=("anniversaire", "commémor", "séance plénière", "haut niveau", "session extraordinaire"),
    ),
    "es": Grammar(
        resolution=r"resoluci(?:ón|ones)",
        conjunction="y|e",
        session=r"\b(?:su|el|del|ese)\s+(?P<ord>{ord})\s+período\s+de\s+sesiones\b",
        records=r"Documentos Oficiales de la Asamblea General,\s+(?P<ord>{ord})\s+período\s+de\s+sesiones\b",
        recall=re.compile(r"(?:Recordando|Reafirmando|Teniendo presente|Tomando nota)\b"),
        implementation=re.compile(r"aplicación de\s+(?:su\s+|la\s+)?$", _I),
        paragraph_of=re.compile(r"(?:\b(?:párrafos?|anexo|sección|parte)\b[^;,]{0,40}?\bde|\ben)\s+(?:su\s+|la\s+)?$",
                                _I),
        body_before=re.compile(r"^(?!)"),
        body_after=re.compile(r"^,?\s+(?:del|de la)\s+(Consejo[^,;]*?|Comisión[^,;]*?)(?=,|;|$)"),
        title=re.compile(r"^,?\s+titulada\s+[“\"«]([^”\"»]+)[”\"»]"),
        topic=re.compile(r"^,?\s+(?:sobre|relativa a)\s+(?:la\s+|el\s+|los\s+|las\s+)?([^,;]+)"),
        triggers=("examen", "programa", "presentar", "informe", "seguir", "incluir", "examinar"),
        one_off=("aniversario", "conmemor", "sesión plenaria", "alto nivel", "período extraordinario"),
    ),
}


# --- citations of resolutions ---------------------------------------------------
@dataclass
class CitationItem:
    start: int
    end: int  # end of the item, date included
    number: str  # "74/7", "31/16 A"
    session: int
    date: datetime.date | None = None

    @property
    def dated(self) -> bool:
        return self.date is not None


@dataclass
class CitationList:
    """"resolutions 47/19 of 24 November 1992, …": `start` is where the word "resolution" begins."""

    start: int
    end: int
    word: str
    items: list[CitationItem] = field(default_factory=list)


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    grammar = LANGS[lang]
    head = re.compile(rf"\b(?:{grammar.resolution})\s+", _I)
    date = date_regex(lang).pattern
    item = re.compile(rf"(?<![\w/.])(?P<num>(?P<session>\d{{1,3}})/\d{{1,4}}(?: [A-Z](?!\w))?)(?!\w|/)"
                      rf"(?:(?P<join>{DATE_JOINER[lang]})(?P<date>{date}))?", _I)
    sep = re.compile(rf"(?:,\s*(?:(?:{grammar.conjunction})\s+)?|\s+(?:{grammar.conjunction})\s+)", _I)
    return head, item, sep


def citation_lists(text: str, lang: str) -> list[CitationList]:
    """Every "resolution(s) N/M [of date][, … and N/M [of date]]" in the text."""
    if lang not in LANGS:
        return []
    head, item_re, sep_re = _patterns(lang)
    out: list[CitationList] = []
    for match in head.finditer(text):
        clist = CitationList(match.start(), match.end(), match.group().strip())
        pos = match.end()
        while True:
            found = item_re.match(text, pos)
            if not found:
                break
            day = date_of(found, lang) if found.group("date") else None
            clist.items.append(CitationItem(found.start(), found.end(), found.group("num"),
                                            int(found.group("session")), day))
            clist.end = found.end()
            sep = sep_re.match(text, found.end())
            if not sep or not item_re.match(text, sep.end()):
                break
            pos = sep.end()
        if clist.items:
            out.append(clist)
    return out


def other_body(text: str, clist: CitationList, item: CitationItem, lang: str) -> str:
    """The organ other than the General Assembly that adopted the cited text, or ""."""
    grammar = LANGS[lang]
    before = grammar.body_before.search(text[max(0, clist.start - 80):clist.start])
    if before:
        return before.group(1)
    after = grammar.body_after.match(text[item.end:item.end + 120])
    return after.group(1) if after else ""


def topic(text: str, item: CitationItem, lang: str) -> str | None:
    """The subject given right after a citation (" on the question of …"), or None."""
    match = LANGS[lang].topic.match(text[item.end:item.end + 300])
    return match.group(1) if match else None


def titled(text: str, item: CitationItem, lang: str) -> str | None:
    """The title given right after a citation (", entitled “…”"), or None."""
    match = LANGS[lang].title.match(text[item.end:item.end + 300])
    return match.group(1) if match else None


# --- sessions ------------------------------------------------------------------------
@cache
def _session_re(lang: str, kind: str) -> re.Pattern[str]:
    pattern = getattr(LANGS[lang], kind).replace("{ord}", ordinal_regex(lang).pattern)
    return re.compile(pattern, _I)


def session_refs(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, number) of each ordinal in "its seventy-sixth session" and the like."""
    if lang not in LANGS:
        return []
    out = []
    for match in _session_re(lang, "session").finditer(text):
        value = ordinal_value(match.group("ord"), lang)
        if value:
            out.append((match.start("ord"), match.end("ord"), value))
    return out


def records_edits(text: str, lang: str, session: int, cycle: int, delta: int) -> list[tuple[int, int, str, str]]:
    """Official Records of the last `cycle` sessions up to `session`, moved `delta` sessions on, with the
    symbols of that session in the same citation: (start, end, new text, reason)."""
    if lang not in LANGS or delta <= 0:
        return []
    out = []
    for match in _session_re(lang, "records").finditer(text):
        found = match.group("ord")
        value = ordinal_value(found, lang)
        if value is None or not session - cycle < value <= session:
            continue
        stop = text.find(";", match.end())
        stop = len(text) if stop < 0 else stop
        symbols = list(re.finditer(rf"(?<![\w/])A/{value}/\d+(?:/[\w.]+)*", text[match.end():stop]))
        end = match.end() + symbols[-1].end() if symbols else match.end("ord")
        middle = text[match.end("ord"):end]
        middle = re.sub(rf"(?<![\w/])A/{value}/(?=\d)", f"A/{value + delta}/", middle)
        new = replace_ordinal(found, value + delta, lang) + middle
        out.append((match.start("ord"), end, new,
                    f"Official Records of the base's cycle moved forward ({value} → {value + delta})"))
    return out
