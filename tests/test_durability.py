"""What must keep holding: kill -9 at any moment leaves every article graph whole (old or new, never half),
a re-run completes; queries during an ingest see whole graphs.

The corpus is ingested in two versions, A and B (every article changed), into
reference stores. Then a store holding A is updated to B by a real ``kg
ingest`` process, read while it runs, and killed with SIGKILL at several
moments: every graph must equal its A or its B version, and a re-run must
end equal to the B reference.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import api
from kg.curation.pending import PENDING
from kg.errors import StoreError
from kg.store.embedded import Store

pytestmark = pytest.mark.model

N = 40
KG = str(Path(sys.executable).parent / "kg")


def corpus(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(N):
        extra = "" if version == "A" else f"\n\nRegulator{i} Authority criticised Company{i} Ltd on Friday."
        (folder / f"n{i:02d}.txt").write_text(
            f"date 2026-01-{1 + i % 28:02d}\n\nOfcom fined Company{i} Ltd on Monday.\n\n"
            f"Company{i} Ltd criticised Ofcom and said it would appeal.{extra}\n", encoding="utf-8")
    return folder


def graphs(store: Path) -> dict[str, frozenset[str]]:
    """Return every graph of the store but the corpus pass's bookkeeping (which a killed run may leave)."""
    with Store(store, read_only=True) as st:
        return {g: frozenset(st.graph_ntriples(g)) for g in st.graphs() if not g.startswith(PENDING)}


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    base = tmp_path_factory.mktemp("durability")
    # Version B is written over version A in the same folder, as an edited corpus is: the same files (a file of
    # another folder under the same relative path is another article, refused rather than taken for an update).
    news = base / "news"
    for name in ("A", "B"):
        report = api.ingest(paths=[corpus(news, name)], store=base / f"ref-{name}", workers=1)
        assert report.new == N and not report.failed
    b_dir = news
    ref_a, ref_b = graphs(base / "ref-A"), graphs(base / "ref-B")
    assert set(ref_a) == set(ref_b) and all(ref_a[g] != ref_b[g] for g in ref_a if "article" in g)
    return {"base": base, "B": b_dir, "ref_a": ref_a, "ref_b": ref_b}


def whole(seen: dict[str, frozenset[str]], ref_a: dict, ref_b: dict) -> list[str]:
    """Return the graphs of ``seen`` that are neither their A nor their B version."""
    return [g for g, triples in seen.items() if triples not in (ref_a.get(g), ref_b.get(g))]


def start_ingest(folder: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([KG, "ingest", str(folder), "--store", str(store), "--workers", "1", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.parametrize("kill_after", [1, N // 2])
def test_kill_9_leaves_every_graph_whole_and_a_rerun_completes(versions: dict, tmp_path: Path,
                                                              kill_after: int) -> None:
    base, ref_a, ref_b = versions["base"], versions["ref_a"], versions["ref_b"]
    assert isinstance(base, Path)
    store = tmp_path / "store"
    shutil.copytree(base / "ref-A", store)
    proc = start_ingest(versions["B"], store)  # type: ignore[arg-type]
    updated = 0
    reads = 0
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                seen = graphs(store)  # a query while the ingest writes
            except StoreError:
                continue  # the files moved under the reader (compaction): read again
            reads += 1
            assert not whole(seen, ref_a, ref_b), "a reader saw a half-written graph"
            updated = sum(seen[g] == ref_b[g] != ref_a[g] for g in seen)
            if updated >= kill_after:
                break
            time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert reads and updated >= kill_after, f"the ingest ended before {kill_after} articles were written"
    after = graphs(store)
    assert not whole(after, ref_a, ref_b), "kill -9 left a half-written graph"
    assert set(after) == set(ref_a)
    # A re-run completes: everything equals B, with the articles already written skipped.
    rerun = subprocess.run([KG, "ingest", str(versions["B"]), "--store", str(store), "--workers", "1"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert graphs(store) == ref_b
    assert "unchanged" in rerun.stdout


def test_kill_9_during_a_first_ingest_leaves_each_new_graph_whole_or_absent(versions: dict, tmp_path: Path) -> None:
    """New articles are added a batch per transaction: a kill leaves each of them whole or not there at all."""
    ref_b = versions["ref_b"]
    store = tmp_path / "store"
    proc = start_ingest(versions["B"], store)  # type: ignore[arg-type]
    written = 0
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                seen = graphs(store) if (store / "CURRENT").exists() else {}
            except StoreError:
                continue
            assert all(seen[g] == ref_b[g] for g in seen), "a reader saw a half-written graph"
            written = sum("article" in g for g in seen)
            if written >= 1:
                break
            time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert written >= 1, "the ingest ended before an article was written"
    after = graphs(store)
    assert all(after[g] == ref_b[g] for g in after), "kill -9 left a half-written graph"
    rerun = subprocess.run([KG, "ingest", str(versions["B"]), "--store", str(store), "--workers", "1"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert graphs(store) == ref_b


def test_two_ingests_at_once_give_a_lock_error(versions: dict, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = start_ingest(versions["B"], store)  # type: ignore[arg-type]
    try:
        deadline = time.monotonic() + 60
        while not (store / "LOCK").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess.run([KG, "ingest", str(versions["B"]), "--store", str(store), "--workers", "1"],
                                capture_output=True, text=True, timeout=120)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert second.returncode == 1
    assert "in use by another kg process" in second.stderr and "Traceback" not in second.stderr
    assert os.path.isdir(store)
