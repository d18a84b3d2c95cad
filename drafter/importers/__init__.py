"""Importers: any supported file in, one `Resolution` out.

`load` picks the reader by the file's content (and its name where content
cannot tell), bounds what it will read, and turns every failure into
`ImportFailed` with a sentence for the user.
"""

from __future__ import annotations

import logging
import os

from drafter.errors import ImportFailed
from drafter.model import Resolution

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # the longest resolutions are well under 1 MB of text, PDFs under 5 MB


def _sniff(path: str, head: bytes) -> str:
    ext = os.path.splitext(path)[1].lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and ext == ".json":
        return "json"
    if stripped.startswith(b"<"):
        return "xml"
    if ext in (".pdf", ".docx", ".doc"):
        return ext[1:]
    return "text"


def load(path: str) -> Resolution:
    """The resolution at `path`; its warnings say where square brackets typed as text are (see
    `drafter.typed_brackets`: the command that makes them marks)."""
    from drafter.importers.blocks import no_cycle_collection
    from drafter.typed_brackets import reader_warnings

    with no_cycle_collection():  # reading makes a tree of small objects without cycles
        res = _load(path)
        res.warnings += reader_warnings(res)
    return res


def _load(path: str) -> Resolution:
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise ImportFailed(path, f"cannot be opened ({exc.strerror or exc})") from exc
    if size == 0:
        raise ImportFailed(path, "is empty")
    if size > MAX_BYTES:
        raise ImportFailed(path, f"is {size / 1_048_576:.0f} MB; Drafter reads files up to "
                                 f"{MAX_BYTES // 1_048_576} MB, far more than any resolution needs")
    kind = _sniff(path, head)
    log.info("loading %s as %s", path, kind)
    if kind == "ole":
        raise ImportFailed(path, "is an old Word (.doc) file or a password-protected document; "
                                 "save it as .docx without a password and open that")
    if kind == "doc":
        raise ImportFailed(path, "is not a Word .docx file (its content does not match its name)")
    if kind == "pdf":
        from drafter.importers.pdf import read_pdf
        from drafter.importers.structure import build

        return build(read_pdf(path))
    if kind == "docx":
        from drafter.importers.docx import read_docx
        from drafter.importers.docx_comments import attach_comments
        from drafter.importers.structure import build

        res = build(read_docx(path))
        attach_comments(res, path)  # the file's Word comments, on the paragraphs and words they are on
        return res
    if kind == "xml":
        from drafter.importers.akn import read_akn

        return read_akn(path)
    if kind == "json":
        return _load_json(path)
    return _load_text(path)


def _load_text(path: str) -> Resolution:
    from drafter.importers.structure import build
    from drafter.importers.text import parse_text

    with open(path, "rb") as handle:
        data = handle.read()
    return build(parse_text(decode(path, data)))


def decode(path: str, data: bytes) -> str:
    """UTF-8 if it is; otherwise the encoding charset-normalizer finds, or a clear refusal."""
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed(path, "is a binary file, not text, Word, PDF or Akoma Ntoso")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise ImportFailed(path, "is not text in any encoding Drafter recognizes; save it as UTF-8")
    log.info("%s decoded as %s", path, best.encoding)
    return str(best)


def _load_json(path: str) -> Resolution:
    from drafter.serialize import loads

    with open(path, encoding="utf-8") as handle:
        try:
            return loads(handle.read())
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ImportFailed(path, f"is not a Drafter resolution file ({exc})") from exc
