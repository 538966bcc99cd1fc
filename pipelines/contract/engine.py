"""The validation engine: DuckDB computes each table's frames, Great Expectations judges them.

`Relations` names where each table's rows are (Parquet files of a shard, the published files,
or Arrow tables in memory) and opens them as DuckDB views; `validate()` runs the schema suite
and the integrity checks of the tables asked for and returns one `ValidationReport` per table
and suite. Memory holds one narrow frame (IDs, the source, one column per expectation) at a
time, never a table's text: validating a shard costs the shard's frames, whatever the corpus.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ..schema import load_schema
from ..store.assemble import SOURCE_OF
from ..store.memory import bounded_duckdb
from . import integrity, schema_suite
from .gx import expectation, new_suite, run_suite
from .outcomes import ValidationReport


@dataclass
class Relations:
    """Where each table's rows are: Parquet files (a list of paths) or an Arrow table."""

    parquet: dict[str, list[Path]] = field(default_factory=dict)
    arrow: dict[str, pa.Table] = field(default_factory=dict)
    source_checks: list[dict[str, Any]] | None = None  # conservation rows, when measured
    sources: list[str] | None = None  # only the rows of these sources (a batch), when given
    #: (table, index, count): only share `index` of `count` of that table's rows, split by a
    #: hash of its primary key (rows with equal keys stay together, so uniqueness holds)
    share: tuple[str, int, int] | None = None

    def tables(self) -> set[str]:
        return (set(self.parquet) | set(self.arrow)) - {"source_checks"}

    def arrow_schema(self, table: str) -> pa.Schema:
        if table in self.arrow:
            return self.arrow[table].schema
        return pq.read_schema(self.parquet[table][0])

    def connect(self, temp_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
        con = bounded_duckdb(temp_dir)
        if self.sources is not None:
            con.register("__batch", pa.table({"source_id": pa.array(self.sources, pa.string())}))
        for table, paths in self.parquet.items():
            files = ", ".join(f"'{_quote(str(p))}'" for p in paths)
            where = ""
            if self.sources is not None and table in SOURCE_OF:
                where = f" where {SOURCE_OF[table]} in (select source_id from __batch)"
            if self.share is not None and self.share[0] == table:
                where = f" where {share_filter(table, *self.share[1:])}"
            con.execute(f"create view {table} as select * from read_parquet([{files}]){where}")
        for table, data in self.arrow.items():
            con.register(f"__arrow_{table}", data)
            con.execute(f"create view {table} as select * from __arrow_{table}")
        if "source_checks" not in self.parquet:
            con.register("__source_checks", _source_checks_table(self.source_checks or []))
            con.execute("create view source_checks as select * from __source_checks")
        return con


def share_filter(table: str, index: int, count: int) -> str:
    """SQL keeping share `index` of `count` of a table's rows (by a hash of its primary key)."""
    key = ", ".join(f'"{c}"::varchar' for c in load_schema(table).primary_key)
    return f"hash(concat_ws(chr(31), {key})) % {int(count)} = {int(index)}"


def _quote(text: str) -> str:
    return text.replace("'", "''")


def _source_checks_table(rows: list[dict[str, Any]]) -> pa.Table:
    schema = load_schema("source_checks").arrow_schema
    return pa.Table.from_pylist(rows, schema=schema)


def validate(
    relations: Relations,
    tables: list[str],
    *,
    suites: tuple[str, ...] = ("schema", "integrity"),
    con: duckdb.DuckDBPyConnection | None = None,
) -> list[ValidationReport]:
    """Schema and integrity reports of `tables` (in that order, per table)."""
    own = con is None
    con = con or relations.connect()
    try:
        reports = []
        for table in tables:
            if "schema" in suites:
                reports.append(validate_schema(con, relations, table))
            if "integrity" in suites and table in integrity.TABLE_CHECKS:
                missing = set(integrity.DEPENDS_ON[table]) - relations.tables()
                if missing:
                    raise KeyError(f"integrity of {table} needs the tables {sorted(missing)}")
                with_inputs = (
                    relations.source_checks is not None or "source_checks" in relations.parquet
                )
                reports.append(validate_integrity(con, table, with_inputs=with_inputs))
        return reports
    finally:
        if own:
            con.close()


def prepare_suites(tables: list[str], *, with_inputs: bool = True) -> None:
    """Import Great Expectations and build the suites of `tables` now (each is cached), so
    that worker processes forked afterwards validate without building them again."""
    from .gx import context

    context()
    for table in tables:
        _schema_suite(table)
        if table in integrity.TABLE_CHECKS:
            _integrity_suite(table, with_inputs)


def validate_schema(
    con: duckdb.DuckDBPyConnection, relations: Relations, table: str
) -> ValidationReport:
    schema = load_schema(table)
    source = None if "source_id" in schema.column_names else _source_of(table)
    frame = con.execute(schema_suite.frame_sql(schema, table, source)).df()
    columns = schema_suite.columns_outcome(table, relations.arrow_schema(table), len(frame))
    ids = list(schema.primary_key)
    outcomes = run_suite(f"{table}_schema", frame, _schema_suite(table), ids)
    return ValidationReport.of(table, "schema", [columns, *outcomes], rows=len(frame))


def _source_of(table: str) -> str | None:
    """SQL giving a row's source for tables without a source_id column (from its ID)."""
    spec = integrity.TABLE_CHECKS.get(table)
    return spec.source.replace("t.", "") if spec and spec.source != "null" else None


@cache
def _schema_suite(table: str) -> Any:
    return new_suite(f"{table}_schema", schema_suite.expectations(load_schema(table)))


def validate_integrity(
    con: duckdb.DuckDBPyConnection, table: str, *, with_inputs: bool
) -> ValidationReport:
    spec = integrity.TABLE_CHECKS[table]
    sql, checks = integrity.frame_sql(spec, with_inputs=with_inputs)
    # in the order of the row IDs: the joins come back in whatever order DuckDB's threads
    # finish, and the failing rows sampled in the report must be the same on every build
    ordered = ", ".join(f'"{c}"' for c in spec.ids)
    frame = con.execute(f"select * from ({sql}) order by {ordered}").df()
    judged = [c for c in checks if c.kind != "detail"]
    details = sorted({c.detail for c in judged if c.detail})
    index = [*spec.ids, *details]
    outcomes = run_suite(f"{table}_integrity", frame, _integrity_suite(table, with_inputs), index)
    for check, outcome in zip(judged, outcomes, strict=True):
        keep = set(spec.ids) | ({check.detail} if check.detail else set())
        outcome.sample = [
            {k: v for k, v in row.items() if k in keep} if isinstance(row, dict) else row
            for row in outcome.sample
        ]
    return ValidationReport.of(table, "integrity", outcomes, rows=len(frame))


@cache
def _integrity_suite(table: str, with_inputs: bool) -> Any:
    _, checks = integrity.frame_sql(integrity.TABLE_CHECKS[table], with_inputs=with_inputs)
    return new_suite(
        f"{table}_integrity",
        [_expectation(c) for c in checks if c.kind != "detail"],
    )


def _expectation(check: integrity.Check) -> Any:
    if check.kind == "between":
        return expectation(
            "ExpectColumnValuesToBeBetween",
            check.severity,
            check.description,
            column=check.column,
            min_value=check.low,
            max_value=check.high,
        )
    return expectation(
        "ExpectColumnValuesToBeInSet",
        check.severity,
        check.description,
        column=check.column,
        value_set=[True],
    )
