"""Blocking asset checks of the published tables.

Per table, from the validation of every shard (merged) and the corpus-wide checks on the
staged file:
- `<table>_expectations`: the schema suite (built from `schemas/<table>.yaml`);
- `<table>_integrity`: the integrity checks (ERROR) and the corpus-wide checks;
- `<table>_integrity_warnings`: the WARN expectations (reported, never blocking).
A failed ERROR expectation whose failing rows all belong to quarantined sources is resolved
(those rows are not published): the check passes and says how many sources it quarantined.
Anything else blocks publication, naming the expectation and its rows. With
`strict`, `sources_strict` fails on any quarantine (for CI).
"""

from collections.abc import Iterator

import dagster as dg

from ..contract.dataset import blocking, dataset_reports, resolved
from ..contract.outcomes import ERROR, WARN, Outcome, ValidationReport
from ..schema import TABLES
from ..text.tables import SOURCE_TABLES
from .resources import CorpusSettings
from .tables import corpus_state

SUITES = {"schema": "expectations", "integrity": "integrity", "corpus": "integrity"}


def _specs(table: str) -> list[dg.AssetCheckSpec]:
    others = (
        [t for t in SOURCE_TABLES if t != table]
        if table in SOURCE_TABLES
        else ["facts", "documents", "paragraphs"]
    )
    specs = [
        dg.AssetCheckSpec(
            f"{table}_expectations",
            asset=table,
            blocking=True,
            description=f"Great Expectations suite for {table}, built from schemas/{table}.yaml.",
        ),
        dg.AssetCheckSpec(
            f"{table}_integrity",
            asset=table,
            blocking=True,
            additional_deps=others,
            description=(
                f"Integrity of {table} (references, ordinals, line ranges, text slices, "
                "conservation; per shard) and corpus-wide checks (unique IDs, references)."
            ),
        ),
        dg.AssetCheckSpec(
            f"{table}_integrity_warnings",
            asset=table,
            additional_deps=others,
            description=f"Plausibility of {table} (WARN expectations); reported only.",
        ),
    ]
    if table == "sources":
        specs.append(
            dg.AssetCheckSpec(
                "sources_strict",
                asset=table,
                blocking=True,
                description="With strict mode on (make build STRICT=1): no source quarantined.",
            )
        )
    return specs


def outcome_rows(outcomes: list[Outcome]) -> list[dict]:
    return [
        {
            "expectation": o.expectation,
            "column": o.column,
            "meaning": o.description,
            "unexpected_count": o.unexpected_count,
            "rows": o.sample,
            "sources": o.failing_sources,
        }
        for o in outcomes
    ]


def _result(
    table: str, name: str, outcomes: list[Outcome], quarantined: dict, severity: str
) -> dg.AssetCheckResult:
    if severity == WARN:
        failed = [o for o in outcomes if not o.success and o.severity == WARN]
        mine = [o for o in outcomes if o.severity == WARN]
    else:
        failed = [
            o
            for o in outcomes
            if not o.success and o.severity == ERROR and not resolved(o, quarantined)
        ]
        mine = [o for o in outcomes if o.severity == ERROR]
    settled = [o for o in mine if resolved(o, quarantined)]
    metadata: dict = {
        "expectations_evaluated": len(mine),
        "expectations_failed": len(failed),
        "resolved_by_quarantine": len(settled),
    }
    if failed:
        metadata["failures"] = dg.MetadataValue.json(outcome_rows(failed))
    if settled:
        metadata["quarantined_by"] = dg.MetadataValue.json(outcome_rows(settled))
    described = "; ".join(o.as_failure().describe() for o in failed)
    return dg.AssetCheckResult(
        asset_key=table,
        check_name=name,
        passed=not failed,
        severity=dg.AssetCheckSeverity.WARN if severity == WARN else dg.AssetCheckSeverity.ERROR,
        metadata=metadata,
        description=described
        or f"all {severity} expectations met"
        + (f" ({len(settled)} resolved by quarantine)" if settled else ""),
    )


def _check(tables: list[str], name: str) -> dg.AssetChecksDefinition:
    @dg.multi_asset_check(
        name=name,
        specs=[spec for table in tables for spec in _specs(table)],
        description=f"Validation of {', '.join(tables)}.",
    )
    def _run(settings: CorpusSettings) -> Iterator[dg.AssetCheckResult]:
        state = corpus_state(settings)
        quarantined = state.quarantined
        parquet = settings.staging_path / "parquet"
        present = [t for t in TABLES if (parquet / f"{t}.parquet").exists()]
        reports = dataset_reports(
            state.reports(), parquet, present, state.key, settings.worker_count
        )
        by_suite: dict[tuple[str, str], ValidationReport] = {(r.table, r.suite): r for r in reports}
        for table in tables:
            schema = by_suite.get((table, "schema"))
            integrity = [
                o
                for suite in ("integrity", "corpus")
                for o in (by_suite[(table, suite)].outcomes if (table, suite) in by_suite else [])
            ]
            yield _result(
                table,
                f"{table}_expectations",
                schema.outcomes if schema else [],
                quarantined,
                ERROR,
            )
            yield _result(table, f"{table}_integrity", integrity, quarantined, ERROR)
            yield _result(table, f"{table}_integrity_warnings", integrity, quarantined, WARN)
            if table == "sources":
                yield dg.AssetCheckResult(
                    asset_key=table,
                    check_name="sources_strict",
                    passed=not (settings.strict and quarantined),
                    metadata={"strict": settings.strict, "quarantined": len(quarantined)},
                    description=(
                        f"strict mode: {len(quarantined)} source(s) quarantined"
                        if settings.strict and quarantined
                        else f"{len(quarantined)} quarantined (strict mode {'on' if settings.strict else 'off'})"
                    ),
                )

    return _run


#: One check for the tables assembled from the shards, one for the tables derived from them
#: (`formulas`, `near_duplicates`: they read facts, documents and paragraphs, so they run
#: after their blocking checks).
table_checks = [
    _check(list(SOURCE_TABLES), "dataset_checks"),
    _check([t for t in TABLES if t not in SOURCE_TABLES], "derived_checks"),
]

__all__ = ["blocking", "table_checks"]
