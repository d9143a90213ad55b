"""Render stage: the store as an interactive, self-contained HTML network.

Nodes are actors, coloured by their ontology class (colours come from the
ontology), with a legend; edges are relations, labelled, with a tooltip
listing every evidence sentence and the article it came from. vis.js is
inlined and every remote script or stylesheet pyvis would link is removed,
so the page works offline. Large graphs are laid out in Python (networkx)
with physics off.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ontology import load_ontology

if TYPE_CHECKING:
    import networkx as nx

    from .store import GraphStore

#: Above this many edges the layout is computed once in Python, physics off.
STATIC_LAYOUT_EDGES = 1500

STATEMENTS = """
SELECT ?s ?p ?o ?evidence ?article ?title ?date ?confidence ?negated ?modality WHERE {
  ?st a pk:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      pk:evidence ?evidence ; pk:article ?article ; pk:confidence ?confidence ;
      pk:negated ?negated ; pk:modality ?modality .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:date ?date }
}
"""

ENTITIES = """
SELECT ?e ?label ?type WHERE {
  ?e a ?type ; rdfs:label ?label .
  ?type rdfs:subClassOf pk:Actor .
  FILTER(STRSTARTS(STR(?e), "https://policy-kg.org/id/"))
}
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_from_store(store: GraphStore, *, min_confidence: float = 0.0, include_modal: bool = False) -> nx.MultiDiGraph:
    """Return the store's statements as a networkx multigraph, one edge per (subject, relation, object)."""
    import networkx as nx

    ents: dict[str, tuple[str, str]] = {}
    for e, label, typ in store.query(ENTITIES).rows:
        ents.setdefault(e, (label, _local(typ)))
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for s, p, o, evidence, article, title, date, conf, negated, modality in store.query(STATEMENTS).rows:
        if float(conf) < min_confidence:
            continue
        if not include_modal and (negated == "true" or modality != "asserted"):
            continue
        edges[(s, _local(p), o)].append({"evidence": evidence, "article": _local(article), "title": title,
                                         "date": date, "confidence": float(conf), "negated": negated == "true",
                                         "modality": modality})
    g = nx.MultiDiGraph()
    for (s, rel, o), evidence in sorted(edges.items()):
        for node in (s, o):
            if node not in g:
                label, typ = ents.get(node, (_local(node), "Organisation"))
                g.add_node(node, label=label, type=typ)
        g.add_edge(s, o, key=rel, relation=rel, evidence=evidence)
    return g


def _edge_title(rel: str, s_label: str, o_label: str, evidence: list[dict[str, Any]]) -> str:
    lines = [f"{s_label} —{rel}→ {o_label}"]
    for ev in evidence[:8]:
        src = ev["title"] or ev["article"]
        when = f", {ev['date']}" if ev["date"] else ""
        flags = []
        if ev["negated"]:
            flags.append("negated")
        if ev["modality"] != "asserted":
            flags.append(ev["modality"])
        flag = f" [{', '.join(flags)}]" if flags else ""
        lines.append(f"• “{ev['evidence']}”{flag}\n   — {src}{when} (confidence {ev['confidence']:.2f})")
    if len(evidence) > 8:
        lines.append(f"… and {len(evidence) - 8} more")
    return "\n".join(lines)


_REMOTE = re.compile(r"<(script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"'](?:https?:)?//[^>]*>(?:\s*</script>)?",
                     re.IGNORECASE)
# pyvis's template also links a vis.js copy from ../node_modules that no one ships.
_DANGLING = re.compile(r"<(script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"'][^\"']*node_modules[^>]*>(?:\s*</script>)?",
                       re.IGNORECASE)


def make_self_contained(page: str) -> str:
    """Return ``page`` without any script or stylesheet fetched from elsewhere."""
    return _DANGLING.sub("", _REMOTE.sub("", page))


def _legend(types: list[str]) -> str:
    ont = load_ontology()
    items = "".join(
        f'<li><span style="background:{ont.classes[t].color}"></span>{html.escape(ont.classes[t].label)}</li>'
        for t in types if t in ont.classes)
    return (
        '<div id="kg-legend"><strong>Actor types</strong><ul>' + items + "</ul>"
        "<small>Hover an edge for its evidence.</small></div>"
        "<style>#kg-legend{position:fixed;top:12px;right:12px;background:#fff;border:1px solid #ccc;"
        "padding:8px 12px;font:13px sans-serif;z-index:10;border-radius:4px}"
        "#kg-legend ul{list-style:none;margin:6px 0;padding:0}#kg-legend li{margin:2px 0}"
        "#kg-legend span{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px;"
        "vertical-align:middle}</style>"
    )


def write_html(g: nx.MultiDiGraph, out: Path, *, title: str = "policy-kg") -> None:
    """Write ``g`` as a self-contained interactive HTML page at ``out``."""
    import networkx as nx
    from pyvis.network import Network

    ont = load_ontology()
    net = Network(height="92vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    static = g.number_of_edges() > STATIC_LAYOUT_EDGES
    pos = nx.spring_layout(nx.Graph(g), seed=1, iterations=50) if static else {}
    degree = dict(g.degree())
    for node, data in g.nodes(data=True):
        cls = ont.classes.get(data["type"])
        color = cls.color if cls else "#999999"
        kwargs: dict[str, Any] = {}
        if static:
            x, y = pos[node]
            kwargs.update(x=float(x) * 2000, y=float(y) * 2000, physics=False)
        net.add_node(node, label=data["label"], color=color, title=f"{data['label']} ({data['type']})\n{node}",
                     size=10 + min(30, 2 * degree.get(node, 0)), **kwargs)
    for s, o, rel, data in g.edges(keys=True, data=True):
        net.add_edge(s, o, label=rel, title=_edge_title(rel, g.nodes[s]["label"], g.nodes[o]["label"],
                                                        data["evidence"]),
                     value=len(data["evidence"]), arrows="to", font={"size": 10, "align": "middle"})
    if static:
        net.toggle_physics(False)
    else:
        net.barnes_hut(gravity=-2500, central_gravity=0.6, spring_length=110, spring_strength=0.05)
    page = net.generate_html(name=str(out), notebook=False)
    page = make_self_contained(page)
    types = sorted({d["type"] for _, d in g.nodes(data=True)})
    page = page.replace("<body>", f"<body><h1 style=\"font:16px sans-serif;margin:8px\">{html.escape(title)}</h1>"
                        + _legend(types), 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
