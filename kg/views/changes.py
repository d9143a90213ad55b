"""What changed: a digest of the statements that are new against those that came before.

"New" is either a date window (statements of articles dated from ``since``
to ``until``; "before" is everything dated earlier) or a set of articles
(those a watch cycle stored, or those not seen by the previous digest;
"before" is every other article). :func:`digest` then lists

- new actors: in no earlier statement;
- new pairs: a subject and object never linked before (any relation);
- relations that rose or fell most: the count in the new statements
  against the count in the equally long window just before them;
- stance flips: the turning points (see :mod:`kg.views.story`) of a directed
  pair that new statements made: its first new month has the other sign than
  its latest month before with a stance, or the sign flips within the new
  statements;
- the most active enforcers and targets (the enforcement group).

Every item carries its evidence (sentence, article, date). Rendering is in
:mod:`kg.views.digest`.
"""

from __future__ import annotations

import datetime
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.views.explore import Corpus, relation_groups
from kg.views.story import Evidence, counted, evidence, pair_stance, stance_signs
from kg.vocabulary.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from kg.store.base import GraphStore

#: Most items per list (new pairs, rises, enforcers, ...); evidence sentences per item.
TOP = 10
EVIDENCE_PER_ITEM = 3


@dataclass
class Item:
    """One line of the digest: what it says, numbers, and the statements behind it as evidence."""

    kind: str                 # actor, pair, rise, fall, flip, enforcer, target
    title: str
    detail: str = ""
    numbers: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "detail": self.detail, **self.numbers,
                "evidence": [e.to_json() for e in self.evidence]}


@dataclass
class Digest:
    """The changes of one period (or one set of new articles)."""

    title: str
    period: str               # in words: "2024-05-01 to 2024-05-31", or "3 articles stored by the watch cycle ..."
    made: str                 # when the digest was made (UTC, ISO seconds)
    new_articles: list[dict[str, Any]]
    statements: int           # new statements counted
    sections: dict[str, list[Item]]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "period": self.period, "made": self.made, "statements": self.statements,
                "articles": self.new_articles,
                "sections": {k: [i.to_json() for i in v] for k, v in self.sections.items()}}

    @property
    def empty(self) -> bool:
        return not any(self.sections.values())


SECTIONS = {"actors": "New actors", "pairs": "New pairs", "rises": "Relations that rose",
            "falls": "Relations that fell", "flips": "Stance flips", "enforcers": "Most active enforcers",
            "targets": "Most targeted"}


def now_utc() -> str:
    """Return the time now, UTC, to the second (ISO 8601 with Z)."""
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def window(corpus: Corpus, since: str, until: str | None) -> tuple[list[int], list[int], list[int], str]:
    """Return (new, before, baseline, period in words) for the dates ``since``..``until`` (ISO, inclusive).

    ``baseline`` is the statements dated in the equally long window ending the day before ``since``.
    """
    last = until or max((st.date for st in corpus.statements if st.date), default=since)
    last = max(last, since)
    start, end = datetime.date.fromisoformat(since), datetime.date.fromisoformat(last)
    length = (end - start).days + 1
    base_from = (start - datetime.timedelta(days=length)).isoformat()
    new, before, baseline = [], [], []
    for i, st in enumerate(corpus.statements):
        if not st.date:
            continue
        if since <= st.date <= last:
            new.append(i)
        elif st.date < since:
            before.append(i)
            if st.date >= base_from:
                baseline.append(i)
    return new, before, baseline, f"{since} to {last} (against {base_from} to {start - datetime.timedelta(days=1)})"


def by_articles(corpus: Corpus, articles: Iterable[str]) -> tuple[list[int], list[int], list[int]]:
    """Return (new, before, baseline) where new are the statements of ``articles`` (IRIs) and before the rest.

    The baseline is the statements of other articles dated in the equally long window before the new ones.
    """
    wanted = set(articles)
    new = [i for i, st in enumerate(corpus.statements) if corpus.articles[st.article].iri in wanted]
    before = [i for i, st in enumerate(corpus.statements) if corpus.articles[st.article].iri not in wanted]
    dates = sorted(corpus.statements[i].date or "" for i in new if corpus.statements[i].date)
    baseline: list[int] = []
    if dates:
        start, end = datetime.date.fromisoformat(dates[0]), datetime.date.fromisoformat(dates[-1])
        base_from = (start - datetime.timedelta(days=(end - start).days + 1)).isoformat()
        baseline = [i for i in before if (corpus.statements[i].date or "") and
                    base_from <= (corpus.statements[i].date or "") < dates[0]]
    return new, before, baseline


def digest(corpus: Corpus, new: list[int], before: list[int], baseline: list[int], *, period: str,
           title: str = "What changed", include_modal: bool = False, top: int = TOP,
           ont: Ontology | None = None) -> Digest:
    """Return the digest of the statements ``new`` against ``before`` (indices into ``corpus.statements``)."""
    ont = ont or load_ontology()
    sts = corpus.statements
    new = [i for i in new if counted(sts[i], include_modal)]
    before = [i for i in before if counted(sts[i], include_modal)]
    baseline = [i for i in baseline if counted(sts[i], include_modal)]
    label = [a.label for a in corpus.actors]

    def ev(idx: Iterable[int]) -> list[Evidence]:
        chosen = sorted(idx, key=lambda i: (sts[i].date or "", -sts[i].confidence))
        return [evidence(corpus, i) for i in chosen[:EVIDENCE_PER_ITEM]]

    seen_actors = {n for i in before for n in (sts[i].subject, sts[i].object)}
    seen_pairs = {(sts[i].subject, sts[i].object) for i in before}
    by_actor: dict[int, list[int]] = defaultdict(list)
    by_pair: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in new:
        st = sts[i]
        for n in (st.subject, st.object):
            if n not in seen_actors:
                by_actor[n].append(i)
        if (st.subject, st.object) not in seen_pairs:
            by_pair[(st.subject, st.object)].append(i)

    actors = [Item("actor", label[n], corpus.actors[n].type, {"statements": len(idx)}, ev(idx))
              for n, idx in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), label[kv[0]]))][:top]
    pairs = [Item("pair", f"{label[s]} → {label[o]}",
                  ", ".join(sorted({sts[i].relation for i in idx})), {"statements": len(idx)}, ev(idx))
             for (s, o), idx in sorted(by_pair.items(), key=lambda kv: (-len(kv[1]), label[kv[0][0]],
                                                                          label[kv[0][1]]))][:top]

    now_count = Counter(sts[i].relation for i in new)
    base_count = Counter(sts[i].relation for i in baseline)
    rel_new: dict[str, list[int]] = defaultdict(list)
    for i in new:
        rel_new[sts[i].relation].append(i)
    deltas = [(rel, now_count[rel] - base_count[rel]) for rel in set(now_count) | set(base_count)]
    rises = [Item("rise", rel, f"{base_count[rel]} → {now_count[rel]}",
                  {"before": base_count[rel], "now": now_count[rel], "change": d}, ev(rel_new[rel]))
             for rel, d in sorted(deltas, key=lambda x: (-x[1], x[0])) if d > 0][:top]
    falls = [Item("fall", rel, f"{base_count[rel]} → {now_count[rel]}",
                  {"before": base_count[rel], "now": now_count[rel], "change": d}, ev(rel_new[rel]))
             for rel, d in sorted(deltas, key=lambda x: (x[1], x[0])) if d < 0][:top]

    flips = _flips(corpus, new, before, stance_signs(ont))[:top]

    enforcement = {r for g in relation_groups(ont) if g.name == "enforcement" for r in g.relations}
    by_enforcer: dict[int, list[int]] = defaultdict(list)
    by_target: dict[int, list[int]] = defaultdict(list)
    for i in new:
        if sts[i].relation in enforcement:
            by_enforcer[sts[i].subject].append(i)
            by_target[sts[i].object].append(i)

    def ranked(kind: str, found: dict[int, list[int]], other: str) -> list[Item]:
        out = []
        for n, idx in sorted(found.items(), key=lambda kv: (-len(kv[1]), label[kv[0]]))[:top]:
            ends = sorted({label[sts[i].object if other == "object" else sts[i].subject] for i in idx})
            words = "against " if other == "object" else "by "
            out.append(Item(kind, label[n], words + ", ".join(ends), {"statements": len(idx)}, ev(idx)))
        return out

    articles = sorted({sts[i].article for i in new}, key=lambda a: (corpus.articles[a].date or "",
                                                                    corpus.articles[a].id))
    return Digest(title, period, now_utc(),
                  [{"id": corpus.articles[a].id, "title": corpus.articles[a].title, "date": corpus.articles[a].date,
                    "url": corpus.articles[a].url} for a in articles], len(new),
                  {"actors": actors, "pairs": pairs, "rises": rises, "falls": falls, "flips": flips,
                   "enforcers": ranked("enforcer", by_enforcer, "object"),
                   "targets": ranked("target", by_target, "subject")})


def _flips(corpus: Corpus, new: list[int], before: list[int], signs: dict[str, int]) -> list[Item]:
    """Return the turning points (see :mod:`kg.views.story`) that new statements made.

    A pair's monthly stance is read over the earlier and the new statements together; a turning point
    counts when statements that flipped it are new: the first new month against the latest month before
    with a stance, or a flip within the new statements themselves.
    """
    sts = corpus.statements
    label = [a.label for a in corpus.actors]
    fresh = set(new)
    pairs = sorted({(sts[i].subject, sts[i].object) for i in new if sts[i].relation in signs},
                   key=lambda p: (label[p[0]], label[p[1]]))
    words = {1: "for", -1: "against"}
    out = []
    for s, o in pairs:
        story = pair_stance(corpus, s, o, signs=signs, statements=sorted(set(before) | fresh))
        scores = {p.period: p.score for p in story.periods}
        for turn in story.turning_points:
            flipped = [i for i in turn.statements if i in fresh]
            if not flipped:
                continue
            out.append(Item("flip", f"{label[s]} → {label[o]}",
                            f"{words[turn.from_sign]} in {turn.before}, {words[turn.to_sign]} in {turn.period}",
                            {"from": turn.from_sign, "to": turn.to_sign, "before_period": turn.before,
                             "period": turn.period, "before_score": round(scores[turn.before], 3),
                             "score": round(scores[turn.period], 3)},
                            [evidence(corpus, i) for i in sorted(flipped, key=lambda i: sts[i].date or "")
                             [:EVIDENCE_PER_ITEM]]))
    return out


# ---------------------------------------------------------------- what the previous digest had seen

# An article graph written without provenance (by another tool) has no hash: it counts as seen once seen.
HASHES_QUERY = """SELECT ?a (SAMPLE(?hash) AS ?h) WHERE {
  GRAPH ?a { ?a a pk:Article . OPTIONAL { ?a pk:contentHash ?hash } }
} GROUP BY ?a"""


def article_hashes(store: GraphStore) -> dict[str, str]:
    """Return each stored article's IRI and content hash (what changes when an article is re-ingested)."""
    return {a: h or "" for a, h in store.query(HASHES_QUERY).rows}


def state_beside(store: str | os.PathLike[str] | None) -> Path:
    """Return the digest state file kept beside a store folder: ``<store>-digests.json`` in its parent folder."""
    from kg.store.base import is_endpoint, store_path

    if is_endpoint(store):
        raise InputError("a store at a URL keeps no digest state beside it: pass --state FILE")
    folder = store_path(store).resolve()
    return folder.parent / f"{folder.name}-digests.json"


@dataclass
class DigestState:
    """What the previous digest saw: when it was made and every article (IRI to content hash) then stored."""

    made: str
    seen: dict[str, str]


def read_state(path: str | os.PathLike[str]) -> DigestState | None:
    """Return the digest state in ``path``, None when there is none yet."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return DigestState(str(data["made"]), {str(k): str(v) for k, v in dict(data["seen"]).items()})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{p} is not a digest state file ({exc}): delete it, or give a date to --since") from exc


def write_state(path: str | os.PathLike[str], state: DigestState) -> None:
    """Write the digest state to ``path`` whole (see :mod:`kg.views.output`)."""
    from kg.views.output import write_output

    write_output(path, json.dumps({"made": state.made, "seen": state.seen}, indent=1, sort_keys=True) + "\n")


def unseen(now: dict[str, str], previous: DigestState | None) -> list[str]:
    """Return the articles stored now that the previous digest did not see (or saw with another text)."""
    seen = previous.seen if previous else {}
    return sorted(iri for iri, h in now.items() if seen.get(iri) != h)
