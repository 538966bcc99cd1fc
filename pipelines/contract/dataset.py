"""The validation of a whole dataset: the shards' reports, merged, plus what is checked on
the assembled tables (the corpus-wide checks, and the derived `formulas` table's suites).

An ERROR failure is resolved when every source with a failing row was quarantined (its rows
are not published); what remains unresolved (a corpus-wide failure, or a failing row no source
can be named for) blocks publication.
"""

import math
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from .corpus import corpus_reports
from .engine import Relations, validate
from .outcomes import ERROR, Outcome, ValidationReport
from .report import merge_reports

#: Tables derived from the assembled ones, validated on the staged files only.
DERIVED = ("formulas", "near_duplicates")
#: Rows of a derived table validated at once (see `validate_derived`).
DERIVED_SHARE_ROWS = 100_000

_cache: dict[tuple, list[ValidationReport]] = {}


def _stamp(parquet_dir: Path, tables: list[str]) -> tuple:
    out = []
    for t in tables:
        path = parquet_dir / f"{t}.parquet"
        st = path.stat() if path.exists() else None
        out.append((t, st.st_size if st else -1, st.st_mtime_ns if st else -1))
    return tuple(out)


def dataset_reports(
    shard_reports: list[ValidationReport],
    parquet_dir: Path,
    tables: list[str],
    state_key: str = "",
) -> list[ValidationReport]:
    """Every report of the dataset staged in `parquet_dir` (cached per process by the staged
    files' stats and `state_key`, which names the shards' state, so the checks and the report
    of one run evaluate each once)."""
    key = (str(parquet_dir), _stamp(parquet_dir, tables), state_key)
    if key not in _cache:
        if len(_cache) > 8:
            _cache.clear()
        derived = [t for t in tables if t in DERIVED]
        staged = {t: [parquet_dir / f"{t}.parquet"] for t in tables}
        reports = list(shard_reports)
        reports += validate_derived(staged, derived)
        reports += corpus_reports(parquet_dir, tables)
        _cache[key] = merge_reports(reports)
    return _cache[key]


def validate_derived(parquet: dict[str, list[Path]], tables: list[str]) -> list[ValidationReport]:
    """The suites of the derived tables, in shares of at most DERIVED_SHARE_ROWS rows: their
    frames are corpus-wide (the near-duplicate pairs of a 100 MB corpus of copies are 0.9
    million rows, and a frame is held whole by Great Expectations), so a share is validated
    at a time; the shares' reports are merged like the shards' are."""
    reports: list[ValidationReport] = []
    for table in tables:
        rows = sum(pq.ParquetFile(p).metadata.num_rows for p in parquet[table] if p.exists())
        count = max(1, math.ceil(rows / DERIVED_SHARE_ROWS))
        for index in range(count):
            share = (table, index, count) if count > 1 else None
            reports += validate(Relations(parquet=parquet, share=share), [table])
    return reports


def resolved(outcome: Outcome, quarantined: set[str] | dict[str, Any]) -> bool:
    """A failed ERROR expectation whose failing rows all belong to quarantined sources."""
    return (
        not outcome.success
        and outcome.severity == ERROR
        and bool(outcome.failing_sources)
        and set(outcome.failing_sources) <= set(quarantined)
    )


def blocking(report: ValidationReport, quarantined: set[str] | dict[str, Any]) -> list[Outcome]:
    """The failed ERROR outcomes of a report that quarantine did not resolve."""
    return [
        o
        for o in report.outcomes
        if not o.success and o.severity == ERROR and not resolved(o, quarantined)
    ]
