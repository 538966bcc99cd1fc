"""The Dagster code location of policy-corpus.

`build_definitions(settings)` gives the definitions for one input folder (its shard
partitions are computed from the folder); `defs` is the code location `make ui` loads, for the
folders of POLICY_CORPUS_INPUT / POLICY_CORPUS_OUTPUT (defaults `seeds/`, `outputs/`).
"""

import dagster as dg

from .defs.checks import table_checks
from .defs.jobs import publish_job, shards_job
from .defs.lock import OutputLock
from .defs.partitions import shard_partitions
from .defs.publish import publish_assets
from .defs.resources import CorpusSettings
from .defs.shards import shard_asset
from .defs.tables import all_table_assets


def build_definitions(settings: CorpusSettings) -> dg.Definitions:
    return dg.Definitions(
        assets=[shard_asset(shard_partitions(settings)), *all_table_assets, *publish_assets],
        asset_checks=[*table_checks],
        jobs=[shards_job, publish_job],
        resources={"settings": settings, "output_lock": OutputLock(settings=settings)},
        executor=dg.in_process_executor,
    )


defs = build_definitions(CorpusSettings())
