"""The names a question gives (people, places, bodies, instruments: its capitalised words) and
those a document never writes, for the near-miss check of rag.answer.constraints: a question about
"Abdoulaye Bathily" or "the Economic and Social Commission for Western Asia" answered from a
document that never names them is answered from the wrong document."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.textutil import without_accents

# Capitalised words that name nothing: question words, articles, prepositions, pronouns, months.
NOT_NAMES = frozenset((
    "the", "a", "an", "in", "on", "at", "of", "for", "by", "to", "from", "under", "between", "during", "after",
    "before", "since", "until", "as", "with", "within", "without", "what", "which", "who", "whom", "whose",
    "when", "where", "why", "how", "according", "its", "it", "is", "was", "were", "did", "does", "do", "has",
    "have", "had", "and", "or", "but", "if", "than", "this", "that", "these", "those", "there", "their",
    "they", "he", "she", "his", "her", "our", "we", "i", "you", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december",
    # holidays name a time, which a document gives as a date ("25 December" for Christmas)
    "christmas", "easter", "ramadan", "eid", "fitr", "adha", "nowruz", "diwali", "hanukkah", "passover",
))
_CAPITALISED = re.compile(r"(?<![\w/])[A-Z][^\W\d_A-Z][\w'’-]*")
# A possessive ending: "Newcastle's" is Newcastle.
POSSESSIVE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[^\W\d_]+")
# A name word counts as written when the document holds a word opening with this many of its
# letters (at least), so that "Pakistani" is found in "Pakistan" and "Bolivian" in "Bolivia".
_STEM = 5
# A word this long or longer counts as written where the document holds it with one letter
# changed or added ("Primier" for "Premier"); a shorter one only with a letter dropped ("Leage" for
# "League"), since "Beach" and "reach" are two words.
TYPO_CHANGED = 7


# Combining forms that open a compound ("Afro-descendant", "Afro-Colombian"): the name, if any, is
# after the hyphen.
_COMBINING = frozenset(("Afro", "Euro", "Anglo", "Franco", "Sino", "Indo", "Ibero", "Luso", "Judeo", "Greco"))


def name_words(question: str) -> list[str]:
    """The question's capitalised words past its first, without possessives or the parts after a
    hyphen ("Benin-based" -> "Benin"); acronyms (UN, UNDP) are left out, as a document may spell
    them out."""
    out: list[str] = []
    for m in _CAPITALISED.finditer(question):
        if m.start() == 0:
            continue
        whole = POSSESSIVE.sub("", m.group(0))
        part = whole.split("-")[0]
        if part in _COMBINING and "-" in whole:  # "Afro-descendant" names none, "Afro-Colombian" Colombians
            part = whole.split("-")[1]
            if not part[:1].isupper():
                continue
        if part and part.lower() not in NOT_NAMES and part not in out:
            out.append(part)
    return out


def one_edit(a: str, b: str) -> bool:
    """True when one letter added, dropped or changed turns `a` into `b`."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


# The endings of a people's word whose plural is read as its singular: "Kosovars", "Nigerians".
_PEOPLE_ENDINGS = ("ar", "an", "ese", "i")


def _written(word: str, vocabulary: frozenset[str]) -> bool:
    """The document writes the word, a form of it ("Pakistan" for "Pakistani") or, for a long
    word, the word with one letter mistyped (`TYPO_CHANGED`)."""
    word = without_accents(word)
    if word in vocabulary or word.rstrip("s") in vocabulary:
        return True
    single = word[:-1] if word.endswith("s") and word[:-1].endswith(_PEOPLE_ENDINGS) and len(word) > _STEM + 1 \
        else word  # "Kosovars": a Kosovar, of Kosovo
    stem = single[:max(_STEM, len(single) - 2)]
    if len(word) > _STEM and any(w.startswith(stem) for w in vocabulary):
        return True
    return len(word) >= _STEM and any(one_edit(word, w) for w in vocabulary
                                      if len(w) > len(word) or len(word) >= TYPO_CHANGED)


@lru_cache(maxsize=4)
def _vocabulary(document: str) -> frozenset[str]:
    """The document's words, lower-cased and without accents (read once for the checks of one
    answer)."""
    return frozenset(_WORD.findall(without_accents(document.lower())))


def writes_word(word: str, text: str) -> bool:
    """The short text (a paragraph, a title, a question) writes the word, a form of it or, for a
    long word, the word mistyped (`_written`). Its words are read here, not through `_vocabulary`,
    whose few entries keep the documents read for one answer."""
    return _written(word.lower(), frozenset(_WORD.findall(without_accents(text.lower()))))


def unwritten(names: list[str], document: str) -> list[str]:
    """The names (`name_words`) the document never writes, in their order."""
    vocabulary = _vocabulary(document)
    return [w for w in names if not all(_written(part, vocabulary) for part in _WORD.findall(w.lower()))]


_TITLED = r"[A-Z][^\W\d_]{2}[\w'’-]*"
# Words that open a place's name rather than title a thing of a kind: "New Delhi" is not a "New"
# of which "New Zealand" would be another ("North Darfur" is another "North" than North Kivu).
_NOT_TITLE_HEADS = NOT_NAMES | frozenset(("new", "old", "great", "greater", "little", "saint", "san", "santa"))


# A name written whole from its first word: capitalised words, with "of", "on", "for", "and" or
# "the" between two of them ("International Conference on Financing for Development").
# A line break ends a name (a heading, a masthead's lines).
_WHOLE_NAME = re.compile(r"[A-Z][\w'’-]*(?:[^\S\n]+(?:(?:of|on|for|and|the)[^\S\n]+)*[A-Z][\w'’-]*){0,7}")


def whole_name(text: str, start: int) -> str:
    """The name that opens at `start` of `text`, written whole (`_WHOLE_NAME`) up to a possessive,
    which it drops ("President Macron" of "President Macron's Government")."""
    found = _WHOLE_NAME.match(text, start)
    words: list[str] = []
    for w in found.group(0).split() if found else ():
        words.append(POSSESSIVE.sub("", w))
        if POSSESSIVE.search(w):
            break
    return " ".join(words)


# Words that may open a run of capitalised words without being part of the name it holds.
_RUN_OPENERS = NOT_NAMES | frozenset(("and", "the", "of", "on", "for"))


# Verbs a yes-or-no question opens with, before a name: "Could Kosovars ...?", "Can Member States ...?".
_OPENING_VERBS = frozenset(("could", "would", "should", "can", "will", "shall", "might", "must", "are", "may"))


def name_around(text: str, word: str) -> str:
    """The whole name (`_WHOLE_NAME`) of `text` that holds the name word, without the question
    words or articles that open its run nor an owner before it ("Black Sea Grain Initiative" for
    "Black", "Fordow" in "Iran's Fordow plant"); the word itself where no run holds it."""
    held = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    for m in _WHOLE_NAME.finditer(text):
        names: list[list[str]] = [[]]
        run = m.group(0).split()
        if m.start() == 0 and run[0].lower() in _OPENING_VERBS:
            run = run[1:]  # "Could Kosovars living abroad vote ...?": the question's verb, not the name's
        for w in run:  # an owner's name ends at its possessive: "Iran's | Fordow"
            if names[-1] or w.lower() not in _RUN_OPENERS:
                names[-1].append(POSSESSIVE.sub("", w))
            if POSSESSIVE.search(w):
                names.append([])
        for name in (" ".join(n) for n in names):
            if held.search(name):
                return name
    return word


def titled_names(question: str, names: list[str]) -> list[tuple[str, str, str]]:
    """(title, name, whole) triples of the question: a name word (`name_words`) after another
    capitalised word that is not its first, "Hurricane Melissa" -> ("Hurricane", "Melissa"), and
    the name they open written whole ("International Civil Service Commission")."""
    out = []
    for m in re.finditer(r"(?<![\w/])(" + _TITLED + r")\s+(" + _TITLED + r")", question):
        head, name = m.group(1), POSSESSIVE.sub("", m.group(2))
        if m.start() > 0 and head.lower() not in _NOT_TITLE_HEADS and name in names:
            out.append((head, name, whole_name(question, m.start())))
    return out


def replaced(head: str, name: str, document: str) -> str | None:
    """What the document names with the question's title where the question has a name it never
    writes, written whole: "Hurricane Beryl" for "Hurricane Melissa". Another thing of the same
    kind is named, which a paraphrase does not do."""
    if not unwritten([name], document):
        return None
    for m in re.finditer(r"\b" + re.escape(head) + r"\s+(" + _TITLED + ")", document):
        other = m.group(1)
        if other != name and other.lower() not in NOT_NAMES and not name.startswith(other):
            # the shortest of its writings: a title's run into the masthead's next line ("... Criminal
            # Tribunals Security Council") is longer than the name in a sentence
            found = re.finditer(r"\b" + re.escape(head) + r"\s+" + re.escape(other) + r"\b", document)
            return min((whole_name(document, w.start()) for w in found), key=lambda n: len(n.split()),
                       default=f"{head} {other}")  # not "Costa Rica" for the question's "Costa Rican"
    return None
