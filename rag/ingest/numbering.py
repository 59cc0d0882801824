"""Paragraph numbering: which numbered lines open the document's paragraphs.

A UN document numbers its paragraphs 1, 2, 3... through the body (and again through each
annex), so the numbers that count are the best run n, n+1, n+2... among the lines that open
with a number; a date ("2 and 3 July"), a list item or a numbered heading that happens to
start a line weighs less or falls outside the run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.ingest.blocks import Block
from rag.ingest.headings import heading_like

HEADING_WEIGHT = 0.4  # a numbered heading ("1. Board of Auditors") or bold numbered line
ITEM_WEIGHT = 0.6  # a one-line list item: an agenda numbered 1, 2, 3 inside a paragraph
EDGE_BONUS = 0.2  # a number at the left edge most numbered lines share
SENTENCE_BONUS = 0.1  # flat text: a number right after a sentence end
RUN_ON_SPACING = 1.6  # type sizes between the baselines of a paragraph's lines, at most
MAX_OPENING = 999  # a higher number (a year, "in 2003. The") only continues a chain from 999


def best_chain(cands: list[tuple[int, float]]) -> list[int]:
    """Indices of the best run n, n+1, n+2... (in order) among (number, weight) candidates."""
    return scored_chain(cands)[0]


def scored_chain(cands: list[tuple[int, float]], from_first: bool = False) -> tuple[list[int], float]:
    """The best run among (number, weight) candidates and its summed weight; with `from_first`,
    the best run that opens with the first candidate; otherwise a number above MAX_OPENING opens
    no run."""
    if not cands:
        return [], 0.0
    best: list[float | None] = [None] * len(cands)
    prev: list[int] = [-1] * len(cands)
    last_by_num: dict[int, list[int]] = {}
    for i, (num, weight) in enumerate(cands):
        best[i] = weight if (i == 0 if from_first else num <= MAX_OPENING) else None
        for j in last_by_num.get(num - 1, []):
            bj = best[j]
            if bj is not None and (best[i] is None or bj + weight > best[i]):
                best[i], prev[i] = bj + weight, j
        last_by_num.setdefault(num, []).append(i)
    ends = [i for i in range(len(cands)) if best[i] is not None]
    if not ends:
        return [], 0.0
    end = max(ends, key=lambda i: (best[i], -i))
    score = best[end] or 0.0
    chain: list[int] = []
    while end != -1:
        chain.append(end)
        end = prev[end]
    chain.reverse()
    return chain, score


def _runs_on(ln: Block, nxt: Block | None) -> bool:
    """A numbered line in plain type whose text runs on to the next line under its number, at
    the line spacing: a paragraph's first line ("2. The Disarmament Commission held its
    organizational session for 2025 at" / "United Nations Headquarters ..."), not a numbered
    heading, whose second line would stand under its words."""
    if nxt is None or not (ln.y and ln.size and nxt.y) or ln.bold or ln.italic or ln.kind != "body":
        return False
    same_block = nxt.page == ln.page and 0 < ln.y - nxt.y <= RUN_ON_SPACING * ln.size
    return same_block and nxt.kind == "body" and nxt.number is None and abs(nxt.x - ln.x) < 3


def _numbered_heading(ln: Block, body_size: float, nxt: Block | None) -> bool:
    """A numbered line set as a heading ("1. Background" in bold), not a paragraph's first line."""
    return (heading_like(ln, body_size) or ln.bold) and not _runs_on(ln, nxt)


def _weight(ln: Block, body_size: float, nxt: Block | None = None) -> float:
    if _numbered_heading(ln, body_size, nxt):
        weight = HEADING_WEIGHT
    elif ln.item:
        weight = ITEM_WEIGHT
    else:
        weight = 1.0
    return weight + (SENTENCE_BONUS if ln.after_sentence else 0.0)


def candidates(lines: Sequence[Block], body_size: float) -> list[tuple[int, int, float]]:
    """(line index, number, weight) of lines that may open a numbered paragraph."""
    cands = [(i, int(ln.number), _weight(ln, body_size, lines[i + 1] if i + 1 < len(lines) else None))
             for i, ln in enumerate(lines) if ln.number is not None]
    xs: dict[int, int] = {}
    for i, _, _ in cands:
        xs[round(lines[i].x)] = xs.get(round(lines[i].x), 0) + 1
    if len(xs) > 1:
        edge = max(xs, key=lambda k: xs[k])
        cands = [(i, n, w + (EDGE_BONUS if abs(lines[i].x - edge) < 3 else 0.0)) for i, n, w in cands]
    return cands


# A subsection's number under a numbered heading: "1.1. Summary", "2.3 Transition end-state".
_SUBSECTION = re.compile(r"^(\d{1,2})\.\d{1,2}\.?\s+[A-Z]")


def _outline(lines: Sequence[Block], body_size: float, chain: list[int]) -> bool:
    """Whether the chain's lines are all numbered headings and subsections are numbered under
    two of them or more (one organization's "1.1 Headquarters" in a list of numbered entries
    does not make the list an outline)."""
    if not all(_numbered_heading(lines[i], body_size, lines[i + 1] if i + 1 < len(lines) else None)
               for i in chain):
        return False
    numbers = {lines[i].number for i in chain}
    under = {m.group(1) for m in (_SUBSECTION.match(ln.text.strip()) for ln in lines) if m}
    return len(under & numbers) >= 2


def paragraph_starts(lines: Sequence[Block], body_size: float) -> dict[int, str]:
    """Line index -> paragraph number for the lines' best numbering chain: a run of two or more,
    or one number that follows a sentence end in flat text. A run of numbered headings alone,
    over subsections numbered under them ("1. Background", "2. Modalities and roadmap", "1.1.
    Summary of current mandated areas": an annex set out as an outline), numbers no paragraphs:
    the text under the headings is the annex's running paragraphs."""
    cands = candidates(lines, body_size)
    chain = best_chain([(n, w) for _, n, w in cands])
    if len(chain) == 1 and not lines[cands[chain[0]][0]].after_sentence:
        return {}
    if _outline(lines, body_size, [cands[k][0] for k in chain]):
        return {}
    return {cands[k][0]: str(cands[k][1]) for k in chain}
