"""The integrity suites of `pipelines/integrity.py` as Dagster asset checks.

Per table the suite is evaluated once and reported as two checks:
`<table>_integrity` (the ERROR expectations; blocking: a failure stops publication) and
`<table>_integrity_warnings` (the WARN expectations; non-blocking, severity WARN). The
check depends on every table its suite reads, so it runs once they are all staged. Failing
rows (IDs, at most 10 per expectation) are in the check's metadata.
"""

from collections.abc import Iterator

import dagster as dg

from ..integrity import DEPENDS_ON
from ..settings import CorpusSettings
from ..validation import ERROR, WARN, Failure, ValidationReport


def failure_metadata(report: ValidationReport, failures: list[Failure], severity: str) -> dict:
    """Check metadata: counts and, per failed expectation, its failing rows."""
    evaluated = sum(1 for o in report.outcomes if o.severity == severity)
    metadata: dict = {
        "expectations_evaluated": evaluated,
        "expectations_failed": len(failures),
    }
    if failures:
        metadata["failures"] = dg.MetadataValue.json(
            [
                {
                    "expectation": f.expectation,
                    "column": f.column,
                    "meaning": f.description,
                    "unexpected_count": f.unexpected_count,
                    "rows": f.sample,
                }
                for f in failures
            ]
        )
    return metadata


def _specs(table: str) -> list[dg.AssetCheckSpec]:
    others = [t for t in DEPENDS_ON[table] if t != table]
    return [
        dg.AssetCheckSpec(
            f"{table}_integrity",
            asset=table,
            blocking=True,
            additional_deps=others,
            description=(
                f"Integrity of {table} (ERROR expectations: references, ordinals, line "
                "ranges, text slices, conservation); blocks publication."
            ),
        ),
        dg.AssetCheckSpec(
            f"{table}_integrity_warnings",
            asset=table,
            additional_deps=others,
            description=f"Plausibility of {table} (WARN expectations); reported only.",
        ),
    ]


def _integrity_check(name: str, tables: list[str]) -> dg.AssetChecksDefinition:
    @dg.multi_asset_check(
        name=name,
        specs=[spec for table in tables for spec in _specs(table)],
        description=f"Integrity suites of {', '.join(tables)} (pipelines/integrity.py).",
    )
    def _check(settings: CorpusSettings) -> Iterator[dg.AssetCheckResult]:
        from ..validation_report import table_report

        for table in tables:
            report = table_report(
                settings.staging_path / "parquet", table, "integrity", settings.input_path
            )
            for check, severity, failures, dg_severity in (
                (f"{table}_integrity", ERROR, report.errors, dg.AssetCheckSeverity.ERROR),
                (f"{table}_integrity_warnings", WARN, report.warnings, dg.AssetCheckSeverity.WARN),
            ):
                yield dg.AssetCheckResult(
                    asset_key=table,
                    check_name=check,
                    passed=not failures,
                    severity=dg_severity,
                    metadata=failure_metadata(report, failures, severity),
                    description="; ".join(f.describe() for f in failures)
                    or f"all {severity} expectations met",
                )

    return _check


#: One check for the tables gathered from the sources (they only depend on per-source data,
#: so checking them together creates no cycle), one for `formulas`, which is derived from
#: facts and documents and so runs after their blocking checks.
integrity_checks = [
    _integrity_check("integrity_suites", [t for t in DEPENDS_ON if t != "formulas"]),
    _integrity_check("formulas_integrity_suite", ["formulas"]),
]
