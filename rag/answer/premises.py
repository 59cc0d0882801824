"""A question asking why an event happened that the best paragraph tells the other way: "Why did
the Scientific Committee turn down the Group's request for observer status?" of a paragraph where
the Group "was accepted as an official observer"; "Why was the 2025 organizational session
postponed?" of one where the Commission "held its organizational session for 2025 ... on 7
April". The paragraph is on the topic, but it does not say the asked event happened, so it does
not answer. Only a question asking why is read so: "What share of the requests did Israel
reject?" is answered by the share it "approved". Any question is read for a word the paragraph
writes only negated by a prefix ("a qualified audit opinion" of a paragraph on "an unqualified
audit opinion": `check_negated_word`)."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.textutil import content_terms, split_sentences

# Each event in any form a question or paragraph words it ("postponed", "postponement"), then the
# one that tells it the other way, as done ("accepted", "held its ... session"). An ending is left
# out: "ended" is worded in too many ways ("repealed", "switched off", "expired") for a
# paragraph's "started" to contradict it; so is accepting against withdrawing ("withdraw from
# South Kivu after the Government accepted the plan").
_MEETING = r"(?:session|meeting|conference|summit|forum|election|dialogue|talks|consultation|hearing|vote)s?"
_EVENTS = (
    (r"\b(?:withdr[ae]w\w*|pull(?:s|ed)?\s+out|quit(?:s)?)\b",
     r"\b(?:joined|acceded|ratified)\b"),
    (r"\b(?:reject\w*|refus\w*|turn(?:s|ed)?\s+down|veto\w*)\b",
     r"\b(?:accepted|approved|endorsed)\b"),
    (r"\b(?:cancel\w*|postpon\w*|defer\w*|call(?:s|ed)?\s+off)\b",
     rf"\b(?:(?:held|convened)\s+(?:(?:its|their|the|an?)\s+)?(?:[\w-]+\s+){{0,3}}?{_MEETING}|{_MEETING}\s+"
     rf"(?:was|were)\s+(?:held|convened)|took\s+place)\b"),
)
_COMPILED = tuple((re.compile(asked, re.IGNORECASE), re.compile(told, re.IGNORECASE)) for asked, told in _EVENTS)
# An event any question rests on, not only one asking why: someone freed from detention ("When was
# Mr. Masra released from detention?") of a paragraph that tells only the arrest.
_FREED = re.compile(r"\b(?:released|freed)\s+(?:from\s+)?(?:detention|custody|prison|jail|captivity)\b", re.IGNORECASE)
# Someone the question names as freed: "When was Riek Machar released?", "When was Mr. Masra freed?"
# (group 1 the name, capitalized words without an apostrophe; not a title ending in `_TITLE_WORD`,
# "UNRWA's Flash Appeal").
_NAMED_FREED = re.compile(r"\b(?i:was|were|has\s+been|had\s+been)\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
                          r"((?:(?:[A-Z][\w.-]+|al|el|bin|de|van|von)\s+){1,4})(?:\w+ly\s+)?(?:released|freed)\b")
_TITLE_WORD = re.compile(r"\b(?:Appeal|Report|Update|Plan|Overview|Prospects|Index|Review|Strategy|Statement|Data|"
                         r"Survey|Study|Declaration|Programme|Budget)\s*$")
# A release told as done ("was released on 20 May", "the release on 4 September of", "granted bail",
# "pardoned", "house arrest ... was lifted"), not one called for ("called for his immediate release").
_FREED_ANY = re.compile(r"\b(?:released|freed|set\s+(?:free|at\s+liberty)|(?:granted|on|released\s+on)\s+bail|"
                        r"acquitt\w*|pardon\w*|amnest\w*|liberat\w*|discharged|lifted|ended)\b", re.IGNORECASE)
_RELEASE_NOUN = re.compile(r"\brelease\b", re.IGNORECASE)
_CALLED_FOR = re.compile(r"\b(?:call\w*|urg\w*|demand\w*|request\w*|appeal\w*|seek\w*|sought|press\w*)\b[^.;]{0,40}$",
                         re.IGNORECASE)
# An arrest told ("the arrest of the First Vice-President", "was detained"), not a warrant for one.
_HELD = re.compile(r"\b(?:arrest(?!\s+warrants?)|arrested|detained|imprisoned|jailed|abducted|"
                   r"taken\s+into\s+custody)\b", re.IGNORECASE)
_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def asked_events(question: str) -> list[str]:
    """The question's words for the events it asks why of ("turn down", "postponed")."""
    if not _WHY.search(question):
        return []
    return [m.group(0) for pattern, _ in _COMPILED if (m := pattern.search(question))]


def _named_freed(question: str) -> bool:
    """Whether the question asks of someone it names as released (`_NAMED_FREED`), not of a titled thing."""
    return any(not _TITLE_WORD.search(m.group(1)) for m in _NAMED_FREED.finditer(question))


def _freed_told(paragraph: str) -> bool:
    """Whether the paragraph tells of a release as done (`_FREED_ANY`, or the noun "release" not
    after a call for it)."""
    return _FREED_ANY.search(paragraph) is not None \
        or any(not _CALLED_FOR.search(paragraph[:m.start()]) for m in _RELEASE_NOUN.finditer(paragraph))


def check_premise(question: str, evidence: Evidence) -> Mismatch | None:
    """The event a why-question takes as given that the paragraph never words, while it tells,
    unnegated, the opposite one the question does not word; for any question, someone freed
    (`_FREED`, or a person named as released: `_NAMED_FREED`) of a paragraph that tells only their
    arrest."""
    freed = _FREED.search(question) or _named_freed(question)
    if freed and not _freed_told(evidence.paragraph) and not _HELD.search(question):
        held = _HELD.search(evidence.paragraph)
        if held is not None:
            return Mismatch(Constraint("event", "released", "released"), held.group(0).lower(),
                            'says "{found}", not "{label}"')
    if not _WHY.search(question):
        return None
    for pattern, opposite in _COMPILED:
        asked = pattern.search(question)
        if asked is None or pattern.search(evidence.paragraph) or opposite.search(question):
            continue
        for told in opposite.finditer(evidence.paragraph):
            if not _NEGATED.search(evidence.paragraph[max(0, told.start() - 30):told.start()]):
                word = asked.group(0).lower()
                return Mismatch(Constraint("event", word, word), told.group(0).lower(), 'says "{found}", not "{label}"')
    return None


# A word the question gives that the paragraph writes only negated by a prefix: "a qualified
# audit opinion" of a paragraph on "an unqualified audit opinion".
_PREFIXES = ("un", "non-", "non")
MIN_NEGATED_WORD = 5


def check_negated_word(question: str, evidence: Evidence) -> Mismatch | None:
    """A word of the question (lower case, MIN_NEGATED_WORD letters or more) that the paragraph
    writes only with a negating prefix ("unqualified", "non-binding"), or the other way round;
    not where the question or the paragraph negates it in words ("not yet self-governing"), nor
    for a word the paragraph writes only capitalised, in a name ("non-member observers" of "all
    Member States and observers")."""
    # a word whole: not the end of a hyphenated one ("Non-communicable" asks no "communicable")
    words = {w for w in re.findall(r"(?<![\w-])[a-z][a-z-]+\b", question) if len(w) >= MIN_NEGATED_WORD}
    text = evidence.paragraph.lower()
    common = re.sub(r"(?<![\w-])[A-Z][\w-]*", " ", evidence.paragraph)  # "Member States" writes no "member"
    asked = question.lower()
    for word in sorted(words):
        if _written(word, text):
            continue
        for prefix in _PREFIXES:
            bare = word[len(prefix):] if word.startswith(prefix) else ""
            told = bare if len(bare) >= MIN_NEGATED_WORD and _written(bare, common) \
                else prefix + word if _written(prefix + word, text) else ""
            if told == bare and _negated_somewhere(bare, text):
                continue  # "had not been fully implemented" is "unimplemented"
            if told == prefix + word and _NEGATING_BEFORE.search(asked, 0, _first_at(word, asked)):
                continue  # "territories that are not yet self-governing" are "non-self-governing"
            noun = _noun_after(word, question) if _PREDICATIVE.search(text, 0, _first_at(told, text)) else ""
            if told and _said_of_the_question(told, question, evidence.paragraph, noun):
                return Mismatch(Constraint("event", word, word), told, 'says "{found}", not "{label}"')
    return None


# A word said of its subject by a verb ("some strengthening of the structure was expected"), not
# put before a noun ("a qualified opinion"): it need not qualify the noun the question's word does.
_PREDICATIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _noun_after(word: str, question: str) -> str:
    """The content word the question's word qualifies, right after it ("costs" of "unexpected
    costs"), or ""."""
    m = re.search(rf"(?<![\w-]){re.escape(word)}\s+([a-z][a-z-]+)", question)
    terms = content_terms(m.group(1)) if m else set()
    return next(iter(terms)) if len(terms) == 1 else ""


# Content terms beyond the word itself that a sentence writing the other form shares with the
# question, for the form to be said of what it asks.
SHARED_TERMS = 2


def _said_of_the_question(told: str, question: str, paragraph: str, noun: str = "") -> bool:
    """Whether a sentence of the paragraph writing the other form of the word is about what the
    question asks, sharing SHARED_TERMS of its content terms, read item by item ("the lower
    resources available" in a long paragraph's other item says nothing of cash advances that
    became inaccessible), and the `noun` the question's word qualifies where the paragraph says the
    word of its subject by a verb (`_PREDICATIVE`: "some strengthening of the structure was
    expected" is no word on the "unexpected costs" asked of)."""
    asked = content_terms(question) - content_terms(told)
    parts = [part for sentence in split_sentences(paragraph) for part in _ITEMS.split(sentence)]
    return any(len(asked & (held := content_terms(part))) >= SHARED_TERMS and (not noun or noun in held)
               for part in parts if _written(told, part.lower()))


# Where a sentence's lettered items part: "...; (b) In July 2024, ...".
_ITEMS = re.compile(r"(?<=[.;:])\s+(?=\((?:[a-z]|[ivx]{1,4})\)\s)")


# A negation right before a word of the question, "yet" or a form of "be" between at most: "that
# are not yet self-governing", "who are not staff" (not "did not adopt a binding resolution").
_NEGATING_BEFORE = re.compile(r"\b(?:not|never|no)\s+(?:yet\s+|be\s+|been\s+)?$")


def _first_at(word: str, text: str) -> int:
    """Where the (lower-case) text first writes the word whole."""
    m = re.search(rf"(?<![\w-]){re.escape(word)}\b", text)
    return m.start() if m else 0


def _negated_somewhere(word: str, text: str) -> bool:
    """Whether the (lower-case) text writes the word after a "not", "never" or "no" up to two
    words before it ("had not been fully implemented")."""
    return any(_NEGATED.search(text[max(0, m.start() - 30):m.start()])
               for m in re.finditer(rf"(?<![\w-]){re.escape(word)}\b", text))


def _written(word: str, text: str) -> bool:
    """Whether the (lower-case) text writes the word whole, not as the end of a longer one."""
    return re.search(rf"(?<![\w-]){re.escape(word)}\b", text) is not None


# "Which country replaced Canada ...?", "Who succeeded Maya Morsy ...?": the one replaced (group 1);
# the one a paragraph tells replaced, with its article.
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:of\s+|the\s+|and\s+|de\s+)*[A-Z][\w'’.-]+)*"
_NAME_RUN = rf"(?:the\s+)?({_NAME})"
_ASKS_SUCCESSOR = re.compile(r"^\s*(?i:who|whom|which\s+[\w-]+)\s+(?:replaced|succeeded|took\s+over\s+from)\s+"
                             + _NAME_RUN)
_REPLACING = r"(?:replac|succeed)\w*"


def asks_successor(question: str) -> bool:
    """Whether the question asks who replaced someone it names."""
    return _ASKS_SUCCESSOR.search(question) is not None


def check_successor(question: str, evidence: Evidence) -> Mismatch | None:
    """Who replaced someone the question names, of a paragraph where that one replaces another
    and is replaced by no one: "Which country replaced Canada on the Credentials Committee?" of
    "Canada had been nominated to replace the United States of America" (A/CONF.230/2025/L.2,
    para. 15) tells who Canada replaced."""
    m = _ASKS_SUCCESSOR.search(question)
    if m is None:
        return None
    name = re.escape(m.group(1))
    text = evidence.paragraph
    # told as replaced in any words, or a successor or hand-over told at all: the paragraph may answer
    replaced = re.search(rf"\b(?:{_REPLACING}|took\s+over\s+from|in\s+place\s+of|instead\s+of)\s+"
                         rf"(?:the\s+)?{name}\b|\b{name}\b[^;]{{0,80}}?\b(?:replaced|succeeded)\s+by\b"
                         r"|\bsuccessor|\bhand(?:ed|s)?\s+over\b|\btaken\s+by\b", text)
    replacing = re.search(rf"\b{name}\b[^.;]{{0,40}}?\b{_REPLACING}\s+((?:the\s+)?{_NAME})", text)
    if replaced or replacing is None:
        return None
    return Mismatch(Constraint("event", "replaced", m.group(1)), f"{m.group(1)} replacing {replacing.group(1)}",
                    "tells of {found}, not who replaced {label}")
