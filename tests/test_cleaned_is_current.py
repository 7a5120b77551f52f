"""cleaned/ must be exactly what `cleaner clean seeds --out cleaned` writes."""
from typer.testing import CliRunner

from cleaner.cli import app
from conftest import CLEANED, SEEDS


def test_cleaned_folder_is_up_to_date():
    result = CliRunner().invoke(app, ["clean", str(SEEDS), "--out", str(CLEANED), "--check"])
    assert result.exit_code == 0, (
        "cleaned/ is stale: run `cleaner clean seeds --out cleaned`, review the diff, commit\n"
        + result.stderr)
    assert sorted(p.name for p in CLEANED.glob("*.txt")) == sorted(p.name for p in SEEDS.glob("*.txt"))
