"""The values the commands' options take: each is checked before anything is read or written.

The `argparse` types (`revision_date`, `symbol_date`, `person`, `line_of_text`, `whole_number`) reject a
value that is not what the option needs with a sentence that says what is expected; argparse turns it into
one line on stderr and exit code 2. `check_output` does the same for a file a command is to write: its folder
must exist and take a new file, it must not be a folder nor one of the files the command reads, and its
name must end as the format written does. Nothing is written before every value has passed.
"""

from __future__ import annotations

import argparse
import datetime
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from drafter.errors import DrafterError

FIRST_YEAR = 1900  # a revision or symbol dated before it is a typing error ("0226-01-31")
LONGEST_NAME = 255  # characters of an author's name (Word shows far fewer)


class BadOption(DrafterError):
    """An option's value is not what the option needs; the message names the option and what it expects."""


def _control(text: str) -> str | None:
    """The first character of `text` that has no place in a line of text (control, or not UTF-8)."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cs"):  # "Cs": an undecodable byte of the command line
            return char
    return None


def _described(char: str) -> str:
    return f"U+{ord(char):04X}"


def line_of_text(text: str) -> str:
    """One line of text (sponsors, a committee): no control characters, no bytes that are not UTF-8."""
    bad = _control(text)
    if bad is not None:
        raise argparse.ArgumentTypeError(f"{text!r} holds the control character {_described(bad)}: "
                                         "write plain text on one line")
    return text


def person(text: str) -> str:
    """An author's name as Word records it: one line of text, neither empty nor longer than 255 characters."""
    line_of_text(text)
    if not text.strip():
        raise argparse.ArgumentTypeError("the name is empty: write the author's name, e.g. \"Cuba\"")
    if len(text) > LONGEST_NAME:
        raise argparse.ArgumentTypeError(f"the name is {len(text)} characters long: write at most {LONGEST_NAME}")
    return text.strip()


def _year_in_range(year: int, text: str) -> None:
    if year < FIRST_YEAR:
        raise argparse.ArgumentTypeError(f"{text!r} is in the year {year}: write a year from {FIRST_YEAR} on")


def revision_date(text: str) -> datetime.datetime:
    """An ISO 8601 date, or date and time (UTC when no zone is given), as Word's w:date needs."""
    try:
        when = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO 8601 date: write it as 2026-01-31 or 2026-01-31T10:00:00Z") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    try:
        when = when.astimezone(datetime.UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before the first moment there is
        raise argparse.ArgumentTypeError(f"{text!r} is out of range: write a year from {FIRST_YEAR} on") from None
    _year_in_range(when.year, text)
    return when


def symbol_date(text: str) -> datetime.date:
    """An ISO 8601 calendar date (the date under a draft's symbol)."""
    try:
        when = datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 date: write it as 2026-01-31") from None
    _year_in_range(when.year, text)
    return when


def whole_number(what: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, written in figures."""

    def parse(text: str) -> int:
        try:
            number = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}: write it in figures, "
                                             f"from {low} to {high}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is not {what}: write a number from {low} to {high}")
        return number

    return parse


def _same_file(one: Path, other: str) -> bool:
    try:
        return one.resolve() == Path(other).resolve() or (one.exists() and os.path.samefile(one, other))
    except OSError:
        return False


def _probe(folder: Path) -> str | None:
    """Why a new file cannot be made in `folder`, or None (a file is made and removed again)."""
    try:
        with tempfile.NamedTemporaryFile(prefix=".drafter-", suffix=".probe", dir=folder):
            return None
    except OSError as error:
        return error.strerror or str(error)


def check_output(option: str, path: str, suffixes: Iterable[str], *, what: str,
                 reads: Iterable[str | None] = ()) -> Path:
    """The file `option` names, once it is sure it can be written: ends in one of `suffixes` (what the
    command writes, `what`), is not a folder nor any of the files in `reads`, and its folder takes a file."""
    suffixes = tuple(suffixes)
    if not path.strip():
        raise BadOption(f"{option}: the file name is empty: give the file to write")
    target = Path(path)
    where = f"{option} {path}"
    if path.endswith((os.sep, "/")) or target.is_dir():
        raise BadOption(f"{where}: is a folder: give the name of the file to write in it")
    if target.suffix.lower() not in suffixes:
        named = " or ".join([", ".join(suffixes[:-1]), suffixes[-1]] if len(suffixes) > 1 else suffixes)
        raise BadOption(f"{where}: {what} is written as {named}: end the name with {suffixes[0]}")
    for source in reads:
        if source and _same_file(target, source):
            raise BadOption(f"{where}: is a file this command reads: give another name, so that it is not "
                            "overwritten")
    folder = target.parent
    if not folder.is_dir():
        raise BadOption(f"{where}: the folder {folder} does not exist")
    problem = _probe(folder)
    if problem is not None:
        raise BadOption(f"{where}: cannot write in the folder {folder} ({problem})")
    return target


__all__ = ["BadOption", "check_output", "line_of_text", "person", "revision_date", "symbol_date", "whole_number"]
