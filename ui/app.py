"""Entry point of the app: logging, excepthook, QApplication, settings, first-start and recovery offers."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

import drafter
from drafter import draftfile, inputs
from drafter.atomic import write_atomically
from drafter.edits import Document
from drafter.errors import DrafterError
from drafter.resources import sample_path
from ui.journal_ui import offer_recovery, spoken_time
from ui.main_window import MainWindow
from ui.review.compare_window import CompareWindow
from ui.settings import Settings

log = logging.getLogger(__name__)
VIEWS = ("redline", "side-by-side", "editor", "compare")
__all__ = ["main", "offer_recovery", "spoken_time"]


def no_display(environ: Mapping[str, str] | None = None) -> str:
    """Why the app cannot open a window here, or "" when it can. Without a display Qt aborts with a
    message about xcb libraries that misleads: say instead what is missing and what works."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return ""
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if platform and platform not in ("xcb", "wayland", "wayland-egl"):
        return ""  # offscreen, minimal, vnc, eglfs, linuxfb: Qt needs no desktop for these
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return ("neither DISPLAY nor WAYLAND_DISPLAY is set, so the app has no screen to open on; run it on a "
            "desktop, or use the commands that need none (drafter inspect, check, compare, export, followup)")


def log_file() -> Path:
    import platformdirs

    folder = Path(platformdirs.user_log_dir("drafter"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "drafter.log"


def setup_logging() -> Path | None:
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return None
    try:
        path = log_file()
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def show_error(parent: QWidget | None, details: str, safe: bool = False) -> None:
    """The error dialog of an unexpected exception (tests replace this function); `safe`: the journal
    holds every change so far."""
    kept = ("\nEvery change so far is in Drafter's journal: should Drafter stop now, the next start offers "
            "your draft back.") if safe else ""
    box = QMessageBox(QMessageBox.Icon.Critical, "Drafter",
                      "Something went wrong. Your draft is still open; save it under a new name to be safe."
                      f"{kept}\nDetails are in the log: {log_file()}", parent=parent)
    box.setDetailedText(details)
    box.exec()


def sync_journal(parent: QWidget | None) -> bool:
    """After an unexpected error: whatever the journal has not yet synced goes to disk now, so that a crash
    that follows still leaves the draft for the next start to offer."""
    controller = getattr(parent, "controller", None)
    if controller is None or controller.journal is None:
        return False
    return bool(controller.sync_journal(2.0))


def install_excepthook(parent: QWidget | None = None, show: bool = True) -> None:
    """Unexpected errors (also in Qt slots): logged with their traceback, the journal synced, and shown to
    the user, who can keep working."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", text)
        try:
            safe = sync_journal(parent)
        except Exception:  # the hook itself must never raise
            log.exception("could not sync the journal")
            safe = False
        if show and QApplication.instance() is not None:
            show_error(parent, text, safe)

    sys.excepthook = hook


def initial_document(path: str | None, base: str | None) -> tuple[Document, str | None]:
    """The document to open at start: a draft file, or a resolution (with an optional other base)."""
    target = path or str(sample_path())
    if inputs.is_draft_file(target) and base is None:
        return draftfile.read(target), target
    if base is not None:  # a .drafter file given as either stands for its draft
        doc = Document.from_base(inputs.read(base).text, base)
        doc.draft = inputs.read(target).text
        doc.meta.extra["draft_source"] = target  # the warnings bar names the file of the draft's warnings
        return doc, None
    return Document.from_base(drafter.load(target), target), None


def main(path: str | None = None, screenshot: str | None = None, base: str | None = None,
         view: str | None = None, settings: Settings | None = None) -> int:
    """Run the app on `path` (a draft file or any resolution); with `screenshot`, render offscreen and exit."""
    if QApplication.instance() is None:
        if screenshot and no_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
        problem = no_display()
        if problem:
            print(f"drafter: no display: {problem}", file=sys.stderr)
            return 2
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Drafter")
    app.setOrganizationName("Drafter")
    if settings is None:
        settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini") if screenshot else Settings()
    if view and view != "compare":
        settings.view = view
    window = MainWindow(settings)
    window.controller.journaling = not screenshot  # a screenshot changes nothing: no journal
    install_excepthook(window, show=not screenshot)
    if view == "compare":
        return _compare(app, path, base, screenshot)
    recovered = False if screenshot else offer_recovery(
        window, Path(settings.recovery_dir) if settings.recovery_dir else None)
    if not recovered:
        if path is None and not screenshot and settings.first_start:
            settings.first_start = False
            ask_delegation(window, settings)
            answer = QMessageBox.question(window, window.tr("Welcome to Drafter"),
                                          window.tr("Open the sample resolution A/RES/72/169 to try Drafter?"))
            if answer != QMessageBox.StandardButton.Yes:
                window.show()
                return app.exec()
        try:
            doc, saved = initial_document(path, base)
            window.controller.set_document(doc, saved)
        except DrafterError as exc:
            if screenshot:
                print(f"drafter: {exc}", file=sys.stderr)
                return 2
            QMessageBox.warning(window, "Drafter", str(exc))
    window.show()
    if screenshot:
        return _grab(app, window, screenshot)
    return app.exec()


def ask_delegation(window: MainWindow, settings: Settings) -> None:
    """At the first start: the user's delegation, the author of their tracked changes, comments and proposals."""
    if settings.author:
        return
    name, ok = QInputDialog.getText(window, window.tr("Welcome to Drafter"),
                                    window.tr("Your delegation (or your name): it is written as the author of "
                                              "your tracked changes, comments and proposals. You can change it "
                                              "later in Edit › Author of changes…"))
    if ok and name.strip():
        settings.author = " ".join(name.split())
        window.author_field.refresh()


def _grab(app: QApplication, window: QWidget, screenshot: str) -> int:
    for _ in range(5):
        app.processEvents()
    QTimer.singleShot(50, app.quit)
    app.exec()
    image = window.grab()
    window.close()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        print(f"drafter: {screenshot}: the window could not be rendered as PNG", file=sys.stderr)
        return 2
    try:
        write_atomically(screenshot, bytes(data.data()))  # a file there before stays whole if this fails or is killed
    except OSError as exc:
        print(f"drafter: {screenshot}: cannot write the screenshot ({exc.strerror or exc})", file=sys.stderr)
        return 2
    return 0


def _compare(app: QApplication, path: str | None, base: str | None, screenshot: str | None) -> int:
    if not path or not base:
        print("drafter: --view compare needs FILE and --base BASE", file=sys.stderr)
        return 2
    try:
        old, new = inputs.read(base).text, inputs.read(path).text
    except DrafterError as exc:
        print(f"drafter: {exc}", file=sys.stderr)
        return 2
    window = CompareWindow(old, new, Path(base).name, Path(path).name)
    window.resize(1400, 900)
    window.fitted = bool(screenshot)  # a screenshot is drawn offscreen at its own size, not fitted to a screen
    window.show()
    if screenshot:
        return _grab(app, window, screenshot)
    return app.exec()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `drafter gui` (shared with `python -m ui`)."""
    parser.add_argument("file", nargs="?", help="a draft file (.drafter) or a resolution to start a draft from")
    parser.add_argument("--base", metavar="BASE", help="compare FILE against this resolution instead of itself")
    parser.add_argument("--view", choices=VIEWS, help="the view to show")
    parser.add_argument("--screenshot", metavar="PNG", help="render the window offscreen to a PNG and exit")


def run(args: argparse.Namespace) -> int:
    return main(args.file, screenshot=args.screenshot, base=args.base, view=args.view)
