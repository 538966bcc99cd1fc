"""Blocking asset checks: the Great Expectations suite of each table (built from
`schemas/`). A failing suite stops publication and names the expectation and the rows."""

import dagster as dg

from ..parquet_io import read_parquet
from ..schema import TABLES
from ..settings import CorpusSettings
from .tables import staged_path


def _suite_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_expectations",
        blocking=True,
        description=f"Great Expectations suite for {table}, built from schemas/{table}.yaml.",
    )
    def _check(settings: CorpusSettings) -> dg.AssetCheckResult:
        from ..validation import validate_table

        report = validate_table(table, read_parquet(staged_path(settings, table)))
        metadata = {
            "expectations_evaluated": report.evaluated,
            "expectations_failed": len(report.failures),
        }
        if report.failures:
            metadata["failures"] = dg.MetadataValue.json(
                [
                    {
                        "expectation": f.expectation,
                        "column": f.column,
                        "unexpected_count": f.unexpected_count,
                        "rows": f.sample,
                    }
                    for f in report.failures
                ]
            )
        return dg.AssetCheckResult(
            passed=report.success,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata=metadata,
            description="; ".join(f.describe() for f in report.failures) or "all expectations met",
        )

    return _check


table_checks = [_suite_check(t) for t in TABLES]
