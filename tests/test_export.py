"""`kg export`: the actor network loads in networkx (GraphML, GEXF) and pandas-style CSV; TriG, N-Quads and
JSON-LD load back into a fresh store with the same quads.

The store holds the hand-built extraction of test_store_load (no model) and
the ontology graph, as `kg ingest` writes them.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset
from test_store_load import hand_extraction

from kg import api
from kg.cli import main
from kg.ingest import store_ontology
from kg.store.base import ONTOLOGY_GRAPH, REGISTRY_GRAPH
from kg.store.embedded import Store
from kg.store.load import article_iri, to_graph, to_ntriples
from kg.vocabulary.namespace import PKID

NDA, ACME, ZETA = (str(PKID[x]) for x in ("northland-data-authority", "acme-social", "zeta-chat"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "store"
    with Store(path) as st:
        store_ontology(st)
        st.replace_graph(str(article_iri("hand-built")), to_ntriples(to_graph(hand_extraction())))
    return path


def quad_count(store: Path) -> int:
    with Store(store, read_only=True) as st:
        return len(st)


def test_graphml_loads_in_networkx_with_the_attributes(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    counts = api.export(fmt="graphml", out=out, store=store)
    g = nx.read_graphml(out)
    assert counts == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    # Asserted, non-negated statements only: the fine and the criticism.
    edges = {(s, o, d["relation"]) for s, o, d in g.edges(data=True)}
    assert edges == {(NDA, ACME, "fines"), (ACME, NDA, "criticises")}
    assert g.nodes[NDA]["label"] == "Northland Data Authority" and g.nodes[NDA]["type"] == "Regulator"
    assert g.nodes[NDA]["articles"] == 1 and g.nodes[NDA]["article_ids"] == "hand-built"
    (fine,) = [d for s, o, d in g.edges(data=True) if d["relation"] == "fines"]
    assert fine["statements"] == 1 and fine["confidence"] == pytest.approx(0.85)
    assert fine["first_date"] == fine["last_date"] == "2026-01-12" and fine["article_ids"] == "hand-built"


def test_include_modal_adds_negated_and_intended(store: Path, tmp_path: Path) -> None:
    api.export(fmt="graphml", out=tmp_path / "all.graphml", store=store, include_modal=True)
    g = nx.read_graphml(tmp_path / "all.graphml")
    assert {d["relation"] for *_, d in g.edges(data=True)} == {"fines", "criticises", "bans", "investigates"}
    assert g.nodes[ZETA]["type"] == "Platform"


def test_gexf_loads_in_networkx(store: Path, tmp_path: Path) -> None:
    api.export(fmt="gexf", out=tmp_path / "net.gexf", store=store)
    g = nx.read_gexf(tmp_path / "net.gexf")
    assert g.number_of_edges() == 2 and g.nodes[NDA]["label"] == "Northland Data Authority"


def test_csv_is_a_node_table_and_an_edge_table(store: Path, tmp_path: Path) -> None:
    api.export(fmt="csv", out=tmp_path / "csv", store=store)
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8") as fh:
        nodes = {r["id"]: r for r in csv.DictReader(fh)}
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert set(nodes) == {NDA, ACME}
    assert nodes[ACME]["type"] == "Company" and nodes[ACME]["label"] == "Acme Social"
    assert {(e["source"], e["relation"], e["target"]) for e in edges} == {(NDA, "fines", ACME),
                                                                           (ACME, "criticises", NDA)}
    assert set(edges[0]) == {"source", "target", "relation", "statements", "articles", "first_date", "last_date",
                             "article_ids", "confidence"}


def test_csv_refuses_a_file_as_its_folder(store: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--out", str(tmp_path / "taken"),
                                       "--store", str(store)])
    assert result.exit_code == 1 and "is a file" in result.output


@pytest.mark.parametrize(("fmt", "rdf_format"), [("trig", pyoxigraph.RdfFormat.TRIG),
                                                  ("nquads", pyoxigraph.RdfFormat.N_QUADS)])
def test_dataset_exports_load_into_a_fresh_store(store: Path, tmp_path: Path, fmt: str, rdf_format) -> None:  # noqa: ANN001
    out = tmp_path / f"all.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(out), "--store", str(store)])
    assert result.exit_code == 0, result.output
    fresh = pyoxigraph.Store()
    fresh.load(path=str(out), format=rdf_format)
    assert len(fresh) == quad_count(store)
    assert sorted(g.value for g in fresh.named_graphs()) == sorted([ONTOLOGY_GRAPH, REGISTRY_GRAPH,
                                                                  str(article_iri("hand-built"))])


def test_json_ld_reads_with_short_names_and_loads_back(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonld"
    api.export(fmt="jsonld", out=out, store=store)
    doc = json.loads(out.read_text(encoding="utf-8"))
    ctx = doc["@context"]
    assert ctx["evidence"] == "pk:evidence" and ctx["fines"] == {"@id": "pk:fines", "@type": "@id"}
    text = out.read_text(encoding="utf-8")
    assert '"evidence": "Northland Data Authority fined Acme Social on Monday."' in text
    assert '"subject": "pkid:northland-data-authority"' in text
    ds = Dataset()
    ds.parse(out, format="json-ld")
    assert sum(1 for _ in ds.quads((None, None, None, None))) == quad_count(store)


def test_gexf_is_ready_for_gephi_and_opens_in_networkx_with_weights_and_dates(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.gexf"
    api.export(fmt="gexf", out=out, store=store)
    text = out.read_text()
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text and "<viz:color" in text
    g = nx.read_gexf(out)
    (fine,) = [d for s, o, d in g.edges(data=True) if d["relation"] == "fines"]
    assert fine["weight"] == 1 and fine["group"] == "enforcement"
    assert fine["start"] == fine["end"] == "2026-01-12"
    assert g.nodes[NDA]["viz"]["color"] and g.nodes[NDA]["start"] == "2026-01-12"


@pytest.mark.parametrize(("options", "edges"), [
    ({"relations": ["enforcement"]}, {"fines"}),
    ({"relations": ["criticises"]}, {"criticises"}),
    ({"types": ["Regulator"]}, set()),                    # both ends must be of the types kept
    ({"types": ["Regulator,Company"]}, {"fines", "criticises"}),
    ({"since": "2026-02"}, set()),
    ({"until": "2026"}, {"fines", "criticises"}),
    ({"min_articles": 2}, set()),
])
def test_exports_take_the_filters_of_the_views(store: Path, tmp_path: Path, options: dict, edges: set) -> None:
    out = tmp_path / "net.graphml"
    api.export(fmt="graphml", out=out, store=store, **options)
    assert {d["relation"] for _, _, d in nx.read_graphml(out).edges(data=True)} == edges


def test_the_api_gives_a_networkx_graph_and_a_dataframe(store: Path) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is in the test extra (make setup)")
    g = api.network(store=store)
    assert isinstance(g, nx.MultiDiGraph) and g[NDA][ACME]["fines"]["weight"] == 1
    frame = api.dataframe(sparql="SELECT ?s ?date (COUNT(*) AS ?n) WHERE { ?st rdf:subject ?s ; dcterms:date ?date } "
                                 "GROUP BY ?s ?date ORDER BY ?s", store=store)
    assert list(frame.columns) == ["s", "date", "n"]
    assert pd.api.types.is_integer_dtype(frame["n"]) and pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["s"].iloc[0].startswith("https://policy-kg.org/id/")


# ---------------------------------------------------------------- where the output cannot go


def export_cli(store: Path, out: Path, fmt: str = "trig") -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(out), "--store", str(store)])
    return result.exit_code, result.output, result.exception


@pytest.mark.parametrize("fmt", ["trig", "graphml", "jsonld"])
def test_export_to_a_folder_or_under_a_file_is_one_line(store: Path, tmp_path: Path, fmt: str) -> None:
    """Old: Python tracebacks (IsADirectoryError, NotADirectoryError, FileExistsError)."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    for out, says in ((tmp_path / "folder", "is a folder"), (tmp_path / "file.txt" / "net.out", "is a file")):
        code, output, exc = export_cli(store, out, fmt)
        assert code == 1 and isinstance(exc, SystemExit), exc
        (line,) = output.splitlines()
        assert line.startswith("Error: cannot write") and says in line and "--out" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "folder"]


def test_export_onto_a_full_disk_leaves_no_partial_file(store: Path, tmp_path: Path, monkeypatch) -> None:
    """Old: a traceback, and the half-written file left behind (over the previous export)."""
    import errno

    out = tmp_path / "all.trig"
    out.write_text("the previous export\n", encoding="utf-8")

    def dump_until_full(self: Store, fh: object, fmt: str) -> None:
        fh.write(b"<urn:a> <urn:b> <urn:c> .\n")  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Store, "dump", dump_until_full)
    code, output, exc = export_cli(store, out)
    assert code == 1 and isinstance(exc, SystemExit), exc
    (line,) = output.splitlines()
    assert "is full" in line and "free some space" in line
    assert [p.name for p in tmp_path.iterdir()] == ["all.trig"]  # no partial .part file
    assert out.read_text(encoding="utf-8") == "the previous export\n"


def test_ingest_report_into_a_missing_folder_or_onto_a_folder(tmp_path: Path) -> None:
    """Old: --report into a missing folder ended in a traceback before anything was read."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("date 2026-01-12\n\nOfcom fined Acme Social.\n", encoding="utf-8")
    (tmp_path / "taken").mkdir()
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"),
                                       "--report", str(tmp_path / "taken")])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.exception  # click's check
    assert "is a directory" in result.output and not (tmp_path / "store").exists()  # said before anything is read
    report = tmp_path / "new" / "folder" / "report.json"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"),
                                       "--workers", "1", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["finished"] is True
