"""The same build on a local Ray cluster (started and stopped by the test): the files of a
shard run as Ray tasks, and the published Parquet is byte-identical to the default build."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pipelines.paths import REPO_ROOT, SEEDS_DIR
from pipelines.schema import TABLES

pytestmark = pytest.mark.slow
ray = pytest.importorskip(
    "ray", reason="Ray is not installed (uv sync installs it with the dev group)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _build(inputs: Path, out: Path, home: Path, *extra: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    env = dict(os.environ, DAGSTER_HOME=str(home), DAGSTER_DISABLE_TELEMETRY="1")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.build",
            "--input",
            str(inputs),
            "--output",
            str(out),
            *extra,
        ],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.fixture
def ray_cluster(tmp_path):
    """A one-node Ray cluster on a free port, stopped (with everything it started) after."""
    ray_bin = Path(sys.executable).with_name("ray")
    port = _free_port()
    # Ray's Unix sockets live under its temp dir, and a socket path has at most 107 bytes:
    # pytest's tmp_path is too deep, the system temp dir is not
    temp = Path(tempfile.mkdtemp(prefix="ray"))
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0", RAY_TMPDIR=str(temp))
    start = subprocess.run(
        [
            str(ray_bin),
            "start",
            "--head",
            f"--port={port}",
            "--num-cpus=2",
            "--include-dashboard=false",
            "--disable-usage-stats",
            "--object-store-memory=200000000",
            f"--temp-dir={temp}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if start.returncode != 0:
        pytest.skip(f"a local Ray cluster could not start: {start.stderr[-500:]}")
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([str(ray_bin), "stop", "--force"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(temp, ignore_errors=True)


def test_a_build_on_a_local_ray_cluster_gives_the_same_parquet(tmp_path, ray_cluster):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(SEEDS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]:
        shutil.copy(path, inputs / path.name)
    local, on_ray = tmp_path / "local", tmp_path / "ray_out"
    _build(inputs, local, tmp_path / "home_local", "--workers", "1")
    _build(inputs, on_ray, tmp_path / "home_ray", "--executor", "ray", "--ray-address", ray_cluster)
    for table in TABLES:
        name = f"parquet/{table}.parquet"
        assert (on_ray / name).read_bytes() == (local / name).read_bytes(), table
