"""Shards: the unit of work and of Dagster partitioning is a group of source files, not a file.

A corpus of ten thousand files would cost ten thousand Dagster runs (~1 s of orchestration
each) and ten thousand partitions in the UI; a shard holds up to `max_files` files or
`max_bytes` bytes, so that cost disappears into the shard.

Assignment is stable and needs no stored state: a file belongs to the shard whose key is a
prefix of the bits of SHA-256(file name). Start from one shard holding every file; split a
shard that is over either limit into its two halves by the next bit, recursively. The plan is
a pure function of the file names and sizes, and adding a file only ever changes the shard it
falls into (which may split): every other shard keeps its files, so its cached tables are
reused. Keys read `all` (the whole corpus in one shard) or `s` + the bit prefix (`s0`, `s10`…).
"""

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

#: Default shard limits: a shard is processed in one Dagster run, so it should be big enough
#: for the per-run overhead (a run, a process pool, the validation's fixed cost: a few
#: seconds) to vanish, and small enough that a changed file does not re-process much and that
#: the validation frames of a shard (its IDs, one column per expectation) stay small: 2,000
#: small files or 20 MB of text, whichever comes first.
MAX_FILES = 2000
MAX_BYTES = 20_000_000
#: 2^24 shards is far more than any corpus needs; the limit only stops a pathological split
#: (many huge files) from recursing for ever.
MAX_DEPTH = 24

ROOT = "all"


class Sized(Protocol):
    name: str  # as the OS gives it (undecodable bytes kept as surrogate escapes)
    size: int


F = TypeVar("F", bound=Sized)


@dataclass(frozen=True)
class SourceFile:
    """A file of the input folder as the shard plan sees it."""

    name: str
    size: int


def name_bits(name: str) -> str:
    """The 256 bits of SHA-256 of the file name's raw bytes, as a string of 0 and 1."""
    digest = hashlib.sha256(os.fsencode(name)).digest()
    return "".join(f"{byte:08b}" for byte in digest)


def shard_key(prefix: str) -> str:
    return f"s{prefix}" if prefix else ROOT


def plan_shards(
    files: Iterable[F], *, max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES
) -> dict[str, list[F]]:
    """Shard key -> its files (sorted by name), keys in sorted order.

    >>> plan = plan_shards([SourceFile("a.txt", 10), SourceFile("b.txt", 10)], max_files=1)
    >>> sorted(len(v) for v in plan.values())
    [1, 1]
    """
    if max_files < 1 or max_bytes < 1:
        raise ValueError("shard limits must be positive")
    entries = sorted(((name_bits(f.name), f) for f in files), key=lambda e: e[1].name)
    plan: dict[str, list[F]] = {}
    stack: list[tuple[str, list[tuple[str, F]]]] = [("", entries)]
    while stack:
        prefix, members = stack.pop()
        size = sum(f.size for _, f in members)
        over = len(members) > max_files or (size > max_bytes and len(members) > 1)
        if not over or len(prefix) >= MAX_DEPTH:
            if members:
                plan[shard_key(prefix)] = [f for _, f in members]
            continue
        depth = len(prefix)
        for bit in "10":
            stack.append((prefix + bit, [e for e in members if e[0][depth] == bit]))
    return dict(sorted(plan.items()))


def shard_of(name: str, keys: Iterable[str]) -> str | None:
    """The key of the shard a file name falls into, among the keys of a plan."""
    bits = name_bits(name)
    for key in keys:
        if key == ROOT or bits.startswith(key[1:]):
            return key
    return None
