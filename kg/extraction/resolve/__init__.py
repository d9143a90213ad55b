"""Resolve stage: group mentions into entities, and find what descriptions and pronouns refer to.

Part of :mod:`kg.extraction`; it may import :mod:`kg.extraction.recognise` and the layers below extraction.

Within one article, in order:

1. names (:mod:`.names`): a registry IRI, a full name, its surname or trailing
   part ("Musk", "Inman Grant"), an acronym ("FTC") -> one entity each, held
   in the :class:`~.entities.EntityTable`; a country with a government in the
   registry acts through that government;
2. descriptions (:mod:`.descriptions`): "the regulator", "the Government",
   "the judge", "the firms";
3. pronouns (:mod:`.pronouns`): he/she, it/its, they/them by salience.

The result, :class:`Resolution`, lists live entities only (merged ones are
gone) and maps each referring token to one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.recognise import Mention
from kg.extraction.resolve.descriptions import is_description, resolve_description, type_list_members
from kg.extraction.resolve.entities import Entity, EntityTable
from kg.extraction.resolve.names import relocate_generic_names, resolve_names
from kg.extraction.resolve.pronouns import resolve_first_person, resolve_pair_reference, resolve_pronoun
from kg.extraction.resolve.state import ResolveState
from kg.vocabulary.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Entity", "EntityTable", "Resolution", "resolve"]


@dataclass
class Resolution:
    """The entities of one article and, per token, the entity it refers to."""

    entities: list[Entity]
    token_entity: dict[int, int]          # token index -> entity index
    token_certainty: dict[int, float]     # how sure the reference is (1.0 for names)
    groups: dict[int, list[int]]          # token index of a plural reference -> entity indexes
    home_government: int | None = None


def resolve(doc: Doc, mentions: list[Mention], ont: Ontology, *, dateline: str | None = None) -> Resolution:
    """Return the article's entities and what each referring token points to (``dateline``: the place the story
    was filed from, which says which country it is about where its names leave that open)."""
    st = ResolveState(doc, ont, dateline=dateline)
    resolve_names(st, mentions)
    type_list_members(st)
    # The home country is decided by the names alone, before a description ("the government") adds its guess.
    st.home_government()
    relocate_generic_names(st)
    described = {m.start for m in mentions if m.kind == "description"}
    pronouns = st.words("malePronoun") | st.words("femalePronoun") | st.words("neuterPronoun") | st.words(
        "pluralPronoun")
    pairs = st.words("pairReference")
    # (each word's part of speech and form read from the document's columns: a Token is made only for a word that
    # may refer)
    tokens = st.tokens
    for i, (pos, lower) in enumerate(zip(memo.column(doc, "pos_"), memo.column(doc, "lower_"), strict=True)):
        if i in st.token_entity and i not in described:
            continue
        if not (pos == "PRON" and lower in pronouns or lower in pairs or i in described or pos in {"NOUN", "PROPN"}):
            continue  # (none of the readings below can take it)
        token = tokens[i]
        if pos == "PRON" and lower in pronouns:
            resolve_pronoun(st, token)
        elif lower in pairs:
            resolve_pair_reference(st, token)
        elif token.i in described or (pos in {"NOUN", "PROPN"} and is_description(st, token)):
            resolve_description(st, token)
    resolve_first_person(st)
    home = st.home_government()  # may add the government entity: before the table is compacted
    entities, remap = st.table.compact()
    for m in mentions:
        if m.entity is not None:
            m.entity = remap[m.entity]
    return Resolution(
        entities=entities,
        token_entity={t: remap[i] for t, i in st.token_entity.items()},
        token_certainty=dict(st.token_certainty),
        groups={t: list(dict.fromkeys(remap[i] for i in members)) for t, members in st.groups.items()},
        home_government=None if home is None else remap[home],
    )
