"""The executor interface: map `process_file` over tasks, results in task order."""

from collections.abc import Iterable, Iterator
from typing import Protocol

from .tasks import FileResult, FileTask


class Executor(Protocol):
    """Runs `process_file` over tasks; yields the results in the order of the tasks (so the
    shard files are the same whatever ran where), holding few results in memory at once."""

    workers: int

    def map(self, tasks: Iterable[FileTask]) -> Iterator[FileResult]: ...

    def close(self) -> None: ...


def make_executor(kind: str = "local", workers: int = 1, address: str | None = None) -> Executor:
    """`local` (this process when workers is 1, else a process pool) or `ray` (tasks on a
    Ray cluster: `address` of a running cluster, or a local one started for the build)."""
    if kind == "local":
        from .local import LocalExecutor

        return LocalExecutor(workers)
    if kind == "ray":
        from .ray import RayExecutor

        return RayExecutor(workers, address)
    raise ValueError(f"unknown executor {kind!r} (local or ray)")
