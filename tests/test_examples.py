"""The shipped examples: every article reads and yields entities; every sample query answers over them.

The examples are ingested once per session into a temporary store (one parse
of each article); the per-article checks read that store.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import api
from kg.sources.read import read_article
from kg.vocabulary.ontology import PKART

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(p for p in (ROOT / "examples" / "articles").iterdir() if p.is_file())
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.IngestReport, Path]:
    store = tmp_path_factory.mktemp("examples") / "store"
    report = api.ingest(paths=[ROOT / "examples" / "articles"], store=store)
    return report, store


def test_there_are_examples() -> None:
    assert len(ARTICLES) >= 5
    assert QUERIES


def test_every_example_is_stored(examples_store: tuple[api.IngestReport, Path]) -> None:
    report, _ = examples_store
    assert not report.failed, report.failed
    assert report.stored == report.new == len(ARTICLES)
    assert report.triples > 0


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_example_reads_has_date_and_entities(path: Path, examples_store: tuple[api.IngestReport, Path]) -> None:
    articles = read_article(path)
    assert len(articles) == 1
    (article,) = articles
    assert article.date, f"{path.name} has no date"
    assert article.text.strip()
    _, store = examples_store
    result = api.query(sparql=f"SELECT DISTINCT ?e WHERE {{ ?e pk:mentionedIn <{PKART[article.id]}> }}",
                       store=store)
    assert len(result.rows) >= 1, f"{path.name}: no entity extracted"


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_example_query_answers(query: Path, examples_store: tuple[api.IngestReport, Path]) -> None:
    _, store = examples_store
    result = api.query(sparql=str(query), store=store)
    assert result.kind in {"select", "triples", "boolean"}
    if result.kind == "boolean":
        assert result.boolean
    else:
        assert len(result.rows) >= 1, f"{query.name} returned no rows"


def test_examples_store_validates_against_the_shapes(examples_store: tuple[api.IngestReport, Path]) -> None:
    _, store = examples_store
    report = api.validate(store=store)
    assert report.conforms, "\n".join(str(v) for v in report.violations)
    assert report.statements > 0


def _article_quads(store: Path, out: Path) -> set[str]:
    """Return the store's article-graph quads as N-Quads lines, less ``pk:extractedWith`` (which records the
    registry an article was extracted with, and so differs by design)."""
    api.export(fmt="nquads", out=out, store=store)
    return {line for line in out.read_text(encoding="utf-8").splitlines()
            if line.rstrip(" .").endswith(">") and line.rsplit(" ", 2)[-2].startswith(f"<{PKART}")
            and "#extractedWith>" not in line}


def test_actors_csv_fed_back_as_registry_changes_no_statement(
        examples_store: tuple[api.IngestReport, Path], tmp_path: Path) -> None:
    """The curation round trip: `kg actors --format csv` is a registry file, and ingesting with it stores the
    same statements (a committee the file names keeps the chamber its name gives)."""
    from kg.curation.actors import actors_csv, is_description
    from kg.curation.registry_files import activate, load_registry

    _, store = examples_store
    registry = tmp_path / "actors.csv"
    registry.write_text(actors_csv(api.actors(store=store)), encoding="utf-8")
    # Descriptions ("the company") stay in their own column: no actor of the file is named by one.
    named = {n for a in load_registry(registry) for n in a.names}
    assert named and not [n for n in named if is_description(n)]
    again = tmp_path / "again"
    try:
        report = api.ingest(paths=[ROOT / "examples" / "articles"], store=again, registry=registry)
    finally:
        activate(())   # the next tests extract with the built-in registry only
    assert not report.failed, report.failed
    before, after = _article_quads(store, tmp_path / "a.nq"), _article_quads(again, tmp_path / "b.nq")
    assert before, "no article quads exported"
    assert sorted(before - after) == [] and sorted(after - before) == []


def test_one_actor_one_type_in_stats_actors_explorer_network_and_sparql(
        examples_store: tuple[api.IngestReport, Path]) -> None:
    """No actor carries two types in an article graph (a country and its government are two nodes, linked by
    pk:government); `kg stats`, `kg actors`, the explorer, the network export and a plain SPARQL count agree."""
    from collections import Counter

    from kg.store.embedded import Store
    from kg.views.explore import read_corpus

    _, store = examples_store
    two = api.query(sparql="SELECT ?s WHERE { GRAPH ?g { ?s a ?t1, ?t2 FILTER(?t1 != ?t2) } "
                           "FILTER(STRSTARTS(STR(?g), STR(pkart:))) }", store=store)
    assert two.rows == []
    links = api.query(sparql="SELECT ?c ?gov WHERE { GRAPH ?g { ?c pk:government ?gov ; a pk:Country . "
                             "?gov a pk:GovernmentBody } }", store=store)
    assert links.rows, "the examples name countries and their governments: they should be linked"
    stats = api.stats(store=store)
    actors = api.actors(store=store)
    assert Counter(a.type for a in actors) == Counter(stats.actors_by_type)
    for cls, n in stats.actors_by_type.items():
        found = api.query(sparql=f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a pk:{cls} }}", store=store)
        assert found.rows[0][0] == n, cls
    by_iri = {a.iri: a for a in actors}
    with Store(store, read_only=True) as st:
        corpus = read_corpus(st)
    for a in corpus.actors:
        assert (a.label, a.type) == (by_iri[a.iri].label, by_iri[a.iri].type), a.iri
    for iri, data in api.network(store=store).nodes(data=True):
        assert data["type"] == by_iri[iri].type, iri
