"""The attribute ruler's indexed match gives exactly spaCy's matches, so the pipeline annotates as before."""

from __future__ import annotations

import pytest

from kg.extraction.fastrules import indexed_match, speed_up_attribute_ruler
from kg.extraction.model import load_model

#: Our own sentences, written to reach the ruler's rare rules: contractions, "gonna", "y'all", an expletive
#: "there", auxiliaries and passives, pronouns as subjects and objects, determiners used alone, runs of spaces.
SENTENCES = [
    "Y'all gonna see it, ain't we? Let's wait. C'mon, we gotta go.",
    "There is a fine, and there were two appeals.  \n\n  The regulator   said so.",
    "I fined it. You have it; it has you. Did I? Do you? Does it? Had they?",
    "The app was banned by the court, which had ruled that this was unlawful.",
    "That is what the ministry wants, and those who disagree will appeal.",
    "She gets the report on Monday; he got it on Friday and has read it.",
    "Ofcom said it would investigate X, but the company did not respond.",
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    return load_model()


def test_the_indexed_match_is_spacys_match(nlp) -> None:  # noqa: ANN001
    ruler = nlp.get_pipe("attribute_ruler")
    fast = indexed_match(ruler)
    assert fast is not None
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(SENTENCES * 3 + [" ".join(SENTENCES)]))
    for doc in docs:
        assert fast(doc) == ruler.match(doc), doc.text
    assert sum(len(fast(d)) for d in docs) > sum(len(d) for d in docs)  # nearly every token matches some rule


def test_a_sped_up_pipeline_annotates_as_spacys(nlp) -> None:  # noqa: ANN001
    sped = load_model()
    assert speed_up_attribute_ruler(sped)
    for ours, theirs in zip(sped.pipe(SENTENCES), nlp.pipe(SENTENCES), strict=True):
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in ours] == \
               [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in theirs]


def test_a_rule_of_an_unknown_form_keeps_spacys_match(nlp) -> None:  # noqa: ANN001
    from spacy.lang.en import English

    blank = English()
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "fine"}]], {"LEMMA": "fine"})
    assert indexed_match(ruler) is not None
    ruler.add([[{"LENGTH": {">=": 3}}]], {"NORM": "long"})  # a comparison on another attribute
    assert indexed_match(ruler) is None
    assert not speed_up_attribute_ruler(blank)
    assert "match" not in vars(ruler)  # spaCy's own method stays
    assert not speed_up_attribute_ruler(English())  # no ruler at all


def test_kg_pipeline_uses_the_indexed_match() -> None:
    from kg.extraction.recognise import pipeline

    assert "match" in vars(pipeline(None).get_pipe("attribute_ruler"))
