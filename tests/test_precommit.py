"""The pre-commit hooks, run by the real pre-commit against this project (try-repo).

Slow (pre-commit builds the hook's own virtualenv and installs the project
into it), so it runs in CI's slow job: `pytest -m slow`.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

DEBRIS = "Skip to content\nThe council approved the harbour budget on Monday after a long debate.\nBack to top\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}


def pre_commit() -> str:
    exe = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    if not os.path.exists(exe):
        pytest.fail("pre-commit is not installed (pip install -e '.[test]')")
    return exe


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def user_repo(tmp_path):
    repo = tmp_path / "corpus"
    (repo / "sources" / "2024").mkdir(parents=True)
    (repo / "sources" / "2024" / "a.txt").write_text(DEBRIS)
    (repo / "pyproject.toml").write_text('[tool.cleaner]\nroot = "sources"\nout = "cleaned"\n')
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    return repo


def try_repo(repo: Path, hook: str, home: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([pre_commit(), "try-repo", str(REPO), hook, "--files", *files],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_fixing_hook_writes_then_passes_and_check_hook_catches_stale_output(user_repo, hook_home):
    source = "sources/2024/a.txt"
    first = try_repo(user_repo, "cleaner", hook_home, source)
    assert first.returncode == 1, first.stdout + first.stderr
    body = user_repo / "cleaned" / "2024" / "a.txt"
    assert body.read_text() == "The council approved the harbour budget on Monday after a long debate.\n"
    assert (user_repo / "cleaned" / "2024" / "a.cleaner.json").exists()
    assert (user_repo / "sources" / "2024" / "a.txt").read_text() == DEBRIS  # sources untouched

    second = try_repo(user_repo, "cleaner", hook_home, source)
    assert second.returncode == 0, second.stdout + second.stderr

    check = try_repo(user_repo, "cleaner-check", hook_home, source)
    assert check.returncode == 0, check.stdout + check.stderr
    (user_repo / "sources" / "2024" / "a.txt").write_text(DEBRIS + "Edit post\n")
    stale = try_repo(user_repo, "cleaner-check", hook_home, source)
    assert stale.returncode == 1 and "would clean 1 of 1 files" in stale.stdout + stale.stderr
    assert body.read_text().startswith("The council")  # the check hook wrote nothing
