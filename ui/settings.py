"""One typed settings object over QSettings; tests point it at a temporary file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
VIEWS = ("redline", "side-by-side", "editor")


class Settings:
    """Every setting of the app, typed. Nothing else in the app touches QSettings."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self._qs = QSettings("Drafter", "Drafter")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    # --- helpers -------------------------------------------------------------------------
    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._qs.value(key, default)))
        except (TypeError, ValueError):
            return default

    def sync(self) -> None:
        self._qs.sync()

    # --- the settings -------------------------------------------------------------------------
    @property
    def author(self) -> str:
        """The name written as the author of tracked changes."""
        return self._str("export/author", "")

    @author.setter
    def author(self, value: str) -> None:
        self._qs.setValue("export/author", value)

    @property
    def recent_files(self) -> list[str]:
        value = self._qs.value("files/recent", [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def add_recent(self, path: str) -> None:
        files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        self._qs.setValue("files/recent", files)

    @property
    def first_start(self) -> bool:
        return self._bool("app/first_start", True)

    @first_start.setter
    def first_start(self, value: bool) -> None:
        self._qs.setValue("app/first_start", value)

    @property
    def view(self) -> str:
        value = self._str("view/mode", "redline")
        return value if value in VIEWS else "redline"

    @view.setter
    def view(self, value: str) -> None:
        self._qs.setValue("view/mode", value)

    @property
    def hide_renumbering(self) -> bool:
        return self._bool("view/hide_renumbering", True)

    @hide_renumbering.setter
    def hide_renumbering(self, value: bool) -> None:
        self._qs.setValue("view/hide_renumbering", value)

    @property
    def hide_technical(self) -> bool:
        return self._bool("view/hide_technical", False)

    @hide_technical.setter
    def hide_technical(self, value: bool) -> None:
        self._qs.setValue("view/hide_technical", value)

    @property
    def recovery_dir(self) -> str:
        """Where the journals of open drafts go (drafter.journal); empty means the user state folder."""
        return self._str("files/recovery_dir", "")

    @recovery_dir.setter
    def recovery_dir(self, value: str) -> None:
        self._qs.setValue("files/recovery_dir", value)

    @property
    def library_folder(self) -> str:
        """The library of adopted texts chosen in the app; empty means $DRAFTER_LIBRARY or the user data folder."""
        return self._str("library/folder", "")

    @library_folder.setter
    def library_folder(self, value: str) -> None:
        self._qs.setValue("library/folder", value)

    @property
    def last_folder(self) -> str:
        return self._str("files/last_folder", "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._qs.setValue("files/last_folder", value)

    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
        self._qs.setValue("window/splitter", splitter)

    def splitter(self) -> QByteArray | None:
        value = self._qs.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    @property
    def disabled_rules(self) -> set[str]:
        """The editorial checks (rule ids of `drafter.rules.RULES`) the user switched off."""
        value = self._qs.value("checks/disabled", [])
        if isinstance(value, str):
            return {value} if value else set()
        return {str(v) for v in value} if isinstance(value, list | tuple) else set()

    @disabled_rules.setter
    def disabled_rules(self, value: set[str]) -> None:
        self._qs.setValue("checks/disabled", sorted(value))
