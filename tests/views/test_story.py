"""Following a story: timeline, stance over time and turning points, the changes digest, its saved queries.

On the story world of :mod:`tests.views.worlds` (written without the model): Acme Social backs the Northland
Data Authority in January and February 2024, turns on it in April, backs it again in June.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import api
from kg.cli import main
from kg.errors import InputError
from kg.store.embedded import Store
from kg.views.changes import by_articles, digest, window
from kg.views.digest import to_html, to_markdown
from kg.views.explore import read_corpus
from kg.views.story import period_bounds, period_of, period_range, stance_signs, timeline

ACME, NDA = "Acme Social", "Northland Data Authority"


def corpus_of(store: Path):  # noqa: ANN201 - a Corpus
    with Store(store, read_only=True) as st:
        return read_corpus(st)


@pytest.mark.parametrize(("date", "unit", "period", "first", "last"), [
    ("2024-04-18", "month", "2024-04", "2024-04-01", "2024-04-30"),
    ("2024-02-29", "month", "2024-02", "2024-02-01", "2024-02-29"),
    ("2024-04-18", "week", "2024-W16", "2024-04-15", "2024-04-21"),
    ("2021-01-02", "week", "2020-W53", "2020-12-28", "2021-01-03"),   # ISO weeks cross the year
    ("2024-12-31", "year", "2024", "2024-01-01", "2024-12-31"),
])
def test_periods(date: str, unit: str, period: str, first: str, last: str) -> None:
    assert period_of(date, unit) == period
    assert period_bounds(period, unit) == (first, last)


def test_period_range_keeps_quiet_periods() -> None:
    assert period_range("2023-11", "2024-02", "month") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert period_range("2020-W52", "2021-W01", "week") == ["2020-W52", "2020-W53", "2021-W01"]


def test_stance_signs_come_from_the_ontology() -> None:
    signs = stance_signs()
    assert {r for r, s in signs.items() if s > 0} == {"supports", "agreesWith", "cooperatesWith"}
    assert {r for r, s in signs.items() if s < 0} == {"criticises", "accuses", "opposes", "threatens"}


def test_pair_timeline_rows_and_the_flip(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    acme, nda = corpus.index["https://policy-kg.org/id/acme-social"], corpus.index[
        "https://policy-kg.org/id/northland-data-authority"]
    t = timeline(corpus, acme, nda, unit="month")
    assert t.periods == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    assert [(r.period, r.key, r.count) for r in t.rows] == [
        ("2024-01", "supports", 1), ("2024-02", "agreesWith", 1),
        ("2024-04", "accuses", 1), ("2024-04", "criticises", 1), ("2024-04", "fines", 1),
        ("2024-06", "supports", 1)]
    assert [(r.period, r.key, r.count) for r in t.groups if r.period == "2024-04"] == [
        ("2024-04", "stance", 2), ("2024-04", "enforcement", 1)]
    assert t.undated == 1   # the undated note is counted apart, not placed
    # Acme toward the Authority; the Authority's fine carries no stance, so only one direction has one.
    assert len(t.stances) == 1
    s = t.stances[0]
    assert [(p.period, round(p.score, 3)) for p in s.periods] == [
        ("2024-01", 0.9), ("2024-02", 0.8), ("2024-04", -1.55), ("2024-06", 0.9)]
    assert [(tp.period, tp.before, tp.to_sign) for tp in s.turning_points] == [
        ("2024-04", "2024-02", -1), ("2024-06", "2024-04", 1)]
    flipped = {corpus.sentences[corpus.statements[i].sentence] for i in s.turning_points[0].statements}
    assert flipped == {"Acme Social criticised the Northland Data Authority <script>alert('x')</script> over the "
                       "fine.", "Acme Social accused the Authority of acting in bad faith."}


def test_modal_statements_count_only_when_asked_and_negated_never_in_stance(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    acme, nda = corpus.index["https://policy-kg.org/id/acme-social"], corpus.index[
        "https://policy-kg.org/id/northland-data-authority"]
    t = timeline(corpus, acme, nda, include_modal=True)
    april = {r.key: r.count for r in t.rows if r.period == "2024-04"}
    assert april == {"accuses": 1, "criticises": 1, "fines": 1, "supports": 1, "threatens": 1}
    score = next(p.score for p in t.stances[0].periods if p.period == "2024-04")
    assert round(score, 3) == -2.15   # the hedged threat counts (-0.6); the negated support does not


def test_one_actor_timeline_by_year(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    t = timeline(corpus, corpus.index["https://policy-kg.org/id/northland-data-authority"], unit="year")
    assert t.periods == ["2024"] and not t.stances
    assert {r.key: r.count for r in t.rows} == {"supports": 3, "agreesWith": 1, "investigates": 1, "fines": 2,
                                               "criticises": 1, "accuses": 1}


def test_digest_of_april(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    new, before, baseline, period = window(corpus, "2024-04-01", "2024-04-30")
    d = digest(corpus, new, before, baseline, period=period)
    s = d.sections
    assert [i.title for i in s["actors"]] == ["Orbit Labs"]
    assert sorted(i.title for i in s["pairs"]) == [f"Northland Data Authority → {ACME}",
                                                   "Orbit Labs → Northland Data Authority"]
    # Against March (the 30 days before April): one fine then (Zeta Chat), one fine now (Acme): no change.
    assert {i.title: (i.numbers["before"], i.numbers["now"]) for i in s["rises"]} == {
        "accuses": (0, 1), "criticises": (0, 1), "supports": (0, 1)}
    assert s["falls"] == []
    [flip] = s["flips"]
    assert flip.title == f"{ACME} → {NDA}" and flip.numbers["from"] == 1 and flip.numbers["to"] == -1
    assert flip.numbers["before_period"] == "2024-02"
    assert {e.sentence for e in flip.evidence} == {
        "Acme Social criticised the Northland Data Authority <script>alert('x')</script> over the fine.",
        "Acme Social accused the Authority of acting in bad faith."}
    assert all(e.date == "2024-04-18" and e.article == "acme-turns" for e in flip.evidence)
    assert [(i.title, i.numbers["statements"]) for i in s["enforcers"]] == [(NDA, 1)]
    assert [(i.title, i.detail) for i in s["enforcers"]] == [(NDA, f"against {ACME}")]
    assert [(i.title, i.detail) for i in s["targets"]] == [(ACME, f"by {NDA}")]
    assert [a["id"] for a in d.new_articles] == ["acme-turns", "orbit-backs-nda"]


def test_digest_of_a_quiet_period_lists_only_what_fell(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    new, before, baseline, period = window(corpus, "2024-05-01", "2024-05-31")
    d = digest(corpus, new, before, baseline, period=period)
    assert d.statements == 0 and not d.new_articles
    assert [k for k, items in d.sections.items() if items] == ["falls"]
    # Against April (the 31 days before May): every April relation fell to nothing.
    assert {i.title: (i.numbers["before"], i.numbers["now"]) for i in d.sections["falls"]} == {
        "accuses": (1, 0), "criticises": (1, 0), "fines": (1, 0), "supports": (1, 0)}
    assert "No new statement in this period." in to_markdown(d) and 'id="nothing"' in to_html(d)


def test_digest_by_articles_compares_with_every_other_article(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    new, before, baseline = by_articles(corpus, ["https://policy-kg.org/article/acme-backs-again"])
    d = digest(corpus, new, before, baseline, period="one article")
    assert d.statements == 1 and not d.sections["pairs"] and not d.sections["actors"]
    assert [(i.title, i.numbers["before_period"]) for i in d.sections["flips"]] == [(f"{ACME} → {NDA}", "2024-04")]


def test_flips_within_the_period_are_listed_too(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    new, before, baseline, period = window(corpus, "2024-02-01", "2024-06-30")
    flips = digest(corpus, new, before, baseline, period=period).sections["flips"]
    assert [(f.title, f.detail) for f in flips] == [(f"{ACME} → {NDA}", "for in 2024-02, against in 2024-04"),
                                                   (f"{ACME} → {NDA}", "against in 2024-04, for in 2024-06")]
    assert [e.sentence for e in flips[1].evidence] == ["Acme Social supported the Authority's revised code."]


def test_html_digest_escapes_what_articles_say(story_store: Path) -> None:
    corpus = corpus_of(story_store)
    new, before, baseline, period = window(corpus, "2024-04-01", "2024-04-30")
    page = to_html(digest(corpus, new, before, baseline, period=period, title="<b>April</b>"))
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "javascript:" not in page   # the article's javascript: URL is no link
    assert "<title>&lt;b&gt;April&lt;/b&gt;</title>" in page
    assert "http://" not in page.replace("https://example.org", "")   # nothing to fetch: self-contained
    md = to_markdown(digest(corpus, new, before, baseline, period=period))
    assert "\\<script\\>" in md and "javascript:" not in md


def test_cli_timeline_table_csv_json_and_picture(story_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["timeline", "Acme Social", "NDA", "--store", str(story_store)])
    assert out.exit_code == 0, out.output
    assert "turning point 2024-04: against (after 2024-02), because:" in out.output
    assert "“Acme Social accused the Authority of acting in bad faith.”" in out.output
    assert "turning point 2024-06: for (after 2024-04)" in out.output
    out = runner.invoke(main, ["timeline", "Acme Social", "NDA", "--store", str(story_store), "--format", "csv"])
    assert "2024-04,stance,Acme Social -> Northland Data Authority,,2,2024-04-18,2024-04-18,-1.550" in out.output
    out = runner.invoke(main, ["timeline", "acme-social", "--store", str(story_store), "--format", "json",
                               "--evidence", "--by", "week"])
    doc = json.loads(out.output)
    assert doc["unit"] == "week" and doc["other"] is None
    fines = [r for r in doc["relations"] if r["relation"] == "fines"]
    assert fines == [{"period": "2024-W16", "relation": "fines", "group": "enforcement", "count": 1,
                      "first": "2024-04-18", "last": "2024-04-18", "evidence": [{
                          "subject": NDA, "relation": "fines", "object": ACME, "date": "2024-04-18",
                          "sentence": "The Northland Data Authority fined Acme Social on Thursday.",
                          "article": "acme-turns", "title": "Acme Social turns on the Northland regulator",
                          "url": "javascript:alert('x')", "confidence": 0.9}]}]
    for name in ("t.png", "t.svg"):
        out = runner.invoke(main, ["timeline", "Acme Social", "NDA", "--store", str(story_store), "--out",
                                   str(tmp_path / name)])
        assert out.exit_code == 0, out.output
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "t.svg").read_text()
    assert "stance of Acme Social toward Northland Data Authority" in svg and "turns against" in svg


@pytest.mark.parametrize(("args", "message"), [
    (["timeline", "Acme Socal"], "no actor named 'Acme Socal' in the store; did you mean 'Acme Social'?"),
    (["timeline", "Acme Social", "acme-social"], "name the same actor"),
    (["timeline", "Acme Social", "--out", "x.pdf"], "pass --out FILE.png or FILE.svg"),
    (["changes", "--since", "April"], "'April' is not a date: write YYYY-MM-DD"),
    (["changes", "--since", "2024-05", "--until", "2024-04"], "is after --until"),
    (["changes", "--since", "last", "--until", "2024-04"], "--until does not go with --since last"),
])
def test_cli_errors_are_one_line_naming_the_fix(story_store: Path, args: list[str], message: str) -> None:
    out = CliRunner().invoke(main, [*args, "--store", str(story_store)])
    assert out.exit_code == 1 and message in out.output, out.output
    assert len(out.output.strip().splitlines()) == 1


def test_cli_changes_formats_and_since_last(tmp_path: Path) -> None:
    from .worlds import STORY_ACTORS, STORY_ARTICLES, STORY_STATEMENTS, write_world

    early = [a for a in STORY_ARTICLES if a.date and a.date < "2024-04"]
    store = write_world(tmp_path / "store", STORY_ACTORS, early,
                        [s for s in STORY_STATEMENTS if s.article in {a.id for a in early}])
    runner = CliRunner()
    first = runner.invoke(main, ["changes", "--since", "last", "--store", str(store)])
    assert first.exit_code == 1 and "no previous digest recorded in" in first.output
    out = runner.invoke(main, ["changes", "--since", "2024-01", "--store", str(store), "--out",
                               str(tmp_path / "jan.html")])
    assert out.exit_code == 0, out.output
    state = tmp_path / "store-digests.json"
    assert sorted(json.loads(state.read_text())["seen"]) == [f"https://policy-kg.org/article/{a.id}" for a in
                                                             sorted(early, key=lambda a: a.id)]
    # April's articles arrive; --since last lists what they add, and nothing of before.
    later = [a for a in STORY_ARTICLES if a.id in {"acme-turns", "orbit-backs-nda"}]
    import pyoxigraph

    extra = tmp_path / "extra"
    write_world(extra, STORY_ACTORS, later, [s for s in STORY_STATEMENTS if s.article in {a.id for a in later}])
    src, dst = pyoxigraph.Store(str(extra)), pyoxigraph.Store(str(store))
    dst.extend(src.quads_for_pattern(None, None, None, None))
    dst.flush()
    del src, dst
    out = runner.invoke(main, ["changes", "--since", "last", "--store", str(store), "--format", "json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.output)
    assert doc["period"].startswith("articles stored since the digest of ")
    assert [a["id"] for a in doc["articles"]] == ["acme-turns", "orbit-backs-nda"]
    assert [i["title"] for i in doc["sections"]["flips"]] == [f"{ACME} → {NDA}"]
    # That digest was recorded too: nothing is new since it.
    out = runner.invoke(main, ["changes", "--since", "last", "--store", str(store), "--format", "md"])
    assert "0 new statement(s) from 0 article(s)" in out.output and "No new statement" in out.output
    # --no-record leaves the state alone.
    before = state.read_text()
    runner.invoke(main, ["changes", "--since", "2024", "--store", str(store), "--no-record"])
    assert state.read_text() == before


def test_api_changes_rejects_a_bad_state_file(story_store: Path, tmp_path: Path) -> None:
    bad = tmp_path / "state.json"
    bad.write_text("[1, 2]")
    with pytest.raises(InputError, match="is not a digest state file"):
        api.changes(since="last", store=story_store, state=bad)


def test_saved_queries_agree_with_the_timeline(story_store: Path) -> None:
    # The ontology graph holds pk:stanceSign; kg ingest writes it beside the articles.
    from kg.ingest import store_ontology

    with Store(story_store) as st:
        store_ontology(st)
    rows = api.query(sparql="stance-per-pair-per-month", store=story_store).rows
    acme = [(r[2], float(r[3]), int(r[4])) for r in rows if r[0] == ACME and r[1] == NDA]
    assert acme == [("2024-01", 0.9, 1), ("2024-02", 0.8, 1), ("2024-04", -1.55, 2), ("2024-06", 0.9, 1)]
    rows = api.query(sparql="new-pairs-since", params={"since": "2024-04-01"}, store=story_store).rows
    assert sorted((r[0], r[1], str(r[2])) for r in rows) == [(NDA, ACME, "2024-04-18"),
                                                             ("Orbit Labs", NDA, "2024-04-25")]
