"""MkDocs hook: the ontology reference page, written at build time from the ontology's Turtle files.

The page ``reference/ontology.md`` is not in the repository: :func:`render`
reads ``ontology/*.ttl`` (through :func:`kg.vocabulary.ontology.load_ontology`,
as the extractor does) and lists the actor classes with the words that type
an unknown name, the relations with their trigger words, groups, type
constraints and event-data codes, the role titles, the statement model's
properties and the cue words. A word added to the Turtle shows on the next
build.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

PAGE = "reference/ontology.md"


def _code(words: Any) -> str:
    words = sorted(words, key=str.casefold)
    return ", ".join(f"`{w}`" for w in words) if words else "-"


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def render() -> str:
    """Return the ontology reference page as Markdown."""
    from rdflib import OWL, RDF, RDFS, SKOS, URIRef

    from kg.vocabulary.namespace import PK, PREFIXES
    from kg.vocabulary.ontology import load_ontology, ontology_dir

    onto = load_ontology()
    g = onto.graph

    def term(name: str) -> URIRef:
        return URIRef(PREFIXES["pk"] + name)

    def strings(subject: Any, prop: Any) -> list[str]:
        return sorted({str(o) for o in g.objects(subject, prop)}, key=str.casefold)

    files = sorted(p.name for p in ontology_dir().glob("*.ttl"))
    version = g.value(URIRef("https://policy-kg.org/ns"), OWL.versionInfo)
    registry = Counter(a.type for a in onto.actors.values())
    out = [
        "# Ontology reference",
        "",
        "This page is generated when the documentation is built, from the Turtle files the extractor reads "
        f"(`ontology/`: {', '.join(f'`{f}`' for f in files)}; ontology version {version}, {len(g):,} triples). "
        "The files are the one source of the vocabulary: to add a trigger word, a class cue or a role title, "
        "edit them; nothing in the Python code repeats these words.",
        "",
        "Namespaces: " + "; ".join(f"`{p}:` is `{PREFIXES[p]}` ({what})" for p, what in (
            ("pk", "classes and relations"), ("pkid", "actors"), ("pkart", "article graphs"),
            ("pkst", "statements"))) + ".",
        "",
        "## Actor classes",
        "",
        "An actor has exactly one of these types. *Name cues* are words that type an unknown name that "
        "contains them (\"... Authority\" is a Regulator); *description nouns* are the nouns a text uses to "
        "refer back to an actor of the class (\"the watchdog\"); *NER label* is the spaCy entity label read "
        "as the class when nothing else decides. *Registry* counts the built-in actors of the class "
        "(`ontology/actors*.ttl`).",
        "",
        "| class | what | name cues | description nouns | NER label | registry |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, cls in sorted(onto.classes.items()):
        comment = _text(g.value(term(name), RDFS.comment)) or cls.label
        flags = [f for f, on in (("collective", cls.organisational), ("enforcer", cls.enforcer)) if on]
        what = comment + (f" ({', '.join(flags)})" if flags else "")
        out.append(f"| `pk:{name}` | {what} | {_code(cls.name_cues)} | {_code(cls.description_nouns)} | "
                   f"{_code(cls.ner_labels)} | {registry.get(name, 0)} |")
    out += ["", "*Collective*: \"it\" and \"they\" may stand for the actor. *Enforcer*: the implied agent of an "
            "agentless \"was fined\" is one of these.", ""]

    out += ["## Relations", "",
            "Each relation is an `owl:ObjectProperty` between two actors. Its trigger words are of three kinds: "
            "*verbs* (a lemma whose direct object is the target: `fine` reads \"fined Apple\" and \"Apple was "
            "fined by\"), *phrases* (a head word followed by words that hang below it in the parse: "
            "\"hit out at\") and *nouns* (an event noun whose possessor or light-verb subject is the agent and "
            "whose complement is the target: \"opened an investigation into\"; a noun written with a "
            "preposition takes only that one). *Types* restrict the subject and object; *events* gives the "
            "PLOVER category and CAMEO root code the relation closely matches (`ontology/alignment.ttl`). "
            "*Stance* is the sign a statement of the relation adds to a pair's stance (`kg timeline`).", ""]
    order = ["stance", "interaction", "enforcement", "structure"]   # as the explorer lists them; others after
    groups = sorted({str(grp) for grp in g.subjects(RDF.type, PK.RelationGroup)},
                    key=lambda iri: (order.index(iri.rsplit("-", 1)[-1]) if iri.rsplit("-", 1)[-1] in order
                                     else len(order), iri))
    for group_iri in groups:
        group = URIRef(group_iri)
        short = group_iri.rsplit("-", 1)[-1]
        members = [r for r in onto.relations.values() if r.group == short]
        out += [f"### {_text(g.value(group, RDFS.label))}", "",
                f"{_text(g.value(group, RDFS.comment))} Select the whole group with `--relation {short}`.", "",
                "| relation | verbs | phrases | nouns | types, stance | events |",
                "| --- | --- | --- | --- | --- | --- |"]
        for rel in members:
            prop = term(rel.name)
            types = []
            if rel.subject_types:
                types.append("subject " + ", ".join(sorted(rel.subject_types)))
            if rel.object_types:
                types.append("object " + ", ".join(sorted(rel.object_types)))
            if rel.symmetric:
                types.append("symmetric")
            sign = g.value(prop, term("stanceSign"))
            if sign is not None:
                types.append(f"stance {int(getattr(sign, 'value', 0)):+d}")
            codes = []
            for match in g.objects(prop, SKOS.closeMatch):
                scheme, _, code = str(match).rpartition("#")
                codes.append(("PLOVER " if scheme.endswith("plover") else "CAMEO ") + code)
            out.append(f"| `pk:{rel.name}` | {_code(strings(prop, PK.verb))} | {_code(strings(prop, PK.phrase))} "
                       f"| {_code(strings(prop, PK.noun))} | {'; '.join(types) or '-'} | "
                       f"{', '.join(sorted(codes)) or '-'} |")
        out.append("")

    out += ["## Role titles", "",
            "A role title links the person who holds it to an organisation (\"Meta's chief executive Mark "
            "Zuckerberg\" leads Meta). *Government*: with no organisation named, the holder belongs to (or "
            "leads) the government of the country the title or the article names; *legislature*: the holder "
            "sits in the legislature whose member title it is; *holder of*: a name right before the title is of "
            "that class (\"Acme CEO Jo Lee\").", "",
            "| relation | implies | titles |", "| --- | --- | --- |"]
    for role in sorted(g.subjects(RDF.type, PK.RoleTitle), key=str):
        relation = g.value(role, PK.relationOf)
        implies = [w for w, p in (("government", PK.impliesGovernment), ("legislature", PK.impliesLegislature))
                   if getattr(g.value(role, p), "value", None) is True]
        holder = g.value(role, PK.holderOf)
        if holder is not None:
            implies.append("holder of " + str(holder).rsplit("#", 1)[-1])
        out.append(f"| `pk:{str(relation).rsplit('#', 1)[-1]}` | {', '.join(implies) or '-'} | "
                   f"{_code(strings(role, PK.title))} |")
    out.append("")

    out += ["## Statement model and bookkeeping", "",
            "The properties a stored statement, article or curation decision carries "
            "([the model of the graph](graph-model.md) shows them in use).", "",
            "| term | kind | domain | range | what |", "| --- | --- | --- | --- | --- |"]
    relations = {term(name) for name in onto.relations}
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for s in g.subjects(RDF.type, kind):
            if isinstance(s, URIRef) and str(s).startswith(str(PK)) and s not in relations:
                terms.add((s, kind))
    for s, kind in sorted(terms, key=lambda t: (t[1] != OWL.Class, str(t[0]).casefold())):
        name = str(s).rsplit("#", 1)[-1]
        if kind == OWL.Class and (name in onto.classes or name in {"Actor", "Relation", "RelationGroup",
                                                                     "RoleTitle", "Lexicon"}):
            continue

        def shown(v: Any) -> str:
            if v is None:
                return "-"
            text = str(v)
            for prefix, ns in (("pk:", str(PK)), ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
                               ("prov:", "http://www.w3.org/ns/prov#")):
                if text.startswith(ns):
                    return f"`{prefix}{text[len(ns):]}`"
            return f"`{text}`"

        kind_name = {OWL.Class: "class", OWL.ObjectProperty: "object property",
                     OWL.DatatypeProperty: "datatype property"}[kind]
        domain = shown(g.value(s, RDFS.subClassOf)) if kind == OWL.Class else shown(g.value(s, RDFS.domain))
        out.append(f"| `pk:{name}` | {kind_name} | {domain} | {shown(g.value(s, RDFS.range))} | "
                   f"{_text(g.value(s, RDFS.comment)) or _text(g.value(s, RDFS.label)) or '-'} |")
    out += ["", "For a class, *domain* shows the class it specialises.", ""]

    out += ["## Cue words", "",
            "Word lists the extractor reads from `pk:lexicon` in `ontology/policy-kg.ttl`: what negates or "
            "qualifies a statement, light verbs and event nouns, pronouns, and the lines of site furniture the "
            "reader drops. The comments in the Turtle file say what each list is for.", "",
            "| list | words |", "| --- | --- |"]
    for name in sorted(onto.lexicon, key=str.casefold):
        out.append(f"| `pk:{name}` | {_code(onto.lexicon[name])} |")
    out.append("")
    return "\n".join(out)


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    files.append(File.generated(config, PAGE, content=render()))
    return files
