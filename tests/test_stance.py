"""The paragraph on the side a question asks about goes before its neighbour on the other side
(rag.search.stance)."""

from __future__ import annotations

from rag.models import Hit
from rag.search.stance import asked_side_first, side


def _hit(pid: int, text: str, symbol: str = "A/AC.182/2025/L.9") -> Hit:
    return Hit(pid=pid, symbol=symbol, number=str(pid), text=text, page="4", section="", score=1.0)


# A/AC.182/2025/L.9, paras. 15 and 16 (shortened): the supporters, then the doubters.
SUPPORTED = _hit(15, "During the general exchange of views, a number of delegations supported the inclusion of the "
                     "proposal, noting that unilateral coercive measures were illegitimate. Some delegations expressed "
                     "the view that the proposal deserved serious consideration.")
DOUBTED = _hit(16, "Several delegations expressed doubts about the proposal. It was considered that the proposal was "
                   "politically charged and had little prospect of generating consensus.")
NOT_IN_POSITION = _hit(21, "Several delegations indicated that they were not in a position to support the proposal. "
                           "It was observed that civil society organizations played an important role.")


def test_the_side_a_text_takes() -> None:
    assert side("Several delegations expressed doubts about the proposal.") == "against"
    assert side("Several delegations indicated that they were not in a position to support the proposal.") == "against"
    assert side("A number of delegations supported the inclusion of the proposal.") == "for"
    assert side("The Committee held three meetings.") is None


def test_the_paragraph_on_the_asked_side_goes_first() -> None:
    doubt = "Why did several delegations doubt the proposal on unilateral coercive measures?"
    assert [h.pid for h in asked_side_first(doubt, [SUPPORTED, DOUBTED])] == [16, 15]
    against = "Why could some delegations not support the proposal on the geographical representation of NGOs?"
    assert [h.pid for h in asked_side_first(against, [SUPPORTED, NOT_IN_POSITION])] == [21, 15]
    backed = "Why did a number of delegations support the proposal on unilateral coercive measures?"
    assert [h.pid for h in asked_side_first(backed, [DOUBTED, SUPPORTED])] == [15, 16]


def test_other_orders_are_kept() -> None:
    doubt = "Why did several delegations doubt the proposal on unilateral coercive measures?"
    assert asked_side_first(doubt, [DOUBTED, SUPPORTED]) == [DOUBTED, SUPPORTED]  # already on the asked side
    other_doc = _hit(3, "Several delegations expressed doubts about the draft.", symbol="A/80/33")
    assert asked_side_first(doubt, [SUPPORTED, other_doc]) == [SUPPORTED, other_doc]
    plain = _hit(4, "The Special Committee held its session from 18 to 26 February 2025.")
    assert asked_side_first(doubt, [plain, DOUBTED]) == [plain, DOUBTED]  # the first takes no side
    noun = "What support did UNDP give to the proposal's sponsors?"  # support as a noun asks no side
    assert asked_side_first(noun, [DOUBTED, SUPPORTED]) == [DOUBTED, SUPPORTED]


def test_no_side_without_speakers_taking_one() -> None:
    """A party's name, a treaty's reservations, a purpose or a vote count take no side."""
    for question in ("Which areas did the SPLM/A in Opposition control in 2024?",
                     "How many States have made reservations to the Convention?",
                     "What did the Government do to support internally displaced persons?",
                     "How many Member States voted in favour of the amendment?"):
        assert asked_side_first(question, [DOUBTED, SUPPORTED]) == [DOUBTED, SUPPORTED]
    assert side("The Committee welcomed the adoption of the amendment.") is None  # no speakers
