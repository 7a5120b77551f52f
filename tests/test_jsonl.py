"""JSONL corpora: same shape out, records under `cleaner`, bad lines by number, restorable."""
import gzip
import json

from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.engine import CHUNK

runner = CliRunner()
STORY = "The council met on Monday to debate the harbour plan and its cost."


def write_jsonl(path, rows, extra_lines=()):
    lines = [json.dumps(r) for r in rows] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)


def read_jsonl(path):
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode().splitlines()]


def test_rows_keep_their_fields_and_bad_lines_are_reported_by_number(tmp_path):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [{"id": "a", "text": "Skip to content\n" + STORY, "url": "u"}],
                extra_lines=["{not json", '{"id": "b", "body": "x"}'])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["clean", str(source), "--out", str(out)])
    assert result.exit_code == 2
    assert "line 2: invalid JSON" in result.stderr and "line 3: no string field 'text'" in result.stderr
    rows = read_jsonl(out)
    assert len(rows) == 1 and rows[0]["url"] == "u" and rows[0]["text"] == STORY + "\n"
    assert rows[0]["cleaner"]["source"]["path"] == "a"
    assert rows[0]["cleaner"]["steps"]


def test_custom_fields_ids_never_become_paths_and_restore(tmp_path):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [{"doc": "../../etc/x", "content": "Edit post\n" + STORY}])
    out = tmp_path / "o" / "out.jsonl"
    result = runner.invoke(app, ["clean", str(source), "--out", str(out),
                                 "--text-field", "content", "--id-field", "doc"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["in.jsonl", "out.jsonl"]
    restored = runner.invoke(app, ["restore", str(out), "--text-field", "content"])
    assert json.loads(restored.stdout) == {"doc": "../../etc/x", "content": "Edit post\n" + STORY}


def test_gzip_output_is_deterministic_and_checkable(tmp_path):
    source = tmp_path / "in.jsonl.gz"
    write_jsonl(source, [{"id": str(i), "text": f"Back to top\n{STORY} Number {i}."} for i in range(3 * CHUNK)])
    one, two = tmp_path / "one.jsonl.gz", tmp_path / "two.jsonl.gz"
    assert runner.invoke(app, ["clean", str(source), "--out", str(one), "-j", "1"]).exit_code == 0
    assert runner.invoke(app, ["clean", str(source), "--out", str(two), "-j", "2"]).exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in read_jsonl(one)] == [str(i) for i in range(3 * CHUNK)]
    assert runner.invoke(app, ["clean", str(source), "--out", str(one), "--check"]).exit_code == 0
    write_jsonl(source, [{"id": "new", "text": STORY}])
    stale = runner.invoke(app, ["clean", str(source), "--out", str(one), "--check"])
    assert stale.exit_code == 1 and "would change" in stale.stderr


def test_jsonl_needs_a_jsonl_output(tmp_path):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [{"id": "a", "text": STORY}])
    result = runner.invoke(app, ["clean", str(source), "--out", str(tmp_path / "folder")])
    assert result.exit_code == 2 and "into a JSONL file" in result.stderr


def test_jsonl_shards_in_a_folder_are_cleaned_into_the_mirrored_folder(tmp_path):
    src = tmp_path / "shards"
    (src / "part").mkdir(parents=True)
    write_jsonl(src / "part" / "a.jsonl.gz", [{"id": str(i), "text": f"Back to top\n{STORY} {i}."} for i in range(5)])
    write_jsonl(src / "b.jsonl", [{"id": "x", "text": STORY}], extra_lines=["{broken"])
    out = tmp_path / "out"
    result = runner.invoke(app, ["clean", str(src), "--out", str(out)])
    assert result.exit_code == 2  # the broken line of b.jsonl
    assert "b.jsonl: line 2: invalid JSON" in result.stderr
    rows = read_jsonl(out / "part" / "a.jsonl.gz")
    assert [r["text"] for r in rows] == [f"{STORY} {i}.\n" for i in range(5)]
    assert all(r["cleaner"]["steps"] for r in rows)
    assert not list(out.rglob("*.cleaner.json"))
