"""Typed errors of the core. The CLI and the app turn them into words for the user."""

from __future__ import annotations


class DrafterError(Exception):
    """Base of every error the core raises on purpose."""


class ImportFailed(DrafterError):
    """A file could not be read as a resolution.

    `path` names the file and `reason` says in one sentence what is wrong and,
    where it helps, what to do.
    """

    def __init__(self, path: str, reason: str) -> None:
        reason = " ".join(reason.split())  # one line, whatever a library's message held
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ExportFailed(DrafterError):
    """A file could not be written (read-only folder, full disk, a folder in the way).

    `path` names the target and `reason` says in one sentence what went wrong and what to do.
    The previous file at `path`, if any, is left untouched.
    """

    def __init__(self, path: str, reason: str) -> None:
        reason = " ".join(reason.split())  # one line, whatever a library's message held
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DraftFileError(DrafterError):
    """A draft file could not be read or written.

    `path` names the file and `reason` says in one sentence what is wrong and what to do.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NewerFormat(DraftFileError):
    """The draft file was written by a newer Drafter, in a format version this one does not know."""

    def __init__(self, path: str, version: int, known: int) -> None:
        super().__init__(path, f"this file was saved by a newer version of Drafter (draft format {version}; "
                               f"this version reads up to {known}). Update Drafter to open it.")
        self.version = version
        self.known = known


class SaveFailed(DraftFileError):
    """Saving failed (read-only folder, full disk, …); the previous file, if any, is untouched."""
