"""Closing the window with unsaved changes discarded and leaving the app says nothing on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
import ui.app
from PySide6.QtWidgets import QApplication
from drafter import edits
from drafter.model import Text
from ui.app import initial_document
from ui.main_window import MainWindow
from ui.settings import Settings

app = QApplication([])
folder = Path(tempfile.mkdtemp())
settings = Settings(folder / "settings.ini")
settings.recovery_dir = str(folder / "recovery")
window = MainWindow(settings)
doc, saved = initial_document(None, None)
window.controller.set_document(doc, saved)
window.show()
app.processEvents()
window.controller.push(edits.set_content(doc, doc.draft.operative[0].id, [Text("Changed.")]))
app.processEvents()
window._may_discard = lambda: True  # the user answers "Discard"
window.close()
app.processEvents()
print("closed")
"""


def test_leaving_with_changes_discarded_is_quiet() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _SCRIPT.format(root=str(ROOT))], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "closed" in done.stdout
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
