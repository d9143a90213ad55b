"""Load stage: an :class:`~kg.extraction.pipeline.Extraction` as RDF in the ontology's terms.

Per article, one named graph ``pkart:<id>`` holding:

- the article node (``pk:Article``: title, date, source, url);
- each entity's one type, label, the names it had in this article
  (``pk:mention``), and, for registry actors, their ``owl:sameAs`` links;
- each place the article refers to an entity, a ``pk:Mention`` node
  ``pkart:<id>#char=<start>,<end>`` (RFC 5147 offsets in the text analysed)
  with ``pk:mentionOf``, ``pk:mentionStart``, ``pk:mentionEnd`` and
  ``pk:mentionText``;
- a country as its own node (``pk:Country``), linked by ``pk:government``
  to its government when the article names both: the extraction gives a
  country its government's IRI so a state is one actor across a corpus, but
  the store keeps one type per node;
- one ``pk:Statement`` node per extracted fact (standard RDF reification:
  ``rdf:subject``, ``rdf:predicate``, ``rdf:object``) with its evidence
  sentence and where it stands in the text analysed (``pk:evidenceStart``,
  ``pk:evidenceEnd``), article, date, extractor, rule, confidence, negation
  and modality;
- a direct ``subject relation object`` edge for every statement that is
  asserted and not negated, so simple queries need no statement node.

IRIs are derived from content only (no blank nodes, no timestamps), so
loading the same article twice gives the same graph.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef

from kg.extraction.pipeline import EXTRACTOR_VERSION, Extraction
from kg.extraction.relate import Triple
from kg.vocabulary.namespace import DCTERMS, OWL, PK, PKART, PKST, PREFIXES, RDF, RDFS, XSD, pk_term
from kg.vocabulary.ontology import Ontology, load_ontology


def article_iri(article_id: str) -> URIRef:
    """Return the IRI naming an article and its named graph."""
    return PKART[article_id]


def statement_iri(article_id: str, subject: str, relation: str, obj: str, sentence: str,
                  occurrence: int = 0) -> URIRef:
    """Return a content-derived IRI for one statement; ``occurrence`` tells apart the same statement read again from
    a sentence the article repeats (the first keeps the IRI it always had)."""
    parts = [article_id, subject, relation, obj, sentence] + ([str(occurrence)] if occurrence else [])
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]
    return PKST[f"{article_id}-{digest}"]


def _statement_iris(ex: Extraction) -> Iterator[tuple[Triple, str, URIRef]]:
    """Yield (triple, its evidence sentence, its IRI) for each of the extraction's triples: one IRI each, even
    where a repeated paragraph gives the same statement twice (else two statements would share one node, with
    two confidences and two rules)."""
    seen: dict[tuple[str, str, str, str], int] = {}
    for t in ex.triples:
        s, o = ex.entities[t.subject], ex.entities[t.object]
        sentence = " ".join(t.sentence.text.split())
        key = (s.id, t.relation, o.id, sentence)
        n = seen[key] = seen.get(key, -1) + 1
        yield t, sentence, statement_iri(ex.article.id, s.id, t.relation, o.id, sentence, n)


def entity_iris(ex: Extraction, ont: Ontology) -> list[str]:
    """Return the IRI each entity of ``ex`` (by position) is stored under: its id, but a country's own IRI for a
    country the extraction gave its government's IRI (so the government node is not typed Country too)."""
    out = []
    for e in ex.entities:
        if e.type == "Country" and (e.id in ont.country_of or e.id.endswith("-government")):
            out.append(ont.country_of.get(e.id) or e.id.removesuffix("-government"))
        else:
            out.append(e.id)
    return out


def government_links(ex: Extraction, ids: list[str]) -> Iterator[tuple[str, str]]:
    """Yield (country IRI, government IRI) for each country of the article whose government it names too."""
    bodies = {e.id for e in ex.entities if e.type != "Country"}
    for e, iri in zip(ex.entities, ids, strict=True):
        if iri != e.id and e.id in bodies:
            yield iri, e.id


def mention_iri(article_id: str, start: int, end: int) -> URIRef:
    """Return the IRI of the span [start, end) of an article's text analysed (an RFC 5147 fragment)."""
    return URIRef(f"{article_iri(article_id)}#char={start},{end}")


def _mentions(ex: Extraction, ids: list[str]) -> Iterator[tuple[URIRef, str, int, int, str]]:
    """Yield (mention IRI, actor IRI, start, end, words) for each span that refers to an entity."""
    body = ex.article.body
    for idx, spans in sorted(ex.mentions.items()):
        for start, end in spans:
            yield mention_iri(ex.article.id, start, end), ids[idx], start, end, body[start:end]


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
    ids = entity_iris(ex, ont)
    for e, iri in zip(ex.entities, ids, strict=True):
        node = URIRef(iri)
        yield (node, RDF.type, pk_term(e.type))
        yield (node, RDFS.label, Literal(e.label))
        yield (node, PK.mentionedIn, a)
        for alias in e.aliases:
            yield (node, PK.mention, Literal(alias))
        actor = ont.actors.get(iri)
        if actor:
            for same in actor.same_as:
                yield (node, OWL.sameAs, URIRef(same))
    for country, gov in government_links(ex, ids):
        yield (URIRef(country), PK.government, URIRef(gov))
    for m, actor_iri, start, end, words in _mentions(ex, ids):
        yield (m, RDF.type, PK.Mention)
        yield (m, PK.mentionOf, URIRef(actor_iri))
        yield (m, PK.mentionStart, Literal(start))
        yield (m, PK.mentionEnd, Literal(end))
        yield (m, PK.mentionText, Literal(words))
    for t, sentence, st in _statement_iris(ex):
        sub, obj = URIRef(ids[t.subject]), URIRef(ids[t.object])
        pred = pk_term(t.relation)
        yield (st, RDF.type, PK.Statement)
        yield (st, RDF.subject, sub)
        yield (st, RDF.predicate, pred)
        yield (st, RDF.object, obj)
        yield (st, PK.evidence, Literal(sentence))
        yield (st, PK.evidenceStart, Literal(t.sentence.start_char))
        yield (st, PK.evidenceEnd, Literal(t.sentence.end_char))
        yield (st, PK.article, a)
        if art.date:
            yield (st, DCTERMS.date, Literal(art.date, datatype=XSD.date))
        yield (st, PK.extractor, Literal(f"{EXTRACTOR_VERSION}#{t.extractor}"))
        yield (st, PK.rule, Literal(t.rule))
        yield (st, PK.confidence, Literal(f"{t.confidence:.3f}", datatype=XSD.decimal))
        yield (st, PK.negated, Literal(t.negated))
        yield (st, PK.modality, Literal(t.modality))
        if t.modality == "asserted" and not t.negated:
            yield (sub, pred, obj)


def to_graph(ex: Extraction, ont: Ontology | None = None) -> Graph:
    """Return the RDF graph of one article's extraction."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for triple in triples(ex, ont):
        g.add(triple)
    return g


def article_ntriples(ex: Extraction, ont: Ontology | None = None) -> str:
    """Return ``to_ntriples(to_graph(ex))`` without building an rdflib Graph (same text)."""
    lines = {f"{s} {p} {o} ." for s, p, o in _nt_terms(ex, ont or load_ontology())}
    return "\n".join(sorted(lines)) + "\n"


def article_nquads(ex: Extraction, ont: Ontology | None = None) -> str:
    """Return the article's graph as N-Quads in its named graph, lines sorted: ingest's fast path.

    The same triples as :func:`article_ntriples`, each with the graph
    ``article_iri(ex.article.id)``; built as text, no rdflib terms.
    """
    end = f" <{article_iri(ex.article.id)}> .\n"
    lines = {f"{s} {p} {o}{end}" for s, p, o in _nt_terms(ex, ont or load_ontology())}
    return "".join(sorted(lines))


def _nt_terms(ex: Extraction, ont: Ontology) -> Iterator[tuple[str, str, str]]:
    """Yield the triples of :func:`triples` as N-Triples terms, built as text (literals as rdflib writes them)."""
    art = ex.article
    a = f"<{article_iri(art.id)}>"
    date = _typed(art.date, _XSD_DATE) if art.date else None
    yield (a, _RDF_TYPE, _PK_ARTICLE)
    yield (a, _N["dcterms:identifier"], _plain(art.id))
    if art.title:
        yield (a, _N["dcterms:title"], _plain(art.title))
    if date:
        yield (a, _N["dcterms:date"], date)
    if art.source:
        yield (a, _N["dcterms:source"], _plain(art.source))
    if art.url:
        yield (a, _N["pk:url"], _plain(art.url))
    iris = entity_iris(ex, ont)
    ids = [f"<{iri}>" for iri in iris]
    for e, iri, node in zip(ex.entities, iris, ids, strict=True):
        yield (node, _RDF_TYPE, _pk(e.type))
        yield (node, _N["rdfs:label"], _plain(e.label))
        yield (node, _N["pk:mentionedIn"], a)
        for alias in e.aliases:
            yield (node, _N["pk:mention"], _plain(alias))
        actor = ont.actors.get(iri)
        if actor:
            for same in actor.same_as:
                yield (node, _N["owl:sameAs"], f"<{same}>")
    for country, gov in government_links(ex, iris):
        yield (f"<{country}>", _N["pk:government"], f"<{gov}>")
    for m, actor_iri, start, end, words in _mentions(ex, iris):
        node = f"<{m}>"
        yield (node, _RDF_TYPE, _PK_MENTION)
        yield (node, _N["pk:mentionOf"], f"<{actor_iri}>")
        yield (node, _N["pk:mentionStart"], _typed(str(start), _XSD_INTEGER))
        yield (node, _N["pk:mentionEnd"], _typed(str(end), _XSD_INTEGER))
        yield (node, _N["pk:mentionText"], _plain(words))
    extractor = _plain(f"{EXTRACTOR_VERSION}#")[:-1]  # the quoted prefix; each statement adds its extractor
    for t, sentence, iri in _statement_iris(ex):
        st = f"<{iri}>"
        pred = _pk(t.relation)
        sub, obj = ids[t.subject], ids[t.object]
        yield (st, _RDF_TYPE, _PK_STATEMENT)
        yield (st, _N["rdf:subject"], sub)
        yield (st, _N["rdf:predicate"], pred)
        yield (st, _N["rdf:object"], obj)
        yield (st, _N["pk:evidence"], _plain(sentence))
        yield (st, _N["pk:evidenceStart"], _typed(str(t.sentence.start_char), _XSD_INTEGER))
        yield (st, _N["pk:evidenceEnd"], _typed(str(t.sentence.end_char), _XSD_INTEGER))
        yield (st, _N["pk:article"], a)
        if date:
            yield (st, _N["dcterms:date"], date)
        yield (st, _N["pk:extractor"], extractor + _plain(t.extractor)[1:])
        yield (st, _N["pk:rule"], _plain(t.rule))
        yield (st, _N["pk:confidence"], _typed(f"{t.confidence:.3f}", _XSD_DECIMAL))
        yield (st, _N["pk:negated"], _TRUE if t.negated else _FALSE)
        yield (st, _N["pk:modality"], _plain(t.modality))
        if t.modality == "asserted" and not t.negated:
            yield (sub, pred, obj)


def _nt_object(term: URIRef | Literal) -> str:
    if not isinstance(term, Literal):
        return f"<{term}>"
    # The escapes of rdflib's N-Triples serializer, so both paths give the same text.
    quoted = '"' + term.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    return f"{quoted}^^<{term.datatype}>" if term.datatype else quoted


_N = {name: f"<{iri}>" for name, iri in {
    "rdf:subject": RDF.subject, "rdf:predicate": RDF.predicate, "rdf:object": RDF.object, "rdfs:label": RDFS.label,
    "owl:sameAs": OWL.sameAs, "dcterms:identifier": DCTERMS.identifier, "dcterms:title": DCTERMS.title,
    "dcterms:date": DCTERMS.date, "dcterms:source": DCTERMS.source, "pk:url": PK.url,
    "pk:mentionedIn": PK.mentionedIn, "pk:mention": PK.mention, "pk:evidence": PK.evidence, "pk:article": PK.article,
    "pk:evidenceStart": PK.evidenceStart, "pk:evidenceEnd": PK.evidenceEnd,
    "pk:extractor": PK.extractor, "pk:rule": PK.rule, "pk:confidence": PK.confidence, "pk:negated": PK.negated,
    "pk:modality": PK.modality, "pk:government": PK.government, "pk:mentionOf": PK.mentionOf,
    "pk:mentionStart": PK.mentionStart, "pk:mentionEnd": PK.mentionEnd, "pk:mentionText": PK.mentionText}.items()}
_RDF_TYPE, _PK_ARTICLE, _PK_STATEMENT = f"<{RDF.type}>", f"<{PK.Article}>", f"<{PK.Statement}>"
_PK_MENTION = f"<{PK.Mention}>"
_XSD_DATE, _XSD_DECIMAL, _XSD_INTEGER = XSD.date, XSD.decimal, XSD.integer
_TRUE, _FALSE = _nt_object(Literal(True)), _nt_object(Literal(False))


def _plain(text: str) -> str:
    """Return ``text`` as an N-Triples plain literal, escaped as rdflib escapes it."""
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


@functools.lru_cache(maxsize=4096)
def _typed(value: str, datatype: URIRef) -> str:
    """Return the typed literal as rdflib writes it (rdflib may normalise the lexical form: ask it, once per value)."""
    return _nt_object(Literal(value, datatype=datatype))


@functools.lru_cache(maxsize=1024)
def _pk(name: str) -> str:
    return f"<{pk_term(name)}>"


def to_ntriples(g: Graph) -> str:
    """Return ``g`` as N-Triples text, lines sorted (stable across runs)."""
    text = g.serialize(format="nt")
    # Split on "\n" only: str.splitlines() would also break inside literals at
    # characters N-Triples leaves unescaped (U+2028, U+0085, form feed).
    return "\n".join(sorted(line for line in text.split("\n") if line.strip())) + "\n"
