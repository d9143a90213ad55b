"""Static pictures of a view (PNG or SVG) for papers and slides, drawn with matplotlib.

The picture shows what the explorer page opens on for the same filters:
the same positions (the whole-graph layout, or rings around an ego
centre), actors coloured by type and sized by statement count, edges
coloured by relation group with widths by statement count, labels on the
most connected actors, and a legend. It is drawn offline with matplotlib's
Agg (PNG) or SVG backend; no browser is needed.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from typing import Any

from kg.views.explore import Corpus, Filters, Selection, relation_groups, select
from kg.views.layout import ring_layout
from kg.vocabulary.ontology import load_ontology

#: Most labels in one picture; the most connected actors come first, and no two labels overlap.
MAX_LABELS = 40
LABEL_PT = 7.0


def draw(corpus: Corpus, filters: Filters, positions: list[tuple[float, float]], *, fmt: str,
         title: str = "policy-kg", selection: Selection | None = None) -> bytes:
    """Return the picture of the view ``filters`` selects, as PNG or SVG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    ont = load_ontology()
    groups = relation_groups(ont)
    group_of = {r: g for g in groups for r in g.relations}
    view = selection or select(corpus, filters)
    centre = corpus.index.get(filters.ego) if filters.ego else None
    pos: dict[int, tuple[float, float]]
    if centre is not None:
        pos = ring_layout(centre, view.rings, positions)
    else:
        pos = {n: positions[n] for n in view.nodes}

    weight: Counter[int] = Counter()
    for (s, o), sts in view.edges.items():
        weight[s] += len(sts)
        weight[o] += len(sts)
    fig = Figure(figsize=(13, 9), dpi=150)
    ax = fig.add_axes((0.01, 0.01, 0.83, 0.91))
    ax.set_axis_off()
    ax.set_aspect("equal")
    subtitle = "; ".join(filters.describe(corpus)) or "all asserted statements"
    n_st = view.statement_count
    fig.suptitle(f"{title}\n{len(view.nodes)} actors, {len(view.edges)} edges, {n_st} statements — {subtitle}",
                 fontsize=10, y=0.99)
    if not view.nodes:
        ax.text(0.5, 0.5, "No statement passes these filters" if corpus.statements else "The store has no statements",
                ha="center", va="center", transform=ax.transAxes, fontsize=14, color="#777777")
        return _save(fig, fmt)

    segments, colors, widths = [], [], []
    for (s, o), sts in sorted(view.edges.items(), key=lambda kv: len(kv[1])):
        counts = Counter(group_of[corpus.statements[i].relation].color if corpus.statements[i].relation in group_of
                         else "#999999" for i in sts)
        colors.append(min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0])
        segments.append([pos[s], pos[o]])
        widths.append(0.4 + 0.8 * math.log2(len(sts) + 1))
    alpha = 0.35 if len(segments) > 1000 else 0.6
    ax.add_collection(LineCollection(segments, colors=colors, linewidths=widths, alpha=alpha, zorder=1))

    nodes = sorted(view.nodes)
    xs = [pos[n][0] for n in nodes]
    ys = [pos[n][1] for n in nodes]
    # Sized by all their statements, as on the page, so an actor keeps its size whatever the filters.
    total = Counter(n for st in corpus.statements for n in (st.subject, st.object))
    sizes = [12 + 9 * math.log2(1 + total[n]) ** 1.6 for n in nodes]
    fills = [ont.classes[corpus.actors[n].type].color if corpus.actors[n].type in ont.classes else "#999999"
             for n in nodes]
    edgecolors = ["#111111" if n == centre else "#555555" for n in nodes]
    ax.scatter(xs, ys, s=sizes, c=fills, edgecolors=edgecolors, linewidths=[2.0 if n == centre else 0.4
                                                                            for n in nodes], zorder=2)
    pad = 60.0
    # Room at the sides for the labels of the outermost actors.
    side = pad + 0.06 * (max(xs) - min(xs))
    ax.set_xlim(min(xs) - side, max(xs) + side)
    # vis-network's y axis points down; flip so the picture matches the page.
    ax.set_ylim(max(ys) + pad, min(ys) - pad)
    for n in _labels(ax, fig, view.nodes, pos, weight, corpus, centre):
        x, y = pos[n]
        ax.annotate(corpus.actors[n].label, (x, y), xytext=(0, -6), textcoords="offset points", ha="center",
                    va="top", fontsize=LABEL_PT, zorder=3,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})

    shown_types = sorted({corpus.actors[n].type for n in nodes})
    handles: list[Any] = [Line2D([], [], marker="o", linestyle="", markersize=7,
                                 markerfacecolor=ont.classes[t].color if t in ont.classes else "#999999",
                                 markeredgecolor="#555555", label=ont.classes[t].label if t in ont.classes else t)
                          for t in shown_types]
    shown_groups = {group_of[corpus.statements[i].relation].name for sts in view.edges.values() for i in sts
                    if corpus.statements[i].relation in group_of}
    handles += [Line2D([], [], color=g.color, linewidth=2.5, label=f"{g.label} relations")
                for g in groups if g.name in shown_groups]
    fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.995, 0.92), fontsize=8, frameon=False)
    return _save(fig, fmt)


def _labels(ax: Any, fig: Any, nodes: set[int], pos: dict[int, tuple[float, float]], weight: Counter[int],
            corpus: Corpus, centre: int | None) -> list[int]:
    """Return the actors to label: most connected (and the ego centre) first, skipping overlapping labels."""
    x0, x1 = ax.get_xlim()
    y1, y0 = ax.get_ylim()
    box = ax.get_position()
    width_pt = fig.get_figwidth() * box.width * 72
    height_pt = fig.get_figheight() * box.height * 72
    per_pt = max((x1 - x0) / width_pt, (y1 - y0) / height_pt)  # equal aspect: the larger scale wins
    char_w, line_h = 0.6 * LABEL_PT * per_pt, 1.4 * LABEL_PT * per_pt
    placed: list[tuple[float, float, float, float]] = []
    chosen: list[int] = []
    for n in sorted(nodes, key=lambda v: (v != centre, -weight[v], v)):
        if len(chosen) >= MAX_LABELS:
            break
        x, y = pos[n]
        w = len(corpus.actors[n].label) * char_w
        b = (x - w / 2, y + 6 * per_pt, x + w / 2, y + 6 * per_pt + line_h)
        if any(b[0] < c[2] and c[0] < b[2] and b[1] < c[3] and c[1] < b[3] for c in placed):
            continue
        placed.append(b)
        chosen.append(n)
    return chosen


def _save(fig: Any, fmt: str) -> bytes:
    import matplotlib

    buf = io.BytesIO()
    # SVG text stays text (searchable, editable in a paper); no date, so the same view gives the same bytes.
    metadata = {"Date": None} if fmt == "svg" else {"Software": "policy-kg"}
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "policy-kg"}):
        fig.savefig(buf, format=fmt, metadata=metadata, **({"dpi": 150} if fmt == "png" else {}))
    return buf.getvalue()
