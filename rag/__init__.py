"""rag: offline cited question answering over paragraph-numbered official documents."""

__version__ = "0.1.0"
