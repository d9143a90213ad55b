"""Validation: the store checked against SHACL shapes with pyshacl.

The shapes are the hand-written ones of ``ontology/shapes/`` (what every
statement carries: subject, predicate in the ontology, object, evidence,
article, the article's date when it has one, extractor, a confidence in
[0, 1]) plus shapes derived here from the ontology, so they never drift from
it:

- for each ``pk:`` property with an ``rdfs:domain`` or ``rdfs:range``, its
  subjects must be of the domain and its values of the range (a class, or a
  datatype for ``xsd:`` ranges);
- for each relation with ``pk:subjectType`` or ``pk:objectType``, both its
  direct edges and its statements must link actors of those types.

The store is checked in batches of named graphs, each merged with the
ontology (for class hierarchy, relations and the registry), so memory holds
one batch; a violation found in several batches is reported once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.term import Node

from kg.vocabulary.namespace import PK, PREFIXES, XSD

if TYPE_CHECKING:
    from kg.store.base import GraphStore

SH = Namespace("http://www.w3.org/ns/shacl#")
PKSH = Namespace("https://policy-kg.org/shapes#")
BATCH = 200


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        from kg.store.results import compact

        where = compact(self.focus) if self.focus.startswith("http") else self.focus
        path = f" {compact(self.path)}" if self.path else ""
        value = f" (value: {compact(self.value) if self.value.startswith('http') else self.value})" \
            if self.value else ""
        return f"{where}{path}: {self.message}{value}"


@dataclass
class ValidationReport:
    graphs: int = 0
    statements: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


def shapes_graph(ontology: Graph | None = None) -> Graph:
    """Return the SHACL shapes: the files of ``ontology/shapes/`` and the shapes derived from the ontology."""
    from kg.vocabulary.ontology import load_ontology, ontology_dir

    ont = ontology if ontology is not None else load_ontology().graph
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("sh", SH)
    g.bind("pksh", PKSH)
    for path in sorted((ontology_dir() / "shapes").glob("*.ttl")):
        g.parse(path, format="turtle")
    _derive_property_shapes(ont, g)
    _derive_relation_shapes(ont, g)
    return g


def _derive_property_shapes(ont: Graph, g: Graph) -> None:
    for prop in sorted({p for p in ont.subjects(RDFS.domain, None)} | {p for p in ont.subjects(RDFS.range, None)},
                       key=str):
        if not str(prop).startswith(str(PK)) or (prop, RDF.type, PK.Relation) in ont:
            continue
        name = str(prop)[len(str(PK)):]
        domain, rng = ont.value(prop, RDFS.domain), ont.value(prop, RDFS.range)
        shape = PKSH[f"{name}-domain-range"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetSubjectsOf, prop))
        if domain is not None:
            g.add((shape, SH["class"], domain))
            g.add((shape, SH.message, Literal(f"the subject of pk:{name} must be a {_name(domain)} (rdfs:domain)")))
        if rng is not None:
            ps = BNode()
            g.add((shape, SH.property, ps))
            g.add((ps, SH.path, prop))
            if str(rng).startswith(str(XSD)):
                g.add((ps, SH.datatype, rng))
            else:
                g.add((ps, SH["class"], rng))
            g.add((ps, SH.message, Literal(f"the value of pk:{name} must be a {_name(rng)} (rdfs:range)")))


def _derive_relation_shapes(ont: Graph, g: Graph) -> None:
    for rel in sorted(ont.subjects(RDF.type, PK.Relation), key=str):
        name = str(rel)[len(str(PK)):]
        for role, key, target in (("subject", PK.subjectType, SH.targetSubjectsOf),
                                  ("object", PK.objectType, SH.targetObjectsOf)):
            types = sorted(ont.objects(rel, key), key=str)
            if not types:
                continue
            allowed = " or ".join(_name(t) for t in types)
            # The direct edge "?s pk:rel ?o".
            shape = PKSH[f"{name}-{role}"]
            g.add((shape, RDF.type, SH.NodeShape))
            g.add((shape, target, rel))
            g.add((shape, SH.message, Literal(f"the {role} of pk:{name} must be a {allowed}")))
            _one_of_classes(g, shape, types)
            # The statement that carries it: "not this relation, or the right type", in core SHACL (a
            # SPARQL constraint per statement is two orders of magnitude slower in pyshacl).
            st = PKSH[f"{name}-statement-{role}"]
            g.add((st, RDF.type, SH.NodeShape))
            g.add((st, SH.targetClass, PK.Statement))
            g.add((st, SH.message, Literal(f"the {role} of this pk:{name} statement must be a {allowed}")))
            other, typed, not_rel, of_type = BNode(), BNode(), BNode(), BNode()
            g.add((other, SH["not"], not_rel))
            g.add((not_rel, SH.path, RDF.predicate))
            g.add((not_rel, SH.hasValue, rel))
            g.add((typed, SH.property, of_type))
            g.add((of_type, SH.path, RDF[role]))
            _one_of_classes(g, of_type, types)
            head = BNode()
            Collection(g, head, [other, typed])
            g.add((st, SH["or"], head))


def _one_of_classes(g: Graph, shape: Node, types: list) -> None:  # noqa: ANN001 - rdflib nodes
    if len(types) == 1:
        g.add((shape, SH["class"], types[0]))
        return
    members: list[Node] = []
    for t in types:
        alt = BNode()
        g.add((alt, SH["class"], t))
        members.append(alt)
    head = BNode()
    Collection(g, head, members)
    g.add((shape, SH["or"], head))


def _name(term: object) -> str:
    text = str(term)
    if text.startswith(str(XSD)):
        return "xsd:" + text[len(str(XSD)):]
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def validate_store(store: GraphStore, *, batch: int = BATCH) -> ValidationReport:
    """Return every violation of the shapes in ``store``."""
    from pyshacl import validate

    from kg.vocabulary.ontology import load_ontology

    ont = load_ontology().graph
    shapes = shapes_graph(ont)
    report = ValidationReport()
    names = store.graphs()
    report.graphs = len(names)
    seen: set[Violation] = set()
    for i in range(0, max(1, len(names)), batch):
        data = Graph()
        data += ont
        for name in names[i:i + batch]:
            lines = store.graph_ntriples(name)
            if lines:
                data.parse(data="\n".join(lines) + "\n", format="nt")
        report.statements += len(set(data.subjects(RDF.type, PK.Statement)))
        conforms, results, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
        if conforms:
            continue
        for r in results.subjects(RDF.type, SH.ValidationResult):
            v = Violation(str(results.value(r, SH.focusNode) or ""), str(results.value(r, SH.resultPath) or ""),
                          str(results.value(r, SH.resultMessage) or ""), str(results.value(r, SH.value) or ""))
            if v not in seen:
                seen.add(v)
                report.violations.append(v)
    report.violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return report
