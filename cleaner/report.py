"""The corpus summary, aggregated one outcome at a time (no list of documents kept)."""
from __future__ import annotations

from collections import Counter
from typing import Any


def human_bytes(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


class Summary:
    """Counts documents, bytes in and out, and characters removed per step and rule."""

    def __init__(self) -> None:
        self.status: Counter[str] = Counter()
        self.bytes_in = self.bytes_out = 0
        self.by_step: Counter[str] = Counter()
        self.by_rule: Counter[str] = Counter()
        self.needs_review = 0

    def add(self, outcome) -> None:
        self.status[outcome.status] += 1
        self.bytes_in += outcome.bytes_in
        self.bytes_out += outcome.bytes_out
        self.by_step.update(outcome.removed_by_step)
        self.by_rule.update(outcome.removed_by_rule)
        self.needs_review += outcome.needs_review

    @property
    def errors(self) -> int:
        return self.status["error"]

    @property
    def written(self) -> int:
        return self.status["written"]

    @property
    def would_change(self) -> int:
        return self.status["would-change"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": sum(self.status.values()) - self.errors,
            "errors": self.errors,
            "status": dict(sorted(self.status.items())),
            "needs_review": self.needs_review,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "removed_chars_by_step": dict(sorted(self.by_step.items())),
            "removed_chars_by_rule": dict(sorted(self.by_rule.items())),
        }

    def line(self, mode: str) -> str:
        """The one-line summary printed at the end of a run."""
        removed = human_bytes(sum(self.by_step.values()))
        errors = f", {self.errors} error{'s' * (self.errors != 1)}" if self.errors else ""
        review = f", {self.needs_review} to review" if self.needs_review else ""
        if mode in ("check", "diff"):
            head = f"would clean {self.would_change} of {sum(self.status.values()) - self.errors} files"
        else:
            head = (f"cleaned {sum(self.status.values()) - self.errors} files "
                    f"({self.status['written']} written, {self.status['unchanged']} unchanged)")
        return f"{head}, {removed} of debris and whitespace removed{review}{errors}"
