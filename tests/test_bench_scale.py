"""make bench-scale's figures: a tenth's pace per CPU second is counted by whole writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def scale_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("policy_kg_scale_bench",
                                                  Path(__file__).parent.parent / "benchmarks" / "scale_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_tenth_ending_inside_a_write_counts_the_whole_write_against_its_cpu() -> None:
    """Old: CPU was read when a tenth's last article came, which with writes of 800 and tenths of 2,000 is inside a
    write: 1,200 articles counted against the CPU of 1,600 (a pace a quarter too low), then 2,000 against 1,600. Now
    each tenth counts the writes ended by its end, against the CPU read at their ends: a steady cost is a steady
    pace, whatever the size of the writes."""
    bench = scale_bench()
    ends = [(n, n / 80) for n in range(800, 20000, 800)]   # 80 articles per CPU second, writes of 800
    assert bench._tenth_cpu_rates(ends, 2000) == [80.0] * 9   # the last write's end has no reading (workers gone)
    assert bench._tenth_cpu_rates(ends[:1], 2000) == []
    assert bench._tenth_cpu_rates([], 200) == []
    # tenths of 200 inside writes of 800: one figure per write, not one per tenth
    assert bench._tenth_cpu_rates([(800, 10.0), (1600, 20.0)], 200) == [80.0]
