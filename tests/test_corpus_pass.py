"""The corpus pass reads what was written, not the whole store, and links what the whole-store pass links.

Stores are built by hand from small invented article graphs (no spaCy model):
random runs of writes, rewrites and drops, each followed by the incremental
pass in one store and by the whole-store pass (:func:`kg.curation.corpus_pass.corpus_links`
over every stored actor, as the pass was first written) in another. Both
must end with the same actors in the same articles after every step.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_curate import ART, ID, article_graph

from kg.curation.actors import stored_actors
from kg.curation.corpus_pass import corpus_links, link_corpus, link_pending
from kg.curation.decisions import merge_decision, read_decisions, rewrite
from kg.curation.pending import PENDING, former_names, pending_graph
from kg.store.embedded import Store
from kg.vocabulary.ontology import load_ontology

#: (slug, label, type, mentions): invented actors whose names collide on purpose.
POOL = [
    ("veltrian-data-authority", "Veltrian Data Authority", "Regulator", ["Veltrian Data Authority", "VDA"]),
    ("vale-data-agency", "Vale Data Agency", "Regulator", ["Vale Data Agency", "the VDA"]),
    ("veltrian-data-authority", "Veltrian Data Authority", "Regulator", ["Veltrian Data Authority"]),
    ("vda", "VDA", "Organisation", ["VDA"]),
    ("vda", "the VDA", "Organisation", ["the VDA"]),
    ("oona-brask", "Oona Brask", "Person", ["Oona Brask"]),
    ("oona-brask", "Oona Brask", "Person", ["Oona Brask", "Brask"]),
    ("mikkel-brask", "Mikkel Brask", "Person", ["Mikkel Brask"]),
    ("brask", "Brask", "Person", ["Brask"]),
    ("brask", "Brask", "Organisation", ["Brask"]),
    ("ilse-varn", "Ilse Varn", "Person", ["Ilse Varn", "Varn"]),
    ("varn", "Varn", "Person", ["Varn"]),
    ("korro-labs", "Korro Labs", "Company", ["Korro Labs", "KL"]),
    ("kl", "KL", "Company", ["KL"]),
    ("korro", "Korro", "Organisation", ["Korro"]),
]


def _graph(name: str, rng: random.Random) -> str:
    picked: dict[str, tuple[str, str, str, list[str]]] = {}
    for actor in rng.sample(POOL, rng.randint(1, 4)):
        picked.setdefault(actor[0], actor)  # one entry per IRI, as an article graph has
    return article_graph(name, list(picked.values()))


def _write(st: Store, name: str, nt: str | None) -> None:
    """Write (or drop, ``nt`` None) an article graph as the ingest writer does: its mark first."""
    iri = ART + name
    st.replace_graphs([pending_graph([iri], former_names(st, iri))])
    st.replace_graph(iri, nt or "")


def _whole_store_pass(st: Store) -> None:
    """The pass as first written: every stored actor at once, until nothing more links."""
    registry = set(load_ontology().actors)
    while links := corpus_links(stored_actors(st), registry, read_decisions(st)):
        for y, x in sorted(links, key=lambda pair: pair[0].iri):
            rewrite(st, merge_decision(x, y, by="policy-kg", why="test", when="1970-01-01T00:00:00Z"))
    for g in st.graphs():
        if g.startswith(PENDING):
            st.replace_graph(g, "")


def _state(st: Store) -> set[tuple[str, str]]:
    rows = st.query("SELECT ?g ?e WHERE { GRAPH ?g { ?e pk:mentionedIn ?g } }").rows
    return {(str(g), str(e)) for g, e in rows}


@pytest.mark.parametrize("seed", range(60))
def test_the_pass_over_what_was_written_links_what_the_whole_store_pass_links(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Store(tmp_path / "a") as inc, Store(tmp_path / "b") as whole:
        names: list[str] = []
        for _ in range(10):
            roll = rng.random()
            if names and roll < 0.25:
                name, nt = rng.choice(names), None                 # dropped
            elif names and roll < 0.5:
                name = rng.choice(names)
                nt = _graph(name, rng)                             # replaced
            else:
                name = f"a{len(names)}"
                names.append(name)
                nt = _graph(name, rng)                             # new
            for st in (inc, whole):
                _write(st, name, nt)
            link_pending(inc)
            _whole_store_pass(whole)
            assert _state(inc) == _state(whole)
            assert not [g for g in inc.graphs() if g.startswith(PENDING)], "the pass drops its marks"


def _store(path: Path, graphs: dict[str, str]) -> Store:
    st = Store(path)
    for name, nt in graphs.items():
        _write(st, name, nt)
    return st


def test_a_new_full_name_links_a_short_name_stored_earlier(tmp_path: Path) -> None:
    with _store(tmp_path / "s", {"a": article_graph("a", [POOL[3]])}) as st:
        assert link_pending(st) == []                       # "VDA" alone names nobody yet
        _write(st, "b", article_graph("b", [POOL[0]]))
        assert link_pending(st) == [(ID + "vda", ID + "veltrian-data-authority")]
        assert {e for _, e in _state(st)} == {ID + "veltrian-data-authority"}


def test_a_replaced_graph_that_no_longer_names_a_rival_lets_the_short_name_link(tmp_path: Path) -> None:
    graphs = {"a": article_graph("a", [POOL[8]]), "b": article_graph("b", [POOL[5]]),
              "c": article_graph("c", [POOL[7]])}
    with _store(tmp_path / "s", graphs) as st:
        assert link_pending(st) == []                       # "Brask": Oona or Mikkel
        _write(st, "c", article_graph("c", [POOL[10]]))     # the article no longer names Mikkel Brask
        assert link_pending(st) == [(ID + "brask", ID + "oona-brask")]


def test_an_organisation_named_like_a_surname_is_not_linked_to_a_person(tmp_path: Path) -> None:
    with _store(tmp_path / "s", {"a": article_graph("a", [POOL[9]]), "b": article_graph("b", [POOL[5]])}) as st:
        assert link_pending(st) == []


def test_the_whole_store_pass_links_a_store_written_without_marks(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        st.replace_graph(ART + "a", article_graph("a", [POOL[3]]))
        st.replace_graph(ART + "b", article_graph("b", [POOL[0]]))
        assert link_pending(st) == []                       # nothing marked: nothing read
        assert link_corpus(st) == [(ID + "vda", ID + "veltrian-data-authority")]


def test_marks_a_stopped_run_left_are_read_by_the_next_ingest(tmp_path: Path) -> None:
    from kg import api

    with _store(tmp_path / "store", {"a": article_graph("a", [POOL[3]]), "b": article_graph("b", [POOL[0]])}):
        pass                                                # written and marked; the pass never ran
    (tmp_path / "empty").mkdir()
    report = api.ingest(paths=[tmp_path / "empty"], store=tmp_path / "store", workers=1)
    assert report.stored == 0 and report.linked == [(ID + "vda", ID + "veltrian-data-authority")]
    with Store(tmp_path / "store") as st:
        assert not [g for g in st.graphs() if g.startswith(PENDING)]
