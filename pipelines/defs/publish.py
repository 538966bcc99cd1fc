"""The DuckDB database, the validation report, the dataset card and the publication of the
staged dataset."""

import json

import dagster as dg

from ..card import render_card
from ..contract.dataset import dataset_reports
from ..contract.report import (
    INDEX,
    REPORT_DIR,
    RESULTS,
    summary_markdown,
    write_report,
)
from ..database import build_database
from ..schema import TABLES
from ..store.checksums import check_files, write_checksums
from ..store.publication import pause_point, promote
from .lock import OutputLock
from .resources import CorpusSettings
from .tables import PUBLISHED, corpus_state

DB_NAME = "policy_corpus.duckdb"


@dg.asset(
    deps=list(TABLES),
    group_name=PUBLISHED,
    kinds={"duckdb"},
    description="DuckDB database with one table per Parquet file and convenience views.",
)
def duckdb_database(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    pause_point("staging")
    path = settings.staging_path / DB_NAME
    counts = build_database(settings.staging_path / "parquet", path)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.output_path / DB_NAME)),
            "row_counts": dg.MetadataValue.json(counts),
        }
    )


def write_validation_report(settings: CorpusSettings) -> dict:
    """Write the report of the staged dataset into the staging folder; returns its data."""
    state = corpus_state(settings)
    parquet = settings.staging_path / "parquet"
    present = [t for t in TABLES if (parquet / f"{t}.parquet").exists()]
    reports = dataset_reports(state.reports(), parquet, present, state.key)
    files = {m["shard"]: m for m in state.manifests.values()}
    names = {
        sid: name
        for m in files.values()
        for name, sid in _source_names(m)
        if sid in state.quarantined
    }
    quarantined = [
        {"source_id": sid, "file_name": names.get(sid), "error": error}
        for sid, error in state.quarantined.items()
    ]
    return write_report(reports, settings.staging_path / REPORT_DIR, parquet, quarantined)


def _source_names(manifest: dict) -> list[tuple[str, str]]:
    from ..text.tables import source_id_for

    return [(f["name"], source_id_for(f["name"])) for f in manifest.get("files") or []]


@dg.asset(
    deps=list(TABLES),
    group_name=PUBLISHED,
    kinds={"html", "json"},
    description=(
        "Validation report (outputs/validation/index.html and results.json): every table, "
        "every expectation of its schema suite, integrity and corpus checks, severity, result, "
        "failing rows, quarantined sources."
    ),
)
def validation_report(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    data = write_validation_report(settings)
    published = settings.output_path / REPORT_DIR
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published / INDEX)),
            "results": dg.MetadataValue.path(str(published / RESULTS)),
            **dict(data["summary"].items()),
            "summary": dg.MetadataValue.md(summary_markdown(data, str(published / INDEX))),
        }
    )


@dg.asset(
    deps=[duckdb_database, validation_report],
    group_name=PUBLISHED,
    kinds={"markdown"},
    description="Dataset card (outputs/README.md): sources, row counts, schema, example queries.",
)
def dataset_card(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    results = settings.staging_path / REPORT_DIR / RESULTS
    summary = (
        summary_markdown(json.loads(results.read_text(encoding="utf-8")))
        if results.exists()
        else None
    )
    text = render_card(settings.staging_path / DB_NAME, validation_summary=summary)
    path = settings.staging_path / "README.md"
    path.write_text(text, encoding="utf-8")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.output_path / "README.md")),
            "card": dg.MetadataValue.md(text[:20000]),
        }
    )


@dg.asset(
    deps=[dataset_card, duckdb_database, validation_report, *TABLES],
    group_name=PUBLISHED,
    kinds={"sha256"},
    description=(
        "checksums.sha256: the SHA-256 of every file of the staged dataset (sha256sum format), "
        "written last, published with it, checked by `make verify`."
    ),
)
def checksums(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    path = write_checksums(settings.staging_path)
    listed = len(path.read_text(encoding="utf-8").splitlines())
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.output_path / path.name)),
            "files": listed,
        }
    )


@dg.asset(
    deps=[checksums, dataset_card, duckdb_database, validation_report, *TABLES],
    group_name=PUBLISHED,
    description="Swaps the validated, staged dataset into the output folder.",
    check_specs=[
        dg.AssetCheckSpec(
            "published_files_match_their_checksums",
            asset="published_dataset",
            description="Every published file is there with the SHA-256 of checksums.sha256.",
        )
    ],
)
def published_dataset(settings: CorpusSettings, output_lock: OutputLock):
    published = promote(settings.staging_path, settings.output_path)
    yield dg.MaterializeResult(
        metadata={
            "output": dg.MetadataValue.path(str(settings.output_path)),
            "published": published,
        }
    )
    problems = check_files(settings.output_path)
    yield dg.AssetCheckResult(
        check_name="published_files_match_their_checksums",
        passed=not problems,
        metadata={"problems": dg.MetadataValue.json(problems)},
        description="; ".join(f"{f}: {p}" for f, p in problems) or "every file matches",
    )


publish_assets = [duckdb_database, validation_report, dataset_card, checksums, published_dataset]
