"""Cutting a long text for the parser, and joining the parses again: one article is one document however long.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its
memory grows with a text's length, so ``kg extract`` and ``kg ingest`` both
parse a long article in pieces of at most :data:`CHUNK_CHARS` and join the
pieces' parses into one document before recognising anything in it.
"""

from __future__ import annotations

import re
from typing import Any

#: Characters per parse: spaCy refuses texts over ``nlp.max_length`` (1,000,000) and its memory grows with length.
CHUNK_CHARS = 100_000


def split_for_parser(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Return ``text`` cut into pieces of at most ``limit`` characters, at paragraph ends where possible.

    A paragraph longer than ``limit`` is cut at sentence ends, a sentence
    longer than that at spaces, and a run of text without spaces anywhere.
    """
    if len(text) <= limit:
        return [text]
    pieces = [p for para in re.split(r"\n\s*\n", text)
              for p in ([para] if len(para) <= limit else _split_long(para, limit))]
    return [c for c in _pack(pieces, limit, "\n\n") if c.strip()] or [text[:limit]]


def _pack(pieces: list[str], limit: int, sep: str) -> list[str]:
    """Return ``pieces`` joined with ``sep`` into as few chunks of at most ``limit`` characters as they fit."""
    out: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(sep) + len(piece) > limit:
            out.append(current)
            current = ""
        current = f"{current}{sep}{piece}" if current else piece
    if current:
        out.append(current)
    return out


def _split_long(text: str, limit: int) -> list[str]:
    units = re.split(r"(?<=[.!?])\s+", text.strip())
    return _pack([p for u in units for p in ([u] if len(u) <= limit else _split_words(u, limit))], limit, " ")


def _split_words(text: str, limit: int) -> list[str]:
    """Return ``text`` packed at spaces into chunks of at most ``limit``, a word longer than that cut in pieces."""
    return _pack([word[i:i + limit] for word in text.split() for i in range(0, len(word), limit)], limit, " ")


def join_parses(docs: list[Any]) -> Any:
    """Return the parses of one text's pieces as one document."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=True)
