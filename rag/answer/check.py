"""The citation checker for generated answers: every sentence's citations must be among the
paragraphs sent to the model, and each cited paragraph must support the sentence.

A generated answer is split into sentences, each with the citations it gives in square
brackets ("... Switzerland [A/59/377, para. 49]."). A citation is removed when it names no
paragraph that was sent, or when that paragraph does not support the sentence: a number, year or
country of the sentence absent from it, a name it never writes, a negation the paragraph's
closest sentence does not share (or the reverse), or less than SUPPORT_TERMS of the sentence's
content terms found in it. A sentence left with no supported citation is unsupported: shown
dimmed, `supported: false` in JSON, never as fact. SUPPORT_TERMS was chosen on the claims built
from `un_dev` by `benchmarks.checker` (docs/quality.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rag.answer.constraints import countries
from rag.answer.names import name_words, unwritten
from rag.textutil import content_terms, split_sentences, terms

# The share of a sentence's content terms its cited paragraph must hold.
SUPPORT_TERMS = 0.6

_BRACKETS = re.compile(r"\s*\[([^\[\]]{3,200})\]")
_LEADING = re.compile(r"^(?:\s*\[[^\[\]]{3,200}\])+")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without|cannot|n't)\b|n't\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


@dataclass
class CheckedSentence:
    """One sentence of a generated answer: its text without citations, the citations kept, those
    removed with why, and whether any citation supports it."""

    text: str
    citations: list[str] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)  # {"citation", "why"}

    @property
    def supported(self) -> bool:
        return bool(self.citations)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "citations": list(self.citations), "removed": list(self.removed),
                "supported": self.supported}


def _citations(text: str) -> list[str]:
    return [c.strip() for group in _BRACKETS.findall(text) for c in group.split(";") if c.strip()]


def cited_sentences(answer: str) -> list[tuple[str, list[str]]]:
    """(sentence without citations, its citations) for each sentence of a generated answer;
    citations standing after a sentence's full stop belong to that sentence."""
    out: list[tuple[str, list[str]]] = []
    for sentence in split_sentences(" ".join(answer.split())):
        leading = _LEADING.match(sentence)
        if leading and out:  # "... claim. [A/1, para. 2] Next claim."
            out[-1][1].extend(_citations(leading.group(0)))
            sentence = sentence[leading.end():]
        text = _BRACKETS.sub("", sentence).strip()
        if not re.search(r"\w", text):
            continue
        out.append((text, _citations(sentence)))
    return out


def _numbers(text: str) -> set[str]:
    """The numbers a text states, digits without thousands separators ("1,275" -> "1275"),
    small numbers written as words counted as digits ("two" -> "2")."""
    found = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}
    found.update(_NUMBER_WORDS[w.lower()] for w in _NUMBER_WORD.findall(text))
    return found


def _closest_sentence(claim: str, paragraph: str) -> str:
    """The paragraph's sentence sharing most content terms with the claim."""
    wanted = content_terms(claim)
    return max(split_sentences(paragraph) or [paragraph], key=lambda s: len(wanted & set(terms(s))))


def unsupported_because(claim: str, paragraph: str) -> str | None:
    """Why `paragraph` does not support `claim` (None: it does)."""
    missing = _numbers(claim) - _numbers(paragraph)
    if missing:
        return f"the paragraph does not state {min(missing)}"
    foreign = set(countries(claim)) - set(countries(paragraph))
    if foreign:
        return f"the paragraph does not name {min(foreign)}"
    names = unwritten(name_words(claim), paragraph)
    if names:
        return f"the paragraph never writes {', '.join(names)}"
    if bool(_NEGATION.search(claim)) != bool(_NEGATION.search(_closest_sentence(claim, paragraph))):
        return "the paragraph says the opposite (a negation differs)"
    wanted = content_terms(claim)
    if wanted and len(wanted & set(terms(paragraph))) < SUPPORT_TERMS * len(wanted):
        return "the paragraph holds too few of the sentence's words"
    return None


def check_answer(answer: str, sent: dict[str, str]) -> list[CheckedSentence]:
    """Each sentence of a generated answer checked against the paragraphs sent to the model
    (`sent`: citation -> paragraph text)."""
    by_key = {_key(c): c for c in sent}
    out = []
    for text, cites in cited_sentences(answer):
        checked = CheckedSentence(text)
        for cite in dict.fromkeys(cites):
            label = by_key.get(_key(cite))
            why = "not among the paragraphs sent" if label is None else unsupported_because(text, sent[label])
            if why is None:
                checked.citations.append(label)
            else:
                checked.removed.append({"citation": cite, "why": why})
        out.append(checked)
    return out


def _key(citation: str) -> str:
    """A citation compared without case, spacing or the paragraph sign's spelling."""
    return re.sub(r"\s+", "", citation.lower().replace("paragraph", "para.").replace("para..", "para."))
