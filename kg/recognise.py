"""Recognise stage: find the actors an article names.

spaCy's NER finds people, organisations, places and laws; a spaCy entity
ruler placed before it applies the ontology's registry of known actors
(``ontology/actors.ttl``), so known names get their registry type and IRI.
Unknown organisations are typed from cue words in their names ("... Court",
"... Act") and, failing that, from the NER label. Definite descriptions
("the regulator") and pronouns are left for :mod:`kg.resolve`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import load_model, model_name
from .ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

_NER_KEPT = {"PERSON", "ORG", "GPE", "LAW", "NORP"}


@dataclass
class Mention:
    """One place where the text names an actor."""

    start: int            # first token (doc index)
    end: int              # one past the last token
    text: str             # cleaned surface form ("Mr Musk" -> "Musk")
    type: str | None      # ontology class, None while unknown
    iri: str | None       # registry IRI when the registry knows the name
    kind: str             # "registry", "ner", "description", "pronoun"
    honorific: str | None = None
    entity: int | None = None  # index into the resolved entity list


@functools.lru_cache(maxsize=2)
def pipeline(model: str | None = None) -> Language:
    """Return the spaCy pipeline with the actor registry's ruler added, cached."""
    name = model_name(model)
    nlp = load_model(name)
    ont = load_ontology()
    ruler = nlp.add_pipe("entity_ruler", name="kg_actor_ruler", before="ner",
                         config={"overwrite_ents": True, "validate": False})
    patterns = []
    for actor in ont.actors.values():
        for alias in actor.names:
            patterns.append({"label": actor.type, "pattern": alias, "id": actor.iri})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    # The tokenizer reads a lone capital before a full stop as an initial
    # ("J."); for a one-letter name such as X, split the stop off.
    for actor in ont.actors.values():
        for alias in actor.names:
            if len(alias) == 1 and alias.isupper():
                special = [{"ORTH": alias}, {"ORTH": "."}]
                nlp.tokenizer.add_special_case(f"{alias}.", special)  # type: ignore[union-attr]
    return nlp


def clean_span(span: Span, honorifics: frozenset[str],
               leading: frozenset[str] = frozenset()) -> tuple[int, int, str | None]:
    """Return the span's bounds without leading articles, honorifics and a trailing "'s"."""
    start, end = span.start, span.end
    doc = span.doc
    honorific = None
    while start < end - 1 and doc[start].lower_ in leading | honorifics:
        if doc[start].lower_ in honorifics:
            honorific = doc[start].lower_.rstrip(".")
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start > 0 and doc[start - 1].lower_ in honorifics:
        honorific = doc[start - 1].lower_.rstrip(".")
    return start, end, honorific


def span_text(doc: Doc, start: int, end: int) -> str:
    """Return the text of tokens ``start:end`` with possessive endings dropped."""
    text = doc[start:end].text
    return re.sub(r"[’']s?$", "", text).strip()


def recognise(doc: Doc, ont: Ontology | None = None) -> list[Mention]:
    """Return the named actors in ``doc``, in text order."""
    ont = ont or load_ontology()
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ in ont.classes:
            start, end, honorific = clean_span(ent, ont.honorifics, ont.words("determiner"))
            actor = ont.actors.get(ent.ent_id_)
            mentions.append(Mention(start, end, span_text(doc, start, end), ent.label_,
                                    actor.iri if actor else None, "registry", honorific))
            continue
        if ent.label_ not in _NER_KEPT:
            continue
        start, end, honorific = clean_span(ent, ont.honorifics, ont.words("determiner"))
        text = span_text(doc, start, end)
        if not text or not any(c.isupper() for c in text) or len(text) < 2:
            continue
        if " " not in text and text in ont.classes["Company"].name_cues:
            continue  # "AI", "Group": a company suffix alone names nobody
        title = ont.role_for(f"{doc[start - 2].text} of {text}") if start >= 2 else None
        if end - start == 1 and doc[start - 1].lower_ == "of" and title is not None and len(title.title) == 3:
            continue  # the "State" of "Secretary of State" is part of a title
        if ent.label_ == "NORP":
            # A demonym alone ("Brazilian") names no actor; the resolver uses it
            # as a modifier. A named group ("the Brazilian Bar Association") is
            # an organisation if its name carries a cue.
            cue = ont.type_from_name(text)
            if cue is None or len(text.split()) < 2:
                continue
            mentions.append(Mention(start, end, text, cue, None, "ner", honorific))
            continue
        if text.lower() in ont.description_index and len(text.split()) == 1:
            # "the Government", "the Commission": a description, not a name.
            mentions.append(Mention(start, end, text, None, None, "description"))
            continue
        if ent.label_ == "PERSON":
            typ: str | None = "Person"
            cue = ont.type_from_name(text)
            last_cue = ont.type_from_name(text.split()[-1]) if len(text.split()) > 1 else None
            if cue and cue != "Person" and len(text.split()) > 1 and (
                    not _is_personal_name(doc, start, end) or last_cue == cue):
                typ = cue  # "Zentrix Labs": an organisation's suffix outweighs a name-like shape
            elif _titles_a_name(doc, end, ont) is not None:
                typ = _titles_a_name(doc, end, ont)  # "Activision Blizzard CEO Bobby Kotick"
        elif ent.label_ == "GPE":
            # Places the registry does not know (cities, regions) are not actors.
            continue
        else:
            typ = ont.type_from_name(text) or ont.class_for_ner(ent.label_)
        mentions.append(Mention(start, end, text, typ, None, "ner", honorific))
    mentions += _honorific_names(doc, mentions, ont.honorifics, ont)
    mentions.sort(key=lambda m: m.start)
    _take_company_suffixes(doc, mentions, ont)
    return mentions


def _take_company_suffixes(doc: Doc, mentions: list[Mention], ont: Ontology) -> None:
    """Extend a name over a company suffix the recogniser left out ("Kakao" + "Corp"), so the name is the
    phrase's head; the text (and so the entity) stays the name without the suffix."""
    suffixes = ont.classes["Company"].name_cues
    starts = {m.start for m in mentions}
    for m in mentions:
        while m.end < len(doc) and m.end not in starts and doc[m.end].text in suffixes and doc[m.end].is_title:
            m.end += 1


def _is_single_title(ont: Ontology, tok: Token) -> bool:
    role = ont.role_for(tok.text)
    return role is not None and len(role.title) == 1 and role.relation in {"leads", "memberOf"}


def _honorific_names(doc: Doc, found: list[Mention], honorifics: frozenset[str],
                     ont: Ontology | None = None) -> list[Mention]:
    """Return people named by an honorific or a title and capitalised words the NER missed ("Mr Vance",
    "Representative Raja Krishnamoorthi")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    i = 0
    while i < len(doc) - 1:
        tok = doc[i]
        titled = tok.lower_ in honorifics or (ont is not None and tok.pos_ == "PROPN" and tok.is_title
                                              and _is_single_title(ont, tok))
        if titled and tok.text[0].isupper() and i + 1 not in taken and i not in taken:
            end = i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[0].isupper() and end not in taken:
                end += 1
            if end > i + 1:
                honorific = tok.lower_.rstrip(".") if tok.lower_ in honorifics else None
                out.append(Mention(i + 1, end, span_text(doc, i + 1, end), "Person", None, "ner", honorific))
                i = end
                continue
        i += 1
    return out


def _titles_a_name(doc: Doc, end: int, ont: Ontology) -> str | None:
    """Return the class a role title right after a name implies for that name, when a person's name follows
    ("Activision Blizzard CEO Bobby Kotick": a company)."""
    for n in (2, 1):
        if end + n < len(doc) and doc[end + n].ent_type_ in {"PERSON", "Person"}:
            role = ont.role_for(doc[end:end + n].text)
            if role is not None and role.holder_class and len(role.title) == n:
                return role.holder_class
    return None


def _is_personal_name(doc: Doc, start: int, end: int) -> bool:
    return all(t.is_title or not t.is_alpha for t in doc[start:end]) and end - start <= 4 and not any(
        t.lower_ in {"of", "for"} for t in doc[start:end])
