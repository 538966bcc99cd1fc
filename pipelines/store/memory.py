"""Memory the build gives back: DuckDB connections with a bounded buffer, and freed memory
returned to the system between shards.

Peak RSS must stay bounded by the largest shard plus a constant, whatever the corpus size.
Two things made it grow with the corpus (measured on a generated corpus of 100 MB): a DuckDB
connection opened without a limit takes up to 80 % of the machine's memory for its buffer
(the database step of a 100 MB corpus used 1 GB more than a 10 MB one), and memory freed
after a shard (Arrow buffers, Python objects of the results, the validation's frames) stays
in the allocators' free lists, so the main process grew by ~180 MB per shard processed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

#: DuckDB's buffer for any one connection of the build; beyond it, it spills to temp_dir.
DUCKDB_MEMORY_LIMIT = "256MB"
DUCKDB_THREADS = 2


def bounded_duckdb(
    temp_dir: Path | None = None,
    database: str = ":memory:",
    *,
    read_only: bool = False,
    **config: object,
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection whose buffer is DUCKDB_MEMORY_LIMIT and which spills to temp_dir."""
    settings = {"memory_limit": DUCKDB_MEMORY_LIMIT, "threads": DUCKDB_THREADS, **config}
    con = duckdb.connect(database, read_only=read_only, config=settings)
    if temp_dir is not None:
        temp_dir.mkdir(parents=True, exist_ok=True)
        con.execute("set temp_directory = ?", [str(temp_dir)])
    return con


@contextmanager
def duckdb_session(
    temp_dir: Path | None = None,
    database: str = ":memory:",
    *,
    read_only: bool = False,
    **config: object,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A bounded connection for one step: it spills to temp_dir (by default a temporary
    folder removed on exit), and on exit it is closed and its memory given back."""
    with ExitStack() as stack:
        if temp_dir is None:
            temp_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="duckdb-")))
        con = bounded_duckdb(temp_dir, database, read_only=read_only, **config)
        try:
            yield con
        finally:
            con.close()
            release_memory()


@cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:  # pragma: no cover - no C library to load
        return None


def release_memory() -> None:
    """Give freed memory back to the system: Python's cycles collected, Arrow's pool emptied
    of unused blocks, glibc's heap trimmed (`malloc_trim`, where the C library has it)."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is not None:
        trim(0)
