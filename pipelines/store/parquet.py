"""Deterministic Parquet files: same rows in, same bytes out.

pyarrow writes no timestamps into Parquet; we fix everything else that could vary (row
order, compression, row-group size, statistics, created_by stays the pinned version) and
write through a temporary file so that a crash never leaves a half-written table.

Tables too large for memory are written by `ParquetSink`, which takes record batches one by
one and writes row groups of `ROW_GROUP_SIZE` rows, or fewer where their text reaches
`ROW_GROUP_BYTES` first: the cuts depend on the rows alone, so the bytes are the same as
`write_parquet` of the whole table would give, whatever the batch sizes.
"""

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROW_GROUP_SIZE = 100_000
#: Text (UTF-8 bytes of the string columns) of one row group at most: the writer holds a row
#: group and its encoding buffers, so 100,000 paragraphs of a 100 MB corpus (36 MB of text)
#: cost 650 MB to write against 430 MB for groups of 10,000. A group ends at the row whose
#: text reaches the bound (the seeds' tables, ~1 MB each, are one group either way).
ROW_GROUP_BYTES = 8_000_000
_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "store_schema": True,
}


class ParquetSink:
    """Write a Parquet file from batches, atomically (temp file, fsync, rename on close).

    Rows are buffered until a full row group is there, so memory is bounded by one row
    group whatever the size of the table. Use as a context manager: an exception discards
    the temporary file and leaves any earlier file at `path` as it was.
    """

    def __init__(
        self,
        path: Path,
        schema: pa.Schema,
        row_group_size: int = ROW_GROUP_SIZE,
        compression_level: int | None = None,
    ):
        self.path = path
        self.schema = schema
        self.row_group_size = row_group_size
        self.rows = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        self._tmp = Path(tmp)
        options = dict(_OPTIONS)
        if compression_level is not None:
            options["compression_level"] = compression_level
        self._writer = pq.ParquetWriter(tmp, schema, **options)
        self._pending: list[pa.RecordBatch] = []
        self._pending_rows = 0
        #: text bytes of each pending row, measured only once the pending buffers (an upper
        #: bound of their text) could reach ROW_GROUP_BYTES: a shard of 1,000 small files
        #: writes 11,000 small tables, and measuring every one of them cost 3 s in all
        self._pending_bytes: np.ndarray | None = None
        self._pending_buffers = 0

    def write(self, data: pa.Table | pa.RecordBatch) -> None:
        table = data if isinstance(data, pa.Table) else pa.Table.from_batches([data])
        if table.num_rows == 0:
            return
        table = table.cast(self.schema) if table.schema != self.schema else table
        self._pending.extend(table.to_batches())
        self._pending_rows += table.num_rows
        self._pending_buffers += table.get_total_buffer_size()
        if self._pending_bytes is not None:  # measured already: keep it measured
            self._pending_bytes = np.concatenate([self._pending_bytes, text_bytes(table)])
        while (rows := self._full_group()) is not None:
            self._flush(rows)

    def _full_group(self) -> int | None:
        """Rows of the next row group if the pending rows complete one, else None."""
        if self._pending_rows < self.row_group_size and self._pending_buffers < ROW_GROUP_BYTES:
            return None  # the text is less than the buffers that hold it
        if self._pending_bytes is None:
            self._pending_bytes = text_bytes(pa.Table.from_batches(self._pending, self.schema))
        if self._pending_rows >= self.row_group_size:
            head = np.cumsum(self._pending_bytes[: self.row_group_size])
        else:
            head = np.cumsum(self._pending_bytes)
        reached = int(np.searchsorted(head, ROW_GROUP_BYTES, side="left"))
        if reached < len(head):
            return reached + 1
        return self.row_group_size if self._pending_rows >= self.row_group_size else None

    def _flush(self, rows: int) -> None:
        table = pa.Table.from_batches(self._pending, schema=self.schema)
        head, rest = table.slice(0, rows), table.slice(rows)
        self._writer.write_table(head.combine_chunks(), row_group_size=self.row_group_size)
        self.rows += head.num_rows
        self._pending = rest.to_batches()
        self._pending_rows = rest.num_rows
        self._pending_bytes = None if self._pending_bytes is None else self._pending_bytes[rows:]
        self._pending_buffers = rest.get_total_buffer_size()

    def close(self) -> Path:
        if self._pending_rows:
            self._flush(self._pending_rows)
        self._writer.close()
        with open(self._tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(self._tmp, 0o644)  # mkstemp makes it private; a published file is world-readable
        os.replace(self._tmp, self.path)
        return self.path

    def abort(self) -> None:
        self._writer.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> "ParquetSink":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def text_bytes(table: pa.Table) -> np.ndarray:
    """UTF-8 bytes of each row's string columns (top level; lists of strings by their
    values), the measure of a row group's size."""
    sizes = np.zeros(table.num_rows, dtype=np.int64)
    for column in table.columns:
        kind = column.type
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            lengths = pc.binary_length(column).fill_null(0)
            sizes += lengths.to_numpy(zero_copy_only=False).astype(np.int64)
        elif pa.types.is_list(kind) and pa.types.is_string(kind.value_type):
            for chunk, start in zip(column.chunks, _starts(column), strict=True):
                values = pc.binary_length(chunk.flatten()).fill_null(0)
                ends = np.cumsum(values.to_numpy(zero_copy_only=False).astype(np.int64))
                cuts = chunk.offsets.to_numpy() - chunk.offsets[0].as_py()
                totals = np.concatenate([[0], ends])[cuts]
                sizes[start : start + len(chunk)] += np.diff(totals)
    return sizes


def _starts(column: pa.ChunkedArray) -> list[int]:
    lengths = [len(chunk) for chunk in column.chunks]
    return [sum(lengths[:i]) for i in range(len(lengths))]


def write_parquet(data: pa.Table, path: Path) -> Path:
    """Write a whole table atomically (temp file in the same folder, fsync, rename)."""
    with ParquetSink(path, data.schema) as sink:
        sink.write(data)
    return path


def write_batches(batches: Iterable[pa.RecordBatch], schema: pa.Schema, path: Path) -> int:
    """Stream batches into one Parquet file; returns the number of rows written."""
    with ParquetSink(path, schema) as sink:
        for batch in batches:
            sink.write(batch)
    return sink.rows


def read_parquet(path: Path) -> pa.Table:
    return pq.read_table(path)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
