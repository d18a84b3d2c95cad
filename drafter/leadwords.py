"""Lead words of UN resolutions: the italic opening phrases of paragraphs.

Preambular paragraphs open with a participle or an adjective phrase
("Recalling also", "Deeply concerned"), operative paragraphs with a verb in the
present tense ("Also requests", "Calls upon"). `lead_phrase` finds that phrase
so that readers of plain text can italicise it as the printed text does.
"""

from __future__ import annotations

import json
import re
from functools import cache

from drafter.resources import resource_dir

# Preambular openers that are not "-ing" participles, and adverbs that open a lead phrase.
PREAMBULAR_OPENERS = frozenset(
    "affirming alarmed appreciative aware bearing believing cognizant concerned confident conscious "
    "convinced deeply desiring determined disturbed encouraged fully gravely guided having keeping mindful "
    "seized strongly seriously profoundly greatly pleased satisfied grateful dismayed shocked outraged "
    "further also re-emphasizing re-affirming".split()
)

# Adverbs and particles that stand before the lead word and belong to it ("Once again urges").
_MODIFIERS = frozenset(
    "also further again once strongly deeply gravely fully seriously furthermore firmly urgently warmly "
    "profoundly greatly equally moreover".split()
)

# Multi-word lead phrases, lower case; checked before single words.
PHRASES = [
    "taking note with appreciation", "takes note with appreciation", "takes note with interest",
    "noting with appreciation", "noting with concern", "noting with satisfaction",
    "noting with interest", "noting with regret", "taking into account", "taking into consideration",
    "taking note", "takes note", "bearing in mind", "guided by", "calls upon", "calls on",
    "calls for", "calls again upon", "having considered", "having examined",
    "having heard", "having adopted", "expresses its appreciation", "expresses concern",
    "expresses its deep concern", "expresses its concern", "pays tribute", "paying tribute",
    "keeping in mind", "acting under",
]

# Operative verbs in the present tense (UN Editorial Manual; adopted texts).
OPERATIVE_VERBS = frozenset(
    "acknowledges adopts affirms agrees appeals applauds appreciates approves authorizes calls commends "
    "concurs condemns confirms considers decides declares demands deplores designates directs emphasizes "
    "emphasises encourages endorses expects expresses extends invites notes proclaims reaffirms recalls "
    "recognizes recognises recommends regrets reiterates renews requests resolves stresses supports takes "
    "underlines underscores urges welcomes deems looks reminds highlights insists determines pays salutes "
    "re-emphasizes".split()
)

# Participles that open preambular paragraphs in adopted texts, beside those of the palette.
PREAMBULAR_PARTICIPLES = frozenset(
    "acknowledging affirming appreciating bearing believing commending condemning considering deploring "
    "desiring emphasizing encouraging expressing having highlighting keeping looking noting observing paying "
    "reaffirming realizing recalling recognizing referring regretting reiterating seeking stressing taking "
    "underlining underscoring urging viewing welcoming".split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*")


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def starts_like_paragraph(text: str) -> bool:
    """Does the text open the way a preambular or operative paragraph opens?"""
    match = _WORD.match(text)
    if match is None or not match.group()[0].isupper():
        return False
    first = match.group().lower()
    if first.endswith("ing") or first in PREAMBULAR_OPENERS or first in OPERATIVE_VERBS:
        return True
    return any(text.lower().startswith(phrase) for phrase in PHRASES)


@cache
def _palette_words() -> frozenset[str]:
    """The first words of the palette's lead phrases, every language (resources/leadwords.json)."""
    with open(resource_dir() / "leadwords.json", encoding="utf-8") as handle:
        data = json.load(handle)
    return frozenset(phrase.split()[0].lower() for part in ("preambular", "operative")
                     for phrases in data[part].values() for phrase in phrases)


def opens_with_lead(text: str) -> bool:
    """Does the text open with a lead phrase ("Noting with satisfaction", "Recalling also", "Also requests")?

    Stricter than `starts_like_paragraph`: the lead word must be one of the palette's or of the known
    participles, so that "Financing for Development" or "Beijing Declaration" opening a page's first line
    is not taken for a new paragraph."""
    words = [m.group() for m in re.finditer(r"\w[\w’'-]*", text[:80])]
    if not words or not words[0][0].isupper():
        return False
    index = 0
    while index < len(words) - 1 and words[index].lower() in _MODIFIERS:
        index += 1
    head = words[index].lower()
    return any(head in group for group in (_palette_words(), PREAMBULAR_PARTICIPLES, PREAMBULAR_OPENERS,
                                           OPERATIVE_VERBS))


def lead_phrase(text: str) -> int:
    """Length of the lead phrase at the start of `text` (0 if none is recognised).

    "Recalling also its resolution" → len("Recalling also");
    "Also requests the Secretary-General" → len("Also requests").
    """
    words = _words(text[:120])
    if not words or words[0][0] != 0 or not words[0][2][0].isupper():
        return 0
    lower = text.lower()
    for phrase in PHRASES:
        if lower.startswith(phrase) and (len(text) == len(phrase) or not text[len(phrase)].isalpha()):
            end = len(phrase)
            return _extend(text, words, end)
    index = 0
    # leading modifiers: "Also requests", "Strongly urges", "Once again calls upon"
    while index < len(words) - 1 and words[index][2].lower() in _MODIFIERS:
        index += 1
    head = words[index][2].lower()
    is_lead = (
        head.endswith("ing")
        or head in PREAMBULAR_OPENERS
        or head in OPERATIVE_VERBS
        or (head.endswith("s") and index > 0)
    )
    if not is_lead:
        return 0
    end = words[index][1]
    rest = lower[end:]
    for particle in ("upon", "on", "for"):  # "Also calls upon"
        if head == "calls" and rest.startswith(f" {particle} "):
            end += len(particle) + 1
            break
    return _extend(text, words, end)


def _extend(text: str, words: list[tuple[int, int, str]], end: int) -> int:
    """Take trailing "also" / "further" / "again" into the phrase ("Recalling also")."""
    for start, stop, word in words:
        if start < end:
            continue
        if start == end + 1 and text[end] == " " and word.lower() in {"also", "further", "again"}:
            end = stop
            continue
        break
    return end
