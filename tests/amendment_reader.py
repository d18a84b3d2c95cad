"""An independent reader of English amendment statements, for tests: it applies them to the earlier text.

It takes nothing from Drafter's amendments package but the text of the statements, and reads each one as
a delegate would: ordinal words to paragraph numbers, quoted words found once (as whole words) in that
paragraph of the earlier text and replaced, paragraphs inserted, deleted, moved and replaced by the
labels of the earlier text. Footnote lines after a statement (a superscript marker, then the footnote's
text) give new footnotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.amendments import Amendments
from drafter.compare import compare
from drafter.model import Block, CrossHeading, NoteRef, Paragraph, Resolution

_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
          "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NOTE_LINE = re.compile(f"^([{_SUPERSCRIPTS}]+) (.*)$")
_PLACE = "(?P<place>.+?)"
Clean = Callable[[str], str]  # quoted new words without the statement's footnote markers
_WORDS = "the words?"


def ordinal_number(word: str) -> int:
    """"third" → 3, "twenty-first" → 21, "fortieth" → 40."""
    if "-" in word:
        tens, unit = word.split("-")
        return _TENS[tens] + _UNITS.index(unit) + 1
    if word in _UNITS:
        return _UNITS.index(word) + 1
    for name, value in _TENS.items():
        if word == name[:-1] + "ieth":
            return value
    raise ValueError(f"not an ordinal: {word}")


def spaced(text: str) -> str:
    return " ".join(text.split())


def normal(text: str) -> str:
    """Text compared: white space collapsed, none before closing or after opening punctuation."""
    text = re.sub(r"\s+([,.;:)\]\u201d\u00bb])", r"\1", spaced(text))
    return re.sub(r"([(\[\u201c\u00ab])\s+", r"\1", text)


@dataclass(eq=False)
class Node:
    text: str
    children: list[Node] = field(default_factory=list)
    heading: bool = False
    replaced_by: list[Node] | None = None


class Reader:
    """The earlier text as a tree the statements change, found by the labels of the earlier text."""

    def __init__(self, old: Resolution) -> None:
        self.by_label: dict[str, Node] = {}
        self.headings: dict[str, Node] = {}
        labels = old.labels()
        self.parts = {"preamble": self._nodes(old.preamble, labels), "operative": self._nodes(old.operative, labels)}
        self.footnotes = {number: spaced(note.text) for number, note in enumerate(old.footnotes, 1)}
        self.new_footnotes: list[str] = []
        self.removed: list[Node] = []  # paragraphs taken out, with what is still under them
        self.title = spaced(old.front.title)

    def _nodes(self, blocks: list[Block] | list[Paragraph], labels: dict[str, str]) -> list[Node]:
        out = []
        for block in blocks:
            if isinstance(block, CrossHeading):
                node = Node(spaced(block.text), heading=True)
                self.headings[spaced(block.text)] = node
            else:
                node = Node(spaced(block.text), self._nodes(block.children, labels))
                self.by_label[labels[block.id]] = node
            out.append(node)
        return out

    # --- places ------------------------------------------------------------------------------------
    def node(self, place: str) -> Node:
        match = re.fullmatch(r"the (\S+) preambular paragraph", place)
        if match:
            return self.by_label[f"PP{ordinal_number(match[1])}"]
        match = re.fullmatch(r"subparagraph ((?:\(\w+\) ?)+) of the (\S+) preambular paragraph", place)
        if match:
            return self.by_label[f"PP{ordinal_number(match[2])}{match[1].replace(' ', '')}"]
        match = re.fullmatch(r"operative paragraph (\d+(?: [a-z]+)*(?: \d+)?)((?: \([\w ]+\))*)", place)
        if match:
            return self.by_label[f"OP{match[1]}{match[2].replace(') (', ')(').lstrip()}"]
        match = re.fullmatch(r"(?:subparagraph ((?:\([\w ]+\) ?)+) of )?preambular paragraph (\d+ .+)", place)
        if match:  # a negotiated text's "PP3 bis"
            return self.by_label[f"PP{match[2]}{(match[1] or '').strip().replace(') (', ')(')}"]
        match = re.fullmatch("the heading \u201c(.*)\u201d", place)
        if match:
            return self.headings[match[1]]
        raise ValueError(f"unknown place: {place}")

    def part(self, place: str) -> list[Node] | None:
        return {"the preamble": self.parts["preamble"], "the operative part": self.parts["operative"]}.get(place)

    def where(self, node: Node) -> tuple[list[Node], int]:
        def search(nodes: list[Node]) -> tuple[list[Node], int] | None:
            for index, item in enumerate(nodes):
                if item is node:
                    return nodes, index
                found = search(item.children)
                if found:
                    return found
            return None

        for nodes in [*self.parts.values(), self.removed]:
            found = search(nodes)
            if found:
                return found
        raise ValueError(f"not in the text: {node.text!r}")

    def detach(self, node: Node) -> None:
        """Take a paragraph out; one under a deleted paragraph can still be moved ("Delete operative paragraph 5",
        then "Move operative paragraph 5 (b) …")."""
        nodes, index = self.where(node)
        del nodes[index]
        self.removed.append(node)

    def put(self, nodes: list[Node], position: str, target: str) -> None:
        """Put nodes after, before, into or at the end of the place named `target`."""
        part = self.part(target)
        if part is not None:
            part.extend(nodes)
            return
        anchor = self.node(target)
        if position in ("into", "end"):
            anchor.children.extend(nodes)
            return
        if anchor.replaced_by:
            anchor = anchor.replaced_by[-1 if position == "after" else 0]
        siblings, index = self.where(anchor)
        siblings[index + (position == "after"):index + (position == "after")] = nodes

    # --- words -------------------------------------------------------------------------------------
    def text_of(self, place: str) -> str:
        if place == "the title":
            return self.title
        match = re.fullmatch(r"footnote (\d+)", place)
        return self.footnotes[int(match[1])] if match else self.node(place).text

    def set_text(self, place: str, text: str) -> None:
        if place == "the title":
            self.title = text
            return
        match = re.fullmatch(r"footnote (\d+)", place)
        if match:
            self.footnotes[int(match[1])] = text
        else:
            self.node(place).text = text

    @staticmethod
    def find_once(text: str, quote: str) -> re.Match[str]:
        head = r"(?<!\w)" if re.match(r"\w", quote[:1]) else ""
        tail = r"(?!\w)" if re.match(r"\w", quote[-1:]) else ""
        pattern = head + re.escape(quote) + tail
        found = list(re.finditer(f"(?={pattern})", text))
        assert len(found) == 1, f"{quote!r} is found {len(found)} times in {text!r}"
        match = re.compile(pattern).match(text, found[0].start())
        assert match is not None
        return match

    # --- statements --------------------------------------------------------------------------------
    def apply(self, statement: str) -> None:
        lines = statement.split("\n")
        notes = [_NOTE_LINE.match(line) for line in lines]
        markers = [match[1] for match in notes if match]
        for match in notes:
            if match and not re.fullmatch(r"Footnote \d+ of the text\.", match[2]):
                self.new_footnotes.append(spaced(match[2]))
        body = [line for line, match in zip(lines, notes, strict=True) if not match]
        head, quoted = body[0], body[1:]

        def clean(text: str) -> str:
            for marker in sorted(markers, key=len, reverse=True):
                text = text.replace(marker, "")
            return spaced(text)

        for pattern, handler in self._forms():
            match = re.fullmatch(pattern, head)
            if match:
                handler(match, clean, quoted)
                return
        raise ValueError(f"unknown statement: {head}")

    def _forms(self) -> list[tuple[str, Callable[[re.Match[str], Clean, list[str]], None]]]:
        return [
            (f"In {_PLACE}, replace {_WORDS} \u201c(?P<old>.*?)\u201d with \u201c(?P<new>.*)\u201d\\.", self._replace),
            (f"In {_PLACE}, delete {_WORDS} \u201c(?P<old>.*)\u201d(?P<notes> and the associated footnotes?)?\\.",
             self._delete),
            (f"In {_PLACE}, insert {_WORDS} \u201c(?P<new>.*?)\u201d (?P<side>after|before) {_WORDS} "
             f"\u201c(?P<anchor>.*)\u201d\\.", self._insert),
            (f"In {_PLACE}, insert a footnote.*, reading: \u201c(?P<text>.*)\u201d\\.", self._new_footnote),
            (f"In {_PLACE}, (insert|delete) (a|the) reference to footnote \\d+.*\\.", lambda *args: None),
            ("Delete (?P<place>.+)\\.", lambda match, clean, quoted: self.detach(self.node(match["place"]))),
            ("Insert the heading \u201c(?P<text>.*)\u201d (?P<where>after|before|in|at the end of) (?P<target>.+)\\.",
             self._insert_heading),
            ("Insert (a|\\w+) new .+? (?P<where>after|before|in|at the end of) (?P<target>.+?), reading:(?P<rest>.*)",
             self._insert_paragraphs),
            ("Move (?P<place>the heading \u201c.*?\u201d|.+?) (?P<where>to follow|to precede|"
             "to become a subparagraph of|to become the last subparagraph of|to the end of|to) "
             "(?P<target>.+)\\.", self._move),
            ("Replace (?P<place>the heading \u201c.*?\u201d) with \u201c(?P<text>.*)\u201d\\.", self._replace_heading),
            ("Replace (?P<places>.+?) with the following:(?P<rest>.*)", self._replace_paragraphs),
        ]

    def _replace(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        text = self.text_of(match["place"])
        found = self.find_once(text, match["old"])
        self.set_text(match["place"], text[:found.start()] + clean(match["new"]) + text[found.end():])

    def _delete(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        text = self.text_of(match["place"])
        found = self.find_once(text, match["old"])
        self.set_text(match["place"], spaced(text[:found.start()] + " " + text[found.end():]))

    def _insert(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        text = self.text_of(match["place"])
        found = self.find_once(text, match["anchor"])
        new = clean(match["new"])
        if match["side"] == "after":
            text = text[:found.end()] + " " + new + text[found.end():]
        else:
            text = text[:found.start()] + new + " " + text[found.start():]
        self.set_text(match["place"], spaced(text))

    def _new_footnote(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        self.new_footnotes.append(spaced(match["text"]))

    def _insert_heading(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        self.put([Node(spaced(match["text"]), heading=True)], _POSITIONS[match["where"]], match["target"])

    def _insert_paragraphs(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        nodes = self._quoted_nodes(match["rest"], quoted, clean)
        self.put(nodes, _POSITIONS[match["where"]], match["target"])

    def _move(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        node = self.node(match["place"])
        self.detach(node)
        self.put([node], _POSITIONS[match["where"]], match["target"])

    def _replace_heading(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        self.node(match["place"]).text = spaced(match["text"])

    def _replace_paragraphs(self, match: re.Match[str], clean: Clean, quoted: list[str]) -> None:
        places = match["places"]
        nodes = self._quoted_nodes(match["rest"], quoted, clean)
        if places == "the title":
            self.title = nodes[0].text
            return
        chapeau = places.startswith("the chapeau of ")
        names = re.split(r", | and (?=the |operative |subparagraph )", places.removeprefix("the chapeau of "))
        olds = [self.node(name) for name in names]
        if len(olds) == 1 and len(nodes) == 1 and not nodes[0].children:
            olds[0].text = nodes[0].text  # the paragraph's own words: its sub-paragraphs stay
            return
        assert not chapeau
        siblings, index = self.where(olds[0])
        siblings[index:index + 1] = nodes
        self.removed.append(olds[0])  # what was under it can still be moved
        for old in olds:
            old.replaced_by = nodes
        for old in olds[1:]:
            self.detach(old)

    @staticmethod
    def _quoted_nodes(rest: str, quoted: list[str], clean: Clean) -> list[Node]:
        """The paragraphs a statement quotes: on its first line, or one a line with sub-paragraphs indented."""
        if rest.strip():
            text = rest.strip()
            assert text[0] == "\u201c" and text[-1] == "\u201d", text
            return [Node(clean(text[1:-1]))]
        top: list[Node] = []
        stack: list[Node] = []
        for line in quoted:
            depth = (len(line) - len(line.lstrip(" "))) // 4
            text = line.strip()
            assert text[0] == "\u201c" and text[-1] == "\u201d", line
            text = text[1:-1]
            if depth:
                text = re.sub(r"^(\(\w+\)|\w+\.|bullet \d+) ?", "", text, count=1)
            node = Node(clean(text))
            del stack[depth:]
            (stack[-1].children if stack else top).append(node)
            stack.append(node)
        return top

    # --- the result --------------------------------------------------------------------------------
    def outline(self) -> list[tuple[str, int, bool, str]]:
        out: list[tuple[str, int, bool, str]] = []

        def walk(part: str, nodes: list[Node], depth: int) -> None:
            for node in nodes:
                out.append((part, depth, node.heading, normal(node.text)))
                walk(part, node.children, depth + 1)

        for part, nodes in self.parts.items():
            walk(part, nodes, 0)
        return out


_POSITIONS = {"after": "after", "before": "before", "in": "into", "at the end of": "end", "to follow": "after",
              "to precede": "before", "to become a subparagraph of": "into", "to": "into",
              "to become the last subparagraph of": "end", "to the end of": "end"}


def outline_of(res: Resolution) -> list[tuple[str, int, bool, str]]:
    """The paragraphs and headings of a text as `Reader.outline` gives them."""
    out: list[tuple[str, int, bool, str]] = []

    def walk(part: str, blocks: list[Block] | list[Paragraph], depth: int) -> None:
        for block in blocks:
            out.append((part, depth, isinstance(block, CrossHeading), normal(block.text)))
            if isinstance(block, Paragraph):
                walk(part, block.children, depth + 1)

    walk("preamble", res.preamble, 0)
    walk("operative", res.operative, 0)
    return out


# --- reading back -----------------------------------------------------------------------------------
def read_back(old: Resolution, found: Amendments) -> Reader:
    """The earlier text with every statement applied in order, by the independent reader."""
    reader = Reader(old)
    for entry in found.to_dict()["amendments"]:
        reader.apply(entry["text"])
    return reader


def check_read_back(old: Resolution, new: Resolution, found: Amendments) -> Reader:
    """The statements, applied to `old`, give `new`: paragraphs, headings, footnotes and title."""
    reader = read_back(old, found)
    assert reader.outline() == outline_of(new)
    assert normal(reader.title) == normal(new.front.title)
    changes = compare(old, new)
    old_numbers = {note.id: number for number, note in enumerate(old.footnotes, 1)}
    for record in changes.records:
        if record.part == "footnotes" and record.old_ids and record.new_ids:
            later = new.footnote(record.new_ids[0])
            assert later is not None
            assert normal(reader.footnotes[old_numbers[record.old_ids[0]]]) == normal(later.text)
    paired = {record.new_ids[0] for record in changes.records
              if record.part == "footnotes" and record.old_ids and record.new_ids}
    cited = {item.note for block in new.blocks() for item in block.content if isinstance(item, NoteRef)}
    added = {normal(note.text) for note in new.footnotes if note.id not in paired and note.id in cited}
    assert {normal(text) for text in reader.new_footnotes} == added
    return reader
