"""Ranked paragraphs to an answer: the quoted sentence(s) of the best paragraph and its citation,
or an abstention when no paragraph supports an answer."""
