"""The palette of lead words that starts a new paragraph (resources/leadwords.json).

Preambular paragraphs open with participles and adjective phrases, operative ones
with verbs in the present tense; appeals come in a strength order (urges > calls
upon > encourages > invites). The app shows `palette(lang).for_part("operative")`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from drafter.resources import resource_dir


@dataclass(frozen=True)
class Palette:
    language: str
    preambular: tuple[str, ...] = ()
    operative: tuple[str, ...] = ()
    strength: tuple[str, ...] = field(default=())  # strongest appeal first

    def for_part(self, part: str) -> tuple[str, ...]:
        """Lead words for "preamble"/"preambular" or "operative", appeals first in their strength order."""
        if part.startswith("pre"):
            return self.preambular
        rest = tuple(word for word in self.operative if word not in self.strength)
        return self.strength + rest

    def stronger(self, lead: str) -> str | None:
        """The next stronger appeal ("Encourages" → "Calls upon"), or None."""
        order = [w.lower() for w in self.strength]
        index = order.index(lead.lower()) if lead.lower() in order else -1
        return self.strength[index - 1] if index > 0 else None

    def weaker(self, lead: str) -> str | None:
        order = [w.lower() for w in self.strength]
        index = order.index(lead.lower()) if lead.lower() in order else -1
        return self.strength[index + 1] if 0 <= index < len(order) - 1 else None


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    with open(resource_dir() / "leadwords.json", encoding="utf-8") as handle:
        data: dict[str, dict[str, list[str]]] = json.load(handle)
    return data


def palette(lang: str = "en") -> Palette:
    """The lead words of a language; English where the list has none for it."""
    data = _data()
    pick = lang if lang in data["operative"] else "en"
    return Palette(pick, tuple(data["preambular"][pick]), tuple(data["operative"][pick]),
                   tuple(data["strength"][pick]))
