"""Atomic-as-possible publication: the new dataset is assembled in `<output>/.staging`, and
only after every blocking check passed is each item swapped in by rename. A build that
crashes or is killed before the swap leaves the published dataset as it was; one killed in
the middle of the swap (a few renames) is repaired at the start of the next build."""

import os
import shutil
from pathlib import Path

#: What a published dataset consists of, in the order it is swapped in.
ITEMS = ("parquet", "validation", "policy_corpus.duckdb", "README.md")
PREVIOUS = ".previous"


def recover(output: Path) -> list[str]:
    """Finish or undo a publication that was interrupted; returns what was restored."""
    previous = output / PREVIOUS
    restored = []
    if previous.is_dir():
        for name in ITEMS:
            old = previous / name
            if old.exists() and not (output / name).exists():
                os.replace(old, output / name)
                restored.append(name)
        shutil.rmtree(previous)
    return restored


def promote(staging: Path, output: Path) -> list[str]:
    """Swap the staged items into the output folder; returns the names published."""
    recover(output)
    previous = output / PREVIOUS
    previous.mkdir(parents=True, exist_ok=True)
    published = []
    for name in ITEMS:
        new = staging / name
        if not new.exists():
            continue
        final = output / name
        if final.exists():
            os.replace(final, previous / name)
        os.replace(new, final)
        published.append(name)
    shutil.rmtree(previous)
    shutil.rmtree(staging, ignore_errors=True)
    return published
