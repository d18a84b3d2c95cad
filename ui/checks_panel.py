"""Editorial checks in the app: the findings of `drafter.rules.check` listed in a dock, refreshed after edits.

`Checker` runs the enabled rules on the open draft (debounced) and turns a quick fix into a
core edit; `ChecksPanel` lists the findings and emits intents; `underline` marks each finding's
span in the editor with a wavy underline; `rules_menu` switches rules on and off in the settings.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafter import edits
from drafter.edits import Document, Edit
from drafter.rules import RULES, Finding, check
from drafter.rules.base import replace_span
from ui.controller import DocumentController
from ui.editor import layout as editor_layout
from ui.editor.editor import StructuredEditor
from ui.settings import Settings

log = logging.getLogger(__name__)
DEBOUNCE_MS = 500


def fix_edit(doc: Document, finding: Finding) -> Edit | None:
    """The quick fix of `finding` as a core edit of the draft; None when there is none or the text moved on."""
    fix = finding.fix
    unit = edits.find(doc.draft, finding.target)
    if fix is None or unit is None or fix.end > len(unit.text):
        return None
    after = replace_span(list(unit.content), fix.start, fix.end, fix.replacement)
    if after == unit.content:
        return None
    return edits.SetContent(finding.target, list(unit.content), after, label=fix.title)


def finding_text(finding: Finding) -> str:
    """A finding as its row reads: the paragraph's label once (most messages name it already)."""
    named = re.search(rf"(?<![\w(]){re.escape(finding.label)}(?![\w(])", finding.message)
    return finding.message if named else f"{finding.label}: {finding.message}"


def same(a: Finding, b: Finding) -> bool:
    return (a.rule, a.target, a.start, a.end, a.message) == (b.rule, b.target, b.start, b.end, b.message)


class Checker(QObject):
    """Runs the enabled rules on the controller's draft, at most once per `DEBOUNCE_MS` while typing."""

    found = Signal(object)  # list[Finding]

    def __init__(self, controller: DocumentController, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.findings: list[Finding] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        controller.changed.connect(lambda _scope: self.timer.start())
        controller.replaced.connect(self.run)

    def disabled(self) -> set[str]:
        return self.settings.disabled_rules & set(RULES)

    def run(self) -> list[Finding]:
        self.timer.stop()
        doc = self.controller.doc
        self.findings = check(doc.draft, self.disabled(), base=doc.base) if doc is not None else []
        self.found.emit(self.findings)
        return self.findings

    def set_enabled(self, rule_id: str, enabled: bool) -> None:
        off = self.settings.disabled_rules
        off = off - {rule_id} if enabled else off | {rule_id}
        self.settings.disabled_rules = off
        self.run()

    def fix(self, finding: Finding) -> bool:
        """Make the quick fix of `finding` (checked against the current text) through the undo stack."""
        doc = self.controller.doc
        if doc is None:
            return False
        current = next((f for f in self.run() if same(f, finding)), None)
        return current is not None and self.controller.push(fix_edit(doc, current))


class ChecksPanel(QWidget):
    """The findings, one a row; double-click (or Enter) jumps, "Fix" asks for the quick fix."""

    jump_requested = Signal(str, int, int)  # paragraph id, span start, span end
    fix_requested = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.list = QListWidget()
        self.list.setObjectName("findings")
        self.list.setAccessibleName(self.tr("Findings of the editorial checks"))
        self.list.setWordWrap(True)  # a message reads whole, on as many lines as it takes
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)  # where one finding ends and the next begins
        self.summary = QLabel("")
        self.fix_button = QPushButton(self.tr("Fix"))
        self.fix_button.setAccessibleName(self.tr("Fix the selected finding"))
        self.fix_button.setToolTip(self.tr("Make the quick fix of the selected finding (Ctrl+Shift+X)"))
        self.fix_button.setEnabled(False)
        self.setAccessibleName(self.tr("Editorial checks"))
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.currentRowChanged.connect(self._current_changed)
        self.fix_button.clicked.connect(self._fix)

    def keyboard_order(self) -> None:
        """From a finding, Tab reaches Fix (called once the panel is in its window)."""
        QWidget.setTabOrder(self.list, self.fix_button)

    def set_findings(self, findings: list[Finding]) -> None:
        row = self.list.currentRow()
        self.findings = list(findings)
        self.list.clear()
        for finding in self.findings:
            item = QListWidgetItem(finding_text(finding))
            rule = RULES.get(finding.rule)
            title = rule.title if rule else ""
            item.setToolTip(f"{finding.rule}: {title}\n{finding.source}"
                            + (f"\n{self.tr('Quick fix')}: {finding.fix.title}" if finding.fix else ""))
            self.list.addItem(item)
        if self.findings:
            self.list.setCurrentRow(min(max(row, 0), len(self.findings) - 1))
        count = len(self.findings)
        self.summary.setText(self.tr("No findings") if not count else self.tr("1 finding") if count == 1
                             else self.tr("{n} findings").format(n=count))
        self._current_changed(self.list.currentRow())

    def current(self) -> Finding | None:
        row = self.list.currentRow()
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def _current_changed(self, row: int) -> None:
        finding = self.findings[row] if 0 <= row < len(self.findings) else None
        self.fix_button.setEnabled(finding is not None and finding.fix is not None)
        title = finding.fix.title if finding is not None and finding.fix else ""
        self.fix_button.setToolTip(self.tr("{fix} (Ctrl+Shift+X)").format(fix=title) if title else "")

    def _jump(self, item: QListWidgetItem) -> None:
        finding = self.findings[self.list.row(item)]
        self.jump_requested.emit(finding.target, finding.start, finding.end)

    def fix_current(self) -> None:
        """Ask for the quick fix of the selected finding (the Fix button, Ctrl+Shift+X)."""
        self._fix()

    def _fix(self) -> None:
        finding = self.current()
        if finding is not None and finding.fix is not None:
            self.fix_requested.emit(finding)


def rules_menu(parent: QWidget, checker: Checker) -> QMenu:
    """A checkable entry for each rule (checked = enabled), kept in the settings."""
    menu = QMenu(parent.tr("&Rules"), parent)
    off = checker.settings.disabled_rules
    for rule in RULES.values():
        action = QAction(f"{rule.title} ({rule.id})", menu)
        action.setCheckable(True)
        action.setChecked(rule.id not in off)
        action.setToolTip(rule.source)
        action.setData(rule.id)
        action.toggled.connect(lambda on, rule_id=rule.id: checker.set_enabled(rule_id, on))
        menu.addAction(action)
    return menu


def _block_position(block_text: str, offset: int) -> int:
    """The position in an editor block of plain-text `offset` (footnote markers take a character there)."""
    seen = 0
    for position, char in enumerate(block_text):
        if seen == offset:
            return position
        if char != editor_layout.OBJECT_CHAR:
            seen += 1
    return len(block_text)


def underline(editor: StructuredEditor, findings: list[Finding]) -> None:
    """A red wavy underline under each finding's span (a caret-wide mark where the span is empty)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(Qt.GlobalColor.red))
    fmt.setProperty(QTextCharFormat.Property.FullWidthSelection, False)
    marks: list[QTextEdit.ExtraSelection] = []
    for finding in findings:
        block = editor.block_of(finding.target)
        if not block.isValid():
            continue
        text = block.text()
        start = _block_position(text, finding.start)
        end = _block_position(text, finding.end)
        if end <= start:  # an empty span (a missing comma): mark the character before it
            start, end = max(0, start - 1), max(end, min(len(text), start + 1))
        if end <= start:
            continue
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + start)
        cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        mark.format = fmt
        marks.append(mark)
    editor.setExtraSelections(marks)
