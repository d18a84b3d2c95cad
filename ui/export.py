"""The export dialog, and the export work itself (pure functions run off the GUI thread)."""

from __future__ import annotations

import copy
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from drafter.compare import compare
from drafter.compare.render import to_html
from drafter.draftfile import atomic_write
from drafter.edits import Document
from ui.worker import Job

# key → (title, extension, needs the Word exporter)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "tracked": ("Word, tracked changes against the base (.docx)", ".docx", True),
    "clean": ("Word, clean text (.docx)", ".docx", True),
    "redline": ("Static redline (.docx)", ".docx", True),
    "redline-html": ("Static redline (.html)", ".html", False),
    "table": ("Comparison table (.docx)", ".docx", True),
    "table-html": ("Comparison table (.html)", ".html", False),
    "akn": ("Akoma Ntoso (.xml)", ".xml", False),
}


def docx_exporter() -> Callable[..., object] | None:
    try:
        module = importlib.import_module("drafter.exporters.docx")
    except ImportError:
        return None
    found = getattr(module, "export_docx", None)
    return found if callable(found) else None


def available(key: str) -> bool:
    return not FORMATS[key][2] or docx_exporter() is not None


def export(doc: Document, key: str, path: str, author: str = "") -> str:
    """Write `doc` as `key` to `path` (runs in a worker on copies; returns the path)."""
    base, draft = doc.base, doc.draft
    if key in ("redline-html", "table-html"):
        html = to_html(compare(base, draft), title=f"{draft.front.symbol or 'Draft'} compared with the base")
        atomic_write(path, html.encode("utf-8"))
        return path
    if key == "akn":
        from drafter.exporters.akn import to_akn

        atomic_write(path, to_akn(draft))
        return path
    writer = docx_exporter()
    if writer is None:
        raise RuntimeError("the Word exporter is not installed in this version of Drafter")
    params = inspect.signature(writer).parameters
    extra: dict[str, object] = {}
    if "author" in params and author:
        extra["author"] = author
    if key == "tracked":
        writer(draft, path, base=base, track_changes=True, **extra)
    elif key == "clean":
        writer(draft, path, base=None, track_changes=False, **extra)
    elif key in params:  # "redline" and "table" are flags of the Word exporter
        writer(draft, path, base=base, **{key: True}, **extra)
    else:
        raise RuntimeError(f"this version of the Word exporter cannot write a {key}")
    return path


class ExportDialog(QDialog):
    """Choose a format and a file; `export_requested(key, path, author)` when the user confirms."""

    export_requested = Signal(str, str, str)

    def __init__(self, suggested: str, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.suggested = suggested
        self.kind = QComboBox()
        for key, (title, _ext, _docx) in FORMATS.items():
            self.kind.addItem(self.tr(title), key)
            if not available(key):
                item = self.kind.model().item(self.kind.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(self.tr("Needs the Word exporter (drafter.exporters.docx)"))
        self.kind.setCurrentIndex(next((i for i in range(self.kind.count()) if available(self.kind.itemData(i))), 0))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.author = QLineEdit(author)
        self.author.setPlaceholderText(self.tr("Name shown on tracked changes"))
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.kind)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Author"), self.author)
        note = QLabel(self.tr("Tracked changes are made against the base the draft was started from."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form.addRow(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        browse.clicked.connect(self._browse)
        self.kind.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def key(self) -> str:
        return str(self.kind.currentData())

    def _suggest(self) -> None:
        ext = FORMATS[self.key()][1]
        stem = Path(self.path.text() or self.suggested).with_suffix("")
        self.path.setText(str(stem) + ext)

    def _browse(self) -> None:
        ext = FORMATS[self.key()][1]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), f"*{ext}")
        if path:
            self.path.setText(path)

    def _accept(self) -> None:
        if self.path.text().strip():
            self.export_requested.emit(self.key(), self.path.text().strip(), self.author.text().strip())
            self.accept()


def run_export(parent: QWidget, doc: Document, key: str, path: str, author: str,
               done: Callable[[str], None], failed: Callable[[str], None]) -> Job:
    """Export a snapshot of `doc` in the thread pool with a progress dialog; the window stays live."""
    snapshot = copy.deepcopy(doc)
    progress = QProgressDialog(parent.tr("Exporting…"), "", 0, 0, parent)
    progress.setCancelButton(None)  # type: ignore[arg-type, unused-ignore]
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    job = Job(lambda: export(snapshot, key, path, author))

    def finish(result: object) -> None:
        progress.close()
        done(str(result))

    def fail(message: str) -> None:
        progress.close()
        failed(message)

    job.signals.finished.connect(finish)
    job.signals.failed.connect(fail)
    job.start()
    return job
