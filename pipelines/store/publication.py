"""Atomic-as-possible publication: the new dataset is assembled in `<output>/.staging`, and
only after every blocking check passed is each item swapped in by rename. A build that
crashes or is killed before the swap leaves the published dataset as it was; one killed in
the middle of the swap (a few renames) is rolled back to the previous dataset at the start
of the next build, which then publishes anew."""

import json
import os
import shutil
import time
from pathlib import Path

#: What a published dataset consists of, in the order it is swapped in.
ITEMS = (
    "parquet",
    "validation",
    "policy_corpus.duckdb",
    "datapackage.json",
    "croissant.json",
    "figures",
    "DATA_LICENSE.md",
    "README.md",
    "checksums.sha256",
)
PREVIOUS = ".previous"


JOURNAL = "_swap.json"
DONE = "_done"

#: Test-only fault injection (tests/test_atomic.py): when POLICY_CORPUS_TEST_PAUSE names a
#: point ("validation", "staging", "promote"), the build touches the file POLICY_CORPUS_TEST_PAUSE_FLAG and
#: sleeps there, so that the test can SIGKILL it at a known moment. Unset in normal use.
PAUSE_ENV, PAUSE_FLAG_ENV = "POLICY_CORPUS_TEST_PAUSE", "POLICY_CORPUS_TEST_PAUSE_FLAG"


def pause_point(name: str) -> None:
    """Sleep here if a test asked to (see PAUSE_ENV); a no-op otherwise."""
    if os.environ.get(PAUSE_ENV) != name:
        return
    flag = os.environ.get(PAUSE_FLAG_ENV)
    if flag:
        Path(flag).write_text(name, encoding="utf-8")
    time.sleep(600)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def recover(output: Path) -> list[str]:
    """Undo a publication that was interrupted; returns the items put back.

    The swap journal (written before the first rename) lists the items being published and
    which of them existed before. If the swap did not finish, every item is rolled back to its
    previous version (an item that had none is removed), so the output folder again holds one
    whole, earlier dataset; the next build publishes anew. A swap that finished but was not cleaned up is only cleaned.
    """
    previous = output / PREVIOUS
    restored: list[str] = []
    if not previous.is_dir():
        return restored
    if not (previous / DONE).exists():
        journal = previous / JOURNAL
        if journal.exists():
            entry = json.loads(journal.read_text(encoding="utf-8"))
            names, existed = entry["items"], set(entry["existed"])
        else:  # killed before the journal was written: nothing was swapped yet
            names, existed = [], set()
        for name in names:
            old = previous / name
            if old.exists():
                _remove(output / name)
                os.replace(old, output / name)
                restored.append(name)
            elif name not in existed:
                _remove(output / name)  # a new item that had no earlier version
    shutil.rmtree(previous)
    return restored


def promote(staging: Path, output: Path) -> list[str]:
    """Swap the staged items into the output folder; returns the names published."""
    recover(output)
    previous = output / PREVIOUS
    previous.mkdir(parents=True, exist_ok=True)
    names = [name for name in ITEMS if (staging / name).exists()]
    existed = [name for name in names if (output / name).exists()]
    _write_synced(previous / JOURNAL, json.dumps({"items": names, "existed": existed}))
    published = []
    for name in names:
        final = output / name
        if final.exists():
            os.replace(final, previous / name)
        os.replace(staging / name, final)
        published.append(name)
        pause_point("promote")
    _write_synced(previous / DONE, "")
    shutil.rmtree(previous)
    shutil.rmtree(staging, ignore_errors=True)
    return published


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
