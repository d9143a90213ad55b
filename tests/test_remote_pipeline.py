"""The whole pipeline against a SPARQL server: `kg ingest`, `query`, `viz`, `export`, `validate` and `stats` with
``--store URL`` on a real `oxigraph serve`, giving the same answers as the embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import clear_oxigraph

from kg import api
from kg.cli import main
from kg.store.queries import saved_queries

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def kg(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def both(oxigraph_server: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    clear_oxigraph(oxigraph_server)
    embedded = tmp_path_factory.mktemp("embedded") / "store"
    for store in (embedded, oxigraph_server):
        result = kg("ingest", EXAMPLES, "--store", store)
        assert result.exit_code == 0, result.output
    return embedded, oxigraph_server


def test_ingesting_again_leaves_the_server_unchanged(both: tuple[Path, str]) -> None:
    _, remote = both
    before = api.query(sparql="SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", store=remote).rows
    assert kg("ingest", EXAMPLES, "--store", remote).exit_code == 0
    assert api.query(sparql="SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", store=remote).rows == before


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_queries_answer_the_same_on_both_stores(both: tuple[Path, str], name: str) -> None:
    embedded, remote = both
    a, b = (api.query(sparql=name, store=s) for s in (embedded, remote))
    assert a.variables == b.variables
    assert sorted(map(repr, a.rows)) == sorted(map(repr, b.rows))
    assert a.rows, f"{name} has no answer on the examples"


def test_cli_query_output_is_the_same(both: tuple[Path, str]) -> None:
    embedded, remote = both
    outputs = [kg("query", "who-acts-on-whom", "--store", s, "--format", "csv").stdout for s in (embedded, remote)]
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 3


def test_stats_export_viz_and_validate_work_on_the_server(both: tuple[Path, str], tmp_path: Path) -> None:
    embedded, remote = both
    assert api.stats(store=embedded) == api.stats(store=remote)
    counts = [api.export(fmt="nquads", out=tmp_path / f"{i}.nq", store=s) for i, s in enumerate((embedded, remote))]
    assert counts[0] == counts[1]
    assert sorted((tmp_path / "0.nq").read_text().splitlines()) == sorted((tmp_path / "1.nq").read_text().splitlines())
    result = kg("viz", "--store", remote, "--out", tmp_path / "graph.html")
    assert result.exit_code == 0 and (tmp_path / "graph.html").is_file()
    assert kg("validate", "--store", remote).exit_code == 0


def test_the_corpus_pass_leaves_no_bookkeeping_graph_on_the_server(both: tuple[Path, str]) -> None:
    from kg.curation.pending import PENDING
    from kg.store.location import open_store

    _, remote = both
    with open_store(remote) as st:
        assert not [g for g in st.graphs() if g.startswith(PENDING)]
