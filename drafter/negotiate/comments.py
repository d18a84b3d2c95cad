"""Word comments of a delegation's file: read by `drafter.importers.word_comments`, which the importers share."""

from __future__ import annotations

from drafter.importers.word_comments import WordComment, read_comments

__all__ = ["WordComment", "read_comments"]
