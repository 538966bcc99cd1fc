"""The DuckDB database, the dataset card and the publication of the staged dataset."""

import dagster as dg

from ..card import render_card
from ..database import build_database
from ..publication import promote
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
    path = settings.staging_path / DB_NAME
    counts = build_database(settings.staging_path / "parquet", path)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.output_path / DB_NAME)),
            "row_counts": dg.MetadataValue.json(counts),
        }
    )


@dg.asset(
    deps=[duckdb_database],
    group_name="dataset",
    kinds={"markdown"},
    description="Dataset card (outputs/README.md): sources, row counts, schema, example queries.",
)
def dataset_card(settings: CorpusSettings) -> dg.MaterializeResult:
    text = render_card(settings.staging_path / DB_NAME)
    path = settings.staging_path / "README.md"
    path.write_text(text, encoding="utf-8")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.output_path / "README.md")),
            "card": dg.MetadataValue.md(text[:20000]),
        }
    )


@dg.asset(
    deps=[dataset_card, duckdb_database, *TABLES],
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


publish_assets = [duckdb_database, dataset_card, published_dataset]
