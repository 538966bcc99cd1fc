"""Local execution: in this process (one worker) or a pool of forked worker processes.

Workers are forked after the segmenter's dictionary is loaded, so they share it (copy on
write) instead of each loading it again (~1 s). Results come back in task order; the pool
keeps at most a few results waiting, so memory holds a handful of files' rows, never a shard.
"""

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator

from .tasks import FileResult, FileTask, process_file

#: Tasks in flight per worker: enough to keep every worker busy while the parent writes.
IN_FLIGHT = 4


def warm_up() -> None:
    """Load what every task needs once (the jieba dictionary, the fact lexicons)."""
    from ..text.facts import extract_facts
    from ..text.segment import get_segmenter

    get_segmenter()
    extract_facts("2020年", doc_year=2020)


def _freeze_inherited() -> None:
    """In a forked worker: move what it inherited out of the garbage collector's sight
    (`gc.freeze`). The dictionaries are millions of objects that never die, and scanning
    them on every collection costs ~8 % of a file's work."""
    import gc

    gc.freeze()


class LocalExecutor:
    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, int(workers))
        self._pool = None

    def map(self, tasks: Iterable[FileTask]) -> Iterator[FileResult]:
        if self.workers == 1:
            yield from map(process_file, tasks)
            return
        if self._pool is None:
            warm_up()
            context = multiprocessing.get_context("fork")
            self._pool = context.Pool(self.workers, initializer=_freeze_inherited)
        window: deque = deque()
        for task in tasks:
            window.append(self._pool.apply_async(process_file, (task,)))
            if len(window) >= self.workers * IN_FLIGHT:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
