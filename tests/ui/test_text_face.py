"""The editor's text face shapes what needs shaping: Arabic letters join."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout

from ui.editor import layout

ARABIC = "الجمعية العامة"  # "the General Assembly"


def _glyphs(font: QFont) -> list[tuple[int, ...]]:
    text = QTextLayout(ARABIC, font)
    text.beginLayout()
    text.createLine().setLineWidth(10_000)
    text.endLayout()
    return [tuple(run.glyphIndexes()) for run in text.glyphRuns()]


def test_arabic_letters_join_in_the_editor_face(qtbot) -> None:  # type: ignore[no-untyped-def]
    face = layout.serif(12)
    unshaped = QFont(face)
    unshaped.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    assert _glyphs(face) != _glyphs(unshaped)  # joined forms, not the letters one by one
