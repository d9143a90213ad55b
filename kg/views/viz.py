"""Render stage: the explorer page, one self-contained HTML file over the whole store.

The page holds every statement of the store as compact JSON columns, the
vis-network library (inlined from the copy pyvis ships; nothing is fetched
from the network) and the explorer's own script and style
(``kg/views/explorer/``). Positions are computed here, once, over every statement
(:mod:`kg.views.layout`), so the layout does not move when filters change and the
browser runs no physics. Filters given on the command line become the page's
opening state (:class:`kg.views.explore.Filters`); the reader can widen or narrow
them from there.

Static pictures of the same view are drawn by :mod:`kg.views.picture`.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import OutputError
from kg.views.explore import MODALITIES, Corpus, Filters, RelationGroup, relation_groups
from kg.views.layout import SPACING, force_layout
from kg.views.output import write_output
from kg.views.story import stance_signs
from kg.vocabulary.ontology import load_ontology

#: The vis-network build pyvis ships (standalone UMD: defines ``vis.Network`` and ``vis.DataSet``).
VIS_JS = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")


@cache
def _asset(package: str, name: str) -> str:
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        raise OutputError(f"cannot read {package}/{name} to build the page ({exc}): reinstall policy-kg "
                          "with `make setup`") from exc


def layout_positions(corpus: Corpus) -> list[tuple[float, float]]:
    """Return each actor's position, from every statement in the corpus (so filters never move actors)."""
    weights = Counter((st.subject, st.object) for st in corpus.statements)
    return force_layout(len(corpus.actors), [(a, b, float(w)) for (a, b), w in sorted(weights.items())])


def with_unknown_relations(corpus: Corpus, groups: list[RelationGroup]) -> list[RelationGroup]:
    """Return ``groups`` plus an "Other" group for relations the store has and the ontology lacks."""
    known = {r for g in groups for r in g.relations}
    extra = sorted({st.relation for st in corpus.statements} - known)
    return groups + [RelationGroup("other", "Other", "#999999", tuple(extra))] if extra else groups


def page_data(corpus: Corpus, filters: Filters, *, title: str, groups: list[RelationGroup] | None = None,
              positions: list[tuple[float, float]] | None = None) -> dict[str, Any]:
    """Return the JSON the page's script reads: actors, articles, statements as columns, opening filters."""
    ont = load_ontology()
    groups = with_unknown_relations(corpus, groups or relation_groups(ont))
    relations = [r for g in groups for r in g.relations]
    rel_index = {r: i for i, r in enumerate(relations)}
    group_of = {r: gi for gi, g in enumerate(groups) for r in g.relations}
    types = list(ont.classes)
    type_index = {t: i for i, t in enumerate(types)}
    positions = positions if positions is not None else layout_positions(corpus)
    rules: list[str] = []
    rule_index: dict[str, int] = {}
    for st in corpus.statements:
        if st.rule not in rule_index:
            rule_index[st.rule] = len(rules)
            rules.append(st.rule)
    mods = list(MODALITIES) + sorted({st.modality for st in corpus.statements} - set(MODALITIES))
    mod_index = {m: i for i, m in enumerate(mods)}
    sts = corpus.statements
    signs = stance_signs(ont)
    first, last = corpus.date_range()
    initial: dict[str, Any] = {
        "relations": sorted(filters.relations) if filters.relations is not None else None,
        "types": sorted(filters.types) if filters.types is not None else None,
        "modalities": sorted(filters.modalities), "negated": filters.negated,
        "minConfidence": filters.min_confidence, "minArticles": filters.min_articles,
        "since": filters.since or "", "until": filters.until or "",
        "ego": filters.ego, "hops": filters.hops,
    }
    return {
        "title": title,
        "spacing": SPACING,
        "types": [{"name": t, "label": ont.classes[t].label, "color": ont.classes[t].color} for t in types],
        "groups": [{"name": g.name, "label": g.label, "color": g.color} for g in groups],
        "relations": [{"name": r, "label": ont.relations[r].label if r in ont.relations else r,
                       "group": group_of[r], "sign": signs.get(r, 0)} for r in relations],
        "modalities": mods,
        "nodes": {
            "iri": [a.iri for a in corpus.actors],
            "label": [a.label for a in corpus.actors],
            "type": [type_index.get(a.type, type_index.get("Organisation", 0)) for a in corpus.actors],
            "aliases": [list(a.aliases) for a in corpus.actors],
            "x": [p[0] for p in positions],
            "y": [p[1] for p in positions],
        },
        "articles": {
            "id": [a.id for a in corpus.articles],
            "title": [a.title for a in corpus.articles],
            "source": [a.source for a in corpus.articles],
            "url": [a.url for a in corpus.articles],
        },
        "sentences": corpus.sentences,
        "rules": rules,
        "st": {
            "s": [st.subject for st in sts],
            "o": [st.object for st in sts],
            "r": [rel_index[st.relation] for st in sts],
            "a": [st.article for st in sts],
            "e": [st.sentence for st in sts],
            "d": [st.date or "" for st in sts],
            "u": [rule_index[st.rule] for st in sts],
            "c": [round(st.confidence, 3) for st in sts],
            "m": [mod_index[st.modality] for st in sts],
            "n": [1 if st.negated else 0 for st in sts],
        },
        "dateMin": first,
        "dateMax": last,
        "initial": initial,
    }


def _script_safe(text: str) -> str:
    """Return script text safe inside a <script> element: no closing tag, no HTML comment opener."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _json_safe(text: str) -> str:
    """Return JSON text safe inside a <script> element: every "<" written as a JSON escape."""
    return text.replace("<", "\\u003c")


def render_page(corpus: Corpus, filters: Filters, *, title: str = "policy-kg") -> str:
    """Return the explorer page as HTML text."""
    return render_page_with(corpus, filters, layout_positions(corpus), title=title)


def render_page_with(corpus: Corpus, filters: Filters, positions: list[tuple[float, float]], *,
                     title: str = "policy-kg") -> str:
    """Return the explorer page as HTML text, actors at ``positions``."""
    import html

    data = page_data(corpus, filters, title=title, positions=positions)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    empty = ("The store has no statements yet: run `kg ingest` first." if not corpus.statements
             else "No statement passes the current filters: widen them, or press Reset filters.")
    parts = {
        "title": html.escape(title),
        "css": _asset("kg.views", "explorer/explorer.css"),
        "empty": html.escape(empty),
        "data": _json_safe(body),
        "vis": _script_safe(_asset(*VIS_JS)),
        "app": _script_safe(_asset("kg.views", "explorer/explorer.js")),
    }
    template = _asset("kg.views", "explorer/explorer.html")
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)




#: Output formats of ``kg viz`` and the file endings that select them.
FORMATS = {"html": (".html", ".htm"), "png": (".png",), "svg": (".svg",)}


def output_format(out: str | os.PathLike[str], fmt: str | None) -> str:
    """Return ``fmt``, or the format ``out``'s ending names (HTML when it names none)."""
    if fmt:
        if fmt not in FORMATS:
            raise OutputError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(out).suffix.lower()
    return next((name for name, endings in FORMATS.items() if suffix in endings), "html")


def write_view(corpus: Corpus, filters: Filters, out: str | os.PathLike[str], *, fmt: str = "html",
               title: str = "policy-kg") -> dict[str, Any]:
    """Write the explorer page or a picture of the view ``filters`` selects; return what it shows.

    The returned dict has ``nodes``, ``edges``, ``statements`` (of the view),
    ``total_statements``, ``bytes`` written, ``format`` and ``warnings``.
    """
    from kg.views.explore import select

    view = select(corpus, filters)
    positions = layout_positions(corpus)
    if fmt == "html":
        data = render_page_with(corpus, filters, positions, title=title).encode("utf-8")
    else:
        from kg.views.picture import draw

        data = draw(corpus, filters, positions, fmt=fmt, title=title, selection=view)
    write_output(out, data)
    warnings = []
    if not corpus.statements:
        warnings.append("the store holds no statements: run `kg ingest` first")
    elif filters.ego and not view.edges:
        name = corpus.actors[corpus.index[filters.ego]].label
        warnings.append(f"{name} has no statement that passes the filters: the view shows it alone")
    elif not view.edges:
        warnings.append("no statement passes the filters: the view is empty")
    return {"nodes": len(view.nodes), "edges": len(view.edges), "statements": view.statement_count,
            "total_statements": len(corpus.statements), "bytes": len(data), "format": fmt, "warnings": warnings}
