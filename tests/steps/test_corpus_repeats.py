"""corpus-repeats and suggest-rules: lines found across many documents."""
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.steps.base import Context
from cleaner.steps.corpus_repeats import StripCorpusRepeats, count_repeated_lines, repeated_lines

SLOGAN = "Independent local journalism since 1890"


def make_corpus(folder, n=6):
    folder.mkdir()
    for i in range(n):
        body = f"Story number {i} tells what happened on street {i} this week, in detail and with care."
        (folder / f"doc{i}.txt").write_text(f"{body}\n{SLOGAN}\nUnique line {i}\n")


def test_counts_documents_not_occurrences():
    counts, docs = count_repeated_lines(["a\na\nb", "a\nc", "a"])
    assert docs == 3 and counts["a"] == 3 and counts["b"] == 1
    assert repeated_lines(counts, docs) == {"a": 3}


def test_step_is_a_noop_without_corpus_statistics():
    assert StripCorpusRepeats().run(SLOGAN + "\ntext", Context()).edits == ()


def test_clean_with_corpus_repeats_removes_the_slogan_only(tmp_path):
    make_corpus(tmp_path / "src")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["clean", str(tmp_path / "src"), "--out", str(out), "--corpus-repeats"])
    assert result.exit_code == 0, result.stderr
    body = (out / "doc3.txt").read_text()
    assert SLOGAN not in body and "Story number 3" in body and "Unique line 3" in body
    plain = CliRunner().invoke(app, ["clean", str(tmp_path / "src"), "--out", str(tmp_path / "o2")])
    assert plain.exit_code == 0 and SLOGAN in (tmp_path / "o2" / "doc3.txt").read_text()


def test_suggest_rules_prints_loadable_toml(tmp_path):
    import tomllib
    make_corpus(tmp_path / "src")
    result = CliRunner().invoke(app, ["suggest-rules", str(tmp_path / "src")])
    assert result.exit_code == 0
    data = tomllib.loads(result.stdout)
    assert "# found in 6 of 6 documents" in result.stdout
    assert [r["patterns"] for r in data["rule"]] == [["independent local journalism since 1890"]]
