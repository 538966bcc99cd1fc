"""The per-source assets: one partition per source file, one asset per table.

A single multi-asset runs the pure text pipeline (`pipelines.text.tables`) for one file and
writes each per-source table to the work folder. Only new or changed files need it.
"""

import dagster as dg

from ..code_version import code_fingerprint
from ..partitions import source_files
from ..schema import to_arrow
from ..settings import CorpusSettings
from ..text.tables import SOURCE_TABLES, build_source_tables
from ..workspace import Workspace
from .metadata import table_metadata

PER_SOURCE = "per_source"


def per_source_key(table: str) -> dg.AssetKey:
    return dg.AssetKey([PER_SOURCE, table])


@dg.multi_asset(
    name="process_source",
    specs=[
        dg.AssetSpec(
            per_source_key(table),
            description=f"The {table} rows of one source file (one partition per file).",
            group_name=PER_SOURCE,
            kinds={"parquet"},
            partitions_def=source_files,
        )
        for table in SOURCE_TABLES
    ],
    partitions_def=source_files,
)
def process_source(context: dg.AssetExecutionContext, settings: CorpusSettings):
    """Decode, normalise, reflow, split, section, segment and extract one source file."""
    file_name = context.partition_key
    path = settings.input_path / file_name
    data = path.read_bytes()
    result = build_source_tables(file_name, data)
    source = result.source
    if result.rejected:
        context.log.warning(f"rejected {file_name}: {source['error']}")
    tables = {t: to_arrow(t, result.tables[t]) for t in SOURCE_TABLES}
    workspace = Workspace(settings.work_path)
    workspace.write(
        file_name,
        tables,
        {
            "file_name": file_name,
            "sha256": source["sha256"],
            "code": code_fingerprint(),
            "status": source["status"],
        },
    )
    for table in SOURCE_TABLES:
        meta = table_metadata(table, tables[table], workspace.table_path(table, file_name))
        meta["source_status"] = source["status"]
        if source["error"]:
            meta["source_error"] = source["error"]
        yield dg.MaterializeResult(asset_key=per_source_key(table), metadata=meta)
