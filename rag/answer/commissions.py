"""Near misses between the Economic and Social Council's functional commissions: the question asks
about one commission ("the Commission for Social Development") and the best paragraph is from
another commission's report (E/CN.6/2025/4, the Commission on the Status of Women), which says
"the Commission" of its own only. A commission's documents carry its symbol series (E/CN.5 for
Social Development, E/CN.6 for the Status of Women) and its name in the masthead."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

# Each commission: its symbol series, its name, and how a text names it otherwise.
_COMMISSIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "E/CN.3": ("Statistical Commission", r"(?-i:(?<!National )\bStatistical Commission\b)", ()),
    "E/CN.5": ("Commission for Social Development", r"\bCommission for Social Development\b", (r"\bCSocD\b",)),
    "E/CN.6": ("Commission on the Status of Women", r"\bCommission on the Status of Women\b", (r"\bCSW\b",)),
    "E/CN.7": ("Commission on Narcotic Drugs", r"\bCommission on Narcotic Drugs\b", (r"\bCND\b",)),
    # not "CPD": UNFPA's country programme documents are CPDs too
    "E/CN.9": ("Commission on Population and Development", r"\bCommission on Population and Development\b", ()),
    "E/CN.15": ("Commission on Crime Prevention and Criminal Justice",
                r"\bCommission on Crime Prevention and Criminal Justice\b", (r"\bCCPCJ\b",)),
    "E/CN.16": ("Commission on Science and Technology for Development",
                r"\bCommission on Science and Technology for Development\b", (r"\bCSTD\b",)),
}
_NAMED = {series: re.compile("|".join((f"(?i:{name})", *ways))) for series, (_, name, ways) in _COMMISSIONS.items()}


def _own_commission(evidence: Evidence) -> str | None:
    """The symbol series of the commission whose document the evidence is from, by its symbols."""
    for symbol in evidence.symbols:
        for series in _COMMISSIONS:
            if symbol.startswith(series + "/"):
                return series
    return None


def check_commission(question: str, evidence: Evidence) -> Mismatch | None:
    """The one functional commission the question names, of a paragraph from another commission's
    document that names the asked one nowhere in the paragraph, the title or the masthead."""
    own = _own_commission(evidence)
    if own is None or _NAMED[own].search(question):
        return None
    asked = [series for series, pattern in _NAMED.items() if pattern.search(question)]
    if len(asked) != 1:
        return None
    named = _NAMED[asked[0]]
    if any(named.search(text) for text in (evidence.paragraph, evidence.title, evidence.masthead)):
        return None
    name = _COMMISSIONS[asked[0]][0]
    return Mismatch(Constraint("organization", asked[0], f"the {name}"), f"the {_COMMISSIONS[own][0]}")
