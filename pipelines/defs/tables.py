"""The published tables: each gathers every partition of its per-source table, conforms it
to `schemas/` and writes it to the staging folder, where the blocking checks validate it
before anything is published."""

import dagster as dg

from ..gather import concat, formulas_table
from ..parquet_io import read_parquet, write_parquet
from ..partitions import SOURCE_PARTITIONS
from ..schema import load_schema
from ..settings import CorpusSettings
from ..text.tables import SOURCE_TABLES
from ..workspace import Workspace
from .ingest import per_source_key
from .metadata import table_metadata

PUBLISHED = "dataset"


def staged_path(settings: CorpusSettings, table: str):
    return settings.staging_path / "parquet" / f"{table}.parquet"


def _metadata(settings: CorpusSettings, table: str, data, staged) -> dict:
    """The table's metadata with the path it is published at (the staged file it was
    validated in is gone once the dataset is published)."""
    meta = table_metadata(table, data, staged)
    meta["staged_path"] = meta.pop("path")
    meta["path"] = dg.MetadataValue.path(str(settings.output_path / "parquet" / f"{table}.parquet"))
    return meta


def current_sources(context: dg.AssetExecutionContext, settings: CorpusSettings) -> list[str]:
    """The partitions that are files of the input folder now, sorted."""
    on_disk = {p.name for p in settings.source_files()}
    keys = set(context.instance.get_dynamic_partitions(SOURCE_PARTITIONS))
    return sorted(keys & on_disk)


def _table_asset(table: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=table,
        deps=[per_source_key(table)],
        group_name=PUBLISHED,
        kinds={"parquet"},
        description=load_schema(table).description,
    )
    def _asset(context: dg.AssetExecutionContext, settings: CorpusSettings) -> dg.MaterializeResult:
        files = current_sources(context, settings)
        data = concat(table, Workspace(settings.work_path).gather(table, files))
        path = write_parquet(data, staged_path(settings, table))
        return dg.MaterializeResult(metadata=_metadata(settings, table, data, path))

    return _asset


table_assets = [_table_asset(t) for t in SOURCE_TABLES]


@dg.asset(
    name="formulas",
    deps=["facts", "documents"],
    group_name=PUBLISHED,
    kinds={"parquet"},
    description=load_schema("formulas").description,
)
def formulas(context: dg.AssetExecutionContext, settings: CorpusSettings) -> dg.MaterializeResult:
    facts = read_parquet(staged_path(settings, "facts"))
    documents = read_parquet(staged_path(settings, "documents"))
    data = formulas_table(facts, documents)
    path = write_parquet(data, staged_path(settings, "formulas"))
    return dg.MaterializeResult(metadata=_metadata(settings, "formulas", data, path))


all_table_assets = [*table_assets, formulas]
