"""Offsets: every evidence sentence and every mention keeps where it stands in the text analysed (the title, a
blank line, the text: ``Article.body``), in ``kg extract`` JSON and in the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import api
from kg.cli import main
from kg.sources.read import read_article
from kg.store.embedded import Store

TEXT = """Regulator fines Korvex

The Northland Data Authority fined Korvex Systems on Monday. The company said it would appeal.
Later, the Northland Data Authority also ordered Korvex Systems to delete the data.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "korvex.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.model
def test_extract_json_gives_the_offsets_of_sentences_and_mentions(article: Path) -> None:
    body = read_article(article)[0].body
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "json"])
    doc = json.loads(result.output)
    assert doc["triples"]
    for t in doc["triples"]:
        assert body[t["sentence_start"]:t["sentence_end"]].strip() == t["sentence"]
    korvex = next(e for e in doc["entities"] if e["label"] == "Korvex Systems")
    said = [body[start:end] for start, end in korvex["mentions"]]
    assert said.count("Korvex Systems") == 2
    starts = [start for start, _ in korvex["mentions"]]
    assert starts == sorted(starts)


@pytest.mark.model
def test_the_store_keeps_the_evidence_offsets(article: Path, tmp_path: Path) -> None:
    body = read_article(article)[0].body
    api.ingest(paths=[article], store=tmp_path / "store", workers=1)
    with Store(tmp_path / "store", read_only=True) as st:
        rows = st.query("SELECT ?e ?s ?f WHERE { ?st pk:evidence ?e ; pk:evidenceStart ?s ; pk:evidenceEnd ?f }").rows
    assert rows
    for evidence, start, end in rows:
        assert " ".join(body[int(start):int(end)].split()) == evidence


@pytest.mark.model
def test_the_store_keeps_every_mention_with_its_offsets(article: Path, tmp_path: Path) -> None:
    """Each span `kg extract` JSON gives an entity is a pk:Mention in the store, with the same offsets and the
    words between them."""
    body = read_article(article)[0].body
    doc = json.loads(CliRunner().invoke(main, ["extract", str(article), "--format", "json"]).output)
    api.ingest(paths=[article], store=tmp_path / "store", workers=1)
    with Store(tmp_path / "store", read_only=True) as st:
        rows = st.query("SELECT ?actor ?s ?e ?words WHERE { ?m a pk:Mention ; pk:mentionOf ?actor ; "
                        "pk:mentionStart ?s ; pk:mentionEnd ?e ; pk:mentionText ?words }").rows
    stored = {(int(s), int(e)) for _, s, e, _ in rows}
    assert stored == {(s, e) for ent in doc["entities"] for s, e in ent["mentions"]}
    for _, start, end, words in rows:
        assert body[int(start):int(end)] == words
    korvex = [words for actor, _, _, words in rows if str(actor).endswith("/korvex-systems")]
    assert korvex.count("Korvex Systems") == 2
