"""The names both sides of Akoma Ntoso share: the AKN 3.0 namespace, Drafter's extension, languages.

`drafter.exporters.akn` writes these and `drafter.importers.akn` reads them; neither takes them
from the other.
"""

from __future__ import annotations

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DRAFTER_NS = "urn:x-drafter:akn-extension:1"  # what AKN cannot say: footnote markers, list styles, …
EXTENSION_VERSION = "1"

# ISO 639-1 (the model) → ISO 639-2 (FRBRlanguage), for the UN's six languages and a few more.
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "zh": "zho", "ru": "rus",
             "de": "deu", "pt": "por"}


def akn(tag: str) -> str:
    """The qualified name of an AKN element."""
    return f"{{{AKN_NS}}}{tag}"


def ext(tag: str) -> str:
    """The qualified name of an element of Drafter's extension."""
    return f"{{{DRAFTER_NS}}}{tag}"


__all__ = ["AKN_NS", "DRAFTER_NS", "EXTENSION_VERSION", "LANGUAGES", "akn", "ext"]
