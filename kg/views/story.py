"""Following a story: one actor's (or one pair's) relations per period, and a pair's signed stance over time.

Both read a :class:`~kg.views.explore.Corpus` (every statement, dated by its
article), so they work on any store that answers SPARQL.

- :func:`timeline` counts an actor's statements per period (ISO week, month
  or year) by relation and by relation group, with the first and last date
  and the statements behind each count.
- :func:`stance` gives a directed pair's signed stance per period: the sum,
  over its statements, of the relation's ``pk:stanceSign`` (+1 support,
  agreement, cooperation; -1 criticism, accusation, opposition, threat; read
  from ``ontology/relation-groups.ttl``) times the statement's confidence.
  A *turning point* is a period whose sign differs from the sign of the last
  period before it that had a stance; it carries the statements that
  flipped it (those of the new sign).

By default only asserted, non-negated statements count, as in the views;
undated statements cannot be placed in a period and are counted apart.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.errors import InputError
from kg.views.explore import Corpus, Statement, relation_groups
from kg.vocabulary.ontology import Ontology, load_ontology

UNITS = ("week", "month", "year")


def period_of(date: str, unit: str) -> str:
    """Return the period holding ``date`` (YYYY-MM-DD): ``2024-W05``, ``2024-02`` or ``2024``."""
    if unit == "year":
        return date[:4]
    if unit == "month":
        return date[:7]
    if unit == "week":
        year, week, _ = datetime.date.fromisoformat(date[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    raise InputError(f"unknown period '{unit}': use one of {', '.join(UNITS)}")


def period_bounds(period: str, unit: str) -> tuple[str, str]:
    """Return the first and last day of ``period`` (as :func:`period_of` names it), ISO dates."""
    if unit == "year":
        return f"{period}-01-01", f"{period}-12-31"
    if unit == "month":
        first = datetime.date.fromisoformat(f"{period}-01")
        nxt = first.replace(year=first.year + (first.month == 12), month=first.month % 12 + 1)
        return first.isoformat(), (nxt - datetime.timedelta(days=1)).isoformat()
    year, week = period.split("-W")
    monday = datetime.date.fromisocalendar(int(year), int(week), 1)
    return monday.isoformat(), (monday + datetime.timedelta(days=6)).isoformat()


def period_range(first: str, last: str, unit: str, *, limit: int = 1000) -> list[str]:
    """Return every period from ``first`` to ``last`` (both periods, as :func:`period_of` names them), quiet ones too.

    More than ``limit`` periods (weeks over twenty years) give just the two ends' range cut at ``limit``.
    """
    out = [first]
    while out[-1] < last and len(out) < limit:
        day_after = datetime.date.fromisoformat(period_bounds(out[-1], unit)[1]) + datetime.timedelta(days=1)
        out.append(period_of(day_after.isoformat(), unit))
    return out


def stance_signs(ont: Ontology | None = None) -> dict[str, int]:
    """Return each relation's stance sign (+1 or -1) as ``pk:stanceSign`` in the ontology gives it."""
    from kg.vocabulary.namespace import PK

    ont = ont or load_ontology()
    signs: dict[str, int] = {}
    for rel in ont.relations:
        value = ont.graph.value(PK[rel], PK.stanceSign)
        if value is not None:
            signs[rel] = 1 if int(str(value)) > 0 else -1
    return signs


def counted(st: Statement, include_modal: bool) -> bool:
    """Return True when a statement counts: asserted and not negated, or any with ``include_modal``."""
    return include_modal or (st.modality == "asserted" and not st.negated)


@dataclass
class Evidence:
    """Where a statement comes from: its sentence, article and date."""

    subject: str
    relation: str
    object: str
    date: str | None
    sentence: str
    article: str
    title: str | None
    url: str | None
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def evidence(corpus: Corpus, i: int) -> Evidence:
    """Return the evidence of statement ``i`` of the corpus."""
    st = corpus.statements[i]
    art = corpus.articles[st.article]
    return Evidence(corpus.actors[st.subject].label, st.relation, corpus.actors[st.object].label, st.date,
                    corpus.sentences[st.sentence], art.id, art.title, art.url, st.confidence)


@dataclass
class Row:
    """One period of one relation (or relation group): how many statements, first and last date."""

    period: str
    key: str        # the relation's name, or the group's
    group: str
    count: int
    first: str
    last: str
    statements: list[int] = field(default_factory=list)


@dataclass
class PeriodStance:
    """A directed pair's stance in one period: the signed, confidence-weighted sum, and its parts."""

    period: str
    score: float
    positive: int
    negative: int
    statements: list[int] = field(default_factory=list)

    @property
    def sign(self) -> int:
        return (self.score > 1e-9) - (self.score < -1e-9)


@dataclass
class TurningPoint:
    """A period where the stance's sign flipped, the statements of the new sign that flipped it."""

    period: str
    before: str      # the last earlier period with a stance
    from_sign: int
    to_sign: int
    statements: list[int]


@dataclass
class Stance:
    """A directed pair's stance over time."""

    subject: int
    object: int
    periods: list[PeriodStance]
    turning_points: list[TurningPoint]


@dataclass
class Timeline:
    """What :func:`timeline` returns: the actor (and the other one), the rows, the pair's stance both ways."""

    corpus: Corpus
    actor: int
    other: int | None
    unit: str
    periods: list[str]
    rows: list[Row]          # by relation
    groups: list[Row]        # by relation group
    stances: list[Stance]    # for a pair: actor->other and other->actor
    undated: int

    def label(self, n: int | None) -> str:
        return "" if n is None else self.corpus.actors[n].label

    def to_json(self, *, with_evidence: bool = False) -> dict[str, Any]:
        """Return the timeline as JSON-ready data (statements as evidence with ``with_evidence``)."""
        c = self.corpus

        def row(r: Row) -> dict[str, Any]:
            out: dict[str, Any] = {"period": r.period, "relation" if r.key != r.group else "group": r.key,
                                   "group": r.group, "count": r.count, "first": r.first, "last": r.last}
            if with_evidence:
                out["evidence"] = [evidence(c, i).to_json() for i in r.statements]
            return out

        return {
            "actor": {"iri": c.actors[self.actor].iri, "label": self.label(self.actor)},
            "other": None if self.other is None else {"iri": c.actors[self.other].iri,
                                                      "label": self.label(self.other)},
            "unit": self.unit, "periods": self.periods, "undated": self.undated,
            "relations": [row(r) for r in self.rows], "groups": [row(r) for r in self.groups],
            "stance": [stance_json(c, s) for s in self.stances],
        }

    def to_csv(self) -> str:
        """Return one CSV line per period and relation, then per period and group, then the stance per period."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["period", "kind", "name", "group", "count", "first", "last", "stance"])
        for r in self.rows:
            w.writerow([r.period, "relation", r.key, r.group, r.count, r.first, r.last, ""])
        for r in self.groups:
            w.writerow([r.period, "group", r.key, r.group, r.count, r.first, r.last, ""])
        for s in self.stances:
            name = f"{self.label(s.subject)} -> {self.label(s.object)}"
            for p in s.periods:
                dates = sorted(self.corpus.statements[i].date or "" for i in p.statements)
                w.writerow([p.period, "stance", name, "", p.positive + p.negative, dates[0], dates[-1],
                            f"{p.score:+.3f}"])
        return buf.getvalue()


def stance_json(corpus: Corpus, s: Stance, *, with_evidence: bool = True) -> dict[str, Any]:
    """Return a pair's stance over time as JSON-ready data, turning points with their sentences."""
    return {
        "subject": corpus.actors[s.subject].label, "object": corpus.actors[s.object].label,
        "periods": [{"period": p.period, "score": round(p.score, 3), "sign": p.sign, "positive": p.positive,
                     "negative": p.negative} for p in s.periods],
        "turning_points": [{"period": t.period, "before": t.before, "from": t.from_sign, "to": t.to_sign,
                            **({"evidence": [evidence(corpus, i).to_json() for i in t.statements]}
                               if with_evidence else {})} for t in s.turning_points],
    }


def _rows(corpus: Corpus, picked: Iterable[int], unit: str, key_of: dict[str, str],
          group_of: dict[str, str]) -> list[Row]:
    grouped: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in picked:
        st = corpus.statements[i]
        assert st.date is not None
        grouped[(period_of(st.date, unit), key_of.get(st.relation, st.relation))].append(i)
    rows = []
    for (period, key), idx in sorted(grouped.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1])):
        dates = sorted(corpus.statements[i].date or "" for i in idx)
        rel = corpus.statements[idx[0]].relation
        rows.append(Row(period, key, group_of.get(rel, "other"), len(idx), dates[0], dates[-1], idx))
    return rows


def pair_stance(corpus: Corpus, subject: int, obj: int, *, unit: str = "month", include_modal: bool = False,
                signs: dict[str, int] | None = None, statements: Iterable[int] | None = None) -> Stance:
    """Return the stance of ``subject`` toward ``obj`` per period, with its turning points."""
    signs = stance_signs() if signs is None else signs
    per: dict[str, PeriodStance] = {}
    pool = range(len(corpus.statements)) if statements is None else statements
    for i in pool:
        st = corpus.statements[i]
        if st.subject != subject or st.object != obj or not st.date or st.relation not in signs:
            continue
        if st.negated or not counted(st, include_modal):  # "did not criticise" is no stance either way
            continue
        period = period_of(st.date, unit)
        p = per.setdefault(period, PeriodStance(period, 0.0, 0, 0))
        sign = signs[st.relation]
        p.score += sign * st.confidence
        p.positive += sign > 0
        p.negative += sign < 0
        p.statements.append(i)
    periods = [per[k] for k in sorted(per)]
    turns = []
    last: PeriodStance | None = None
    for p in periods:
        if p.sign == 0:
            continue
        if last is not None and p.sign != last.sign:
            flipped = [i for i in p.statements if signs[corpus.statements[i].relation] == p.sign]
            turns.append(TurningPoint(p.period, last.period, last.sign, p.sign, flipped))
        last = p
    return Stance(subject, obj, periods, turns)


def timeline(corpus: Corpus, actor: int, other: int | None = None, *, unit: str = "month",
             include_modal: bool = False, ont: Ontology | None = None) -> Timeline:
    """Return ``actor``'s relations per period (with ``other``: the pair's, both directions) and the stance."""
    if unit not in UNITS:
        raise InputError(f"unknown period '{unit}': use one of {', '.join(UNITS)}")
    ont = ont or load_ontology()
    group_of = {r: g.name for g in relation_groups(ont) for r in g.relations}
    picked, undated = [], 0
    for i, st in enumerate(corpus.statements):
        ends = {st.subject, st.object}
        if actor not in ends or (other is not None and ends != {actor, other}):
            continue
        if not counted(st, include_modal):
            continue
        if not st.date:
            undated += 1
            continue
        picked.append(i)
    rows = _rows(corpus, picked, unit, {}, group_of)
    groups = _rows(corpus, picked, unit, group_of, group_of)
    stances = []
    if other is not None:
        signs = stance_signs(ont)
        for s, o in ((actor, other), (other, actor)):
            one = pair_stance(corpus, s, o, unit=unit, include_modal=include_modal, signs=signs, statements=picked)
            if one.periods:
                stances.append(one)
    active = sorted({r.period for r in rows})
    periods = period_range(active[0], active[-1], unit) if active else []
    return Timeline(corpus, actor, other, unit, periods, rows, groups, stances, undated)
