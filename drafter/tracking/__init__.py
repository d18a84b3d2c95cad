"""What the editor tracks of a draft against its base, above both the comparer and the edits.

`live` keeps the change list of an open draft current edit by edit; `accept_reject` accepts or rejects a
change (an edit of the base or of the draft). Both use `drafter.compare` and `drafter.edits`, which
know nothing of each other.
"""

from __future__ import annotations

from drafter.tracking.accept_reject import accept, reject, resolve

__all__ = ["accept", "reject", "resolve"]
