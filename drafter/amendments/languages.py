"""The languages amendments are worded in, by code: each a table of words (`Forms`) for the one builder."""

from __future__ import annotations

from drafter.amendments import english, french, spanish
from drafter.amendments.wording import Forms, Wording
from drafter.errors import DrafterError

WORDINGS: dict[str, Forms] = {"en": english.FORMS, "fr": french.FORMS, "es": spanish.FORMS}


def wording_for(language: str) -> Wording:
    """The wording of a language code ("en", "fr", "es"; "fr-CH" or "es_MX" is its language)."""
    code = (language or "en").lower().replace("_", "-").split("-")[0]
    if code not in WORDINGS:
        raise DrafterError(f"amendments are worded in English, French or Spanish (en, fr, es), not {language!r}")
    return Wording(WORDINGS[code])
