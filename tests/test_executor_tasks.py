"""The unit of work (pipelines/executor/tasks.py): the conservation row is measured on the
lines the text stages read, without decoding the file a second time."""

from pathlib import Path

import pytest

from pipelines.contract.conservation import check_row
from pipelines.executor import tasks
from pipelines.executor.tasks import FileTask, process_file
from pipelines.text import normalize
from pipelines.text.normalize import load_lines
from pipelines.text.tables import build_source_tables


def test_the_stages_hand_back_the_lines_they_read(seeds_dir: Path) -> None:
    data = sorted(seeds_dir.glob("*.txt"))[0].read_bytes()
    result = build_source_tables("s.txt", data)
    assert result.line_texts == [line.text for line in load_lines(data)[0]]
    assert build_source_tables("empty.txt", b"").line_texts is None


def test_the_conservation_row_is_the_one_measured_on_the_file_read_again(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sorted(corpus_dir.glob("*.txt"))[0]
    decoded = []
    real = normalize.load_lines_with_stats

    def counting(data: bytes, **kwargs):
        decoded.append(len(data))
        return real(data, **kwargs)

    # every decoding goes through load_lines_with_stats (load_lines calls it too)
    monkeypatch.setattr("pipelines.text.normalize.load_lines_with_stats", counting)
    monkeypatch.setattr("pipelines.text.tables.load_lines_with_stats", counting)
    result = process_file(FileTask(path.name, str(path)))
    assert len(decoded) == 1  # the file is decoded once
    monkeypatch.undo()
    data = path.read_bytes()
    tables = {name: result.table(name).to_pylist() for name in ("paragraphs", "removed")}
    kept = [r["text"] for r in tables["paragraphs"]] + [r["text"] for r in tables["removed"]]
    lines = [line.text for line in load_lines(data, file_name=path.name)[0]]
    expected = check_row(
        result.source_id, result.table("sources")["sha256"][0].as_py(), lines, kept
    )
    assert result.table("source_checks").to_pylist() == [expected]
    assert expected["chars_lost"] == expected["chars_added"] == 0


def test_a_lost_character_is_counted_and_named() -> None:
    source = {"source_id": "x", "sha256": "0" * 64, "status": "ok"}
    rows = {"paragraphs": [{"text": "甲乙"}], "removed": [{"text": "■"}]}
    row = tasks._conservation(source, ["甲 乙", "丙", "■"], rows)
    assert (row["chars_lost"], row["chars_added"]) == (1, 0)
    assert "'丙'×1" in row["detail"]
    assert tasks._conservation(source, None, rows)["chars_lost"] == -1
