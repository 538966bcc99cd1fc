"""Jobs: process the sources (one run per partition), then publish the dataset."""

import dagster as dg

from .ingest import PER_SOURCE

ingest_job = dg.define_asset_job(
    "ingest_sources",
    selection=dg.AssetSelection.groups(PER_SOURCE),
    description="Process one source file (a partition) into its per-source tables.",
)

publish_job = dg.define_asset_job(
    "publish_dataset",
    selection=dg.AssetSelection.groups("dataset"),
    description="Gather every partition, validate every table, build DuckDB and the card, publish.",
)
