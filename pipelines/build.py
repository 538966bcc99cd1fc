"""`python -m pipelines.build`: build the dataset from an input folder into an output folder.

It does what a user would do in the Dagster UI, on the project's Dagster instance (so the
runs show up in `make ui`): sync one partition per source file, process the partitions that
are new or changed, then gather, validate and publish. Exits non-zero, naming the failing
expectations, when a blocking check fails (the previous dataset then stays published).
"""

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

from .paths import REPO_ROOT


def ensure_dagster_home() -> Path:
    """DAGSTER_HOME inside the project, with telemetry off."""
    home = Path(os.environ.get("DAGSTER_HOME") or REPO_ROOT / ".dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
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
    result = dg.materialize(
        [a for a in _unpartitioned(defs)],
        instance=instance,
        resources=resources,
        run_config=quiet,
        selection=dg.AssetSelection.groups("dataset"),
        raise_on_error=False,
    )
    failures = []
    for event in result.get_asset_check_evaluations():
        if not event.passed:
            failures.append(
                f"{event.asset_key.to_user_string()}/{event.check_name}: {event.description}"
            )
    if failures or not result.success:
        for line in failures:
            log(f"CHECK FAILED {line}")
        raise SystemExit("build failed: the dataset was not published (previous outputs kept)")
    return {"processed": processed, "sources": [p.name for p in files]}


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
    ensure_dagster_home()
    started = time.perf_counter()
    build(Path(args.input), Path(args.output))
    print(f"built {args.output} from {args.input} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    sys.exit(main())
