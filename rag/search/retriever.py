"""Hybrid retrieval: a question is prepared once (rag.search.query.Query), its candidates are
scored by BM25, pair BM25, paragraph vectors and sentence vectors, and fused (rag.search.fusion):
z-scored with learned weights, then the best RERANK_DEPTH re-scored with the text features (and
token vectors) of their paragraphs. The best hit's document is then ranked a second time for
what the question asks of it (rag.search.focus, rag.search.subject)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from rag.answer.answertype import (asks_resolution, asks_whether, cites_resolution, in_keywords, is_statement,
                                   question_type, states_answer, states_cause)
from rag.answer.subjects import cited_symbols
from rag.config import Settings
from rag.errors import NotFoundError
from rag.embedding.base import Embedder
from rag.index.flatfile import sorted_unique
from rag.index.store import OpenIndex
from rag.index.terms import ParagraphTerms
from rag.models import Footnote, Hit
from rag.search.acronyms import with_spelled_out
from rag.search.cited import cited_paragraph, writes_symbol
from rag.search.features import text_features
from rag.search.filters import Filters, cited_documents_mask
from rag.search.focus import document_clause, focus
from rag.search.headings import FOLLOWING, answered_under
from rag.search.listings import first_text, listings_last
from rag.search.named import NAMED_DEPTH, named_choice
from rag.search.observations import (asks_advice, asks_counsel, counsels, in_own_section,
                                      of_the_secretary_general)
from rag.search.ordinals import asked_first
from rag.search.periodic import SERIES_DEPTH, asked_time, series_choice
from rag.search.stance import asked_side_first
from rag.search.stated import (another_body, asked_form, citing_first, may_state, office_of_another,
                               on_cited_text, other_bodys_report, states_form)
from rag.search.fusion import MIN_INFORMATIVE_TERMS, first_stage, rescored
from rag.search.query import Query, Search, check_ranking, question_text
from rag.search.versions import Versions, find_versions, place, revisions_first
from rag.search.subject import WITHIN_DEPTH, combined, masthead_terms, subject_sample, subject_terms
from rag.textutil import content_terms, coverage, named_terms, without_terms


def allowed_mask(index: OpenIndex, filters: Filters | str | None) -> np.ndarray | None:
    """Paragraphs of the documents that pass `filters` (a string: a symbol filter), or None for
    all (rag.search.filters)."""
    if isinstance(filters, str):
        filters = Filters(symbol=filters)
    return filters.mask(index) if filters else None


def dense_scores(index: OpenIndex, qvec: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Cosine of the query with the stored vectors of `ids`."""
    if len(ids) == 0:
        return np.zeros(0, dtype=np.float32)
    vecs = index.vectors.reconstruct_batch(ids.astype(np.int64))
    return vecs @ qvec


@dataclass
class Candidates:
    """The paragraphs worth ranking for one question, with each retriever's raw score (the hybrid
    score fuses them: rag.search.fusion, weights chosen on half of the SQuAD articles, see
    docs/quality.md)."""

    ids: np.ndarray  # paragraph ids
    lexical: np.ndarray  # BM25
    dense: np.ndarray  # cosine with the paragraph vector
    sentence: np.ndarray  # best cosine with one of the paragraph's sentences (= dense without sentence vectors)
    pairs: np.ndarray  # BM25 over adjacent term pairs

    def retriever_scores(self) -> dict[str, np.ndarray]:
        """Each retriever's raw scores by the names of rag.search.fusion.FIRST_STAGE."""
        return {"lexical": self.lexical, "dense": self.dense, "sentence": self.sentence, "pairs": self.pairs}


TERMS_CACHE = 50_000  # tokenised paragraphs kept across questions before the cache is dropped

# The kinds of answer a short paragraph can state by itself; a reason only where it states a cause
# in so many words (rag.answer.answertype.states_cause), not a lead-in word ("reasons", "following").
STATED_KINDS = ("time", "frequency", "number", "country", "name", "reason", "resolution", "whether")
# Where the best hit's document states no answer of the form asked (rag.search.stated), the hits
# above this rank that may state it (an officers' list of the next document: the conference's
# report rather than its organization of work).
STATED_DEPTH = 3
# The best candidates read for one writing a symbol the question cites (`symbol_writer_first`).
SYMBOL_DEPTH = 30


def _states(kind: str, text: str, question: str) -> bool:
    """Whether the text states the kind of answer asked: a cause in so many words for a reason
    (`states_cause`), a resolution or decision by its number for which one (`cites_resolution`:
    "Multilingualism (resolution 78/330)"), a statement for a yes-or-no question (`is_statement`:
    not an agenda line), else rag.answer.answertype.states_answer."""
    if kind == "reason":
        return states_cause(text)
    if kind == "resolution":
        return cites_resolution(text, question)
    if kind == "whether":
        return is_statement(text)
    return states_answer(kind, text, question)


def numbered_first(hits: list[Hit], first_numbered: int | None) -> list[Hit]:
    """The hits with an unnumbered first hit of the document's front matter (a summary, a covering
    note: before its first numbered paragraph, `first_numbered`, which restates them) placed
    after the next hit when that is a numbered paragraph of the same document: official documents
    are cited by their numbered paragraphs."""
    if front_matter_first(hits) and first_numbered is not None and hits[0].pid < first_numbered:
        return [hits[1], hits[0], *hits[2:]]
    return hits


def falling_scores(hits: list[Hit]) -> list[Hit]:
    """The hits in their order, their scores the same set sorted from the highest: a paragraph
    that a second ranking moved up shows the score of the place it holds (scores are shown, not
    read by the answer)."""
    ordered = sorted((h.score for h in hits), reverse=True)
    if [h.score for h in hits] == ordered:
        return hits
    return [replace(h, score=score) for h, score in zip(hits, ordered)]


def raised_first(scores: np.ndarray, i: int) -> np.ndarray:
    """A copy of `scores` where candidate `i` ranks above every other."""
    raised = scores.copy()
    raised[i] = float(scores.max()) + 1.0
    return raised


def front_matter_first(hits: list[Hit]) -> bool:
    """Whether the first hit may be front matter giving way to the numbered second hit: it is
    unnumbered text of the body (no annex, no embedded part), the second a numbered paragraph of
    the same document."""
    if len(hits) < 2:
        return False
    top, second = hits[0], hits[1]
    return top.running and not top.annex and not top.part and not second.running and second.symbol == top.symbol


def _hit(r: Any, score: float, lexical: float, dense: float, sentence: float) -> Hit:
    """A paragraph's row (with its document's symbol, source, title and date) as a Hit."""
    return Hit(pid=int(r["id"]), symbol=r["symbol"], number=r["number"], text=r["text"], page=r["page"],
               section=r["section"], score=score, lexical=lexical, dense=dense, sentence=sentence,
               running=bool(r["running"]), annex=r["annex"], source=r["source"],
               footnotes=[Footnote(**f) for f in json.loads(r["footnotes"])], part=r["part"], part_of=r["part_of"],
               doc_title=r["doc_title"], doc_date=r["doc_date"])


class Retriever:
    """Ranks an open index's paragraphs for a question."""

    def __init__(self, index: OpenIndex, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._terms: dict[int, ParagraphTerms] = {}  # tokenised paragraphs, reused across questions

    def prepare(self, question: str) -> Query:
        """The question embedded once (with its token embeddings where the index keeps token
        vectors) and the idf of its terms; UsageError when it is empty."""
        text = question_text(question)
        # "SDG" embedded and weighed as the documents write it too; BM25 scores the question as
        # asked (spelled-out names in BM25 lost near misses: docs/decisions.md)
        searched = with_spelled_out(text)
        tokens = None
        if self.index.tokens is not None:
            vector, output = self.embedder.encode_query(searched)
            tokens = self.index.tokens.prepare(output)
        else:
            vector = self.embedder.encode_queries([searched])[0]
        return Query(text, vector, tokens, self.index.lexical.idf(content_terms(searched)))

    def paragraph_terms(self, pids: list[int]) -> list[ParagraphTerms]:
        """Each paragraph's terms by sentence, as the build stored them (cached; the cache is
        dropped when it grows large)."""
        if len(self._terms) + len(pids) > TERMS_CACHE:
            self._terms.clear()  # before looking for what is missing: every one asked for is then read
        missing = [p for p in pids if p not in self._terms]
        if missing:
            marks = ",".join("?" * len(missing))
            for pid, stored in self.index.conn.execute(
                    f"SELECT id, terms FROM paragraph_terms WHERE id IN ({marks})", missing):
                self._terms[pid] = ParagraphTerms.decode(stored)
        return [self._terms[p] for p in pids]

    def text_features(self, query: Query, pids: list[int]) -> dict[str, np.ndarray]:
        """The re-scoring features of these paragraphs (rag.search.features), with `tokens`, their
        token-vector score, where the index and the query have token embeddings."""
        feats = text_features(self.paragraph_terms(pids), query.idf)
        if self.index.tokens is not None and query.tokens is not None:
            feats["tokens"] = self.index.tokens.maxsim(query.tokens, np.asarray(pids, dtype=np.int64))
        feats["states"] = self.states_answer(query, pids, feats["novel"] < MIN_INFORMATIVE_TERMS)
        return feats

    def states_answer(self, query: Query, pids: list[int], which: np.ndarray) -> np.ndarray:
        """For the paragraphs `which` marks (the few with little beyond the question's words),
        whether they state the kind of answer the question asks for (`_states`), or a figure where
        it asks for no kind (a keyword query: "unpaid assessed contributions UNISFA" finds the one
        sentence giving the sum); False for the others."""
        out = np.zeros(len(pids), dtype=bool)
        kind = "whether" if asks_whether(query.text) else "resolution" if asks_resolution(query.text) else \
            question_type(query.text) or "number"
        marked = [int(i) for i in np.flatnonzero(which)]
        if kind not in STATED_KINDS or not marked:
            return out
        texts = self.index.paragraph_texts([pids[i] for i in marked])
        for i in marked:
            text = texts.get(pids[i])
            out[i] = text is not None and _states(kind, text, query.text)
        return out

    def scores(self, query: Query, cands: Candidates, mode: str = "hybrid") -> np.ndarray:
        """The ranking score of each candidate under `mode`: bm25, dense, or else hybrid."""
        if mode == "bm25":
            return cands.lexical
        if mode == "dense":
            return cands.dense
        stage = first_stage(cands.retriever_scores())
        top = stage.top()
        return rescored(stage, top, self.text_features(query, [int(cands.ids[i]) for i in top]),
                        named=in_keywords(query.text))

    def candidates(self, query: Query, filters: Filters | str | None = None) -> Candidates:
        """Top candidates of BM25, paragraph vectors and sentence vectors, scored by all four
        retrievers; only the paragraphs of the documents that pass `filters` when given."""
        return self.candidates_in(query, allowed_mask(self.index, filters))

    def candidates_in(self, query: Query, mask: np.ndarray | None) -> Candidates:
        """`candidates` among the paragraphs `mask` allows (all when None)."""
        qvec = query.vector
        empty = np.zeros(0, dtype=np.float32)
        if mask is not None and not mask.any():
            return Candidates(np.zeros(0, dtype=np.int64), empty, empty, empty, empty)
        c = min(self.settings.candidates, self.index.size)
        sentences = self.index.sentences
        if mask is None:
            allowed = None
            lex = self.lexical_scores(query, None, "terms")
            _, dense_ids = self.index.vectors.search(qvec[None, :], c)
            dense_ids = dense_ids[0][dense_ids[0] >= 0]
            if sentences is not None:
                dense_ids = np.concatenate([dense_ids, sentences.top_paragraphs(qvec, c)])
            matching = np.flatnonzero(lex > 0)  # top-c among matching paragraphs only (cheap at 1M)
            lex_ids = matching
        else:  # every score is of the allowed paragraphs only, in their order
            allowed = np.flatnonzero(mask)
            lex = self.lexical_scores(query, mask, "terms", allowed)
            sims = dense_scores(self.index, qvec, allowed)
            dense_ids = allowed[np.argsort(-sims)[:c]]
            if sentences is not None:
                best = sentences.max_scores(qvec, allowed)
                dense_ids = np.concatenate([dense_ids, allowed[np.argsort(-best)[:c]]])
            matching = np.flatnonzero(lex > 0)
            lex_ids = allowed[matching]
        if len(lex_ids) > c:
            lex_ids = lex_ids[np.argpartition(-lex[matching], c - 1)[:c]]
        cand = sorted_unique(np.concatenate([dense_ids, lex_ids])).astype(np.int64)
        if len(cand) == 0:
            return Candidates(cand, empty, empty, empty, empty)
        if allowed is None:
            d = dense_scores(self.index, qvec, cand)
            sent = sentences.max_scores(qvec, cand) if sentences is not None else d
            return Candidates(cand, lex[cand], d, sent, self.lexical_scores(query, None, "pairs")[cand])
        at = np.searchsorted(allowed, cand)  # every candidate is an allowed paragraph
        sent = best[at] if sentences is not None else sims[at]
        return Candidates(cand, lex[at], sims[at], sent, self.lexical_scores(query, mask, "pairs", allowed)[at])

    def lexical_scores(self, query: Query, mask: np.ndarray | None, kind: str,
                       allowed: np.ndarray | None = None) -> np.ndarray:
        """BM25 of every paragraph (`mask` None), or of the paragraphs `allowed` (those `mask`
        allows, ascending), over the question's terms (`kind` "terms") or adjacent term pairs
        ("pairs"). Those of the whole index are kept on the query: a ranking inside one document
        reads them instead of the postings."""
        if mask is not None and allowed is None:
            allowed = np.flatnonzero(mask)
        kept = query.whole_index.get(kind)
        if kept is not None:
            return kept if mask is None else kept[allowed]
        score = self.index.lexical.scores if kind == "terms" else self.index.lexical.pair_scores
        out = score(query.text, mask)
        if mask is None:
            query.whole_index[kind] = out
            return out
        return out[allowed]

    def hits(self, cands: Candidates, scores: np.ndarray, k: int) -> list[Hit]:
        """The k best candidates under `scores` as Hits, best first."""
        order = np.argsort(-scores, kind="stable")[:k]
        rows = self.index.paragraph_rows([int(cands.ids[i]) for i in order])
        return [_hit(rows[int(cands.ids[i])], float(scores[i]), float(cands.lexical[i]), float(cands.dense[i]),
                     float(cands.sentence[i])) for i in order]

    @cached_property
    def versions(self) -> Versions:
        """The documents indexed in more than one version (rag.search.versions)."""
        return find_versions(self.index.document_symbols())

    def revisions_first(self, cands: Candidates, scores: np.ndarray) -> np.ndarray:
        """`scores` where a superseded version's paragraphs lose their ties with its revision's."""
        if not self.versions.superseded:
            return scores
        return revisions_first(scores, self.index.paragraph_documents()[cands.ids], self.versions)

    def same_place(self, hit: Hit) -> list[Hit]:
        """The paragraphs in the hit's place in the other indexed versions of its document (with
        the hit's scores), latest version first."""
        documents = self.index.paragraph_documents()
        out = []
        for other in self.versions.others.get(int(documents[hit.pid]), ()):
            rows = self.index.paragraph_rows(np.flatnonzero(documents == other).tolist())
            wanted = (hit.annex, hit.part, hit.part_of, hit.number, hit.running)
            out += [_hit(r, hit.score, hit.lexical, hit.dense, hit.sentence) for r in rows.values() if place(r) == wanted]
        return out

    def rank(self, query: Query, modes: Iterable[str] = ("hybrid",), k: int | None = None,
             filters: Filters | str | None = None) -> dict[str, Search]:
        """The top-k hits (best first) under each ranking of `modes` (rag.search.query.RANKINGS),
        from one set of candidates; the hybrid ranking orders the best hit's document by the
        question's focus there (`focused`)."""
        modes = [check_ranking(m) for m in modes]
        mask = self.searched_mask(query, filters)
        cands = self.candidates_in(query, mask)
        k = k or self.settings.top_k
        if len(cands.ids) == 0:
            return {mode: Search(query, []) for mode in modes}
        out = {}
        for mode in modes:
            scores = self.scores(query, cands, mode)
            out[mode] = self.cited_first(self.focused(query, cands, scores, k, mask), mask) if mode == "hybrid" \
                else Search(query, self.hits(cands, scores, k))
        return out

    def searched_mask(self, query: Query, filters: Filters | str | None) -> np.ndarray | None:
        """The paragraphs a question may cite: those `filters` allow; of those, the paragraphs of
        the documents the question cites by symbol where it cites indexed ones and no symbol
        filter is given (a question citing a document asks of it, as `--symbol` would)."""
        mask = allowed_mask(self.index, filters)
        if isinstance(filters, str) or (filters is not None and filters.symbol and filters.symbol.strip()):
            return mask
        cited = cited_documents_mask(self.index, query.text)
        if cited is None or (mask is not None and not (mask & cited).any()):
            return mask
        return cited if mask is None else mask & cited

    def focused(self, query: Query, cands: Candidates, scores: np.ndarray, k: int,
                mask: np.ndarray | None) -> Search:
        """The hits of `scores`, where the places held by the best hit's document hold its
        paragraphs ranked a second time (`within`) for what the question asks of it: the question
        without a leading clause that names the document (rag.search.focus), its subject words
        down-weighted (rag.search.subject). The document is found by the whole question, its
        paragraph by what the question asks of it; where that puts another paragraph first, the
        whole ranking's first hit is the one the document was found with (`found_with`: the answer
        may take its support)."""
        text = focus(query.text)
        scores = self.symbol_writer_first(query, cands, scores)
        scores = self.series_report_first(query, cands, scores)
        scores = self.revisions_first(cands, self.named_document_first(query, cands, scores))
        best = int(cands.ids[int(np.argmax(scores))])
        first, last = self.index.document_span(best)
        inside = self.document_mask(first, last, mask)
        asked = self.prepare(text) if text != query.text else query
        inner = self.within(asked, inside, k, changed=asked is not query, masthead=self.index.masthead(best))
        whole = self.hits(cands, scores, k)
        hits = whole
        if inner is not None:  # the document's places hold its paragraphs ranked for what is asked of it
            ranked = iter(listings_last(query.text, inner))
            seen: set[int] = set()
            hits = [next(ranked, h) if first <= h.pid <= last else h for h in whole]
            hits = [h for h in hits if not (h.pid in seen or seen.add(h.pid))]
        hits = listings_last(query.text, hits)
        found = Search(query, self.under_heading_first(query.text, self.numbered_first(hits, first, last), last),
                       focus=asked if asked is not query else None)
        lead = first_text(query.text, [h for h in whole if first <= h.pid <= last])
        if found.hits and lead is not None and found.hits[0].pid != lead.pid:  # the displaced hit found the document
            found = replace(found, found_with=lead)
        found = self.stated_answer_first(found, first, last, mask)
        found = self.observations_first(found, first, last, mask)
        hits = citing_first(query.text, asked_side_first(query.text, asked_first(query.text, found.hits)))
        if hits[:1] != found.hits[:1]:  # the displaced hit found the document: its support counts
            found = replace(found, found_with=found.found_with or found.hits[0])
        hits = falling_scores(hits)
        return replace(found, hits=hits, other_versions=self.same_place(hits[0]) if self.versions.others else [])

    def cited_first(self, search: Search, mask: np.ndarray | None) -> Search:
        """`search` with the paragraph the question cites by symbol and number (rag.search.cited)
        first, where the index holds it and the filters (`mask`) allow it; with what the cited
        document has where it lacks that paragraph."""
        cited = cited_paragraph(search.query.text)
        try:
            pid = self.index.cited_paragraph_id(*cited) if cited is not None else None
        except NotFoundError as exc:
            return replace(search, not_cited=exc.message)
        if pid is None or (mask is not None and not mask[pid]):
            return search
        rest = [h for h in search.hits if h.pid != pid]
        top = rest[0].score if rest else 0.0
        hit = next((h for h in search.hits if h.pid == pid), None) or \
            _hit(self.index.paragraph_rows([pid])[pid], top, 0.0, 0.0, 0.0)
        return replace(search, hits=[replace(hit, score=max(hit.score, top)), *rest][:max(len(search.hits), 1)],
                       found_with=None, focus=None, cited=True)

    def numbered_first(self, hits: list[Hit], first: int, last: int) -> list[Hit]:
        """`numbered_first` over the hits, whose first is of the document of paragraphs
        `first`..`last`; its first numbered paragraph is read only when the hits could swap."""
        if not front_matter_first(hits):
            return hits
        row = self.index.conn.execute("SELECT MIN(id) FROM paragraphs WHERE id BETWEEN ? AND ? AND running = 0",
                                      (first, last)).fetchone()
        return numbered_first(hits, None if row is None or row[0] is None else int(row[0]))

    def under_heading_first(self, question: str, hits: list[Hit], last: int) -> list[Hit]:
        """`hits`, or, where the first is an unnumbered heading of the numbered paragraph right
        after it (rag.search.headings) and the question does not ask what was recommended, the
        hits with that paragraph (of the document's paragraphs up to `last`) first."""
        if not hits or not hits[0].running:
            return hits
        after = [p for p in range(hits[0].pid + 1, hits[0].pid + 1 + FOLLOWING) if p <= last]
        rows = self.index.paragraph_rows(after)
        following = [_hit(rows[p], hits[0].score, 0.0, 0.0, 0.0) for p in after if p in rows]
        under = answered_under(question, hits, following)
        if under is None:
            return hits
        return [replace(under, score=hits[0].score), *(h for h in hits if h.pid != under.pid)][:len(hits)]

    def document_mask(self, first: int, last: int, mask: np.ndarray | None) -> np.ndarray:
        """The paragraphs `first`..`last` (one document's) that `mask` (the filters) allows."""
        inside = np.zeros(self.index.size, dtype=bool)
        inside[first:last + 1] = True
        return inside if mask is None else inside & mask

    def stated_answer_first(self, search: Search, first: int, last: int, mask: np.ndarray | None = None) -> Search:
        """`search`, or, for a question asking for an answer of a fixed form (an office's holder, a vote, a
        count: rag.search.stated) where the first hit states none (`may_state` is False), the search with
        the best paragraph of the first hit's document (paragraphs `first`..`last`, those `mask`, the
        filters, allows) that states one first, `found_with` (whose support the answer may take) the hit it
        displaced. Where that document states none, the document of the next hit up to STATED_DEPTH that
        does, that hit displaced (not for a count: another document's count of the thing is seldom the one
        asked). A stating paragraph is passed over where a name the question gives is written neither
        there, nor in its section, its document's title, the displaced hit or the first (an officers' list
        of another body is no answer: `another_body`), where it names the office's body otherwise
        ("President of the first Review Conference": `office_of_another`), or where it is in a subsidiary
        body's report the question does not name (`other_bodys_report`)."""
        asked, hits = search.asked, search.hits
        form = asked_form(asked.text)
        if form is None or not hits or (may_state(hits[0].text, form, asked.text)
                                        and not office_of_another(asked.text, hits[0].text, form)
                                        and not other_bodys_report(asked.text, hits[0].part)):
            return search
        spans = [(first, last, self.document_mask(first, last, mask), hits[0])]
        depth = 1 if form == "count" else STATED_DEPTH
        for hit in hits[1:depth]:
            if not any(lo <= hit.pid <= hi for lo, hi, _, _ in spans):
                lo, hi = self.index.document_span(hit.pid)
                spans.append((lo, hi, self.document_mask(lo, hi, mask), hit))
        for lo, hi, allowed, found in spans:
            stating = self._stating(asked, form, allowed, lo, hi, found)
            if stating is not None and not office_of_another(asked.text, stating.text, form) and (
                    on_cited_text(asked.text, f"{stating.section}\n{stating.text}") or not another_body(
                        asked.text, " ".join(dict.fromkeys((stating.doc_title, stating.section, stating.text,
                                                            found.text, hits[0].text))))):
                raised = [stating, *(h for h in hits if h.pid != stating.pid)][:len(hits)]
                return Search(search.query, raised, focus=search.focus, found_with=found)
        return search

    def observations_first(self, search: Search, first: int, last: int, mask: np.ndarray | None) -> Search:
        """`search`, or, where the question asks what the Secretary-General recommends
        (rag.search.observations) and the first hit is not in the observations of its document, a
        report of the Secretary-General (paragraphs `first`..`last`, those `mask` allows), the
        search with the best paragraph of those observations (for advice asked, of those that
        counsel, where any does) first, `found_with` the hit it displaced."""
        hits = search.hits
        if not hits or not asks_counsel(search.query.text) or in_own_section(hits[0].section) \
                or not of_the_secretary_general(hits[0].doc_title):
            return search
        inside = self.document_mask(first, last, mask)
        which, counselling = (np.zeros(self.index.size, dtype=bool) for _ in range(2))
        for pid, section, text in self.index.conn.execute(
                "SELECT id, section, text FROM paragraphs WHERE id BETWEEN ? AND ?", (first, last)):
            which[int(pid)] = bool(inside[int(pid)]) and in_own_section(section or "")
            counselling[int(pid)] = which[int(pid)] and counsels(text)
        advice = asks_advice(search.query.text) and bool(counselling.any())
        own = self.candidates_in(search.asked, counselling if advice else which)
        if len(own.ids) == 0:
            return search
        best = self.hits(own, self.scores(search.asked, own, "hybrid"), 1)[0]
        raised = [best, *(h for h in hits if h.pid != best.pid)][:len(hits)]
        return replace(search, hits=raised, found_with=search.found_with or hits[0])

    def _stating(self, asked: Query, form: str, inside: np.ndarray, first: int, last: int, found: Hit) -> Hit | None:
        """The best paragraph of paragraphs `first`..`last` (those `inside` allows) that states an
        answer of `form`, one up to two paragraphs after `found` first; None where none does."""
        which = np.zeros(self.index.size, dtype=bool)
        for pid, text, part in self.index.conn.execute(
                "SELECT id, text, part FROM paragraphs WHERE id BETWEEN ? AND ?", (first, last)):
            which[int(pid)] = bool(inside[int(pid)]) and states_form(text, form, asked.text) \
                and not other_bodys_report(asked.text, part) and not office_of_another(asked.text, text, form)
        within = self.candidates_in(asked, which)  # every stating paragraph: fewer than the candidates
        if len(within.ids) == 0:
            return None
        ranked = self.hits(within, self.scores(asked, within, "hybrid"), len(within.ids))
        return next((h for h in sorted(ranked, key=lambda h: h.pid) if 0 < h.pid - found.pid <= 2), ranked[0])

    def symbol_writer_first(self, query: Query, cands: Candidates, scores: np.ndarray) -> np.ndarray:
        """`scores` with the best of the first SYMBOL_DEPTH candidates that writes a symbol the
        question cites and the index holds no document of (a draft or amendment: "Who introduced
        the amendments in document A/C.4/50/L.7 ...?" is asked of the report recording them)
        raised to the first place; unchanged where the question cites none such, or the first
        writes it."""
        symbols = cited_symbols(query.text)
        if not symbols or cited_documents_mask(self.index, query.text) is not None:
            return scores
        order = np.argsort(-scores, kind="stable")[:SYMBOL_DEPTH]
        texts = self.index.paragraph_texts([int(cands.ids[i]) for i in order])
        for i in order:
            if writes_symbol(texts.get(int(cands.ids[i]), ""), symbols):
                return scores if i == order[0] else raised_first(scores, int(i))
        return scores

    def series_report_first(self, query: Query, cands: Candidates, scores: np.ndarray) -> np.ndarray:
        """`scores` with the best paragraph of the report of the best hit's series that the
        question's time points to (rag.search.periodic) raised to the first place; unchanged when
        there is none."""
        asked = asked_time(query.text)
        if asked is None:
            return scores
        hits = self.hits(cands, scores, SERIES_DEPTH)
        chosen = series_choice(asked, hits)
        if chosen is None:
            return scores
        best = next(h.pid for h in hits if h.symbol == chosen)
        return raised_first(scores, int(np.flatnonzero(cands.ids == best)[0]))

    def named_document_first(self, query: Query, cands: Candidates, scores: np.ndarray) -> np.ndarray:
        """`scores` with the best paragraph of the document that a leading clause of the question
        names (rag.search.named) raised to the first place; unchanged when the question has no
        such clause or the best hit's document is the one it names."""
        clause = document_clause(query.text)
        if clause is None:
            return scores
        order = np.argsort(-scores, kind="stable")[:NAMED_DEPTH]
        rows = self.index.paragraph_rows([int(cands.ids[i]) for i in order])
        best_of: dict[int, int] = {}  # a document's id -> its best candidate
        for i in order:
            best_of.setdefault(int(rows[int(cands.ids[i])]["doc_id"]), int(i))
        if len(best_of) < 2:
            return scores
        picks = list(best_of.values())
        shares = [coverage(clause, self.index.masthead(int(cands.ids[i])), query.idf) for i in picks]
        chosen = named_choice(scores[order], [float(scores[i]) for i in picks], shares)
        return scores if chosen == 0 else raised_first(scores, picks[chosen])

    def within(self, asked: Query, inside: np.ndarray, k: int, changed: bool, masthead: str = "") -> list[Hit] | None:
        """The k best paragraphs of one document (those `inside` allows) for `asked`, its subject
        words down-weighted (rag.search.subject): the names most of its paragraphs hold and the
        words its `masthead` writes; None when that ranks nothing differently from the whole
        index's ranking (`changed`: `asked` is not the question the index was ranked for)."""
        named = named_terms(asked.text)  # a question that names nothing has no subject: no paragraph read
        subject = subject_terms(asked.text, self.paragraph_terms(subject_sample(np.flatnonzero(inside)))) if named else set()
        subject |= masthead_terms(asked.text, masthead)
        reduced = without_terms(asked.text, subject) if subject else ""
        if not (changed or content_terms(reduced)):
            return None
        within = self.candidates_in(asked, inside)
        if len(within.ids) == 0:
            return []
        whole = self.scores(asked, within, "hybrid")
        if not content_terms(reduced):
            return self.hits(within, whole, k)
        narrow = self.prepare(reduced)
        other = self.candidates_in(narrow, inside)
        narrow_scores = self.scores(narrow, other, "hybrid")
        pool = np.argsort(-whole, kind="stable")[:WITHIN_DEPTH]
        by_pid = dict(zip(other.ids.tolist(), narrow_scores.tolist()))
        floor = float(narrow_scores.min()) if len(narrow_scores) else 0.0
        second = combined(whole[pool], np.array([by_pid.get(int(p), floor) for p in within.ids[pool]]))
        scores = whole - whole.max() - 1.0  # the rest below the pool, in their order
        scores[pool] = second - second.min()
        return self.hits(within, scores, k)

    def search(self, question: str, k: int | None = None, filters: Filters | str | None = None,
               mode: str = "hybrid") -> Search:
        """The top-k hits (best first) under `mode`, with the query they were ranked for."""
        return self.rank(self.prepare(question), (mode,), k, filters)[mode]
