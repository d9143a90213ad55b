"""Property-based tests: generated articles of invented names go through the whole pipeline without a crash.

Every sentence is built here from templates and invented names; hypothesis
varies the names, the constructions and their order.
"""

from __future__ import annotations

import json

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kg.sources.parse import parse_text  # noqa: E402

pytestmark = pytest.mark.model

_SYLLABLES = ["pix", "no", "va", "lum", "vox", "quan", "hal", "zen", "flux", "kin", "mi", "ra", "cor", "dat", "te",
              "gram", "sol", "el", "bo", "ni"]
_FIRST = ["Elena", "Olga", "Farid", "Sami", "Carla", "Zoe", "Ben", "Mara", "Ivo", "Noor"]
_LAST = ["Kowalski", "Petrov", "Varga", "Yilmaz", "Ueda", "Abbott", "Haddad", "Lind", "Novak", "Sato"]
_ORG_SUFFIX = ["Hub", "Chat", " Group", " Inc", " Labs", " Communications Regulator", ""]


def _org(parts: list[str], suffix: str) -> str:
    return "".join(parts).capitalize() + suffix


people = st.builds(lambda f, last: f"{f} {last}", st.sampled_from(_FIRST), st.sampled_from(_LAST))
orgs = st.builds(_org, st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=3), st.sampled_from(_ORG_SUFFIX))
actors = st.one_of(people, orgs, st.builds(lambda c: f"Government of {c.capitalize()}donia",
                                           st.sampled_from(_SYLLABLES)))

_TEMPLATES = [
    "{a} was fined by {b} after a two-year inquiry.",
    "{a} backed {b} in a statement on Friday.",
    "{a} criticised {b} for failing to protect children.",
    "{a} ordered {b} to hand over internal documents.",
    "{a} fined {b} 129 million euros on Monday.",
    "{a} banned {b} from operating in the country.",
    "{b}, which is owned by {a}, said it would appeal.",
    "In a statement, {a} said {b} had broken the law.",
    "{a} chief executive {b} met officials.",
    "Mr {b} told reporters that he would sue {a}.",
    "The regulator opened an investigation into {a}, which {b} runs.",
    "They said {a} and {b} had agreed to cooperate.",
    "{a} is not only fining {b} but forcing it to open its store.",
]

sentences = st.builds(lambda t, a, b: t.format(a=a, b=b), st.sampled_from(_TEMPLATES), actors, actors)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentences, min_size=1, max_size=9), st.booleans())
def test_generated_articles_extract_cleanly(body: list[str], with_date: bool) -> None:
    from kg.extraction.pipeline import extract_articles

    text = ("date 2026-03-02\n\n" if with_date else "") + " ".join(body)
    (ex,) = extract_articles([parse_text(text, article_id="generated")])
    doc = ex.to_json()
    json.dumps(doc)
    labels = [e["label"] for e in doc["entities"]]
    assert all(labels), "an entity without a label reached the output"
    assert len({e["id"] for e in doc["entities"]}) == len(labels), "two entities share an IRI"
    for t in doc["triples"]:
        assert t["subject"] in labels and t["object"] in labels
        assert 0.0 <= t["confidence"] <= 1.0


def test_surname_entities_seen_before_their_full_names_do_not_crash() -> None:
    """A regression: one-word names and merged entities once crashed the surname fold (IndexError)."""
    from kg.extraction.pipeline import extract_articles

    text = ("date 2026-03-02\n\nPixnovaHub was fined by Elena Kowalski after a two-year inquiry. Olga Petrov backed "
            "LumvoxHub in a statement on Friday. Kowalski said Petrov was wrong. Farid Varga ordered Sami Yilmaz to "
            "hand over internal documents. Corquan Labs banned Government of Freedonia from operating in the country.")
    (ex,) = extract_articles([parse_text(text, article_id="regression")])
    assert all(e.label for e in ex.entities)
    assert {"Elena Kowalski", "Olga Petrov"} <= {e.label for e in ex.entities}
