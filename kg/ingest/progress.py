"""Showing an ingest as it runs: a progress line on a terminal, and the ``--report`` file, both fed outcome by outcome.

The progress line (articles done of the total when it is known, articles per
second, time left, failures so far) is drawn only when the stream is a
terminal and at most ten times a second. The report is JSON written as the
run goes, so a corpus of any size never sits in memory, and a run that stops
early still leaves a valid file that says why.
"""

from __future__ import annotations

import errno
import json
import os
import time
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from kg.ingest import IngestReport, Outcome
from kg.views.output import cannot_write


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class ProgressLine:
    """Draws ``[####    ] 120/2000 articles  14.2/s  ETA 2m12s  3 failed`` on a terminal stream."""

    def __init__(self, stream: IO[str], *, total: int | None = None, width: int = 24) -> None:
        self.stream = stream
        self.total = total
        self.width = width
        self.done = self.failed = 0
        self.start = time.monotonic()
        self.drawn = 0.0
        self.shown = False

    def __call__(self, outcome: Outcome) -> None:
        if outcome.status == "warning":
            return
        self.done += 1
        self.failed += outcome.status == "failed"
        now = time.monotonic()
        if now - self.drawn >= 0.1:
            self.drawn = now
            self.draw(now)

    def line(self, now: float) -> str:
        """Return the progress line for the time ``now``."""
        elapsed = max(now - self.start, 1e-6)
        rate = self.done / elapsed
        parts = []
        if self.total:
            frac = min(self.done / self.total, 1.0)
            filled = int(frac * self.width)
            parts.append(f"[{'#' * filled}{' ' * (self.width - filled)}] {self.done}/{self.total} articles")
        else:
            parts.append(f"{self.done} articles")
        parts.append(f"{rate:.1f}/s")
        if self.total and rate > 0 and self.done < self.total:
            parts.append(f"ETA {_duration((self.total - self.done) / rate)}")
        parts.append(f"{self.failed} failed")
        return "  ".join(parts)

    def draw(self, now: float | None = None) -> None:
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = 0
        columns = columns or 100  # a terminal that does not say its width
        text = self.line(time.monotonic() if now is None else now)[: max(columns - 1, 20)]
        self.stream.write("\r\x1b[K" + text)
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the line, leaving the terminal for the summary."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class ReportFile:
    """Writes ``{"articles": [outcome, ...], "summary": {...}}`` as outcomes arrive."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        try:  # before anything is read: a report that cannot be written is said at once, in one line
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            if Path(path).is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
            self.fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise cannot_write(path, exc) from exc
        self.fh.write('{"articles": [')
        self.first = True
        self.tally = IngestReport()

    def __call__(self, outcome: Outcome) -> None:
        self.tally.count(outcome)
        self.fh.write(("\n  " if self.first else ",\n  ") + json.dumps(outcome.to_json(), ensure_ascii=False))
        self.first = False

    def close(self, report: IngestReport | None, *, error: str | None = None) -> None:
        """Finish the file with the summary (or the error that stopped the run)."""
        summary: dict[str, Any] = {"finished": error is None}
        report = report or self.tally
        if report is not None:
            data = asdict(report)
            summary.update({k: data[k] for k in ("new", "updated", "unchanged", "duplicates", "triples")})
            summary["stored"] = report.stored
            summary["failed"] = len(report.failed)
            summary["warnings"] = len(report.warnings)
            summary["seconds"] = round(report.seconds, 3)
        if error is not None:
            summary["error"] = error
        self.fh.write(("\n" if not self.first else "") + '],\n"summary": ' + json.dumps(summary) + "}\n")
        self.fh.close()
