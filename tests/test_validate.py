"""`kg validate`: the SHACL shapes pass on a well-formed store and name the node of each violation.

Stores are built from the hand-made extraction of test_store_load and the
ontology graph, as `kg ingest` writes them, then broken one way at a time
with a SPARQL update.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from test_store_load import hand_extraction

from kg.cli import main
from kg.ingest import store_ontology
from kg.interfaces.validate import PKSH, SH, shapes_graph
from kg.store.base import ONTOLOGY_GRAPH
from kg.store.embedded import Store
from kg.store.load import article_iri, statement_iri, to_graph, to_ntriples
from kg.vocabulary.namespace import PK, PKID

ARTICLE = str(article_iri("hand-built"))
FINE = str(statement_iri("hand-built", str(PKID["northland-data-authority"]), "fines", str(PKID["acme-social"]),
                         "Northland Data Authority fined Acme Social on Monday."))


def build(path: Path, breakage: str | None = None) -> Path:
    with Store(path) as st:
        store_ontology(st)
        st.replace_graph(ARTICLE, to_ntriples(to_graph(hand_extraction())))
        if breakage:
            st.update(breakage)
    return path


def kg(*args: object):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(main, [str(a) for a in args])


def test_well_formed_store_conforms(tmp_path: Path) -> None:
    result = kg("validate", "--store", build(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms: 3 graph(s), 4 statement(s) checked")


def test_statement_without_evidence_fails_naming_the_node(tmp_path: Path) -> None:
    store = build(tmp_path / "s", f"DELETE WHERE {{ GRAPH <{ARTICLE}> {{ <{FINE}> pk:evidence ?e }} }}")
    result = kg("validate", "--store", store)
    assert result.exit_code == 1
    short = "pkst:" + FINE.rsplit("/", 1)[-1]
    assert f"{short} pk:evidence: a statement needs its evidence" in result.stdout
    assert "1 violation(s)" in result.stderr


@pytest.mark.parametrize(("breakage", "expected"), [
    (f"DELETE {{ GRAPH ?g {{ <{FINE}> pk:confidence ?c }} }} INSERT {{ GRAPH ?g {{ <{FINE}> pk:confidence 1.5 }} }}"
     f" WHERE {{ GRAPH ?g {{ <{FINE}> pk:confidence ?c }} }}", "pk:confidence: a statement needs exactly one"),
    (f"DELETE {{ GRAPH ?g {{ <{FINE}> rdf:predicate ?p }} }} INSERT {{ GRAPH ?g {{ <{FINE}> rdf:predicate pk:nope }} }}"
     f" WHERE {{ GRAPH ?g {{ <{FINE}> rdf:predicate ?p }} }}", "a relation of the ontology"),
    (f"DELETE {{ GRAPH ?g {{ <{FINE}> dcterms:date ?d }} }} WHERE {{ GRAPH ?g {{ <{FINE}> dcterms:date ?d }} }}",
     "the statement's article is dated, but the statement carries no dcterms:date"),
    (f"DELETE {{ GRAPH ?g {{ <{FINE}> rdf:predicate ?p }} }} "
     f"INSERT {{ GRAPH ?g {{ <{FINE}> rdf:predicate pk:leads }} }}"
     f" WHERE {{ GRAPH ?g {{ <{FINE}> rdf:predicate ?p }} }}", "of this pk:leads statement must be a Person"),
    (f"INSERT DATA {{ GRAPH <{ARTICLE}> {{ pkid:acme-social pk:enforces pkid:zeta-chat }} }}",
     "pkid:zeta-chat: the object of pk:enforces must be a Legislation"),
])
def test_each_broken_rule_is_reported(tmp_path: Path, breakage: str, expected: str) -> None:
    result = kg("validate", "--store", build(tmp_path / "s", breakage))
    assert result.exit_code == 1, result.output
    assert expected in result.stdout, result.stdout


def test_shapes_are_derived_from_the_ontology() -> None:
    g = shapes_graph()
    # Ranges and domains of pk: properties: pk:jurisdiction ranges over actors (a country, or the EU).
    assert (PKSH["jurisdiction-domain-range"], SH.targetSubjectsOf, PK.jurisdiction) in g
    prop = g.value(PKSH["jurisdiction-domain-range"], SH.property)
    assert g.value(prop, SH["class"]) == PK.Actor
    # Relation type constraints, for the direct edge and the statement.
    assert (PKSH["leads-subject"], SH["class"], PK.Person) in g
    assert (PKSH["leads-statement-subject"], SH.targetClass, PK.Statement) in g


def test_registry_conforms_and_a_wrong_jurisdiction_is_caught(tmp_path: Path) -> None:
    assert kg("validate", "--store", build(tmp_path / "ok")).exit_code == 0  # EU bodies: pk:jurisdiction the EU
    bad = build(tmp_path / "bad", f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{ pkid:ofcom pk:jurisdiction "
                                  "<https://policy-kg.org/id/nowhere> } }")
    result = kg("validate", "--store", bad)
    assert result.exit_code == 1 and "pkid:ofcom pk:jurisdiction: the value of pk:jurisdiction must be a Actor" \
        in result.stdout


def test_print_shapes_is_turtle() -> None:
    result = kg("validate", "--print-shapes")
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout, format="turtle")
    assert (PKSH.StatementShape, SH.targetClass, PK.Statement) in g


@pytest.mark.model
def test_a_repeated_paragraph_gives_each_statement_its_own_iri(tmp_path: Path) -> None:
    """Old: the two statements of a repeated sentence shared one IRI (two confidences, two rules on one node), so
    `kg validate` reported violations on a freshly ingested store."""
    para = "Ofcom fined Acme Social on Monday."
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "twice.txt").write_text(f"date 2026-01-12\n\n{para}\n\n{para}\n\nAcme Social criticised "
                                               "the decision of Ofcom.\n\nAcme Social criticised the decision of "
                                               "Ofcom.\n", encoding="utf-8")
    assert kg("ingest", tmp_path / "in", "--store", tmp_path / "store", "--workers", 1).exit_code == 0
    with Store(tmp_path / "store", read_only=True) as st:
        rows = st.query("SELECT ?st (COUNT(?c) AS ?n) WHERE { ?st a pk:Statement ; pk:confidence ?c } GROUP BY ?st")
        counts = [int(n) for _, n in rows.rows]
    assert len(counts) >= 4 and set(counts) == {1}  # both readings of each sentence, one confidence each
    result = kg("validate", "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
