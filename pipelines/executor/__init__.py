"""Where the per-file work runs: in this process, in a local process pool, or on a Ray
cluster. One task function (`tasks.process_file`), several executors, the same bytes out
(datatrove's `executor/{local,ray}` idea)."""

from .base import Executor, make_executor
from .tasks import FileResult, FileTask, process_file

__all__ = ["Executor", "FileResult", "FileTask", "make_executor", "process_file"]
