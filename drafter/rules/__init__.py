"""Editorial checks of a resolution against UN practice, each rule citing its source.

>>> findings = check(res)                       # every rule
>>> findings = check(res, disabled={"numbers-in-words"})
>>> findings = check(draft, base=base)          # also: cross-references made stale by renumbering

`RULES` maps each rule id to its `Rule` (id, title, source, family); the app lists
them in its settings so that each can be switched off. A `Finding` carries the
paragraph id and label, the span of the paragraph's text, the message and, where
there is one, a quick fix (`apply_fix`).
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.model import Resolution
from drafter.rules import citations, leads, negotiation, numbers, structure, xrefs
from drafter.rules.base import Finding, Fix, Rule, apply_fix

RULES: dict[str, Rule] = {rule.id: rule for module in (structure, leads, citations, numbers, xrefs,
                                                                         negotiation)
                          for rule in module.RULES}


def check(res: Resolution, disabled: Iterable[str] = frozenset(), base: Resolution | None = None) -> list[Finding]:
    """Every finding of the enabled rules, in the order of the rules, then of the text."""
    off = set(disabled)
    unknown = off - set(RULES)
    if unknown:
        from drafter.errors import DrafterError

        raise DrafterError(f"unknown rule {', '.join(sorted(unknown))}: the rules are {', '.join(RULES)}")
    out: list[Finding] = []
    for rule_id, rule in RULES.items():
        if rule_id not in off:
            out.extend(rule.check(res, base))
    return out


__all__ = ["RULES", "Finding", "Fix", "Rule", "apply_fix", "check"]
