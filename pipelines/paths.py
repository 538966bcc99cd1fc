"""Where things are, relative to the checkout (overridable by environment variables)."""

import hashlib
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
OUTPUTS_DIR = REPO_ROOT / "outputs"
#: The external test corpus: real public documents vendored with their sources and licences
#: (tests/corpus/SOURCES.md), so that a fresh clone runs every test.
CORPUS_DIR = Path(os.environ.get("POLICY_CORPUS_CORPUS_DIR", REPO_ROOT / "tests" / "corpus"))
CACHE_DIR = Path(os.environ.get("POLICY_CORPUS_CACHE_DIR", REPO_ROOT / ".cache"))
#: Dagster's local state (runs, materialisations, partitions) lives under here, one folder per
#: output folder, so that building or browsing one dataset never shows another's runs.
DAGSTER_HOMES = REPO_ROOT / ".dagster_home"


def dagster_home_for(output_dir: str | Path) -> Path:
    """The Dagster home of an output folder: `.dagster_home/<folder name>-<hash of its path>`,
    created with telemetry off. `make build` and `make ui` use the same one for the same
    OUTPUT (relative paths are taken from the checkout, as the build's settings do)."""
    output = Path(output_dir).expanduser()
    output = (output if output.is_absolute() else REPO_ROOT / output).resolve()
    key = hashlib.sha256(str(output).encode("utf-8")).hexdigest()[:12]
    home = DAGSTER_HOMES / f"{output.name or 'root'}-{key}"
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return home


if __name__ == "__main__":  # `python -m pipelines.paths dagster-home OUTPUT` (the Makefile)
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "dagster-home":
        print(dagster_home_for(sys.argv[2]))
    else:
        sys.exit("usage: python -m pipelines.paths dagster-home OUTPUT")
