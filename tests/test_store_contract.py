"""One contract for every store backend: the embedded Oxigraph folder and a SPARQL server (a real `oxigraph serve`).

Each test runs twice, once per backend, on an empty store. The remote one
talks to an `oxigraph serve --union-default-graph` the tests start on a free
port: reads by the SPARQL Protocol, writes by the Graph Store Protocol.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from conftest import G1, G2, NT_A, NT_B, clear_oxigraph, free_port, oxigraph_binary, wait_for_http
from rdflib import RDFS, Graph, Literal

from kg.errors import QueryError, StoreError
from kg.store.base import GraphStore
from kg.store.embedded import Store
from kg.store.load import to_ntriples
from kg.store.location import open_store
from kg.store.remote import RemoteStore, graph_store_url
from kg.vocabulary.namespace import PK, PKID


@pytest.fixture(params=["embedded", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "embedded":
        st: GraphStore = Store(tmp_path / "store")
    else:
        endpoint = request.getfixturevalue("oxigraph_server")
        clear_oxigraph(endpoint)
        st = open_store(endpoint)
        assert isinstance(st, RemoteStore)
    with st:
        yield st


def test_replace_graph_twice_changes_nothing(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    before = (len(store), store.graphs(), store.graph_ntriples(G1))
    store.replace_graph(G1, NT_A)
    assert (len(store), store.graphs(), store.graph_ntriples(G1)) == before
    assert len(store) == 2


def test_replace_graph_replaces(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    store.replace_graph(G2, NT_B)
    store.replace_graph(G1, NT_B)
    assert store.graph_ntriples(G1) == {NT_B.strip()}
    assert store.graph_ntriples(G2) == {NT_B.strip()}
    assert store.query("ASK { pkid:ofcom pk:fines pkid:acme-social }").boolean is False
    assert store.graphs() == sorted([G1, G2])


def test_malformed_ntriples_raise_store_error_and_keep_old_graph(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    before = store.graph_ntriples(G1)
    for bad in ("<https://policy-kg.org/id/x> <https://policy-kg.org/ns#fines> not-an-iri .",
                "<https://policy-kg.org/id/x> <https://policy-kg.org/ns#fines> \"unclosed .",
                NT_A + "} } ; DROP ALL ; INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> ."):
        with pytest.raises(StoreError, match="cannot write graph"):
            store.replace_graph(G1, bad)
        assert store.graph_ntriples(G1) == before
    assert store.graphs() == [G1]


def test_awkward_literals_round_trip_through_the_store(store: GraphStore) -> None:
    g = Graph()
    text = 'quote " backslash \\ newline \n tab \t line-sep \u2028 para-sep \u2029 nel \x85 ff \x0c “curly” £€'
    g.add((PKID["acme-social"], RDFS.label, Literal(text)))
    g.add((PKID["acme-social"], PK.mention, Literal("Acme", lang="en")))
    store.replace_graph(G1, to_ntriples(g))
    assert len(store) == 2
    rows = store.query("SELECT ?l WHERE { pkid:acme-social rdfs:label ?l }").rows
    assert rows == [[text]]


def test_query_with_predeclared_prefixes_over_the_union(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    store.replace_graph(G2, NT_B)
    res = store.query("SELECT ?who ?what WHERE { ?who ?what pkid:ofcom . ?who ?p2 ?o2 }")
    assert res.kind == "select" and res.variables == ["who", "what"]
    assert res.rows == [["https://policy-kg.org/id/acme-social", "https://policy-kg.org/ns#criticises"]]
    res = store.query("SELECT ?l WHERE { pkid:ofcom rdfs:label ?l }")
    assert res.rows == [["Ofcom"]]
    res = store.query("CONSTRUCT { ?s pk:fines ?o } WHERE { ?s pk:fines ?o }")
    assert res.kind == "triples" and len(res.rows) == 1
    assert store.query(f"ASK {{ GRAPH <{G2}> {{ ?s pk:criticises ?o }} }}").boolean is True


def test_stream_yields_terms_with_unbound_as_none(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    s = store.stream("SELECT ?s ?l ?nothing WHERE { ?s rdfs:label ?l OPTIONAL { ?s pk:noSuch ?nothing } }")
    (row,) = list(s.rows)
    assert row[0] == pyoxigraph.NamedNode("https://policy-kg.org/id/ofcom")
    assert row[1] == pyoxigraph.Literal("Ofcom") and row[2] is None


def test_sparql_syntax_error_raises_query_error(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="SPARQL syntax"):
        store.query("SELEC ?s WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match=r"SPARQL syntax error: unknown prefix 'nope:'"):
        store.query("SELECT ?s WHERE { ?s nope:p ?o }")


def test_query_evaluation_error_raises_query_error(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    with pytest.raises(QueryError):
        store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY xsd:noSuchFunction(?o)")


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dump_loads_into_a_fresh_store_with_the_same_quads(store: GraphStore, fmt: str) -> None:
    store.replace_graph(G1, NT_A)
    store.replace_graph(G2, NT_B)
    out = io.BytesIO()
    store.dump(out, fmt)
    fresh = pyoxigraph.Store()
    fresh.load(out.getvalue(), pyoxigraph.RdfFormat.TRIG if fmt == "trig" else pyoxigraph.RdfFormat.N_QUADS)
    assert len(fresh) == len(store) == 3
    assert sorted(g.value for g in fresh.named_graphs()) == [G1, G2]


def test_open_store_picks_the_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_STORE", raising=False)
    with open_store(tmp_path / "folder") as st:
        assert isinstance(st, Store)


# ---------------------------------------------------------------- remote only


def test_remote_read_only_refuses_writes(oxigraph_server: str) -> None:
    clear_oxigraph(oxigraph_server)
    with open_store(oxigraph_server, read_only=True) as st, pytest.raises(StoreError, match="read-only"):
        st.replace_graph(G1, NT_A)


def test_unreachable_server_names_the_endpoint() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(StoreError, match=r"cannot reach the SPARQL endpoint .*Is the server running"):
        open_store(url)


def test_server_without_union_default_graph_is_refused(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "ox"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        endpoint = f"http://127.0.0.1:{port}/query"
        wait_for_http(endpoint + "?query=ASK%7B%7D", proc)
        with open_store(endpoint) as st:   # empty: nothing to tell yet
            st.replace_graph(G1, NT_A)
        with pytest.raises(StoreError, match="--union-default-graph"):
            open_store(endpoint)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize(("endpoint", "gsp"), [
    ("http://localhost:7878/query", "http://localhost:7878/store"),
    ("http://h:3030/ds/query", "http://h:3030/ds/data"),
    ("http://h:3030/ds/sparql", "http://h:3030/ds/data"),
    ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg/rdf-graphs/service"),
    ("http://h:8890/sparql", "http://h:8890/sparql-graph-crud"),
])
def test_graph_store_url_follows_the_server_layout(endpoint: str, gsp: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_GRAPH_STORE", raising=False)
    assert graph_store_url(endpoint) == gsp


def test_graph_store_url_unknown_layout_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_GRAPH_STORE", raising=False)
    with pytest.raises(StoreError, match="KG_GRAPH_STORE"):
        graph_store_url("http://h/strange")
    monkeypatch.setenv("KG_GRAPH_STORE", "http://h/gsp")
    assert graph_store_url("http://h/strange") == "http://h/gsp"


def quads_in(graph: str, ntriples: str) -> str:
    return "".join(line[:-2] + f" <{graph}> .\n" for line in ntriples.splitlines())


def test_replace_graphs_writes_new_and_replaces_stored_graphs(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    other = "<urn:s> <urn:p> <urn:o> <urn:elsewhere> .\n"
    store.replace_graphs([(G1, quads_in(G1, NT_B)), (G2, quads_in(G2, NT_A) + other)])
    assert store.graph_ntriples(G1) == set(NT_B.splitlines())
    assert store.graph_ntriples(G2) == set(NT_A.splitlines())  # the line naming another graph is left out
    assert store.graphs() == [G1, G2]


def test_replace_graphs_writes_nothing_when_one_text_is_malformed(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    g3 = "https://policy-kg.org/article/three"
    bad = f'<urn:s> <urn:p> "unclosed <{G2}> .\n'
    triple = f"<urn:s> <urn:p> <{G2}> .\n"  # a triple (default graph) whose line ends as one in G2 would
    for graphs in ([(g3, quads_in(g3, NT_B)), (G2, bad)], [(G1, quads_in(G1, NT_B)), (G2, bad)],
                   [(g3, quads_in(g3, NT_B)), (G2, triple)]):
        with pytest.raises(StoreError, match="cannot write graph"):
            store.replace_graphs(graphs)
        assert store.graphs() == [G1] and store.graph_ntriples(G1) == set(NT_A.splitlines())


def test_replace_graphs_with_one_graph_twice_keeps_the_last(store: GraphStore) -> None:
    store.replace_graphs([(G1, quads_in(G1, NT_A)), (G2, quads_in(G2, NT_A)), (G1, quads_in(G1, NT_B))])
    assert store.graph_ntriples(G1) == set(NT_B.splitlines())
    assert store.graph_ntriples(G2) == set(NT_A.splitlines())


def test_change_graph_takes_out_and_puts_in_those_triples_alone(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    store.replace_graph(G2, NT_A)
    label = '<https://policy-kg.org/id/ofcom> <http://www.w3.org/2000/01/rdf-schema#label> "Ofcom" .'
    odd = '<https://policy-kg.org/id/ofcom> <https://policy-kg.org/ns#mention> "the \\"regulator\\" } }" .'
    store.change_graph(G1, [label], [odd, NT_B.strip()])
    assert store.graph_ntriples(G1) == {NT_A.splitlines()[0], odd, NT_B.strip()}
    assert store.graph_ntriples(G2) == set(NT_A.splitlines())   # the other graph keeps the same triple
    store.change_graph(G1, [odd, "<urn:never> <urn:was> <urn:there> ."], [])
    assert store.graph_ntriples(G1) == {NT_A.splitlines()[0], NT_B.strip()}


def test_change_graph_refuses_text_that_is_not_ntriples_and_changes_nothing(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A)
    for remove, add in (([NT_A.splitlines()[0]], ["<urn:a> <urn:b> <urn:c> . } } ; DROP ALL ; INSERT DATA { <urn:x>"]),
                        (["<urn:a> <urn:b> \"unclosed ."], [NT_B.strip()])):
        with pytest.raises(StoreError, match="cannot write graph"):
            store.change_graph(G1, remove, add)
        assert store.graph_ntriples(G1) == set(NT_A.splitlines()) and store.graphs() == [G1]


def test_triples_naming_reads_subject_and_object_in_one_graph(store: GraphStore) -> None:
    store.replace_graph(G1, NT_A + NT_B)
    store.replace_graph(G2, NT_B)
    acme, ofcom = "<https://policy-kg.org/id/acme-social>", "<https://policy-kg.org/id/ofcom>"
    fines, crit = "<https://policy-kg.org/ns#fines>", "<https://policy-kg.org/ns#criticises>"
    assert store.triples_naming(G1, ["https://policy-kg.org/id/acme-social"]) == {(ofcom, fines, acme),
                                                                                 (acme, crit, ofcom)}
    assert store.triples_naming(G2, ["https://policy-kg.org/id/acme-social", "urn:none"]) == {(acme, crit, ofcom)}
