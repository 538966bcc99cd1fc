"""`python -m pipelines.build`: build the dataset from an input folder into an output folder.

It does what a user would do in the Dagster UI, on the project's Dagster instance (so the
runs show up in `make ui`): plan the shards of the input folder, process the shards that are
new or changed (one run per shard, the files of a shard spread over `--workers` processes or
a Ray cluster), then assemble, validate and publish. Sources whose rows fail an ERROR
expectation are quarantined (named, not published); the rest is published. Exits non-zero,
naming the failing expectations, when a corpus-wide check fails (the previous dataset stays
published and the report of the failed build is left in `<output>/.staging/validation/`),
or, with `--strict`, when any source is quarantined.
"""

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

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


class BuildFailed(SystemExit):
    """The build stopped; the message says why (the previous dataset stays published)."""


def build(
    input_dir: Path,
    output_dir: Path,
    *,
    instance=None,
    log=print,
    **options: Any,
) -> dict[str, Any]:
    """Build and publish; returns what happened (sources, shards, timings, warnings).

    `options` are those of `make_settings` (workers, executor, ray_address, shard_files,
    shard_bytes, strict). Without an `instance` (the command line) the publication runs in a
    fresh process (`publish_in_fresh_process`); with one (tests, a caller's instance) in this
    process."""
    from .store.lock import NotADataset, OutputLocked, check_output_folder
    from .store.lock import output_lock as lock

    settings = make_settings(input_dir, output_dir, **options)
    try:
        check_output_folder(settings.output_path, settings.input_path)
        with lock(settings.output_path, "make build"):
            return _build_locked(settings, instance, log)
    except (NotADataset, OutputLocked, FileNotFoundError) as exc:
        raise BuildFailed(f"build refused: {exc}") from None


def make_settings(
    input_dir: Path | str,
    output_dir: Path | str,
    workers: int = 0,
    executor: str = "local",
    ray_address: str = "",
    shard_files: int | None = None,
    shard_bytes: int | None = None,
    strict: bool = False,
) -> Any:
    """The build's CorpusSettings (a shard bound left out keeps its default)."""
    from .defs.resources import CorpusSettings

    return CorpusSettings(
        input_dir=str(input_dir),
        output_dir=str(output_dir),
        workers=workers,
        executor=executor,
        ray_address=ray_address,
        strict=strict,
        **({"shard_max_files": shard_files} if shard_files else {}),
        **({"shard_max_bytes": shard_bytes} if shard_bytes else {}),
    )


def _build_locked(settings, instance, log) -> dict[str, Any]:
    import dagster as dg

    from .code_version import shard_code
    from .definitions import build_definitions
    from .defs.shards import checked_tagger, load_sidecar
    from .shard import file_entries
    from .store.lock import mark_output_folder
    from .store.publication import recover
    from .store.workspace import Workspace

    started = time.perf_counter()
    mark_output_folder(settings.output_path)
    restored = recover(settings.output_path)
    if restored:
        log(f"repaired an interrupted publication: restored {restored}")
    scan = settings.scan()
    for name, reason in scan.skipped:
        log(f"  skipped {name}: {reason}")
    if not scan.files:
        raise BuildFailed(f"no source files (*.txt) in {settings.input_path}")
    plan = settings.plan(scan)
    workspace = Workspace(settings.work_path)
    gone = workspace.prune(set(plan))
    code = shard_code(checked_tagger(settings.facts_tagger))
    provenance = load_sidecar(settings)
    stale = {
        k: workspace.stale_reason(k, file_entries(f, provenance), code) for k, f in plan.items()
    }
    stale = {k: r for k, r in stale.items() if r}
    log(
        f"{len(scan.files)} source files in {settings.input_path}: {len(plan)} shard(s), "
        f"{len(stale)} to process, {len(plan) - len(stale)} unchanged"
        + (f", {len(gone)} gone" if gone else "")
    )
    fresh_publication = instance is None
    instance = instance or dg.DagsterInstance.get()
    defs = build_definitions(settings)
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    shard_assets = [defs.get_assets_def(dg.AssetKey(["shards", "sources"]))]
    phases: dict[str, float] = {"scan": round(time.perf_counter() - started, 3)}
    for key, reason in stale.items():
        t = time.perf_counter()
        dg.materialize(
            shard_assets,
            partition_key=key,
            instance=instance,
            resources=defs.resources,
            run_config=quiet,
        )
        manifest = workspace.manifest(key) or {}
        log(
            f"  shard {key}: {len(plan[key])} files ({reason}) in "
            f"{time.perf_counter() - t:.1f}s; {manifest.get('statuses')}"
        )
    phases["shards"] = round(time.perf_counter() - started - phases["scan"], 3)
    if fresh_publication:
        summary = publish_in_fresh_process(settings)
    else:
        summary = _publish(defs, instance, settings, quiet, log)
    phases["publish"] = round(time.perf_counter() - started - phases["scan"] - phases["shards"], 3)
    summary.update(
        files=len(scan.files),
        bytes=sum(f.size for f in scan.files),
        shards=len(plan),
        processed_shards=sorted(stale),
        skipped=scan.skipped,
        phases=phases,
        wall_s=round(time.perf_counter() - started, 3),
        workers=settings.worker_count,
        executor=settings.executor,
    )
    return summary


def _publish(defs, instance, settings, quiet, log) -> dict[str, Any]:
    import dagster as dg

    from .defs.tables import corpus_state

    state = corpus_state(settings)
    for name, error in state.rejected:
        log(f"  REJECTED {name}: {error}")
    for sid, error in state.quarantined.items():
        log(f"  QUARANTINED {sid}: {error}")
    selection = dg.AssetSelection.groups("dataset")
    assets = [defs.get_assets_def(k) for k in selection.resolve(defs.resolve_asset_graph())]
    result = dg.materialize(
        list({id(a): a for a in assets}.values()) + list(defs.asset_checks or []),
        instance=instance,
        resources=defs.resources,
        run_config=quiet,
        raise_on_error=False,
    )
    errors, warnings = [], []
    for event in result.get_asset_check_evaluations():
        if event.passed:
            continue
        line = f"{event.asset_key.to_user_string()}/{event.check_name}: {event.description}"
        (warnings if event.severity == dg.AssetCheckSeverity.WARN else errors).append(line)
    for line in warnings:
        log(f"CHECK WARNING {line}")
    if errors or not result.success:
        for line in errors:
            log(f"CHECK FAILED {line}")
        report = _failure_report(settings)
        if report:
            log(f"validation report of the failed build: {report}")
        failed = sorted({line.split(":", 1)[0] for line in errors}) or ["a step of the run"]
        raise BuildFailed(
            "build failed: the dataset was not published (previous outputs kept); "
            f"failed: {', '.join(failed)}"
        )
    return {
        "sources": len(_sources(state)),
        "rejected": state.rejected,
        "quarantined": state.quarantined,
        "warnings": warnings,
        "stages": state.timings(),
        "pass_counters": state.stats(),
    }


def publish_in_fresh_process(settings) -> dict[str, Any]:
    """The publication run in a new interpreter (as Dagster's default run launcher starts
    each run), which the build waits for while it holds the output lock. The build's own
    process holds what the shards needed (the segmenter's dictionary, the fact lexicons, Great
    Expectations: ~1 GB at 300x), and the publication's DuckDB buffers and row groups came on
    top of it: a 100 MB corpus peaked at 1.5 GB in one process, a 10 MB one at 1.0 GB. Its
    summary comes back as JSON; a failed publication raises BuildFailed here with its message."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="publish-") as tmp:
        result = Path(tmp) / "summary.json"
        command = [
            sys.executable,
            "-m",
            "pipelines.build",
            "--publish-only",
            str(result),
            *settings_arguments(settings),
        ]
        done = subprocess.run(command, check=False)
        if not result.exists():
            raise BuildFailed(
                f"build failed: the publication process exited with {done.returncode}"
            )
        outcome = json.loads(result.read_text(encoding="utf-8"))
    if "failed" in outcome:
        raise BuildFailed(outcome["failed"])
    return outcome["summary"]


def settings_arguments(settings) -> list[str]:
    """The command-line arguments that give `settings` again (see `main`)."""
    args = ["--input", settings.input_dir, "--output", settings.output_dir]
    args += ["--workers", str(settings.workers), "--executor", settings.executor]
    args += ["--ray-address", settings.ray_address or ""]
    args += ["--shard-files", str(settings.shard_max_files)]
    args += ["--shard-bytes", str(settings.shard_max_bytes)]
    return args + (["--strict"] if settings.strict else [])


def _publish_only(settings, result: Path) -> None:
    """`--publish-only`: the publication run of `publish_in_fresh_process`, in this process
    (the build that started it holds the output lock); the summary or the failure as JSON."""
    import dagster as dg

    from .definitions import build_definitions
    from .store.lock import adopt_lock

    adopt_lock(settings.output_path)
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    defs, instance = build_definitions(settings), dg.DagsterInstance.get()
    # What is loaded now (Dagster, the definitions: ~200,000 objects) lives as long as the
    # process: frozen, each step's `release_memory` collects only what the steps made (a full
    # collection went from 0.12 s to nothing, and the publication runs ~18 of them).
    gc.freeze()
    try:
        summary = _publish(defs, instance, settings, quiet, print)
        outcome: dict[str, Any] = {"summary": summary}
    except BuildFailed as exc:
        outcome = {"failed": str(exc)}
    finally:
        gc.unfreeze()  # collectable again at exit (DuckDB's bindings warn of leaks otherwise)
    result.write_text(json.dumps(outcome, ensure_ascii=False), encoding="utf-8")


def _sources(state) -> list[str]:
    return [f["name"] for m in state.manifests.values() for f in m.get("files") or []]


def _failure_report(settings) -> str | None:
    """Write the validation report of a build that failed a check into the staging folder
    (never published), so that the failing rows can be read there; its path or None."""
    from .contract.report import INDEX, REPORT_DIR
    from .defs.publish import write_validation_report

    try:
        write_validation_report(settings)
    except Exception:  # a table missing or unreadable: the check lines above must do
        return None
    return str(settings.staging_path / REPORT_DIR / INDEX)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", default=os.environ.get("POLICY_CORPUS_INPUT", "seeds"))
    parser.add_argument("--output", default=os.environ.get("POLICY_CORPUS_OUTPUT", "outputs"))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("POLICY_CORPUS_WORKERS") or 0),
        help="processes per shard (0: one per CPU core)",
    )
    parser.add_argument(
        "--executor",
        choices=("local", "ray"),
        default=os.environ.get("POLICY_CORPUS_EXECUTOR") or "local",
    )
    parser.add_argument(
        "--ray-address",
        default=os.environ.get("POLICY_CORPUS_RAY_ADDRESS", ""),
        help="a running Ray cluster (default: a local Ray instance for the build)",
    )
    parser.add_argument("--shard-files", type=int, default=None, help="files per shard at most")
    parser.add_argument("--shard-mb", type=float, default=None, help="MB of text per shard at most")
    parser.add_argument(
        "--strict",
        action="store_true",
        default=os.environ.get("POLICY_CORPUS_STRICT", "") not in ("", "0"),
        help="fail (publish nothing) when any source is quarantined",
    )
    parser.add_argument(
        "--stats", type=Path, default=None, help="write the build's figures as JSON"
    )
    parser.add_argument("--shard-bytes", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--publish-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ensure_dagster_home(args.output)
    shard_bytes = args.shard_bytes or (int(args.shard_mb * 1e6) if args.shard_mb else None)
    if args.publish_only:
        settings = make_settings(
            args.input,
            args.output,
            args.workers,
            args.executor,
            args.ray_address,
            args.shard_files,
            shard_bytes,
            args.strict,
        )
        _publish_only(settings, args.publish_only)
        return
    started = time.perf_counter()
    summary = build(
        Path(args.input),
        Path(args.output),
        workers=args.workers,
        executor=args.executor,
        ray_address=args.ray_address,
        shard_files=args.shard_files,
        shard_bytes=shard_bytes,
        strict=args.strict,
    )
    if args.stats:
        args.stats.parent.mkdir(parents=True, exist_ok=True)
        args.stats.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    q, r = len(summary["quarantined"]), len(summary["rejected"])
    print(
        f"built {args.output} from {args.input} in {time.perf_counter() - started:.1f}s: "
        f"{summary['files'] - q - r} sources published"
        + (f", {q} quarantined (not published)" if q else "")
        + (f", {r} rejected" if r else "")
    )


if __name__ == "__main__":
    sys.exit(main())
