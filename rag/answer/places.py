"""Places the best paragraph does not name: a place within a country that the question names by
its kind ("Jonglei State", "Kajo-Keji County", "South Kivu Province"), whose figure the paragraph
gives for the country or another place ("How many people had flooding affected in Jonglei
State?" answered with the national count); and a place the question sets its fact in ("a hotel
in Kismayo") where the paragraph sets it in another ("against a hotel in Beledweyne")."""

from __future__ import annotations

import re

from rag.answer.countries import COUNTRIES
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.names import NOT_NAMES, writes_word
from rag.search.focus import focus

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


# A place's name after "in", "at" or "near": capitalised words, with the particles of Arabic,
# French and Spanish names between them ("Mazra'at al-Aqibiyah", "Village de Dieu"); not an
# abbreviation ("the U.S.", "the V&A").
_NAME = r"[A-Z][^\W\d_][\w'’‘-]*(?![.&]\w)(?:\s+(?:(?:al|el|de|del|des|du|la|le)\b\s*)?[A-Z][\w'’‘-]*)*"
# Where a fact is set: "in", "at" or "near" a place, or "to" it after a journey ("a delegation to
# Niamey", "travelled to Kigali").
_LOCATED = re.compile(r"\b(?:in|at|near|(?:delegations?|visits?|missions?|trips?|travel(?:l?ed)?|deployed|"
                      r"transferred|relocated|returned|moved)\s+to)\s+(?:the\s+)?(" + _NAME + ")")
# Words that make a capitalised phrase a body, a meeting or a text, not a place ("in the Security
# Council", "at the Africa Regional Forum").
_NOT_PLACE_WORDS = frozenset((
    "committee", "council", "commission", "office", "assembly", "conference", "forum", "session", "report",
    "programme", "fund", "board", "group", "mission", "secretariat", "agency", "organization", "union", "bank",
    "court", "tribunal", "centre", "center", "institute", "unit", "division", "department", "ministry",
    "government", "parliament", "network", "partnership", "plan", "agenda", "treaty", "convention", "protocol",
    "declaration", "resolution", "decision", "meeting", "summit", "dialogue", "panel", "system", "nations",
    "strategy", "framework", "initiative", "facility", "force", "forces", "police", "party", "article", "annex",
    "chapter", "part", "section", "table", "figure", "volume", "law", "act", "code", "statute", "charter",
    "constitution", "agreement", "accord", "compact", "pact", "goal", "goals", "target", "index", "survey",
    "review", "decade", "year", "day", "week", "month", "state", "states", "member", "members"))
_LETTERS = re.compile(r"[^\W\d_]+")
# Words of a place's name that say its kind, which another place shares ("the Bekaa Valley").
_GENERIC = frozenset(("valley", "region", "lake", "city", "town", "hill", "hills", "river", "island", "islands",
                      "area", "camp", "coast", "mount", "mountains", "plain", "basin", "gulf", "bay", "port"))
_COUNTRY_START = re.compile(r"(?:" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True))
                            + r")\b")


def _place(match: re.Match[str]) -> bool:
    """Whether the capitalised phrase after "in" reads as a place: not a month or function word, an
    acronym, a possessive ("the Secretary-General's"), a body or text, nor a country (checked as
    one by rag.answer.constraints)."""
    name = match.group(1)
    words = name.split()
    first = words[0]
    if first.lower() in NOT_NAMES or (first.isupper() and len(first) > 1) \
            or _COUNTRY_START.match(match.string, match.start(1)):
        return False
    return not any(w.endswith(("'s", "’s")) or w.lower().strip("'’‘") in _NOT_PLACE_WORDS for w in words)


def located_places(question: str) -> list[str]:
    """The places the question sets its fact in: "Kismayo" of "a hotel in Kismayo", "Bekaa Valley"
    of "reconstruction in the Bekaa Valley"."""
    return [m.group(1) for m in _LOCATED.finditer(question) if m.start() > 0 and _place(m)]


def _names(place: str, text: str) -> bool:
    """The text names the place: it writes one of its words of four letters or more, a form of it
    or the word mistyped ("Ologesailie" is "Olorgesailie"; rag.answer.names)."""
    words = [w for w in _LETTERS.findall(place) if len(w) >= 4 and w.lower() not in _GENERIC] or _LETTERS.findall(place)
    return any(writes_word(w, text) for w in words)


def _other_place(question: str, paragraph: str) -> str | None:
    """A place the paragraph sets something in that the question does not name."""
    for m in _LOCATED.finditer(paragraph):
        if _place(m) and not _names(m.group(1), question):
            return m.group(1)
    return None


def check_located(question: str, evidence: Evidence) -> Mismatch | None:
    """A place the question sets its fact in that the paragraph does not name, while it sets its own
    in another place: "How many people were killed when Al-Shabaab attacked a hotel in Kismayo?"
    answered with the attack "against a hotel in Beledweyne". A place in a leading clause that
    names the document ("In the Secretary-General's report on the UN regional office in Dakar, ...")
    or in the document's title ("the situation in Central Africa") is its subject, not the fact's."""
    for place in located_places(focus(question)):
        if _names(place, evidence.paragraph) or _names(place, evidence.title):
            continue
        other = _other_place(question, evidence.paragraph)
        if other is not None:
            return Mismatch(Constraint("place", place, place), other)
    return None
