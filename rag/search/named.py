"""The document a question's leading clause names, among those of the best hits.

"In the UNOPS Executive Director's 2025 report on implementing the restated strategic plan, how
many of the review's recommendations ...?" The clause names a document by what its masthead
prints (title, issuing body, session, venue); the rest of the question matches as well the
paragraphs of other reports on the same topic, and one of them may rank first. Among the
documents of the best NAMED_DEPTH hits, the one whose masthead holds a larger share of the
clause's words (each weighted by its idf: rag.textutil.coverage) is taken where that gain,
times MASTHEAD_WEIGHT, makes up for its best paragraph's lower score (the gap standardised over
those hits); the retriever then ranks that paragraph first
(rag.search.retriever.Retriever.focused).
"""

from __future__ import annotations

import numpy as np

NAMED_DEPTH = 10  # the best hits whose documents are compared with the clause
# A masthead holding all of the clause where the best hit's holds none makes up for a score this
# many standard deviations (of the best hits' scores) lower (docs/decisions.md, "The document a
# leading clause names").
MASTHEAD_WEIGHT = 3.0


def named_choice(best_scores: np.ndarray, document_scores: list[float], shares: list[float]) -> int:
    """Which document to rank first: an index into `document_scores` (each candidate document's
    best score, the first the best hit's) and `shares` (its masthead's share of the clause), 0 to
    keep the best hit's. `best_scores` are the scores of the hits compared, which set the scale."""
    spread = float(np.std(best_scores)) or 1.0
    gains = [(s - document_scores[0]) / spread + MASTHEAD_WEIGHT * (h - shares[0])
             for s, h in zip(document_scores, shares)]
    best = int(np.argmax(gains))
    return best if gains[best] > 0 else 0
