"""What an ingest reports: an :class:`Outcome` per article (or input yielding none), the run's :class:`IngestReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Outcome:
    """What happened to one article (or one input that yielded none)."""

    status: str          # new, updated, unchanged, duplicate, failed, warning
    location: str        # path, path:line, archive record or URL
    id: str | None = None
    origin: str | None = None
    triples: int = 0
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the outcome as one entry of the ``--report`` file."""
        out: dict[str, Any] = {"status": self.status, "location": self.location}
        for key in ("id", "origin", "reason"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.status in ("new", "updated"):
            out["triples"] = self.triples
        return out


@dataclass
class IngestReport:
    """What ``ingest`` did: counts by outcome, and every failure and warning with its reason."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    triples: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)    # (location, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (location, message)
    seconds: float = 0.0
    linked: list[tuple[str, str]] = field(default_factory=list)    # (short-named actor, the actor it names)

    @property
    def stored(self) -> int:
        """Return how many article graphs were written (new and updated)."""
        return self.new + self.updated

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, outcome: Outcome) -> None:
        """Add ``outcome`` to the counts."""
        if outcome.status == "new":
            self.new += 1
        elif outcome.status == "updated":
            self.updated += 1
        elif outcome.status == "unchanged":
            self.unchanged += 1
        elif outcome.status == "duplicate":
            self.duplicates += 1
        elif outcome.status == "failed":
            self.failed.append((outcome.location, outcome.reason or "failed"))
        elif outcome.status == "warning":
            self.warnings.append((outcome.location, outcome.reason or ""))
        self.triples += outcome.triples

    @property
    def articles(self) -> int:
        """Return how many articles were seen (every outcome but warnings)."""
        return self.new + self.updated + self.unchanged + self.duplicates + len(self.failed)
