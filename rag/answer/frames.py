"""A name the question sets in a frame of words that the quote fills with another name: "How many
positions ... on the Alpha side" quoted from "12 positions that it had established on the Bravo
side", "How many Venezuelans crossed the Darién Gap" from "only 32 Haitians crossed the gap",
"the report on foreign names in Latvian" from "the report on foreign names in Estonian". The
quote gives the asked fact for another thing of the same kind; the question's name is nowhere in
it (rag.answer.constraints.check_quote)."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Mismatch
from rag.answer.names import NOT_NAMES, name_words, writes_word

_TOKEN = re.compile(r"[\w'-]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_POSSESSIVE = re.compile(r"'s?$")
# Prepositions a frame may hold between its word and the name ("names in Latvian").
_PREPOSITIONS = frozenset(("in", "of", "for", "on", "at", "to", "from", "with", "by"))
# Words too common to frame a name ("been Alpha", "all States").
_NO_FRAME = NOT_NAMES | frozenset(("be", "been", "are", "being", "not", "any", "all", "new", "first", "last"))
# Forms of address, which stand before names of any kind ("brought Messrs. Kagame and Tshisekedi").
_ADDRESS = frozenset(("Mr", "Mrs", "Ms", "Messrs", "Dr", "Sir", "Madam"))
# A name the question asks for rather than gives: "Which State acceded ...?" is answered by the
# State's name in its place.
_ASKED_FOR = re.compile(r"\b(?:which|what|whose)\s+(?:\w+\s+)?$", re.IGNORECASE)
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


def _frames(question: str, name: str) -> list[tuple[str, str]]:
    """The frames the question sets `name` in: the word after it ("R"), the word before it ("L"),
    or a word and a preposition before it ("LP"); none where the question asks for the name."""
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(question):  # the name as a word of its own: not "Spanish-language", "Paris'"
        if m.group(0) != name or question[m.end():m.end() + 1] == "'" or _ASKED_FOR.search(question[:m.start()]):
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


def _other(token: str, name: str, asked: set[str]) -> bool:
    """Whether a word of the quote is a capitalised word of another name than `name`: none the
    question holds, no function word, form of address or continent, and not the name's own family
    or spelling (three letters in common at the start: "Nazis" for "Nazi", "Polish" for "Poland",
    "Fort" for "Forth")."""
    return token[:1].isupper() and token[1:2].islower() and token.lower() not in asked \
        and token.lower() not in NOT_NAMES and token not in _ADDRESS and token not in _CONTINENTS \
        and token[:3].lower() != name[:3].lower()


def _filled(frame: tuple[str, str], name: str, quote: str, asked: set[str]) -> str | None:
    """The capitalised word the quote sets in `frame` that is another name (`_other`), not a
    sentence's first word ("Ten players were selected"); the frame's words matched as written, so
    "forces" is not "Armed Forces"."""
    side, words = frame
    found = list(_TOKEN.finditer(quote))
    tokens = [m.group(0) for m in found]
    for j, m in enumerate(found):
        other, before = _plain(m.group(0)), quote[:m.start()].rstrip()
        if not _other(other, name, asked) or not before or before[-1] in ".;:!?":
            continue
        if side == "R" and j + 1 < len(tokens) and tokens[j + 1] == words:
            return other
        if side == "L" and j >= 1 and tokens[j - 1] == words:
            return other
        if side == "LP" and j >= 2 and f"{tokens[j - 2]} {tokens[j - 1]}" == words:
            return other
    return None


def check_quote_frame(question: str, quote: str) -> Mismatch | None:
    """A name of the question (rag.answer.names.name_words) that the quote never writes, set in a
    frame the quote fills with another capitalised word the question does not hold."""
    question, quote = question.translate(_APOSTROPHES), quote.translate(_APOSTROPHES)
    asked = {_plain(w).lower() for w in _TOKEN.findall(question)}
    for name in name_words(question):
        name = _plain(name)
        if writes_word(name, quote):
            continue
        for frame in _frames(question, name):
            other = _filled(frame, name, quote, asked)
            if other is not None:
                return Mismatch(Constraint("names", name, name), other, "names {found} where the question names {label}")
    return None
