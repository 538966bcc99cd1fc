"""Atomic outputs: a build killed at any point leaves the previously published dataset
byte-identical (or, if killed in the middle of the swap, restorable and restored by the next
build), the next build publishes, and rebuilding the same input gives the same bytes."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.build import build
from pipelines.paths import REPO_ROOT, SEEDS_DIR
from pipelines.schema import TABLES
from pipelines.store import publication
from pipelines.store.publication import ITEMS, PAUSE_ENV, PAUSE_FLAG_ENV, PREVIOUS, promote, recover

DB = "policy_corpus.duckdb"

#: The smaller seeds keep the test quick; what matters is a real multi-file dataset.
SEED_SUBSET = 3
NEW_FILE = (
    "关于做好防汛工作的通知\n各单位：\n要切实做好防汛工作，确保人民群众生命财产安全。\n",
    "new_notice.txt",
)


def snapshot(out: Path) -> dict[str, bytes]:
    """Every published file (relative path -> bytes), work and staging folders excluded."""
    files = {}
    for item in ITEMS:
        path = out / item
        paths = sorted(path.rglob("*")) if path.is_dir() else [path]
        for p in paths:
            if p.is_file():
                files[str(p.relative_to(out))] = p.read_bytes()
    return files


def _inputs(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in sorted(SEEDS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)[:SEED_SUBSET]:
        shutil.copy(path, folder / path.name)
    return folder


def _env(home: Path, **extra: str) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    env = dict(os.environ, DAGSTER_HOME=str(home), DAGSTER_DISABLE_TELEMETRY="1")
    env.pop(PAUSE_ENV, None)
    env.update(PYTHONUNBUFFERED="1", **extra)
    return env


def _command(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipelines.build", "--input", str(inputs), "--output", str(out)]


def _start(inputs: Path, out: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        _command(inputs, out),
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: the kill reaches every child
    )


def _kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def _kill_when(proc: subprocess.Popen, flag: Path, timeout: float = 240) -> None:
    """SIGKILL the build once it has reached its pause point (the flag file exists)."""
    deadline = time.monotonic() + timeout
    while not flag.exists():
        if proc.poll() is not None:
            raise AssertionError(f"build ended before its pause point:\n{proc.stdout.read()}")
        if time.monotonic() > deadline:
            _kill(proc)
            raise AssertionError("build never reached its pause point")
        time.sleep(0.1)
    _kill(proc)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, Path]:
    """(input folder, output folder) of a first build, shared by the two tests below: the
    rebuild test leaves both as they were, the kill test (last) then adds a file."""
    root = tmp_path_factory.mktemp("atomic")
    inputs, out = _inputs(root / "in"), root / "out"
    with dg.instance_for_test() as instance:
        build(inputs, out, instance=instance, log=lambda *_: None)
    return inputs, out


def _reproducible(files: dict[str, bytes]) -> dict[str, bytes]:
    """The published files but the DuckDB file, and the checksums but the DuckDB file's line
    (DuckDB's storage format is not byte-reproducible; its rows are compared instead)."""
    out = {k: v for k, v in files.items() if k != DB}
    out["checksums.sha256"] = b"\n".join(
        line for line in out["checksums.sha256"].split(b"\n") if not line.endswith(DB.encode())
    )
    return out


def _database_rows(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}
    finally:
        con.close()


@pytest.mark.slow
def test_rebuilding_gives_the_same_bytes(published):
    """Parquet files, card, metadata and validation report are byte-identical; the DuckDB file
    is not (DuckDB's storage format is not byte-reproducible), so its contents are compared."""
    inputs, out = published
    first = snapshot(out)
    first_rows = _database_rows(out / DB)
    with dg.instance_for_test() as instance:
        again = build(inputs, out, instance=instance, log=lambda *_: None)
    assert again["processed_shards"] == []
    second = snapshot(out)
    assert _reproducible(second) == _reproducible(first)
    assert _database_rows(out / DB) == first_rows


@pytest.mark.slow
def test_a_killed_build_keeps_the_previous_dataset_and_the_next_build_publishes(
    published, tmp_path
):
    inputs, out = published
    before = snapshot(out)
    assert {k.split("/")[0] for k in before} == set(ITEMS)
    text, name = NEW_FILE
    (inputs / name).write_text(text, encoding="utf-8")
    home = tmp_path / "dagster_home"

    # 1. killed while processing the sources (whatever it is doing 2 s after it started)
    proc = _start(inputs, out, _env(home))
    assert proc.stdout is not None
    for line in proc.stdout:
        if "source files in" in line:
            break
    time.sleep(2)
    _kill(proc)
    assert snapshot(out) == before

    # 2. killed while validating a shard (its tables written, its manifest not yet)
    flag = tmp_path / "paused"
    proc = _start(inputs, out, _env(home, **{PAUSE_ENV: "validation", PAUSE_FLAG_ENV: str(flag)}))
    _kill_when(proc, flag)
    assert snapshot(out) == before

    # 3. killed with the staging folder half written (tables staged, no database or card)
    flag.unlink()
    proc = _start(inputs, out, _env(home, **{PAUSE_ENV: "staging", PAUSE_FLAG_ENV: str(flag)}))
    _kill_when(proc, flag)
    assert (out / ".staging" / "parquet" / "sources.parquet").exists()
    assert snapshot(out) == before

    # 4. killed in the middle of the swap: one item renamed into place, the rest not yet
    flag.unlink()
    proc = _start(inputs, out, _env(home, **{PAUSE_ENV: "promote", PAUSE_FLAG_ENV: str(flag)}))
    _kill_when(proc, flag)
    previous = out / PREVIOUS
    assert json.loads((previous / publication.JOURNAL).read_text())["items"] == list(ITEMS)
    # the old version of the swapped item waits in .previous, the others are untouched
    moved = {k: v for k, v in before.items() if (previous / k).exists()}
    assert moved and all((previous / k).read_bytes() == v for k, v in moved.items())
    assert all((out / k).read_bytes() == v for k, v in before.items() if k not in moved)

    # 5. the next build rolls the interrupted swap back, then publishes the new dataset
    result = subprocess.run(
        _command(inputs, out), cwd=REPO_ROOT, env=_env(home), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "repaired an interrupted publication" in result.stdout
    after = snapshot(out)
    assert set(after) == set(before) and after != before
    sources = pq.read_table(out / "parquet" / "sources.parquet").column("file_name")
    assert name in sources.to_pylist()
    assert not (out / PREVIOUS).exists() and not (out / ".staging").exists()


# ---------------------------------------------------------------------------------------------
# the swap itself, without Dagster


def _dataset(folder: Path, tag: str, items=ITEMS) -> None:
    for item in items:
        if item in ("parquet", "validation"):
            (folder / item).mkdir(parents=True)
            (folder / item / "a.bin").write_text(f"{tag} {item}")
        else:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / item).write_text(f"{tag} {item}")


class _Killed(Exception):
    pass


@pytest.mark.parametrize("swapped", [1, 2, 3])
def test_an_interrupted_swap_is_rolled_back(tmp_path, monkeypatch, swapped):
    out, staging = tmp_path / "out", tmp_path / "out" / ".staging"
    _dataset(out, "old", [i for i in ITEMS if i != "validation"])  # none before
    (out / "unrelated.txt").write_text("kept")
    _dataset(staging, "new")
    before = snapshot(out)
    calls = []

    def pause(point):
        calls.append(point)
        if len(calls) == swapped:
            raise _Killed

    monkeypatch.setattr(publication, "pause_point", pause)
    with pytest.raises(_Killed):
        promote(staging, out)
    assert recover(out) == [i for i in ITEMS[:swapped] if i != "validation"]
    assert snapshot(out) == before and (out / "unrelated.txt").read_text() == "kept"
    assert not (out / "validation").exists()


def test_a_finished_swap_is_only_cleaned_up(tmp_path, monkeypatch):
    out, staging = tmp_path / "out", tmp_path / "out" / ".staging"
    _dataset(out, "old")
    _dataset(staging, "new")
    real_rmtree = shutil.rmtree

    def crash_on_cleanup(path, *args, **kwargs):
        if Path(path).name == PREVIOUS:
            raise _Killed
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(publication.shutil, "rmtree", crash_on_cleanup)
    with pytest.raises(_Killed):
        promote(staging, out)
    monkeypatch.setattr(publication.shutil, "rmtree", real_rmtree)
    assert recover(out) == []
    assert (out / "README.md").read_text() == "new README.md"
