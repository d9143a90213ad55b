"""A user's curation decision carried out: every article graph it touches rewritten, the decision
recorded, and the corpus pass run over what changed (``kg merge``, ``kg split``).
"""

from __future__ import annotations

import dataclasses
import datetime

from kg.curation.corpus_pass import link_pending
from kg.curation.decisions import DECISIONS_GRAPH, Decision, decision_ntriples, decision_time, read_decisions, rewrite
from kg.store.base import GraphStore


def record(st: GraphStore, d: Decision) -> tuple[Decision, int]:
    """Apply ``d`` to every stored article graph it touches, then record it; return it and how many graphs changed.

    Each graph changes in one transaction. Were the run stopped
    half-way, the graphs not yet rewritten still name the old IRI, so giving
    the same command again finishes it. Decisions apply in the order of their
    times, so one made within the same clock tick as the last is recorded a
    microsecond after it. The corpus pass then reads the rewritten graphs
    (:func:`kg.curation.corpus_pass.link_pending`), as it would after an ingest.
    """
    earlier = read_decisions(st)
    if earlier and decision_time(d.when) <= decision_time(earlier[-1].when):
        later = decision_time(earlier[-1].when) + datetime.timedelta(microseconds=1)
        d = dataclasses.replace(d, when=later.isoformat(timespec="microseconds"))
    changed = rewrite(st, d)
    lines = st.graph_ntriples(DECISIONS_GRAPH)
    st.replace_graph(DECISIONS_GRAPH, "\n".join(sorted(lines)) + "\n" + decision_ntriples(d))
    link_pending(st)   # the rewritten graphs may let a short name link, as after an ingest
    return d, changed
