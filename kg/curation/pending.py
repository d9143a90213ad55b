"""The corpus pass's bookkeeping: which article graphs were written or rewritten since it last ran.

Whoever writes or rewrites an article graph records, in the same write, a small graph of its own
(:func:`pending_graph`) saying so, with the actors and names a replaced graph held before;
:func:`kg.curation.corpus_pass.link_pending` reads those graphs and drops them once it has run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib.namespace import XSD

from kg.store.base import nt_string
from kg.vocabulary.namespace import PK

if TYPE_CHECKING:
    from kg.store.base import GraphStore


PENDING = "https://policy-kg.org/graph/awaiting-links/"



def pending_graph(graphs: Iterable[str], former: Iterable[tuple[str, str]] = ()) -> tuple[str, str]:
    """Return (IRI, N-Quads) of a bookkeeping graph: the article graphs ``graphs`` await the corpus pass.

    ``former`` pairs (actor, name) are what replaced or dropped graphs held
    before (:func:`former_names`).
    """
    iri = PENDING + uuid.uuid4().hex
    end = f" <{iri}> .\n"
    lines = {f"<{g}> <{PK.awaitsLinking}> \"true\"^^<{XSD.boolean}>{end}" for g in graphs}
    for actor, name in former:   # said once per mark: many rewritten graphs hold the same actors
        lines.add(f"<{iri}> <{PK.formerActor}> <{actor}>{end}")
        lines.add(f"<{iri}> <{PK.formerName}> {nt_string(name)}{end}")
    return iri, "".join(sorted(lines))


def former_names(st: GraphStore, graph_iri: str) -> list[tuple[str, str]]:
    """Return (actor, name) for every name the article graph ``graph_iri`` now gives each of its actors."""
    rows = st.query(f"SELECT DISTINCT ?e ?n WHERE {{ GRAPH <{graph_iri}> {{ ?e pk:mentionedIn <{graph_iri}> . "
                    f"{{ ?e rdfs:label ?n }} UNION {{ ?e pk:mention ?n }} }} }}").rows
    return [(str(e), str(n)) for e, n in rows]


def mark_pending(st: GraphStore, graphs: Iterable[str], former: Iterable[tuple[str, str]] = ()) -> None:
    """Record that the article graphs ``graphs`` await the corpus pass (before rewriting them)."""
    st.replace_graphs([pending_graph(graphs, former)])
