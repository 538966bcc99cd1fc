"""The validation of a whole dataset: the shards' reports, merged, plus what is checked on
the assembled tables (the corpus-wide checks, and the derived `formulas` table's suites).

An ERROR failure is resolved when every source with a failing row was quarantined (its rows
are not published); what remains unresolved (a corpus-wide failure, or a failing row no source
can be named for) blocks publication.
"""

import math
import multiprocessing
import signal
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
    workers: int = 1,
) -> list[ValidationReport]:
    """Every report of the dataset staged in `parquet_dir` (cached per process by the staged
    files' stats and `state_key`, which names the shards' state, so the checks and the report
    of one run evaluate each once). Each derived table's suites are cached apart, by its own
    file and the assembled ones (`_derived_reports`)."""
    key = (str(parquet_dir), _stamp(parquet_dir, tables), state_key)
    if key not in _cache:
        if len(_cache) > 8:
            _cache.clear()
        staged = {t: [parquet_dir / f"{t}.parquet"] for t in tables}
        reports = list(shard_reports)
        for table in (t for t in tables if t in DERIVED):
            reports += _derived_reports(parquet_dir, staged, table, state_key, workers)
        reports += corpus_reports(parquet_dir, tables)
        _cache[key] = merge_reports(reports)
    return _cache[key]


def _derived_reports(
    parquet_dir: Path, staged: dict[str, list[Path]], table: str, state_key: str, workers: int
) -> list[ValidationReport]:
    """The suites of one derived table, cached by its file and the assembled tables' files:
    the blocking checks of the assembled tables run while `near_duplicates` is staged and
    `formulas` is not yet, the derived checks after, and the 0.9 million pairs of a 100 MB
    corpus of copies were validated at both (8.6 s each time, at 300x)."""
    assembled = [t for t in staged if t not in DERIVED]
    key = ("derived", table, str(parquet_dir), _stamp(parquet_dir, [table, *assembled]), state_key)
    if key not in _cache:
        _cache[key] = validate_derived(staged, [table], workers)
    return _cache[key]


def validate_derived(
    parquet: dict[str, list[Path]], tables: list[str], workers: int = 1
) -> list[ValidationReport]:
    """The suites of the derived tables, in shares of at most DERIVED_SHARE_ROWS rows: their
    frames are corpus-wide (the near-duplicate pairs of a 100 MB corpus of copies are 0.9
    million rows, and a frame is held whole by Great Expectations), so a share is validated
    at a time; the shares' reports are merged like the shards' are. With several workers,
    that many shares are validated at once, in forked processes (Great Expectations holds
    the GIL); the reports come back in the shares' order."""
    jobs: list[tuple[dict[str, list[Path]], str, tuple[str, int, int] | None]] = []
    for table in tables:
        rows = sum(pq.ParquetFile(p).metadata.num_rows for p in parquet[table] if p.exists())
        count = max(1, math.ceil(rows / DERIVED_SHARE_ROWS))
        for index in range(count):
            jobs.append((parquet, table, (table, index, count) if count > 1 else None))
    if workers <= 1 or len(jobs) <= 1:
        done = [_validate_share(job) for job in jobs]
    else:
        pool = multiprocessing.get_context("fork").Pool(
            min(workers, len(jobs)), initializer=_default_sigterm
        )
        try:
            done = pool.map(_validate_share, jobs, chunksize=1)
            pool.close()  # the workers take their sentinel and exit: no terminate
        except BaseException:
            pool.terminate()
            raise
        finally:
            pool.join()
    return [report for reports in done for report in reports]


def _default_sigterm() -> None:
    """In a forked worker: SIGTERM at its default (a Dagster run leaves Python's
    KeyboardInterrupt handler installed for it in the process that forks the workers).

    The suite once hung in the exit of `with Pool()`, which terminates the workers: one of
    them, blocked on the pool's queue lock, never exited, and the parent waited for it for
    ever. The pool is now closed (each worker takes its sentinel and exits by itself), and
    terminate is left for a failure."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _validate_share(
    job: tuple[dict[str, list[Path]], str, tuple[str, int, int] | None],
) -> list[ValidationReport]:
    parquet, table, share = job
    return validate(Relations(parquet=parquet, share=share), [table])


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
