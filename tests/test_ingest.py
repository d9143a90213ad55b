"""Ingest at corpus scale: identities, skipping, duplicates, long texts, workers, outcomes and reports.

Each defect of issue 9 has a test here (or in test_formats / test_fetch /
test_storecheck / test_durability) that failed on the old ingest. Articles are
short sentences written for this suite; the ones that need the spaCy model
are marked ``model``.
"""

from __future__ import annotations

import gc
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg import api
from kg.cli import main
from kg.curation.pending import PENDING
from kg.ingest import DigestSet, IngestReport, Outcome, Settings, ingest_inputs, split_for_parser
from kg.sources.article import Article
from kg.store.base import ONTOLOGY_GRAPH, REGISTRY_GRAPH
from kg.store.embedded import Store
from kg.vocabulary.namespace import PKART

pytestmark = pytest.mark.model

OFCOM = "date 2026-01-12\n\nOfcom fined Acme Social on Monday.\n\nAcme Social criticised Ofcom.\n"
APPLE = "date 2026-02-03\n\nThe European Commission fined Apple on Wednesday.\n"
META = "date 2026-03-04\n\nThe Federal Trade Commission sued Meta on Tuesday.\n"


def kg(*args: object, input: str | bytes | None = None) -> Result:  # noqa: A002 - click's name
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def articles(store: Path) -> dict[str, set[str]]:
    """Return each stored article id with its origins."""
    with Store(store, read_only=True) as st:
        rows = st.query("SELECT ?a ?o WHERE { GRAPH ?a { ?a a pk:Article . OPTIONAL { ?a pk:origin ?o } } }").rows
    out: dict[str, set[str]] = {}
    for a, o in rows:
        out.setdefault(a.removeprefix(str(PKART[""])), set()).update({o} if o else set())
    return out


def text_of(store: Path, article_id: str) -> str:
    with Store(store, read_only=True) as st:
        return " ".join(sorted(st.graph_ntriples(str(PKART[article_id]))))


def dump(store: Path) -> list[str]:
    with Store(store, read_only=True) as st:
        return sorted(f"<{g}> {line}" for g in st.graphs() for line in st.graph_ntriples(g))


# ---------------------------------------------------------------- identity


def test_same_name_in_two_runs_does_not_replace_the_other_article(tmp_path: Path) -> None:
    """Old: ids from the file name alone, so 2025/report.txt silently replaced 2024/report.txt."""
    write(tmp_path, {"2024/report.txt": OFCOM, "2025/report.txt": APPLE})
    store = tmp_path / "store"
    assert kg("ingest", tmp_path / "2024" / "report.txt", "--store", store, "--workers", 1).exit_code == 0
    second = kg("ingest", tmp_path / "2025" / "report.txt", "--store", store, "--workers", 1)
    assert second.exit_code == 0 and "1 new" in second.stdout
    stored = articles(store)
    assert len(stored) == 2, stored
    assert "report" in stored  # the first keeps its readable id
    other = next(a for a in stored if a != "report")
    assert re.fullmatch(r"report-[0-9a-f]{8}", other)
    assert "Acme Social" in text_of(store, "report") and "Apple" in text_of(store, other)


def test_same_relative_path_in_two_folders_never_replaces_the_other(tmp_path: Path) -> None:
    """Old: report.txt of folder a/ and of folder b/, ingested in two runs, had one origin; the second run said
    "1 updated" and folder a's article was gone."""
    write(tmp_path, {"a/report.txt": OFCOM, "b/report.txt": APPLE})
    store = tmp_path / "store"
    assert kg("ingest", tmp_path / "a", "--store", store, "--workers", 1).exit_code == 0
    second = kg("ingest", tmp_path / "b", "--store", store, "--workers", 1)
    assert second.exit_code == 1 and "1 updated" not in second.stdout, second.output
    (line,) = [x for x in second.stderr.splitlines() if "report.txt" in x]
    assert "already names the article read from" in line and f"kg ingest {tmp_path}" in line
    assert articles(store) == {"report": {"report.txt"}} and "Acme Social" in text_of(store, "report")
    # The same file changed is still an update; from the common parent each keeps its own path.
    (tmp_path / "a" / "report.txt").write_text(OFCOM + "\nAcme Social said it would appeal.\n", encoding="utf-8")
    assert "1 updated" in kg("ingest", tmp_path / "a", "--store", store, "--workers", 1).stdout
    both = kg("ingest", tmp_path / "a", tmp_path / "b", "--store", tmp_path / "fresh", "--workers", 1)
    assert both.exit_code == 1  # one run, two folders: the clash is named the same way within a run
    whole = kg("ingest", tmp_path, "--store", tmp_path / "parent", "--workers", 1)
    assert whole.exit_code == 0 and set(articles(tmp_path / "parent")) == {"a-report", "b-report"}


def test_folder_ids_come_from_the_relative_path(tmp_path: Path) -> None:
    write(tmp_path / "corpus", {"2024/report.txt": OFCOM, "2025/report.txt": APPLE})
    store = tmp_path / "store"
    assert kg("ingest", tmp_path / "corpus", "--store", store, "--workers", 1).exit_code == 0
    assert articles(store) == {"2024-report": {"2024/report.txt"}, "2025-report": {"2025/report.txt"}}


def test_names_with_the_same_slug_are_three_articles(tmp_path: Path) -> None:
    """Old: `a b.txt`, `a-b.txt` and `A_B.md` shared one id; two of them were lost."""
    write(tmp_path / "in", {"a b.txt": OFCOM, "a-b.txt": APPLE, "A_B.md": META})
    store = tmp_path / "store"
    result = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    assert result.exit_code == 0, result.output
    stored = articles(store)
    assert len(stored) == 3 and {o for origins in stored.values() for o in origins} == {"a b.txt", "a-b.txt",
                                                                                        "A_B.md"}
    assert "a-b" in stored and all(re.fullmatch(r"a-b(-[0-9a-f]{8})?", a) for a in stored)
    # A second run keeps every id where it was.
    again = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    assert "3 unchanged" in again.stdout and articles(store) == stored


def test_jsonl_without_ids_keeps_identities_when_a_line_goes(tmp_path: Path) -> None:
    """Old: lines were numbered, so removing one moved every later id onto another article."""
    lines = [json.dumps({"text": t}) for t in (OFCOM, APPLE, META)]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert kg("ingest", path, "--store", store, "--workers", 1).exit_code == 0
    before = {a: text_of(store, a) for a in articles(store)}
    assert len(before) == 3
    path.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    again = kg("ingest", path, "--store", store, "--workers", 1)
    assert again.exit_code == 0 and "2 unchanged" in again.stdout and "0 new" in again.stdout
    assert {a: text_of(store, a) for a in articles(store)} == before


def test_identical_text_under_two_names_is_stored_once_with_both_origins(tmp_path: Path) -> None:
    """Old: stored twice, so the viewer showed every sentence twice."""
    write(tmp_path / "in", {"first.txt": OFCOM, "copy/second.txt": OFCOM})
    store = tmp_path / "store"
    result = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    assert result.exit_code == 0 and "1 duplicate" in result.stdout
    assert articles(store) == {"copy-second": {"copy/second.txt", "first.txt"}}
    with Store(store, read_only=True) as st:
        evidence = st.query("SELECT ?e (COUNT(?st) AS ?n) WHERE { ?st a pk:Statement ; pk:evidence ?e } "
                            "GROUP BY ?e").rows
    assert evidence and all(n == "1" for _, n in evidence)
    # The copy found in a later run is recorded on the stored article too.
    (tmp_path / "later.txt").write_text(OFCOM, encoding="utf-8")
    later = kg("ingest", tmp_path / "later.txt", "--store", store, "--workers", 1)
    assert "1 duplicate" in later.stdout
    assert articles(store)["copy-second"] == {"copy/second.txt", "first.txt", f"{tmp_path.as_posix()}/later.txt"}


def test_url_is_the_identity_when_known(tmp_path: Path) -> None:
    front = "---\ntitle: Ofcom fines Acme Social\nurl: https://Example.org/news/ofcom?utm_source=feed\n---\n\n"
    write(tmp_path, {"saved-page.md": front + OFCOM})
    store = tmp_path / "store"
    assert kg("ingest", tmp_path / "saved-page.md", "--store", store, "--workers", 1).exit_code == 0
    assert articles(store) == {"saved-page": {"https://example.org/news/ofcom"}}
    # The same URL with new text, saved under another name: an update of the same article.
    write(tmp_path, {"renamed.md": front + APPLE})
    again = kg("ingest", tmp_path / "renamed.md", "--store", store, "--workers", 1)
    assert "1 updated" in again.stdout
    assert articles(store) == {"saved-page": {"https://example.org/news/ofcom"}}
    assert "Apple" in text_of(store, "saved-page")


def test_same_origin_twice_in_one_run_with_different_text_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, {"one/report.txt": OFCOM, "two/report.txt": APPLE})
    store = tmp_path / "store"
    result = kg("ingest", tmp_path / "one", tmp_path / "two", "--store", store, "--workers", 1)
    assert result.exit_code == 1
    assert "same origin report.txt" in result.stderr and "common parent" in result.stderr
    assert len(articles(store)) == 1


def test_changed_text_of_one_of_two_origins_leaves_the_other(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM, "b.txt": OFCOM})
    store = tmp_path / "store"
    kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    assert articles(store) == {"a": {"a.txt", "b.txt"}}
    write(tmp_path / "in", {"b.txt": APPLE})
    result = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    assert result.exit_code == 0 and "1 new" in result.stdout and "1 unchanged" in result.stdout
    stored = articles(store)
    assert stored["a"] == {"a.txt"} and "Acme Social" in text_of(store, "a")
    (other,) = (a for a in stored if a != "a")
    assert stored[other] == {"b.txt"} and "Apple" in text_of(store, other)


def test_graph_from_before_origins_is_adopted(tmp_path: Path) -> None:
    """A store written by the old ingest (no pk:origin) is updated in place, not duplicated."""
    store = tmp_path / "store"
    iri = str(PKART["piece"])
    with Store(store) as st:
        st.replace_graph(iri, f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                              "<https://policy-kg.org/ns#Article> .\n")
    write(tmp_path, {"piece.txt": OFCOM})
    result = kg("ingest", tmp_path / "piece.txt", "--store", store, "--workers", 1)
    assert "1 updated" in result.stdout
    assert articles(store) == {"piece": {f"{tmp_path.as_posix()}/piece.txt"}}


# ---------------------------------------------------------------- skipping and forcing


def test_grown_folder_only_parses_what_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.ingest import engines as ingest_module

    write(tmp_path / "in", {"a.txt": OFCOM, "b.txt": APPLE})
    store = tmp_path / "store"
    kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    parsed: list[str] = []
    real = ingest_module.extract_batch

    def counting(items, settings):  # noqa: ANN001, ANN202
        parsed.extend(a.location for _, a in items)
        return real(items, settings)

    monkeypatch.setattr(ingest_module, "extract_batch", counting)
    write(tmp_path / "in", {"c.txt": META})
    result = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    assert "1 new" in result.stdout and "2 unchanged" in result.stdout
    assert [Path(p).name for p in parsed] == ["c.txt"]
    parsed.clear()
    forced = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1, "--force")
    assert "3 updated" in forced.stdout and len(parsed) == 3


def test_changed_options_re_extract(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM})
    store = tmp_path / "store"
    kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    result = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1, "--min-confidence", "0.99")
    assert "1 updated" in result.stdout
    with Store(store, read_only=True) as st:
        (row,) = st.query("SELECT ?w WHERE { ?a pk:extractedWith ?w }").rows
    assert "min_confidence=0.99" in row[0]


# ---------------------------------------------------------------- long texts


def test_split_for_parser_cuts_at_paragraphs_then_sentences_then_spaces() -> None:
    para = "Ofcom fined Acme Social on Monday. " * 40  # 1,400 characters
    text = "\n\n".join([para.strip()] * 1000)          # 1.4 million characters
    chunks = split_for_parser(text, 100_000)
    assert all(len(c) <= 100_000 for c in chunks) and len(chunks) == 15
    assert all(c.startswith("Ofcom") and c.endswith("Monday.") for c in chunks)
    assert sum(c.count("Ofcom") for c in chunks) == 40_000
    long_para = "Ofcom fined Acme Social. " * 10
    assert all(len(c) <= 60 and c.endswith(".") for c in split_for_parser(long_para, 60))
    assert split_for_parser("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]
    assert split_for_parser("short", 100) == ["short"]


@pytest.fixture
def small_parser(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - the pipeline, its max_length shrunk
    from kg.extraction.recognise import pipeline

    nlp = pipeline(None)
    monkeypatch.setattr(nlp, "max_length", 3000)
    return nlp


def test_text_longer_than_the_parser_takes_is_split_not_fatal(tmp_path: Path, small_parser) -> None:
    """Old: a text over nlp.max_length aborted the whole batch with spaCy's E088 (16 of 30 files stored)."""
    filler = "\n\n".join(f"Analysts said the case number {i} could take years to resolve." for i in range(200))
    long_text = f"date 2026-01-12\n\nOfcom fined Acme Social on Monday.\n\n{filler}\n\nApple criticised Ofcom.\n"
    assert len(long_text) > 3 * small_parser.max_length
    files = {f"good-{i:02d}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(30)}
    files["long.txt"] = long_text
    write(tmp_path / "in", files)
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert report.failed == [] and report.new == 31
    text = text_of(tmp_path / "store", "long")
    assert "Acme Social" in text and "Apple" in text  # facts from the first and the last piece


def test_extract_reads_a_long_text_as_ingest_does(tmp_path: Path, small_parser) -> None:
    """Old: ``kg extract`` parsed the text whole, so one over nlp.max_length ended in spaCy's E088 traceback."""
    filler = "\n\n".join(f"Analysts said the case number {i} could take years to resolve." for i in range(200))
    path = tmp_path / "long.txt"
    path.write_text(f"Ofcom fined Acme Social on Monday.\n\n{filler}\n\nApple criticised Ofcom.\n", encoding="utf-8")
    assert path.stat().st_size > 3 * small_parser.max_length
    result = kg("extract", path, "--format", "json")
    assert result.exit_code == 0, result.output
    found = {(t["subject"], t["object"]) for t in json.loads(result.stdout)["triples"]}
    assert {("Ofcom", "Acme Social"), ("Apple", "Ofcom")} <= found  # from the first and the last piece


def test_parser_failure_fails_one_article_only(tmp_path: Path, small_parser, monkeypatch) -> None:
    from kg.ingest import extraction as ingest_module

    monkeypatch.setattr(ingest_module, "split_for_parser", lambda text, limit: [text])  # no splitting: E088
    write(tmp_path / "in", {"a.txt": OFCOM, "huge.txt": "Ofcom fined Acme Social. " * 400, "z.txt": APPLE})
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert report.new == 2
    ((where, reason),) = report.failed
    assert where.endswith("huge.txt") and "parser failed" in reason and "E088" in reason


def test_article_over_max_chars_is_refused_alone(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM, "big.txt": "Ofcom fined Acme Social. " * 200})
    result = kg("ingest", tmp_path / "in", "--store", tmp_path / "store", "--workers", 1, "--max-chars", 2000)
    assert result.exit_code == 1
    assert re.search(r"big\.txt: 5,000 characters, more than --max-chars 2,000", result.stderr), result.stderr
    assert list(articles(tmp_path / "store")) == ["a"]


# ---------------------------------------------------------------- faults


class _FullDisk:
    """A pyoxigraph store on a disk that fills up: every write and flush fails with ENOSPC once ``full`` is set."""

    def __init__(self, real: object) -> None:
        self._real = real
        self.full = False

    def _fail(self) -> None:
        if self.full:
            import errno

            raise OSError(errno.ENOSPC, "No space left on device")

    def load(self, *args: object, **kw: object) -> object:
        self._fail()
        return self._real.load(*args, **kw)  # type: ignore[attr-defined]

    def update(self, *args: object, **kw: object) -> object:
        self._fail()
        return self._real.update(*args, **kw)  # type: ignore[attr-defined]

    def flush(self) -> None:
        self._fail()
        self._real.flush()  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


def test_disk_full_is_one_clear_line_and_a_rerun_completes(tmp_path: Path, monkeypatch) -> None:
    """Old: the clear StoreError was hidden by a second OSError from Store.close(): a Python traceback."""
    from kg.store import embedded

    opened = embedded._open_embedded

    def open_full(path: Path, read_only: bool) -> object:
        disk = _FullDisk(opened(path, read_only))
        disk.full = not read_only
        return disk

    write(tmp_path / "in", {"a.txt": OFCOM, "b.txt": APPLE, "c.txt": META})
    monkeypatch.setattr(embedded, "_open_embedded", open_full)
    result = kg("ingest", tmp_path / "in", "--store", tmp_path / "store", "--workers", 1)
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.exception
    assert "Traceback" not in result.output
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("Error")]
    assert "the disk is full" in line and "run the command again" in line
    del result  # its traceback holds the failed run's frames, and with them the store (and its lock)
    gc.collect()
    monkeypatch.setattr(embedded, "_open_embedded", opened)
    again = kg("ingest", tmp_path / "in", "--store", tmp_path / "store", "--workers", 1)
    assert again.exit_code == 0, again.output
    assert sorted(articles(tmp_path / "store")) == ["a", "b", "c"]


_ORPHAN = """
import sys, time
from kg.ingest.engines import ProcessPool
from kg.ingest.extraction import Settings
pool = ProcessPool(1, Settings())
pool.pool.submit(time.sleep, 600)  # a worker busy for ten minutes
while not pool.pool._processes:
    time.sleep(0.05)
print(*pool.pool._processes, flush=True)
time.sleep(600)
"""


def test_workers_exit_when_their_parent_is_killed() -> None:
    """Old: ingest's worker processes outlived a `kill -9` of their parent by minutes, the store's files open."""
    import signal
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    (worker,) = map(int, parent.stdout.readline().split())
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    for _ in range(300):  # the worker looks once a second; 30 s is plenty on a loaded machine
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the worker outlived its parent")


# ---------------------------------------------------------------- workers


def test_two_workers_store_what_one_does(tmp_path: Path) -> None:
    files = {f"n{i:02d}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n\nCompany{i} Ltd criticised Ofcom.\n"
             for i in range(40)}
    write(tmp_path / "in", files)
    one = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "s1", workers=1)
    two = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "s2", workers=2)
    assert one.new == two.new == 40 and one.triples == two.triples
    assert dump(tmp_path / "s1") == dump(tmp_path / "s2")


def test_a_worker_that_dies_costs_only_its_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from kg.extraction import pipeline as extract_module

    real = extract_module.analyse

    def dying(article, doc, ont, **kw):  # noqa: ANN001, ANN202
        if "Crashco" in article.text:
            os._exit(3)  # what an out-of-memory kill or a crash in native code looks like to the pool
        return real(article, doc, ont, **kw)

    monkeypatch.setattr(extract_module, "analyse", dying)  # workers are forked: they inherit it
    files = {f"n{i:02d}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(20)}
    files["n07-crash.txt"] = "Ofcom fined Crashco on Monday.\n"
    write(tmp_path / "in", files)
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=2)
    assert report.new == 20
    ((where, reason),) = report.failed
    assert where.endswith("n07-crash.txt") and "process died" in reason


def test_digest_set_remembers_past_its_buffer() -> None:
    seen = DigestSet()
    for i in range(70_000):
        seen.add(f"origin-{i}")
    assert "origin-0" in seen and "origin-69999" in seen and "origin-70000" not in seen
    assert len(seen._sorted) == 65_536  # merged into the array at 8 bytes each


# ---------------------------------------------------------------- outcomes, progress, report


def test_report_file_lists_every_outcome(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM, "copy.txt": OFCOM, "bad.txt": b"\x00\x01binary", "z.txt": APPLE})
    report_path = tmp_path / "out" / "report.json"
    report_path.parent.mkdir()
    result = kg("ingest", tmp_path / "in", "--store", tmp_path / "store", "--workers", 1, "--report", report_path)
    assert result.exit_code == 1
    data = json.loads(report_path.read_text(encoding="utf-8"))
    by_status = {(e["status"], Path(e["location"]).name) for e in data["articles"]}
    assert by_status == {("failed", "bad.txt"), ("new", "a.txt"), ("duplicate", "copy.txt"), ("new", "z.txt")}
    assert data["summary"]["finished"] is True and data["summary"]["failed"] == 1
    assert data["summary"]["new"] == 2 and data["summary"]["duplicates"] == 1
    new = next(e for e in data["articles"] if e["status"] == "new")
    assert {"id", "origin", "triples"} <= set(new)


def test_report_file_is_valid_json_when_the_run_stops(tmp_path: Path) -> None:
    (tmp_path / "not-a-store").mkdir()
    (tmp_path / "not-a-store" / "notes.txt").write_text("mine", encoding="utf-8")
    write(tmp_path / "in", {"a.txt": OFCOM})
    report_path = tmp_path / "report.json"
    result = kg("ingest", tmp_path / "in", "--store", tmp_path / "not-a-store", "--report", report_path)
    assert result.exit_code == 1
    data = json.loads(report_path.read_text(encoding="utf-8"))
    assert data["summary"]["finished"] is False and "not a kg store" in data["summary"]["error"]


def test_not_a_terminal_gets_only_the_summary_and_quiet_gets_nothing(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM})
    result = kg("ingest", tmp_path / "in", "--store", tmp_path / "store", "--workers", 1)
    assert result.output.splitlines() == [result.stdout.strip()]
    assert "\r" not in result.output and result.stdout.startswith("stored 1 article(s)")
    quiet = kg("ingest", tmp_path / "in", "--store", tmp_path / "store", "--workers", 1, "--quiet", "--force")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_progress_line_shows_count_rate_eta_and_failures() -> None:
    import io

    from kg.ingest.progress import ProgressLine

    line = ProgressLine(io.StringIO(), total=200)
    for i in range(50):
        line(Outcome("failed" if i % 10 == 0 else "new", f"a{i}"))
    line(Outcome("warning", "loop"))
    text = line.line(line.start + 10.0)
    assert re.fullmatch(r"\[#{6} {18}\] 50/200 articles  5\.0/s  ETA 30s  5 failed", text), text
    unknown = ProgressLine(io.StringIO(), total=None)
    unknown(Outcome("new", "a"))
    assert unknown.line(unknown.start + 2.0) == "1 articles  0.5/s  0 failed"


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """Runs `kg ingest` under a pseudo-terminal, as a user would see it."""
    import os
    import pty
    import subprocess
    import sys

    write(tmp_path / "in", {f"n{i}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(3)})
    leader, follower = pty.openpty()
    kg_bin = Path(sys.executable).parent / "kg"
    proc = subprocess.Popen([str(kg_bin), "ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"),
                             "--workers", "1"], stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, screen
    assert re.search(r"\] \d/3 articles +[\d.]+/s", screen), screen
    assert "stored 3 article(s)" in screen


def test_ingest_report_counts() -> None:
    report = IngestReport()
    for status in ("new", "new", "updated", "unchanged", "duplicate", "failed", "warning"):
        report.count(Outcome(status, "x", triples=2 if status in ("new", "updated") else 0, reason="r"))
    assert (report.stored, report.unchanged, report.duplicates, report.triples) == (3, 1, 1, 6)
    assert report.articles == 6 and report.failed == [("x", "r")] and report.warnings == [("x", "r")]


def test_stdin_is_read_as_one_article_or_as_records(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = kg("ingest", "-", "--store", store, "--workers", 1, input=OFCOM)
    assert result.exit_code == 0 and "1 new" in result.stdout
    (article_id,) = articles(store)
    assert re.fullmatch(r"stdin-[0-9a-f]{8}", article_id)
    again = kg("ingest", "-", "--store", store, "--workers", 1, input=OFCOM)
    assert "1 unchanged" in again.stdout
    records = "\n".join(json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate((APPLE, META)))
    result = kg("ingest", "-", "--store", store, "--workers", 1, "--input-format", "jsonl", input=records)
    assert "2 new" in result.stdout
    assert {"r0", "r1"} <= set(articles(store))


def test_no_inputs_is_a_usage_error() -> None:
    result = kg("ingest")
    assert result.exit_code == 2 and "--urls" in result.output


def test_api_ingest_streams_outcomes(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM, "b.txt": APPLE})
    seen: list[Outcome] = []
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1, on_outcome=seen.append)
    assert [o.status for o in seen] == ["new", "new"] and report.new == 2
    with Store(tmp_path / "store", read_only=True) as st:
        assert ONTOLOGY_GRAPH in st.graphs()


def test_extract_nquads_turns_a_partition_into_named_graphs() -> None:
    import pyoxigraph

    parts = [Article(id="p1", text="Ofcom fined Acme Social on Monday.", origin="p1"),
             Article(id="p2", text="The European Commission fined Apple.", origin="p2")]
    nquads, failed = api.extract_nquads(articles=parts)
    quads = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    assert failed == [] and {q.graph_name.value for q in quads} == {str(PKART["p1"]), str(PKART["p2"])}


def _break_graph_of(monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    """Make the graph of an article whose text has ``word`` invalid RDF, as a bug in extraction would."""
    from kg.store import load as load_module

    real = load_module.article_nquads

    def broken(ex, ont=None):  # noqa: ANN001, ANN202
        nquads = real(ex, ont)
        if word not in ex.article.text:
            return nquads
        graph = nquads.rsplit(" ", 2)[-2]  # the graph IRI that ends every line
        return nquads + f'<an IRI with spaces> <https://example.org/p> "x" {graph} .\n'

    monkeypatch.setattr(load_module, "article_nquads", broken)


def test_an_article_whose_graph_the_store_refuses_fails_alone(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The store checks each batch as it loads it; the batch is written again article by article around the bad
    one, which is reported as a bug."""
    _break_graph_of(monkeypatch, "Brokenco")
    files = {f"n{i}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(6)}
    files["n3-bad.txt"] = "Ofcom fined Brokenco on Monday.\n"
    write(tmp_path / "in", files)
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert report.new == 6
    ((where, reason),) = report.failed
    assert where.endswith("n3-bad.txt") and "not valid RDF" in reason and "bug" in reason
    with Store(tmp_path / "store", read_only=True) as st:
        ids = {g.rsplit("/", 1)[-1] for g in st.graphs() if g not in (ONTOLOGY_GRAPH, REGISTRY_GRAPH)}
    assert ids == {f"n{i}" for i in range(6)}
    again = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert again.new == 0 and again.unchanged == 6 and len(again.failed) == 1  # the bad one is tried again


def test_extract_nquads_leaves_out_a_graph_that_is_not_rdf(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyoxigraph

    _break_graph_of(monkeypatch, "Brokenco")
    parts = [Article(id="p1", text="Ofcom fined Acme Social on Monday.", origin="p1"),
             Article(id="p2", text="Ofcom fined Brokenco on Monday.", origin="p2")]
    nquads, failed = api.extract_nquads(articles=parts)
    quads = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {str(PKART["p1"])}
    ((where, reason),) = failed
    assert where == "p2" and "not valid RDF" in reason


def test_settings_are_picklable_for_workers() -> None:
    import pickle

    s = Settings(model=None, disabled=("role",), min_confidence=0.5)
    assert pickle.loads(pickle.dumps(s)) == s


def test_ingest_inputs_accepts_settings(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM})
    report = ingest_inputs(inputs=[tmp_path / "in"], store=tmp_path / "store", settings=Settings(), workers=1)
    assert report.new == 1


def test_line_breaking_characters_inside_literals_survive(tmp_path: Path) -> None:
    """Found by fuzzing: a form feed inside a name split a graph's lines apart, and the write failed."""
    from kg.ingest import extract_batch
    from kg.store.base import nquads_to_ntriples

    ((n, nquads, _, reason),) = extract_batch([(0, Article(id="ff", text="000At\x0ck", origin="ff"))], Settings())
    assert reason is None and nquads is not None and "\x0c" in nquads
    iri = str(PKART["ff"])
    with Store(tmp_path / "store") as st:
        st.replace_graph(iri, nquads_to_ntriples(nquads, iri))
        labels = [v for (v,) in st.query("SELECT ?l WHERE { ?s rdfs:label ?l }").rows]
    assert any("\x0c" in label for label in labels), labels


def test_a_lost_distributed_partition_fails_its_articles_only(tmp_path: Path) -> None:
    """A cluster that loses a partition for good (Dask's KilledWorker): its articles fail, the rest go on."""
    from concurrent.futures import Executor, Future

    from kg.ingest import extract_batch

    class Flaky(Executor):
        calls = 0

        def submit(self, fn, /, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            self.calls += 1
            fut: Future = Future()
            if self.calls == 2:
                fut.set_exception(RuntimeError("worker lost"))
            else:
                fut.set_result(extract_batch(*args, **kwargs))
            return fut

    write(tmp_path / "in", {f"n{i:02d}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(40)})
    report = ingest_inputs(inputs=[tmp_path / "in"], store=tmp_path / "store", settings=Settings(), workers=2,
                           executor=Flaky())
    assert report.new == 32 and len(report.failed) == 8  # partitions of 32: the second one held the last 8
    assert all("partition failed (RuntimeError: worker lost)" in reason for _, reason in report.failed)


def test_forced_rerun_with_one_of_two_origins_changed(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": OFCOM, "b.txt": OFCOM})
    store = tmp_path / "store"
    kg("ingest", tmp_path / "in", "--store", store, "--workers", 1)
    write(tmp_path / "in", {"b.txt": APPLE})
    result = kg("ingest", tmp_path / "in", "--store", store, "--workers", 1, "--force")
    assert result.exit_code == 0 and "1 new, 1 updated" in result.stdout
    stored = articles(store)
    assert stored["a"] == {"a.txt"} and "Acme Social" in text_of(store, "a")
    (other,) = (a for a in stored if a != "a")
    assert stored[other] == {"b.txt"} and "Apple" in text_of(store, other)


def test_writer_flushes_the_store_as_it_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory stays flat only if the store's in-memory tables are flushed during a long ingest."""
    from kg.ingest import runner, writer

    monkeypatch.setattr(writer, "FLUSH_EVERY", 3)
    monkeypatch.setattr(runner, "BATCH_SIZE", 2)  # writes of 2, 2, 2 and 1 articles
    monkeypatch.setattr(writer, "BATCH_ARTICLES", 2)  # each written as it comes, not gathered
    flushes: list[int] = []
    real = Store.flush
    monkeypatch.setattr(Store, "flush", lambda self: flushes.append(1) or real(self))
    write(tmp_path / "in", {f"n{i}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(7)})
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    # a flush once 3 articles are written (after 4) and 6 (after 6), and one before the corpus pass reads
    assert report.new == 7 and len(flushes) == 3


def test_new_words_stay_in_the_vocabulary_until_the_budget_is_spent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory zones make spaCy's tokenizer cache nothing: they start only once the vocabulary budget is spent."""
    from kg.extraction.recognise import pipeline
    from kg.ingest import extract_batch
    from kg.ingest import extraction as ingest_mod

    nlp = pipeline(None)
    extract_batch([(0, Article(id="warm", text="Ofcom fined Acme on Monday.", origin="warm"))], Settings())
    extract_batch([(0, Article(id="w1", text="Ofcom fined Zorblaxian Widgets.", origin="w1"))], Settings())
    assert "Zorblaxian" in nlp.vocab.strings  # under the budget: kept, no memory zone
    monkeypatch.setattr(ingest_mod, "VOCAB_BUDGET", 0)
    extract_batch([(0, Article(id="w2", text="Ofcom fined Quuxtronic Gadgets.", origin="w2"))], Settings())
    assert "Quuxtronic" not in nlp.vocab.strings  # budget spent: the batch's new strings are freed


def test_a_batch_of_articles_is_written_in_one_store_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = Store.replace_graphs
    monkeypatch.setattr(Store, "replace_graphs", lambda self, graphs, **kw: calls.append([g for g, _ in graphs])
                        or real(self, graphs, **kw))
    write(tmp_path / "in", {f"n{i}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(5)})
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    calls = [c for c in calls if c != [ONTOLOGY_GRAPH, REGISTRY_GRAPH]]
    assert report.new == 5 and len(calls) == 1 and len(calls[0]) == 6
    mark, *articles = calls[0]   # the mark that the articles await the corpus pass, in the same transaction
    assert mark.startswith(PENDING) and not [g for g in articles if g.startswith(PENDING)]
    calls[0] = articles
    with Store(tmp_path / "store", read_only=True) as st:
        assert set(calls[0]) < set(st.graphs())
        assert all(st.query(f"ASK {{ GRAPH <{g}> {{ <{g}> pk:contentHash ?h ; pk:origin ?o }} }}").boolean
                   for g in calls[0])


def _record_writes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Return the list each store write then adds to: how many graphs it wrote, and whether in bulk."""
    calls: list[tuple[int, bool]] = []
    real = Store.replace_graphs
    monkeypatch.setattr(Store, "replace_graphs", lambda self, graphs, **kw: calls.append((len(graphs), kw.get(
        "bulk", False))) or real(self, graphs, **kw))
    return calls


def test_the_batches_of_a_run_are_gathered_into_one_bulk_write(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Old: each batch of 16 articles was one transaction through RocksDB's in-memory tables, flushed every 200
    articles; each flush became a file RocksDB then merged with the whole index, so writing cost more as the store
    grew. Now batches that follow one another are gathered and written by the store's bulk loader at once."""
    from kg.ingest import writer

    monkeypatch.setattr(writer, "BATCH_SECONDS", 600.0)   # gathered by count alone here, however slow the machine
    calls = _record_writes(monkeypatch)
    write(tmp_path / "in", {f"n{i}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(40)})
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert report.new == 40
    assert calls[1:] == [(41, True)]   # after the ontology and registry: 40 articles and their mark, at once
    with Store(tmp_path / "store", read_only=True) as st:
        assert st.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a pk:Article } }").rows == [["40"]]


def test_a_write_gathers_articles_up_to_a_size_not_only_a_count(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Old: a write gathered 400 articles whatever their size, so its memory went with how long they were (one
    court ruling holds the quads of hundreds of news items). Now it stops at BATCH_CHARS characters of N-Quads
    too: here each article passes it alone, so each is written as soon as it comes, whole, with its mark."""
    from kg.ingest import runner, writer

    monkeypatch.setattr(writer, "BATCH_SECONDS", 600.0)
    monkeypatch.setattr(runner, "BATCH_SIZE", 1)
    monkeypatch.setattr(writer, "BATCH_CHARS", 1)
    calls = _record_writes(monkeypatch)
    write(tmp_path / "in", {f"n{i}.txt": f"Ofcom fined Company{i} Ltd on Monday.\n" for i in range(4)})
    report = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert report.new == 4
    assert calls[1:] == [(2, True)] * 4   # after the ontology and registry: each article and its mark


def test_planner_lookup_by_store_indexes_answers_as_its_sparql_query(tmp_path: Path) -> None:
    """An embedded store answers the per-article lookups from its indexes; any store by one SPARQL query."""
    from kg.ingest import Planner, settings_fingerprint

    write(tmp_path / "in", {"a.txt": OFCOM, "b.txt": OFCOM, "c.txt": "Ofcom fined Acme Social on Friday.\n"})
    api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    with Store(tmp_path / "store", read_only=True) as st:
        planner = Planner(st, Settings(), force=False)
        assert hasattr(st, "match")
        rows = st.query("SELECT ?a ?o ?h WHERE { GRAPH ?a { ?a pk:origin ?o ; pk:contentHash ?h } }").rows
        assert len(rows) == 3
        cases = [(o, h, a) for a, o, h in rows] + [(rows[0][1], "other-hash", str(PKART["nowhere"])),
                                                  ("nowhere.txt", rows[2][2], rows[0][0]),
                                                  ("nowhere.txt", "other-hash", str(PKART["nowhere"]))]
        for origin, chash, iri in cases:
            fast, slow = planner._lookup_quads(origin, chash, iri), planner._lookup_sparql(origin, chash, iri)
            assert fast == slow, (origin, chash, iri)
        own, same, at = planner._lookup_quads(rows[0][1], rows[0][2], rows[0][0])
        assert own is not None and own.settings == settings_fingerprint(Settings()) and same and at is not None
        assert planner._iri_taken(rows[0][0]) and not planner._iri_taken(str(PKART["nowhere"]))
