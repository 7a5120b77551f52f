"""Finding sources, naming outputs, reading safely and writing atomically."""
from __future__ import annotations

import os
import re
import stat
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


JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def output_names(rel: PurePosixPath) -> tuple[PurePosixPath, PurePosixPath]:
    """`a/b.html` -> (`a/b.txt`, `a/b.cleaner.json`); a JSONL shard keeps its name (records inside)."""
    if rel.name.lower().endswith(JSONL_SUFFIXES):
        return rel, rel
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
    failures: list[OSError] = []
    # Skip the output folder only when it lies in the input (never recurse into our own
    # outputs); an input inside the output folder is still cleaned.
    out_in_root = out_dir is not None and _inside(out_dir, root)
    for folder, dirs, files in os.walk(root, followlinks=follow, onerror=failures.append):
        while failures:
            failure = failures.pop()
            yield Problem(str(failure.filename or folder), f"unreadable folder: {failure.strerror or failure}")
        here = Path(folder)
        real = here.resolve()
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        kept = []
        for name in sorted(dirs):
            path = here / name
            if name.startswith(".") or (out_in_root and _inside(path, out_dir)):
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
    for failure in failures:
        yield Problem(str(failure.filename or root), f"unreadable folder: {failure.strerror or failure}")


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
        if out_dir is not None and given.is_dir() and out_dir.resolve() == given.resolve():
            yield Problem(str(given), "the output folder is the input folder itself: choose another "
                                      "--out folder (or --in-place)")
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
            if out_dir is not None and (key == path.resolve() or record.resolve() == path.resolve()):
                yield Problem(str(path), "its output would overwrite the source itself: choose another "
                                         "--out folder (or --in-place)")
                continue
            if key in claimed:
                yield Problem(str(path), f"output {output} is already written for {claimed[key]}")
                continue
            claimed[key] = str(path)
            yield Job(path, output, record, str(rel), str(body_rel) if not in_place else str(rel),
                      str(path))


def read_source(path: Path, max_bytes: int) -> bytes:
    """The source's bytes, or an `InputError` that says why not."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            kind = "named pipe" if stat.S_ISFIFO(info.st_mode) else "socket" if stat.S_ISSOCK(info.st_mode) \
                else "device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "special file"
            raise InputError(f"not a regular file ({kind}): not read")
        size = info.st_size
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


# What `_temporary` names a file while it is written: `.NAME.XXXXXXXX.tmp` beside NAME.
TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[A-Za-z0-9_]{8}\.tmp$")


class TemporarySweeper:
    """Removes what a killed run left while writing a file (`.NAME.XXXXXXXX.tmp` beside NAME),
    for the files about to be written, listing each folder once.

    A corpus run sweeps in the process that hands out the jobs, as each job passes, before
    any worker writes into that folder: listing the folder per file made a run quadratic in
    the files per folder. Only temporaries of the files being written go, never other files.
    """

    def __init__(self) -> None:
        self._stale: dict[Path, dict[str, list[str]]] = {}

    def sweep(self, path: Path) -> None:
        folder = path.parent
        if folder not in self._stale:
            found: dict[str, list[str]] = {}
            try:
                names = os.listdir(folder)
            except OSError:
                names = []
            for name in names:
                match = TEMPORARY.match(name)
                if match:
                    found.setdefault(match["target"], []).append(name)
            self._stale[folder] = found
        for name in self._stale[folder].pop(path.name, []):
            try:
                os.unlink(folder / name)
            except OSError:
                pass


def sweep_stale_temporaries(path: Path) -> None:
    """Remove what a killed run left while writing `path` (`.NAME.XXXXXXXX.tmp` beside it)."""
    TemporarySweeper().sweep(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_mode(path: Path) -> int:
    """The mode `path` should get: its own when it exists, else what the umask gives a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _temporary(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, file_mode(path))  # mkstemp makes it 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place."""
    atomic_write_all([(path, data)])


def atomic_write_all(files: list[tuple[Path, bytes]], swept: bool = False) -> None:
    """Write every file in full to temporaries first, then rename them all into place:
    when one does not fit (a full disk), none of them changes. `swept`: a killed run's
    temporaries of these files are already gone (a corpus run sweeps as it hands out jobs)."""
    temporaries: list[str] = []
    try:
        for path, data in files:
            if not swept:
                sweep_stale_temporaries(path)
            temporaries.append(_temporary(path, data))
        for (path, _), tmp in zip(files, temporaries):
            os.replace(tmp, path)
    except BaseException:
        for tmp in temporaries:
            _unlink(tmp)
        raise
