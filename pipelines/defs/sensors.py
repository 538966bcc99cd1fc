"""A sensor that keeps the partitions in step with the input folder and processes new or
changed files (for users running the Dagster daemon with `make ui`)."""

import dagster as dg

from ..partitions import SOURCE_PARTITIONS
from ..settings import CorpusSettings
from .jobs import ingest_job


@dg.sensor(
    job=ingest_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.STOPPED
)
def source_files_sensor(
    context: dg.SensorEvaluationContext, settings: CorpusSettings
) -> dg.SensorResult:
    files = {p.name: p for p in settings.source_files()}
    current = set(context.instance.get_dynamic_partitions(SOURCE_PARTITIONS))
    added = sorted(set(files) - current)
    deleted = sorted(current - set(files))
    runs = [
        dg.RunRequest(partition_key=name, run_key=f"{name}:{files[name].stat().st_mtime_ns}")
        for name in sorted(files)
    ]
    return dg.SensorResult(
        run_requests=runs,
        dynamic_partitions_requests=[
            *([dg.AddDynamicPartitionsRequest(SOURCE_PARTITIONS, added)] if added else []),
            *([dg.DeleteDynamicPartitionsRequest(SOURCE_PARTITIONS, deleted)] if deleted else []),
        ],
    )
