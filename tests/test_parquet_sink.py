"""Row groups of the Parquet writer: bounded in rows and in text, cut by the rows alone."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipelines.store.parquet as parquet
from pipelines.store.parquet import ParquetSink, text_bytes


def _table(rows: int) -> pa.Table:
    return pa.table(
        {
            "id": pa.array(range(rows), pa.int64()),
            "text": [("段落" * (1 + i % 7)) for i in range(rows)],
            "tags": [["甲", "乙" * (i % 3)] for i in range(rows)],
        }
    )


def test_text_bytes_counts_the_utf8_of_strings_and_of_lists_of_strings() -> None:
    table = pa.table({"a": ["ab", None, "中"], "l": [["x", "yz"], [], None], "n": [1, 2, 3]})
    assert text_bytes(table).tolist() == [5, 0, 3]
    assert text_bytes(pa.concat_tables([table, table]).slice(1, 4)).tolist() == [0, 3, 5, 0]


def _write(path: Path, table: pa.Table, batch: int) -> bytes:
    with ParquetSink(path, table.schema, row_group_size=50) as sink:
        for start in range(0, table.num_rows, batch):
            sink.write(table.slice(start, batch))
    return path.read_bytes()


def test_a_row_group_ends_where_its_text_reaches_the_bound_whatever_the_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 300)
    table = _table(200)
    one = _write(tmp_path / "a.parquet", table, 200)
    assert _write(tmp_path / "b.parquet", table, 7) == one
    assert _write(tmp_path / "c.parquet", table, 64) == one
    meta = pq.ParquetFile(tmp_path / "a.parquet").metadata
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert sum(sizes) == 200 and max(sizes) < 50
    weights = text_bytes(table).tolist()
    start = 0
    for size in sizes[:-1]:  # each full group's text reaches the bound at its last row only
        assert sum(weights[start : start + size]) >= 300 > sum(weights[start : start + size - 1])
        start += size
    assert pq.read_table(tmp_path / "a.parquet").equals(table)


def test_groups_are_cut_by_rows_when_the_text_is_small(tmp_path: Path) -> None:
    table = _table(120)
    _write(tmp_path / "a.parquet", table, 33)
    meta = pq.ParquetFile(tmp_path / "a.parquet").metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [50, 50, 20]


def test_a_sink_at_another_compression_level_writes_the_same_rows(tmp_path: Path) -> None:
    table = _table(500)
    with ParquetSink(tmp_path / "fast.parquet", table.schema, compression_level=1) as sink:
        sink.write(table)
    with ParquetSink(tmp_path / "small.parquet", table.schema) as sink:
        sink.write(table)
    assert pq.read_table(tmp_path / "fast.parquet").equals(
        pq.read_table(tmp_path / "small.parquet")
    )
    codec = pq.ParquetFile(tmp_path / "fast.parquet").metadata.row_group(0).column(1).compression
    assert codec == "ZSTD"
