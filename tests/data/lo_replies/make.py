"""Make the files of tests/data/lo_replies: a comment thread before and after LibreOffice re-saves the file.

    /work/main/.venv/bin/python tests/data/lo_replies/make.py      (from the repository root; needs `soffice`)

`thread.docx` is A/RES/76/159 with, on the words "dialogue among cultures" of OP3, a comment of the European
Union (resolved) with two replies, and a comment of Canada on the same words that answers none: replies as
Word writes them (`w15:paraIdParent` in commentsExtended.xml), here by Drafter's Word exporter.
`thread-libreoffice.docx` is that file opened and saved again by LibreOffice 7.4 (`soffice --headless
--convert-to docx`): the file whose reading the tests look at.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from drafter.comments import Comment, new_reply  # noqa: E402
from drafter.exporters.docx import export_docx  # noqa: E402
from drafter.importers import load  # noqa: E402

WORDS = "dialogue among cultures"


def main() -> None:
    res = copy.deepcopy(load(str(ROOT / "tests" / "data" / "corpus" / "A-RES-76-159.txt")))
    op3 = res.operatives()[2]
    at = op3.text.index(WORDS)
    parent = Comment("eu", "European Union", "2026-11-30T10:00:00Z", "Could this be narrowed?", op3.id, WORDS,
                     offset=at)
    replies = [new_reply(parent, "We prefer to keep it.", "Group of 77", "2026-11-30T11:00:00Z"),
               new_reply(parent, "Agreed ad ref.", "European Union", "2026-11-30T12:00:00Z")]
    other = Comment("ca", "Canada", "2026-11-30T10:30:00Z", "Same words, a thread of its own.", op3.id, WORDS,
                    offset=at)
    res.comments = [replace(parent, done=True), *replies, other]
    export_docx(res, HERE / "thread.docx")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
                        "--outdir", out, str(HERE / "thread.docx")], check=True, capture_output=True)
        (HERE / "thread-libreoffice.docx").write_bytes((Path(out) / "thread.docx").read_bytes())


if __name__ == "__main__":
    main()
