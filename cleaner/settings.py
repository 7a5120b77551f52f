"""Settings that shape the output, and their digest (kept in every record)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from cleaner import __version__

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of every module of the package."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Settings:
    """Everything that decides what the chain writes for a given source."""

    steps: tuple[str, ...] | None = None  # None: every step of the chain
    skip: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    corpus_repeats: bool = False
    html_favor: str = "precision"  # precision, balanced or recall (trafilatura's modes)
    html_comments: bool = False
    languages: tuple[str, ...] = ()  # keep only these languages (empty: all)
    typos: bool = True

    def digest(self, rules_digest: str = "") -> str:
        """Changes whenever the output for an unchanged source could change: settings,
        rules and the package's own code (an incremental run must not trust a record
        written by other code)."""
        data = asdict(self)
        data["rule_dirs"] = [str(p) for p in self.rule_dirs]
        data.pop("max_bytes")
        data["version"] = __version__
        data["rules"] = rules_digest
        data["code"] = code_digest()
        blob = json.dumps(data, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
