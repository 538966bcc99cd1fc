"""The DuckDB database, the dataset card and the publication of the staged dataset."""

import json

import dagster as dg

from ..outputs.about import DATA_LICENSE_FILE, build_info
from ..outputs.card import render_card
from ..outputs.croissant import write_croissant
from ..outputs.database import build_database
from ..outputs.datapackage import write_datapackage
from ..outputs.figures import FIGURES_DIR, list_figures, write_figures
from ..outputs.precision import extractor_precision
from ..paths import REPO_ROOT
from ..provenance import load_provenance
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
    counts = build_database(settings.staging_path / "parquet", path, info=build_info())
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
    deps=list(TABLES),
    group_name="dataset",
    kinds={"json"},
    description="datapackage.json: the dataset as a Frictionless Data Package v2 (schemas, "
    "keys, sizes, SHA-256, licences, sources), generated from schemas/.",
)
def datapackage(settings: CorpusSettings) -> dg.MaterializeResult:
    path = write_datapackage(settings.staging_path / "parquet", settings.staging_path)
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(str(settings.output_path / path.name))}
    )


@dg.asset(
    deps=list(TABLES),
    group_name="dataset",
    kinds={"json"},
    description="croissant.json: Croissant 1.1 metadata (a record set per table), generated "
    "from schemas/.",
)
def croissant(settings: CorpusSettings) -> dg.MaterializeResult:
    path = write_croissant(settings.staging_path / "parquet", settings.staging_path)
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(str(settings.output_path / path.name))}
    )


@dg.asset(
    deps=[duckdb_database],
    group_name="dataset",
    kinds={"svg"},
    description="The card's figures (figures/*.svg): documents and characters per source, "
    "facts per type, paragraph lengths, top formulas by year, extractor precision.",
)
def dataset_figures(settings: CorpusSettings) -> dg.MaterializeResult:
    written = write_figures(
        settings.staging_path / DB_NAME, settings.staging_path / FIGURES_DIR, extractor_precision()
    )
    return dg.MaterializeResult(metadata={"figures": [caption for _, caption in written]})


@dg.asset(
    deps=[duckdb_database, validation_report, dataset_figures],
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
    notes = {n: p.note for n, p in load_provenance(settings.input_path).items() if p.note}
    text = render_card(
        settings.staging_path / DB_NAME,
        validation_summary=summary,
        precision=extractor_precision(),
        figures=list_figures(settings.staging_path / FIGURES_DIR),
        source_notes=notes,
    )
    path = settings.staging_path / "README.md"
    path.write_text(text, encoding="utf-8")
    licence = (REPO_ROOT / DATA_LICENSE_FILE).read_text(encoding="utf-8")
    (settings.staging_path / DATA_LICENSE_FILE).write_text(licence, encoding="utf-8")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.output_path / "README.md")),
            "card": dg.MetadataValue.md(text[:20000]),
        }
    )


@dg.asset(
    deps=[
        dataset_card,
        duckdb_database,
        validation_report,
        datapackage,
        croissant,
        dataset_figures,
        *TABLES,
    ],
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


publish_assets = [
    duckdb_database,
    validation_report,
    datapackage,
    croissant,
    dataset_figures,
    dataset_card,
    published_dataset,
]
