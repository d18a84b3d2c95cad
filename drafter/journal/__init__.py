"""The journal: every edit of an open draft on disk within a second, so that a crash loses nothing.

Beside each open draft the app keeps an append-only journal (`store`: where, under which name, and the
lock that says the draft is open). It starts with the draft as it was opened or last saved, then holds
every edit, undo and redo as it is made (`journal.Journal`), each a record with its own checksum
(`records`); edits are written generically, by class and attributes (`codec`). A thread of its own
writes the records and syncs them to disk (`writer`). After a crash the next start replays the journal
(`replay`) and offers the draft as it stood, with its undo history; a clean save starts the journal
again from the saved file, a clean close removes it.
"""

from __future__ import annotations

from drafter.journal.codec import CodecError, decode_edit, edit_classes, encode_edit
from drafter.journal.journal import Journal, Tracker
from drafter.journal.replay import Replayed, Start, Unreadable, replay
from drafter.journal.store import Holder, Locked, crashed, default_folder, draft_key, other_holder, session_key

__all__ = ["CodecError", "Holder", "Journal", "Locked", "Replayed", "Start", "Tracker", "Unreadable", "crashed",
           "decode_edit", "default_folder", "draft_key", "edit_classes", "encode_edit", "other_holder", "replay",
           "session_key"]
