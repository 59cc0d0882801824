"""A place within a country that the question names by its kind ("Jonglei State", "Kajo-Keji
County", "South Kivu Province") and the best paragraph does not name: its figure is the
country's or another place's ("How many people had flooding affected in Jonglei State?" answered
with the national count)."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

_KINDS = ("State", "County", "Province", "District", "Region", "Governorate", "Municipality", "Prefecture",
          "Department", "Oblast")
_PLACE = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){1,3})(" + "|".join(_KINDS) + r")\b")
# Capitalised words that open a phrase ending in "State" or "Region" without naming a place.
_NOT_PLACES = frozenset((
    "Which", "What", "Each", "Every", "Any", "That", "This", "One", "The", "A", "Member", "Non", "Small", "Island",
    "Developing", "Developed", "Landlocked", "Least", "Arab", "Islamic", "United", "Nation", "Host", "Party",
    "Contracting", "Observer", "Requesting", "Reporting", "Sending", "Receiving", "Coastal", "Flag", "Port",
    "Nuclear", "Weapon", "Sovereign", "Independent", "Successor", "Neighbouring", "Transitional", "Federal",
    "Interim"))


def named_places(question: str) -> list[tuple[str, str]]:
    """(the place's own words, the whole name) for each place the question names by its kind:
    ("Jonglei", "Jonglei State"); a region named by an acronym ("the ECE Region") and phrases such
    as "Which State" or "Member State" are none."""
    out = []
    for m in _PLACE.finditer(question):
        words = m.group(1).split()
        while words and all(part in _NOT_PLACES for part in words[0].split("-")):
            words = words[1:]
        if words and not all(w.isupper() for w in words):
            out.append((" ".join(words), f"{' '.join(words)} {m.group(2)}"))
    return out


def check_place(question: str, evidence: Evidence) -> Mismatch | None:
    """A place the question names by its kind that the paragraph does not name."""
    text = evidence.paragraph.lower()
    for own, name in named_places(question):
        if own.lower() not in text:
            return Mismatch(Constraint("place", name, name), "", "does not name {label}")
    return None
