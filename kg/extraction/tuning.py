"""The numbers the extractor runs on, in one named table.

Confidences are what a statement starts from before the certainty of its
references is multiplied in; windows are in tokens; depths bound the walks up
and down the parse (odd parses can loop). Change a value here, never inline,
and re-run ``make eval`` on both gold sets.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    # -- base confidence of a statement, by the construction it was read from
    active_verb: float = 0.85
    passive_verb: float = 0.8
    phrase: float = 0.85           # "hit out at", "take legal action against"
    idiom: float = 0.75            # "slapped a penalty on", "came under fire from"
    event_noun: float = 0.75       # "launched an investigation into"
    role: float = 0.8              # titles and appositions
    speech: float = 0.65           # stance read from what someone said
    shared_subject: float = 0.8    # a subject carried across "but", participles, sentences (multiplied in)
    implied_agent: float = 0.55    # agentless passive: the enforcer of the surrounding text
    enforcer_before: float = 0.9   # certainty of an enforcer found in the sentences before (same sentence: 1.0)
    enforcer_dominant: float = 0.8  # certainty of the article's main enforcer, named nowhere near

    # -- certainty of a reference, by how it was resolved
    name: float = 1.0
    short_name: float = 0.95       # a person's one-word name ("Musk")
    misspelt_name: float = 0.8     # a name one letter off a registry name ("Kier Starmer")
    description: float = 0.85      # "the regulator"
    pronoun: float = 0.75          # "it", "she"
    group_member: float = 0.8      # one member of "the firms", "they"
    possessor: float = 0.9         # "the Commission's decision" standing for the Commission
    home_government: float = 0.8   # a minister's government taken from the article's country
    hedged: float = 0.6            # a statement the text only hedges ("may have", "reportedly"; multiplied in)

    # -- windows and depths
    description_window: int = 400  # tokens back a description may look for its entity
    pronoun_window: int = 120      # tokens back a pronoun may look, after the subjects of nearby sentences
    pronoun_sentences: int = 3     # previous sentences whose subjects a pronoun may mean
    group_window: int = 300        # tokens back a plural description may look for a coordinated group
    plural_pronoun_span: int = 200  # a plural pronoun's group must be within this many tokens of its sentence
    enforcer_window: int = 600     # tokens back an agentless passive may look for its enforcer
    subject_depth: int = 4         # nested clauses searched for a subject
    chain_depth: int = 6           # clause chain walked for modality and control
    climb_depth: int = 8           # heads climbed from a participle or an if-clause
    title_span: int = 6            # tokens before a noun in which a compound name counts as its referent


TUNING = Tuning()
