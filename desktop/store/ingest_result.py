"""What one batch of ingest did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestResult:
    new: int = 0
    known: int = 0
    rejected: list[str] = field(default_factory=list)  # why each rejected event was dropped
    new_interaction_ids: list[int] = field(default_factory=list)
