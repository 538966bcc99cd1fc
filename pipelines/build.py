"""`python -m pipelines.build`: build the dataset from an input folder into an output folder.

It does what a user would do in the Dagster UI, on the project's Dagster instance (so the
runs show up in `make ui`): sync one partition per source file, process the partitions that
are new or changed, then gather, validate and publish. Exits non-zero, naming the failing
expectations, when a blocking (ERROR) check fails (the previous dataset then stays published,
and the validation report of the failed build is left in `<output>/.staging/validation/`);
failed WARN checks are printed and the dataset is published. Files that were rejected
(empty, binary, undecodable…) are named with the reason.
"""

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

from .paths import dagster_home_for


def ensure_dagster_home(output_dir: str | Path = "outputs") -> Path:
    """DAGSTER_HOME: the one set in the environment, else the output folder's own
    (`paths.dagster_home_for`, the same that `make ui` opens), with telemetry off."""
    if os.environ.get("DAGSTER_HOME"):
        home = Path(os.environ["DAGSTER_HOME"])
        home.mkdir(parents=True, exist_ok=True)
        config = home / "dagster.yaml"
        if not config.exists():
            config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    else:
        home = dagster_home_for(output_dir)
    os.environ["DAGSTER_HOME"] = str(home)
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    return home


def build(input_dir: Path, output_dir: Path, *, instance=None, log=print) -> dict:
    import dagster as dg

    from .code_version import code_fingerprint
    from .definitions import defs
    from .partitions import sync_partitions
    from .publication import recover
    from .settings import CorpusSettings
    from .workspace import Workspace

    settings = CorpusSettings(input_dir=str(input_dir), output_dir=str(output_dir))
    restored = recover(settings.output_path)
    if restored:
        log(f"repaired an interrupted publication: restored {restored}")
    instance = instance or dg.DagsterInstance.get()
    files = settings.source_files()
    if not files:
        raise SystemExit(f"no source files (*.txt) in {settings.input_path}")
    added, deleted = sync_partitions(instance, [p.name for p in files])
    log(
        f"{len(files)} source files in {settings.input_path} (+{len(added)} new, -{len(deleted)} gone)"
    )
    workspace = Workspace(settings.work_path)
    fingerprint = code_fingerprint()
    resources = {"settings": settings}
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    ingest = [
        defs.get_assets_def(k)
        for k in defs.resolve_asset_graph().get_all_asset_keys()
        if k.path[0] == "per_source"
    ]
    ingest = list({id(a): a for a in ingest}.values())
    processed = []
    for path in files:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        if workspace.is_current(path.name, sha, fingerprint):
            continue
        started = time.perf_counter()
        dg.materialize(
            ingest,
            partition_key=path.name,
            instance=instance,
            resources=resources,
            run_config=quiet,
        )
        processed.append(path.name)
        manifest = workspace.manifest(path.name) or {}
        log(
            f"  processed {path.name} ({manifest.get('status')}) in {time.perf_counter() - started:.1f}s"
        )
    log(f"{len(processed)} processed, {len(files) - len(processed)} unchanged")
    for path in files:
        error = _rejection(workspace, path.name)
        if error:
            log(f"  REJECTED {path.name}: {error}")
    result = dg.materialize(
        [a for a in _unpartitioned(defs)],
        instance=instance,
        resources=resources,
        run_config=quiet,
        selection=dg.AssetSelection.groups("dataset"),
        raise_on_error=False,
    )
    errors, warnings = [], []
    for event in result.get_asset_check_evaluations():
        if event.passed:
            continue
        line = f"{event.asset_key.to_user_string()}/{event.check_name}: {event.description}"
        if event.severity == dg.AssetCheckSeverity.WARN:
            warnings.append(line)
        else:
            errors.append(line)
    for line in warnings:
        log(f"CHECK WARNING {line}")
    if errors or not result.success:
        for line in errors:
            log(f"CHECK FAILED {line}")
        report = _failure_report(settings)
        if report:
            log(f"validation report of the failed build: {report}")
        failed = sorted({line.split(":", 1)[0] for line in errors}) or ["a step of the run"]
        raise SystemExit(
            "build failed: the dataset was not published (previous outputs kept); "
            f"failed: {', '.join(failed)}"
        )
    return {"processed": processed, "sources": [p.name for p in files], "warnings": warnings}


def _rejection(workspace, file_name: str) -> str | None:
    """The error of a rejected source, from its per-source `sources` table."""
    from .parquet_io import read_parquet

    path = workspace.table_path("sources", file_name)
    if not path.exists():
        return None
    for row in read_parquet(path).select(["status", "error"]).to_pylist():
        if row["status"] == "rejected":
            return row["error"] or "rejected"
    return None


def _failure_report(settings) -> str | None:
    """Write the validation report of a build that failed a check into the staging folder
    (never published), so that the failing rows can be read there; its path or None."""
    from .validation_report import INDEX, REPORT_DIR, dataset_reports, write_report

    parquet = settings.staging_path / "parquet"
    try:
        reports = dataset_reports(parquet, settings.input_path, partial=True)
        write_report(reports, settings.staging_path / REPORT_DIR, parquet)
    except Exception:  # a table missing or unreadable: the check lines above must do
        return None
    return str(settings.staging_path / REPORT_DIR / INDEX)


def _unpartitioned(defs):
    graph = defs.resolve_asset_graph()
    seen = {}
    for key in graph.get_all_asset_keys():
        if key.path[0] == "per_source":
            continue
        a = defs.get_assets_def(key)
        seen[id(a)] = a
    return list(seen.values()) + list(defs.asset_checks or [])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", default=os.environ.get("POLICY_CORPUS_INPUT", "seeds"))
    parser.add_argument("--output", default=os.environ.get("POLICY_CORPUS_OUTPUT", "outputs"))
    args = parser.parse_args(argv)
    ensure_dagster_home(args.output)
    started = time.perf_counter()
    build(Path(args.input), Path(args.output))
    print(f"built {args.output} from {args.input} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    sys.exit(main())
