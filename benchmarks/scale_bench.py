"""Ingest at scale: does ingest keep its pace, its memory and its queries' times as the store grows?

    python benchmarks/scale_bench.py [--articles 20000] [--small 2000] [--workers 2] [--limit 3600]

For each size (``--small`` first, then ``--articles``), a fresh process
generates that many articles with ``benchmarks/corpus.py`` (seed 0, JSON
Lines), ingests them with ``kg.api.ingest(workers=N)`` into a new store under
``.cache/scale-bench/``, and prints

- articles per second for each tenth of the run (by the time each article's
  outcome arrived, counted from the first: the workers' start-up is left
  out), and the last tenth's rate over the first's; ingest confirms the
  articles of a write (some hundreds) together, so each is dated by the end
  of its write and the first write's are not counted;
- peak RSS of the ingest process and of its largest worker, read when the
  ingest ends (the saved queries run in the same process afterwards; the peak
  with them is printed beside it, not counted in the bar);
- the store's size on disk per article;
- the time of each saved query on the finished store (every row read).

It ends with the bars of issue 20: the last tenth at least 0.8x the first,
peak RSS within 1.2x of the small run, every saved query under 5 s. A run is
stopped after ``--limit`` seconds; what it measured by then is printed. The
20,000-article run takes some 30 minutes on 2 cores; it is not part of
``make bench`` (``make bench-scale`` runs it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "scale-bench"


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def one(articles: int, workers: int, store: Path) -> None:
    """Ingest ``articles`` generated articles into ``store``; print progress lines and a last JSON line."""
    import corpus

    from kg import api
    from kg.errors import KGError

    shutil.rmtree(store, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        corpus.generate(Path(tmp), articles=articles, seed=0, fmt="jsonl")
        times: list[float] = []
        tenth = max(1, articles // 10)
        t0 = time.perf_counter()
        last = [t0]

        first = [0]   # articles confirmed with the first one (its write): not counted in the first tenth's pace
        handled: list[float] = []
        since = [0, False]   # articles counted since the last tenth printed; whether a write ended since
        # (articles confirmed, CPU seconds of the family) at the end of each write: CPU is read when the next write's
        # first confirmation comes, so a tenth's CPU covers the writes it counts, whatever their size.
        write_ends: list[tuple[int, float]] = []
        cpu_mark = [0]   # the entry of write_ends the last live line counted from

        def on_outcome(outcome: object) -> None:
            if handled and time.perf_counter() - handled[-1] >= SAME_WRITE:   # the write before this one has ended
                write_ends.append((len(times), _cpu_family()))
            count(outcome)
            handled.append(time.perf_counter())

        def count(outcome: object) -> None:
            now = time.perf_counter()
            if not times:
                last[0] = now  # the pace is counted from the first article stored (the workers have started)
            gap = bool(handled) and now - handled[-1] >= SAME_WRITE   # a write ended before this outcome came
            if len(times) == first[0] and not gap:
                first[0] += 1
            else:
                since[0] += 1
            since[1] = since[1] or gap
            times.append(now)
            if len(times) % tenth == 0:
                if not since[1]:
                    print(f"  tenth {len(times) // tenth:>2}: in the same write as the tenth before", flush=True)
                    return
                done, since[0], since[1] = since[0], 0, False
                rate = done / (now - last[0])
                last[0] = now
                (n0, c0), (n1, c1) = write_ends[cpu_mark[0]], write_ends[-1]   # the writes ended since the last line
                cpu_mark[0] = len(write_ends) - 1
                if n1 <= n0 or c1 <= c0:  # no write ended since, or the workers have exited: no CPU figure
                    print(f"  tenth {len(times) // tenth:>2}: {rate:7.1f} articles/s", flush=True)
                    return
                print(f"  tenth {len(times) // tenth:>2}: {rate:7.1f} articles/s, {(n1 - n0) / (c1 - c0):6.1f} "
                      "articles per CPU second (ingest and its workers, by the writes ended)", flush=True)

        report = api.ingest(paths=[tmp], store=store, workers=workers, on_outcome=on_outcome)
        seconds = time.perf_counter() - t0
    rates = _tenth_rates(times, tenth, handled)
    cpu_rates = _tenth_cpu_rates(write_ends, tenth)
    # Peak memory of the ingest, read before any query runs: the queries' own memory is reported apart.
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    queries = {}
    for name in sorted(_saved()):
        q0 = time.perf_counter()
        rows = 0
        try:
            with api.stream_query(sparql=name, store=store, timeout=300, max_rows=None) as answer:
                rows = sum(1 for _ in answer.rows())
        except KGError as exc:  # a query past its time limit is a figure too, not the end of the run
            queries[name] = (time.perf_counter() - q0, -1)
            print(f"  query {name}: stopped after {queries[name][0]:.2f} s ({exc})", flush=True)
            continue
        queries[name] = (time.perf_counter() - q0, rows)
        print(f"  query {name}: {queries[name][0]:.2f} s, {rows} rows", flush=True)
    query_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": articles, "stored": report.stored, "failed": len(report.failed),
                      "seconds": seconds, "rates": rates, "cpu_rates": cpu_rates, "rss_main": self_rss,
                      "rss_worker": child_rss, "rss_queries": query_rss,
                      "bytes_per_article": _size(store) / max(1, report.stored), "queries": queries}), flush=True)


#: Seconds at most from one confirmation to the next (from the end of handling one to the next one's coming)
#: within one write: ingest confirms the articles of a write (some hundreds) in one go, microseconds apart.
SAME_WRITE = 0.01


def _tenth_rates(times: list[float], tenth: int, handled: list[float] | None = None) -> list[float]:
    """Return articles per second for each whole tenth, from the times their outcomes came (``handled``: when the
    handling of each ended, by default when it came).

    The articles of one write are confirmed together: each is dated when
    the last of its write was, and a tenth counts the articles whose write
    ended after the end of the tenth before and by the end of its own; the
    first write's are left out (the pace is counted from it, as before
    the writes were gathered it was from the first article stored).
    """
    handled = handled or times
    ends = list(times)
    for i in range(len(ends) - 2, -1, -1):
        if times[i + 1] - handled[i] < SAME_WRITE:
            ends[i] = ends[i + 1]
    rates = []
    start = ends[0] if ends else 0.0
    for k in range(1, 11):
        if k * tenth > len(ends):
            break
        end = ends[k * tenth - 1]
        counted = sum(1 for t in ends if start < t <= end)
        if end > start:
            rates.append(counted / (end - start))
        start = end
    return rates


def _tenth_cpu_rates(write_ends: list[tuple[int, float]], tenth: int) -> list[float]:
    """Return articles per CPU second for each whole tenth whose end has a CPU reading, from ``write_ends``: pairs
    (articles confirmed, CPU seconds) at the end of each write but the last (after which the workers are gone).

    As :func:`_tenth_rates` does for time, a tenth counts the articles of the
    writes that ended after the end of the tenth before and by the end of its
    own (the write holding its last article), and the first write's are left
    out. (Read at the moment its last article came, a tenth that ends inside
    a write would count part of a write against the CPU of all of it.)
    """
    rates: list[float] = []
    if not write_ends:
        return rates
    start_n, start_cpu = write_ends[0]
    for k in range(1, 11):
        ends = [(n, c) for n, c in write_ends if n >= k * tenth]
        if not ends:
            break
        n, cpu = ends[0]
        if n > start_n and cpu > start_cpu:
            rates.append((n - start_n) / (cpu - start_cpu))
            start_n, start_cpu = n, cpu
    return rates


def _cpu_family() -> float:
    """Return the CPU seconds used so far by this process and its live children (Linux /proc; the machine is shared,
    so articles per CPU second swing less than articles per second)."""
    tick = os.sysconf("SC_CLK_TCK")
    me = os.getpid()
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == me or int(fields[1]) == me:  # fields[1] is the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _saved() -> list[str]:
    from kg.store.queries import saved_queries

    return list(saved_queries())


def run(articles: int, workers: int, limit: float) -> dict | None:
    """Run :func:`one` in a fresh process (its own peak memory); return its figures, or None if it was stopped."""
    store = CACHE / f"store-{articles}"
    cmd = [sys.executable, __file__, "--one", str(articles), "--workers", str(workers), "--store", str(store)]
    print(f"ingesting {articles} articles with --workers {workers} ...", flush=True)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=REPO, start_new_session=True)
    assert proc.stdout is not None
    result = None
    deadline = time.monotonic() + limit
    try:
        for line in proc.stdout:
            if line.startswith("{"):
                result = json.loads(line)
            else:
                print(line, end="", flush=True)
            if time.monotonic() > deadline:
                print(f"  stopped after {limit:.0f} s (--limit)", flush=True)
                break
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
        proc.wait()
    return result


def report(small: dict | None, large: dict | None) -> None:
    for fig in (small, large):
        if fig is None:
            continue
        rates = fig["rates"]
        print(f"{fig['articles']} articles: {fig['stored']} stored, {fig['failed']} failed in {fig['seconds']:.0f} s;"
              f" tenths {' '.join(f'{r:.0f}' for r in rates)} articles/s; last/first "
              f"{rates[-1] / rates[0]:.2f}; peak RSS of the ingest: main {fig['rss_main']:.0f} MB, worker "
              f"{fig['rss_worker']:.0f} MB (with the queries after it: {fig.get('rss_queries', 0):.0f} MB);"
              f" {fig['bytes_per_article'] / 1024:.1f} KiB per article")
        cpu = fig.get("cpu_rates") or []
        if len(cpu) >= 2:
            print(f"  per CPU second, tenths {' '.join(f'{r:.1f}' for r in cpu)}; last/first {cpu[-1] / cpu[0]:.2f}")
    if small is None or large is None:
        print("not every run finished: no bars checked")
        return
    print(f"{'query':<28} {small['articles']:>10} {large['articles']:>10}")
    for name in large["queries"]:
        cells = [f"{fig['queries'][name][0]:>9.2f}s" + ("!" if fig["queries"][name][1] < 0 else " ")
                 for fig in (small, large)]
        print(f"{name:<28} {' '.join(cells)}")
    if any(rows < 0 for fig in (small, large) for _, rows in fig["queries"].values()):
        print("(! stopped at the 300 s time limit)")
    pace = large["rates"][-1] / large["rates"][0]
    rss = max(large["rss_main"], large["rss_worker"]) / max(small["rss_main"], small["rss_worker"])
    slowest = max(t if rows >= 0 else float("inf") for t, rows in large["queries"].values())
    print(f"last tenth / first tenth at {large['articles']}: {pace:.2f} (bar >= 0.8)")
    print(f"peak RSS {large['articles']} / {small['articles']}: {rss:.2f} (bar <= 1.2)")
    print(f"slowest saved query at {large['articles']}: {slowest:.2f} s (bar < 5)")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--small", type=int, default=2000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--limit", type=float, default=3600, help="seconds each run may take")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)
    p.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.one:
        one(args.one, args.workers, args.store)
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    small = run(args.small, args.workers, args.limit)
    large = run(args.articles, args.workers, args.limit)
    report(small, large)


if __name__ == "__main__":
    main()
