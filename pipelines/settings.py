"""Paths and settings of a build, as a Dagster resource.

The input and output folders are settings (defaults `seeds/` and `outputs/`; overridable
with POLICY_CORPUS_INPUT / POLICY_CORPUS_OUTPUT, which `make build INPUT=… OUTPUT=…` sets),
so that a researcher can build a dataset from any folder of texts into any folder.
"""

import hashlib
import os
from pathlib import Path

import dagster as dg

from .paths import OUTPUTS_DIR, REPO_ROOT, SEEDS_DIR

#: Files of the input folder that are sources (others, like README or SOURCES.md, are not).
SOURCE_SUFFIXES = (".txt",)


def _resolve(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (REPO_ROOT / path)


class CorpusSettings(dg.ConfigurableResource):
    """Where the sources are read from and where the dataset is written."""

    input_dir: str = os.environ.get("POLICY_CORPUS_INPUT", str(SEEDS_DIR))
    output_dir: str = os.environ.get("POLICY_CORPUS_OUTPUT", str(OUTPUTS_DIR))

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
        """Per-source (per-partition) tables, kept between builds so that only new or
        changed files are processed again. One folder per input folder."""
        key = hashlib.sha256(str(self.input_path).encode()).hexdigest()[:12]
        return self.output_path / ".work" / key

    def source_files(self) -> list[Path]:
        """The source files of the input folder, sorted by name."""
        folder = self.input_path
        if not folder.is_dir():
            raise FileNotFoundError(f"input folder {folder} does not exist")
        return sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
        )
