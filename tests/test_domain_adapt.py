"""The training pairs of research/domain_adapt.py: made from an index's paragraphs (and, for the
supervised task, from questions with gold paragraphs), and batched so that no batch holds a false
negative."""

from __future__ import annotations

import json
import random

from rag.config import Settings
from rag.index.build import build_index
from research.domain_adapt import (
    Pair,
    Unit,
    _last_heading,
    batches,
    heading_pairs,
    ict_pairs,
    question_pairs,
    units_from_index,
)

LONG = ("The Committee held its fifth session in two parts at Headquarters. Participation by States "
        "continued to be high, with many developing countries attending both parts. Many delegations "
        "were small, however, and thus constrained in their capacity to cover every issue.")


def test_units_come_from_the_index_with_their_headings(fake_settings: Settings, seed_dir) -> None:
    build_index(fake_settings, [seed_dir])
    units = units_from_index(fake_settings.index_dir, fake_settings.index_name)
    assert {u.doc for u in units} == {"A/59/377"}
    assert any("IOM serves as secretariat" in u.text for u in units)
    assert all(not u.heading[:1].isdigit() for u in units)


def test_last_heading_drops_numbering_and_paragraph_like_headings() -> None:
    assert _last_heading("II. Context > A. Security situation") == "Security situation"
    assert _last_heading("") == ""
    assert _last_heading("III. Conclusions > " + "word " * 60) == ""


def test_ict_pair_is_one_sentence_and_the_rest() -> None:
    pairs = ict_pairs([Unit("A/1", "", LONG), Unit("A/1", "", "Too short to teach anything.")],
                      random.Random(0), keep=0.0)
    assert len(pairs) == 1
    anchor, rest = pairs[0].anchor, pairs[0].positive
    assert anchor in LONG and anchor not in rest
    assert len(anchor) + len(rest) + 1 == len(LONG)


def test_heading_pairs_skip_short_paragraphs_and_missing_headings() -> None:
    units = [Unit("A/1", "Participation", LONG), Unit("A/1", "", LONG), Unit("A/1", "Names", "Ms. A. B.")]
    assert [(p.anchor, p.positive) for p in heading_pairs(units)] == [("Participation", LONG)]


def test_batches_keep_documents_apart_and_keys_distinct() -> None:
    pairs = [Pair(f"doc{d}", f"a{d}-{i}", "p", f"h{d}-{i % 3}") for d in range(3) for i in range(12)]
    within = batches(pairs, 3, random.Random(0), by_document=True)
    assert sum(len(b) for b in within) == len(pairs)
    for batch in within:
        assert len({p.key for p in batch}) == len(batch)
        assert len({p.doc for p in batch}) == 1
    mixed = batches(pairs, 6, random.Random(0), by_document=False)
    assert any(len({p.doc for p in b}) > 1 for b in mixed)
    assert all(len({p.key for p in b}) == len(b) for b in mixed)


def test_question_pairs_take_the_gold_paragraph_and_key_it_as_ict_does(fake_settings: Settings, seed_dir,
                                                                         tmp_path) -> None:
    build_index(fake_settings, [seed_dir])
    asked = tmp_path / "questions.jsonl"
    asked.write_text(json.dumps({"question": "Which forum does IOM serve as secretariat for?",
                                 "symbol": "A/59/377", "para": "49"}) + "\n"
                     + json.dumps({"question": "Not in the index", "symbol": "A/1/1", "para": "1"}) + "\n")
    pairs = question_pairs(fake_settings.index_dir, fake_settings.index_name, [asked], repeat=2)
    assert len(pairs) == 2 and pairs[0] == pairs[1]
    assert pairs[0].doc == "A/59/377" and "IOM serves as secretariat" in pairs[0].positive
    units = units_from_index(fake_settings.index_dir, fake_settings.index_name)
    assert units[int(pairs[0].key[1:])].text == pairs[0].positive
