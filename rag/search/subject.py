"""The question's subject inside its document: names that decide nothing there.

A question names what a document is about ("Who chaired the Ad Hoc Committee on the Indian Ocean
in 2025?"), and those words find the document. Inside it they occur in most paragraphs, yet
they still dominate the scores, so the paragraph that restates the subject (the introduction,
the mandate) beats the one that answers (the list of officers). Once the best hit's document is
known, its paragraphs are ranked a second time (rag.search.retriever.Retriever.within). Its
subject is the names the question gives (capitalised words, acronyms) whose terms are in more than
SUBJECT_SHARE of the document's paragraphs, and the question's words that the document's masthead
writes (its title, issuing body, session and venue: "the Special Committee on Peacekeeping
Operations ... at its 2025 session" names the report, and its opening paragraph restates them).
Each paragraph's score for the whole question is summed, z-scored, with SUBJECT_WEIGHT x its
z-scored score for the question without its subject words.
"""

from __future__ import annotations

import numpy as np

from rag.index.terms import ParagraphTerms
from rag.search.fusion import zscore
from rag.textutil import content_terms, named_terms

# A named term of the question held by more than this share of the document's paragraphs is its subject.
SUBJECT_SHARE = 0.35
# Documents shorter than this have no subject: too few paragraphs to tell.
MIN_PARAGRAPHS = 5
# The weight of the question without its subject beside the whole question (SQuAD v1.1 dev and
# PolicyQA rank the same from 0.5 to 2.0; the written UN sets' exact citations rise to 1.5, then
# flatten, while `un_dev` and set l lose one each: docs/decisions.md, "Retrieval" and "The
# question without its subject weighs 1.5").
SUBJECT_WEIGHT = 1.5
# The paragraphs re-ranked: the document's best this many for the whole question.
WITHIN_DEPTH = 20


# The paragraphs read to find a document's subject: all of a document up to this many, else this
# many spread evenly over it (a share estimated on a sample; a question reads no more than this).
SUBJECT_SAMPLE = 400


def subject_sample(ids: np.ndarray) -> list[int]:
    """The paragraph ids `subject_terms` reads for a document: every one, or SUBJECT_SAMPLE
    spread evenly over a longer document."""
    if len(ids) > SUBJECT_SAMPLE:
        ids = ids[np.linspace(0, len(ids) - 1, SUBJECT_SAMPLE).astype(np.int64)]
    return [int(i) for i in ids]


def subject_terms(question: str, paragraphs: list[ParagraphTerms]) -> set[str]:
    """The terms of the names `question` gives (rag.textutil.named_terms) held by more than
    SUBJECT_SHARE of a document's `paragraphs` (none when it has fewer than MIN_PARAGRAPHS)."""
    wanted = named_terms(question)
    if len(paragraphs) < MIN_PARAGRAPHS or not wanted:
        return set()
    held = dict.fromkeys(wanted, 0)
    for p in paragraphs:
        for t in wanted.intersection(p.vocabulary()):
            held[t] += 1
    return {t for t, n in held.items() if n > SUBJECT_SHARE * len(paragraphs)}


def masthead_terms(question: str, masthead: str) -> set[str]:
    """The question's terms that its document's masthead (title, issuing body, session, venue)
    writes: words that name the document, not what is asked of it."""
    return content_terms(question) & content_terms(masthead) if masthead else set()


def combined(whole: np.ndarray, reduced: np.ndarray) -> np.ndarray:
    """The within-document score: z(whole question's score) + SUBJECT_WEIGHT x z(the score of
    the question without its subject), over the same paragraphs."""
    return zscore(whole) + SUBJECT_WEIGHT * zscore(reduced)
