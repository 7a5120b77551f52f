"""Settings from `[tool.cleaner]` in pyproject.toml, merged under the command-line flags.

Precedence: built-in defaults, then the nearest pyproject.toml (searched from
the current folder upwards, like black and ruff), then flags. Paths in the
file are relative to the file's folder. Every effective value remembers
where it came from, which `cleaner config` prints.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from cleaner.errors import UsageError
from cleaner.settings import DEFAULT_MAX_BYTES, Settings

# key: (type, default, help)
KEYS: dict[str, tuple[type, Any, str]] = {
    "out": (str, None, "output folder"),
    "root": (str, None, "mirror sources relative to this folder"),
    "rules": (list, [], "extra rule folders"),
    "steps": (list, [], "only these steps (empty: all)"),
    "skip": (list, [], "steps to skip"),
    "lang": (list, [], "keep only documents in these languages (empty: all)"),
    "typos": (bool, True, "fix typos"),
    "max_bytes": (int, DEFAULT_MAX_BYTES, "refuse larger sources"),
    "favor": (str, "precision", "HTML extraction: precision, balanced or recall"),
    "keep_comments": (bool, False, "HTML: keep reader comments"),
    "corpus_repeats": (bool, False, "remove lines repeated across the corpus"),
}
PATH_KEYS = {"out", "root", "rules"}


@dataclass(frozen=True)
class Value:
    value: Any
    origin: str  # "default", the pyproject.toml path, or "command line"


def find_pyproject(start: Path) -> Path | None:
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _check(key: str, value: Any, where: str) -> Any:
    if key not in KEYS:
        raise UsageError(f"{where}: [tool.cleaner] has unknown key {key!r}; known: {', '.join(KEYS)}")
    kind = KEYS[key][0]
    if kind is list and isinstance(value, str):
        value = [value]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)) \
            or (kind is list and not all(isinstance(v, str) for v in value)):
        raise UsageError(f"{where}: [tool.cleaner] {key} must be a {kind.__name__}")
    return value


def file_settings(start: Path) -> tuple[dict[str, Any], Path | None]:
    """The validated `[tool.cleaner]` table of the nearest pyproject.toml."""
    path = find_pyproject(start)
    if path is None:
        return {}, None
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("cleaner", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read settings: {exc}") from None
    values = {}
    for key, value in table.items():
        value = _check(key.replace("-", "_"), value, str(path))
        key = key.replace("-", "_")
        if key in PATH_KEYS:
            value = [str(path.parent / v) for v in value] if isinstance(value, list) else str(path.parent / value)
        values[key] = value
    return values, path


def effective(flags: Mapping[str, Any], start: Path | None = None) -> dict[str, Value]:
    """Every key's value and origin; `flags` holds only the flags actually given."""
    from_file, path = file_settings(start or Path.cwd())
    merged = {key: Value(default, "default") for key, (_, default, _) in KEYS.items()}
    merged.update({key: Value(value, str(path)) for key, value in from_file.items()})
    merged.update({key: Value(value, "command line") for key, value in flags.items() if value is not None})
    return merged


def to_settings(values: Mapping[str, Value]) -> Settings:
    get = {key: v.value for key, v in values.items()}
    return Settings(steps=tuple(get["steps"]) or None, skip=tuple(get["skip"]),
                    rule_dirs=tuple(Path(p) for p in get["rules"]), max_bytes=get["max_bytes"],
                    corpus_repeats=get["corpus_repeats"], html_favor=get["favor"],
                    html_comments=get["keep_comments"], languages=tuple(get["lang"]),
                    typos=get["typos"])
