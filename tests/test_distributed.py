"""The distributed path: extraction on a Dask LocalCluster of two worker processes, loaded by one writer.

The store it leaves must equal the one a local ingest leaves, and both
workers must have done part of the work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import api
from kg.cli import main
from kg.store.embedded import Store

pytestmark = pytest.mark.model
distributed = pytest.importorskip("distributed", reason="the Dask extra: pip install 'policy-kg[dask]'")

N = 96


def dump(store: Path) -> list[str]:
    with Store(store, read_only=True) as st:
        return sorted(f"<{g}> {line}" for g in st.graphs() for line in st.graph_ntriples(g))


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "news"
    folder.mkdir()
    for i in range(N):
        (folder / f"n{i:03d}.txt").write_text(
            f"Ofcom fined Company{i} Ltd on Monday.\n\nCompany{i} Ltd criticised Ofcom.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02")
    return folder


def _calls() -> int:
    from kg.extraction.recognise import pipeline

    info = pipeline.cache_info()
    return info.hits + info.misses


def test_dask_cluster_of_two_workers_stores_what_a_local_ingest_does(news: Path, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    local = api.ingest(paths=[news], store=tmp_path / "local", workers=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        report = api.ingest(paths=[news], store=tmp_path / "dask", executor=client.get_executor(), workers=2)
        per_worker = client.run(_calls)
        # The command line, pointed at the same (running) cluster by its address.
        result = CliRunner().invoke(main, ["ingest", str(news), "--store", str(tmp_path / "cli"),
                                           "--dask", cluster.scheduler_address])
    assert report.new == local.new == N and report.triples == local.triples
    assert [Path(w).name for w, _ in report.failed] == ["broken.txt"]
    assert len(per_worker) == 2 and all(calls > 0 for calls in per_worker.values()), per_worker
    assert dump(tmp_path / "dask") == dump(tmp_path / "local")
    assert result.exit_code == 1 and f"stored {N} article(s)" in result.stdout, result.output  # 1: broken.txt
    assert dump(tmp_path / "cli") == dump(tmp_path / "local")


def test_unreachable_scheduler_is_a_clear_error() -> None:
    from kg.ingest.distributed import DistributedError, dask_executor

    with pytest.raises(DistributedError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with dask_executor("tcp://127.0.0.1:9", timeout=1):
            pass
