"""A user's registry file: actors added to the built-in registry, or overriding its entries.

The file is YAML (a list of entries, or ``actors:`` holding one) or CSV (a
header row, one entry per row; ``kg actors --format csv`` writes one). Each
entry has:

- ``label`` (required): the actor's name;
- ``type``: an ontology class (``Regulator``, ``Court``, ...); required for a new actor;
- ``aliases``: other names, a YAML list or one text with ``;`` between names;
- ``wikidata``: a Wikidata id (``Q123``) or its entity URL;
- ``country``: the country whose body it is (a country's name, demonym, or IRI);
- ``iri`` (optional): the actor's IRI or ``pkid:`` slug; by default the slug
  of the label, as the extractor mints for an unknown name.

An entry whose label or an alias is a name of a built-in actor overrides that
actor: it keeps the built-in IRI (so stored articles stay joined) and the
fields the entry leaves out, and takes the ones it gives. A name an entry
gives belongs to it alone: built-in actors lose it as an alias.

Found without ``--registry``: a file ``kg-registry.yaml`` (``.yml``,
``.csv``) in the folder that holds the store folder.

:func:`activate` makes the extraction pipeline use the actors: the default
ontology gets them (:func:`kg.vocabulary.ontology.set_extra_actors`) and the cached
spaCy pipeline, whose registry matcher was built from the old actors, is
rebuilt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import RegistryError
from kg.vocabulary.namespace import PKID, WD
from kg.vocabulary.ontology import Actor, Ontology, read_ontology, set_extra_actors

#: Names of a registry file found beside the store, in the order they are looked for.
REGISTRY_NAMES = ("kg-registry.yaml", "kg-registry.yml", "kg-registry.csv")
FIELDS = ("label", "type", "aliases", "wikidata", "country", "iri")
#: Columns ``kg actors --format csv`` writes that a registry reads past.
IGNORED = ("articles", "descriptions")


@dataclass(frozen=True)
class Entry:
    """One entry of a registry file, checked for form (not yet against the ontology)."""

    where: str                     # "kg-registry.yaml, entry 3" or "registry.csv, line 4"
    label: str
    type: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None    # the entity IRI
    country: str | None = None
    iri: str | None = None
    given: frozenset[str] = field(default_factory=frozenset)   # the fields the entry gives

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


def registry_beside(store: str | os.PathLike[str] | None) -> Path | None:
    """Return the registry file in the folder holding the store folder, if there is one (none for a URL)."""
    from kg.store.base import is_endpoint, store_path

    if is_endpoint(store):
        return None
    folder = store_path(store).resolve().parent
    found = [folder / n for n in REGISTRY_NAMES if (folder / n).is_file()]
    if len(found) > 1:
        raise RegistryError(f"two registry files beside the store: {found[0]} and {found[1]}; keep one")
    return found[0] if found else None


def read_entries(path: str | os.PathLike[str]) -> list[Entry]:
    """Return the entries of the registry file ``path`` (YAML or CSV, by its ending); raise RegistryError."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"cannot read the registry file {p}: {exc}") from exc
    rows = _csv_rows(p, text) if p.suffix.lower() == ".csv" else _yaml_rows(p, text)
    return [_entry(where, row) for where, row in rows]


def _yaml_rows(p: Path, text: str) -> list[tuple[str, dict[str, Any]]]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{p} is not valid YAML: {exc}") from exc
    if isinstance(data, dict) and set(data) == {"actors"}:
        data = data["actors"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise RegistryError(f"{p}: write a list of entries (\"- label: ...\"), or put the list under \"actors:\"")
    out = []
    for n, row in enumerate(data, 1):
        if not isinstance(row, dict):
            raise RegistryError(f"{p.name}, entry {n}: an entry is a mapping such as "
                                "{label: Veltrian Data Authority, type: Regulator}, not {row!r}")
        out.append((f"{p.name}, entry {n}", row))
    return out


def _csv_rows(p: Path, text: str) -> list[tuple[str, dict[str, Any]]]:
    import csv
    import io

    reader = csv.DictReader(io.StringIO(text))
    out = []
    for row in reader:
        where = f"{p.name}, line {reader.line_num}"
        if None in row:
            raise RegistryError(f"{where}: more cells than the header has columns; quote a cell holding a comma")
        cleaned = {k.strip(): v for k, v in row.items() if k is not None and (v or "").strip()}
        if cleaned:
            out.append((where, cleaned))
    return out


def _entry(where: str, row: dict[str, Any]) -> Entry:
    keys = {str(k).strip().lower(): v for k, v in row.items()}
    unknown = sorted(set(keys) - set(FIELDS) - set(IGNORED))
    if unknown:
        raise RegistryError(f"{where}: unknown field {', '.join(repr(u) for u in unknown)}; "
                            f"an entry has {', '.join(FIELDS)}")
    values = {k: v for k, v in keys.items() if k in FIELDS and v is not None and str(v).strip() != ""}
    label = values.get("label")
    if not isinstance(label, str) or not label.strip():
        raise RegistryError(f"{where}: no label; every entry needs the actor's name as its label")
    aliases = values.get("aliases", ())
    if isinstance(aliases, str):
        aliases = aliases.split(";")
    if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str | int | float) for a in aliases):
        raise RegistryError(f"{where}: aliases must be a list of names, or names separated by ';'")
    names = tuple(dict.fromkeys(str(a).strip() for a in aliases if str(a).strip() and str(a).strip() != label))
    for key in ("type", "country", "iri", "wikidata"):
        if isinstance(values.get(key), int | float):
            values[key] = str(values[key])
        if key in values and not isinstance(values[key], str):
            raise RegistryError(f"{where}: {key} must be text, not {values[key]!r}")
    return Entry(where, label.strip(), (values.get("type") or "").strip() or None, names,
                 _wikidata(where, values.get("wikidata")), (values.get("country") or "").strip() or None,
                 _iri(where, values.get("iri")), frozenset(values))


def _wikidata(where: str, value: str | None) -> str | None:
    if value is None:
        return None
    m = re.fullmatch(r"(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?(Q[1-9]\d*)", value.strip())
    if m is None:
        raise RegistryError(f"{where}: wikidata '{value}' is not a Wikidata id; write it as Q123 "
                            "(or https://www.wikidata.org/entity/Q123)")
    return str(WD[m.group(1)])


def _iri(where: str, value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip().removeprefix("pkid:")
    if text.startswith(str(PKID)):
        text = text[len(str(PKID)):]
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text):
        raise RegistryError(f"{where}: iri '{value}' is not an actor IRI; write {PKID}some-name "
                            "or pkid:some-name (lower-case letters, digits and hyphens)")
    return str(PKID[text])


def registry_actors(entries: Sequence[Entry], ont: Ontology) -> tuple[Actor, ...]:
    """Return the actors ``entries`` add or override in ``ont``; raise RegistryError naming the entry and the fix."""
    from kg.sources.article import slug

    by_name: dict[str, set[str]] = {}
    for a in ont.actors.values():
        for n in a.names:
            by_name.setdefault(n.casefold(), set()).add(a.iri)
    countries = _countries(entries, ont)
    out: dict[str, tuple[Entry, Actor]] = {}
    owner: dict[str, Entry] = {}
    for e in entries:
        typ = _class(e, ont)
        base = _overridden(e, ont, by_name)
        country = _country(e, countries) if e.country else None
        if base is None:
            if typ is None:
                raise RegistryError(f"{e.where}: '{e.label}' is not a built-in actor, so it needs a type "
                                    f"(one of {', '.join(sorted(ont.classes))})")
            actor = Actor(iri=e.iri or str(PKID[slug(e.label)]), label=e.label, type=typ, alt_labels=list(e.aliases),
                          jurisdiction=country, same_as=[e.wikidata] if e.wikidata else [])
        else:
            names = list(e.aliases) if "aliases" in e.given else list(base.alt_labels)
            if base.label.casefold() != e.label.casefold():
                names.append(base.label)   # stored articles and texts still use the built-in name
            same_as = [s for s in base.same_as if not s.startswith(str(WD))] + [e.wikidata] if e.wikidata \
                else list(base.same_as)
            # Every field the entry leaves out stays the built-in's (a country's seat "Washington", a union's
            # executive, an owner): a `kg actors` CSV fed back must not change what the pipeline knows.
            actor = dataclasses.replace(base, label=e.label, type=typ or base.type,
                                        alt_labels=sorted(set(names) - {e.label}, key=str.casefold),
                                        jurisdiction=country or base.jurisdiction, same_as=same_as)
        if actor.iri in out:
            raise RegistryError(f"{e.where}: '{e.label}' is the same actor ({actor.iri}) as "
                                f"{out[actor.iri][0].where}; merge the two entries into one")
        for n in actor.names:
            other = owner.get(n.casefold())
            if other is not None and other is not e:   # its own name twice ("ByteDance", "Bytedance") is no clash
                raise RegistryError(f"{e.where}: the name '{n}' is also given by {other.where}; "
                                    "a name may stand for one actor only: drop it from one of them")
            owner[n.casefold()] = e
        out[actor.iri] = (e, actor)
    return tuple(a for _, a in out.values())


def _class(e: Entry, ont: Ontology) -> str | None:
    if e.type is None:
        return None
    key = re.sub(r"\s+", "", e.type).casefold()
    for cls in ont.classes.values():
        if key in (cls.name.casefold(), re.sub(r"\s+", "", cls.label).casefold()):
            return cls.name
    raise RegistryError(f"{e.where}: unknown type '{e.type}'; use one of {', '.join(sorted(ont.classes))}")


def _overridden(e: Entry, ont: Ontology, by_name: dict[str, set[str]]) -> Actor | None:
    """Return the built-in actor ``e`` overrides: the one its IRI names, else the one its names name."""
    if e.iri is not None:
        return ont.actors.get(e.iri)
    hits = sorted({iri for n in e.names for iri in by_name.get(n.casefold(), ())})
    if not hits:
        from kg.sources.article import slug

        return ont.actors.get(str(PKID[slug(e.label)]))
    if len(hits) > 1:
        listing = "; ".join(f"{ont.actors[i].label} ({i})" for i in hits)
        raise RegistryError(f"{e.where}: the names of '{e.label}' belong to {len(hits)} built-in actors: {listing}. "
                            "Give the iri of the one to override, or a new iri for a new actor")
    return ont.actors[hits[0]]


def _countries(entries: Sequence[Entry], ont: Ontology) -> dict[str, str]:
    """Return country name, demonym, slug or IRI (folded) -> country IRI, built-in and from the file."""
    from kg.sources.article import slug

    out: dict[str, str] = {}
    for a in ont.actors.values():
        if a.type == "Country":
            for n in [*a.names, *([a.demonym] if a.demonym else []), a.iri, "pkid:" + a.iri.removeprefix(str(PKID))]:
                out.setdefault(n.casefold(), a.iri)
    for e in entries:
        if e.type and e.type.casefold() == "country":
            iri = e.iri or str(PKID[slug(e.label)])
            for n in (*e.names, iri):
                out.setdefault(n.casefold(), iri)
    return out


def _country(e: Entry, countries: dict[str, str]) -> str:
    assert e.country is not None
    found = countries.get(e.country.casefold())
    if found is None:
        raise RegistryError(f"{e.where}: unknown country '{e.country}'; give a country's name (France), demonym "
                            "(French) or IRI, or add the country as an entry of type Country")
    return found


def load_registry(path: str | os.PathLike[str]) -> tuple[Actor, ...]:
    """Return the actors the registry file ``path`` adds to (or overrides in) the built-in registry."""
    return registry_actors(read_entries(path), read_ontology(None))


def registry_key(actors: Sequence[Actor]) -> str:
    """Return a short digest naming a set of registry actors ("" for none)."""
    if not actors:
        return ""
    return hashlib.sha1(repr(sorted(actors, key=lambda a: a.iri)).encode()).hexdigest()[:12]


def activate(actors: Sequence[Actor]) -> None:
    """Make the pipeline in this process use ``actors`` besides the built-in ones (none: the built-in ones only)."""
    if set_extra_actors(actors, registry_key(actors)):
        from kg.extraction.recognise import pipeline

        pipeline.cache_clear()  # its registry matcher holds the previous actors
