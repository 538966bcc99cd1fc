"""The unit of work (pipelines/executor/tasks.py): the conservation row is measured on the
lines the text stages read, without decoding the file a second time."""

import re
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


def _ipc(data) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, data.schema) as writer:
        writer.write_table(data)
    return sink.getvalue().to_pybytes()


def _seed_rows(seeds_dir: Path) -> dict[str, list[dict]]:
    from pipelines.text.near_dups import minhash_rows

    path = sorted(seeds_dir.glob("*.txt"))[0]
    rows = build_source_tables(path.name, path.read_bytes()).tables
    rows["minhash"] = minhash_rows(rows["paragraphs"], rows["documents"])
    return rows


def test_rows_become_the_arrow_table_that_to_arrow_makes_in_order_or_not(seeds_dir: Path):
    from pipelines.schema import to_arrow

    rows = _seed_rows(seeds_dir)
    for table, table_rows in rows.items():
        for given in (table_rows, table_rows[::-1], []):
            expected = to_arrow(table, given)
            assert tasks._arrow_table(table, given).equals(expected)
            assert _ipc(tasks._arrow_table(table, given)) == _ipc(expected), table
    assert len(rows["sentences"]) > 100


def test_rows_that_to_arrow_refuses_are_refused_with_its_error(seeds_dir: Path):
    from pipelines.schema import to_arrow

    good = _seed_rows(seeds_dir)["paragraphs"][:3]
    missing = [good[0], {k: v for k, v in good[1].items() if k != "text"}, good[2]]
    extra = [{**good[0], "surplus": 1}, *good[1:]]
    null = [good[0], {**good[1], "para_id": None}, good[2]]
    wrong = [good[0], {**good[1], "ordinal": "three"}, good[2]]
    for rows in (missing, extra, null, wrong):
        with pytest.raises(Exception) as expected:
            to_arrow("paragraphs", rows)
        with pytest.raises(type(expected.value), match=re.escape(str(expected.value))):
            tasks._arrow_table("paragraphs", rows)
