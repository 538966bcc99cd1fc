"""A shard validated in the local pool gives the reports of the serial validation."""

import shutil
from pathlib import Path

from pipelines.executor.local import LocalExecutor
from pipelines.shard import SHARD_CHECKED, build_shard, validate_shard
from pipelines.store.inputs import scan_inputs
from pipelines.store.workspace import Workspace


def _shard(seeds_dir: Path, tmp_path: Path) -> Workspace:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in sorted(p.name for p in seeds_dir.glob("*.txt"))[:2]:
        shutil.copy(seeds_dir / name, inputs / name)
    workspace = Workspace(tmp_path / "work")
    files = scan_inputs(inputs).files
    build_shard("s", files, workspace, LocalExecutor(1), "test", log=lambda _: None)
    return workspace


def test_validating_a_shard_in_a_pool_of_two_gives_the_serial_reports_in_order(
    seeds_dir: Path, tmp_path: Path
) -> None:
    workspace = _shard(seeds_dir, tmp_path)
    serial = validate_shard(workspace, "s")
    pool = LocalExecutor(2)
    try:
        pooled = validate_shard(workspace, "s", pool)
    finally:
        pool.close()
    assert [(r.table, r.suite) for r in pooled] == [(r.table, r.suite) for r in serial]
    assert {r.table for r in serial} == set(SHARD_CHECKED)
    assert pooled == serial


def test_run_each_keeps_the_order_of_the_items_whatever_the_pool() -> None:
    for workers in (1, 2):
        pool = LocalExecutor(workers)
        try:
            assert pool.run_each(abs, [-3, 2, -1, 0]) == [3, 2, 1, 0]
        finally:
            pool.close()
