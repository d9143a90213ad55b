"""Warnings, not silence: a record whose date cannot be read is stored without one, and the ingest report says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import api
from kg.cli import main
from kg.sources.read import read_article
from kg.store.embedded import Store

CSV = ('id,title,date,text\n'
       'a1,Fine,not a date,"Ofcom fined Acme Ltd on Monday."\n'
       'a2,Ban,2024-05-06,"Ofcom banned Zeta Ltd on Tuesday."\n')


def test_an_unreadable_date_is_noted_on_the_article(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(CSV, encoding="utf-8")
    first, second = read_article(path)
    assert first.date is None and "the date 'not a date' is not a date" in first.warnings[0]
    assert second.date == "2024-05-06" and second.warnings == []


@pytest.mark.model
def test_the_ingest_report_warns_of_it_and_stores_the_article(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(CSV, encoding="utf-8")
    report = api.ingest(paths=[path], store=tmp_path / "store", workers=1)
    assert report.new == 2
    assert [(loc.endswith("records.csv:2"), "not a date" in why) for loc, why in report.warnings] == [(True, True)]
    with Store(tmp_path / "store", read_only=True) as st:
        dates = dict(st.query("SELECT ?id ?d WHERE { ?a a pk:Article ; dcterms:identifier ?id "
                              "OPTIONAL { ?a dcterms:date ?d } }").rows)
    assert dates == {"a1": None, "a2": "2024-05-06"}
    result = CliRunner().invoke(main, ["ingest", str(path), "--store", str(tmp_path / "store2")])
    assert "not a date" in result.output
