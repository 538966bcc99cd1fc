"""Where things are, relative to the checkout (overridable by environment variables)."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
OUTPUTS_DIR = REPO_ROOT / "outputs"
#: The external test corpus sits in `shared/corpus` beside the checkout.
CORPUS_DIR = Path(
    os.environ.get("POLICY_CORPUS_CORPUS_DIR", REPO_ROOT.parent / "shared" / "corpus")
)
CACHE_DIR = Path(os.environ.get("POLICY_CORPUS_CACHE_DIR", REPO_ROOT / ".cache"))
