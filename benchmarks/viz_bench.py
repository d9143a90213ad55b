"""Time, peak memory and page size of ``kg viz`` on a generated corpus, against reading the same store.

What it measures
----------------
A corpus from ``benchmarks/corpus.py`` (``--articles``, ``--seed``; 2,000 and 0
by default) is ingested once into a store under ``--work`` (kept between
runs: ingesting 2,000 articles takes minutes, and is not what is measured
here). Then, each as its own ``kg`` process (so peak memory is that
command's alone, read from ``wait4``'s ``ru_maxrss``):

* **baseline** -- ``kg query`` of the explorer's own statement query
  (``kg.views.explore.STATEMENTS_QUERY``) written as CSV: reading every statement
  out of the store, the floor any view pays;
* **html** -- ``kg viz --out graph.html``: the explorer page of the whole store;
* **png** -- ``kg viz --out graph.png``: the static picture;
* **ego** -- ``kg viz --ego ACTOR --hops 2`` on the most connected actor.

Times and memory are also given as ratios to the baseline measured in the
same run (the machine is shared and noisy; the ratios travel better than the
seconds). With Playwright and a Chromium (``KG_CHROMIUM`` or ``chromium`` on
the PATH), the page is also opened headless: time until it is ready, the
time of one relation filter change and of one ego view, and the JS heap.

The issue's bars are checked and printed last: peak memory of ``kg viz``
under 1 GiB and the page under 15 MB. The exit code is 1 when one fails.

    python benchmarks/viz_bench.py [--articles 2000] [--seed 0] [--work .cache/viz-bench] [--store DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
BARS = {"memory": 1024 * MIB, "page": 15 * 1000 * 1000}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=2000, help="articles in the generated corpus (default: 2000)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    p.add_argument("--work", type=Path, default=REPO / ".cache" / "viz-bench",
                   help="folder for the corpus, its store and the outputs (default: .cache/viz-bench)")
    p.add_argument("--store", type=Path, default=None,
                   help="measure this existing store instead of generating and ingesting a corpus")
    p.add_argument("--no-browser", action="store_true", help="skip opening the page in headless Chromium")
    return p.parse_args(argv)


def kg_bin() -> str:
    """Return the ``kg`` command of this interpreter's environment."""
    candidate = Path(sys.executable).with_name("kg")
    return str(candidate) if candidate.exists() else "kg"


def run(cmd: list[str], *, stdout: int | None = subprocess.DEVNULL) -> tuple[float, int, bytes]:
    """Run ``cmd``; return (wall seconds, peak RSS in bytes of that process, its stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if stdout is None else stdout, stderr=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')}")
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return elapsed, rss, out


def ensure_store(args: argparse.Namespace) -> Path:
    """Return a store holding the generated corpus, ingesting it first when missing."""
    if args.store:
        if not args.store.is_dir():
            raise SystemExit(f"no store at {args.store}")
        return args.store
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import generate

    base = args.work / f"corpus-{args.articles}-seed{args.seed}"
    store, done = base / "store", base / "ingested"
    if done.exists():
        print(f"store: {store} (ingested earlier; delete {base} to redo)")
        return store
    shutil.rmtree(base, ignore_errors=True)
    generate(base / "articles", articles=args.articles, seed=args.seed)
    print(f"ingesting {args.articles} generated articles into {store} (once; not part of the figures) ...",
          flush=True)
    seconds, rss, out = run(["nice", kg_bin(), "ingest", str(base / "articles"), "--store", str(store)], stdout=None)
    print(f"  {out.decode().strip()} in {seconds:.0f}s, peak RSS {rss / MIB:.0f} MiB")
    done.write_text("ok\n", encoding="utf-8")
    return store


def busiest_actor(store: Path) -> str:
    """Return the IRI of the actor in the most statements (the ego benchmark's centre)."""
    query = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?st a pk:Statement ; rdf:subject|rdf:object ?a } GROUP BY ?a"
    _, _, out = run([kg_bin(), "query", query, "--store", str(store), "--format", "csv"], stdout=None)
    rows = list(csv.reader(io.StringIO(out.decode())))[1:]
    return max(rows, key=lambda r: (int(r[1]), r[0]))[0]


def browser_figures(page: Path) -> dict[str, float] | None:
    """Return load, filter and ego timings (ms) and the JS heap (MiB) of the page in headless Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser: playwright is not installed (make setup); skipped")
        return None
    exe = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("browser: no chromium found (apt-get install chromium, or KG_CHROMIUM); skipped")
        return None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=["--disable-gpu", "--disable-quic", "--no-first-run",
                                                                "--disable-background-networking",
                                                                "--disable-component-update", "--disable-sync",
                                                                "--enable-precise-memory-info"])
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        start = time.perf_counter()
        tab.goto(page.as_uri())
        tab.wait_for_function("window.kgExplorer && window.kgExplorer.ready", timeout=120_000)
        ready = (time.perf_counter() - start) * 1000
        figures = tab.evaluate("""() => {
            const x = window.kgExplorer, t0 = performance.now();
            const busiest = Array.from(document.querySelectorAll('[data-relation]'))
              .sort((a, b) => (+b.parentNode.querySelector('.kg-count').textContent || 0) -
                              (+a.parentNode.querySelector('.kg-count').textContent || 0))[0];
            busiest.click();
            const t1 = performance.now();
            busiest.click();
            const t2 = performance.now();
            const nodes = x.visibleNodes();
            x.enterEgo(nodes[0], 2);
            const t3 = performance.now();
            x.leaveEgo();
            const heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
            return {filter: t1 - t0, unfilter: t2 - t1, ego: t3 - t2, heap: heap / 1048576,
                    nodes: nodes.length, edges: x.visibleEdges().length};
        }""")
        browser.close()
    figures["ready"] = ready
    figures["errors"] = len(errors)
    return figures


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    store = ensure_store(args)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from kg.views.explore import STATEMENTS_QUERY

    kg = kg_bin()
    out = args.work / "out"
    out.mkdir(exist_ok=True)
    base_s, base_rss, rows = run([kg, "query", STATEMENTS_QUERY, "--store", str(store), "--format", "csv"],
                                 stdout=None)
    n_statements = rows.count(b"\n") - 1
    ego = busiest_actor(store)
    jobs = {
        "html": [kg, "viz", "--store", str(store), "--out", str(out / "graph.html")],
        "png": [kg, "viz", "--store", str(store), "--out", str(out / "graph.png")],
        "ego": [kg, "viz", "--store", str(store), "--out", str(out / "ego.html"), "--ego", ego, "--hops", "2"],
    }
    results = {name: run(cmd, stdout=None) for name, cmd in jobs.items()}
    sizes = {"html": (out / "graph.html").stat().st_size, "png": (out / "graph.png").stat().st_size,
             "ego": (out / "ego.html").stat().st_size}

    print(f"store: {store}: {n_statements} statements")
    print(f"baseline  kg query (all statements, csv)  {base_s:6.2f}s  peak RSS {base_rss / MIB:6.0f} MiB")
    for name, (seconds, rss, said) in results.items():
        target = Path(jobs[name][5]).name
        print(f"{name:<9} kg viz -> {target:<10}        {seconds:6.2f}s  peak RSS {rss / MIB:6.0f} MiB"
              f"  size {sizes[name] / 1e6:5.2f} MB   (x{seconds / base_s:.1f} time, x{rss / base_rss:.1f} memory of "
              f"the baseline)   {said.decode().strip()}")
    figures = None if args.no_browser else browser_figures(out / "graph.html")
    if figures:
        print(f"browser: ready in {figures['ready']:.0f} ms; {figures['nodes']} actors, {figures['edges']} edges "
              f"drawn; hiding the busiest relation {figures['filter']:.0f} ms, showing it again "
              f"{figures['unfilter']:.0f} ms; a 2-hop ego view {figures['ego']:.0f} ms; JS heap "
              f"{figures['heap']:.0f} MiB; {figures['errors']} console errors")
    peak = max(rss for _, rss, _ in results.values())
    ok_memory = peak < BARS["memory"]
    ok_page = sizes["html"] < BARS["page"]
    print(f"bar: peak memory of kg viz {peak / MIB:.0f} MiB < 1024 MiB: {'PASS' if ok_memory else 'FAIL'}")
    print(f"bar: page size {sizes['html'] / 1e6:.2f} MB < 15 MB: {'PASS' if ok_page else 'FAIL'}")
    return 0 if ok_memory and ok_page and not (figures and figures["errors"]) else 1


if __name__ == "__main__":
    sys.exit(main())
