"""The evidence digest: for a question that one sentence does not answer ("What did the
Secretary-General recommend on X?"), the best supporting sentences of several paragraphs and
documents, each with its official citation.

The search's best DIGEST_DEPTH hits are read; a hit is kept when it supports the question as
strongly as a cited answer must (the answerer's threshold) and its document does not contradict
the question's constraints (rag.answer.constraints). A paragraph whose terms are nearly those of
one already kept (a revision's or a corrigendum's copy, a summary repeating the body) is folded
into it, its citation listed under `also`. The kept paragraphs are grouped by document, the
documents ordered by date (undated ones last), each document's paragraphs in its own order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rag.answer.extract import Answerer
from rag.models import DigestGroup, DigestItem, Hit
from rag.search.query import Search
from rag.textutil import content_terms, overlap

# The search's best hits a digest reads.
DIGEST_DEPTH = 10
# Two paragraphs sharing this share of their content terms (Jaccard) are one paragraph twice.
SAME_TEXT = 0.8

# A document's title and date of issue by its symbol.
Describe = Callable[[str], tuple[str, str]]


@dataclass
class _Kept:
    hit: Hit
    rank: int
    words: set[str]
    item: DigestItem


def _kept_hits(answerer: Answerer, search: Search, depth: int) -> list[_Kept]:
    """The hits that support the question, near-identical ones folded into the first."""
    question = search.query.text
    kept: list[_Kept] = []
    for rank, hit in enumerate(search.hits[:depth]):
        score = answerer.support(search) if rank == 0 else answerer.hit_support(search, hit)  # the cited answer's
        if score < answerer.threshold or answerer.near_miss(question, hit) is not None:
            continue
        words = set(content_terms(hit.text))
        twin = next((k for k in kept if overlap(words, k.words) >= SAME_TEXT), None)
        if twin is not None:
            twin.item.also.append(hit.citation)
            continue
        item = DigestItem(paragraph=hit.number, quote=answerer.quote(search.asked, hit), citation=hit.citation,
                          score=score, page=hit.page)
        kept.append(_Kept(hit, rank, words, item))
    return kept


def build_digest(answerer: Answerer, search: Search, describe: Describe,
                 depth: int = DIGEST_DEPTH) -> list[DigestGroup]:
    """The digest of a search's best `depth` hits: supported, deduplicated, grouped by document
    and ordered by date (an empty list when no hit supports the question)."""
    by_symbol: dict[str, list[_Kept]] = {}
    for k in _kept_hits(answerer, search, depth):
        by_symbol.setdefault(k.hit.symbol, []).append(k)
    groups = []
    for symbol, kept in by_symbol.items():
        title, date = describe(symbol)
        kept.sort(key=lambda k: k.hit.pid)
        groups.append((date == "", date, min(k.rank for k in kept),
                       DigestGroup(symbol=symbol, title=title, date=date, items=[k.item for k in kept])))
    groups.sort(key=lambda g: g[:3])
    return [g[3] for g in groups]
