"""Bad inputs: each gets one `error: PATH: cause` line, the rest of the corpus is still cleaned, exit 2.

Inputs that are awkward but still text (invalid UTF-8, cp1252, mixed encodings,
UTF-16 with or without a BOM) are not errors: they are decoded, cleaned, and
`restore` gives their exact bytes back. Permission tests run the installed
command as a user the permissions apply to (root ignores them); the full-disk
test uses a real 12 KiB tmpfs when this machine lets us mount one.
"""
from __future__ import annotations

import ctypes
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

runner = CliRunner()
CLEANER = shutil.which("cleaner", path=str(Path(sys.executable).parent)) or "cleaner"
ARTICLE = ("The harbour board met on Monday and agreed to dredge the channel before the winter storms, "
           "after a long debate about the cost.\n")
MB = 1024 * 1024


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def the_error_about(stderr: str, name: str) -> str:
    """The one error line naming `name` (exactly one must)."""
    found = [line for line in error_lines(stderr) if name in line]
    assert len(found) == 1, f"expected one error line about {name}, got {found!r} in:\n{stderr}"
    return found[0]


def make_good_corpus(src: Path) -> None:
    (src / "sub").mkdir(parents=True, exist_ok=True)
    (src / "good.txt").write_text("Skip to content\n" + ARTICLE, encoding="utf-8")
    (src / "sub" / "also-good.txt").write_text(ARTICLE.replace("Monday", "Friday"), encoding="utf-8")


def assert_good_corpus_cleaned(out: Path) -> None:
    assert (out / "good.txt").read_text(encoding="utf-8") == ARTICLE
    assert (out / "sub" / "also-good.txt").read_text(encoding="utf-8") == ARTICLE.replace("Monday", "Friday")
    assert (out / "good.cleaner.json").is_file() and (out / "sub" / "also-good.cleaner.json").is_file()


def no_temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.tmp")] if folder.exists() else []


# --- files that are not text -------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
REFUSED = [
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF document)"),
    ("photo.png", PNG, "binary file (PNG image)"),
    ("disguised.txt", PNG, "binary file (PNG image)"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "binary file (JPEG image)"),
    ("bundle.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file (ZIP archive)"),
    ("notes.txt.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "binary file (gzip archive)"),
    ("nul-bytes.txt", b"The council met\x00 on Tuesday.\n", "binary file (NUL bytes)"),
    ("empty.txt", b"", "empty file"),
]


@pytest.mark.parametrize("name,data,cause", REFUSED, ids=[case[0] for case in REFUSED])
def test_a_file_that_is_not_text_is_one_error_line_and_the_rest_is_cleaned(tmp_path, name, data, cause):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    (src / name).write_bytes(data)
    result = run("clean", src, "--out", out)
    assert result.exit_code == 2, result.stderr
    assert error_lines(result.stderr) == [f"error: {src / name}: {cause}" + (", not text" if "binary" in cause else "")]
    assert_good_corpus_cleaned(out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "good.cleaner.json", "good.txt", "sub", "sub/also-good.cleaner.json", "sub/also-good.txt"]


# --- text in awkward encodings: decoded, cleaned and restorable --------------------------------

CYRILLIC = "Совет собрался во вторник, чтобы утвердить бюджет на следующий год и обсудить ремонт дорог.\n"
CJK = "市议会周二开会，批准了明年的预算，并讨论了道路维修和图书馆的开放时间。\n"
GREEK = "Το δημοτικό συμβούλιο συνεδρίασε την Τρίτη για να εγκρίνει τον προϋπολογισμό του επόμενου έτους.\n"
DECODABLE = [
    # name, bytes, the body expected (exactly)
    ("utf8-bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode(), ARTICLE),
    ("cp1252.txt", "The mayor’s café — “quoted” — costs 5 €.\n".encode("cp1252"),
     "The mayor’s café — “quoted” — costs 5 €.\n"),
    ("invalid-utf8.txt", b"The council \xc3\x28 met on \xf0\x28\x8c\x28 Tuesday.\n", None),
    ("mixed-encodings.txt", "The mayor’s café ".encode("utf-8") + "and the “école” cost 5 €.\n".encode("cp1252"),
     None),
    ("utf16-bom.txt", ARTICLE.encode("utf-16"), ARTICLE),  # BOM, native byte order
    ("utf16be-bom.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), ARTICLE),
    ("utf16le-no-bom.txt", ARTICLE.encode("utf-16-le"), ARTICLE),
    ("utf16be-no-bom-accents.txt", "Le conseil s’est réuni mardi pour approuver le budget de l’école.\n"
     .encode("utf-16-be"), "Le conseil s’est réuni mardi pour approuver le budget de l’école.\n"),
    ("utf32-bom.txt", ARTICLE.encode("utf-32"), ARTICLE),
    ("koi8-r.txt", CYRILLIC.encode("koi8-r"), CYRILLIC),
    ("utf16le-no-bom-cyrillic.txt", CYRILLIC.encode("utf-16-le"), CYRILLIC),
    ("utf16le-no-bom-greek.txt", GREEK.encode("utf-16-le"), GREEK),
    ("utf16be-no-bom-cjk.txt", CJK.encode("utf-16-be"), CJK),
]


@pytest.mark.parametrize("name,data,expected", DECODABLE, ids=[case[0] for case in DECODABLE])
def test_awkward_encodings_are_decoded_cleaned_and_restored_exactly(tmp_path, name, data, expected):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / name).write_bytes(data)
    result = run("clean", src, "--out", out)
    assert result.exit_code == 0, result.stderr
    body = (out / name).with_suffix(".txt").read_text(encoding="utf-8")
    if expected is not None:
        assert body == expected
    assert "\ufffd" not in body or b"\xef\xbf\xbd" in data
    restored = runner.invoke(app, ["restore", str((out / name).with_suffix(".txt"))])
    assert restored.exit_code == 0, restored.stderr
    assert restored.stdout_bytes == data


# --- a 200 MB file ----------------------------------------------------------------------------

def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that costs no disk: a line of text, then a hole."""
    with path.open("wb") as handle:
        handle.write(ARTICLE.encode())
        handle.truncate(size)
    return path


PEAK_RSS = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stderr.write(done.stderr)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def run_measured(*args) -> tuple[int, str, int]:
    """Run the installed command; exit code, stderr and its peak resident memory in bytes."""
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, CLEANER, *map(str, args)],
                          capture_output=True, text=True, timeout=120)
    code, peak = map(int, done.stdout.split())
    return code, done.stderr, peak


def test_a_200_mb_file_is_refused_as_too_large_naming_the_limit(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    sparse_file(src / "huge.txt", 200 * MB)
    result = run("clean", src, "--out", out)
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [f"error: {src / 'huge.txt'}: too large: {200 * MB} bytes, "
                                          f"over the limit of {50 * MB} (--max-bytes)"]
    assert_good_corpus_cleaned(out)


def test_a_refused_200_mb_file_is_never_read_into_memory(tmp_path):
    sparse_file(tmp_path / "huge.txt", 200 * MB)
    code, stderr, peak = run_measured("clean", tmp_path / "huge.txt", "--out", tmp_path / "out", "-j", "1")
    assert code == 2 and "too large" in stderr
    assert peak < 100 * MB, f"peak memory {peak / MB:.0f} MB: the refused file was read"


def test_the_size_limit_is_configurable_by_flag_and_in_pyproject(tmp_path, monkeypatch):
    src = tmp_path / "src"
    make_good_corpus(src)
    sparse_file(src / "big.txt", 3000)
    flagged = run("clean", src, "--out", tmp_path / "out", "--max-bytes", "1000")
    assert flagged.exit_code == 2
    assert error_lines(flagged.stderr) == [f"error: {src / 'big.txt'}: too large: 3000 bytes, over the limit "
                                           "of 1000 (--max-bytes)"]
    assert_good_corpus_cleaned(tmp_path / "out")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.cleaner]\nmax_bytes = 2000\n")
    monkeypatch.chdir(project)
    configured = run("clean", src, "--out", tmp_path / "out2")
    assert "too large: 3000 bytes, over the limit of 2000 (--max-bytes)" in configured.stderr
    allowed = run("clean", src, "--out", tmp_path / "out3", "--max-bytes", "5000")
    assert allowed.exit_code == 2 and "binary file (NUL bytes)" in allowed.stderr  # read, then the hole is NULs


def test_raising_the_limit_reads_a_200_mb_file_with_bounded_memory(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    sparse_file(src / "huge.txt", 200 * MB)
    code, stderr, peak = run_measured("clean", src, "--out", tmp_path / "out", "-j", "1",
                                      "--max-bytes", str(300 * MB))
    assert code == 2 and f"error: {src / 'huge.txt'}: binary file (NUL bytes), not text" in stderr
    # one copy of the file and the interpreter; no decoded copies
    assert peak < 200 * MB + 150 * MB, f"peak memory {peak / MB:.0f} MB for a 200 MB file"


# --- permissions: run as someone they apply to ---------------------------------------------------

PR_CAPBSET_DROP = 24


def _drop_capabilities() -> None:
    """Empty the capability bounding set: root keeps uid 0 but loses CAP_DAC_OVERRIDE and friends,
    so after exec it obeys file permissions like anyone else."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in range(64):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            break  # EINVAL: past the last capability this kernel knows


@functools.cache
def _as_nobody_works() -> bool:
    """Whether user nobody can run the installed command (not when Python lives under /root)."""
    try:
        done = subprocess.run([CLEANER, "--help"], user=65534, group=65534, extra_groups=[],
                              env={"HOME": tempfile.gettempdir(), "PATH": os.environ.get("PATH", "")},
                              capture_output=True, timeout=60)
    except OSError:
        return False
    return done.returncode == 0


@pytest.fixture
def open_tmp():
    """A scratch folder an unprivileged user can traverse (pytest's tmp_path is 0700 under root)."""
    folder = Path(tempfile.mkdtemp(prefix="cleaner-perm-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def run_unprivileged(folder: Path, *args) -> subprocess.CompletedProcess:
    """The installed command, as a user whom permissions stop.

    Not root: as ourselves. Root: as nobody (65534) when it can run the
    interpreter, else as root with every capability dropped, else skip.
    """
    home = folder / "home"
    home.mkdir(exist_ok=True)
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "")}
    how: dict = {}
    if os.geteuid() == 0:
        os.chown(home, 65534, 65534)
        if _as_nobody_works():
            how = {"user": 65534, "group": 65534, "extra_groups": []}
        else:
            probe = subprocess.run(["cat", "/proc/self/status"], preexec_fn=_drop_capabilities,
                                   capture_output=True, text=True)
            if "CapEff:\t0000000000000000" not in probe.stdout:
                pytest.skip("running as root, nobody cannot run the interpreter and capabilities cannot be dropped")
            how = {"preexec_fn": _drop_capabilities}
    return subprocess.run([CLEANER, *map(str, args)], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=120, **how)


def writable_by_anyone(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o777)
    return folder


def test_an_unreadable_file_is_one_error_line_and_the_rest_is_cleaned(open_tmp):
    src = open_tmp / "src"
    make_good_corpus(src)
    (src / "locked.txt").write_text(ARTICLE)
    for path in [src, *src.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (src / "locked.txt").chmod(0)
    out = writable_by_anyone(open_tmp / "out")
    done = run_unprivileged(open_tmp, "clean", "src", "--out", "out", "-j", "1")
    assert done.returncode == 2, done.stderr
    assert error_lines(done.stderr) == ["error: src/locked.txt: unreadable: permission denied"]
    assert_good_corpus_cleaned(out)


def test_an_unreadable_folder_is_one_error_line_not_skipped_silently(open_tmp):
    src = open_tmp / "src"
    make_good_corpus(src)
    (src / "locked").mkdir()
    (src / "locked" / "inside.txt").write_text(ARTICLE)
    for path in [src, *src.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (src / "locked").chmod(0)
    out = writable_by_anyone(open_tmp / "out")
    done = run_unprivileged(open_tmp, "clean", "src", "--out", "out", "-j", "1")
    assert_good_corpus_cleaned(out)
    assert "permission denied" in the_error_about(done.stderr, "src/locked").lower()
    assert done.returncode == 2


def test_a_read_only_output_folder_is_an_error_per_file_and_leaves_no_file(open_tmp):
    src = open_tmp / "src"
    make_good_corpus(src)
    for path in [src, *src.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    out = open_tmp / "out"
    out.mkdir(mode=0o555)
    out.chmod(0o555)
    done = run_unprivileged(open_tmp, "clean", "src", "--out", "out", "-j", "1")
    assert done.returncode == 2, done.stderr
    assert sorted(error_lines(done.stderr)) == [
        "error: src/good.txt: cannot write output: Permission denied",
        "error: src/sub/also-good.txt: cannot write output: Permission denied"]
    assert "Traceback" not in done.stderr
    assert list(out.rglob("*")) == []


@pytest.mark.parametrize("command", ["summary", "report", "restore"])
def test_other_writes_into_a_read_only_folder_are_a_one_line_error(open_tmp, command):
    src = open_tmp / "src"
    make_good_corpus(src)
    writable_by_anyone(open_tmp / "out")
    assert run("clean", src, "--out", open_tmp / "out").exit_code == 0
    for path in [src, *src.rglob("*"), *(open_tmp / "out").rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (open_tmp / "locked").mkdir(mode=0o555)
    (open_tmp / "locked").chmod(0o555)
    args = {"summary": ["clean", "src", "--out", "out", "--summary", "locked/summary.json"],
            "report": ["report", "src", "--html", "locked/report.html"],
            "restore": ["restore", "out/good.txt", "--to", "locked/good.txt"]}[command]
    done = run_unprivileged(open_tmp, *args)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2
    assert "permission denied" in the_error_about(done.stderr, "locked/").lower()
    assert list((open_tmp / "locked").iterdir()) == []


# --- a full disk ---------------------------------------------------------------------------------

@pytest.fixture
def tiny_filesystem(tmp_path):
    """A real 12 KiB tmpfs (three pages), unmounted afterwards; skipped where mounting is not allowed."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12k,mode=0755", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_is_an_error_per_file_and_leaves_no_temporary_or_torn_file(tmp_path, tiny_filesystem):
    src = tmp_path / "src"
    src.mkdir()
    paragraph = ("The council met on Tuesday to approve the budget for the harbour, after a long debate. " * 6
                 + "\n\n")
    for i in range(6):
        (src / f"doc{i}.txt").write_text(f"Story {i}.\n\n" + paragraph * 4)
    reference = tmp_path / "reference"
    assert run("clean", src, "--out", reference).exit_code == 0
    result = run("clean", src, "--out", tiny_filesystem)
    assert result.exit_code == 2
    failed = error_lines(result.stderr)
    assert failed and all(line.endswith(": cannot write output: No space left on device") for line in failed)
    assert len({line.split(":")[1] for line in failed}) == len(failed)  # one line per file
    assert no_temporaries(tiny_filesystem) == []
    for path in tiny_filesystem.rglob("*"):  # whatever was written is whole
        assert path.read_bytes() == (reference / path.relative_to(tiny_filesystem)).read_bytes(), path


def test_a_full_disk_never_leaves_a_body_without_its_record(tmp_path, tiny_filesystem):
    src = tmp_path / "src"
    src.mkdir()
    text = ("The council met on Tuesday to approve the budget for the harbour. " * 10 + "\n\n") * 4
    for i in (1, 2):  # each body and each record takes one page: the second record finds the disk full
        (src / f"doc{i}.txt").write_text(text)
    result = run("clean", src, "--out", tiny_filesystem)
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    bodies = sorted(p.name for p in tiny_filesystem.glob("*.txt"))
    records = sorted(p.name.replace(".cleaner.json", ".txt") for p in tiny_filesystem.glob("*.cleaner.json"))
    assert bodies == records


def test_a_write_error_from_the_kernel_is_reported_and_leaves_no_temporary(tmp_path):
    """RLIMIT_FSIZE makes every write past 4 KiB fail with EFBIG: a real write error, anywhere."""
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    (src / "long.txt").write_text(ARTICLE * 60)
    limit = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
             "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)); "
             f"sys.argv = ['cleaner', 'clean', {str(src)!r}, '--out', {str(out)!r}, '-j', '1']; "
             "from cleaner.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", limit], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert error_lines(done.stderr) == [f"error: {src / 'long.txt'}: cannot write output: File too large"]
    assert_good_corpus_cleaned(out)
    assert not (out / "long.txt").exists() and no_temporaries(out) == []


# --- symlinks -------------------------------------------------------------------------------------

def test_symlink_loops_and_broken_links_are_one_error_line_each(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    (src / "loop-a.txt").symlink_to("loop-b.txt")
    (src / "loop-b.txt").symlink_to("loop-a.txt")
    (src / "dangling.txt").symlink_to("nowhere.txt")
    (src / "sub" / "here").symlink_to("..", target_is_directory=True)  # a folder loop
    for follow in ([], ["--follow-symlinks"]):
        result = run("clean", src, "--out", out, *follow)
        assert result.exit_code == 2, result.stderr
        assert sorted(error_lines(result.stderr)) == [
            f"error: {src / name}: broken symlink or symlink loop"
            for name in ("dangling.txt", "loop-a.txt", "loop-b.txt")]
        assert_good_corpus_cleaned(out)
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == ["good.txt", "sub/also-good.txt"]


def test_symlinks_leaving_the_input_folder_are_not_followed_unless_asked(tmp_path):
    src, out, outside = tmp_path / "src", tmp_path / "out", tmp_path / "outside"
    make_good_corpus(src)
    (outside / "private").mkdir(parents=True)
    (outside / "secret.txt").write_text("Outside story one, which nobody asked to clean at all.\n")
    (outside / "private" / "notes.txt").write_text("Outside story two, also not part of the input.\n")
    (src / "secret.txt").symlink_to(outside / "secret.txt")
    (src / "private").symlink_to(outside / "private", target_is_directory=True)
    (src / "inside.txt").symlink_to("good.txt")  # stays inside: followed
    result = run("clean", src, "--out", out)
    assert result.exit_code == 2
    for name in ("secret.txt", "private"):
        assert the_error_about(result.stderr, str(src / name)).endswith(
            "symlink pointing outside the input folder: not followed (--follow-symlinks)")
    assert len(error_lines(result.stderr)) == 2
    assert_good_corpus_cleaned(out)
    assert (out / "inside.txt").read_text() == ARTICLE
    assert not (out / "secret.txt").exists() and not (out / "private").exists()
    followed = run("clean", src, "--out", tmp_path / "followed", "--follow-symlinks")
    assert followed.exit_code == 0, followed.stderr
    assert (tmp_path / "followed" / "private" / "notes.txt").is_file()
    assert (tmp_path / "followed" / "secret.txt").is_file()
    assert (outside / "secret.txt").read_text().startswith("Outside story one")  # never written


# --- where the outputs go -------------------------------------------------------------------------

def test_an_output_folder_inside_the_input_is_never_read_as_input(tmp_path):
    src = tmp_path / "src"
    make_good_corpus(src)
    out = src / "cleaned"
    first = run("clean", src, "--out", out)
    assert first.exit_code == 0 and "(2 written, 0 unchanged)" in first.stderr
    second = run("clean", src, "--out", out, "-j", "2")
    assert second.exit_code == 0 and "(0 written, 2 unchanged)" in second.stderr, second.stderr
    assert sorted(p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()) == [
        "cleaned/good.cleaner.json", "cleaned/good.txt", "cleaned/sub/also-good.cleaner.json",
        "cleaned/sub/also-good.txt", "good.txt", "sub/also-good.txt"]


def test_an_output_folder_equal_to_the_input_never_overwrites_a_source_and_skips_nothing_silently(tmp_path):
    src = tmp_path / "src"
    make_good_corpus(src)
    before = {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}
    result = run("clean", src, "--out", src)
    assert {p: p.read_bytes() for p in before} == before, "a source was overwritten"
    assert result.exit_code == 2
    lines = error_lines(result.stderr)
    refused_as_a_whole = len(lines) == 1 and lines[0].startswith(f"error: {src}: ")
    every_source_reported = all(any(str(path) in line for line in lines) for path in before)
    assert refused_as_a_whole or every_source_reported, lines


def test_the_sweep_of_temporaries_never_deletes_input_files(tmp_path):
    data = tmp_path / "data"
    src = data / "src"
    make_good_corpus(src)
    kept = [src / ".draft.abcdefgh.tmp", src / ".good.txt.abcdefgh.tmp", src / "sub" / ".also-good.txt.abcdefgh.tmp"]
    for path in kept:
        path.write_text("the user's own file\n")
    run("clean", src, "--out", data)
    assert [path for path in kept if not path.exists()] == []


def test_an_input_folder_inside_the_output_folder_is_cleaned_or_refused_not_skipped(tmp_path):
    data = tmp_path / "data"
    src = data / "src"
    make_good_corpus(src)
    result = run("clean", src, "--out", data)
    cleaned = (data / "sub" / "also-good.txt").is_file()
    reported = result.exit_code == 2 and "also-good" in "".join(error_lines(result.stderr))
    refused = result.exit_code == 2 and error_lines(result.stderr) and not (data / "good.txt").exists()
    assert cleaned or reported or refused


def run_bounded(args: list[str], seconds: int, hang: str) -> tuple[subprocess.Popen, str]:
    """Run the installed cleaner; kill its whole process group and fail with `hang` past `seconds`."""
    child = subprocess.Popen([CLEANER, *args], stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _, stderr = child.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        pytest.fail(hang)
    return child, stderr


def test_a_named_pipe_in_the_input_is_one_error_line_not_a_hang(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    os.mkfifo(src / "pipe.txt")
    child, stderr = run_bounded(["clean", str(src), "--out", str(out), "-j", "1"], 20, "still running after 20 s: blocked opening the named pipe")
    assert child.returncode == 2
    assert "not a regular file" in the_error_about(stderr, "pipe.txt")
    assert_good_corpus_cleaned(out)


# --- JSONL ids are data, never paths --------------------------------------------------------------

HOSTILE_IDS = ["../../etc/x", "/etc/passwd", "..", ".", "a/../../b", "C:\\Windows\\system.ini", "nul\x00byte",
               "x" * 5000, 42, None, "~/.ssh/authorized_keys", "%2e%2e%2fetc"]


def test_jsonl_ids_are_never_written_as_paths(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    rows = [{"id": doc_id, "text": f"Edit post\n{ARTICLE}Row {i}.\n"} for i, doc_id in enumerate(HOSTILE_IDS)]
    source = work / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n")
    out = work / "out" / "out.jsonl"
    result = run("clean", source, "--out", out, "-j", "1")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [f"error: {source}: line {len(rows) + 1}: invalid JSON "
                                          "(Expecting property name enclosed in double quotes)"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "work", "work/in.jsonl", "work/out", "work/out/out.jsonl"]
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in written] == HOSTILE_IDS
    assert all(r["text"] == f"{ARTICLE}\nRow {i}.\n" for i, r in enumerate(written))
    restored = runner.invoke(app, ["restore", str(out)])
    assert [json.loads(line) for line in restored.stdout.splitlines()] == rows


# --- rules that backtrack ---------------------------------------------------------------------------

def write_rule(folder: Path, pattern: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.toml").write_text(f'[[rule]]\nid = "mine.evil"\nscope = "inline"\n'
                                      f"patterns = ['{pattern}']\nreason = \"promotional text\"\n")
    return folder


def test_a_user_rule_that_backtracks_catastrophically_is_refused_naming_file_and_rule(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    rules = write_rule(tmp_path / "rules", r"(\w+\s?)+$")
    started = time.monotonic()
    result = run("clean", src, "--out", out, "--rules", rules)
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    line, = error_lines(result.stderr)
    assert line.startswith(f"error: {rules / 'mine.toml'}: rule mine.evil: field 'patterns': ")
    assert "catastrophic backtracking" in line
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize("pattern,trigger", [("(x+x+)+y", "x" * 60), ("(b|b)*c", "b" * 60)])
def test_a_user_rule_that_passes_the_probe_but_backtracks_on_a_document_is_bounded(tmp_path, pattern, trigger):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    (src / "trap.txt").write_text(f"{ARTICLE}{trigger}\n")
    rules = write_rule(tmp_path / "rules", pattern)
    child, stderr = run_bounded(["clean", str(src), "--out", str(out), "--rules", str(rules), "-j", "1"], 30, "rule still matching after 30 s: neither refused at load nor bounded at run time")
    assert child.returncode == 2
    refused_at_load = "mine.evil" in stderr and "backtracking" in stderr and not out.exists()
    assert refused_at_load or ("trap.txt" in the_error_about(stderr, "trap.txt") and (out / "good.txt").is_file())


# --- hostile HTML ------------------------------------------------------------------------------------

PARAGRAPH = ("The council voted on Tuesday to approve the budget for next year, after a long debate about "
             "road repairs and the library.")
ENTITY_BOMB = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
               + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefg", "bcdefgh"))
               + f"]><html><body><p>&h;&h;&h;</p><p>{PARAGRAPH}</p></body></html>")
DEEP_NESTING = "<!DOCTYPE html><html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>"


def test_hostile_html_pages_are_bounded_and_the_rest_is_cleaned(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    (src / "bomb.html").write_text(ENTITY_BOMB)
    (src / "deep.html").write_text(DEEP_NESTING)
    started = time.monotonic()
    result = run("clean", src, "--out", out, "-j", "1")
    assert time.monotonic() - started < 30
    assert_good_corpus_cleaned(out)
    for name in ("bomb", "deep"):  # cleaned, or refused in one line; never expanded, never a crash
        if (out / f"{name}.txt").exists():
            text = (out / f"{name}.txt").read_text()
            assert len(text) < 5000 and PARAGRAPH in text
        else:
            assert the_error_about(result.stderr, f"{name}.html")
    assert result.exit_code in (0, 2) and "Traceback" not in result.stderr


@pytest.mark.slow
def test_more_hostile_html_pages_are_bounded(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    pages = {
        "unclosed.html": "<!DOCTYPE html><html><body>" + "<div><span>" * 100_000 + PARAGRAPH,
        "million.html": "<html><body>" + "<b>" * 1_000_000 + PARAGRAPH,
        "entities.html": "<html><body><p>" + "&amp;" * 500_000 + f"</p><p>{PARAGRAPH}</p></body></html>",
        "comments.html": "<html><body>" + "<!--" * 200_000 + f"<p>{PARAGRAPH}</p>",
    }
    for name, page in pages.items():
        (src / name).write_text(page)
    started = time.monotonic()
    result = run("clean", src, "--out", out, "-j", "1")
    assert time.monotonic() - started < 120
    assert_good_corpus_cleaned(out)
    assert "Traceback" not in result.stderr
    for name in pages:
        body = out / Path(name).with_suffix(".txt")
        assert body.exists() or the_error_about(result.stderr, name)


@pytest.mark.slow
def test_a_page_with_200k_attributes_is_bounded_by_the_time_limit(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_good_corpus(src)
    (src / "attributes.html").write_text("<html><body><p " + " ".join(f"a{i}=x" for i in range(200_000))
                                         + f">{PARAGRAPH}</p></body></html>")
    child, stderr = run_bounded(["clean", str(src), "--out", str(out), "-j", "1"], 60, "still running after 60 s, three times extract-html's 20 s limit")
    assert_good_corpus_cleaned(out)
    assert (out / "attributes.txt").exists() or "time limit" in the_error_about(stderr, "attributes.html")
