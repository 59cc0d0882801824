"""rag.embedding.wordpiece gives the ids `tokenizers` gives, on every text it accepts."""

from __future__ import annotations

import json
import random
import string

import pytest
from tokenizers import Tokenizer

from rag.embedding.embedders import bundled_model_path
from rag.embedding.wordpiece import WORDPIECE_FILE, WordPiece, describe, load
from tests.conftest import shared_path

MAX_LENGTH = 256


@pytest.fixture(scope="module")
def pair():
    path = bundled_model_path() / "tokenizer.json"
    reference = Tokenizer.from_file(str(path))
    reference.enable_truncation(MAX_LENGTH)
    reference.no_padding()
    spec = describe(json.loads(path.read_text(encoding="utf-8")))
    assert spec is not None and spec["prefix"] == "##"
    return reference, WordPiece(spec, MAX_LENGTH)


def texts() -> list[str]:
    rng = random.Random(0)
    alphabet = string.ascii_letters + string.digits + string.punctuation + "    "
    out = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    words = ["the", "Committee", "IOM", "serves", "secretariat", "unaffordable", "peacebuilding",
             "A/59/377", "para.", "49", "(2024-2025)", "e-mail", "U.S.", "don't", "$1.5", "x" * 101]
    out += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(1000)]
    out += ["a" * 100, "a" * 101, " ".join(["word"] * 400), "", "   ", "Which forum does IOM serve as secretariat for?"]
    return out


def check(reference: Tokenizer, fast: WordPiece, batch: list[str]) -> int:
    handled = [t for t in batch if fast.handles(t)]
    for text, want in zip(handled, reference.encode_batch(handled)):
        got = fast.encode(text)
        assert (got.ids, got.attention_mask, got.type_ids) == (want.ids, want.attention_mask, want.type_ids), text
    return len(handled)


def test_same_ids_as_tokenizers_on_plain_ascii(pair) -> None:
    assert check(*pair, texts()) > 2500


def test_same_ids_as_tokenizers_on_real_questions(pair) -> None:
    path = shared_path("data", "squad_v1.1_dev", "questions.jsonl")
    questions = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert check(*pair, questions) > 0.9 * len(questions)


def test_text_it_does_not_cover_is_left_to_tokenizers(pair) -> None:
    _, fast = pair
    for text in ("Sécurité", "“quoted”", "tab\there", "[CLS] and [MASK]", "line\nbreak"):
        assert not fast.handles(text)


def test_load_writes_the_vocabulary_once_and_refuses_other_pipelines(tmp_path) -> None:
    source = json.loads((bundled_model_path() / "tokenizer.json").read_text(encoding="utf-8"))
    (tmp_path / "tokenizer.json").write_text(json.dumps(source), encoding="utf-8")
    assert load(tmp_path, "tokenizer.json", MAX_LENGTH) is not None
    assert (tmp_path / WORDPIECE_FILE).exists()
    cased = {**source, "normalizer": {**source["normalizer"], "lowercase": False}}
    other = tmp_path / "other"
    other.mkdir()
    (other / "tokenizer.json").write_text(json.dumps(cased), encoding="utf-8")
    assert load(other, "tokenizer.json", MAX_LENGTH) is None
    assert json.loads((other / WORDPIECE_FILE).read_text(encoding="utf-8")) == {}  # looked at once


def test_describe_refuses_what_it_does_not_implement() -> None:
    source = json.loads((bundled_model_path() / "tokenizer.json").read_text(encoding="utf-8"))
    assert describe(source) is not None
    post, model = source["post_processor"], source["model"]
    bert = {"type": "BertProcessing", "cls": ["[CLS]", model["vocab"]["[CLS]"]], "sep": ["[SEP]", model["vocab"]["[SEP]"]]}
    assert describe({**source, "post_processor": bert}) == describe(source)
    plain_added = [*source["added_tokens"], {"id": 5, "content": "hello", "special": False}]
    wrong_shape = {"type": "TemplateProcessing", "single": post.get("single", [])[:2]} \
        if post["type"] == "TemplateProcessing" else {"type": "RobertaProcessing"}
    for variant in ({**source, "pre_tokenizer": {"type": "Whitespace"}},
                    {**source, "added_tokens": plain_added},
                    {**source, "post_processor": wrong_shape},
                    {**source, "post_processor": {"type": "ByteLevel"}},
                    {**source, "model": {**model, "unk_token": "[NOPE]"}}):
        assert describe(variant) is None
