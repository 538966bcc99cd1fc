"""Measurements for the benchmark: a child process's wall time and peak memory, and the
throughput of plain `jieba.lcut` (the reference the build's throughput is compared with).

Peak RSS comes two ways: `os.wait4` gives the largest resident set of the child and of each
descendant it reaped (exact, the kernel's `ru_maxrss`); polling `/proc` every 0.2 s gives the
largest sum over the whole process tree at one time (what several workers hold together).
"""

import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
POLL_S = 0.2


@dataclass
class ChildRun:
    """What one child process cost."""

    returncode: int | None  # None: killed at the timeout
    wall_s: float
    peak_rss_mb: float  # largest single process (wait4)
    peak_tree_rss_mb: float | None  # largest sum over the process tree (polled), if /proc
    output_tail: str


def run_child(
    command: list[str], *, env: dict[str, str], cwd: Path, timeout_s: float, log_path: Path
) -> ChildRun:
    """Run a command (its output to log_path), polling its memory until it exits or the
    timeout kills its whole process group."""
    started = time.perf_counter()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        tree_peak: float | None = 0.0 if Path("/proc").is_dir() else None
        returncode: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                returncode = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - started > timeout_s:
                os.killpg(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                break
            if tree_peak is not None:
                tree_peak = max(tree_peak, _tree_rss_bytes(proc.pid) / 2**20)
            time.sleep(POLL_S)
        proc.returncode = returncode if returncode is not None else -signal.SIGKILL
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # nothing the build started outlives it
    wall = time.perf_counter() - started
    tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
    return ChildRun(returncode, wall, usage.ru_maxrss / 1024, tree_peak, tail)


def _tree_rss_bytes(root: int) -> int:
    """Resident bytes of a process and all its descendants now (0 for what vanished)."""
    parent_of: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parent_of[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parent_of.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


@dataclass
class JiebaRun:
    """Plain `jieba.lcut` (default dictionary, HMM on, one process) over decoded files."""

    bytes: int
    seconds: float
    files: int
    sampled: bool  # True: over the first files only, up to the sample size

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else 0.0


def jieba_reference(files: list[Path], sample_bytes: int | None = None) -> JiebaRun:
    """Time `jieba.lcut` over each file's decoded text (setup excluded). With sample_bytes,
    stop after the first files holding at least that many bytes (the rate is what counts)."""
    import logging

    import jieba

    from pipelines.paths import CACHE_DIR

    jieba.setLogLevel(logging.WARNING)
    cache = CACHE_DIR / "jieba"
    cache.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(cache)
    jieba.initialize()
    done = 0
    seconds = 0.0
    count = 0
    for path in files:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        started = time.perf_counter()
        jieba.lcut(text)
        seconds += time.perf_counter() - started
        done += len(data)
        count += 1
        if sample_bytes is not None and done >= sample_bytes:
            break
    return JiebaRun(done, seconds, count, sampled=count < len(files))
