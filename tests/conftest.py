"""Shared test fixtures: where the seeds and the external corpus live."""

from pathlib import Path

import pytest

from pipelines.paths import CORPUS_DIR, REPO_ROOT, SEEDS_DIR

FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The external test corpus, vendored in tests/corpus/ (see its SOURCES.md)."""
    assert CORPUS_DIR.is_dir(), f"the vendored test corpus is missing: {CORPUS_DIR}"
    return CORPUS_DIR
