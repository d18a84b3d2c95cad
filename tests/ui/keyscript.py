"""The real app driven from inside by a seeded random key script: what the crash tests kill.

    python -m tests.ui.keyscript --log LOG [--seed N] [--steps N] [--undo-walk] [--quit] FILE

Run it with the XDG folders pointing at a temporary folder and QT_QPA_PLATFORM=offscreen. It starts the
app as `drafter FILE` does (`ui.app.main`). If the app asks whether to recover a draft, the question is
logged and answered with Enter (a real key press: the prompt's default button). Then it sends real key
events to the editor (`QTest.keyClick`), one per turn of the event loop: letters, spaces, Enter,
Backspace, Delete, arrows, Ctrl+Z, Ctrl+Y, now and then Tab or Alt+Down; between two keys it waits a
random 15–90 ms, now and then 350–700 ms (a pause in typing). Each line of LOG (JSON, written at once)
says what happened:

    {"step": 0, "t": …, "index": 0, "count": 0, "digest": "…"}   the document before the first key
    {"pre": n, "key": "…"}                                          key n is about to be pressed
    {"step": n, "t": …, "index": …, "count": …, "digest": "…"}     the document once key n is handled
    {"prompt": "…"}                                                 the recovery question, as shown
    {"undo": k, "index": …, "digest": "…"}                          after the k-th Ctrl+Z of the undo walk
    {"done": true}                                                  the script is over

With --undo-walk, once the document is shown Ctrl+Z is pressed until nothing is left to undo, each
state logged. With --quit the app then closes (cleanly); without, it waits to be killed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any, TextIO

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from drafter import serialize  # noqa: E402
from drafter.edits import Document  # noqa: E402

Mod = Qt.KeyboardModifier
KEYS: list[tuple[str, Qt.Key, Mod, int]] = [  # name, key, modifiers, weight
    ("letter", Qt.Key.Key_A, Mod.NoModifier, 40), ("space", Qt.Key.Key_Space, Mod.NoModifier, 8),
    ("enter", Qt.Key.Key_Return, Mod.NoModifier, 6), ("backspace", Qt.Key.Key_Backspace, Mod.NoModifier, 10),
    ("delete", Qt.Key.Key_Delete, Mod.NoModifier, 3), ("left", Qt.Key.Key_Left, Mod.NoModifier, 5),
    ("right", Qt.Key.Key_Right, Mod.NoModifier, 4), ("up", Qt.Key.Key_Up, Mod.NoModifier, 3),
    ("down", Qt.Key.Key_Down, Mod.NoModifier, 3), ("undo", Qt.Key.Key_Z, Mod.ControlModifier, 9),
    ("redo", Qt.Key.Key_Y, Mod.ControlModifier, 5), ("tab", Qt.Key.Key_Tab, Mod.NoModifier, 1),
    ("alt-down", Qt.Key.Key_Down, Mod.AltModifier, 1),
]


def digest(doc: Document | None) -> str:
    """The document's texts and versions, as one hash."""
    if doc is None:
        return ""
    data = [serialize.to_dict(doc.base), serialize.to_dict(doc.draft), [v.to_dict() for v in doc.versions]]
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class Script:
    def __init__(self, args: argparse.Namespace, log: TextIO) -> None:
        self.args, self.log = args, log
        self.random = random.Random(args.seed)
        self.step = 0
        self.window: Any = None

    def write(self, **record: Any) -> None:
        self.log.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.log.flush()

    def state(self, **record: Any) -> None:
        controller = self.window.controller
        self.write(**record, t=time.time(), index=controller.stack.index(), count=controller.stack.count(),
                   digest=digest(controller.doc))

    # --- before the window: the recovery prompt -------------------------------------------------------------
    def watch(self) -> None:
        """Answer the recovery prompt (shown before the window) with Enter; find the window once it shows."""
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.write(prompt=box.text())
            QTest.keyClick(box, Qt.Key.Key_Return)
        windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
        if windows and windows[0].controller.doc is not None:
            self.window = windows[0]
            QTimer.singleShot(300, self.begin)
            return
        QTimer.singleShot(50, self.watch)

    # --- the keys ---------------------------------------------------------------------------------------------
    def begin(self) -> None:
        editor = self.window.editor
        self.window.activateWindow()
        editor.setFocus()
        doc = self.window.controller.doc
        paragraphs = doc.draft.operatives() + doc.draft.preambular()
        target = paragraphs[self.random.randrange(len(paragraphs))]
        editor.place_cursor(target.id, self.random.randrange(len(target.text) + 1))  # where the user clicks
        self.state(step=0)
        if self.args.undo_walk:
            QTimer.singleShot(0, self.undo_walk)
        else:
            QTimer.singleShot(0, self.press)

    def press(self) -> None:
        if self.step >= self.args.steps:
            self.finish()
            return
        self.step += 1
        name, key, modifiers, _weight = self.random.choices(KEYS, weights=[k[3] for k in KEYS])[0]
        if name == "letter":
            key = Qt.Key(Qt.Key.Key_A + self.random.randrange(26))
        self.write(pre=self.step, key=name)
        QTest.keyClick(self.window.editor, key, modifiers)
        self.state(step=self.step)
        pause = self.random.random() < 0.1
        delay = self.random.randint(350, 700) if pause else self.random.randint(15, 90)
        QTimer.singleShot(delay, self.press)

    def undo_walk(self, count: int = 0) -> None:
        stack = self.window.controller.stack
        if not stack.canUndo():
            self.finish()
            return
        QTest.keyClick(self.window.editor, Qt.Key.Key_Z, Mod.ControlModifier)
        self.write(undo=count + 1, index=stack.index(), digest=digest(self.window.controller.doc))
        QTimer.singleShot(0, lambda: self.undo_walk(count + 1))

    def finish(self) -> None:
        self.write(done=True)
        if self.args.quit:
            self.window.controller.stack.setClean()  # nothing to ask about: the close is clean
            self.window.close()
            QApplication.quit()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--log", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--undo-walk", action="store_true")
    parser.add_argument("--quit", action="store_true")
    args = parser.parse_args()
    import ui.app
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings(Path(os.environ["XDG_CONFIG_HOME"]) / "settings.ini")
    settings.first_start = False
    with open(args.log, "a", encoding="utf-8") as log:
        script = Script(args, log)
        QTimer.singleShot(50, script.watch)
        code = ui.app.main(args.file, settings=settings)
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
