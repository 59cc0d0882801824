"""Learned fusion (rag.search.fusion) and the text features it re-scores with (rag.search.features)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from rag.answer.extract import best_quote
from rag.config import load_settings
from rag.embedding.embedders import HashEmbedder
from rag.index.terms import ParagraphTerms
from rag.search.features import TEXT_FEATURES, text_features
from rag.search.fusion import (MIN_INFORMATIVE_TERMS, RERANK_DEPTH, demote_uninformative, first_stage, rescored,
                               zscore)
from rag.service import Session, build
from rag.textutil import content_terms
from tests.conftest import DEMO_QUESTION


def question_idf(question: str, idf: dict[str, float]) -> dict[str, float]:
    """Each of the question's terms with its idf in `idf` (0 for a term it does not list)."""
    return {t: idf.get(t, 0.0) for t in content_terms(question)}


def test_zscore_centres_and_scales_and_is_zero_for_ties() -> None:
    z = zscore(np.array([1.0, 2.0, 3.0]))
    assert z.mean() == pytest.approx(0.0) and z.std() == pytest.approx(1.0)
    assert list(zscore(np.array([4.0, 4.0]))) == [0.0, 0.0]
    assert len(zscore(np.array([]))) == 0


def test_fusion_ranks_by_every_retriever_and_rescored_candidates_stay_on_top() -> None:
    n = RERANK_DEPTH + 20
    rng = np.random.default_rng(0)
    base = {k: rng.random(n) for k in ("lexical", "dense", "sentence", "pairs")}
    base["lexical"][7] = base["dense"][7] = base["sentence"][7] = 5.0  # best on all three
    stage = first_stage(base)
    assert int(np.argmax(stage.scores)) == 7
    top = stage.top()
    final = rescored(stage, top, {k: np.zeros(len(top)) for k in TEXT_FEATURES})
    assert len(top) == RERANK_DEPTH and top[0] == 7
    rest = np.setdiff1d(np.arange(n), top)
    assert final[top].min() > final[rest].max()
    assert int(np.argmax(final)) == 7


def test_text_features_reward_the_question_terms_close_together() -> None:
    question = "When did the oil embargo end?"
    idf = {"oil": 2.0, "embargo": 3.0, "end": 1.0}
    together = ParagraphTerms.of("Prices rose. The oil embargo came to an end in March 1974.")
    apart = ParagraphTerms.of("Oil prices rose sharply that winter. Many long talks followed between ministers, "
                              "traders, delegations and bankers across several capitals. The embargo was "
                              "debated at length by parliaments and newspapers. In the end nothing changed.")
    none = ParagraphTerms.of("Nothing here is relevant.")
    f = text_features([together, apart, none], question_idf(question, idf))
    assert set(f) == set(TEXT_FEATURES)
    assert f["cov"][0] == pytest.approx(1.0) and f["cov"][1] == pytest.approx(1.0)
    assert f["scov"][0] == pytest.approx(1.0) and f["scov"][1] < 0.9
    assert f["prox"][0] == pytest.approx(1.0) and f["prox"][1] < 0.9
    assert f["sbm25"][0] > f["sbm25"][1] > 0
    assert all(f[k][2] == 0 for k in TEXT_FEATURES if k != "novel")
    assert f["novel"][2] == 2  # "noth", "relevant": neither is the question's


def test_novel_counts_the_paragraph_terms_beyond_the_question() -> None:
    question = "What is the role of the Peacebuilding Commission?"
    heading = ParagraphTerms.of("Report of the Peacebuilding Commission (resolution 60/180).")
    body = ParagraphTerms.of("In 2024 the Peacebuilding Commission considered 34 countries and regions "
                             "and advised the Security Council on their transitions.")
    f = text_features([heading, body], question_idf(question, {"role": 2.0, "peacebuild": 3.0, "commiss": 1.0}))
    assert f["novel"][0] == 4  # report, resolution, 60, 180
    assert f["novel"][1] >= MIN_INFORMATIVE_TERMS


def test_uninformative_candidates_go_below_the_informative_ones_in_their_own_order() -> None:
    scores = np.array([5.0, 4.0, 3.0, 2.0, 1.0])
    novel = np.array([2, 30, 1, 12, 40])
    out = demote_uninformative(scores, novel)
    assert list(np.argsort(-out, kind="stable")) == [1, 3, 4, 0, 2]
    assert np.array_equal(demote_uninformative(scores, np.zeros(5)), scores)  # all short: unchanged
    assert np.array_equal(demote_uninformative(scores, np.full(5, 50)), scores)


def test_a_short_paragraph_that_states_the_asked_answer_is_not_demoted() -> None:
    scores = np.array([5.0, 4.0, 3.0])
    novel = np.array([2, 30, 3])
    states = np.array([False, False, True])
    out = demote_uninformative(scores, novel, states)
    assert list(np.argsort(-out, kind="stable")) == [1, 2, 0]


def test_a_short_agenda_line_citing_the_asked_resolution_states_the_answer() -> None:
    """A/80/150, para. 126, "Multilingualism (resolution 78/330).", answers which resolution the
    multilingualism item refers to; a line citing only the question's own number states nothing."""
    from rag.answer.answertype import asks_resolution
    from rag.search.retriever import _states

    question = "Which resolution is referenced for the multilingualism item on the eightieth session agenda?"
    assert asks_resolution(question) and not asks_resolution("What did the resolution on multilingualism request?")
    assert _states("resolution", "Multilingualism (resolution 78/330).", question)
    assert _states("resolution", "Use of the veto (resolution 76/262).", question)
    assert not _states("resolution", "Multilingualism (resolution 78/330).", f"{question[:-1]}: 78/330?")
    assert not _states("resolution", "Multilingualism.", question)


def test_a_short_statement_answers_a_yes_or_no_question_an_agenda_line_does_not() -> None:
    """S/2025/257, para. 11 restates "Were any vessel inspections attempted but not carried out?" and
    answers it; "Question of Western Sahara", an agenda line, answers no "Did the Committee consider
    the question of Western Sahara?"."""
    from rag.answer.answertype import asks_whether
    from rag.search.retriever import _states

    assert asks_whether("Were any vessel inspections attempted but not carried out by Operation IRINI?")
    assert asks_whether("Didn't the Commission adopt any recommendations?")
    for other in ("Was the draft adopted by consensus, or put to a vote?", "Can you tell me how many States attended?",
                  "Which States attended?"):
        assert not asks_whether(other)
    said_so = ("The European Union also informed the Secretariat that there were no occasions on which a vessel "
               "inspection had been attempted but not carried out.")
    assert _states("whether", said_so, "Were any vessel inspections attempted but not carried out?")
    assert not _states("whether", "Question of Western Sahara", "Did the Committee consider Western Sahara?")


def test_a_short_paragraph_stage_1_puts_first_by_far_is_not_demoted() -> None:
    """A/80/150, para. 42, "Question of the Falkland Islands (Malvinas) (resolution 58/316)", first
    for BM25 and for the dense ranking by far (stage 1: 20.7 against 5.1), ranked 48th as a
    restatement of "Falkland Islands Malvinas agenda item eightieth session"; a short first with a
    narrow lead is demoted as before."""
    from rag.search.fusion import FIRST_LEAD, FirstStage

    base = np.array([20.7, 5.1, 4.9, 4.0])
    features = {"novel": np.array([3, 30, 25, 20]), "lexical": np.zeros(4), "dense": np.zeros(4),
                "sentence": np.zeros(4), "pairs": np.zeros(4), "wbm25": np.zeros(4), "cov": np.zeros(4),
                "scov": np.zeros(4), "wcov": np.zeros(4), "prox": np.zeros(4)}
    z = {k: np.zeros(4) for k in ("lexical", "dense", "sentence", "pairs")}
    top = np.arange(4)
    assert np.argmax(rescored(FirstStage(z, base), top, features)) == 0
    close = base.copy()
    close[0] = close[1] + FIRST_LEAD - 0.5
    assert np.argmax(rescored(FirstStage(z, close), top, features)) == 1
    out = demote_uninformative(np.array([5.0, 4.0, 3.0]), np.array([2, 30, 30]), leading=True)
    assert np.argmax(out) == 0
    # "Universal Postal Union" alone (A/80/39, annex I) leads for "What did the Universal Postal
    # Union congress decide on terminal dues?" and holds no term of its own: demoted
    out = demote_uninformative(np.array([5.0, 4.0, 3.0]), np.array([0, 30, 30]), leading=True)
    assert np.argmax(out) == 1
    # ... unless a keyword query of its words names it: "use of the veto agenda item resolution
    # 76/262" looks for the agenda line "Use of the veto (resolution 76/262)." (A/80/150, para. 65)
    out = demote_uninformative(np.array([5.0, 4.0, 3.0]), np.array([0, 30, 30]), leading=True, named=True)
    assert np.argmax(out) == 0
    from rag.answer.answertype import in_keywords
    assert in_keywords("use of the veto agenda item resolution 76/262")
    assert not in_keywords("What did the Universal Postal Union congress decide on terminal dues")
    assert not in_keywords("use of the veto?") and not in_keywords("List the agenda items on the veto")


@contextmanager
def _one_document_session(tmp_path: Path, name: str, text: str) -> Iterator[Session]:
    """A session over an index of one laid-out text file (the test embedder)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    settings = load_settings(env={}, index_dir=tmp_path / "ix", model="hash:384")
    build(settings, [folder])
    with Session(settings) as session:
        yield session


def test_an_agenda_line_naming_the_country_asked_for_is_found(tmp_path) -> None:
    """A short paragraph restating most of the question ranks first when it holds what the
    question asks for (a country); one that holds no such thing, and no more of the query than an
    informative paragraph, stays below it."""
    with _one_document_session(tmp_path, "A_99_150.txt",
        "United Nations A/99/150\n\nGeneral Assembly Distr.: General\n\n1 June 2025\n\nPreliminary list of items\n\n"
        "1. Observer status for the International Centre for Integrated Mountain Development in the General "
        "Assembly (item proposed by Bhutan (A/99/141)).\n\n"
        "2. The Committee heard statements of many delegations on the request for observer status of the "
        "International Centre for Integrated Mountain Development, on mountain ecosystems, glaciers, regional "
        "cooperation, funding arrangements and the schedule of its next meetings, and decided to defer the matter.\n\n"
        "3. Financing of the United Nations Interim Force in the mountain region (resolution 79/303).\n") as s:
        hits = s.search("Which Member State proposed the item on observer status for the International Centre "
                        "for Integrated Mountain Development?", k=3)
        assert hits[0].number == "1"
        # No kind of answer asked, and the line holds no more of the query than paragraph 2: it goes below.
        order = [h.number for h in s.search("observer status International Centre Integrated Mountain Development", k=3)]
        assert order.index("2") < order.index("1")


def test_the_one_short_paragraph_writing_a_name_is_found_by_it(tmp_path) -> None:
    """A/52/613 (shortened): a keyword query of a name that only a short operative paragraph
    writes finds it, not the longer paragraphs that write one of its words."""
    with _one_document_session(tmp_path, "A_99_613.txt",
        "A/99/613\n\nDraft resolution II\n\n"
        "4. Noting the cultural and educational programmes of the Centre for Pacific Studies, the regional "
        "museums and the libraries of the Territory, and their cooperation with the University of the South Pacific.\n\n"
        "5. Acknowledges the contribution of the Melanesian Cultural Centre to the protection of the indigenous "
        "culture of New Caledonia;\n\n"
        "6. Welcomes the cooperation of the administering Power with the Centre for regional development in the "
        "Territory, and the cultural exchanges and visiting programmes it has supported over many years.\n") as s:
        assert s.search("Melanesian Cultural Centre", k=3)[0].number == "5"


def test_a_short_paragraph_holding_many_of_the_querys_terms_is_not_demoted() -> None:
    scores = np.array([5.0, 4.0, 3.0])
    novel = np.array([2, 30, 3])
    held = np.array([3, 5, MIN_INFORMATIVE_TERMS])  # candidate 2: the passage pasted as the query
    out = demote_uninformative(scores, novel, None, held)
    assert list(np.argsort(-out, kind="stable")) == [1, 2, 0]


def test_a_paragraph_pasted_as_the_query_is_found_first(tmp_path) -> None:
    """S/2025/269 (shortened): a user pastes a paragraph's sentence to find its citation; the
    paragraph holds every term of the query and nothing more, which is no restatement of a
    question but the passage looked for (it ranked below every longer paragraph). Its key words
    find it too: it states a figure, which no agenda line restating them does."""
    with _one_document_session(tmp_path, "S_2099_269.txt",
        "S/2099/269\n\nV. Financial aspects\n\n"
        "81. The General Assembly, by its resolution 78/297, appropriated the amount of $297.8 million for the "
        "maintenance of UNISFA; the special account and assessed contributions are reported by the Controller.\n\n"
        "82. As at 17 March 2025, unpaid assessed contributions to the special account for UNISFA amounted to "
        "$121.2 million.\n\n"
        "83. Reimbursement of troop costs for the special account of UNISFA covered the period up to 31 December, "
        "and contributions of equipment were assessed by the Mission as unpaid.\n") as s:
        pasted = "As at 17 March 2025, unpaid assessed contributions to the special account for UNISFA amounted to $121.2 million."
        assert s.search(pasted, k=3)[0].number == "82"
        # a keyword query asks for no kind of answer: the short paragraph giving a sum is no agenda line
        assert s.search("unpaid assessed contributions special account UNISFA", k=3)[0].number == "82"


def test_learned_fusion_ranks_a_heading_that_restates_the_question_below_a_paragraph_that_answers() -> None:
    base = {k: np.array([3.0, 2.0, 0.0, -1.0]) for k in ("lexical", "dense", "sentence", "pairs")}
    stage = first_stage(base)
    top = stage.top()
    features = {k: np.zeros(len(top)) for k in TEXT_FEATURES}
    features["novel"] = np.where(top == 0, 3.0, 25.0)  # candidate 0 only restates the question
    final = rescored(stage, top, features)
    assert list(np.argsort(-final)[:2]) == [1, 2]
    assert int(np.argmin(final)) == 0


def test_adjacent_near_tie_sentences_are_quoted_together() -> None:
    embedder = HashEmbedder()
    text = ("The fleet sailed in 1805. The admiral led the fleet. It won at Trafalgar in 1805. "
            "Weather was calm.")
    question = "Which fleet did the admiral lead in 1805?"
    qvec = embedder.encode_queries([question])[0]
    quote = best_quote(question, qvec, text, embedder)
    assert quote in text and "The admiral led the fleet." in quote
    assert quote != text  # never the whole paragraph here


def test_one_search_carries_the_query_the_answerer_reads(fake_settings, monkeypatch) -> None:
    from rag.errors import UsageError
    from rag.service import Session, ensure_index

    ensure_index(fake_settings)
    with Session(fake_settings) as s:
        search = s.retriever.search(f"  {DEMO_QUESTION} ", k=3)
        assert search.query.text == DEMO_QUESTION
        assert search.hits[0].citation == "A/59/377, para. 49" and search.hits[0].score > search.hits[1].score
        assert set(search.query.idf) == content_terms(DEMO_QUESTION)
        assert search.query.tokens is not None  # the index keeps token vectors
        encoded: list[str] = []
        encode_query = s.embedder.encode_query
        monkeypatch.setattr(s.embedder, "encode_query", lambda text: encoded.append(text) or encode_query(text))
        assert s.ask(DEMO_QUESTION) == s.answer(search)
        assert encoded == [DEMO_QUESTION]  # embedded once for ranking and quoting
        with pytest.raises(UsageError, match="empty question"):
            s.search("   ")
        with pytest.raises(UsageError, match="choose hybrid, bm25 or dense"):
            s.search(DEMO_QUESTION, mode="average")


def _reference_text_features(question: str, paragraphs: list[ParagraphTerms], idf: dict[str, float]) -> dict:
    """The features computed the plain way, over every token (the first implementation)."""
    from rag.search.features import B, K1, PROXIMITY_WINDOW
    from rag.textutil import terms

    asked = set(terms(question))
    q = {t: w for t, w in idf.items() if t in asked}
    total = sum(q.values())

    def bm25(tokens, avgdl):
        if not tokens:
            return 0.0
        tf: dict[str, int] = {}
        for t in tokens:
            if t in q:
                tf[t] = tf.get(t, 0) + 1
        norm = K1 * (1.0 - B + B * len(tokens) / avgdl)
        return sum(q[t] * n * (K1 + 1.0) / (n + norm) for t, n in tf.items())

    def cov(tokens):
        return sum(q[t] for t in set(tokens) if t in q) / total if total > 0 else 0.0

    def prox(tokens):
        hits = [(i, t) for i, t in enumerate(tokens) if t in q]
        best, lo = 0.0, 0
        for hi in range(len(hits)):
            while hits[hi][0] - hits[lo][0] >= PROXIMITY_WINDOW:
                lo += 1
            best = max(best, sum(q[t] for t in {t for _, t in hits[lo:hi + 1]}))
        return best / total if total > 0 else 0.0

    lengths = [len(s) for p in paragraphs for s in p.sentences]
    avgdl = max(float(np.mean(lengths)) if lengths else 1.0, 1.0)
    out = {name: [] for name in TEXT_FEATURES}
    for p in paragraphs:
        sents = p.sentences
        windows = [a + b for a, b in zip(sents, sents[1:])] or sents
        whole = [t for s in sents for t in s]
        out["sbm25"].append(max((bm25(s, avgdl) for s in sents), default=0.0))
        out["wbm25"].append(max((bm25(w, 2 * avgdl) for w in windows), default=0.0))
        out["cov"].append(cov(whole))
        out["scov"].append(max((cov(s) for s in sents), default=0.0))
        out["wcov"].append(max((cov(w) for w in windows), default=0.0))
        out["prox"].append(prox(whole))
        out["novel"].append(len(set(whole) - asked))
        out["held"].append(len(set(whole) & asked))
    return out


def test_text_features_equal_the_plain_computation_over_every_token() -> None:
    texts = [
        "The Migration Forum met in Geneva. IOM serves as its secretariat. The Forum reports yearly.",
        "Budget lines for peacekeeping rose. The Committee noted the rise in the peacekeeping budget.",
        "A heading without a full stop",
        "Migrants and migration: the Forum discussed remittances, and IOM presented a report on migrants.",
        "",
    ]
    paragraphs = [ParagraphTerms.of(t) for t in texts]
    idf = {"forum": 1.3, "iom": 2.5, "secretariat": 2.0, "migrat": 0.7, "budget": 1.1, "peacekeep": 1.8}
    for question in ("Which forum does IOM serve as secretariat for?", "peacekeeping budget rise",
                     "nothing in common at all"):
        got = text_features(paragraphs, question_idf(question, idf))
        want = _reference_text_features(question, paragraphs, idf)
        for name in TEXT_FEATURES:
            assert np.allclose(got[name], want[name], rtol=1e-6, atol=1e-9), name


def test_stored_paragraph_terms_are_the_tokenised_text_and_are_used(fake_settings, seed_dir, monkeypatch) -> None:
    """The build stores each paragraph's terms; a question reads them instead of tokenising."""
    from rag.index.build import build_index
    from rag.search.retriever import Retriever
    from rag.index.store import open_index

    assert ParagraphTerms.decode(ParagraphTerms([["a", "b"], [], ["c"]]).encode()).sentences == [["a", "b"], [], ["c"]]
    build_index(fake_settings, [seed_dir])
    index = open_index(fake_settings)
    try:
        stored = dict(index.conn.execute("SELECT id, terms FROM paragraph_terms"))
        texts = dict(index.conn.execute("SELECT id, text FROM paragraphs"))
        assert stored and {pid: ParagraphTerms.decode(s).sentences for pid, s in stored.items()} == \
            {pid: ParagraphTerms.of(t).sentences for pid, t in texts.items()}
        monkeypatch.setattr(ParagraphTerms, "of", classmethod(lambda cls, text: pytest.fail("tokenised again")))
        retriever = Retriever(index, HashEmbedder(384), fake_settings)
        assert retriever.search(DEMO_QUESTION, k=3).hits[0].number == "49"
    finally:
        index.close()


def test_text_features_equal_the_plain_computation_on_random_paragraphs() -> None:
    rng = np.random.default_rng(7)
    vocab = [f"w{i}" for i in range(12)]
    idf = {t: float(rng.uniform(0.2, 3.0)) for t in vocab[:6]}
    for _ in range(30):
        paragraphs = [ParagraphTerms([[str(rng.choice(vocab)) for _ in range(rng.integers(1, 30))]
                                      for _ in range(rng.integers(0, 5))]) for _ in range(8)]
        question = " ".join(rng.choice(vocab, size=int(rng.integers(1, 6))))
        got = text_features(paragraphs, question_idf(question, idf))
        want = _reference_text_features(question, paragraphs, idf)
        for name in TEXT_FEATURES:
            assert np.allclose(got[name], want[name], rtol=1e-6, atol=1e-9), name


def test_zscore_rows_standardise_each_row() -> None:
    from rag.search.fusion import zscore_rows

    rng = np.random.default_rng(3)
    x = np.vstack([rng.normal(size=40) * 7 + 20, np.full(40, 0.1), rng.integers(0, 3, 40).astype(float)])
    got = zscore_rows(x)
    for row, raw in zip(got[[0, 2]], x[[0, 2]]):
        assert np.allclose(row, (raw - raw.mean()) / raw.std(), atol=1e-12)
    assert not got[1].any()  # equal values: zeros


def test_the_terms_cache_dropped_when_full_still_gives_every_paragraph_asked_for(fake_settings, seed_dir, monkeypatch) -> None:
    """A full cache is dropped before the missing paragraphs are looked up: those cached a
    moment ago are read again, never lost (a KeyError on a large index)."""
    import rag.search.retriever as retriever_module
    from rag.service import Session, build

    build(fake_settings, [seed_dir])
    monkeypatch.setattr(retriever_module, "TERMS_CACHE", 1)
    with Session(fake_settings) as s:
        assert len(s.retriever.paragraph_terms([0])) == 1
        assert len(s.retriever.paragraph_terms([1])) == 1  # the cache is now over its size
        assert len(s.retriever.paragraph_terms([0, 2])) == 2  # 0 cached a moment ago, dropped, read again


def test_a_ranking_inside_one_document_scores_as_a_fresh_query_would(fake_settings, seed_dir) -> None:
    """The whole index's BM25 scores kept on the query, and the dense scores of the allowed
    paragraphs, give a document's candidates the scores a query that kept nothing gets."""
    from rag.index.build import build_index
    from rag.index.store import open_index
    from rag.search.retriever import Retriever

    build_index(fake_settings, [seed_dir])
    index = open_index(fake_settings)
    try:
        retriever = Retriever(index, HashEmbedder(384), fake_settings)
        ranked = retriever.prepare(DEMO_QUESTION)
        retriever.rank(ranked)
        assert set(ranked.whole_index) == {"terms", "pairs"}
        inside = np.zeros(index.size, dtype=bool)
        inside[1:] = True
        kept, fresh = retriever.candidates_in(ranked, inside), retriever.candidates_in(retriever.prepare(DEMO_QUESTION), inside)
        assert len(kept.ids) and np.array_equal(kept.ids, fresh.ids)
        for name in ("lexical", "dense", "sentence", "pairs"):
            assert np.allclose(getattr(kept, name), getattr(fresh, name), rtol=1e-6), name
    finally:
        index.close()


def test_a_one_line_operative_paragraph_answers_how_often(tmp_path) -> None:
    """A/AC.109/2025/L.9 (shortened): "annually" answers "how often"; the short operative
    paragraph that says it is no restatement of the question."""
    with _one_document_session(tmp_path, "A_AC.109_2099_L.9.txt",
        "A/AC.109/2099/L.9\n\nDraft resolution\n\n"
        "20. Requests the Secretary-General to continue to assist the specialized agencies and other organizations of "
        "the United Nations system in working out appropriate measures for implementing the relevant resolutions and "
        "to prepare for submission to the relevant bodies a report on the action taken in implementation of them;\n\n"
        "21. Requests the specialized agencies to report annually to the Secretary-General on the implementation of "
        "the present resolution;\n\n"
        "22. Requests the Secretary-General to transmit the present resolution to the governing bodies of the "
        "specialized agencies so that those bodies may take the measures necessary to implement it, and to report "
        "to the General Assembly at its next session on the implementation of the present resolution.\n") as s:
        hits = s.search("How often must the specialized agencies tell the Secretary-General how they are "
                        "carrying out the resolution?", k=3)
        assert hits[0].number == "21"
