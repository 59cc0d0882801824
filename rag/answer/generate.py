"""Generated answers: the question and the best paragraphs, each labelled with its official
citation, sent to the user's OpenAI-compatible endpoint (rag.answer.llm); the answer streamed
back and every sentence's citations checked against the paragraphs sent (rag.answer.check).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rag.answer.check import CheckedSentence, check_answer
from rag.answer.llm import Endpoint, stream_chat
from rag.models import Hit

# The best paragraphs sent to the model with the question.
PARAGRAPHS_SENT = 6

SYSTEM_PROMPT = (
    "You answer questions about official United Nations documents using only the numbered "
    "paragraphs given to you. Write a short answer in plain sentences. End every sentence with "
    "the citation of the paragraph that supports it, in square brackets, exactly as the paragraph "
    "is labelled, for example [A/59/377, para. 49]. Cite only the paragraphs given. Do not add "
    "facts, figures, dates or names that the paragraphs do not state. If the paragraphs do not "
    "answer the question, say so in one sentence without a citation."
)


@dataclass
class Generated:
    """A generated answer: the model's text, its sentences as checked, and the paragraphs sent."""

    model: str
    text: str
    sentences: list[CheckedSentence]
    sent: list[str] = field(default_factory=list)  # the citations of the paragraphs sent

    @property
    def supported(self) -> bool:
        """Every sentence has at least one supported citation (or says the paragraphs do not
        answer, claiming nothing)."""
        return bool(self.sentences) and all(s.supported or s.declines for s in self.sentences)

    def to_json(self) -> dict[str, Any]:
        return {"model": self.model, "text": self.text, "supported": self.supported,
                "sentences": [s.to_json() for s in self.sentences], "sent": list(self.sent)}


def messages_for(question: str, hits: list[Hit]) -> list[dict[str, str]]:
    """The chat messages: the instructions, then the question with each paragraph under its citation."""
    paragraphs = "\n\n".join(f"[{h.citation}]\n{h.text}" for h in hits)
    return [{"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Paragraphs:\n\n{paragraphs}\n\nQuestion: {question}"}]


def stream_generate(endpoint: Endpoint, question: str, hits: list[Hit]) -> Iterator[str | Generated]:
    """The answer's text pieces as they stream in, then the checked Generated."""
    sent = hits[:PARAGRAPHS_SENT]
    parts = []
    for piece in stream_chat(endpoint, messages_for(question, sent)):
        parts.append(piece)
        yield piece
    yield checked(endpoint.model, "".join(parts), sent)


def checked(model: str, text: str, sent: list[Hit]) -> Generated:
    """The model's whole text checked against the paragraphs sent."""
    return Generated(model, text, check_answer(text, {h.citation: h.text for h in sent}),
                     [h.citation for h in sent])
