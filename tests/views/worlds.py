"""Test worlds for the view tests, written into a store without the spaCy model.

``SMALL_*`` is a dozen statements of this suite's own sentences; ``scale_world``
generates about 1,200 actors and 5,600 statements (deterministic). Both are
written in the RDF shape ``kg ingest`` writes (README, "The model of the
graph"): one named graph per article, statements with evidence, article,
date, rule, confidence, modality and negation.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import Literal, URIRef

from kg.vocabulary.namespace import DCTERMS, PK, PKART, PKID, PKST, RDF, RDFS, XSD, pk_term


@dataclass(frozen=True)
class A:
    """An actor of a test world."""

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Art:
    """An article of a test world."""

    id: str
    title: str | None
    date: str | None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class S:
    """A statement of a test world."""

    article: str
    subject: str
    relation: str
    object: str
    sentence: str
    confidence: float = 0.8
    modality: str = "asserted"
    negated: bool = False
    rule: str = "active verb"


SMALL_ACTORS = [
    A("northland-data-authority", "Northland Data Authority", "Regulator", ("NDA", "the Authority")),
    A("acme-social", "Acme Social", "Company", ("Acme",)),
    A("zeta-chat", "Zeta Chat", "Platform"),
    A("jane-roe", "Jane Roe", "Person", ("Roe",)),
    A("tom-quill", "Tom Quill", "Person", ("Quill",)),
    A("quill-systems", "Quill Systems", "Company", ("Quill",)),
    A("northland-government", "Northland Government", "GovernmentBody"),
    A("orbit-labs", "Orbit Labs", "Company"),
    A("orbit-assistant", "Orbit Assistant", "AISystem"),
    A("southland-court", "Southland Court", "Court"),
    A("online-harms-act", "Online Harms Act", "Legislation"),
]

SMALL_ARTICLES = [
    Art("nda-fines-acme", "Northland regulator fines Acme Social", "2024-01-15", "Example Policy Wire",
        "https://example.org/news/nda-fines-acme"),
    Art("acme-appeals", "Acme Social appeals the Northland fine", "2024-02-03"),
    Art("orbit-ban", "Northland bans Orbit Assistant on official phones", "2024-06-20"),
    Art("court-orders-zeta", "Court orders Zeta Chat to verify ages", "2025-03-11", "Example Courts Desk"),
    Art("undated-note", "A note without a date", None),
]

SMALL_STATEMENTS = [
    S("nda-fines-acme", "northland-data-authority", "fines", "acme-social",
      "The Northland Data Authority fined Acme Social four million crowns on Monday.", 0.9),
    S("nda-fines-acme", "northland-data-authority", "investigates", "zeta-chat",
      "The Authority also opened an inquiry into Zeta Chat, the messaging service Acme runs.", 0.7, rule="event noun"),
    S("nda-fines-acme", "acme-social", "owns", "zeta-chat",
      "The Authority also opened an inquiry into Zeta Chat, the messaging service Acme runs.", 0.6, rule="apposition"),
    S("nda-fines-acme", "jane-roe", "leads", "acme-social",
      "Acme Social's chief executive Jane Roe said the company would appeal.", 0.85, rule="role title"),
    S("acme-appeals", "acme-social", "opposes", "northland-data-authority",
      "Acme Social challenged the Northland Data Authority in court on Tuesday.", 0.8),
    S("acme-appeals", "jane-roe", "criticises", "northland-data-authority",
      "Jane Roe attacked the Authority's reasoning as careless.", 0.75),
    S("acme-appeals", "northland-data-authority", "fines", "acme-social",
      "The four million crown fine the Authority imposed on Acme Social stands for now.", 0.65, rule="event noun"),
    S("acme-appeals", "tom-quill", "supports", "northland-data-authority",
      "Minister Tom Quill backed the Northland Data Authority.", 0.8),
    S("acme-appeals", "tom-quill", "memberOf", "northland-government",
      "Minister Tom Quill backed the Northland Data Authority.", 0.7, rule="role title"),
    S("orbit-ban", "northland-government", "bans", "orbit-assistant",
      "The Northland Government banned Orbit Assistant from official phones.", 0.9),
    S("orbit-ban", "orbit-labs", "develops", "orbit-assistant",
      "Orbit Labs, which develops Orbit Assistant, said it was disappointed.", 0.8, rule="relative clause"),
    S("orbit-ban", "northland-data-authority", "investigates", "orbit-labs",
      "The Authority may investigate Orbit Labs next year.", 0.6, modality="hedged"),
    S("orbit-ban", "quill-systems", "cooperatesWith", "orbit-labs",
      "Quill Systems partnered with Orbit Labs on a safer model.", 0.7),
    S("court-orders-zeta", "southland-court", "orders", "zeta-chat",
      "The Southland Court ordered Zeta Chat to verify the ages of its users.", 0.9),
    S("court-orders-zeta", "zeta-chat", "violates", "online-harms-act",
      "The court found that Zeta Chat breached the Online Harms Act.", 0.8),
    S("court-orders-zeta", "northland-government", "bans", "zeta-chat",
      "The Northland Government did not ban Zeta Chat outright.", 0.7, negated=True),
    S("undated-note", "northland-data-authority", "fines", "acme-social",
      "The Authority fined Acme Social again, a spokesperson said.", 0.5),
]


def write_world(path: Path, actors: list[A], articles: list[Art], statements: list[S]) -> Path:
    """Write a test world into a store at ``path``, one named graph per article, as ``kg ingest`` would."""
    by_key = {a.key: a for a in actors}
    lines: dict[str, list[tuple[URIRef, URIRef, Any]]] = {}
    for art in articles:
        a = PKART[art.id]
        triples = lines[art.id] = [(a, RDF.type, PK.Article), (a, DCTERMS.identifier, Literal(art.id))]
        if art.title:
            triples.append((a, DCTERMS.title, Literal(art.title)))
        if art.date:
            triples.append((a, DCTERMS.date, Literal(art.date, datatype=XSD.date)))
        if art.source:
            triples.append((a, DCTERMS.source, Literal(art.source)))
        if art.url:
            triples.append((a, PK.url, Literal(art.url)))
    dates = {art.id: art.date for art in articles}
    for n, st in enumerate(statements):
        triples = lines[st.article]
        node = PKST[f"{st.article}-{n:05d}"]
        for key in (st.subject, st.object):
            actor = by_key[key]
            triples += [(PKID[key], RDF.type, pk_term(actor.type)), (PKID[key], RDFS.label, Literal(actor.label)),
                        (PKID[key], PK.mentionedIn, PKART[st.article])]
            triples += [(PKID[key], PK.mention, Literal(alias)) for alias in actor.aliases]
        triples += [
            (node, RDF.type, PK.Statement), (node, RDF.subject, PKID[st.subject]),
            (node, RDF.predicate, pk_term(st.relation)), (node, RDF.object, PKID[st.object]),
            (node, PK.evidence, Literal(st.sentence)), (node, PK.article, PKART[st.article]),
            (node, PK.extractor, Literal("test#verb")), (node, PK.rule, Literal(st.rule)),
            (node, PK.confidence, Literal(f"{st.confidence:.3f}", datatype=XSD.decimal)),
            (node, PK.negated, Literal(st.negated)), (node, PK.modality, Literal(st.modality))]
        if dates[st.article]:
            triples.append((node, DCTERMS.date, Literal(dates[st.article], datatype=XSD.date)))
        if st.modality == "asserted" and not st.negated:
            triples.append((PKID[st.subject], pk_term(st.relation), PKID[st.object]))
    # One N-Quads load (what many `replace_graph` calls would leave, in a fraction of the time).
    nquads = "".join(f"{s.n3()} {p.n3()} {o.n3()} {PKART[art_id].n3()} .\n"
                     for art_id, triples in lines.items() for s, p, o in triples)
    store = pyoxigraph.Store(str(path))
    store.bulk_load(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    del store
    return path


_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "zu", "bel", "dor", "fi", "gan", "hu", "ist", "jor", "ne", "pa"]
_KINDS = [("Regulator", 60, " Authority"), ("Company", 330, " Group"), ("Platform", 200, "Chat"),
          ("Person", 450, ""), ("GovernmentBody", 40, " Government"), ("Court", 30, " Court"),
          ("Legislation", 40, " Act"), ("AISystem", 50, "Mind")]
_VERBS = {"fines": "fined", "investigates": "opened an inquiry into", "bans": "banned", "orders": "ordered",
          "criticises": "criticised", "supports": "backed", "owns": "owns", "leads": "leads", "meets": "met",
          "sues": "sued", "accuses": "accused", "develops": "develops", "cooperatesWith": "partnered with"}
_PAIRS = [("Regulator", "fines", "Company"), ("Regulator", "investigates", "Platform"),
          ("GovernmentBody", "bans", "AISystem"), ("Court", "orders", "Platform"),
          ("Person", "criticises", "Regulator"),
          ("Person", "supports", "GovernmentBody"), ("Company", "owns", "Platform"), ("Person", "leads", "Company"),
          ("Person", "meets", "Person"), ("Company", "sues", "Regulator"), ("Person", "accuses", "Company"),
          ("Company", "develops", "AISystem"), ("Company", "cooperatesWith", "Company")]


def scale_world(seed: int = 7, articles: int = 700, per_article: int = 8) -> tuple[list[A], list[Art], list[S]]:
    """Return a generated world: ~1,200 actors drawn with a long tail, ``articles`` x ``per_article`` statements."""
    rng = random.Random(seed)
    seen: set[str] = set()
    pools: dict[str, list[A]] = {}
    for kind, count, suffix in _KINDS:
        pool = []
        while len(pool) < count:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice([2, 3]))).capitalize()
            if kind == "Person":
                word += " " + "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
            label = word + suffix
            if label in seen:
                continue
            seen.add(label)
            # Aliases as a reader would search them: the bare name, and a short code ("KAL0042").
            aliases = ((word,) if suffix.strip() else ()) + (f"{word[:3].upper()}{len(seen):04d}",)
            pool.append(A(f"gen-{len(seen):05d}", label, kind, aliases))
        pools[kind] = pool
    weights = {k: [1 / (i + 1) ** 0.9 for i in range(len(p))] for k, p in pools.items()}
    arts, sts = [], []
    for n in range(articles):
        art_id = f"gen-article-{n:04d}"
        date = f"{2022 + n % 4}-{1 + (n * 7) % 12:02d}-{1 + (n * 13) % 28:02d}"
        arts.append(Art(art_id, f"Generated report {n}", date, "Generated Wire",
                        f"https://example.org/generated/{n}" if n % 3 == 0 else None))
        for j in range(per_article):
            subj_kind, rel, obj_kind = _PAIRS[(n + j * 5) % len(_PAIRS)]
            s = rng.choices(pools[subj_kind], weights[subj_kind])[0]
            o = rng.choices(pools[obj_kind], weights[obj_kind])[0]
            if s == o:
                continue
            modality = "hedged" if j == 7 and n % 5 == 0 else "asserted"
            sts.append(S(art_id, s.key, rel, o.key, f"In report {n}, {s.label} {_VERBS[rel]} {o.label}.",
                         round(0.5 + 0.05 * ((n + j) % 10), 2), modality=modality, negated=(j == 6 and n % 9 == 0)))
    return [a for p in pools.values() for a in p], arts, sts


# A story over six months, written for the timeline, stance and digest tests: Acme Social backs the Northland
# Data Authority in January and February, turns on it in April (when the Authority fines it), and backs it again
# in June. Orbit Labs appears in April. One April sentence carries markup and a javascript: link, to check the
# digest escapes what an article says.
STORY_ACTORS = [
    A("northland-data-authority", "Northland Data Authority", "Regulator", ("NDA",)),
    A("acme-social", "Acme Social", "Company"),
    A("zeta-chat", "Zeta Chat", "Platform"),
    A("orbit-labs", "Orbit Labs", "Company"),
]

STORY_ARTICLES = [
    Art("acme-backs-code", "Acme Social backs the Northland code", "2024-01-10", "Example Policy Wire",
        "https://example.org/news/acme-backs-code"),
    Art("acme-agrees", "Acme agrees with the regulator on age checks", "2024-02-20"),
    Art("nda-fines-zeta", "Northland fines Zeta Chat", "2024-03-05"),
    Art("acme-turns", "Acme Social turns on the Northland regulator", "2024-04-18", None,
        "javascript:alert('x')"),
    Art("orbit-backs-nda", "Orbit Labs backs the Authority", "2024-04-25", None,
        "https://example.org/news/orbit-backs-nda"),
    Art("acme-backs-again", "Acme Social backs the regulator again", "2024-06-02"),
    Art("undated-aside", "An undated aside", None),
]

STORY_STATEMENTS = [
    S("acme-backs-code", "acme-social", "supports", "northland-data-authority",
      "Acme Social said it supported the Northland Data Authority's new code.", 0.9),
    S("acme-backs-code", "northland-data-authority", "investigates", "zeta-chat",
      "The Authority also opened an investigation into Zeta Chat.", 0.8),
    S("acme-agrees", "acme-social", "agreesWith", "northland-data-authority",
      "Acme Social agreed with the Northland Data Authority on age checks.", 0.8),
    S("nda-fines-zeta", "northland-data-authority", "fines", "zeta-chat",
      "The Northland Data Authority fined Zeta Chat on Tuesday.", 0.9),
    S("acme-turns", "acme-social", "criticises", "northland-data-authority",
      "Acme Social criticised the Northland Data Authority <script>alert('x')</script> over the fine.", 0.85),
    S("acme-turns", "acme-social", "accuses", "northland-data-authority",
      "Acme Social accused the Authority of acting in bad faith.", 0.7),
    S("acme-turns", "northland-data-authority", "fines", "acme-social",
      "The Northland Data Authority fined Acme Social on Thursday.", 0.9),
    S("acme-turns", "acme-social", "supports", "northland-data-authority",
      "Acme Social did not support the Authority's appeal process.", 0.8, negated=True),
    S("acme-turns", "acme-social", "threatens", "northland-data-authority",
      "Acme Social may threaten to leave the Northland market.", 0.6, modality="hedged"),
    S("orbit-backs-nda", "orbit-labs", "supports", "northland-data-authority",
      "Orbit Labs backed the Northland Data Authority.", 0.8),
    S("acme-backs-again", "acme-social", "supports", "northland-data-authority",
      "Acme Social supported the Authority's revised code.", 0.9),
    S("undated-aside", "acme-social", "criticises", "northland-data-authority",
      "Acme Social criticised the Authority in a note.", 0.8),
]
