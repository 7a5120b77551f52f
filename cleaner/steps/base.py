"""What every step shares: the read-only context it gets and the result it returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, Protocol

from cleaner.edits import Edit


@dataclass(frozen=True)
class Context:
    """What a step may read besides its input text.

    `metadata` holds what earlier steps found (title, author, date, language);
    `options` the settings that concern steps (for example `rules`, the loaded
    rulebook); `corpus` statistics gathered over the whole input where a
    step needs them.
    """

    source: str = "<text>"
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    corpus: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class StepResult:
    """Edits against the step's input, metadata found, or a reason to drop the document."""

    edits: tuple[Edit, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    drop: str | None = None


class Step(Protocol):
    """A small class configured in `__init__`; `name` is its config and record key.

    A step that reads `context.metadata` names the keys in a `reads` tuple: when a run
    changes nothing, the values of those keys must be all it depended on besides the
    text (the fixpoint skips a step given a text it did nothing in, with the same values).
    """

    name: str
    description: str

    def run(self, text: str, context: Context) -> StepResult: ...


def prepare(step: Step) -> None:
    """Load what `step` would otherwise load on the first document that needs it (word
    lists, language profiles, compiled rules), for a process about to clean many: a step
    may define `prepare()` for this."""
    load = getattr(step, "prepare", None)
    if load is not None:
        load()
