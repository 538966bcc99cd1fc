"""Where things are, relative to the checkout (overridable by environment variables)."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
OUTPUTS_DIR = REPO_ROOT / "outputs"
#: The external test corpus: real public documents vendored with their sources and licences
#: (tests/corpus/SOURCES.md), so that a fresh clone runs every test.
CORPUS_DIR = Path(os.environ.get("POLICY_CORPUS_CORPUS_DIR", REPO_ROOT / "tests" / "corpus"))
CACHE_DIR = Path(os.environ.get("POLICY_CORPUS_CACHE_DIR", REPO_ROOT / ".cache"))
