"""A hit of the best one's document that gives what the question asks put first: the paragraph
naming the session, meeting or report the question asks about before one that names another of
them ("When is the Committee of Experts on Public Administration to hold its twenty-fifth
session?" had "... its twenty-fourth session ..." first and the paragraph that schedules the
twenty-fifth second), the thing of the year the question names ("the 2024 revision"), the year
it names itself ("In 2027, the Commission may wish to consider ..."), the day it names ("the
statement of 18 May") or the member of a closed set it names ("the draft decision", not "the
draft resolution"); where none does, the one naming the country a which-country question asks
for, the one counting the thing a how-many question names ("96 electoral processes"), or else the
one giving a figure it asks for."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rag.answer.alternatives import alternatives
from rag.answer.answertype import (asks_count, asks_how_long, asks_ordinal_count, asks_share, counted_thing,
                                   question_type, states_answer, states_count, states_count_figure, states_none)
from rag.answer.constraints import numbered_qualifiers, numbered_things
from rag.answer.kinds import asks_country, asks_for_share, gives_share, named_countries
from rag.answer.places import located_places, names_place, other_place
from rag.answer.years import dated_things, framing_years, issue_time, years
from rag.models import Hit
from rag.search.focus import focus
from rag.textutil import MONTH_PATTERN, coverage

DEPTH = 3  # the hits read for one that gives what the question asks
NUMBERED_DEPTH = 5  # the hits read for one naming the session, meeting or report the question numbers
COUNT_DEPTH = 5  # the hits read for one that counts the thing a how-many question names


def asked_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with the first of `asked_numbered_first`, `asked_dated_first`, `asked_year_first`,
    `asked_day_first`, `asked_alternative_first`, `asked_country_first`, `asked_count_first`,
    `asked_figure_first` and `asked_share_first` that moves a hit put first; one rule at most, so
    that none undoes another's choice."""
    for rule in (asked_numbered_first, asked_dated_first, asked_year_first, asked_day_first, asked_alternative_first,
                 asked_country_first, asked_count_first, asked_figure_first, asked_share_first):
        moved = rule(question, hits)
        if moved[:1] != hits[:1]:
            return moved
    return hits


def _promote(question: str, hits: list[Hit], gives: Callable[[Hit], bool], depth: int = DEPTH) -> list[Hit]:
    """`hits` with the next hit of the first's document up to `depth` that `gives` put first,
    passing over one that names another ordinal of a thing the question numbers ("the
    twenty-fourth session" for "the twenty-fifth") or leaves out a place of the question that the
    first names (`_leaves_out_place`)."""
    asked = set(numbered_things(question))
    nouns = {noun for _, noun in asked}
    for i, hit in enumerate(hits[1:depth], start=1):
        named = set(numbered_things(hit.text))
        other = not asked & named and any(noun in nouns for _, noun in named)
        if hit.symbol == hits[0].symbol and not other and gives(hit) and not _leaves_out_place(question, hits[0], hit):
            return [hit, *hits[:i], *hits[i + 1:]]
    return hits


def _leaves_out_place(question: str, first: Hit, hit: Hit) -> bool:
    """Whether the hit (its text, section and document title) leaves unnamed a place the question
    sets its fact in (rag.answer.places.located_places; not one of a clause naming the document)
    that the first hit names, and sets its own fact in another place (`other_place`): "six ...
    buildings in the Shuja'iyah neighbourhood" are another place's buildings than those "in the
    Khallat Athaba' herding community", which the first hit tells of, counting them in other words
    ("78 structures"). A next paragraph naming no place goes on about the first's ("The seminar was
    attended by 85 participants")."""
    asked = focus(question)
    return any(names_place(place, first.text) and not names_place(place, f"{hit.doc_title}\n{hit.section}\n{hit.text}")
               for place in located_places(asked)) and other_place(asked, hit.text) is not None


def _asked_thing_first(question: str, hits: list[Hit], things: Callable[[str], list[tuple[Any, str]]],
                       depth: int = DEPTH, far: Callable[[Hit], bool] | None = None) -> list[Hit]:
    """`hits`, or, where the first names another of the (number, noun) `things` the question names
    and not the asked one, with the next hit of its document up to `depth` that names it put first
    (past DEPTH, only one that `far` also allows)."""
    asked = set(things(question))
    if not asked or not hits:
        return hits
    first = set(things(hits[0].text))
    nouns = {noun for _, noun in asked}
    if asked & first or not any(noun in nouns for _, noun in first):
        return hits
    near = {h.pid for h in hits[:DEPTH]}
    return _promote(question, hits, lambda hit: bool(asked & set(things(hit.text)))
                    and (hit.pid in near or far is not None and far(hit)), depth)


def asked_numbered_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the first names another ordinal of a thing the question numbers ("the
    twenty-fourth session" for "the twenty-fifth session") and not the asked one, with the next
    hit of its document among the first NUMBERED_DEPTH hits that names the asked one put first
    (A/80/56, para. 21, the fifth hit: "at its twenty-ninth session, it would consider the reports
    submitted by Benin and Sri Lanka", under para. 73 on the twenty-seventh and twenty-eighth). Past
    DEPTH, only one that holds as much of the question as the first (not an NGO's entry listing "the
    fifty-fourth session of the Human Rights Council" for the fifty-fourth session of the Commission
    for Social Development) and writes the words naming the thing (not "the fourth International
    Conference on Financing for Development" for "the fourth Arab Land Conference"; a short form,
    "UN", and "regular" aside)."""
    qualifiers = {w for w in numbered_qualifiers(question) if len(w) > 2 and w != "regular"}

    def far(hit: Hit) -> bool:
        return coverage(question, hit.text) >= coverage(question, hits[0].text) \
            and all(re.search(rf"\b{re.escape(w)}\b", hit.text, re.IGNORECASE) for w in qualifiers)

    return _asked_thing_first(question, hits, numbered_things, NUMBERED_DEPTH, far)


def asked_dated_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the first names another year's thing the question names by its year ("the
    2025 revision" for "the 2024 revision") and not the asked one, with the next hit of its
    document up to DEPTH that names the asked one put first."""
    return _asked_thing_first(question, hits, dated_things)


def asked_year_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the first names another year and not the one year the question names
    ("the programme of work of the Commission for 2026" for "the priority theme ... in 2027"), and
    that is not its document's own time (the year it is issued in or the year before), with
    the next hit of its document up to DEPTH that tells of the asked one put first ("In 2027, the
    Commission may wish to consider ...": rag.answer.years.framing_years; not one naming it in
    passing, "a 77 per cent increase from pre-pandemic levels in 2019") where it holds as much of
    the question as the first."""
    asked = years(question)
    if len(asked) != 1 or not hits or asked != years(focus(question)):
        return hits  # a year of the document's clause ("In the 2025 report ..., how many ...?") dates no fact
    year = next(iter(asked))
    first = years(hits[0].text)
    if not first or year in first or year in issue_time((hits[0].symbol,)):
        return hits  # a report tells of its own time without naming it
    held = coverage(question, hits[0].text)  # and holds as much of the question (not "During 2023, Puerto
    # Rico experienced modest economic growth" for its unemployment rate in 2023)
    return _promote(question, hits, lambda hit: year in framing_years(hit.text, question)
                    and coverage(question, hit.text) >= held)


# A day of a month, or two ("On 18 May", "from 18 to 20 May", "on 18 and 20 May").
_DAY = re.compile(rf"\b(\d{{1,2}})(?:\s*(?:to|and|[–-])\s*(\d{{1,2}}))?\s+({MONTH_PATTERN})\b")


# A report's own period, whose days a paragraph telling of it need not write.
_OWN_PERIOD = re.compile(r"\b(?:reporting period|period under (?:review|consideration)|present report)\b",
                         re.IGNORECASE)


def _days(text: str) -> set[tuple[int, str]]:
    """The (day, month) pairs a text names."""
    return {(int(day), m.group(3)) for m in _DAY.finditer(text) for day in m.groups()[:2] if day}


def asked_day_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the first names days and not the one the question names (outside a leading
    clause naming the document: rag.search.focus) ("the statement of 18 May" of S/2025/504, para.
    9, "On 20 May, ..."), with the next hit of its document up to DEPTH that names the asked day and
    holds as much of the question put first (para. 8, "On 18 May, ... signed a statement"); not over
    a first that tells of the report's own period ("During the reporting period, at least 43 United
    Nations personnel were killed" for "between 14 March and 17 June 2025", S/2025/415, para. 16)."""
    asked = _days(focus(question))
    if not asked or not hits:
        return hits
    first = _days(hits[0].text)
    if not first or asked & first or _OWN_PERIOD.search(hits[0].text):
        return hits  # "During the reporting period" may be the days asked
    held = coverage(question, hits[0].text)
    return _promote(question, hits, lambda hit: bool(asked & _days(hit.text)) and coverage(question, hit.text) >= held)


def asked_alternative_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the first names another member of a closed set the question names and not
    the asked one ("the draft resolution" for "the draft decision", rag.answer.alternatives), with
    the next hit of its document up to DEPTH that names the asked one put first."""
    return _asked_thing_first(question, hits, alternatives)


def asked_country_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks which country and the first names none but the
    question's own, with the next hit of its document up to DEPTH that names another put first
    ("Which Government volunteered to host the first session ...?": A/47/466, para. 21's "The
    Government of Germany has offered to host the session" under para. 26 on preparing it)."""
    if not hits or not asks_country(question):
        return hits
    asked = named_countries(question)
    if named_countries(hits[0].text) - asked:
        return hits
    return _promote(question, hits, lambda hit: bool(named_countries(hit.text) - asked))


def asked_count_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks how many of a thing it names and the first hit does not
    write the thing, with the next hit of its document up to COUNT_DEPTH that counts it
    (rag.answer.answertype.states_count) put first: "How many electoral processes did UNDP assist,
    according to the Administrator's final address ...?" of "The UNDP Administrator delivered his
    final address ..." (DP/2025/20, para. 58), where para. 60 gives "assistance to 96 electoral
    processes". A first hit that writes the thing may count it otherwise ("its highest-ever level of
    participation ...: 8,390"); people are counted in most paragraphs of a report, by many words
    ("eight Palestinians working for the Foundation"), so a count of people moves none."""
    thing = counted_thing(question)
    if not hits or not thing or "people" in thing or asks_ordinal_count(question) or any(
            re.search(rf"\b{re.escape(form)}\b", hits[0].text, re.IGNORECASE) for form in thing):
        return hits
    return _promote(question, hits, lambda hit: states_count(hit.text, thing), COUNT_DEPTH)


def _asks_share(question: str) -> bool:
    """Whether the question asks for a share, as the ranking or the answer's check reads one ("What
    fraction ...", "How many per cent ...")."""
    return asks_share(question) or asks_for_share(question)


def asked_share_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks for a share and the first gives none (as the answer's
    check reads one: rag.answer.kinds.gives_share), with the next hit of its document up to DEPTH
    that gives one put first."""
    if not hits or not _asks_share(question) or gives_share(hits[0].text):
        return hits
    return _promote(question, hits, lambda hit: gives_share(hit.text))


def asked_figure_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks how many or how much (not a share, a duration or how
    many times) and the first states no figure nor none of the thing counted ("recorded no
    allegations": rag.answer.answertype.states_none), with the next hit of its document up to
    DEPTH that states one put first. A count asked is also read as the answer's check reads one
    (`states_count_figure`): a share or a sum counts nothing ("68 per cent of service matters" for
    "How many service matters ...?"), and a first hit giving one gives way only to a count of the
    thing itself ("1,260 service matters"; not "28,701 families" for farmers trained by a project
    whose first hit gives its $29.2 million)."""
    if not hits or question_type(question) != "number" or asks_ordinal_count(question) or _asks_share(question) \
            or asks_how_long(question):
        return hits
    count = asks_count(question)  # a count, read as the answer's check reads one too: no share or sum counts

    def gives(text: str) -> bool:
        return states_answer("number", text, question) and (not count or states_count_figure(text, question))

    thing = counted_thing(question)
    if gives(hits[0].text) or states_none(hits[0].text, thing):
        return hits
    if states_answer("number", hits[0].text, question):  # a sum or a share: only a count of the thing itself
        return _promote(question, hits, lambda hit: states_count(hit.text, thing)) if thing else hits
    return _promote(question, hits, lambda hit: gives(hit.text))
