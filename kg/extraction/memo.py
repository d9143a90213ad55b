"""Per-document memos: what the stages read off one parse again and again, worked out once per document.

spaCy makes a new :class:`~spacy.tokens.Token` each time a doc is indexed or
iterated, walks the whole doc for ``Token.sent`` and ``Doc.text``, and kg's
rules ask the same questions of the same tokens many times over (is this verb
a passive? what does the noun lexicon say of this noun?). Once spaCy's pipeline
has run, nothing in recognition, resolution or relation extraction changes the
parse, so the answers are the same each time they are asked within a document:
this module keeps them, for the document being analysed.

It keeps one document at a time (per thread): asking about another document
starts afresh, so nothing is ever read from a stale memo, and no more than one
document's memos are held. A memoised function must depend on nothing but the
parse of its token's document (its arguments' parse, never the ontology or what
a stage found so far), and its callers must not change what it returns.
"""

from __future__ import annotations

import functools
import operator
import threading
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


class _Slot(threading.local):
    doc: Doc | None = None
    memo: dict[Any, Any] = {}  # noqa: RUF012 - replaced per document, never shared (see memo())


_SLOT = _Slot()


def memo(doc: Doc) -> dict[Any, Any]:
    """Return the memo of ``doc``: an empty one when the last document asked about (in this thread) was another."""
    slot = _SLOT
    if slot.doc is not doc:
        slot.doc, slot.memo = doc, {}
    return slot.memo


def forget(doc: Doc) -> None:
    """Drop what is kept of ``doc``: an analysis starts from what the parse says now."""
    if _SLOT.doc is doc:
        _SLOT.doc, _SLOT.memo = None, {}


def tokens(doc: Doc) -> list[Token]:
    """Return the doc's tokens, made once (iterating or indexing a Doc makes new Token objects each time)."""
    m = memo(doc)
    found = m.get("tokens")
    if found is None:
        found = m["tokens"] = list(doc)
    return found


def text(doc: Doc) -> str:
    """Return ``doc.text``, joined once (spaCy joins every token's text each time it is read)."""
    m = memo(doc)
    found = m.get("text")
    if found is None:
        found = m["text"] = doc.text
    return found


#: The token attributes spaCy spells from a hash in the string store (each read makes a new Python string), by the
#: attribute ``Doc.to_array`` reads them as: a column of these is read as an array of hashes, each spelt once.
_SPELT = {"text": "ORTH", "lower_": "LOWER", "tag_": "TAG", "dep_": "DEP", "lemma_": "LEMMA", "ent_type_": "ENT_TYPE"}
#: Hash -> string, for every document: a hash names one string for good, so a spelling is made once per process.
_SPELLING: dict[int, str] = {}


def column(doc: Doc, attr: str) -> list[Any]:
    """Return ``[getattr(tok, attr) for tok in doc]`` (``attr`` may be dotted: "head.i"), read once per document.

    The loops over every word of a document read a few of each word's attributes; a list, indexed by token, saves
    making a Token (and, for a string attribute, the string) for each read.
    """
    m = memo(doc)
    key = ("column", attr)
    found = m.get(key)
    if found is None:
        spelt = _SPELT.get(attr)
        if spelt is not None:
            from spacy import attrs

            strings, spelling = doc.vocab.strings, _SPELLING
            found = []
            for h in doc.to_array(getattr(attrs, spelt)).tolist():
                word = spelling.get(h)
                if word is None:
                    word = spelling[h] = strings[h]
                found.append(word)
        else:
            found = list(map(operator.attrgetter(attr), tokens(doc)))
        m[key] = found
    return found


def _sentences(doc: Doc) -> list[Span]:
    """Return, per token, its sentence; empty when the doc has no sentence marks."""
    m = memo(doc)
    found = m.get("sentences")
    if found is None:
        if doc.has_annotation("SENT_START"):
            # (the sentences Token.sent finds, by the same marks: a sentence opens where sent_start is 1)
            found = [span for span in doc.sents for _ in range(span.start, span.end)]
        else:
            found = []
        m["sentences"] = found
    return found


def has_sentences(doc: Doc) -> bool:
    """Return ``doc.has_annotation("SENT_START")``, asked once (spaCy reads every token each time)."""
    return bool(_sentences(doc)) or doc.has_annotation("SENT_START")


def sentence(tok: Token) -> Span:
    """Return ``tok.sent``: the same sentence, found once per document (spaCy's walks the doc each time)."""
    found = _sentences(tok.doc)
    return found[tok.i] if found else tok.sent  # (no marks: spaCy's own search, or its error)


def per_token(func: Callable[[Token], T]) -> Callable[[Token], T]:
    """Memoise ``func(tok)``, a function of the parse around one token, per document by token index."""
    @functools.wraps(func)
    def memoised(tok: Token) -> T:
        m = memo(tok.doc)
        key = (func, tok.i)
        if key in m:
            return m[key]
        value = m[key] = func(tok)
        return value

    return memoised
