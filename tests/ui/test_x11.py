"""The app as a user runs it: `drafter FILE` in a real X server (Xvfb), keys typed through it with xdotool.

The app writes what its window shows to a state dump (`DRAFTER_STATE_DUMP`) each time its views settle;
after each sequence the redline read back from the window must give the document as it is (accepted)
and the base (rejected), paragraph by paragraph. The sequences are those that once left the redline
stale: a new paragraph typed after a pause, a word typed over and undone after a pause.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter import draftfile, load
from drafter.edits import Document
from drafter.followup import followup
from tests.corpus import CORPUS

ROOT = Path(__file__).resolve().parents[2]
Dump = dict[str, Any]


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A virtual X server of its own."""
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is needed (apt-get install xvfb xdotool)"
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(10)


class App:
    """`drafter FILE` on the display, its state dump, and keys sent to its window."""

    def __init__(self, display: str, file: Path, folder: Path) -> None:
        self.dump_path = folder / "state.json"
        self.env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
        self.env.update(DISPLAY=display, DRAFTER_STATE_DUMP=str(self.dump_path), PYTHONPATH=str(ROOT),
                        XDG_CONFIG_HOME=str(folder / "config"), XDG_STATE_HOME=str(folder / "state"),
                        XDG_DATA_HOME=str(folder / "data"), XDG_CACHE_HOME=str(folder / "cache"))
        self.process = subprocess.Popen([sys.executable, "-m", "drafter.cli", str(file)], env=self.env, cwd=folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.dump(lambda state: state["revision"] >= 1)
        self.window = self.focus(f"{file.name} — Drafter")

    def focus(self, title: str) -> str:
        """Give the keyboard to the window of that title, once it is mapped (there is no window manager:
        the window may be found a moment before the server lets it take the focus)."""
        for _ in range(50):
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=self.env,
                                   capture_output=True, text=True, timeout=30).stdout.split()
            if found and subprocess.run(["xdotool", "windowfocus", "--sync", found[0]], env=self.env,
                                        capture_output=True, timeout=30).returncode == 0:
                return found[0]
            time.sleep(0.2)
        raise AssertionError(f"no window {title!r} took the focus")

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def keys(self, *names: str, repeat: int = 1) -> None:
        self.xdotool("key", "--delay", "15", "--repeat", str(repeat), *names)

    def type(self, text: str, delay_ms: int = 15) -> None:
        self.xdotool("type", "--delay", str(delay_ms), text)

    def dump(self, until: Callable[[Dump], bool], timeout: float = 30.0) -> Dump:
        """The state dump once it says `until`, and no newer dump came for a moment."""
        end = time.monotonic() + timeout
        seen: Dump | None = None
        while time.monotonic() < end:
            assert self.process.poll() is None, self.process.stderr.read().decode() if self.process.stderr else ""
            try:
                state = json.loads(self.dump_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                state = None
            if state is not None and until(state):
                if seen == state:
                    return state
                seen = state
            else:
                seen = None
            time.sleep(0.07)
        raise AssertionError(f"the state dump never said so: {seen}")

    def go_to(self, label: str) -> Dump:
        """The cursor to the start of paragraph `label`, by the arrow keys."""
        self.keys("ctrl+Home")
        state = self.dump(lambda s: s["cursor"]["label"].startswith("field:"))
        for _ in range(400):
            if state["cursor"]["label"] == label:
                self.keys("Home")
                return self.dump(lambda s: s["cursor"] == {"label": label, "offset": 0})
            before = state["cursor"]
            self.keys("Down")
            state = self.dump(lambda s, before=before: s["cursor"] != before)  # type: ignore[misc]
        raise AssertionError(f"{label} not reached")

    def close(self) -> None:
        self.process.kill()
        self.process.wait(10)


def _text(text: str) -> str:
    """Paragraph text as compared: no footnote markers, spacing as words go."""
    text = re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", text)
    return " ".join(re.sub(r"\s+(?=[,.;:])", "", text).split())


def paragraphs(summary: dict[str, Any]) -> dict[str, str]:
    out = {f"PP{n}": p["text"] for n, p in enumerate(summary["preamble"], 1)}
    out.update({f"OP{n}": p["text"] for n, p in enumerate(summary["operative"], 1)})
    return out


def redline_matches(state: Dump, base: dict[str, str]) -> None:
    """Paragraph by paragraph, the redline's accepted text is the draft's, its rejected text the base's."""
    draft = paragraphs(state["document"])
    shown = {block["label"]: block["runs"] for block in state["redline"]}
    for label, text in draft.items():
        runs = shown[label]
        assert _text("".join(t for kind, t in runs if kind != "delete")) == _text(text), label
    for label, text in base.items():
        if label in shown and all(kind != "insert" for kind, _t in shown[label]) and label in draft:
            assert _text("".join(t for kind, t in shown[label] if kind != "insert")) == _text(text), label


@pytest.fixture
def app(display: str, tmp_path: Path) -> Iterator[tuple[App, Document]]:
    doc = Document.from_base(load(str(CORPUS / "A-RES-75-180.txt")), "A-RES-75-180.txt")
    doc.draft = followup(doc.base, session=76).resolution
    path = tmp_path / "draft.drafter"
    draftfile.save(doc, str(path))
    running = App(display, path, tmp_path)
    yield running, doc
    running.close()


def test_a_paragraph_typed_after_a_pause_shows_in_the_redline(app: tuple[App, Document]) -> None:
    running, doc = app
    running.go_to("PP3")
    running.keys("Left")  # the end of PP2
    running.keys("Return")
    time.sleep(1.0)  # a pause: the full comparison runs and is shown
    running.type("Noting with", delay_ms=120)
    time.sleep(0.6)
    running.type(" appreciation the work of the Special Rapporteur,", delay_ms=40)
    words = "Noting with appreciation the work of the Special Rapporteur,"
    state = running.dump(lambda s: paragraphs(s["document"]).get("PP3") == words)
    shown = {block["label"]: block["runs"] for block in state["redline"]}
    assert shown["PP3"] == [["insert", words]]
    base = {f"PP{n}": p.text for n, p in enumerate(doc.base.preambular(), 1)}
    redline_matches(state, {label: text for label, text in base.items() if label in ("PP1", "PP2")})


def test_a_word_typed_over_and_undone_after_a_pause_leaves_the_redline(app: tuple[App, Document]) -> None:
    running, doc = app
    op2 = doc.draft.operatives()[1].text
    running.go_to("OP2")
    running.keys("Right", repeat=op2.index("uphold"))
    running.keys("ctrl+shift+Right")
    running.type("shared ")
    state = running.dump(lambda s: "shared the principles" in paragraphs(s["document"])["OP2"])
    redline_matches(state, {})
    shown = {block["label"]: block["runs"] for block in state["redline"]}
    assert ["insert", "shared "] in shown["OP2"] or any(k == "insert" and "shared" in t for k, t in shown["OP2"])
    time.sleep(1.0)  # a pause: the full comparison runs and is shown
    running.keys("ctrl+z")
    state = running.dump(lambda s: paragraphs(s["document"])["OP2"] == op2)
    assert all(kind == "equal" for kind, _text in {b["label"]: b["runs"] for b in state["redline"]}["OP2"])
    running.keys("Home")  # another word edited: the start of the line
    running.type("Also ")
    state = running.dump(lambda s: "Also " in paragraphs(s["document"])["OP2"])
    base = {f"OP{n}": p.text for n, p in enumerate(doc.base.operatives(), 1)}
    redline_matches(state, {"OP1": base["OP1"]})
    assert [run for run in {b["label"]: b["runs"] for b in state["redline"]}["OP2"] if run[0] != "equal"] == [
        ["insert", "Also "]]
    assert not any(c["new"].count("shared the principles") for c in state["changes"])


def test_a_second_ctrl_f_never_replaces_again(app: tuple[App, Document]) -> None:
    """Find and replace through the keyboard: Alt+A presses Replace all (and so takes the focus); the
    second Ctrl+F must put the focus back in the Find field, so that a space typed there is text, not a
    press of Replace all that would replace once more."""
    running, doc = app
    needle, replacement = "human dignity", "human dignity and rights"
    before = sum(p.text.count(needle) for p in doc.draft.operatives())
    assert before
    running.go_to("OP1")
    running.keys("ctrl+f")
    running.type(needle)
    running.keys("Tab")
    running.type(replacement)
    running.keys("alt+a")
    state = running.dump(lambda s: sum(t.count(replacement) for t in paragraphs(s["document"]).values()) > 0)
    replaced = sum(t.count(replacement) for t in paragraphs(state["document"]).values())
    assert replaced == before
    revision = state["revision"]
    running.keys("ctrl+f")
    running.keys("space")
    time.sleep(1.5)
    after = running.dump(lambda s: True)
    assert after["revision"] == revision, "the second Ctrl+F and a space changed the draft"
    assert paragraphs(after["document"]) == paragraphs(state["document"])
    running.keys("Escape")
    running.keys("ctrl+z")  # Replace all is one step: one undo gives the text back
    undone = running.dump(lambda s: s["revision"] > revision)
    assert sum(t.count(replacement) for t in paragraphs(undone["document"]).values()) == 0
    redline_matches(undone, {f"OP{n}": p.text for n, p in enumerate(doc.base.operatives(), 1)})


def test_the_first_start_asks_for_the_delegation(display: str, tmp_path: Path) -> None:
    """`drafter` started for the first time: the delegation typed at the prompt is the author from then on."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-m", "drafter.cli"], env=env, cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        app = App.__new__(App)  # only its keyboard: this start has no file and no state dump
        app.env, app.process = env, process
        app.focus("Welcome to Drafter")
        app.type("Ruritania")
        app.keys("Return")
        time.sleep(0.5)
        app.focus("Welcome to Drafter")  # the next question: open the sample?
        app.keys("Escape")
        app.focus("Drafter")
        app.keys("ctrl+q")
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    config = (tmp_path / "config" / "Drafter" / "Drafter.conf").read_text(encoding="utf-8")
    assert "author=Ruritania" in config and "first_start=false" in config
