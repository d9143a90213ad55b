"""The picture of a timeline (PNG or SVG): a heat strip per relation and, for a pair, its stance per period.

Made to be read on paper: every cell of the strip prints its count, the
colour scale is one hue light to dark (it survives grey-scale printing),
stance bars carry their signed value and are hatched when negative, and
turning points are marked with the period they flip in. Drawn offline with
matplotlib (Agg or SVG), like :mod:`kg.views.picture`.
"""

from __future__ import annotations

from typing import Any

from kg.views.picture import _save
from kg.views.story import Timeline


def draw_timeline(t: Timeline, *, fmt: str, title: str | None = None) -> bytes:
    """Return the picture of timeline ``t`` as PNG or SVG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    periods = t.periods
    relations = sorted({r.key for r in t.rows}, key=lambda k: (next(r.group for r in t.rows if r.key == k), k))
    counts = {(r.key, r.period): r.count for r in t.rows}
    stances = t.stances
    heading = title or (f"{t.label(t.actor)} and {t.label(t.other)}" if t.other is not None
                        else t.label(t.actor))
    width = min(max(6.0, 2.6 + 0.55 * len(periods)), 18.0)
    strip_h = 0.9 + 0.32 * max(len(relations), 1)
    stance_h = 2.2 * len(stances)
    fig = Figure(figsize=(width, strip_h + stance_h + 0.9), dpi=150)
    fig.suptitle(f"{heading}: statements per {t.unit}", fontsize=11)
    ratios = [strip_h] + [2.2] * len(stances)
    axes = fig.subplots(len(ratios), 1, squeeze=False, gridspec_kw={"height_ratios": ratios})[:, 0]
    ax = axes[0]
    if not periods:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No dated statement", ha="center", va="center", transform=ax.transAxes, fontsize=12,
                color="#777777")
        return _save(fig, fmt)

    grid = [[counts.get((rel, p), 0) for p in periods] for rel in relations]
    top = max(max(row) for row in grid) or 1
    ax.imshow(grid, aspect="auto", cmap="Blues", vmin=0, vmax=top * 1.25, interpolation="nearest")
    for y, row in enumerate(grid):
        for x, n in enumerate(row):
            if n:
                ax.text(x, y, str(n), ha="center", va="center", fontsize=8,
                        color="white" if n > top * 0.6 else "black")
    ax.set_yticks(range(len(relations)), relations, fontsize=8)
    ax.set_xticks(range(len(periods)), periods, fontsize=7, rotation=45 if len(periods) > 8 else 0,
                  ha="right" if len(periods) > 8 else "center")
    ax.set_xticks([x - 0.5 for x in range(1, len(periods))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(relations))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.set_title("relations (count per period)", fontsize=9, loc="left")

    for ax, s in zip(axes[1:], stances, strict=True):
        _stance_axis(ax, t, s, periods)
    fig.tight_layout()
    return _save(fig, fmt)


def _stance_axis(ax: Any, t: Timeline, s: Any, periods: list[str]) -> None:
    by_period = {p.period: p for p in s.periods}
    xs = list(range(len(periods)))
    scores = [by_period[p].score if p in by_period else 0.0 for p in periods]
    colors = ["#1e8449" if v > 0 else "#c0392b" for v in scores]
    bars = ax.bar(xs, scores, color=colors, edgecolor="#333333", linewidth=0.6)
    for bar, v in zip(bars, scores, strict=True):
        if v < 0:
            bar.set_hatch("///")
        if v:
            ax.annotate(f"{v:+.2f}", (bar.get_x() + bar.get_width() / 2, v), xytext=(0, 3 if v > 0 else -3),
                        textcoords="offset points", ha="center", va="bottom" if v > 0 else "top", fontsize=7)
    ax.axhline(0, color="#333333", linewidth=0.8)
    span = max((abs(v) for v in scores), default=1.0) or 1.0
    ax.set_ylim(-span * 1.45, span * 1.45)
    for turn in s.turning_points:
        x = periods.index(turn.period)
        ax.axvline(x - 0.5, color="#555555", linestyle="--", linewidth=0.9)
        ax.text(x - 0.45, span * 1.3, f"turns {'for' if turn.to_sign > 0 else 'against'}", fontsize=7,
                va="top", ha="left", color="#333333")
    ax.set_xlim(-0.5, len(periods) - 0.5)
    ax.set_xticks(xs, periods, fontsize=7, rotation=45 if len(periods) > 8 else 0,
                  ha="right" if len(periods) > 8 else "center")
    ax.tick_params(axis="y", labelsize=7)
    ax.set_title(f"stance of {t.label(s.subject)} toward {t.label(s.object)}\n"
                 "+ support, agreement, cooperation   − criticism, accusation, opposition, threat\n"
                 "(each statement × its confidence)", fontsize=8, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
