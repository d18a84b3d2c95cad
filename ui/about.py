"""Help › About Drafter: the version, and the licences of what the app bundles."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

import drafter

# (component, licence) for everything the packaged app ships
BUNDLED: tuple[tuple[str, str], ...] = (
    ("Qt / PySide6", "LGPL-3.0"),
    ("shiboken6", "LGPL-3.0"),
    ("python-docx", "MIT"),
    ("lxml", "BSD-3-Clause"),
    ("pypdfium2 / PDFium", "Apache-2.0 / BSD-3-Clause"),
    ("fast-diff-match-patch (diff-match-patch in C++)", "Apache-2.0"),
    ("charset-normalizer", "MIT"),
    ("platformdirs", "MIT"),
    ("num2words", "LGPL-2.1"),
)
SAMPLE_SOURCE = ("The sample resolution A/RES/72/169 is a United Nations document, reproduced with attribution. "
                 "Copyright, United Nations.")


def about_html(version: str = drafter.__version__) -> str:
    rows = "".join(f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;{html.escape(licence)}</td></tr>"
                   for name, licence in BUNDLED)
    return (f"<h3>Drafter {html.escape(version)}</h3>"
            "<p>Draft, compare and export United Nations resolutions.</p>"
            f"<p><b>Bundled software and licences</b></p><table>{rows}</table>"
            f"<p>{html.escape(SAMPLE_SOURCE)}</p>")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About Drafter"))
        self.label = QLabel(about_html())
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About box window-modally, without blocking (the caller returns at once)."""
    dialog = AboutDialog(parent)
    dialog.open()
    return dialog
