"""The event-data alignment in the ontology, `kg stats`, and where the installed ontology comes from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Namespace
from rdflib.namespace import SKOS
from test_store_load import hand_extraction

from kg import api
from kg.cli import main
from kg.ingest import store_ontology
from kg.store.embedded import Store
from kg.store.load import article_iri, to_graph, to_ntriples
from kg.vocabulary.namespace import pk_term
from kg.vocabulary.ontology import load_ontology, ontology_dir, package_data_dir

PLOVER = Namespace("https://policy-kg.org/ext/plover#")
CAMEO = Namespace("https://policy-kg.org/ext/cameo#")
#: PLOVER's event categories, as its codebook publishes them.
PLOVER_CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "ACCUSE",
                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
#: Relations that are not events (or that PLOVER does not code), as ontology/alignment.ttl explains.
NO_PLOVER = {"compares", "regulates", "enforces", "leads", "owns", "develops", "operates", "memberOf", "partOf",
             "urges"}


def matches(rel: str, scheme: Namespace) -> list[str]:
    """Return the notations of the concepts of ``scheme`` that relation ``rel`` closely matches."""
    g = load_ontology().graph
    return [str(g.value(m, SKOS.notation)) for m in g.objects(pk_term(rel), SKOS.closeMatch)
            if str(m).startswith(str(scheme))]


@pytest.mark.parametrize("rel", sorted(load_ontology().relations))
def test_each_event_relation_has_one_plover_category(rel: str) -> None:
    found = matches(rel, PLOVER)
    if rel in NO_PLOVER:
        assert found == [], f"{rel} is documented as having no PLOVER category"
    else:
        assert len(found) == 1 and found[0] in PLOVER_CATEGORIES, f"{rel}: {found}"


@pytest.mark.parametrize("rel", sorted(load_ontology().relations))
def test_cameo_codes_are_root_codes(rel: str) -> None:
    for code in matches(rel, CAMEO):
        assert re.fullmatch(r"(0[1-9]|1[0-9]|20)", code), f"{rel}: {code} is not a CAMEO root code"
    if rel not in NO_PLOVER - {"urges"}:
        assert matches(rel, CAMEO), f"{rel}: an event relation needs its CAMEO root code"


def test_every_match_target_is_a_concept_with_a_notation() -> None:
    g = load_ontology().graph
    for _, target in g.subject_objects(SKOS.closeMatch):
        assert g.value(target, SKOS.notation) is not None and g.value(target, SKOS.inScheme) is not None, target


def test_stats(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        store_ontology(st)
        st.replace_graph(str(article_iri("hand-built")), to_ntriples(to_graph(hand_extraction())))
    s = api.stats(store=tmp_path / "s")
    assert (s.articles, s.first_date, s.last_date) == (1, "2026-01-12", "2026-01-12")
    assert s.actors_by_type == {"Company": 1, "Platform": 1, "Regulator": 1}
    assert s.statements_by_relation == {"bans": 1, "criticises": 1, "fines": 1, "investigates": 1}
    out = CliRunner().invoke(main, ["stats", "--store", str(tmp_path / "s")]).stdout
    assert out.startswith("articles: 1 (2026-01-12 to 2026-01-12)\nactors: 3\n")
    assert re.search(r"statements: 4\n(  \w+ +1\n){4}$", out), out


def test_the_ontology_is_package_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KG_ONTOLOGY", raising=False)
    assert ontology_dir() == package_data_dir("kg.ontology_data")
    assert (ontology_dir() / "policy-kg.ttl").is_file() and (ontology_dir() / "shapes").is_dir()
    assert (package_data_dir("kg.saved_queries") / "who-acts-on-whom.rq").is_file()
    monkeypatch.setenv("KG_ONTOLOGY", str(tmp_path))
    assert ontology_dir() == tmp_path
