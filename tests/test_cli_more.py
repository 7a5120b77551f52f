"""diff, config, --root, incremental runs, --exit-non-zero-on-write, --in-place safety."""
import subprocess

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

runner = CliRunner()
ARTICLE = "The harbour board met on Monday and agreed to dredge the channel before the winter storms.\n"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "src"
    (src / "deep").mkdir(parents=True)
    (src / "deep" / "a.txt").write_text("Skip to content\n" + ARTICLE + "The mayorâ€™s office agreed.\n")
    return src


def test_diff_marks_removals_and_rewrites(corpus):
    result = run("diff", corpus)
    assert result.exit_code == 0
    assert "Skip to content [strip-debris navigation.skip-link]" in result.stdout
    assert "â€™ → ’ [fix-encoding encoding.ftfy]" in result.stdout
    unified = run("diff", corpus, "--unified")
    assert "-Skip to content" in unified.stdout and "+The mayor’s office agreed." in unified.stdout


def test_diff_reads_records_when_outputs_are_current(corpus, tmp_path):
    out = tmp_path / "out"
    run("clean", corpus, "--out", out)
    result = run("diff", corpus, "--out", out)
    assert "(record)" in result.stdout and "navigation.skip-link" in result.stdout
    (corpus / "deep" / "a.txt").write_text("Edit post\n" + ARTICLE)
    stale = run("diff", corpus, "--out", out)
    assert "(dry run)" in stale.stdout and "navigation.edit-link" in stale.stdout


def test_root_mirrors_files_given_one_by_one(corpus, tmp_path):
    out = tmp_path / "out"
    result = run("clean", corpus / "deep" / "a.txt", "--root", corpus, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert (out / "deep" / "a.txt").exists()
    outside = run("clean", tmp_path / "src" / "deep" / "a.txt", "--root", tmp_path / "elsewhere", "--out", out)
    assert outside.exit_code == 2 and "not inside --root" in outside.stderr


def test_incremental_run_skips_current_sources(corpus, tmp_path):
    out = tmp_path / "out"
    run("clean", corpus, "--out", out)
    record = out / "deep" / "a.cleaner.json"
    mtime = record.stat().st_mtime_ns
    again = run("clean", corpus, "--out", out, "-v")
    assert "(0 written, 1 unchanged)" in again.stderr
    assert record.stat().st_mtime_ns == mtime
    (out / "deep" / "a.txt").write_text("hand edited\n")  # a tampered output is rewritten
    fixed = run("clean", corpus, "--out", out)
    assert "(1 written, 0 unchanged)" in fixed.stderr
    assert "hand edited" not in (out / "deep" / "a.txt").read_text()


def test_exit_non_zero_on_write(corpus, tmp_path):
    out = tmp_path / "out"
    assert run("clean", corpus, "--out", out, "--exit-non-zero-on-write").exit_code == 1
    assert run("clean", corpus, "--out", out, "--exit-non-zero-on-write").exit_code == 0


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})


def test_in_place_refuses_a_dirty_tree_and_keeps_the_original_recoverable(corpus):
    git(corpus, "init", "-q")
    refused = run("clean", corpus, "--in-place")
    assert refused.exit_code == 2 and "refusing --in-place" in refused.stderr
    original = (corpus / "deep" / "a.txt").read_bytes()
    git(corpus, "add", "-A")
    git(corpus, "commit", "-qm", "sources")
    done = run("clean", corpus, "--in-place")
    assert done.exit_code == 0, done.stderr
    assert (corpus / "deep" / "a.txt").read_text().startswith("The harbour board")
    restored = run("restore", corpus / "deep" / "a.txt")
    assert restored.stdout_bytes == original
    again = run("clean", corpus, "--in-place", "--force")  # already clean: nothing rewritten
    assert "(0 written, 1 unchanged)" in again.stderr
    assert run("restore", corpus / "deep" / "a.txt").stdout_bytes == original


def test_config_from_pyproject_with_flags_on_top(corpus, tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.cleaner]\nout = "cleaned"\nskip = ["fix-encoding"]\n')
    monkeypatch.chdir(project)
    shown = run("config")
    lines = {line.split()[0]: line for line in shown.stdout.splitlines()}
    assert str(project / "cleaned") in lines["out"] and "pyproject.toml" in lines["out"]
    assert '["fix-encoding"]' in lines["skip"] and "# default" in lines["typos"]
    result = run("clean", corpus)
    assert result.exit_code == 0, result.stderr
    assert "â€™" in (project / "cleaned" / "deep" / "a.txt").read_text()  # fix-encoding skipped
    result = run("clean", corpus, "--skip", "", "--out", tmp_path / "o2")
    assert "’" in (tmp_path / "o2" / "deep" / "a.txt").read_text() and "â€™" not in (tmp_path / "o2" / "deep" / "a.txt").read_text()
    (project / "pyproject.toml").write_text('[tool.cleaner]\ncolour = "red"\n')
    bad = run("config")
    assert bad.exit_code == 2 and "unknown key 'colour'" in bad.stderr


def test_settings_digest_follows_the_code(monkeypatch):
    from cleaner import settings

    before = settings.Settings().digest("rules")
    settings.code_digest.cache_clear()
    monkeypatch.setattr(settings, "code_digest", lambda: "other-code")
    assert settings.Settings().digest("rules") != before
