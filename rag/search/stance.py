"""The side a question asks about: meeting reports give the views on a proposal in turn, one
paragraph for the delegations that supported it ("a number of delegations supported the inclusion
of the proposal ...") and the next for those that did not ("Several delegations expressed doubts
about the proposal."), in much the same words. A question asking why delegations doubted or could
not support a proposal is answered by the second; where the first hit opens on the other side and
a hit of its document right after it opens on the asked one, that hit goes first.

A side is taken by those who speak in such reports (delegations, States, members, speakers ...),
with a verb of taking it: "the SPLM/A in Opposition", a treaty's "reservations" or "what did the
Government do to support IDPs" take none."""

from __future__ import annotations

import re

from rag.models import Hit
from rag.textutil import split_sentences

DEPTH = 3  # the hits read for one on the asked side

_SPEAKERS = (r"\b(?:delegations?|delegates?|States|members|speakers|participants|countries|Governments?|sponsors?|"
             r"parties|Parties)\b(?:\s+\S+){0,6}?\s+")
# Against: doubts, opposition, objections, reservations expressed, not supporting.
_AGAINST_VERB = (r"(?:(?:expressed|had|voiced|raised)\s+(?:\w+\s+)?(?:doubts|reservations|objections|opposition)|"
                 r"doubt(?:ed)?|oppos(?:e|ed)|object(?:ed)?|reject(?:ed)?|"
                 r"(?:not|unable|never)\s+(?:\w+\s+){0,4}?support(?:ed)?|cannot\s+support)\b")
# For: supporting, welcoming, endorsing (not "to support" a purpose, nor voting "in favour").
_FOR_VERB = r"(?<!\bto\s)(?:support(?:ed)?|welcom(?:e|ed)|endors(?:e|ed)|favou?r(?:ed)?|expressed\s+support)\b"
_AGAINST = re.compile(_SPEAKERS + _AGAINST_VERB, re.IGNORECASE)
_FOR = re.compile(_SPEAKERS + _FOR_VERB, re.IGNORECASE)
# A count asked ("How many delegations supported ...?") is answered by the paragraph giving it.
_COUNT_Q = re.compile(r"^\s*how\s+(?:many|much)\b", re.IGNORECASE)


def side(text: str) -> str | None:
    """"against" or "for" where speakers in the text take that side (against first: "were not in a
    position to support" is against), else None."""
    if _AGAINST.search(text):
        return "against"
    if _FOR.search(text):
        return "for"
    return None


def _opening_side(hit: Hit) -> str | None:
    """The side the hit's first sentence takes."""
    sentences = split_sentences(hit.text)
    return side(sentences[0]) if sentences else None


def asked_side_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks about one side and the first hit opens on the other,
    the hits with the next one of its document up to DEPTH that opens on the asked side first."""
    asked = None if _COUNT_Q.search(question) else side(question)
    if asked is None or not hits or _opening_side(hits[0]) in (None, asked):
        return hits
    for i, hit in enumerate(hits[1:DEPTH], start=1):
        if hit.symbol == hits[0].symbol and _opening_side(hit) == asked:
            return [hit, *hits[:i], *hits[i + 1:]]
    return hits
