"""The ``kg`` command line, end to end, through click's CliRunner (one process, so the model loads once)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, Graph

from kg import __version__
from kg.cli import main
from kg.store.base import ONTOLOGY_GRAPH, REGISTRY_GRAPH
from kg.store.embedded import Store
from kg.vocabulary.ontology import PK, PKART, load_ontology

GOOD = ["commission-fines-apple", "ofcom-fines-acme-social", "zuckerberg-meets-starmer"]
MODALITIES = {"asserted", "conditional", "hedged", "intended"}


def kg(*args: str) -> Result:
    """Run ``kg ARGS`` in-process and return click's result."""
    return CliRunner().invoke(main, [str(a) for a in args])


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def dump(store: Path) -> list[str]:
    """Return every quad of the store as sorted text lines."""
    with Store(store, read_only=True) as st:
        return sorted(f"<{g}> {line}" for g in st.graphs() for line in st.graph_ntriples(g))


@pytest.fixture(scope="module")
def ingested(articles_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    store = tmp_path_factory.mktemp("cli") / "store"
    return kg("ingest", articles_dir, "--store", store), store


# ---------------------------------------------------------------- ingest


@pytest.mark.model
def test_ingest_reports_bad_files_and_stores_the_rest(ingested: tuple[Result, Path], articles_dir: Path) -> None:
    result, store = ingested
    no_traceback(result)
    assert result.exit_code == 1
    assert "stored 3 article(s)" in result.stdout
    err = result.stderr
    assert re.search(r"scan\.txt: .*binary", err), err
    assert re.search(r"empty\.txt: .*empty", err), err
    assert "2 input(s) failed" in err
    with Store(store, read_only=True) as st:
        assert st.graphs() == sorted([ONTOLOGY_GRAPH, REGISTRY_GRAPH, *(str(PKART[a]) for a in GOOD)])
        rows = st.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        assert rows == [["5"]]


@pytest.mark.model
def test_ingest_again_leaves_the_store_unchanged(ingested: tuple[Result, Path], articles_dir: Path) -> None:
    _, store = ingested
    before = dump(store)
    assert len(before) > 100
    again = kg("ingest", articles_dir, "--store", store)
    assert again.exit_code == 1 and "stored 0 article(s)" in again.stdout and "3 unchanged" in again.stdout
    assert dump(store) == before
    forced = kg("ingest", articles_dir, "--store", store, "--force")
    assert forced.exit_code == 1 and "stored 3 article(s)" in forced.stdout and "3 updated" in forced.stdout
    assert dump(store) == before


@pytest.mark.model
def test_reingesting_a_changed_article_replaces_its_graph(tmp_path: Path, sample_articles: dict[str, str]) -> None:
    path, store = tmp_path / "piece.txt", tmp_path / "store"
    path.write_text(sample_articles["ofcom-fines-acme-social.txt"], encoding="utf-8")
    assert kg("ingest", path, "--store", store).exit_code == 0
    path.write_text("date 2026-01-13\n\nThe European Commission fined Apple on Wednesday.\n", encoding="utf-8")
    assert kg("ingest", path, "--store", store).exit_code == 0
    with Store(store, read_only=True) as st:
        text = " ".join(st.graph_ntriples(str(PKART["piece"])))
    assert "Acme Social" not in text and "2026-01-12" not in text
    assert "2026-01-13" in text


def test_ingest_survives_a_crashing_extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in one rule is reported for its article; the rest of the batch is stored (no model needed)."""
    from kg.extraction import pipeline as extract_module
    from kg.extraction import recognise as recognise_module
    from kg.extraction.pipeline import Extraction
    from kg.ingest import extraction as ingest_module

    def fake_parse(_nlp, texts):  # noqa: ANN001, ANN202
        return [None for _ in texts]

    def fake_analyse(article, _doc, _ont, **_kw):  # noqa: ANN001, ANN202
        if "explode" in article.text:
            raise RuntimeError("rule exploded")
        return Extraction(article, [], [])

    monkeypatch.setattr(recognise_module, "pipeline", lambda _model=None: object())
    monkeypatch.setattr(ingest_module, "_parse", fake_parse)
    monkeypatch.setattr(extract_module, "analyse", fake_analyse)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ofcom fined Acme Social on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("This sentence will explode the rules.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Apple criticised the European Commission.\n", encoding="utf-8")
    result = kg("ingest", folder, "--store", tmp_path / "store", "--workers", "1")
    no_traceback(result)
    assert result.exit_code == 1
    assert "stored 2 article(s)" in result.stdout
    assert re.search(r"b\.txt: .*RuntimeError: rule exploded", result.stderr), result.stderr
    with Store(tmp_path / "store", read_only=True) as st:
        assert st.graphs() == sorted([ONTOLOGY_GRAPH, REGISTRY_GRAPH, str(PKART["a"]), str(PKART["c"])])


def test_ingest_with_missing_model_names_make_setup(article_file: Path, tmp_path: Path) -> None:
    result = kg("ingest", article_file, "--store", tmp_path / "store", "--model", "no_such_model")
    no_traceback(result)
    assert result.exit_code != 0
    assert "make setup" in result.output and "no_such_model" in result.output


# ---------------------------------------------------------------- extract


@pytest.fixture(scope="module")
def extracted_json(tmp_path_factory: pytest.TempPathFactory, sample_articles: dict[str, str]) -> dict:
    path = tmp_path_factory.mktemp("extract") / "ofcom-fines-acme-social.txt"
    path.write_text(sample_articles["ofcom-fines-acme-social.txt"], encoding="utf-8")
    result = kg("extract", path, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.model
def test_extract_json_follows_the_contract(extracted_json: dict, sample_articles: dict[str, str]) -> None:
    doc = extracted_json
    ont = load_ontology()
    assert {"entities", "triples"} <= set(doc)
    assert doc["article"]["id"] == "ofcom-fines-acme-social" and doc["article"]["date"] == "2026-01-12"
    types: dict[str, str] = {}
    for e in doc["entities"]:
        assert {"id", "label", "type", "aliases"} <= set(e)
        assert e["id"].startswith("https://policy-kg.org/id/")
        assert e["type"] in ont.classes
        assert isinstance(e["aliases"], list) and all(isinstance(a, str) for a in e["aliases"])
        assert e["label"] and e["label"] not in e["aliases"]
        described = [a[:1].islower() or a.split()[0].lower() in {"the", "a", "an"} for a in e["aliases"]]
        assert described == sorted(described), "aliases list names before descriptions"
        types[e["label"]] = e["type"]
    assert "Ofcom" in types
    assert len(types) == len(doc["entities"]), "entity labels must be unique"
    assert doc["triples"], "the sample article should yield triples"
    text = " ".join(sample_articles["ofcom-fines-acme-social.txt"].split())
    for t in doc["triples"]:
        assert {"subject", "relation", "object", "subject_type", "object_type", "sentence", "negated", "modality",
                "confidence"} <= set(t)
        assert t["subject"] in types and t["object"] in types, "subject and object are entity labels"
        assert (t["subject_type"], t["object_type"]) == (types[t["subject"]], types[t["object"]])
        assert t["relation"] in ont.relations
        assert isinstance(t["negated"], bool) and t["modality"] in MODALITIES
        assert isinstance(t["confidence"], float | int) and 0.0 <= t["confidence"] <= 1.0
        assert t["sentence"] and " ".join(t["sentence"].split()).rstrip(".") in text


@pytest.mark.model
def test_extract_ttl_parses(article_file: Path) -> None:
    result = kg("extract", article_file, "--format", "ttl")
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout, format="turtle")
    assert (PKART["ofcom-fines-acme-social"], RDF.type, PK.Article) in g
    assert len(list(g.subjects(RDF.type, PK.Statement))) >= 1


@pytest.mark.model
def test_extract_table_and_explain(article_file: Path, extracted_json: dict) -> None:
    n_triples = len(extracted_json["triples"])
    result = kg("extract", article_file)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "# ofcom-fines-acme-social: Ofcom fines Acme Social over age checks"
    assert re.match(r"subject\s+relation\s+object\s+modality\s+negated\s+confidence$", lines[1].rstrip())
    assert lines[-1] == f"{len(extracted_json['entities'])} entities, {n_triples} triples"
    assert "extractor" not in lines[1]

    explained = kg("extract", article_file, "--explain")
    assert explained.exit_code == 0, explained.output
    header = explained.stdout.splitlines()[1]
    assert "extractor" in header and "rule" in header

    as_json = kg("extract", article_file, "--format", "json", "--explain")
    triples = json.loads(as_json.stdout)["triples"]
    assert triples and all(t["rule"] and t["trigger"] for t in triples)


@pytest.mark.model
def test_extract_min_confidence_drops_weak_triples(article_file: Path) -> None:
    result = kg("extract", article_file, "--format", "json", "--min-confidence", "1")
    assert result.exit_code == 0, result.output
    assert all(t["confidence"] >= 1.0 for t in json.loads(result.stdout)["triples"])


def test_extract_missing_model_names_make_setup(article_file: Path) -> None:
    result = kg("extract", article_file, "--model", "no_such_model")
    no_traceback(result)
    assert result.exit_code != 0
    assert "make setup" in result.output and "no_such_model" in result.output


def test_extract_unreadable_file_is_reported(write_file) -> None:
    path = write_file("latin1.txt", "Ofcom fined Acme Social £2m.".encode("latin-1"))
    result = kg("extract", path)
    no_traceback(result)
    assert result.exit_code != 0
    assert "latin1.txt" in result.output and "UTF-8" in result.output


def test_extractors_lists_the_builtins() -> None:
    result = kg("extractors")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert {"verb", "noun", "role"} <= set(names)
    assert all(len(line.split(maxsplit=1)) == 2 for line in result.stdout.splitlines()), "each has a description"


@pytest.mark.model
def test_disable_role_removes_role_triples(write_file) -> None:
    path = write_file("roles.txt", "Meta's chief executive Mark Zuckerberg met Keir Starmer in London on Tuesday.\n")
    with_roles = json.loads(kg("extract", path, "--format", "json").stdout)["triples"]
    assert any(t["extractor"] == "role" for t in with_roles), with_roles
    result = kg("extract", path, "--format", "json", "--disable", "role")
    assert result.exit_code == 0, result.output
    without = json.loads(result.stdout)["triples"]
    assert not any(t["extractor"] == "role" for t in without)
    assert not any(t["relation"] in {"leads", "memberOf"} for t in without)
    assert [t for t in with_roles if t["extractor"] != "role"] == without


def test_disable_unknown_extractor_fails_cleanly(article_file: Path) -> None:
    result = kg("extract", article_file, "--disable", "no-such-extractor")
    no_traceback(result)
    assert result.exit_code != 0
    assert "no-such-extractor" in result.output and "role" in result.output


# ---------------------------------------------------------------- query

ARTICLES_QUERY = "SELECT ?g WHERE { GRAPH ?g { ?g a pk:Article } } ORDER BY ?g"


@pytest.mark.model
def test_query_table(ingested: tuple[Result, Path]) -> None:
    _, store = ingested
    result = kg("query", ARTICLES_QUERY, "--store", store)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "g" and set(lines[1].strip()) == {"-"}
    assert [line.strip() for line in lines[2:-1]] == [f"pkart:{a}" for a in GOOD]   # compact names
    assert lines[-1] == "3 row(s)"


@pytest.mark.model
def test_query_csv(ingested: tuple[Result, Path]) -> None:
    _, store = ingested
    result = kg("query", ARTICLES_QUERY, "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [["g"], *([str(PKART[a])] for a in GOOD)]


@pytest.mark.model
def test_query_json(ingested: tuple[Result, Path]) -> None:
    _, store = ingested
    result = kg("query", ARTICLES_QUERY, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"g": str(PKART[a])} for a in GOOD]


@pytest.mark.model
def test_query_ask(ingested: tuple[Result, Path]) -> None:
    _, store = ingested
    assert kg("query", "ASK { ?s a pk:Statement }", "--store", store).stdout.strip() == "true"
    result = kg("query", "ASK { ?s a pk:Nothing }", "--store", store, "--format", "json")
    assert json.loads(result.stdout) == {"boolean": False}


@pytest.mark.model
def test_query_from_file(ingested: tuple[Result, Path], tmp_path: Path) -> None:
    _, store = ingested
    rq = tmp_path / "articles.rq"
    rq.write_text("# every article with its date\n"
                  "SELECT ?a ?date WHERE {\n  ?a a pk:Article ; dcterms:date ?date .\n}\nORDER BY ?date\n",
                  encoding="utf-8")
    result = kg("query", rq, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["date"] for r in json.loads(result.stdout)] == ["2026-01-12", "2026-02-02", "2026-03-04"]


def test_query_file_missing(tmp_path: Path) -> None:
    result = kg("query", tmp_path / "nowhere.rq", "--store", tmp_path)
    no_traceback(result)
    assert result.exit_code != 0 and "nowhere.rq" in result.output and "not found" in result.output


@pytest.mark.model
def test_query_syntax_error(ingested: tuple[Result, Path]) -> None:
    _, store = ingested
    result = kg("query", "SELECT ?s WHERE { ?s ?p }", "--store", store)
    no_traceback(result)
    assert result.exit_code != 0
    assert "SPARQL syntax" in result.output


def test_query_without_store_says_ingest_first(tmp_path: Path) -> None:
    result = kg("query", "ASK { ?s ?p ?o }", "--store", tmp_path / "no-store")
    no_traceback(result)
    assert result.exit_code != 0 and "kg ingest" in result.output


# ---------------------------------------------------------------- viz


@pytest.fixture(scope="module")
def viz_page(ingested: tuple[Result, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    _, store = ingested
    out = tmp_path_factory.mktemp("viz") / "tmp" / "graph.html"
    result = kg("viz", "--out", out, "--store", store)
    assert result.exit_code == 0, result.output
    assert re.match(r"wrote .*graph\.html: \d+ actors, \d+ relations", result.stdout)
    assert out.is_file()
    return out.read_text(encoding="utf-8")


def _page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert m, "no data block in the page"
    return json.loads(m.group(1))


@pytest.mark.model
def test_viz_is_self_contained(viz_page: str) -> None:
    assert "vis-network" in viz_page and "new vis.Network(" in viz_page
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", viz_page, re.IGNORECASE)
    assert not re.search(r"<link\b[^>]*\bhref\s*=", viz_page, re.IGNORECASE)


@pytest.mark.model
def test_viz_has_legend_and_every_statement_with_its_evidence(viz_page: str, ingested: tuple[Result, Path]) -> None:
    """The page holds every statement of the store (the explorer's filters hide the modal ones at first)."""
    _, store = ingested
    assert 'id="kg-legend"' in viz_page
    data = _page_data(viz_page)
    assert {t["name"] for t in data["types"]} == set(load_ontology().classes)
    relations = [r["name"] for r in data["relations"]]
    assert set(relations) <= set(load_ontology().relations)
    shown = {(relations[r], data["sentences"][e]) for r, e in zip(data["st"]["r"], data["st"]["e"], strict=True)}
    with Store(store, read_only=True) as st:
        rows = st.query("SELECT ?p ?e WHERE { ?st a pk:Statement ; rdf:predicate ?p ; pk:evidence ?e }").rows
    assert rows
    assert {(p.rsplit("#", 1)[-1], e) for p, e in rows} == shown


# ---------------------------------------------------------------- misc


def test_version_and_help() -> None:
    assert __version__ in kg("--version").output
    result = kg("--help")
    assert result.exit_code == 0
    for name in ("ingest", "extract", "query", "viz", "extractors"):
        assert name in result.output
