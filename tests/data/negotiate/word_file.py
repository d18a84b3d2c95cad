"""The Word writer of tests/data/negotiate/make.py: edits written into a copy of sent.docx with python-docx and
lxml, as revisions the way Word writes them (`w:ins`, `w:del`, revised paragraph marks, `w:moveFrom`/`w:moveTo`,
comments) or as a clean edited copy; and python-redlines' comparison of two files."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree
from writers import DATE, Edit, markup


# --- python-docx and lxml: Word's own markup --------------------------------------------------------------
class WordFile:
    """sent.docx opened with python-docx, edited in place: as revisions by an author, or clean."""

    def __init__(self, sent: Path, labels: dict[str, str]) -> None:
        self.document = docx.Document(str(sent))
        self.ids = iter(range(9000, 100000))
        self.by_label: dict[str, etree._Element] = {}
        texts = {_plain(text): label for label, text in labels.items()}
        for paragraph in self.document.paragraphs:
            label = texts.get(_plain(paragraph.text))
            if label:
                self.by_label[label] = paragraph._p
        missing = set(labels) - set(self.by_label)
        if missing:
            raise ValueError(f"paragraphs not found in sent.docx: {sorted(missing)}")

    def mark(self, kind: str, author: str) -> etree._Element:
        node = etree.Element(qn(f"w:{kind}"))
        node.set(qn("w:id"), str(next(self.ids)))
        node.set(qn("w:author"), author)
        node.set(qn("w:date"), DATE + "Z")
        return node

    def _run_with(self, label: str, words: str) -> etree._Element:
        """The run of a paragraph holding `words`, cut so that they are a run of their own."""
        p = self.by_label[label]
        for r in p.iter(qn("w:r")):
            t = r.find(qn("w:t"))
            if t is None or not t.text or words not in t.text or not simple_run(r):
                continue
            head, tail = t.text.split(words, 1)
            for text, before in ((head, True), (tail, False)):
                if text:
                    piece = copy.deepcopy(r)
                    _set_text(piece, text)
                    (r.addprevious if before else r.addnext)(piece)
            _set_text(r, words)
            return r
        raise ValueError(f"{label}: no run holds {words!r}")

    def replace(self, label: str, old: str, new: str, author: str | None) -> None:
        r = self._run_with(label, old)
        added = []
        for piece in markup(new) if new else []:
            run = copy.deepcopy(r)
            _set_text(run, piece.text, piece.italic)
            added.append(run)
        if author is None:
            for run in reversed(added):
                r.addnext(run)
            r.getparent().remove(r)
            return
        deleted = self.mark("del", author)
        r.addprevious(deleted)
        deleted.append(r)
        r.find(qn("w:t")).tag = qn("w:delText")
        if added:
            inserted = self.mark("ins", author)
            inserted.extend(added)
            deleted.addnext(inserted)

    def insert(self, label: str, after: str, new: str, author: str | None) -> None:
        r = self._run_with(label, after)
        runs = []
        for piece in markup(new):
            run = copy.deepcopy(r)
            _set_text(run, piece.text, piece.italic)
            runs.append(run)
        if author is None:
            for run in reversed(runs):
                r.addnext(run)
            return
        inserted = self.mark("ins", author)
        inserted.extend(runs)
        r.addnext(inserted)

    def new(self, after: str, text: str, author: str | None, at: etree._Element | None = None) -> etree._Element:
        anchor = at if at is not None else self.by_label[after]
        p = copy.deepcopy(anchor)
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        template = next(iter(anchor.iter(qn("w:r"))))
        runs = []
        for piece in markup(text):
            run = copy.deepcopy(template)
            for child in list(run):
                if child.tag != qn("w:rPr"):
                    run.remove(child)
            _set_text(run, piece.text, piece.italic)
            runs.append(run)
        if author is not None:
            self._paragraph_mark(p, "ins", author)
            inserted = self.mark("ins", author)
            inserted.extend(runs)
            p.append(inserted)
        else:
            p.extend(runs)
        anchor.addnext(p)
        return p

    def _paragraph_mark(self, p: etree._Element, kind: str, author: str) -> None:
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.SubElement(p, qn("w:pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, qn("w:rPr"))
        rpr.append(self.mark(kind, author))

    def delete(self, label: str, author: str | None) -> None:
        p = self.by_label[label]
        if author is None:
            p.getparent().remove(p)
            return
        self._paragraph_mark(p, "del", author)
        self._wrap_runs(p, "del", author)

    def _wrap_runs(self, p: etree._Element, kind: str, author: str) -> None:
        for r in [child for child in p if child.tag == qn("w:r")]:
            wrapper = self.mark(kind, author)
            r.addprevious(wrapper)
            wrapper.append(r)
            if kind == "del":
                for t in r.iter(qn("w:t")):
                    t.tag = qn("w:delText")

    def move(self, label: str, after: str, author: str | None) -> None:
        """The paragraph moved after another: Word's w:moveFrom where it was and w:moveTo where it goes."""
        p = self.by_label[label]
        anchor = self.by_label[after]
        if author is None:
            anchor.addnext(p)
            return
        copied = copy.deepcopy(p)
        for side, para in (("moveFrom", p), ("moveTo", copied)):
            self._paragraph_mark(para, side, author)
            self._wrap_runs(para, side, author)
            range_id = str(next(self.ids))
            start = etree.Element(qn(f"w:{side}RangeStart"))
            for name, value in (("w:id", range_id), ("w:name", "move1"), ("w:author", author),
                                ("w:date", DATE + "Z")):
                start.set(qn(name), value)
            end = etree.Element(qn(f"w:{side}RangeEnd"))
            end.set(qn("w:id"), range_id)
            ppr = para.find(qn("w:pPr"))
            (ppr.addnext if ppr is not None else para.insert)(start) if ppr is not None else para.insert(0, start)
            para.append(end)
        anchor.addnext(copied)

    def comment(self, label: str, words: str, author: str, text: str) -> None:
        r = self._run_with(label, words)
        from docx.text.run import Run

        paragraph = next(p for p in self.document.paragraphs if p._p is self.by_label[label])
        self.document.add_comment(Run(r, paragraph), text=text, author=author,
                                  initials="".join(w[0] for w in author.split()))

    def apply(self, author: str, edits: list[Edit], tracked: bool) -> None:
        by = author if tracked else None
        for edit in edits:
            kind, *args = edit
            if kind == "replace":
                self.replace(args[0], args[1], args[2], by)
            elif kind == "insert":
                self.insert(args[0], args[1], args[2], by)
            elif kind == "new":
                self.new(args[0], args[1], by)
            elif kind == "delete":
                self.delete(args[0], by)
            elif kind == "move":
                self.move(args[0], args[1], by)
            elif kind == "comment" and tracked:
                self.comment(args[0], args[1], author, args[2])

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


def simple_run(run: etree._Element) -> bool:
    """A run of one piece of text (which a copy can be cut from)."""
    return len(run.findall(qn("w:t"))) == 1 and run.find(qn("w:tab")) is None


def _plain(text: str) -> str:
    """A paragraph's text as python-docx reads it (a non-breaking hyphen is a w:noBreakHyphen)."""
    return text.replace("\u2011", "-").strip()


def _set_text(run: etree._Element, text: str, italic: bool | None = None) -> None:
    t = run.find(qn("w:t"))
    if t is None:
        t = etree.SubElement(run, qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if italic is not None:
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.Element(qn("w:rPr"))
            run.insert(0, rpr)
        for tag in ("w:i", "w:iCs"):
            for node in rpr.findall(qn(tag)):
                rpr.remove(node)
        if italic:
            etree.SubElement(rpr, qn("w:i"))


def redline(author: str, sent: Path, edited: Path, target: Path) -> Path:
    """python-redlines' Docxodus engine: sent.docx against the edited copy, the delegation as author."""
    from python_redlines.engines import DocxodusEngine

    data, _log, _error = DocxodusEngine().run_redline(author, sent.read_bytes(), edited.read_bytes())
    target.write_bytes(data)
    return target
