"""BERT WordPiece tokenisation of plain ASCII text in Python, for a one-shot query process.

Loading the `tokenizers` tokenizer of MiniLM costs ~0.03 s per process (it builds its 30,522
-entry vocabulary; importing the package adds ~0.006 s), more than tokenising a question takes.
For a question made only of printable ASCII characters, the BERT pipeline reduces to: lower
case; split into runs of letters and digits and single punctuation characters; greedy longest
-match WordPiece with the `##` prefix (a word longer than `max_chars` or with an unmatched
rest is `[UNK]`); `[CLS] ... [SEP]`, truncated to `max_length`. Any other text (accents,
other scripts, control characters, a `[` that could open a special token) goes to
`tokenizers`; tests/test_wordpiece.py checks both give the same ids on thousands of texts.

`wordpiece.json` in the encoder folder holds the vocabulary and the ids this needs; it is
written from tokenizer.json only when that describes exactly this pipeline.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

WORDPIECE_FILE = "wordpiece.json"
_PLAIN = re.compile(r"[ !-Z\\\]^_`a-z{|}~]*")  # printable ASCII without "[" (special tokens open with it)
_PIECES = re.compile(r"[a-z0-9]+|[^a-z0-9 ]")  # after lower(): words, and punctuation one by one


class Encoding(NamedTuple):
    """What the encoder reads from a `tokenizers` Encoding."""

    ids: list[int]
    attention_mask: list[int]
    type_ids: list[int]


class WordPiece:
    """The shortcut tokenizer of one encoder folder (see the module docstring)."""

    def __init__(self, spec: dict[str, Any], max_length: int) -> None:
        self.vocab = {token: i for i, token in enumerate(spec["vocab"])}
        self.unk, self.cls, self.sep = int(spec["unk_id"]), int(spec["cls_id"]), int(spec["sep_id"])
        self.prefix = str(spec["prefix"])
        self.max_chars = int(spec["max_chars"])
        self.max_length = max_length

    @staticmethod
    def handles(text: str) -> bool:
        """Whether `text` is plain printable ASCII without "[" (what this tokenizer covers)."""
        return _PLAIN.fullmatch(text) is not None

    def _word(self, word: str) -> list[int]:
        if len(word) > self.max_chars:
            return [self.unk]
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    ids.append(found)
                    break
                end -= 1
            else:
                return [self.unk]
            start = end
        return ids

    def encode(self, text: str) -> Encoding:
        ids = [i for word in _PIECES.findall(text.lower()) for i in self._word(word)]
        ids = [self.cls, *ids[:max(self.max_length - 2, 0)], self.sep]
        return Encoding(ids, [1] * len(ids), [0] * len(ids))


def _bert_pipeline(norm: dict[str, Any], pre: dict[str, Any], model: dict[str, Any]) -> bool:
    """Uncased BERT normalisation and pre-tokenisation before a WordPiece model."""
    return norm.get("type") == "BertNormalizer" and norm.get("clean_text") is True \
        and norm.get("lowercase") is True and norm.get("strip_accents") in (None, True) \
        and pre.get("type") == "BertPreTokenizer" and model.get("type") == "WordPiece"


def _cls_sep(post: dict[str, Any]) -> tuple[Any, Any] | None:
    """The [CLS] and [SEP] tokens of a `[CLS] text [SEP]` post-processor (type ids 0), else None."""
    if post.get("type") == "BertProcessing":
        return post["cls"][0], post["sep"][0]
    if post.get("type") != "TemplateProcessing":
        return None
    single = post.get("single") or []
    shape = [next(iter(x)) for x in single]
    if shape != ["SpecialToken", "Sequence", "SpecialToken"] or \
            any(next(iter(x.values())).get("type_id") != 0 for x in single):
        return None
    return single[0]["SpecialToken"]["id"], single[2]["SpecialToken"]["id"]


def _special_added(added_tokens: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Added token -> id when every added token is special and opens with "[", else None (a
    token plain text could hold is matched before normalisation)."""
    added = {a["content"]: a["id"] for a in added_tokens}
    if any(not a.get("special") or not a["content"].startswith("[") for a in added_tokens):
        return None
    return added


def describe(tokenizer_json: dict[str, Any]) -> dict[str, Any] | None:
    """The wordpiece.json contents for a tokenizer.json that is exactly the BERT pipeline this
    module implements (uncased, no extra added tokens), else None."""
    norm, pre, model = (tokenizer_json.get(k) or {} for k in ("normalizer", "pre_tokenizer", "model"))
    if not _bert_pipeline(norm, pre, model):
        return None
    vocab = model.get("vocab") or {}
    tokens = sorted(vocab, key=vocab.__getitem__)
    if [vocab[t] for t in tokens] != list(range(len(tokens))):
        return None
    added = _special_added(tokenizer_json.get("added_tokens") or [])
    specials = None if added is None else _cls_sep(tokenizer_json.get("post_processor") or {})
    if added is None or specials is None:
        return None
    unk = model.get("unk_token")
    if unk not in vocab or any(t not in vocab or added.get(t, vocab[t]) != vocab[t] for t in specials):
        return None
    cls, sep = specials
    return {"unk_id": vocab[unk], "cls_id": vocab[cls], "sep_id": vocab[sep],
            "prefix": model.get("continuing_subword_prefix", "##"),
            "max_chars": int(model.get("max_input_chars_per_word", 100)), "vocab": tokens}


def load(folder: Path, tokenizer_file: str, max_length: int) -> WordPiece | None:
    """The shortcut tokenizer of an encoder folder, writing wordpiece.json on first use; None
    when the folder's tokenizer is another kind (recorded, so it is looked at once)."""
    path = Path(folder) / WORDPIECE_FILE
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        try:
            spec = describe(json.loads((Path(folder) / tokenizer_file).read_text(encoding="utf-8"))) or {}
            tmp = path.with_name(f".{WORDPIECE_FILE}.{os.getpid()}")
            tmp.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except (OSError, ValueError, KeyError, TypeError, StopIteration):
            return None
    except (OSError, ValueError):
        return None
    try:
        return WordPiece(spec, max_length) if spec else None
    except (KeyError, TypeError, ValueError):
        return None
