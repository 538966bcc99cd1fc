"""Helpers shared by the tests that run whole builds in child processes."""

import os
import shutil
from pathlib import Path

from pipelines.paths import SEEDS_DIR
from pipelines.store.publication import PAUSE_ENV


def build_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a child build: its own Dagster home (telemetry off), no pause
    point unless `extra` names one."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    env = dict(os.environ, DAGSTER_HOME=str(home), DAGSTER_DISABLE_TELEMETRY="1")
    env.pop(PAUSE_ENV, None)
    env.update(PYTHONUNBUFFERED="1", **extra)
    return env


def smallest_seeds(folder: Path, count: int) -> Path:
    """A folder holding the `count` smallest seeds (a real multi-file corpus, quick to build)."""
    folder.mkdir(parents=True)
    for path in sorted(SEEDS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)[:count]:
        shutil.copy(path, folder / path.name)
    return folder
