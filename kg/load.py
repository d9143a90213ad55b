"""Load stage: an :class:`~kg.extract.Extraction` as RDF in the ontology's terms.

Per article, one named graph ``pkart:<id>`` holding:

- the article node (``pk:Article``: title, date, source, url);
- each entity's type, label, the mentions it had in this article, and, for
  registry actors, their ``owl:sameAs`` links;
- one ``pk:Statement`` node per extracted fact (standard RDF reification:
  ``rdf:subject``, ``rdf:predicate``, ``rdf:object``) with its evidence
  sentence, article, date, extractor, rule, confidence, negation and modality;
- a direct ``subject relation object`` edge for every statement that is
  asserted and not negated, so simple queries need no statement node.

IRIs are derived from content only (no blank nodes, no timestamps), so
loading the same article twice gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef

from .extract import EXTRACTOR_VERSION, Extraction
from .namespace import DCTERMS, OWL, PK, PKART, PKST, PREFIXES, RDF, RDFS, XSD, pk_term
from .ontology import Ontology, load_ontology


def article_iri(article_id: str) -> URIRef:
    """Return the IRI naming an article and its named graph."""
    return PKART[article_id]


def statement_iri(article_id: str, subject: str, relation: str, obj: str, sentence: str) -> URIRef:
    """Return a content-derived IRI for one statement."""
    digest = hashlib.sha1("\x1f".join([article_id, subject, relation, obj, sentence]).encode()).hexdigest()[:16]
    return PKST[f"{article_id}-{digest}"]


def triples(ex: Extraction, ont: Ontology | None = None) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """Yield the triples of one article's extraction: the one mapping behind both serialisations."""
    ont = ont or load_ontology()
    art = ex.article
    a = article_iri(art.id)
    yield (a, RDF.type, PK.Article)
    yield (a, DCTERMS.identifier, Literal(art.id))
    if art.title:
        yield (a, DCTERMS.title, Literal(art.title))
    if art.date:
        yield (a, DCTERMS.date, Literal(art.date, datatype=XSD.date))
    if art.source:
        yield (a, DCTERMS.source, Literal(art.source))
    if art.url:
        yield (a, PK.url, Literal(art.url))
    for e in ex.entities:
        node = URIRef(e.id)
        yield (node, RDF.type, pk_term(e.type))
        yield (node, RDFS.label, Literal(e.label))
        yield (node, PK.mentionedIn, a)
        for alias in e.aliases:
            yield (node, PK.mention, Literal(alias))
        actor = ont.actors.get(e.id)
        if actor:
            for same in actor.same_as:
                yield (node, OWL.sameAs, URIRef(same))
    for t in ex.triples:
        s, o = ex.entities[t.subject], ex.entities[t.object]
        sentence = " ".join(t.sentence.text.split())
        st = statement_iri(art.id, s.id, t.relation, o.id, sentence)
        pred = pk_term(t.relation)
        yield (st, RDF.type, PK.Statement)
        yield (st, RDF.subject, URIRef(s.id))
        yield (st, RDF.predicate, pred)
        yield (st, RDF.object, URIRef(o.id))
        yield (st, PK.evidence, Literal(sentence))
        yield (st, PK.article, a)
        if art.date:
            yield (st, DCTERMS.date, Literal(art.date, datatype=XSD.date))
        yield (st, PK.extractor, Literal(f"{EXTRACTOR_VERSION}#{t.extractor}"))
        yield (st, PK.rule, Literal(t.rule))
        yield (st, PK.confidence, Literal(f"{t.confidence:.3f}", datatype=XSD.decimal))
        yield (st, PK.negated, Literal(t.negated))
        yield (st, PK.modality, Literal(t.modality))
        if t.modality == "asserted" and not t.negated:
            yield (URIRef(s.id), pred, URIRef(o.id))


def to_graph(ex: Extraction, ont: Ontology | None = None) -> Graph:
    """Return the RDF graph of one article's extraction."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for triple in triples(ex, ont):
        g.add(triple)
    return g


def article_ntriples(ex: Extraction, ont: Ontology | None = None) -> str:
    """Return ``to_ntriples(to_graph(ex))`` without building an rdflib Graph (ingest's fast path: same text)."""
    lines = {f"<{s}> <{p}> {_nt_object(o)} ." for s, p, o in triples(ex, ont)}
    return "\n".join(sorted(lines)) + "\n"


def _nt_object(term: URIRef | Literal) -> str:
    if not isinstance(term, Literal):
        return f"<{term}>"
    # The escapes of rdflib's N-Triples serializer, so both paths give the same text.
    quoted = '"' + term.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    return f"{quoted}^^<{term.datatype}>" if term.datatype else quoted


def to_ntriples(g: Graph) -> str:
    """Return ``g`` as N-Triples text, lines sorted (stable across runs)."""
    text = g.serialize(format="nt")
    # Split on "\n" only: str.splitlines() would also break inside literals at
    # characters N-Triples leaves unescaped (U+2028, U+0085, form feed).
    return "\n".join(sorted(line for line in text.split("\n") if line.strip())) + "\n"
