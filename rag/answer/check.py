"""The citation checker for generated answers: every sentence's citations must be among the
paragraphs sent to the model, and each cited paragraph must support the sentence.

A generated answer is split into sentences, each with the citations it gives in square
brackets ("... Switzerland [A/59/377, para. 49]."). A citation is removed when it names no
paragraph that was sent, or when that paragraph does not support the sentence: a number, year or
country of the sentence absent from it, a name it never writes, a negation the paragraph's
closest sentence does not share (or the reverse), an approving word ("welcomed") where the
paragraph only disapproves ("expressed concern"), or the reverse, or less than SUPPORT_TERMS of the sentence's
content terms found in it. A sentence left with no supported citation is unsupported: shown
dimmed, `supported: false` in JSON, never as fact. SUPPORT_TERMS was chosen on the claims built
from `un_dev` by `benchmarks.checker` (docs/quality.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rag.answer.constraints import countries, ordinal_values
from rag.answer.names import name_words, unwritten
from rag.textutil import content_terms, split_sentences, stem, terms

# The share of a sentence's content terms its cited paragraph must hold.
SUPPORT_TERMS = 0.6
# With several citations supporting a sentence together, the share each paragraph must hold.
SHARE_TOGETHER = 0.2

_BRACKETS = re.compile(r"\s*\[([^\[\]]{3,200})\]")
_LEADING = re.compile(r"^(?:\s*\[[^\[\]]{3,200}\])+")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without|cannot|n't)\b|n't\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
# Words that scale or qualify a figure: a claim's "billion" must be the paragraph's too.
_SCALES = ("thousand", "million", "billion", "trillion", "per cent", "percent")
# Words whose opposite in the paragraph says the opposite (compared by stem).
_OPPOSITES = (("increase", "decrease"), ("increase", "reduce"), ("rise", "fall"), ("rose", "fell"),
              ("higher", "lower"), ("more", "less"), ("more", "fewer"), ("above", "below"), ("gain", "loss"),
              ("adopt", "reject"), ("approve", "reject"), ("accept", "reject"), ("improve", "deteriorate"),
              ("improve", "worsen"), ("majority", "minority"), ("expand", "reduce"), ("before", "after"))
# The stances a body takes on what it reports, approving and disapproving, in the forms a claim
# writes them: a claim's stance the paragraph does not take, where it takes one of the others.
_APPROVING = re.compile(r"\b(?:welcom|commend|prais|applaud|congratulat|endors|appreciat|hail)\w*", re.IGNORECASE)
_DISAPPROVING = re.compile(r"\b(?:condemn|deplor|regret|concern|criticiz|criticis|denounc|alarm|deeply troubl)\w*",
                           re.IGNORECASE)
# A sentence saying the paragraphs do not answer: "The paragraphs do not say who chaired it."
_DECLINE = re.compile(r"\b(?:paragraphs?|documents?|texts?|sources?|context)\b.*\b(?:do(?:es)? not|don't|doesn't|cannot|"
                      r"can't|never)\b.*\b(?:answer|say|state|mention|contain|provide|specify|give|include)|"
                      r"\bno (?:information|answer|paragraph)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[;:,]\s+|\s+(?:but|while|whereas|although)\s+")
_CITED = re.compile(r"^(?P<head>.*?)(?:paragraphs?|paras?\.?|¶)\s*(?P<nums>\d+(?:\s*(?:-|–|to|and|,)\s*\d+)*)\s*$",
                    re.IGNORECASE)


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

    @property
    def declines(self) -> bool:
        """The sentence, citing nothing, says the paragraphs do not answer (as the prompt asks a
        model to): no claim to support."""
        return not self.citations and not self.removed and bool(_DECLINE.search(self.text))

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "citations": list(self.citations), "removed": list(self.removed),
                "supported": self.supported, "declines": self.declines}


def _citations(text: str) -> list[str]:
    """The citations of a sentence's brackets, a range or list of paragraphs ("paras. 48-49",
    "paras. 48 and 49") as one citation each."""
    return [c for group in _BRACKETS.findall(text) for part in group.split(";") if part.strip()
            for c in _expanded(part.strip())]


def _expanded(citation: str) -> list[str]:
    m = _CITED.match(citation)
    if m is None:
        return [citation]
    numbers: list[int] = []
    for piece in re.split(r"\s*(?:and|,)\s*", m.group("nums")):
        ends = [int(x) for x in re.split(r"\s*(?:-|–|to)\s*", piece) if x]
        numbers.extend(range(ends[0], ends[-1] + 1) if len(ends) == 2 and 0 <= ends[1] - ends[0] <= 20 else ends)
    head = m.group("head").strip().rstrip(",").strip()
    return [f"{head}, para. {n}" if head else f"para. {n}" for n in numbers]


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


def _clauses(text: str) -> list[str]:
    return [c for sentence in split_sentences(text) or [text] for c in _CLAUSE.split(sentence) if c.strip()]


def _negation_differs(claim: str, paragraph: str) -> bool:
    """A clause of the claim negated where the paragraph's closest clause is not, or the reverse."""
    theirs = _clauses(paragraph) or [paragraph]
    for mine in _clauses(claim):
        wanted = content_terms(mine)
        if len(wanted) < 2:
            continue
        closest = max(theirs, key=lambda c: len(wanted & set(terms(c))))
        if bool(_NEGATION.search(mine)) != bool(_NEGATION.search(closest)):
            return True
    return False


def _opposite(claim: str, paragraph: str) -> str | None:
    """A word of the claim whose opposite the paragraph writes instead of it."""
    said, held = {stem(w) for w in re.findall(r"[a-z]+", claim.lower())}, {stem(w) for w in re.findall(r"[a-z]+", paragraph.lower())}
    for a, b in _OPPOSITES:
        for mine, other in ((stem(a), stem(b)), (stem(b), stem(a))):
            if mine in said and mine not in held and other in held:
                return mine
    return None


def _stance(claim: str, paragraph: str) -> str | None:
    """The claim's approving (or disapproving) word, where the paragraph writes none of its kind
    but one of the other: "welcomed" of a paragraph that "expressed concern"."""
    for mine, other in ((_APPROVING, _DISAPPROVING), (_DISAPPROVING, _APPROVING)):
        said = mine.search(claim)
        if said and not mine.search(paragraph) and other.search(paragraph):
            return said.group(0)
    return None


def unsupported_because(claim: str, paragraph: str) -> str | None:
    """Why `paragraph` does not support `claim` (None: it does)."""
    missing = _numbers(claim) - _numbers(paragraph)
    if missing:
        return f"the paragraph does not state {min(missing)}"
    ordinals = ordinal_values(claim) - ordinal_values(paragraph)
    if ordinals:
        return f"the paragraph does not state the ordinal {min(ordinals)}"
    scales = [w for w in _SCALES if w in claim.lower() and w not in paragraph.lower()]
    if scales:
        return f"the paragraph does not state {scales[0]}"
    foreign = set(countries(claim)) - set(countries(paragraph))
    if foreign:
        return f"the paragraph does not name {min(foreign)}"
    names = unwritten(name_words(claim), paragraph)
    if names:
        return f"the paragraph never writes {', '.join(names)}"
    if _negation_differs(claim, paragraph):
        return "the paragraph says the opposite (a negation differs)"
    opposite = _opposite(claim, paragraph)
    if opposite:
        return f"the paragraph says the opposite of {opposite!r}"
    stance = _stance(claim, paragraph)
    if stance:
        return f"the paragraph's stance is not {stance!r}"
    wanted = content_terms(claim)
    if wanted and len(wanted & set(terms(paragraph))) < SUPPORT_TERMS * len(wanted):
        return "the paragraph holds too few of the sentence's words"
    return None


def check_answer(answer: str, sent: dict[str, str]) -> list[CheckedSentence]:
    """Each sentence of a generated answer checked against the paragraphs sent to the model
    (`sent`: citation -> paragraph text). A sentence citing several paragraphs that none
    supports alone is checked against them together (a synthesis), each kept when it holds
    some of the sentence's words."""
    out = []
    for text, cites in cited_sentences(answer):
        checked = CheckedSentence(text)
        labels = {}
        for cite in dict.fromkeys(cites):
            label = _label(cite, sent)
            why = "not among the paragraphs sent" if label is None else unsupported_because(text, sent[label])
            if why is None:
                checked.citations.append(label)
            elif label is not None:
                labels[cite] = (label, why)
            else:
                checked.removed.append({"citation": cite, "why": why})
        _together(checked, labels, sent)
        out.append(checked)
    return out


def _together(checked: CheckedSentence, failed: dict[str, tuple[str, str]], sent: dict[str, str]) -> None:
    """The citations `failed` alone kept when, with none kept alone, their paragraphs together
    support the sentence; else removed with why."""
    wanted = content_terms(checked.text)
    if not checked.citations and len(failed) > 1:
        union = " ".join(sent[label] for label, _ in failed.values())
        if unsupported_because(checked.text, union) is None:
            for cite, (label, why) in failed.items():
                if len(wanted & set(terms(sent[label]))) >= SHARE_TOGETHER * len(wanted):
                    checked.citations.append(label)
                else:
                    checked.removed.append({"citation": cite, "why": why})
            return
    checked.removed.extend({"citation": cite, "why": why} for cite, (_, why) in failed.items())


def _label(citation: str, sent: dict[str, str]) -> str | None:
    """The label of the paragraph sent that a citation names (a bare "para. 49" when one paragraph
    sent has that number), or None."""
    key = _key(citation)
    found = [label for label in sent if _key(label) == key]
    if not found and key.startswith("para."):
        found = [label for label in sent if _key(label).endswith("," + key)]
    return found[0] if len(found) == 1 else None


def _key(citation: str) -> str:
    """A citation compared without case, spacing or the paragraph sign's spelling."""
    text = re.sub(r"\b(?:paragraphs?|paras?)\b\.?|¶", "para.", citation.lower())
    return re.sub(r"\s+", "", text)
