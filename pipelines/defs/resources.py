"""The build's settings as a Dagster resource: folders, workers, executor, shard size.

Defaults come from the environment (`make build INPUT=… OUTPUT=… WORKERS=…` sets them), so a
researcher can build any folder of texts into any folder, in the UI as on the command line.
"""

import hashlib
import os
from pathlib import Path

import dagster as dg

from ..paths import OUTPUTS_DIR, REPO_ROOT, SEEDS_DIR
from ..store.inputs import InputFile, InputScan, scan_inputs
from ..store.shards import MAX_BYTES, MAX_FILES, plan_shards


def _resolve(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (REPO_ROOT / path)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


class CorpusSettings(dg.ConfigurableResource):
    """Where the sources are read from and the dataset written; how the work is spread."""

    input_dir: str = os.environ.get("POLICY_CORPUS_INPUT", str(SEEDS_DIR))
    output_dir: str = os.environ.get("POLICY_CORPUS_OUTPUT", str(OUTPUTS_DIR))
    #: processes that work on the files of a shard (0: one per CPU core)
    workers: int = _env_int("POLICY_CORPUS_WORKERS", 0)
    #: `local` (this machine) or `ray` (a Ray cluster; see ray_address)
    executor: str = os.environ.get("POLICY_CORPUS_EXECUTOR", "local")
    #: address of a running Ray cluster; empty: a local Ray instance for the run
    ray_address: str = os.environ.get("POLICY_CORPUS_RAY_ADDRESS", "")
    shard_max_files: int = _env_int("POLICY_CORPUS_SHARD_FILES", MAX_FILES)
    shard_max_bytes: int = _env_int("POLICY_CORPUS_SHARD_BYTES", MAX_BYTES)
    #: fail (publish nothing) when any source is quarantined, for CI
    strict: bool = os.environ.get("POLICY_CORPUS_STRICT", "") not in ("", "0")
    #: an optional extra of the facts: `lac` adds the persons Baidu's LAC tagger finds where no
    #: rule fact stands (pipelines/text/facts/tagged.py; needs the optional `lac` dependency
    #: group). Empty (the default): the rules alone. It goes into the shards' and the published
    #: files' code fingerprint (`+tagger=lac`) and travels with every file's task.
    facts_tagger: str = os.environ.get("POLICY_CORPUS_FACTS_TAGGER", "")

    @property
    def input_path(self) -> Path:
        return _resolve(self.input_dir)

    @property
    def output_path(self) -> Path:
        return _resolve(self.output_dir)

    @property
    def staging_path(self) -> Path:
        """The next dataset is assembled here, validated, then promoted into output_path."""
        return self.output_path / ".staging"

    @property
    def work_path(self) -> Path:
        """The work cache of this input folder (one per input folder, inside the output)."""
        key = hashlib.sha256(str(self.input_path).encode()).hexdigest()[:12]
        return self.output_path / ".work" / key

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    def scan(self, *, hashed: bool = True) -> InputScan:
        return scan_inputs(self.input_path, self.work_path / "_hashes.json", hashed=hashed)

    def plan(self, scan: InputScan | None = None) -> dict[str, list[InputFile]]:
        """Shard key -> files, for the current input folder."""
        files = (scan or self.scan(hashed=False)).files
        return plan_shards(files, max_files=self.shard_max_files, max_bytes=self.shard_max_bytes)
