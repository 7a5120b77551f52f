"""The Ray engine on a real local Ray cluster writes what the local engine writes.

Slow (starting Ray takes seconds), so it runs in CI's slow job, which
installs the `ray` extra. Without Ray it fails in CI and skips elsewhere.
"""
import json
import os

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from test_engine import make_corpus, tree

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ray_cluster():
    try:
        import ray
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("Ray is not installed: CI must pip install -e '.[test,ray]'")
        pytest.skip("Ray is not installed (pip install -e '.[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_engine_matches_the_local_engine(tmp_path, ray_cluster):
    make_corpus(tmp_path / "src")
    (tmp_path / "src" / "empty.txt").write_bytes(b"")
    shard = "".join(json.dumps({"id": str(i), "text": f"Skip to content\nStory {i} is about the harbour."}) + "\n"
                    for i in range(50))
    (tmp_path / "src" / "shard.jsonl").write_text(shard)
    runner = CliRunner()
    local = runner.invoke(app, ["clean", str(tmp_path / "src"), "--out", str(tmp_path / "local"), "-j", "1"])
    ray = runner.invoke(app, ["clean", str(tmp_path / "src"), "--out", str(tmp_path / "ray"),
                              "--engine", "ray", "-j", "2"])
    assert local.exit_code == ray.exit_code == 2  # the empty file, reported by both
    assert "empty.txt: empty file" in ray.stderr
    assert tree(tmp_path / "local") == tree(tmp_path / "ray")
    assert len(tree(tmp_path / "ray")) > 100
    assert (tmp_path / "ray" / "shard.jsonl").read_text().count('"cleaner": {"format"') == 50
    assert ray_cluster.is_initialized()
