"""Extractive answers: quote the supporting sentence(s) of the best paragraph, cite it,
or abstain when the evidence is weak."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

import numpy as np

from rag.answer.answertype import (
    asks_how_long,
    asks_money,
    asks_ordinal_count,
    asked_state,
    asks_share,
    counted_thing,
    counts_as_asked,
    gives_length,
    gives_money,
    offers_answer,
    question_type,
    states_answer,
    states_count,
    states_none,
)
from rag.answer.constraints import (
    Constraint,
    Evidence,
    Mismatch,
    check_constraints,
    check_quote,
    may_miss,
    never_names,
    numbered_things,
)
from rag.answer.evidence import ABOUT
from rag.answer.kinds import named_countries
from rag.answer.persons import asks_person, lower_case_words, named_people
from rag.answer.subjects import check_unnamed_organization, title_names
from rag.answer.years import issue_years
from rag.config import Settings
from rag.embedding.base import Embedder
from rag.index.sentences import SentenceIndex
from rag.index.token_vectors import TokenStore
from rag.models import Answer, Citation, Closest, DocumentText, Hit
from rag.search.acronyms import as_written
from rag.search.query import Query, Search
from rag.search.cited import without_citation
from rag.search.ordinals import asked_first
from rag.textutil import MONTH_PATTERN, content_terms, coverage, overlap, split_sentences, words

# A sentence opening with one of these breaks down the set the one before it names ("Of these, 14
# were classified as 'very high' risks"): it holds that sentence's terms too.
_BREAKDOWN = re.compile(r"^(?:Of|Among) (?:these|those|them|which)\b")
# A sentence opening with one of these leans on the one before it (an example on what it
# illustrates, a result on its cause).
_ANAPHOR = re.compile(r"^(?:The former|The latter|It|Its|This|These|That|Those|They|Their|Such|He|She|"
                      r"Both|Neither|Either|In addition|Moreover|Furthermore|However|For example|For instance|"
                      r"As a result|Consequently|Thus|Therefore|Hence|Accordingly|Subsequently)\b|"
                      r"^(?:\S+\s+){1,3}subsequently\b|" + _BREAKDOWN.pattern)
NO_ANSWER = "No indexed paragraph answers this."  # a near miss opens the same way (NEAR_MISS)
NEAR_MISS = "No indexed paragraph answers this. Closest: {citation} {mismatch}."
# An abstention for weak support that names its best paragraph reads as a near miss's does.
WEAK = "is too weakly supported to cite"
# An abstention for weak support names its best paragraph where the support is at least this share
# of the threshold: the paragraph a reader may want to check (an answer found in other words); an
# unrelated question's best paragraph, far under it, is not named.
NEAREST_SHARE = 0.75
# Under this share of the threshold, a paragraph whose document never writes a name or country the
# question gives is no closest one, whatever mismatch is found first ("Who won the 2018 FIFA World
# Cup final?" is not "about 1995"); near misses of the question sets stand above it (docs/decisions.md).
FAR_OFF_SHARE = 0.5
# The other documents whose first hits are read where the top hit's document never names the
# organization or mission a question names by its acronym.
OTHER_DOCUMENTS = 4
# A document's symbols, text and masthead, by the symbol it is cited by (rag.index.paragraphs.document_text).
DocumentReader = Callable[[str], DocumentText]

# Support thresholds calibrated per model family (cosine scales differ); a model not listed uses
# DEFAULT_THRESHOLD. Settings.abstain_threshold overrides both (`rag eval --calibrate` finds one
# for a user's own questions). all-MiniLM-L6-v2: the lowest (in steps of 0.01) at which SQuAD
# v1.1 dev's questions asked of the UN corpus, none of which it answers, still abstain 95% of the
# time (docs/un-questions.md); hash: the test embedder.
CALIBRATED_THRESHOLDS = {"all-MiniLM-L6-v2": 0.24, "hash": 0.1}
DEFAULT_THRESHOLD = 0.24


# A paraphrase shares few of the question's words with its paragraph but matches its tokens
# closely: its token-vector score (rag.index.token_vectors.TokenStore.maxsim) x the model's share
# here stands in for the share of terms found when it is larger (chosen with the threshold on
# half A of SQuAD: docs/quality.md). A model not listed (token scores on another scale, the test
# embedder's meaningless ones) counts terms only.
TOKEN_SHARES = {"all-MiniLM-L6-v2": 0.7}


def _family(settings: Settings) -> str:
    return settings.model.split(":", 1)[0] if settings.model.startswith("hash:") else settings.model


def threshold_for(settings: Settings) -> float:
    """The abstention threshold in force for the settings' model."""
    if settings.abstain_threshold is not None:
        return settings.abstain_threshold
    return CALIBRATED_THRESHOLDS.get(_family(settings), DEFAULT_THRESHOLD)


def token_share_for(settings: Settings) -> float:
    """The weight of the token-vector score in the settings' model's support (0: terms only)."""
    return TOKEN_SHARES.get(_family(settings), 0.0)


# Quote choice: weights of the sentence's cosine with the question, of the (idf-weighted) share
# of the question's terms it holds, and of offering the kind of answer asked for (rag.answer.answertype);
# chosen on half of the SQuAD articles (docs/quality.md).
QUOTE_DENSE, QUOTE_TERMS, QUOTE_TYPE = 0.3, 0.7, 0.1
# When the two best sentences are adjacent and score within this of each other (a near tie),
# both are quoted (chosen on half A of the SQuAD articles: docs/quality.md).
QUOTE_PAIR_MARGIN = 0.05
# The next sentence is quoted too when it adds at least this (idf-weighted) share of the
# question's terms to the quote (docs/quality.md).
QUOTE_COMPLEMENT = 0.2


def support(hit: Hit, question: str, idf: dict[str, float] | None = None, synonyms: float = 0.0) -> float:
    """Evidence strength of the top hit: the cosine of its best sentence with the question x the
    idf-weighted share of the question's content terms it holds, or x `synonyms` (its weighted
    token-vector score: `Answerer.synonyms`) when that is larger (calibrated in docs/quality.md);
    `idf` maps the question's content terms to their idf (rag.search.query.Query.idf). An acronym
    the paragraph writes spelled out counts as written (rag.search.acronyms.as_written)."""
    return max(hit.sentence, 0.0) * max(coverage(as_written(question, hit.text), hit.text, idf), synonyms)


# A title or place abbreviation that the sentence splitter ends a sentence at ("the Syrian side of
# Mt. Hermon"): the quote runs on through it.
_TITLE_ABBREVIATION = re.compile(r"\b(?:Mt|Mts|Gen|Lt|Col|Capt|Sgt|Maj|Brig|Adm|Cdr)\.[\"”’)]*$")


def _across_title_abbreviations(sentences: list[str], first: int, last: int) -> tuple[int, int]:
    """The quote's first and last sentences widened over splits at a title abbreviation."""
    while first > 0 and _TITLE_ABBREVIATION.search(sentences[first - 1]):
        first -= 1
    while last + 1 < len(sentences) and _TITLE_ABBREVIATION.search(sentences[last]):
        last += 1
    return first, last


def best_quote(question: str, qvec: np.ndarray, text: str, embedder: Embedder,
               vectors: np.ndarray | None = None, idf: dict[str, float] | None = None) -> str:
    """The sentence that best answers the question (with its antecedent when it needs one), or
    two adjacent sentences when they score about the same (QUOTE_PAIR_MARGIN).

    `vectors` are the stored sentence vectors of `text` (rag.index.sentences); without them, or when
    they do not match the split, the sentences are embedded now. `idf` as for `support`."""
    sentences = split_sentences(text)
    if len(sentences) <= 1:
        return _list_item(question, text, question_type(question), idf)
    if vectors is None or len(vectors) != len(sentences):
        vectors = embedder.encode_documents(sentences)
    sims = vectors @ qvec
    weights = _stressing_state(question, idf)
    overlap = np.array([coverage(question, _with_antecedent(sentences, i), weights) for i in range(len(sentences))])
    kind = question_type(question)
    offers = states_answer if kind == "reason" else offers_answer  # a cause or purpose stated
    typed = np.array([offers(kind, s, question) for s in sentences], dtype=np.float32)
    score = QUOTE_DENSE * sims + QUOTE_TERMS * overlap + QUOTE_TYPE * typed
    roundup = _naming_asked_country(question, sentences)  # read once for the narrowing and the run-on
    giving = _quotable(kind, question, sentences, typed, roundup)
    if giving is not None and giving.any():
        score = np.where(giving, score, score - 1.0)
    order = np.argsort(-score, kind="stable")
    first = last = int(order[0])
    runner = int(order[1])
    if abs(runner - first) == 1 and score[runner] >= score[first] - QUOTE_PAIR_MARGIN:
        first, last = min(first, runner), max(first, runner)
    if first > 0 and _ANAPHOR.match(sentences[first]):
        first -= 1
    first, last = _across_title_abbreviations(sentences, first, last)
    following = sentences[last + 1] if last + 1 < len(sentences) else None
    if following is not None and not (roundup is not None and _opens_on_other_country(question, following)) \
            and _continues(question, kind, " ".join(sentences[first:last + 1]), following, idf):
        last += 1
    return _list_item(question, " ".join(sentences[first:last + 1]), kind, idf)


# A quote this long that runs through lettered or numbered items ("(a) ...; (b) ...") is cut to
# the item that answers: the reader is shown the sub-paragraph, not the whole list.
LONG_QUOTE = 600
_ITEM = re.compile(r"(?:(?<=\s)|^)\((?:[a-z]|[ivx]{1,4})\)\s")


def _list_item(question: str, quote: str, kind: str | None, idf: dict[str, float] | None) -> str:
    """The quote, or where it is longer than LONG_QUOTE and lists two or more items, the item
    holding most of the question (with the kind of answer asked, where one does) when it holds
    more of it than the words before the first item."""
    starts = [m.start() for m in _ITEM.finditer(quote)]
    if len(quote) <= LONG_QUOTE or len(starts) < 2:
        return quote
    items = [quote[a:b].strip() for a, b in zip(starts, [*starts[1:], len(quote)])]
    best = max(items, key=lambda t: (coverage(question, t, idf) + QUOTE_TYPE * states_answer(kind, t, question)))
    lead = quote[:starts[0]]
    return best if coverage(question, best, idf) > coverage(question, lead, idf) else quote


# "It" with no antecedent: "It was noted that ...", "It is important to ...".
_EXPLETIVE = re.compile(r"^It\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be)\s+(?:\S+\s+){0,2}?(?:that|to)\b")


def _leans(sentence: str) -> bool:
    """Whether the sentence leans on the one before it (_ANAPHOR), an expletive "It" aside."""
    return _ANAPHOR.match(sentence) is not None and _EXPLETIVE.match(sentence) is None


def _with_antecedent(sentences: list[str], i: int) -> str:
    """Sentence `i`, after the one before it where it leans on that one and that one on none
    ("However, on 26 January, ... Angola withdrew its advance team" after the sentence naming the
    camp at Goma airport; "Of these, ..."), so that it holds the question's words its antecedent
    names; the quote then takes both (`best_quote`)."""
    if i > 0 and _leans(sentences[i]) and not _leans(sentences[i - 1]):
        return f"{sentences[i - 1]} {sentences[i]}"
    return sentences[i]


# The weight of the state a "how many" question asks about in quote choice, x its idf: "Some 135
# complaints were pending" over the paragraph's lead "As at 2 May 2025, the Committee had registered
# 1,260 complaints" (A/80/44, para. 43). Three cost a SQuAD quote (a place named in the question).
STATE_WEIGHT = 2.0


def _stressing_state(question: str, idf: dict[str, float] | None) -> dict[str, float] | None:
    """The question's term weights with the state a "how many" question asks its things to be in
    (rag.answer.answertype.asked_state) counted STATE_WEIGHT times."""
    state = asked_state(question)
    if not state:
        return idf
    weights = dict(idf) if idf is not None else {t: 1.0 for t in content_terms(question)}
    for term in state:
        if term in weights:
            weights[term] *= STATE_WEIGHT
    return weights


def _quotable(kind: str | None, question: str, sentences: list[str], typed: np.ndarray,
              roundup: np.ndarray | None) -> np.ndarray | None:
    """The sentences a quote is chosen among, else None for all: those giving the kind of answer
    asked (`_giving_answer`), of those the ones with words (a note's marker left at a paragraph's
    end, "... relating to the item. 1", says nothing), naming the country the question names
    (`roundup`: `_naming_asked_country`, read by the caller) and the numbered thing it names
    (`_naming_asked_ordinal`), each narrowing where it leaves any; then of those giving the answer,
    the ones writing the day it names (`_on_asked_day`)."""
    giving = _giving_answer(kind, question, sentences, typed)
    worded = np.array([_WORD.search(s) is not None for s in sentences])
    for narrowed in (worded if worded.any() else None, roundup, _naming_asked_ordinal(question, sentences)):
        if narrowed is not None:
            giving = narrowed if giving is None or not (giving & narrowed).any() else giving & narrowed
    dated = _on_asked_day(question, sentences)  # among those giving the answer: a day's sentence may give none
    if dated is not None and (giving is None or (giving & dated).any()):
        giving = dated if giving is None else giving & dated
    return giving


def _giving_answer(kind: str | None, question: str, sentences: list[str], typed: np.ndarray) -> np.ndarray | None:
    """Which sentences can give the answer where the kind asked narrows them, else None: a share
    or a time limit asked, only a sentence in per cent or giving an amount of time; a date asked
    ("On what date ...?"), one giving a day or a weekday where some do (`_A_DAY`); "how long",
    one giving an amount of time where any does ("Interventions are not to exceed three minutes",
    not "up to five ministers"); a figure asked, one that states a count (not a year, a reference
    or an ordinal, which answers "how many times")."""
    if kind == "duration" or (kind == "number" and asks_share(question)):
        return typed > 0
    if kind == "time":
        return _giving_day(question, sentences)
    if _WHO.match(question) and (asks_person(question) or _OFFICE_ASKED.search(question)):
        return _chosen_as_asked(question, sentences, _naming_someone(question, sentences))
    if kind != "number":
        return None
    if asks_how_long(question) and not any(gives_length(s) for s in sentences):
        lasting = np.array([offers_answer("duration", s, question) for s in sentences])
        if lasting.any():
            return lasting
    if asks_ordinal_count(question):
        return None
    paid = _giving_money(question, sentences)
    if paid is not None:
        return paid
    as_asked = np.array([counts_as_asked(s, question) for s in sentences])
    if as_asked.any():
        return as_asked
    return np.array([states_answer(kind, s, question) for s in sentences])


# A question for a day ("On what date did UNDP issue ...?"), and a sentence giving one ("on 1
# August 2024", "August 1, 2024", "on Monday"), not a month alone ("in December 2024").
_ASKS_DAY = re.compile(r"\bwhat\s+(?:exact\s+)?date\b|\bwhich\s+(?:day|date)\b|\bwhat\s+day\b", re.IGNORECASE)
_A_DAY = re.compile(rf"\b\d{{1,2}}\s+{MONTH_PATTERN}\b|\b{MONTH_PATTERN}\s+\d{{1,2}}\b|"
                    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# A word of two letters or more: a sentence without one is no quote.
_WORD = re.compile(r"[^\W\d_]{2}")
def _giving_day(question: str, sentences: list[str]) -> np.ndarray | None:
    """For a date asked (`_ASKS_DAY`), which sentences give a day or a weekday (`_A_DAY`), where some
    do and some do not; else None."""
    if not _ASKS_DAY.search(question):
        return None
    days = np.array([_A_DAY.search(s) is not None for s in sentences])
    return days if days.any() and not days.all() else None


# A sentence set on the day the one before gives: "On the same day, ...", "That day, ...".
_SAME_DAY = re.compile(r"\b(?:the\s+same|that)\s+day\b", re.IGNORECASE)
# A day the question names: "as at 12 October", "on 3 November".
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_PATTERN})\b")


def _on_asked_day(question: str, sentences: list[str]) -> np.ndarray | None:
    """Which sentences write the day the question names ("As at 12 October, the number was
    estimated at 12,000." for "How many ... were in Puerto Rico as at 12 October ...?", not the
    paragraph's lead on the first weeks), or are set on it ("On the same day, ..."), where some do
    and some do not, and another sentence writes another day; else None."""
    asked = {(int(d), m) for d, m in _DAY_MONTH.findall(question)}
    if not asked:
        return None
    days = [{(int(d), m) for d, m in _DAY_MONTH.findall(s)} for s in sentences]
    for i in range(1, len(days)):  # "On the same day, Richard Nagbe Koon was elected": the day before's
        if not days[i] and _SAME_DAY.search(sentences[i]):
            days[i] = days[i - 1]
    if not any(written - asked for written in days):
        return None  # the paragraph's one day sets the time of all its sentences ("As at 2 May 2025, ...")
    on = np.array([bool(asked & written) for written in days])
    return on if on.any() and not on.all() else None


# Other countries a paragraph names in sentences of their own, from which it goes through countries
# one by one.
ROUNDUP_COUNTRIES = 3


def _naming_asked_country(question: str, sentences: list[str]) -> np.ndarray | None:
    """In a paragraph going through countries one by one (ROUNDUP_COUNTRIES or more others, each in
    a sentence of its own, more than the sentences naming the asked one), which sentences name a
    country the question names ("The Niger is projected to achieve ... growth of 6.6 per cent in
    2025", not Chad's sentence before it, E/2025/76, para. 37), where some do; else None. Not in a
    paragraph about the asked country that names others in passing ("With funding from the
    Government of India, the Centre operates from Colombo ..." on Sri Lanka's), nor where a
    sentence lists them ("In favour: Albania, Andorra, ...")."""
    asked = named_countries(question)
    if not asked:
        return None
    named = [named_countries(s) for s in sentences]
    naming = np.array([bool(asked & n) for n in named])
    others = {c for n in named if len(n) == 1 and not asked & n for c in n}
    if len(others) < ROUNDUP_COUNTRIES or naming.sum() >= len(others) or not naming.any():
        return None
    return naming


# The words at a sentence's start where it names the country it tells of ("Despite electoral
# tensions, Senegal has ...").
OPENING_WORDS = 5


def _opens_on_other_country(question: str, sentence: str) -> bool:
    """Whether the sentence, of a paragraph going through countries (`_naming_asked_country`),
    opens on another country than the question's, within its first OPENING_WORDS words ("In Chad,
    GDP grew ..." after the Niger's sentence; not "This growth is driven by ... a pipeline to Benin")."""
    opening = " ".join(sentence.split()[:OPENING_WORDS])
    return bool(named_countries(opening) - named_countries(question))


def _naming_asked_ordinal(question: str, sentences: list[str]) -> np.ndarray | None:
    """Which sentences name the numbered thing the question names ("its ninth meeting"), where some
    do and another names another of its kind ("held its seventh meeting", S/2025/323, para. 17);
    else None."""
    asked = set(numbered_things(question))
    if not asked:
        return None
    named = [set(numbered_things(s)) for s in sentences]
    nouns = {noun for _, noun in asked}
    naming = np.array([bool(asked & n) for n in named])
    if not naming.any() or not any(noun in nouns for n in named for _, noun in n - asked):
        return None
    return naming


# Figures a table gives in units of money its heading names, no sign beside each: "Expenditures on
# the evaluation function, 2015-2024 (in millions of $)".
_IN_UNITS = re.compile(r"\b(?:millions|thousands|billions)\s+of\s+(?:\$|US\s?\$|dollars|United States dollars|euros|"
                       r"Swiss francs|[A-Z]{3}\b)", re.IGNORECASE)


def _giving_money(question: str, sentences: list[str]) -> np.ndarray | None:
    """Which sentences give a sum of money where the question asks for one and some do (a sum, not
    a count of programmes), unless the figures are in units a table's heading names; else None."""
    if not asks_money(question) or _IN_UNITS.search(" ".join(sentences)):
        return None
    paid = np.array([gives_money(s) for s in sentences])
    return paid if paid.any() else None


# A question for someone holding or given an office: "Who kept acting as Rapporteur ...?", "Whom
# did President Kiir sack as head of the government team ...?" ("Who does the gap favor?" may ask
# for a group, "Who was ABC's rival?" for a company: SQuAD's quotes lost 31 of 4,000 to the rule
# read for any "who").
_WHO = re.compile(r"^\s*(?:who|whom)\b", re.IGNORECASE)
_OFFICE_ASKED = re.compile(r"\b(?:as|(?:is|was|are|were)\s+the)\s+(?:the\s+)?(?:acting\s+|new\s+)?(?:Rapporteur|"
                           r"Chair(?:person|man|woman)?|Co-Chairs?|(?:Vice-)?President|Speaker|Minister|"
                           r"Director(?:-General)?|Envoy|Representative|Coordinator|Commissioner|Ambassador|"
                           r"Moderator|Prosecutor|Judge|Governor|(?i:head|leader|chief))\b")


def _naming_someone(question: str, sentences: list[str]) -> np.ndarray | None:
    """Which sentences name someone the question does not (rag.answer.persons.named_people), where
    some do and some do not: "Kereeta Whyte (Barbados) continued to serve in that role", not "The
    election of the Rapporteur was deferred"; else None."""
    lower = lower_case_words(" ".join(sentences))
    asked = set(words(question))
    countries = named_countries(question)  # a State may be the one asked for ("Uganda chaired the Group of 77")
    naming = np.array([any(not set(p.split()) <= asked for p in named_people(s, lower))
                       or bool(named_countries(s) - countries) for s in sentences])
    return naming if naming.any() and not naming.all() else None


# How a holder is chosen, as a question asks it: "Who was elected Speaker ...?".
_CHOSEN = re.compile(r"\b(elect|appoint|nominat|designat|select)(?:ed|s)?\b", re.IGNORECASE)


def _chosen_as_asked(question: str, sentences: list[str], naming: np.ndarray | None) -> np.ndarray | None:
    """Of the sentences naming someone (`naming`, None for all), those telling that someone was
    chosen as the question asks ("Richard Nagbe Koon was elected as his replacement", not the
    Speaker's resignation before it), where some do; else `naming`."""
    asked = _CHOSEN.search(question)
    if asked is None:
        return naming
    told = re.compile(rf"\b{asked.group(1)}(?:ed|s|ion|ing|ment)?\b", re.IGNORECASE)  # not "electoral"
    chosen = np.array([told.search(s) is not None for s in sentences])
    if naming is not None:
        chosen &= naming
    return chosen if chosen.any() else naming


# A sentence naming what the one before speaks of: "Namely, ...", "These include ...".
_ELABORATES = re.compile(r"^\W*(?:(?:Namely|Specifically|That is),|I\.e\.(?=\s))|"
                         r"^\W*(?:These|They|Those|This)\s+(?:include|includes|included|comprise|comprised)\b")


def _continues(question: str, kind: str | None, quote: str, following: str,
               idf: dict[str, float] | None) -> bool:
    """True when the sentence after the quote completes it: the quote leads in to the answer (it
    lacks the figure, name or reason asked for, and the next sentence states it), or the next
    sentence holds much of the question the quote lacks (QUOTE_COMPLEMENT), or names what the
    quote speaks of ("Namely, financial and labour market deregulation ...": `_ELABORATES`)."""
    if _ELABORATES.match(following):
        return True
    if kind is not None and not states_answer(kind, quote, question):
        return kind == "reason" or states_answer(kind, following, question)
    gain = coverage(question, f"{quote} {following}", idf) - coverage(question, quote, idf)
    return gain >= QUOTE_COMPLEMENT


def _names_elsewhere(mismatch: Mismatch) -> bool:
    """Whether a mismatch names what another document's masthead may name: a country the
    paragraph is not about, an organization or mission by its acronym that its document never
    names, or a session its document never writes (not a year: a report of another year is as
    often a near miss's), or one the paragraph tells of instead of the asked one ("is about UNFPA,
    not UNDP")."""
    acronym = re.fullmatch(r"[A-Z][A-Z-]{1,9}", mismatch.constraint.label) is not None
    return mismatch.constraint.kind == "country" or _unwritten_ordinal(mismatch) or acronym and (
        "never names" in mismatch.template or _tells_of_another(mismatch))


def _tells_of_another(mismatch: Mismatch) -> bool:
    """An organization the paragraph tells of instead of the asked one ("is about UNFPA, not UNDP")."""
    return mismatch.constraint.kind == "organization" and mismatch.template == ABOUT


def _unwritten_ordinal(mismatch: Mismatch) -> bool:
    """An ordinal ("the eightieth session") the top hit's document never writes."""
    return mismatch.constraint.kind == "ordinal" and "from a document that never" in mismatch.template


# The share of all the content words of two paragraphs that both hold, from which one is the
# other's text in another year's resolution.
SAME_TEXT = 0.6


def _same_text(first: str, other: str) -> bool:
    """Whether two paragraphs are one text, as a resolution renewed each year repeats its
    paragraphs: at least SAME_TEXT of the content words of either held by both."""
    a, b = set(content_terms(first)), set(content_terms(other))
    return bool(a and b) and overlap(a, b) >= SAME_TEXT


def _other_documents_first_hits(search: Search) -> Iterator[Hit]:
    """The first hit of each of the first OTHER_DOCUMENTS documents after the top hit's."""
    seen = {search.hits[0].symbol}
    for hit in search.hits[1:]:
        if hit.symbol in seen:
            continue
        if len(seen) > OTHER_DOCUMENTS:
            return
        seen.add(hit.symbol)
        yield hit


def _put_first(search: Search, hit: Hit) -> Search:
    """The search with the hit first, answering in the top hit's stead (no other hit found it)."""
    return replace(search, hits=[hit, *(h for h in search.hits if h.pid != hit.pid)], found_with=None)


def _writes_asked(asked: Constraint, text: str) -> bool:
    """Whether the text writes the numbered thing an ordinal constraint asks of ("2 report")."""
    first, _, noun = asked.value.partition(" ")
    return first.isdigit() and (int(first), noun) in numbered_things(text)


def _names_asked(asked: Mismatch, document: DocumentText, question: str) -> bool:
    """Whether another document's masthead names what the top hit's mismatch says it is not about:
    the country, the session the question numbers ("General Assembly Eightieth session" for "the
    report to the eightieth session"), or the organization or mission by its acronym (`title_names`)."""
    if asked.constraint.kind == "country":
        return asked.constraint.value in named_countries(document.masthead)
    if _unwritten_ordinal(asked):
        session = (int(asked.constraint.value.split()[0]), "session")
        return session in numbered_things(question) and session in numbered_things(document.masthead)
    return title_names(asked.constraint.label, document.masthead, document.text)


class Answerer:
    """The last step of `rag ask`: quote and cite the top hit of a search, or abstain when its
    support is under the threshold."""

    def __init__(self, embedder: Embedder, sentences: SentenceIndex | None, threshold: float,
                 documents: DocumentReader | None = None, tokens: TokenStore | None = None,
                 token_share: float = 0.0) -> None:
        self.embedder = embedder
        self.sentences = sentences  # the index's stored sentence vectors, for quotes
        self.tokens = tokens  # the index's token vectors, for the support of paraphrases
        self.token_share = token_share  # their score's weight in the support (token_share_for)
        self.threshold = threshold
        self.documents = documents  # without it, the question's constraints go unchecked
        self._document: tuple[str, DocumentText] | None = None  # the last document read, by its symbol

    def _document_text(self, symbol: str) -> DocumentText:
        if self._document is None or self._document[0] != symbol:
            assert self.documents is not None
            self._document = (symbol, self.documents(symbol))
        return self._document[1]

    def near_miss(self, question: str, hit: Hit) -> Mismatch | None:
        """The question's constraint (year, period, numbered session, country, a day or month, a
        cited symbol, an organization) that the hit and its document contradict, or None
        (rag.answer.constraints)."""
        if self.documents is None or not may_miss(question):
            return None
        return check_constraints(question, self._evidence(hit))

    def _evidence(self, hit: Hit) -> Evidence:
        doc = self._document_text(hit.symbol)
        return Evidence(hit.text, doc.text, doc.symbols, hit.doc_date, hit.doc_title, hit.section, doc.masthead,
                        doc.headings)

    def _stands_in(self, search: Search, hit: Hit) -> bool:
        """Whether a hit may answer in the top hit's stead: the question's checks pass and it
        supports the question."""
        return self.near_miss(search.query.text, hit) is None and self.hit_support(search, hit) >= self.threshold

    def _other_version(self, search: Search, mismatch: Mismatch) -> tuple[Search, Mismatch | None]:
        """The search with the first paragraph in the top hit's place in another version of its
        document (rag.search.versions) that the question's constraints allow put first; the
        search as it is, with the top hit's mismatch, where none does."""
        for other in search.other_versions:
            if self.near_miss(search.query.text, other) is None:
                return _put_first(search, other), None
        return search, mismatch

    def _answering_instead(self, search: Search, mismatch: Mismatch) -> tuple[Search, Mismatch | None]:
        """The search with a paragraph that answers in the top hit's stead first (its place in
        another version of the document, a next hit of its document writing the numbered thing
        asked, another document of the asked year, another document naming what it never names),
        with no mismatch; else as it is."""
        for instead in (self._other_version, self._writing_asked, self._of_asked_year, self._naming_document):
            search, found = instead(search, mismatch)
            if found is None:
                return search, None
        return search, mismatch

    def _writing_asked(self, search: Search, mismatch: Mismatch) -> tuple[Search, Mismatch | None]:
        """Where the top hit tells of another numbered report than the question asks of ("is about
        the eleventh report, not the second report"), the search with the first of the next
        hits of the same document that writes the asked one ("a contingency provision of SwF 91.9
        million was included ... in the second annual progress report"), passes the question's checks
        and supports it put first; the search as it is, with the top hit's mismatch, where none does."""
        asked = mismatch.constraint
        if asked.kind != "ordinal" or not asked.value.endswith(" report") or mismatch.template != ABOUT:
            return search, mismatch  # a year or a session is written in too many paragraphs of a near miss's document
        top = search.hits[0]
        for hit in search.hits[1:]:
            if hit.symbol == top.symbol and _writes_asked(asked, hit.text) and self._stands_in(search, hit):
                return _put_first(search, hit), None
        return search, mismatch

    def _of_asked_year(self, search: Search, mismatch: Mismatch) -> tuple[Search, Mismatch | None]:
        """Where the top hit's document is of another year than the one the question asks of, the
        search with the first hit of the first OTHER_DOCUMENTS other documents that its symbol
        places in the asked year and that gives the top hit's text in that year's words
        (`_same_text`: "In the 1997 Fourth Committee draft, ...": A/52/622's draft resolution
        under its 2025 successor, A/AC.109/2025/L.9), where the question's checks pass
        and its support is at least NEAREST_SHARE of the threshold (under the threshold, it is
        the nearest paragraph a weak abstention names, not the other year's); the search as it is,
        with the top hit's mismatch, where none does."""
        if mismatch.constraint.kind != "year" or not mismatch.constraint.value.isdigit():
            return search, mismatch
        year = int(mismatch.constraint.value)
        for hit in _other_documents_first_hits(search):
            if year in issue_years((hit.symbol,)) and _same_text(search.hits[0].text, hit.text) \
                    and self.near_miss(search.query.text, hit) is None \
                    and self.hit_support(search, hit) >= NEAREST_SHARE * self.threshold:
                return _put_first(search, hit), None
        return search, mismatch

    def _naming_document(self, search: Search, mismatch: Mismatch) -> tuple[Search, Mismatch | None]:
        """Where the top hit's document never names the organization or mission the question names
        by its acronym and another document's title does (`title_names`: the Secretary-General's
        UNMIK report, answered first from the UNOWAS report; the UNMIK report's title spells out
        the Mission its text calls UNMIK), the search with that document's first hit put first, of
        the first OTHER_DOCUMENTS other documents, where the question's constraints allow it and it
        supports the question; the search as it is, with the top hit's mismatch, where none does.
        The same where the top hit is about another country than the one the question asks about
        and another document's masthead names that one ("the Libya mission" first answered from
        the report on South Sudan; the UNSMIL report's title names Libya), and where the top hit is
        a near miss for another reason but its document never names an organization the question
        names by its acronym ("the Secretary-General's August 2025 report on UNSMIL" first
        answered from a report of October 2024 on the Geneva premises). Where the top hit tells of
        another organization, see `_other_organization`."""
        asked = mismatch if _names_elsewhere(mismatch) else \
            check_unnamed_organization(search.query.text, self._evidence(search.hits[0]))
        if asked is None or not _names_elsewhere(asked):
            return search, mismatch  # an acronym or a country; a place in a title tells little
        if _tells_of_another(asked):
            return self._other_organization(search, asked, mismatch)
        for hit in _other_documents_first_hits(search):
            document = self._document_text(hit.symbol)
            if _names_asked(asked, document, search.query.text) and self._stands_in(search, hit):
                return _put_first(search, hit), None
        return search, mismatch

    def _other_organization(self, search: Search, asked: Mismatch, mismatch: Mismatch) \
            -> tuple[Search, Mismatch | None]:
        """Where the top hit tells of another organization than the asked one ("is about UNFPA, not
        UNDP": UNFPA's audit report for UNDP's), the search with a hit of the next document put
        first, where that document's masthead names the asked one: the first of its hits, in the
        order the rules ordering the top document's hits give them (rag.search.ordinals.asked_first:
        "How many approved posts ...?" puts first the paragraph counting them), that holds as much
        of the question, with its title, as the top hit (not UNFPA's ethics report, which tells of
        no chatbot, for the UNFPA Ethics Office's chatbot of UNDP's report), counts the thing a
        how-many question counts, or none of it (not "a workforce of 6,000 approved personnel" for
        how many approved posts) and stands in; the search as it is, with the top hit's mismatch, where
        none does."""
        question, top = search.query.text, search.hits[0]
        following = next(_other_documents_first_hits(search), None)
        if following is None or not _names_asked(asked, self._document_text(following.symbol), question):
            return search, mismatch
        held = coverage(question, f"{top.doc_title} {top.text}")
        counted = counted_thing(question)
        for hit in asked_first(question, [h for h in search.hits if h.symbol == following.symbol]):
            if coverage(question, f"{hit.doc_title} {hit.text}") >= held \
                    and (not counted or states_count(hit.text, counted) or states_none(hit.text, counted)) \
                    and self._stands_in(search, hit):
                return _put_first(search, hit), None
        return search, mismatch

    def synonyms(self, query: Query, hit: Hit) -> float:
        """The hit's token-vector score for the query x the token share: how much of the question
        the paragraph holds in other words (0 without token vectors or token share)."""
        if self.tokens is None or query.tokens is None or self.token_share <= 0.0:
            return 0.0
        return self.token_share * float(self.tokens.maxsim(query.tokens, np.array([hit.pid], dtype=np.int64))[0])

    def support(self, search: Search) -> float:
        """The support of the search's top hit (0 without hits), or of the paragraph its document
        was found with (`Search.found_with`) when that is larger."""
        if not search.hits:
            return 0.0
        found = [search.found_with] if search.found_with is not None else []
        return max(self.hit_support(search, h) for h in [search.hits[0], *found])

    def hit_support(self, search: Search, hit: Hit) -> float:
        """The support one of the search's hits gives its question (or the question's focus)."""
        queries = [search.query] if search.focus is None else [search.query, search.focus]
        return max(support(hit, q.text, q.idf, self.synonyms(q, hit)) for q in queries)

    def quote(self, query: Query, hit: Hit) -> str:
        """The quote this hit gives for the query."""
        stored = self.sentences.of_paragraph(hit.pid) if self.sentences is not None else None
        return best_quote(query.text, query.vector, hit.text, self.embedder, stored, query.idf)

    def cited_quote(self, search: Search, top: Hit) -> str:
        """The quote of the top hit; of a paragraph the question cites and asks nothing more of
        ("What does A/79/772, para. 17 say?"), its first sentence."""
        if search.cited and not content_terms(without_citation(search.query.text)):
            return (split_sentences(top.text) or [top.text])[0]
        return self.quote(search.asked, top)

    @staticmethod
    def _near_miss(question: str, top: Hit, mismatch: Mismatch, quote: str) -> Answer:
        """The abstention naming the top hit as the closest paragraph (with its `quote`), and how it is
        about something else."""
        closest = Closest(symbol=top.symbol, paragraph=top.number, citation=top.citation, mismatch=mismatch.describe(),
                          annex=top.annex, running=top.running, page=top.page, part=top.part, quote=quote)
        return Answer(question=question, answer=NEAR_MISS.format(citation=top.citation, mismatch=closest.mismatch),
                      abstained=True, citations=[], reason="the best paragraph is about something else",
                      closest=closest)

    def _weak(self, search: Search, nearest: Hit | None) -> Answer:
        """The abstention for weak support, naming the `nearest` paragraph (with its quote) where given."""
        question = search.query.text
        reason = "no paragraph supports an answer strongly enough"
        if nearest is None:
            return Answer(question=question, answer=NO_ANSWER, abstained=True, citations=[], reason=reason)
        named = Closest(symbol=nearest.symbol, paragraph=nearest.number, citation=nearest.citation, mismatch=WEAK,
                        annex=nearest.annex, running=nearest.running, page=nearest.page, part=nearest.part,
                        quote=self.quote(search.asked, nearest))
        return Answer(question=question, answer=NEAR_MISS.format(citation=nearest.citation, mismatch=WEAK),
                      abstained=True, citations=[], reason=reason, closest=named, nearest=named)

    def _far_off(self, search: Search, mismatch: Mismatch, top: Hit) -> bool:
        """Whether the top hit, a near miss, is too far off the question to name as the closest:
        under NEAREST_SHARE of the threshold where its document never names the question's name,
        under FAR_OFF_SHARE where the year or country is found first (`never_names`)."""
        support = self.support(search)
        if mismatch.constraint.kind == "names":
            return support < NEAREST_SHARE * self.threshold
        return support < FAR_OFF_SHARE * self.threshold and never_names(search.query.text, self._evidence(top))

    def answer(self, search: Search) -> Answer:
        """Quote and cite the top hit, or abstain: with the top hit named as the closest paragraph
        where it is about something else than the question asks (whatever its support)."""
        question = search.query.text
        if search.not_cited:
            return Answer(question=question, answer=f"No indexed paragraph answers this: {search.not_cited}.",
                          abstained=True, citations=[], reason="the cited paragraph is not in its document")
        top = search.hits[0] if search.hits else None
        mismatch = self.near_miss(question, top) if top is not None and not search.cited else None
        if mismatch is not None:
            search, mismatch = self._answering_instead(search, mismatch)
            top = search.hits[0]
        if top is not None and mismatch is not None:
            if self._far_off(search, mismatch, top):
                return self._weak(search, None)  # a paragraph far off the question is no closest one
            return self._near_miss(question, top, mismatch, self.quote(search.asked, top))
        support = self.support(search) if top is not None and not search.cited else 0.0
        if top is None or (not search.cited and support < self.threshold):
            return self._weak(search, top if support >= NEAREST_SHARE * self.threshold else None)
        quote = self.cited_quote(search, top)
        quoted_other = check_quote(question, quote, top.text, top.doc_title) \
            if self.documents and not search.cited else None
        if quoted_other is not None:
            return self._near_miss(question, top, quoted_other, quote)
        cited = Citation(symbol=top.symbol, paragraph=top.number, page=top.page, section=top.section,
                         quote=quote, score=top.score, citation=top.citation,
                         text=top.text, footnotes=top.footnotes, part=top.part, annex=top.annex,
                         running=top.running, part_of=top.part_of)
        return Answer(question=question, answer=cited.quote, abstained=False, citations=[cited])
