"""The Dagster code location of policy-corpus."""

import dagster as dg

from .defs.checks import table_checks
from .defs.ingest import process_source
from .defs.integrity_checks import integrity_checks
from .defs.jobs import ingest_job, publish_job
from .defs.publish import publish_assets
from .defs.sensors import source_files_sensor
from .defs.tables import all_table_assets
from .settings import CorpusSettings

defs = dg.Definitions(
    assets=[process_source, *all_table_assets, *publish_assets],
    asset_checks=[*table_checks, *integrity_checks],
    jobs=[ingest_job, publish_job],
    sensors=[source_files_sensor],
    resources={"settings": CorpusSettings()},
    executor=dg.in_process_executor,
)
