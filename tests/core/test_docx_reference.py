"""Reference files for the Word writers: document.xml and footnotes.xml of a few exports of real corpus
texts, compared with checked-in XML under tests/data/reference/ after normalising what changes from run
to run (revision dates, rsids, the numbering of revision and range ids).

A change to the writers that changes their output fails here with the first differing lines. When the
change is meant, write the references anew and review the diff in git:

    python -m tests.core.test_docx_reference
"""

from __future__ import annotations

import copy
import difflib
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_redline import write_redline, write_table
from drafter.exporters.docx_tracked import write_tracked
from drafter.model import Resolution, Text
from tests.corpus import CORPUS, DATA, load

REFERENCE = DATA / "reference"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARTS = ("word/document.xml", "word/footnotes.xml")
# elements whose w:id is a revision or range id, handed out in order: renumbered in order of appearance
COUNTED = {f"{{{W}}}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveFromRangeEnd",
                                       "moveToRangeStart", "moveToRangeEnd", "bookmarkStart", "bookmarkEnd")}
DATE = "2026-11-29T10:00:00Z"


def _pair(old: str, new: str) -> tuple[Resolution, Resolution]:
    return load(CORPUS / old), load(CORPUS / new)


def _tracked(old: str, new: str, **options: bool) -> Callable[[], bytes]:
    def make() -> bytes:
        base, draft = _pair(old, new)
        return write_tracked(base, draft, author="Reference", date=DATE, **options)[0]
    return make


EXPORTS: dict[str, Callable[[], bytes]] = {
    "clean-A-RES-75-180": lambda: write_clean(load(CORPUS / "A-RES-75-180.txt")),
    "clean-S-2018-693": lambda: write_clean(load(CORPUS / "S-2018-693.txt")),
    "tracked-A-RES-72-169-to-75-180": _tracked("A-RES-72-169-clean.txt", "A-RES-75-180.txt"),
    "tracked-front-A-RES-72-169-to-75-180": _tracked("A-RES-72-169-clean.txt", "A-RES-75-180.txt",
                                                     track_front=True),
    "tracked-S-2019-266-to-S-2020-445": _tracked("S-2019-266.txt", "S-2020-445.txt"),
    "redline-A-RES-72-169-to-75-180": lambda: write_redline(*_pair("A-RES-72-169-clean.txt", "A-RES-75-180.txt")),
    "table-S-2019-266-to-S-2020-445": lambda: write_table(*_pair("S-2019-266.txt", "S-2020-445.txt")),
}


def normalise(xml: bytes) -> str:
    """The part as indented XML without rsids and dates, revision and range ids numbered from 1."""
    root = etree.fromstring(xml)
    ids: dict[str, str] = {}
    for node in root.iter():
        for name in list(node.attrib):
            local = etree.QName(name).localname
            if local.startswith("rsid"):
                del node.attrib[name]
            elif local == "date" and node.tag in COUNTED:
                node.set(name, "DATE")
        key = f"{{{W}}}id"
        if node.tag in COUNTED and key in node.attrib:
            node.set(key, ids.setdefault(node.get(key, ""), str(len(ids) + 1)))
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="unicode") + "\n"


def parts_of(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {part: normalise(archive.read(part)) for part in PARTS}


def reference_path(name: str, part: str) -> Path:
    return REFERENCE / name / Path(part).name


@pytest.mark.parametrize("name", list(EXPORTS))
def test_export_matches_its_reference(name: str) -> None:
    for part, text in parts_of(EXPORTS[name]()).items():
        path = reference_path(name, part)
        assert path.exists(), f"no reference {path}: run python -m tests.core.test_docx_reference"
        expected = path.read_text("utf-8")
        if text != expected:
            diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), str(path), "export", lineterm="", n=2)
            pytest.fail(f"{name} {part} differs from its reference:\n" + "\n".join(list(diff)[:60]))


def test_normalising_keeps_what_matters() -> None:
    """Two exports made at different times with different authors' dates normalise alike; a changed word does not."""
    base, draft = _pair("S-2019-266.txt", "S-2020-445.txt")
    one = write_tracked(base, draft, date="2020-01-01T00:00:00Z")[0]
    two = write_tracked(base, draft, date="2026-05-05T12:30:00Z")[0]
    assert parts_of(one) == parts_of(two)
    changed = copy.deepcopy(draft)  # the corpus model is shared by every test: edit a copy
    first = changed.operatives()[0]
    first.content = (*first.content, Text(" again"))
    three = write_tracked(base, changed, date="2020-01-01T00:00:00Z")[0]
    assert parts_of(one)["word/document.xml"] != parts_of(three)["word/document.xml"]


def regenerate() -> None:
    for name, make in EXPORTS.items():
        for part, text in parts_of(make()).items():
            path = reference_path(name, part)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            print(path.relative_to(DATA.parent.parent))


if __name__ == "__main__":
    regenerate()
    sys.exit(0)
