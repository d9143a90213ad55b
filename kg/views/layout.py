"""Graph layout for the views, in numpy alone: a force layout for the whole graph and rings for an ego view.

networkx's ``spring_layout`` needs scipy above 500 nodes (and builds dense
n x n matrices without it), so the explorer computes its own layout:

* :func:`force_layout` -- Fruchterman-Reingold on each connected component,
  repulsion computed in row blocks so memory stays at a few tens of MB
  whatever the size, then the components packed in rows, largest first. It
  is deterministic for a given seed, so the same store always gives the same
  picture, and positions do not move when filters change.
* :func:`ring_layout` -- an ego network drawn as rings: the centre, its
  neighbours on the first ring, theirs on the second, each ring ordered by
  the angle nodes have in the whole-graph layout, so an ego view keeps the
  orientation of the big picture. The explorer's JavaScript uses the same
  rule, so a static picture of an ego view looks like the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: Distance between neighbouring nodes in the units of the returned positions (vis-network pixels).
SPACING = 120.0
#: Memory budget of one block of pairwise distances, in array elements.
_BLOCK_ELEMENTS = 2_000_000


def components(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Return the connected components of nodes ``0..n-1`` as sorted lists, largest first."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for v in range(n):
        groups.setdefault(find(v), []).append(v)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _fruchterman_reingold(m: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, rng: np.random.Generator,
                          iterations: int) -> np.ndarray:
    """Return positions of one connected component, centred on 0, scaled so the median nearest-node distance is 1.

    As in ForceAtlas2, a node repels in proportion to its "mass" (1 + the
    square root of its degree), so hubs push each other and their labels
    apart instead of piling up in the middle.
    """
    import numpy as np

    degree = np.bincount(src, minlength=m) + np.bincount(dst, minlength=m)
    mass = 1.0 + np.sqrt(degree)
    mass32 = mass.astype(np.float32)

    # Start on a disc of the area the final layout will roughly take.
    radius = math.sqrt(m)
    angle = rng.uniform(0, 2 * math.pi, m)
    r = radius * np.sqrt(rng.uniform(0, 1, m))
    pos = np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)
    temperature = radius / 4
    cool = temperature / (iterations + 1)
    block = max(1, _BLOCK_ELEMENTS // max(1, m))
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        # Repulsion k^2/d between every pair (k = 1), a block of rows at a time, in float32.
        x[:], y[:] = pos[:, 0], pos[:, 1]
        for start in range(0, m, block):
            stop = min(m, start + block)
            dx = x[start:stop, None] - x[None, :]
            dy = y[start:stop, None] - y[None, :]
            inv = dx * dx
            inv += dy * dy
            np.maximum(inv, 1e-4, out=inv)
            np.reciprocal(inv, out=inv)
            inv *= mass32[None, :]
            dx *= inv
            dy *= inv
            disp[start:stop, 0] += dx.sum(axis=1) * mass[start:stop]
            disp[start:stop, 1] += dy.sum(axis=1) * mass[start:stop]
        # Attraction d^2/k along edges, stronger for edges with more statements.
        if len(src):
            delta = pos[src] - pos[dst]
            dist = np.sqrt(np.einsum("ij,ij->i", delta, delta))
            pull = delta * (dist * weight)[:, None]
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        # A little gravity keeps loosely tied nodes from drifting away.
        disp -= 0.02 * mass[:, None] * pos
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp))
        np.maximum(length, 1e-9, out=length)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    pos -= pos.mean(axis=0)
    return pos / max(_median_nearest(pos), 1e-6)


def _median_nearest(pos: np.ndarray) -> float:
    """Return the median distance from a node to its nearest other node."""
    import numpy as np

    m = len(pos)
    block = max(1, _BLOCK_ELEMENTS // max(1, m))
    nearest = np.empty(m)
    for start in range(0, m, block):
        stop = min(m, start + block)
        d2 = ((pos[start:stop, None, :] - pos[None, :, :]) ** 2).sum(axis=2)
        d2[np.arange(stop - start), np.arange(start, stop)] = np.inf
        nearest[start:stop] = d2.min(axis=1)
    return float(np.sqrt(np.median(nearest)))


def force_layout(n: int, edges: Sequence[tuple[int, int, float]], *, seed: int = 1,
                 iterations: int | None = None) -> list[tuple[float, float]]:
    """Return an (x, y) position for each of the nodes ``0..n-1`` joined by ``(a, b, weight)`` edges.

    The result is deterministic for a given ``seed``; each component is scaled
    so that the median distance from a node to its nearest one is
    :data:`SPACING`.
    """
    import numpy as np

    if n == 0:
        return []
    rng = np.random.default_rng(seed)
    pairs = [(a, b) for a, b, _ in edges if a != b]
    weights: dict[tuple[int, int], float] = {}
    for a, b, w in edges:
        if a != b:
            key = (min(a, b), max(a, b))
            weights[key] = weights.get(key, 0.0) + w
    comps = components(n, pairs)
    which = [0] * n
    local = [0] * n
    for c, comp in enumerate(comps):
        for i, v in enumerate(comp):
            which[v], local[v] = c, i
    by_comp: list[list[tuple[int, int, float]]] = [[] for _ in comps]
    for (a, b), w in weights.items():
        by_comp[which[a]].append((local[a], local[b], w))
    placed: list[tuple[list[int], np.ndarray]] = []
    for comp, own in zip(comps, by_comp, strict=True):
        m = len(comp)
        if m == 1:
            placed.append((comp, np.zeros((1, 2))))
            continue
        src = np.array([a for a, _, _ in own], dtype=np.int64)
        dst = np.array([b for _, b, _ in own], dtype=np.int64)
        weight = np.array([1.0 + math.log(w) if w >= 1 else 1.0 for _, _, w in own])
        # Big components converge from a good start in fewer rounds per node; cost is m^2 per round.
        rounds = iterations or (300 if m <= 200 else 150 if m <= 1000 else 90)
        placed.append((comp, _fruchterman_reingold(m, src, dst, weight, rng, rounds)))
    return _pack(n, placed)


def _pack(n: int, placed: list[tuple[list[int], np.ndarray]]) -> list[tuple[float, float]]:
    """Return positions with the components laid side by side in rows, largest first."""
    import numpy as np

    gap = 1.0
    boxes = []
    for comp, pos in placed:
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        boxes.append((comp, pos - lo, hi - lo))
    total_area = sum(float((size[0] + gap) * (size[1] + gap)) for _, _, size in boxes)
    # Rows about as wide as a 16:9 picture of the whole area, never narrower than the largest component.
    row_width = max(float(boxes[0][2][0]), math.sqrt(total_area * 16 / 9))
    out = np.zeros((n, 2))
    x = y = row_height = 0.0
    for comp, pos, size in boxes:
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        out[comp] = pos + np.array([x, y])
        x += float(size[0]) + gap
        row_height = max(row_height, float(size[1]))
    out -= (out.min(axis=0) + out.max(axis=0)) / 2
    out *= SPACING
    return [(round(float(a), 1), round(float(b), 1)) for a, b in out]


def ring_layout(centre: int, rings: Sequence[Sequence[int]],
                positions: Sequence[tuple[float, float]]) -> dict[int, tuple[float, float]]:
    """Return positions for an ego view: ``centre`` at 0, ``rings[k]`` (nodes k+1 hops away) on circle k+1.

    Each ring is ordered by the angle its nodes have around the centre in
    ``positions`` (the whole-graph layout); a ring's radius grows with its
    size so that neighbours keep about :data:`SPACING` between them.
    """
    cx, cy = positions[centre]
    out: dict[int, tuple[float, float]] = {centre: (0.0, 0.0)}
    radius = 0.0
    for ring in rings:
        if not ring:
            continue
        radius = max(radius + 2.2 * SPACING, len(ring) * SPACING / (2 * math.pi))
        order = sorted(ring, key=lambda v: (math.atan2(positions[v][1] - cy, positions[v][0] - cx), v))
        for i, v in enumerate(order):
            a = 2 * math.pi * i / len(order)
            out[v] = (round(radius * math.cos(a), 1), round(radius * math.sin(a), 1))
    return out
