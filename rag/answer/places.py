"""Places the best paragraph does not name: a place within a country that the question names by
its kind ("Jonglei State", "Kajo-Keji County", "South Kivu Province"), whose figure the paragraph
gives for the country or another place ("How many people had flooding affected in Jonglei
State?" answered with the national count); and a place the question sets its fact in ("a hotel
in Kismayo") where the paragraph sets it in another ("against a hotel in Beledweyne")."""

from __future__ import annotations

import re

from rag.answer.countries import ADJECTIVES, COUNTRIES, COUNTRY_AT, DEMONYMS, long_demonym_countries
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.names import NOT_NAMES, writes_word
from rag.answer.regions import named_regions
from rag.search.focus import focus
from rag.textutil import ORDINALS

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
    ("Jonglei", "Jonglei State"); a region named by an acronym ("the ECE Region"), phrases such
    as "Which State" or "Member State" and a country's State by its people's word ("the Kenyan
    State", A/HRC/EMRIP/2025/3, para. 24 "lacks formal State recognition" in Kenya) are none; the
    words after a country's possessive ("the Congo's Pool Department") are the place's own."""
    out = []
    for m in _PLACE.finditer(question):
        words = m.group(1).split()
        owner = max((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))
                     and COUNTRY_AT.fullmatch(" ".join(words[:i + 1])[:-2])), default=-1)
        words = words[owner + 1:]  # "the Congo's Pool Department" is the Pool Department
        while words and all(part in _NOT_PLACES for part in words[0].split("-")):
            words = words[1:]
        if words and not all(w.isupper() for w in words) and not _peoples_word(" ".join(words)):
            out.append((" ".join(words), f"{' '.join(words)} {m.group(2)}"))
    return out


def _peoples_word(words: str) -> bool:
    """Whether the words are a country's people's word ("Kenyan", "South Sudanese")."""
    return words in _COUNTRY_WORDS or long_demonym_countries(words) != []


def check_place(question: str, evidence: Evidence) -> Mismatch | None:
    """A place the question names by its kind that neither the paragraph nor its heading names
    ("C. Meeting with the Member of the House of Assembly from the Third Electoral District")."""
    text = f"{evidence.section}\n{evidence.paragraph}"
    for own, name in named_places(question):
        if not re.search(rf"\b{re.escape(own)}\b", text, re.IGNORECASE):
            return Mismatch(Constraint("place", name, name), "", "does not name {label}")
    return None


# A place's name after "in", "at" or "near": capitalised words, with the particles of Arabic,
# French and Spanish names between them ("Mazra'at al-Aqibiyah", "Village de Dieu"); its first word
# of two letters or more ("the U.S." and "the V&A" are none), or "sub-Saharan".
_NAME = r"(?:sub-)?[A-Z][^\W\d_][\w'’‘-]*(?:\s+(?:(?:al|el|de|del|des|du|la|le)(?:-|\s+))?[A-Z][\w'’‘-]*)*"
# Where a fact is set: "in", "at" or "near" a place, "to" it after a journey ("a delegation to
# Niamey", "travelled to Kigali"), or the place visited ("visited Brazzaville").
_LOCATED = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Aa]cross|"
                      r"(?:delegations?|visits?|missions?|trips?|travel(?:l?ed)?|deployed|"
                      r"transferred|relocated|returned|moved)\s+to|[Vv]isit(?:s|ed|ing)?)\s+(?:the\s+)?(" + _NAME + ")")
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
    "review", "decade", "year", "day", "week", "month", "state", "states", "member", "members", "phase", "level",
    "rule", "rules", "paragraph", "paragraphs", "appendix", "stage", "round", "category", "grade", "option",
    "scenario", "tier", "english", "french", "spanish", "arabic", "russian", "chinese", "portuguese", "swahili",
    "kiswahili", "mr", "ms", "mrs", "dr", "messrs", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday"))
# A people's word or a country's other name ("Ukrainian cities", "in Turkey") names no place.
_COUNTRY_WORDS = frozenset(DEMONYMS) | frozenset(f for forms in ADJECTIVES.values() for f in forms) \
    | {"Congolese", "Korean", "Koreans", "Dominican", "Dominicans"}  # people's words of two countries
_LONGEST_COUNTRY = max(map(len, COUNTRIES))
_LETTERS = re.compile(r"[^\W\d_]+")
# Words of a place's name that say its kind or where it lies, which other places share ("the Bekaa
# Valley", "North Kivu").
_GENERIC = frozenset(("valley", "region", "lake", "city", "town", "hill", "hills", "river", "island", "islands",
                      "area", "camp", "coast", "mount", "mountains", "plain", "basin", "gulf", "bay", "port",
                      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper",
                      "lower", "central", "new", "old", "great", "greater", "little", "saint"))
# A body's name before the preposition puts the place inside the name ("the United Nations Office
# at Vienna", "the Relief and Works Agency for Palestine Refugees in the Near East"); an event's
# does not ("the Africa Regional Forum on Sustainable Development in Kampala").
_NAME_BEFORE = re.compile(r"((?:(?:[A-Z][\w'’-]*|of|for|and|the|on)\s+)*[A-Z][\w'’-]*)\s+$")
_BODIES = frozenset(("office", "agency", "mission", "commission", "committee", "programme", "fund", "organization",
                     "centre", "center", "institute", "bank", "court", "tribunal", "union", "council", "secretariat",
                     "division", "department", "ministry", "university", "school", "hospital", "embassy",
                     "headquarters"))


def _place(match: re.Match[str]) -> bool:
    """Whether the capitalised phrase after "in" reads as a place: not a month or function word, an
    acronym, a possessive ("the Secretary-General's"), a body, a text, a title or a language, a
    people's word, nor a country (checked as one by rag.answer.constraints)."""
    name = match.group(1)
    words = name.split()
    if words[0] == "The" and len(words) > 1:  # "in The Hague": the place's own article
        words = words[1:]
    first = words[0]
    if first.lower() in NOT_NAMES or (first.isupper() and len(first) > 1) or first in _COUNTRY_WORDS \
            or _peoples_word(" ".join(words)) \
            or COUNTRY_AT.match(match.string[match.start(1):match.start(1) + _LONGEST_COUNTRY].replace("’", "'")):
        return False
    return not any(w.endswith(("'s", "’s")) or w.lower().strip("'’‘") in _NOT_PLACE_WORDS for w in words)


def _inside_name(match: re.Match[str]) -> bool:
    before = _NAME_BEFORE.search(match.string[max(0, match.start() - 80):match.start()])
    return before is not None and any(w.lower() in _BODIES for w in before.group(1).split())


# Further places in a series with a located one, ending in "and" or "or": "in South Kivu and
# Tanganyika", "in Gao, Kidal or Ménaka" (not after a place opening the question: "In Mogadishu,
# Al-Shabaab and ISIL ...").
_SERIES = re.compile(r"((?:\s*,\s*(?:the\s+)?" + _NAME + r")*),?\s+(?:and|or)\s+(?:the\s+)?(" + _NAME + ")")
_SERIES_ITEM = re.compile(r",\s*(?:the\s+)?(" + _NAME + ")")


def located_places(question: str) -> list[str]:
    """The places the question sets its fact in: "Kismayo" of "a hotel in Kismayo", "Bekaa Valley"
    of "reconstruction in the Bekaa Valley", "South Kivu" and "Tanganyika" of "killed in South Kivu
    and Tanganyika"; not the end of a body's name ("the United Nations Office at Vienna", which a
    paragraph may call the Office), though a paragraph's such place is where it sets its fact ("the
    Speke Resort Convention Centre in Munyonyo")."""
    out = []
    for m in _LOCATED.finditer(question):
        if not _place(m) or _inside_name(m):
            continue
        out.append(m.group(1))
        fronted = not question[:m.start()].strip() and question[m.end():].startswith(",")  # "In Goma, M23 ..."
        series = None if fronted else _SERIES.match(question, m.end())
        if series is not None:
            joined = [*(i.group(1) for i in _SERIES_ITEM.finditer(series.group(1))), series.group(2)]
            places = [_LOCATED.match(f"in {name}") for name in joined]
            out += [p.group(1) for p in places if p is not None and _place(p)]
    return out


def names_place(place: str, text: str) -> bool:
    """The text names the place: it writes one of its words of four letters or more, a form of it
    or the word mistyped ("Ologesailie" is "Olorgesailie"; rag.answer.names); a place named by its
    side ("South Kivu") it writes whole."""
    letters = _LETTERS.findall(place)
    if len(letters) > 1 and _SIDE.fullmatch(letters[0].lower()) and _other_side_only(letters, text):
        return False  # "North Kivu" is not "South Kivu"
    words = [w for w in letters if len(w) >= 4 and w.lower() not in _GENERIC] or letters
    return any(writes_word(w, text) for w in words)


# The side a place is named by: "North Kivu", "Western Equatoria", "Upper Nile", "Blue Nile".
_SIDES = r"(?:north|south|east|west|upper|lower|central|middle|blue|white)(?:ern)?"
_SIDE = re.compile(_SIDES)


def _other_side_only(letters: list[str], text: str) -> bool:
    """Whether the text writes the place's name ("Kivu") only after other sides than the asked one
    ("North Kivu" for "South Kivu"; "North and South Kivu", "North-Kivu", "southern Lebanon" name
    their sides)."""
    side = letters[0].lower().removesuffix("ern")
    rest = r"[\s-]+".join(re.escape(w) for w in letters[1:])
    sides = [re.findall(_SIDES, m.group(1).lower()) for m in
             re.finditer(rf"((?:\b{_SIDES}[\s-]+(?:(?:and|or|,)\s+)?)*)\b{rest}\b", text, re.IGNORECASE)]
    return bool(sides) and all(found and side not in {s.removesuffix("ern") for s in found} for found in sides)


def other_place(question: str, paragraph: str) -> str | None:
    """A place the paragraph sets something in that the question does not name: the first set
    after a word the question also has before its place ("a hotel in Beledweyne" for "a hotel in
    Kismayo"), else the first."""
    others = [m for m in _LOCATED.finditer(paragraph) if _place(m) and not names_place(m.group(1), question)]
    asked_before = {_word_before(question, m) for m in _LOCATED.finditer(question)} - {""}
    same = [m for m in others if _word_before(paragraph, m) in asked_before]
    return (same or others)[0].group(1) if others else None


def _word_before(text: str, match: re.Match[str]) -> str:
    """The word before a located place's preposition, lower-cased ("hotel" of "a hotel in Kismayo")."""
    words = _LETTERS.findall(text[max(0, match.start() - 40):match.start()].lower())
    return words[-1] if words else ""


_EVENT = r"(?:conference|summit|meeting|session|forum)s?"


def _event_at(place: str) -> re.Pattern[str]:
    """The place named as where the document's own event is ("the Nice conference", "the conference
    in Nice"), not where something else was held ("the regional workshop held in Geneva")."""
    p = re.escape(place)
    return re.compile(rf"\b{p}\s+(?:[\w-]+\s+)?{_EVENT}\b|\b{_EVENT}\s+(?:held\s+)?(?:in|at)\s+{p}\b", re.IGNORECASE)


def _heading_is(place: str, section: str) -> bool:
    """Whether the paragraph's innermost heading is the place, written whole ("Ituri"; not "North
    Kivu" for South Kivu, nor "North Kivu and Ituri", which names two)."""
    last = re.sub(r"^\s*(?:[IVXLC]+|[A-Z]|\d+)\.\s+", "", section.rsplit(" > ", 1)[-1]).strip()
    return bool(last) and last.lower() == place.lower()


def check_located(question: str, evidence: Evidence) -> Mismatch | None:
    """A place the question sets its fact in that the paragraph does not name, while it sets its own
    in another place: "How many people were killed when Al-Shabaab attacked a hotel in Kismayo?"
    answered with the attack "against a hotel in Beledweyne". A place in a leading clause that
    names the document ("In the Secretary-General's report on the UN regional office in Dakar, ...")
    or in the document's title ("the situation in Central Africa") is its subject, not the fact's, as
    is the place its masthead sets it in ("Nice, France, 9-13 June 2025"); a place that is the
    paragraph's innermost heading holds the places it names ("Djugu" under "Ituri"), as does the
    region the document's title names ("in the Asia-Pacific region" for "in Bangkok")."""
    unnamed = [p for p in located_places(focus(question))
               if not any(names_place(p, text) for text in (evidence.paragraph, evidence.title))
               and not _heading_is(p, evidence.section)
               and not (_event_at(p).search(question) and names_place(p, evidence.masthead))]
    other = other_place(question, evidence.paragraph) if unnamed else None
    if other is None or named_regions(other) & named_regions(evidence.title):
        return None  # "in the Asia-Pacific region" of the Asia-Pacific Forum's report holds its city
    return Mismatch(Constraint("place", unnamed[0], unnamed[0]), other)


# An office or centre at a duty station: "the United Nations Office at Nairobi", "the Regional
# Service Centre in Entebbe".
_BODY_AT = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,4}(?:Office|Centre|Center|Headquarters|Institute|Tribunal|"
                      r"Court|Commission|Mission))\s+(?:at|in)\s+(" + _NAME + ")")


def bodies_at(question: str) -> list[tuple[str, str]]:
    """The offices or centres at a place the question names: (office, place)."""
    return [(m.group(1), m.group(2)) for m in _BODY_AT.finditer(question)]


def check_body_place(question: str, evidence: Evidence) -> Mismatch | None:
    """An office at a place the question names ("the United Nations Office at Nairobi") that the
    paragraph does not write and its document writes once at most (A/79/7/Add.12 refers to "the
    United Nations Office at Nairobi" once, in passing), while its title names the same office at
    another place ("the strategic heritage plan of the United Nations Office at Geneva"): the
    document is about that one."""
    for body, named in bodies_at(question):
        place = _place_words(named)
        at = rf"{re.escape(body)}\s+(?:at|in)\s+"
        asked = re.compile(at + re.escape(place.split()[0]) + r"\b")
        if asked.search(evidence.paragraph) or asked.search(evidence.title) \
                or len(asked.findall(evidence.document)) > 1:
            continue
        other = re.search(at + "(" + _NAME + ")", evidence.title)
        if other is not None:
            found = _place_words(other.group(1))
            return Mismatch(Constraint("place", place, f"{body} at {place}"), f"{body} at {found}")
    return None


def _place_words(name: str) -> str:
    """A place's name without a possessive, as a flat title or a question runs it on into the next
    words ("Geneva Thirteenth report", "Geneva Strategic Heritage Plan", "Geneva's" -> "Geneva")."""
    kept = []
    for word in name.split():
        if kept and (word.lower() in ORDINALS or word.lower() in _NOT_PLACE_WORDS or word.lower() in _RUN_ON):
            break
        kept.append(re.sub(r"[’']s$", "", word))
        if word != kept[-1]:
            break
    return " ".join(kept)


_RUN_ON = frozenset(("report", "note", "letter", "strategic", "heritage", "capital", "master"))
