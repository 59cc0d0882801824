"""The citation checker's quality (rag.answer.check): precision and recall of "supported" on
claims built from a UN-style question set and its gold paragraphs.

True claims: the gold paragraph's sentence that holds the answer span, copied, and its clause
that holds the span (a shortened restatement). False claims, made from the copied sentence: a
number changed (the first of the span, else of the sentence, plus one), an ordinal word changed
("fifty-eighth" -> "fifty-ninth"), a scale changed ("million" -> "billion"), a word swapped for
its opposite ("increased" -> "decreased", "more" -> "less", "adopted" -> "rejected"), a stance
turned round ("welcomed" -> "expressed concern about"), a country
swapped for one the paragraph never names, a negation added after the first auxiliary verb or
removed, and the true sentence cited to the neighbouring paragraph of the same document. Questions are split in
halves by a hash of their document's symbol: the threshold is chosen on A, confirmed on B.

    python -m benchmarks.checker --index-dir DIR --index unpdf [--data ../shared/data/un_dev] [--sweep]
"""

from __future__ import annotations

import argparse
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rag.answer import check
from rag.answer.constraints import COUNTRIES, ORDINALS, countries, ordinal_name
from rag.config import load_settings
from rag.errors import RagError
from rag.service import Session
from rag.textutil import split_sentences

_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|should|can|could|did|does|do|may|must)\b")
_NOT = re.compile(r"\s+not\b|n't\b")


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _clause(sentence: str, answer: str) -> str | None:
    """The comma- or semicolon-delimited part of the sentence holding the answer (6 words or more)."""
    for part in re.split(r"[;,]\s+", sentence):
        if _norm(answer) in _norm(part) and len(part.split()) >= 6 and part != sentence:
            return part.strip().rstrip(".") + "."
    return None


def _changed_number(sentence: str, answer: str) -> str | None:
    target = check._NUMBER.search(answer) or check._NUMBER.search(sentence)
    if target is None:
        return None
    digits = target.group(0).replace(",", "")
    if not digits.isdigit():
        return None
    at = sentence.find(target.group(0))
    if at < 0:
        return None
    return sentence[:at] + f"{int(digits) + 1:,}".replace(",", "," if "," in target.group(0) else "") + \
        sentence[at + len(target.group(0)):]


def _swapped_country(sentence: str, paragraph: str) -> str | None:
    named = countries(sentence)
    if not named:
        return None
    old = named.most_common(1)[0][0]
    new = next((c for c in sorted(COUNTRIES) if c not in countries(paragraph) and len(c) > 4 and c != old), None)
    return sentence.replace(old, new) if new else None


_ORDINAL_WORD = re.compile(r"\b(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\b")
_SCALE = {"million": "billion", "billion": "million", "thousand": "million"}
_SWAPS = {"increased": "decreased", "decreased": "increased", "increase": "decrease", "decrease": "increase",
          "more": "less", "less": "more", "higher": "lower", "lower": "higher", "above": "below", "below": "above",
          "adopted": "rejected", "approved": "rejected", "rose": "fell", "fell": "rose"}
# A body's stance turned round: "welcomed" -> "expressed concern about", and back.
_STANCES = {"welcomed": "expressed concern about", "welcomes": "expresses concern about", "commended": "criticized",
            "commends": "criticizes", "expressed concern about": "welcomed", "expresses concern about": "welcomes",
            "condemned": "welcomed", "condemns": "welcomes", "deplored": "commended", "deplores": "commends",
            "regretted": "welcomed", "regrets": "welcomes"}


def _changed_ordinal(sentence: str) -> str | None:
    m = _ORDINAL_WORD.search(sentence)
    if m is None:
        return None
    return sentence[:m.start()] + ordinal_name(ORDINALS[m.group(1)] + 1) + sentence[m.end():]


def _changed_word(sentence: str, swaps: dict[str, str]) -> str | None:
    m = re.search(r"\b(" + "|".join(swaps) + r")\b", sentence)
    return sentence[:m.start()] + swaps[m.group(1)] + sentence[m.end():] if m else None


def _negation_flipped(sentence: str) -> str | None:
    if _NOT.search(sentence):
        return _NOT.sub("", sentence, count=1)
    m = _AUX.search(sentence)
    return sentence[:m.end()] + " not" + sentence[m.end():] if m else None


def claims(session: Session, questions: list[dict]) -> Iterator[tuple[str, str, str, bool, str]]:
    """(half, kind of claim, claim, true?, paragraph text it is checked against)."""
    for q in questions:
        try:
            gold = session.show(q["symbol"], str(q["para"]))
        except RagError:
            continue
        sentence = next((s for s in split_sentences(gold.text) if _norm(q["answer"]) in _norm(s)), None)
        if sentence is None:
            continue
        half = "AB"[zlib.crc32(q["symbol"].encode()) % 2]
        yield half, "copied", sentence, True, gold.text
        clause = _clause(sentence, q["answer"])
        if clause:
            yield half, "clause", clause, True, gold.text
        for kind, made in (("number", _changed_number(sentence, q["answer"])),
                           ("ordinal", _changed_ordinal(sentence)),
                           ("scale", _changed_word(sentence, _SCALE)),
                           ("opposite", _changed_word(sentence, _SWAPS)),
                           ("stance", _changed_word(sentence, _STANCES)),
                           ("country", _swapped_country(sentence, gold.text)),
                           ("negation", _negation_flipped(sentence))):
            if made and made != sentence:
                yield half, kind, made, False, gold.text
        around = session.around(gold, 1)
        neighbour = (around.get("after") or around.get("before") or [None])[0]
        if neighbour and neighbour.get("text") and _norm(q["answer"]) not in _norm(neighbour["text"]):
            yield half, "other paragraph", sentence, False, neighbour["text"]


def report(rows: list[tuple[str, str, str, bool, str]], label: str) -> tuple[float, float]:
    """Precision and recall of "supported" over `rows`, printed with the verdicts by kind."""
    verdicts = [(kind, truth, check.unsupported_because(claim, text) is None) for _, kind, claim, truth, text in rows]
    tp = sum(1 for _, t, v in verdicts if t and v)
    fp = sum(1 for _, t, v in verdicts if not t and v)
    positives = sum(1 for _, t, _ in verdicts if t)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / positives if positives else 0.0
    by_kind = Counter(k for k, _, _ in verdicts)
    held = Counter(k for k, _, v in verdicts if v)
    kinds = ", ".join(f"{k} {held[k]}/{n} supported" for k, n in by_kind.items())
    print(f"{label}: precision {precision:.3f}, recall {recall:.3f} ({len(rows)} claims; {kinds})")
    return precision, recall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--index", default="default")
    ap.add_argument("--data", type=Path, default=Path("../shared/data/un_dev"))
    ap.add_argument("--sweep", action="store_true", help="also the figures at other SUPPORT_TERMS values")
    args = ap.parse_args()
    questions = [json.loads(line) for line in (args.data / "questions.jsonl").open(encoding="utf-8")]
    with Session(load_settings(index_dir=args.index_dir, index_name=args.index), with_model=False) as session:
        rows = list(claims(session, questions))
    chosen = check.SUPPORT_TERMS
    for value in ([0.3, 0.4, 0.5, 0.6, 0.7, 0.8] if args.sweep else []):
        check.SUPPORT_TERMS = value
        for half in "AB":
            report([r for r in rows if r[0] == half], f"SUPPORT_TERMS {value} half {half}")
    check.SUPPORT_TERMS = chosen
    report(rows, f"SUPPORT_TERMS {chosen} (in force), all")


if __name__ == "__main__":
    main()
