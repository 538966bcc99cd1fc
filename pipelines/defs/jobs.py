"""Jobs: process the shards (one run per partition), then publish the dataset."""

import dagster as dg

from .shards import SHARD_GROUP
from .tables import PUBLISHED

shards_job = dg.define_asset_job(
    "process_shards",
    selection=dg.AssetSelection.groups(SHARD_GROUP),
    description="Process one shard of source files (a partition) into its work tables.",
)

publish_job = dg.define_asset_job(
    "publish_dataset",
    selection=dg.AssetSelection.groups(PUBLISHED),
    description="Assemble every table from the shards, validate, build DuckDB and the card, publish.",
)
