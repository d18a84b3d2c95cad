"""A comment thread in a Word file that LibreOffice 7.4 saved again: what the file still holds, and how the comment
reader reads it (every comment kept; no thread guessed; a warning names the place)."""

from __future__ import annotations

import zipfile

from drafter.importers import load
from tests.corpus import DATA

FOLDER = DATA / "lo_replies"
SOURCE, RESAVED = FOLDER / "thread.docx", FOLDER / "thread-libreoffice.docx"
WORDS = "dialogue among cultures"


def _part(path: object, name: str) -> str:
    with zipfile.ZipFile(str(path)) as archive:
        return archive.read(name).decode("utf-8") if name in archive.namelist() else ""


def test_what_libreoffice_keeps_of_a_thread() -> None:
    """The source links its replies by `w15:paraIdParent`; LibreOffice's file has no such link anywhere: its
    commentsExtended.xml holds the resolved comment alone, and every reply has its own range on the same words."""
    assert _part(SOURCE, "word/commentsExtended.xml").count("paraIdParent") == 2
    assert "LibreOffice" in _part(RESAVED, "docProps/app.xml")
    extended = _part(RESAVED, "word/commentsExtended.xml")
    assert "paraIdParent" not in extended and extended.count("<w15:commentEx ") == 1 and 'w15:done="1"' in extended
    document = _part(RESAVED, "word/document.xml")
    assert document.count("<w:commentRangeStart ") == 4


def test_the_reader_keeps_every_comment_and_says_the_links_are_gone() -> None:
    source, resaved = load(str(SOURCE)), load(str(RESAVED))
    threaded = [(c.author, c.text, c.reply_to is not None) for c in source.comments]
    assert sorted(threaded) == [("Canada", "Same words, a thread of its own.", False),
                                ("European Union", "Agreed ad ref.", True),
                                ("European Union", "Could this be narrowed?", False),
                                ("Group of 77", "We prefer to keep it.", True)]
    # after LibreOffice: the same four comments and their words, each a thread of its own; the resolved one still so
    assert sorted((c.author, c.text) for c in resaved.comments) == sorted((a, t) for a, t, _r in threaded)
    assert all(c.reply_to is None and c.quote == WORDS for c in resaved.comments)
    assert [c.text for c in resaved.comments if c.done] == ["Could this be narrowed?"]
    op3 = resaved.operatives()[2].id
    assert {c.block for c in resaved.comments} == {op3}
    [warning] = [w for w in resaved.warnings if "LibreOffice" in w]
    assert warning.startswith(f"OP3: 4 comments on the same words “{WORDS}”") and "Group of 77" in warning
    assert not any("LibreOffice" in w for w in source.warnings)  # the linked thread: nothing to say
