"""One build at a time per output folder, and no build into a folder that is not a dataset.

`output_lock` takes an exclusive `flock` on `<output>/.lock` for as long as a build (or a
Dagster run that writes the dataset) works on the folder; a second one fails at once with a
message naming the holder. The lock is released by the kernel when its process dies, so a
killed build never leaves a stale lock. It is re-entrant within a process: the CLI build
holds it and the Dagster runs it launches in the same process take it again.

`check_output_folder` refuses an output folder that holds other things than a dataset of this
project (the input folder itself, a home folder, a project…): publication only ever replaces
the dataset's own items, but refusing up front is what keeps a user's files safe.
"""

import contextlib
import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

LOCK = ".lock"
#: Written into every output folder a build creates; its presence makes the folder ours.
MARKER = ".policy-corpus"

_held: dict[str, list] = {}  # resolved path -> [file object, depth]


class OutputLocked(RuntimeError):
    """Another build or run holds the output folder."""


class NotADataset(RuntimeError):
    """The output folder holds files that are not a dataset of this project."""


@contextlib.contextmanager
def output_lock(output: Path, purpose: str) -> Iterator[None]:
    output.mkdir(parents=True, exist_ok=True)
    key = str(output.resolve())
    if key in _held:
        _held[key][1] += 1
        try:
            yield
        finally:
            _held[key][1] -= 1
        return
    fh = open(output / LOCK, "a+", encoding="utf-8")  # noqa: SIM115 (held across the yield)
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "another process"
        fh.close()
        raise OutputLocked(
            f"{output} is being written by another build ({holder}); one build at a time per "
            "output folder: wait for it to finish, or build into another folder"
        ) from None
    fh.seek(0)
    fh.truncate()
    info = {"pid": os.getpid(), "host": socket.gethostname(), "purpose": purpose}
    fh.write(json.dumps({**info, "since": time.strftime("%Y-%m-%dT%H:%M:%S")}))
    fh.flush()
    _held[key] = [fh, 1]
    try:
        yield
    finally:
        _held.pop(key, None)
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()


def adopt_lock(output: Path) -> None:
    """In a process that a lock holder started and waits for (the build's publication
    process): the folder counts as held here too, so the runs it launches take the lock
    re-entrantly instead of being refused by their own parent's `flock`."""
    _held.setdefault(str(output.resolve()), [None, 1])


#: Entries a dataset folder may hold (published items, work and staging folders, the lock).
DATASET_ENTRIES = {
    MARKER,
    LOCK,
    ".work",
    ".staging",
    ".previous",
    ".dagster",
    "parquet",
    "validation",
    "figures",
    "policy_corpus.duckdb",
    "README.md",
    "datapackage.json",
    "croissant.json",
    "LICENSE",
    "LICENSE-DATA.md",
    "CITATION.cff",
    "CHANGELOG.md",
}


def check_output_folder(output: Path, input_dir: Path) -> None:
    """Raise NotADataset unless `output` is empty, absent, or a dataset of this project."""
    if output.resolve() == input_dir.resolve():
        raise NotADataset(f"the output folder {output} is the input folder: choose another one")
    if input_dir.resolve().is_relative_to(output.resolve()):
        raise NotADataset(f"the output folder {output} contains the input folder {input_dir}")
    if not output.exists():
        return
    if not output.is_dir():
        raise NotADataset(f"the output {output} exists and is not a folder")
    entries = {p.name for p in output.iterdir()}
    if MARKER in entries or not entries - {LOCK}:
        return
    if entries <= DATASET_ENTRIES and (output / "parquet" / "sources.parquet").is_file():
        return  # a dataset published before the marker existed
    raise NotADataset(
        f"the output folder {output} is not empty and is not a dataset of policy-corpus "
        f"(no {MARKER} file; it holds {', '.join(sorted(entries)[:5])}"
        f"{'…' if len(entries) > 5 else ''}): nothing was written; choose an empty or new "
        "folder, or an earlier output of `make build`"
    )


def mark_output_folder(output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    marker = output / MARKER
    if not marker.exists():
        marker.write_text(
            "This folder is a dataset built by policy-corpus; builds may replace its dataset "
            "items (parquet/, validation/, the DuckDB file, the card…) and nothing else.\n",
            encoding="utf-8",
        )
