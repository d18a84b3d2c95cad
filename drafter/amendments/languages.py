"""The languages amendments are worded in, by code."""

from __future__ import annotations

from drafter.amendments.english import English
from drafter.amendments.french import French
from drafter.amendments.spanish import Spanish
from drafter.amendments.wording import Wording
from drafter.errors import DrafterError

WORDINGS: dict[str, type[Wording]] = {"en": English, "fr": French, "es": Spanish}


def wording_for(language: str) -> Wording:
    """The wording of a language code ("en", "fr", "es"; "fr-CH" or "es_MX" is its language)."""
    code = (language or "en").lower().replace("_", "-").split("-")[0]
    if code not in WORDINGS:
        raise DrafterError(f"amendments are worded in English, French or Spanish (en, fr, es), not {language!r}")
    return WORDINGS[code]()
