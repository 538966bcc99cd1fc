"""The DuckDB database, the dataset card and the publication of the staged dataset."""

import json

import dagster as dg

from ..outputs.card import render_card
from ..outputs.database import build_database
from ..publication import pause_point, promote
from ..schema import TABLES
from ..settings import CorpusSettings

DB_NAME = "policy_corpus.duckdb"


@dg.asset(
    deps=list(TABLES),
    group_name="dataset",
    kinds={"duckdb"},
    description="DuckDB database with one table per Parquet file and convenience views.",
)
def duckdb_database(settings: CorpusSettings) -> dg.MaterializeResult:
    pause_point("staging")
    path = settings.staging_path / DB_NAME
    counts = build_database(settings.staging_path / "parquet", path)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.output_path / DB_NAME)),
            "row_counts": dg.MetadataValue.json(counts),
        }
    )


@dg.asset(
    deps=list(TABLES),
    group_name="dataset",
    kinds={"html", "json"},
    description=(
        "Validation report (outputs/validation/index.html and results.json): every table, "
        "every expectation of its schema and integrity suites, severity, result, failing rows."
    ),
)
def validation_report(settings: CorpusSettings) -> dg.MaterializeResult:
    from ..validation_report import (
        INDEX,
        REPORT_DIR,
        RESULTS,
        dataset_reports,
        summary_markdown,
        write_report,
    )

    parquet = settings.staging_path / "parquet"
    data = write_report(
        dataset_reports(parquet, settings.input_path),
        settings.staging_path / REPORT_DIR,
        parquet,
    )
    published = settings.output_path / REPORT_DIR
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published / INDEX)),
            "results": dg.MetadataValue.path(str(published / RESULTS)),
            **{k: v for k, v in data["summary"].items()},
            "summary": dg.MetadataValue.md(summary_markdown(data, str(published / INDEX))),
        }
    )


@dg.asset(
    deps=[duckdb_database, validation_report],
    group_name="dataset",
    kinds={"markdown"},
    description="Dataset card (outputs/README.md): sources, row counts, schema, example queries.",
)
def dataset_card(settings: CorpusSettings) -> dg.MaterializeResult:
    from ..validation_report import REPORT_DIR, RESULTS, summary_markdown

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
    group_name="dataset",
    description="Swaps the validated, staged dataset into the output folder.",
)
def published_dataset(settings: CorpusSettings) -> dg.MaterializeResult:
    published = promote(settings.staging_path, settings.output_path)
    return dg.MaterializeResult(
        metadata={
            "output": dg.MetadataValue.path(str(settings.output_path)),
            "published": published,
        }
    )


publish_assets = [duckdb_database, validation_report, dataset_card, published_dataset]
