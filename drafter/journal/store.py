"""Where journals live, what they are called, and the lock that says a draft is open.

Journals are kept in the user state folder (`platformdirs.user_state_path("drafter") / "journal"`),
one per open draft: `<name>-<hash of the draft's absolute path>.journal` for a draft saved in a file,
`unsaved-<session>.journal` for a draft never saved. Beside each is a lock file (`.lock`) that holds the
process id, the computer's name, and (on Linux) the boot and the process's start time: the journal of a
draft whose lock is gone or stale (its process ended) belongs to a session that did not close cleanly,
and the next start offers it. A lock whose process still runs means the draft is open elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

EXTENSION = ".journal"
LOCK = ".lock"


def default_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_path("drafter")) / "journal"


def draft_key(path: str) -> str:
    """The name of the journal of the draft saved at `path` (without extension)."""
    absolute = os.path.abspath(path)
    stem = re.sub(r"[^\w.-]+", "_", Path(absolute).stem)[:40] or "draft"
    return f"{stem}-{hashlib.sha256(absolute.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


def session_key(session: str) -> str:
    return f"unsaved-{session}"


def journal_path(folder: Path, key: str) -> Path:
    return folder / f"{key}{EXTENSION}"


def lock_path(folder: Path, key: str) -> Path:
    return folder / f"{key}{LOCK}"


# --- who holds a lock -----------------------------------------------------------------------------------
def _boot() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _started(pid: int) -> str:
    """The start time of a process (Linux: clock ticks since boot), or "" where it cannot be known."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[-1].split()[19]


@dataclass(frozen=True)
class Holder:
    """The process that holds a lock."""

    pid: int
    host: str
    boot: str = ""
    started: str = ""
    path: str = ""

    @classmethod
    def me(cls, path: str = "") -> Holder:
        return cls(os.getpid(), socket.gethostname(), _boot(), _started(os.getpid()), path)

    def to_json(self) -> bytes:
        return json.dumps({"pid": self.pid, "host": self.host, "boot": self.boot, "started": self.started,
                           "path": self.path}).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Holder | None:
        try:
            data = json.loads(raw.decode("utf-8"))
            return cls(int(data["pid"]), str(data["host"]), str(data.get("boot", "")),
                       str(data.get("started", "")), str(data.get("path", "")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None

    def is_me(self) -> bool:
        return self.pid == os.getpid() and self.host == socket.gethostname()

    def alive(self) -> bool:
        """Whether the process still runs (a lock held on another computer counts as alive)."""
        if self.host != socket.gethostname():
            return True
        if self.boot and self.boot != _boot():
            return False  # the computer restarted since
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            pass  # another user's process: it exists
        return not self.started or self.started == _started(self.pid)  # not a new process with the same id

    def describe(self) -> str:
        where = "this computer" if self.host == socket.gethostname() else f"the computer {self.host}"
        return f"Drafter (process {self.pid} on {where})"


def holder(folder: Path, key: str) -> Holder | None:
    """Who holds the lock of `key`, if a live process does (a stale lock counts as none)."""
    try:
        found = Holder.from_json(lock_path(folder, key).read_bytes())
    except OSError:
        return None
    return found if found is not None and found.alive() else None


def other_holder(folder: Path, key: str) -> Holder | None:
    """A live process other than this one that holds the lock of `key`."""
    found = holder(folder, key)
    return None if found is None or found.is_me() else found


class Locked(Exception):
    def __init__(self, holder: Holder) -> None:
        super().__init__(holder.describe())
        self.holder = holder


def acquire(folder: Path, key: str, path: str = "") -> Path:
    """Take the lock of `key` for this process; raises Locked if a live process holds it, OSError if the
    folder cannot be written. A stale lock is taken over."""
    folder.mkdir(parents=True, exist_ok=True)
    target = lock_path(folder, key)
    mine = Holder.me(path)
    for _attempt in range(3):
        try:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            try:
                found = Holder.from_json(target.read_bytes())
            except FileNotFoundError:
                continue
            if found is not None and found.alive() and not found.is_me():
                raise Locked(found) from None
            with contextlib.suppress(FileNotFoundError):
                target.unlink()  # stale, unreadable, or this process's own
            continue
        try:
            os.write(descriptor, mine.to_json())
        finally:
            os.close(descriptor)
        return target
    raise OSError(errno.EAGAIN, f"the lock {target} keeps changing")


def release(folder: Path, key: str) -> None:
    """Give up the lock of `key`, if this process holds it or it is stale."""
    target = lock_path(folder, key)
    try:
        found = Holder.from_json(target.read_bytes())
    except OSError:
        return
    if found is None or found.is_me() or not found.alive():
        with contextlib.suppress(OSError):
            target.unlink()


def crashed(folder: Path) -> list[Path]:
    """The journals of sessions that did not close cleanly (no live process holds their lock), newest first."""
    try:
        found = [path for path in folder.glob(f"*{EXTENSION}") if path.is_file()]
    except OSError:
        return []
    orphans = [path for path in found if holder(folder, path.name[:-len(EXTENSION)]) is None]

    def modified(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    return sorted(orphans, key=modified, reverse=True)


def remove(folder: Path, key: str) -> None:
    """The journal of `key` and its lock, gone."""
    with contextlib.suppress(FileNotFoundError):
        journal_path(folder, key).unlink()
    release(folder, key)
