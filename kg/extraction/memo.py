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
    """Return the doc's tokens, made once (iterating or indexing a Doc makes new Token objects each time).

    Each is a :class:`~spacy.tokens.Token` that keeps what it is asked (see :func:`_word_class`): the rules loop
    over these tokens, each asking every word its form, tag or dependency, and their heads and children.
    """
    m = memo(doc)
    found = m.get("tokens")
    if found is None:
        found = m["tokens"] = _words(doc)
    return found


def _words(doc: Doc) -> list[Token]:
    """Make the tokens of :func:`tokens`, each given the strings every rule's loop reads, its head and its children
    from the document's columns (read for the whole document at once: less than asking each token in turn)."""
    import numpy
    from spacy.attrs import HEAD

    word, vocab = _word_class(), doc.vocab
    words = [word(vocab, doc, i) for i in range(len(doc))]
    # (HEAD is kept relative to the token, and to_array gives it unsigned: as signed, plus the token's index)
    heads = (doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(len(doc))).tolist()
    kids: dict[int, list[Token]] = {}  # (only for the tokens that head any: fewer objects for the collector)
    columns = [column(doc, name) for name in ("text", "lower_", "lemma_", "pos_", "tag_", "dep_")]
    for i, (w, head, text, lower, lemma, pos, tag, dep) in enumerate(zip(words, heads, *columns, strict=True)):
        w.text, w.lower_, w.lemma_, w.pos_, w.tag_, w.dep_ = text, lower, lemma, pos, tag, dep
        w.head = words[head]
        if head != i:
            kids.setdefault(head, []).append(w)
    # A token's children are the tokens it heads, in text order: spaCy finds them between the token's edges, which
    # take in every token of its subtree, so no child lies outside them.
    for i, w in enumerate(words):
        own = kids.get(i)
        w.children = () if own is None else tuple(own)  # type: ignore[misc, assignment]  # (a slot: _word_class)
    return words


class _Kept:
    """A token attribute spaCy works out on each read, worked out on the first and kept on the token: a descriptor
    without ``__set__``, so later reads find the token's own value first (a plain dict look-up)."""

    __slots__ = ("name", "read")

    def __init__(self, name: str, read: Callable[[Token], Any]) -> None:
        self.name, self.read = name, read

    def __get__(self, tok: Token | None, owner: type | None = None) -> Any:
        if tok is None:
            return self
        value = tok.__dict__[self.name] = self.read(tok)
        return value


#: What a token of :func:`tokens` is given when it is made (in slots of its own, where spaCy's are found no more):
#: the strings every rule's loop reads, its head and its children.
_GIVEN = ("text", "lower_", "lemma_", "pos_", "tag_", "dep_", "head", "children")
#: The strings a token of :func:`tokens` keeps when first asked (spaCy spells them from its string store each read).
_KEPT_STRINGS = ("ent_type_", "ent_iob_", "whitespace_")


@functools.cache
def _word_class() -> type[Token]:
    """Return the Token subclass :func:`tokens` makes: a token given its common strings, its head and its children
    when made (:data:`_GIVEN`), which keeps its other strings, its lefts and its rights when first asked.

    Its head and children are the document's own such tokens (spaCy makes new ones on each read), so what is read
    of them is read once too. Its children, lefts and rights are tuples, in spaCy's order, where spaCy gives
    generators: kg's rules only ever iterate over them (in a loop, a comprehension or a list), which a tuple answers
    alike, any number of times. Nothing but :func:`_words` makes one (a slot left empty has no answer).
    """
    from spacy.tokens import Token

    namespace: dict[str, Any] = {name: _Kept(name, getattr(Token, name).__get__) for name in _KEPT_STRINGS}
    namespace["lefts"] = _Kept("lefts", lambda tok: tuple(c for c in tok.children if c.i < tok.i))
    namespace["rights"] = _Kept("rights", lambda tok: tuple(c for c in tok.children if c.i > tok.i))
    namespace["__slots__"] = (*_GIVEN, "__dict__")
    namespace["__doc__"] = "A token of kg.extraction.memo.tokens: what it is asked is read once."
    return type("Word", (Token,), namespace)


def text(doc: Doc) -> str:
    """Return ``doc.text``, joined once (spaCy joins every token's text each time it is read)."""
    m = memo(doc)
    found = m.get("text")
    if found is None:
        # (as spaCy joins it, each word's text and the space after it, from the columns of both)
        from spacy.attrs import SPACY

        spaced = doc.to_array(SPACY).tolist()
        found = m["text"] = "".join([word + " " if space else word
                                     for word, space in zip(column(doc, "text"), spaced, strict=True)])
    return found


#: The token attributes spaCy spells from a hash in the string store (each read makes a new Python string), by the
#: attribute ``Doc.to_array`` reads them as: a column of these is read as an array of hashes, each spelt once.
_SPELT = {"text": "ORTH", "lower_": "LOWER", "tag_": "TAG", "dep_": "DEP", "lemma_": "LEMMA", "ent_type_": "ENT_TYPE"}
#: Hash -> string, for every document: a hash names one string for good, so a spelling is made once per process.
_SPELLING: dict[int, str] = {}
#: The attributes ``Doc.to_array`` gives as they are read (a character offset) or as a flag (0 or 1, read as a bool).
_NUMBERS = {"idx": "IDX"}
_FLAGS = {"is_lower": "IS_LOWER", "is_title": "IS_TITLE", "is_upper": "IS_UPPER", "is_alpha": "IS_ALPHA",
          "is_punct": "IS_PUNCT", "is_space": "IS_SPACE", "is_stop": "IS_STOP", "like_num": "LIKE_NUM",
          "is_digit": "IS_DIGIT"}


def column(doc: Doc, attr: str) -> list[Any]:
    """Return ``[getattr(tok, attr) for tok in doc]`` (``attr`` may be dotted: "head.i"), read once per document.

    The loops over every word of a document read a few of each word's attributes; a list, indexed by token, saves
    making a Token (and, for a string attribute, the string) for each read. The attributes spaCy keeps as numbers
    are read for the whole document at once (``Doc.to_array``), the others word by word.
    """
    m = memo(doc)
    key = ("column", attr)
    found = m.get(key)
    if found is None:
        found = m[key] = _read_column(doc, attr)
    return found


def _read_column(doc: Doc, attr: str) -> list[Any]:
    from spacy import attrs

    if attr in _SPELT:
        hashes = doc.to_array(getattr(attrs, _SPELT[attr])).tolist()
        spelling = _SPELLING
        try:
            return list(map(spelling.__getitem__, hashes))
        except KeyError:  # a word not spelt before: spell the document's words, once
            strings = doc.vocab.strings
            for h in set(hashes).difference(spelling):
                spelling[h] = strings[h]
            return list(map(spelling.__getitem__, hashes))
    if attr == "pos_":
        return list(map(_pos_names().__getitem__, doc.to_array(attrs.POS).tolist()))
    if attr == "ent_iob_":
        iob = ("", "I", "O", "B")  # (Token.iob_strings(): the spelling of Token.ent_iob_ by its number)
        return [iob[n] for n in doc.to_array(attrs.ENT_IOB).tolist()]
    if attr in _NUMBERS:
        return doc.to_array(getattr(attrs, _NUMBERS[attr])).tolist()
    if attr in _FLAGS:
        return list(map(bool, doc.to_array(getattr(attrs, _FLAGS[attr])).tolist()))
    return list(map(operator.attrgetter(attr), tokens(doc)))


@functools.cache
def _pos_names() -> dict[int, str]:
    """Return Token.pos_ by the number of the part of speech."""
    from spacy.parts_of_speech import NAMES

    return {int(number): name for number, name in NAMES.items()}


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
