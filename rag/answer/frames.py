"""A name the question sets in a frame of words that the quote fills with another name: "How many
positions ... on the Alpha side" quoted from "12 positions that it had established on the Bravo
side", "How many Venezuelans crossed the Darién Gap" from "only 32 Haitians crossed the gap",
"the report on foreign names in Latvian" from "the report on foreign names in Estonian". The
quote gives the asked fact for another thing of the same kind; the question's name is nowhere in
it (rag.answer.constraints.check_quote)."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Mismatch
from rag.answer.kinds import named_countries
from rag.answer.names import NOT_NAMES, name_words, writes_word

_TOKEN = re.compile(r"[\w'-]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_POSSESSIVE = re.compile(r"'s?$")
# Prepositions a frame may hold between its word and the name ("names in Latvian").
_PREPOSITIONS = frozenset(("in", "of", "for", "on", "at", "to", "from", "with", "by"))
# Words too common to frame a name ("been Alpha", "all States").
_NO_FRAME = NOT_NAMES | frozenset(("be", "been", "are", "being", "not", "any", "all", "new", "first", "last"))
# Forms of address, which stand before names of any kind ("brought Messrs. Kagame and Tshisekedi").
_ADDRESS = frozenset(("Mr", "Mrs", "Ms", "Messrs", "Dr", "Sir", "Madam"))
# A name the question asks for rather than gives: "Which State acceded ...?" is answered by a
# State's name in its place.
_ASKED_FOR = re.compile(r"\b(?:(?:which|what|whose)(?:\s+of\s+the)?|any)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Capitalised words of a kind, not names, that any State or body fills ("How many States acceded
# ...?" of "Dominica acceded").
_KINDS = frozenset(("State", "States", "Party", "Parties", "Member", "Members", "Government", "Governments",
                    "Territory", "Territories", "Country", "Countries", "Nation", "Nations", "Organization",
                    "Organizations", "Entity", "Entities", "Agency", "Agencies", "Committee", "Council", "Commission"))
# Small words that join the words of one name ("Committee against Torture", "Bank of Ghana").
_JOINING = r"(?:of|on|for|against|and|the|de|des|du|la)"
# Continents and their words, wider than the places a question names ("the largest port in Europe"
# for one in Germany).
_CONTINENTS = frozenset(("Europe", "Africa", "Asia", "America", "Americas", "Oceania", "European", "African",
                         "Asian", "American"))


def _plain(word: str) -> str:
    """The word without a possessive ending."""
    return _POSSESSIVE.sub("", word)


def _framing(word: str) -> bool:
    """Whether a word of the question may frame a name: lower case, longer than two letters, not
    a function word."""
    return word.islower() and len(word) > 2 and word not in _NO_FRAME


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word at text[start:end] is a name of one word: no capitalised word
    next to it, nor joined to one by a small word ("Committee against Torture", "Israel Defense")."""
    before, after = text[:start], text[end:]
    return not (re.search(rf"[A-Z][\w'-]*[^\S\n]+(?:{_JOINING}[^\S\n]+)?$", before)
                or re.match(rf"[^\S\n]+(?:{_JOINING}[^\S\n]+)?[A-Z]", after))


def _frames(question: str, name: str) -> list[tuple[str, str]]:
    """The frames the question sets `name` in: the word after it ("R"), the word before it ("L"),
    or a word and a preposition before it ("LP"); none where the question asks for the name or
    the name is part of a longer one."""
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(question):  # the name as a word of its own: not "Spanish-language", "Paris'"
        if m.group(0) != name or _ASKED_FOR.search(question[:m.start()]) or not _alone(question, m.start(), m.end()):
            continue
        before = _TOKEN.findall(question[:m.start()])
        after = _TOKEN.findall(question[m.end():])
        if after and _framing(after[0]):
            out.append(("R", after[0]))
        if before and _framing(before[-1]):
            out.append(("L", before[-1]))
        if len(before) >= 2 and before[-1] in _PREPOSITIONS and _framing(before[-2]):
            out.append(("LP", f"{before[-2]} {before[-1]}"))
    return out


def _country(word: str) -> str | None:
    """The country a word names or whose people or things it names ("Syrian"), if any."""
    return min(named_countries(word), default=None)


def _other(word: str, name: str, country: str | None, asked: set[str]) -> bool:
    """Whether a word of the quote is a capitalised word of another name than `name` (whose
    `country`, if it names one or its people): none the question holds, no function word, form of
    address or continent; for a country or its people, another country's ("Haitians" for
    "Venezuelans", not "Kirkuk" for Iraq); else not the name's own family or spelling (three letters
    in common at the start: "Nazis" for "Nazi", "Fort" for "Forth")."""
    if not (word[:1].isupper() and word[1:2].islower()) or word.lower() in asked or word.lower() in NOT_NAMES \
            or word in _ADDRESS or word in _CONTINENTS:
        return False
    if country is not None:
        return _country(word) not in (None, country)
    return word[:3].lower() != name[:3].lower()


# What a capitalized word after it opens, as a sentence does: a sentence's end, an opening quote or
# bracket, a bullet ("on the theme “Increasing ocean-related ...”").
_OPENING = ".;:!?“‘\"'(•"


def _filled(frame: tuple[str, str], name: str, country: str | None, quote: str, asked: set[str]) -> str | None:
    """The capitalised word the quote sets in `frame` that is another name of one word (`_other`,
    `_alone`), not a sentence's first word ("Ten players were selected") nor a quoted title's
    (`_OPENING`); the frame's words matched as written ("forces" is not "Armed Forces", "ocean" not
    "ocean-related") and next to it, with only spaces between."""
    side, words = frame
    frame_words = re.escape(words).replace("\\ ", r"[^\S\n]+")
    for m in _TOKEN.finditer(quote):
        other, before = _plain(m.group(0)), quote[:m.start()].rstrip()
        if not _other(other, name, country, asked) or not before or before[-1] in _OPENING \
                or not _alone(quote, m.start(), m.end()):
            continue
        if side == "R" and re.match(rf"[^\S\n]+{frame_words}(?![\w‐‑-])", quote[m.end():]) \
                or side in ("L", "LP") and re.search(rf"\b{frame_words}[^\S\n]+$", quote[:m.start()]):
            return other
    return None


def _writes(name: str, quote: str) -> bool:
    """Whether the quote writes the name: as a word of its own, a form of it (rag.answer.names), or
    with the apostrophe it holds ("Da'esh")."""
    return writes_word(name, quote) \
        or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", quote, re.IGNORECASE) is not None


def check_quote_frame(question: str, quote: str, paragraph: str = "") -> Mismatch | None:
    """A name of the question (rag.answer.names.name_words) that the quote never writes, set in a
    frame the quote fills with another capitalised word the question does not hold; a name of no
    country that the paragraph writes elsewhere is taken to be its subject, which the quote may
    name otherwise ("the Broncos" for Denver, "Protestantism" for Lutheranism)."""
    question, quote = question.translate(_APOSTROPHES), quote.translate(_APOSTROPHES)
    paragraph = paragraph.translate(_APOSTROPHES)
    asked = {_plain(w).lower() for w in _TOKEN.findall(question)}
    for name in name_words(question):
        name = _plain(name)
        if name in _KINDS or name in _CONTINENTS or _writes(name, quote):
            continue
        country = _country(name)
        if country is None and _writes(name, paragraph):
            continue
        for frame in _frames(question, name):
            other = _filled(frame, name, country, quote, asked)
            if other is not None:
                return Mismatch(Constraint("names", name, name), other, "names {found} where the question names {label}")
    return None
