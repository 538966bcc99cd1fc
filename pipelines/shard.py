"""Build one shard: process its files, write its work tables, validate it, quarantine.

No Dagster here: the shard asset (`defs/shards.py`) and the tests call `build_shard`. The files
are mapped over an executor (this process, a process pool or Ray) and their rows streamed
into the shard's Parquet parts, so memory holds a few files' rows whatever the shard's size.
Then every per-source expectation (schema suites and integrity checks) is evaluated over the
shard (`contract.engine`); a source with a row that fails an ERROR expectation is quarantined:
its rows stay in the work cache but are not published, and `sources` says why.
"""

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .contract.engine import Relations, validate
from .contract.outcomes import ERROR, Outcome, ValidationReport
from .executor import Executor, FileTask
from .executor.tasks import WORK_TABLES
from .schema import load_schema
from .store.inputs import InputFile
from .store.memory import release_memory
from .store.parquet import ParquetSink, file_sha256
from .store.publication import pause_point
from .store.workspace import Workspace
from .text.tables import SOURCE_TABLES

#: Tables whose expectations are checked per shard (formulas is corpus-wide).
SHARD_CHECKED = SOURCE_TABLES
#: Rows per row group of the work cache's parts: the shard writer holds at most one row
#: group per table in memory, so small groups keep a big shard's memory small (the published
#: tables keep the default, for their bytes).
WORK_ROW_GROUP = 10_000
#: zstd level of the work cache's parts (the published files keep level 9): the build's own
#: process writes them while the workers process files, and level 9 cost 7.3 s of its CPU per
#: 12 MB shard against 2.3 s at level 1 (the parts are 1.6x larger on disk; the signatures
#: of `minhash` do not compress either way).
WORK_COMPRESSION_LEVEL = 1


def file_entries(
    files: list[InputFile], provenance: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """What a shard's manifest records of its files (to tell whether it is current): name,
    bytes and the provenance entry the sidecar gives (an edited entry re-processes it)."""
    return [
        {
            "name": f.display_name,
            "sha256": f.sha256,
            "size": f.size,
            "provenance": _provenance_of(provenance, f.display_name),
        }
        for f in files
    ]


def _provenance_of(provenance: dict[str, Any] | None, name: str) -> dict[str, Any] | None:
    entry = (provenance or {}).get(name)
    return entry.columns() if entry is not None else None


def tasks_for(
    files: list[InputFile],
    provenance: dict[str, dict[str, Any]] | None = None,
    facts_tagger: str = "",
) -> list[FileTask]:
    return [
        FileTask(
            name=f.display_name,
            path=str(f.path),
            raw_name=f.raw_name,
            sha256=f.sha256,
            read_error=f.read_error,
            duplicate_of=f.duplicate_of and _display(f.duplicate_of),
            provenance=_provenance_of(provenance, f.display_name),
            has_sidecar=provenance is not None,
            facts_tagger=facts_tagger,
        )
        for f in files
    ]


def _display(name: str) -> str:
    from .store.inputs import display_name

    return display_name(name)


def build_shard(
    key: str,
    files: list[InputFile],
    workspace: Workspace,
    executor: Executor,
    code: str,
    *,
    provenance: dict[str, dict[str, Any]] | None = None,
    log: Callable[[str], None] = print,
    facts_tagger: str = "",
) -> dict[str, Any]:
    """Process, write, validate one shard; returns (and writes last) its manifest.
    `facts_tagger` (the optional facts tagger, "" off) goes with every file's task; `code`
    must then carry it (`code_version.shard_code`)."""
    started = time.perf_counter()
    workspace.invalidate(key)
    sinks = {
        t: ParquetSink(
            workspace.part_path(t, key),
            load_schema(t).arrow_schema,
            WORK_ROW_GROUP,
            compression_level=WORK_COMPRESSION_LEVEL,
        )
        for t in WORK_TABLES
    }
    timings: dict[str, float] = {}
    stats: dict[str, dict[str, int]] = {}
    statuses: dict[str, int] = {}
    rejected: list[tuple[str, str]] = []
    try:
        for result in executor.map(tasks_for(files, provenance, facts_tagger)):
            for table in WORK_TABLES:
                sinks[table].write(result.table(table))
            statuses[result.status] = statuses.get(result.status, 0) + 1
            if result.status != "ok":
                rejected.append((result.name, result.error or result.status))
            timings["files"] = timings.get("files", 0.0) + result.seconds
            for stage, seconds in result.timings.items():
                timings[stage] = timings.get(stage, 0.0) + seconds
            _add_stats(stats, result.stats)
        paths = {t: sink.close() for t, sink in sinks.items()}
    except BaseException:
        for sink in sinks.values():
            sink.abort()
        raise
    processed = time.perf_counter()
    release_memory()  # the results' buffers, before validation opens DuckDB
    pause_point("validation")
    reports = validate_shard(workspace, key, executor)
    release_memory()
    quarantined = quarantine(reports)
    for source_id, error in sorted(quarantined.items()):
        log(f"  QUARANTINED {source_id}: {error}")
    manifest = {
        "shard": key,
        "code": code,
        "files": file_entries(files, provenance),
        "parts": {
            t: {"sha256": file_sha256(p), "bytes": p.stat().st_size, "rows": sinks[t].rows}
            for t, p in paths.items()
        },
        "statuses": dict(sorted(statuses.items())),
        "rejected": rejected,
        "quarantined": quarantined,
        "reports": [report_to_json(r) for r in reports],
        "timings": {
            **{k: round(v, 3) for k, v in sorted(timings.items())},
            "process_s": round(processed - started, 3),
            "validate_s": round(time.perf_counter() - processed, 3),
        },
        "stats": stats,
    }
    workspace.write_manifest(key, manifest)
    return manifest


def _add_stats(into: dict[str, dict[str, int]], stats: dict[str, dict[str, int]]) -> None:
    for name, counters in stats.items():
        target = into.setdefault(name, {})
        for counter, n in counters.items():
            target[counter] = target.get(counter, 0) + n


def validate_shard(
    workspace: Workspace, key: str, executor: Executor | None = None
) -> list[ValidationReport]:
    """Schema and integrity reports of the shard's per-source tables, in SHARD_CHECKED order.

    With a local pool of several workers the suites are validated in the pool, one suite of
    one table a task, largest part first. Great Expectations spends ~0.4 s building each
    suite's graph, whatever the shard: at 300x on 2 workers, a table a task, the 8 shards'
    validation took 37.8 s instead of 49.1 s in one process; a suite a task lets the two
    suites of the facts, the largest table, run on both workers (4 shards of 300x in 15.7
    and 13.5 s against 16.1 and 17.1 s a table a task, on a busy machine). The
    reports are those of the serial run, in the same order."""
    relations = Relations(parquet={t: [workspace.part_path(t, key)] for t in WORK_TABLES})
    tables = list(SHARD_CHECKED)
    run_each = getattr(executor, "run_each", None)
    if run_each is None or getattr(executor, "workers", 1) <= 1:
        return validate(relations, tables)
    jobs = [(relations, t, suite) for t in tables for suite in _SUITES]
    sizes = {t: workspace.part_path(t, key).stat().st_size for t in tables}
    largest_first = sorted(jobs, key=lambda job: -sizes[job[1]])
    done = run_each(_validate_suite, largest_first)
    by_job = {(job[1], job[2]): reports for job, reports in zip(largest_first, done, strict=True)}
    return [report for t in tables for suite in _SUITES for report in by_job[(t, suite)]]


#: The suites of a table, in the order `validate` reports them.
_SUITES = ("schema", "integrity")


def _validate_suite(job: tuple[Relations, str, str]) -> list[ValidationReport]:
    """One suite of one table (none if the table has no such suite)."""
    relations, table, suite = job
    return validate(relations, [table], suites=(suite,))


def quarantine(reports: list[ValidationReport]) -> dict[str, str]:
    """source_id -> why it is quarantined: the ERROR expectations its rows fail, with up to
    three failing rows each."""
    failed: dict[str, list[str]] = {}
    for report in reports:
        for outcome in report.outcomes:
            if outcome.success or outcome.severity != ERROR:
                continue
            for source_id in outcome.failing_sources:
                rows = [r for r in outcome.sample if not isinstance(r, dict) or _of(r, source_id)][
                    :3
                ]
                failed.setdefault(source_id, []).append(
                    f"{report.table}: {outcome.description or outcome.expectation}"
                    + (f" (e.g. {rows})" if rows else "")
                )
    return {sid: "quarantined: " + "; ".join(reasons) for sid, reasons in failed.items()}


def _of(row: dict[str, Any], source_id: str) -> bool:
    return any(isinstance(v, str) and v.startswith(source_id) for v in row.values())


def report_to_json(report: ValidationReport) -> dict[str, Any]:
    return {
        "table": report.table,
        "suite": report.suite,
        "rows": report.rows,
        "outcomes": [asdict(o) for o in report.outcomes],
    }


def report_from_json(data: dict[str, Any]) -> ValidationReport:
    outcomes = [Outcome(**o) for o in data["outcomes"]]
    return ValidationReport.of(data["table"], data["suite"], outcomes, data["rows"])


def shard_paths(workspace: Workspace, table: str, keys: list[str]) -> list[Path]:
    return workspace.parts(table, keys)


class CorpusState:
    """What the built shards of the current plan say: their manifests, the quarantined and
    rejected sources, the merged validation of every shard."""

    def __init__(self, workspace: Workspace, keys: list[str]) -> None:
        self.workspace = workspace
        self.keys = sorted(keys)
        self.manifests = {k: workspace.manifest(k) for k in self.keys}
        missing = [k for k, m in self.manifests.items() if m is None]
        if missing:
            raise FileNotFoundError(
                f"shards not built yet (materialise their partitions first): {missing}"
            )

    @property
    def quarantined(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in self.manifests.values():
            out.update(m.get("quarantined") or {})
        return dict(sorted(out.items()))

    @property
    def rejected(self) -> list[tuple[str, str]]:
        return sorted(
            (name, error) for m in self.manifests.values() for name, error in m.get("rejected", [])
        )

    @property
    def key(self) -> str:
        """Names this state: the shards and the checksums of their parts."""
        parts = {k: m.get("parts") for k, m in self.manifests.items()}
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def reports(self) -> list[ValidationReport]:
        return [report_from_json(r) for m in self.manifests.values() for r in m["reports"]]

    def parts(self, table: str) -> list[Path]:
        return self.workspace.parts(table, self.keys)

    def timings(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for m in self.manifests.values():
            for stage, seconds in (m.get("timings") or {}).items():
                out[stage] = round(out.get(stage, 0.0) + seconds, 3)
        return out

    def stats(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for m in self.manifests.values():
            _add_stats(out, m.get("stats") or {})
        return out
