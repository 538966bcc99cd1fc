"""Verify a published dataset after the fact: are its files the ones published, and do its
tables still meet every expectation?

1. Every file against `checksums.sha256` (written when the dataset was published): a
   truncated, edited, deleted or added file is named.
2. Every table's size and SHA-256 against `datapackage.json`, where there is one.
3. The expectations again, on the published Parquet files: the schema suites and integrity
   checks (in batches of sources, so memory holds one batch's frames) and the corpus-wide
   checks; with the input folder, character conservation too.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..schema import TABLES
from ..store.checksums import check_files
from ..store.parquet import file_sha256
from .conservation import checks_from_inputs
from .corpus import corpus_reports
from .dataset import DERIVED, validate_derived
from .engine import Relations, validate
from .outcomes import ERROR, ValidationReport
from .report import merge_reports

#: Sources validated together: a batch's frames are what memory holds.
BATCH_SOURCES = 500


@dataclass
class Verification:
    files: list[tuple[str, str]] = field(default_factory=list)  # (file, problem)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (table, expectation)
    reports: list[ValidationReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.files and not self.failures


def verify_dataset(folder: Path, input_dir: Path | None = None) -> Verification:
    result = Verification(files=check_files(folder))
    result.files += _datapackage_problems(folder)
    parquet = folder / "parquet"
    present = [t for t in TABLES if (parquet / f"{t}.parquet").is_file()]
    missing = [t for t in TABLES if t not in present]
    result.files += [(f"parquet/{t}.parquet", "missing") for t in missing if not _listed(result, t)]
    if missing:
        return result
    try:
        result.reports = _expectations(parquet, input_dir)
    except Exception as exc:  # an unreadable file: named by the checks above, say it here too
        result.failures.append(
            ("*", f"the tables cannot be validated: {type(exc).__name__}: {exc}")
        )
        return result
    for report in result.reports:
        for o in report.outcomes:
            if not o.success and o.severity == ERROR:
                result.failures.append(
                    (
                        report.table,
                        f"{o.description or o.expectation}: "
                        f"{o.unexpected_count} row(s), e.g. {o.sample[:3]}",
                    )
                )
    return result


def _listed(result: Verification, table: str) -> bool:
    return any(f == f"parquet/{table}.parquet" for f, _ in result.files)


def _datapackage_problems(folder: Path) -> list[tuple[str, str]]:
    path = folder / "datapackage.json"
    if not path.is_file():
        return []
    problems = []
    for resource in json.loads(path.read_text(encoding="utf-8")).get("resources", []):
        rel = resource.get("path")
        file = folder / rel if isinstance(rel, str) else None
        if file is None or not file.is_file():
            continue  # a missing file is named by the checksums
        if "bytes" in resource and file.stat().st_size != resource["bytes"]:
            problems.append(
                (rel, f"{file.stat().st_size} bytes, datapackage.json says {resource['bytes']}")
            )
        digest = str(resource.get("hash", "")).removeprefix("sha256:")
        if digest and file_sha256(file) != digest:
            problems.append((rel, "SHA-256 differs from datapackage.json"))
    return problems


def _expectations(parquet: Path, input_dir: Path | None) -> list[ValidationReport]:
    tables = list(TABLES)
    relations = Relations(parquet={t: [parquet / f"{t}.parquet"] for t in tables})
    con = relations.connect()
    try:
        sources = [r[0] for r in con.execute("select source_id from sources order by 1").fetchall()]
    finally:
        con.close()
    per_source = [t for t in tables if t not in DERIVED]
    reports: list[ValidationReport] = []
    for start in range(0, max(len(sources), 1), BATCH_SOURCES):
        batch = Relations(parquet=relations.parquet, sources=sources[start : start + BATCH_SOURCES])
        if input_dir is not None:
            con = batch.connect()
            try:
                batch.source_checks = checks_from_inputs(con, input_dir)
            finally:
                con.close()
        reports += validate(batch, per_source)
    reports += validate_derived(relations.parquet, list(DERIVED))
    reports += corpus_reports(parquet, tables)
    return merge_reports(reports)
