"""Store folder hygiene: not among the user's files, damage and permissions named as such, the lock kept."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.errors import StoreError
from kg.store.check import check_store_folder, explain_open_error
from kg.store.embedded import Store

NT = '<https://policy-kg.org/id/ofcom> <http://www.w3.org/2000/01/rdf-schema#label> "Ofcom" .\n'
G = "https://policy-kg.org/article/one"


def kg(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("Ofcom fined Acme Social on Monday.\n", encoding="utf-8")
    return path


def test_store_refuses_a_folder_of_other_files(tmp_path: Path, article: Path) -> None:
    """Old: --store on any existing folder wrote database files among the user's files."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"mine")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = kg("ingest", article, "--store", folder)
    no_traceback(result)
    assert result.exit_code == 1
    assert "is not a kg store" in result.output and "new or empty folder" in result.output
    assert sorted(os.listdir(folder)) == ["notes.txt", "thesis.docx"]


def test_store_refuses_a_file(tmp_path: Path, article: Path) -> None:
    target = tmp_path / "store.txt"
    target.write_text("x", encoding="utf-8")
    result = kg("ingest", article, "--store", target)
    no_traceback(result)
    assert result.exit_code != 0 and ("is a file" in result.output or "is not a directory" in result.output)


def test_empty_folder_and_existing_store_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with Store(tmp_path / "empty") as st:
        st.replace_graph(G, NT)
    with Store(tmp_path / "empty") as st:
        assert len(st) == 1
    check_store_folder(tmp_path / "new" / "nested")  # to be created: fine


@pytest.mark.parametrize("damage", ["no-current", "bad-manifest", "missing-manifest"])
def test_damaged_store_is_named_with_the_way_to_rebuild(tmp_path: Path, damage: str) -> None:
    """Old: a damaged store gave a RocksDB traceback."""
    store = tmp_path / "store"
    with Store(store) as st:
        st.replace_graph(G, NT)
    if damage == "no-current":
        (store / "CURRENT").unlink()
    elif damage == "bad-manifest":
        for f in store.glob("MANIFEST-*"):
            f.write_bytes(b"garbage" * 10)
    else:
        (store / "CURRENT").write_text("MANIFEST-999999\n", encoding="utf-8")
    for args in (["query", "ASK { ?s ?p ?o }"], ["viz", "--out", tmp_path / "g.html"]):
        result = kg(*args, "--store", store)
        no_traceback(result)
        assert result.exit_code != 0
        assert "damaged" in result.output and f"mv {store} {store}.damaged" in result.output, result.output
        assert "kg ingest" in result.output
    with pytest.raises(StoreError, match="damaged"):
        Store(store)


def test_permission_error_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old: a permission error was reported as "Is another kg process using it?"."""
    import pyoxigraph

    def denied(path: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", path)

    monkeypatch.setattr(pyoxigraph, "Store", denied)
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "store")
    msg = str(info.value)
    assert "permission denied" in msg and "another kg process" not in msg


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes every folder")
def test_unwritable_store_folder_is_a_permission_error(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with Store(store) as st:
        st.replace_graph(G, NT)
    store.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="permission denied"):
            Store(store)
    finally:
        store.chmod(0o700)


def test_explain_open_error_names_the_cause(tmp_path: Path) -> None:
    p = tmp_path / "s"
    lock = OSError("IO error: While lock file: s/LOCK: Resource temporarily unavailable")
    assert "in use by another kg process" in str(explain_open_error(p, lock))
    full = OSError(errno.ENOSPC, "No space left on device")
    assert "disk" in str(explain_open_error(p, full)) and "full" in str(explain_open_error(p, full))
    broken = RuntimeError("Corruption: bad block")
    assert "damaged" in str(explain_open_error(p, broken)) and "mv" in str(explain_open_error(p, broken))


def test_second_ingest_gets_the_lock_error(tmp_path: Path, article: Path) -> None:
    """Two ingests on one store: a clear lock error (kept from before)."""
    store = tmp_path / "store"
    with Store(store):
        result = kg("ingest", article, "--store", store)
    no_traceback(result)
    assert result.exit_code == 1
    assert "in use by another kg process" in result.output and "wait for it to finish" in result.output


def _corrupt_store(path: Path) -> None:
    """Make a store of some 20,000 quads and overwrite bytes in the middle of its largest data file (the strings:
    the store still opens, and a query reading the values meets the damage)."""
    lines = "".join(f'<https://policy-kg.org/id/n{i}> <https://policy-kg.org/ns#rank> "{"x" * 40}{i}" .\n'
                    for i in range(20_000))
    with Store(path) as st:
        st.replace_graph("https://policy-kg.org/article/numbers", lines)
        st.flush()
    for data in sorted(path.glob("*.sst"), key=lambda p: p.stat().st_size)[-1:]:
        with data.open("r+b") as fh:
            fh.seek(data.stat().st_size // 2)
            fh.write(b"\xff" * 64)


def test_corrupt_store_is_named_damaged_with_the_way_to_rebuild(tmp_path: Path) -> None:
    """Old: corrupted bytes inside a data file gave "query failed: Corruption: block checksum mismatch ...", an
    ingest a traceback, and nothing said how to get a working store back."""
    store = tmp_path / "store"
    _corrupt_store(store)
    result = kg("query", "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o", "--store", store, "--format", "csv")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("Error")]
    assert f"the store at {store} is damaged" in line and f"mv {store} {store}.damaged" in line
    with pytest.raises(StoreError, match="is damaged"), Store(store) as st:
        st.replace_graphs([("https://policy-kg.org/article/numbers", "")])


def test_corrupt_store_is_named_at_open_before_anything_reads_it(tmp_path: Path, article: Path) -> None:
    """Old: the store opened silently; a query that read none of the damaged block answered, and an ingest went on
    writing into the damaged store. Now RocksDB's checksums of every data block are read at open."""
    store = tmp_path / "store"
    _corrupt_store(store)
    for args in (["query", "ASK { <urn:x:nothing> ?p ?o }"], ["ingest", article]):
        result = kg(*args, "--store", store)
        no_traceback(result)
        assert result.exit_code == 1, result.output
        (line,) = [x for x in result.output.splitlines() if x.startswith("Error")]
        assert f"the store at {store} is damaged" in line and "does not match its checksum" in line, line
        assert ".sst" in line and f"mv {store} {store}.damaged" in line and "kg ingest" in line


def test_a_whole_store_is_read_once_and_again_only_where_it_changed(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The checksums are read once per data file: what a write session made is recorded whole at close, a file
    found whole is not read again until it changes, and a file with no footer yet (being written by another
    process, or left by a crash before RocksDB listed it) is left to RocksDB."""
    from kg.store import checksums

    store = tmp_path / "store"
    lines = "".join(f'<https://policy-kg.org/id/n{i}> <https://policy-kg.org/ns#rank> "{i}" .\n' for i in range(2000))
    with Store(store) as st:
        st.replace_graph(G, lines)
    read: list[str] = []
    real = checksums.verify_table

    def counting(path: Path) -> bool:
        read.append(path.name)
        return real(path)

    def later() -> None:
        """Date the record a minute on, as if written then (a file changed as its stamp was taken is read again)."""
        t = time.time_ns() + 60 * 10**9
        os.utime(store / checksums.RECORD, ns=(t, t))

    monkeypatch.setattr(checksums, "verify_table", counting)
    later()
    with Store(store, read_only=True) as st:
        assert len(st) == 2000
    assert read == []                        # written by the session before, recorded whole at its close: not read
    tables = sorted(store.glob("*.sst"), key=lambda p: p.stat().st_size)
    data = tables[-1].read_bytes()
    tables[-1].write_bytes(data)             # the same bytes written again: changed times, read once more
    (store / "999999.sst").write_bytes(b"half a table")   # no footer: not RocksDB's yet
    with Store(store, read_only=True):
        pass
    assert sorted(read) == sorted([tables[-1].name, "999999.sst"])
    read.clear()
    later()
    with Store(store, read_only=True):
        pass
    assert read == ["999999.sst"]            # the whole one is not read again; the half one is until it is whole


def test_a_bulk_write_cut_short_leaves_no_file_behind(tmp_path: Path) -> None:
    """A kill during a bulk write leaves Oxigraph's bulk-*.sst files in the store folder, which RocksDB never
    lists or removes; the next write session removes them (a reader leaves them: a writer may be writing them)."""
    store = tmp_path / "store"
    with Store(store) as st:
        st.replace_graph(G, NT)
    (store / "bulk-1234.sst").write_bytes(b"half a table")
    with Store(store, read_only=True) as st:
        assert len(st) == 1
    assert (store / "bulk-1234.sst").exists()
    with Store(store) as st:
        assert len(st) == 1
    assert not (store / "bulk-1234.sst").exists()


def test_a_file_gone_under_a_reader_is_a_store_error_not_a_traceback(tmp_path: Path) -> None:
    """A read-only reader whose table file a writer's compaction removed meanwhile gets one StoreError (which a
    caller may retry), from listing graphs as from reading one."""
    with Store(tmp_path / "s"):
        pass  # a new, empty store

    class Gone:
        def named_graphs(self) -> list[object]:
            raise FileNotFoundError("IO error: No such file or directory: While open a file: 000044.sst")

        def quads_for_pattern(self, *args: object) -> list[object]:
            raise FileNotFoundError("IO error: No such file or directory: 000044.sst")

    with Store(tmp_path / "s", read_only=True) as st:
        real, st._store = st._store, Gone()
        try:
            with pytest.raises(StoreError, match="cannot read the store"):
                st.graphs()
            with pytest.raises(StoreError, match="cannot read the store"):
                st.graph_ntriples(G)
        finally:
            st._store = real
