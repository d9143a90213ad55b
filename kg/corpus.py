"""The corpus teaches the registry: a short name an article uses alone joins the one stored actor it names.

An article that only says "the VDA", or only "Brask", gets an actor of its
own (``pkid:vda``, ``pkid:brask``): the article alone cannot tell whom it
means. The corpus often can. :func:`corpus_links` finds such actors and the
one actor the rest of the store gives that name to:

- an acronym (every name of the actor is one all-capital word, "VDA") joins
  the one actor that another article names both by a full name and by that
  acronym ("the Veltrian Data Authority (VDA)");
- a surname (a person named by one word only, "Brask") joins the one person
  in the store whose full name ends with it ("Oona Brask").

When two or more actors could be meant, nothing is joined. Actors of the
built-in or user registry are never the ones joined away, and a user's
``kg split`` is respected: a name split off an actor is not joined back.

Why after writing, not while reading: an actor learnt from earlier articles
and used while reading later ones would make the IRIs depend on the order
the articles come in ("the VDA" read before the full name would mint
``pkid:vda``, read after would not). Linking instead runs over the whole
store after every ingest that wrote something, and depends only on which
articles are stored, so any order gives the same IRIs. The links are not
recorded as decisions: the next ingest derives them again from what is
stored (a re-extracted article is linked again).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .actors import StoredActor
    from .decisions import Decision
    from .store import GraphStore

log = logging.getLogger(__name__)

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}")
_WORD = re.compile(r"[A-Z][a-z'’-]+")


def _strip(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name.strip())


def corpus_links(actors: list[StoredActor], registry: set[str],
                 decisions: Sequence[Decision] = ()) -> list[tuple[StoredActor, StoredActor]]:
    """Return (short-named actor, the actor it names) pairs: each short name names exactly one other actor."""
    split_off = {(d.actor, n.casefold()) for d in decisions if d.kind == "split" for n in d.names}
    split_into = {d.other for d in decisions if d.kind == "split"}
    by_name: dict[str, list[StoredActor]] = {}      # a name -> the actors also named in full
    by_surname: dict[str, list[StoredActor]] = {}   # a surname -> the people with a full name ending with it
    for x in actors:
        if any(len(n.split()) > 1 for n in x.names):
            for n in {_strip(n) for n in x.names}:
                by_name.setdefault(n, []).append(x)
        if x.type == "Person" and len(x.label.split()) > 1:
            by_surname.setdefault(x.label.split()[-1], []).append(x)
    out = []
    for y in actors:
        if y.iri in registry or y.iri in split_into:
            continue
        names = {_strip(n) for n in y.names}
        if len(names) != 1:
            continue
        (name,) = names
        if _ACRONYM.fullmatch(name):
            found = [x for x in by_name.get(name, ()) if x.iri != y.iri]
        elif y.type == "Person" and _WORD.fullmatch(name):
            found = [x for x in by_surname.get(name, ()) if x.iri != y.iri]
        else:
            continue
        if len(found) == 1 and (found[0].iri, name.casefold()) not in split_off:
            out.append((y, found[0]))
    return out


def link_corpus(st: GraphStore) -> list[tuple[str, str]]:
    """Join every short-named actor of ``st`` to the one stored actor it names; return (joined, kept) IRIs.

    Each article graph is rewritten whole, as a merge would (see :mod:`kg.decisions`).
    """
    from .actors import stored_actors
    from .decisions import merge_decision, read_decisions, rewrite
    from .ontology import load_ontology

    registry = set(load_ontology().actors)
    decisions = read_decisions(st)
    done: list[tuple[str, str]] = []
    links = corpus_links(stored_actors(st), registry, decisions)
    for y, x in sorted(links, key=lambda pair: pair[0].iri):
        d = merge_decision(x, y, by="policy-kg", why="the corpus names one actor so", when="1970-01-01T00:00:00Z")
        if rewrite(st, d):
            log.info("linked %s to %s (%s)", y.iri, x.iri, x.label)
            done.append((y.iri, x.iri))
    return done
