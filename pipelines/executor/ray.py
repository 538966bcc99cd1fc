"""Ray execution: the same `process_file` as Ray tasks, on a cluster or on this machine.

`address` names a running cluster (`ray://head:10001`, or `auto` inside one); without it a
local Ray instance is started for the build with `workers` CPUs and stopped at the end. The
driver reads nothing itself: tasks carry the file's path, so the workers must see the input
folder (a shared file system or object storage mounted at the same path); results come back
in task order, with a bounded number in flight.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .tasks import FileResult, FileTask, process_file

IN_FLIGHT = 4


class RayExecutor:
    def __init__(self, workers: int = 2, address: str | None = None) -> None:
        import ray

        self.workers = max(1, int(workers))
        self._started = False
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "configure_logging": False,
            }
            if address:
                ray.init(address=address, **kwargs)
            else:
                ray.init(num_cpus=self.workers, **kwargs)
                self._started = True
        self._remote = ray.remote(num_cpus=1)(process_file)

    def map(self, tasks: Iterable[FileTask]) -> Iterator[FileResult]:
        import ray

        window: deque = deque()
        for task in tasks:
            window.append(self._remote.remote(task))
            if len(window) >= self.workers * IN_FLIGHT:
                yield ray.get(window.popleft())
        while window:
            yield ray.get(window.popleft())

    def close(self) -> None:
        import ray

        if self._started and ray.is_initialized():
            ray.shutdown()
            self._started = False
