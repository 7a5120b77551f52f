"""The command line: exit codes, stdout for data, stderr for messages."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("First  paragraph.\r\nSecond paragraph.\r\n", encoding="utf-8")
    (src / "sub" / "b.txt").write_text("The mayorâ€™s office.\n", encoding="utf-8")
    return src


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_clean_mirrors_the_tree_and_leaves_sources_alone(corpus, tmp_path):
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    result = run("clean", corpus, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "cleaned 2 files (2 written, 0 unchanged)" in result.stderr
    assert (out / "a.txt").read_text() == "First paragraph.\n\nSecond paragraph.\n"
    assert (out / "sub" / "b.txt").read_text() == "The mayor’s office.\n"
    record = json.loads((out / "sub" / "b.cleaner.json").read_text())
    assert record["source"]["path"] == "sub/b.txt"
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before


def test_check_and_diff_exit_codes(corpus, tmp_path):
    out = tmp_path / "out"
    result = run("clean", corpus, "--out", out, "--check")
    assert result.exit_code == 1 and not out.exists()
    assert "would clean 2 of 2 files" in result.stderr
    diff = run("clean", corpus, "--out", out, "--diff")
    assert diff.exit_code == 1
    assert "+++ b/a.txt" in diff.stdout and "+First paragraph." in diff.stdout
    assert run("clean", corpus, "--out", out).exit_code == 0
    again = run("clean", corpus, "--out", out, "--check")
    assert again.exit_code == 0, again.stderr
    assert "would clean 0 of 2 files" in again.stderr
    second = run("clean", corpus, "--out", out)
    assert "(0 written, 2 unchanged)" in second.stderr


def test_bad_files_are_reported_one_line_each_and_the_rest_is_cleaned(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out"
    result = run("clean", corpus, "--out", out)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt: empty file" in line for line in errors)
    assert any("image.png: binary file (PNG image)" in line for line in errors)
    assert (out / "a.txt").exists() and (out / "sub" / "b.txt").exists()


def test_usage_errors_exit_2(corpus, tmp_path):
    assert run("clean", corpus).exit_code == 2
    result = run("clean", corpus, "--out", tmp_path / "o", "--skip", "no-such-step")
    assert result.exit_code == 2 and "unknown step 'no-such-step'" in result.stderr
    missing = run("clean", tmp_path / "nope", "--out", tmp_path / "o")
    assert missing.exit_code == 2 and "no such file or directory" in missing.stderr


def test_steps_selection(corpus, tmp_path):
    out = tmp_path / "out"
    assert run("clean", corpus, "--out", out, "--steps", "fix-encoding").exit_code == 0
    assert (out / "a.txt").read_bytes() == b"First  paragraph.\r\nSecond paragraph.\r\n"
    assert (out / "sub" / "b.txt").read_text() == "The mayor’s office.\n"


def test_verbose_prints_one_line_per_edit(corpus, tmp_path):
    result = run("clean", corpus / "sub" / "b.txt", "--out", tmp_path / "out", "-v")
    assert "fix-encoding encoding.ftfy" in result.stderr
    assert run("clean", corpus, "--out", tmp_path / "o2", "-q").stderr == ""


def test_steps_command_lists_the_chain_in_order():
    result = run("steps")
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names[0] == "extract-html" and names[-1] == "normalize-layout"
    assert names.index("fix-encoding") < names.index("strip-debris")


def test_restore_gives_back_the_source_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    run("clean", corpus, "--out", out)
    result = runner.invoke(app, ["restore", str(out / "sub" / "b.txt")])
    assert result.exit_code == 0
    assert result.stdout_bytes == (corpus / "sub" / "b.txt").read_bytes()
    target = tmp_path / "restored.txt"
    assert run("restore", out / "a.txt", "--to", target).exit_code == 0
    assert target.read_bytes() == (corpus / "a.txt").read_bytes()
    (out / "a.txt").write_text("tampered\n")
    bad = run("restore", out / "a.txt")
    assert bad.exit_code == 2 and "sha256" in bad.stderr


def test_summary_file(corpus, tmp_path):
    summary = tmp_path / "summary.json"
    run("clean", corpus, "--out", tmp_path / "out", "--summary", summary)
    data = json.loads(summary.read_text())
    assert data["documents"] == 2 and data["bytes_in"] > 0
    assert data["removed_chars_by_step"]["fix-encoding"] == 2  # "â€™" (3) became "’" (1)


def test_installed_command_end_to_end(corpus, tmp_path):
    exe = shutil.which("cleaner") or str(Path(sys.executable).with_name("cleaner"))
    if not os.path.exists(exe):
        pytest.fail("the `cleaner` command is not installed (pip install -e .)")
    done = subprocess.run([exe, "clean", str(corpus), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == "First paragraph.\n\nSecond paragraph.\n"


def test_explain_lists_removals_from_a_source_and_from_a_record(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Skip to content\nThe council met on Tuesday to vote.\n")
    direct = run("explain", src / "a.txt")
    assert direct.exit_code == 0
    assert direct.stdout.splitlines() == [
        "1: strip-debris navigation.skip-link: skip-navigation link: 'Skip to content'"]
    run("clean", src, "--out", tmp_path / "out")
    from_record = run("explain", tmp_path / "out" / "a.txt")
    assert from_record.stdout == direct.stdout
