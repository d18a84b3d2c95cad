"""Next session's draft from last session's resolution, every automatic change explained.

>>> fu = followup(load("A-RES-75-180.txt"), session=76)
>>> [(u.label, u.before, u.after, u.reason) for u in fu.updates]

The draft is a deep copy of the base with the same paragraph and footnote ids, so
the comparer aligns the two trivially and every automatic change becomes a tracked
change against the base. What is updated, from the base alone:

- the front matter becomes a draft (symbol with L.__, sponsors, "draft resolution");
- the recall chain: the previous resolution of the series (found in the text) is
  replaced by the base where it stands alone, and the base is appended where the
  text lists the series ("…, 73/8 of 1 November 2018 and 74/7 of 7 November 2019");
- the sessions at which the Assembly will act again ("continue its consideration …
  at its seventy-sixth session", "provisional agenda", reports requested);
- footnotes citing the Official Records of the last cycle.

What cannot be known from the base (a later Human Rights Council resolution, new
report symbols, chapter numbers) is listed in `notes`, never guessed. A wrong
automatic change is worse than a missed one: every rule here declines when unsure.
"""

from __future__ import annotations

import copy
import datetime
import logging
import re
from dataclasses import dataclass, field

from drafter.errors import DrafterError
from drafter.model import Footnote, Paragraph, Resolution, iter_paragraphs
from drafter.rules.base import holder, replace_span
from drafter.rules.grammar import (
    LANGS,
    CitationList,
    citation_lists,
    other_body,
    records_edits,
    session_refs,
    titled,
    topic,
)
from drafter.sessions import cite, format_date, ordinal_value, parse_date, replace_ordinal, session_heading

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"^(\d{1,3})/(\d+)")
_COMMITTEES = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6"}
_COMMITTEE_NAMES = {v: f"{k.capitalize()} Committee" for k, v in _COMMITTEES.items()}


class FollowUpError(DrafterError):
    """The base cannot be turned into a follow-up draft as asked."""


@dataclass
class Update:
    """One automatic change: where (`target` is a paragraph or footnote id, "front" or "closing"),
    what (`before` → `after`, `after` starting at `start` in the new text), and why."""

    target: str
    label: str
    before: str
    after: str
    reason: str
    rule: str
    start: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"target": self.target, "label": self.label, "before": self.before, "after": self.after,
                "reason": self.reason, "rule": self.rule, "start": self.start}


@dataclass
class Note:
    """Something the drafter must check by hand: a likely update that cannot be made from the base alone."""

    target: str
    label: str
    text: str
    message: str


@dataclass
class FollowUp:
    base: Resolution
    resolution: Resolution
    updates: list[Update] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    base_number: str = ""
    base_date: datetime.date | None = None
    predecessor: str | None = None
    cycle: int | None = None

    def reject(self, update: Update) -> None:
        """Undo one automatic change in the draft (the app's "reject" on a tracked change)."""
        res = self.resolution
        if update.target == "front":
            setattr(res.front, update.label, update.before)
        elif update.target == "closing":
            res.closing = list(self.base.closing)
        else:
            target = holder(res, update.target)
            if target is None:
                raise FollowUpError(f"{update.label} is no longer in the draft")
            text = target.text
            starts = [m.start() for m in re.finditer(re.escape(update.after), text)]
            if not starts:
                raise FollowUpError(f"{update.label} no longer reads “{update.after}”")
            start = min(starts, key=lambda s: abs(s - update.start))
            target.content = replace_span(target.content, start, start + len(update.after), update.before)
        self.updates.remove(update)


# --- what the base says about itself -----------------------------------------
def base_number(res: Resolution) -> str:
    """"75/180" from the number or the symbol; "" when the base is not an adopted GA resolution."""
    if _NUMBER.match(res.front.number):
        return res.front.number.split(".")[0].strip()
    match = re.search(r"A/RES/(\d+/\d+)", res.front.symbol)
    return match.group(1) if match else ""


def base_session(res: Resolution, lang: str) -> int | None:
    number = base_number(res)
    if number:
        return int(number.split("/")[0])
    if res.front.session:
        words = re.sub(r"\s+(session|período de sesiones|сессия)$", "", res.front.session.strip(), flags=re.I)
        return ordinal_value(words, lang)
    match = re.search(r"/(\d{2,3})/", res.front.symbol)
    return int(match.group(1)) if match else None


def base_date(res: Resolution, lang: str) -> datetime.date | None:
    """The date of adoption: the adoption line, else the last line of the closing."""
    for text in (res.front.adoption, *reversed(res.closing)):
        found = parse_date(text, lang) if text else None
        if found:
            return found
    return None


def find_predecessor(res: Resolution, lang: str, session: int, number: str) -> str | None:
    """The previous resolution of the series, as the base recalls it, or None when unsure."""
    scored: dict[str, int] = {}
    excluded: set[str] = set()
    for label, paragraph in res.labelled():
        text = paragraph.text
        recall = label.startswith("PP") and LANGS[lang].recall.match(text) is not None
        for clist in citation_lists(text, lang):
            for index, item in enumerate(clist.items):
                if item.number == number or other_body(text, clist, item, lang):
                    continue
                if not session - 4 <= item.session < session:
                    continue
                title = titled(text, item, lang)
                subject = topic(text, item, lang)
                if (title is not None and title.strip(" “”\"'") != res.front.title) or (
                        subject is not None and not _same_subject(subject, res.front.title)):
                    excluded.add(item.number)  # cited for another subject: another series
                    continue
                score = 1
                score += 4 if title is not None or subject is not None else 0
                score += 2 if len(clist.items) > 1 and index == len(clist.items) - 1 else 0
                score += 2 if LANGS[lang].implementation.search(text[: clist.start]) else 0
                score += 1 if recall else 0
                scored[item.number] = max(scored.get(item.number, 0), score)
    scored = {n: s for n, s in scored.items() if n not in excluded}
    if not scored:
        return None
    latest = max(int(n.split("/")[0]) for n in scored)
    best = sorted(((s, n) for n, s in scored.items() if int(n.split("/")[0]) == latest), reverse=True)
    if len(best) > 1 and best[0][0] == best[1][0]:
        log.info("predecessor ambiguous: %s", best)
        return None
    return best[0][1]


def _same_subject(subject: str, title: str) -> bool:
    """Does " on the enhancement of international cooperation …" name the base's own subject?"""
    words = [w for w in re.findall(r"\w+", subject.lower()) if w not in ("the", "la", "le", "el", "les")]
    head = [w for w in re.findall(r"\w+", title.lower()) if w not in ("the", "la", "le", "el", "les")]
    return len(words) >= 3 and words[:6] == head[:6]


# --- the follow-up ----------------------------------------------------------------
@dataclass
class _Run:
    lang: str
    base_session: int
    session: int
    shift: int
    cycle: int
    number: str
    date: datetime.date | None
    predecessor: str | None
    updates: list[Update] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def followup(base: Resolution, *, session: int, next_session: int | None = None, committee: str | None = None,
             sponsors: str = "", symbol_date: datetime.date | None = None) -> FollowUp:
    """The draft for `session` from `base`; `next_session` is where the Assembly will take it up again
    (by default as far after `session` as the base's was after its own)."""
    lang = base.language if base.language in LANGS else "en"
    new = copy.deepcopy(base)
    fu = FollowUp(base=base, resolution=new)
    council = base.front.symbol.startswith("S/") or "Security Council" in base.formula
    old_session = None if council else base_session(base, lang)
    if not council and old_session is None:
        raise FollowUpError("cannot tell the session of the base: its symbol, number and session line are missing")
    if old_session is not None and session <= old_session:
        raise FollowUpError(f"the new session ({session}) must come after the base's ({old_session})")
    number = base_number(base)
    fu.base_number, fu.base_date = number, base_date(base, lang)
    run = _Run(lang, old_session or session, session, session - (old_session or session), 1, number,
               fu.base_date, None)
    _front(new, run, committee, sponsors, symbol_date, council)
    if not council and base.language in LANGS:
        run.predecessor = find_predecessor(base, lang, run.base_session, number) if number else None
        if run.predecessor:
            run.cycle = max(1, run.base_session - int(run.predecessor.split("/")[0]))
        else:
            run.notes.append(Note("", "", "", "no earlier resolution of the series is recalled: "
                                  "the recall chain was not updated"))
        run.shift = _forward_shift(new, run, next_session)
        _body(new, run)
    elif not council:
        run.notes.append(Note("", "", "", f"the text in language {base.language!r} was not updated: "
                              "follow-ups are made in English, French and Spanish"))
    fu.predecessor, fu.cycle = run.predecessor, run.cycle if run.predecessor else None
    fu.updates, fu.notes = run.updates, run.notes
    return fu


def _forward_shift(res: Resolution, run: _Run, next_session: int | None) -> int:
    delta = run.session - run.base_session
    if next_session is None:
        return delta
    forward = [n for para in iter_paragraphs(res.operative) for _, _, n in session_refs(para.text, run.lang)
               if run.base_session < n <= run.base_session + 3]
    if not forward:
        return delta
    return next_session - min(forward)


def _committee_of(base: Resolution, committee: str | None) -> str:
    """"3" for the Third Committee, "" for plenary, "HRC" for the Human Rights Council."""
    text = (committee or "").strip().lower()
    if committee is None:
        if base.front.symbol.startswith("A/HRC/"):
            return "HRC"
        match = re.search(r"report of the (\w+) Committee", base.front.report, re.I)
        return _COMMITTEES.get(match.group(1).lower(), "") if match else ""
    if text in ("", "plenary", "none", "general assembly"):
        return ""
    if "human rights council" in text or text == "hrc":
        return "HRC"
    match = re.search(r"(first|second|third|fourth|fifth|sixth|[1-6])", text)
    if not match:
        raise FollowUpError(f"unknown committee {committee!r}: name a Main Committee (\"Third Committee\") "
                            "or \"plenary\"")
    return _COMMITTEES.get(match.group(1), match.group(1))


def _front(new: Resolution, run: _Run, committee: str | None, sponsors: str, when: datetime.date | None,
           council: bool) -> None:
    front = new.front
    if council:
        year = (when or datetime.date.today()).year
        symbol, organ = f"S/{year}/___", "Security Council"
    else:
        body = _committee_of(new, committee)
        if body == "HRC":
            symbol, organ = f"A/HRC/{run.session}/L.__", "Human Rights Council"
        elif body:
            symbol, organ = f"A/C.{body}/{run.session}/L.__", _COMMITTEE_NAMES[body]
        else:
            symbol, organ = f"A/{run.session}/L.__", "General Assembly"
    values = {
        "symbol": symbol, "organ": organ, "distribution": "Limited",
        "date": format_date(when, run.lang) if when else "",
        "session": front.session if council else session_heading(run.session, run.lang),
        "adoption": "", "report": "", "number": "", "sponsors": sponsors, "doc_type": "draft resolution",
    }
    for name, value in values.items():
        before = getattr(front, name)
        if before != value:
            setattr(front, name, value)
            run.updates.append(Update("front", name, before, value, f"front matter: draft {name}", "front"))
    if new.closing:
        run.updates.append(Update("closing", "closing", " / ".join(new.closing), "",
                                  "front matter: a draft has no meeting and date of adoption", "front"))
        new.closing = []
    for item in front.agenda_items:
        run.notes.append(Note("front", "agenda", item.number, f"agenda item {item.number} is the base's: "
                              "check its number on the agenda of the new session"))


# --- the body -----------------------------------------------------------------------
@dataclass
class _Edit:
    start: int
    end: int
    new: str
    reason: str
    rule: str


def _body(res: Resolution, run: _Run) -> None:
    for label, para in res.labelled():
        _apply(para, para.id, label, _paragraph_edits(para.text, label, run), run)
    for index, note in enumerate(res.footnotes, 1):
        label = f"footnote {index}"
        edits = records_edits(note.text, run.lang, run.base_session, run.cycle, run.session - run.base_session)
        _apply(note, note.id, label, [_Edit(s, e, n, r, "records") for s, e, n, r in edits], run)
        if edits:
            run.notes.append(Note(note.id, label, edits[0][2], f"{label} now cites the Official Records of the new "
                                  "cycle: check the chapter and the text it documents"))
        _document_notes(note.text, note.id, label, run)


def _apply(owner: Paragraph | Footnote, target: str, label: str, edits: list[_Edit], run: _Run) -> None:
    text = owner.text
    shift = 0
    for edit in sorted(edits, key=lambda e: e.start):
        before = text[edit.start:edit.end]
        owner.content = replace_span(owner.content, edit.start + shift, edit.end + shift, edit.new)
        run.updates.append(Update(target, label, before, edit.new, edit.reason, edit.rule, edit.start + shift))
        shift += len(edit.new) - len(before)


def _paragraph_edits(text: str, label: str, run: _Run) -> list[_Edit]:
    edits: list[_Edit] = []
    for clist in citation_lists(text, run.lang):
        edits.extend(_chain_edits(text, label, clist, run))
    for start, end, n in session_refs(text, run.lang):
        if not run.base_session < n <= run.base_session + 3:
            continue
        blocked = LANGS[run.lang].session_context(text, start, end)
        if blocked:
            run.notes.append(Note("", label, text[start:end], f"{label} names the {text[start:end]} session: not moved "
                                  f"({blocked}); check it"))
            continue
        new_n = n + run.shift
        edits.append(_Edit(start, end, replace_ordinal(text[start:end], new_n, run.lang),
                           f"session moved forward ({n} → {new_n})", "session"))
    for start, end, _, _ in records_edits(text, run.lang, run.base_session, run.cycle,
                                          run.session - run.base_session):
        run.notes.append(Note("", label, text[start:end], f"{label} cites the Official Records in the text: check"))
    _other_body_notes(text, label, run)
    return edits


def _chain_edits(text: str, label: str, clist: CitationList, run: _Run) -> list[_Edit]:
    p = run.predecessor
    items = clist.items
    positions = [i for i, item in enumerate(items) if item.number == p]
    if not p or not positions:
        return []
    index = positions[0]
    item = items[index]
    if other_body(text, clist, item, run.lang):
        return []
    if item.dated and run.date is None:
        run.notes.append(Note("", label, p, f"{label} cites {p}: the date of the base is unknown, so it was "
                              "not updated"))
        return []
    new_item = cite(run.number, run.date if item.dated else None, run.lang)
    lang = LANGS[run.lang]
    if index < len(items) - 1:
        run.notes.append(Note("", label, p, f"{label} cites {p} inside a list: check whether the base belongs "
                              "there"))
        return []
    if len(items) > 1:
        previous = items[index - 1]
        if previous.session >= item.session - 2 * run.cycle:
            sep = text[previous.end:item.start]
            return [_Edit(previous.end, item.end, ", " + text[item.start:item.end] + sep + new_item,
                          "recall chain: base added to the list", "recall")]
        return [_Edit(item.start, item.end, new_item, "recall chain: previous resolution replaced by the base",
                      "recall")]
    before = text[max(0, clist.start - 60):clist.start]
    if lang.paragraph_of.search(before):
        run.notes.append(Note("", label, p, f"{label} cites a part of {p}: not updated"))
        return []
    if lang.implementation.search(before):
        return [_Edit(item.start, item.end, new_item, "report: names the base", "report")]
    if label.startswith("PP") and lang.recall.match(text):
        return [_Edit(item.start, item.end, new_item, "recall chain: previous resolution replaced by the base",
                      "recall")]
    run.notes.append(Note("", label, p, f"{label} cites {p}, the previous resolution of the series: check "
                          "whether it should name the base"))
    return []


def _other_body_notes(text: str, label: str, run: _Run) -> None:
    if run.date is None:
        return
    for clist in citation_lists(text, run.lang):
        for item in clist.items:
            body = other_body(text, clist, item, run.lang)
            if body and item.date is not None and item.date.year >= run.date.year - run.cycle:
                run.notes.append(Note("", label, item.number, f"{label} recalls {body} resolution {item.number}: "
                                      "recall the body's latest text of the series if there is one"))


def _document_notes(text: str, target: str, label: str, run: _Run) -> None:
    symbol = re.search(rf"\bA/{run.base_session}/\d+(?:/Add\.\d+)?", text)
    if symbol:
        run.notes.append(Note(target, label, symbol.group(), f"{label} cites {symbol.group()}, a document of "
                              "the base's session: update it to the current one"))
