"""Deterministic Parquet files: same rows in, same bytes out.

pyarrow writes no timestamps into Parquet; we fix everything else that could vary (row
order, compression, row-group size, statistics, created_by stays the pinned version) and
write through a temporary file so that a crash never leaves a half-written table.
"""

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_SIZE = 100_000


def write_parquet(data: pa.Table, path: Path) -> Path:
    """Write atomically (temp file in the same folder, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(
            data,
            tmp,
            compression="zstd",
            compression_level=9,
            row_group_size=ROW_GROUP_SIZE,
            use_dictionary=True,
            write_statistics=True,
            store_schema=True,
        )
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a published file is world-readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_parquet(path: Path) -> pa.Table:
    return pq.read_table(path)
