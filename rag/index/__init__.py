"""The index on disk: its folder layout (generations, CURRENT, manifest, lock), the build that
writes a generation, and the readers of its vectors, lexical postings, sentences and token vectors."""
