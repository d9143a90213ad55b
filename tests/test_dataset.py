"""What a query reads: the articles' default graph (each triple once), the ontology and registry outside it, and a
query's own dataset (FROM, FROM NAMED, a Dataset) honoured; parameters of saved queries bound as terms."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import api
from kg.cli import main
from kg.errors import QueryError
from kg.ingest import store_ontology
from kg.store.base import ARTICLES_GRAPH, ONTOLOGY_GRAPH, REGISTRY_GRAPH, Dataset
from kg.store.embedded import Store
from kg.store.queries import bind_parameters, declared_parameters
from kg.store.stats import store_stats

A1, A2 = "https://policy-kg.org/article/a1", "https://policy-kg.org/article/a2"
PK, ID = "https://policy-kg.org/ns#", "https://policy-kg.org/id/"
TYPE, LABEL = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://www.w3.org/2000/01/rdf-schema#label>"


def article(iri: str, *facts: tuple[str, str, str]) -> str:
    """Return the N-Triples of an article graph: the article, its actors (Company or Regulator) and edges."""
    lines = [f"<{iri}> {TYPE} <{PK}Article> ."]
    for s, p, o in facts:
        for actor, cls in ((s, "Regulator"), (o, "Company")):
            lines += [f"<{ID}{actor}> {TYPE} <{PK}{cls}> .", f'<{ID}{actor}> {LABEL} "{actor.title()}" .',
                      f"<{ID}{actor}> <{PK}mentionedIn> <{iri}> ."]
        lines.append(f"<{ID}{s}> <{PK}{p}> <{ID}{o}> .")
    return "\n".join(lines) + "\n"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Store(path) as st:
        store_ontology(st)
        st.replace_graph(A1, article(A1, ("ofcom", "fines", "meta"), ("ofcom", "fines", "apple")))
        st.replace_graph(A2, article(A2, ("ofcom", "fines", "meta")))
    return path


def count(st: Store, text: str, **kw: object) -> int:
    return int(st.query(text, **kw).rows[0][0])  # type: ignore[arg-type]


def test_the_default_graph_holds_the_articles_only_and_each_triple_once(store: Path) -> None:
    with Store(store, read_only=True) as st:
        assert count(st, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a pk:Company }") == 2
        assert store_stats(st).actors_by_type["Company"] == 2
        assert count(st, "SELECT (COUNT(*) AS ?n) WHERE { ?s pk:fines ?o }") == 2          # distinct facts
        assert count(st, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s pk:fines ?o } }") == 3  # how often
        # The registry is there when asked for: by GRAPH, or with the reference graphs in the default graph.
        assert count(st, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ ?s a pk:Company }} }}") > 10
        assert count(st, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a pk:Company }",
                     dataset=Dataset.with_reference()) > 10
        assert count(st, f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ pk:Company rdfs:subClassOf pk:Actor }} }}".replace(
            "ASK", "SELECT (COUNT(*) AS ?n) WHERE").replace("WHERE {{", "WHERE {")) == 1


def test_from_names_the_dataset_instead_of_the_whole_store(store: Path) -> None:
    """Issue 20, fault 7: FROM, FROM NAMED and default-graph-uri were ignored (the union overrode them)."""
    with Store(store, read_only=True) as st:
        assert count(st, f"SELECT (COUNT(*) AS ?n) FROM <{A2}> WHERE {{ ?s pk:fines ?o }}") == 1
        # Oxigraph reads several FROM graphs one after another: a triple two of them hold is found twice.
        assert count(st, f"SELECT (COUNT(DISTINCT ?o) AS ?n) FROM <{A1}> FROM <{A2}> WHERE {{ ?s pk:fines ?o }}") == 2
        assert count(st, f"SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{A1}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
                     ) == 1
        assert count(st, "PREFIX a: <https://policy-kg.org/article/> SELECT (COUNT(*) AS ?n) FROM a:a2 "
                         "WHERE { ?s pk:fines ?o }") == 1
        # A dataset given beside the query (the protocol's default-graph-uri) wins over its FROM.
        assert count(st, f"SELECT (COUNT(*) AS ?n) FROM <{A2}> WHERE {{ ?s pk:fines ?o }}",
                     dataset=Dataset(default=(ARTICLES_GRAPH,))) == 2
        # "FROM <x>" in a string or a comment is no clause.
        assert count(st, f'SELECT (COUNT(*) AS ?n) WHERE {{ ?s pk:fines ?o }} # FROM <{A2}>') == 2
        with pytest.raises(QueryError, match="no graph <https://policy-kg.org/article/nope>"):
            st.query("SELECT * FROM <https://policy-kg.org/article/nope> WHERE { ?s ?p ?o }")


def test_replacing_an_article_keeps_what_another_article_still_says(store: Path) -> None:
    with Store(store) as st:
        st.replace_graph(A2, article(A2, ("ofcom", "fines", "tiktok")))
        st.change_graph(A1, [f"<{ID}ofcom> <{PK}fines> <{ID}apple> ."], [])
        pairs = {(s.rsplit("/", 1)[1], o.rsplit("/", 1)[1]) for s, o in
                 st.query("SELECT ?s ?o WHERE { ?s pk:fines ?o }").rows}
        assert pairs == {("ofcom", "meta"), ("ofcom", "tiktok")}
        st.replace_graph(A1, "")
        assert {o for (o,) in st.query("SELECT ?o WHERE { ?s pk:fines ?o }").rows} == {f"{ID}tiktok"}


def test_an_older_store_gets_its_default_graph_when_opened_for_writing(store: Path) -> None:
    with Store(store) as st:
        st._store.update("DROP DEFAULT")   # as a store written before the default graph was kept
    with Store(store, read_only=True) as st:   # read-only: the union, as before
        assert count(st, "SELECT (COUNT(*) AS ?n) WHERE { ?s pk:fines ?o }") >= 2
    with Store(store) as st:
        assert count(st, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a pk:Company }") == 2


TIMELINE = """# What happened to an actor.
# @param actor (actor): whose timeline
# @param since (date, default 2000-01-01): from when
SELECT ?s ?o WHERE { ?s pk:fines ?o FILTER(?o = ?actor) }
"""


def test_parameters_are_declared_listed_and_bound_as_terms(store: Path) -> None:
    params = declared_parameters(TIMELINE)
    assert [(p.name, p.kind, p.default) for p in params] == [("actor", "actor", None), ("since", "date", "2000-01-01")]
    with Store(store, read_only=True) as st:
        assert len(st.query(bind_parameters(TIMELINE, {"actor": "Meta"}, st)).rows) == 1
        assert len(st.query(bind_parameters(TIMELINE, {"actor": "pkid:apple"}, st)).rows) == 1
        with pytest.raises(QueryError, match="no actor of that name"):
            bind_parameters(TIMELINE, {"actor": "Nobody"}, st)
        with pytest.raises(QueryError, match="needs a value for 'actor'"):
            bind_parameters(TIMELINE, {}, st)
        with pytest.raises(QueryError, match="not a date"):
            bind_parameters(TIMELINE, {"actor": "Meta", "since": "yesterday"}, st)
        with pytest.raises(QueryError, match="no parameter 'who'"):
            bind_parameters(TIMELINE, {"who": "Meta"}, st)
    text = '# @param name (string): a name\nSELECT ?name WHERE { }'
    hostile = '"} } DROP ALL ; SELECT * WHERE { #'
    bound = bind_parameters(text, {"name": hostile})
    with Store(store, read_only=True) as st:
        assert st.query(bound).rows == [[hostile]]   # one literal, the text as given


def test_kg_query_takes_params_lists_them_and_gives_typed_json(store: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["query", "--list"])
    assert "--param actor=pkid:elon-musk (actor)" in listed.output
    result = runner.invoke(main, ["query", "actor-timeline", "--param", "actor=Meta", "--store", str(store),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["query", "SELECT (COUNT(*) AS ?n) (1.5 AS ?x) (true AS ?b) "
                                  "(\"2024-01-02\"^^xsd:date AS ?d) WHERE { ?s pk:fines ?o }",
                                  "--store", str(store), "--format", "json"])
    assert json.loads(result.output) == [{"n": 2, "x": 1.5, "b": True, "d": "2024-01-02"}]
    bad = runner.invoke(main, ["query", "actor-timeline", "--param", "actor", "--store", str(store)])
    assert bad.exit_code != 0 and "NAME=VALUE" in bad.output


def test_the_api_gives_typed_values(store: Path) -> None:
    answer = api.query(sparql="SELECT (COUNT(*) AS ?n) (\"2024-01-02\"^^xsd:date AS ?d) ?o WHERE "
                              "{ ?s pk:fines ?o } GROUP BY ?o ORDER BY ?o", store=store)
    assert answer.rows[0] == [1, datetime.date(2024, 1, 2), f"{ID}apple"]
