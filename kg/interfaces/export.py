"""Exports: the actor network for graph tools, and the whole store for other triple stores.

- ``graphml``, ``gexf``: the actor network (Gephi, Cytoscape, igraph,
  networkx). Nodes are actors (label, type, Wikidata id, number of articles
  naming them, article ids); edges are one per (subject, relation, object)
  with the number of statements (also as the edge ``weight``), the number of
  articles, first and last date, article ids and mean confidence. The GEXF
  is ready for Gephi: nodes coloured by type and edges by relation group,
  and dynamic (each edge lives from its first date to its last, each node
  from its first edge), so Gephi's timeline plays the corpus.
- ``csv``: the same network as two tables in a folder, ``nodes.csv`` and
  ``edges.csv`` (pandas, R, spreadsheet imports).
- ``trig``, ``nquads``: every named graph, so another store loads the same
  quads.
- ``jsonld``: every named graph as JSON-LD with a context of short names
  (``label``, ``evidence``, ``fines`` ...), for web developers.

By default the network holds asserted, non-negated statements, like
``kg viz``; ``include_modal`` adds the rest. The views' filters narrow it the
same way (:class:`~kg.views.explore.Filters`: relations or groups, actor
types, dates, minimum articles).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.views.output import output_file, write_output
from kg.vocabulary.namespace import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

    from kg.store.base import GraphStore
    from kg.views.explore import Filters

FORMATS = ("graphml", "gexf", "csv", "jsonld", "trig", "nquads")

_EDGES = """
SELECT ?s ?p ?o (COUNT(DISTINCT ?st) AS ?statements) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
       (GROUP_CONCAT(DISTINCT ?aid; separator=" ") AS ?articles) (AVG(?conf) AS ?confidence) WHERE {
  ?st a pk:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pk:article ?a ;
      pk:confidence ?conf ; pk:negated ?negated ; pk:modality ?modality .
  OPTIONAL { ?st dcterms:date ?date }
  FILTER(?conf >= %(min)s)
  FILTER(%(modal)s || (?negated = false && ?modality = "asserted"))
  %(dates)s
  BIND(STRAFTER(STR(?a), STR(pkart:)) AS ?aid)
}
GROUP BY ?s ?p ?o
ORDER BY ?s ?p ?o
"""

_NODES = """
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?class) AS ?type) (SAMPLE(?same) AS ?wikidata)
       (COUNT(DISTINCT ?a) AS ?articles) (GROUP_CONCAT(DISTINCT ?aid; separator=" ") AS ?ids) WHERE {
  ?e pk:mentionedIn ?a ; rdfs:label ?l ; a ?class .
  GRAPH <https://policy-kg.org/graph/ontology> { ?class rdfs:subClassOf pk:Actor }
  OPTIONAL { ?e owl:sameAs ?same FILTER(STRSTARTS(STR(?same), STR(wd:))) }
  BIND(STRAFTER(STR(?a), STR(pkart:)) AS ?aid)
}
GROUP BY ?e
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def actor_network(store: GraphStore, *, min_confidence: float = 0.0, include_modal: bool = False,
                  filters: Filters | None = None) -> nx.MultiDiGraph:
    """Return the actor network: one node per actor in a statement, one edge per (subject, relation, object).

    ``filters`` narrow it as they narrow the views: the relations (or their
    groups) and actor types kept, statements dated within ``since``/``until``,
    edges given by at least ``min_articles`` articles.
    """
    import networkx as nx

    from kg.store.base import nt_string

    g = nx.MultiDiGraph()
    dates = ""
    if filters is not None and filters.since:
        dates += f"FILTER(BOUND(?date) && STR(?date) >= {nt_string(filters.since)}) "
    if filters is not None and filters.until:
        dates += f"FILTER(BOUND(?date) && STR(?date) <= {nt_string(filters.until)})"
    edges = store.query(_EDGES % {"min": f"{min_confidence:.6f}", "modal": "true" if include_modal else "false",
                                  "dates": dates})
    nodes = {row[0]: row for row in store.query(_NODES).rows}
    for s, p, o, n, first, last, articles, conf in edges.rows:
        rel = _local(p)
        ids = (articles or "").split()
        if filters is not None and (len(ids) < filters.min_articles
                                    or (filters.relations is not None and rel not in filters.relations)):
            continue
        ends = [nodes.get(node, (node, _local(node), "", None, 0, "")) for node in (s, o)]
        kinds = [_local(typ or "") or "Actor" for _, _, typ, _, _, _ in ends]
        if filters is not None and filters.types is not None and not set(kinds) <= filters.types:
            continue
        for (node, label, _, same, count, aids), kind in zip(ends, kinds, strict=True):
            if node not in g:
                g.add_node(node, label=label or _local(node), type=kind,
                           wikidata=_local(same) if same else "", articles=int(count or 0), article_ids=aids or "")
        g.add_edge(s, o, key=rel, relation=rel, statements=int(n), weight=int(n), articles=len(ids),
                   first_date=first or "", last_date=last or "", article_ids=articles or "",
                   confidence=round(float(conf), 3))
    return g


def gephi_network(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of the actor network with what Gephi reads from GEXF: colours (node type, edge relation
    group) and lifetimes (``start``/``end``: an edge's first and last date, a node's first and last edge)."""
    from kg.views.explore import relation_groups
    from kg.vocabulary.ontology import load_ontology

    ont = load_ontology()
    group_of = {rel: grp for grp in relation_groups(ont) for rel in grp.relations}
    out = g.copy()
    out.graph["mode"] = "dynamic"
    for _, _, d in out.edges(data=True):
        grp = group_of.get(d["relation"])
        d["group"] = grp.name if grp else ""
        d["viz"] = {"color": _rgb(grp.color if grp else "#888888")}
        if d["first_date"]:
            d["start"], d["end"] = d["first_date"], d["last_date"]
    for node, d in out.nodes(data=True):
        cls = ont.classes.get(d["type"])
        d["viz"] = {"color": _rgb(cls.color if cls else "#999999")}
        dated = [e for _, _, e in out.edges(node, data=True)] + [e for _, _, e in out.in_edges(node, data=True)]
        starts = [e["start"] for e in dated if "start" in e]
        if starts:
            d["start"], d["end"] = min(starts), max(e["end"] for e in dated if "end" in e)
    return out


def _rgb(color: str) -> dict[str, int]:
    text = color.lstrip("#")
    return {"r": int(text[0:2], 16), "g": int(text[2:4], 16), "b": int(text[4:6], 16)}


def json_ld_context() -> dict[str, Any]:
    """Return the JSON-LD context of the export: the prefixes, and a short name for every property used."""
    from kg.vocabulary.ontology import load_ontology

    ctx: dict[str, Any] = dict(PREFIXES)
    ctx.update({
        "id": "@id", "type": "@type", "graph": "@graph",
        "label": "rdfs:label", "title": "dcterms:title", "identifier": "dcterms:identifier",
        "source": "dcterms:source", "date": {"@id": "dcterms:date", "@type": "xsd:date"}, "url": "pk:url",
        "subject": {"@id": "rdf:subject", "@type": "@id"}, "predicate": {"@id": "rdf:predicate", "@type": "@id"},
        "object": {"@id": "rdf:object", "@type": "@id"}, "evidence": "pk:evidence",
        "article": {"@id": "pk:article", "@type": "@id"}, "extractor": "pk:extractor", "rule": "pk:rule",
        "confidence": {"@id": "pk:confidence", "@type": "xsd:decimal"}, "negated": "pk:negated",
        "modality": "pk:modality", "mention": "pk:mention", "mentionedIn": {"@id": "pk:mentionedIn", "@type": "@id"},
        "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    })
    for name in load_ontology().relations:
        ctx[name] = {"@id": f"pk:{name}", "@type": "@id"}
    return ctx


def export_store(store: GraphStore, *, fmt: str, out: Path, min_confidence: float = 0.0,
                 include_modal: bool = False, filters: Filters | None = None) -> dict[str, int]:
    """Write ``store`` to ``out`` in ``fmt``; return counts (nodes and edges, or quads). ``filters`` narrow the
    network formats as they narrow the views."""
    import networkx as nx

    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    # Every file is written whole or not at all (kg.views.output): a full disk or a bad path is one line naming
    # the fix, and leaves no partial file behind.
    if fmt in ("trig", "nquads"):
        with output_file(out) as fh:
            store.dump(fh, fmt)
        return {"quads": len(store)}
    if fmt == "jsonld":
        return {"quads": _write_json_ld(store, out)}
    if fmt == "csv" and out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file: the CSV export writes nodes.csv and edges.csv into a folder")
    g = actor_network(store, min_confidence=min_confidence, include_modal=include_modal, filters=filters)
    counts = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    if fmt == "csv":
        node_cols = ["id", "label", "type", "wikidata", "articles", "article_ids"]
        edge_cols = ["relation", "statements", "articles", "first_date", "last_date", "article_ids", "confidence"]
        _write_csv(out / "nodes.csv", node_cols,
                   ([node, *(d[c] for c in node_cols[1:])] for node, d in g.nodes(data=True)))
        _write_csv(out / "edges.csv", ["source", "target", *edge_cols],
                   ([s, o, *(d[c] for c in edge_cols)] for s, o, d in g.edges(data=True)))
        return counts
    with output_file(out) as fh:
        if fmt == "graphml":
            nx.write_graphml(g, fh)
        else:
            nx.write_gexf(gephi_network(g), fh)
    return counts


def _write_csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    with output_file(path) as raw:
        fh = io.TextIOWrapper(raw, newline="", encoding="utf-8")
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
        fh.flush()
        fh.detach()  # the binary file is output_file's to finish


def _write_json_ld(store: GraphStore, out: Path) -> int:
    from rdflib import Dataset

    buf = io.BytesIO()
    store.dump(buf, "nquads")
    ds = Dataset()
    ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    ctx = json_ld_context()
    text = ds.serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = json.loads(text)
    write_output(out, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    return sum(1 for _ in ds.quads((None, None, None, None)))
