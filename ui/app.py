"""Entry point of the app: logging, QApplication, the main window on a file or the bundled sample."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from drafter import DrafterError, load
from drafter.resources import sample_path
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def main(path: str | None = None, screenshot: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Drafter")
    app.setOrganizationName("Drafter")
    window = MainWindow()
    target = path or str(sample_path())
    try:
        window.show_resolution(load(target), Path(target).name)
    except DrafterError as exc:
        QMessageBox.warning(window, "Drafter", str(exc))
    window.resize(1200, 800)
    window.show()
    if screenshot:
        app.processEvents()
        window.grab().save(screenshot)
        return 0
    return app.exec()
