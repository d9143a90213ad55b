"""Load and store: an Extraction as RDF (statements with provenance), and the Oxigraph store holding it.

The RDF tests build their Extraction by hand (no model), so they do not move
when the extraction rules improve; one model-marked test runs the whole
pipeline on an own article. The golden file tests/golden/hand-built.ttl is
regenerated with ``KG_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
import spacy
from conftest import G1, G2, NT_A, NT_B
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import StoreError
from kg.extraction.pipeline import Extraction
from kg.extraction.relate import Triple
from kg.extraction.resolve import Entity
from kg.sources.article import Article
from kg.store.base import ONTOLOGY_GRAPH, REGISTRY_GRAPH, store_path
from kg.store.embedded import Store
from kg.store.load import article_iri, article_nquads, article_ntriples, statement_iri, to_graph, to_ntriples
from kg.vocabulary.ontology import DCTERMS, PK, PKID, load_ontology

# rdflib's XSD namespace warns when pytest probes module attributes, so take its terms as IRIs.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
XSD_BOOLEAN = URIRef("http://www.w3.org/2001/XMLSchema#boolean")

GOLDEN = Path(__file__).parent / "golden" / "hand-built.ttl"

SENTENCES = [
    "Northland Data Authority fined Acme Social on Monday.",
    "Acme Social criticised Northland Data Authority.",
    "Northland Data Authority did not ban Zeta Chat.",
    "Northland Data Authority plans to investigate Zeta Chat.",
]

# (subject, relation, object, sentence, negated, modality, confidence, extractor)
FACTS = [
    (0, "fines", 1, 0, False, "asserted", 0.85, "verb"),
    (1, "criticises", 0, 1, False, "asserted", 0.8, "verb"),
    (0, "bans", 2, 2, True, "asserted", 0.7, "verb"),
    (0, "investigates", 2, 3, False, "intended", 0.6, "verb"),
]


def hand_extraction(extra_entities: list[Entity] | None = None) -> Extraction:
    """Return an Extraction built without the model: a blank-English tokenisation, entities and triples by hand."""
    nlp = spacy.blank("en")
    doc = nlp(" ".join(SENTENCES))
    spans, start = [], 0
    for s in SENTENCES:
        span = doc.char_span(start, start + len(s))
        assert span is not None
        spans.append(span)
        start += len(s) + 1
    doc[0].is_sent_start = True
    entities = [
        Entity(str(PKID["northland-data-authority"]), "Northland Data Authority", "Regulator",
               {"Northland Data Authority", "the authority"}),
        Entity(str(PKID["acme-social"]), "Acme Social", "Company", {"Acme Social"}),
        Entity(str(PKID["zeta-chat"]), "Zeta Chat", "Platform", {"Zeta Chat"}),
        *(extra_entities or []),
    ]
    triples = []
    for s, rel, o, sent, negated, modality, conf, extractor in FACTS:
        span = spans[sent]
        trigger = next(t.i for t in span if t.text.startswith(("fine", "critic", "ban", "investig")))
        triples.append(Triple(s, rel, o, span, extractor, f"hand-made rule for {rel}", trigger,
                              negated=negated, modality=modality, confidence=conf))
    article = Article(id="hand-built", text=" ".join(SENTENCES), title="Northland regulator fines Acme Social",
                      date="2026-01-12", source="Example Policy Wire", url="https://example.org/hand-built")
    return Extraction(article, entities, triples)


@pytest.fixture(scope="module")
def hand() -> Extraction:
    return hand_extraction()


@pytest.fixture(scope="module")
def hand_graph(hand: Extraction) -> Graph:
    return to_graph(hand)


def statements(g: Graph) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, PK.Statement) if isinstance(s, URIRef))


# ---------------------------------------------------------------- to_graph


def test_one_statement_per_triple_with_provenance(hand: Extraction, hand_graph: Graph) -> None:
    g, art = hand_graph, article_iri("hand-built")
    assert len(statements(g)) == len(hand.triples)
    for t in hand.triples:
        s, o = URIRef(hand.entities[t.subject].id), URIRef(hand.entities[t.object].id)
        found = [st for st in statements(g)
                 if (st, RDF.subject, s) in g and (st, RDF.predicate, PK[t.relation]) in g and (st, RDF.object, o) in g]
        assert len(found) == 1, f"{t.relation}: {len(found)} statements"
        st = found[0]
        assert g.value(st, PK.evidence) == Literal(t.sentence.text)
        assert g.value(st, PK.article) == art
        conf = g.value(st, PK.confidence)
        assert isinstance(conf, Literal) and conf.datatype == XSD_DECIMAL
        assert conf.toPython() == Decimal(f"{t.confidence:.3f}")
        assert g.value(st, PK.negated) == Literal(t.negated)
        assert g.value(st, PK.negated).datatype == XSD_BOOLEAN
        assert g.value(st, PK.modality) == Literal(t.modality)
        assert g.value(st, PK.rule) == Literal(t.rule)
        assert str(g.value(st, PK.extractor)).endswith(f"#{t.extractor}")
        assert g.value(st, DCTERMS.date) == Literal("2026-01-12", datatype=XSD_DATE)
        assert st == statement_iri("hand-built", str(s), t.relation, str(o), t.sentence.text)


def test_direct_edge_only_for_asserted_not_negated(hand_graph: Graph) -> None:
    g = hand_graph
    nda, acme, zeta = PKID["northland-data-authority"], PKID["acme-social"], PKID["zeta-chat"]
    assert (nda, PK.fines, acme) in g
    assert (acme, PK.criticises, nda) in g
    assert (nda, PK.bans, zeta) not in g           # negated
    assert (nda, PK.investigates, zeta) not in g   # only intended
    direct = {(s, p) for s, p, _ in g if str(p).startswith(str(PK)) and p in {PK[r] for _, r, *_ in FACTS}}
    assert len(direct) == 2


def test_article_node_and_entities(hand_graph: Graph) -> None:
    g, art = hand_graph, article_iri("hand-built")
    assert (art, RDF.type, PK.Article) in g
    assert g.value(art, DCTERMS.identifier) == Literal("hand-built")
    assert g.value(art, DCTERMS.title) == Literal("Northland regulator fines Acme Social")
    assert g.value(art, DCTERMS.date) == Literal("2026-01-12", datatype=XSD_DATE)
    assert g.value(art, DCTERMS.source) == Literal("Example Policy Wire")
    assert g.value(art, PK.url) == Literal("https://example.org/hand-built")
    nda = PKID["northland-data-authority"]
    assert (nda, RDF.type, PK.Regulator) in g
    assert g.value(nda, RDFS.label) == Literal("Northland Data Authority")
    assert (nda, PK.mentionedIn, art) in g
    assert set(g.objects(nda, PK.mention)) == {Literal("Northland Data Authority"), Literal("the authority")}
    assert not any(isinstance(term, BNode) for triple in g for term in triple), "blank nodes make graphs unstable"


def test_registry_actor_gets_same_as_links() -> None:
    ont = load_ontology()
    actor = next(a for a in ont.actors.values() if a.same_as)
    ex = hand_extraction([Entity(actor.iri, actor.label, actor.type, {actor.label}, registry=True)])
    g = to_graph(ex)
    assert {str(o) for o in g.objects(URIRef(actor.iri), OWL.sameAs)} == set(actor.same_as)
    assert not list(g.objects(PKID["acme-social"], OWL.sameAs))


def test_to_graph_is_deterministic() -> None:
    a, b = to_graph(hand_extraction()), to_graph(hand_extraction())
    assert isomorphic(a, b)
    assert to_ntriples(a) == to_ntriples(b)


def test_article_ntriples_is_the_text_of_the_rdflib_graph() -> None:
    awkward = 'quote " backslash \\ newline \n cr \r tab \t line-sep \u2028 nel \x85 ff \x0c “curly” £€'
    ex = hand_extraction([Entity(str(PKID["odd"]), awkward, "Company", {awkward, "Odd"})])
    ex.article.title = awkward
    assert article_ntriples(ex) == to_ntriples(to_graph(ex))
    assert Graph().parse(data=article_ntriples(ex), format="nt") is not None


def test_article_nquads_are_the_article_triples_in_its_graph() -> None:
    """Ingest writes the N-Quads built as text: the same triples as the rdflib graph, in the article's graph."""
    awkward = 'quote " backslash \\ newline \n cr \r tab \t line-sep \u2028 nel \x85 ff \x0c “curly” £€'
    ex = hand_extraction([Entity(str(PKID["odd"]), awkward, "Company", {awkward, "Odd"})])
    ex.article.title = awkward
    ex.article.date = "2024-02-29"
    graph = f" <{article_iri(ex.article.id)}> ."
    expected = "".join(line[:-2] + graph + "\n" for line in to_ntriples(to_graph(ex)).split("\n") if line)
    assert article_nquads(ex) == expected
    assert "^^<http://www.w3.org/2001/XMLSchema#date>" in expected and "XMLSchema#decimal>" in expected


def test_to_ntriples_is_sorted_lines() -> None:
    nt = to_ntriples(to_graph(hand_extraction()))
    lines = nt.splitlines()
    assert nt.endswith("\n") and lines == sorted(lines)
    assert all(line.endswith(" .") for line in lines)
    assert Graph().parse(data=nt, format="nt") is not None


def test_golden_graph() -> None:
    actual = to_graph(hand_extraction())
    if os.environ.get("KG_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(actual.serialize(format="turtle"), encoding="utf-8")
        pytest.skip(f"regenerated {GOLDEN}")
    assert GOLDEN.exists(), f"{GOLDEN} is missing: run KG_UPDATE_GOLDEN=1 pytest tests/test_store_load.py"
    expected = Graph().parse(GOLDEN, format="turtle")
    iso_actual, iso_expected = to_isomorphic(actual), to_isomorphic(expected)
    if iso_actual != iso_expected:
        _, only_actual, only_expected = graph_diff(iso_actual, iso_expected)

        def show(g: Graph) -> str:
            return "\n".join(sorted(to_ntriples(g).splitlines())[:25]) or "(none)"

        pytest.fail(
            f"to_graph output differs from {GOLDEN.name}.\n"
            f"Only in the output ({len(only_actual)}):\n{show(only_actual)}\n"
            f"Only in the golden file ({len(only_expected)}):\n{show(only_expected)}\n"
            "If the change is intended, regenerate with KG_UPDATE_GOLDEN=1 and review the diff.")


# ---------------------------------------------------------------- the store



# The backend-independent store tests are in test_store_contract.py.


def test_opening_missing_store_read_only_raises_store_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-store"
    with pytest.raises(StoreError, match="kg ingest"):
        Store(missing, read_only=True)
    assert not missing.exists()


def test_read_only_store_sees_data_and_refuses_writes(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        st.replace_graph(G1, NT_A)
    with Store(tmp_path / "s", read_only=True) as ro:
        assert len(ro) == 2 and ro.graphs() == [G1]
        with pytest.raises(StoreError):
            ro.replace_graph(G2, NT_B)
    with Store(tmp_path / "s") as st:
        assert len(st) == 2


def test_second_writer_gets_store_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s"):
        with pytest.raises(StoreError, match="another kg process"):
            Store(tmp_path / "s")


def test_store_path_default_and_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KG_STORE", raising=False)
    assert store_path() == Path("kg-store")
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    assert store_path() == tmp_path / "env-store"
    assert store_path(tmp_path / "arg") == tmp_path / "arg"


def test_hand_graph_loads_into_the_store(tmp_path: Path) -> None:
    g = to_graph(hand_extraction())
    with Store(tmp_path / "s") as st:
        st.replace_graph(str(article_iri("hand-built")), to_ntriples(g))
        assert len(st) == len(g)
        res = st.query("SELECT ?o WHERE { pkid:northland-data-authority pk:fines ?o }")
        assert res.rows == [[str(PKID["acme-social"])]]
        res = st.query("SELECT (COUNT(?st) AS ?n) WHERE { ?st a pk:Statement ; pk:negated true }")
        assert res.rows == [["1"]]


# ---------------------------------------------------------------- the whole pipeline


@pytest.fixture(scope="module")
def extractions(sample_articles: dict[str, str]) -> list[Extraction]:
    from kg.extraction.pipeline import extract_articles
    from kg.sources.parse import parse_text

    article = parse_text(sample_articles["ofcom-fines-acme-social.txt"], article_id="ofcom-fines-acme-social")
    # Two independent runs, for the determinism check.
    return [next(extract_articles([article])), next(extract_articles([article]))]


@pytest.mark.model
def test_pipeline_graph_has_one_statement_per_triple(extractions: list[Extraction]) -> None:
    ex = extractions[0]
    assert ex.triples, "the sample article should yield at least one triple"
    g = to_graph(ex)
    keys = {(ex.entities[t.subject].id, t.relation, ex.entities[t.object].id, " ".join(t.sentence.text.split()))
            for t in ex.triples}
    assert len(statements(g)) == len(keys)
    for st in statements(g):
        for p in (RDF.subject, RDF.predicate, RDF.object, PK.evidence, PK.article, PK.confidence, PK.negated,
                  PK.modality):
            assert len(list(g.objects(st, p))) == 1, f"{st} needs exactly one {p}"
        s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
        direct = g.value(st, PK.modality) == Literal("asserted") and g.value(st, PK.negated) == Literal(False)
        if direct:
            assert (s, p, o) in g
    for t in ex.triples:
        s, o = URIRef(ex.entities[t.subject].id), URIRef(ex.entities[t.object].id)
        if (s, PK[t.relation], o) in g:
            assert any(tt.modality == "asserted" and not tt.negated for tt in ex.triples
                       if (tt.subject, tt.relation, tt.object) == (t.subject, t.relation, t.object))


@pytest.mark.model
def test_pipeline_graph_is_deterministic(extractions: list[Extraction]) -> None:
    a, b = (to_graph(ex) for ex in extractions)
    assert isomorphic(a, b)
    assert to_ntriples(a) == to_ntriples(b)
    assert article_ntriples(extractions[0]) == to_ntriples(a)


def test_ontology_graph_constant_is_an_iri() -> None:
    assert ONTOLOGY_GRAPH.startswith("https://")


def test_new_graphs_are_written_in_one_transaction(tmp_path: Path) -> None:
    """Articles new to the store go in together: one transaction for the batch, each graph whole or absent."""
    g3 = "https://policy-kg.org/article/three"

    def quads_in(graph: str, ntriples: str) -> str:
        return "".join(line[:-2] + f" <{graph}> .\n" for line in ntriples.splitlines())

    with Store(tmp_path / "s") as st:
        st.replace_graph(G1, NT_A)
        real = st._store
        calls: list[str] = []

        class Counting:
            def __getattr__(self, name: str) -> object:
                attr = getattr(real, name)
                if name in ("extend", "load", "update", "bulk_extend", "bulk_load", "add", "remove_graph"):
                    calls.append(name)
                return attr

        st._store = Counting()
        st.replace_graphs([(G2, quads_in(G2, NT_B)), (g3, quads_in(g3, NT_A))])
        assert calls == ["load"]
        st.replace_graphs([(G1, quads_in(G1, NT_B))])  # a stored graph: replaced as replace_graph does
        assert calls == ["load", "update"]
        st._store = real
        assert st.graphs() == [G1, g3, G2]
        assert st.graph_ntriples(G1) == st.graph_ntriples(G2) == set(NT_B.splitlines())


def test_a_bulk_write_reads_its_text_an_article_at_a_time(tmp_path: Path) -> None:
    """Old: a batch's TriG text was joined into one string, beside the N-Triples it was made of, before Oxigraph
    read it (some 45 MB per 400 articles on top of their N-Quads); now Oxigraph reads it as a file, made an
    article's block at a time, and the graphs are stored as before."""
    graphs = [(f"https://policy-kg.org/article/n{i}", NT_A if i % 2 else NT_B) for i in range(4)]
    with Store(tmp_path / "s") as st:
        real = st._store
        pieces: list[int] = []

        class Reading:
            def __getattr__(self, name: str) -> object:
                return getattr(real, name)

            def bulk_load(self, text: object, fmt: object) -> None:
                assert not isinstance(text, str | bytes)
                data = b""
                while piece := text.read(1 << 30):  # type: ignore[attr-defined]
                    pieces.append(len(piece))
                    data += piece
                real.bulk_load(data, fmt)

        st._store = Reading()
        st.replace_graphs([(g, "".join(f"{line[:-2]} <{g}> .\n" for line in nt.splitlines()))
                           for g, nt in graphs], bulk=True)
        st._store = real
        assert len(pieces) == 8   # each graph's block, then its triples in the default graph: never the whole text
        for g, nt in graphs:
            assert st.graph_ntriples(g) == set(nt.splitlines())
        default = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
        assert default == [[str(len(set(NT_A.splitlines()) | set(NT_B.splitlines())))]]


def test_ontology_goes_into_a_new_store_without_sparql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.ingest import store_ontology

    expected = {line for line in to_ntriples(load_ontology().graph).split("\n") if line}
    with Store(tmp_path / "s") as st:
        with monkeypatch.context() as m:
            m.setattr(Store, "replace_graph", lambda *a: pytest.fail("SPARQL update for a graph the store lacks"))
            store_ontology(st)
        both = st.graph_ntriples(ONTOLOGY_GRAPH) | st.graph_ntriples(REGISTRY_GRAPH)
        assert len(both) == len(expected)
        store_ontology(st)  # a second time: replaced, not doubled
        assert st.graph_ntriples(ONTOLOGY_GRAPH) | st.graph_ntriples(REGISTRY_GRAPH) == both
        assert st.graphs() == [ONTOLOGY_GRAPH, REGISTRY_GRAPH]
        # The registry's actors are in their graph, the classes in the ontology's, neither in the default graph.
        assert any("/id/ofcom>" in line for line in st.graph_ntriples(REGISTRY_GRAPH))
        assert not any(line.startswith("<https://policy-kg.org/id/") for line in st.graph_ntriples(ONTOLOGY_GRAPH))
        assert st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [["0"]]


# ---------------------------------------------------------------- one type per actor, mentions with offsets


def test_a_country_is_its_own_node_linked_to_its_government() -> None:
    """The extraction gives a country its government's IRI (one actor across a corpus); the store writes the
    country as its own node, one type each, linked by pk:government where the article names both."""
    ont = load_ontology()
    uk_gov = ont.government_of[str(PKID["united-kingdom"])]
    ex = hand_extraction([
        Entity(uk_gov, "United Kingdom", "Country", {"United Kingdom", "UK"}, registry=True),
        Entity(uk_gov, "UK Government", "GovernmentBody", {"UK Government", "ministers"}, registry=True),
        Entity(str(PKID["veltria-government"]), "Veltria", "Country", {"Veltria"}),   # a place only, no registry
    ])
    g = to_graph(ex)
    uk, gov, veltria = PKID["united-kingdom"], URIRef(uk_gov), PKID["veltria"]
    assert set(g.objects(uk, RDF.type)) == {PK.Country} and g.value(uk, RDFS.label) == Literal("United Kingdom")
    assert set(g.objects(gov, RDF.type)) == {PK.GovernmentBody}
    assert set(g.objects(gov, RDFS.label)) == {Literal("UK Government")}
    assert list(g.triples((None, PK.government, None))) == [(uk, PK.government, gov)]
    assert set(g.objects(veltria, RDF.type)) == {PK.Country} and (PKID["veltria-government"], None, None) not in g
    assert set(g.objects(uk, OWL.sameAs)) == {URIRef(s) for s in ont.actors[str(uk)].same_as}
    typed: dict[URIRef, set[URIRef]] = {}
    for s, _, o in g.triples((None, RDF.type, None)):
        typed.setdefault(s, set()).add(o)
    assert all(len(types) == 1 for types in typed.values()), typed
    assert article_ntriples(ex) == to_ntriples(g)


def test_every_mention_is_stored_with_its_offsets() -> None:
    """Each span that refers to an actor is a pk:Mention: pkart:<id>#char=start,end, its actor, offsets and words
    in the text analysed (the title, a blank line, the text), the same in both serialisations."""
    ex = hand_extraction()
    body = ex.article.body
    first = body.index("Northland Data Authority fined")
    acme = body.index("Acme Social criticised")
    ex.mentions = {0: [(first, first + len("Northland Data Authority"))], 1: [(acme, acme + len("Acme Social"))]}
    g = to_graph(ex)
    found = {}
    for m in g.subjects(RDF.type, PK.Mention):
        start, end = int(g.value(m, PK.mentionStart)), int(g.value(m, PK.mentionEnd))
        assert str(m) == f"{article_iri('hand-built')}#char={start},{end}"
        assert str(g.value(m, PK.mentionText)) == body[start:end]
        found[g.value(m, PK.mentionOf)] = body[start:end]
    assert found == {PKID["northland-data-authority"]: "Northland Data Authority", PKID["acme-social"]: "Acme Social"}
    assert article_ntriples(ex) == to_ntriples(g)
