"""Extractive answers: quote the supporting sentence(s) of the best paragraph, cite it,
or abstain when the evidence is weak."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from rag.answer.answertype import offers_answer, question_type
from rag.config import Settings
from rag.embedding.embedders import Embedder
from rag.models import Answer, Citation, Hit
from rag.index.sentences import SentenceIndex
from rag.textutil import content_terms, split_sentences, terms

# A sentence opening with one of these leans on the one before it.
_ANAPHOR = re.compile(r"^(?:The former|The latter|It|Its|This|These|That|Those|They|Their|Such|He|She|"
                      r"Both|Neither|Either|In addition|Moreover|Furthermore|However)\b")
NO_ANSWER = "No paragraph in the indexed documents answers this question."

# Support thresholds calibrated per model and kind of sentence vector (cosine scales differ); a
# model not listed uses DEFAULT_THRESHOLD. Settings.abstain_threshold overrides both.
# all-MiniLM-L6-v2: where 8% of half A of SQuAD v1.1 dev's answerable questions abstain
# (benchmarks/calibrate_abstention.py, docs/quality.md): 0.215 with late-chunked sentence vectors,
# 0.24 with separate ones; hash: the test embedder.
CALIBRATED_THRESHOLDS = {("all-MiniLM-L6-v2", "late"): 0.215, ("all-MiniLM-L6-v2", "separate"): 0.24,
                         ("hash", "late"): 0.1, ("hash", "separate"): 0.1}
DEFAULT_THRESHOLD = 0.24


def threshold_for(settings: Settings) -> float:
    """The abstention threshold in force for the settings' model and sentence vectors."""
    if settings.abstain_threshold is not None:
        return settings.abstain_threshold
    family = settings.model.split(":", 1)[0] if settings.model.startswith("hash:") else settings.model
    return CALIBRATED_THRESHOLDS.get((family, "late"), DEFAULT_THRESHOLD)


IdfFn = Callable[[set[str]], dict[str, float]]

# Quote choice: weights of the sentence's cosine with the question, of the (idf-weighted) share
# of the question's terms it holds, and of offering the kind of answer asked for (rag.answer.answertype);
# chosen on half of the SQuAD articles (docs/quality.md).
QUOTE_DENSE, QUOTE_TERMS, QUOTE_TYPE = 0.3, 0.7, 0.1
# When the two best sentences are adjacent and score within this of each other (a near tie),
# both are quoted (chosen on half A of the SQuAD articles: docs/quality.md).
QUOTE_PAIR_MARGIN = 0.05


def coverage(question: str, text: str, weights: dict[str, float] | None = None) -> float:
    """Share of the question's content terms found in `text`, each counted with its weight
    (its idf, say) when `weights` are given."""
    q = content_terms(question)
    if not q:
        return 0.0
    found = q & set(terms(text))
    if weights is None:
        return len(found) / len(q)
    total = sum(weights.get(t, 0.0) for t in q)
    return sum(weights.get(t, 0.0) for t in found) / total if total > 0 else len(found) / len(q)


def support(hit: Hit, question: str, idf: IdfFn | None = None) -> float:
    """Evidence strength of the top hit: the cosine of its best sentence with the question x the
    idf-weighted share of the question's content terms it holds (calibrated in docs/quality.md)."""
    weights = idf(content_terms(question)) if idf is not None else None
    return max(hit.sentence, 0.0) * coverage(question, hit.text, weights)


def best_quote(question: str, qvec: np.ndarray, text: str, embedder: Embedder,
               vectors: np.ndarray | None = None, idf: IdfFn | None = None) -> str:
    """The sentence that best answers the question (with its antecedent when it needs one), or
    two adjacent sentences when they score about the same (QUOTE_PAIR_MARGIN).

    `vectors` are the stored sentence vectors of `text` (rag.index.sentences); without them, or when
    they do not match the split, the sentences are embedded now."""
    sentences = split_sentences(text)
    if len(sentences) <= 1:
        return text
    if vectors is None or len(vectors) != len(sentences):
        vectors = embedder.encode_documents(sentences)
    sims = vectors @ qvec
    weights = idf(content_terms(question)) if idf is not None else None
    overlap = np.array([coverage(question, s, weights) for s in sentences])
    kind = question_type(question)
    typed = np.array([offers_answer(kind, s, question) for s in sentences], dtype=np.float32)
    score = QUOTE_DENSE * sims + QUOTE_TERMS * overlap + QUOTE_TYPE * typed
    order = np.argsort(-score, kind="stable")
    first = last = int(order[0])
    runner = int(order[1])
    if abs(runner - first) == 1 and score[runner] >= score[first] - QUOTE_PAIR_MARGIN:
        first, last = min(first, runner), max(first, runner)
    if first > 0 and _ANAPHOR.match(sentences[first]):
        first -= 1
    return " ".join(sentences[first:last + 1])


def answer(question: str, hits: list[Hit], qvec: np.ndarray, embedder: Embedder,
           settings: Settings, sentences: SentenceIndex | None = None, idf: IdfFn | None = None) -> Answer:
    """Quote and cite the best hit, or abstain."""
    if not hits or support(hits[0], question, idf) < threshold_for(settings):
        return Answer(question=question, answer=NO_ANSWER, abstained=True, citations=[],
                      reason="no paragraph supports an answer strongly enough")
    citations = []
    for hit in hits[:1]:
        stored = sentences.of_paragraph(hit.pid) if sentences is not None else None
        quote = best_quote(question, qvec, hit.text, embedder, stored, idf)
        citations.append(Citation(symbol=hit.symbol, paragraph=hit.number, page=hit.page, section=hit.section,
                                  quote=quote, score=hit.score, citation=hit.citation, text=hit.text,
                                  footnotes=hit.footnotes))
    return Answer(question=question, answer=citations[0].quote, abstained=False, citations=citations)
