"""Finding sources, naming outputs, reading safely and writing atomically."""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from cleaner.errors import InputError

RECORD_SUFFIX = ".cleaner.json"


@dataclass(frozen=True)
class Job:
    """One source and where its body and record go."""

    source: Path
    output: Path
    record: Path
    rel_source: str  # the source path as the record names it (relative to its input root)
    rel_output: str
    display: str  # how messages name the source


@dataclass(frozen=True)
class Problem:
    """A source that cannot even be read, reported instead of a job."""

    display: str
    message: str


def output_names(rel: PurePosixPath) -> tuple[PurePosixPath, PurePosixPath]:
    """`a/b.html` -> (`a/b.txt`, `a/b.cleaner.json`)."""
    return rel.with_suffix(".txt"), rel.with_name(rel.stem + RECORD_SUFFIX)


def _is_output(path: Path) -> bool:
    return path.name.endswith(RECORD_SUFFIX)


def _inside(path: Path, folder: Path | None) -> bool:
    """Whether `path`, symlinks resolved, lies in `folder` (False for a loop)."""
    if folder is None:
        return False
    try:
        path.resolve(strict=False).relative_to(folder.resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def _resolves(path: Path) -> bool:
    try:
        path.resolve(strict=True)
        return True
    except (OSError, RuntimeError):
        return False


def _walk(root: Path, out_dir: Path | None, follow: bool) -> Iterator[Path | Problem]:
    """Files under `root` in a stable order. Symlinks are followed only inside `root`,
    unless `follow`; a followed folder is entered once (no loops)."""
    seen: set[Path] = set()
    for folder, dirs, files in os.walk(root, followlinks=follow):
        here = Path(folder)
        real = here.resolve()
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        kept = []
        for name in sorted(dirs):
            path = here / name
            if name.startswith(".") or _inside(path, out_dir):
                continue
            if path.is_symlink() and not follow and not _inside(path, root):
                yield Problem(str(path), "symlink pointing outside the input folder: not followed "
                                         "(--follow-symlinks)")
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or _is_output(path):
                continue
            if path.is_symlink():
                if not _resolves(path):
                    yield Problem(str(path), "broken symlink or symlink loop")
                    continue
                if not follow and not _inside(path, root):
                    yield Problem(str(path), "symlink pointing outside the input folder: not followed "
                                             "(--follow-symlinks)")
                    continue
            yield path


def discover(paths: Iterable[Path], out_dir: Path | None, *, in_place: bool = False,
             root: Path | None = None, follow: bool = False) -> Iterator[Job | Problem]:
    """Jobs for every source under `paths`, in a stable order; problems for the rest.

    Outputs mirror each path relative to `root` when given, else relative to
    the folder given (or a file's own folder).
    """
    claimed: dict[Path, str] = {}
    for given in paths:
        if not given.exists():
            yield Problem(str(given), "no such file or directory")
            continue
        base = given if given.is_dir() else given.parent
        candidates = _walk(given, out_dir, follow) if given.is_dir() else iter([given])
        for path in candidates:
            if isinstance(path, Problem):
                yield path
                continue
            try:
                rel = PurePosixPath(Path(os.path.abspath(path)).relative_to(
                    os.path.abspath(root or base)).as_posix())
            except ValueError:
                yield Problem(str(path), f"not inside --root {root}")
                continue
            body_rel, record_rel = output_names(rel)
            if in_place:
                output, record = path, path.parent / record_rel.name
            else:  # with no output folder (a read-only pass), names are relative to the input
                folder = out_dir if out_dir is not None else base
                output, record = folder / body_rel, folder / record_rel
            key = output.resolve()
            if key in claimed:
                yield Problem(str(path), f"output {output} is already written for {claimed[key]}")
                continue
            claimed[key] = str(path)
            yield Job(path, output, record, str(rel), str(body_rel) if not in_place else str(rel),
                      str(path))


def read_source(path: Path, max_bytes: int) -> bytes:
    """The source's bytes, or an `InputError` that says why not."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large: {size} bytes, over the limit of {max_bytes} (--max-bytes)")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError("unreadable: permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(f"unreadable: {exc.strerror or exc}") from None


TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # what atomic_write leaves if killed


def sweep_temporaries(folder: Path) -> int:
    """Remove temporary files a killed run left in `folder`; how many were removed."""
    removed = 0
    if folder.is_dir():
        for here, _, files in os.walk(folder):
            for name in files:
                if TEMP_NAME.match(name):
                    try:
                        os.unlink(os.path.join(here, name))
                        removed += 1
                    except OSError:
                        pass
    return removed


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
