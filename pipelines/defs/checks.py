"""Blocking asset checks: the Great Expectations suite of each table (built from
`schemas/`). A failing suite stops publication and names the expectation and the rows."""

import dagster as dg

from ..schema import TABLES
from ..settings import CorpusSettings
from ..validation import ERROR
from .integrity_checks import failure_metadata


def _suite_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_expectations",
        blocking=True,
        description=f"Great Expectations suite for {table}, built from schemas/{table}.yaml.",
    )
    def _check(settings: CorpusSettings) -> dg.AssetCheckResult:
        from ..validation_report import table_report

        report = table_report(settings.staging_path / "parquet", table, "schema")
        return dg.AssetCheckResult(
            passed=report.success,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata=failure_metadata(report, report.failures, ERROR),
            description="; ".join(f.describe() for f in report.failures) or "all expectations met",
        )

    return _check


table_checks = [_suite_check(t) for t in TABLES]
