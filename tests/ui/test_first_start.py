"""The first start asks for the user's delegation: the author of their tracked changes, comments and proposals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from ui.app import main
from ui.main_window import MainWindow
from ui.settings import Settings


def test_the_first_start_asks_for_the_delegation_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(tmp_path / "settings.ini")
    settings.recovery_dir = str(tmp_path / "recovery")
    assert settings.first_start and not settings.author
    seen: list[str] = []
    shown: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.labelText())
        field = dialog.findChild(QLineEdit)
        QTest.keyClicks(field, "Ruritania")
        QTest.keyClick(field, Qt.Key.Key_Return)
        QTimer.singleShot(200, quit_app)

    def quit_app() -> None:  # records what it sees: an assert here would stop in the app's error dialog
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.settings is settings:  # not another test's window
                shown.append(widget.author_field.text())
                widget.controller.stack.setClean()
                widget.close()
        QApplication.quit()

    QTimer.singleShot(50, answer)
    QTimer.singleShot(20_000, quit_app)  # should the dialog never come, the test fails instead of hanging
    assert main(None, settings=settings) == 0
    assert seen and "Your delegation" in seen[0]
    assert shown[:1] == ["Author: Ruritania"]
    again = Settings(tmp_path / "settings.ini")
    assert again.author == "Ruritania" and not again.first_start
