"""A question to ranked paragraphs: candidates from BM25, paragraph and sentence vectors, fused
with learned weights and re-scored with text features and token vectors."""
