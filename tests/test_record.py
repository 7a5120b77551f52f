"""The record: valid against the published schema, replays to the output, restores the source."""
import json
from importlib import resources

import jsonschema
import pytest

from cleaner.api import Cleaner
from cleaner.record import replay, restore_bytes, restore_text

SCHEMA = json.loads(resources.files("cleaner").joinpath("schema/record.schema.json").read_text())


def cleaned(raw: bytes):
    return Cleaner().clean_bytes(raw, "doc.txt", "doc.txt")


def test_every_seed_record_is_valid_replays_and_restores(seed_paths):
    assert len(seed_paths) == 5
    for path in seed_paths:
        raw = path.read_bytes()
        result = cleaned(raw)
        jsonschema.validate(result.record, SCHEMA)
        assert replay(result.decoded.text, result.record) == result.text
        assert restore_bytes(result.text, result.record) == raw


@pytest.mark.parametrize("raw", [
    "Mojibake: the mayorâ€™s office\r\nsaid\u00a0so.\r\n".encode("utf-8"),
    b"\xef\xbb\xbfBOM and text\n",
    "Les élèves à l’école, déjà fatigués ce matin.".encode("cp1252"),
    b"bad \xff\xfe\x81 bytes here and there\n",
    "UTF-16 text\nwith lines".encode("utf-16"),
])
def test_restore_is_byte_exact_on_awkward_sources(raw):
    result = cleaned(raw)
    jsonschema.validate(result.record, SCHEMA)
    assert restore_bytes(result.text, result.record) == raw


def test_source_offsets_point_at_the_removed_text_in_the_source():
    raw = "Line one\r\nthe mayorâ€™s   office\r\n".encode()
    result = cleaned(raw)
    source = result.decoded.text
    for step in result.record["steps"]:
        for edit in step["edits"]:
            if step["name"] == "fix-encoding":
                assert source[edit["source_start"]:edit["source_end"]] == edit["removed"]
            else:
                assert edit["source_start"] <= edit["source_end"] <= len(source)
    ftfy_edit = next(s for s in result.record["steps"] if s["name"] == "fix-encoding")["edits"][0]
    assert source[ftfy_edit["source_start"]:ftfy_edit["source_end"]] == "â€™"


def test_a_tampered_output_is_detected():
    result = cleaned(b"Some text.\n\nMore text.\n")
    with pytest.raises(Exception, match="sha256"):
        restore_bytes(result.text.replace("Some", "Same"), result.record)
    assert restore_text(result.text, result.record) == "Some text.\n\nMore text.\n"
