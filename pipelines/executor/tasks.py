"""The unit of work: one source file in, its rows of every per-source table out.

`process_file` runs in whatever process an executor chose, so what goes in and out is plain
and picklable: the task names the file, the result carries each table as an Arrow IPC
stream (conformed to `schemas/` and sorted, ready to append to the shard's Parquet files),
the measurements of the character-conservation check, and where the time went.

A file that cannot be read, that repeats another input, or on which anything raises gives a
`rejected` source row naming the file and the reason, and no other rows: one bad file never
stops the shard, and is never half-ingested.
"""

import hashlib
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..text.tables import SOURCE_TABLES

#: Tables of the work cache: the published per-source tables, then the internal rows (the
#: conservation measured per source, the MinHash signatures).
WORK_TABLES = (*SOURCE_TABLES, "source_checks", "minhash")


_NO_PROVENANCE = {
    True: "no provenance: the file has no entry in the input folder's sources.yaml",
    False: "no provenance: the input folder has no sources.yaml sidecar",
}


@dataclass(frozen=True)
class FileTask:
    name: str  # readable file name (what `sources.file_name` holds)
    path: str  # where to read it
    raw_name: str | None = None  # hex of the name's bytes when they are not UTF-8
    sha256: str | None = None  # from the input scan
    read_error: str | None = None
    duplicate_of: str | None = None
    provenance: dict[str, Any] | None = None  # the sidecar's columns for this file
    has_sidecar: bool = False  # whether the input folder has a provenance sidecar at all
    facts_tagger: str = ""  # the optional facts tagger (facts/tagged.py); "" the rules alone


@dataclass
class FileResult:
    name: str
    source_id: str
    status: str
    error: str | None
    tables: dict[str, bytes]  # table -> Arrow IPC stream
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    stats: dict[str, dict[str, int]] = field(default_factory=dict)
    bytes: int = 0

    def table(self, name: str) -> pa.Table:
        with pa.ipc.open_stream(self.tables[name]) as reader:
            return reader.read_all()


def process_file(task: FileTask) -> FileResult:
    """Read, process and shape one source file (never raises for a per-file problem)."""
    from ..text.near_dups import minhash_rows
    from ..text.tables import build_source_tables, source_id_for

    started = time.perf_counter()
    data = b""
    if task.read_error is None and task.duplicate_of is None:
        try:
            data = Path(task.path).read_bytes()
        except OSError as exc:
            task = _with_error(task, f"cannot be read ({exc.strerror or exc})")
    if task.read_error or task.duplicate_of:
        reason = task.read_error or (
            f"duplicate input: the same bytes as {task.duplicate_of}, which is ingested instead"
        )
        rows = _rejected_rows(task, f"{task.name}: {reason}")
        return _result(task, rows, {}, {}, started, source_id_for(task.name), len(data))
    try:
        result = build_source_tables(
            task.name, data, provenance=task.provenance, facts_tagger=task.facts_tagger
        )
        rows = result.tables
        source = rows["sources"][0]
        source["file_name_bytes"] = task.raw_name
        if task.provenance is None and source["status"] == "ok":
            source["warnings"] = [*source["warnings"], _NO_PROVENANCE[task.has_sidecar]]
        rows["source_checks"] = [_conservation(source, result.line_texts, rows)]
        timings = dict(getattr(result, "timings", {}) or {})
        t = time.perf_counter()
        rows["minhash"] = minhash_rows(rows["paragraphs"], rows["documents"])
        timings["minhash"] = timings.get("minhash", 0.0) + time.perf_counter() - t
        stats = dict(getattr(result, "stats", {}) or {})
        return _result(task, rows, timings, stats, started, source["source_id"], len(data))
    except Exception as exc:  # a bug on one odd file must not stop the shard
        error = f"{task.name}: the pipeline failed on this file ({type(exc).__name__}: {exc})"
        rows = _rejected_rows(task, error)
        rows["sources"][0].update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
        return _result(task, rows, {}, {}, started, source_id_for(task.name), len(data))


def _with_error(task: FileTask, error: str) -> FileTask:
    return FileTask(task.name, task.path, task.raw_name, task.sha256, error, None, task.provenance)


def _rejected_rows(task: FileTask, error: str) -> dict[str, list[dict[str, Any]]]:
    """A `rejected` sources row (every other column at its empty value) and no other rows."""
    from ..text.tables import SOURCE_TABLES, source_id_for

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in SOURCE_TABLES}
    source = _empty_row("sources")
    source.update(
        source_id=source_id_for(task.name),
        file_name=task.name,
        sha256=task.sha256 or "",
        status="rejected",
        error=error,
        file_name_bytes=task.raw_name,
    )
    rows["sources"].append(source)
    rows["source_checks"] = []
    return rows


def _empty_row(table: str) -> dict[str, Any]:
    """Each column at its empty value: null where allowed, else 0, an empty list or ''."""
    from ..schema import load_schema

    empty: dict[str, Any] = {"list<string>": [], "string": "", "bool": False}
    return {
        c.name: None if c.nullable else empty.get(c.type, 0) for c in load_schema(table).columns
    }


def _conservation(
    source: dict[str, Any], lines: list[str] | None, rows: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """The source's conservation row, measured against the lines as the pipeline read them
    (`SourceTables.line_texts`: the file is not decoded again). The texts go in joined by
    line breaks: whitespace is not counted, so the multisets are those of the lines."""
    from ..contract.conservation import check_row

    if source["status"] != "ok":
        return check_row(source["source_id"], source["sha256"], [], [])
    kept = "\n".join([r["text"] for r in rows["paragraphs"]] + [r["text"] for r in rows["removed"]])
    joined = None if lines is None else ["\n".join(lines)]
    return check_row(source["source_id"], source["sha256"], joined, [kept])


def _result(
    task: FileTask,
    rows: dict[str, list[dict[str, Any]]],
    timings: dict[str, float],
    stats: dict[str, dict[str, int]],
    started: float,
    source_id: str,
    size: int,
) -> FileResult:
    source = rows["sources"][0]
    tables = {}
    for table in WORK_TABLES:
        data = _arrow_table(table, rows.get(table, []))
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, data.schema) as writer:
            writer.write_table(data)
        tables[table] = sink.getvalue().to_pybytes()
    return FileResult(
        task.name,
        source_id,
        source["status"],
        source.get("error"),
        tables,
        time.perf_counter() - started,
        timings,
        stats,
        size,
    )


@dataclass(frozen=True)
class _TablePlan:
    """What converting a table's rows needs, worked out once per table and process."""

    columns: tuple[Any, ...]  # the schema's columns
    names: frozenset[str]
    arrow_schema: pa.Schema
    sort_keys: list[tuple[str, str, str]]
    values: Any  # row -> the tuple of its values, in column order


@cache
def _plan(table: str) -> _TablePlan:
    from operator import itemgetter

    from ..schema import load_schema

    schema = load_schema(table)
    names = schema.column_names
    return _TablePlan(
        schema.columns,
        frozenset(names),
        schema.arrow_schema,
        [(name, "ascending", "at_start") for name in schema.sort_by],
        itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],),
    )


def _arrow_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """`schema.to_arrow(table, rows)`, column-wise with the schema's types and sort order
    worked out once (and no sort where the rows are in order already, as they mostly are):
    the same table. Rows that `to_arrow` would refuse (a missing, extra or null column, a
    value of the wrong type) go to `to_arrow`, which says what is wrong."""
    from ..schema import to_arrow

    plan = _plan(table)
    if not rows or rows[0].keys() != plan.names:
        return to_arrow(table, rows)
    try:
        columns = zip(*map(plan.values, rows), strict=True)
        arrays = [
            pa.array(values, type=column.arrow_type)
            for values, column in zip(columns, plan.columns, strict=True)
        ]
    except Exception:  # (to_arrow raises what is wrong)
        return to_arrow(table, rows)
    if any(a.null_count and not c.nullable for a, c in zip(arrays, plan.columns, strict=True)):
        return to_arrow(table, rows)
    data = pa.Table.from_arrays(arrays, schema=plan.arrow_schema)
    order = pc.sort_indices(data, sort_keys=plan.sort_keys)
    if np.array_equal(order.to_numpy(), np.arange(len(order))):
        return data
    return data.take(order)
