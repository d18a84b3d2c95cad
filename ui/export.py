"""The export dialog, and the export work itself (pure functions run off the GUI thread)."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from drafter.compare import compare
from drafter.compare.render import to_html
from drafter.draftfile import atomic_write
from drafter.edits import Document
from drafter.exporters.html_table import to_html_table
from ui.warnings_bar import warnings_of
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


def _without_extension(path: str) -> Path:
    """The path without an export's or a draft's extension (a symbol's dots, as in "L.__", stay)."""
    known = {ext for _title, ext, _docx in FORMATS.values()} | {".drafter"}
    target = Path(path)
    return target.with_suffix("") if target.suffix.lower() in known else target


def default_stem(draft_path: str | None, doc: Document, fallback_folder: str = "") -> str:
    """Where an export goes by default: beside the draft file, else beside the file the base came from,
    else in `fallback_folder` (the last folder used) or the home folder; never the working directory."""
    name = (doc.draft.front.symbol or "draft").replace("/", "-")
    if draft_path:
        return str(_without_extension(draft_path))
    source = doc.meta.base_source
    if source and Path(source).parent.is_dir():
        return str(Path(source).resolve().parent / name)
    return str(Path(fallback_folder or Path.home()) / name)


def export(doc: Document, key: str, path: str, author: str = "", track_front: bool = False,
           warnings: Sequence[Mapping[str, str]] = ()) -> str:
    """Write `doc` as `key` to `path` (runs in a worker on copies; returns the path); an HTML page lists the
    readers' `warnings` (`{"file", "message"}`)."""
    base, draft = doc.base, doc.draft
    if key in ("redline-html", "table-html"):
        changes = compare(base, draft)
        title = f"{draft.front.symbol or 'Draft'} compared with the base"
        write = to_html_table if key == "table-html" else to_html
        page = write(changes, title=title, warnings=warnings)
        atomic_write(path, page.encode("utf-8"))
        return path
    if key == "akn":
        from drafter.exporters.akn import to_akn

        atomic_write(path, to_akn(draft))
        return path
    writer = docx_exporter()
    if writer is None:
        raise RuntimeError("the Word exporter is not installed in this version of Drafter")
    extra: dict[str, object] = {"author": author} if author else {}
    if key == "tracked":
        writer(draft, path, base=base, track_changes=True, track_front_matter=track_front, **extra)
    elif key == "clean":
        writer(draft, path, base=None, track_changes=False)
    elif key == "redline":
        writer(draft, path, base=base, redline=True, track_front_matter=track_front)
    elif key == "table":
        writer(draft, path, base=base, table=True)
    else:
        raise RuntimeError(f"Drafter cannot write a {key} export")
    return path


class ExportDialog(QDialog):
    """Choose a format and a file; `export_requested(key, path, author, track_front)` when the user confirms.

    The author and the front-matter choice show only for the exports they change (tracked; the redline for
    the front matter). Export asks before replacing an existing file."""

    export_requested = Signal(str, str, str, bool)

    def __init__(self, suggested: str, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.suggested = suggested
        self.kind = QComboBox()
        for key, (title, _ext, _docx) in FORMATS.items():
            self.kind.addItem(self.tr(title), key)
            if not available(key):
                model = self.kind.model()
                assert isinstance(model, QStandardItemModel)  # a combo box's own model
                item = model.item(self.kind.count() - 1)
                item.setEnabled(False)
                item.setToolTip(self.tr("Needs the Word exporter (drafter.exporters.docx)"))
        self.kind.setCurrentIndex(next((i for i in range(self.kind.count()) if available(self.kind.itemData(i))), 0))
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("C&hoose…"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.author = QLineEdit(author)
        self.author.setPlaceholderText(self.tr("Name shown on tracked changes"))
        self.track_front = QCheckBox(self.tr("Track changes to the front &matter (masthead, symbol, sponsors)"))
        self.track_front.setToolTip(self.tr("Off: the front matter is the draft's own, as a delegation submits it; "
                                            "the title's wording is tracked either way."))
        self.note = QLabel(self.tr("Tracked changes are made against the base the draft was started from."))
        self.note.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.addRow(self._label(self.tr("&Format"), self.kind), self.kind)
        self.form.addRow(self._label(self.tr("F&ile"), self.path), row)
        self.form.addRow(self._label(self.tr("&Author"), self.author), self.author)
        self.form.addRow(self.track_front)
        self.form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Export"))
        self.form.addRow(buttons)
        for widget, name in ((self.kind, "Format"), (self.path, "File"), (self.browse, "Choose the file"),
                             (self.author, "Author of the tracked changes"),
                             (self.track_front, "Track changes to the front matter"), (ok, "Export")):
            widget.setAccessibleName(self.tr(name))
        self.setTabOrder(self.kind, self.path)
        self.setTabOrder(self.path, self.browse)
        self.setTabOrder(self.browse, self.author)
        self.setTabOrder(self.author, self.track_front)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._browse)
        self.kind.currentIndexChanged.connect(self._suggest)
        self._suggest()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def key(self) -> str:
        return str(self.kind.currentData())

    def _suggest(self) -> None:
        key = self.key()
        ext = FORMATS[key][1]
        self.path.setText(str(_without_extension(self.path.text() or self.suggested)) + ext)
        self.form.setRowVisible(self.author, key == "tracked")
        self.form.setRowVisible(self.track_front, key in ("tracked", "redline"))
        self.form.setRowVisible(self.note, key == "tracked")

    def _browse(self) -> None:
        ext = FORMATS[self.key()][1]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), f"*{ext}")
        if path:
            self.path.setText(path)

    def _accept(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        if Path(path).exists():
            answer = QMessageBox.question(
                self, self.tr("Replace the file?"),
                self.tr("{name} already exists. Replace it?").format(name=Path(path).name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.path.setFocus()
                return
        author = self.author.text().strip() if self.key() == "tracked" else ""
        track_front = self.track_front.isChecked() and self.key() in ("tracked", "redline")
        self.export_requested.emit(self.key(), path, author, track_front)
        self.accept()


def run_export(parent: QWidget, doc: Document, key: str, path: str, author: str,
               done: Callable[[str], None], failed: Callable[[str], None], track_front: bool = False) -> Job:
    """Export a snapshot of `doc` in the thread pool with a progress dialog; the window stays live."""
    snapshot = copy.deepcopy(doc)
    progress = QProgressDialog(parent.tr("Exporting…"), "", 0, 0, parent)
    # no cancel button: Qt takes None for that, which the PySide6 stubs do not allow
    progress.setCancelButton(None)  # type: ignore[arg-type, unused-ignore]
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    # the readers' warnings as the bar above the editor lists them, for an HTML page
    warnings = [{"file": found.source, "message": found.text} for found in warnings_of(doc, parent.tr("the draft"))]
    job = Job(lambda: export(snapshot, key, path, author, track_front, warnings))

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
