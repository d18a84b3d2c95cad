"""The journal (drafter.journal) on real UN texts: every kind of edit written and read back exactly, sessions
of random edits, undos, redos and saves replayed to the same draft and undo history, torn and damaged
files, locks, a full disk, a read-only folder; and the commands that change files, killed mid-write."""

from __future__ import annotations

import copy
import importlib
import json
import os
import pkgutil
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import drafter
from drafter import draftfile, edits, load, negotiation_edits, serialize, versions
from drafter.comment_anchors import new_comment
from drafter.comments import new_reply
from drafter.edits import Compound, Document, Edit, SetContent, SetField
from drafter.edits.comments import AddComment, DeleteComment, SetComment
from drafter.edits.proposals import AddProposals, Received, drop, number
from drafter.journal import Journal, Locked, Replayed, Unreadable, codec, records, replay, store
from drafter.model import Footnote, Paragraph, Text
from drafter.negotiate.received import read_files, receive
from drafter.negotiate.taking import take
from drafter.tracking import resolve
from drafter.tracking.live import LiveComparison
from tests.core.test_brackets import negotiation_step
from tests.corpus import CORPUS

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ("A-RES-80-11.txt", "A-RES-80-12.txt", "A-RES-72-169-clean.txt")


def fresh(name: str = TEXTS[0]) -> Document:
    return Document.from_base(load(str(CORPUS / name)), name)


def state(doc: Document) -> Any:
    return draftfile.to_dict(doc) | {"saved": ""}


# --- every edit class, written and read back ----------------------------------------------------------------
def _typing(doc: Document) -> Edit | None:
    para = doc.draft.operatives()[0]
    return edits.set_content(doc, para.id, [*para.content, Text(" and more")])


def _field(doc: Document) -> Edit | None:
    return SetField(("front", "title"), "A new title", label="Typing")  # as the editor makes it


def _sub(doc: Document) -> str:
    return next(p for p in doc.draft.operatives() if p.children).children[0].id


def _accept(doc: Document) -> Edit | None:
    edit = _typing(doc)
    assert edit is not None
    edit.apply(doc)
    live = LiveComparison(doc)
    live.full()
    change = next(c for c in live.changes.changes if c.new_ids)
    return resolve(doc, live.changes, change, "draft")


def _paste(doc: Document) -> Edit | None:
    return edits.paste_text(doc, doc.draft.operatives()[1].id, 4, "Pasted words.\n\nA pasted paragraph.").edit


def _alternative(doc: Document) -> Edit | None:
    return negotiation_edits.add_alternative(doc, doc.draft.operatives()[2].id)


def _commented(doc: Document) -> str:
    """A comment of the EU on the first operative paragraph, and the delegation's reply, already in the draft."""
    comment = new_comment(doc.draft, doc.draft.operatives()[0].id, 0, 12, "Too strong?", "European Union")
    AddComment(comment).apply(doc)
    AddComment(new_reply(comment, "We can live with it.", "Group of 77")).apply(doc)
    return comment.id


def _proposals() -> Document:
    """A draft with versions ("Zero draft" among them), as saved by the app."""
    return draftfile.read(ROOT / "tests" / "data" / "draftfiles" / "format-2.drafter")


def _received(doc: Document) -> list[Received]:
    from tests.core.test_proposals import FILES

    sent = versions.pick(doc.versions, "Zero draft", doc.base, doc.draft)
    received = receive(read_files(sent, FILES[:2]).proposals, sent, "Zero draft")
    number(received, doc.proposals)
    return received


def _imported(doc: Document) -> Received:
    received = _received(doc)
    AddProposals(received).apply(doc)
    return received[0]


# how each action gets its draft, where it is not the first text of TEXTS
STARTS: dict[str, Callable[[], Document]] = {"import proposals": _proposals, "drop a proposal": _proposals,
                                             "take a proposal": _proposals}

REAL_EDITS: dict[str, Callable[[Document], Edit | None]] = {
    "typing": _typing,
    "typing in a field": _field,
    "split": lambda doc: edits.split(doc, doc.draft.operatives()[0].id, 10),
    "join": lambda doc: edits.join(doc, doc.draft.operatives()[1].id),
    "indent": lambda doc: edits.indent(doc, doc.draft.operatives()[2].id),
    "outdent": lambda doc: edits.outdent(doc, _sub(doc)),
    "move": lambda doc: edits.move(doc, doc.draft.operatives()[3].id, 1),
    "toggle": lambda doc: edits.toggle_kind(doc, doc.draft.operatives()[0].id),
    "footnote": lambda doc: edits.insert_footnote(doc, doc.draft.operatives()[0].id, 5, [Text("A/80/1.")]),
    "remove footnote": lambda doc: edits.remove_footnote(doc, doc.draft.footnotes[0].id),
    "delete across": lambda doc: edits.delete_range(doc, doc.draft.operatives()[0].id, 5,
                                                    doc.draft.operatives()[2].id, 5),
    "delete paragraph": lambda doc: Compound([edits.DeleteBlock(doc.draft.operatives()[4].id)], "Delete"),
    "paste": _paste,
    "bracket": lambda doc: negotiation_edits.bracket(doc, doc.draft.operatives()[1].id, 3, 20, "EU"),
    "status": lambda doc: negotiation_edits.set_status(doc, doc.draft.operatives()[1].id, "agreed"),
    "alternative": _alternative,
    "number as": lambda doc: negotiation_edits.number_as(doc, "base"),
    "accept": _accept,
    "comment": lambda doc: AddComment(new_comment(doc.draft, doc.draft.operatives()[1].id, 4, 20, "Why?", "EU")),
    "reply": lambda doc: AddComment(new_reply(doc.draft.comments[0], "Because.", "EU")) if _commented(doc) else None,
    "resolve comment": lambda doc: SetComment(_commented(doc), done=True),
    "edit comment": lambda doc: SetComment(_commented(doc), text="Far too strong?"),
    "delete comment": lambda doc: DeleteComment(_commented(doc)),
    "import proposals": lambda doc: AddProposals(_received(doc), "Import proposals from 2 files"),
    "drop a proposal": lambda doc: drop(_imported(doc)),
    "take a proposal": lambda doc: take(doc, _imported(doc)),
}


def all_edit_classes() -> dict[str, type[Edit]]:
    """Every subclass of Edit in drafter, its modules imported first."""
    for module in pkgutil.walk_packages(drafter.__path__, "drafter."):
        importlib.import_module(module.name)
    return codec.edit_classes()


def classes_in(edit: Edit) -> set[str]:
    out = {codec.class_key(type(edit))}
    for step in getattr(edit, "edits", []):
        out |= classes_in(step)
    return out


def round_trip(doc: Document, edit: Edit) -> None:
    """The edit applied, journaled, read back: its copy does the same on a copy of the document, and
    reverts the same."""
    before = copy.deepcopy(doc)
    edit.apply(doc)
    data = json.loads(json.dumps(codec.encode_edit(edit)))  # as the journal writes it and reads it
    again = codec.decode_edit(data)
    assert type(again) is type(edit)
    other = copy.deepcopy(before)
    again.apply(other)
    assert state(other) == state(doc)
    assert codec.encode_edit(again) == data
    again.revert(other)
    edit.revert(doc)
    assert state(other) == state(doc) == state(before)


def test_every_edit_class_is_journaled_and_read_back_exactly() -> None:
    """Each real action's edit written as the journal writes it and read back; every subclass of Edit must
    be made by one of them: a class added later is added to REAL_EDITS, or this test fails."""
    made: set[str] = set()
    for name, build in REAL_EDITS.items():
        doc = STARTS.get(name, fresh)()
        edit = build(doc)
        assert edit is not None, name
        round_trip(doc, edit)
        made |= classes_in(edit)
    missing = sorted(set(all_edit_classes()) - made)
    assert not missing, f"no real action here makes an edit of {missing}: add one to REAL_EDITS"


def test_values_of_every_kind_come_back_as_they_were() -> None:
    values = [None, True, 3, 2.5, "«texte» 中文", (1, "a"), [1, (2, 3)], {"k": [1], 2: (None,)}, frozenset({1, 2}),
              (Text("a", True), edits.primitives.NoteRef("n1")), Text("x"), Footnote((Text("note"),), id="n9"),
              edits.Where("operative", None, 3), fresh().draft.operatives()[0], fresh().draft]
    for value in values:
        back = codec.decode(json.loads(json.dumps(codec.encode(value))))
        if hasattr(value, "preamble"):
            assert serialize.to_dict(back) == serialize.to_dict(value)
        else:
            assert back == value and type(back) is type(value)


def test_a_value_it_cannot_write_names_the_edit_and_the_field() -> None:
    edit = SetField(("front", "title"), "x")
    edit.after = object()
    with pytest.raises(codec.CodecError, match=r"SetField\.after: a value of type object"):
        codec.encode_edit(edit)
    with pytest.raises(codec.CodecError, match="not one of Drafter's"):
        codec.decode_edit({"edit": "os:system", "fields": {}})


# --- sessions replayed ------------------------------------------------------------------------------------
class Stack:
    """The undo stack as the app's (QUndoStack) works: a push drops the steps undone, typing in one block
    merges into the step before it (not at the saved state), undo and redo move the index by one."""

    def __init__(self, doc: Document, journal: Journal) -> None:
        self.doc, self.journal = doc, journal
        self.commands: list[Edit] = []
        self.index = 0
        self.clean = 0
        self.made = 0  # edits pushed, undos and redos

    def push(self, edit: Edit) -> None:
        self.made += 1
        edit.apply(self.doc)
        before = self.index
        del self.commands[self.index:]
        if self.clean > self.index:
            self.clean = -1
        top = self.commands[-1] if self.commands else None
        typing = isinstance(edit, SetContent) and edit.label == "Typing"
        merged = (typing and isinstance(top, SetContent) and top.label == "Typing" and before != self.clean
                  and top.merge(edit))
        if not merged:
            self.commands.append(edit)
            self.index += 1
        self.journal.pushed(self.doc, edit, before, merged)

    def undo(self) -> None:
        if self.index:
            self.made += 1
            self.index -= 1
            self.commands[self.index].revert(self.doc)
            self.journal.undone(self.doc, self.index)

    def redo(self) -> None:
        if self.index < len(self.commands):
            self.made += 1
            self.commands[self.index].apply(self.doc)
            self.journal.redone(self.doc, self.index)
            self.index += 1


def session(folder: Path, name: str, seed: int, steps: int, save_to: Path | None = None) -> tuple[Stack, Journal]:
    return session_on(fresh(name), folder, seed, steps, save_to)


def session_on(doc: Document, folder: Path, seed: int, steps: int,
               save_to: Path | None = None) -> tuple[Stack, Journal]:
    """Random edits (the edit tests' actions and the negotiation's), typing runs, undos, redos and saves."""
    chance = random.Random(seed)
    journal = Journal(folder, lambda message: None, lambda: None, f"s{seed}")
    journal.start(doc, None)
    stack = Stack(doc, journal)
    actions = {"type": 4, "split": 3, "join": 2, "indent": 1, "outdent": 1, "up": 1, "down": 1, "toggle": 1,
               "footnote": 1, "delete": 1, "range": 1, "drop": 1, "bracket": 2, "unbracket": 1, "status": 1,
               "alternative": 1, "field": 1}
    while stack.made < steps:
        roll = chance.random()
        blocks = edits.reading_order(doc.draft)
        if roll < 0.15:
            stack.undo()
        elif roll < 0.22:
            stack.redo()
        elif roll < 0.5 and blocks:  # a run of typing in one paragraph
            key = chance.choice(blocks).id
            for letter in "word "[:chance.randint(1, 5)]:
                unit = edits.find(doc.draft, key)
                assert unit is not None
                stack.push(edits.set_content(doc, key, [*unit.content, Text(letter)]))
        elif roll < 0.52 and save_to is not None:
            saved = draftfile.save(doc, save_to)
            stack.clean = stack.index
            journal.start(doc, str(save_to), stack.index, saved)
        else:
            action = chance.choices(list(actions), weights=list(actions.values()))[0]
            edit = negotiation_step(doc, action, chance.random(), chance.random(), chance.random())
            if edit is not None:
                stack.push(edit)
    assert journal.sync()
    return stack, journal


def check_replay(stack: Stack, replayed: Replayed) -> None:
    """The replayed draft is the session's, and so is its undo history: undo and redo walk the same states."""
    assert state(replayed.doc) == state(stack.doc)
    assert replayed.index <= stack.index
    assert len(replayed.commands) - replayed.index <= len(stack.commands) - stack.index
    for _ in range(replayed.index):  # back to the journal's start, side by side
        replayed.index -= 1
        replayed.commands[replayed.index].revert(replayed.doc)
        stack.undo()
        assert state(replayed.doc) == state(stack.doc)
    for command in replayed.commands:  # and forward through every step it holds, redone
        command.apply(replayed.doc)
        stack.redo()
        assert state(replayed.doc) == state(stack.doc)


@pytest.mark.parametrize("seed", range(6))
def test_random_sessions_replay_to_the_same_draft_and_undo_history(tmp_path: Path, seed: int) -> None:
    save_to = tmp_path / "saved.drafter" if seed % 2 else None
    stack, journal = session(tmp_path / "journal", TEXTS[seed % 3], seed, 120, save_to)
    assert journal.path is not None
    replayed = replay(journal.path.read_bytes())
    assert not replayed.problem and not replayed.torn
    assert replayed.start.path == (str(save_to) if save_to and save_to.exists() else None)
    check_replay(stack, replayed)
    journal.close()
    assert list((tmp_path / "journal").iterdir()) == []


def test_typing_taken_into_a_step_older_than_the_journal_and_undone_replays_exactly(tmp_path: Path) -> None:
    """Saved, then undone past the save (the journal starts again), then typing that the undo history takes
    into a step made before the journal: the journal holds that step only in part, writes the typing as a
    step of its own, and starts again when that step is undone."""
    doc = fresh(TEXTS[2])
    journal = Journal(tmp_path, lambda message: None, lambda: None, "partial")
    journal.start(doc, None)
    stack = Stack(doc, journal)
    first, second = doc.draft.operatives()[0].id, doc.draft.operatives()[1].id

    def type_in(key: str, text: str) -> None:
        for letter in text:
            unit = edits.find(doc.draft, key)
            assert unit is not None
            stack.push(edits.set_content(doc, key, [*unit.content, Text(letter)]))

    def replayed() -> Replayed:
        assert journal.sync() and journal.path is not None
        found = replay(journal.path.read_bytes())
        assert not found.problem and state(found.doc) == state(doc)
        return found

    type_in(first, "ab")
    type_in(second, "cd")
    saved = draftfile.save(doc, tmp_path / "d.drafter")
    stack.clean = stack.index
    journal.start(doc, str(tmp_path / "d.drafter"), stack.index, saved)
    stack.undo()  # past the save
    assert replayed().commands == []
    type_in(first, "ef")  # taken into the step that typed "ab", older than the journal
    assert len(stack.commands) == 1 and journal.tracker.partial == 0
    found = replayed()
    assert len(found.commands) == 1 and found.index == 1
    stack.undo()  # the whole step goes, "ab" with it: the journal starts again
    assert not edits.find(doc.draft, first).text.endswith("ab")
    assert replayed().commands == []
    stack.redo()
    assert replayed().commands == [] and edits.find(doc.draft, first).text.endswith("abef")
    journal.close()


# --- torn and damaged journals ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[Any]]:
    """A journal of a session, and the draft as it stood after each of its steps."""
    folder = tmp_path_factory.mktemp("journal")
    doc = fresh(TEXTS[1])
    journal = Journal(folder, lambda message: None, lambda: None, "torn")
    journal.start(doc, None)
    stack = Stack(doc, journal)
    states = [state(doc)]
    chance = random.Random(7)
    while len(states) < 12:
        edit = negotiation_step(doc, chance.choice(["type", "split", "join", "footnote", "bracket", "status"]),
                                chance.random(), chance.random(), chance.random())
        if edit is not None:
            stack.push(edit)
            states.append(state(doc))
    assert journal.sync()
    assert journal.path is not None
    data = journal.path.read_bytes()
    journal.close()
    return data, states


def record_starts(data: bytes) -> list[int]:
    offsets, offset = [], len(records.MAGIC)
    while offset < len(data):
        offsets.append(offset)
        offset += records.HEADER.size + records.HEADER.unpack_from(data, offset)[0]
    return offsets


def test_a_torn_last_record_is_left_out_at_every_byte(written: tuple[bytes, list[Any]]) -> None:
    data, states = written
    last = record_starts(data)[-1]
    for end in range(last + 1, len(data)):
        replayed = replay(data[:end])
        assert replayed.torn and not replayed.problem, end
        assert replayed.steps == len(states) - 2 and state(replayed.doc) == states[-2], end
        assert replayed.end == last
    zeros = replay(data[:last] + b"\0" * 300)  # the unwritten end of a file, filled with zeros
    assert zeros.torn and state(zeros.doc) == states[-2]
    assert state(replay(data[:last]).doc) == states[-2] and not replay(data[:last]).torn


def test_a_flipped_byte_stops_the_replay_there_and_says_so(written: tuple[bytes, list[Any]]) -> None:
    data, states = written
    starts = record_starts(data)
    for which in (len(starts) - 1, len(starts) // 2):  # the last record, and one in the middle
        begin, end = starts[which], ([*starts, len(data)])[which + 1]
        for offset in range(begin, end):
            damaged = bytearray(data)
            damaged[offset] ^= 0x20
            replayed = replay(bytes(damaged))
            assert f"change {which} of the journal is damaged" in replayed.problem, offset
            assert f"the {which - 1} changes before it are recovered" in replayed.problem
            assert state(replayed.doc) == states[which - 1]
    for offset in (0, len(records.MAGIC) + 3, starts[1] - 5):  # the format line, the start record
        damaged = bytearray(data)
        damaged[offset] ^= 0x01
        with pytest.raises(Unreadable):
            replay(bytes(damaged))


def test_a_step_that_cannot_be_replayed_stops_there_with_the_draft_before_it(
        written: tuple[bytes, list[Any]]) -> None:
    data, states = written
    starts = record_starts(data)
    cut = starts[5]
    bad = json.dumps({"kind": "undo", "t": 1.0}).encode()  # fine
    worse = json.dumps({"kind": "edit", "t": 1.0, "merge": False,
                        "edit": {"edit": "drafter.edits.primitives:DeleteBlock",
                                 "fields": {"block_id": "no such block", "where": None, "block": None}}}).encode()
    replayed = replay(data[:cut] + records.frame(bad) + records.frame(worse) + data[cut:])
    assert "change 6 of the journal could not be replayed" in replayed.problem
    assert state(replayed.doc) == states[3] and replayed.steps == 5


# --- the writer -----------------------------------------------------------------------------------------
def test_the_writer_syncs_after_a_pause_and_at_least_once_a_second_while_records_come(tmp_path: Path) -> None:
    journal = Journal(tmp_path, lambda message: None, lambda: None, "timing")
    doc = fresh(TEXTS[2])
    journal.start(doc, None)
    assert journal.sync()
    syncs = journal.writer.syncs
    stack = Stack(doc, journal)
    para = doc.draft.operatives()[0]
    end = time.monotonic() + 2.6
    while time.monotonic() < end:  # typing without a pause of 300 ms
        unit = edits.find(doc.draft, para.id)
        assert unit is not None
        stack.push(edits.set_content(doc, para.id, [*unit.content, Text("x")]))
        time.sleep(0.05)
    assert journal.writer.syncs - syncs >= 2
    settled = journal.writer.syncs
    time.sleep(0.8)  # a pause
    assert journal.writer.syncs == settled + 1
    journal.close()


# --- locks ---------------------------------------------------------------------------------------------------
def test_a_lock_held_by_a_live_process_keeps_others_out_and_goes_stale_with_it(tmp_path: Path) -> None:
    path = str(tmp_path / "draft.drafter")
    key = store.draft_key(path)
    script = ("import sys, time; from pathlib import Path; from drafter.journal import store\n"
              f"store.acquire(Path({str(tmp_path)!r}), {key!r}, {path!r}); print('held', flush=True); "
              "time.sleep(60)\n")
    other = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        holder = store.other_holder(tmp_path, key)
        assert holder is not None and holder.pid == other.pid
        with pytest.raises(Locked, match=f"process {other.pid} on this computer"):
            store.acquire(tmp_path, key, path)
        store.journal_path(tmp_path, key).write_bytes(records.MAGIC)
        assert store.crashed(tmp_path) == []  # its process runs: not a crash
    finally:
        other.send_signal(signal.SIGKILL)
        other.wait()
    assert store.other_holder(tmp_path, key) is None
    assert store.crashed(tmp_path) == [store.journal_path(tmp_path, key)]
    store.acquire(tmp_path, key, path)  # stale: taken over
    found = store.holder(tmp_path, key)
    assert found is not None and found.is_me()
    store.remove(tmp_path, key)
    assert list(tmp_path.iterdir()) == []


# --- a full disk, a read-only folder ----------------------------------------------------------------------
FULL_DISK = """
import json, os, resource, signal, sys, time
from pathlib import Path
from drafter import draftfile, edits, load
from drafter.edits import Document
from drafter.journal import Journal, replay
from drafter.model import Text

folder, how = Path(sys.argv[1]), sys.argv[2]
messages = []
doc = Document.from_base(load(sys.argv[3]), "text")
journal = Journal(folder, messages.append, lambda: messages.append("cleared"), "full")
journal.start(doc, None)
assert journal.sync()
filler = folder / "filler"
if how == "tmpfs":
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\\0" * 4096)
    except OSError:
        os.close(descriptor)
else:  # no room left for the journal to grow: a file-size limit
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    size = journal.path.stat().st_size
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 600, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
para = doc.draft.operatives()[0].id
initial = draftfile.to_dict(doc)["draft"]
states = []
for word in ["Alpha ", "beta ", "gamma ", "delta ", "epsilon ", "zeta ", "eta ", "theta "] * 3:
    unit = edits.find(doc.draft, para)
    edit = edits.set_content(doc, para, [Text(word), *unit.content])
    edit.apply(doc)
    journal.pushed(doc, edit, len(states), False)
    states.append(draftfile.to_dict(doc)["draft"])
time.sleep(0.5)
on_disk = replay(journal.path.read_bytes())
full = {"messages": list(messages), "steps": on_disk.steps, "problem": on_disk.problem,
        "same": draftfile.to_dict(on_disk.doc)["draft"] == ([initial] + states)[on_disk.steps]}
if how == "tmpfs":
    filler.unlink()
else:
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
time.sleep(1.5)  # the writer tries again
assert journal.sync()
final = replay(journal.path.read_bytes())
print(json.dumps({"full": full, "messages": messages, "steps": final.steps, "written": len(states),
                  "same": draftfile.to_dict(final.doc)["draft"] == states[-1]}))
"""


def can_mount() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "--mount", "--map-root-user", "true"], capture_output=True).returncode == 0


@pytest.mark.parametrize("how", ["tmpfs", "file-size limit"])
def test_a_full_disk_says_so_once_keeps_what_is_on_disk_and_writes_the_rest_when_there_is_room(
        tmp_path: Path, how: str) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    text = str(CORPUS / TEXTS[2])
    if how == "tmpfs":
        if not can_mount():
            pytest.skip("no mount namespace here: the file-size limit case fills the disk instead")
        command = ["unshare", "--mount", "--map-root-user", "sh", "-c",
                   f'mount -t tmpfs -o size=256k tmpfs "{folder}" && exec "{sys.executable}" -c "$0" "$@"',
                   FULL_DISK, str(folder), "tmpfs", text]
    else:
        command = [sys.executable, "-c", FULL_DISK, str(folder), "limit", text]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    full = found["full"]
    assert len(full["messages"]) == 1 and "is full" in full["messages"][0]
    assert full["steps"] < found["written"] and not full["problem"] and full["same"]  # what is on disk is sound
    assert found["messages"][1:] == ["cleared"]
    assert found["steps"] == found["written"] and found["same"]  # nothing lost once there was room


def test_a_read_only_folder_says_so_and_the_edits_go_on(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    messages: list[str] = []
    if os.geteuid() == 0:  # root writes anywhere: a folder that is read-only for root is a read-only mount
        if not can_mount():
            pytest.skip("root, and no mount namespace to make a read-only folder")
        script = ("import sys\nfrom pathlib import Path\nfrom drafter import load\nfrom drafter.edits import Document\n"
                  "from drafter.journal import Journal\nmessages = []\n"
                  "j = Journal(Path(sys.argv[1]) / 'journal', messages.append, lambda: None, 'ro')\n"
                  "j.start(Document.from_base(load(sys.argv[2]), 'x'), None)\nprint(j.sync(1.5))\n"
                  "print(messages[0] if messages else '')\nj.close()\n")
        command = ["unshare", "--mount", "--map-root-user", "sh", "-c",
                   f'mount -t tmpfs -o ro tmpfs "{folder}" && exec "{sys.executable}" -c "$0" "$@"',
                   script, str(folder), str(CORPUS / TEXTS[2])]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)))
        assert done.returncode == 0, done.stderr
        synced, message = done.stdout.splitlines()[:2]
        messages.append(message)
    else:
        folder.chmod(0o555)
        journal = Journal(folder / "journal", messages.append, lambda: None, "ro")
        journal.start(fresh(TEXTS[2]), None)
        synced = str(journal.sync(1.5))
        journal.close()
    assert synced == "False"
    assert len(messages) == 1 and "cannot write its journal" in messages[0] and "Save often" in messages[0]


# --- commands that change files, killed in the middle ----------------------------------------------------
def kill_during(argv: list[str], target: Path, at: str) -> None:
    """Run `drafter ARGV` and kill it (SIGKILL) at the moment named: "replace" (the new file complete, not
    yet in place) or "write" (the new file half written)."""
    die = ("import os, signal, tempfile\n"
           "def die(*args, **kwargs):\n    os.kill(os.getpid(), signal.SIGKILL)\n")
    if at == "replace":
        die += "os.replace = die\n"
    else:  # the temporary file beside the target (drafter.atomic) is cut off half way through its bytes
        die += ("real_mkstemp, real_fdopen, beside = tempfile.mkstemp, os.fdopen, set()\n"
                "def mkstemp(*args, **kwargs):\n"
                "    descriptor, name = real_mkstemp(*args, **kwargs)\n"
                "    if name.endswith('.part'):\n        beside.add(descriptor)\n"
                "    return descriptor, name\n"
                "def fdopen(descriptor, *args, **kwargs):\n"
                "    handle = real_fdopen(descriptor, *args, **kwargs)\n"
                "    if descriptor in beside:\n"
                "        write = handle.write\n"
                "        def cut(data):\n            write(data[:len(data) // 2]); handle.flush(); die()\n"
                "        handle.write = cut\n"
                "    return handle\n"
                "tempfile.mkstemp, os.fdopen = mkstemp, fdopen\n")
    script = die + f"from drafter.cli import main\nmain({argv!r})\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=300)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    parts = list(target.parent.glob(f".{target.name}.*.part"))
    assert len(parts) == 1, "killed while the new file was written beside the old one"
    parts[0].unlink()


@pytest.mark.parametrize("at", ["replace", "write"])
def test_a_kill_during_version_add_or_compile_leaves_the_files_as_they_were(tmp_path: Path, at: str) -> None:
    from tests.core.test_proposals import DATA

    draft = tmp_path / "draft.drafter"
    doc = fresh(TEXTS[2])
    draftfile.save(doc, draft)
    before = draft.read_bytes()
    kill_during(["version", "add", str(draft), "Rev.1"], draft, at)
    assert draft.read_bytes() == before
    out = tmp_path / "compiled.docx"
    out.write_bytes(b"the previous compilation")
    kill_during(["compile", str(DATA / "sent.docx"), str(DATA / "eu.docx"), f"{DATA / 'usa.docx'}=United States",
                 "-o", str(out)], out, at)
    assert out.read_bytes() == b"the previous compilation"


def test_paragraphs_made_by_the_model_round_trip_through_blocks() -> None:
    para = Paragraph((Text("Decides ", True), Text("to act;")), [Paragraph((Text("first"),))], status="agreed")
    assert serialize.block_from_data(serialize.block_to_data(para)) == para
