"""The Drafter desktop app: a thin PySide6 layer over the `drafter` core."""
