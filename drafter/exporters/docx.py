"""Word export: `export_docx(res, path, base=..., track_changes=...)` and the byte-level writers.

- without `base`: the clean export in UN layout (`docx_clean`);
- with `base` and `track_changes=True`: the new text with every difference from the base as a
  native Word revision (`docx_tracked`), the front matter the new text's own unless
  `track_front_matter=True`;
- with `base` and `redline=True`: a static redline for printing; `table=True`: a two-column
  comparison table (`docx_redline`).

Every file is written atomically: a temporary file in the same folder, fsync, rename. A failure
raises `drafter.errors.ExportFailed` and leaves any previous file untouched.
"""

from __future__ import annotations

import datetime
import logging
import os

from drafter.errors import ExportFailed
from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_redline import write_redline, write_table
from drafter.exporters.docx_tracked import write_tracked
from drafter.exporters.ooxml import Stamp, atomic_write
from drafter.model import Resolution

log = logging.getLogger(__name__)


def to_docx_bytes(res: Resolution, *, base: Resolution | None = None, track_changes: bool = False,
                  redline: bool = False, table: bool = False, author: str = "Drafter",
                  date: datetime.datetime | str | None = None, track_front_matter: bool = False) -> bytes:
    """The .docx bytes of one of the exports (see `export_docx`)."""
    if sum((track_changes, redline, table)) > 1:
        raise ExportFailed("", "choose one of track changes, redline and table for one file")
    if (track_changes or redline or table) and base is None:
        raise ExportFailed("", "a tracked, redline or table export needs the base text to compare with")
    if base is None:
        return write_clean(res)
    if redline:
        return write_redline(base, res, track_front=track_front_matter)
    if table:
        return write_table(base, res)
    if not track_changes:
        return write_clean(res)
    data, counts = write_tracked(base, res, author=author, date=Stamp.iso(date), track_front=track_front_matter)
    log.info("tracked export: %s", counts)
    return data


def export_docx(res: Resolution, path: str | os.PathLike[str], *, base: Resolution | None = None,
                track_changes: bool = False, author: str = "Drafter",
                date: datetime.datetime | str | None = None, redline: bool = False,
                table: bool = False, track_front_matter: bool = False) -> None:
    """Write `res` as a Word file at `path`.

    Without `base`: the clean export. With `base` and `track_changes`: every difference from `base`
    as a Word revision by `author` at `date` (now, in UTC, by default); the front matter is `res`'s
    own, untracked, unless `track_front_matter` (the title's wording is tracked either way).
    `redline` and `table` write the static comparisons instead. Raises ExportFailed when the file
    cannot be written or `date` is no ISO 8601 date.
    """
    data = to_docx_bytes(res, base=base, track_changes=track_changes, redline=redline, table=table,
                         author=author, date=date, track_front_matter=track_front_matter)
    atomic_write(path, data)
    log.info("wrote %s (%d bytes)", path, len(data))


__all__ = ["export_docx", "to_docx_bytes"]
