"""Validation of tables held in memory (Arrow): what tests and small tools call.

The same engine as the build's (DuckDB frames judged by Great Expectations), over Arrow
tables registered in DuckDB instead of Parquet files. With the input folder, conservation is
measured by reading the input files again."""

from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa

from . import integrity
from .conservation import checks_from_inputs
from .engine import Relations, validate
from .outcomes import ValidationReport


def relations_of(tables: Mapping[str, pa.Table], input_dir: Path | None = None) -> Relations:
    relations = Relations(arrow=dict(tables))
    if input_dir is not None and {"sources", "paragraphs", "removed"} <= relations.tables():
        con = relations.connect()
        try:
            relations.source_checks = checks_from_inputs(con, input_dir)
        finally:
            con.close()
    return relations


def validate_table(table: str, data: pa.Table) -> ValidationReport:
    """The schema suite of one table."""
    [report] = validate(Relations(arrow={table: data}), [table], suites=("schema",))
    return report


def validate_integrity(
    table: str, tables: Mapping[str, pa.Table], input_dir: Path | None = None
) -> ValidationReport:
    """The integrity checks of `table` (which reads the tables of DEPENDS_ON[table]); with
    `input_dir`, character conservation against the input files too."""
    missing = [t for t in integrity.DEPENDS_ON[table] if t not in tables]
    if missing:
        raise KeyError(f"integrity of {table} needs the tables {missing}")
    [report] = validate(relations_of(tables, input_dir), [table], suites=("integrity",))
    return report


def validate_all_integrity(
    tables: Mapping[str, pa.Table], input_dir: Path | None = None
) -> dict[str, ValidationReport]:
    """Integrity reports of every table that has checks and whose inputs are given."""
    relations = relations_of(tables, input_dir)
    wanted = [t for t, deps in integrity.DEPENDS_ON.items() if set(deps) <= set(tables)]
    reports = validate(relations, wanted, suites=("integrity",))
    return {r.table: r for r in reports}


def expectation_catalogue() -> list[tuple[str, str, str]]:
    """(table, severity, description) of every integrity expectation, for the docs."""
    return [
        (spec.table, check.severity, check.description)
        for spec in integrity.TABLE_CHECKS.values()
        for check in spec.checks
        if check.kind != "detail"
    ]
